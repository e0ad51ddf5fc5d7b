"""The map on a phone (390 × 844, touch) and a desktop (1440 × 900): what you study stays in sight.

Every check that a concept can be seen is a hit test: the element at the
concept's centre on the screen must be the map's canvas, not the bottom
sheet, the menu or anything else laid over the map.
"""

from __future__ import annotations

import pytest

from browser import wait_ready

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1440, "height": 900}}

#: What is drawn at the concept's centre: the canvas when nothing covers it.
HIT = """(id) => { const net = awskg.network; const p = net.canvasToDOM(net.getPositions([id])[id]);
  const box = document.getElementById('graph').getBoundingClientRect();
  const el = document.elementFromPoint(box.left + p.x, box.top + p.y);
  return el ? (el.tagName === 'CANVAS' && document.getElementById('graph').contains(el) ? 'map' : (el.id || el.tagName)) : 'off-screen'; }"""
#: Resolves when the view has stopped moving (an animated move has landed).
SETTLED = """() => new Promise((done) => {
  let last = '', still = 0, frames = 0;
  const look = () => { const now = JSON.stringify([awskg.network.getViewPosition(), awskg.network.getScale()]);
    still = now === last ? still + 1 : 0; last = now;
    if (still >= 3 || ++frames > 120) { done(); } else { requestAnimationFrame(look); } };
  requestAnimationFrame(look); })"""


def in_sight(page, node: str) -> str:
    page.evaluate(SETTLED)
    return page.evaluate(HIT, node)


def all_in_sight(page, nodes) -> bool:
    """Whether every one of ``nodes`` is in sight, hit-tested once the view has settled (one wait for all)."""
    page.evaluate(SETTLED)
    return page.evaluate(f"(ids) => ids.every((id) => ({HIT})(id) === 'map')", sorted(nodes))


@pytest.fixture
def phone(browser, builtin_map):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(builtin_map.resolve().as_uri())
    wait_ready(page)
    yield page
    context.close()


def test_phone_select_and_neighbour_taps_stay_above_the_sheet(phone, kg):
    page = phone
    page.fill("#search", "Fargate")
    page.press("#search", "Enter")
    assert page.evaluate("awskg.selected()") == "fargate"
    assert in_sight(page, "fargate") == "map"
    # a neighbour tapped low in a scrolled card: its card opens at the top, the concept in sight
    page.evaluate("document.getElementById('panel').scrollTop = 10000")
    assert page.evaluate("document.getElementById('panel').scrollTop") > 100
    neighbour = page.evaluate(
        "Array.from(document.querySelectorAll('#panel button.concept[data-node]')).pop().getAttribute('data-node')"
    )
    page.tap(f"#panel button.concept[data-node='{neighbour}']")
    assert page.evaluate("awskg.selected()") == neighbour
    assert page.evaluate("document.getElementById('panel').scrollTop") == 0
    assert page.is_visible("#panel h2")
    assert in_sight(page, neighbour) == "map"
    # the progress count shows on a phone too
    assert page.is_visible("#progress-count")


def test_phone_tour_lives_in_the_sheet_and_the_menu_closes(phone, kg):
    page = phone
    page.tap("#menu-button")
    page.select_option("#tour-select", "cloud-basics-in-order")
    assert not page.evaluate("document.body.classList.contains('menu-open')")  # closed after the action
    stops = kg.tours["cloud-basics-in-order"]
    for step in range(3):
        stop = stops[step]
        assert page.evaluate("awskg.tourState()") == {"name": "cloud-basics-in-order", "step": step + 1}
        assert in_sight(page, stop["node"]) == "map"
        strip = page.text_content("#panel .tour-strip")
        assert f"{step + 1} of {len(stops)}" in strip and stop["note"] in strip
        assert page.is_hidden("#tour-bubble")  # the note is in the sheet, not over the map
        sizes = page.evaluate(
            "Array.from(document.querySelectorAll('#panel .tour-strip button')).map(b => b.getBoundingClientRect())"
            ".map(r => [r.width, r.height])"
        )
        assert sizes and all(w >= 44 and h >= 44 for w, h in sizes)
        page.tap("#panel .tour-strip [data-focus='tour-next']")


def test_phone_relate_from_the_menu_shows_both_ends(phone):
    page = phone
    page.tap("#menu-button")
    page.fill("#relate-from", "Fargate")
    page.fill("#relate-to", "EKS")
    page.tap("#relate-go")
    assert page.evaluate("awskg.view()")["view"] == "relate"
    assert not page.evaluate("document.body.classList.contains('menu-open')")
    assert in_sight(page, "fargate") == "map"
    assert in_sight(page, "eks") == "map"
    # a relate that cannot run keeps the menu open, to say why
    page.tap("#menu-button")
    page.fill("#relate-to", "zzzz")
    page.tap("#relate-go")
    assert page.evaluate("document.body.classList.contains('menu-open')")
    assert page.text_content("#relate-message")


