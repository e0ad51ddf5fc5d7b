"""relate and ask: paths, their direction, their ranking, and the exit codes."""

from __future__ import annotations

import pytest

import awskg
from awskg.errors import NoPath
from awskg.explorer.paths import relate


def hop_triples(path: dict) -> list[tuple[str, str, str]]:
    return [(h["source"], h["relation"], h["target"]) for h in path["hops"]]


def test_relate_json_contract_fargate_eks(run_json):
    data = run_json("relate", "Fargate", "EKS")
    assert list(data) == ["from", "to", "paths", "shared"]
    assert data["from"] == {"id": "fargate", "label": "Fargate"}
    assert data["to"] == {"id": "eks", "label": "EKS"}
    first = data["paths"][0]
    assert first["length"] == 1
    # stored direction, read from the side the question starts on
    assert [{k: v for k, v in hop.items() if k != "note"} for hop in first["hops"]] == [
        {"source": "eks", "relation": "uses", "target": "fargate", "text": "Fargate is used by EKS"}
    ]
    assert first["hops"][0]["note"].startswith("Pods that a Fargate profile selects run on Fargate")
    for path in data["paths"]:
        assert set(path) == {"length", "hops"} and path["length"] == len(path["hops"])
        for hop in path["hops"]:
            assert set(hop) == {"source", "relation", "target", "text", "note"}


def test_relate_reads_forward_when_walking_with_the_edge(run_json):
    data = run_json("relate", "EKS", "Fargate")
    assert data["paths"][0]["hops"][0]["text"] == "EKS uses Fargate"


def test_every_hop_is_a_stored_edge_and_paths_chain(run_json, kg):
    data = run_json("relate", "Route 53", "subnet", "--limit", "5")
    for path in data["paths"]:
        walk = ["route-53"]
        for source, relation, target in hop_triples(path):
            assert kg.graph.has_edge(source, target, key=relation)
            assert walk[-1] in (source, target)
            walk.append(target if walk[-1] == source else source)
        assert walk[-1] == "subnet"
        assert len(set(walk)) == len(walk)  # simple paths


@pytest.mark.parametrize(
    "a, b, stored, text",
    [
        (
            "region",
            "availability zone",
            ("availability-zone", "part-of", "region"),
            "Region contains Availability Zone",
        ),
        ("Lambda", "S3", ("s3", "triggers", "lambda"), "Lambda is triggered by S3"),
    ],
)
def test_relate_reads_the_inverse_when_walking_against_the_edge(run_json, a, b, stored, text):
    data = run_json("relate", a, b)
    assert hop_triples(data["paths"][0]) == [stored]  # the edge as stored, from b to a
    assert data["paths"][0]["hops"][0]["text"] == text


def test_paths_are_distinct_mechanisms_and_limited(run_json):
    data = run_json("relate", "ECS", "ECS task", "--limit", "3")
    assert len(data["paths"]) == 3
    inner = [{n for h in p["hops"] for n in (h["source"], h["target"])} - {"ecs", "ecs-task"} for p in data["paths"]]
    assert all(not (x & y) for i, x in enumerate(inner) for y in inner[i + 1 :])  # no concept restated
    assert data["paths"][0]["hops"][0]["text"] == "ECS manages ECS cluster"


def test_a_commonality_is_never_a_numbered_path(kg):
    # "S3 provides Storage, which IaaS provides": walking through a class or a fact both sides
    # share says "both are X"; such a meeting belongs in the shared line.
    import itertools

    checked = 0
    for a, b in itertools.combinations(sorted(kg.graph)[::4], 2):
        try:
            answer = relate(kg, a, b, limit=5)
        except NoPath:
            continue
        for path in answer.paths:
            at = a
            for before, after in itertools.pairwise(path.hops):
                middle = before.target if at == before.source else before.source
                at = middle
                assert not kg.kinds[kg.kind(middle)].has("class"), (a, b, middle)
                assert not (
                    before.relation == after.relation and (before.target == middle) == (after.target == middle)
                ), (a, b, middle)
                checked += 1
    assert checked > 50


def test_two_concepts_that_only_share_facts_get_the_shared_line_and_no_path(invoke, run_json):
    data = run_json("relate", "Lambda", "Fargate")
    assert data["paths"] == []
    assert {"is an example of Serverless", "is part of AWS compute"} <= {f["text"] for f in data["shared"]}
    out = invoke("relate", "Lambda", "Fargate").stdout.splitlines()
    assert out[0] == "No fact connects Lambda and Fargate; they only have things in common."
    assert out[1].startswith("In common, both: ") and "is an example of Serverless" in out[1]


