"""The quiz: exactly one right answer, every wrong option backed by evidence in the graph."""

from __future__ import annotations

import json

import pytest

import awskg
from awskg.explorer.quiz import BLANK, candidates, questions

from conftest import DATA

RAW_PAIRS = ("을/를", "은/는", "이/가", "과/와", "(으)로", "은(는)")


def _reach(kg, node, relation, outward, transitive):
    """An independent walk (networkx, not the generator's code) of what a relation states from a node."""
    import networkx as nx

    pairs = [(e.source, e.target) for e in kg.edges() if e.relation == relation]
    graph = nx.DiGraph(pairs)
    if node not in graph:
        return set()
    if not outward:
        graph = graph.reverse()
    if transitive:
        return nx.descendants(graph, node)
    return set(graph.successors(node))


def assert_evidence(kg, candidate, option, why):
    """The rule named is one of the three, and what it rests on is itself in the graph."""
    assert option != candidate.answer
    if why["rule"] in ("exclusive", "complete"):
        dimension, value = candidate.property["dimension"], candidate.property["value"]
        assert why["dimension"] == dimension
        assert kg.dimensions[dimension].has(why["rule"])
        stated = kg.values_of(option, dimension)
        assert stated and sorted(stated) == why["values"]  # the option states its own values...
        assert value not in stated  # ...and the asked value is not among them
        assert value in kg.values_of(candidate.answer, dimension)
    else:
        assert why["rule"] == "closed"
        key = (why["node"], why["relation"], why["direction"])
        assert key in kg.complete  # the completeness mark exists
        outward = why["direction"] == "out"
        transitive = kg.relations[why["relation"]].has("transitive")
        stated = _reach(kg, why["node"], why["relation"], outward, transitive)
        assert candidate.answer in stated and option not in stated
        assert option != why["node"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_question_the_generator_can_ask_has_one_right_answer(kg, lang):
    pool = candidates(kg, lang)
    assert len(pool) >= 50  # enough for 50 questions without a repeat
    for candidate in pool:
        assert candidate.wrong, candidate.question
        for option, why in candidate.wrong.items():
            assert_evidence(kg, candidate, option, why)
        if candidate.edge:
            edge = candidate.edge
            assert kg.graph.has_edge(edge["source"], edge["target"], key=edge["relation"])
            assert candidate.answer in (edge["source"], edge["target"])
        else:
            assert candidate.property["value"] in kg.values_of(candidate.answer, candidate.property["dimension"])
        assert candidate.source_ref and candidate.explanation
        text = candidate.question + candidate.explanation
        assert not any(pair in text for pair in RAW_PAIRS), text


def test_both_languages_ask_the_same_questions(kg):
    en, ko = candidates(kg, "en"), candidates(kg, "ko")
    assert [(c.answer, c.edge, c.property, c.wrong) for c in en] == [
        (c.answer, c.edge, c.property, c.wrong) for c in ko
    ]


def test_drawn_questions_carry_their_evidence(kg):
    for seed in range(30):
        drawn = questions(kg, count=5, seed=seed)
        assert len(drawn) == 5
        for q in drawn:
            ids = [o["id"] for o in q.options]
            assert q.answer in ids and len(ids) == len(set(ids)) and 2 <= len(ids) <= 4
            assert sorted(e["option"] for e in q.evidence) == sorted(set(ids) - {q.answer})


def test_a_missing_fact_is_never_evidence(make_pack):
    # Two load balancers, one stated at layer 4 and one with no layer stated: the second
    # may be anything, so it is never offered as wrong; with no evidenced option, no question.
    pack = make_pack(
        nodes=[
            ["lb-one", "LB one", "", "concept", "", "", "", ""],
            ["lb-two", "LB two", "", "concept", "", "", "", ""],
        ],
        edges=[["lb-one", "uses", "lb-two", "", ""]],
        dimensions=[["layer", "Layer", "계층", "complete", ""]],
        values=[["layer", "four", "Layer 4", "계층 4", ""], ["layer", "seven", "Layer 7", "계층 7", ""]],
        properties=[["lb-one", "layer", "four", "", "", "https://example.com"]],
    )
    kg = awskg.load([pack])
    assert [c for c in candidates(kg) if c.property.get("dimension") == "layer"] == []


def test_an_exclusive_value_rules_the_other_out(make_pack):
    pack = make_pack(
        nodes=[["door", "Door", "", "concept", "", "", "", ""], ["gate", "Gate", "", "concept", "", "", "", ""]],
        edges=[["door", "uses", "gate", "", ""]],
        dimensions=[["state", "State", "상태", "exclusive", ""]],
        values=[["state", "open", "Open", "열림", ""], ["state", "shut", "Shut", "닫힘", ""]],
        properties=[["door", "state", "open", "", "", "https://e.x"], ["gate", "state", "shut", "", "", "https://e.x"]],
    )
    pool = [c for c in candidates(awskg.load([pack])) if c.property.get("dimension") == "state"]
    assert [(c.answer, c.property["value"], sorted(c.wrong)) for c in pool] == [
        ("door", "open", ["gate"]),
        ("gate", "shut", ["door"]),
    ]
    assert pool[0].question == "Which of these has state: Open?"


def test_a_closed_fact_rules_out_what_is_not_stated_even_through_a_chain(make_pack):
    nodes = [[n, n.title(), "", "concept", "", "", "", ""] for n in ("top", "mid", "low", "other", "stray")]
    pack = make_pack(
        nodes=nodes,
        edges=[["mid", "part-of", "top", "", ""], ["low", "part-of", "mid", "", ""], ["stray", "uses", "top", "", ""]],
        complete=[["top", "part-of", "in", "", "https://e.x"]],
    )
    pool = [c for c in candidates(awskg.load([pack])) if c.edge.get("target") == "top"]
    # "___ is part of Top": Mid is right; Low is right too (part-of is transitive), so never wrong
    mid = next(c for c in pool if c.answer == "mid")
    assert mid.question == f"{BLANK} is part of Top."
    assert {"other", "stray"} <= set(mid.wrong)  # concepts of the same kind, with no such fact
    assert "low" not in mid.wrong and "top" not in mid.wrong


def test_quiz_is_deterministic_with_a_seed(kg):
    assert questions(kg, count=5, seed=7) == questions(kg, count=5, seed=7)
    assert questions(kg, count=5, seed=7) != questions(kg, count=5, seed=8)


def test_quiz_filters_by_kind_and_tour(kg):
    services = questions(kg, count=10, kind="service", seed=1)
    assert len(services) == 10  # the filter keeps enough to ask, so the loop below checks something
    for q in services:
        assert kg.node(q.answer)["kind"] == "service"
    stops = {s["node"] for s in kg.tours["running-containers-on-aws"]}
    on_tour = questions(kg, count=10, tour="running-containers-on-aws", seed=1)
    assert on_tour
    for q in on_tour:
        assert q.answer in stops or q.edge.get("source") in stops or q.edge.get("target") in stops


def test_quiz_json_prints_the_generators_questions(run_json, kg):
    data = run_json("quiz", "--count", "3", "--seed", "5")
    assert len(data) == 3
    assert set(data[0]) == {
        "question",
        "options",
        "answer",
        "explanation",
        "source_ref",
        "edge",
        "property",
        "evidence",
    }
    assert data == json.loads(json.dumps([q.to_json() for q in questions(kg, count=3, seed=5)]))


def test_quiz_scores_answers(invoke, kg):
    asked = questions(kg, count=3, seed=11)
    letters = "ABCD"
    right = [letters[[o["id"] for o in q.options].index(q.answer)] for q in asked]
    wrong = next(letter for letter in letters[: len(asked[1].options)] if letter != right[1])
    label = next(o["label"] for o in asked[2].options if o["id"] == asked[2].answer)
    result = invoke("quiz", "--count", "3", "--seed", "11", input=f"{right[0]}\n{wrong}\n{label}\n")
    assert result.exit_code == 0
    assert result.stdout.count("✓ Right: ") == 2
    assert f"✗ Not quite, the answer is {right[1]}: {asked[1].explanation}" in result.stdout
    # a missed question ends the quiz with its concepts to review
    assert result.stdout.rstrip().endswith(f"Score: 2/3\nConcepts to review: {kg.label(asked[1].answer)}")


def test_quiz_unknown_kind_and_tour(invoke):
    assert invoke("quiz", "--kind", "servce").exit_code == 2
    result = invoke("quiz", "--tour", "nowhere")
    assert result.exit_code == 2 and "unknown tour 'nowhere'" in result.stderr


def test_hostile_pack_quiz_does_not_break(kg):
    hostile = awskg.load([DATA / "hostile"])
    assert questions(hostile, count=3, seed=1)


def test_quiz_with_no_evidenced_question_exits_1(invoke, run_json):
    result = invoke("quiz", "--kind", "party")  # nothing about AWS or the customer rules an option out
    assert result.exit_code == 1
    assert result.stderr.startswith("no question can be made here")
    assert run_json("quiz", "--kind", "party") == []


def test_wrong_options_are_read_once_and_counted_only_as_far_as_asked():
    from awskg.explorer.quiz import Wrong

    listed: list[int] = []

    def options():
        for i in range(1000):
            listed.append(i)
            yield f"o{i}", {"rule": "closed"}

    wrong = Wrong(options())
    assert wrong.at_least(2) and wrong.at_least(2) and len(listed) == 2  # enough, known from the first two, once
    assert not Wrong(iter([("a", {})])).at_least(2)
    assert len(wrong) == 1000 and wrong["o7"] == {"rule": "closed"} and len(listed) == 1000  # each read once
    assert wrong.at_least(1000) and not wrong.at_least(1001) and len(listed) == 1000 and list(wrong)[:2] == ["o0", "o1"]


def test_a_hub_reads_its_marks_wrong_options_once(make_pack):
    """Every fact a completeness mark closes shares its wrong options: asking whether there are enough reads a few."""
    import awskg

    kinds_read = []
    spokes = [[f"spoke-{i}", f"Spoke {i}", "", "concept", "", "", "", ""] for i in range(300)]
    pack = make_pack(
        nodes=[["hub", "Hub", "", "concept", "", "", "", ""], *spokes],
        edges=[["hub", "uses", f"spoke-{i}", "", "https://example.com/x", ""] for i in range(0, 300, 2)],
        complete=[["hub", "uses", "out", "", "https://example.com/x"]],
    )
    kg = awskg.load([pack])
    original = kg.neighbors

    def counted(node):
        kinds_read.append(node)
        return original(node)

    kg.neighbors = counted  # what each listing of the hub's wrong options starts by reading
    pool = [c for c in candidates(kg) if c.edge.get("source") == "hub"]
    assert len(pool) == 150 and kinds_read.count("hub") == 0  # 150 questions, none listed their options yet
    assert len(pool[0].wrong) >= 150 and kinds_read.count("hub") == 1 and pool[0].wrong is pool[-1].wrong
