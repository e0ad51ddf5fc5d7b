"""A Mermaid ``flowchart`` that GitHub renders inside Markdown.

Mermaid ids must be plain, so nodes get ``n0``, ``n1``...; every label is
quoted, and characters Mermaid would read as syntax or markup are written as
its ``#code;`` entities, so any label (quotes, brackets, ``<``, ``>``, ``&``,
Korean) still parses. ``%`` is one of them: Mermaid applies a ``%%{init: …}%%``
directive wherever it stands, even inside a quoted label, and a label that is
only a directive broke the diagram.
"""

from __future__ import annotations

import networkx as nx

from awskg.explorer.sentences import edge_label
from awskg.graph.model import KnowledgeGraph

__all__ = ["escape_label", "render_mermaid"]

_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", "\n": " ", "\r": " "}
_ENTITIES |= {ch: f"#{ord(ch)};" for ch in "%{}[]()|;:"}


def escape_label(text: str) -> str:
    """A label safe inside Mermaid's double quotes.

    >>> escape_label('a "b" <c> & #d')
    'a #quot;b#quot; #lt;c#gt; #amp; #35;d'
    >>> escape_label("%%{init: {}}%%")
    '#37;#37;#123;init#58; #123;#125;#125;#37;#37;'
    """
    return "".join(_ENTITIES.get(ch, ch) for ch in text)


def render_mermaid(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """``flowchart LR`` with one node per concept and labelled arrows (dotted for hierarchy relations)."""
    ids = {node: f"n{i}" for i, node in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    lines += [f'  {ids[node]}["{escape_label(kg.label(node, lang))}"]' for node in graph.nodes]
    hierarchy = kg.relations_with("hierarchy")
    for source, target, relation in graph.edges(keys=True):
        label = escape_label(edge_label(kg, source, relation, target, lang))
        arrow = "-.->" if relation in hierarchy else "-->"
        lines.append(f'  {ids[source]} {arrow}|"{label}"| {ids[target]}')
    return "\n".join(lines) + "\n"
