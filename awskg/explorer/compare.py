"""Side by side: what two concepts have in common, and what only one of them has.

A *fact about* a concept is a relation, a direction and the concept at the
other end; two concepts share a fact when both have the same one ("both run
on Fargate"). ``relate`` reuses :func:`facts_in_common` for its summary.
"""

from __future__ import annotations

from dataclasses import dataclass

from awskg.explorer.sentences import predicate
from awskg.graph.model import KnowledgeGraph

__all__ = ["Comparison", "Fact", "compare", "facts_about", "facts_in_common"]


@dataclass(frozen=True, order=True)
class Fact:
    """``relation`` seen from a concept: ``out`` when it is the subject, ``in`` when the object.

    ``text`` is the predicate read from the concept's side ("runs on Fargate").
    """

    relation: str
    direction: str
    node: str
    text: str = ""


@dataclass(frozen=True)
class Comparison:
    """The ``compare --json`` contract."""

    a: dict[str, str]
    b: dict[str, str]
    shared: list[Fact]
    only_a: list[Fact]
    only_b: list[Fact]


def facts_about(kg: KnowledgeGraph, node: str, lang: str = "en") -> list[Fact]:
    """Every fact about ``node``, read from its side, sorted.

    >>> import awskg
    >>> [f.text for f in facts_about(awskg.load(), "ecr")]
    ['stores Container image', 'is used by ECS', 'is used by EKS', 'is used by Lambda']
    """
    facts = [Fact(e.relation, "out", e.target, predicate(kg, e.relation, e.target, lang)) for e in kg.out_edges(node)]
    facts += [
        Fact(e.relation, "in", e.source, predicate(kg, e.relation, e.source, lang, True)) for e in kg.in_edges(node)
    ]
    return sorted(facts)


def facts_in_common(kg: KnowledgeGraph, a: str, b: str, lang: str = "en") -> list[Fact]:
    """Facts that ``a`` and ``b`` both have, apart from the ones linking them to each other.

    >>> import awskg
    >>> [f.text for f in facts_in_common(awskg.load(), "ecs", "eks")][:3]
    ['is part of AWS compute', 'runs on EC2', 'runs on Fargate']
    """
    keys_b = {(f.relation, f.direction, f.node) for f in facts_about(kg, b, lang)}
    return [f for f in facts_about(kg, a, lang) if (f.relation, f.direction, f.node) in keys_b and f.node not in (a, b)]


def compare(kg: KnowledgeGraph, name_a: str, name_b: str, lang: str = "en") -> Comparison:
    """Compare two concepts by their facts.

    >>> import awskg
    >>> result = compare(awskg.load(), "ECS", "EKS")
    >>> "uses Kubernetes" in [f.text for f in result.only_b]
    True
    """
    a, b = kg.resolve_pair(name_a, name_b)
    facts_a, facts_b = facts_about(kg, a, lang), facts_about(kg, b, lang)
    shared = facts_in_common(kg, a, b, lang)
    keys = {(f.relation, f.direction, f.node) for f in shared}
    return Comparison(
        a={"id": a, "label": kg.label(a, lang)},
        b={"id": b, "label": kg.label(b, lang)},
        shared=shared,
        only_a=[f for f in facts_a if (f.relation, f.direction, f.node) not in keys],
        only_b=[f for f in facts_b if (f.relation, f.direction, f.node) not in keys],
    )
