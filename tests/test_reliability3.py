"""Issue 25's attacks (reliability and security v3), each replayed on a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from awskg.graph import cache
from awskg.graph.authoring import LOCK_NAME
from awskg.graph.loading import BUILTIN_PACK


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != LOCK_NAME}


@pytest.fixture
def pack(tmp_path, invoke):
    folder = tmp_path / "pack"
    assert invoke("init-pack", str(folder)).exit_code == 0
    return folder


ADD_MINE = ("add-node", "mine", "--label", "Mine", "--kind", "concept")


# --- 1. the built-in pack is never written through symlinks -------------------------------


def test_csv_export_refuses_links_into_the_builtin_pack(tmp_path, invoke):
    before = snapshot(BUILTIN_PACK)
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("nodes.csv", "edges.csv"):
        (folder / name).symlink_to(BUILTIN_PACK / name)
    result = invoke("export", "--format", "csv", "--focus", "fargate", "-o", str(folder), "--force")
    assert result.exit_code == 1 and "built-in pack" in result.stderr
    assert snapshot(BUILTIN_PACK) == before
    assert invoke("check").exit_code == 0


def test_add_node_refuses_a_pack_file_linked_into_the_builtin_pack(pack, invoke):
    before = snapshot(BUILTIN_PACK)
    (pack / "nodes.csv").unlink()
    (pack / "nodes.csv").symlink_to(BUILTIN_PACK / "nodes.csv")
    result = invoke("--pack", str(pack), *ADD_MINE)
    assert result.exit_code == 1 and "built-in pack" in result.stderr
    assert snapshot(BUILTIN_PACK) == before


def test_add_node_refuses_a_pack_file_linked_into_another_pack(tmp_path, pack, invoke):
    other = tmp_path / "other"
    assert invoke("init-pack", str(other)).exit_code == 0
    before = snapshot(other)
    (pack / "nodes.csv").unlink()
    (pack / "nodes.csv").symlink_to(other / "nodes.csv")
    result = invoke("--pack", str(pack), *ADD_MINE)
    assert result.exit_code == 1 and f"the pack {other.resolve()}" in result.stderr
    assert snapshot(other) == before


def test_the_atomic_writer_itself_never_writes_into_the_builtin_pack(tmp_path):
    from awskg.graph.atomic import write_atomic

    link = tmp_path / "edges.csv"
    link.symlink_to(BUILTIN_PACK / "edges.csv")
    before = (BUILTIN_PACK / "edges.csv").read_bytes()
    with pytest.raises(PermissionError, match="built-in pack"):
        write_atomic(link, "source,relation,target\n")
    assert (BUILTIN_PACK / "edges.csv").read_bytes() == before


# --- 2. export --format csv --force is all or nothing ------------------------------------


@pytest.fixture
def exported(tmp_path, invoke):
    folder = tmp_path / "out"
    assert invoke("export", "--format", "csv", "-o", str(folder)).exit_code == 0  # the whole graph: it loads alone
    return folder


def test_csv_export_refuses_before_changing_anything_when_a_file_is_read_only(exported, invoke):
    (exported / "tours.csv").chmod(0o444)
    before = snapshot(exported)
    result = invoke("export", "--format", "csv", "--focus", "s3", "-o", str(exported), "--force")
    assert result.exit_code == 1 and "read-only" in result.stderr
    assert snapshot(exported) == before
    assert not list(exported.glob(".*awskg-*"))


@pytest.mark.parametrize("fail_at", [1, 3, 6])
def test_csv_export_failing_part_way_leaves_the_old_pack_whole(exported, invoke, monkeypatch, fail_at):
    before = snapshot(exported)
    real = os.replace
    calls = []

    def interrupted(src, dst):
        calls.append(dst)
        if len(calls) == fail_at:
            raise KeyboardInterrupt  # SIGINT part-way through the renames
        return real(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    result = invoke("export", "--format", "csv", "--focus", "s3", "-o", str(exported), "--force")
    monkeypatch.setattr(os, "replace", real)
    assert result.exit_code == 130
    assert snapshot(exported) == before
    assert not list(exported.glob(".*awskg-*"))
    assert invoke("--no-builtin", "--pack", str(exported), "check").exit_code == 0


# --- 3. one lock over the stack -------------------------------------------------------


def test_an_edit_holds_the_lock_of_every_overlay_in_the_stack(tmp_path, pack, invoke):
    other = tmp_path / "other"
    assert invoke("init-pack", str(other)).exit_code == 0
    # another awskg writing into `other` holds its lock: an edit into `pack` of the same stack must wait
    script = (
        "import sys, time; from pathlib import Path; from awskg.graph.authoring import locked\n"
        "with locked(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(3)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", script, str(other)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        from awskg.graph import authoring

        busy = pytest.raises(authoring.PackWriteError, match="being changed by another awskg")
        with busy, authoring.locked(pack, timeout=0.3, stack=[pack, other]):
            pass
    finally:
        holder.communicate()


def test_two_overlays_of_one_stack_never_both_claim_a_name(tmp_path, invoke):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        assert invoke("init-pack", str(folder)).exit_code == 0
    command = [sys.executable, "-m", "awskg", "--pack", str(a), "--pack", str(b), "add-node"]
    runs = [
        subprocess.Popen(
            [*command, f"n{name}", "--label", "Shared Name", "--kind", "concept", "--into", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name, folder in (("a", a), ("b", b))
    ]
    codes = sorted(run.wait() for run in runs)
    assert codes == [0, 1]
    assert invoke("--pack", str(a), "--pack", str(b), "check").exit_code == 0


# --- 4. the temp-file sweep removes only abandoned files -------------------------------


def test_the_sweep_leaves_a_live_writers_temporary_file(pack, invoke):
    from awskg.graph.atomic import temp_prefix

    live = pack / f"{temp_prefix('map.html')}abc123.tmp"  # this very process is writing it
    live.write_text("<html>half")
    old = os.stat(pack / "nodes.csv").st_mtime - 600
    os.utime(live, (old, old))
    assert invoke("--pack", str(pack), *ADD_MINE).exit_code == 0
    assert live.read_text() == "<html>half"


def test_the_sweep_removes_a_dead_writers_file_and_one_a_day_old(pack, invoke):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = pack / f".nodes.csv.awskg-{finished.stdout.strip()}-abc123.tmp"
    dead.write_text("id,label\nhalf,")
    ancient = pack / ".edges.csv.awskg-unknown.tmp"
    ancient.write_text("half")
    os.utime(ancient, (1, 1))
    recent = pack / ".kinds.csv.awskg-unknown2.tmp"  # no owner to ask, and only a minute old: kept
    recent.write_text("half")
    minute = os.stat(pack / "nodes.csv").st_mtime - 60
    os.utime(recent, (minute, minute))
    assert invoke("--pack", str(pack), *ADD_MINE).exit_code == 0
    assert not dead.exists() and not ancient.exists() and recent.exists()


# --- 5. the cache fingerprints the very bytes it parses ----------------------------------


def test_an_edit_between_two_reads_is_never_cached_under_the_old_fingerprint(tmp_path, monkeypatch, make_pack):
    monkeypatch.setenv("AWSKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    folder = make_pack(nodes=[["mine", "Mine", "", "concept", "", "", "", ""]])
    nodes = folder / "nodes.csv"
    original = nodes.read_bytes()
    edited = original + b"edit,Edited,,concept,,,,\n"
    real = Path.read_bytes
    reads = []

    def edit_lands_after_the_first_read(self):
        data = real(self)
        if self == nodes and not reads:
            reads.append(self)
            nodes.write_bytes(edited)  # another editor saves right after awskg's first read
        return data

    monkeypatch.setattr(Path, "read_bytes", edit_lands_after_the_first_read)
    first = cache.load_cached([folder], version="test")
    monkeypatch.setattr(Path, "read_bytes", real)
    nodes.write_bytes(original)  # the edit is reverted
    again = cache.load_cached([folder], version="test")
    assert "edit" not in first.graph  # built from the bytes fingerprinted
    assert "edit" not in again.graph and "mine" in again.graph


# --- 11. no home folder: no cache, no crash ----------------------------------------------


def test_no_home_folder_means_no_cache_not_a_crash(monkeypatch, make_pack):
    for name in ("HOME", "XDG_CACHE_HOME", "AWSKG_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(cache, "MIN_BYTES", 0)

    def homeless(cls=None):
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", classmethod(homeless))
    folder = make_pack(nodes=[["mine", "Mine", "", "concept", "", "", "", ""]])
    assert "mine" in cache.load_cached([folder], version="test").graph


# --- 12. stats on a graph without edges ---------------------------------------------------


def test_stats_of_an_empty_pack(pack, invoke):
    result = invoke("--no-builtin", "--pack", str(pack), "stats")
    assert result.exit_code == 0 and result.stdout.startswith("0 nodes, 0 edges")


# --- 13. bytes that are not UTF-8 in arguments ---------------------------------------------


@pytest.mark.parametrize("option", ["--label", "--summary"])
def test_an_argument_of_undecodable_bytes_is_refused_cleanly(pack, invoke, option):
    before = snapshot(pack)
    args = ["add-node", "mine", "--label", "Mine", "--kind", "concept", option, "caf\udce9"]
    result = invoke("--pack", str(pack), *args)
    assert result.exit_code == 1 and "not UTF-8" in result.stderr
    assert snapshot(pack) == before


def test_a_note_of_undecodable_bytes_is_refused_cleanly(pack, invoke):
    result = invoke("--pack", str(pack), "add-edge", "ec2", "uses", "vpc", "--note", "\udcff")
    assert result.exit_code == 1 and "not UTF-8" in result.stderr


def test_init_pack_refuses_a_folder_name_of_undecodable_bytes(tmp_path, invoke):
    result = invoke("init-pack", str(tmp_path / "caf\udce9"))
    assert result.exit_code == 1 and "not UTF-8" in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- 14. a huge header ----------------------------------------------------------------------


def test_problems_per_file_are_capped_and_long_columns_shortened(tmp_path, invoke):
    from awskg.graph.packfile import MAX_PROBLEMS_PER_FILE

    folder = tmp_path / "wide"
    folder.mkdir()
    columns = [f"colum{i}" for i in range(5_000)] + ["x" * 100_000]
    (folder / "nodes.csv").write_text("id,label,label_ko,kind," + ",".join(columns) + "\n")
    (folder / "edges.csv").write_text("source,relation,target\n")
    result = invoke("--no-builtin", "--pack", str(folder), "check")
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and len(lines) <= MAX_PROBLEMS_PER_FILE + 2
    assert f"… and {len(columns) - MAX_PROBLEMS_PER_FILE:,} more problems in this file, not shown" in lines[-2]
    assert lines[-1] == f"{len(columns)} problems found"  # every unknown column, listed or not
    assert len(result.stderr) < 100_000


# --- 16. the Python API checks its arguments as the CLI does ---------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda kg: __import__("awskg").neighbors(kg, "fargate", depth=10**9),
        lambda kg: __import__("awskg").map_of(kg, focus="fargate", depth=10**12),
        lambda kg: __import__("awskg").map_of(kg, lang="xx"),
        lambda kg: __import__("awskg").search(kg, "ec2", limit=-1),
        lambda kg: __import__("awskg").relate(kg, "ec2", "vpc", limit=0),
        lambda kg: __import__("awskg").relate(kg, "ec2", "vpc", max_hops=10**6),
        lambda kg: __import__("awskg").compare(kg, "alb", "nlb", lang="xx"),
        lambda kg: __import__("awskg").neighbors(kg, "ec2", lang="de"),
        lambda kg: __import__("awskg").questions(kg, count=-5),
        lambda kg: __import__("awskg").questions(kg, lang="xx"),
    ],
)
def test_api_arguments_out_of_bounds_raise_value_error(kg, call):
    with pytest.raises(ValueError, match=r"must be (a whole number from \d+ to \d+|one of 'en', 'ko'), not"):
        call(kg)


# --- 19. only the schema's files are read, and an unusable one says why ----------------------


def test_a_broken_link_named_csv_that_awskg_never_reads_is_ignored(pack, invoke):
    (pack / "junk.csv").symlink_to(pack / "missing.csv")
    (pack / "loop.csv").symlink_to(pack / "loop.csv")
    assert invoke("--pack", str(pack), "check").exit_code == 0
    assert invoke("--pack", str(pack), "show", "ec2").exit_code == 0


def test_a_pack_file_that_is_a_folder_or_a_fifo_gets_its_own_message(pack, invoke):
    (pack / "tours.csv").mkdir()  # optional, but a folder there is a mistake
    result = invoke("--pack", str(pack), "check")
    assert result.exit_code == 1 and f"{pack / 'tours.csv'}: is a folder, not a file" in result.stderr
    (pack / "tours.csv").rmdir()
    (pack / "nodes.csv").unlink()
    os.mkfifo(pack / "nodes.csv")
    result = invoke("--pack", str(pack), "check")
    assert result.exit_code == 1 and "is not a regular file" in result.stderr and "not found" not in result.stderr


# --- 20. one way of counting lines in CR files ------------------------------------------------


def test_add_node_names_the_line_check_would_name_in_a_cr_file(tmp_path, invoke):
    from awskg.errors import Problem
    from awskg.graph.csvfile import records

    folder = tmp_path / "cr"
    folder.mkdir()
    header = "id,label,label_ko,kind,aliases,summary,summary_ko,docs"
    (folder / "nodes.csv").write_bytes(f'{header}\rfirst,First,,concept,,"two\nlines",,\r'.encode())
    (folder / "edges.csv").write_bytes(b"source,relation,target\r")
    result = invoke("--pack", str(folder), *ADD_MINE)
    assert result.exit_code == 0
    problems: list[Problem] = []
    starts = [start for start, *_ in records((folder / "nodes.csv").read_text(), "", problems)]
    assert f"nodes.csv:{starts[-1]}:" in result.stdout and starts[-1] == 4


# --- 21. init-pack . and a link to an empty folder ----------------------------------------------


def test_init_pack_in_the_current_empty_folder(tmp_path, invoke, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = invoke("init-pack", ".")
    assert result.exit_code == 0, result.stderr
    assert (here / "nodes.csv").is_file() and no_temporaries(tmp_path)
    assert invoke("--pack", ".", "check").exit_code == 0


def test_init_pack_through_a_link_to_an_empty_folder(tmp_path, invoke):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    result = invoke("init-pack", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and (real / "edges.csv").is_file() and no_temporaries(tmp_path)


def no_temporaries(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if "awskg-" in p.name]


# --- 22. a refused add-property writes nothing ----------------------------------------------------


def test_a_refused_add_property_creates_no_file(pack, invoke):
    result = invoke("--pack", str(pack), "add-property", "alb", "osi-layer", "l7")
    assert result.exit_code == 1
    assert not (pack / "properties.csv").exists()


# --- 23. outputs under /dev are decided by their type ----------------------------------------------


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="needs /dev/shm")
def test_a_regular_file_under_dev_shm_is_replaced_not_overwritten(invoke):
    target = Path("/dev/shm") / f"awskg-test-{os.getpid()}.html"
    target.write_text("x" * 5_000_000)
    try:
        assert invoke("html", "--focus", "fargate", "-o", str(target)).exit_code == 0
        assert target.read_text().rstrip().endswith("</html>")
    finally:
        target.unlink(missing_ok=True)


def test_a_device_is_still_a_stream(invoke):
    assert invoke("export", "--format", "json", "-o", "/dev/null").exit_code == 0
    assert Path("/dev/null").is_char_device()


# --- 24. a trailing slash names a folder ---------------------------------------------------------


@pytest.mark.parametrize("command", [["html"], ["export", "--format", "json"]])
def test_a_trailing_slash_is_refused_and_nothing_written(tmp_path, invoke, command):
    target = tmp_path / "out"
    result = invoke(*command, "-o", f"{target}/")
    assert result.exit_code == 1 and "names a folder" in result.stderr
    assert not target.exists()


# --- 6-10. pack text is never markup or a directive in an export ------------------------------

HOSTILE = "%%{init: {'theme':'dark','themeCSS':'svg{display:none}'}}%%"


@pytest.fixture
def hostile(make_pack):
    return make_pack(
        "hostile",
        nodes=[
            ["evil", HOSTILE, "", "concept", "", "[sound:evil.mp3] \\(x^2\\) \\[y\\] [latex]z[/latex]", "", ""],
            ["bare", "%%{init: {}}%%", "", "concept", "", "", "", ""],
            ["sheet", '=HYPERLINK("http://x","y")', "", "concept", "", "+1", "", ""],
        ],
        edges=[["evil", "uses", "ec2", "", ""], ["bare", "uses", "ec2", "", ""], ["sheet", "uses", "ec2", "@x", ""]],
    )


def test_mermaid_never_carries_a_directive_or_its_syntax(hostile, invoke):
    result = invoke("--pack", str(hostile), "export", "--format", "mermaid", "--focus", "evil", "--depth", "2")
    assert result.exit_code == 0
    assert "%%" not in result.stdout and "{init" not in result.stdout
    labels = [line for line in result.stdout.splitlines() if line.startswith("  n") and '["' in line]
    assert all(line.count('"') == 2 for line in labels)  # each label one quoted string


def test_anki_fields_neutralise_sound_latex_and_mathjax(hostile):
    import awskg
    from awskg.explorer.view import select
    from awskg.exports.anki import _concept_fields
    from awskg.exports.subgraph import sliced

    kg = awskg.load([hostile])
    fields = " ".join(_concept_fields(kg, sliced(kg, select(kg, focus="evil")), "evil", "en"))
    for directive in ("[sound:", "[latex]", "\\(", "\\[", "\\)"):
        assert directive not in fields
    assert "&#91;sound:evil.mp3]" in fields  # still shown as written


def test_skos_keeps_relations_dimensions_and_its_own_terms_apart(make_pack):
    from rdflib import OWL, RDF, URIRef
    from rdflib.namespace import DCTERMS

    import awskg
    from awskg.exports.skos import NAMESPACES, to_rdf

    pack = make_pack(
        "clash",
        relations=[["trait", "has trait", "is trait of"], ["dimension", "on", "under"]],
        dimensions=[["uses", "Uses"]],
        values=[["uses", "fargate", "Fargate"]],
        properties=[["eks", "uses", "fargate", "", "", "https://evil.example/"]],
        edges=[["eks", "trait", "fargate", "", ""], ["eks", "dimension", "vpc", "", ""]],
    )
    kg = awskg.load([pack])
    out = to_rdf(kg, kg.graph)
    own = URIRef(NAMESPACES["awskg"])
    for name in ("trait", "dimension"):
        relation = URIRef(own + name)
        assert (relation, RDF.type, OWL.ObjectProperty) in out
        assert (relation, RDF.type, OWL.AnnotationProperty) not in out
    statements = [s for s in out.subjects(DCTERMS.source, None) if str(s).endswith("eks/uses/fargate")]
    assert len(statements) == 2  # the fact and the property: two statements, each with its own source
    assert all(len(list(out.objects(s, DCTERMS.source))) == 1 for s in statements)


def test_relations_markdown_escapes_pack_text(make_pack, invoke):
    pack = make_pack(
        "md",
        relations=[["pipes", "a|b", "c", "", "", "line\nbreak <script>alert(1)</script> [l](javascript:alert(1))"]],
    )
    result = invoke("--pack", str(pack), "relations", "--markdown")
    (row,) = [line for line in result.stdout.splitlines() if line.startswith("| `pipes`")]
    assert "a\\|b" in row and "line break" in row
    assert "<script>" not in result.stdout and " [l](javascript:" not in result.stdout
    assert "\\<script\\>" in row and "\\[l\\](javascript:" in row  # shown as written, never a tag or a link
    header = next(line for line in result.stdout.splitlines() if line.startswith("| relation |"))
    assert row.count("|") - row.count("\\|") == header.count("|") == 10  # nine cells, as in the header


def test_csv_export_guards_formulas_and_reads_them_back_exactly(hostile, invoke, tmp_path):
    import awskg

    out = tmp_path / "out"
    assert invoke("--pack", str(hostile), "export", "--format", "csv", "-o", str(out)).exit_code == 0
    nodes = (out / "nodes.csv").read_text()
    assert "'=HYPERLINK" in nodes and ",'+1," in nodes
    assert "'@x" in (out / "edges.csv").read_text()
    back = awskg.load([out], builtin=False)
    assert back.node("sheet")["label"] == '=HYPERLINK("http://x","y")' and back.node("sheet")["summary"] == "+1"
    assert back.graph.edges["sheet", "ec2", "uses"]["note"] == "@x"


@pytest.mark.parametrize("label", ["=1+1", "'=1+1", "''@x", "-x", "'plain"])
def test_add_node_round_trips_a_formula_like_label(pack, invoke, label):
    import awskg

    assert invoke("--pack", str(pack), "add-node", "mine", "--label", label, "--kind", "concept").exit_code == 0
    assert awskg.load([pack]).node("mine")["label"] == label
    guarded = label.lstrip("'")[:1] in "=+-@"
    assert (f"mine,'{label}," in (pack / "nodes.csv").read_text()) == guarded  # a spreadsheet never runs it


# --- 15. check --strict is linear in a hub's degree -----------------------------------------------


def _hub(folder: Path, size: int) -> Path:
    folder.mkdir()
    kids = "".join(f"kid-{i},Kid {i},자식 {i},concept,,Kid {i}.,자식 {i}.,\n" for i in range(size))
    (folder / "nodes.csv").write_text(
        "id,label,label_ko,kind,aliases,summary,summary_ko,docs\nhub,Hub,허브,concept,,The hub.,허브.,\n" + kids
    )
    facts = "".join(f"hub,is-a,kid-{i},,https://example.com/\n" for i in range(size))
    (folder / "edges.csv").write_text("source,relation,target,note,source_ref\n" + facts)
    return folder


def _calls_of_lint(folder: Path) -> int:
    """Python function calls made by ``check --strict``'s lint: a measure of work that no load can skew."""
    from awskg.graph.loading import BUILTIN_PACK, read_packs
    from awskg.graph.validation import check, lint

    checked, _ = check(read_packs([BUILTIN_PACK, folder])[0])
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        lint(checked)
    finally:
        sys.setprofile(None)
    return calls


