"""``learn``: what to learn before a concept, from the prerequisite traits of relations.csv."""

from __future__ import annotations

import json

import pytest

import awskg
from awskg.explorer.learn import learn
from awskg.explorer.sentences import sentence

# Every built-in relation's decision, as relations.csv states it (the reasons are in its descriptions).
PREREQUISITE = {
    "is-a",
    "part-of",
    "runs-on",
    "example-of",
    "located-in",
    "combines",
    "resolves",
    "instance-of",
    "based-on",
}

# One concept from each of the seed's sections: load balancers, global infrastructure,
# containers, serverless, networking.
ACROSS_SECTIONS = ["alb", "availability-zone", "pod", "lambda-function", "subnet", "eks", "hybrid-cloud"]


def test_each_builtin_relation_decides_its_prerequisite_trait_and_says_why(kg):
    decided = {name for name, r in kg.relations.items() if r.has("prerequisite")}
    assert decided == PREREQUISITE
    assert not kg.relations_with("prerequisite-inverse")
    for name, record in kg.relations.items():
        reason = "Prerequisite: " if name in PREREQUISITE else "No prerequisite: "
        assert reason in record.description, name
    # integrates-with and supports are not orderings
    assert not {"integrates-with", "supports"} & decided


def _needs(kg, node):
    """What ``node`` needs directly, read straight from the graph and the traits."""
    return {t for _, t, r in kg.graph.out_edges(node, keys=True) if kg.relations[r].has("prerequisite")} | {
        s for s, _, r in kg.graph.in_edges(node, keys=True) if kg.relations[r].has("prerequisite-inverse")
    }


def _closure(kg, node):
    seen, todo = set(), [node]
    while todo:
        for other in _needs(kg, todo.pop()) - seen - {node}:
            seen.add(other)
            todo.append(other)
    return seen


@pytest.mark.parametrize("name", ACROSS_SECTIONS)
def test_learn_lists_only_what_the_concept_needs_each_after_what_it_needs(kg, name):
    path = learn(kg, name, limit=200)
    ids = [s.id for s in path.steps]
    assert ids[-1] == name and path.target == {"id": name, "label": kg.label(name)}
    assert set(ids[:-1]) == _closure(kg, name)  # nothing unrelated, nothing missing
    assert len(ids) == len(set(ids))
    for position, node in enumerate(ids):
        assert _needs(kg, node) & set(ids) <= set(ids[:position]), node
    assert path.more == 0


@pytest.mark.parametrize("name", ACROSS_SECTIONS)
def test_each_step_carries_a_prerequisite_fact_about_it(kg, name):
    for lang in ("en", "ko"):
        path = learn(kg, name, limit=200, lang=lang)
        ids = [s.id for s in path.steps]
        for step in path.steps[:-1]:
            facts = {
                sentence(kg, step_or_other, r, target, lang)
                for step_or_other, target, r in kg.graph.edges(keys=True)
                if kg.relations[r].has("prerequisite") and target == step.id and step_or_other in ids
            }
            assert step.because in facts, (lang, step)
        assert path.steps[-1].because == ""


def test_the_default_limit_keeps_fifteen_steps_the_nearest_and_the_order_is_stable(kg):
    full = learn(kg, "pod", limit=200)
    assert len(full.steps) > 15
    short = learn(kg, "pod")
    assert len(short.steps) == 15 and short.more == len(full.steps) - 15
    assert short.steps[-1].id == "pod" and short.steps[-2].id in _needs(kg, "pod")
    # the kept steps keep the full order: a subsequence of it
    order = [s.id for s in full.steps]
    kept = [s.id for s in short.steps]
    assert [i for i in order if i in kept] == kept
    assert learn(kg, "pod").to_json() == short.to_json() == learn(awskg.load(), "pod").to_json()


