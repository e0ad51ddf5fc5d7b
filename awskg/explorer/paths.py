"""How two concepts are connected: a few short chains of facts, ranked.

The search ignores direction (``Fargate`` reaches ``EKS`` although the fact is
stored as ``EKS runs-on Fargate``) but each hop is read in its true direction.
Its cost follows the question, not the pack: a bidirectional breadth-first
search finds the shortest length ``d`` (expanding the smaller side each time,
never past ``max_hops``); a search from the target only ``d`` deep then prunes
a depth-first walk from the source, so only paths no longer than ``d + 1`` are
enumerated, and at most ``MAX_CANDIDATES``.

Ranking prefers informative paths. A path's cost is its length, plus a little
for every broad hub it passes (``log2`` of the hub's number of neighbors),
plus a penalty where it merely joins two siblings of the same group ("X is part
of AWS compute, which contains Y" says little about X and Y), plus a little for
each hop along a ``weak`` relation. Which relations group and which are weak is
data: the ``hierarchy`` and ``weak`` traits of relations.csv.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from awskg.errors import NoPath
from awskg.explorer.arguments import checked_lang, in_range
from awskg.explorer.compare import Fact, facts_in_common
from awskg.explorer.sentences import sentence
from awskg.graph.model import KnowledgeGraph

__all__ = ["Hop", "Path", "Relatedness", "relate"]

MAX_CANDIDATES = 2000
HUB_WEIGHT = 0.25
SIBLING_PENALTY = 1.0
WEAK_PENALTY = 0.5


@dataclass(frozen=True)
class Hop:
    """One fact on a path, ``source``/``target`` as stored; ``text`` as walked."""

    source: str
    relation: str
    target: str
    text: str


@dataclass(frozen=True)
class Path:
    length: int
    hops: list[Hop]
    cost: float = field(default=0.0, compare=False)


@dataclass(frozen=True)
class Relatedness:
    """The answer to "how does A relate to B". :meth:`to_json` is the contract."""

    from_: dict[str, str]
    to: dict[str, str]
    paths: list[Path]
    shared: list[Fact]

    @property
    def hops_apart(self) -> int:
        """How many hops the nearest connection takes (the best-ranked path may be one longer)."""
        return min(path.length for path in self.paths)

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.from_,
            "to": self.to,
            "paths": [
                {
                    "length": p.length,
                    "hops": [
                        {"source": h.source, "relation": h.relation, "target": h.target, "text": h.text} for h in p.hops
                    ],
                }
                for p in self.paths
            ],
        }


def relate(
    kg: KnowledgeGraph, name_a: str, name_b: str, *, limit: int = 3, max_hops: int = 4, lang: str = "en"
) -> Relatedness:
    """Up to ``limit`` ranked paths of at most ``max_hops`` between two concepts.

    Raises :class:`NoPath` when none exists within ``max_hops``.

    >>> import awskg
    >>> answer = relate(awskg.load(), "Fargate", "EKS")
    >>> [h.text for h in answer.paths[0].hops]
    ['Fargate is used by EKS']
    >>> answer.paths[0].hops[0].source, answer.paths[0].hops[0].target
    ('eks', 'fargate')
    """
    in_range("limit", limit, 1, 20)
    in_range("max_hops", max_hops, 1, 8)
    checked_lang(lang)
    a, b = kg.resolve_pair(name_a, name_b)
    shortest = _shortest_length(kg, a, b, max_hops)
    if shortest is None:
        raise NoPath(kg.label(a, lang), kg.label(b, lang), max_hops)
    bound = min(max_hops, shortest + 1)
    # an inner node of a path of at most `bound` hops lies at most `bound - 1` from b
    walks = _walks(kg, a, b, _distances(kg, b, bound - 1), bound)
    breadth = {n: len(kg.neighbors(n)) for walk in walks for n in walk[1:-1]}
    traits = _Traits(kg.relations_with("hierarchy"), kg.relations_with("weak"))
    ranked = sorted((_path(kg, nodes, breadth, traits, lang) for nodes in walks), key=_rank)
    return Relatedness(
        from_={"id": a, "label": kg.label(a, lang)},
        to={"id": b, "label": kg.label(b, lang)},
        paths=ranked[:limit],
        shared=facts_in_common(kg, a, b, lang),
    )


@dataclass(frozen=True)
class _Traits:
    """The relations that rank differently, read once per question."""

    hierarchy: frozenset[str]
    weak: frozenset[str]

    def telling(self, relation: str) -> bool:
        """A relation that says something of its own, preferred when two facts join the same pair."""
        return relation not in self.hierarchy and relation not in self.weak


def _neighbors(kg: KnowledgeGraph, node: str) -> list[str]:
    return sorted(kg.neighbors(node))


def _shortest_length(kg: KnowledgeGraph, a: str, b: str, limit: int) -> int | None:
    """Undirected hops from ``a`` to ``b`` if at most ``limit``, found from both ends at once.

    Each round grows the smaller frontier by one level, so a near pair costs
    a few neighborhoods whatever the size of the graph.
    """
    seen = ({a: 0}, {b: 0})
    frontiers = ([a], [b])
    depth = [0, 0]
    while frontiers[0] and frontiers[1] and depth[0] + depth[1] < limit:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        mine, other = seen[side], seen[1 - side]
        depth[side] += 1
        reached = []
        best = None
        for node in frontiers[side]:
            for nxt in kg.adjacent(node):
                if nxt in mine:
                    continue
                mine[nxt] = depth[side]
                reached.append(nxt)
                if nxt in other:
                    total = depth[side] + other[nxt]
                    best = total if best is None else min(best, total)
        if best is not None:
            return best
        frontiers = (reached, frontiers[1]) if side == 0 else (frontiers[0], reached)
    return None


def _distances(kg: KnowledgeGraph, start: str, limit: int) -> dict[str, int]:
    """Undirected hop counts from ``start``, no deeper than ``limit``."""
    distance = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if distance[node] == limit:
            continue
        for other in kg.adjacent(node):  # order does not matter here
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    return distance


def _walks(kg: KnowledgeGraph, a: str, b: str, distance: dict[str, int], bound: int) -> list[list[str]]:
    """Simple paths from ``a`` to ``b`` of at most ``bound`` hops, pruned by ``distance`` to ``b``."""
    found: list[list[str]] = []
    path = [a]

    def extend(node: str) -> None:
        for other in _neighbors(kg, node):
            if len(found) >= MAX_CANDIDATES:
                return
            if other in path or distance.get(other, bound + 1) + len(path) > bound:
                continue
            if other == b:
                found.append([*path, b])
                continue
            path.append(other)
            extend(other)
            path.pop()

    extend(a)
    return found


def _path(kg: KnowledgeGraph, nodes: list[str], breadth: dict[str, int], traits: _Traits, lang: str) -> Path:
    hops = [_hop(kg, u, v, traits, lang) for u, v in pairwise(nodes)]
    cost = float(len(hops)) + WEAK_PENALTY * sum(h.relation in traits.weak for h in hops)
    for i, middle in enumerate(nodes[1:-1]):
        cost += HUB_WEIGHT * math.log2(1 + breadth[middle])
        before, after = hops[i], hops[i + 1]
        if {before.relation, after.relation} <= traits.hierarchy and before.target == middle == after.target:
            cost += SIBLING_PENALTY
    return Path(len(hops), hops, cost)


def _hop(kg: KnowledgeGraph, u: str, v: str, traits: _Traits, lang: str) -> Hop:
    """The most telling stored fact between consecutive nodes, read from ``u`` to ``v``."""
    options = [(traits.telling(r), True, r, u, v) for r in kg.relations_between(u, v)]
    options += [(traits.telling(r), False, r, v, u) for r in kg.relations_between(v, u)]
    _, forward, relation, source, target = max(options, key=lambda o: (o[0], o[1], [-ord(c) for c in o[2]]))
    return Hop(source, relation, target, sentence(kg, source, relation, target, lang, inverse=not forward))


def _rank(path: Path) -> tuple[float, int, list[tuple[str, str, str]]]:
    return (path.cost, path.length, [(h.source, h.relation, h.target) for h in path.hops])
