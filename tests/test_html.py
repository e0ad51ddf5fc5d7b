"""The learner's map: generation (fast tests) and behaviour in headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import awskg
from awskg.explorer.paths import relate
from awskg.explorer.view import select
from awskg.exports.html import embed_json, render_html

from browser import node_centre, open_map
from conftest import DATA

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def builtin_page(kg) -> str:
    """The built-in map, rendered once for every test of it here."""
    return render_html(kg, select(kg))


@pytest.fixture(scope="module")
def hostile() -> tuple[awskg.KnowledgeGraph, str]:
    """The pack of hostile text and its page, rendered once."""
    kg = awskg.load([DATA / "hostile"])
    return kg, render_html(kg, select(kg))


# --- generation -------------------------------------------------------------


def test_page_is_self_contained(builtin_page):
    page = builtin_page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", page)
    assert page.count('<script type="application/json" id="awskg-data">') == 1


def test_embedded_json_cannot_close_its_script():
    from html.parser import HTMLParser

    value = {"s": "</script><script>alert(1)</script><!--<script>&gt;\u2028&", "</SCRIPT ": "<"}
    text = embed_json(value)
    assert "<" not in text  # inside a script element, only "<" can start markup
    assert json.loads(text) == value

    class Seen(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.events: list[tuple[str, str]] = []

        def handle_starttag(self, tag, attrs):
            self.events.append(("start", tag))

        def handle_endtag(self, tag):
            self.events.append(("end", tag))

        def handle_data(self, data):
            self.events.append(("data", data))

    parser = Seen()
    parser.feed(f'<script type="application/json">{text}</script>')
    parser.close()
    assert parser.events == [("start", "script"), ("data", text), ("end", "script")]


def test_hostile_values_never_appear_raw_in_the_page(hostile):
    _, page = hostile
    assert "window.__pwned" in page  # the data is there, as escaped JSON text
    assert "<img src=x" not in page and "<script>window.__pwned" not in page and "<iframe" not in page


def test_html_command_reports_and_writes(invoke, tmp_path, kg):
    out = tmp_path / "map.html"
    result = invoke("html", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == f"wrote {out}: {kg.graph.number_of_nodes()} nodes, {kg.graph.number_of_edges()} edges\n"
    assert out.read_text("utf-8").startswith("<!doctype html>")
    said = invoke("--lang", "ko", "html", "-o", str(out)).stdout
    assert (
        said
        == f"파일을 만들었습니다: {out} (개념 {kg.graph.number_of_nodes()}개, 관계 {kg.graph.number_of_edges()}개)\n"
    )


def test_html_focus_kind_relation_slices(invoke, tmp_path, kg):
    import networkx as nx

    out = tmp_path / "m.html"
    near = nx.ego_graph(kg.graph.to_undirected(as_view=True), "fargate", radius=1)
    edges = kg.graph.subgraph(near.nodes).number_of_edges()
    result = invoke("html", "-o", str(out), "--focus", "Fargate", "--depth", "1")
    assert result.stdout.endswith(f": {near.number_of_nodes()} nodes, {edges} edges\n")
    only = invoke("html", "-o", str(out), "--kind", "service", "--relation", "is-a")
    assert only.stdout.endswith(": 5 nodes, 4 edges\n")  # ALB, NLB, GWLB, CLB are types of ELB


def test_html_unknown_kind_is_a_usage_error(invoke, tmp_path):
    result = invoke("html", "-o", str(tmp_path / "m.html"), "--kind", "servce")
    assert result.exit_code == 2
    assert not (tmp_path / "m.html").exists()


# --- in the browser -----------------------------------------------------------


# Tests that only read, or put back what they change, share one loaded page (``shown``).


@pytest.mark.browser
def test_offline_no_console_errors_and_everything_drawn(shown, kg):
    page = shown.page
    assert [u for u in shown.requests if not u.startswith("file://")] == []
    assert shown.errors == []
    assert page.evaluate("awskg.network.body.nodeIndices.length") == kg.graph.number_of_nodes()
    assert page.evaluate("awskg.network.body.edgeIndices.length") == kg.graph.number_of_edges()
    assert page.evaluate("awskg.network.physics.physicsEnabled") is False  # stabilised, then stopped
    assert page.text_content("#counts") == f"{kg.graph.number_of_nodes()} concepts · {kg.graph.number_of_edges()} facts"


@pytest.mark.browser
def test_search_selects_and_centres(shown):
    page = shown.page
    page.fill("#search", "가용 영역")
    page.press("#search", "Enter")
    page.wait_for_function("awskg.selected() === 'availability-zone'")
    # once the move ends: the concept and its neighbours in the map, clear of the panel
    page.wait_for_function(
        """() => { const box = document.getElementById('graph').getBoundingClientRect();
                  const ids = ['availability-zone'].concat(awskg.network.getConnectedNodes('availability-zone'));
                  const at = awskg.network.getPositions(ids);
                  return ids.every(id => { const p = awskg.network.canvasToDOM(at[id]);
                    return p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height; }); }""",
        timeout=5000,
    )
    assert page.text_content("#panel h2") == "Availability Zone"
    # names are suggested as one types, a few at a time, from labels in both languages and aliases
    suggested = {}
    for typed in ("rout", "리", "amazon route", "ec2 container"):
        page.fill("#search", "")
        page.type("#search", typed)
        suggested[typed] = page.evaluate(
            "Array.from(document.querySelectorAll('#name-suggestions li')).map(li => li.getAttribute('data-node'))"
        )
        assert page.is_visible("#name-suggestions") and 0 < len(suggested[typed]) <= 30
    assert "route-53" in suggested["rout"] and "region" in suggested["리"]
    assert suggested["amazon route"][0] == "route-53" and "ecs" in suggested["ec2 container"]
    page.press("#search", "ArrowDown")
    page.press("#search", "Enter")  # the first suggestion, picked by keyboard
    page.wait_for_function("awskg.selected() === 'ecs'")
    assert page.is_hidden("#name-suggestions") and page.input_value("#search") == "ECS"
    assert page.locator("datalist").count() == 0  # no list of every name in the page


@pytest.mark.browser
def test_click_opens_panel_with_sentences_and_moves(shown):
    page = shown.page
    x, y = node_centre(page, "fargate")
    page.mouse.click(x, y)
    page.wait_for_function("awskg.selected() === 'fargate'")
    assert page.is_visible("#panel")
    assert page.text_content("#panel h2") == "Fargate"
    item = page.locator("#panel li[data-edge='eks|uses|fargate']")
    assert item.text_content().startswith("Fargate is used by EKS")
    assert (
        page.get_attribute("#panel a", "href")
        == "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html"
    )
    states = page.evaluate("Object.fromEntries(awskg.nodes.get().map(n => [n.id, n.state]))")
    assert states["eks"] == "highlight" and states["fargate"] == "highlight" and states["vpc"] == "dim"
    item.locator("button.concept").click()
    page.wait_for_function("awskg.selected() === 'eks'")
    assert page.text_content("#panel h2") == "EKS"
    page.keyboard.press("Escape")
    page.wait_for_function("awskg.selected() === null")
    assert page.is_hidden("#panel")
    assert set(page.evaluate("awskg.nodes.get().map(n => n.state)")) == {""}


@pytest.mark.browser
def test_click_on_empty_space_clears(shown):
    page = shown.page
    page.evaluate("awskg.select('vpc', {animate: false})")
    empty = page.evaluate(
        """() => { const box = document.getElementById('graph').getBoundingClientRect();
                  for (let y = 10; y < box.height; y += 20) for (let x = 10; x < box.width; x += 20)
                    if (awskg.network.getNodeAt({x, y}) === undefined && awskg.network.getEdgeAt({x, y}) === undefined)
                      return [box.left + x, box.top + y];
                  return null; }"""
    )
    assert empty is not None
    page.mouse.click(*empty)
    page.wait_for_function("awskg.selected() === null")


@pytest.mark.browser
def test_filters_hide_kinds_and_relations(shown, kg):
    page = shown.page
    services = {n for n, k in kg.graph.nodes(data="kind") if k == "service"}
    page.check("input[data-kind='service']")
    page.uncheck("input[data-kind='service']")
    assert page.evaluate("awskg.network.body.nodeIndices.length") == kg.graph.number_of_nodes() - len(services)
    expected_edges = sum(1 for e in kg.edges() if e.source not in services and e.target not in services)
    assert page.evaluate("awskg.network.body.edgeIndices.length") == expected_edges
    page.check("input[data-kind='service']")
    page.focus("input[data-relation='is-a']")
    page.keyboard.press("Space")  # keyboard works too
    runs = sum(1 for e in kg.edges() if e.relation == "is-a")
    assert page.evaluate("awskg.network.body.edgeIndices.length") == kg.graph.number_of_edges() - runs


@pytest.mark.browser
def test_language_switch_changes_labels_panel_and_wording(shown):
    page = shown.page
    page.evaluate("awskg.select('ecs', {animate: false})")
    page.click("button[data-lang='ko']")
    assert page.evaluate("awskg.nodes.get('region').label") == "리전"
    # an arrow carries the relation's short Korean name for its target, never a verb after nothing
    assert page.evaluate("awskg.edges.get('ecs|uses|ecr').label") == "사용 대상"
    assert page.evaluate("awskg.edges.get('availability-zone|part-of|region').label") == "속한 곳"
    assert page.text_content("#panel h2") == "ECS"
    assert page.locator("#panel li[data-edge='ecs|uses|ecr']").text_content().startswith("ECS는 ECR을 사용한다")
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert page.text_content("legend[data-ui='kinds']") == "종류"
    # the docs link opens AWS's Korean page, the path under /ko_kr/ (derived in Python)
    assert page.get_attribute("#panel a", "href").startswith("https://docs.aws.amazon.com/ko_kr/AmazonECS/")
    page.click("button[data-lang='en']")
    assert page.evaluate("awskg.nodes.get('region').label") == "Region"
    assert page.get_attribute("#panel a", "href").startswith("https://docs.aws.amazon.com/AmazonECS/")


@pytest.mark.browser
def test_path_highlights_exactly_the_ranked_paths(browser, tmp_path, kg):
    path = tmp_path / "path.html"
    path.write_text(render_html(kg, select(kg, path=("Route 53", "subnet"))), "utf-8")
    opened = open_map(browser, path)
    answer = relate(kg, "Route 53", "subnet")
    want_nodes = {n for p in answer.paths for h in p.hops for n in (h.source, h.target)}
    want_edges = {f"{h.source}|{h.relation}|{h.target}" for p in answer.paths for h in p.hops}
    lit_nodes = set(opened.page.evaluate("awskg.nodes.get().filter(n => n.state === 'highlight').map(n => n.id)"))
    lit_edges = set(opened.page.evaluate("awskg.edges.get().filter(e => e.state === 'highlight').map(e => e.id)"))
    assert lit_nodes == want_nodes and lit_edges == want_edges
    assert opened.page.evaluate(
        "awskg.nodes.get().filter(n => n.state === 'dim').length"
    ) == kg.graph.number_of_nodes() - len(want_nodes)
    opened.page.close()


@pytest.mark.browser
def test_hostile_pack_executes_nothing(browser, tmp_path, hostile):
    kg, page_text = hostile
    path = tmp_path / "hostile.html"
    path.write_text(page_text, "utf-8")
    opened = open_map(browser, path)
    page = opened.page
    label = kg.node("evil-markup")["label"]
    page.fill("#search", label)
    page.press("#search", "Enter")
    page.wait_for_function("awskg.selected() === 'evil-markup'")
    x, y = node_centre(page, "evil-markup")
    page.mouse.move(x, y)  # hover: the tooltip shows the title
    page.wait_for_timeout(600)
    page.evaluate("awskg.setLang('ko')")
    page.locator("#panel li").first.hover()
    page.evaluate("awskg.select('evil-long', {animate: false})")
    assert page.evaluate("window.__pwned === undefined")
    assert opened.dialogs == [] and opened.errors == []
    assert page.text_content("#panel h2") == kg.node("evil-long")["label_ko"]
    page.evaluate("awskg.setLang('en'); awskg.select('evil-markup', {animate: false})")
    assert page.text_content("#panel h2") == label
    assert page.locator("#panel img, #panel script, #panel iframe, #panel svg, #panel b").count() == 0
    hrefs = page.evaluate("Array.from(document.querySelectorAll('a:not(.skip)')).map(a => a.getAttribute('href'))")
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    page.evaluate("awskg.showAll()")  # every hostile label drawn, nothing run
    assert page.evaluate("awskg.network.body.nodeIndices.length") == kg.graph.number_of_nodes()
    page.fill("#search", "__proto__")  # a concept named like a JavaScript built-in is just a concept
    page.press("#search", "Enter")
    page.wait_for_function("awskg.selected() === 'js-builtins'")
    page.evaluate("awskg.mark('js-builtins', 'done')")
    assert page.evaluate("awskg.progress()") == {"js-builtins": "done"}
    assert [u for u in opened.requests if not u.startswith("file://")] == []
    assert opened.errors == []
    page.close()


@pytest.mark.browser
def test_hostile_url_hash_is_ignored(browser, builtin_map):
    url = (
        builtin_map.resolve().as_uri()
        + "#node=constructor&tour=__proto__&lang=toString&hide-kinds=constructor,__proto__&step=x&%E0%A4%A=1"
    )
    opened = open_map(browser, url)
    page = opened.page
    assert page.evaluate("[awskg.selected(), awskg.lang(), awskg.tourState().name]") == [None, "en", None]
    assert page.evaluate("awskg.network.body.nodeIndices.length") == len(page.evaluate("awskg.data.start"))
    assert opened.errors == []
    page.close()


def test_write_into_a_missing_folder_is_a_clean_error(invoke, tmp_path):
    result = invoke("html", "-o", str(tmp_path / "nowhere" / "map.html"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nowhere'}: no such folder\n"


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_labels_inside_nodes_have_readable_contrast():
    from awskg.exports.styles import KIND_FAMILIES, tint

    text = "#1b1f24"  # the page's node label colour, on the fill of every kind family
    for family, (colour, _, _) in KIND_FAMILIES.items():
        assert contrast(text, tint(colour)) >= 4.5, family
    page_css = (REPO / "awskg" / "exports" / "templates" / "page.css").read_text()
    for variable in ("--ink", "--muted", "--accent"):
        colour = re.search(variable + r": (#[0-9a-f]{6})", page_css).group(1)
        assert contrast(colour, "#ffffff") >= 4.5, variable


def test_every_page_script_is_inlined_and_parses(builtin_page):
    """The template inlines each file of awskg/exports/templates/*.js; CI also lints them (eslint)."""
    import shutil
    import subprocess

    from awskg.exports.html import SCRIPTS

    folder = REPO / "awskg" / "exports" / "templates"
    assert sorted(SCRIPTS) == sorted(p.name for p in folder.glob("*.js"))
    page = builtin_page
    for name in SCRIPTS:
        text = (folder / name).read_text("utf-8")
        assert "</script" not in text.lower() and f"// --- {name}" in page
        assert not re.search(r"^\s*var\s", text, re.MULTILINE), name  # const and let only
    node = shutil.which("node")
    if node is None:
        pytest.skip("node not installed (.ci/run installs npm, which brings it)")
    for name in SCRIPTS:
        subprocess.run([node, "--check", str(folder / name)], check=True)


@pytest.mark.parametrize("rows", [1, 7, 100_000])
def test_the_page_is_made_in_pieces_that_join_to_the_whole(kg, monkeypatch, rows):
    """A big page is written as it is made: its facts a few at a time, never all at once (issue 28.4)."""
    from awskg.exports import html

    view = select(kg)
    whole = embed_json(html.page_data(kg, view, "ko"))
    monkeypatch.setattr(html, "ROWS", rows)
    pieces = list(html.generate_html(kg, view, "ko"))
    page = "".join(pieces)
    assert page == render_html(kg, view, "ko")
    assert f'<script type="application/json" id="awskg-data">{whole}</script>' in page
    facts = [piece.count('{"from":') for piece in pieces]
    assert sum(facts) == len(view.edges)
    assert max(facts) == min(rows, len(view.edges))  # no piece holds more facts than a batch


def test_the_quiz_says_each_reason_once_and_every_set_points_at_one(kg):
    from awskg.exports.html import page_data

    quiz = page_data(kg, select(kg), "en")["quiz"]
    pointed = [
        at
        for drawn in quiz["sets"].values()
        for item in drawn
        if len(item) > 2
        for by_lang in item[2].values()
        for at in by_lang.values()
    ]
    assert len(quiz["why"]) == len(set(quiz["why"])) and len(pointed) > 2 * len(quiz["why"])  # shared across seeds
    assert set(pointed) == set(range(len(quiz["why"])))


def test_a_reader_that_stops_early_leaves_the_collector_on(kg):
    import gc

    from awskg.exports.html import generate_html

    pieces = generate_html(kg, select(kg), "en")
    started = [next(pieces) for _ in range(5)]  # the head, then the first fields of the data
    assert len(started) == 5 and gc.isenabled()  # paused only while a piece is made, never across a yield
    pieces.close()
    assert gc.isenabled()
