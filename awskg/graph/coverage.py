"""Which concepts lack a value that others of their kind state: the gaps that make a comparison one-sided.

``compare`` lists a dimension as a difference only when both sides state a
value, so a concept missing a value its peers have silently loses that
distinction. A dimension *applies* to a concept of a kind where some concept
of that kind has a value on it, narrowed by the dimension's ``applies_to``
column: the listed nodes and every concept that reaches one of them through
``hierarchy`` relations (is-a, part-of, example-of, ...), transitively. The
dimension's description is the stated reason why it applies to no others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from awskg.graph.vocabulary import Dimension

if TYPE_CHECKING:
    from awskg.graph.model import KnowledgeGraph

__all__ = ["gaps", "missing_values"]


def missing_values(kg: KnowledgeGraph) -> list[tuple[str, str]]:
    """(node, dimension) for every concept lacking a value its dimension's domain asks of it.

    >>> import awskg
    >>> missing_values(awskg.load())
    []
    """
    hierarchy = kg.relations_with("hierarchy")
    return gaps(
        {node: kg.kind(node) for node in kg.node_ids()},
        ((e.source, e.target) for e in kg.edges() if e.relation in hierarchy),
        {node: {p.dimension for p in props} for node, props in kg.properties.items()},
        kg.dimensions,
    )


def gaps(
    kinds: Mapping[str, str],
    hierarchy: Iterable[tuple[str, str]],
    stated: Mapping[str, set[str]],
    dimensions: Mapping[str, Dimension],
) -> list[tuple[str, str]]:
    """The gaps among plain data: each node's kind, the (child, parent) hierarchy pairs,
    the dimensions each node states, and the dimensions' records; sorted.

    >>> dims = {"layer": Dimension("layer", "Layer", applies_to=frozenset({"lb"}))}
    >>> gaps({"lb": "c", "alb": "c", "nlb": "c", "vpc": "c"}, [("alb", "lb"), ("nlb", "lb")], {"alb": {"layer"}}, dims)
    [('lb', 'layer'), ('nlb', 'layer')]
    """
    parents: dict[str, set[str]] = {}
    for child, parent in hierarchy:
        parents.setdefault(child, set()).add(parent)
    used: set[tuple[str, str]] = {(kinds[node], d) for node, names in stated.items() for d in names if node in kinds}
    missing = []
    for node, kind in kinds.items():
        have = stated.get(node, set())
        ancestors: set[str] | None = None
        for dimension in sorted(d for k, d in used if k == kind and d not in have):
            scope = dimensions[dimension].applies_to
            if scope:
                ancestors = _ancestors(node, parents) if ancestors is None else ancestors
                if not scope & ancestors:
                    continue
            missing.append((node, dimension))
    return sorted(missing)


def _ancestors(node: str, parents: Mapping[str, set[str]]) -> set[str]:
    """``node`` and every node it reaches through hierarchy pairs."""
    seen, todo = {node}, [node]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen
