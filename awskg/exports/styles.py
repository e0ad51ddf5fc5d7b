"""Colours and shapes of kinds and relations, shared by the HTML map and the DOT export.

What a kind or a relation looks like is pack data: the ``family`` and
``shape`` columns of kinds.csv, the ``family`` and ``line`` columns of
relations.csv. This module only holds the palettes: each family's colour
(Okabe-Ito's eight, which the common colour-vision deficiencies still tell
apart) and its name in the legend. An author's kind or relation with the
same columns is drawn exactly like a built-in one; one without them is drawn
like the other kinds or relations of the ``other`` family.
"""

from __future__ import annotations

from typing import NamedTuple

from awskg.graph.model import KnowledgeGraph

__all__ = ["FAMILIES", "KIND_FAMILIES", "KindStyle", "kind_style", "relation_family", "relation_style", "tint"]

#: Relations' colour families (relations.csv ``family``): colour, English and Korean legend titles.
FAMILIES = {
    "kind": ("#0072b2", "Kinds and parts", "종류와 구성"),
    "place": ("#d55e00", "Where it runs", "실행 위치"),
    "use": ("#000000", "Depends on", "의존"),
    "care": ("#009e73", "Who manages", "관리와 책임"),
    "flow": ("#e69f00", "Traffic and events", "트래픽과 이벤트"),
    "guard": ("#cc79a7", "Security", "보안"),
    "offer": ("#56b4e9", "Offers and traits", "제공과 특징"),
    "other": ("#6c757d", "Other", "기타"),
}
#: Kinds' colour families (kinds.csv ``family``): colour, English and Korean legend titles.
#: A node is filled with a light tint of its family's colour (dark labels stay readable on
#: it) and outlined in the colour itself.
KIND_FAMILIES = {
    "idea": ("#56b4e9", "Ideas", "개념"),
    "model": ("#cc79a7", "Cloud models", "클라우드 모델"),
    "offering": ("#e69f00", "Services and products", "서비스와 제품"),
    "part": ("#f0e442", "Parts and features", "구성 요소와 기능"),
    "place": ("#009e73", "Infrastructure", "인프라"),
    "option": ("#d55e00", "Options to choose", "선택지"),
    "tech": ("#0072b2", "Technologies", "기술"),
    "other": ("#000000", "Others", "기타"),
}
#: How much of a kind family's colour is in a node's fill (the rest is white).
FILL_SHARE = 0.45


class KindStyle(NamedTuple):
    """How the nodes of one kind are drawn."""

    family: str
    fill: str
    border: str
    shape: str


def tint(colour: str, share: float = FILL_SHARE) -> str:
    """``colour`` mixed with white, ``share`` of it kept.

    >>> tint("#000000", 0.5), tint("#e69f00", 1.0)
    ('#808080', '#e69f00')
    """
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


def kind_style(kg: KnowledgeGraph, kind: str) -> KindStyle:
    """The family, fill, border and vis-network shape of ``kind``, from its kinds.csv row.

    >>> import awskg
    >>> kg = awskg.load()
    >>> kind_style(kg, kg.kind("ecs"))
    KindStyle(family='offering', fill='#f4d48c', border='#e69f00', shape='box')
    """
    record = kg.kinds.get(kind)
    family = (record.family if record else "") or "other"
    colour = KIND_FAMILIES[family][0]
    return KindStyle(family, tint(colour), colour, (record.shape if record else "") or "ellipse")


def relation_family(kg: KnowledgeGraph, relation: str) -> tuple[str, str]:
    """(family, line style) of a relation, from its relations.csv row.

    Without a ``family`` it joins ``other``; without a ``line`` it is dashed
    when it files a concept under another (the ``hierarchy`` trait), else solid.

    >>> import awskg
    >>> kg = awskg.load()
    >>> [relation_family(kg, relation) for relation in kg.relations_between("availability-zone", "region")]
    [('kind', 'dashed')]
    """
    record = kg.relations[relation]
    line = record.line or ("dashed" if record.has("hierarchy") else "solid")
    return record.family or "other", line


def relation_style(kg: KnowledgeGraph, relation: str) -> tuple[str, bool]:
    """(line colour, dashed) of a relation for the DOT export: the family's colour;
    relations with the ``hierarchy`` trait are dashed."""
    family, _ = relation_family(kg, relation)
    return FAMILIES[family][0], kg.relations[relation].has("hierarchy")
