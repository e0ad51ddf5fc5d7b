"""GraphML, for Gephi, yEd, Cytoscape and igraph: typed string attributes, UTF-8.

Written line by line. networkx's ``generate_graphml`` first builds an
ElementTree of the whole graph and then serializes it: at 50,000 concepts that
was nine tenths of the export's time. The text is the one networkx writes, byte
for byte (a test holds the two equal): keys numbered in the order attributes
first appear and listed last first, two-space indents, every non-ASCII
character as a character reference, line breaks in values as plain LF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from awskg.exports.subgraph import scalar
from awskg.graph.text import xml_safe

if TYPE_CHECKING:
    import networkx as nx

    from awskg.graph.model import KnowledgeGraph

__all__ = ["render_graphml"]

_ROOT = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)


def render_graphml(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """GraphML text; aliases and properties are joined by ``;`` since GraphML values are scalars.

    Every value is text, or a list of text, as the pack reader makes them.
    """
    keys: dict[tuple[str, str], str] = {}  # (for, attr.name) -> key id
    lines = ['  <graph edgedefault="directed">']
    for node, data in graph.nodes(data=True):
        _element(lines, "node", f'id="{_attribute(node)}"', data, keys)
    for source, target, relation, data in graph.edges(keys=True, data=True):
        ends = f'source="{_attribute(source)}" target="{_attribute(target)}" id="{_attribute(relation)}"'
        _element(lines, "edge", ends, data, keys)
    if len(lines) == 1:
        lines[0] = '  <graph edgedefault="directed" />'
    else:
        lines.append("  </graph>")
    declared = [
        f'  <key id="{key}" for="{scope}" attr.name="{_attribute(name)}" attr.type="string" />'
        for (scope, name), key in reversed(keys.items())
    ]
    text = "\n".join([_ROOT, *declared, *lines, "</graphml>", ""])
    # XML 1.0 cannot hold some characters even escaped; the markup has none, so one pass covers every value
    return xml_safe(text).encode("ascii", "xmlcharrefreplace").decode("ascii")


def _element(
    lines: list[str], tag: str, attributes: str, data: dict[str, Any], keys: dict[tuple[str, str], str]
) -> None:
    """A node or an edge, with one ``<data>`` line per attribute; new attribute names get the next key."""
    if not data:
        lines.append(f"    <{tag} {attributes} />")
        return
    lines.append(f"    <{tag} {attributes}>")
    for name, value in data.items():
        key = keys.get((tag, name)) or keys.setdefault((tag, name), f"d{len(keys)}")
        text = _text(scalar(value))
        lines.append(f'      <data key="{key}">{text}</data>' if text else f'      <data key="{key}" />')
    lines.append(f"    </{tag}>")


def _escaped(value: str) -> str:
    """``&``, ``<`` and ``>`` as entities."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _text(value: str) -> str:
    """Element text, escaped; CR LF and a lone CR become LF, as an XML reader reads them."""
    value = _escaped(value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _attribute(value: str) -> str:
    """An attribute value, escaped; quotes, and line breaks and tabs as references, which a reader keeps."""
    value = _escaped(value)
    for raw, reference in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if raw in value:
            value = value.replace(raw, reference)
    return value
