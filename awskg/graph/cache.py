"""A cache of large loaded graphs, so a query on a big pack does not re-read it.

Only packs whose CSV files add up to more than ``MIN_BYTES`` are cached: the
built-in pack loads in milliseconds, and a cache would not pay for itself.
``awskg check`` and the authoring commands never use it: they always validate.

Why it is built the way it is:

- **Nothing in it can run code.** It was a pickle, and unpickling a file from a
  shared ``$AWSKG_CACHE_DIR`` ran another user's code. It is now
  :mod:`marshal` data, the format of Python's own ``.pyc`` files, holding
  only dicts, lists and strings: marshal builds no class instances and calls
  nothing while reading. What it reads is the graph's node, successor and
  predecessor dicts as networkx holds them (:mod:`awskg.graph.adjacency`: the
  predecessor side sharing each relation dict with the successor side, as
  marshal keeps shared objects shared), and the vocabulary tables; so a cached graph is adopted as read,
  with no Python loop over its edges. A cache file is read only when the
  user alone could have written it (below), as Python trusts ``__pycache__``.
- **It is private.** The folder is created 0700 (tightened if it is yours and
  looser), files are 0600; a file not owned by you, readable or writable by
  others, or not a regular file is ignored and rewritten, never trusted. A
  folder that is not yours is not used at all.
- **It is keyed on content.** The first line of each file is a fingerprint:
  a BLAKE2 hash of every pack file's bytes (hashing 10 MB takes milliseconds;
  sizes and times could be restored by ``touch -r``) and the running awskg,
  networkx and Python versions (their ``__version__``: asking
  :mod:`importlib.metadata` would cost a query a tenth of its time).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from awskg.graph.adjacency import dicts_of, graph_of
from awskg.graph.atomic import write_atomic
from awskg.graph.loading import BUILTIN_PACK, load, paused_gc
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import NameIndex
from awskg.graph.vocabulary import SCHEMAS, Completeness, Dimension, Kind, Property, Relation, Value

__all__ = ["MIN_BYTES", "cache_dir", "load_cached"]

MIN_BYTES = 2_000_000
#: Bumped whenever the layout below changes; part of the fingerprint.
FORMAT = "awskg-cache-5-marshal"


def cache_dir() -> Path:
    """``$AWSKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/awskg``, else ``~/.cache/awskg``.

    Raises RuntimeError when none is set and the home folder cannot be found;
    :func:`load_cached` then loads without a cache.
    """
    if os.environ.get("AWSKG_CACHE_DIR"):
        return Path(os.environ["AWSKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "awskg"


def load_cached(packs: Iterable[str | Path] = (), *, builtin: bool = True, version: str) -> KnowledgeGraph:
    """Like :func:`awskg.load`, but reuses a fresh cached graph of large packs.

    ``version`` is the running awskg's, part of the cache key: the caller (the
    CLI) passes it in, so the graph layer never imports the package above it.
    """
    pack_paths = [Path(p) for p in packs]
    folders = ([BUILTIN_PACK] if builtin else []) + pack_paths
    files = [folder / schema.filename for folder in folders for schema in SCHEMAS.values()]
    files = [f for f in files if f.is_file()]
    if sum(f.stat().st_size for f in files) < MIN_BYTES:
        return load(pack_paths, builtin=builtin)
    try:
        where = cache_dir()
    except RuntimeError:  # no $HOME and no passwd entry: no home, so no cache
        return load(pack_paths, builtin=builtin)
    folder = _private_folder(where)
    if folder is None:
        return load(pack_paths, builtin=builtin)
    try:
        read = {file: file.read_bytes() for file in files}  # read once: fingerprinted and parsed alike
    except OSError:
        return load(pack_paths, builtin=builtin)
    fingerprint = _fingerprint(read, version)
    identity = hashlib.sha256(repr([str(f.resolve()) for f in folders]).encode()).hexdigest()[:24]
    path = folder / f"{identity}.marshal"
    cached = _read(path, fingerprint)
    if cached is not None:
        return cached
    kg = load(pack_paths, builtin=builtin, overrides=read)
    del read
    with contextlib.suppress(OSError):  # a read-only home is no reason to fail a query
        if path.is_symlink() or (path.exists() and not path.is_file()):
            path.unlink()  # write_atomic would write through a planted link: replace the link itself
        with paused_gc():
            data = _dump(kg)
        write_atomic(path, fingerprint.encode() + b"\n" + data, mode=0o600, durable=False)
    return kg


def _fingerprint(files: dict[Path, bytes], version: str) -> str:
    """What the cached graph was built from: every file's path and bytes, and the versions.

    The bytes are those the graph is then built from, never a second read: an
    edit landing between two reads was once cached under the old fingerprint.
    """
    import networkx  # its version is part of the key, and the graph needs it anyway

    digest = hashlib.blake2b(digest_size=32)
    for file, data in files.items():
        digest.update(f"{file.resolve()}\0{len(data)}\0".encode())
        digest.update(data)
    for part in (FORMAT, version, networkx.__version__, sys.version):
        digest.update(f"\0{part}".encode())
    return f"{FORMAT} {digest.hexdigest()}"


def _private_folder(folder: Path) -> Path | None:
    """The cache folder, created 0700 and tightened if looser; None if it is not the user's."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
        if info.st_uid != os.geteuid() or not stat.S_ISDIR(info.st_mode):
            return None
        if info.st_mode & 0o077:
            os.chmod(folder, 0o700)
    except OSError:
        return None
    return folder


