"""Why a wrong answer is wrong: said from the quiz's evidence, in the JSON, the terminal and the Anki deck."""

from __future__ import annotations

import html
import json

import pytest
from test_study_tools import export_deck, read_deck
from test_terminal import ANSI, finish, piped, spawn

import awskg
from awskg.explorer import quiz
from awskg.explorer.quiz import candidates, questions
from awskg.printers import option_picked

LANGS = ("en", "ko")


def _stated_side(kg, node, relation, direction):
    """The concepts a completeness mark closes, read from the graph (both ways for a symmetric relation)."""
    out = {t for _, t, r in kg.graph.out_edges(node, keys=True) if r == relation}
    into = {s for s, _, r in kg.graph.in_edges(node, keys=True) if r == relation}
    if kg.relations[relation].has("symmetric"):
        return out | into
    return out if direction == "out" else into


def _check_why(kg, candidate, option, lang, why):
    """The sentence names the option and exactly what the evidence says, and the evidence holds in the graph."""
    evidence = candidate.wrong[option]
    assert kg.label(option, lang) in why
    if evidence["rule"] == "closed":
        node, relation, direction = evidence["node"], evidence["relation"], evidence["direction"]
        assert (node, relation, direction) in kg.complete
        stated = _stated_side(kg, node, relation, direction)
        assert option not in stated and stated
        assert kg.label(node, lang) in why
        if len(stated) <= quiz.WHY_NAMES:
            assert all(kg.label(n, lang) in why for n in stated)
        return
    dimension, asked = evidence["dimension"], candidate.property["value"]
    values = {p.value for p in kg.properties_of(option) if p.dimension == dimension}
    assert values == set(evidence["values"]) and asked not in values
    assert kg.dimensions[dimension].has(evidence["rule"])
    assert kg.dimension_label(dimension, lang) in why
    assert all(kg.value_label(dimension, v, lang) in why for v in values)
    assert kg.value_label(dimension, asked, lang) in why


@pytest.mark.parametrize("lang", LANGS)
def test_every_wrong_option_of_every_question_has_a_true_why(kg, lang):
    checked = set()
    for candidate in candidates(kg, lang):
        for option in candidate.wrong:
            why = quiz.why_wrong(kg, candidate, option, lang)
            assert why.strip(), (candidate.question, option)
            # said to the learner in one polite voice, values and options quoted: never 한다체 here
            assert lang == "en" or (why.endswith("해당하지 않습니다.") and "‘" in why), why
            _check_why(kg, candidate, option, lang, why)
            checked.add(candidate.wrong[option]["rule"])
    assert checked == {"exclusive", "complete", "closed"}


@pytest.mark.parametrize("lang", LANGS)
def test_each_evidence_item_of_the_quiz_carries_its_why(kg, lang):
    by_question = {(c.question, c.answer): c for c in candidates(kg, lang)}
    asked = questions(kg, count=10**6, seed=4, lang=lang)
    assert asked
    for question in asked:
        candidate = by_question[(question.question, question.answer)]
        for item in question.evidence:
            assert item["why"] == quiz.why_wrong(kg, candidate, item["option"], lang)


def test_the_why_reads_as_the_issue_asks(kg):
    layer = next(c for c in candidates(kg) if c.property.get("value") == "l7" and "nlb" in c.wrong)
    assert (
        quiz.why_wrong(kg, layer, "nlb", "en") == "NLB — OSI layer: Layer 4 (transport) only, not Layer 7 (application)"
    )
    ko = next(c for c in candidates(kg, "ko") if c.property.get("value") == "l7" and "nlb" in c.wrong)
    assert (
        quiz.why_wrong(kg, ko, "nlb", "ko")
        == "NLB의 OSI 계층은 ‘계층 4(전송)’뿐입니다. 그래서 ‘계층 7(애플리케이션)’에 해당하지 않습니다."
    )
    subtype = next(c for c in candidates(kg) if c.edge.get("target") == "elb" and "s3" in c.wrong)
    assert (
        quiz.why_wrong(kg, subtype, "s3", "en")
        == "ELB has the subtype ALB, CLB, GWLB and NLB, and nothing else: not S3"
    )


def test_quiz_json_carries_why(run_json):
    data = run_json("--lang", "ko", "quiz", "--count", "5", "--seed", "2")
    whys = [item["why"] for q in data for item in q["evidence"]]
    assert whys and all(isinstance(w, str) and w for w in whys)


