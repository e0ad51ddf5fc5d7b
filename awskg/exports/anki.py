"""An Anki deck (``.apkg``), built with genanki: term, concept and fact cards.

Three note types:

``awskg term``
    One note per concept whose Korean label differs from its English one
    (``Fargate`` is ``Fargate`` in Korean too: nothing to learn), two cards:
    Korean → English and English → Korean, the summary in the answer's
    language on the back.
``awskg concept``
    The name on the front (in ``lang``); the summary, the concept's facts read
    as sentences, its properties and its docs link on the back.
``awskg fact``
    Every question the quiz generator can ask (:func:`awskg.explorer.quiz.questions`
    over the whole slice) as question and answer: the stem and its options on
    the front, the answer, the explanation, why each wrong option is wrong
    and the source on the back. Each wrong option has positive evidence in
    the graph, so each card has exactly one right answer.

GUIDs come from concept ids and fact triples (``genanki.guid_for``), so a
newer deck imported over an older one updates its notes and keeps the
learner's review history. Notes carry the current time as their modification
time, because Anki updates a note on import only when the incoming one is newer.

Each concept is filed in the sub-deck of the first tour that stops at it
(``awskg::01 cloud-basics-in-order``; numbered, since Anki sorts decks by
name), the others in ``awskg::NN other-concepts``; a fact card goes where its
first concept goes. Tags name the kind (``kind::service``), every tour the
concept is on (``tour::...``) and the note type (``awskg::term``).

Fields are HTML to Anki, and a pack holds text: every value is escaped with
:func:`html.escape`, Anki's own ``[sound:]`` and ``[latex]`` tags and
MathJax's ``\\(`` ``\\[`` delimiters are broken (:func:`_text`), and only
``http(s)`` URLs become links.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import sqlite3
import sys
import tempfile
import time
import zipfile
from html import escape
from pathlib import Path
from types import ModuleType
from typing import Any

import networkx as nx

from awskg import i18n
from awskg.explorer.citations import cite, docs_link
from awskg.explorer.quiz import Question, questions
from awskg.explorer.sentences import sentence
from awskg.graph.model import KnowledgeGraph
from awskg.graph.text import is_web_url

__all__ = ["DECK", "render_anki"]

#: The parent deck's name; tours are its sub-decks.
DECK = "awskg"
# Fixed ids, so that a re-import finds the same note types (random numbers, chosen once).
_TERM_MODEL_ID = 1607392319
_CONCEPT_MODEL_ID = 1607392320
_FACT_MODEL_ID = 1607392321

_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: center; color: #222; background: #fff; }
.summary, .facts, .source, .docs, .options { font-size: 16px; text-align: left; }
.kind { font-size: 13px; color: #666; }
.other { color: #555; }
"""


