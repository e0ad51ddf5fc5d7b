"""Exports, each read back by a reader no one here wrote."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import awskg
from awskg.cli import export as export_command
from awskg.explorer.view import select
from awskg.exports.cypher import DIALECTS
from awskg.exports.formats import FORMATS, render
from awskg.exports.graphml import render_graphml
from awskg.exports.subgraph import flat, sliced

MERMAID_VERSION = "11.12.2"
CACHE = Path(__file__).parent / ".cache"
AWKWARD = 'Say "hi" [x] (y) {z} <b>&amp; #1 | a;b `c` 한국어(서울) -->'


@pytest.fixture(scope="module")
def awkward(tmp_path_factory) -> awskg.KnowledgeGraph:
    """A graph whose labels hold every character the formats must escape."""
    folder = tmp_path_factory.mktemp("awkward")
    (folder / "kinds.csv").write_text('name,label,label_ko\nthing,"Thing ""<kind>""",것\n', "utf-8")
    (folder / "relations.csv").write_text(
        'name,label,inverse_label,label_ko,inverse_label_ko\nlinks-to,"links ""to"" <&>",is linked from,을/를 잇는다,에서 이어진다\n',
        "utf-8",
    )
    label = AWKWARD.replace('"', '""')
    (folder / "nodes.csv").write_text(
        f'id,label,label_ko,kind,aliases,summary\nodd,"{label}",이상한 이름 <태그>,thing,"a;b",\'quote\' \\ backslash\n'
        "plain,Plain,평범,thing,,\n",
        "utf-8",
    )
    (folder / "edges.csv").write_text(
        'source,relation,target,note\nodd,links-to,plain,"note with ""quotes"" and \n newline"\n', "utf-8"
    )
    return awskg.load([folder], builtin=False)


def export(kg, fmt, **slicing):
    return render(kg, select(kg, **slicing), fmt)


def assert_same_graph(read: nx.MultiDiGraph, kg: awskg.KnowledgeGraph) -> None:
    assert read.number_of_nodes() == kg.graph.number_of_nodes()
    assert read.number_of_edges() == kg.graph.number_of_edges()
    for node in ("fargate", "availability-zone", "route-53"):
        assert read.nodes[node]["label"] == kg.node(node)["label"]
        assert read.nodes[node]["label_ko"] == kg.node(node)["label_ko"]


def test_cli_formats_are_the_registry():
    option = next(p for p in export_command.params if p.name == "fmt")
    assert tuple(option.type.choices) == tuple(FORMATS)
    assert all(callable(renderer) for renderer in FORMATS.values())


def test_json_read_back_by_networkx(kg):
    data = json.loads(export(kg, "json"))
    read = nx.node_link_graph(data, edges="links")
    assert_same_graph(read, kg)
    assert read.nodes["ecs"]["aliases"] == kg.node("ecs")["aliases"]
    assert (
        read.get_edge_data("eks", "fargate", key="uses")["source_ref"]
        == kg.graph.get_edge_data("eks", "fargate", key="uses")["source_ref"]
    )


def test_gexf_read_back_by_networkx(kg, tmp_path):
    path = tmp_path / "g.gexf"
    path.write_text(export(kg, "gexf"), "utf-8")
    read = nx.read_gexf(path)
    assert_same_graph(read, kg)
    assert read.nodes["region"]["kind"] == "infrastructure"


def test_graphml_read_back_by_networkx_and_igraph(kg, tmp_path):
    import igraph

    path = tmp_path / "g.graphml"
    path.write_text(export(kg, "graphml"), "utf-8")
    assert_same_graph(nx.read_graphml(path, force_multigraph=True), kg)
    other = igraph.Graph.Read_GraphML(str(path))
    assert (other.vcount(), other.ecount()) == (kg.graph.number_of_nodes(), kg.graph.number_of_edges())
    by_id = {v["id"]: v for v in other.vs}
    assert by_id["availability-zone"]["label_ko"] == "가용 영역"
    assert set(other.es["relation"]) == {e.relation for e in kg.edges()}


def test_graphml_keeps_awkward_text(awkward, tmp_path):
    path = tmp_path / "a.graphml"
    path.write_text(export(awkward, "graphml"), "utf-8")
    read = nx.read_graphml(path, force_multigraph=True)
    assert read.nodes["odd"]["label"] == AWKWARD
    assert read.nodes["odd"]["aliases"] == "a;b"


