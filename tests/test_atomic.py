"""The one atomic writer: replaces only what is ours, writes through links, streams to devices."""

from __future__ import annotations

import os
import stat

import pytest

from awskg.graph.atomic import TEMP_MARK, write_atomic

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="device nodes need root (CI runs as root)")


def test_new_and_existing_files_are_replaced_whole(tmp_path):
    target = tmp_path / "a.txt"
    write_atomic(target, "one")
    target.chmod(0o640)
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its mode
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "map.html"
    out.write_text("the good old page")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(out, "half")
    assert out.read_text() == "the good old page"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]  # no temporary file left behind


def test_content_in_pieces_is_written_as_it_comes(tmp_path):
    target = tmp_path / "page.html"
    made = []

    def pieces():
        for text in ("<p>", "가용 영역", "</p>"):
            # each piece is made only once the one before is in the temporary file
            made.append([p.name for p in tmp_path.iterdir() if TEMP_MARK in p.name])
            yield text

    write_atomic(target, pieces())
    assert target.read_text("utf-8") == "<p>가용 영역</p>"
    assert made[0] and made[2]  # written into a temporary file while the pieces came
    write_atomic(target, iter(["a", "b"]), encoding="utf-16")
    assert target.read_bytes() == "ab".encode("utf-16")  # one byte-order mark, not one per piece


@pytest.mark.parametrize("linked", [False, True])
def test_a_failure_while_making_the_pieces_keeps_the_old_file(tmp_path, linked):
    out = tmp_path / "map.html"
    out.write_text("the good old page")
    if linked:
        os.link(out, tmp_path / "other-name.html")  # rewritten in place: it gets the pieces only whole

    def pieces():
        yield "the new "
        raise RuntimeError("the renderer broke")

    with pytest.raises(RuntimeError):
        write_atomic(out, pieces())
    assert out.read_text() == "the good old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html", "other-name.html"][: 1 + linked]


def test_temporary_files_carry_the_awskg_mark(tmp_path, monkeypatch):
    seen = []
    real = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(tmp_path / "nodes.csv", "x")
    assert seen[0].startswith(f".nodes.csv.{TEMP_MARK}") and seen[0].endswith(".tmp")


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.html"
    real.write_text("old")
    real.chmod(0o600)
    link = tmp_path / "link.html"
    link.symlink_to("real.html")
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == "real.html"
    assert real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.html"
    link.symlink_to(tmp_path / "made.html")
    write_atomic(link, "page")
    assert link.is_symlink() and (tmp_path / "made.html").read_text() == "page"


def test_a_hard_linked_file_is_rewritten_in_place(tmp_path):
    first = tmp_path / "nodes.csv"
    first.write_text("id\n")
    other = tmp_path / "shared.csv"
    os.link(first, other)
    write_atomic(first, "id\nmine\n")
    assert other.read_text() == "id\nmine\n"
    assert first.stat().st_ino == other.stat().st_ino


def test_a_fifo_is_written_as_a_stream(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dev_null_is_never_replaced(tmp_path):
    before = os.stat("/dev/null")
    write_atomic("/dev/null", "discarded")
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_symlink_to_a_device_streams_into_it(tmp_path):
    link = tmp_path / "out.html"
    link.symlink_to("/dev/null")
    write_atomic(link, "discarded")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@needs_root
def test_root_writing_to_dev_full_fails_and_keeps_the_device(tmp_path):
    device = tmp_path / "full"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # the same device as /dev/full
    with pytest.raises(OSError) as raised:
        write_atomic(device, "an HTML page")
    assert raised.value.errno == 28  # ENOSPC: the write was tried, as a stream
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["full"]


@needs_root
def test_root_html_to_dev_full_is_a_clean_error(invoke):
    result = invoke("html", "-o", "/dev/full")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_dev_stdout_writes_to_standard_output(invoke):
    result = invoke("export", "--format", "mermaid", "--focus", "fargate", "-o", "/dev/stdout")
    assert result.exit_code == 0
    assert result.stdout.startswith("flowchart LR")
    assert stat.S_ISLNK(os.lstat("/dev/stdout").st_mode) or stat.S_ISCHR(os.lstat("/dev/stdout").st_mode)


def test_a_folder_a_socket_and_a_read_only_file_are_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, "x")
    import socket

    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(OSError, match="will not replace"):
            write_atomic(path, "x")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()
    frozen = tmp_path / "frozen.csv"
    frozen.write_text("keep")
    frozen.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only"):
        write_atomic(frozen, "changed")
    assert frozen.read_text() == "keep"


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no" / "such.html", "x")
    assert list(tmp_path.iterdir()) == []


def test_only_a_durable_write_waits_for_the_disk(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    write_atomic(tmp_path / "kept.csv", "a\n")
    assert len(synced) == 1
    write_atomic(tmp_path / "cache.bin", b"x", durable=False)
    linked = tmp_path / "linked.csv"
    linked.write_text("old\n")
    os.link(linked, tmp_path / "other-name.csv")  # rewritten in place
    write_atomic(linked, "new\n", durable=False)
    assert len(synced) == 1
    assert (tmp_path / "cache.bin").read_bytes() == b"x" and (tmp_path / "other-name.csv").read_text() == "new\n"
