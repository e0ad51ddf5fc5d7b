"""Malformed packs thrown at the loader: a valid graph or a clean path:line error, never a traceback."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awskg.cli import cli
from awskg.graph.vocabulary import SCHEMAS

GOOD_NODES = "id,label,label_ko,kind,aliases,summary,summary_ko,docs\nmine,Mine,내 것,concept,m1;m2,A thing.,것.,https://example.com/\n"
GOOD_EDGES = "source,relation,target,note,source_ref\nmine,uses,ec2,a note,https://example.com/\n"


def mutate(text: str, draw) -> bytes:
    """One of the ways spreadsheets, editors and disks break CSV."""
    kind = draw(
        st.sampled_from(
            [
                "bytes",
                "truncate",
                "quote",
                "endings",
                "huge",
                "latin1",
                "drop-column",
                "dup-header",
                "empty",
                "insert",
                "nul",
            ]
        )
    )
    data = text.encode()
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "quote":
        at = draw(st.integers(0, len(text)))
        return (text[:at] + '"' + text[at:]).encode()
    if kind == "endings":
        lines = text.split("\n")
        return "".join(line + draw(st.sampled_from(["\n", "\r\n", "\r", ""])) for line in lines).encode()
    if kind == "huge":
        return text.replace("A thing.", "x" * draw(st.sampled_from([1000, 140_000, 300_000]))).encode()
    if kind == "latin1":
        return text.replace("내 것", "caf\u00e9").encode("utf-8").replace(b"\xc3\xa9", b"\xe9")
    if kind == "drop-column":
        rows = [line.split(",") for line in text.splitlines()]
        col = draw(st.integers(0, len(rows[0]) - 1))
        return "\n".join(",".join(r[:col] + r[col + 1 :]) for r in rows).encode()
    if kind == "dup-header":
        first, _, rest = text.partition("\n")
        return (first + "," + first.split(",")[draw(st.integers(0, 2))] + "\n" + rest).encode()
    if kind == "empty":
        return b""
    if kind == "nul":
        return data.replace(b"Mine", b"Mi\x00ne")
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]


def problem_line(pack: Path) -> re.Pattern[str]:
    """The documented shapes of a problem: ``path:line: message`` in a pack file, or ``path: message``.

    The path is the pack folder or one of its files; a line number starts at 1.
    """
    files = "|".join(re.escape(schema.filename) for schema in SCHEMAS.values())
    return re.compile(rf"{re.escape(str(pack))}(?:/(?:{files})(?::[1-9]\d*)?)?: \S.*")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), which=st.sampled_from(["nodes", "edges", "both"]))
def test_malformed_packs_fail_cleanly(data, which):
    with tempfile.TemporaryDirectory() as work:
        pack = Path(work) / "pack"
        pack.mkdir()
        nodes = mutate(GOOD_NODES, data.draw) if which in ("nodes", "both") else GOOD_NODES.encode()
        edges = mutate(GOOD_EDGES, data.draw) if which in ("edges", "both") else GOOD_EDGES.encode()
        (pack / "nodes.csv").write_bytes(nodes)
        (pack / "edges.csv").write_bytes(edges)
        result = CliRunner().invoke(cli, ["--pack", str(pack), "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1)
    if result.exit_code == 0:
        assert result.stdout.startswith("ok: ")
        return
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"1 problem found|([2-9]|[1-9]\d+) problems found", lines[-1]), lines[-1]
    assert len(lines) - 1 == int(lines[-1].split()[0])
    problem = problem_line(pack)
    for line in lines[:-1]:
        assert problem.fullmatch(line), line


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    node_id=st.one_of(st.sampled_from(["mine", "#mine", "my-node", "constructor"]), st.text(max_size=10)),
    label=st.text(min_size=0, max_size=25),
    summary=st.text(max_size=60),
    note=st.text(max_size=30),
)
def test_writers_round_trip_or_refuse_cleanly(node_id, label, summary, note):
    """Random values through add-node and add-edge: read back exactly by check and the loader, or refused."""
    import awskg

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as work:
        pack = Path(work) / "pack"
        assert runner.invoke(cli, ["init-pack", str(pack)]).exit_code == 0
        before = (pack / "nodes.csv").read_bytes()
        added = runner.invoke(
            cli, ["--pack", str(pack), "add-node", node_id, "--label", label, "--kind", "concept", "--summary", summary]
        )
        assert added.exception is None or isinstance(added.exception, SystemExit), repr(added.exception)
        assert added.exit_code in (0, 1, 2)
        checked = runner.invoke(cli, ["--pack", str(pack), "check"])
        assert checked.exit_code == 0, checked.stderr  # a refused write leaves a valid pack, so does an accepted one
        if added.exit_code != 0:
            assert (pack / "nodes.csv").read_bytes() == before
            return
        node = awskg.load([pack]).node(node_id)
        assert (node["label"], node["summary"]) == (label.strip(), summary.strip())
        edge = runner.invoke(cli, ["--pack", str(pack), "add-edge", node_id, "uses", "ec2", "--note", note])
        assert edge.exception is None or isinstance(edge.exception, SystemExit), repr(edge.exception)
        assert runner.invoke(cli, ["--pack", str(pack), "check"]).exit_code == 0
        if edge.exit_code == 0:
            data = awskg.load([pack]).graph.get_edge_data(node_id, "ec2", key="uses")
            assert data["note"] == note.strip()