def test_every_hop_carries_its_note_in_text_and_json(invoke, run_json):
    data = run_json("relate", "SQS", "Lambda")
    note = data["paths"][0]["hops"][0]["note"]
    assert "event source mapping" in note
    assert f"(note: {note})" in invoke("relate", "SQS", "Lambda").stdout
    ko = run_json("--lang", "ko", "relate", "SQS", "Lambda")["paths"][0]["hops"][0]["note"]
    assert "이벤트 소스 매핑" in ko and f"(참고: {ko})" in invoke("--lang", "ko", "relate", "SQS", "Lambda").stdout


def test_paths_agree_with_networkx_over_many_pairs(kg):
    # Every hop is a stored edge in its stored direction, consecutive hops chain, the best
    # path is as short as networkx's shortest path, and none is longer than that plus one.
    import itertools

    import networkx as nx

    undirected = kg.graph.to_undirected(as_view=True)
    nodes = sorted(kg.graph)[::3]
    for a, b in itertools.combinations(nodes, 2):
        expected = nx.shortest_path_length(undirected, a, b)
        if expected > 4:
            continue
        try:
            answer = relate(kg, a, b, limit=5)
        except NoPath as error:
            assert error.only_shared, (a, b)  # connected, but only through what others share
            continue
        if not answer.paths:
            assert answer.shared, (a, b)
            continue
        # the shortest real path may be longer than networkx's, which counts commonalities too
        assert min(p.length for p in answer.paths) == answer.hops_apart >= expected, (a, b)
        for path in answer.paths:
            at = a
            for hop in path.hops:
                assert kg.graph.has_edge(hop.source, hop.target, key=hop.relation), hop
                assert at in (hop.source, hop.target)
                at = hop.target if at == hop.source else hop.source
            assert at == b


def test_relate_text_output(invoke):
    result = invoke("relate", "VPC", "EC2", "--limit", "1")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "VPC and EC2 are 3 hops apart."
    assert lines[2].startswith("1. VPC ")


def test_relate_in_korean(invoke, run_json):
    result = invoke("--lang", "ko", "relate", "리전", "가용 영역")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "리전 — 가용 영역: 직접 연결되어 있습니다."  # to the learner: 합니다체
    assert "1. 리전은 가용 영역을 포함한다" in result.stdout
    data = run_json("--lang", "ko", "relate", "EKS", "Fargate")
    assert data["paths"][0]["hops"][0]["text"] == "EKS는 Fargate를 사용한다"


def test_no_path_within_max_hops_exits_1(invoke):
    result = invoke("relate", "Heroku", "Firebase", "--max-hops", "2")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Error: no connection between Heroku and Firebase within 2 hops\n"


def test_no_path_in_a_disconnected_pack(make_pack, invoke):
    pack = make_pack(
        nodes=[["island", "Island", "섬", "concept", "", "", "", ""], ["rock", "Rock", "", "concept", "", "", "", ""]],
        edges=[["island", "uses", "rock", "", ""]],
    )
    result = invoke("--pack", str(pack), "relate", "island", "fargate")
    assert result.exit_code == 1
    assert "no connection between Island and Fargate within 4 hops" in result.stderr


@pytest.mark.parametrize(
    "args, error",
    [
        (["eks", "qqqqqq"], "Error: unknown concept 'qqqqqq'\n"),
        (["farget", "eks"], "Error: unknown concept 'farget'; did you mean 'fargate'?\n"),
    ],
    ids=["nothing-close", "misspelling"],
)
def test_an_unknown_name_exits_2_and_suggests_only_a_close_one(invoke, args, error):
    result = invoke("relate", *args)
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr == error


@pytest.mark.parametrize(
    "question, a, b",
    [
        ("how does Fargate relate to EKS", "fargate", "eks"),
        ("How is Lambda related to S3?", "lambda", "s3"),
        ("what is the relationship between a region and an availability zone", "region", "availability-zone"),
        ("Fargate와 EKS는 어떤 관계야?", "fargate", "eks"),
        ("가용 영역과 리전의 관계는?", "availability-zone", "region"),
    ],
)
def test_ask_relation_questions_match_relate(run_json, question, a, b):
    asked = run_json("ask", question)
    # a question in Hangul is answered in Korean without --lang
    korean = ["--lang", "ko"] if any("가" <= ch <= "힣" for ch in question) else []
    assert asked == run_json(*korean, "relate", a, b)


