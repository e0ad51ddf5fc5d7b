"""Finding concepts by partial or misspelled name, Korean included.

Each of a node's names (id, labels, aliases) is scored against the query
after :func:`~awskg.graph.names.normalize`: an exact name scores 1.0, a name
that starts with the query 0.9, one that contains it 0.8, otherwise a
discounted similarity to the whole name or to its closest stretch. A node's
score is that of its best name.

The names come from the graph's name index, normalized once at load. On a
big graph (over ``SHORTLIST_ABOVE`` names) only names that hold the query, or
share the most of its two-letter stretches (the best ``FUZZY_POOL``), are compared closely: the
close comparison costs tens of microseconds a name, and once ran for every
name of a 100,000-node pack. Queries are capped at ``MAX_QUERY`` characters.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from awskg.errors import QueryTooLong
from awskg.explorer.arguments import in_range
from awskg.explorer.record import Record
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import SHORTLIST_ABOVE, bigrams, node_names, normalize

__all__ = ["Match", "search"]

THRESHOLD = 0.6
WHOLE_WEIGHT = 0.85
PART_WEIGHT = 0.65
#: The longest query: longer than any name, short enough to compare quickly.
MAX_QUERY = 200
#: On a big graph, how many names sharing the most two-letter stretches are compared closely.
FUZZY_POOL = 500


@dataclass(frozen=True)
class Match(Record):
    """One hit of ``awskg search``; ``matched`` is the name that scored best."""

    id: str
    label: str
    label_ko: str
    kind: str
    score: float
    matched: str


def search(kg: KnowledgeGraph, text: str, limit: int = 10) -> list[Match]:
    """Concepts whose names look like ``text``, best first.

    >>> import awskg
    >>> kg = awskg.load()
    >>> [m.id for m in search(kg, "farget")][:1], "alb" in [m.id for m in search(kg, "로드")]
    (['fargate'], True)
    """
    in_range("limit", limit, 1, 100)
    if len(text) > MAX_QUERY:
        raise QueryTooLong(len(text), MAX_QUERY)
    query = normalize(text)
    if not query:
        return []
    owner = kg.names.owner
    best: dict[str, tuple[float, str]] = {}
    for key in _candidates(owner, query):
        score = _score(query, key)
        if score >= THRESHOLD:
            node = owner[key]
            if score > best.get(node, (0.0, ""))[0]:
                best[node] = (score, key)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], len(kg.label(item[0])), item[0]))
    return [_match(node, kg.node(node), score, key) for node, (score, key) in ranked[:limit]]


def _candidates(owner: dict[str, str], query: str) -> Iterable[str]:
    """Every normalized name on a small graph; on a big one, those worth a close comparison."""
    if len(owner) <= SHORTLIST_ABOVE:
        return owner
    grams = bigrams(query)
    need = max(1, len(grams) // 2)
    shared = re.compile("|".join(map(re.escape, sorted(grams)))).findall
    holding, close = [], []
    for key in owner:
        if query in key:
            holding.append(key)
        else:
            count = len(shared(key))
            if count >= need:
                close.append((count, -abs(len(key) - len(query)), key))
    return holding + [key for *_, key in heapq.nlargest(FUZZY_POOL, close)]


def _match(node: str, attrs: dict[str, Any], score: float, key: str) -> Match:
    matched = next((name for name in (node, *node_names(attrs)) if normalize(name) == key), node)
    return Match(node, attrs["label"], attrs["label_ko"], attrs["kind"], round(score, 3), matched)


def _score(query: str, name: str) -> float:
    if not name:
        return 0.0
    if name == query:
        return 1.0
    if name.startswith(query):
        return 0.9
    if query in name:
        return 0.8
    whole = SequenceMatcher(None, query, name).ratio()
    width = len(query)
    # The query may also be a misspelling of a stretch of a longer name
    # ("kubernets" inside "Amazon Elastic Kubernetes Service"); such partial
    # likeness counts for less than likeness to the whole name.
    part = 0.0
    for start in range(1, len(name) - width + 1):
        window = SequenceMatcher(None, query, name[start : start + width])
        if window.quick_ratio() > part:
            part = max(part, window.ratio())
    return max(whole * WHOLE_WEIGHT, part * PART_WEIGHT)
