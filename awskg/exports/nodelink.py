"""networkx node-link JSON: what D3 and ``networkx.node_link_graph`` read."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from awskg.graph.model import KnowledgeGraph

__all__ = ["render_json"]


def render_json(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """Node-link JSON with ``links`` (D3's name for edges), every attribute kept.

    >>> import awskg
    >>> from awskg.explorer.view import select
    >>> from awskg.exports.subgraph import sliced
    >>> kg = awskg.load()
    >>> text = render_json(kg, sliced(kg, select(kg, focus="fargate")))
    >>> nx.node_link_graph(json.loads(text), edges="links").has_edge("eks", "fargate", key="uses")
    True
    """
    return json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False, indent=2) + "\n"
