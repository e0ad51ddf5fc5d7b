"""The graph a file export holds: the chosen slice, with every attribute."""

from __future__ import annotations

from typing import Any

import networkx as nx

from awskg.explorer.view import View
from awskg.graph.adjacency import Adjacency, Nodes, add_node, add_pair, graph_of
from awskg.graph.model import KnowledgeGraph
from awskg.graph.text import xml_safe

__all__ = ["flat", "scalar", "sliced"]


def sliced(kg: KnowledgeGraph, view: View) -> nx.MultiDiGraph[str]:
    """A copy of the nodes and edges in ``view``, edges keyed by relation.

    Each node also carries its ``properties`` as ``dimension=value`` strings
    (a list, joined by ``;`` where a format holds only scalars). The copy is
    built as networkx lays a graph out and adopted whole
    (:func:`~awskg.graph.adjacency.graph_of`): ``add_edges_from`` checked and
    copied each of a whole map's facts again, a fifth of a GraphML export.

    >>> import awskg
    >>> from awskg.explorer.view import select
    >>> kg = awskg.load()
    >>> sliced(kg, select(kg, focus="fargate")).has_edge("eks", "fargate", key="uses")
    True
    """
    nodes: Nodes = {}
    succ: Adjacency = {}
    pred: Adjacency = {}
    for node in view.nodes:
        properties = [f"{p.dimension}={p.value}" for p in kg.properties_of(node)]
        add_node(nodes, succ, pred, node, {**kg.node(node), "properties": properties})
    stored = kg.graph.succ
    for source, relation, target in view.edges:
        for end in (source, target):
            if end not in nodes:  # as add_edges_from would: an end the view leaves out, without attributes
                add_node(nodes, succ, pred, end, {})
        keyed = succ[source][target] if target in succ[source] else add_pair(succ, pred, source, target)
        keyed[relation] = dict(stored[source][target][relation])
    return graph_of(nodes, succ, pred)


def flat(graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """The graph as GEXF can hold it: XML-safe text, lists joined by ``;`` (see :func:`scalar`).

    GEXF is XML 1.0, which cannot hold most control characters at all: one
    ``\\x0b`` once made the whole file unreadable, so those become U+FFFD.
    """
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    out.add_nodes_from((xml_safe(n), _scalars(d)) for n, d in graph.nodes(data=True))
    out.add_edges_from(
        (xml_safe(s), xml_safe(t), xml_safe(k), _scalars(d))  # type: ignore[misc]  # as in sliced
        for s, t, k, d in graph.edges(keys=True, data=True)
    )
    return out


def scalar(value: Any) -> Any:
    """A value as GraphML and GEXF hold it: only scalars, so a list (aliases, properties) is joined by ``;``.

    ``;`` is the pack format's own separator for lists.
    """
    return ";".join(value) if isinstance(value, list) else value


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    joined = {k: scalar(v) for k, v in attrs.items()}
    return {k: xml_safe(v) if isinstance(v, str) else v for k, v in joined.items()}
