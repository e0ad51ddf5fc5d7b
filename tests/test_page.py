"""The learner's map v2 in headless Chromium: the page answers as the CLI does, on any screen.

Tests that only read share one loaded page per module; tests that change
storage open their own context.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from parity import page_answer, python_answer, python_resolution, sample, spellings

import awskg
from awskg.cli import cli
from awskg.explorer.compare import compare
from awskg.explorer.paths import relate
from awskg.explorer.quiz import questions
from awskg.explorer.view import select
from awskg.exports.html import QUIZ_LENGTH, render_html

from browser import evaluate_json, open_map, wait_ready

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.browser
# the page the tests that only read share (conftest.shared_map)
MAP_VIEWPORT = (1280, 720)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_relate_and_compare_equal_the_cli_for_every_pair(shown, kg, lang):
    ids = sample(kg)
    assert len(ids) >= 60
    pairs = [(a, b) for a in ids for b in ids if a != b]
    got = evaluate_json(
        shown.page,
        "([pairs, lang]) => pairs.map(([a, b]) => [awskg.relate(a, b, {lang}), awskg.compare(a, b, {lang})])",
        [pairs, lang],
    )
    for (a, b), (paths, comparison) in zip(pairs, got, strict=True):
        assert page_answer(paths) == python_answer(relate, kg, a, b, lang), (a, b)
        assert page_answer(comparison) == python_answer(compare, kg, a, b, lang), (a, b)
    # ... and those are what the commands print, names resolved the same way
    from click.testing import CliRunner

    for a, b in [("Fargate", "EKS"), ("가용 영역", "리전"), ("alb", "nlb"), ("route 53", "subnet")]:
        for command, function in (("relate", "relate"), ("compare", "compare")):
            printed = CliRunner().invoke(cli, ["--lang", lang, command, a, b, "--json"]).stdout
            page = shown.page.evaluate(f"([a, b, lang]) => awskg.{function}(a, b, {{lang}})", [a, b, lang])
            assert json.loads(printed) == page, (command, a, b)
            assert list(json.loads(printed)) == list(page)  # same keys, same order


def test_find_resolves_every_spelling_as_the_cli(shown, kg):
    texts = spellings(kg)
    got = shown.page.evaluate("(texts) => texts.map(t => [awskg.resolve(t), awskg.find(t)])", texts)
    for text, (resolved, found) in zip(texts, got, strict=True):
        assert resolved == python_resolution(kg, text), text
        assert found == resolved["id"]


def test_search_without_a_hit_suggests(shown):
    page = shown.page
    page.fill("#search", "farget")
    page.press("#search", "Enter")
    assert page.is_visible("#search-hint")
    assert "Did you mean" in page.text_content("#search-hint")
    page.click("#search-hint button[data-node='fargate']")
    page.wait_for_function("awskg.selected() === 'fargate'")
    assert page.is_hidden("#search-hint")
    page.evaluate("awskg.clear()")


def test_window_awskg_is_documented_in_docs_page_md(shown):
    doc = (REPO / "docs" / "page.md").read_text("utf-8")
    table = doc[doc.index("| member | what |") :].split("\n\n")[0]
    documented = set()
    for row in table.splitlines()[2:]:
        documented |= set(re.findall(r"`(\w+)", re.split(r"(?<!\\)\|", row)[1]))
    assert documented == set(shown.page.evaluate("Object.keys(window.awskg)"))


def test_map_has_a_role_a_label_and_announces_names(shown):
    page = shown.page
    assert page.get_attribute("#graph", "role") == "application"
    assert "arrow keys" in page.get_attribute("#graph", "aria-label")
    page.evaluate("awskg.select('vpc', {animate: false})")
    assert page.text_content("#announce") == "VPC"
    assert page.get_attribute("#panel", "aria-live") is None  # the card is not read out whole
    page.evaluate("awskg.clear()")


def test_keyboard_walks_to_neighbors_and_focus_stays(shown, kg):
    page = shown.page
    page.evaluate("awskg.select('region', {animate: false})")
    page.locator("#graph").focus()
    page.keyboard.press("ArrowRight")
    first = page.evaluate("awskg.cursor()")
    assert first in kg.neighbors("region") and page.evaluate("awskg.selected()") == "region"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("awskg.cursor()") == first
    page.keyboard.press("Enter")
    assert page.evaluate("awskg.selected()") == first
    # a concept button in the panel: the next card opens and focus lands on the way back, not on <body>
    page.focus(f"#panel button.concept[data-node='{sorted(kg.neighbors(first))[0]}']")
    target = sorted(kg.neighbors(first))[0]
    page.keyboard.press("Enter")
    assert page.evaluate("awskg.selected()") == target
    assert page.evaluate("document.activeElement.getAttribute('data-node')") == first
    page.focus("#panel button[data-mark='done']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('data-mark')") == "done"
    page.evaluate(f"awskg.mark('{target}', null); awskg.clear()")
    # the skip link leads to the panel
    page.evaluate("awskg.select('vpc', {animate: false})")
    page.focus("a.skip")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('panel').contains(document.activeElement)")
    page.evaluate("awskg.clear()")


def test_each_key_acts_only_where_main_js_table_says(shown, kg):
    """Zoom keys on the map, up and down walk, d and n mark the open card, nothing while typing."""
    page = shown.page
    page.evaluate("awskg.select('vpc', {animate: false})")
    page.locator("#graph").focus()
    for key, grows in (("+", ">"), ("=", ">"), ("-", "<")):
        scale = page.evaluate("awskg.network.getScale()")
        page.keyboard.press(key)
        page.wait_for_function(f"awskg.network.getScale() {grows} {scale}")
    around = sorted(kg.neighbors("vpc"))
    page.keyboard.press("ArrowDown")
    first = page.evaluate("awskg.cursor()")
    assert first in around
    page.keyboard.press("ArrowUp")
    assert page.evaluate("awskg.cursor()") in around and page.evaluate("awskg.cursor()") != first
    page.keyboard.press("d")
    assert page.evaluate("awskg.progress()") == {"vpc": "done"}
    assert page.get_attribute("#panel button[data-mark='done']", "aria-pressed") == "true"  # the card shows it
    page.focus("#search")
    page.keyboard.press("n")  # typed into the search box, not a key for the card
    assert page.evaluate("awskg.progress()") == {"vpc": "done"} and page.input_value("#search") == "n"
    page.fill("#search", "")
    page.locator("#graph").focus()
    page.keyboard.press("n")
    assert page.evaluate("awskg.progress()") == {}
    assert page.evaluate("awskg.selected()") == "vpc"  # walking moved the cursor, not the selection
    page.keyboard.press("Escape")
    assert page.evaluate("awskg.selected()") is None


def test_relate_view_from_the_panel_lists_and_lights_the_paths(shown, kg):
    page = shown.page
    page.evaluate("awskg.select('availability-zone', {animate: false})")
    page.fill("#panel .pair input", "리전")
    page.click("#panel [data-focus='pair-relate']")
    assert page.evaluate("awskg.view()")["view"] == "relate"
    answer = relate(kg, "availability-zone", "region")
    sentences = page.evaluate("Array.from(document.querySelectorAll('#panel button.path')).map(b => b.innerText)")
    assert sentences == ["\n".join(h.text for h in p.hops) for p in answer.paths]
    lit = set(page.evaluate("awskg.edges.get().filter(e => e.state === 'highlight').map(e => e.id)"))
    assert "availability-zone|part-of|region" in lit
    page.click("#panel button.path >> nth=0")  # one path focused
    lit = set(page.evaluate("awskg.edges.get().filter(e => e.state === 'highlight').map(e => e.id)"))
    assert lit == {f"{h.source}|{h.relation}|{h.target}" for h in answer.paths[0].hops}
    page.click("#panel [data-focus='to-compare']")
    assert page.evaluate("awskg.view()")["view"] == "compare"
    assert "view=" not in page.url and "compare=availability-zone%2Cregion" in page.url
    page.evaluate("awskg.showCompare('alb', 'nlb')")
    assert page.text_content("#panel tr[data-dimension='osi-layer']").startswith("OSI layer")
    page.evaluate("awskg.clear()")


def test_hop_notes_and_the_compare_headings_show_in_the_panel(shown, kg):
    page = shown.page
    page.evaluate("awskg.showRelate('sqs', 'lambda')")
    note = relate(kg, "sqs", "lambda").paths[0].hops[0].note
    assert note and page.text_content("#panel button.path .hop-note") == note
    page.evaluate("awskg.showRelate('lambda', 'fargate')")  # they only share facts: no numbered path
    assert page.evaluate("document.querySelectorAll('#panel button.path').length") == 0
    assert "only have things in common" in page.text_content("#panel .message")
    page.evaluate("awskg.showCompare('fargate', 'ec2')")
    headings = page.evaluate("Array.from(document.querySelectorAll('#panel h3')).map(h => h.textContent)")
    assert "Also about Fargate" in headings and "Only Fargate" not in headings
    page.evaluate("awskg.clear()")


def test_a_concepts_facts_are_headed_by_short_korean_names_and_arrows_carry_them(shown, kg):
    """Korean headings and arrows are nouns (관리 대상), not a sentence over A and B or a verb after its object."""
    from awskg.explorer.sentences import relation_heading

    page = shown.page
    page.evaluate("awskg.setLang('ko')")
    page.evaluate("awskg.select('ecs')")
    headings = page.evaluate("Array.from(document.querySelectorAll('#panel h3')).map(h => h.textContent)")
    groups = {(r, "out") for _, _, r in kg.graph.out_edges("ecs", keys=True)}
    groups |= {(r, "in") for _, _, r in kg.graph.in_edges("ecs", keys=True)}
    expected = {relation_heading(kg, r, "ko", inverse=way == "in") for r, way in groups}
    assert expected <= set(headings) and {"관리 대상", "사용 대상", "속한 곳"} <= expected
    assert not any("A" in h and "B" in h for h in headings)
    assert page.evaluate("awskg.edges.get('ecs|manages|ecs-cluster').label") == "관리 대상"
    page.evaluate("awskg.clear()")
    page.evaluate("awskg.setLang('en')")


def test_path_page_opens_on_its_paths(browser, tmp_path, kg):
    path = tmp_path / "path.html"
    path.write_text(render_html(kg, select(kg, path=("Route 53", "subnet"))), "utf-8")
    opened = open_map(browser, path, width=1280, height=720)
    page = opened.page
    assert page.title() == "How Route 53 relates to Subnet — awskg"
    answer = relate(kg, "Route 53", "subnet")
    listed = page.evaluate("Array.from(document.querySelectorAll('#panel .hop')).map(s => s.textContent)")
    assert listed == [h.text for p in answer.paths for h in p.hops]
    inside = page.evaluate(
        """(ids) => { const box = document.getElementById('graph').getBoundingClientRect();
             return ids.map(id => { const p = awskg.network.canvasToDOM(awskg.network.getPositions([id])[id]);
               return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height; }); }""",
        ["route-53", "subnet"],
    )
    # the view pans rather than zooming out below readable labels: the path's first end is in view
    assert inside[0] and page.evaluate("awskg.network.getScale()") >= 0.75 * 0.99
    assert opened.errors == []
    page.close()


def test_first_view_is_readable_with_a_start_card_that_stays_dismissed(context, builtin_map):
    page = open_map(context, builtin_map, width=1280, height=720).page
    assert page.evaluate("awskg.network.getScale()") * 16 >= 10  # node labels at least 10 px on screen
    shown = page.evaluate(
        """() => { const box = document.getElementById('graph').getBoundingClientRect();
             const at = awskg.network.getPositions();
             return Object.values(at).filter(p => { const d = awskg.network.canvasToDOM(p);
               return d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height; }).length; }"""
    )
    assert shown < len(awskg.load().graph)  # not the whole graph at once
    assert page.is_visible("#start-card")
    scale = page.evaluate("awskg.network.getScale()")
    page.click("#zoom-in")
    page.wait_for_timeout(300)
    assert page.evaluate("awskg.network.getScale()") > scale
    page.click("#start-dismiss")
    page.reload()
    wait_ready(page)
    assert page.is_hidden("#start-card")


def test_every_fact_reads_in_the_page_as_the_cli_says_it(shown, kg):
    """The page's data leaves out what a fact can rebuild; rebuilt, it is every text the CLI would give.

    Here: the arrow labels the map draws, in both languages, the notes and the citations.
    The sentences the page reads from the same data are held to Python's under node
    (tests/test_page_contract.py), by the same scripts.
    """
    from awskg.explorer.citations import cite
    from awskg.explorer.phrasebook import Phrasebook

    read = """() => awskg.data.edges.map(e => [e.id, e.from, e.relation, e.to, e.note,
                e.source || {en: e.source_ref, ko: e.source_ref}, awskg.edges.get(e.id).label])"""
    facts = shown.page.evaluate(read)
    shown.page.evaluate("awskg.setLang('ko')")
    labels_ko = [fact[-1] for fact in shown.page.evaluate(read)]
    shown.page.evaluate("awskg.setLang('en')")
    book = Phrasebook(kg)
    assert len(facts) == kg.graph.number_of_edges()
    for (edge_id, source, relation, target, note, cited, label), label_ko in zip(facts, labels_ko, strict=True):
        assert edge_id == f"{source}|{relation}|{target}"
        data = kg.graph.edges[source, target, relation]
        assert [label, label_ko] == [book.fact(source, relation, target, lang).label for lang in ("en", "ko")]
        for lang in ("en", "ko"):
            assert note[lang] == ((lang == "ko" and data["note_ko"]) or data["note"])
            assert cited[lang] == cite(data["source_ref"], lang)


def test_a_first_item_carries_only_its_own_options(browser, builtin_map, kg):
    """A kind's look is a vis-network group and an edge's defaults are the network's options:
    vis-network merges options item by item, so a page's first items say only what is theirs."""
    from browser import open_map

    opened = open_map(browser, builtin_map)
    nodes, edges, relations = opened.page.evaluate("[awskg.nodes.get(), awskg.edges.get(), awskg.data.relations]")
    opened.page.close()
    assert len(nodes) == kg.graph.number_of_nodes() and len(edges) == kg.graph.number_of_edges()
    for item in nodes:
        assert set(item) == {"id", "label", "group", "state", "status", "title", "x", "y"}, item
        assert item["group"] == kg.kind(item["id"])
    for item in edges:
        source, relation, target = item["id"].split("|")
        assert set(item) - {"dashes"} == {"id", "from", "to", "label", "state", "color"}, item
        assert (item["from"], item["to"], item["color"]) == (source, target, {"color": relations[relation]["color"]})


