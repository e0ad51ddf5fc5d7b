"""Writing files so that a crash never leaves one half-written, and nothing not ours is replaced.

Every file awskg writes goes through :func:`write_atomic`, which first asks
what the path names, because a rename replaces whatever sits there:

- a regular file, or nothing yet: the new content goes to a temporary file in
  the same folder (so the rename stays on one file system), is flushed and
  fsynced, then renamed over the old file in one step;
- a symlink: written through to its target, by the same rules (so the link
  stays a link, and a linked pack file shared elsewhere is updated);
- a regular file with other hard links: rewritten in place, so every name
  still shows the same file (a rename would leave the others behind);
- a FIFO, a character device, or ``/dev/stdout`` and its kin: written as a
  stream, never replaced (as root, ``-o /dev/full`` once replaced the device
  with an HTML file). The file's type decides, not its folder: a regular
  file under ``/dev/shm`` is replaced like any other (it once kept its old
  tail), and a ``/proc/self/fd/N`` link to a pipe is a stream;
- a path ending in ``/`` names a folder: refused (``-o out.json/`` once
  wrote a file named ``out.json``);
- a folder, a socket, a block device, or a file without write permission:
  refused;
- anything that resolves into awskg's own built-in pack (``graph/data``),
  through however many links: refused, whoever asks.

A temporary file's name holds the writer's process id
(``.nodes.csv.awskg-4242-1a2b3c.tmp``), so a sweep of leftovers can tell a
live write from a killed one (:func:`abandoned`).

:func:`write_all` writes several files all or nothing: a pack is never left
half old, half new.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

__all__ = ["TEMP_MARK", "abandoned", "temp_prefix", "write_all", "write_atomic"]

#: In the name of every temporary file awskg writes: ``.nodes.csv.awskg-4242-1a2b3c.tmp``.
TEMP_MARK = "awskg-"
#: A temporary file whose owner cannot be told is swept only once it is this old (seconds): a day.
ABANDONED_AFTER = 24 * 3600
_OWNER = re.compile(re.escape(TEMP_MARK) + r"(\d+)-")
_BUILTIN = Path(__file__).parent / "data"

_STREAM_ROOTS = ("/dev/", "/proc/")
_STANDARD = {"/dev/stdout": "stdout", "/dev/fd/1": "stdout", "/proc/self/fd/1": "stdout"}
_STANDARD |= {"/dev/stderr": "stderr", "/dev/fd/2": "stderr", "/proc/self/fd/2": "stderr"}
_MAX_LINKS = 40


def write_atomic(
    path: str | Path,
    content: str | bytes | Iterable[str],
    *,
    encoding: str = "utf-8",
    mode: int | None = None,
    durable: bool = True,
) -> Path:
    """Write ``content`` to ``path`` by the rules above; on any failure the old file stays.

    ``content`` may come in pieces (an iterable of text, such as a page of
    140 MB): a temporary file takes each piece as it comes, so the whole text
    is never held at once; a file rewritten in place, or a stream, gets it
    whole, once every piece is made, so a failure while making them leaves it untouched.

    ``mode`` sets the permissions of a replaced or new file (else an existing
    file keeps its own, and a new one gets the umask's default).
    ``durable=False`` skips the fsync, for a cache whose reader treats a torn
    file as a miss: a crash then costs a rebuild, never data, and the write
    of a large cache no longer waits for the disk.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomic(target, "hello").read_text()
    'hello'
    """
    if str(path).endswith(os.sep):
        raise IsADirectoryError(errno.EISDIR, "ends in a slash, so names a folder; give a file name", str(path))
    path = Path(path)
    target, how = _destination(path)
    chunks = _encoded(content, encoding)
    if how == "stream":
        _write_stream(target, b"".join(chunks))
    elif how == "in-place":
        _write_in_place(target, b"".join(chunks), durable)
    else:
        _replace(target, chunks, mode, durable)
    return path


def _encoded(content: str | bytes | Iterable[str], encoding: str) -> Iterator[bytes]:
    """``content`` as bytes, piece by piece (one incremental encoder: no byte-order mark per piece)."""
    if isinstance(content, bytes):
        return iter((content,))
    return codecs.iterencode([content] if isinstance(content, str) else content, encoding)


def _destination(path: Path) -> tuple[Path, str]:
    """The file a write to ``path`` really lands in, and how: "replace", "in-place" or "stream"."""
    current = Path(os.path.abspath(path))
    for _ in range(_MAX_LINKS):
        if str(current) in _STANDARD or (str(current).startswith(_STREAM_ROOTS) and _special(current)):
            return current, "stream"
        if current.parent.resolve().is_relative_to(_BUILTIN.resolve()):
            raise PermissionError(
                errno.EACCES, "resolves into awskg's built-in pack, which is never written", str(path)
            )
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return current, "replace"
        if stat.S_ISLNK(info.st_mode):
            current = Path(os.path.abspath(os.path.join(current.parent, os.readlink(current))))
            continue
        if stat.S_ISREG(info.st_mode):
            if not info.st_mode & 0o222 or not os.access(current, os.W_OK):
                raise PermissionError(errno.EACCES, "read-only file; make it writable first (chmod u+w)", str(path))
            return current, ("in-place" if info.st_nlink > 1 else "replace")
        if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
            return current, "stream"
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder; give a file name", str(path))
        raise OSError(
            errno.EINVAL, "not a regular file, FIFO or character device; awskg will not replace it", str(path)
        )
    raise OSError(errno.ELOOP, "too many levels of symbolic links", str(path))


def _special(path: Path) -> bool:
    """Whether ``path`` (under /dev or /proc) leads to something other than a regular file or folder.

    A ``/proc/self/fd/N`` link names ``pipe:[1234]``: followed by hand it would
    seem missing; the system follows it to the pipe itself.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return os.path.islink(path)  # a link the system cannot follow by name: a pipe or socket
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def temp_prefix(name: str) -> str:
    """The start of a temporary file's name for ``name``: it holds this process's id."""
    return f".{name}.{TEMP_MARK}{os.getpid()}-"


def abandoned(path: Path, now: float | None = None) -> bool:
    """Whether the temporary file ``path`` is provably a leftover: its writer is dead, or it is a day old.

    A live writer's file is never abandoned, however old the lock it waits for.

    >>> abandoned(Path(temp_prefix("x") + "a.tmp"), now=0.0)
    False
    """
    try:
        age = (time.time() if now is None else now) - path.lstat().st_mtime
    except OSError:
        return False
    owner = _OWNER.search(path.name)
    if owner is None:
        return age > ABANDONED_AFTER
    try:
        os.kill(int(owner.group(1)), 0)
    except ProcessLookupError:
        return True  # no such process: its write can never finish
    except (PermissionError, OverflowError, ValueError):
        pass  # alive (another user's), or not a process id: the age decides
    else:
        return False
    return age > ABANDONED_AFTER


def write_all(files: Mapping[Path, str | bytes], *, encoding: str = "utf-8") -> None:
    """Write several files all or nothing: each is checked, then written aside, then all are renamed in.

    Every destination is checked first (:func:`write_atomic`'s rules, a stream
    refused), so a read-only file stops the write before anything changes. A
    failure while renaming (a signal, a full disk) puts every old file back
    from a hard link kept aside, and removes the new ones.
    """
    plan: list[tuple[Path, bytes]] = []
    for path, content in files.items():
        target, how = _destination(Path(path))
        if how == "stream":
            raise OSError(errno.EINVAL, "not a regular file; a pack is written as regular files", str(path))
        plan.append((target, content.encode(encoding) if isinstance(content, str) else content))
    staged: list[tuple[Path, str, str | None]] = []  # target, new file, old file kept aside
    try:
        for target, data in plan:
            staged.append((target, _staged(target, [data]), None))
        for index, (target, new, _) in enumerate(staged):
            kept = _kept_aside(target)
            staged[index] = (target, new, kept)
            os.replace(new, target)
            staged[index] = (target, "", kept)
    except BaseException:
        _roll_back(staged)
        raise
    for _, _, aside in staged:
        if aside:
            Path(aside).unlink(missing_ok=True)


def _staged(target: Path, chunks: Iterable[bytes], mode: int | None = None, durable: bool = True) -> str:
    """A temporary file next to ``target`` holding ``chunks``, fsynced when ``durable``, with the
    permissions it will have: ``mode``, else those of the file it replaces, else the umask's."""
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        elif target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _kept_aside(target: Path) -> str:
    """A second name for ``target``'s old file ("" when there is none), to put it back from."""
    if not target.exists():
        return ""
    kept = str(target.parent / f"{temp_prefix(target.name)}{os.urandom(4).hex()}.old.tmp")
    os.link(target, kept)  # never over an existing file
    return kept


def _roll_back(staged: list[tuple[Path, str, str | None]]) -> None:
    """Undo :func:`write_all`: old files back in place, new ones gone, no temporary left."""
    for target, new, kept in reversed(staged):
        if new:
            Path(new).unlink(missing_ok=True)
        if kept is None or new:
            if kept:
                Path(kept).unlink(missing_ok=True)
            continue  # never renamed in: the old file (if any) is still there
        if kept:
            os.replace(kept, target)
        else:
            target.unlink(missing_ok=True)


def _replace(path: Path, chunks: Iterable[bytes], mode: int | None, durable: bool) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))
    tmp = _staged(path, chunks, mode, durable)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_in_place(path: Path, data: bytes, durable: bool) -> None:
    """Overwrite from the start, then cut: an append loses at most its own new row to a crash."""
    fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.ftruncate(handle.fileno(), len(data))
        if durable:
            os.fsync(handle.fileno())


def _write_stream(path: Path, data: bytes) -> None:
    """Write to a device, FIFO or standard stream without creating, truncating or replacing it."""
    standard = _STANDARD.get(str(path))
    if standard:
        stream = getattr(sys, standard)
        if stream is None:
            raise OSError(errno.EBADF, f"standard {'output' if standard == 'stdout' else 'error'} is closed", str(path))
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
        return
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