#: Every source in the open card: its text, its address (title) and whether anything in the card is wider than it.
SOURCES = """() => { const panel = document.getElementById('panel');
  const wide = Array.from(panel.querySelectorAll('*')).filter(el => el.getBoundingClientRect().right > panel.getBoundingClientRect().right + 0.5);
  return {sources: Array.from(panel.querySelectorAll('.source')).map(a => [a.textContent, a.title, a.tagName]),
          text: panel.innerText, wide: wide.length, scroll: panel.scrollWidth - panel.clientWidth}; }"""


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_cards_cite_with_short_labelled_links(browser, builtin_map, screen):
    context = browser.new_context(**screen)
    page = context.new_page()
    page.goto(builtin_map.resolve().as_uri())
    wait_ready(page)
    seen = set()
    for node in ("alb", "cloud-computing", "on-demand-self-service", "deployment-model"):
        for lang in ("en", "ko"):
            page.evaluate("([id, lang]) => { awskg.setLang(lang); awskg.select(id, {animate: false}); }", [node, lang])
            card = page.evaluate(SOURCES)
            assert "http" not in card["text"], node  # no raw address in what the card says
            assert card["wide"] == 0 and card["scroll"] <= 0, node  # nothing overflows the card
            for text, title, tag in card["sources"]:
                seen.add(text.split(" § ")[0])
                if tag == "A":
                    assert title.startswith("https://")  # the address, on hover
                    assert text in ("AWS docs", "AWS 문서", "NIST") or "." in text
                else:
                    assert title.startswith("AWS 기초") and " § " in text
    assert {"AWS docs", "AWS 문서", "NIST", "course text", "교재"} <= seen
    context.close()


#: The concepts drawn inside the map's box, and the scale.
IN_VIEW = """() => { const box = document.getElementById('graph').getBoundingClientRect();
  const ids = awskg.nodesView.getIds(); const at = awskg.network.getPositions(ids);
  return {scale: awskg.network.getScale(), ids: ids.filter(id => { const d = awskg.network.canvasToDOM(at[id]);
    return d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height; })}; }"""


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_first_view_is_a_readable_overview_and_the_rest_one_action_away(browser, builtin_map, kg, screen):
    context = browser.new_context(**screen)
    page = context.new_page()
    page.goto(builtin_map.resolve().as_uri())
    wait_ready(page)
    overview = [node for _, node in kg.overview]
    first = page.evaluate(IN_VIEW)
    assert first["scale"] >= 0.75  # labels at three quarters of their size or more
    assert 4 <= len(first["ids"]) <= 40 and set(first["ids"]) <= set(overview)
    assert page.evaluate("awskg.nodesView.length") == len(overview)
    assert page.evaluate("awskg.network.physics.physicsEnabled") is False  # drawn where Python put them
    placed = page.evaluate("awskg.network.getPositions()")
    assert all(
        [round(p["x"]), round(p["y"])] == [n["x"], n["y"]]
        for n in page.evaluate("awskg.data.nodes")
        for i, p in [(n["id"], placed.get(n["id"]))]
        if p
    )
    if screen is DESKTOP:
        assert set(first["ids"]) == set(overview)  # the whole overview in one screen
    # search, tours and relate reach a concept the overview does not show: it appears, in sight
    page.fill("#search", "t2")
    page.press("#search", "Enter")
    assert page.evaluate("awskg.selected()") == "t2"
    assert in_sight(page, "t2") == "map"
    assert set(kg.neighbors("t2")) <= set(page.evaluate("awskg.shown()"))  # with its neighbours
    page.evaluate("awskg.clear(); awskg.showRelate('ecs-task', 'fargate')")
    assert in_sight(page, "ecs-task") == "map" and in_sight(page, "fargate") == "map"
    # a topic, then everything
    page.evaluate("awskg.clear(); awskg.showTopic('aws-compute')")
    members = page.evaluate("awskg.data.topics.find(t => t.head === 'aws-compute').members")
    assert len(members) > 7 and set(members) <= set(page.evaluate("awskg.shown()"))
    page.evaluate("awskg.showAll()")
    assert page.evaluate("awskg.nodesView.length") == kg.graph.number_of_nodes()
    assert page.evaluate("awskg.shown()") is None
    context.close()


#: The stop's drawn box (label included) and the tour bubble's, in page pixels.
BOXES = """(id) => { const net = awskg.network, g = document.getElementById('graph').getBoundingClientRect();
  const b = net.getBoundingBox(id), a = net.canvasToDOM({x: b.left, y: b.top}), z = net.canvasToDOM({x: b.right, y: b.bottom});
  const u = document.getElementById('tour-bubble').getBoundingClientRect();
  return {node: [g.left + a.x, g.top + a.y, g.left + z.x, g.top + z.y], bubble: [u.left, u.top, u.right, u.bottom]}; }"""


