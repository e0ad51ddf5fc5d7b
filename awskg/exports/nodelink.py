"""networkx node-link JSON: what D3 and ``networkx.node_link_graph`` read."""

from __future__ import annotations

import json

import networkx as nx

__all__ = ["render_json"]


def render_json(graph: nx.MultiDiGraph) -> str:
    """Node-link JSON with ``links`` (D3's name for edges), every attribute kept.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph([("a", "b", "uses", {"relation": "uses"})])
    >>> nx.node_link_graph(json.loads(render_json(g)), edges="links").has_edge("a", "b", key="uses")
    True
    """
    return json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False, indent=2) + "\n"