def test_progress_leaves_done_steps_out_and_flags_learning_ones(kg):
    path = learn(kg, "alb", progress={"elb": "done", "vpc": "learning", "alb": "done", "s3": "learning"})
    ids = [s.id for s in path.steps]
    assert "elb" not in ids and "s3" not in ids  # s3 is no prerequisite of ALB: not listed for its mark
    assert {s.id: s.mark for s in path.steps}["vpc"] == "learning"
    assert path.steps[-1].id == "alb" and path.steps[-1].mark == "done"
    assert all(s.mark is None for s in path.steps if s.id not in ("vpc", "alb"))


def test_learn_refuses_a_limit_below_one(kg):
    with pytest.raises(ValueError, match="at least 1"):
        learn(kg, "alb", limit=0)


def test_an_author_relation_opts_in_either_way(make_pack):
    nodes = [[n, n.title(), "", "concept", "", "", "", ""] for n in ("basics", "middle", "advanced", "aside")]
    relations = [
        ["unlocks", "unlocks", "is unlocked by", "", "", "The source is learned first.", "prerequisite-inverse"],
        ["builds-on", "builds on", "is built on by", "", "", "The target is learned first.", "prerequisite"],
    ]
    edges = [
        ["basics", "unlocks", "middle", "", "https://e.x/1"],
        ["advanced", "builds-on", "middle", "", "https://e.x/2"],
        ["advanced", "uses", "aside", "", "https://e.x/3"],
    ]
    kg = awskg.load([make_pack(nodes=nodes, edges=edges, relations=relations)])
    path = learn(kg, "advanced")
    assert [(s.id, s.because) for s in path.steps] == [
        ("basics", "Basics unlocks Middle"),
        ("middle", "Advanced builds on Middle"),
        ("advanced", ""),
    ]


def test_learn_command_prints_numbered_steps_with_their_facts(invoke):
    result = invoke("learn", "ALB")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Steps to understand ALB, each after what it needs:"
    assert lines[-3:] == ["10. ELB", "    ALB is a type of ELB", "11. ALB  (goal)"]
    assert lines[1] == " 1. Cloud computing"  # numbers line up
    ko = invoke("--lang", "ko", "learn", "가용", "영역").stdout.splitlines()
    assert ko[0] == "가용 영역 학습 순서(선행 개념부터):"
    assert ko[-3:] == ["6. 리전", "   가용 영역은 리전의 일부이다", "7. 가용 영역  (목표)"]


def test_learn_json_and_limit(run_json, invoke):
    data = run_json("learn", "pod", "--limit", "3")
    assert list(data) == ["target", "steps", "more"]
    assert data["target"] == {"id": "pod", "label": "Pod"}
    assert [s["id"] for s in data["steps"]][-1] == "pod" and len(data["steps"]) == 3
    assert set(data["steps"][0]) == {"id", "label", "because", "mark"}
    assert data["more"] > 0
    assert "more basic concepts it needs" in invoke("learn", "pod", "--limit", "3").stdout
    refused = invoke("learn", "pod", "--limit", "0")
    assert refused.exit_code == 2 and "--limit" in refused.stderr


def test_learn_with_nothing_to_learn_first(invoke):
    result = invoke("learn", "cloud computing")
    assert result.exit_code == 0 and result.stdout == "Cloud computing needs no other concept first.\n"


def _progress(tmp_path, document, name="p.json"):
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return str(path)