def test_desktop_nothing_covers_what_you_read(browser, builtin_map, kg):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(builtin_map.resolve().as_uri())
    wait_ready(page)
    # the panel never hides a selected concept's neighbours: they are panned into view, at 0.6 of
    # their size or more; a hub whose neighbours lie farther apart is centred at its full size
    fitted = []
    for node in ("region", "availability-zone", "s3", "vpc", "ec2-instance"):
        page.evaluate("(id) => awskg.select(id)", node)
        assert in_sight(page, node) == "map"
        scale = page.evaluate("awskg.network.getScale()")
        assert scale >= 0.6 * 0.99  # (vis-network keeps the zoom relative to the width, to a pixel)
        if all_in_sight(page, kg.neighbors(node)):
            fitted.append(node)
        else:
            assert scale == pytest.approx(1.0, rel=0.01), node
    assert {"region", "availability-zone"} <= set(fitted)  # the others are hubs, centred at full size
    # the tour bubble stays clear of the stop and its label, at every stop
    page.evaluate("awskg.tour('cloud-basics-in-order', 0)")
    for step, stop in enumerate(kg.tours["cloud-basics-in-order"][:8]):
        page.evaluate(SETTLED)
        boxes = page.evaluate(BOXES, stop["node"])
        (a, b, c, d), (e, f, g, h) = boxes["node"], boxes["bubble"]
        assert c <= e or g <= a or d <= f or h <= b, (step, boxes)  # the two boxes do not meet
        page.evaluate("awskg.nextStop()")
    # relate pans rather than zooming out below readable labels, even for a far pair
    page.evaluate("awskg.clear(); awskg.showRelate('seoul-region', 'kubectl')")
    page.evaluate(SETTLED)
    assert page.evaluate("awskg.network.getScale()") >= 0.75
    assert in_sight(page, "seoul-region") == "map"
    context.close()


def test_walking_a_tour_to_its_end_marks_its_stops(browser, builtin_map, kg):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(builtin_map.resolve().as_uri())
    wait_ready(page)
    stops = [s["node"] for s in kg.tours["running-containers-on-aws"]]
    page.evaluate("(id) => awskg.mark(id, 'done')", stops[1])  # a mark the learner set stays
    page.evaluate("awskg.tour('running-containers-on-aws', 0)")
    assert page.evaluate("awskg.progress()") == {stops[1]: "done"}  # nothing yet: the first stop is being read
    for _ in stops[1:]:
        page.evaluate("awskg.nextStop()")
    marks = page.evaluate("awskg.progress()")
    assert marks == {s: "done" if s == stops[1] else "learning" for s in stops}
    assert page.text_content("#progress-count") == f"1 done · {len(set(stops)) - 1} learning"
    context.close()


def test_phone_quiz_is_a_sheet_of_its_own_above_which_its_options_show(phone):
    page = phone
    page.tap("#start-quiz")
    assert not page.evaluate("document.body.classList.contains('menu-open')")  # the map stays in view
    assert page.is_visible("#quiz-sheet #quiz-question") and page.is_visible("#quiz-place")
    state = page.evaluate("awskg.quizState()")
    assert state["index"] == 0 and state["total"] == 10
    sheet_top = page.evaluate("document.getElementById('quiz-sheet').getBoundingClientRect().top")
    assert sheet_top > 844 / 3
    assert "map" in [in_sight(page, o["id"]) for o in state["options"]]  # an option to tap in the map
    sizes = page.evaluate(
        "Array.from(document.querySelectorAll('#quiz-sheet button')).filter(b => b.offsetParent)"
        ".map(b => { const r = b.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert sizes and all(w >= 44 and h >= 44 for w, h in sizes)
    option = state["options"][0]["id"]
    page.tap(f"#quiz-sheet button[data-option='{option}']")
    assert page.evaluate("awskg.quizState().answer") == option and page.is_visible("#quiz-feedback")
    page.tap("#quiz-close")  # closed: the sheet goes, the quiz is back in the menu
    assert page.is_hidden("#quiz-sheet") and page.evaluate("awskg.quizState().seed") is None
    assert page.evaluate("document.getElementById('legend').contains(document.getElementById('quiz-box'))")


def test_a_neighbourhood_is_what_networkx_finds_with_the_same_filters(kg):
    """``select(focus=...)`` reads only the neighbourhood; networkx, reading the whole filtered graph, agrees."""
    import networkx as nx

    from awskg.explorer.view import select

    filters = [{}, {"kinds": ("service", "component")}, {"relations": ("uses", "runs-on", "part-of")}]
    for options in filters:
        kinds, relations = set(options.get("kinds", ())), set(options.get("relations", ()))
        whole = nx.MultiGraph()
        whole.add_nodes_from(n for n in kg.graph if not kinds or kg.kind(n) in kinds)
        kept = [
            (s, r, t) for s, r, t in kg.edge_keys() if s in whole and t in whole and (not relations or r in relations)
        ]
        whole.add_edges_from((s, t) for s, _, t in kept)
        for start in sorted(kg.graph)[::7]:
            for depth in (1, 2):
                view = select(kg, focus=start, depth=depth, **options)
                near = set(nx.ego_graph(whole, start, radius=depth)) if start in whole else set()
                facts = [e for e in kept if e[0] in near and e[2] in near]
                assert view.edges == facts, (start, depth, options)  # storage order, as edge_keys gives
                assert set(view.nodes) == {n for e in facts for n in (e[0], e[2])} | ({start} & near)
