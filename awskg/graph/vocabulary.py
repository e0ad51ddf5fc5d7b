"""What a pack may contain: the files, their columns, and the relation and kind records.

The schemas here are the single statement of the pack format; the loader, the
validator, ``init-pack`` and the CSV export all read them, so the format cannot
drift between the code that reads packs and the code that writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "DIMENSION_TRAITS",
    "DIRECTIONS",
    "ID_PATTERN",
    "KIND_FAMILIES",
    "KIND_TRAITS",
    "LINE_STYLES",
    "PREREQUISITE_TRAITS",
    "RELATION_FAMILIES",
    "RELATION_TRAITS",
    "RESERVED_IDS",
    "SCHEMAS",
    "SHAPES",
    "Completeness",
    "Dimension",
    "Kind",
    "Property",
    "Relation",
    "Schema",
    "Value",
]


@dataclass(frozen=True)
class Schema:
    """The columns of one pack file, in the order awskg writes them."""

    filename: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    optional_file: bool = False


SCHEMAS: dict[str, Schema] = {
    "nodes": Schema(
        "nodes.csv",
        ("id", "label", "label_ko", "kind", "aliases", "summary", "summary_ko", "docs", "reading_ko"),
        ("id", "label", "kind"),
    ),
    "edges": Schema(
        "edges.csv",
        ("source", "relation", "target", "note", "source_ref", "note_ko"),
        ("source", "relation", "target"),
    ),
    "relations": Schema(
        "relations.csv",
        (
            "name",
            "label",
            "inverse_label",
            "label_ko",
            "inverse_label_ko",
            "description",
            "traits",
            "family",
            "line",
            "heading_ko",
            "inverse_heading_ko",
        ),
        ("name", "label", "inverse_label"),
        optional_file=True,
    ),
    "kinds": Schema(
        "kinds.csv",
        ("name", "label", "label_ko", "description", "traits", "family", "shape"),
        ("name", "label"),
        optional_file=True,
    ),
    "tours": Schema(
        "tours.csv",
        ("tour", "step", "node", "note", "note_ko", "title", "title_ko"),
        ("tour", "step", "node"),
        optional_file=True,
    ),
    "overview": Schema(
        "overview.csv",
        ("topic", "node"),
        ("topic", "node"),
        optional_file=True,
    ),
    "dimensions": Schema(
        "dimensions.csv",
        ("name", "label", "label_ko", "traits", "description", "applies_to"),
        ("name", "label"),
        optional_file=True,
    ),
    "values": Schema(
        "values.csv",
        ("dimension", "value", "label", "label_ko", "description", "question", "question_ko"),
        ("dimension", "value", "label"),
        optional_file=True,
    ),
    "properties": Schema(
        "properties.csv",
        ("node", "dimension", "value", "note", "note_ko", "source_ref"),
        ("node", "dimension", "value"),
        optional_file=True,
    ),
    "complete": Schema(
        "complete.csv",
        ("node", "relation", "direction", "note", "source_ref"),
        ("node", "relation", "direction"),
        optional_file=True,
    ),
}

#: What a relation may mean to the code, as words of the ``traits`` column of
#: relations.csv. Every behaviour that depends on a relation's meaning reads
#: these words, so an author's relation behaves exactly as a built-in one with
#: the same traits.
RELATION_TRAITS = {
    "acyclic": "`check` refuses a cycle of these edges: nothing is its own ancestor or part.",
    "hierarchy": "Files a concept under a broader one (is-a, part-of): two concepts joined only through "
    "such a parent are merely siblings, ranked low in `relate`; the quiz follows these edges to find "
    "what else is true; maps draw them dashed.",
    "transitive": "A chain of these edges states the edge too (a data center is part of an AZ, which is "
    "part of a Region: the data center is part of the Region).",
    "inherits": "What is stated of the target holds for the source (a subtype, an instance): "
    "`check --strict` warns about a fact the source repeats from its target.",
    "symmetric": "Reads the same both ways: A-B and B-A are one fact.",
    "weak": "Says little on its own: `relate` ranks paths through these edges after the others.",
    "prerequisite": "The target is learned before the source (ELB before ALB, a type of it): `learn` lists "
    "it first, and `check` refuses a cycle of prerequisites across all relations.",
    "prerequisite-inverse": "The source is learned before the target: a prerequisite read the other way "
    "round. A relation carries at most one of the two; one with neither orders nothing.",
}

#: What a kind may mean to the code (``traits`` of kinds.csv).
KIND_TRAITS = {
    "class": "Its concepts are classes others are filed under (a service model, a cloud characteristic, "
    "a service category): two concepts joined through one have it in common, so `relate` lists it in "
    "common and never walks through it to connect two others.",
    "documented": "Its concepts are products with their own documentation (an AWS service): "
    "`check --strict` warns about one without a `docs` URL.",
}
#: The two traits that order learning, each naming which end comes first.
PREREQUISITE_TRAITS = ("prerequisite", "prerequisite-inverse")

#: What a property dimension may mean to the code (``traits`` of dimensions.csv).
DIMENSION_TRAITS = {
    "exclusive": "A concept has at most one value on this dimension (stateful or stateless); `check` refuses two.",
    "complete": "The values stated for a concept are all of its values: a value not stated is false "
    "for it, so the quiz may offer it as a wrong option.",
}

#: The colour families maps draw relations in (relations.csv ``family``; Okabe-Ito's eight
#: colours, told apart with the common colour-vision deficiencies), and the line styles that
#: tell a family's relations apart (``line``). An empty cell means ``other``, and a line
#: dashed for ``hierarchy`` relations, solid for the rest.
RELATION_FAMILIES = ("kind", "place", "use", "care", "flow", "guard", "offer", "other")
LINE_STYLES = ("solid", "dashed", "dotted")
#: The colour families of kinds (kinds.csv ``family``), and the shapes that tell a family's
#: kinds apart (``shape``). An empty cell means ``other`` and ``ellipse``.
KIND_FAMILIES = ("idea", "model", "offering", "part", "place", "option", "tech", "other")
SHAPES = ("ellipse", "box", "database", "circle", "hexagon", "diamond", "dot", "star", "triangle", "square")

#: The two sides of a fact a completeness mark may close.
DIRECTIONS = ("out", "in")

#: Ids, relation and kind names are lowercase slugs: ``availability-zone``, ``is-a``.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Slugs the HTML map's renderer cannot take as ids: vis-network keeps nodes in a
#: plain JavaScript object, where ``constructor`` is already taken.
RESERVED_IDS = frozenset({"constructor"})


@dataclass(frozen=True)
class Relation:
    """A typed edge and how it reads in both directions and both languages.

    A Korean reading is a template: ``{s}`` stands for the subject and ``{o}``
    for the object, each followed by its particle written as a pair where it
    depends on the final sound (``{s}은/는 {o}을/를 사용한다``);
    :mod:`awskg.explorer.sentences` picks the form. A reading without ``{s}``
    is the older short form, the particle after the object first
    (``을/를 사용한다``). ``traits`` are words of :data:`RELATION_TRAITS`.
    """

    name: str
    label: str
    inverse_label: str
    label_ko: str = ""
    inverse_label_ko: str = ""
    description: str = ""
    traits: frozenset[str] = frozenset()
    #: how maps draw it: a colour family of :data:`RELATION_FAMILIES` and a :data:`LINE_STYLES` ("" = the default)
    family: str = ""
    line: str = ""
    #: what the target is to the source, and the source to the target, as a short Korean noun
    #: phrase (관리 대상, 관리 주체): a Korean heading over a concept's facts, and (the first)
    #: the label of an arrow in a Korean map, where a verb after its object would float off
    #: it (을 관리한다). "" = the reading over A and B, and the reading after the object.
    heading_ko: str = ""
    inverse_heading_ko: str = ""

    def has(self, trait: str) -> bool:
        """Whether the relation carries ``trait``."""
        return trait in self.traits


@dataclass(frozen=True)
class Kind:
    """A category of node (service, concept, ...), used for colour, filters and quizzes.

    ``traits`` are words of :data:`KIND_TRAITS`; ``family`` (one of
    :data:`KIND_FAMILIES`) gives its colour and ``shape`` (one of
    :data:`SHAPES`) tells it from the other kinds of its family.
    """

    name: str
    label: str
    label_ko: str = ""
    description: str = ""
    traits: frozenset[str] = frozenset()
    family: str = ""
    shape: str = ""

    def has(self, trait: str) -> bool:
        """Whether the kind carries ``trait``."""
        return trait in self.traits


@dataclass(frozen=True)
class Dimension:
    """A way concepts differ (network layer, statefulness), with its values' rules.

    ``applies_to`` (node ids) narrows which concepts should state a value: those
    nodes and every concept that reaches one of them through ``hierarchy``
    relations. Empty, it applies to every concept of each kind that uses it
    (see :mod:`awskg.graph.coverage`); ``description`` says why.
    """

    name: str
    label: str
    label_ko: str = ""
    traits: frozenset[str] = frozenset()
    description: str = ""
    applies_to: frozenset[str] = frozenset()

    def has(self, trait: str) -> bool:
        """Whether the dimension carries ``trait`` (see :data:`DIMENSION_TRAITS`)."""
        return trait in self.traits


@dataclass(frozen=True)
class Value:
    """One value a dimension can take (``l4`` of ``osi-layer``), labelled in both languages.

    ``question`` and ``question_ko`` (optional) ask which concept has this
    value, as the quiz puts it ("Which of these works at layer 4?").
    """

    dimension: str
    value: str
    label: str
    label_ko: str = ""
    description: str = ""
    question: str = ""
    question_ko: str = ""


@dataclass(frozen=True, order=True)
class Property:
    """One cited statement of what a concept is like: ``nlb`` has ``osi-layer`` = ``l4``."""

    node: str
    dimension: str
    value: str
    note: str = ""
    note_ko: str = ""
    source_ref: str = ""


@dataclass(frozen=True)
class Completeness:
    """A mark that the facts of ``relation`` on ``direction`` of ``node`` are all there are.

    ``out`` closes what the node states (all of Route 53's routing policies),
    ``in`` what is stated of it (all the subtypes of ELB). It is the quiz's
    evidence that a concept without such a fact is a wrong answer.
    """

    node: str
    relation: str
    direction: str
    note: str = ""
    source_ref: str = ""