def _read(path: Path, fingerprint: str) -> KnowledgeGraph | None:
    """The cached graph if the file is the user's own, private, and of this fingerprint."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o077:
            return None  # foreign or exposed: rebuilt and replaced, never trusted
        if handle.readline().rstrip(b"\n") != fingerprint.encode():
            return None
        data = handle.read()
    try:
        with paused_gc():
            return _graph(marshal.loads(data))
    except (ValueError, EOFError, TypeError, KeyError, AttributeError):  # truncated or not ours: a cache miss
        return None


def _dump(kg: KnowledgeGraph) -> bytes:
    """The graph's own node, successor and predecessor dicts, and the vocabulary as lists."""
    nodes, succ, pred = dicts_of(kg.graph)
    document = {
        "nodes": nodes,
        "succ": succ,
        "pred": pred,
        "relations": [_row(r) for r in kg.relations.values()],
        "kinds": [_row(k) for k in kg.kinds.values()],
        "dimensions": [_row(d) for d in kg.dimensions.values()],
        "values": [_row(v) for v in kg.values.values()],
        "properties": [_row(p) for props in kg.properties.values() for p in props],
        "complete": [_row(c) for c in kg.complete.values()],
        "tours": kg.tours,
        "overview": kg.overview,
        "names": kg.names.owner,
    }
    return marshal.dumps(document)


def _row(record: object) -> list[object]:
    """A vocabulary record as a JSON list; a set of traits becomes a sorted list."""
    return [sorted(v) if isinstance(v, frozenset) else v for v in vars(record).values()]


def _record(kind: type, row: list[object]) -> Any:
    return kind(*(frozenset(v) if isinstance(v, list) else v for v in row))


def _graph(document: dict[str, Any]) -> KnowledgeGraph:
    if not isinstance(document, dict):
        raise TypeError("not a cached graph")
    graph = graph_of(document["nodes"], document["succ"], document["pred"])
    properties: dict[str, list[Property]] = {}
    for row in document["properties"]:
        prop = _record(Property, row)
        properties.setdefault(prop.node, []).append(prop)
    return KnowledgeGraph(
        graph,
        {row[0]: _record(Relation, row) for row in document["relations"]},
        {row[0]: _record(Kind, row) for row in document["kinds"]},
        NameIndex(owner=document["names"]),
        document["tours"],
        overview=[tuple(pair) for pair in document.get("overview", [])],
        dimensions={row[0]: _record(Dimension, row) for row in document["dimensions"]},
        values={(row[0], row[1]): _record(Value, row) for row in document["values"]},
        properties=properties,
        complete={tuple(row[:3]): _record(Completeness, row) for row in document["complete"]},
    )
