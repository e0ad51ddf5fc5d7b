"""Run awskg's benchmarks: each comparison against its baseline, same machine, same run.

    python benchmarks/run.py                 # every comparison, table to benchmarks/RESULTS.md
    python benchmarks/run.py --only cold-relate --repeat 9

Every figure is the median of ``--repeat`` whole-process runs, for awskg and
for its baseline alternately, so a slow moment of the machine hits both sides.
Benchmarks are not tests: nothing in the test suite asserts a time.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable


@dataclass
class Result:
    name: str
    what: str
    ours: float
    baseline: float | None
    baseline_what: str
    target: str
    met: bool
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        return self.ours / self.baseline if self.baseline else None


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def medians(ours: list[str], baseline: list[str] | None, repeat: int) -> tuple[float, float | None]:
    """Median wall time of each command, run alternately after one warm-up each."""
    timed(ours)
    if baseline:
        timed(baseline)
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(ours))
        if baseline:
            b.append(timed(baseline))
    return statistics.median(a), (statistics.median(b) if baseline else None)


def cold_relate(repeat: int) -> Result:
    ours, base = medians([PY, "-m", "awskg", "relate", "Fargate", "EKS"], [PY, "-c", "import networkx, click"], repeat)
    return Result(
        "cold-relate", "`awskg relate Fargate EKS`, built-in graph, whole process", ours, base,
        '`python -c "import networkx, click"`', "at most 1.5x", ours <= 1.5 * base,
    )  # fmt: skip


def page_ready_ms(html: Path, repeat: int) -> float:
    """Median time from navigation to a stabilised, interactive map in headless Chromium."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path, open_map

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for _ in range(repeat + 1):
            opened = open_map(browser, html)
            times.append(opened.page.evaluate("awskg.readyMs"))
            opened.page.close()
        browser.close()
    return statistics.median(times[1:]) / 1000


def builtin_page(repeat: int) -> Result:
    out = HERE / "packs" / "builtin-map.html"
    out.parent.mkdir(exist_ok=True)
    subprocess.run([PY, "-m", "awskg", "html", "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    ours = page_ready_ms(out, repeat)
    return Result(
        "builtin-page", "built-in map in headless Chromium: load to stabilised and interactive", ours, None,
        "—", "reported (issue 4)", True,
    )  # fmt: skip


COMPARISONS: dict[str, Callable[[int], Result]] = {"cold-relate": cold_relate, "builtin-page": builtin_page}


def machine() -> str:
    return (
        f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def table(results: list[Result]) -> str:
    lines = [
        "| comparison | awskg | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        base = f"{r.baseline:.3f} {r.unit} ({r.baseline_what})" if r.baseline is not None else r.baseline_what
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "—"
        lines.append(
            f"| {r.what} | {r.ours:.3f} {r.unit} | {base} | {ratio} | {r.target} | {'yes' if r.met else 'NO'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(COMPARISONS), help="Run just these comparisons.")
    parser.add_argument("--repeat", type=int, default=7, help="Runs per side (median taken).")
    parser.add_argument("--no-write", action="store_true", help="Print only; leave RESULTS.md alone.")
    args = parser.parse_args()
    results = []
    for name in args.only or COMPARISONS:
        result = COMPARISONS[name](args.repeat)
        ratio = f"ratio {result.ratio:.2f}x" if result.ratio is not None else ""
        print(
            f"{name}: awskg {result.ours:.3f}{result.unit}  baseline {result.baseline or 0:.3f}{result.unit}  {ratio}  target {result.target}: {'met' if result.met else 'MISSED'}"
        )
        results.append(result)
    report = f"# Benchmark results\n\nRun on {time.strftime('%Y-%m-%d')}, {machine()}; median of {args.repeat} runs per side.\n\n{table(results)}\n"
    print("\n" + table(results))
    if not args.no_write and not args.only:
        out = HERE / "RESULTS.md"
        tmp = out.with_suffix(".md.tmp")
        tmp.write_text(report, encoding="utf-8")
        os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
