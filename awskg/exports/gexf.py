"""GEXF, Gephi's own format."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from awskg.graph.model import KnowledgeGraph

from awskg.exports.subgraph import flat

__all__ = ["render_gexf"]


def render_gexf(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """GEXF text, with each node's label as the GEXF label and edges labelled by relation."""
    out = flat(graph)
    for _, _, data in out.edges(data=True):
        data["label"] = data["relation"]
    return "\n".join(nx.generate_gexf(out, encoding="utf-8", prettyprint=True)) + "\n"
