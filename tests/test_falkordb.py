"""The Cypher export, run by a real graph database: FalkorDB (an openCypher database on Redis).

``awskg export --format cypher --dialect falkordb`` is loaded statement by
statement, each one sent alone, and none may fail. Then the database is asked
what awskg answers (counts, neighbours, a relate path, a comparison's
differences, a Korean label) and both must agree. The graph's own text comes
back through the client unescaped, so a quote, backtick, newline or U+2028
that the export mangled shows up as a difference.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

import awskg

DATA = Path(__file__).parent / "data"

#: Text that Cypher's strings and identifiers must carry unchanged, on every field of a pack.
HOSTILE = 'it\'s "quoted" `ticked` back\\slash\nnew line\r\ttab \u2028line\u2029para 한국어(서울) }{ ;'

_names = itertools.count()


def load(db, script: str) -> tuple[object, int]:
    """A fresh graph holding ``script``: one statement a line, each sent alone. Returns it and the count."""
    graph = db.select_graph(f"awskg{next(_names)}")
    statements = [line for line in script.split("\n") if line]
    for statement in statements:
        graph.query(statement)  # a refused statement raises, with the database's message
    return graph, len(statements)


def rows(graph, query: str, **params: object) -> list[list[object]]:
    return graph.query(query, params or None).result_set


def cypher(invoke, *args: str, options: tuple[str, ...] = ()) -> str:
    """The FalkorDB script ``awskg [OPTIONS] export --format cypher --dialect falkordb ARGS`` prints."""
    result = invoke(*options, "export", "--format", "cypher", "--dialect", "falkordb", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def builtin(falkordb):
    """The built-in pack loaded into FalkorDB once for the module's questions."""
    from click.testing import CliRunner

    from awskg.cli import cli

    result = CliRunner().invoke(cli, ["export", "--format", "cypher", "--dialect", "falkordb"])
    assert result.exit_code == 0 and result.exception is None, result.output
    graph, count = load(falkordb, result.stdout)
    script = result.stdout
    return graph, count, script


def test_the_builtin_export_loads_with_zero_errors_and_every_count_matches_stats(builtin, run_json):
    graph, count, script = builtin
    stats = run_json("stats")
    assert count == len(script.splitlines()) == 1 + stats["nodes"] + stats["edges"]
    assert rows(graph, "MATCH (n:Concept) RETURN count(n)") == [[stats["nodes"]]]
    assert rows(graph, "MATCH ()-[r]->() RETURN count(r)") == [[stats["edges"]]]
    kinds = rows(graph, "MATCH (n:Concept) RETURN n.kind, count(n)")
    assert dict(map(tuple, kinds)) == stats["kinds"]
    relations = rows(graph, "MATCH ()-[r]->() RETURN r.relation, count(r)")
    assert dict(map(tuple, relations)) == stats["relations"]
    # the kind is also a label, the relation also the type in Neo4j's style
    assert rows(graph, "MATCH (n:Concept) WHERE NOT n.kind IN labels(n) RETURN count(n)") == [[0]]
    assert rows(graph, "MATCH (:Concept {id: 'ecs'})-[r:USES]->(:Concept {id: 'fargate'}) RETURN r.relation") == [
        ["uses"]
    ]


def test_what_runs_on_fargate_is_what_neighbors_says(builtin, run_json):
    graph = builtin[0]
    answer = run_json("neighbors", "Fargate", "--relation", "runs-on", "--direction", "in")
    expected = sorted(node["id"] for group in answer["groups"] for node in group["nodes"])
    found = rows(graph, "MATCH (x:Concept)-[:RUNS_ON]->(:Concept {id: 'fargate'}) RETURN x.id ORDER BY x.id")
    assert [r[0] for r in found] == expected == ["ecs-task", "pod"]


def test_a_two_hop_relate_path_is_a_path_in_the_database(builtin, run_json):
    graph = builtin[0]
    answer = run_json("relate", "ECS", "ECS task", "--limit", "20")
    shortest = [p for p in answer["paths"] if p["length"] == 2]
    assert shortest and shortest[0] == answer["paths"][0]
    # the database agrees on the distance: no fact joins them directly, and these 2-hop walks exist
    assert rows(graph, "MATCH (:Concept {id: 'ecs'})-[r]-(:Concept {id: 'ecs-task'}) RETURN count(r)") == [[0]]
    walks = rows(
        graph,
        "MATCH p = (:Concept {id: 'ecs'})-[*2]-(:Concept {id: 'ecs-task'}) "
        "RETURN [n IN nodes(p) | n.id], [r IN relationships(p) | r.relation]",
    )
    in_database = {(tuple(ids), tuple(rels)) for ids, rels in walks}
    for path in shortest:
        first, second = path["hops"]
        middle = first["target"] if first["source"] == "ecs" else first["source"]
        assert (("ecs", middle, "ecs-task"), (first["relation"], second["relation"])) in in_database, path
    # each hop as awskg stores it (direction included) is one relationship in the database
    first = shortest[0]["hops"][0]
    stored = rows(
        graph,
        "MATCH (a:Concept {id: $s})-[r]->(b:Concept {id: $t}) WHERE r.relation = $r RETURN count(r)",
        s=first["source"],
        t=first["target"],
        r=first["relation"],
    )
    assert stored == [[1]]


DIFFERENCES = """
MATCH (a:Concept {id: $a}), (b:Concept {id: $b})
WITH [p IN a.properties | split(p, '=')] AS pa, [p IN b.properties | split(p, '=')] AS pb
UNWIND [x IN pa WHERE any(y IN pb WHERE y[0] = x[0]) | x[0]] AS dimension
WITH DISTINCT dimension, pa, pb
WITH dimension, [x IN pa WHERE x[0] = dimension | x[1]] AS va, [y IN pb WHERE y[0] = dimension | y[1]] AS vb
WHERE any(v IN va WHERE NOT v IN vb) OR any(v IN vb WHERE NOT v IN va)
RETURN dimension, va, vb ORDER BY dimension
"""


