"""Study mode in the page, in headless Chromium: tours, quiz, progress, and the URL hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import awskg
from awskg.explorer.quiz import questions
from awskg.explorer.tours import tour
from awskg.explorer.view import select
from awskg.exports.html import QUIZ_SIZE, render_html

from browser import node_centre, open_map, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture
def map_path(builtin_map) -> Path:
    return builtin_map


@pytest.fixture
def context(browser):
    """A fresh browser profile per test, so localStorage starts empty."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    yield ctx
    ctx.close()


def test_tour_navigation_with_buttons_and_arrows(context, map_path, kg):
    page = open_map(context, map_path).page
    walk = tour(kg, "running-containers-on-aws")
    page.select_option("#tour-select", "running-containers-on-aws")
    assert page.evaluate("awskg.tourState()") == {"name": "running-containers-on-aws", "step": 1}
    assert page.evaluate("awskg.selected()") == walk.stops[0].id
    assert page.is_disabled("#tour-prev") and page.is_enabled("#tour-next")
    page.click("#tour-next")
    page.click("#tour-next")
    third = walk.stops[2]
    assert page.evaluate("awskg.selected()") == third.id
    assert page.text_content("#tour-step") == "Stop 3 of 9"
    assert page.text_content("#tour-note") == third.note
    links = sorted(page.evaluate("awskg.edges.get().filter(e => e.state === 'link').map(e => e.id)"))
    assert links == sorted(f"{h.source}|{h.relation}|{h.target}" for h in third.link)
    states = page.evaluate("Object.fromEntries(awskg.nodes.get().map(n => [n.id, n.state]))")
    assert states[walk.stops[1].id] == "highlight" and states[third.id] == "highlight"
    page.locator("#graph").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("awskg.tourState()")["step"] == 4
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("awskg.tourState()")["step"] == 2
    page.evaluate("awskg.tour('running-containers-on-aws', 8)")
    assert page.is_disabled("#tour-next")
    page.keyboard.press("Escape")
    assert page.evaluate("awskg.tourState()") == {"name": None, "step": None}


def test_quiz_by_button_and_by_clicking_the_node(context, map_path, kg):
    opened = open_map(context, map_path)
    page = opened.page
    seed = page.evaluate("awskg.startQuiz(7)")
    asked = questions(kg, count=QUIZ_SIZE, seed=7, within=set(kg.graph.nodes))
    quiz = page.evaluate("awskg.data.quiz")
    pool = [{**quiz["pool"][i], "options": options} for i, options, *_ in quiz["sets"]["7"]]
    assert seed == 7 and len(pool) == len(asked)
    for q, same in zip(pool, asked, strict=True):  # the page asks the CLI generator's questions, same seed
        assert (q["question"]["en"], q["answer"], q["options"]) == (
            same.question,
            same.answer,
            [o["id"] for o in same.options],
        )
        if q["edge"]:
            source, relation, target = q["edge"].split("|")
            assert kg.graph.has_edge(source, target, key=relation) and q["answer"] in (source, target)
    assert page.text_content("#quiz-seed") == "Question set 7"
    first = pool[0]
    assert page.text_content("#quiz-question") == first["question"]["en"]
    page.click(f"#quiz-options button[data-option='{first['answer']}']")
    assert page.evaluate("awskg.quizState()")["score"] == 1
    assert page.text_content("#quiz-feedback").startswith("Right!")
    assert page.text_content("#quiz-score") == "Score: 1 / 1"
    page.click("#quiz-next")
    second = pool[1]
    wrong = next(o for o in second["options"] if o != second["answer"])
    page.evaluate(
        "(id) => awskg.network.moveTo({position: awskg.network.getPositions([id])[id], animation: false})", wrong
    )
    x, y = node_centre(page, wrong)
    page.mouse.click(x, y)  # answering by clicking the concept in the map
    state = page.evaluate("awskg.quizState()")
    assert state["answered"] == wrong and state["score"] == 1 and state["asked"] == 2
    assert page.get_attribute(f"#quiz-options button[data-option='{second['answer']}']", "class") == "right"
    page.evaluate("awskg.setLang('ko')")
    assert page.text_content("#quiz-question") == second["question"]["ko"]
    assert opened.errors == []


