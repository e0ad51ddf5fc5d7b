"""Colours and shapes by kind and relation, shared by the HTML map and the DOT export."""

from __future__ import annotations

from awskg.graph.model import KnowledgeGraph

__all__ = ["kind_style", "relation_style"]

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
RELATION_COLOURS = {
    "is-a": "#7b61a8",
    "part-of": "#3d7bb8",
    "runs-on": "#d9480f",
    "uses": "#5c6f82",
    "manages": "#2b8a3e",
    "provisions": "#c2255c",
    "triggers": "#e67700",
    "routes-to": "#0b7285",
    "secures": "#a61e4d",
    "supports": "#5f3dc4",
    "integrates-with": "#1864ab",
    "characteristic-of": "#b08900",
    "responsible-for": "#364fc7",
    "example-of": "#9c36b5",
    "provides": "#087f5b",
    "stores": "#795548",
    "located-in": "#2f9e44",
    "combines": "#862e9c",
    "resolves": "#e8590c",
}
FALLBACK_RELATION = "#6c757d"


def kind_style(kind: str, index: int = 0) -> tuple[str, str]:
    """(fill colour, vis-network shape) of a kind; a pack's own kinds cycle a fallback palette."""
    return KIND_STYLES.get(kind, (FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)], "ellipse"))


def relation_style(kg: KnowledgeGraph, relation: str) -> tuple[str, bool]:
    """(line colour, dashed) of a relation: relations with the ``hierarchy`` trait are dashed."""
    return RELATION_COLOURS.get(relation, FALLBACK_RELATION), kg.relations[relation].has("hierarchy")
