"""Invariants of the built-in pack: the product's content, checked like code."""

from __future__ import annotations

import re

import networkx as nx
import pytest

#: The relations the design card names: the built-in pack must define and use them.
CORE_RELATIONS = ("is-a", "part-of", "runs-on", "uses", "manages", "provisions", "triggers", "routes-to")

SEED_REF = re.compile(r"^aws-basics-ko\.md § .+$")
URL = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}/\S*$")


def test_size_is_in_the_planned_range(kg):
    assert 170 <= kg.graph.number_of_nodes() <= 220
    assert kg.graph.number_of_edges() > kg.graph.number_of_nodes()


def test_every_node_has_both_labels_and_both_summaries(kg):
    for node, attrs in kg.graph.nodes(data=True):
        for field in ("label", "label_ko", "summary", "summary_ko"):
            assert attrs[field].strip(), f"{node} has no {field}"


def test_korean_summaries_are_written_in_korean(kg):
    for node, attrs in kg.graph.nodes(data=True):
        assert re.search("[가-힣]", attrs["summary_ko"]), node


def test_every_service_has_an_official_docs_url(kg):
    for node, attrs in kg.graph.nodes(data=True):
        if attrs["kind"] == "service":
            assert attrs["docs"].startswith("https://docs.aws.amazon.com/"), node


def test_every_edge_cites_the_seed_or_a_url(kg):
    for edge in kg.edges():
        assert SEED_REF.match(edge.source_ref) or URL.match(edge.source_ref), edge


def test_seed_citations_name_real_headings_of_the_seed(kg):
    # The seed lives beside the repository (../shared/seed), as in CI; elsewhere
    # this check cannot run, and in CI its absence is a failure, not a skip.
    import os
    from pathlib import Path

    import pytest

    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "aws-basics-ko.md"
    if not seed.exists():
        if os.environ.get("CI"):
            pytest.fail(f"seed text missing at {seed}")
        pytest.skip("the seed text is not beside this checkout")
    headings = {line.lstrip("#").strip() for line in seed.read_text("utf-8").splitlines() if line.startswith("#")}
    cited = {e.source_ref.split(" § ", 1)[1] for e in kg.edges() if SEED_REF.match(e.source_ref)}
    assert cited <= headings, cited - headings


def test_no_isolated_node(kg):
    assert list(nx.isolates(kg.graph)) == []


def test_graph_is_one_connected_whole(kg):
    assert nx.is_weakly_connected(kg.graph)


def test_core_relations_are_defined_and_used(kg):
    used = {e.relation for e in kg.edges()}
    for relation in CORE_RELATIONS:
        assert relation in kg.relations
        assert relation in used, relation


def test_every_relation_reads_both_ways_in_both_languages(kg):
    for relation in kg.relations.values():
        assert relation.label and relation.inverse_label and relation.label_ko and relation.inverse_label_ko


def test_direction_conventions_of_the_design(kg):
    g = kg.graph
    for source, relation, target in [
        ("ecs-task", "runs-on", "fargate"),
        ("pod", "runs-on", "fargate"),
        ("eks", "uses", "fargate"),
        ("availability-zone", "part-of", "region"),
        ("s3", "triggers", "lambda"),
        ("elastic-beanstalk", "provisions", "rds"),
        ("alb", "is-a", "elb"),
    ]:
        assert g.has_edge(source, target, key=relation), (source, relation, target)


def test_seed_terms_resolve_to_current_names(kg):
    # The seed's older or looser terms stay findable as aliases of today's names.
    assert kg.resolve("EC2 Container Service") == "ecs"
    assert kg.resolve("launch configuration") == "launch-configuration"
    assert kg.resolve("온 프레미스") == "on-premises"
    assert kg.resolve("Classic Load Balancer") == "clb"
    for korean, node in [("리전", "region"), ("가용 영역", "availability-zone"), ("서버리스", "serverless")]:
        assert kg.resolve(korean) == node


