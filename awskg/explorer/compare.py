"""Side by side: how two concepts differ, what they have in common, and what only one has.

Differences come from properties (what a concept is like: ALB works at layer
7, NLB at layer 4), dimension by dimension, because "what is the difference
between A and B" is the question learners ask most. A *fact about* a concept
is a relation, a direction and the concept at the other end; two concepts share
a fact when both have the same one ("both run on Fargate"). ``relate`` reuses
:func:`facts_in_common` for its summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from awskg.explorer.arguments import checked_lang
from awskg.explorer.evidence import ClosedSides, closed_sides, lacks
from awskg.explorer.record import Record
from awskg.explorer.sentences import predicate
from awskg.graph.model import KnowledgeGraph

__all__ = ["Comparison", "Exclusive", "Fact", "PropertyRow", "compare", "differences", "facts_about", "facts_in_common"]


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


@dataclass(frozen=True, order=True)
class Exclusive(Fact):
    """A fact of one side that the graph shows the other side lacks; ``evidence`` says how.

    The evidence is a completeness mark, as the quiz's ``closed`` rule has it
    (:func:`awskg.explorer.evidence.lacks`).
    """

    evidence: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Comparison(Record):
    """The ``compare --json`` contract.

    ``differences`` holds the dimensions where both sides state values and a
    dimension trait (``exclusive`` or ``complete``) makes them differ; ``same``
    the dimensions where both state the same values; ``unknown`` the rest
    (a side not stated, or an open dimension whose lists may go on), which say
    nothing about a difference. ``shared`` are the facts both have;
    ``only_a``/``only_b`` the facts the other side is shown to lack, each
    with its ``evidence``; ``more_a``/``more_b`` every other fact about one
    side, which claims nothing about the other.
    """

    a: dict[str, str]
    b: dict[str, str]
    shared: list[Fact]
    only_a: list[Exclusive]
    only_b: list[Exclusive]
    differences: list[PropertyRow] = field(default_factory=list)
    same: list[PropertyRow] = field(default_factory=list)
    more_a: list[Fact] = field(default_factory=list)
    more_b: list[Fact] = field(default_factory=list)
    unknown: list[PropertyRow] = field(default_factory=list)


def facts_about(kg: KnowledgeGraph, node: str, lang: str = "en") -> list[Fact]:
    """Every fact about ``node``, read from its side, sorted; a symmetric fact once, as ``out``.

    >>> import awskg
    >>> [f.text for f in facts_about(awskg.load(), "ecr")]
    ['stores Container image', 'is used by ECS', 'is used by EKS', 'is used by Lambda']
    """
    symmetric = kg.relations_with("symmetric")
    facts = {
        Fact(e.relation, "out", e.target, predicate(kg, e.relation, e.target, lang, about=node))
        for e in kg.out_edges(node)
    }
    facts |= {
        Fact(
            e.relation,
            "out" if e.relation in symmetric else "in",
            e.source,
            predicate(kg, e.relation, e.source, lang, True, about=node),
        )
        for e in kg.in_edges(node)
    }
    return sorted(facts)


def facts_in_common(kg: KnowledgeGraph, a: str, b: str, lang: str = "en") -> list[Fact]:
    """Facts that ``a`` and ``b`` both have, apart from the ones linking them to each other.

    >>> import awskg
    >>> [f.text for f in facts_in_common(awskg.load(), "ecs", "eks")][:3]
    ['is part of AWS compute', 'uses ECR', 'uses Fargate']
    """
    return _in_common(facts_about(kg, a, lang), facts_about(kg, b, lang), a, b)


def _in_common(facts_a: list[Fact], facts_b: list[Fact], a: str, b: str) -> list[Fact]:
    keys_b = {_key(f) for f in facts_b}
    return [f for f in facts_a if _key(f) in keys_b and f.node not in (a, b)]


def compare(kg: KnowledgeGraph, name_a: str, name_b: str, lang: str = "en") -> Comparison:
    """Compare two concepts: properties, then facts, claiming a difference only on evidence.

    >>> import awskg
    >>> result = compare(awskg.load(), "ALB", "EC2")
    >>> [(f.text, f.evidence["node"]) for f in result.only_a][:1]
    [('is a type of ELB', 'elb')]
    >>> "is based on Kubernetes" in [f.text for f in compare(awskg.load(), "ECS", "EKS").more_b]
    True
    """
    checked_lang(lang)
    a, b = kg.resolve_pair(name_a, name_b)
    differ, same, unknown = differences(kg, a, b, lang)
    facts_a, facts_b = facts_about(kg, a, lang), facts_about(kg, b, lang)
    shared = _in_common(facts_a, facts_b, a, b)
    keys = {_key(f) for f in shared}
    sides = closed_sides(kg)
    only_a, more_a = _split(kg, sides, facts_a, keys, b)
    only_b, more_b = _split(kg, sides, facts_b, keys, a)
    return Comparison(
        a={"id": a, "label": kg.label(a, lang)},
        b={"id": b, "label": kg.label(b, lang)},
        shared=shared,
        only_a=only_a,
        only_b=only_b,
        differences=differ,
        same=same,
        more_a=more_a,
        more_b=more_b,
        unknown=unknown,
    )


def _key(fact: Fact) -> tuple[str, str, str]:
    return fact.relation, fact.direction, fact.node


def _split(
    kg: KnowledgeGraph, sides: ClosedSides, facts: list[Fact], shared: set[tuple[str, str, str]], other: str
) -> tuple[list[Exclusive], list[Fact]]:
    """(facts ``other`` is shown to lack, with the evidence; the rest), leaving out the shared ones."""
    exclusive: list[Exclusive] = []
    more: list[Fact] = []
    for fact in facts:
        if _key(fact) in shared:
            continue
        why = lacks(kg, sides, other, fact.relation, fact.direction, fact.node) if fact.node != other else None
        if why is None:
            more.append(fact)
        else:
            exclusive.append(Exclusive(fact.relation, fact.direction, fact.node, fact.text, why))
    return exclusive, more


def differences(
    kg: KnowledgeGraph, a: str, b: str, lang: str = "en"
) -> tuple[list[PropertyRow], list[PropertyRow], list[PropertyRow]]:
    """(dimensions where ``a`` and ``b`` differ, where they agree, where nothing says), in pack order.

    A difference needs both sides stated on a dimension whose trait makes the
    values exclusive or complete; a side not stated, or an open list, is unknown.

    >>> import awskg
    >>> differ, same, unknown = differences(awskg.load(), "security-group", "network-acl")
    >>> [(row.dimension, row.a[0]["value"], row.b[0]["value"]) for row in differ][:1]
    [('statefulness', 'stateful', 'stateless')]
    """
    order: dict[str, None] = {}
    for prop in (*kg.properties_of(a), *kg.properties_of(b)):
        order.setdefault(prop.dimension)
    differ, same, unknown = [], [], []
    for dimension in order:
        row = _row(kg, a, b, dimension, lang)
        record = kg.dimensions[dimension]
        if row.a and row.b and [v["value"] for v in row.a] == [v["value"] for v in row.b]:
            same.append(row)
        elif row.a and row.b and (record.has("exclusive") or record.has("complete")):
            differ.append(row)
        else:
            unknown.append(row)
    return differ, same, unknown


def _row(kg: KnowledgeGraph, a: str, b: str, dimension: str, lang: str) -> PropertyRow:
    def side(node: str) -> list[dict[str, str]]:
        values = sorted(kg.values_of(node, dimension), key=lambda v: list(kg.values).index((dimension, v)))
        return [{"value": v, "label": kg.value_label(dimension, v, lang)} for v in values]

    refs = [p.source_ref for n in (a, b) for p in kg.properties_of(n) if p.dimension == dimension and p.source_ref]
    return PropertyRow(dimension, kg.dimension_label(dimension, lang), side(a), side(b), list(dict.fromkeys(refs)))