def odd_graph() -> nx.MultiDiGraph:
    """Values a GraphML writer must escape or replace, attribute sets that differ, elements with none."""
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="x\r\ny\rz\x0b\ufffe\ud800 😀 <&> \"q\" 's' \t서울", aliases=["p", "q"], empty="")
    graph.add_node('id "<&>"\t\r\n')
    graph.add_node("c", extra="only here", label="C")
    graph.add_edge("a", 'id "<&>"\t\r\n', key="r", note="line\r\nbreak\n")
    graph.add_edge("c", "a", key='k"&')
    return graph


def test_graphml_is_what_networkx_writes(kg, awkward):
    """The hand-written GraphML is byte for byte networkx's own, from the same flattened graph."""
    for graph in (sliced(kg, select(kg)), sliced(awkward, select(awkward)), odd_graph(), nx.MultiDiGraph()):
        expected = "\n".join(nx.generate_graphml(flat(graph), encoding="utf-8", prettyprint=True)) + "\n"
        assert render_graphml(kg, graph) == expected


def test_graphml_of_odd_values_reads_back(kg, tmp_path):
    path = tmp_path / "odd.graphml"
    path.write_text(render_graphml(kg, odd_graph()), "utf-8")
    read = nx.read_graphml(path, force_multigraph=True)
    assert read.nodes["a"]["label"] == "x\ny\nz\ufffd\ufffd\ufffd 😀 <&> \"q\" 's' \t서울"
    assert read.nodes["a"]["aliases"] == "p;q"
    assert read.has_edge("a", 'id "<&>"\t\r\n', key="r")


def svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def dot_binary() -> str:
    found = shutil.which("dot")
    if not found:
        message = "Graphviz not found: apt-get install graphviz (.ci/run installs it)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return found


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_dot_renders_with_graphviz_and_holds_every_label(kg, lang):
    text = render(kg, select(kg), "dot", lang)
    svg = subprocess.run([dot_binary(), "-Tsvg"], input=text, capture_output=True, text=True, check=True).stdout
    texts = svg_texts(svg)
    for node in kg.graph.nodes:
        assert kg.label(node, lang) in texts, node
    assert texts.count("runs on" if lang == "en" else "실행 위치") == sum(
        1 for e in kg.edges() if e.relation == "runs-on"
    )
    assert text.count('subgraph "cluster_') == len(kg.kinds)


def test_dot_escapes_awkward_labels(awkward):
    svg = subprocess.run(
        [dot_binary(), "-Tsvg"], input=export(awkward, "dot"), capture_output=True, text=True, check=True
    ).stdout
    assert AWKWARD in svg_texts(svg)


@pytest.fixture(scope="module")
def mermaid_js() -> Path:
    """Mermaid's own bundle, from its npm package (cached under tests/.cache)."""
    bundle = CACHE / f"mermaid-{MERMAID_VERSION}.min.js"
    if bundle.exists():
        return bundle
    npm = shutil.which("npm")
    if not npm:
        message = "npm not found: needed once to fetch the mermaid package"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [npm, "pack", f"mermaid@{MERMAID_VERSION}", "--silent"], cwd=work, check=True, capture_output=True
        )
        (tarball,) = Path(work).glob("mermaid-*.tgz")
        with tarfile.open(tarball) as archive:
            data = archive.extractfile("package/dist/mermaid.min.js").read()
    CACHE.mkdir(exist_ok=True)
    # whole or not at all: another test process (pytest-xdist) may read it meanwhile
    partial = CACHE / f".{bundle.name}.{os.getpid()}.part"
    partial.write_bytes(data)
    partial.replace(bundle)
    return bundle


@pytest.fixture(scope="module")
def mermaid_page(browser, mermaid_js):
    page = browser.new_page()
    page.set_content("<!doctype html><html><body><div id='out'></div></body></html>")
    page.add_script_tag(path=str(mermaid_js))
    page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
    yield page
    page.close()