def test_progress_persists_across_reload_and_counts(context, map_path):
    page = open_map(context, map_path).page
    page.evaluate("awskg.select('vpc', {animate: false})")
    page.click("#panel button[data-mark='done']")
    page.evaluate("awskg.select('eks', {animate: false})")
    page.locator("#graph").focus()
    page.keyboard.press("l")  # keyboard: l = learning
    assert page.evaluate("awskg.progress()") == {"vpc": "done", "eks": "learning"}
    assert page.text_content("#progress-count") == "1 done · 1 learning"
    assert page.evaluate("awskg.nodes.get('vpc').label") == "✓ VPC"
    page.reload()
    wait_ready(page)
    assert page.evaluate("awskg.progress()") == {"vpc": "done", "eks": "learning"}
    assert page.evaluate("awskg.nodes.get('eks').label") == "◐ EKS"
    assert page.text_content("#progress-count") == "1 done · 1 learning"


def test_progress_is_one_store_for_every_map(context, map_path, tmp_path):
    """A mark made on the full map shows on a --focus map; marks of concepts a map lacks are kept."""
    kg = awskg.load()
    other = tmp_path / "other.html"
    other.write_text(render_html(kg, select(kg, focus="vpc", depth=1)), "utf-8")
    page = open_map(context, map_path).page
    page.evaluate("awskg.mark('vpc', 'done'); awskg.mark('lambda', 'learning')")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('awskg-progress'))") == ["awskg-progress"]
    page2 = open_map(context, other).page
    assert page2.evaluate("awskg.progress()") == {"vpc": "done"}  # lambda is not on this map
    assert page2.evaluate("awskg.nodes.get('vpc').label") == "✓ VPC"
    page2.evaluate("awskg.mark('subnet', 'learning')")
    page.reload()
    wait_ready(page)
    assert page.evaluate("awskg.progress()") == {"vpc": "done", "lambda": "learning", "subnet": "learning"}


def test_progress_from_an_older_map_is_merged(context, map_path):
    page = open_map(context, map_path).page
    page.evaluate("localStorage.setItem('awskg-progress:0123abcd', JSON.stringify({eks: 'done', gone: 'learning'}))")
    page.reload()
    wait_ready(page)
    assert page.evaluate("awskg.progress()") == {"eks": "done"}
    assert json.loads(page.evaluate("localStorage.getItem('awskg-progress')")) == {"eks": "done", "gone": "learning"}


def test_progress_export_and_import(context, map_path, tmp_path):
    page = open_map(context, map_path).page
    page.evaluate("awskg.mark('lambda', 'done'); awskg.mark('s3', 'learning')")
    with page.expect_download() as download:
        page.click("#progress-export")
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["format"] == "awskg-progress" and data["progress"] == {"lambda": "done", "s3": "learning"}
    fresh = context.browser.new_context()
    try:
        page2 = open_map(fresh, map_path).page
        page2.evaluate("awskg.mark('vpc', 'done'); awskg.mark('s3', 'done')")
        page2.set_input_files("#progress-import", str(saved))
        page2.wait_for_function("awskg.progress().lambda === 'done'")  # merged by concept id
        assert page2.text_content("#progress-message") == "Progress imported: 2 concepts."
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps({**data, "format": "something-else"}))
        page2.set_input_files("#progress-import", str(bad))
        page2.wait_for_function(
            "document.getElementById('progress-message').textContent.includes('not awskg progress')"
        )
        assert page2.evaluate("awskg.progress()") == {"lambda": "done", "s3": "learning", "vpc": "done"}
    finally:
        fresh.close()


def test_url_hash_restores_the_same_view(context, map_path):
    page = open_map(context, map_path).page
    page.click("button[data-lang='ko']")
    page.uncheck("input[data-kind='product']")
    page.uncheck("input[data-relation='is-a']")
    page.select_option("#tour-select", "from-domain-name-to-server")
    page.click("#tour-next")
    url = page.url
    assert "tour=from-domain-name-to-server" in url and "step=2" in url and "lang=ko" in url
    visible = page.evaluate("[awskg.network.body.nodeIndices.length, awskg.network.body.edgeIndices.length]")
    second = open_map(context.browser.new_context(), url).page  # a bookmark opened elsewhere
    assert second.evaluate("awskg.lang()") == "ko"
    assert second.evaluate("awskg.tourState()") == {"name": "from-domain-name-to-server", "step": 2}
    assert second.evaluate("awskg.selected()") == "route-53"
    assert second.is_checked("input[data-kind='product']") is False
    assert second.evaluate("[awskg.network.body.nodeIndices.length, awskg.network.body.edgeIndices.length]") == visible
    second.context.close()