def test_the_anki_fact_card_back_says_why_each_wrong_option_is_wrong(invoke, kg, tmp_path):
    notes = read_deck(export_deck(invoke, tmp_path), tmp_path)["notes"]
    backs = {(n["fields"][0], n["fields"][2]): n["fields"][3] for n in notes if n["model"] == "awskg fact"}
    asked = questions(kg, count=10**6, seed=0, within=set(kg.graph), distinct=False)  # as the deck draws them
    assert asked
    for question in asked:
        back = backs[(html.escape(question.question), html.escape(kg.label(question.answer)))]
        for item in question.evidence:
            assert f'<span class="why">✗ {html.escape(item["why"])}</span>' in back


# --- the terminal -------------------------------------------------------------


def _keys(seed, count, lang="en"):
    asked = questions(awskg.load(), count=count, seed=seed, lang=lang)
    right = ["ABCD"[[o["id"] for o in q.options].index(q.answer)] for q in asked]
    wrong = [next(k for k in "ABCD"[: len(q.options)] if k != r) for q, r in zip(asked, right, strict=True)]
    return asked, right, wrong


def test_a_wrong_answer_is_explained_and_the_quiz_ends_with_what_to_review(tmp_path):
    asked, right, wrong = _keys(11, 3)
    progress = tmp_path / "progress.json"
    progress.write_text(json.dumps({"format": "awskg-progress", "version": 2, "progress": {"s3": "done"}}))
    child = spawn("quiz", "--count", "3", "--seed", "11", "--progress", str(progress), width=300)
    child.expect_exact("Your answer (A–")
    child.sendline(right[0])
    child.expect_exact("✓ Right")
    child.expect_exact("Your answer (A–")
    child.sendline(wrong[1])
    option_picked = asked[1].options["ABCD".index(wrong[1])]["id"]
    why = next(e["why"] for e in asked[1].evidence if e["option"] == option_picked)
    child.expect_exact("Why not:")
    child.expect_exact("\r\n")
    assert ANSI.sub("", child.before).strip() == why
    child.expect_exact("Your answer (A–")
    child.sendline(right[2])
    finish(child)
    out = ANSI.sub("", child.before).replace("\r\n", "\n")
    review = [asked[1].answer]
    labels = ", ".join(awskg.load().label(n) for n in review)
    assert out.rstrip().endswith(f'Score: 2/3\nConcepts to review: {labels}\nMarked "learning" in {progress}.')
    assert child.exitstatus == 0
    saved = json.loads(progress.read_text())
    assert saved == {"format": "awskg-progress", "version": 2, "progress": {"s3": "done", asked[1].answer: "learning"}}


def test_ctrl_c_prints_the_score_then_what_to_review(tmp_path):
    asked, _, wrong = _keys(11, 3, "ko")
    progress = tmp_path / "new.json"  # made when absent
    child = spawn("--lang", "ko", "quiz", "--count", "3", "--seed", "11", "--progress", str(progress))
    child.expect_exact("답(A–")
    child.sendline(wrong[0])
    child.expect_exact("오답 이유:")
    child.expect_exact("답(A–")
    child.sendintr()
    finish(child)
    out = ANSI.sub("", child.before)
    kg = awskg.load()
    first = asked[0]
    ends = [first.edge.get("source", first.answer), first.edge.get("target", first.answer)]
    review = list(dict.fromkeys([first.answer, *ends]))
    assert "점수: 0/1" in out and f"복습할 개념: {', '.join(kg.label(n, 'ko') for n in review)}" in out
    assert out.index("점수: 0/1") < out.index("복습할 개념")
    assert child.exitstatus == 130
    assert json.loads(progress.read_text())["progress"] == {n: "learning" for n in review}


def test_a_bad_progress_file_is_refused_before_any_question(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "awskg-progress", "version": 9, "progress": {}}')
    result = piped("quiz", "--progress", str(bad), input="A\n")
    assert result.returncode == 1 and "Question" not in result.stdout
    assert f"{bad}: version 9 is not one this awskg reads" in result.stderr
    assert json.loads(bad.read_text())["version"] == 9  # untouched


