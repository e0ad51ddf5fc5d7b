"""compare claims only what the graph can back: "only A" needs evidence, a difference needs both sides.

Every ``only_*`` item of every same-kind pair is re-derived here from the raw
graph with networkx, independently of awskg.explorer.evidence: the completeness
mark it cites exists, and the other side is not on that mark's side, even
through chains, symmetric storage or inheritance.
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import pytest

import awskg
from awskg.explorer.compare import compare, facts_about
from awskg.explorer.quiz import candidates


def _side(kg, node: str, relation: str, direction: str) -> set[str]:
    """Independent closure of one side of ``node``: the relation's subgraph plus inheritance."""
    traits = kg.relations[relation].traits
    sub = nx.DiGraph((s, t) for s, r, t in kg.edge_keys() if r == relation)
    inherit = nx.DiGraph((s, t) for s, r, t in kg.edge_keys() if kg.relations[r].has("inherits"))

    def up(nodes: set[str]) -> set[str]:
        return nodes | {a for n in nodes if n in inherit for a in nx.descendants(inherit, n)}

    def down(nodes: set[str]) -> set[str]:
        return nodes | {d for n in nodes if n in inherit for d in nx.ancestors(inherit, n)}

    def step(n: str) -> set[str]:
        if n not in sub:
            return set()
        if "symmetric" in traits:
            return set(sub.successors(n)) | set(sub.predecessors(n))
        return set(sub.successors(n) if direction == "out" else sub.predecessors(n))

    def closure(n: str) -> set[str]:
        if "transitive" not in traits and "symmetric" not in traits:
            return step(n)
        seen, todo = set(), [n]
        while todo:
            for m in step(todo.pop()):
                if m not in seen:
                    seen.add(m)
                    todo.append(m)
        return seen

    if direction == "out":
        return up(set().union(*(closure(h) for h in up({node})))) - {node}
    return down(closure(node)) - {node}


def _same_kind_pairs(kg):
    by_kind: dict[str, list[str]] = {}
    for node in sorted(kg.node_ids()):
        by_kind.setdefault(kg.kind(node), []).append(node)
    return [pair for nodes in by_kind.values() for pair in combinations(nodes, 2)]


def test_every_only_item_of_every_same_kind_pair_has_evidence_that_holds(kg):
    checked = 0
    for a, b in _same_kind_pairs(kg):
        result = compare(kg, a, b)
        for _mine, other, items in ((a, b, result.only_a), (b, a, result.only_b)):
            for fact in items:
                why = fact.evidence
                assert why["rule"] == "closed" and why["relation"] == fact.relation, (a, b, fact)
                assert (why["node"], why["relation"], why["direction"]) in kg.complete, (a, b, fact)
                member = fact.node if why["node"] == other else other
                assert why["node"] in (other, fact.node), (a, b, fact)
                assert member not in _side(kg, why["node"], fact.relation, why["direction"]), (a, b, fact)
                checked += 1
    assert checked > 10  # the rule is exercised, not vacuous


def test_no_difference_has_an_unknown_side_and_every_one_has_a_trait_that_makes_it_differ(kg):
    rows = 0
    for a, b in _same_kind_pairs(kg):
        result = compare(kg, a, b)
        for row in result.differences:
            record = kg.dimensions[row.dimension]
            assert row.a and row.b, (a, b, row.dimension)
            assert record.has("exclusive") or record.has("complete"), (a, b, row.dimension)
            assert [v["value"] for v in row.a] != [v["value"] for v in row.b]
            rows += 1
        for row in result.unknown:
            record = kg.dimensions[row.dimension]
            assert not (row.a and row.b) or not (record.has("exclusive") or record.has("complete"))
    assert rows > 20


def test_every_fact_of_a_side_is_listed_once_under_one_heading(kg):
    for a, b in [("fargate", "ec2"), ("alb", "nlb"), ("ecs", "eks"), ("sqs", "sns"), ("internet-gateway", "subnet")]:
        result = compare(kg, a, b)
        for node, only, more in ((a, result.only_a, result.more_a), (b, result.only_b, result.more_b)):
            keys = [(f.relation, f.direction, f.node) for f in (*result.shared, *only, *more)]
            assert len(keys) == len(set(keys)), (a, b)
            about = {(f.relation, f.direction, f.node) for f in facts_about(kg, node)}
            linking = {k for k in about if k[2] in (a, b)}
            assert set(keys) == about - linking | {k for k in linking if k in set(keys)}