def test_relation_families_and_legend(shown):
    relations = shown.page.evaluate("awskg.data.relations")
    families = {r["family"] for r in relations.values()}
    assert len(families) <= 8
    styles = {(r["family"], r["line"]) for r in relations.values()}
    assert len(styles) == len(relations)  # colour and line style tell every relation apart
    sizes = shown.page.evaluate(
        "Array.from(document.querySelectorAll('#relation-filters label')).map(l => parseFloat(getComputedStyle(l).fontSize))"
    )
    assert min(sizes) >= 12
    assert shown.page.evaluate("getComputedStyle(document.body).wordBreak") in ("normal", "keep-all")


def test_tour_survives_exploring_resumes_and_speaks_korean(context, builtin_map, kg):
    page = open_map(context, builtin_map).page
    page.select_option("#tour-select", "running-containers-on-aws")
    page.click("#tour-next")
    stop = page.evaluate("awskg.tourState()")
    page.evaluate("awskg.select('vpc', {animate: false})")  # exploring
    assert page.evaluate("awskg.tourState()") == stop
    assert page.is_visible("#tour-back")
    page.click("#tour-back")
    assert page.evaluate("awskg.selected()") == kg.tours["running-containers-on-aws"][1]["node"]
    page.wait_for_timeout(500)  # the move to the stop has ended
    # the note sits beside the stop's concept
    near = page.evaluate(
        """(id) => { const b = document.getElementById('tour-bubble').getBoundingClientRect();
             const g = document.getElementById('graph').getBoundingClientRect();
             const p = awskg.network.canvasToDOM(awskg.network.getPositions([id])[id]);
             const x = g.left + p.x, y = g.top + p.y;
             return Math.max(b.left - x, x - b.right, 0) < 120 && Math.max(b.top - y, y - b.bottom, 0) < 120; }""",
        page.evaluate("awskg.selected()"),
    )
    assert near
    page.evaluate("awskg.setLang('ko')")
    assert "AWS에서 컨테이너 실행하기" in page.text_content("#tour-select")
    page.keyboard.press("Escape")
    page.select_option("#tour-select", "running-containers-on-aws")  # resumes at stop 2
    assert page.evaluate("awskg.tourState()")["step"] == 2


