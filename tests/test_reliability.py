"""Issue 15's attacks, each replayed on a temporary folder: the fix must hold."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from test_adjacency import edits_reach_both_ends

import awskg
from awskg.graph import cache
from awskg.graph.authoring import LOCK_NAME
from awskg.graph.loading import BUILTIN_PACK, validate
from awskg.graph.packfile import MAX_FILE_BYTES

NODES_HEADER = "id,label,label_ko,kind,aliases,summary,summary_ko,docs"
EDGES_HEADER = "source,relation,target,note,source_ref"


@pytest.fixture
def pack(tmp_path, invoke):
    folder = tmp_path / "pack"
    assert invoke("init-pack", str(folder)).exit_code == 0
    return folder


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """awskg in its own process, for what CliRunner cannot fake (closed descriptors, encodings)."""
    return subprocess.run([sys.executable, "-m", "awskg", *args], capture_output=True, text=True, **kwargs)


# --- 2. export --format csv never overwrites a pack ---------------------------------


def test_csv_export_refuses_a_non_empty_folder(pack, invoke):
    assert invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine", "--kind", "concept").exit_code == 0
    before = {p.name: p.read_bytes() for p in pack.iterdir()}
    result = invoke("export", "--format", "csv", "-o", str(pack))
    assert result.exit_code == 1 and "not empty" in result.stderr and "--force" in result.stderr
    assert {p.name: p.read_bytes() for p in pack.iterdir()} == before


def test_csv_export_with_force_writes_a_loadable_pack(tmp_path, invoke):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    assert invoke("export", "--format", "csv", "-o", str(folder), "--force").exit_code == 0
    assert invoke("--no-builtin", "--pack", str(folder), "check").exit_code == 0
    assert (folder / "notes.txt").read_text() == "mine"


def test_csv_export_never_writes_the_builtin_pack_even_with_force(invoke, tmp_path):
    before = {p.name: p.read_bytes() for p in BUILTIN_PACK.iterdir()}
    link = tmp_path / "data"
    link.symlink_to(BUILTIN_PACK)
    for target in (BUILTIN_PACK, link):
        result = invoke("export", "--format", "csv", "--focus", "fargate", "-o", str(target), "--force")
        assert result.exit_code == 1 and "built-in pack" in result.stderr
    assert {p.name: p.read_bytes() for p in BUILTIN_PACK.iterdir()} == before


def test_csv_export_does_not_create_missing_parents(invoke, tmp_path):
    result = invoke("export", "--format", "csv", "-o", str(tmp_path / "no" / "such"))
    assert result.exit_code == 1 and "No such file" in result.stderr
    assert not (tmp_path / "no").exists()
    assert invoke("export", "--format", "csv", "-o", str(tmp_path / "new")).exit_code == 0  # the folder itself is made


# --- 3 and 4. the cache -----------------------------------------------------------


@pytest.fixture
def cached(tmp_path, monkeypatch, make_pack):
    monkeypatch.setenv("AWSKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    return make_pack(
        nodes=[["mine", "Mine", "내 것", "concept", "m1;m2", "A thing.", "", ""]],
        edges=[["mine", "uses", "ec2", "a note", "https://example.com/"]],
    )


def _fingerprint_line(cache_file) -> bytes:
    return cache_file.read_bytes().split(b"\n", 1)[0] + b"\n"


def _poison(cache_file, payload: bytes) -> None:
    """``payload`` behind the right fingerprint, in a file only the user could write."""
    cache_file.write_bytes(_fingerprint_line(cache_file) + payload)
    os.chmod(cache_file, 0o600)


def test_the_cache_cannot_run_code(cached, tmp_path):
    cache.load_cached([cached], version="test")
    (cache_file,) = (tmp_path / "cache").glob("*.marshal")
    import pickle

    class Boom:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'owned'}",))

    _poison(cache_file, pickle.dumps(Boom()))  # runs code if the cache were ever read with pickle
    assert "mine" in cache.load_cached([cached], version="test").graph
    assert not (tmp_path / "owned").exists()
    assert pickle.dumps(Boom()) not in cache_file.read_bytes()  # rewritten


def test_a_cache_of_the_wrong_shape_is_rebuilt_not_trusted(cached, tmp_path):
    cache.load_cached([cached], version="test")
    (cache_file,) = (tmp_path / "cache").glob("*.marshal")
    import marshal

    good = cache_file.read_bytes()
    document = marshal.loads(good.split(b"\n", 1)[1])
    wrong = [
        compile("1", "x", "exec"),  # well-formed marshal, not a graph
        [document],
        {key: value for key, value in document.items() if key != sorted(document)[0]},  # a key missing
        {**document, sorted(document)[-1]: 7},  # a value of the wrong type
    ]
    for shape in wrong:
        _poison(cache_file, marshal.dumps(shape))
        kg = cache.load_cached([cached], version="test")
        assert "mine" in kg.graph and kg.graph.number_of_nodes() > 100, shape
        assert cache_file.read_bytes() == good  # replaced by the cache the pack makes


def test_the_cache_is_private(cached, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    cache.load_cached([cached], version="test")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (cache_file,) = folder.glob("*.marshal")
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600


def test_an_exposed_or_linked_cache_file_is_not_trusted(cached, tmp_path, monkeypatch):
    first = cache.load_cached([cached], version="test")
    (cache_file,) = (tmp_path / "cache").glob("*.marshal")
    # a valid cache of the same packs, but saying something else: trusted, it would be read
    first.graph.nodes["mine"]["label"] = "Planted"
    planted = _fingerprint_line(cache_file) + cache._dump(first)
    first.graph.nodes["mine"]["label"] = "Mine"
    cache_file.write_bytes(planted)
    os.chmod(cache_file, 0o600)
    assert cache.load_cached([cached], version="test").label("mine") == "Planted"  # the plant is a good one
    cache_file.write_bytes(planted)
    os.chmod(cache_file, 0o666)  # anyone could have written it
    assert cache.load_cached([cached], version="test").label("mine") == "Mine"
    elsewhere = tmp_path / "elsewhere.marshal"
    elsewhere.write_bytes(planted)
    os.chmod(elsewhere, 0o600)
    cache_file.unlink()
    cache_file.symlink_to(elsewhere)
    assert cache.load_cached([cached], version="test").label("mine") == "Mine"
    assert not cache_file.is_symlink()


def test_a_cache_file_round_trips_the_graph(cached, monkeypatch):
    first = cache.load_cached([cached], version="test")
    monkeypatch.setattr(cache, "load", lambda *a, **k: pytest.fail("a fresh cache must be used"))
    again = cache.load_cached([cached], version="test")
    assert nx.utils.graphs_equal(first.graph, again.graph)
    for view in ("edges", "in_edges"):  # the same facts in the same order, both ways
        assert list(getattr(again.graph, view)(keys=True, data=True)) == list(
            getattr(first.graph, view)(keys=True, data=True)
        )
    edits_reach_both_ends(again.graph)  # one relation dict per pair, reached from both ends
    assert again.relations == first.relations and again.kinds == first.kinds and again.tours == first.tours
    assert again.names.owner == first.names.owner


def test_a_same_size_edit_with_its_mtime_restored_is_seen(cached):
    assert cache.load_cached([cached], version="test").label("mine") == "Mine"
    nodes = cached / "nodes.csv"
    stat_before = nodes.stat()
    nodes.write_bytes(nodes.read_bytes().replace(b"Mine", b"Mina"))
    os.utime(nodes, ns=(stat_before.st_atime_ns, stat_before.st_mtime_ns))  # touch -r
    assert nodes.stat().st_size == stat_before.st_size
    assert cache.load_cached([cached], version="test").label("mine") == "Mina"


def test_the_key_holds_the_installed_networkx_version(cached, monkeypatch):
    cache.load_cached([cached], version="test")
    reloaded = []
    monkeypatch.setattr(cache, "load", lambda *a, **k: reloaded.append(1) or awskg.load(*a, **k))
    cache.load_cached([cached], version="test")
    assert not reloaded  # same versions: the cache is used
    monkeypatch.setattr(nx, "__version__", "99.0")
    cache.load_cached([cached], version="test")
    assert reloaded == [1]


# --- 5. the comment rule ----------------------------------------------------------


def test_an_id_starting_with_hash_is_refused(pack, invoke):
    before = (pack / "nodes.csv").read_bytes()
    result = invoke("--pack", str(pack), "add-node", "#evil", "--label", "Fargate", "--kind", "concept")
    assert result.exit_code == 1 and "invalid id '#evil'" in result.stderr
    assert (pack / "nodes.csv").read_bytes() == before


@pytest.mark.parametrize("column", NODES_HEADER.split(",")[1:])
def test_every_node_column_starting_with_hash_reads_back(tmp_path, invoke, column):
    columns = NODES_HEADER.split(",")
    columns.remove(column)
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "nodes.csv").write_text(",".join([column, *columns]) + "\n", "utf-8")
    (folder / "edges.csv").write_text(EDGES_HEADER + "\n", "utf-8")
    values = {"label": "#Label", "label-ko": "#한국어", "summary": "#sum", "summary-ko": "#요약"}
    option = column.replace("_", "-")
    args = ["--label", "Mine", "--kind", "concept"]
    if column == "kind":
        (folder / "kinds.csv").write_text("name,label\n#k,Hash kind\n", "utf-8")  # a comment: no such kind
        result = invoke("--pack", str(folder), "add-node", "mine", "--label", "Mine", "--kind", "#k")
        assert result.exit_code == 2 and "unknown kind '#k'" in result.stderr
        return
    if column == "aliases":
        args += ["--alias", "#my own alias"]
    elif column == "docs":
        args += ["--docs", "#https://example.com"]
    elif option in values:
        args = [a for a in args if a != "Mine" and a != "--label"] if column == "label" else args
        args += [f"--{option}", values[option]]
    result = invoke("--pack", str(folder), "add-node", "mine", *args)
    if column == "docs":
        assert result.exit_code == 1 and "docs must be an http(s) URL" in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    assert (folder / "nodes.csv").read_text("utf-8").splitlines()[1].startswith('"#')
    attrs = awskg.load([folder]).node("mine")
    written = "#my own alias" if column == "aliases" else values[option]
    got = attrs[column] if column != "aliases" else attrs["aliases"][0]
    assert got == written


def test_a_note_starting_with_hash_first_cannot_hide_an_edge(tmp_path, invoke):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "nodes.csv").write_text(NODES_HEADER + "\n", "utf-8")
    (folder / "edges.csv").write_text("note,source,relation,target,source_ref\n", "utf-8")
    args = ["--pack", str(folder), "add-edge", "lambda", "triggers", "ecr", "--note", "#first"]
    assert invoke(*args).exit_code == 0
    again = invoke(*args)
    assert again.exit_code == 1 and "duplicate edge lambda triggers ecr" in again.stderr
    assert awskg.load([folder]).graph.get_edge_data("lambda", "ecr", key="triggers")["note"] == "#first"


def test_a_comment_is_an_unquoted_hash_at_a_record_start(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "nodes.csv").write_text(
        NODES_HEADER + '\n  # a comment, "with an unclosed quote\n"#x",X,,concept,,"two\n# not a comment",,\n',
        "utf-8",
    )
    (folder / "edges.csv").write_text(EDGES_HEADER + "\n", "utf-8")
    with pytest.raises(awskg.PackError) as raised:
        awskg.load([folder])
    assert [(p.line, p.message) for p in raised.value.problems] == [
        (3, "invalid id '#x': use lowercase letters, digits and hyphens, e.g. 'availability-zone'")
    ]


# --- 6. the lock ------------------------------------------------------------------


def test_a_symlinked_lock_is_refused_and_its_target_never_created(pack, invoke, tmp_path):
    target = tmp_path / "nologin"
    (pack / LOCK_NAME).unlink(missing_ok=True)
    (pack / LOCK_NAME).symlink_to(target)
    before = (pack / "nodes.csv").read_bytes()
    result = invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine", "--kind", "concept")
    assert result.exit_code == 1 and "symlink" in result.stderr
    assert not target.exists() and (pack / "nodes.csv").read_bytes() == before


def test_a_lock_that_is_not_a_regular_file_is_refused(pack, invoke):
    (pack / LOCK_NAME).unlink(missing_ok=True)
    os.mkfifo(pack / LOCK_NAME)
    result = invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine", "--kind", "concept")
    assert result.exit_code == 1 and "not a regular file" in result.stderr


# --- 7, 8, 9. control characters and line breaks ---------------------------------------


def test_check_reports_control_characters_at_their_line(make_pack, invoke):
    folder = make_pack(
        nodes=[
            ["mine", "Mine\x1b]0;owned\x07", "", "concept", "", "", "", ""],
            ["yours", "Yours", "", "concept", "", "first line\nsecond \x9b line", "", ""],
            ["tabbed", "Tab\there", "", "concept", "", "", "", ""],
        ]
    )
    result = invoke("--pack", str(folder), "check")
    where = folder / "nodes.csv"
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:-1] == [
        f"{where}:2: control character U+001B escape (ESC) in column 'label'; remove it",
        f"{where}:4: control character U+009B in column 'summary'; remove it",
    ]


def test_authoring_refuses_control_characters(pack, invoke):
    before = (pack / "nodes.csv").read_bytes()
    result = invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine\x1b[2J", "--kind", "concept")
    assert result.exit_code == 1 and "control character U+001B" in result.stderr
    assert (pack / "nodes.csv").read_bytes() == before


def test_printing_escapes_control_characters_that_remain(invoke, monkeypatch):
    kg = awskg.load()
    kg.graph.nodes["fargate"]["label"] = "Far\x1b]52;c;cm0gLXJm\x07gate\x9b2J"
    from awskg.session import Session

    monkeypatch.setattr(Session, "kg", kg)
    result = invoke("show", "fargate")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\x9b" not in result.stdout
    assert "Far\\u001b]52;c;cm0gLXJm\\u0007gate\\u009b2J" in result.stdout
    data = json.loads(invoke("show", "fargate", "--json").stdout)
    assert data["label"] == "Far\x1b]52;c;cm0gLXJm\x07gate\x9b2J"  # JSON stays exact, escaped


def _hostile_kg():
    kg = awskg.load()
    kg.graph.nodes["fargate"]["label"] = "Far\x0bgate\x00\ufffe"
    kg.graph.nodes["fargate"]["aliases"] = ["a\x1bb"]
    return kg


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_never_carry_forbidden_characters(fmt, tmp_path):
    from awskg.explorer.view import select
    from awskg.exports.formats import render

    kg = _hostile_kg()
    text = render(kg, select(kg, focus="fargate"), fmt)
    ET.fromstring(text.encode())  # well-formed XML 1.0
    path = tmp_path / f"g.{fmt}"
    path.write_text(text, "utf-8")
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    labels = dict(graph.nodes(data="label"))
    assert labels["fargate"] == "Far\ufffdgate\ufffd\ufffd"


@pytest.mark.skipif(shutil.which("dot") is None and not os.environ.get("CI"), reason="needs Graphviz")
def test_dot_to_svg_stays_well_formed(tmp_path):
    from awskg.explorer.view import select
    from awskg.exports.formats import render

    kg = _hostile_kg()
    dot = render(kg, select(kg, focus="fargate"), "dot")
    svg = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=True).stdout
    root = ET.fromstring(svg)
    assert any("Far\ufffdgate" in (t.text or "") for t in root.iter("{http://www.w3.org/2000/svg}text"))


@pytest.mark.parametrize("value", ["a\rb", "a\r\nb", "a\nb"])
def test_line_breaks_in_values_round_trip(pack, invoke, value):
    result = invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine", "--kind", "concept", "--summary", value)
    assert result.exit_code == 0, result.stderr
    assert awskg.load([pack]).summary("mine") == value
    line = result.stdout.split(":")[1]
    nodes = (pack / "nodes.csv").read_bytes()
    assert nodes.split(b"\n")[int(line) - 1].startswith(b"mine,")  # the line reported is the row's own
    later = invoke("--pack", str(pack), "add-node", "later", "--label", "Later", "--kind", "concept")
    assert later.exit_code == 0
    assert b"\r\n" not in (pack / "nodes.csv").read_bytes().replace(value.encode(), b"")  # still LF
    assert int(later.stdout.split(":")[1]) == int(line) + value.count("\n") + 1
    assert validate([pack]).nodes == validate().nodes + 2


def test_an_unquoted_cr_is_reported_at_its_real_line(make_pack, invoke):
    folder = make_pack(nodes=NODES_HEADER + "\nmine,Mine,,concept,,a\rb,,\nyours,Yours,,concept,,,,\n")
    result = invoke("--pack", str(folder), "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{folder / 'nodes.csv'}:2: line break (CR) outside quotes; quote the value that holds it, or remove it"
    )


# --- 11. check on many unknown names --------------------------------------------------


def test_suggestions_stop_after_twenty_with_a_count(make_pack, invoke):
    edges = [[f"fargat{i}", "uses", "ec2", "", ""] for i in range(25)]
    result = invoke("--pack", str(make_pack(edges=edges)), "check")
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and lines[-1] == "25 problems found"
    hinted = [line for line in lines if "did you mean" in line]
    assert len(hinted) == 20
    assert sum("suggestions stop after 20 unknown node names: this one and 4 more have none" in x for x in lines) == 1


def test_suggestions_on_a_big_graph_use_the_shortlist(monkeypatch):
    from awskg.graph import names

    index = names.NameIndex((f"concept-{i}", [f"Concept {i}", f"alias {i}"]) for i in range(3000))
    assert len(index.owner) > names.SHORTLIST_ABOVE
    assert index.suggest("concpet-1234")[0] == "concept-1234"
    assert "concept1234" in index.shortlist("concpet1234")
    assert len(index.shortlist("concpet1234")) < len(index.owner) / 2


# --- 12. search ---------------------------------------------------------------------


def test_a_long_query_is_refused(invoke):
    result = invoke("search", "x" * 201)
    assert result.exit_code == 2 and "201 characters long" in result.stderr
    assert invoke("search", "x" * 200).exit_code == 1  # long, but allowed: no hit


def test_search_on_a_big_graph_finds_typos_and_parts(monkeypatch, kg):
    from awskg.explorer import search as module
    from awskg.explorer.search import search

    small = {q: [m.id for m in search(kg, q)] for q in ("farget", "kubernets", "로드", "route 53", "lamda")}
    monkeypatch.setattr(module, "SHORTLIST_ABOVE", 0)  # the big-graph path, on the built-in graph
    for query, found in small.items():
        indexed = [m.id for m in search(kg, query)]
        assert indexed[:3] == found[:3] and set(indexed) <= set(found)


# --- 13. smaller findings ----------------------------------------------------------------


def test_a_symlinked_pack_file_is_written_through(pack, invoke, tmp_path):
    shared = tmp_path / "shared-nodes.csv"
    shutil.move(pack / "nodes.csv", shared)
    (pack / "nodes.csv").symlink_to(shared)
    assert invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine", "--kind", "concept").exit_code == 0
    assert (pack / "nodes.csv").is_symlink() and b"mine,Mine" in shared.read_bytes()


def test_a_hard_linked_pack_file_is_written_through(pack, invoke, tmp_path):
    shared = tmp_path / "shared-nodes.csv"
    os.link(pack / "nodes.csv", shared)
    assert invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine", "--kind", "concept").exit_code == 0
    assert b"mine,Mine" in shared.read_bytes()
    assert os.stat(shared).st_ino == os.stat(pack / "nodes.csv").st_ino


def test_a_read_only_nodes_file_is_refused(pack, invoke):
    nodes = pack / "nodes.csv"
    nodes.chmod(0o444)
    before = nodes.read_bytes()
    result = invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine", "--kind", "concept")
    assert result.exit_code == 1 and "read-only" in result.stderr
    assert nodes.read_bytes() == before and stat.S_IMODE(nodes.stat().st_mode) == 0o444


def test_stale_temporary_files_are_ignored_then_cleaned(pack, invoke):
    stale = pack / ".nodes.csv.awskg-dead1234.tmp"
    stale.write_text("id,label\nhalf,")
    old = os.stat(pack / "nodes.csv").st_mtime - 2 * 24 * 3600  # its writer unknown: swept once a day old
    os.utime(stale, (old, old))
    assert invoke("--pack", str(pack), "check").exit_code == 0  # ignored on reading
    assert invoke("--pack", str(pack), "add-node", "mine", "--label", "Mine", "--kind", "concept").exit_code == 0
    assert not stale.exists()
    assert not list(pack.glob(".*awskg-*"))


def test_init_pack_leaves_nothing_behind_when_the_disk_fills(tmp_path, invoke, monkeypatch):
    from awskg.graph import atomic

    calls = []
    real = atomic._replace

    def fill_up(path, *rest):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(path, *rest)

    monkeypatch.setattr(atomic, "_replace", fill_up)
    folder = tmp_path / "new-pack"
    result = invoke("init-pack", str(folder))
    assert result.exit_code == 1 and "No space left" in result.stderr
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(atomic, "_replace", real)
    assert invoke("init-pack", str(folder)).exit_code == 0  # the rerun is not "not empty"
    assert invoke("--pack", str(folder), "check").exit_code == 0


def test_a_latin1_terminal_gets_escapes_not_a_traceback():
    result = run(
        "--lang", "ko", "show", "Fargate", env={**os.environ, "PYTHONIOENCODING": "latin-1"}, encoding="latin-1"
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "\\uc11c\\ube44\\uc2a4" in result.stdout  # 서비스


def test_quiz_with_stdin_closed_is_a_clean_error():
    result = run("quiz", "--count", "1", "--seed", "1", preexec_fn=lambda: os.close(0))
    assert result.returncode == 2 and "standard input is closed" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_with_stdout_closed_fails():
    result = run("export", "--format", "mermaid", "--focus", "fargate", preexec_fn=lambda: os.close(1))
    assert result.returncode == 1 and "standard output is closed" in result.stderr


def test_a_huge_sparse_nodes_file_is_refused_by_size(make_pack, invoke):
    folder = make_pack()
    with open(folder / "nodes.csv", "r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = invoke("--pack", str(folder), "check")
    assert result.exit_code == 1 and "awskg reads pack files of at most 128 MiB" in result.stderr


@pytest.mark.parametrize("step", ["٣", "１", "1" * 23, "²", "0"])
def test_tour_steps_are_short_ascii_numbers(make_pack, invoke, step):
    folder = make_pack(tours=f"tour,step,node,note,note_ko\nmy-tour,{step},ec2,,\n")
    result = invoke("--pack", str(folder), "check")
    assert result.exit_code == 1 and f"step must be a whole number from 1, got {step!r}" in result.stderr


def test_empty_relation_and_kind_filters_are_refused(invoke):
    assert invoke("neighbors", "fargate", "--relation", "").exit_code == 2
    assert invoke("list", "--kind", "").exit_code == 2


def test_html_path_takes_max_hops(invoke, tmp_path):
    out = tmp_path / "m.html"
    near = invoke("html", "-o", str(out), "--path", "fargate", "region", "--max-hops", "1")
    assert near.exit_code == 1 and "within 1 hops" in near.stderr
    assert invoke("html", "-o", str(out), "--path", "fargate", "eks", "--max-hops", "1").exit_code == 0


def test_a_value_over_the_csv_field_limit_is_reported_at_its_line(make_pack, invoke):
    folder = make_pack(
        nodes=NODES_HEADER
        + "\nok,Ok,,concept,,,,\nbig,Big,,concept,,"
        + "x" * 140_000
        + ",,\nafter,After,,concept,,,,\n"
    )
    result = invoke("--pack", str(folder), "check")
    assert result.exit_code == 1
    assert f"{folder / 'nodes.csv'}:3: a value longer than 131,072 characters" in result.stderr
    folder2 = make_pack("p2", nodes=NODES_HEADER + "\nbig,Big,,concept,," + "x" * 100_001 + ",,\n")
    result = invoke("--pack", str(folder2), "check")
    assert "nodes.csv:2: value in column 'summary' is 100,001 characters long" in result.stderr
