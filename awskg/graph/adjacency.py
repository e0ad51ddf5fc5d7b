"""networkx's adjacency layout, stated once: the dicts a MultiDiGraph is made of, built directly.

A ``networkx.MultiDiGraph`` keeps its facts in three dicts (the layout networkx
has kept since 2.0, private to it):

- ``nodes``: node -> the node's attribute dict;
- ``succ``: source -> target -> key -> the edge's attribute dict;
- ``pred``: target -> source -> the *same* key dict as ``succ[source][target]``,
  so a fact is one object reached from either end.

Validation fills these dicts as it accepts facts (:func:`add_node`,
:func:`add_pair`), loading turns them into a graph (:func:`graph_of`), and the
cache writes a graph's dicts (:func:`dicts_of`) and turns them into a graph
again. Building the dicts directly means neither a load nor a cached read runs
``add_edge``, with its per-call checks and copies (a quarter of a large pack's
load), for facts already checked. This is the only module that touches
networkx's private attributes for the graph's facts; tests hold what it builds
equal to the graph ``add_edge`` builds from the same CSV, mutations included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Adjacency", "Nodes", "add_node", "add_pair", "dicts_of", "graph_of"]

#: node -> the node's attribute dict
Nodes = dict[str, dict[str, Any]]
#: node -> neighbour -> key -> the edge's attribute dict (``succ`` or ``pred``)
Adjacency = dict[str, dict[str, dict[str, dict[str, Any]]]]


def add_node(nodes: Nodes, succ: Adjacency, pred: Adjacency, node: str, attrs: dict[str, Any]) -> None:
    """Add ``node`` with ``attrs`` (the very dict the graph will hold) and no facts yet."""
    nodes[node] = attrs
    succ[node] = {}
    pred[node] = {}


def add_pair(succ: Adjacency, pred: Adjacency, source: str, target: str) -> dict[str, dict[str, Any]]:
    """The key dict of a new (source, target) pair, reached from both ends; both must be nodes already.

    >>> succ, pred = {"a": {}, "b": {}}, {"a": {}, "b": {}}
    >>> add_pair(succ, pred, "a", "b")["uses"] = {"relation": "uses"}
    >>> succ["a"]["b"] is pred["b"]["a"]
    True
    """
    keys: dict[str, dict[str, Any]] = {}
    succ[source][target] = pred[target][source] = keys
    return keys


def graph_of(nodes: Nodes, succ: Adjacency, pred: Adjacency) -> nx.MultiDiGraph[str]:
    """The MultiDiGraph made of these dicts, taken as they are (not copied).

    They must be in the layout above, as :func:`add_node` and :func:`add_pair`
    leave them (or :func:`dicts_of` gives them): every node a key of all three,
    every pair's key dict shared by ``succ`` and ``pred``. The graph then
    behaves as one built with ``add_edge``, also when changed afterwards.

    >>> nodes, succ, pred = {}, {}, {}
    >>> for node in ("a", "b"):
    ...     add_node(nodes, succ, pred, node, {})
    >>> add_pair(succ, pred, "a", "b")["uses"] = {"relation": "uses"}
    >>> graph = graph_of(nodes, succ, pred)
    >>> list(graph.predecessors("b")), graph.number_of_edges()
    (['a'], 1)
    """
    import networkx as nx

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph._node.update(nodes)  # type: ignore[attr-defined]
    graph._succ.update(succ)  # type: ignore[attr-defined]  # also graph._adj: one dict
    graph._pred.update(pred)  # type: ignore[attr-defined]
    return graph


def dicts_of(graph: nx.MultiDiGraph[str]) -> tuple[Nodes, Adjacency, Adjacency]:
    """The graph's own node, successor and predecessor dicts (not copies), for :func:`graph_of`.

    >>> import networkx as nx
    >>> graph = nx.MultiDiGraph([("a", "b", "uses")])
    >>> nodes, succ, pred = dicts_of(graph)
    >>> sorted(nodes), succ["a"]["b"] is pred["b"]["a"]
    (['a', 'b'], True)
    """
    return graph._node, graph._succ, graph._pred  # type: ignore[attr-defined]
