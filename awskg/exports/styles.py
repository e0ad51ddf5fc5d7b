"""Colours and shapes by kind and relation, shared by the HTML map and the DOT export."""

from __future__ import annotations

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
RELATION_STYLES = {
    "is-a": ("#7b61a8", True),
    "part-of": ("#3d7bb8", True),
    "runs-on": ("#d9480f", False),
    "uses": ("#5c6f82", False),
    "manages": ("#2b8a3e", False),
    "provisions": ("#c2255c", False),
    "triggers": ("#e67700", False),
    "routes-to": ("#0b7285", False),
    "secures": ("#a61e4d", False),
    "supports": ("#5f3dc4", False),
    "integrates-with": ("#1864ab", False),
    "characteristic-of": ("#b08900", True),
    "responsible-for": ("#364fc7", False),
    "example-of": ("#9c36b5", True),
    "provides": ("#087f5b", False),
    "stores": ("#795548", False),
    "located-in": ("#2f9e44", True),
    "combines": ("#862e9c", False),
    "resolves": ("#e8590c", False),
}
FALLBACK_RELATION = ("#6c757d", False)


def kind_style(kind: str, index: int = 0) -> tuple[str, str]:
    """(fill colour, vis-network shape) of a kind; a pack's own kinds cycle a fallback palette."""
    return KIND_STYLES.get(kind, (FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)], "ellipse"))


def relation_style(relation: str) -> tuple[str, bool]:
    """(line colour, dashed) of a relation."""
    return RELATION_STYLES.get(relation, FALLBACK_RELATION)
