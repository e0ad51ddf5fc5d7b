"""Anki, SKOS and JSON-LD exports, each read back by its own ecosystem's reader.

An ``.apkg`` is opened as what Anki opens: a zip holding a SQLite collection.
Turtle and JSON-LD are parsed by rdflib and queried with SPARQL.
"""

from __future__ import annotations

import html
import io
import json
import os
import pty
import sqlite3
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

import awskg
from awskg.explorer.quiz import questions

HOSTILE_LABEL = "<script>alert(1)</script> Evil & <b>bold</b>"


@pytest.fixture
def hostile(make_pack) -> Path:
    """An overlay pack whose text is markup, with a fact the quiz can ask about and a hostile source."""
    return make_pack(
        nodes=[
            [
                "evil",
                HOSTILE_LABEL,
                "<img src=x onerror=alert(1)>악성",
                "service",
                "<svg onload=alert(1)>",
                "summary <iframe src=javascript:alert(1)>",
                "",
                'https://example.com/"><script>alert(1)</script>',
            ]
        ],
        edges=[["evil", "runs-on", "fargate", "<script>note</script>", "javascript:alert(1)"]],
        complete=[["evil", "runs-on", "out"]],
    )


def read_deck(data: bytes, tmp_path: Path) -> dict:
    """The notes, models and decks of an .apkg, read with zipfile and sqlite3 only."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert "collection.anki2" in archive.namelist()
    database = tmp_path / f"collection-{len(list(tmp_path.iterdir()))}.anki2"
    database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        models = json.loads(connection.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(connection.execute("SELECT decks FROM col").fetchone()[0])
        notes = [
            {"guid": guid, "model": models[str(mid)]["name"], "fields": flds.split("\x1f"), "tags": tags.split()}
            for guid, mid, flds, tags in connection.execute("SELECT guid, mid, flds, tags FROM notes")
        ]
        cards = connection.execute("SELECT nid, did FROM cards").fetchall()
    finally:
        connection.close()
    return {"notes": notes, "decks": {int(k): v["name"] for k, v in decks.items()}, "cards": cards}


def export_deck(invoke, tmp_path: Path, *args: str) -> bytes:
    out = tmp_path / f"deck-{len(list(tmp_path.iterdir()))}.apkg"
    result = invoke(*_split(args, out))
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def _split(args: tuple[str, ...], out: Path) -> list[str]:
    """Global options (``--lang``, ``--pack``) go before ``export``; the rest after."""
    head = []
    rest = list(args)
    while rest and rest[0] in ("--lang", "--pack"):
        head += rest[:2]
        rest = rest[2:]
    return [*head, "export", "--format", "anki", "-o", str(out), *rest]


def test_deck_holds_every_concept_term_and_question(invoke, kg, tmp_path):
    deck = read_deck(export_deck(invoke, tmp_path), tmp_path)
    by_model: dict[str, list] = {}
    for note in deck["notes"]:
        by_model.setdefault(note["model"], []).append(note)
    with_korean = [n for n, attrs in kg.graph.nodes(data=True) if attrs["label_ko"] not in ("", attrs["label"])]
    assert "fargate" not in with_korean and "availability-zone" in with_korean
    asked = questions(kg, count=10**6, within=set(kg.graph), distinct=False)
    assert len(by_model["awskg concept"]) == kg.graph.number_of_nodes()
    assert len(by_model["awskg term"]) == len(with_korean)
    assert len(by_model["awskg fact"]) == len(asked) > 0
    assert len(deck["notes"]) == kg.graph.number_of_nodes() + len(with_korean) + len(asked)
    # two cards per term note (both directions), one per concept and fact note
    assert len(deck["cards"]) == 2 * len(with_korean) + kg.graph.number_of_nodes() + len(asked)
    term = next(n for n in by_model["awskg term"] if n["fields"][0] == "Availability Zone")
    assert term["fields"][1] == "가용 영역" and term["fields"][3] == kg.summary("availability-zone", "ko")


def test_deck_is_korean_and_holds_no_markup_from_the_pack(invoke, tmp_path, hostile):
    data = export_deck(invoke, tmp_path, "--pack", str(hostile))
    fields = [f for note in read_deck(data, tmp_path)["notes"] for f in note["fields"]]
    text = "\n".join(fields)
    assert "가용 영역" in text and "리전" in text
    assert "<script" not in text.lower() and "<iframe" not in text.lower() and "<img" not in text.lower()
    assert "<svg" not in text.lower()
    assert html.escape(HOSTILE_LABEL) in fields
    # the source is shown as text, never as a link; the docs link keeps its quotes inside the attribute
    assert 'href="javascript' not in text.lower() and "Source: javascript:alert(1)" in text
    assert 'href="https://example.com/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in text


def test_guids_are_stable_and_unique(invoke, kg, tmp_path):
    first = read_deck(export_deck(invoke, tmp_path), tmp_path)["notes"]
    second = read_deck(export_deck(invoke, tmp_path), tmp_path)["notes"]
    guids = [n["guid"] for n in first]
    assert len(set(guids)) == len(guids)
    assert {(n["guid"], n["model"]) for n in first} == {(n["guid"], n["model"]) for n in second}
    import genanki

    assert genanki.guid_for("awskg", "concept", "fargate") in guids
    # derived from the fact triple (and the side asked) or the property, never from the wording
    expected = {
        genanki.guid_for("awskg", "fact", q.edge["source"], q.edge["relation"], q.edge["target"], q.answer)
        if q.edge
        else genanki.guid_for("awskg", "property", q.answer, q.property["dimension"], q.property["value"])
        for q in questions(kg, count=10**6, within=set(kg.graph), distinct=False)
    }
    assert expected == {n["guid"] for n in first if n["model"] == "awskg fact"}


def test_guids_do_not_depend_on_the_language_or_the_slice(invoke, tmp_path):
    whole = {n["guid"]: n for n in read_deck(export_deck(invoke, tmp_path), tmp_path)["notes"]}
    korean = read_deck(export_deck(invoke, tmp_path, "--lang", "ko", "--focus", "Fargate"), tmp_path)["notes"]
    assert korean and all(n["guid"] in whole and whole[n["guid"]]["model"] == n["model"] for n in korean)


def test_one_sub_deck_per_tour_in_tour_order_and_tags(invoke, kg, tmp_path):
    deck = read_deck(export_deck(invoke, tmp_path), tmp_path)
    names = sorted(name for name in deck["decks"].values() if name.startswith("awskg::"))
    tours = list(kg.tours)
    assert [name.split(" ", 1)[1] for name in names[: len(tours)]] == tours
    assert names[len(tours)].endswith("other-concepts")
    first_stop = kg.tours[tours[0]][0]["node"]
    note = next(n for n in deck["notes"] if n["model"] == "awskg concept" and n["fields"][0] == kg.label(first_stop))
    assert f"tour::{tours[0]}" in note["tags"] and f"kind::{kg.node(first_stop)['kind']}" in note["tags"]
    deck_of = {nid: deck["decks"][did] for nid, did in deck["cards"]}
    assert len(set(deck_of.values())) == len(tours) + 1


def test_tour_slice_and_front_language(invoke, kg, tmp_path):
    tour = "running-containers-on-aws"
    stops = {stop["node"] for stop in kg.tours[tour]}
    notes = read_deck(export_deck(invoke, tmp_path, "--lang", "ko", "--tour", tour), tmp_path)["notes"]
    concepts = [n for n in notes if n["model"] == "awskg concept"]
    assert {n["fields"][0] for n in concepts} == {html.escape(kg.label(s, "ko")) for s in stops}
    assert all(f"tour::{tour}" in n["tags"] for n in concepts)
    assert any(n["fields"][0] == "컨테이너 이미지" for n in concepts)


def test_unknown_tour_is_a_usage_error(invoke):
    result = invoke("export", "--format", "json", "--tour", "running-kontainers-on-aws")
    assert result.exit_code == 2 and "running-containers-on-aws" in result.stderr


def test_deck_to_a_pipe_is_bytes_and_to_a_terminal_is_refused(invoke):
    piped = invoke("export", "--format", "anki", "--focus", "Fargate")
    assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"PK\x03\x04")
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "awskg", "export", "--format", "anki"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        os.close(secondary)
        os.close(primary)
    assert done.returncode == 2 and "-o deck.apkg" in done.stderr


# --- SKOS and JSON-LD ----------------------------------------------------------------------------

SKOS = "http://www.w3.org/2004/02/skos/core#"
RUNS_ON_FARGATE = """
PREFIX awskg: <https://awskg.invalid/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?id WHERE {
  ?thing awskg:runs-on ?fargate .
  ?fargate skos:notation "fargate" .
  ?thing skos:notation ?id .
}
"""


def parse(text: str, syntax: str):
    """rdflib's own reading of an export.

    rdflib 7's JSON-LD parser builds a ConjunctiveGraph internally and warns about
    its own deprecation; that warning is rdflib's, not ours, so it alone is let through.
    """
    from rdflib import Graph

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=text, format=syntax)


@pytest.fixture(scope="module")
def rdf_exports():
    from click.testing import CliRunner

    from awskg.cli import cli

    parsed = {}
    for fmt, syntax in (("skos", "turtle"), ("jsonld", "json-ld")):
        result = CliRunner().invoke(cli, ["export", "--format", fmt])
        assert result.exit_code == 0, result.output
        parsed[fmt] = parse(result.stdout, syntax)
    return parsed


@pytest.mark.parametrize("fmt", ["skos", "jsonld"])
def test_sparql_answers_what_runs_on_fargate_like_neighbors(rdf_exports, run_json, fmt):
    around = run_json("neighbors", "Fargate", "--relation", "runs-on", "--direction", "in")
    expected = {node["id"] for group in around["groups"] for node in group["nodes"]}
    found = {str(row.id) for row in rdf_exports[fmt].query(RUNS_ON_FARGATE)}
    assert found == expected and "ecs-task" in found


def test_turtle_and_jsonld_hold_the_same_graph(rdf_exports):
    from rdflib.compare import isomorphic

    assert isomorphic(rdf_exports["skos"], rdf_exports["jsonld"])


def test_every_concept_in_one_scheme_with_both_labels(rdf_exports, kg):
    from rdflib import RDF, RDFS, SKOS, Literal, URIRef

    g = rdf_exports["skos"]
    schemes = list(g.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(schemes) == 1 and len(concepts) == kg.graph.number_of_nodes()
    assert all((c, SKOS.inScheme, schemes[0]) in g for c in concepts)
    az = URIRef("https://awskg.invalid/concept/availability-zone")
    assert (az, SKOS.prefLabel, Literal("Availability Zone", lang="en")) in g
    assert (az, SKOS.prefLabel, Literal("가용 영역", lang="ko")) in g
    assert (az, SKOS.definition, Literal(kg.summary("availability-zone", "ko"), lang="ko")) in g
    assert (az, SKOS.altLabel, Literal("AZ", lang="en")) in g
    assert (az, RDFS.seeAlso, URIRef(kg.node("availability-zone")["docs"])) in g
    for c in concepts:  # SKOS integrity: one prefLabel per language, disjoint from the altLabels
        labels = list(g.objects(c, SKOS.prefLabel))
        assert len({label.language for label in labels}) == len(labels)
        assert not set(labels) & set(g.objects(c, SKOS.altLabel))


def test_hierarchy_relations_are_broader_and_narrower(rdf_exports, kg):
    from rdflib import SKOS, URIRef

    g = rdf_exports["skos"]
    concept = "https://awskg.invalid/concept/"
    hierarchy = kg.relations_with("hierarchy")
    expected = {(s, t) for s, t, r in kg.graph.edges(keys=True) if r in hierarchy}
    broader = {(str(s)[len(concept) :], str(o)[len(concept) :]) for s, o in g.subject_objects(SKOS.broader)}
    narrower = {(str(o)[len(concept) :], str(s)[len(concept) :]) for s, o in g.subject_objects(SKOS.narrower)}
    assert broader == narrower == expected
    assert (URIRef(concept + "alb"), SKOS.broader, URIRef(concept + "elb")) in g
    assert (URIRef(concept + "eks"), SKOS.broader, URIRef(concept + "fargate")) not in g


def test_every_relation_is_a_property_with_its_labels(rdf_exports, kg):
    from rdflib import RDFS, Literal, Namespace

    g = rdf_exports["skos"]
    ns = Namespace("https://awskg.invalid/ns#")
    for name, record in kg.relations.items():
        assert (ns[name], RDFS.label, Literal(record.label, lang="en")) in g
        assert (ns[name], ns.inverseLabel, Literal(record.inverse_label, lang="en")) in g
    assert (ns["runs-on"], RDFS.label, Literal("A는 B에서 실행된다", lang="ko")) in g
    assert (ns["runs-on"], ns.inverseLabel, Literal("A는 B를 실행한다", lang="ko")) in g
    assert len(set(g.subject_objects(ns["runs-on"]))) == sum(
        1 for _, _, r in kg.graph.edges(keys=True) if r == "runs-on"
    )


def test_sources_are_on_reified_statements(rdf_exports, kg):
    from rdflib import RDF, Namespace
    from rdflib.namespace import DCTERMS

    g = rdf_exports["skos"]
    ns = Namespace("https://awskg.invalid/ns#")

    def local(term) -> str:
        return str(term).rsplit("/", 1)[1]

    statements = [
        (local(g.value(st, RDF.subject)), str(g.value(st, RDF.predicate)), local(g.value(st, RDF.object)), str(source))
        for st, source in g.subject_objects(DCTERMS.source)
    ]
    assert all((st, RDF.type, RDF.Statement) in g for st in g.subjects(DCTERMS.source))
    cited_edges = {
        (s, str(ns[r]), t, d["source_ref"]) for s, t, r, d in kg.graph.edges(keys=True, data=True) if d["source_ref"]
    }
    assert cited_edges <= set(statements)
    cited_properties = [p for props in kg.properties.values() for p in props if p.source_ref]
    assert len(statements) == len(set(statements)) == len(cited_edges) + len(cited_properties)


def test_properties_are_carried(rdf_exports, kg):
    from rdflib import SKOS, Literal, Namespace, URIRef

    g = rdf_exports["skos"]
    nlb = URIRef("https://awskg.invalid/concept/nlb")
    layer = URIRef("https://awskg.invalid/dimension/osi-layer")
    value = URIRef("https://awskg.invalid/value/osi-layer/l4")
    assert (nlb, layer, value) in g
    assert (value, SKOS.prefLabel, Literal(kg.value_label("osi-layer", "l4", "ko"), lang="ko")) in g
    dimension = Namespace("https://awskg.invalid/dimension/")
    stated = sum(len(props) for props in kg.properties.values())
    assert sum(len(set(g.subject_objects(dimension[d]))) for d in kg.dimensions) == stated


def test_hostile_text_round_trips_as_literals(make_pack, hostile):
    from rdflib import SKOS, Literal, URIRef

    from awskg.explorer.view import select
    from awskg.exports.formats import render

    kg = awskg.load([hostile])
    for fmt, syntax in (("skos", "turtle"), ("jsonld", "json-ld")):
        g = parse(render(kg, select(kg, focus="evil"), fmt), syntax)
        evil = URIRef("https://awskg.invalid/concept/evil")
        assert (evil, SKOS.prefLabel, Literal(HOSTILE_LABEL, lang="en")) in g
        assert (evil, SKOS.prefLabel, Literal("<img src=x onerror=alert(1)>악성", lang="ko")) in g
        assert Literal("javascript:alert(1)") in set(g.objects())


@pytest.mark.parametrize("fmt", ["skos", "jsonld"])
def test_rdf_exports_are_the_same_file_in_every_run(fmt):
    """rdflib's store order follows string hashing, which Python seeds afresh in each process."""
    import subprocess
    import sys

    runs = {
        subprocess.run(
            [sys.executable, "-m", "awskg", "export", "--format", fmt],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1
