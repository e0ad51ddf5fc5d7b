"""The page's quiz teaches: sets of 5, 10 or 20, its place shown, why a wrong answer is wrong, resumed on reload."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from awskg.cli import cli

from browser import open_map, wait_ready

pytestmark = pytest.mark.browser


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    yield ctx
    ctx.close()


def cli_quiz(seed: int, count: int, lang: str = "en") -> list[dict]:
    printed = CliRunner().invoke(cli, ["--lang", lang, "quiz", "--count", str(count), "--seed", str(seed), "--json"])
    return json.loads(printed.stdout)


def test_a_set_of_five_is_what_the_cli_asks_and_says_why(context, builtin_map):
    page = open_map(context, builtin_map).page
    page.select_option("#quiz-length", "5")
    page.click("#quiz-start")
    seed = page.evaluate("awskg.quizState().seed")
    asked = cli_quiz(seed, 5)
    assert len(asked) == 5 and len({q["question"] for q in asked}) == 5
    for n, q in enumerate(asked):
        state = page.evaluate("awskg.quizState()")
        assert (state["index"], state["total"], state["question"]) == (n, 5, q["question"])
        assert state["options"] == q["options"]  # ids and labels, as `awskg quiz --json`
        assert page.text_content("#quiz-place") == f"Question {n + 1} / 5"
        assert state["answer"] is None and state["feedback"] is None
        wrong = next(o["id"] for o in q["options"] if o["id"] != q["answer"])
        page.click(f"#quiz-options button[data-option='{wrong}']")
        state = page.evaluate("awskg.quizState()")
        assert state["answer"] == wrong and state["feedback"] == page.text_content("#quiz-feedback")
        why = next((e.get("why") for e in q["evidence"] if e["option"] == wrong and e.get("why")), None)
        answer_label = next(o["label"] for o in q["options"] if o["id"] == q["answer"])
        wrong_label = next(o["label"] for o in q["options"] if o["id"] == wrong)
        said = state["feedback"]
        if why:  # why the chosen option is wrong, from its evidence, then what is right
            assert said.index(wrong_label) < said.index(why) < said.index(f"The answer is {answer_label}.")
        assert f"The answer is {answer_label}." in said and q["explanation"] in said
        assert "http" not in said and ".md" not in said  # cited as the card cites, never a file name
        assert state["missed"][-1] == q["answer"] and state["score"] == 0
        page.click("#quiz-next")
    assert page.evaluate("awskg.quizState()")["total"] == 5 and page.is_visible("#quiz-summary")


def test_twenty_on_request_and_a_reload_resumes(context, builtin_map):
    page = open_map(context, builtin_map).page
    seed = page.evaluate("awskg.startQuiz(12, 20)")
    asked = cli_quiz(seed, 20, "ko")
    page.evaluate("awskg.setLang('ko')")
    assert page.evaluate("awskg.quizState().total") == 20
    page.evaluate(
        "(answers) => answers.forEach(a => { awskg.answer(a); awskg.nextQuestion(); })",
        [q["answer"] for q in asked[:3]],
    )
    page.evaluate(f"awskg.answer('{asked[3]['answer']}')")
    before = page.evaluate("awskg.quizState()")
    page.reload()
    wait_ready(page)
    after = page.evaluate("awskg.quizState()")
    assert after == before and (after["index"], after["score"], after["answer"]) == (3, 4, asked[3]["answer"])
    assert after["question"] == asked[3]["question"]
    assert page.is_visible("#quiz-next") and page.text_content("#quiz-place") == "문제 4 / 20"
    # the course text is cited by its title, as the card cites it
    course = next((q for q in asked if q["source_ref"].startswith("aws-basics-ko.md")), None)
    if course:
        page.evaluate(f"awskg.startQuiz({seed}, 20)")
        for q in asked[: asked.index(course)]:
            page.evaluate(f"awskg.answer('{q['answer']}'); awskg.nextQuestion()")
        page.evaluate(f"awskg.answer('{course['answer']}')")
        assert "교재 §" in page.text_content("#quiz-feedback .source")
