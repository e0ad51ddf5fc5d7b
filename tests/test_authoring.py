"""Authoring: init-pack, add-node, add-edge, check --strict, relations; never a lost line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from awskg.graph import authoring
from awskg.graph.loading import BUILTIN_PACK

CLOUDFRONT = [
    "add-node", "global-accelerator", "--label", "Global Accelerator", "--label-ko", "글로벌 액셀러레이터", "--kind", "service",
    "--alias", "AWS Global Accelerator", "--summary", "A CDN.", "--summary-ko", "CDN.",
    "--docs", "https://docs.aws.amazon.com/global-accelerator/latest/dg/what-is-global-accelerator.html",
]  # fmt: skip


@pytest.fixture
def pack(tmp_path, invoke) -> Path:
    folder = tmp_path / "course"
    assert invoke("init-pack", str(folder)).exit_code == 0
    return folder


def test_init_pack_creates_a_loadable_pack_with_examples(pack, invoke, kg):
    assert sorted(p.name for p in pack.iterdir()) == [
        "README.md",
        "edges.csv",
        "kinds.csv",
        "nodes.csv",
        "relations.csv",
    ]
    assert (pack / "nodes.csv").read_text("utf-8").splitlines()[1].startswith("# global-accelerator,")
    assert "awskg --pack course check" in (pack / "README.md").read_text("utf-8")
    result = invoke("--pack", str(pack), "check")
    # the examples are commented out: the pack adds nothing to the built-in graph
    assert result.exit_code == 0 and result.stdout.startswith(f"ok: {kg.node_count()} nodes")


def test_init_pack_refuses_a_non_empty_folder(tmp_path, invoke):
    (tmp_path / "keep.txt").write_text("mine")
    result = invoke("init-pack", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path} already exists and is not empty; choose a new folder\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_authoring_session(pack, invoke):
    before = (pack / "edges.csv").read_bytes()
    assert invoke("--pack", str(pack), *CLOUDFRONT).exit_code == 0
    result = invoke("--pack", str(pack), "add-edge", "AWS Global Accelerator", "routes-to", "Application Load Balancer")
    assert result.exit_code == 0
    assert result.stdout == f"added {pack / 'edges.csv'}:3: global-accelerator,routes-to,alb,,,\n"
    after = (pack / "edges.csv").read_bytes()
    assert after.startswith(before) and after[len(before) :] == b"global-accelerator,routes-to,alb,,,\n"
    related = invoke("--pack", str(pack), "relate", "Global Accelerator", "EC2", "--json")
    data = json.loads(related.stdout)
    assert data["paths"][0]["hops"][0] == {
        "source": "global-accelerator", "relation": "routes-to", "target": "alb", "text": "Global Accelerator routes traffic to ALB",
        "note": "",
    }  # fmt: skip


def test_names_resolve_like_everywhere(pack, invoke):
    invoke("--pack", str(pack), *CLOUDFRONT)
    assert invoke("--pack", str(pack), "add-edge", "alias record", "points-to", "global-accelerator").exit_code == 0
    assert (pack / "edges.csv").read_text("utf-8").endswith("alias-record,points-to,global-accelerator,,,\n")


@pytest.mark.parametrize(
    "args, code, message",
    [
        (
            ["add-edge", "globalacelerator", "routes-to", "alb"],
            2,
            "Error: unknown concept 'globalacelerator'; did you mean 'global-accelerator'",
        ),
        (
            ["add-edge", "global-accelerator", "route-to", "alb"],
            2,
            "Error: unknown relation 'route-to'; did you mean 'routes-to'?\n",
        ),
        (
            ["add-node", "x-y", "--label", "X", "--kind", "servce"],
            2,
            "Error: unknown kind 'servce'; did you mean 'service'?\n",
        ),
        (["add-node", "fargate", "--label", "Again", "--kind", "service"], 1, None),
        (["add-node", "Bad Id", "--label", "Bad", "--kind", "service"], 1, None),
        (["add-node", "dup-name", "--label", "Route 53", "--kind", "service"], 1, None),
    ],
)
def test_refusals_write_nothing(pack, invoke, args, code, message):
    invoke("--pack", str(pack), *CLOUDFRONT)
    snapshot = {p.name: p.read_bytes() for p in pack.glob("*.csv")}
    result = invoke("--pack", str(pack), *args)
    assert result.exit_code == code
    if message:
        assert result.stderr.startswith(message)
    else:
        assert result.stderr.startswith(f"{pack / 'nodes.csv'}:4: ")
    assert {p.name: p.read_bytes() for p in pack.glob("*.csv")} == snapshot


def test_duplicate_edge_is_refused(pack, invoke):
    invoke("--pack", str(pack), *CLOUDFRONT)
    invoke("--pack", str(pack), "add-edge", "global-accelerator", "routes-to", "alb")
    before = (pack / "edges.csv").read_bytes()
    result = invoke("--pack", str(pack), "add-edge", "Global Accelerator", "routes-to", "ALB")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{pack / 'edges.csv'}:4: duplicate edge global-accelerator routes-to alb (first at {pack / 'edges.csv'}:3)"
    )
    assert (pack / "edges.csv").read_bytes() == before


def test_builtin_pack_is_never_written(invoke):
    before = (BUILTIN_PACK / "edges.csv").read_bytes()
    result = invoke("add-edge", "ecs", "uses", "s3")
    assert result.exit_code == 1
    assert "the built-in pack is never changed" in result.stderr and "awskg init-pack DIR" in result.stderr
    result = invoke("--pack", str(BUILTIN_PACK), "add-edge", "ecs", "uses", "s3")
    assert result.exit_code == 1  # the built-in folder given as an overlay is refused too
    assert (BUILTIN_PACK / "edges.csv").read_bytes() == before


def test_several_packs_need_into(tmp_path, invoke):
    a, b = tmp_path / "a", tmp_path / "b"
    invoke("init-pack", str(a)), invoke("init-pack", str(b))
    result = invoke("--pack", str(a), "--pack", str(b), "add-edge", "ecs", "uses", "s3")
    assert result.exit_code == 1 and "choose the one to write with --into DIR" in result.stderr
    assert invoke("--pack", str(a), "--pack", str(b), "add-edge", "ecs", "uses", "s3", "--into", str(b)).exit_code == 0
    assert (b / "edges.csv").read_text().endswith("ecs,uses,s3,,,\n")
    assert not (a / "edges.csv").read_text().endswith("ecs,uses,s3,,,\n")


def test_line_endings_bom_and_missing_final_newline_are_kept(tmp_path, invoke):
    folder = tmp_path / "crlf"
    folder.mkdir()
    (folder / "nodes.csv").write_bytes("\ufeffid,label,kind\r\nmine,Mine,concept\r\n".encode())
    (folder / "edges.csv").write_bytes(b"source,relation,target\r\nmine,uses,ec2")  # no final newline
    old = (folder / "edges.csv").read_bytes()
    assert invoke("--pack", str(folder), "add-edge", "mine", "uses", "s3").exit_code == 0
    assert (folder / "edges.csv").read_bytes() == old + b"\r\nmine,uses,s3\r\n"
    assert invoke("--pack", str(folder), "add-node", "yours", "--label", "Yours", "--kind", "concept").exit_code == 0
    assert (
        folder / "nodes.csv"
    ).read_bytes() == "\ufeffid,label,kind\r\nmine,Mine,concept\r\nyours,Yours,concept\r\n".encode()


def test_value_for_a_column_the_file_lacks_is_refused(tmp_path, invoke):
    folder = tmp_path / "narrow"
    folder.mkdir()
    (folder / "nodes.csv").write_text("id,label,kind\n")
    (folder / "edges.csv").write_text("source,relation,target\n")
    result = invoke(
        "--pack", str(folder), "add-node", "x", "--label", "X", "--kind", "concept", "--docs", "https://example.com"
    )
    assert result.exit_code == 1
    assert result.stderr == f"Error: {folder / 'nodes.csv'} has no column 'docs'; add it to the header first\n"


def test_failed_rename_leaves_the_pack_unchanged(pack, invoke, monkeypatch):
    before = {p.name: p.read_bytes() for p in pack.iterdir()}

    def full_disk(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(os, "replace", full_disk)
    result = invoke("--pack", str(pack), "add-edge", "ecs", "uses", "s3")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {pack / 'edges.csv'}: No space left on device\n"
    after = {p.name: p.read_bytes() for p in pack.iterdir()}
    assert {k: v for k, v in after.items() if k != authoring.LOCK_NAME} == before  # no temporary file left


def test_concurrent_add_edge_both_land(pack):
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "awskg", "--pack", str(pack), "add-edge", source, "uses", "s3"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for source in ("ecs", "eks", "ec2", "rds")
    ]
    errors = [p.communicate(timeout=60)[1] for p in procs]
    results = [(p.returncode, err) for p, err in zip(procs, errors, strict=True)]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    lines = (pack / "edges.csv").read_text("utf-8").splitlines()
    assert sorted(lines[2:]) == ["ec2,uses,s3,,,", "ecs,uses,s3,,,", "eks,uses,s3,,,", "rds,uses,s3,,,"]


def test_concurrent_same_edge_lands_once(pack):
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "awskg", "--pack", str(pack), "add-edge", "ecs", "uses", "s3"],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for p in procs:
        p.communicate(timeout=60)
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 1, 1]
    assert (pack / "edges.csv").read_text("utf-8").count("ecs,uses,s3") == 1


class Clock:
    """Stands in for the ``time`` module that ``authoring.locked`` reads: a sleep moves the clock on at once.

    ``locked`` waits on ``time.monotonic`` and ``time.sleep`` up to its timeout, a
    default bound when the function was defined; driving the clock instead tests
    the whole wait, and how long it lasts, without waiting.
    """

    def __init__(self, on_sleep=None) -> None:
        self.start = self.now = 1000.0
        self.sleeps = 0
        self.on_sleep = on_sleep

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        import time

        return time.time()

    def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        self.now += seconds
        if self.on_sleep:
            self.on_sleep(self)


def test_a_held_lock_fails_cleanly_after_the_timeout(pack, invoke, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(authoring, "time", clock)
    with authoring.locked(pack):
        result = invoke("--pack", str(pack), "add-edge", "ecs", "uses", "s3")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {pack} is being changed by another awskg; try again\n"
    assert "ecs,uses,s3" not in (pack / "edges.csv").read_text("utf-8")
    # it kept trying for the whole timeout, and gave up then
    assert clock.sleeps > 10
    assert authoring.LOCK_TIMEOUT <= clock.now - clock.start < authoring.LOCK_TIMEOUT + 1


def test_a_lock_released_while_waiting_is_taken(pack, invoke, monkeypatch):
    import contextlib

    holder = contextlib.ExitStack()
    clock = Clock(on_sleep=lambda c: holder.close() if c.sleeps == 3 else None)  # the other writer finishes
    monkeypatch.setattr(authoring, "time", clock)
    holder.enter_context(authoring.locked(pack))
    result = invoke("--pack", str(pack), "add-edge", "ecs", "uses", "s3")
    assert result.exit_code == 0, result.stderr
    assert clock.sleeps == 3 and clock.now - clock.start < authoring.LOCK_TIMEOUT
    assert "ecs,uses,s3" in (pack / "edges.csv").read_text("utf-8")


def test_check_strict_warns_about_likely_mistakes(make_pack, invoke):
    pack = make_pack(
        nodes=[
            ["bare", "Bare", "", "concept", "", "", "", ""],
            ["svc", "Svc", "서비스", "service", "", "A service.", "서비스.", ""],
        ],
        edges=[
            ["bare", "uses", "ec2", "", ""],
            ["alb", "uses", "health-check", "", "https://example.com/x"],
        ],
    )
    result = invoke("--pack", str(pack), "check", "--strict")
    assert result.exit_code == 0
    nodes, edges = pack / "nodes.csv", pack / "edges.csv"
    assert result.stderr.splitlines() == [
        f"{edges}:2: warning: edge bare uses ec2 has no source_ref",
        f"{edges}:3: warning: edge alb uses health-check repeats what its parent 'elb' already states",
        f"{nodes}:2: warning: node 'bare' has no Korean label (label_ko)",
        f"{nodes}:2: warning: node 'bare' has no Korean summary (summary_ko)",
        f"{nodes}:2: warning: node 'bare' has no summary (summary)",
        f"{nodes}:3: warning: service 'svc' has no docs URL",
    ]
    assert result.stdout.endswith("(6 warnings)\n")
    plain = invoke("--pack", str(pack), "check")
    assert plain.stderr == "" and "warning" not in plain.stdout


def test_builtin_pack_is_strict_clean(invoke):
    result = invoke("check", "--strict")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout.endswith("(0 warnings)\n")


def test_relations_lists_the_vocabulary(invoke, run_json, kg):
    rows = run_json("relations")
    assert [r["name"] for r in rows] == list(kg.relations)
    runs_on = next(r for r in rows if r["name"] == "runs-on")
    assert runs_on == {
        "name": "runs-on", "label": "runs on", "inverse_label": "hosts", "label_ko": "{s}은/는 {o}에서 실행된다",
        "inverse_label_ko": "{s}은/는 {o}을/를 실행한다", "description": kg.relations["runs-on"].description,
        "edges": sum(1 for e in kg.edges() if e.relation == "runs-on"), "traits": ["prerequisite"],
        "heading_ko": "실행 위치", "inverse_heading_ko": "여기서 실행되는 것",
    }  # fmt: skip
    text = invoke("relations").stdout
    assert f"runs-on ({runs_on['edges']} edges)\n  en: A runs on B / B hosts A\n" in text
    # Korean readings print whole, over A and B, with their particles chosen
    assert "  ko: A는 B에서 실행된다 / B는 A를 실행한다\n  ko headings: 실행 위치 / 여기서 실행되는 것\n" in text
    assert "  제목: 실행 위치 / 여기서 실행되는 것\n" in invoke("--lang", "ko", "relations").stdout


def test_authoring_doc_tables_match_the_vocabulary(invoke):
    doc = (Path(__file__).resolve().parents[1] / "docs" / "authoring.md").read_text("utf-8")
    start, end = "<!-- vocabulary:start -->\n", "<!-- vocabulary:end -->"
    current = doc[doc.index(start) + len(start) : doc.index(end)]
    fresh = invoke("relations", "--markdown").stdout
    assert current == fresh, (
        "docs/authoring.md is stale: paste the output of `awskg relations --markdown` between its vocabulary markers"
    )


def test_readme_links_to_the_authoring_guide():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert "(docs/authoring.md)" in readme