def test_quiz_sessions_seeds_summary_and_the_fact_lit(context, builtin_map, kg):
    page = open_map(context, builtin_map).page
    first = page.evaluate("awskg.startQuiz()")
    page.evaluate("awskg.startQuiz()")
    assert page.evaluate("awskg.quizState().seed") != first  # a new set each time
    seed = page.evaluate("awskg.quizState().seed")
    asked = questions(kg, count=QUIZ_LENGTH, seed=seed, within=set(kg.graph.nodes))
    assert len({q.question for q in asked}) == len(asked) == QUIZ_LENGTH == 10  # ten, none asked twice
    assert page.text_content("#quiz-place") == "Question 1 / 10"
    wrong = next(o["id"] for o in asked[0].options if o["id"] != asked[0].answer)
    page.evaluate(f"awskg.answer('{wrong}')")
    if asked[0].edge:
        edge = "{source}|{relation}|{target}".format(**asked[0].edge)
        assert page.evaluate(f"awskg.edges.get('{edge}').state") == "link"
    assert page.evaluate(f"awskg.nodes.get('{asked[0].answer}').state") == "highlight"
    assert page.evaluate("awskg.progress()")[asked[0].answer] == "learning"  # a miss marks the concept
    # the other questions answered right, in one call: what is checked is the summary
    page.evaluate(
        "(answers) => answers.forEach(a => { awskg.nextQuestion(); awskg.answer(a); })", [q.answer for q in asked[1:]]
    )
    page.evaluate("awskg.nextQuestion()")
    assert page.is_visible("#quiz-summary")
    assert page.text_content("#quiz-summary").startswith(f"Done: {len(asked) - 1} of {len(asked)} right.")
    assert page.is_visible(f"#quiz-summary button[data-node='{asked[0].answer}']")
    # only the summary: the last question's buttons and feedback are gone
    for part in ("#quiz-options", "#quiz-question", "#quiz-feedback", "#quiz-next", "#quiz-place"):
        assert page.is_hidden(part), part


