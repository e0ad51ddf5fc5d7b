"""The learner's map at scale, in headless Chromium: load, redraw, select, relate.

    python benchmarks/page.py                  # built-in, 5,000 and 20,000 nodes
    python benchmarks/page.py --sizes 5000 --repeat 5
    python benchmarks/page.py --before main    # also the built-in page as REV wrote it

Every map is measured in the same run as the built-in map, and each figure is
reported with its ratio to the built-in map's. Figures are medians over
``--repeat`` page loads (load) or operations (the rest). Packs come from
``benchmarks/generate.py``. Not a test: nothing asserts a time.

- load to interactive: navigation start to ``window.awskg.ready`` (``readyMs``);
  with ``--before REV``, the built-in page as the package at git revision REV writes it is
  loaded in the same run, and the built-in page's load is also given as a ratio to it;
- one redraw: ``network.redraw()`` at the opening view;
- select to next frame: ``awskg.select(id)`` until the frame after it is drawn;
- relate: ``awskg.relate(a, b)``, the in-page ranking, for pairs a few hops apart.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from run import PY, pack  # noqa: E402

TARGETS = {
    5000: {"redraw": 100, "select": 300},
    20000: {"select": 1000, "load": 15000},
}

MEASURE = """async ([repeat]) => {
  const net = awskg.network, median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ids = awskg.data.nodes.map((n) => n.id);
  const redraw = [], select = [], relate = [];
  for (let i = 0; i < repeat; i++) { const t = performance.now(); net.redraw(); redraw.push(performance.now() - t); }
  for (let i = 0; i < repeat; i++) {
    const id = ids[(i * 7919) % ids.length];
    const t = performance.now(); awskg.select(id, {animate: false}); await frame(); select.push(performance.now() - t);
  }
  awskg.clear();
  await frame();
  for (let i = 0; i < repeat; i++) {
    const a = ids[(i * 104729) % ids.length], hood = awskg.network.getConnectedNodes(a);
    const near = hood.length ? awskg.network.getConnectedNodes(hood[0]).filter((x) => x !== a) : [];
    const b = near.length ? near[0] : ids[(i * 31) % ids.length];
    if (a === b) { continue; }
    const t = performance.now(); awskg.relate(a, b); relate.push(performance.now() - t);
  }
  return {redraw: median(redraw), select: median(select), relate: median(relate)};
}"""


def build(size: int | None) -> Path:
    out = HERE / "packs" / f"page-{size or 'builtin'}.html"
    out.parent.mkdir(exist_ok=True)
    pack_args = ["--no-builtin", "--pack", str(pack(size))] if size else []
    subprocess.run([PY, "-m", "awskg", *pack_args, "html", "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def build_at(revision: str) -> Path:
    """The built-in page as the package at a git revision writes it (its code, this Python)."""
    import tarfile
    import tempfile
    from io import BytesIO

    root = HERE.parent
    archive = subprocess.run(["git", "-C", str(root), "archive", revision, "awskg"], check=True, capture_output=True)
    code = Path(tempfile.mkdtemp(prefix="awskg-before-"))
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(code, filter="data")
    out = HERE / "packs" / "page-builtin-before.html"
    out.parent.mkdir(exist_ok=True)
    env = {**__import__("os").environ, "PYTHONPATH": str(code), "AWSKG_CACHE_DIR": str(code / "cache")}
    subprocess.run([PY, "-m", "awskg", "html", "-o", str(out)], check=True, stdout=subprocess.DEVNULL, env=env)
    return out


def measure(browser, page_file: Path, repeat: int) -> dict[str, float]:
    from browser import open_map

    loads, ops = [], []
    for _ in range(repeat):
        opened = open_map(browser, page_file, width=1280, height=720)
        loads.append(opened.page.evaluate("awskg.readyMs"))
        if not ops:
            ops.append(opened.page.evaluate(MEASURE, [repeat]))
        opened.page.close()
    return {"load": statistics.median(loads), **ops[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[5000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", metavar="REV", help="also load the built-in page as git revision REV writes it")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        base = measure(browser, build(None), args.repeat)
        before = measure(browser, build_at(args.before), args.repeat) if args.before else None
        rows = [("built-in", base, {})] + ([(f"built-in at {args.before}", before, {})] if before else [])
        for size in args.sizes:
            rows.append((f"{size:,} nodes", measure(browser, build(size), args.repeat), TARGETS.get(size, {})))
        browser.close()
    print("| map | load → interactive | one redraw | select → next frame | relate |")
    print("|---|---|---|---|---|")
    for name, figures, targets in rows:
        cells = []
        for key in ("load", "redraw", "select", "relate"):
            ratio = figures[key] / base[key] if base[key] else float("nan")
            target = targets.get(key)
            verdict = "" if target is None else (" ✓" if figures[key] < target else f" ✗ (target < {target} ms)")
            cells.append(f"{figures[key]:.1f} ms ({ratio:.1f}x){verdict}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    if before:
        print(
            f"\nbuilt-in page, load → interactive: {before['load']:.1f} ms at {args.before}, "
            f"{base['load']:.1f} ms now ({base['load'] / before['load']:.2f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