def mermaid_check(page, text: str) -> dict:
    return page.evaluate(
        """async (text) => {
             try { await mermaid.parse(text); } catch (e) { return {error: String(e.message || e)}; }
             const {svg} = await mermaid.render('m' + Math.random().toString(36).slice(2), text);
             const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
             return {error: null, text: doc.documentElement.textContent};
           }""",
        text,
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_mermaid_parses_with_mermaid_itself(kg, mermaid_page, lang):
    text = render(kg, select(kg, focus="Fargate", depth=1), "mermaid", lang)
    result = mermaid_check(mermaid_page, text)
    assert result["error"] is None
    assert kg.label("fargate", lang) in result["text"]


@pytest.mark.browser
def test_mermaid_parses_awkward_labels(awkward, mermaid_page):
    result = mermaid_check(mermaid_page, export(awkward, "mermaid"))
    assert result["error"] is None
    assert AWKWARD in result["text"]


@pytest.mark.browser
def test_mermaid_of_the_whole_graph_parses(kg, mermaid_page):
    assert mermaid_check(mermaid_page, export(kg, "mermaid"))["error"] is None


def test_csv_round_trip_gives_an_identical_graph(invoke, kg, tmp_path):
    folder = tmp_path / "pack"
    result = invoke("export", "--format", "csv", "-o", str(folder))
    assert result.exit_code == 0
    again = awskg.load([folder], builtin=False)
    assert dict(again.graph.nodes(data=True)) == dict(kg.graph.nodes(data=True))
    assert sorted(again.graph.edges(keys=True, data=True)) == sorted(kg.graph.edges(keys=True, data=True))
    assert again.relations == kg.relations and again.kinds == kg.kinds and again.tours == kg.tours


def test_csv_round_trip_of_awkward_text(awkward, tmp_path):
    files = export(awkward, "csv")
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    again = awskg.load([tmp_path], builtin=False)
    assert dict(again.graph.nodes(data=True)) == dict(awkward.graph.nodes(data=True))
    assert list(again.edges()) == list(awkward.edges())


def cypher_strings(line: str) -> list[str]:
    """Walk one statement; return its string literals, unescaped. Fails on bad quoting."""
    strings, i, escapes = [], 0, {"\\": "\\", "'": "'", "n": "\n", "r": "\r", "t": "\t"}
    while i < len(line):
        ch = line[i]
        if ch == "'":
            value, i = [], i + 1
            while line[i] != "'":
                if line[i] == "\\":
                    value.append(escapes[line[i + 1]])
                    i += 2
                else:
                    value.append(line[i])
                    i += 1
            strings.append("".join(value))
        elif ch == "`":
            i += 1
            while not (line[i] == "`" and line[i + 1 : i + 2] != "`"):
                i += 2 if line[i] == "`" else 1
        elif ch == ";":
            assert i == len(line) - 1, f"statement continues after ';': {line}"
        i += 1
    assert line.endswith(";")
    return strings


def test_cypher_quoting_is_balanced_on_hostile_text(awkward, kg):
    for graph in (awkward, kg, awskg.load([Path(__file__).parent / "data" / "hostile"])):
        lines = export(graph, "cypher").splitlines()
        found = [s for line in lines for s in cypher_strings(line)]
        assert sum(line.startswith("MERGE (n:Concept") for line in lines) == graph.graph.number_of_nodes()
        assert sum(line.startswith("MATCH ") for line in lines) == graph.graph.number_of_edges()
        for node in list(graph.graph.nodes)[:20]:
            assert graph.node(node)["label"] in found
    assert AWKWARD in [s for line in export(awkward, "cypher").splitlines() for s in cypher_strings(line)]


@pytest.mark.parametrize("dialect", ["neo4j", "falkordb"])
def test_both_cypher_dialects_pass_the_walker_and_differ_only_in_the_key(dialect, invoke):
    script = invoke("export", "--format", "cypher", "--dialect", dialect).stdout
    lines = script.split("\n")
    assert lines.pop() == ""
    for line in lines:
        cypher_strings(line)  # fails on unbalanced quoting or a statement running past its line
    assert lines[0] == DIALECTS[dialect]
    assert script == invoke("export", "--format", "cypher").stdout.replace(DIALECTS["neo4j"], DIALECTS[dialect], 1)
    # Neo4j 5's uniqueness constraint by default; FalkorDB's Cypher has no CREATE CONSTRAINT
    assert DIALECTS["neo4j"].endswith("REQUIRE c.id IS UNIQUE;") and "CONSTRAINT" not in DIALECTS["falkordb"]


def test_dialect_choices_are_the_cypher_dialects():
    (option,) = [p for p in export_command.params if p.name == "dialect"]
    assert tuple(option.type.choices) == tuple(DIALECTS)


def test_dialect_is_only_for_cypher(invoke):
    result = invoke("export", "--format", "json", "--dialect", "falkordb")
    assert result.exit_code == 2 and "--dialect is for --format cypher" in result.stderr


def test_export_html_is_the_page_awskg_html_writes(invoke, tmp_path):
    exported, written = tmp_path / "exported.html", tmp_path / "written.html"
    assert invoke("export", "--format", "html", "--focus", "Fargate", "-o", str(exported)).exit_code == 0
    assert invoke("html", "--focus", "Fargate", "-o", str(written)).exit_code == 0
    assert exported.read_bytes() == written.read_bytes()


def test_export_to_stdout_and_to_file(invoke, tmp_path):
    result = invoke("export", "--format", "mermaid", "--focus", "region")
    assert result.exit_code == 0 and result.stdout.startswith("flowchart LR\n")
    out = tmp_path / "g.json"
    result = invoke("export", "--format", "json", "-o", str(out), "--kind", "infrastructure")
    infra = [n for n, k in awskg.load().graph.nodes(data="kind") if k == "infrastructure"]
    edges = awskg.load().graph.subgraph(infra).number_of_edges()
    assert result.stdout == f"wrote {out}: {len(infra)} nodes, {edges} edges\n"
    assert {n["id"] for n in json.loads(out.read_text("utf-8"))["nodes"]} >= {"region", "availability-zone"}


def test_csv_needs_a_folder(invoke):
    result = invoke("export", "--format", "csv")
    assert result.exit_code == 2
    assert "--format csv writes a pack folder" in result.stderr


def test_export_path_slice_includes_the_paths(invoke):
    out = invoke("export", "--format", "json", "--path", "Route 53", "subnet", "--kind", "service").stdout
    ids = {n["id"] for n in json.loads(out)["nodes"]}
    assert {"route-53", "subnet"} <= ids


def test_the_docs_mermaid_diagram_is_the_commands_output(invoke):
    doc = (Path(__file__).resolve().parents[1] / "docs" / "exports.md").read_text("utf-8")
    produced = invoke("export", "--format", "mermaid", "--focus", "Fargate", "--depth", "1").stdout
    assert f"```mermaid\n{produced}```" in doc, "regenerate: awskg export --format mermaid --focus Fargate --depth 1"


def test_a_csv_slice_is_a_pack_that_loads(invoke, tmp_path):
    """A dimension's applies_to names concepts; a slice keeps only those it holds, so the pack loads."""
    out = tmp_path / "slice"
    assert invoke("export", "--format", "csv", "--focus", "fargate", "-o", str(out)).exit_code == 0
    checked = invoke("--no-builtin", "--pack", str(out), "check")
    assert checked.exit_code == 0, checked.stderr
    assert checked.stdout.startswith("ok: 12 nodes")


@pytest.mark.parametrize(
    "options",
    [{}, {"focus": "fargate"}, {"path": ("Route 53", "subnet")}, {"kinds": ("service",), "path": ("ECS", "VPC")}],
)
def test_a_slice_is_the_graph_add_edges_from_builds(kg, options):
    """sliced() lays the copy out itself: it must be the very graph networkx's own calls build, order and all."""
    view = select(kg, **options)
    built: nx.MultiDiGraph = nx.MultiDiGraph()
    built.add_nodes_from(
        (n, {**kg.node(n), "properties": [f"{p.dimension}={p.value}" for p in kg.properties_of(n)]}) for n in view.nodes
    )
    built.add_edges_from((s, t, r, dict(kg.graph.get_edge_data(s, t, key=r))) for s, r, t in view.edges)
    ours = sliced(kg, view)
    assert list(ours.nodes(data=True)) == list(built.nodes(data=True))
    assert list(ours.edges(keys=True, data=True)) == list(built.edges(keys=True, data=True))
    assert list(ours.in_edges(keys=True, data=True)) == list(built.in_edges(keys=True, data=True))
    for s, r, t in view.edges:
        assert ours.succ[s][t][r] is ours.pred[t][s][r]  # one fact, reached from either end
        assert ours.succ[s][t][r] is not kg.graph.succ[s][t][r]  # a copy: the loaded graph is never touched