VIEWPORTS = [(390, 844), (820, 1180), (1280, 720), (1440, 900)]


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_layout_at_every_size(context, builtin_map, width, height):
    page = open_map(context, builtin_map, width=width, height=height).page
    layout = """() => {
      const r = (sel) => { const b = document.querySelector(sel).getBoundingClientRect();
                           return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width, height: b.height}; };
      return {header: r('header'), main: r('main'), graph: r('#graph'), panel: r('#panel'),
              scroll: document.documentElement.scrollWidth, width: innerWidth, height: innerHeight}; }"""
    before = page.evaluate(layout)
    assert before["header"]["bottom"] <= before["main"]["top"] + 0.5  # the header never overlaps
    assert before["scroll"] <= width  # nothing scrolls sideways
    page.evaluate("awskg.select('fargate', {animate: false})")
    page.wait_for_timeout(100)
    after = page.evaluate(layout)
    assert after["scroll"] <= width
    small = page.evaluate(
        """() => Array.from(document.querySelectorAll('button, select, input[type=search]'))
             .filter(b => b.offsetParent !== null && !b.closest('#legend') && !b.classList.contains('concept'))
             .map(b => { const r = b.getBoundingClientRect(); return [b.id || b.textContent, r.width, r.height, r.right]; })"""
    )
    for name, _w, _h, right in small:
        assert right <= width + 0.5, name  # every button fits
    if width <= 600:
        assert before["graph"]["width"] == width  # the map fills the screen
        assert page.is_hidden("#legend") and page.is_visible("#menu-button")
        assert after["panel"]["top"] > after["header"]["bottom"] + 150  # a bottom sheet: the map shows above
        assert after["graph"]["width"] == width
        for name, w, h, _ in small:
            assert w >= 44 and h >= 44, name  # large enough to tap
        page.click("#menu-button")
        assert page.is_visible("#tour-select") and page.is_visible("#quiz-start")
        page.keyboard.press("Escape")
    else:
        assert after["graph"]["width"] >= width / 2  # the panel never squeezes the map below half
    if width <= 600:
        # tap a node; pinch zoom is the page's own: touch-action is left to vis-network
        assert page.evaluate("getComputedStyle(document.getElementById('graph')).touchAction") == "none"


