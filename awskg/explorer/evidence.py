"""Positive evidence that a concept lacks a fact: the one door to "not", "only" and "wrong".

The graph is not complete, so a fact missing from it is no evidence that the
fact is false. Only a *completeness mark* (complete.csv) closes a side of a
concept: "the facts of this relation on this side are all there are". This
module turns each mark into the set of concepts the closed side holds, with
everything the relation traits add to what the pack states:

- a ``transitive`` relation holds along a chain (a data center is part of
  its Availability Zone's Region too);
- a ``symmetric`` relation is one fact whichever way an author stored it;
- an ``inherits`` relation (a subtype, an instance) passes facts down: what is
  stated of ELB holds for ALB, and whoever uses a worker node uses an EC2
  instance when worker nodes *are* EC2 instances.

A concept outside that set lacks the fact, and the mark is the evidence. The
quiz draws wrong options this way and ``compare`` lists a fact as one side's
alone this way; both call :func:`closed_sides` and :func:`lacks`. Properties
bring their own evidence (an ``exclusive`` or ``complete`` dimension), which
``compare`` and the quiz read from the dimension's traits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from awskg.graph.model import KnowledgeGraph

__all__ = ["ClosedSides", "closed_sides", "lacks", "opposite", "reach"]

Mark = tuple[str, str, str]


class ClosedSides:
    """Each completeness mark, (node, relation, direction), with every concept its closed side holds.

    A side is worked out the first time a question asks about it, and kept
    for the rest of that question: comparing two concepts costs the marks that
    touch them, not every mark of the pack (a hub's mark holds thousands).
    """

    def __init__(self, kg: KnowledgeGraph, marks: Iterable[Mark]) -> None:
        self._kg = kg
        self._marks = list(dict.fromkeys(marks))
        self._known = set(self._marks)
        self._held: dict[Mark, frozenset[str]] = {}

    def get(self, mark: Mark) -> frozenset[str] | None:
        """The concepts the mark's side holds, or None where no such mark exists."""
        if mark not in self._known:
            return None
        if mark not in self._held:
            self._held[mark] = _holds(self._kg, *mark)
        return self._held[mark]

    def __getitem__(self, mark: Mark) -> frozenset[str]:
        held = self.get(mark)
        if held is None:
            raise KeyError(mark)
        return held

    def items(self) -> list[tuple[Mark, frozenset[str]]]:
        """Every mark with its side, in pack order (the quiz and the page want them all)."""
        return [(mark, self[mark]) for mark in self._marks]


def opposite(direction: str) -> str:
    """The other side of a fact: ``out`` for ``in`` and back."""
    return "in" if direction == "out" else "out"


def reach(kg: KnowledgeGraph, node: str, relation: str, direction: str) -> set[str]:
    """What the facts of ``relation`` state on that side of ``node``, chains and both ways as the traits say.

    >>> import awskg
    >>> sorted(reach(awskg.load(), "data-center", "part-of", "out"))
    ['availability-zone', 'aws', 'aws-global-infrastructure', 'region']
    """
    transitive = relation in kg.relations_with("transitive")
    both = relation in kg.relations_with("symmetric")
    seen: set[str] = set()
    frontier = [node]
    while frontier:
        current = frontier.pop()
        edges = []
        if both or direction == "out":
            edges += [(e.relation, e.target) for e in kg.out_edges(current)]
        if both or direction == "in":
            edges += [(e.relation, e.source) for e in kg.in_edges(current)]
        for name, other in edges:
            if name == relation and other not in seen and other != node:
                seen.add(other)
                if transitive:
                    frontier.append(other)
    return seen


def _lineage(kg: KnowledgeGraph, start: set[str], upward: bool) -> set[str]:
    """``start`` with every ancestor (``upward``) or descendant through ``inherits`` relations."""
    inherits = kg.relations_with("inherits")
    found = set(start)
    frontier = list(start)
    while frontier:
        current = frontier.pop()
        edges = kg.out_edges(current) if upward else kg.in_edges(current)
        for edge in edges:
            other = edge.target if upward else edge.source
            if edge.relation in inherits and other not in found:
                found.add(other)
                frontier.append(other)
    return found


def _holds(kg: KnowledgeGraph, node: str, relation: str, direction: str) -> frozenset[str]:
    """Every concept on ``direction`` of ``node`` for ``relation``, stated or implied by the traits."""
    if direction == "out":
        # what node's ancestors state holds for node; a target stands for its ancestors too
        targets: set[str] = set()
        for holder in _lineage(kg, {node}, upward=True):
            targets |= reach(kg, holder, relation, "out")
        return frozenset(_lineage(kg, targets, upward=True) - {node})
    # whoever states it of node: their descendants state it too
    return frozenset(_lineage(kg, reach(kg, node, relation, "in"), upward=False) - {node})


def closed_sides(kg: KnowledgeGraph, marks: Iterable[Mark] | None = None) -> ClosedSides:
    """Each completeness mark (or those of ``marks``) with every concept its closed side holds.

    A mark costs what its side holds, one pass over it, and only once asked about.

    >>> import awskg
    >>> sides = closed_sides(awskg.load())
    >>> sorted(sides[("elb", "is-a", "in")])
    ['alb', 'clb', 'gwlb', 'nlb']
    """
    return ClosedSides(kg, kg.complete if marks is None else marks)


def lacks(
    kg: KnowledgeGraph, sides: ClosedSides, node: str, relation: str, direction: str, other: str
) -> dict[str, Any] | None:
    """Why ``node`` does not have the fact (``relation``, ``direction``, ``other``), or None if nothing says so.

    The evidence is a completeness mark on either end: ``node``'s own side
    (all of its facts of that relation are stated, and ``other`` is not among
    them) or ``other``'s opposite side. A symmetric relation is closed by a
    mark on either side.

    >>> import awskg
    >>> kg = awskg.load()
    >>> sides = closed_sides(kg)
    >>> lacks(kg, sides, "ec2", "is-a", "out", "elb")
    {'rule': 'closed', 'node': 'elb', 'relation': 'is-a', 'direction': 'in'}
    >>> lacks(kg, sides, "alb", "is-a", "out", "elb") is None
    True
    """
    both = relation in kg.relations_with("symmetric")
    ends = [(node, direction, other), (other, opposite(direction), node)]
    for end, side, member in ends:
        for closed in (side, opposite(side)) if both else (side,):
            held = sides.get((end, relation, closed))
            if held is not None and member not in held:
                return {"rule": "closed", "node": end, "relation": relation, "direction": closed}
    return None
