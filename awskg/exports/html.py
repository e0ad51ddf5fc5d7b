"""The learner's map: one self-contained, offline HTML page.

pyvis supplies the renderer: vis-network's bundled JavaScript and CSS, inlined
from pyvis's own files (found by :mod:`awskg.exports.vis`, without importing
pyvis), so the page needs no network. jinja2 fills the page template.
The page template and script are awskg's own: pyvis's stock template loads
Bootstrap from a CDN and writes titles through ``innerHTML``. Node and edge
lists are built directly (pyvis's per-node ``add_node`` checks are quadratic).

Data reaches the page only as JSON inside ``<script type="application/json">``,
with every ``<`` escaped so that no value can close the script, and the page
script writes every value with ``textContent``.

A page of 100,000 concepts is 140 MB of text: :func:`generate_html` hands it
out piece by piece, the concepts and facts a few thousand at a time, so a
writer never holds all of them at once, as objects or as text.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator
from importlib.resources import files
from itertools import islice
from typing import Any

from awskg import i18n
from awskg.explorer import paths
from awskg.explorer.citations import cite, docs_link
from awskg.explorer.evidence import closed_sides
from awskg.explorer.learn import learn
from awskg.explorer.phrasebook import FactText, Phrasebook
from awskg.explorer.quiz import candidates, questions
from awskg.explorer.sentences import relation_heading, relation_label
from awskg.explorer.tours import tour
from awskg.explorer.view import View
from awskg.exports.layout import MAX_OVERVIEW, cluster_layout, overview_layout
from awskg.exports.styles import FAMILIES, KIND_FAMILIES, kind_style, relation_family
from awskg.exports.vis import vis_network
from awskg.graph.loading import paused_gc
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import MIN_PREFIX
from awskg.i18n import LANGS, TEXT

__all__ = ["LARGE_GRAPH", "generate_html", "render_html"]

#: Above this many nodes the page opens whole, laid out by kind, and draws only what is on screen.
LARGE_GRAPH = 800
#: The page's quiz: the lengths a learner may choose (the first is not the default), the
#: default, and the seeds a set is drawn with. A set of N is ``awskg quiz --seed SEED --count N``
#: within the page's slice: the first N of the longest set, which is what the page holds.
QUIZ_LENGTHS = (5, 10, 20)
QUIZ_LENGTH = 10
QUIZ_SIZE = max(QUIZ_LENGTHS)
QUIZ_SEEDS = tuple(range(1, 41))
QUIZ_SEED = QUIZ_SEEDS[0]
#: How many concepts or facts the page's JSON is built and encoded at a time.
ROWS = 5000
#: Where the page's data goes in the rendered template (no template text holds it).
_DATA_SLOT = "\x00awskg-data\x00"
#: The page's scripts, inlined in this order: each file is one concern.
SCRIPTS = (
    "state.js",
    "names.js",
    "progress.js",
    "graph.js",
    "panel.js",
    "learn.js",
    "relate.js",
    "tours.js",
    "quiz.js",
    "start.js",
    "main.js",
)


def render_html(kg: KnowledgeGraph, view: View, lang: str = "en") -> str:
    """The whole page for ``view`` as one string, opening in ``lang``."""
    return "".join(generate_html(kg, view, lang))


def generate_html(kg: KnowledgeGraph, view: View, lang: str = "en") -> Iterator[str]:
    """The whole page for ``view``, opening in ``lang``, piece by piece (see the module's doc)."""
    from jinja2 import Environment

    env = Environment(autoescape=True)
    template = env.from_string(_asset("page.html.j2"))
    vis = vis_network()
    head, tail = template.render(
        lang=lang,
        title=page_title(kg, view, lang),
        data_json=_DATA_SLOT,
        vis_css=vis.css.read_text("utf-8"),
        vis_js=vis.js.read_text("utf-8"),
        page_css=_asset("page.css"),
        scripts=[{"name": name, "text": _asset(name)} for name in SCRIPTS],
    ).split(_DATA_SLOT)
    yield head
    yield from page_json(kg, view, lang)
    yield tail


def page_title(kg: KnowledgeGraph, view: View, lang: str) -> str:
    """What the page shows, for the browser's tab: the path's ends, or the whole map."""
    if view.paths:
        a, b = view.paths.from_["id"], view.paths.to["id"]
        return i18n.text(lang, "page_title_path", a=kg.label(a, lang), b=kg.label(b, lang))
    return i18n.text(lang, "title")


def embed_json(data: object) -> str:
    """JSON that is safe inside ``<script>``: nothing in it can end the element.

    Inside a script element only ``<`` starts markup (``</script``, ``<!--``);
    ``&`` and ``>`` are plain text there, and ``JSON.parse`` reads U+2028 in a
    string: so one pass that escapes every ``<`` is the whole rule.

    >>> embed_json({"a": "</script><!--&"})
    '{"a":"\\\\u003c/script>\\\\u003c!--&"}'
    """
    # ``data`` is a tree built for the page: checking it for cycles would only cost time
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), check_circular=False).replace("<", "\\u003c")