def test_all_right_prints_no_review_and_writes_nothing(tmp_path):
    _, right, _ = _keys(3, 2)
    progress = tmp_path / "p.json"
    result = piped("quiz", "--count", "2", "--seed", "3", "--progress", str(progress), input="\n".join(right) + "\n")
    assert result.returncode == 0 and result.stdout.rstrip().endswith("Score: 2/2")
    assert "review" not in result.stdout and not progress.exists()


# --- the option typed is the option meant ---------------------------------------------


def test_a_letter_or_number_is_matched_before_any_label():
    options = [{"id": f"n{i}", "label": label} for i, label in enumerate("BDCA")]
    assert option_picked("D", options, "ABCD") == "n3"  # the letter D, not the option labelled D
    assert option_picked("d", options, "ABCD") == "n3"
    assert option_picked("2", options, "ABCD") == "n1"
    numbered = [{"id": "one", "label": "3"}, {"id": "two", "label": "x"}, {"id": "three", "label": "y"}]
    assert option_picked("3", numbered, "ABC") == "three"
    named = [{"id": "alb", "label": "ALB"}, {"id": "nlb", "label": "NLB"}]
    assert option_picked("nlb", named, "AB") == "nlb" and option_picked("ALB", named, "AB") == "alb"
    assert option_picked("E", options, "ABCD") is None


@pytest.fixture
def lettered(make_pack):
    """A pack whose four concepts are labelled with letters, and one question about them."""
    nodes = [["hub", "Hub", "", "concept", "", "", "", ""]]
    nodes += [[f"letter-{c.lower()}", c, "", "letter", "", "", "", ""] for c in "ABCD"]
    return make_pack(
        nodes=nodes,
        kinds=[["letter", "Letter"]],
        edges=[["letter-a", "part-of", "hub", "", "https://e.x/1"]],
        complete=[["hub", "part-of", "in", "", "https://e.x/2"]],
    )


def test_the_letter_typed_is_the_option_meant_with_letter_labels(lettered):
    kg = awskg.load([lettered])
    for seed in range(200):
        (question,) = questions(kg, count=1, seed=seed, kind="letter")
        labels = [o["label"] for o in question.options]
        key = "ABCD"[[o["id"] for o in question.options].index(question.answer)]
        # the right letter is also the label of an option listed before the answer: old code scored it wrong
        if key in labels and labels.index(key) < "ABCD".index(key):
            break
    else:
        pytest.fail("no seed puts a letter label before the answer")
    result = piped(
        "--pack", str(lettered), "quiz", "--count", "1", "--seed", str(seed), "--kind", "letter", input=f"{key}\n"
    )
    assert result.returncode == 0, result.stderr
    assert "✓ Right" in result.stdout and "Score: 1/1" in result.stdout


def test_the_why_of_a_hub_mark_is_said_once_however_many_questions_ask_it(make_pack, monkeypatch):
    # every child of the hub is an answer, and every question rules out the same others by
    # one completeness mark: the deck asks them all, so its whys must not walk the hub each time
    nodes = [["hub", "Hub", "", "concept", "", "", "", ""]]
    nodes += [[f"kid-{i}", f"Kid {i}", "", "concept", "", "", "", ""] for i in range(300)]
    nodes += [[f"stray-{i}", f"Stray {i}", "", "concept", "", "", "", ""] for i in range(3)]
    edges = [[f"kid-{i}", "part-of", "hub", "", "https://e.x/"] for i in range(300)]
    edges += [[f"stray-{i}", "uses", "hub", "", "https://e.x/"] for i in range(3)]
    kg = awskg.load([make_pack(nodes=nodes, edges=edges, complete=[["hub", "part-of", "in", "", "x"]])])
    said = []
    real = quiz.sentence
    monkeypatch.setattr(quiz, "sentence", lambda *a, **k: said.append((a[1:4], k.get("object_label"))) or real(*a, **k))
    asked = [q for q in questions(kg, count=10**6, seed=0, distinct=False) if q.edge.get("target") == "hub"]
    assert len(asked) == 300 and all(q.evidence and all(e["why"] for e in q.evidence) for q in asked)
    assert sum(label is not None and "hub" in fact for fact, label in said) == 1
    assert (
        asked[0]
        .evidence[0]["why"]
        .startswith("Hub contains Kid 0, Kid 1, Kid 10, Kid 100, Kid 101, Kid 102 and 294 more, and nothing else: not ")
    )