@pytest.mark.parametrize(
    ("a", "b", "side", "text"),
    [
        ("fargate", "ec2", "a", "is supported by Savings Plans"),  # Compute Savings Plans cover EC2 too
        ("alb", "nlb", "a", "receives traffic from CloudFront"),  # an NLB can be a CloudFront origin
        ("ecs", "eks", "a", "uses EC2 instance"),  # EKS worker nodes are EC2 instances
        ("lambda", "fargate", "a", "uses ECR"),  # Fargate pulls images from ECR
        ("internet-gateway", "nat-gateway", "a", "is part of VPC"),
    ],
)
def test_a_fact_missing_from_the_other_side_is_not_called_theirs_alone(kg, a, b, side, text):
    result = compare(kg, a, b)
    only = result.only_a if side == "a" else result.only_b
    assert text not in [f.text for f in only]


def test_an_only_line_is_kept_where_a_completeness_mark_backs_it(kg):
    result = compare(kg, "alb", "ec2")
    assert [(f.text, f.evidence["node"], f.evidence["direction"]) for f in result.only_a] == [
        ("is a type of ELB", "elb", "in")
    ]


def test_the_json_keeps_its_keys_and_adds_the_rest(run_json):
    data = run_json("compare", "Fargate", "EC2")
    assert list(data)[:7] == ["a", "b", "shared", "only_a", "only_b", "differences", "same"]
    assert {"more_a", "more_b", "unknown"} <= set(data)
    assert "is supported by Savings Plans" in [f["text"] for f in data["more_a"]]
    for item in data["only_a"] + data["only_b"]:
        assert item["evidence"]["rule"] == "closed"


def test_the_text_says_also_about_and_puts_unstated_sides_last(invoke):
    out = invoke("compare", "Fargate", "EC2").stdout
    assert "Only Fargate:" not in out and "Also about Fargate:" in out
    assert out.index("In common, both:") < out.index("Also about Fargate:") < out.index("Not compared")
    differences = out[out.index("Differences:") : out.index("In common")]
    assert "not stated" not in differences
    ko = invoke("--lang", "ko", "compare", "Fargate", "EC2").stdout
    assert "Fargate의 다른 관계:" in ko and "Fargate에만 해당" not in ko


def _symmetric_pack(make_pack, stored_backwards: bool):
    edge = ["monitor", "integrates-with", "elb"] if stored_backwards else ["elb", "integrates-with", "monitor"]
    return make_pack(
        nodes=[["monitor", "Monitor", "모니터", "component"]],
        edges=[[*edge, "", "https://example.com/a"]],
    )


@pytest.mark.parametrize("stored_backwards", [False, True])
def test_a_symmetric_fact_is_one_fact_whichever_way_it_was_stored(make_pack, stored_backwards):
    kg = awskg.load([_symmetric_pack(make_pack, stored_backwards)])
    result = compare(kg, "auto-scaling-group", "monitor")
    shared = [(f.relation, f.direction, f.node) for f in result.shared]
    assert ("integrates-with", "out", "elb") in shared
    listed = [f.node for f in (*result.only_a, *result.only_b, *result.more_a, *result.more_b)]
    assert "elb" not in listed


def test_the_quiz_never_calls_a_symmetric_partner_wrong(make_pack):
    pack = make_pack(
        nodes=[["monitor", "Monitor", "모니터", "component"]],
        edges=[["monitor", "integrates-with", "elb", "", "https://example.com/a"]],
        complete=[["elb", "integrates-with", "out", "", "https://example.com/b"]],
    )
    kg = awskg.load([pack])
    asked = [c for c in candidates(kg) if c.edge.get("relation") == "integrates-with" and "elb" in c.edge.values()]
    assert asked  # the mark makes questions
    for candidate in asked:
        assert "auto-scaling-group" not in candidate.wrong and "monitor" not in candidate.wrong
