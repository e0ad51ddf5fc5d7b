"""The page's copy of Python's logic, held to Python's answers under plain node (no browser).

The page resolves names, relates and compares in JavaScript. Python writes the
page data and the questions with its own answers; tests/page_contract.js runs
the page's scripts on them in node and the answers must be equal, key for key:
every spelling of a sample of concepts, relate and compare over pairs in both
languages, a pack of more than 2,000 names in several scripts, and every fact's
texts as the page reads them from its data (html.py's SAID_SLOTS).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from parity import page_answer, python_answer, python_resolution, sample, spellings

import awskg
from awskg.errors import NoPath
from awskg.explorer.compare import compare
from awskg.explorer.paths import relate
from awskg.explorer.phrasebook import Phrasebook
from awskg.explorer.view import select
from awskg.exports.html import page_data

TEMPLATES = Path(awskg.__file__).parent / "exports" / "templates"
HARNESS = Path(__file__).parent / "page_contract.js"


def page_answers(kg, questions: list[list[str | None]], tmp_path: Path) -> list:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is needed for the page contract (CI installs npm, which brings it)")
        pytest.skip("node is not installed")
    data, asked = tmp_path / "data.json", tmp_path / "questions.json"
    data.write_text(json.dumps(page_data(kg, select(kg), "en")), "utf-8")
    asked.write_text(json.dumps(questions), "utf-8")
    done = subprocess.run([node, str(HARNESS), str(data), str(TEMPLATES), str(asked)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_spelling_resolves_in_the_page_as_in_the_cli(kg, tmp_path):
    texts = spellings(kg)
    got = page_answers(kg, [["resolve", t, None, None] for t in texts], tmp_path)
    assert len(got) == len(texts) > 500
    for text, resolved in zip(texts, got, strict=True):
        assert resolved == python_resolution(kg, text), text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_relate_and_compare_in_the_page_equal_the_cli(kg, tmp_path, lang):
    ids = sample(kg)[::2]
    pairs = [(a, b) for a in ids for b in ids if a != b]
    questions = [[how, a, b, lang] for a, b in pairs for how in ("relate", "compare")]
    got = page_answers(kg, questions, tmp_path)
    for (how, a, b, _), answer in zip(questions, got, strict=True):
        function = relate if how == "relate" else compare
        assert page_answer(answer) == python_answer(function, kg, a, b, lang), (how, a, b)


def test_a_pack_of_many_names_in_many_scripts_resolves_alike(make_pack, tmp_path):
    # more than 2,000 names (the page's shortlist threshold), in Latin, Hangul, Greek, Cherokee
    # and letters whose case folding NFKC and JavaScript disagree on (ǰ, ꭰ, ᾈ)
    words = ["alpha", "베타", "ǰota", "ꭰꭱꭲ", "ᾈδης", "Ωmega", "ﬁber", "Ａｍａｚｏｎ"]
    nodes = [
        [
            f"n{i:04d}",
            f"{words[i % len(words)]} {i}",
            f"개념 {i}",
            "concept",
            f"alias {i};별칭 {i};{words[(i + 3) % 8]}-{i}",
        ]
        for i in range(800)
    ]
    kg = awskg.load([make_pack(nodes=nodes)])
    texts = []
    for row in nodes[::37]:
        for name in (row[1], row[2], row[4].split(";")[2]):
            texts += [name, name.upper(), name.casefold(), name[:-1], name[1:], name.replace(" ", "")]
    texts += ["ǰ", "ꭰ", "ᾈ", "ΩMEGA 7", "ＡＭＡＺＯＮ 7"]
    assert len(kg.names.owner) > 2000
    got = page_answers(kg, [["resolve", t, None, None] for t in texts], tmp_path)
    for text, resolved in zip(texts, got, strict=True):
        assert resolved == python_resolution(kg, text), text


def facts_as_python_says_them(kg, tmp_path: Path, about: set[str] | None = None) -> None:
    """Every fact of the page (or those from ``about``), in both languages, read by the page as the phrasebook says it."""
    edges = [(s, t, r) for s, t, r in kg.graph.edges(keys=True) if about is None or s in about]
    facts = [(s, r, t, lang) for s, t, r in edges for lang in ("en", "ko")]
    got = page_answers(kg, [["fact", f"{s}|{r}|{t}", None, lang] for s, r, t, lang in facts], tmp_path)
    book = Phrasebook(kg)
    for (source, relation, target, lang), page in zip(facts, got, strict=True):
        said = book.fact(source, relation, target, lang)
        assert page == {
            "label": said.label,
            "out": list(said.out),
            "in": list(said.back),
            "pred": [said.of_source, said.of_target],
        }, (source, relation, target, lang)


def test_every_fact_reads_in_the_page_as_python_says_it(kg, tmp_path):
    facts_as_python_says_them(kg, tmp_path)


def test_odd_readings_and_labels_read_in_the_page_as_python_says_them(make_pack, tmp_path):
    """Readings that do not open with their subject, name it twice or have no Korean; labels beyond U+FFFF."""
    columns = "name,label,inverse_label,label_ko,inverse_label_ko,description,traits,family,line\n"
    relations = columns + "\n".join(
        [
            "wants,wants,is wanted by,{o}을/를 {s}이/가 원한다,{s}은/는 {o}이/가 원하는 것이다,A want.,,use,solid",
            "pairs,pairs with,pairs with,{s}은/는 {o}과/와 {s}의 짝이다,,Pairs.,,use,solid",
            "plain,plainly links,is plainly linked by,,,No Korean reading.,,use,dotted",
        ]
    )
    labels = [("𝔸 node", "𝔸 노드"), ("S9 tub", "통"), ("Lane 53", "레인 오십삼"), ("무엇", "무엇인가"), ("x", "")]
    nodes = [[f"n{i}", en, ko, "concept"] for i, (en, ko) in enumerate(labels)]
    edges = [
        [f"n{i}", relation, f"n{j}", "", "https://example.com/a"]
        for i in range(len(labels))
        for j in range(len(labels))
        if i != j
        for relation in ("wants", "pairs", "plain", "uses")
    ]
    kg = awskg.load([make_pack(nodes=nodes, edges=edges, relations=relations)])
    facts_as_python_says_them(kg, tmp_path, {row[0] for row in nodes})


def test_relate_over_near_and_far_pairs_of_a_big_pack_equals_the_cli(make_pack, tmp_path):
    """Pairs 2 to 7 hops apart, up to 8 hops, in a pack with hubs, classes and weak facts:
    the page bounds its walk by what its search found, and must still rank as Python does."""
    import random

    import networkx as nx

    rng = random.Random(7)
    size = 1500
    nodes = [
        [f"g{i:04d}", f"Node {i}", f"노드 {i}", "characteristic" if i % 50 == 7 else "service"] for i in range(size)
    ]
    edges = {}
    for i in range(1, size):
        for relation in rng.sample(["uses", "triggers", "part-of", "integrates-with", "manages"], 2):
            # the older a node, the likelier it is a hub; acyclic and symmetric facts point back
            j = int(i * rng.random() ** 2)
            if relation in ("uses", "triggers", "manages") and rng.random() < 0.5:
                j = rng.randrange(size)
            if j != i:
                edges[(f"g{i:04d}", relation, f"g{j:04d}")] = [
                    f"g{i:04d}",
                    relation,
                    f"g{j:04d}",
                    "",
                    "https://example.com/e",
                ]
    kg = awskg.load([make_pack(nodes=nodes, edges=list(edges.values()))])
    undirected = kg.graph.to_undirected(as_view=True)
    questions = []
    for a in [f"g{i:04d}" for i in rng.sample(range(size), 6)]:
        hops = nx.single_source_shortest_path_length(undirected, a, cutoff=7)
        for distance in range(2, 8):
            ends = sorted(n for n, d in hops.items() if d == distance and n.startswith("g"))
            if ends:
                questions += [["relate", a, rng.choice(ends), lang, 8] for lang in ("en", "ko")]
    assert {len(nx.shortest_path(undirected, q[1], q[2])) - 1 for q in questions} >= {2, 5, 6}
    got = page_answers(kg, questions, tmp_path)
    for (_, a, b, lang, max_hops), answer in zip(questions, got, strict=True):
        try:
            expected = relate(kg, a, b, lang=lang, max_hops=max_hops).to_json()
        except NoPath:
            expected = "no-path"
        assert page_answer(answer) == expected, (a, b, lang)
