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
VERDICT = {True: "met", False: "MISSED", None: "reported"}
PY = sys.executable


@dataclass
class Result:
    name: str
    what: str
    ours: float
    baseline: float | None
    baseline_what: str
    target: str
    met: bool | None  # None: reported, no target
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        """awskg over the baseline."""
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


def pack(size: int) -> Path:
    """The synthetic pack of ``size`` nodes, generated once under benchmarks/packs/."""
    folder = HERE / "packs" / str(size)
    if not (folder / "edges.txt").exists():
        subprocess.run([PY, str(HERE / "generate.py"), str(size), str(folder)], check=True)
    return folder


def peak_kb(cmd: list[str]) -> int:
    """Peak resident memory of ``cmd`` in KiB, measured by a fresh parent process."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    return int(subprocess.run([PY, "-c", probe, *cmd], check=True, capture_output=True, text=True).stdout)


def awskg(*args: str) -> list[str]:
    return [PY, "-m", "awskg", *args]


def read_edgelist(folder: Path) -> list[str]:
    code = (
        "import networkx as nx, sys;"
        "nx.read_edgelist(sys.argv[1], create_using=nx.MultiDiGraph, data=(('relation', str),))"
    )
    return [PY, "-c", code, str(folder / "edges.txt")]


def check_50k(repeat: int) -> Result:
    big = pack(50_000)
    ours, base = medians(awskg("--no-builtin", "--pack", str(big), "check"), read_edgelist(big), repeat)
    return Result(
        "check-50k", "`awskg check`, 50,000 nodes / 150,000 edges, whole process", ours, base,
        "`networkx.read_edgelist` of the same edges into a MultiDiGraph", "at most 1.5x", ours <= 1.5 * base,
    )  # fmt: skip


def load_50k(repeat: int) -> Result:
    """``awskg.load`` validates and builds the networkx graph that ``check`` skips."""
    big = pack(50_000)
    code = "import sys, awskg; awskg.load([sys.argv[1]], builtin=False)"
    ours, base = medians([PY, "-c", code, str(big)], read_edgelist(big), repeat)
    return Result(
        "load-50k", "`awskg.load()` (validate and build the MultiDiGraph with every attribute), 50,000 nodes", ours, base,
        "`networkx.read_edgelist` of the same edges", "at most 1.3x", ours <= 1.3 * base,
    )  # fmt: skip


def memory_load_50k(repeat: int) -> Result:
    big = pack(50_000)
    cmd = [PY, "-c", "import sys, awskg; awskg.load([sys.argv[1]], builtin=False)", str(big)]
    return _peak_against_edgelist("memory-load-50k", "peak memory of `awskg.load()`, 50,000 nodes", cmd, big, repeat)


def _edited_copy(size: int) -> Path:
    """A copy of a generated pack, so that editing it leaves the shared one alone."""
    import shutil

    source, copy = pack(size), HERE / "packs" / f"{size}-edited"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(source, copy)
    return copy


def relate_after_edit_50k(repeat: int) -> Result:
    """The first query after an edit: the cache is keyed on content, so this one rebuilds it."""
    folder = _edited_copy(50_000)
    nodes = folder / "nodes.csv"
    cmd = awskg("--no-builtin", "--pack", str(folder), "relate", "c012345", "c043210", "--max-hops", "8")
    times = []
    for i in range(repeat):
        with open(nodes, "a", encoding="utf-8") as f:
            f.write(f"# edit {i}\n")  # a comment row: same graph, new bytes, so a cache miss
        times.append(timed(cmd))
    return Result(
        "relate-after-edit-50k", "first `awskg relate` after an edit of a 50,000-node pack (cache rebuilt), whole process",
        statistics.median(times), None, "—", "under 2 s", statistics.median(times) < 2.0,
    )  # fmt: skip


def relate_cached_after_export_50k(repeat: int) -> Result:
    """A cached query right after an export: both use one cache, keyed the same way."""
    big = pack(50_000)
    relate_cmd = awskg("--no-builtin", "--pack", str(big), "relate", "c012345", "c043210", "--max-hops", "8")
    export_cmd = awskg("--no-builtin", "--pack", str(big), "export", "--format", "json", "--focus", "c000001")
    times = []
    for _ in range(repeat):
        timed(export_cmd)
        times.append(timed(relate_cmd))
    return Result(
        "relate-cached-50k", "`awskg relate` on a cached 50,000-node pack, right after an `export`, whole process",
        statistics.median(times), None, "—", "under 1 s", statistics.median(times) < 1.0,
    )  # fmt: skip


def relate_two_hops_100k(repeat: int) -> Result:
    """In process: a 2-hop pair on a cached 100k pack against a 2-hop pair on the built-in pack."""
    code = (
        "import sys, time, statistics, awskg;"
        "from awskg.graph.cache import load_cached; from awskg.explorer.paths import relate;"
        "kg = load_cached([sys.argv[1]], builtin=False, version=awskg.__version__) if sys.argv[1] != '-' else awskg.load();"
        "a, b = sys.argv[2], sys.argv[3];"
        "import networkx as nx; hops = nx.single_source_shortest_path_length(kg.graph.to_undirected(as_view=True), a, cutoff=2);"
        "b = b or min(n for n, d in hops.items() if d == 2);"
        "relate(kg, a, b); ts = [];"
        "exec('for _ in range(50):\\n t = time.perf_counter(); relate(kg, a, b); ts.append(time.perf_counter() - t)');"
        "print(statistics.median(ts))"
    )
    big = pack(100_000)
    subprocess.run(awskg("--no-builtin", "--pack", str(big), "show", "c050000"), check=True, stdout=subprocess.DEVNULL)

    def run(*args: str) -> float:
        done = subprocess.run([PY, "-c", code, *args], check=True, capture_output=True, text=True)
        return float(done.stdout)

    # the first concept 2 hops from c050000 (a generated pack's pairs change with the generator)
    ours = statistics.median(run(str(big), "c050000", "") for _ in range(max(1, repeat // 2)))
    base = statistics.median(run("-", "ecs", "eks") for _ in range(max(1, repeat // 2)))
    return Result(
        "relate-2hop-100k", "in-process `relate` of a 2-hop pair on a cached 100,000-node pack", ours * 1000, base * 1000,
        "in-process `relate ECS EKS` (2 hops) on the built-in pack", "at most 5x", ours <= 5 * base, unit="ms",
    )  # fmt: skip


def relate_far_100k(repeat: int) -> Result:
    """In process, on one cached 100k pack: the farthest pair within 8 hops against a 2-hop pair."""
    code = (
        "import sys, time, statistics, awskg; import networkx as nx;"
        "from awskg.graph.cache import load_cached; from awskg.explorer.paths import relate;"
        "kg = load_cached([sys.argv[1]], builtin=False, version=awskg.__version__); a = 'c050000';"
        "hops = nx.single_source_shortest_path_length(kg.graph.to_undirected(as_view=True), a, cutoff=8);"
        "b = min(n for n, d in hops.items() if d == int(sys.argv[2]));"
        "relate(kg, a, b, max_hops=8); ts = []; ls = [];"
        "exec('for _ in range(9):\\n t = time.perf_counter(); relate(kg, a, b, max_hops=8); ts.append(time.perf_counter() - t)');"
        "from awskg.explorer.paths import _Balls;"
        "exec('for _ in range(9):\\n t = time.perf_counter(); _Balls(kg, a, b).shortest(8); ls.append(time.perf_counter() - t)');"
        "print(statistics.median(ts), statistics.median(ls))"
    )
    big = pack(100_000)
    subprocess.run(awskg("--no-builtin", "--pack", str(big), "show", "c050000"), check=True, stdout=subprocess.DEVNULL)

    def run(distance: int) -> tuple[float, float]:
        done = subprocess.run([PY, "-c", code, str(big), str(distance)], check=True, capture_output=True, text=True)
        whole, length = done.stdout.split()
        return float(whole), float(length)

    runs = [(run(7), run(2)) for _ in range(max(1, repeat // 2))]
    far, near = (statistics.median(r[i][0] for r in runs) for i in (0, 1))
    search = statistics.median(r[0][1] for r in runs)
    return Result(
        "relate-far-100k", "in-process `relate --max-hops 8` of a pair 7 hops apart, cached 100,000-node pack "
        f"(finding its length alone, the bidirectional search: {search * 1000:.2f} ms)", far * 1000,
        near * 1000, "a pair 2 hops apart, same pack and process", "at most 1.2x", far <= 1.2 * near, unit="ms",
    )  # fmt: skip


def _whole(args: list[str], repeat: int) -> float:
    return medians(args, None, repeat)[0]


def export_50k(repeat: int) -> Result:
    big = pack(50_000)
    out = HERE / "packs" / "out"
    out.mkdir(exist_ok=True)
    html = _whole(awskg("--no-builtin", "--pack", str(big), "html", "-o", str(out / "m.html")), max(1, repeat // 3))
    graphml = _whole(
        awskg("--no-builtin", "--pack", str(big), "export", "--format", "graphml", "-o", str(out / "g.graphml")),
        max(1, repeat // 3),
    )
    return Result(
        "html-graphml-50k", f"`awskg html` ({html:.2f} s) and `export --format graphml` ({graphml:.2f} s), 50,000 nodes, the slower",
        max(html, graphml), None, "—", "each under 8 s", max(html, graphml) < 8.0,
    )  # fmt: skip


def quiz_and_focus_5k(repeat: int) -> Result:
    """Issue 15 finding 10: the quiz and a small slice's page grow with the pack, not edges x nodes."""
    small, big = pack(5_000), pack(50_000)
    quiz5 = _whole(awskg("--no-builtin", "--pack", str(small), "quiz", "--count", "1", "--json"), repeat)
    focus5 = _whole(
        awskg("--no-builtin", "--pack", str(small), "html", "--focus", "c000100", "-o", str(HERE / "packs" / "f.html")),
        repeat,
    )
    quiz50 = _whole(awskg("--no-builtin", "--pack", str(big), "quiz", "--count", "1", "--json"), max(1, repeat // 3))
    result = Result(
        "quiz-focus-5k", f"`quiz --count 1` ({quiz5:.2f} s) and a 12-node `html --focus` ({focus5:.2f} s), 5,000 nodes, the slower",
        max(quiz5, focus5), None, "—", "each under 3 s", max(quiz5, focus5) < 3.0,
    )  # fmt: skip
    result.what += f"; `quiz --count 1` on 50,000 nodes: {quiz50:.2f} s"
    return result


def read_edgelist_no_gc(folder: Path) -> list[str]:
    """`read_edgelist` with the cyclic collector off, as awskg builds and reads its graphs (`paused_gc`).

    With it on, the baseline grows faster than its input: its collections
    rescan every edge read so far (about 0.4 s of 1.2 s at 50k, 1.2 s of 3 s at 100k).
    """
    code = "import gc; gc.disable(); " + read_edgelist(folder)[2]
    return [PY, "-c", code, str(folder / "edges.txt")]


SLICE_SIZES = (1_000, 10_000, 50_000, 100_000)


def _slice_costs(repeat: int) -> dict[int, tuple[float, float, float, float]]:
    """Issue 28: `html --focus` (a 5-7 concept page), `quiz --count 5`, `read_edgelist` with and without its collector, by size."""
    times = {}
    for size in SLICE_SIZES:
        big = pack(size)
        # one run to build the cache, so every size is measured cached, as a learner's second command is
        subprocess.run(awskg("--no-builtin", "--pack", str(big), "stats"), check=True, stdout=subprocess.DEVNULL)
        page = HERE / "packs" / "focus.html"
        focus_cmd = awskg("--no-builtin", "--pack", str(big), "html", "--focus", "c000100", "-o", str(page))
        quiz_cmd = awskg("--no-builtin", "--pack", str(big), "quiz", "--count", "5", "--json")
        runs: list[list[float]] = [[], [], [], []]
        for _ in range(repeat):  # alternately, so a slow moment of the machine hits every command
            for at, cmd in enumerate((focus_cmd, quiz_cmd, read_edgelist(big), read_edgelist_no_gc(big))):
                runs[at].append(timed(cmd))
        focus, quiz, base, base_no_gc = (statistics.median(r) for r in runs)
        times[size] = (focus, quiz, base, base_no_gc)
    return times


def slice_costs_flat(repeat: int) -> Result:
    """Both ratios stay flat (within 1.3x, largest over smallest) from 10k to 100k: a slice costs the slice, the quiz its questions.

    The verdict is the issue's measure: each command over `read_edgelist`, whole
    process. The row also gives the same ratios of what each size adds to the
    1,000-node run (start-up paid once, see cold-relate) over a baseline read
    with its collector off, as awskg reads: the two figures that decide whether
    the cost grows like the input, apart from what a process costs to start.
    """
    times = _slice_costs(repeat)
    sizes = SLICE_SIZES[1:]
    raw = {size: (times[size][0] / times[size][2], times[size][1] / times[size][2]) for size in sizes}
    start = times[SLICE_SIZES[0]]
    added = {size: tuple((times[size][i] - start[i]) / (times[size][3] - start[3]) for i in (0, 1)) for size in sizes}
    spread = max(max(r[i] for r in raw.values()) / min(r[i] for r in raw.values()) for i in (0, 1))
    added_spread = max(max(r[i] for r in added.values()) / min(r[i] for r in added.values()) for i in (0, 1))
    shown = "; ".join(f"{size // 1000}k: focus {f:.2f}x, quiz {q:.2f}x" for size, (f, q) in raw.items())
    shown_added = "; ".join(f"{size // 1000}k: focus {f:.2f}x, quiz {q:.2f}x" for size, (f, q) in added.items())
    return Result(
        "slice-costs",
        f"`html --focus` and `quiz --count 5` over `read_edgelist`, whole process, cached ({shown}). "
        f"Start-up at 1k: focus {start[0]:.2f} s, quiz {start[1]:.2f} s, read_edgelist {start[2]:.2f} s. "
        f"What each size adds over the 1k run, against `read_edgelist` with its collector off: {shown_added} "
        f"(spread {added_spread:.2f}x)",
        spread, None, "the larger spread (largest over smallest) of either ratio, 10k to 100k", "at most 1.3x",
        spread <= 1.3, unit="x",
    )  # fmt: skip


def _page_data_file(big: Path) -> Path:
    """The whole-map page's data for ``big``, as marshal data: what the floor encodes, read in no time."""
    saved = big.parent / f"{big.name}-page-data.marshal"
    code = (
        "import sys, marshal, awskg; from awskg.graph.cache import load_cached; from awskg.explorer.view import select;"
        "from awskg.exports.html import page_data; kg = load_cached([sys.argv[1]], builtin=False, version=awskg.__version__);"
        "open(sys.argv[2], 'wb').write(marshal.dumps(page_data(kg, select(kg), 'en')))"
    )
    subprocess.run([PY, "-c", code, str(big), str(saved)], check=True)
    return saved


def _html_floor(big: Path, saved: Path, out: Path) -> list[str]:
    """The least `awskg html` can cost: load the cached graph, `json.dumps` the page's data, write the file.

    The page's data is read ready-made (marshal, as the graph cache is); the
    process prints how long that took, and :func:`_floor_time` takes it off.
    """
    code = (
        "import sys, time, json, marshal, awskg; from awskg.graph.cache import load_cached;"
        "kg = load_cached([sys.argv[1]], builtin=False, version=awskg.__version__);"
        "t = time.perf_counter(); data = marshal.loads(open(sys.argv[2], 'rb').read()); t = time.perf_counter() - t;"
        "open(sys.argv[3], 'w', encoding='utf-8').write(json.dumps(data, ensure_ascii=False, separators=(',', ':')));"
        "print(t)"
    )
    return [PY, "-c", code, str(big), str(saved), str(out)]


def _floor_time(cmd: list[str]) -> float:
    """Wall time of the floor's process, less the time it spent reading the ready-made data."""
    start = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return time.perf_counter() - start - float(done.stdout)


def _html_against_floor(size: int, repeat: int) -> Result:
    """`awskg html` of the whole map against its serialization floor, alternately, cached (issue 28.4)."""
    big = pack(size)
    out = HERE / "packs" / "out"
    out.mkdir(exist_ok=True)
    subprocess.run(awskg("--no-builtin", "--pack", str(big), "stats"), check=True, stdout=subprocess.DEVNULL)
    saved = _page_data_file(big)
    ours_cmd = awskg("--no-builtin", "--pack", str(big), "html", "-o", str(out / "m.html"))
    floor_cmd = _html_floor(big, saved, out / "floor.html")
    ours, floor = [], []
    for _ in range(max(1, repeat // 2)):
        ours.append(timed(ours_cmd))
        floor.append(_floor_time(floor_cmd))
    saved.unlink()
    median, base = statistics.median(ours), statistics.median(floor)
    return Result(
        f"html-floor-{size // 1000}k", f"`awskg html`, whole map, {size:,} nodes, cached, whole process", median, base,
        "its floor: load the cache, `json.dumps` the page data, write the file", "at most 2.5x", median <= 2.5 * base,
    )  # fmt: skip


def html_floor_50k(repeat: int) -> Result:
    return _html_against_floor(50_000, repeat)


def html_floor_100k(repeat: int) -> Result:
    return _html_against_floor(100_000, repeat)


def memory_html_100k(repeat: int) -> Result:
    """Peak memory of the whole-map page of 100,000 nodes (issue 28.4: under 1 GB), its floor's beside it."""
    big = pack(100_000)
    out = HERE / "packs" / "out"
    out.mkdir(exist_ok=True)
    subprocess.run(awskg("--no-builtin", "--pack", str(big), "stats"), check=True, stdout=subprocess.DEVNULL)
    saved = _page_data_file(big)
    runs = max(1, repeat // 3)
    ours = statistics.median(
        peak_kb(awskg("--no-builtin", "--pack", str(big), "html", "-o", str(out / "m.html"))) for _ in range(runs)
    )
    floor = statistics.median(peak_kb(_html_floor(big, saved, out / "floor.html")) for _ in range(runs))
    saved.unlink()
    return Result(
        "memory-html-100k", "peak memory of `awskg html`, whole map, 100,000 nodes, cached", ours / 1024, floor / 1024,
        "its floor's peak (the cache, the page data, its JSON)", "under 1 GiB", ours < 1024 * 1024, unit="MiB",
    )  # fmt: skip


def _peak_against_edgelist(name: str, what: str, cmd: list[str], big: Path, repeat: int) -> Result:
    """Peak memory of ``cmd`` against ``read_edgelist`` of the same pack, medians of half the runs."""
    runs = max(1, repeat // 2)
    ours = statistics.median(peak_kb(cmd) for _ in range(runs))
    base = statistics.median(peak_kb(read_edgelist(big)) for _ in range(runs))
    return Result(
        name,
        what,
        ours / 1024,
        base / 1024,
        "`networkx.read_edgelist` baseline",
        "at most 2x",
        ours <= 2 * base,
        unit="MiB",
    )


def memory_50k(repeat: int) -> Result:
    big = pack(50_000)
    cmd = awskg("--no-builtin", "--pack", str(big), "check")
    return _peak_against_edgelist("memory-50k", "peak memory of `awskg check`, 50,000 nodes", cmd, big, repeat)


def cold_relate(repeat: int) -> Result:
    ours, base = medians(awskg("relate", "Fargate", "EKS"), [PY, "-c", "import networkx, click"], repeat)
    return Result(
        "cold-relate", "`awskg relate Fargate EKS`, built-in graph, whole process", ours, base,
        '`python -c "import networkx, click"`', "at most 1.5x", ours <= 1.5 * base,
    )  # fmt: skip


def relate_50k(repeat: int) -> Result:
    big = pack(50_000)
    a, b = "c012345", "c043210"  # six hops apart in the generated pack
    cmd = awskg("--no-builtin", "--pack", str(big), "relate", a, b, "--max-hops", "8")
    timed(cmd)  # the first run fills the cache of the large pack; queries after it are measured
    ours, _ = medians(cmd, None, repeat)
    return Result(
        "relate-50k", f"`awskg relate {a} {b} --max-hops 8`, 50,000 nodes, whole process", ours, None,
        "—", "under 2 s", ours < 2.0,
    )  # fmt: skip


def pyvis_html(folder: Path, out: Path) -> list[str]:
    code = (
        "import sys; from pyvis.network import Network; from awskg.graph.loading import load;"
        "kg = load([sys.argv[1]], builtin=False);"
        "net = Network(directed=True, cdn_resources='in_line'); net.from_nx(kg.graph);"
        "net.write_html(sys.argv[2], notebook=False)"
    )
    return [PY, "-c", code, str(folder), str(out)]


def html_10k(repeat: int) -> Result:
    out = HERE / "packs" / "page.html"
    big, small = pack(10_000), pack(1_000)
    ours, base = medians(
        awskg("--no-builtin", "--pack", str(big), "html", "-o", str(out)), pyvis_html(big, out), max(1, repeat // 3)
    )
    small_time, _ = medians(awskg("--no-builtin", "--pack", str(small), "html", "-o", str(out)), None, repeat)
    growth = ours / small_time
    result = Result(
        "html-10k", "`awskg html`, 10,000 nodes, whole process", ours, base,
        "pyvis `Network.from_nx` + `write_html`, same graph", "at most 0.5x; 10x nodes at most ~12x time",
        ours <= 0.5 * base and growth <= 12,
    )  # fmt: skip
    result.what += f" (1,000 nodes: {small_time:.3f} s, so 10x the nodes costs {growth:.1f}x)"
    return result


def sentences_10k(repeat: int) -> Result:
    """In process: everything the page says of each fact of a 10,000-node pack, both languages.

    awskg's page takes it from a :class:`Phrasebook`; the baseline asks the
    functions of :mod:`awskg.explorer.sentences` for the same five texts per
    fact and language (what the page did before), on the same loaded graph.
    Both run with the cyclic collector paused, as ``awskg html`` builds its page.
    """
    code = (
        "import sys, time, statistics;"
        "from awskg.graph.cache import load_cached;"
        "from awskg.explorer.phrasebook import Phrasebook;"
        "from awskg.explorer.sentences import sentence_parts, edge_label, predicate;"
        "import gc, awskg; kg = load_cached([sys.argv[1]], builtin=False, version=awskg.__version__); edges = list(kg.graph.edges(keys=True)); gc.disable();"
        "book = lambda: (lambda b: [b.fact(s, r, t, l) for s, t, r in edges for l in ('en', 'ko')])(Phrasebook(kg));"
        "each = lambda: [(sentence_parts(kg, s, r, t, l), sentence_parts(kg, s, r, t, l, inverse=True),"
        " edge_label(kg, s, r, t, l), predicate(kg, r, t, l), predicate(kg, r, s, l, inverse=True))"
        " for s, t, r in edges for l in ('en', 'ko')];"
        "timed = lambda f: (lambda t: (f(), time.perf_counter() - t)[1])(time.perf_counter());"
        "print(statistics.median(timed(book) for _ in range(int(sys.argv[2]))),"
        " statistics.median(timed(each) for _ in range(int(sys.argv[2]))))"
    )
    done = subprocess.run([PY, "-c", code, str(pack(10_000)), str(repeat)], check=True, capture_output=True, text=True)
    ours, base = map(float, done.stdout.split())
    return Result(
        "sentences-10k", "the page's sentences for every fact of a 10,000-node pack, both languages, in process",
        ours, base, "the same texts from `sentence_parts`, `edge_label` and `predicate`, call by call", "at most 0.3 s",
        ours <= 0.3,
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


def page_5k(repeat: int) -> Result:
    builtin_page = HERE / "packs" / "builtin-map.html"
    big_page = HERE / "packs" / "map-5k.html"
    builtin_page.parent.mkdir(exist_ok=True)
    subprocess.run(awskg("html", "-o", str(builtin_page)), check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        awskg("--no-builtin", "--pack", str(pack(5_000)), "html", "-o", str(big_page)),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    base = page_ready_ms(builtin_page, repeat)
    ours = page_ready_ms(big_page, repeat)
    return Result(
        "page-5k", "5,000-node page in headless Chromium, navigation to interactive", ours, base,
        "the built-in page: 120 nodes, physics stabilised", "under 5 s", ours < 5.0,
    )  # fmt: skip


COMPARISONS: dict[str, Callable[[int], Result]] = {
    "check-50k": check_50k,
    "cold-relate": cold_relate,
    "relate-50k": relate_50k,
    "html-10k": html_10k,
    "sentences-10k": sentences_10k,
    "page-5k": page_5k,
    "memory-50k": memory_50k,
    "load-50k": load_50k,
    "memory-load-50k": memory_load_50k,
    "relate-after-edit-50k": relate_after_edit_50k,
    "relate-cached-50k": relate_cached_after_export_50k,
    "relate-2hop-100k": relate_two_hops_100k,
    "relate-far-100k": relate_far_100k,
    "html-graphml-50k": export_50k,
    "quiz-focus-5k": quiz_and_focus_5k,
    "slice-costs": slice_costs_flat,
    "html-floor-50k": html_floor_50k,
    "html-floor-100k": html_floor_100k,
    "memory-html-100k": memory_html_100k,
}


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
        lines.append(f"| {r.what} | {r.ours:.3f} {r.unit} | {base} | {ratio} | {r.target} | {VERDICT[r.met]} |")
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
            f"{name}: awskg {result.ours:.3f}{result.unit}  baseline "
            + (f"{result.baseline:.3f}{result.unit}" if result.baseline is not None else "—")
            + f"  {ratio}  target {result.target}: {VERDICT[result.met]}"
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
