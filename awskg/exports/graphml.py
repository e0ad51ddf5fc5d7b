"""GraphML, for Gephi, yEd, Cytoscape and igraph: typed string attributes, UTF-8."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from awskg.graph.model import KnowledgeGraph

from awskg.exports.subgraph import flat

__all__ = ["render_graphml"]


def render_graphml(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """GraphML text; aliases are joined by ``;`` since GraphML values are scalars."""
    return "\n".join(nx.generate_graphml(flat(graph), encoding="utf-8", prettyprint=True)) + "\n"
