"""How two concepts are connected: a few short chains of facts, ranked.

The search ignores direction (``Fargate`` reaches ``EKS`` although the fact is
stored as ``EKS runs-on Fargate``) but each hop is read in its true direction.
Its cost follows the question, not the pack: a bidirectional breadth-first
search finds the shortest length ``d`` (expanding the smaller side each time,
never past ``max_hops``); the same two balls, grown until their radii add up
to ``d + 1``, then prune a depth-first walk from the source, so only paths no
longer than ``d + 1`` are enumerated, at most ``MAX_CANDIDATES``, and nothing
beyond the balls is read. Only the paths returned are put into words.

A path that only meets at a shared class or fact is a commonality, not a
connection: "Fargate is part of AWS compute, which contains EKS" says "both
are part of AWS compute", and "both have the characteristic Measured service"
the same. Such paths are never numbered; what both share is the answer's
``shared`` line. A middle node makes a path a commonality when its kind has
the ``class`` trait (kinds.csv: service models, characteristics, categories)
or when both of its facts on the path are the same relation with it on the
same end (both provisioned by Elastic Beanstalk, both use ECR). When every
path within one hop of the shortest is a commonality, longer ones are tried
up to ``max_hops``. An alternative path is shown only when it goes through
none of the concepts of a path already shown: a new mechanism, not the same
one restated.

Ranking prefers informative paths. A path's cost is its length, plus a little
for every broad hub it passes (``log2`` of the hub's number of neighbors),
plus a penalty where it merely joins two siblings of the same group ("X is part
of AWS compute, which contains Y" says little about X and Y), plus a little for
each hop along a ``weak`` relation. Which relations group and which are weak is
data: the ``hierarchy`` and ``weak`` traits of relations.csv.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from typing import Any

from awskg.errors import NoPath
from awskg.explorer.arguments import checked_lang, in_range
from awskg.explorer.compare import Fact, facts_in_common
from awskg.explorer.sentences import sentence
from awskg.graph.model import KnowledgeGraph

__all__ = ["Hop", "Path", "Relatedness", "meeting", "relate"]

MAX_CANDIDATES = 2000
HUB_WEIGHT = 0.25
SIBLING_PENALTY = 1.0
WEAK_PENALTY = 0.5


@dataclass(frozen=True)
class Hop:
    """One fact on a path, ``source``/``target`` as stored; ``text`` as walked; ``note`` the fact's own."""

    source: str
    relation: str
    target: str
    text: str
    note: str = ""


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
        """How many hops the nearest connection takes (the best-ranked path may be one longer); 0 for none."""
        return min((path.length for path in self.paths), default=0)

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.from_,
            "to": self.to,
            "paths": [
                {
                    "length": p.length,
                    "hops": [
                        {"source": h.source, "relation": h.relation, "target": h.target, "text": h.text, "note": h.note}
                        for h in p.hops
                    ],
                }
                for p in self.paths
            ],
            "shared": [asdict(f) for f in self.shared],
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
    balls = _Balls(kg, a, b)
    shortest = balls.shortest(max_hops)
    if shortest is None:
        raise NoPath(kg.label(a, lang), kg.label(b, lang), max_hops)
    shared = facts_in_common(kg, a, b, lang)
    traits = _traits(kg)
    ranked: list[Path] = []
    # one hop past the shortest; past that only while nothing is shared and no real path was found
    for bound in range(min(max_hops, shortest + 1), max_hops + 1):
        ranked = [p for p in _ranked(kg, balls, bound, traits) if not _commonality(kg, p, traits)]
        if ranked or shared:
            break
    if not ranked and not shared:
        raise NoPath(kg.label(a, lang), kg.label(b, lang), max_hops, only_shared=True)
    return Relatedness(
        from_={"id": a, "label": kg.label(a, lang)},
        to={"id": b, "label": kg.label(b, lang)},
        paths=[_said(kg, path, a, lang) for path in _distinct(ranked, limit, {a, b})],
        shared=shared,
    )


