"""Generate a synthetic pack of a given size for the benchmarks.

    python benchmarks/generate.py 10000 benchmarks/packs/10k

Nodes get Korean labels and aliases and the built-in pack's kinds; each node
has three outgoing edges on average with the built-in pack's relation mix.
``is-a`` and ``part-of`` edges always point at an older node, so they never
form a cycle. The same edges are also written as ``edges.txt`` (a plain edge
list) for the ``networkx.read_edgelist`` baseline.
"""

from __future__ import annotations

import csv
import random
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from awskg.graph.loading import BUILTIN_PACK  # noqa: E402
from awskg.graph.vocabulary import SCHEMAS  # noqa: E402

KO_WORDS = ["서버", "네트워크", "저장소", "함수", "컨테이너", "리전", "영역", "보안", "관리", "서비스"]


def builtin_mix() -> tuple[list[str], list[str], list[int], list[str], list[int]]:
    with open(BUILTIN_PACK / "nodes.csv", encoding="utf-8") as f:
        kinds = Counter(row["kind"] for row in csv.DictReader(f))
    with open(BUILTIN_PACK / "edges.csv", encoding="utf-8") as f:
        relations = Counter(row["relation"] for row in csv.DictReader(f))
    kind_names = list(kinds)
    relation_names = list(relations)
    return (
        kind_names,
        kind_names,
        [kinds[k] for k in kind_names],
        relation_names,
        [relations[r] for r in relation_names],
    )


def generate(size: int, folder: Path, seed: int = 1) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    _, kind_names, kind_weights, relation_names, relation_weights = builtin_mix()
    for name in ("relations", "kinds", "values"):
        shutil.copy(BUILTIN_PACK / SCHEMAS[name].filename, folder / SCHEMAS[name].filename)
    # the dimensions without applies_to: it names built-in concepts, which a generated pack has not
    with open(BUILTIN_PACK / "dimensions.csv", encoding="utf-8") as f:
        dimensions = [{**row, "applies_to": ""} for row in csv.DictReader(f)]
    with open(folder / "dimensions.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(dimensions[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(dimensions)
    ids = [f"c{i:06d}" for i in range(size)]
    with open(folder / "nodes.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(SCHEMAS["nodes"].columns)
        for i, node in enumerate(ids):
            word = KO_WORDS[i % len(KO_WORDS)]
            writer.writerow(
                [
                    node,
                    f"Concept {i}",
                    f"{word} 개념 {i}",
                    rng.choices(kind_names, kind_weights)[0],
                    f"alias-{i};별칭 {i}",
                    f"Synthetic concept number {i}, used to measure awskg at scale.",
                    f"규모 측정을 위한 합성 개념 {i}번.",
                    f"https://example.com/docs/{i}" if i % 4 == 0 else "",
                    "",
                ]
            )
    with open(BUILTIN_PACK / "relations.csv", encoding="utf-8") as f:
        traits = {row["name"]: set(row["traits"].split()) for row in csv.DictReader(f)}
    # edges of acyclic relations point to earlier nodes only, and so do symmetric ones (so that
    # no fact is stated both ways) and prerequisite ones (what is needed first comes earlier, so
    # no chain of prerequisites, across relations, returns to where it began)
    backwards = {name for name, words in traits.items() if words & {"acyclic", "symmetric", "prerequisite"}}
    seen: set[tuple[str, str, str]] = set()
    with (
        open(folder / "edges.csv", "w", newline="", encoding="utf-8") as f,
        open(folder / "edges.txt", "w", encoding="utf-8") as plain,
    ):
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(SCHEMAS["edges"].columns)
        for i in range(1, size):
            for _ in range(3):
                relation = rng.choices(relation_names, relation_weights)[0]
                j = rng.randrange(i) if relation in backwards else rng.randrange(size)
                key = (ids[i], relation, ids[j])
                if i == j or key in seen:
                    continue
                seen.add(key)
                writer.writerow([ids[i], relation, ids[j], "", f"https://example.com/ref/{i}", ""])
                plain.write(f"{ids[i]} {ids[j]} {relation}\n")
    _properties(folder, ids, rng)
    return folder


def _properties(folder: Path, ids: list[str], rng: random.Random) -> None:
    """Properties on a fifth of the nodes and a completeness mark on every 500th, as the quiz meets them."""
    with open(BUILTIN_PACK / "values.csv", encoding="utf-8") as f:
        values: dict[str, list[str]] = {}
        for row in csv.DictReader(f):
            values.setdefault(row["dimension"], []).append(row["value"])
    with open(BUILTIN_PACK / "dimensions.csv", encoding="utf-8") as f:
        ruled = [row["name"] for row in csv.DictReader(f) if row["traits"]]
    with open(folder / "properties.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(SCHEMAS["properties"].columns)
        for node in ids[::5]:
            dimension = rng.choice(ruled)
            writer.writerow([node, dimension, rng.choice(values[dimension]), "", "", "https://example.com/p"])
    with open(folder / "complete.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(SCHEMAS["complete"].columns)
        for node in ids[::500]:
            writer.writerow([node, "uses", rng.choice(["in", "out"]), "", "https://example.com/c"])


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