def page_json(kg: KnowledgeGraph, view: View, lang: str) -> Iterator[str]:
    """:func:`page_data` as :func:`embed_json` writes it, piece by piece: its concepts and facts ROWS at a time.

    >>> import awskg
    >>> from awskg.explorer.view import select
    >>> kg = awskg.load()
    >>> view = select(kg, focus="fargate")
    >>> "".join(page_json(kg, view, "en")) == embed_json(page_data(kg, view, "en"))
    True
    """
    # The page's data is millions of small objects, none in a cycle: the cyclic collector
    # would only scan them again and again (half the build). It is paused while each piece
    # is made, never across a ``yield``, so a reader that stops early leaves it as it was.
    with paused_gc():
        fields = _fields(kg, view, lang)
    for at, (key, value) in enumerate(fields.items()):
        yield ("," if at else "{") + embed_json(key) + ":"
        if isinstance(value, Iterator):
            yield from _json_rows(value)
        else:
            with paused_gc():
                text = embed_json(_built(value))
            yield text
    yield "}"


def _json_rows(rows: Iterator[Any]) -> Iterator[str]:
    """A JSON list of ``rows``, built and encoded ROWS at a time."""
    yield "["
    first = True
    while True:
        with paused_gc():  # see page_json
            batch = list(islice(rows, ROWS))
            text = embed_json(batch)[1:-1]
        if not batch:
            break
        yield ("" if first else ",") + text
        first = False
    yield "]"