def meeting(kg: KnowledgeGraph, a: str, b: str, *, max_hops: int = 4, lang: str = "en") -> list[Hop]:
    """How a tour goes from ``a`` to ``b``: the best real path, else where the two meet; [] if nowhere.

    A tour may step between siblings, and "both are part of cloud computing"
    is then the link it wants, though ``relate`` never numbers it.

    >>> import awskg
    >>> [h.text for h in meeting(awskg.load(), "lambda", "fargate")]
    ['Lambda is supported by Savings Plans', 'Savings Plans supports Fargate']
    """
    balls = _Balls(kg, a, b)
    shortest = balls.shortest(max_hops)
    if shortest is None:
        return []
    traits = _traits(kg)
    ranked = _ranked(kg, balls, min(max_hops, shortest + 1), traits)
    best = min(ranked, key=lambda p: _commonality(kg, p, traits))  # sorted already: the first real one
    return _said(kg, best, a, lang).hops


def _traits(kg: KnowledgeGraph) -> _Traits:
    return _Traits(kg.relations_with("hierarchy"), kg.relations_with("weak"), kg.kinds_with("class"))


def _ranked(kg: KnowledgeGraph, balls: _Balls, bound: int, traits: _Traits) -> list[Path]:
    """Every path of at most ``bound`` hops between the balls' centres (up to MAX_CANDIDATES), best first.

    The hops are not read yet (their ``text`` is empty): ranking needs only
    which facts they are, and :func:`_said` reads the few paths returned.
    """
    a, b = balls.a, balls.b
    walks = _walks(kg, a, b, balls.to_b(bound), bound)
    breadth = {n: len(kg.neighbors(n)) for walk in walks for n in walk[1:-1]}
    return sorted((_path(kg, nodes, breadth, traits) for nodes in walks), key=_rank)


def _commonality(kg: KnowledgeGraph, path: Path, traits: _Traits) -> bool:
    """Whether the path meets at a class, or at a fact both of its neighbours share (see the module doc)."""
    for before, after in pairwise(path.hops):
        middle = before.target if before.target in (after.source, after.target) else before.source
        if kg.kind(middle) in traits.classes:
            return True
        if before.relation == after.relation and (before.target == middle) == (after.target == middle):
            return True
    return False


def _distinct(ranked: list[Path], limit: int, ends: set[str]) -> list[Path]:
    """The best paths, each through concepts no path before it went through."""
    chosen: list[Path] = []
    used: set[str] = set()
    for path in ranked:
        inner = {n for h in path.hops for n in (h.source, h.target)} - ends
        if inner & used:
            continue
        chosen.append(path)
        used |= inner
        if len(chosen) == limit:
            break
    return chosen


@dataclass(frozen=True)
class _Traits:
    """The relations that rank differently, read once per question."""

    hierarchy: frozenset[str]
    weak: frozenset[str]
    classes: frozenset[str]

    def telling(self, relation: str) -> bool:
        """A relation that says something of its own, preferred when two facts join the same pair."""
        return relation not in self.hierarchy and relation not in self.weak


class _Balls:
    """Two breadth-first balls around ``a`` and ``b``, each round growing the one with the smaller frontier.

    A near pair costs a few neighborhoods whatever the size of the graph, and
    a far one two balls of half its distance: the same balls then bound the
    walk that enumerates the paths (:meth:`to_b`).
    """

    def __init__(self, kg: KnowledgeGraph, a: str, b: str) -> None:
        self.kg, self.a, self.b = kg, a, b
        self.seen = ({a: 0}, {b: 0})
        self.frontiers: tuple[list[str], list[str]] = ([a], [b])
        self.depth = [0, 0]

    def grow(self) -> int | None:
        """One more level on the smaller side; the shortest length through it if the balls now meet."""
        side = 0 if len(self.frontiers[0]) <= len(self.frontiers[1]) else 1
        mine, other = self.seen[side], self.seen[1 - side]
        self.depth[side] += 1
        reached = []
        best = None
        for node in self.frontiers[side]:
            for nxt in self.kg.adjacent(node):
                if nxt in mine:
                    continue
                mine[nxt] = self.depth[side]
                reached.append(nxt)
                if nxt in other:
                    total = self.depth[side] + other[nxt]
                    best = total if best is None else min(best, total)
        self.frontiers = (reached, self.frontiers[1]) if side == 0 else (self.frontiers[0], reached)
        return best

    def shortest(self, limit: int) -> int | None:
        """Undirected hops from ``a`` to ``b`` if at most ``limit``."""
        if self.a == self.b:
            return 0
        while all(self.frontiers) and sum(self.depth) < limit:
            best = self.grow()
            if best is not None:
                return best
        return None

    def to_b(self, bound: int) -> tuple[dict[str, int], int]:
        """Hops to ``b`` as far as ``b``'s ball knows them, and the fewest hops to ``b`` of any concept beyond it.

        The balls first grow until their radii add up to ``bound``: then the
        k-th concept of a path of at most ``bound`` hops is within k of ``a``
        and within ``bound - k`` of ``b``, so it lies in ``a``'s ball while k is
        at most ``a``'s radius and in ``b``'s ball from there on. A concept
        outside ``b``'s ball is more than ``b``'s radius from ``b``: that is the
        lower bound given for it, so the walk from ``a`` (:func:`_walks`) steps
        outside ``b``'s ball only inside ``a``'s, and inside ``b``'s knows each
        distance exactly. The length already known bounds the walk from both
        ends, and no concept beyond the balls is read. A lower bound prunes
        only a step that cannot reach ``b`` within ``bound``, so the walk finds
        the same paths, in the same order, as it would with every exact distance.
        """
        while all(self.frontiers) and sum(self.depth) < bound:
            self.grow()
        return self.seen[1], self.depth[1] + 1


