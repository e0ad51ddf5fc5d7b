"""Study mode at the terminal: tours and quizzes."""

from __future__ import annotations

import json

import pytest

import awskg
from awskg.explorer.quiz import filed_with, questions
from awskg.explorer.tours import tour

from conftest import DATA


def test_builtin_ships_three_tours(run_json, kg):
    listed = run_json("tour")
    assert [t["name"] for t in listed] == [
        "cloud-basics-in-order",
        "running-containers-on-aws",
        "from-domain-name-to-server",
    ]
    assert all(t["stops"] >= 8 for t in listed)


@pytest.mark.parametrize("name", ["cloud-basics-in-order", "running-containers-on-aws", "from-domain-name-to-server"])
def test_each_builtin_tour_walks_end_to_end(kg, name):
    walk = tour(kg, name)
    assert [s.step for s in walk.stops] == list(range(1, len(walk.stops) + 1))
    assert walk.stops[0].link == []
    for before, stop in zip(walk.stops, walk.stops[1:], strict=False):
        assert stop.note and stop.summary
        assert stop.link, f"{before.id} -> {stop.id} has no link within 4 hops"
        ends = {stop.link[0].source, stop.link[0].target} | {stop.link[-1].source, stop.link[-1].target}
        assert {before.id, stop.id} <= ends
    for stop in tour(kg, name, "ko").stops:
        assert any("가" <= ch <= "힣" for ch in stop.note)


def test_domain_tour_follows_the_request(kg):
    ids = [s.id for s in tour(kg, "from-domain-name-to-server").stops]
    assert ids[:4] == ["domain-name", "route-53", "hosted-zone", "alias-record"] and ids[-4:] == [
        "subnet",
        "availability-zone",
        "vpc",
        "region",
    ]


def test_tour_text_and_unknown_tour(invoke):
    out = invoke("tour", "running-containers-on-aws").stdout.splitlines()
    assert out[0] == "running-containers-on-aws (9 stops)"
    assert "   ↳ Container image is stored in ECR" in out
    result = invoke("tour", "containers")
    assert result.exit_code == 2 and "unknown tour 'containers'" in result.stderr


def test_tour_csv_validation(make_pack, invoke):
    pack = make_pack(
        tours="tour,step,node,note,note_ko\nmy-tour,1,ec2,,\nmy-tour,1,s3,,\nmy-tour,x,s3,,\nBad Tour,2,fargat,,\n"
    )
    result = invoke("--pack", str(pack), "check")
    where = pack / "tours.csv"
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{where}:3: duplicate step 1 of tour 'my-tour' (first at {where}:2)",
        f"{where}:4: step must be a whole number from 1, got 'x'",
        f"{where}:5: invalid tour name 'Bad Tour': use lowercase letters, digits and hyphens",
        f"{where}:5: unknown node 'fargat', did you mean 'fargate' or 'fargate-profile'?",
        "4 problems found",
    ]


def test_good_overlay_tour_loads(make_pack):
    pack = make_pack(tours="tour,step,node,note,note_ko\nmine,2,s3,second,둘째\nmine,1,lambda,first,첫째\n")
    kg = awskg.load([pack])
    assert [s["node"] for s in kg.tours["mine"]] == ["lambda", "s3"]


def assert_honest(kg, q) -> None:
    edge = q.edge
    assert kg.graph.has_edge(edge["source"], edge["target"], key=edge["relation"])
    blank_target = q.answer == edge["target"]
    known = edge["source"] if blank_target else edge["target"]
    ids = [o["id"] for o in q.options]
    assert len(ids) == len(set(ids)) == 4 and q.answer in ids
    kind = kg.node(q.answer)["kind"]
    for other in ids:
        if other == q.answer:
            continue
        assert kg.node(other)["kind"] == kind
        fact = (known, other, edge["relation"]) if blank_target else (other, known, edge["relation"])
        assert not kg.graph.has_edge(*fact), (q.question, other)  # never a second correct answer
        assert not kg.graph.has_edge(known, other) and not kg.graph.has_edge(other, known)
        assert other not in filed_with(kg, q.answer)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_quiz_questions_are_correct_over_many_seeds(kg, lang):
    for seed in range(60):
        asked = questions(kg, count=5, seed=seed, lang=lang)
        assert len(asked) == 5
        for q in asked:
            assert_honest(kg, q)
            assert q.source_ref and q.explanation
            assert "___" in q.question


def test_quiz_is_deterministic_with_a_seed(kg):
    assert questions(kg, count=5, seed=7) == questions(kg, count=5, seed=7)
    assert questions(kg, count=5, seed=7) != questions(kg, count=5, seed=8)


def test_quiz_filters(kg):
    for q in questions(kg, count=10, kind="service", seed=1):
        assert kg.node(q.answer)["kind"] == "service"
    stops = {s["node"] for s in kg.tours["running-containers-on-aws"]}
    for q in questions(kg, count=10, tour="running-containers-on-aws", seed=1):
        assert q.edge["source"] in stops or q.edge["target"] in stops


def test_quiz_json(run_json, kg):
    data = run_json("quiz", "--count", "3", "--seed", "5")
    assert len(data) == 3
    assert set(data[0]) == {"question", "options", "answer", "explanation", "source_ref", "edge"}
    assert data == json.loads(json.dumps([q.__dict__ for q in questions(kg, count=3, seed=5)]))


def test_quiz_scores_answers(invoke, kg):
    asked = questions(kg, count=3, seed=11)
    letters = "ABCD"
    right = [letters[[o["id"] for o in q.options].index(q.answer)] for q in asked]
    wrong = next(letter for letter in letters if letter != right[1])
    label = next(o["label"] for o in asked[2].options if o["id"] == asked[2].answer)
    result = invoke("quiz", "--count", "3", "--seed", "11", input=f"{right[0]}\n{wrong}\n{label}\n")
    assert result.exit_code == 0
    assert result.stdout.count("✓ Right: ") == 2
    assert f"✗ Not quite, the answer is {right[1]}: {asked[1].explanation}" in result.stdout
    assert result.stdout.rstrip().endswith("Score: 2/3")


def test_quiz_in_korean_and_on_early_eof(invoke):
    result = invoke("--lang", "ko", "quiz", "--count", "3", "--seed", "2", input="A\n")
    assert result.exit_code == 0
    assert "문제 1/3:" in result.stdout and "문제 2/3:" in result.stdout and "문제 3/3:" not in result.stdout
    assert result.stdout.rstrip().endswith(("점수: 0/3", "점수: 1/3"))


def test_quiz_unknown_kind_and_tour(invoke):
    assert invoke("quiz", "--kind", "servce").exit_code == 2
    result = invoke("quiz", "--tour", "nowhere")
    assert result.exit_code == 2 and "unknown tour 'nowhere'" in result.stderr


def test_hostile_pack_tours_and_quiz_do_not_break(kg):
    hostile = awskg.load([DATA / "hostile"])
    assert questions(hostile, count=3, seed=1)


def test_quiz_with_too_few_concepts_of_a_kind(invoke, run_json):
    result = invoke("quiz", "--kind", "party")  # only AWS and Customer: four options cannot be filled
    assert result.exit_code == 1
    assert result.stderr.startswith("no question can be made from these facts")
    assert run_json("quiz", "--kind", "party") == []