def test_check_strict_work_grows_linearly_with_a_hubs_degree(tmp_path):
    small = _calls_of_lint(_hub(tmp_path / "small", 400))
    large = _calls_of_lint(_hub(tmp_path / "large", 1_600))
    assert large < 5 * small  # four times the facts: about four times the work (it was sixteen)


def test_the_hub_lint_still_finds_a_fact_its_parent_states(make_pack):
    from awskg.graph.loading import validate

    pack = make_pack(
        nodes=[["hub", "Hub", "허브", "concept", "", "A hub.", "허브.", ""]]
        + [[f"kid-{i}", f"Kid {i}", f"자식 {i}", "concept", "", "A kid.", "자식.", ""] for i in range(3)],
        edges=[["hub", "is-a", f"kid-{i}", "", "https://example.com/"] for i in range(3)]
        + [["kid-2", "uses", "ec2", "", "https://example.com/"], ["hub", "uses", "ec2", "", "https://example.com/"]],
    )
    messages = [p.message for p in validate([pack], strict=True).warnings]
    assert messages == ["warning: edge hub uses ec2 repeats what its parent 'kid-2' already states"]


# --- 25. spoofing and smaller ones ------------------------------------------------------------------


@pytest.mark.parametrize("column", [1, 2, 4])  # label, label_ko, aliases
def test_check_refuses_a_bidi_control_in_a_name(make_pack, invoke, column):
    row = ["spoof", "Spoof", "", "concept", "", "", "", ""]
    row[column] = "admin\u202egnp.exe"
    pack = make_pack(nodes=[row])
    result = invoke("--pack", str(pack), "check")
    assert result.exit_code == 1
    assert "bidirectional control U+202E (right-to-left override)" in result.stderr
    assert "\u202e" not in result.stderr  # the message never carries it raw


