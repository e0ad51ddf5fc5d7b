"""Issue 25's attacks (reliability and security v3), each replayed on a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from awskg.graph import cache
from awskg.graph.loading import BUILTIN_PACK


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


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
    assert invoke("export", "--format", "csv", "--focus", "fargate", "-o", str(folder)).exit_code == 0
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
    first = cache.load_cached([folder])
    monkeypatch.setattr(Path, "read_bytes", real)
    nodes.write_bytes(original)  # the edit is reverted
    again = cache.load_cached([folder])
    assert "edit" not in first.graph  # built from the bytes fingerprinted
    assert "edit" not in again.graph and "mine" in again.graph