def test_the_differences_of_a_compared_pair_are_the_databases(builtin, run_json):
    graph = builtin[0]
    answer = run_json("compare", "security group", "network ACL")
    expected = sorted(
        [d["dimension"], [v["value"] for v in d["a"]], [v["value"] for v in d["b"]]] for d in answer["differences"]
    )
    assert len(expected) == 4
    assert rows(graph, DIFFERENCES, a="security-group", b="network-acl") == expected


def test_a_korean_label_finds_the_concept_awskg_resolves(builtin, kg):
    graph = builtin[0]
    found = rows(graph, "MATCH (n:Concept {label_ko: '가용 영역'}) RETURN n.id, n.label")
    assert found == [[kg.resolve("가용 영역"), kg.label("availability-zone", "en")]]
    assert rows(graph, "MATCH (n:Concept {id: 'region'}) RETURN n.label_ko") == [[kg.label("region", "ko")]]


def test_a_focus_slice_loads_and_holds_exactly_its_concepts_and_facts(falkordb, invoke):
    graph, _ = load(falkordb, cypher(invoke, "--focus", "Fargate", "--depth", "1"))
    sliced = json.loads(invoke("export", "--format", "json", "--focus", "Fargate", "--depth", "1").stdout)
    ids = rows(graph, "MATCH (n:Concept) RETURN n.id ORDER BY n.id")
    assert [r[0] for r in ids] == sorted(n["id"] for n in sliced["nodes"])
    facts = rows(graph, "MATCH (a)-[r]->(b) RETURN a.id, r.relation, b.id ORDER BY a.id, r.relation, b.id")
    assert facts == sorted([e["source"], e["key"], e["target"]] for e in sliced["links"])
    assert len(facts) == 17


@pytest.fixture(scope="module")
def hostile_pack(tmp_path_factory) -> Path:
    """Every field a pack lets an author write, holding :data:`HOSTILE`."""
    folder = tmp_path_factory.mktemp("hostile-cypher")

    def csv(*cells: str) -> str:
        return ",".join('"' + c.replace('"', '""') + '"' for c in cells) + "\n"

    (folder / "kinds.csv").write_text(
        "name,label,label_ko,description\n" + csv("concept", HOSTILE, "개념", HOSTILE), "utf-8"
    )
    (folder / "relations.csv").write_text(
        "name,label,inverse_label,label_ko,inverse_label_ko,description\n"
        + csv("uses", HOSTILE, "is used by", "을/를 사용한다", "에서 사용된다", HOSTILE),
        "utf-8",
    )
    (folder / "nodes.csv").write_text(
        "id,label,label_ko,kind,aliases,summary,summary_ko,docs\n"
        + csv("odd", f"Odd {HOSTILE}", f"이상한 {HOSTILE}", "concept", f"a`b;{HOSTILE}", HOSTILE, HOSTILE, "")
        + csv("plain", "Plain", "평범", "concept", "", "", "", ""),
        "utf-8",
    )
    (folder / "edges.csv").write_text(
        "source,relation,target,note,source_ref,note_ko\n" + csv("odd", "uses", "plain", HOSTILE, "", HOSTILE),
        "utf-8",
    )
    return folder


def test_hostile_text_round_trips_through_the_database(falkordb, invoke, hostile_pack):
    kg = awskg.load([hostile_pack], builtin=False)
    assert kg.node("odd")["summary"] == HOSTILE  # the pack really holds it
    graph, count = load(falkordb, cypher(invoke, options=("--no-builtin", "--pack", str(hostile_pack))))
    assert count == 1 + 2 + 1
    nodes = {r[0]: r[1] for r in rows(graph, "MATCH (n:Concept) RETURN n.id, properties(n)")}
    for node, attrs in kg.graph.nodes(data=True):
        assert {k: v for k, v in nodes[node].items() if k != "properties"} == {"id": node, **attrs}
    (edge,) = rows(graph, "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)")
    assert edge[:3] == ["odd", "USES", "plain"]
    assert edge[3] == {"relation": "uses", **kg.graph.edges["odd", "plain", "uses"]}


def test_the_browser_tests_hostile_pack_loads_and_keeps_its_labels(falkordb, invoke, kg):
    pack = DATA / "hostile"
    hostile = awskg.load([pack])
    graph, count = load(falkordb, cypher(invoke, options=("--pack", str(pack))))
    assert count == 1 + hostile.graph.number_of_nodes() + hostile.graph.number_of_edges()
    labels = dict(map(tuple, rows(graph, "MATCH (n:Concept) RETURN n.id, n.label")))
    assert labels == {node: label for node, label in hostile.graph.nodes(data="label")}


def test_the_loader_in_docs_exports_md_loads_and_prints_what_it_shows(falkordb, invoke, tmp_path, monkeypatch, capsys):
    doc = (Path(__file__).parents[1] / "docs" / "exports.md").read_text("utf-8")
    example = doc[doc.index("<!-- falkordb:start -->") : doc.index("<!-- falkordb:end -->")]
    code = example.split("```python\n")[1].split("```")[0]
    shown = example.split("```text\n")[1].split("```")[0]
    port = falkordb.connection.connection_pool.connection_kwargs["port"]
    assert "port=6379" in code
    (tmp_path / "graph.cypher").write_text(cypher(invoke), "utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(code.replace("port=6379", f"port={port}"), "docs/exports.md", "exec"), {})
    assert capsys.readouterr().out == shown