BIG_LIT = """() => ({
  nodes: awskg.nodes.get().filter(n => n.state === 'highlight').map(n => n.id).sort(),
  edges: awskg.edges.get().filter(e => e.state === 'highlight').map(e => e.id).sort(),
  dim: awskg.nodes.get().filter(n => n.state === 'dim').length + awskg.edges.get().filter(e => e.state === 'dim').length,
})"""
# the edges the big map's renderer drew in full (line, arrows and label) at a far zoom, after a redraw
BIG_FULL_FAR = """async () => {
  awskg.network.moveTo({scale: 0.2, animation: false});
  awskg.network.redraw();
  return awskg.network.renderer.fullEdges.map(e => e.id).sort();
}"""


def test_big_map_lights_only_the_selection_and_sketches_the_rest(browser, make_pack, tmp_path):
    # past the big-map size: laid out without physics, never dimmed, unlit edges sketched
    size = 760
    ids = [f"big-{i:04d}" for i in range(size)]
    nodes = [[x, f"Big {i}", f"큰 {i}", "service", "", f"Synthetic {i}.", f"합성 {i}.", ""] for i, x in enumerate(ids)]
    edges = [[ids[i], "part-of", ids[i // 3], "", "https://example.com/r"] for i in range(1, size)]
    edges += [
        [ids[i], "uses", ids[(i * 7 + 3) % size], "", "https://example.com/r"]
        for i in range(size)
        if (i * 7 + 3) % size != i
    ]
    kg = awskg.load([make_pack(nodes=nodes, edges=edges)])
    path = tmp_path / "big.html"
    path.write_text(render_html(kg, select(kg)), "utf-8")
    opened = open_map(browser, path, width=1280, height=720)
    page = opened.page
    assert page.evaluate("awskg.data.layout.large") is True

    def hood(node):
        touching = [(a, r, b) for a, b, r in kg.graph.in_edges(node, keys=True)]
        touching += [(a, r, b) for a, b, r in kg.graph.out_edges(node, keys=True)]
        return sorted({node} | {a for a, _, _ in touching} | {b for _, _, b in touching}), sorted(
            {f"{a}|{r}|{b}" for a, r, b in touching}
        )

    frames = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    for node in ("big-0010", "big-0300"):
        page.evaluate("(id) => awskg.select(id, {animate: false})", node)
        page.evaluate(frames)
        want_nodes, want_edges = hood(node)
        lit = page.evaluate(BIG_LIT)
        # exactly the selection and its neighbours are lit (the one before is put back); nothing is dimmed
        assert (lit["nodes"], lit["edges"], lit["dim"]) == (want_nodes, want_edges, 0)
        assert page.evaluate("awskg.network.getSelectedNodes()") == [node]
        # zoomed far out, only the lit edges are drawn in full: the selection's are all on screen
        assert page.evaluate(BIG_FULL_FAR) == want_edges
        page.evaluate("(id) => awskg.network.focus(id, {scale: 1.5, animation: false})", node)
        page.evaluate("awskg.network.redraw()")
        # zoomed in, the lit edges are drawn in full still
        assert set(want_edges) <= set(page.evaluate("awskg.network.renderer.fullEdges.map(e => e.id)"))
    page.evaluate("awskg.clear()")
    page.evaluate(frames)
    assert page.evaluate(BIG_LIT) == {"nodes": [], "edges": [], "dim": 0}
    assert page.evaluate(BIG_FULL_FAR) == []
    assert page.is_hidden("#panel")
    assert opened.errors == [] and opened.dialogs == []
    page.close()
