"""Changing an overlay pack on disk: never the built-in one, never a lost line.

An append keeps every existing byte of the file and follows its own line
endings and BOM; the new row is validated together with the built-in pack and
every other overlay *before* anything is written; the file is replaced
atomically; and a lock file in the pack serialises concurrent writers, so two
``add-edge`` runs at once both land or one fails cleanly.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from awskg.errors import PackWriteError
from awskg.graph.atomic import TEMP_MARK, abandoned, write_all, write_atomic
from awskg.graph.csvfile import first_ending, format_row, line_breaks, records
from awskg.graph.loading import BUILTIN_PACK, load, validate
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import require
from awskg.graph.text import CONTROL, control_message
from awskg.graph.vocabulary import SCHEMAS

__all__ = [
    "LOCK_NAME",
    "Added",
    "add_edge",
    "add_node",
    "add_property",
    "init_pack",
    "locked",
    "refuse_foreign",
    "target_pack",
]

LOCK_NAME = ".awskg.lock"
LOCK_TIMEOUT = 10.0

_EXAMPLE = {
    "nodes": '# global-accelerator,Global Accelerator,글로벌 액셀러레이터,service,AWS Global Accelerator;GA,"A networking service that carries user traffic over the AWS global network to endpoints such as load balancers.","사용자의 트래픽을 AWS 글로벌 네트워크로 로드 밸런서 같은 엔드포인트까지 보내는 네트워킹 서비스.",https://docs.aws.amazon.com/global-accelerator/latest/dg/what-is-global-accelerator.html',
    "edges": "# global-accelerator,routes-to,alb,Endpoints can be load balancers,https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoints.html",
    "relations": "# caches,caches,is cached by,{s}은/는 {o}을/를 캐시한다,{s}은/는 {o}에 캐시된다,The source keeps copies of the target close to users.,",
    "kinds": "# cdn,Content delivery network,콘텐츠 전송 네트워크,Services that serve content from edge locations.",
}

_README = """# An awskg overlay pack

Load it on top of the built-in graph with `awskg --pack {name} check`.

Each CSV file starts with its header row. The rows starting with `#` are
comments: a worked example (Global Accelerator, a concept the built-in pack lacks).
Remove the `#` to use them, or add your own rows below.

- `nodes.csv`: `id,label,label_ko,kind,aliases,summary,summary_ko,docs,reading_ko`.
  The id is a lowercase slug; aliases are separated by `;`; docs must be
  http(s); `reading_ko` (optional) is how a Latin label is read in Korean,
  where its particle would otherwise come out wrong.
- `edges.csv`: `source,relation,target,note,source_ref,note_ko`. Use ids; cite
  in `source_ref` where the fact comes from (a documentation URL).
- `relations.csv` and `kinds.csv` (optional): new relations and kinds. Korean
  relation readings are templates: `{{s}}` is the subject, `{{o}}` the object,
  each followed by its particle written as a pair (`{{s}}은/는 {{o}}을/를 캐시한다`).
  `traits` (optional) says what the relation means to awskg: `acyclic`,
  `hierarchy`, `transitive`, `inherits`, `symmetric`, `weak`, and `prerequisite`
  (target learned first) or `prerequisite-inverse` (source first) for `awskg learn`.
- `dimensions.csv`, `values.csv`, `properties.csv` (optional): what a concept
  is like (its network layer, whether it is stateful), one property a line:
  `node,dimension,value,note,note_ko,source_ref`. `awskg --pack {name} add-property`
  writes them.

Or let awskg write the rows for you, validated first:

    awskg --pack {name} add-node global-accelerator --label Global Accelerator --label-ko 글로벌 액셀러레이터 --kind service
    awskg --pack {name} add-edge global-accelerator routes-to alb --source-ref https://docs.aws.amazon.com/...

