"""Side by side: how two concepts differ, what they have in common, and what only one has.

Differences come from properties (what a concept is like: ALB works at layer
7, NLB at layer 4), dimension by dimension, because "what is the difference
between A and B" is the question learners ask most. A *fact about* a concept
is a relation, a direction and the concept at the other end; two concepts share
a fact when both have the same one ("both run on Fargate"). ``relate`` reuses
:func:`facts_in_common` for its summary.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from awskg.explorer.arguments import checked_lang
from awskg.explorer.sentences import predicate
from awskg.graph.model import KnowledgeGraph

__all__ = ["Comparison", "Fact", "PropertyRow", "compare", "differences", "facts_about", "facts_in_common"]


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
class PropertyRow:
    """One dimension seen on both concepts: each side's values as ``{"value", "label"}``.

    A side with no values is not stated in the packs (which is not the same as
    "none"); ``source_refs`` cite every value shown.
    """

    dimension: str
    label: str
    a: list[dict[str, str]]
    b: list[dict[str, str]]
    source_refs: list[str]


@dataclass(frozen=True)
class Comparison:
    """The ``compare --json`` contract.

    ``differences`` (dimensions where both sides state values and they differ,
    then dimensions stated for one side only) come first; ``same`` holds the
    dimensions where both state the same values; ``shared``, ``only_a`` and
    ``only_b`` are the facts.
    """

    a: dict[str, str]
    b: dict[str, str]
    shared: list[Fact]
    only_a: list[Fact]
    only_b: list[Fact]
    differences: list[PropertyRow] = field(default_factory=list)
    same: list[PropertyRow] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


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
    ['is part of AWS compute', 'uses ECR', 'uses Fargate']
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
    checked_lang(lang)
    a, b = kg.resolve_pair(name_a, name_b)
    differ, same = differences(kg, a, b, lang)
    facts_a, facts_b = facts_about(kg, a, lang), facts_about(kg, b, lang)
    shared = facts_in_common(kg, a, b, lang)
    keys = {(f.relation, f.direction, f.node) for f in shared}
    return Comparison(
        a={"id": a, "label": kg.label(a, lang)},
        b={"id": b, "label": kg.label(b, lang)},
        shared=shared,
        only_a=[f for f in facts_a if (f.relation, f.direction, f.node) not in keys],
        only_b=[f for f in facts_b if (f.relation, f.direction, f.node) not in keys],
        differences=differ,
        same=same,
    )


def differences(kg: KnowledgeGraph, a: str, b: str, lang: str = "en") -> tuple[list[PropertyRow], list[PropertyRow]]:
    """(dimensions where ``a`` and ``b`` differ, dimensions where they agree), in pack order.

    Dimensions both state come before those only one states.

    >>> import awskg
    >>> differ, same = differences(awskg.load(), "security-group", "network-acl")
    >>> [(row.dimension, row.a[0]["value"], row.b[0]["value"]) for row in differ][:1]
    [('statefulness', 'stateful', 'stateless')]
    """
    order: dict[str, None] = {}
    for prop in (*kg.properties_of(a), *kg.properties_of(b)):
        order.setdefault(prop.dimension)
    both, one, same = [], [], []
    for dimension in order:
        row = _row(kg, a, b, dimension, lang)
        if not row.a or not row.b:
            one.append(row)
        elif [v["value"] for v in row.a] == [v["value"] for v in row.b]:
            same.append(row)
        else:
            both.append(row)
    return both + one, same


def _row(kg: KnowledgeGraph, a: str, b: str, dimension: str, lang: str) -> PropertyRow:
    def side(node: str) -> list[dict[str, str]]:
        values = sorted(kg.values_of(node, dimension), key=lambda v: list(kg.values).index((dimension, v)))
        return [{"value": v, "label": kg.value_label(dimension, v, lang)} for v in values]

    refs = [p.source_ref for n in (a, b) for p in kg.properties_of(n) if p.dimension == dimension and p.source_ref]
    return PropertyRow(dimension, kg.dimension_label(dimension, lang), side(a), side(b), list(dict.fromkeys(refs)))
