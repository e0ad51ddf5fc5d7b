"""Colours and shapes by kind and relation, shared by the HTML map and the DOT export."""

from __future__ import annotations

from awskg.graph.model import KnowledgeGraph

__all__ = ["FAMILIES", "kind_style", "relation_family", "relation_style"]

KIND_STYLES = {
    "concept": ("#c5b3e6", "ellipse"),
    "characteristic": ("#ffd59e", "ellipse"),
    "service-model": ("#f7a8c4", "hexagon"),
    "deployment-model": ("#d7a6e0", "hexagon"),
    "service": ("#ff9900", "box"),
    "component": ("#ffe0a3", "box"),
    "feature": ("#b6e3b8", "box"),
    "infrastructure": ("#8fd6cf", "box"),
    "technology": ("#a9d2f5", "ellipse"),
    "product": ("#dddddd", "ellipse"),
    "instance-category": ("#ffe88a", "box"),
    "instance-family": ("#fff6b0", "box"),
    "platform": ("#d3e9b5", "box"),
    "party": ("#5b7fa6", "diamond"),
    "category": ("#c9b8b1", "box"),
}
FALLBACK_COLOURS = ["#9ecae1", "#fdae6b", "#a1d99b", "#bcbddc", "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1"]
#: Relations fall into at most 8 colour families (Okabe-Ito's palette, told apart with
#: the common colour-vision deficiencies); line style tells the relations of a family apart.
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
LINE_STYLES = ("solid", "dashed", "dotted")
RELATION_FAMILIES = {
    "is-a": ("kind", "solid"),
    "part-of": ("kind", "dashed"),
    "example-of": ("kind", "dotted"),
    "runs-on": ("place", "solid"),
    "located-in": ("place", "dashed"),
    "combines": ("place", "dotted"),
    "uses": ("use", "solid"),
    "integrates-with": ("use", "dashed"),
    "supports": ("use", "dotted"),
    "manages": ("care", "solid"),
    "provisions": ("care", "dashed"),
    "responsible-for": ("care", "dotted"),
    "routes-to": ("flow", "solid"),
    "triggers": ("flow", "dashed"),
    "resolves": ("flow", "dotted"),
    "secures": ("guard", "solid"),
    "provides": ("offer", "solid"),
    "stores": ("offer", "dashed"),
    "characteristic-of": ("offer", "dotted"),
}
FALLBACK_RELATION = FAMILIES["other"][0]
#: Kept for readers of the old name: each relation's colour is its family's.
RELATION_COLOURS = {r: FAMILIES[f][0] for r, (f, _) in RELATION_FAMILIES.items()}


def kind_style(kind: str, index: int = 0) -> tuple[str, str]:
    """(fill colour, vis-network shape) of a kind; a pack's own kinds cycle a fallback palette."""
    return KIND_STYLES.get(kind, (FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)], "ellipse"))


def relation_style(kg: KnowledgeGraph, relation: str) -> tuple[str, bool]:
    """(line colour, dashed) of a relation for the DOT export: the family's colour;
    relations with the ``hierarchy`` trait are dashed."""
    family, _ = relation_family(kg, relation)
    return FAMILIES[family][0], kg.relations[relation].has("hierarchy")


def relation_family(kg: KnowledgeGraph, relation: str, index: int = 0) -> tuple[str, str]:
    """(family, line style) of a relation: ``solid``, ``dashed`` or ``dotted``.

    A pack's own relations join the ``other`` family; ``hierarchy`` ones are
    dashed, the rest take the styles in turn by ``index``.
    """
    if relation in RELATION_FAMILIES:
        return RELATION_FAMILIES[relation]
    if kg.relations[relation].has("hierarchy"):
        return "other", "dashed"
    return "other", ("solid", "dotted")[index % 2]