`awskg --pack {name} check --strict` also warns about missing summaries, Korean
labels, docs links and sources. The `{lock}` file, when present, is the lock
awskg takes while writing; it is safe to delete when no awskg is running.
See docs/authoring.md in the awskg repository for the whole format.
"""


@dataclass(frozen=True)
class Added:
    """Where a row went: the file and the line it now occupies."""

    path: Path
    line: int
    values: dict[str, str]


def init_pack(folder: Path) -> list[Path]:
    """Create an empty overlay pack with header rows, a commented example and a README.

    Refuses a folder that exists and is not empty. A new pack is built in a
    temporary folder next to it and renamed into place, so a full disk leaves
    no half-made pack behind and a rerun starts clean. An empty folder that
    exists (``init-pack .``, or a link to one) is filled all or nothing.
    """
    if not _is_utf8(str(folder)):
        raise PackWriteError("the folder name holds bytes that are not UTF-8 text; choose a name in UTF-8")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PackWriteError(f"{folder} already exists and is not empty; choose a new folder")
    files = {
        SCHEMAS[name].filename: ",".join(SCHEMAS[name].columns) + "\n" + _EXAMPLE[name] + "\n"
        for name in ("nodes", "edges", "relations", "kinds")
    }
    files["README.md"] = _README.format(name=folder.name or str(folder), lock=LOCK_NAME)
    made = [folder / name for name in files]
    if folder.is_dir():
        write_all({folder / name: text for name, text in files.items()})
        return made
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        _build_and_rename(folder, files)
    except OSError as exc:  # the message names the folder asked for, never the temporary one
        raise OSError(exc.errno, exc.strerror or str(exc), str(folder)) from None
    return made


def _build_and_rename(folder: Path, files: dict[str, str]) -> None:
    """Write ``files`` into a temporary folder next to ``folder``, then rename it into place."""
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.{TEMP_MARK}", dir=folder.parent))
    try:
        for name, text in files.items():
            write_atomic(staging / name, text)
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)
        os.rename(staging, folder)  # replaces an empty folder in one step; fails on a non-empty one
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def target_pack(packs: Sequence[Path], into: Path | None) -> Path:
    """The one overlay pack an authoring command may write to; none of its files may be another pack's."""
    if into is not None:
        chosen = next((p for p in packs if p.resolve() == into.resolve()), None)
        if chosen is None:
            raise PackWriteError(f"--into {into} is not one of the --pack folders given")
    elif not packs:
        raise PackWriteError(
            "no overlay pack to write to: the built-in pack is never changed. "
            "Create one with `awskg init-pack DIR`, then pass `--pack DIR`"
        )
    elif len(packs) > 1:
        raise PackWriteError("several --pack folders given: choose the one to write with --into DIR")
    else:
        chosen = packs[0]
    if chosen.resolve() == BUILTIN_PACK.resolve():
        raise PackWriteError("the built-in pack is never changed; create an overlay with `awskg init-pack DIR`")
    others = [p for p in packs if p.resolve() != chosen.resolve()]
    for schema in SCHEMAS.values():
        refuse_foreign(chosen / schema.filename, chosen, others)
    return chosen


def refuse_foreign(path: Path, own: Path, others: Iterable[Path] = ()) -> None:
    """Refuse a write to ``path``, a file of pack ``own``, that would land in another pack's file.

    ``path`` may be a link: it is followed to the end. Written through, a link
    into the built-in pack once shrank the installed pack to 12 nodes. A link
    to a plain shared file elsewhere is written through, as always.
    """
    real = path.resolve()
    if real.parent == own.resolve():
        return
    foreign = {BUILTIN_PACK.resolve(), *(other.resolve() for other in others)}
    is_pack = all((real.parent / SCHEMAS[name].filename).is_file() for name in ("nodes", "edges"))
    if real.parent in foreign or is_pack:
        what = "awskg's built-in pack" if real.parent == BUILTIN_PACK.resolve() else f"the pack {real.parent}"
        raise PackWriteError(f"{path} is a link to {real}, a file of {what}; awskg writes only the pack it is given")


@contextmanager
def locked(folder: Path, timeout: float = LOCK_TIMEOUT, stack: Sequence[Path] = ()) -> Iterator[None]:
    """Hold the lock of ``folder`` and of every other overlay in ``stack``; wait up to ``timeout`` seconds.

    An edit is validated against the whole stack, so the whole stack is locked
    (in one order, the folders' real paths, so two writers never wait on each
    other): two ``add-node`` runs into two overlays of one stack can no longer
    both claim one name. An overlay whose lock cannot be created (a read-only
    folder) cannot be written by awskg either, and is read unlocked.

    A lock file is opened without following a symlink and must be a regular
    file: a pack that ships ``.awskg.lock -> /etc/nologin`` must not make awskg
    create or touch that file. Once the locks are held, an awskg temporary file
    in ``folder`` whose writer is dead (or that is a day old) is a leftover of
    a killed write and is removed; a live one is left alone.
    """
    folders = {folder.resolve(): folder} | {p.resolve(): p for p in stack if p.resolve() != folder.resolve()}
    with ExitStack() as held:
        for real in sorted(folders):
            held.enter_context(_lock(folders[real], timeout, required=folders[real] is folder))
        _remove_stale_temporaries(folder)
        yield


@contextmanager
def _lock(folder: Path, timeout: float, required: bool) -> Iterator[None]:
    """One pack's lock file, held with ``flock``; an optional one is skipped if it cannot be created."""
    path = folder / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PackWriteError(f"{path} is a symlink; awskg's lock must be a regular file: remove it") from None
        if not required and exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM, errno.ENOENT):
            yield
            return
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise PackWriteError(f"{path} is not a regular file; awskg's lock must be one: remove it")
    with os.fdopen(fd, "r+b") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PackWriteError(f"{folder} is being changed by another awskg; try again") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_stale_temporaries(folder: Path) -> None:
    """Delete the temporary files of writes killed midway: only those :func:`abandoned` proves dead."""
    for leftover in folder.glob(f".*.{TEMP_MARK}*.tmp"):
        try:
            if stat.S_ISREG(leftover.lstat().st_mode) and abandoned(leftover):
                leftover.unlink()
        except OSError:
            pass  # gone already, or not ours to remove: it is ignored on reading either way