def test_seed_concepts_are_all_present(kg):
    for node in [
        "on-demand-self-service", "broad-network-access", "resource-pooling", "rapid-elasticity",
        "measured-service", "public-cloud", "private-cloud", "community-cloud", "hybrid-cloud",
        "on-premises", "iaas", "paas", "saas", "ec2", "heroku", "lambda", "email", "groupware", "crm",
        "virtualization", "multi-tenancy", "serverless", "baas", "firebase", "faas", "region",
        "seoul-region", "tokyo-region", "us-east-1", "availability-zone", "data-center",
        "shared-responsibility-model", "security-of-the-cloud", "security-in-the-cloud",
        "general-purpose", "compute-optimized", "memory-optimized", "storage-optimized",
        "accelerated-computing", "ec2-auto-scaling", "auto-scaling-group", "scaling-policy",
        "s3", "sns", "api-gateway", "ecs", "ecs-cluster", "ecs-task", "ecs-service", "eks",
        "eks-control-plane", "worker-node", "ecr", "fargate", "elastic-beanstalk", "rds",
        "container", "docker", "kubernetes", "vpc", "subnet", "route-table", "security-group",
        "network-acl", "route-53", "dns", "domain-registration", "latency-based-routing",
        "failover-routing", "elb", "alb", "nlb", "clb", "health-check",
    ]:  # fmt: skip
        assert node in kg.graph, node


#: Abbreviations that are general technology, not AWS products: they need no concept of their own.
GENERAL_TERMS = {
    "CPU", "GPU", "FPGA", "API", "APIs", "HTTP", "HTTPS", "JSON", "IOPS", "AAAA", "MX", "TCP", "UDP", "TLS",
    "REST", "SQL", "FIFO", "SSH", "SSD", "HDD", "OCI", "DB", "NIST", "GENEVE", "NET", "SE", "URL", "OS",
    "RHEL", "SUSE",
}  # fmt: skip
PRODUCT = re.compile(r"\b(?:Amazon|AWS)(?: [A-Z][\w.-]*| \d+)+")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}s?\b")


def _texts(kg):
    yield from ((node, attrs["summary"]) for node, attrs in kg.graph.nodes(data=True))
    yield from (((e.source, e.relation, e.target), e.note) for e in kg.edges())
    yield from ((name, stop["note"]) for name, stops in kg.tours.items() for stop in stops)


def test_every_aws_term_a_learner_reads_is_a_concept(kg):
    # "Amazon X" / "AWS X" names and AWS abbreviations in summaries, notes and tour notes
    # must each resolve to a concept, so a learner can look up every AWS term they meet.
    unresolved = set()
    for where, text in _texts(kg):
        for name in PRODUCT.findall(text):
            words = name.rstrip(".").split()
            # "Amazon EC2 Auto Scaling groups": the longest resolvable prefix of at least two words
            if not any(kg.names.lookup(" ".join(words[:n])) for n in range(len(words), 1, -1)):
                unresolved.add((where, name))
        for term in ACRONYM.findall(text):
            if term in GENERAL_TERMS or term.rstrip("s") in GENERAL_TERMS:
                continue
            if kg.names.lookup(term) is None and kg.names.lookup(term.rstrip("s")) is None:
                unresolved.add((where, term))
    assert not unresolved


def test_a_cycle_in_an_acyclic_relation_is_refused(make_pack):
    # the built-in pack's own load refuses cycles, so the rule is proven on a pack that has one
    import awskg

    pack = make_pack(
        nodes=[["aaa", "Aaa", "", "concept", "", "", "", ""], ["bbb", "Bbb", "", "concept", "", "", "", ""]],
        edges=[["aaa", "part-of", "bbb", "", ""], ["bbb", "part-of", "aaa", "", ""]],
    )
    with pytest.raises(awskg.PackError, match="cycle in 'part-of'"):
        awskg.load([pack])