@pytest.mark.parametrize("question", ["what is VPC", "VPC가 뭐야", "what is a VPC?"])
def test_ask_what_is_prints_the_card(run_json, question):
    assert run_json("ask", question) == run_json("show", "vpc")


def test_ask_text_in_korean(invoke):
    result = invoke("--lang", "ko", "ask", "Fargate와 EKS는 어떤 관계야?")
    assert result.exit_code == 0
    assert "1. Fargate는 EKS에서 사용된다" in result.stdout  # the concept stays the topic, EKS the user


def test_ask_unreadable_exits_2_with_examples(invoke):
    result = invoke("ask", "what is the weather like")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0]
        == "Error: could not find a concept in 'what is the weather like'. Questions I can answer:"
    )
    assert "  awskg ask 'VPC가 뭐야'" in result.stderr.splitlines()


def _random_pack(folder, size: int, edges: int, seed: int) -> awskg.KnowledgeGraph:
    """A pack of ``size`` concepts and about ``edges`` random facts of two relations."""
    import random

    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(size)]
    folder.mkdir()
    (folder / "kinds.csv").write_text("name,label\nconcept,Concept\n")
    (folder / "relations.csv").write_text("name,label,inverse_label\nuses,uses,is used by\nruns-on,runs on,runs\n")
    (folder / "nodes.csv").write_text("id,label,kind\n" + "".join(f"{n},Node {n},concept\n" for n in nodes))
    pairs = sorted({(rng.choice(nodes), rng.choice(nodes)) for _ in range(edges)})
    rows = "".join(f"{s},{rng.choice(['uses', 'runs-on'])},{t}\n" for s, t in pairs if s != t)
    (folder / "edges.csv").write_text("source,relation,target\n" + rows)
    return awskg.load([folder], builtin=False)


def test_relate_reads_what_the_question_needs_on_a_large_pack(tmp_path, monkeypatch):
    """20,000 concepts, 60,000 facts: relate reads the neighbors of a near pair's neighborhood, never the pack.

    Counted through :meth:`KnowledgeGraph.adjacent`, the one way relate learns
    a concept's neighbors. Walking the graph again from either end, as the
    ranking once did for a far pair, reads nearly every concept.
    """
    import networkx as nx

    kg = _random_pack(tmp_path / "big", 20_000, 60_000, seed=7)
    hops = nx.single_source_shortest_path_length(kg.graph.to_undirected(as_view=True), "n1")
    read: set[str] = set()
    adjacent = kg.adjacent
    monkeypatch.setattr(kg, "adjacent", lambda node: read.add(node) or adjacent(node))
    for distance in range(1, 9):
        far = min(n for n, d in hops.items() if d == distance)
        read.clear()
        answer = relate(kg, "n1", far, max_hops=8)
        # the answer: real paths no shorter than the pair's distance, and within the bound
        assert answer.paths and all(distance <= p.length <= 8 for p in answer.paths)
        if distance <= 3:
            assert len(read) <= 20 * distance  # a few neighborhoods, whatever the pack's size
        assert len(read) <= kg.node_count() // 20, (distance, len(read))


@pytest.mark.parametrize("command", ["relate", "compare"])
def test_the_same_concept_twice_is_a_usage_error(invoke, command):
    result = invoke(command, "fargate", "AWS Fargate")
    assert result.exit_code == 2
    assert (
        result.stderr == "Error: 'fargate' and 'AWS Fargate' are the same concept (fargate); name two different ones\n"
    )


def test_relate_words_only_the_paths_it_returns(tmp_path, monkeypatch):
    """Ranking needs which facts a path takes, not their sentences: only the paths returned are read out."""
    from awskg.explorer import paths

    kg = _random_pack(tmp_path / "big", 2_000, 6_000, seed=3)
    said = []
    sentence = paths.sentence
    monkeypatch.setattr(paths, "sentence", lambda *args, **kw: said.append(args) or sentence(*args, **kw))
    answer = relate(kg, "n1", "n2", max_hops=8, limit=1)
    assert len(said) == sum(len(p.hops) for p in answer.paths) == answer.paths[0].length
