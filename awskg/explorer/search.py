"""Finding concepts by partial or misspelled name, Korean included.

Each of a node's names (id, labels, aliases) is scored against the query
after :func:`~awskg.graph.names.normalize`: an exact name scores 1.0, a name
that starts with the query 0.9, one that contains it 0.8, otherwise a
discounted similarity to the whole name or to its closest stretch. A node's
score is that of its best name.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import node_names, normalize

__all__ = ["Match", "search"]

THRESHOLD = 0.6
WHOLE_WEIGHT = 0.85
PART_WEIGHT = 0.65


@dataclass(frozen=True)
class Match:
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
    query = normalize(text)
    if not query:
        return []
    matches = []
    for node, attrs in kg.graph.nodes(data=True):
        best, matched = 0.0, ""
        for name in (node, *node_names(attrs)):
            score = _score(query, normalize(name))
            if score > best:
                best, matched = score, name
        if best >= THRESHOLD:
            matches.append(Match(node, attrs["label"], attrs["label_ko"], attrs["kind"], round(best, 3), matched))
    matches.sort(key=lambda m: (-m.score, len(m.label), m.id))
    return matches[:limit]


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