def test_add_node_refuses_a_bidi_control(pack, invoke):
    result = invoke("--pack", str(pack), "add-node", "x", "--label", "a\u2067b", "--kind", "concept")
    assert result.exit_code == 1 and "bidirectional control U+2067" in result.stderr


def test_check_strict_warns_on_mixed_scripts_and_lookalike_names(make_pack, invoke):
    pack = make_pack(
        nodes=[
            ["fake-ec2", "ЕС2", "", "concept", "", "Not EC2.", "EC2 아님.", ""],
            ["mixed", "Amazon Еlastic", "", "concept", "", "Mixed.", "섞임.", ""],
        ]
    )
    result = invoke("--pack", str(pack), "check", "--strict")
    assert result.exit_code == 0
    assert "name 'ЕС2' of 'fake-ec2' looks like 'ec2''s name but is written in other letters" in result.stderr
    assert "name 'Amazon Еlastic' of 'mixed' mixes Cyrillic and Latin letters" in result.stderr
    assert invoke("check", "--strict").stderr.count("warning") == 0  # the built-in pack: Hangul beside Latin is fine


def test_the_terminal_never_prints_a_bidi_control_raw(invoke):
    from awskg.terminal import Terminal

    result = invoke("search", "admin\u202egnp.exe")
    assert "\u202e" not in result.output and "\\u202e" in result.output
    lines = Terminal().render(["admin\u2066gnp.exe"])  # whatever text reaches the terminal
    assert "\u2066" not in "".join(lines) and "\\u2066" in "".join(lines)


