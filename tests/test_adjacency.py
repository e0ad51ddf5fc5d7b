"""awskg.graph.adjacency: graphs built from prepared dicts behave as graphs add_edge built, edits included."""

from __future__ import annotations

import networkx as nx

import awskg
from awskg.graph.adjacency import add_node, add_pair, dicts_of, graph_of


def edits_reach_both_ends(graph: nx.MultiDiGraph) -> None:
    """Edit ``graph`` through networkx's public methods and see each edit from the other end of the fact.

    networkx keeps one key dict per (source, target) pair, reached from both
    ends; a graph whose ends held copies would answer ``in_edges`` from a
    stale copy after ``add_edge`` or ``remove_edge``.
    """
    source, target, key = next(iter(graph.edges(keys=True)))
    graph.add_edge(source, target, key="added-later", note="new")
    assert graph.pred[target][source]["added-later"] == {"note": "new"}
    graph.edges[source, target, key]["note"] = "edited"
    assert graph.pred[target][source][key]["note"] == "edited"
    graph.remove_edge(source, target, key)
    assert (source, target, key) not in set(graph.in_edges(target, keys=True))
    assert list(graph.predecessors(target)).count(source) == 1  # "added-later" still joins them
    graph.remove_edge(source, target, "added-later")
    assert source not in graph.pred[target] and target not in graph.succ[source]


def _built() -> nx.MultiDiGraph:
    nodes, succ, pred = {}, {}, {}
    for node in ("a", "b", "c"):
        add_node(nodes, succ, pred, node, {"label": node.upper()})
    add_pair(succ, pred, "a", "b")["uses"] = {"relation": "uses"}
    keys = add_pair(succ, pred, "b", "c")
    keys["uses"], keys["runs-on"] = {"relation": "uses"}, {"relation": "runs-on"}
    return graph_of(nodes, succ, pred)


def test_a_graph_of_prepared_dicts_equals_the_one_add_edge_builds():
    reference: nx.MultiDiGraph = nx.MultiDiGraph()
    reference.add_nodes_from((node, {"label": node.upper()}) for node in ("a", "b", "c"))
    for source, relation, target in (("a", "uses", "b"), ("b", "uses", "c"), ("b", "runs-on", "c")):
        reference.add_edge(source, target, key=relation, relation=relation)
    built = _built()
    assert nx.utils.graphs_equal(built, reference)
    for view in ("edges", "in_edges"):  # the same facts in the same order, both ways
        assert list(getattr(built, view)(keys=True, data=True)) == list(getattr(reference, view)(keys=True, data=True))


def test_edits_of_a_graph_of_prepared_dicts_reach_both_ends():
    edits_reach_both_ends(_built())


def test_edits_of_a_loaded_graph_reach_both_ends():
    kg = awskg.load()
    edits_reach_both_ends(kg.graph)
    assert awskg.load().graph.number_of_edges() == kg.graph.number_of_edges() + 1  # the edits were to this copy


def test_a_graph_rebuilt_from_its_own_dicts_is_equal_and_changes_alike():
    graph = awskg.load().graph
    again = graph_of(*dicts_of(graph))
    assert nx.utils.graphs_equal(graph, again)
    assert list(again.in_edges(keys=True, data=True)) == list(graph.in_edges(keys=True, data=True))
    edits_reach_both_ends(again)


def test_a_concept_added_to_the_graph_is_read_back_by_the_knowledge_graph():
    kg = awskg.load()
    assert kg.label("ecs") == "ECS"
    kg.graph.add_node("added-later", label="Added later", label_ko="나중에 추가")
    kg.graph.nodes["ecs"]["label"] = "ECS, relabelled"
    assert (kg.label("added-later", "ko"), kg.label("ecs")) == ("나중에 추가", "ECS, relabelled")
