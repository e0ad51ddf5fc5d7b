"""Loading packs: the built-in one, overlays, and what spreadsheets do to CSV."""

from __future__ import annotations

import csv

import networkx as nx
import pytest

import awskg
from awskg.graph.loading import BUILTIN_PACK

NODE = [
    "global-accelerator",
    "Global Accelerator",
    "글로벌 액셀러레이터",
    "service",
    "AWS Global Accelerator",
    "A CDN.",
    "CDN.",
    "",
]


def test_load_returns_a_multidigraph_keyed_by_relation(kg):
    assert kg.graph.is_multigraph() and kg.graph.is_directed()
    data = kg.graph.get_edge_data("eks", "fargate", key="uses")
    assert data["relation"] == "uses" and data["source_ref"]


def test_node_attributes_are_parsed(kg):
    attrs = kg.node("route-53")
    assert attrs["label"] == "Route 53" and attrs["kind"] == "service"
    assert "route53" in attrs["aliases"] and attrs["docs"].startswith("https://")


def test_overlay_adds_nodes_and_edges_pointing_at_builtin(make_pack, kg):
    pack = make_pack(nodes=[NODE], edges=[["global-accelerator", "routes-to", "alb", "", "https://example.com/doc"]])
    merged = awskg.load([pack])
    assert merged.graph.number_of_nodes() == kg.graph.number_of_nodes() + 1
    assert merged.graph.has_edge("global-accelerator", "alb", key="routes-to")
    assert merged.resolve("글로벌 액셀러레이터") == "global-accelerator"


def test_overlay_may_declare_relations_and_kinds(make_pack):
    pack = make_pack(
        relations=[
            ["caches", "caches", "is cached by", "을/를 캐시한다", "에 캐시된다", "Keeps copies close to users."]
        ],
        kinds=[["cdn", "CDN", "CDN", "Content delivery networks."]],
        nodes=[[*NODE[:3], "cdn", *NODE[4:]]],
        edges=[["global-accelerator", "caches", "s3", "", ""]],
    )
    kg = awskg.load([pack])
    assert kg.relations["caches"].inverse_label == "is cached by"
    assert kg.node("global-accelerator")["kind"] == "cdn"


def test_no_builtin_loads_only_the_given_packs(make_pack):
    pack = make_pack(
        relations=[["knows", "knows", "is known by", "", "", ""]],
        kinds=[["person", "Person", "사람", ""]],
        nodes=[["ann", "Ann", "", "person", "", "", "", ""], ["bob", "Bob", "", "person", "", "", "", ""]],
        edges=[["ann", "knows", "bob", "", ""]],
    )
    kg = awskg.load([pack], builtin=False)
    assert sorted(kg.graph.nodes) == ["ann", "bob"]
    assert list(kg.relations) == ["knows"]


def test_bom_crlf_comments_blank_lines_and_spaces_are_tolerated(make_pack):
    nodes = '\ufeffid , label,kind\r\n# a comment row, ignored\r\n\r\n global-accelerator , "Global Accelerator, the CDN", service \r\n'
    pack = make_pack(nodes=nodes, edges="source,relation,target\r\nglobal-accelerator,routes-to,alb\r\n")
    kg = awskg.load([pack])
    assert kg.node("global-accelerator")["label"] == "Global Accelerator, the CDN"
    assert kg.node("global-accelerator")["label_ko"] == ""


def test_quoted_newline_keeps_line_numbers_right(make_pack):
    nodes = 'id,label,kind,summary\nabc,Abc,concept,"two\nlines"\nbad id,Bad,concept,\n'
    pack = make_pack(nodes=nodes)
    with pytest.raises(awskg.PackError) as info:
        awskg.load([pack])
    assert [p.line for p in info.value.problems] == [4]


def test_pack_error_carries_structured_problems(make_pack):
    pack = make_pack(edges=[["ecs", "uses", "nothing-here", "", ""]])
    with pytest.raises(awskg.PackError) as info:
        awskg.load([pack])
    (problem,) = info.value.problems
    assert (problem.path, problem.line) == (str(pack / "edges.csv"), 2)
    assert problem.message.startswith("target: unknown node 'nothing-here'")


def test_builtin_pack_ships_every_table_it_uses():
    # a set, not a sorted list: list comparison is by order, so ["nodes.csv"] alone would pass
    shipped = {p.name for p in BUILTIN_PACK.glob("*.csv")}
    assert {"edges.csv", "kinds.csv", "nodes.csv", "relations.csv", "tours.csv"} <= shipped
    assert {"dimensions.csv", "values.csv", "properties.csv", "complete.csv"} <= shipped


def test_the_graph_is_the_one_add_edge_builds_from_the_csv(kg):
    """Validation fills networkx's dicts directly: they must hold what add_edge would, linked both ways."""
    reference: nx.MultiDiGraph = nx.MultiDiGraph()
    with open(BUILTIN_PACK / "nodes.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            aliases = [a.strip() for a in row["aliases"].split(";") if a.strip()]
            reference.add_node(row.pop("id"), **{**row, "aliases": aliases})
    with open(BUILTIN_PACK / "edges.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            source, target = row.pop("source"), row.pop("target")
            reference.add_edge(source, target, key=row["relation"], **row)
    assert nx.utils.graphs_equal(kg.graph, reference)
    assert list(kg.graph.in_edges(keys=True, data=True)) == list(reference.in_edges(keys=True, data=True))
    assert kg.graph.number_of_edges() == reference.number_of_edges() > 300