def test_learn_reads_the_page_progress_file_and_its_older_version(invoke, run_json, tmp_path):
    current = {"format": "awskg-progress", "version": 2, "progress": {"elb": "done", "vpc": "learning"}}
    older = {"format": "awskg-progress", "key": "abc", "progress": {"elb": "done", "vpc": "learning"}}
    for document in (current, older):
        data = run_json("learn", "alb", "--progress", _progress(tmp_path, document, f"{id(document)}.json"))
        marks = {s["id"]: s["mark"] for s in data["steps"]}
        assert "elb" not in marks and marks["vpc"] == "learning"
    shown = invoke("learn", "alb", "--progress", _progress(tmp_path, current, "c.json")).stdout
    assert "VPC  [learning]" in shown


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"format": "awskg-progress", "progress": {', ":1: not JSON ("),
        ({"format": "other"}, ': not an awskg progress file (no "format": "awskg-progress")'),
        ({"format": "awskg-progress", "version": 3, "progress": {}}, ": version 3 is not one this awskg reads"),
        ({"format": "awskg-progress", "version": 2, "progress": []}, ': "progress" must map concept ids'),
        (
            {"format": "awskg-progress", "version": 2, "progress": {"alb": "mastered"}},
            ": the mark of 'alb' is 'mastered': use \"done\" or \"learning\"",
        ),
    ],
)
def test_a_bad_progress_file_is_a_clear_error_exit_1(invoke, tmp_path, document, message):
    path = _progress(tmp_path, document)
    result = invoke("learn", "alb", "--progress", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"Error: {path}") and message in result.stderr


def test_a_missing_progress_file_is_a_clear_error(invoke, tmp_path):
    result = invoke("learn", "alb", "--progress", str(tmp_path / "none.json"))
    assert result.exit_code == 1 and result.stderr == f"Error: {tmp_path / 'none.json'}: file not found\n"


@pytest.mark.parametrize(
    ("question", "lang"),
    [("what should I learn before EKS", "en"), ("EKS 전에 뭘 알아야 해?", "ko"), ("EKS를 배우려면?", "ko")],
)
def test_ask_routes_what_to_learn_first_to_learn(run_json, invoke, question, lang):
    # a question in Hangul is answered in Korean, as the learn command is with --lang ko
    assert run_json("ask", question) == run_json("--lang", lang, "learn", "EKS")
    assert invoke("--lang", lang, "ask", question).stdout == invoke("--lang", lang, "learn", "EKS").stdout
    assert awskg.ask(awskg.load(), question).kind == "learning"


def test_a_one_concept_question_without_learning_words_is_still_a_card():
    assert awskg.ask(awskg.load(), "what is EKS").kind == "card"


def test_the_study_docs_table_states_each_relations_decision(kg):
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "study.md").read_text("utf-8")
    decided = {}
    for line in doc.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[1] in ("target first", "none"):
            for name in cells[0].replace("`", "").split(","):
                decided[name.strip()] = cells[1] == "target first"
    assert decided == {name: record.has("prerequisite") for name, record in kg.relations.items()}


def test_a_bad_progress_file_is_said_in_korean_too(invoke, tmp_path):
    path = _progress(tmp_path, {"format": "awskg-progress", "progress": {"alb": "mastered"}})
    result = invoke("--lang", "ko", "learn", "alb", "--progress", path)
    assert result.exit_code == 1
    assert result.stderr == f"오류: {path}: 'alb'의 표시 'mastered': \"done\" 또는 \"learning\"만 쓸 수 있다\n"


def test_learn_an_unknown_name_exits_2(invoke):
    result = invoke("learn", "zzzqqq")
    assert result.exit_code == 2 and result.stderr == "Error: unknown concept 'zzzqqq'\n" and result.stdout == ""


@pytest.mark.parametrize(
    ("goal", "before"),
    [
        ("eks", ["container", "kubernetes"]),
        ("ecs", ["container"]),
        ("fargate", ["container"]),
        ("kubernetes", ["container"]),
    ],
)
def test_a_service_is_learned_after_the_technology_it_is_based_on(kg, goal, before):
    """Containers, then Kubernetes, then EKS: not a path through cloud models that never meets either."""
    order = [step.id for step in learn(kg, goal, limit=40).steps]
    assert order[-1] == goal
    assert [n for n in order if n in before] == before


def test_a_container_is_a_first_idea_not_learned_after_the_services_that_run_it(kg):
    # a part that a whole groups (a pod, an ECS task) or a platform that runs it (Fargate) comes after it
    assert [step.id for step in learn(kg, "container").steps] == ["container"]
    for whole in ("pod", "ecs-task", "fargate"):
        assert "container" in [step.id for step in learn(kg, whole, limit=40).steps]
