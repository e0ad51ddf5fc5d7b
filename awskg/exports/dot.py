"""Graphviz DOT: labelled edges, nodes coloured by kind, one cluster per kind."""

from __future__ import annotations

import networkx as nx

from awskg.explorer.sentences import edge_label
from awskg.exports.styles import kind_style, relation_style
from awskg.graph.model import KnowledgeGraph
from awskg.graph.text import xml_safe

__all__ = ["quote", "render_dot"]


def quote(text: str) -> str:
    """A DOT double-quoted string that Graphviz shows exactly as ``text``.

    Backslashes and quotes are escaped, and ``&`` is written as ``&amp;``
    because Graphviz reads entities in labels (``&amp;`` would show as ``&``).
    Characters XML 1.0 forbids become U+FFFD: Graphviz copies labels into the
    SVG it makes, which would then not be well-formed.

    >>> print(quote('say "hi" & bye'))
    "say \\"hi\\" &amp; bye"
    """
    escaped = xml_safe(text).replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + escaped.replace("\r", "").replace("\n", "\\n") + '"'


def render_dot(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """A ``digraph`` with a ``cluster_<kind>`` subgraph per kind and edges labelled in ``lang``."""
    lines = [
        "digraph awskg {",
        '  graph [rankdir=LR, newrank=true, charset="UTF-8", fontname="Helvetica"];',
        '  node [style="filled,rounded", shape=box, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    kinds = sorted({str(attrs["kind"]) for _, attrs in graph.nodes(data=True)})
    for kind in kinds:
        colour = kind_style(kg, kind).fill
        lines.append(f"  subgraph {quote('cluster_' + kind)} {{")
        lines.append(f'    label={quote(kg.kind_label(kind, lang))}; style=dashed; color="#adb5bd";')
        for node, attrs in graph.nodes(data=True):
            if attrs["kind"] == kind:
                lines.append(f"    {quote(node)} [label={quote(kg.label(node, lang))}, fillcolor={quote(colour)}];")
        lines.append("  }")
    for source, target, relation in graph.edges(keys=True):
        colour, dashed = relation_style(kg, relation)
        label = edge_label(kg, source, relation, target, lang)
        style = ", style=dashed" if dashed else ""
        lines.append(f"  {quote(source)} -> {quote(target)} [label={quote(label)}, color={quote(colour)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
