"""The learner's map at scale, in headless Chromium: load, redraw, select, relate.

    python benchmarks/page.py                  # built-in, 5,000, 20,000 and 50,000 nodes
    python benchmarks/page.py --sizes 5000 --repeat 5
    python benchmarks/page.py --before main    # also every page as REV wrote it

Every map is measured in the same run as the built-in map, and each figure is
reported with its ratio to the built-in map's. Figures are medians over
``--repeat`` page loads (load) or operations (the rest). Packs come from
``benchmarks/generate.py``. Not a test: nothing asserts a time.

- load to interactive: navigation start to ``window.awskg.ready`` (``readyMs``);
  with ``--before REV``, every page as the package at git revision REV writes it is
  measured in the same run, and the built-in page's load is also given as a ratio to it;
- one redraw: ``network.redraw()`` at the opening view;
- select to next frame: ``awskg.select(id)`` until the frame after it is drawn;
- relate: ``awskg.relate(a, b)``, the in-page ranking, for pairs a few hops apart;
- the vis-network floor: vis-network alone, in the same browser, given the same nodes, edges
  and positions (ids, ends and x, y: nothing else; edges straight, as the page draws them) with
  physics off, opened on the page's first view, from navigation start to
  its first drawn frame; the page's load is given as a ratio to it (target: at most 1.3x at
  5,000 nodes and more, 1.5x for the built-in page);
- relate near and far: ``awskg.relate(a, b, {maxHops: 8})`` for a pair 2 hops apart and
  one 7 hops apart (or the farthest within 8), its first call (once the page has been idle,
  as a learner's first question comes) and warm (median per call of
  five rounds of 20 calls); the far
  pair's warm time is given as a ratio to the near pair's (target: at most 1.2x).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

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

#: relate in the page, a near pair (2 hops) against a far one (7 hops, else the farthest within 8):
#: the first call (once the page has been idle) and warm calls (the median of five rounds of 20), maxHops 8 as the
#: CLI's far row.
RELATE_FAR = """async () => {
  // a learner's first question comes after the page has been idle: the indexes it builds then are built
  await new Promise((done) => requestIdleCallback(done, {timeout: 5000}));
  const ids = awskg.data.nodes.map((n) => n.id), around = new Map(ids.map((id) => [id, []]));
  awskg.data.edges.forEach((e) => { around.get(e.from).push(e.to); around.get(e.to).push(e.from); });
  const a = ids[Math.floor(ids.length / 2)], hops = new Map([[a, 0]]), queue = [a];
  for (let i = 0; i < queue.length; i++) {
    const d = hops.get(queue[i]);
    if (d < 8) { around.get(queue[i]).forEach((x) => { if (!hops.has(x)) { hops.set(x, d + 1); queue.push(x); } }); }
  }
  const at = (want) => { const best = Math.min(want, Math.max(...hops.values())); return queue.find((x) => hops.get(x) === best); };
  const time = (b) => {
    let t = performance.now(); const answer = awskg.relate(a, b, {maxHops: 8}); const first = performance.now() - t;
    const warm = [];  // the browser's clock is coarse: five rounds of 20 calls, each timed as a whole
    for (let round = 0; round < 5; round++) {
      t = performance.now();
      for (let i = 0; i < 20; i++) { awskg.relate(a, b, {maxHops: 8}); }
      warm.push((performance.now() - t) / 20);
    }
    return {first, warm: warm.sort((x, y) => x - y)[2], hops: hops.get(b), paths: (answer.paths || []).length};
  };
  const far = time(at(7));  // first: the far pair meets an empty cache, as the near one after it does not
  return {near: time(at(2)), far};
}"""

#: vis-network alone: the page's nodes, edges (straight, as the page draws them) and positions, physics off.
#: Ready at its first frame.
FLOOR = """<!doctype html>
<html><head><meta charset="utf-8"><title>vis-network floor</title><link rel="icon" href="data:,">
<style>@CSS@</style><style>html, body, #graph { margin: 0; width: 100%; height: 100%; }</style></head>
<body><div id="graph"></div>
<script type="application/json" id="floor-data">@DATA@</script>
<script>@JS@</script>
<script>
const given = JSON.parse(document.getElementById("floor-data").textContent);
const network = new vis.Network(document.getElementById("graph"),
  { nodes: new vis.DataSet(given.nodes), edges: new vis.DataSet(given.edges) }, { physics: false, edges: { smooth: false } });