def render_anki(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> bytes:
    """The ``.apkg`` file (a zip holding a SQLite collection) for the concepts and facts in ``graph``.

    >>> import awskg, zipfile, io
    >>> from awskg.exports.subgraph import sliced
    >>> from awskg.explorer.view import select
    >>> kg = awskg.load()
    >>> deck = render_anki(kg, sliced(kg, select(kg, focus="fargate")))
    >>> zipfile.ZipFile(io.BytesIO(deck)).namelist()
    ['collection.anki2', 'media']
    """
    import genanki

    models = _models(genanki)
    home = _homes(kg, graph)
    decks: dict[str, genanki.Deck] = {}

    def deck_of(node: str) -> genanki.Deck:
        name = home[node]
        if name not in decks:
            decks[name] = genanki.Deck(_deck_id(name), name)
        return decks[name]

    for node in graph:
        attrs = graph.nodes[node]
        tags = _tags(kg, node)
        if attrs.get("label_ko") and attrs["label_ko"] != attrs["label"]:
            fields = [
                _text(attrs["label"]),
                _text(attrs["label_ko"]),
                _text(attrs.get("summary", "")),
                _text(attrs.get("summary_ko", "")),
                _text(", ".join(attrs.get("aliases", []))),
                _text(kg.kind_label(attrs["kind"], "en")),
                _text(kg.kind_label(attrs["kind"], "ko")),
            ]
            note = genanki.Note(models["term"], fields, tags=[*tags, "awskg::term"], guid=_guid("term", node))
            deck_of(node).add_note(note)
        deck_of(node).add_note(
            genanki.Note(
                models["concept"],
                _concept_fields(kg, graph, node, lang),
                tags=[*tags, "awskg::concept"],
                guid=_guid("concept", node),
            )
        )
    for question in _questions(kg, graph, lang):
        first = question.edge.get("source") or question.answer
        deck_of(first if first in home else question.answer).add_note(
            genanki.Note(
                models["fact"],
                _fact_fields(kg, question, lang),
                tags=[*_tags(kg, question.answer), "awskg::fact"],
                guid=_fact_guid(question),
            )
        )
    ordered = [decks[name] for name in sorted(decks)]
    return _package(genanki, ordered)


def _package(genanki: ModuleType, decks: list[Any]) -> bytes:
    """The zip genanki's ``Package.write_to_file`` makes, in memory, its scratch database removed."""
    package = genanki.Package(decks)
    timestamp = time.time()
    with tempfile.TemporaryDirectory(prefix="awskg-anki-") as scratch:
        database = Path(scratch) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
    return buffer.getvalue()


def _questions(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str) -> list[Question]:
    """Every question about the slice, each once, in a stable order (options drawn with a fixed seed)."""
    drawn = questions(kg, count=sys.maxsize, seed=0, lang=lang, within=set(graph), distinct=False)
    return sorted(drawn, key=_fact_guid)


def _fact_guid(question: Question) -> str:
    if question.edge:
        edge = question.edge
        return _guid("fact", edge["source"], edge["relation"], edge["target"], question.answer)
    return _guid("property", question.answer, question.property["dimension"], question.property["value"])


def _guid(*values: str) -> str:
    import genanki

    return str(genanki.guid_for("awskg", *values))


def _deck_id(name: str) -> int:
    """A stable deck id from the deck's name: positive, and below 2**53 so JSON readers keep it exact."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:6], "big") | (1 << 40)


def _homes(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str]) -> dict[str, str]:
    """node -> the name of its sub-deck: its first tour, in tour order, else "other concepts"."""
    home: dict[str, str] = {}
    for number, (name, stops) in enumerate(kg.tours.items(), 1):
        for stop in stops:
            if stop["node"] in graph:
                home.setdefault(stop["node"], f"{DECK}::{number:02d} {name}")
    rest = f"{DECK}::{len(kg.tours) + 1:02d} other-concepts"
    return {node: home.get(node, rest) for node in graph}


def _tags(kg: KnowledgeGraph, node: str) -> list[str]:
    tours = [f"tour::{name}" for name, stops in kg.tours.items() if any(s["node"] == node for s in stops)]
    return [f"kind::{kg.node(node)['kind']}", *tours]


def _text(value: str) -> str:
    r"""Pack text as an Anki field: HTML-escaped, and holding nothing Anki or MathJax acts on.

    Anki plays ``[sound:…]`` and typesets ``[latex]``/``[$]`` wherever they
    stand in a field's HTML; an entity for ``[`` shows the same and matches
    neither. MathJax reads ``\(`` and ``\[`` in the text it is shown, after
    entities are decoded: an invisible word joiner after each backslash breaks
    every such delimiter.

    >>> _text("[sound:x.mp3] \\(x\\) <b>")
    '&#91;sound:x.mp3] \\\u2060(x\\\u2060) &lt;b&gt;'
    """
    return escape(value).replace("[", "&#91;").replace("\\", "\\\u2060")


def _link(url: str, text: str) -> str:
    """An ``<a>`` for an http(s) URL; anything else stays escaped text."""
    if is_web_url(url):
        return f'<a href="{escape(url, quote=True)}">{_text(text)}</a>'
    return _text(text)


def _concept_fields(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], node: str, lang: str) -> list[str]:
    other = "en" if lang == "ko" else "ko"
    facts = [sentence(kg, s, r, t, lang) for s, t, r in graph.out_edges(node, keys=True)]
    facts += [sentence(kg, s, r, t, lang) for s, t, r in graph.in_edges(node, keys=True)]
    properties = [
        f"{kg.dimension_label(p.dimension, lang)}: {kg.value_label(p.dimension, p.value, lang)}"
        for p in kg.properties_of(node)
    ]
    docs = kg.node(node).get("docs", "")
    return [
        _text(kg.label(node, lang)),
        _text(kg.label(node, other)),
        _text(kg.kind_label(kg.node(node)["kind"], lang)),
        _text(kg.summary(node, lang)),
        _list(i18n.text(lang, "facts"), sorted(facts)),
        _list(i18n.text(lang, "properties"), properties),
        _link(docs_link(docs, lang), i18n.text(lang, "documentation")) if docs else "",
    ]


def _list(title: str, items: list[str]) -> str:
    if not items:
        return ""
    return f"<b>{_text(title)}</b><ul>" + "".join(f"<li>{_text(item)}</li>" for item in items) + "</ul>"


def _fact_fields(kg: KnowledgeGraph, question: Question, lang: str) -> list[str]:
    options = "".join(f"<li>{_text(o['label'])}</li>" for o in question.options)
    source = question.source_ref
    shown = cite(source, lang)
    return [
        _text(question.question),
        f'<ol type="A">{options}</ol>',
        _text(kg.label(question.answer, lang)),
        _text(question.explanation) + _whys(question),
        f"{_text(i18n.text(lang, 'source'))}: {_link(docs_link(source, lang), shown)}" if source else "",
    ]


def _whys(question: Question) -> str:
    """Why each wrong option is wrong, one line each after the explanation (inline, as the field is a paragraph)."""
    return "".join(f'<br><span class="why">✗ {_text(e["why"])}</span>' for e in question.evidence if e.get("why"))


def _models(genanki: ModuleType) -> dict[str, Any]:
    term = genanki.Model(
        _TERM_MODEL_ID,
        "awskg term",
        fields=[
            {"name": name}
            for name in ("English", "Korean", "Summary", "SummaryKorean", "Aliases", "Kind", "KindKorean")
        ],
        templates=[
            {
                "name": "Korean → English",
                "qfmt": '{{Korean}}<div class="kind">{{KindKorean}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer">{{English}}'
                '<div class="other">{{Aliases}}</div><p class="summary">{{Summary}}</p>',
            },
            {
                "name": "English → Korean",
                "qfmt": '{{English}}<div class="kind">{{Kind}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer">{{Korean}}<p class="summary">{{SummaryKorean}}</p>',
            },
        ],
        css=_CSS,
    )
    concept = genanki.Model(
        _CONCEPT_MODEL_ID,
        "awskg concept",
        fields=[{"name": name} for name in ("Name", "OtherName", "Kind", "Summary", "Facts", "Properties", "Docs")],
        templates=[
            {
                "name": "Concept",
                "qfmt": '{{Name}}<div class="kind">{{Kind}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer"><div class="other">{{OtherName}}</div>'
                '<p class="summary">{{Summary}}</p><div class="facts">{{Facts}}{{Properties}}</div>'
                '<div class="docs">{{Docs}}</div>',
            }
        ],
        css=_CSS,
    )
    fact = genanki.Model(
        _FACT_MODEL_ID,
        "awskg fact",
        fields=[{"name": name} for name in ("Question", "Options", "Answer", "Explanation", "Source")],
        templates=[
            {
                "name": "Question",
                "qfmt": '{{Question}}<div class="options">{{Options}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer"><b>{{Answer}}</b><p class="summary">{{Explanation}}</p>'
                '<div class="source">{{Source}}</div>',
            }
        ],
        css=_CSS,
    )
    return {"term": term, "concept": concept, "fact": fact}