def add_node(packs: Sequence[Path], *, builtin: bool = True, into: Path | None = None, **values: str) -> Added:
    """Append a node row to the overlay pack; ``values`` are nodes.csv columns.

    The kind must exist (:class:`~awskg.errors.UnknownName` otherwise);
    anything else wrong (an id taken, a name claimed twice) is a PackError
    naming the row, and nothing is written.
    """
    folder = target_pack(packs, into)
    with locked(folder, stack=packs):
        kg = load(packs, builtin=builtin)
        kg.check_kind(values["kind"])
        return _append(packs, builtin, folder / SCHEMAS["nodes"].filename, values)


def add_edge(
    packs: Sequence[Path],
    source: str,
    relation: str,
    target: str,
    *,
    builtin: bool = True,
    into: Path | None = None,
    note: str = "",
    source_ref: str = "",
    note_ko: str = "",
) -> Added:
    """Append an edge row; names resolve as everywhere (``route53`` is ``route-53``).

    An unknown name or relation raises UnknownName with suggestions; a
    duplicate edge is a PackError naming the first one; nothing is written then.
    """
    folder = target_pack(packs, into)
    with locked(folder, stack=packs):
        kg: KnowledgeGraph = load(packs, builtin=builtin)
        values = {
            "source": kg.resolve(source),
            "relation": kg.check_relation(relation),
            "target": kg.resolve(target),
            "note": note,
            "source_ref": source_ref,
            "note_ko": note_ko,
        }
        return _append(packs, builtin, folder / SCHEMAS["edges"].filename, values)


def add_property(
    packs: Sequence[Path],
    node: str,
    dimension: str,
    value: str,
    *,
    builtin: bool = True,
    into: Path | None = None,
    note: str = "",
    note_ko: str = "",
    source_ref: str = "",
) -> Added:
    """Append one property of one concept to properties.csv (created with its header if missing).

    The dimension and value must be defined (in any loaded pack); a second
    value on an exclusive dimension is a PackError naming the first.
    """
    folder = target_pack(packs, into)
    with locked(folder, stack=packs):
        kg = load(packs, builtin=builtin)
        values = {
            "node": kg.resolve(node),
            "dimension": require(dimension, kg.dimensions, "dimension"),
            "value": require(value, [v for d, v in kg.values if d == dimension], f"value of {dimension!r}"),
            "note": note,
            "note_ko": note_ko,
            "source_ref": source_ref,
        }
        return _append(packs, builtin, folder / SCHEMAS["properties"].filename, values)


def _append(packs: Sequence[Path], builtin: bool, path: Path, values: dict[str, str]) -> Added:
    """Validate the file with the row appended against the whole stack, then write it (else nothing).

    An optional file that does not exist yet starts as its header row, written
    only with the row.
    """
    values = _clean(values)
    schema = next(s for s in SCHEMAS.values() if s.filename == path.name)
    old = path.read_bytes() if path.exists() or not schema.optional_file else ",".join(schema.columns).encode() + b"\n"
    text = old.decode("utf-8-sig")
    ending = first_ending(text) if text else "\n"
    header = _header(text)
    unknown = [column for column, value in values.items() if value and column not in header]
    if unknown:
        raise PackWriteError(f"{path} has no column {', '.join(repr(c) for c in unknown)}; add it to the header first")
    row = format_row([values.get(column, "") for column in header], ending)
    prefix = b"" if not old or old.endswith((b"\n", b"\r")) else ending.encode()
    new = old + prefix + row.encode("utf-8")
    validate(packs, builtin=builtin, overrides={path: new})  # raises PackError; nothing written
    write_atomic(path, new)
    before = new[: len(old) + len(prefix)].decode("utf-8-sig")
    line = line_breaks(before, ending == "\r") + 1
    return Added(path, line, {column: values.get(column, "") for column in header})


def _clean(values: dict[str, str]) -> dict[str, str]:
    """Values as the reader will read them back (without surrounding spaces), or a refusal.

    A control character could drive the terminal of whoever reads the pack;
    line breaks are kept (the row is quoted), tabs too.
    """
    for column, value in values.items():
        if not _is_utf8(value):
            raise PackWriteError(f"the {column} holds bytes that are not UTF-8 text; type it again as UTF-8")
        found = CONTROL.search(value)
        if found:
            raise PackWriteError(f"the {column} holds a {control_message(found.group())}; remove it")
    return {column: value.strip() for column, value in values.items()}


def _is_utf8(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8: an argument of undecodable bytes holds lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _header(text: str) -> list[str]:
    """The file's header row, read by the same rules as the loader (comments skipped)."""
    for _, fields, _ in records(text, "", []):
        return fields
    raise PackWriteError("the file has no header row")
