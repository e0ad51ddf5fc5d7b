"""A cache of large loaded graphs, so a query on a big pack does not re-read it.

Only packs whose CSV files add up to more than ``MIN_BYTES`` are cached: the
built-in pack loads in milliseconds, and a cache would not pay for itself.
A cache file is tied to one list of pack folders and records a fingerprint of
every file it was built from (path, size, modification time) plus the awskg,
networkx and Python versions; any change makes it stale and it is rebuilt.
``awskg check`` and the authoring commands never use it: they always validate.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path

from awskg.graph.atomic import write_atomic
from awskg.graph.loading import BUILTIN_PACK, load
from awskg.graph.model import KnowledgeGraph
from awskg.graph.vocabulary import SCHEMAS

__all__ = ["MIN_BYTES", "cache_dir", "load_cached"]

MIN_BYTES = 2_000_000


def cache_dir() -> Path:
    """``$AWSKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/awskg``, else ``~/.cache/awskg``."""
    if os.environ.get("AWSKG_CACHE_DIR"):
        return Path(os.environ["AWSKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "awskg"


def load_cached(packs: Iterable[str | Path] = (), *, builtin: bool = True) -> KnowledgeGraph:
    """Like :func:`awskg.load`, but reuses a fresh cached graph of large packs."""
    packs = [Path(p) for p in packs]
    folders = ([BUILTIN_PACK] if builtin else []) + packs
    files = [folder / schema.filename for folder in folders for schema in SCHEMAS.values()]
    stats = [(str(f.resolve()), f.stat()) for f in files if f.is_file()]
    if sum(s.st_size for _, s in stats) < MIN_BYTES:
        return load(packs, builtin=builtin)
    fingerprint = repr(
        [(path, s.st_size, s.st_mtime_ns) for path, s in stats] + [_version("awskg"), _version("networkx"), sys.version]
    )
    identity = hashlib.sha256(repr([str(f.resolve()) for f in folders]).encode()).hexdigest()[:24]
    path = cache_dir() / f"{identity}.pickle"
    cached = _read(path, fingerprint)
    if cached is not None:
        return cached
    kg = load(packs, builtin=builtin)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps((fingerprint, kg), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only home is no reason to fail a query
    return kg


def _read(path: Path, fingerprint: str) -> KnowledgeGraph | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling builds a million objects; collecting meanwhile doubles the time
    try:
        stored, kg = pickle.loads(data)
    except Exception:  # a truncated or foreign file is just a cache miss
        return None
    finally:
        if enabled:
            gc.enable()
    return kg if stored == fingerprint else None


def _version(package: str) -> str:
    module = sys.modules.get(package)
    return getattr(module, "__version__", "") if module else ""
