"""What to learn before a concept: its prerequisites, in an order where each comes after what it needs.

Which facts make one concept a prerequisite of another is data: a relation with
the ``prerequisite`` trait says its target is learned before its source (ELB
before ALB, which is a type of it), one with ``prerequisite-inverse`` says the
source comes first. Relations with neither (``uses``, ``integrates-with``)
order nothing. ``check`` refuses a cycle of prerequisites, so an order exists.

Only what the concept needs is listed: the concepts reached from it through
prerequisite facts, never the rest of the graph. The order is a depth-first
walk in pack order, each concept written once everything it needs is written,
so the same pack gives the same steps on every run.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from awskg.explorer.record import Record
from awskg.explorer.sentences import sentence
from awskg.graph.model import Edge, KnowledgeGraph

__all__ = ["MARKS", "LearningPath", "Step", "learn", "needs", "prerequisites"]

#: The marks a progress file may give a concept, as the page and the terminal quiz write them.
MARKS = ("done", "learning")


@dataclass(frozen=True)
class Step:
    """One concept to learn: ``because`` is the fact that makes it a step ("" for the goal itself).

    ``mark`` is the learner's mark from the progress given (``"learning"``, or
    ``"done"`` for a goal already done), else ``None``.
    """

    id: str
    label: str
    because: str
    mark: str | None


@dataclass(frozen=True)
class LearningPath(Record):
    """The ``learn --json`` contract: ``{"target": {id, label}, "steps": [...], "more": n}``.

    ``steps`` end with the target; ``more`` counts the concepts it needs that
    the limit left out (the most basic ones, furthest from it).
    """

    target: dict[str, str]
    steps: list[Step]
    more: int = 0


def prerequisites(kg: KnowledgeGraph, node: str) -> Iterator[tuple[str, Edge]]:
    """The concepts ``node`` needs directly, each with the fact that says so, in pack order.

    >>> import awskg
    >>> [(n, e.relation) for n, e in prerequisites(awskg.load(), "alb")][:1]
    [('elb', 'is-a')]
    """
    forward, backward = kg.relations_with("prerequisite"), kg.relations_with("prerequisite-inverse")
    if forward:
        for edge in kg.out_edges(node):
            if edge.relation in forward:
                yield edge.target, edge
    if backward:
        for edge in kg.in_edges(node):
            if edge.relation in backward:
                yield edge.source, edge


def needs(kg: KnowledgeGraph, node: str) -> dict[str, tuple[int, Edge]]:
    """Every concept ``node`` needs, with how many facts away it is and the first fact that reached it.

    Breadth first, so the distance is the shortest and the fact is the one
    nearest to ``node``.

    >>> import awskg
    >>> reached = needs(awskg.load(), "availability-zone")
    >>> reached["region"][0], "subnet" in reached
    (1, False)
    """
    found: dict[str, tuple[int, Edge]] = {}
    frontier = [node]
    distance = 0
    while frontier:
        distance += 1
        after: list[str] = []
        for current in frontier:
            for other, edge in prerequisites(kg, current):
                if other != node and other not in found:
                    found[other] = (distance, edge)
                    after.append(other)
        frontier = after
    return found


def learn(
    kg: KnowledgeGraph,
    name: str,
    *,
    limit: int = 15,
    progress: Mapping[str, str] | None = None,
    lang: str = "en",
) -> LearningPath:
    """The steps to understand ``name``: what it needs, each after what that needs, ``name`` last.

    At most ``limit`` steps, the goal included; when more are needed, the
    nearest are kept. ``progress`` (concept id → ``"done"`` or ``"learning"``)
    leaves out what is done and marks what is being learned.

    >>> import awskg
    >>> path = learn(awskg.load(), "ALB")
    >>> [s.id for s in path.steps][-3:], path.steps[-2].because
    (['load-balancer', 'elb', 'alb'], 'ALB is a type of ELB')
    >>> learn(awskg.load(), "가용 영역", lang="ko").steps[-2].because
    '가용 영역은 리전의 일부이다'
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    marks = dict(progress or {})
    target = kg.resolve(name)
    reached = needs(kg, target)
    open_ = [n for n in reached if marks.get(n) != "done"]
    kept = set(sorted(open_, key=lambda n: reached[n][0])[: limit - 1])
    steps = [
        Step(n, kg.label(n, lang), _because(kg, reached[n][1], lang), marks.get(n))
        for n in _order(kg, target)
        if n in kept
    ]
    steps.append(Step(target, kg.label(target, lang), "", marks.get(target)))
    return LearningPath({"id": target, "label": kg.label(target, lang)}, steps, len(open_) - len(kept))


def _because(kg: KnowledgeGraph, edge: Edge, lang: str) -> str:
    return sentence(kg, edge.source, edge.relation, edge.target, lang)


def _order(kg: KnowledgeGraph, target: str) -> list[str]:
    """What ``target`` needs, each concept after everything it needs (a depth-first post-order)."""
    order: list[str] = []
    placed = {target}
    stack: list[tuple[str, Iterator[tuple[str, Edge]]]] = [(target, prerequisites(kg, target))]
    while stack:
        node, pending = stack[-1]
        for other, _ in pending:
            if other not in placed:
                placed.add(other)
                stack.append((other, prerequisites(kg, other)))
                break
        else:
            stack.pop()
            if node != target:
                order.append(node)
    return order