def test_an_empty_slice_is_an_error_and_writes_nothing(invoke, tmp_path):
    target = tmp_path / "map.html"
    result = invoke("html", "--focus", "fargate", "--kind", "platform", "-o", str(target))
    assert result.exit_code == 1 and "the slice is empty" in result.stderr
    assert not target.exists()
    result = invoke("export", "--format", "json", "--focus", "fargate", "--kind", "platform")
    assert result.exit_code == 1 and result.stdout == ""


def test_an_uppercase_https_link_is_a_link_everywhere(make_pack):
    from rdflib import RDFS, URIRef

    import awskg
    from awskg.exports.anki import _concept_fields
    from awskg.exports.skos import NAMESPACES, to_rdf

    url = "HTTPS://docs.aws.amazon.com/ec2/"
    pack = make_pack(nodes=[["shout", "Shout", "", "service", "", "", "", url]])
    kg = awskg.load([pack])
    out = to_rdf(kg, kg.graph)
    assert (URIRef(NAMESPACES["concept"] + "shout"), RDFS.seeAlso, URIRef(url)) in out
    assert f'<a href="{url}">' in _concept_fields(kg, kg.graph, "shout", "en")[-1]


def test_cypher_keeps_one_statement_per_line_for_splitlines_readers(make_pack, invoke):
    pack = make_pack(nodes=[["para", "Para", "", "concept", "", "one\u2028two\u2029three", "", ""]])
    result = invoke("--pack", str(pack), "export", "--format", "cypher", "--focus", "para")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == result.stdout.split("\n")[:-1]
    assert "one\\u2028two\\u2029three" in result.stdout