def page_data(kg: KnowledgeGraph, view: View, lang: str) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-able data."""
    return {key: _built(value) for key, value in _fields(kg, view, lang).items()}


def _built(value: Any) -> Any:
    """A field of :func:`_fields` made whole: an iterator listed, a field known only later made now."""
    return list(value) if isinstance(value, Iterator) else value() if callable(value) else value


def _fields(kg: KnowledgeGraph, view: View, lang: str) -> dict[str, Any]:
    """:func:`page_data`, its concepts and facts still to build: each an iterator, read once, in key order.

    A field that depends on the facts already built (the texts they share) is a
    function, called when its turn comes, after them.
    """
    large = len(view.nodes) > LARGE_GRAPH
    # how many neighbors each concept has: the hub costs of relate, and a big map's first view
    breadth = {node: len(kg.neighbors(node)) for node in view.nodes}
    positions, first_view = _layout(kg, view, large, breadth)
    shown = set(view.nodes)
    book = Phrasebook(kg)
    used_values = {(p.dimension, p.value) for node in view.nodes for p in kg.properties_of(node)}
    texts: dict[str, int] = {}  # filled as the facts are built, so "said" comes after "edges"
    return {
        "lang": lang,
        "key": _content_key(view),
        "ui": TEXT,
        "tours": _tours(kg, view),
        "quiz": _quiz(kg, view),
        "learn": _learn(kg, view),
        "kinds": {k: _kind(kg, k) for k in sorted({kg.kind(n) for n in view.nodes})},
        "families": {f: {"color": c, "label": {"en": en, "ko": ko}} for f, (c, en, ko) in FAMILIES.items()},
        "kind_families": {f: {"color": c, "label": {"en": en, "ko": ko}} for f, (c, en, ko) in KIND_FAMILIES.items()},
        "relations": {r: _relation(kg, r) for r in sorted({r for _, r, _ in view.edges})},
        # name resolution: the CLI's own index (normalized name -> id), for the concepts shown
        "names": {key: node for key, node in kg.names.owner.items() if node in shown},
        # a word ending several names (게이트웨이) lists them all, as KnowledgeGraph.resolve does
        "heads": {head: kept for head, nodes in kg.heads.items() if len(kept := [n for n in nodes if n in shown]) > 1},
        "min_prefix": MIN_PREFIX,
        "ranking": _ranking(kg, max(breadth.values(), default=0)),
        # compare's evidence: each completeness mark with the shown concepts its side holds,
        # and the dimensions whose values can differ (exclusive or complete)
        "closed": [[*key, sorted(held & shown)] for key, held in closed_sides(kg, _marks_on(kg, shown)).items()],
        "compared_dimensions": {
            d: True for d, record in kg.dimensions.items() if record.has("exclusive") or record.has("complete")
        },
        "values": [f"{d}|{v}" for d, v in kg.values if (d, v) in used_values],
        **first_view,
        "nodes": (_node(kg, node, positions) for node in view.nodes),
        "edges": (_edge(kg, book, texts, key) for key in view.edges),
        # how each fact's texts are laid out (_said), and the texts they point at: known once the facts are built
        "said": lambda: {"slots": list(SAID_SLOTS), "texts": list(texts)},
        "langs": list(LANGS),
        "highlight": {"nodes": view.highlight_nodes, "edges": [f"{s}|{r}|{t}" for s, r, t in view.highlight_edges]}
        if view.paths
        else None,
        "path": [view.paths.from_["id"], view.paths.to["id"]] if view.paths else None,
        "title": {code: page_title(kg, view, code) for code in LANGS},
        "layout": {"large": large},
    }


def _marks_on(kg: KnowledgeGraph, shown: set[str]) -> list[tuple[str, str, str]]:
    """The completeness marks of the concepts on the page: the only ones its compare can ask about."""
    return [mark for mark in kg.complete if mark[0] in shown]


def _node(kg: KnowledgeGraph, node: str, positions: dict[str, tuple[int, int]]) -> dict[str, Any]:
    """A concept as the page draws and describes it: its texts, its cited properties, where it sits."""
    attrs = kg.node(node)
    item = {k: attrs[k] for k in ("label", "label_ko", "kind", "summary", "summary_ko", "docs", "aliases")}
    item["id"] = node
    if docs_link(attrs["docs"], "ko") != attrs["docs"]:
        item["docs_ko"] = docs_link(attrs["docs"], "ko")  # AWS's Korean page, for the page in Korean
    item["properties"] = [
        {
            "dim": p.dimension,
            "val": p.value,
            "dimension": {code: kg.dimension_label(p.dimension, code) for code in LANGS},
            "value": {code: kg.value_label(p.dimension, p.value, code) for code in LANGS},
            "note": {code: (code == "ko" and p.note_ko) or p.note for code in LANGS},
            "source_ref": p.source_ref,
            "source": {code: cite(p.source_ref, code) for code in LANGS},
        }
        for p in kg.properties_of(node)
    ]
    if node in positions:
        item["x"], item["y"] = positions[node]
    return item


def _edge(kg: KnowledgeGraph, book: Phrasebook, texts: dict[str, int], key: tuple[str, str, str]) -> dict[str, Any]:
    """A fact as the page draws and reads it: everything said of it, language after language (_said)."""
    source, relation, target = key
    data = kg.graph.get_edge_data(source, target, key=relation)
    source_ref = data.get("source_ref", "")
    edge = {
        "from": source,
        "to": target,
        "relation": relation,
        "source_ref": source_ref,
        "said": [
            text
            for code in LANGS
            for text in _said(
                book.fact(source, relation, target, code),
                book.openings(source, relation, target, code),
                (book.label(source, code), book.label(target, code)),
                texts,
            )
        ],
    }
    # Left out when the page can say them itself (state.js puts them back): most facts of
    # a big pack have no note and cite a URL as it is, and a fifth of the page was these.
    if data.get("note") or data.get("note_ko"):
        edge["note"] = {code: (code == "ko" and data.get("note_ko")) or data.get("note", "") for code in LANGS}
    sources = {code: cite(source_ref, code) for code in LANGS}
    if any(text != source_ref for text in sources.values()):
        edge["source"] = sources
    return edge


def _ranking(kg: KnowledgeGraph, degree: int) -> dict[str, Any]:
    """The ranking of relate, as data: the page runs paths.py's search over the same graph, whose
    concepts have at most ``degree`` neighbors."""
    return {
        "max_candidates": paths.MAX_CANDIDATES,
        "sibling_penalty": paths.SIBLING_PENALTY,
        "weak_penalty": paths.WEAK_PENALTY,
        # the hub cost of a node with k neighbors, computed here so both sides add the same floats
        "hub": [paths.HUB_WEIGHT * math.log2(1 + k) for k in range(degree + 1)],
        "hierarchy": sorted(kg.relations_with("hierarchy")),
        "weak": sorted(kg.relations_with("weak")),
        "symmetric": sorted(kg.relations_with("symmetric")),
        "classes": sorted(kg.kinds_with("class")),
    }


def _layout(
    kg: KnowledgeGraph, view: View, large: bool, breadth: dict[str, int]
) -> tuple[dict[str, tuple[int, int]], dict[str, Any]]:
    """Every concept's position, and what the first view shows.

    ``start``: the concepts the first view is about (the overview's, topic after
    topic; a big map's best-connected few). ``topics``: each topic's head, its
    concepts in the overview and every concept drawn with it. ``overview``: whether the page opens on the overview alone, the
    rest one action away (a map small enough to read whole, or one that shows paths, opens whole).
    """
    if large:
        best = sorted(view.nodes, key=lambda n: (-breadth[n], n))[:12]
        return cluster_layout(kg, view.nodes), {"start": best, "topics": [], "overview": False}
    drawn = overview_layout(kg, view.nodes)
    first = drawn.overview
    return drawn.positions, {
        "start": first,
        "topics": [
            {"head": head, "nodes": members, "members": [n for n in view.nodes if drawn.topic_of[n] == head]}
            for head, members in drawn.topics
        ],
        "overview": not view.paths and len(view.nodes) > MAX_OVERVIEW,
    }


#: What the page says of a fact in one language, slot by slot: each fact's ``said`` is these
#: slots for each language in turn, and the page reads them by these names (page data
#: ``said.slots``). Each slot is a number, a text of the page's ``said.texts``, where facts
#: share their words (a relation's phrase, in either language). ``label`` is the arrow's label; then the
#: sentence read from the source (``out``) and from the target (``back``), in four parts:
#: its opening (what the predicate leaves out, :meth:`~awskg.explorer.sentences.Phrase.opening`:
#: the subject's label, then this text; null for a sentence said whole), the words before the
#: object, the object (null when it is the other end's label, which the page has) and the
#: words after it. The sentence is the four joined; what compare says of that end, the last three.
SAID_SLOTS = (
    "label",
    "out_opening",
    "out_before",
    "out_object",
    "out_after",
    "back_opening",
    "back_before",
    "back_object",
    "back_after",
)


def _said(fact: FactText, openings: tuple[str, str], ends: tuple[str, str], texts: dict[str, int]) -> list[int | None]:
    """A fact's texts in one language, as :data:`SAID_SLOTS` lays them out.

    Containers and strings, not numbers, are what a big page costs to build,
    encode and read, so the page gets one flat list of numbers per fact.
    ``openings`` are where the sentences from either end begin with what their
    predicates leave out (:meth:`~awskg.explorer.sentences.Phrase.opening`, the
    subject's label and what follows it), ``ends`` the labels of the fact's
    source and target, and ``texts`` the page's texts, each given a number the
    first time it is seen.

    >>> from awskg.explorer.phrasebook import FactText
    >>> fact = FactText(("A needs ", "B", ""), ("B is needed by ", "A", ""), "needs", "needs B", "is needed by A")
    >>> texts = {}
    >>> _said(fact, ("A ", "B "), ("A", "B"), texts), list(texts)
    ([0, 1, 2, None, 3, 1, 4, None, 3], ['needs', ' ', 'needs ', '', 'is needed by '])
    """
    said: list[int | None] = [texts.setdefault(fact.label, len(texts))]
    sides = ((fact.out, openings[0], ends[0], ends[1]), (fact.back, openings[1], ends[1], ends[0]))
    for (before, obj, after), opening, subject, other in sides:
        said += [
            texts.setdefault(opening[len(subject) :], len(texts)) if opening else None,
            texts.setdefault(before[len(opening) :], len(texts)),
            None if obj == other else texts.setdefault(obj, len(texts)),
            texts.setdefault(after, len(texts)),
        ]
    return said


def _content_key(view: View) -> str:
    """A short digest of what the page shows: progress is stored under it, so maps don't mix."""
    digest = hashlib.sha256()
    for node in view.nodes:
        digest.update(node.encode() + b"\0")
    for source, relation, target in view.edges:
        digest.update(f"{source}|{relation}|{target}".encode() + b"\0")
    return digest.hexdigest()[:16]


def _tours(kg: KnowledgeGraph, view: View) -> dict[str, Any]:
    """Each tour whose stops are all on the page, with the edges linking each stop to the last."""
    shown_nodes, shown_edges = set(view.nodes), set(view.edges)
    out = {}
    for name in kg.tours:
        walk = tour(kg, name)
        if not all(stop.id in shown_nodes for stop in walk.stops):
            continue
        raw_stops = kg.tours[name]
        title = next((r.get("title") for r in raw_stops if r.get("title")), "") or name
        title_ko = next((r.get("title_ko") for r in raw_stops if r.get("title_ko")), "") or title
        out[name] = {
            "title": {"en": title, "ko": title_ko},
            "stops": [
                {
                    "node": stop.id,
                    "note": raw["note"],
                    "note_ko": raw["note_ko"],
                    "link": [
                        f"{h.source}|{h.relation}|{h.target}"
                        for h in stop.link
                        if (h.source, h.relation, h.target) in shown_edges
                    ],
                }
                for stop, raw in zip(walk.stops, raw_stops, strict=True)
            ],
        }
    return out


def _quiz(kg: KnowledgeGraph, view: View, count: int = QUIZ_SIZE) -> dict[str, Any]:
    """Question sets in both languages about the concepts on the page, one per seed.

    Each set is what ``awskg quiz --seed SEED --count QUIZ_SIZE`` draws within
    the page's slice, so every option can be clicked in the map. The questions'
    text is stored once (``pool``, the generator's candidates); a set is a
    list of [pool index, option ids], and, when the quiz says why a wrong
    option is wrong (its evidence's ``why``), that reason per option and language,
    as a number into ``why``, the reasons each said once.
    """
    if len(view.nodes) > LARGE_GRAPH:
        return {"pool": [], "sets": {}, "why": [], "lengths": list(QUIZ_LENGTHS), "length": QUIZ_LENGTH}
    within = set(view.nodes)
    texts = {code: candidates(kg, code, within) for code in LANGS}
    index = {(c.question, c.answer): i for i, c in enumerate(texts["en"])}
    used: dict[int, int] = {}
    pool: list[dict[str, Any]] = []
    sets: dict[str, list[list[object]]] = {}
    reasons: dict[str, int] = {}  # one seed's reason is most often another's: each said once
    for seed in QUIZ_SEEDS:
        drawn = []
        asked = {code: questions(kg, count=count, seed=seed, lang=code, within=within) for code in LANGS}
        for at_lang in zip(*asked.values(), strict=True):
            q = at_lang[0]
            at = index[(q.question, q.answer)]
            if at not in used:
                used[at] = len(pool)
                pool.append(_pool_item(texts, at, q))
            item: list[object] = [used[at], [o["id"] for o in q.options]]
            why = {
                code: {e["option"]: reasons.setdefault(e["why"], len(reasons)) for e in same.evidence if e.get("why")}
                for code, same in zip(LANGS, at_lang, strict=True)
            }
            if any(why.values()):
                item.append(why)
            drawn.append(item)
        sets[str(seed)] = drawn
    return {"pool": pool, "sets": sets, "why": list(reasons), "lengths": list(QUIZ_LENGTHS), "length": QUIZ_LENGTH}


def _learn(kg: KnowledgeGraph, view: View) -> dict[str, Any]:
    """Each concept's "Learn first" steps, exactly as ``awskg learn`` orders them, so the page never re-orders.

    ``steps`` maps a concept on the page to the ids it needs first (the goal
    itself left out); ``labels`` names, in both languages, the steps the page
    does not show. Left out for a page too large for physics, as the quiz is.
    """
    if len(view.nodes) > LARGE_GRAPH:
        return {"steps": {}, "labels": {}}
    steps: dict[str, list[str]] = {}
    for node in view.nodes:
        needed = [step.id for step in learn(kg, node).steps[:-1]]
        if needed:
            steps[node] = needed
    shown = set(view.nodes)
    off_map = sorted({n for needed in steps.values() for n in needed} - shown)
    return {"steps": steps, "labels": {n: [kg.label(n, code) for code in LANGS] for n in off_map}}


def _pool_item(texts: dict[str, list[Any]], at: int, q: Any) -> dict[str, Any]:
    """One question's texts in every language, its answer, fact and cited source."""
    return {
        "question": {code: texts[code][at].question for code in LANGS},
        "explanation": {code: texts[code][at].explanation for code in LANGS},
        "answer": q.answer,
        "edge": "{source}|{relation}|{target}".format(**q.edge) if q.edge else "",
        "source_ref": q.source_ref,
        "source": {code: cite(q.source_ref, code) for code in LANGS},
    }


def _kind(kg: KnowledgeGraph, kind: str) -> dict[str, Any]:
    record = kg.kinds[kind]
    style = kind_style(kg, kind)
    return {
        "label": record.label,
        "label_ko": record.label_ko or record.label,
        "family": style.family,
        "color": style.fill,
        "border": style.border,
        "shape": style.shape,
    }


def _relation(kg: KnowledgeGraph, relation: str) -> dict[str, Any]:
    record = kg.relations[relation]
    family, line = relation_family(kg, relation)
    return {
        "label": record.label,
        "inverse_label": record.inverse_label,
        "label_ko": relation_label(kg, relation, "ko"),
        "inverse_label_ko": relation_label(kg, relation, "ko", inverse=True),
        "heading_ko": relation_heading(kg, relation, "ko"),
        "inverse_heading_ko": relation_heading(kg, relation, "ko", inverse=True),
        "family": family,
        "line": line,
        "color": FAMILIES[family][0],
        "dashes": {"solid": False, "dashed": [8, 5], "dotted": [2, 4]}[line],
    }


def _asset(name: str) -> str:
    return (files("awskg.exports") / "templates" / name).read_text("utf-8")
