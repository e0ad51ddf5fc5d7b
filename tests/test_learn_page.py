"""The page's "Learn first" list, "What next" and quiz "why", in headless Chromium, held equal to the CLI's."""

from __future__ import annotations

import json

import pytest

from awskg.explorer.learn import learn
from awskg.explorer.quiz import questions
from awskg.exports.html import QUIZ_SIZE

from browser import open_map

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, builtin_map):
    """A fresh profile (empty progress) on the built-in map."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    opened = open_map(context, builtin_map)
    yield opened.page
    assert opened.errors == [] and opened.dialogs == []
    context.close()


def _steps_shown(page) -> list[list[str]]:
    return page.evaluate(
        "Array.from(document.querySelectorAll('#panel ol.learn-first li'))"
        ".map(li => [li.getAttribute('data-step'), li.getAttribute('data-done')])"
    )


def test_every_concepts_learn_first_equals_the_cli(page, kg, invoke):
    steps = page.evaluate("awskg.data.learn.steps")
    for node in kg.graph:
        expected = [s.id for s in learn(kg, node).steps[:-1]]
        assert steps.get(node, []) == expected, node
    for name in ("alb", "availability-zone", "pod", "lambda-function", "subnet", "eks"):
        cli = json.loads(invoke("learn", name, "--json").stdout)
        page.evaluate(f"awskg.select('{name}', {{animate: false}})")
        shown = _steps_shown(page)
        assert [step for step, _ in shown] == [s["id"] for s in cli["steps"][:-1]], name
        labels = page.evaluate(
            "Array.from(document.querySelectorAll('#panel ol.learn-first li')).map(li => li.textContent)"
        )
        assert labels == [s["label"] for s in cli["steps"][:-1]]


def test_done_steps_are_ticked_and_what_next_follows_the_marks(page, kg):
    alb_steps = [s.id for s in learn(kg, "alb").steps[:-1]]
    marks = {step: "done" for step in alb_steps}
    marks["nlb"] = "learning"
    page.evaluate(f"Object.entries({json.dumps(marks)}).forEach(([id, m]) => awskg.mark(id, m))")
    page.evaluate("awskg.select('alb', {animate: false})")
    shown = _steps_shown(page)
    assert shown == [[step, "true"] for step in alb_steps]
    assert all(
        t.startswith("✓ ")
        for t in page.evaluate(
            "Array.from(document.querySelectorAll('#panel ol.learn-first li')).map(li => li.textContent)"
        )
    )
    # what next: not done, every step done; learning first, then the most steps, then map order
    order = page.evaluate("awskg.data.nodes.map(n => n.id)")
    ready = [
        n
        for n in order
        if marks.get(n) != "done" and all(marks.get(s) == "done" for s in [x.id for x in learn(kg, n).steps[:-1]])
    ]
    ready.sort(key=lambda n: (marks.get(n) != "learning", -(len(learn(kg, n).steps) - 1), order.index(n)))
    expected = [n for n in ready[:5] if n != "alb"]
    suggested = page.evaluate(
        "Array.from(document.querySelectorAll('#panel ul.what-next li')).map(li => li.getAttribute('data-step'))"
    )
    assert suggested == expected and suggested[0] == "nlb" and "alb" in ready[:5]
    # a partly learned concept is not suggested: one of its steps is not done
    page.evaluate(f"awskg.mark('{alb_steps[-1]}', '')")
    page.evaluate("awskg.select('alb', {animate: false})")
    assert [done for _, done in _steps_shown(page)][-1] == "false"
    after = page.evaluate(
        "Array.from(document.querySelectorAll('#panel ul.what-next li')).map(li => li.getAttribute('data-step'))"
    )
    assert "nlb" not in after


def test_the_open_card_follows_every_mark_made_here_or_in_another_tab(page, builtin_map):
    """A mark redraws the open card whatever concept it is for: its steps' ticks change too."""
    step = page.evaluate("awskg.data.learn.steps['alb'][0]")
    page.evaluate("awskg.select('alb', {animate: false})")
    page.evaluate(f"awskg.mark('{step}', 'done')")
    assert _steps_shown(page)[0] == [step, "true"]
    page.fill("#panel [data-focus='pair-input']", "NLB")  # half-way through asking something else
    other = open_map(page.context, builtin_map)  # another tab of this browser
    other.page.evaluate(f"awskg.mark('{step}', ''); awskg.mark('alb', 'learning')")
    page.wait_for_function(f"document.querySelector(\"#panel li[data-step='{step}']\").dataset.done === 'false'")
    assert page.get_attribute("#panel button[data-mark='learning']", "aria-pressed") == "true"
    assert page.input_value("#panel [data-focus='pair-input']") == "NLB"  # the redraw kept what was typed
    assert other.errors == []
    other.page.close()


def test_no_what_next_before_any_mark(page):
    page.evaluate("awskg.select('alb', {animate: false})")
    assert page.evaluate("document.querySelectorAll('#panel ul.what-next').length") == 0
    assert len(_steps_shown(page)) > 0


def test_the_page_quiz_says_why_the_option_picked_is_wrong(page, kg):
    page.evaluate("awskg.startQuiz(7)")
    first = questions(kg, count=QUIZ_SIZE, seed=7, within=set(kg.graph))[0]
    wrong = first.evidence[0]
    page.click(f"#quiz-options button[data-option='{wrong['option']}']")
    chosen = kg.label(wrong["option"])
    assert page.evaluate("awskg.quizState()")["feedback"].startswith(f"Why not {chosen}: {wrong['why']} ")
    ko = questions(kg, count=QUIZ_SIZE, seed=7, within=set(kg.graph), lang="ko")[0]
    page.evaluate("awskg.setLang('ko')")
    why_ko = next(e["why"] for e in ko.evidence if e["option"] == wrong["option"])
    feedback = page.evaluate("awskg.quizState()")["feedback"]
    assert feedback.startswith(f"{kg.label(wrong['option'], 'ko')} — 오답인 이유: {why_ko} ")