# --- 25. the page's find() folds names as the CLI does ------------------------------------------------


def test_the_pages_normalize_equals_pythons_for_every_letter():
    import json
    import re
    import shutil
    import unicodedata

    from awskg.graph.names import normalize

    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the page's name folding (it is installed with npm)")
    source = (Path(__file__).parent.parent / "awskg" / "exports" / "templates" / "names.js").read_text("utf-8")
    folding = re.search(r"const FOLD = .*?\n}\n", source, re.DOTALL).group(0)
    function = re.search(r"function normalize\(text\) \{.*?\n\}\n", source, re.DOTALL).group(0)
    script = (
        folding
        + function
        + "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(0, 'utf8')).map(normalize)));"
    )
    words = ["ꭰ", "ᾈ", "ẞ", "ﬅ", "İstanbul", "Route 53", "가용 영역"]
    words += [chr(c) for c in range(0x80, 0x20000) if unicodedata.category(chr(c))[0] == "L"]
    done = subprocess.run([node, "-e", script], input=json.dumps(words), capture_output=True, text=True, check=True)
    page = json.loads(done.stdout)
    differ = [(w, p, normalize(w)) for w, p in zip(words, page, strict=True) if p != normalize(w)]
    assert not differ, differ[:5]


def test_init_pack_never_names_its_temporary_folder(tmp_path, invoke, monkeypatch):
    import errno

    def busy(source, target):
        raise OSError(errno.EBUSY, "Device or resource busy", str(source), str(target))

    monkeypatch.setattr(os, "rename", busy)
    result = invoke("init-pack", str(tmp_path / "new"))
    assert result.exit_code == 1 and f"{tmp_path / 'new'}: Device or resource busy" in result.stderr
    assert "awskg-" not in result.stderr and no_temporaries(tmp_path)


def test_csv_export_refuses_a_link_into_another_pack(tmp_path, pack, invoke):
    before = snapshot(pack)
    out = tmp_path / "out"
    out.mkdir()
    (out / "edges.csv").symlink_to(pack / "edges.csv")
    result = invoke("export", "--format", "csv", "--focus", "fargate", "-o", str(out), "--force")
    assert result.exit_code == 1 and f"the pack {pack.resolve()}" in result.stderr
    assert snapshot(pack) == before and [p.name for p in out.iterdir()] == ["edges.csv"]


def test_csv_export_with_a_full_disk_while_staging_leaves_the_old_pack_whole(exported, invoke, monkeypatch):
    import errno

    before = snapshot(exported)
    real = os.fsync
    calls = []

    def full(fd):
        calls.append(fd)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", full)
    result = invoke("export", "--format", "csv", "--focus", "s3", "-o", str(exported), "--force")
    monkeypatch.setattr(os, "fsync", real)
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert snapshot(exported) == before and not list(exported.glob(".*awskg-*"))