def _walks(kg: KnowledgeGraph, a: str, b: str, to_b: tuple[dict[str, int], int], bound: int) -> list[list[str]]:
    """Simple paths from ``a`` to ``b`` of at most ``bound`` hops, pruned by the fewest hops to ``b`` (:meth:`_Balls.to_b`)."""
    found: list[list[str]] = []
    path = [a]
    distance, beyond = to_b
    # a concept is reached again by other routes: its neighbors are sorted once per walk
    ordered: dict[str, list[str]] = {}

    def extend(node: str) -> None:
        if node not in ordered:
            ordered[node] = sorted(kg.neighbors(node))
        for other in ordered[node]:
            if len(found) >= MAX_CANDIDATES:
                return
            if other in path or distance.get(other, beyond) + len(path) > bound:
                continue
            if other == b:
                found.append([*path, b])
                continue
            path.append(other)
            extend(other)
            path.pop()

    extend(a)
    return found


def _path(kg: KnowledgeGraph, nodes: list[str], breadth: dict[str, int], traits: _Traits) -> Path:
    hops = [_hop(kg, u, v, traits) for u, v in pairwise(nodes)]
    cost = float(len(hops)) + WEAK_PENALTY * sum(h.relation in traits.weak for h in hops)
    for i, middle in enumerate(nodes[1:-1]):
        cost += HUB_WEIGHT * math.log2(1 + breadth[middle])
        before, after = hops[i], hops[i + 1]
        if {before.relation, after.relation} <= traits.hierarchy and before.target == middle == after.target:
            cost += SIBLING_PENALTY
    return Path(len(hops), hops, cost)


def _hop(kg: KnowledgeGraph, u: str, v: str, traits: _Traits) -> Hop:
    """The most telling stored fact between consecutive nodes, walked from ``u`` to ``v``, not read yet."""
    options = [(traits.telling(r), True, r, u, v) for r in kg.relations_between(u, v)]
    options += [(traits.telling(r), False, r, v, u) for r in kg.relations_between(v, u)]
    *_, relation, source, target = max(options, key=lambda o: (o[0], o[1], [-ord(c) for c in o[2]]))
    return Hop(source, relation, target, "")


def _said(kg: KnowledgeGraph, path: Path, start: str, lang: str) -> Path:
    """``path``, walked from ``start``, with every hop read in ``lang`` as walked, and the fact's own note."""
    hops = []
    for hop in path.hops:
        data = kg.graph.get_edge_data(hop.source, hop.target, key=hop.relation)
        note = (lang == "ko" and data.get("note_ko")) or data.get("note", "")
        forward = hop.source == start
        text = sentence(kg, hop.source, hop.relation, hop.target, lang, inverse=not forward)
        hops.append(Hop(hop.source, hop.relation, hop.target, text, note))
        start = hop.target if forward else hop.source
    return Path(path.length, hops, path.cost)


def _rank(path: Path) -> tuple[float, int, list[tuple[str, str, str]]]:
    return (path.cost, path.length, [(h.source, h.relation, h.target) for h in path.hops])
