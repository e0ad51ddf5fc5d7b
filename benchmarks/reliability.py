"""Issue 15's performance goals, each against a baseline on the same machine and run.

    python benchmarks/reliability.py [--repeat 3]

- ``check`` with 50 unknown names (typos) on a 30,000-node pack, against
  ``check`` of the same pack without them (goal: under 10 s).
- ``search`` on a 100,000-node pack, in process, against ``awskg.load`` from
  the cache (goal: under 2 s); and whole-process, against ``show`` (same load).
- the cache: marshal data read and adopted by networkx, against
  ``pickle.loads`` of the same graph (the old, unsafe format), 50,000 nodes.

Benchmarks are not tests: nothing in the test suite asserts a time.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from run import pack  # noqa: E402

AWSKG = [sys.executable, "-m", "awskg", "--no-builtin"]


def timed(cmd: list[str], env: dict, repeat: int, ok: tuple[int, ...] = (0,)) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(cmd, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
        assert result.returncode in ok, result.stderr.decode()[-500:]
    return statistics.median(times)


def line(what: str, ours: float, base: float, base_what: str, goal: str) -> None:
    print(f"| {what} | {ours:.3f} s | {base:.3f} s ({base_what}) | {ours / base:.2f}x | {goal} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    env = {**os.environ, "AWSKG_CACHE_DIR": tempfile.mkdtemp(prefix="awskg-bench-")}
    print("| what | awskg | baseline | ratio | goal |\n|---|---|---|---|---|")

    clean = pack(30_000)
    typos = Path(tempfile.mkdtemp()) / "typos"
    shutil.copytree(clean, typos)
    with open(typos / "edges.csv", "a", encoding="utf-8") as edges:
        for i in range(50):
            edges.write(f"c{i * 500 + 17:06d},uses,concpet {i * 500 + 3},,\n")  # 50 unknown targets
    ours = timed([*AWSKG, "--pack", str(typos), "check"], env, repeat, ok=(1,))
    base = timed([*AWSKG, "--pack", str(clean), "check"], env, repeat)
    line("`check`, 30,000 nodes, 50 unknown names, whole process", ours, base, "the same check, no typos", "< 10 s")

    big = pack(100_000)
    subprocess.run([*AWSKG, "--pack", str(big), "show", "c000001"], env=env, check=True, capture_output=True)
    ours = timed([*AWSKG, "--pack", str(big), "search", "concpet 4242"], env, repeat)
    base = timed([*AWSKG, "--pack", str(big), "show", "c004242"], env, repeat)
    line("`search concpet 4242`, 100,000 nodes, whole process", ours, base, "`show`, same cached load", "reported")
    os.environ["AWSKG_CACHE_DIR"] = env["AWSKG_CACHE_DIR"]
    from awskg.explorer.search import search
    from awskg.graph.cache import load_cached

    start = time.perf_counter()
    kg = load_cached([big], builtin=False)
    loaded = time.perf_counter() - start
    searches = []
    for query in ("concpet 4242", "서버 개념 77", "alias-9999", "c012345"):
        start = time.perf_counter()
        search(kg, query)
        searches.append(time.perf_counter() - start)
    line(
        "`search`, 100,000 nodes, in process (slowest of 4 queries)", max(searches), loaded, "load from cache", "< 2 s"
    )

    from awskg.graph import cache

    mid = pack(50_000)
    kg = load_cached([mid], builtin=False)
    from awskg.graph.vocabulary import SCHEMAS

    fingerprint = cache._fingerprint([f for f in (mid / s.filename for s in SCHEMAS.values()) if f.is_file()])
    (path,) = [
        p for p in Path(env["AWSKG_CACHE_DIR"]).glob("*.marshal") if p.read_bytes().startswith(fingerprint.encode())
    ]
    reads, unpickles = [], []
    data = pickle.dumps(kg, protocol=pickle.HIGHEST_PROTOCOL)
    for _ in range(repeat):
        start = time.perf_counter()
        assert cache._read(path, fingerprint) is not None
        reads.append(time.perf_counter() - start)
        gc.disable()
        start = time.perf_counter()
        pickle.loads(data)
        unpickles.append(time.perf_counter() - start)
        gc.enable()
    line(
        "cache read (marshal, adopted as read), 50,000 nodes, in process",
        statistics.median(reads),
        statistics.median(unpickles),
        "`pickle.loads`, the old format",
        "reported",
    )


if __name__ == "__main__":
    main()