// the page's first view, given in the hash as x,y,scale: set before the first frame, as the page's is
const view = location.hash.slice(1).split(",").map(Number);
if (view.length === 3) { network.moveTo({ position: { x: view[0], y: view[1] }, scale: view[2], animation: false }); }
network.once("afterDrawing", () => { window.floor = { ready: true, readyMs: performance.now() }; });
</script></body></html>
"""


def build(size: int | None) -> Path:
    out = HERE / "packs" / f"page-{size or 'builtin'}.html"
    out.parent.mkdir(exist_ok=True)
    pack_args = ["--no-builtin", "--pack", str(pack(size))] if size else []
    subprocess.run([PY, "-m", "awskg", *pack_args, "html", "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def build_at(revision: str, size: int | None = None) -> Path:
    """The page of ``size`` nodes (else the built-in) as the package at a git revision writes it (its code, this Python)."""
    import tarfile
    import tempfile
    from io import BytesIO

    root = HERE.parent
    archive = subprocess.run(["git", "-C", str(root), "archive", revision, "awskg"], check=True, capture_output=True)
    code = Path(tempfile.mkdtemp(prefix="awskg-before-"))
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(code, filter="data")
    out = HERE / "packs" / f"page-{size or 'builtin'}-before.html"
    out.parent.mkdir(exist_ok=True)
    env = {**__import__("os").environ, "AWSKG_CACHE_DIR": str(code / "cache")}
    pack_args = ["--no-builtin", "--pack", str(pack(size))] if size else []
    # an editable install's import hook would find this checkout's awskg before PYTHONPATH's
    run_there = (
        "import runpy, sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)];"
        f"sys.path.insert(0, {str(code)!r}); runpy.run_module('awskg', run_name='__main__', alter_sys=True)"
    )
    subprocess.run(
        [PY, "-c", run_there, *pack_args, "html", "-o", str(out)], check=True, stdout=subprocess.DEVNULL, env=env
    )
    return out


def floor_page(page_file: Path) -> Path:
    """The vis-network floor of a written page: its nodes, edges and positions, drawn by vis-network alone."""
    import json

    from awskg.exports.html import embed_json
    from awskg.exports.vis import vis_network

    text = page_file.read_text("utf-8")
    start = text.index(">", text.index('id="awskg-data"')) + 1
    data = json.loads(text[start : text.index("</script>", start)])
    floor = {
        "nodes": [{"id": n["id"], **({"x": n["x"], "y": n["y"]} if "x" in n else {})} for n in data["nodes"]],
        "edges": [{"from": e["from"], "to": e["to"]} for e in data["edges"]],
    }
    vis = vis_network()
    out = page_file.with_name(page_file.stem + "-floor.html")
    page = FLOOR.replace("@CSS@", vis.css.read_text("utf-8")).replace("@DATA@", embed_json(floor))
    out.write_text(page.replace("@JS@", vis.js.read_text("utf-8")), "utf-8")
    return out


def load_floor(browser, floor_file: Path, view: str) -> float:
    """Navigation start to vis-network's first frame of the floor page, opened on ``view`` (x,y,scale)."""
    page = browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(floor_file.resolve().as_uri() + "#" + view)
    page.wait_for_function("window.floor && window.floor.ready === true", timeout=120_000)
    ready = float(page.evaluate("floor.readyMs"))
    page.close()
    return ready


def measure(browser, page_file: Path, repeat: int, far: bool = False) -> dict[str, Any]:
    """Medians over ``repeat`` loads of the page, each followed by a load of its floor (a busy machine slows both)."""
    from browser import open_map

    floor_file = floor_page(page_file)
    loads, floors, ops = [], [], []
    for _ in range(repeat):
        opened = open_map(browser, page_file, width=1280, height=720)
        loads.append(opened.page.evaluate("awskg.readyMs"))
        view = opened.page.evaluate(
            "[awskg.network.getViewPosition().x, awskg.network.getViewPosition().y, awskg.network.getScale()].join()"
        )
        if not ops:
            ops.append(opened.page.evaluate(MEASURE, [repeat]))
            if far:
                ops[0]["far"] = opened.page.evaluate(RELATE_FAR)
        opened.page.close()
        floors.append(load_floor(browser, floor_file, view))
    return {"load": statistics.median(loads), "floor": statistics.median(floors), **ops[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[5000, 20000, 50000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", metavar="REV", help="also load every page as git revision REV writes it")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        base = measure(browser, build(None), args.repeat)
        before = measure(browser, build_at(args.before), args.repeat) if args.before else None
        rows = [("built-in", base, {})] + ([(f"built-in at {args.before}", before, {})] if before else [])
        for size in args.sizes:
            far = size == max(args.sizes)
            rows.append((f"{size:,} nodes", measure(browser, build(size), args.repeat, far), TARGETS.get(size, {})))
            if args.before:
                rows.append(
                    (
                        f"{size:,} nodes at {args.before}",
                        measure(browser, build_at(args.before, size), args.repeat, far),
                        {},
                    )
                )
        browser.close()
    report(rows, base)
    if before:
        print(
            f"\nbuilt-in page, load → interactive: {before['load']:.1f} ms at {args.before}, "
            f"{base['load']:.1f} ms now ({base['load'] / before['load']:.2f}x)"
        )
    return 0


def report(rows: list[tuple[str, dict[str, Any], dict[str, float]]], base: dict[str, Any]) -> None:
    """The tables: each figure with its ratio to the built-in page's; load against the vis floor; relate near and far."""
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
    print("\n| map | load → interactive | vis-network floor | ratio | target |")
    print("|---|---|---|---|---|")
    for name, figures, _ in rows:
        ratio = figures["load"] / figures["floor"]
        target = 1.5 if name.startswith("built-in") else 1.3
        verdict = "✓" if ratio <= target else "✗"
        print(
            f"| {name} | {figures['load']:.1f} ms | {figures['floor']:.1f} ms | {ratio:.2f}x | ≤ {target}x {verdict} |"
        )
    for name, figures, _ in rows:
        if "far" in figures:
            near, far = figures["far"]["near"], figures["far"]["far"]
            print(f"\nrelate in the page, {name}, maxHops 8 (first call / warm median):")
            print("| pair | hops | paths | first | warm | warm ratio to near | target |")
            print("|---|---|---|---|---|---|---|")
            for label, one in (("near", near), ("far", far)):
                ratio = one["warm"] / near["warm"] if near["warm"] else float("nan")
                verdict = "" if label == "near" else ("≤ 1.2x ✓" if ratio <= 1.2 else "≤ 1.2x ✗")
                print(
                    f"| {label} | {one['hops']} | {one['paths']} | {one['first']:.2f} ms | {one['warm']:.2f} ms "
                    f"| {ratio:.2f}x | {verdict} |"
                )


if __name__ == "__main__":
    sys.exit(main())
