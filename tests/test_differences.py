"""What tells concepts apart: every pair learners compare shows its distinction, in both languages."""

from __future__ import annotations

import pytest

#: The 25 pairs learners confuse most (issue 21), each with the dimension that separates them.
CONFUSED = [
    ("alb", "nlb", "osi-layer", "l7", "l4"),
    ("alb", "clb", "product-generation", "current", "previous"),
    ("nlb", "gwlb", "osi-layer", "l4", "l3"),
    ("security-group", "network-acl", "statefulness", "stateful", "stateless"),
    ("public-subnet", "private-subnet", "igw-route", "yes", "no"),
    ("internet-gateway", "nat-gateway", "inbound-from-internet", "yes", "no"),
    ("s3", "ebs", "storage-type", "object", "block"),
    ("ebs", "instance-store", "data-on-stop", "kept", "lost"),
    ("iam-user", "iam-role", "credential-lifetime", "long-term", "temporary"),
    ("iam-role", "iam-policy", "iam-entity", "principal", "permissions-document"),
    ("sqs", "sns", "messaging-model", "polled-queue", "push-to-subscribers"),
    ("eventbridge", "sns", "messaging-model", "event-bus-rules", "push-to-subscribers"),
    ("on-demand-instance", "spot-instance", "interruption", "not-interrupted", "interruptible"),
    ("savings-plans", "reserved-instance", "commitment", "spend-per-hour", "instance-configuration"),
    ("dynamodb", "rds", "data-model", "key-value", "relational"),
    ("ecs", "eks", "orchestrator", "aws-native", "kubernetes"),
    ("ec2", "lambda", "os-managed-by", "customer", "provider"),
    ("fargate", "ec2", "os-managed-by", "provider", "customer"),
    ("lambda", "fargate", "what-you-deploy", "zip-archive container-image", "container-image"),
    ("iaas", "paas", "provider-manages", "infrastructure", "platform"),
    ("paas", "saas", "provider-manages", "platform", "application"),
    ("region", "availability-zone", "infra-unit", "geographic-area", "isolated-location"),
    ("launch-configuration", "launch-template", "new-accounts", "no", "yes"),
    ("container", "virtual-machine", "isolation", "shared-kernel", "guest-os"),
    ("cloudfront", "s3", "content-role", "edge-cache", "origin-storage"),
]

#: (a, b, dimension, a's values, b's values): one distinction each pair must show.
PAIRS = [
    ("alb", "nlb", "osi-layer", ["l7"], ["l4"]),
    ("nlb", "gwlb", "osi-layer", ["l4"], ["l3"]),
    ("alb", "clb", "osi-layer", ["l7"], ["l7", "l4"]),
    ("alb", "nlb", "static-ip-per-zone", ["no"], ["yes"]),
    ("security-group", "network-acl", "statefulness", ["stateful"], ["stateless"]),
    ("security-group", "network-acl", "rule-actions", ["allow-only"], ["allow-and-deny"]),
    ("security-group", "network-acl", "applies-at", ["instance"], ["subnet"]),
    ("ecs", "eks", "orchestrator", ["aws-native"], ["kubernetes"]),
    ("ec2", "lambda", "os-managed-by", ["customer"], ["provider"]),
    ("ec2", "fargate", "os-managed-by", ["customer"], ["provider"]),
    ("iaas", "paas", "provider-manages", ["infrastructure"], ["platform"]),
    ("paas", "saas", "provider-manages", ["platform"], ["application"]),
    ("faas", "baas", "customer-supplies", ["functions"], ["front-end"]),
    ("iaas", "faas", "customer-supplies", ["os-and-up"], ["functions"]),
    ("public-cloud", "private-cloud", "who-may-use", ["general-public"], ["single-organization"]),
    ("community-cloud", "hybrid-cloud", "composition", ["single"], ["two-or-more"]),
    ("region", "availability-zone", "infra-unit", ["geographic-area"], ["isolated-location"]),
    ("data-center", "edge-location", "infra-unit", ["facility"], ["edge-site"]),
    ("route-53", "elb", "traffic-path", ["dns-only"], ["passes-through"]),
    ("elastic-beanstalk", "ecs", "what-you-deploy", ["application-code", "container-image"], ["container-image"]),
    ("public-subnet", "private-subnet", "igw-route", ["yes"], ["no"]),
    ("nat-gateway", "internet-gateway", "inbound-from-internet", ["no"], ["yes"]),
    ("ecs", "fargate", "container-role", ["orchestrator"], ["compute-engine"]),
    ("eks", "fargate", "container-role", ["orchestrator"], ["compute-engine"]),
    ("iam-role", "instance-profile", "iam-entity", ["principal"], ["role-container"]),
    ("iam-user", "iam-user-group", "iam-entity", ["principal"], ["user-collection"]),
    ("target-tracking-scaling", "step-scaling", "scaling-method", ["target-value"], ["alarm-steps"]),
    ("latency-based-routing", "failover-routing", "routing-basis", ["latency"], ["health"]),
    ("ec2", "ecs", "what-you-deploy", ["machine-image"], ["container-image"]),
    ("alb", "nlb", "target-protocol", ["http", "https"], ["tcp", "udp", "tls", "quic"]),
    *[(a, b, dimension, va.split(), vb.split()) for a, b, dimension, va, vb in CONFUSED],
]


def _values(row, side):
    return sorted(v["value"] for v in row[side])


@pytest.mark.parametrize(("a", "b", "dimension", "values_a", "values_b"), PAIRS)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_compare_shows_the_distinction(run_json, kg, lang, a, b, dimension, values_a, values_b):
    data = run_json("--lang", lang, "compare", a, b)
    rows = {row["dimension"]: row for row in data["differences"]}
    assert dimension in rows, sorted(rows)
    row = rows[dimension]
    assert (_values(row, "a"), _values(row, "b")) == (sorted(values_a), sorted(values_b))
    assert row["label"] == kg.dimension_label(dimension, lang)
    assert [v["label"] for v in row["a"]] == [kg.value_label(dimension, v["value"], lang) for v in row["a"]]
    assert row["source_refs"]  # every value shown is cited


def test_differences_come_first_and_the_old_keys_stay(run_json):
    data = run_json("compare", "ALB", "NLB")
    assert list(data)[:7] == ["a", "b", "shared", "only_a", "only_b", "differences", "same"]
    assert all(row["a"] and row["b"] for row in data["differences"])


def test_public_and_private_subnet_are_two_concepts(run_json):
    data = run_json("compare", "public subnet", "private subnet")
    assert data["a"]["id"] == "public-subnet" and data["b"]["id"] == "private-subnet"


def test_the_text_lists_differences_before_facts(invoke):
    out = invoke("compare", "security group", "network ACL").stdout
    assert out.index("Differences:") < out.index("In common, both:")
    assert "    Security group: Stateful\n    Network ACL: Stateless\n" in out


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("what is the difference between ALB and NLB", "en"),
        ("ALB vs NLB", "en"),
        ("compare ALB and NLB", "en"),
        ("ALB or NLB?", "en"),
        ("ALB와 NLB의 차이는?", "ko"),
        ("ALB랑 NLB 차이", "ko"),
        ("ALB vs NLB", "ko"),
        ("ALB와 NLB 비교", "ko"),
    ],
)
def test_ask_answers_a_difference_question_with_the_comparison(run_json, question, lang):
    data = run_json("--lang", lang, "ask", question)
    assert (data["a"]["id"], data["b"]["id"]) == ("alb", "nlb")
    layer = next(row for row in data["differences"] if row["dimension"] == "osi-layer")
    assert (_values(layer, "a"), _values(layer, "b")) == (["l7"], ["l4"])


def test_property_values_are_never_path_hubs(kg):
    # ALB and API Gateway both work at layer 7: that is not a relation between them
    from awskg.explorer.paths import relate

    for path in relate(kg, "alb", "nlb", limit=10).paths:
        assert all(hop.source in kg.graph and hop.target in kg.graph for hop in path.hops)
    assert "l7" not in kg.graph and "stateful" not in kg.graph


@pytest.mark.parametrize(("a", "b", "dimension", "values_a", "values_b"), CONFUSED)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_ask_shows_what_separates_a_confused_pair(run_json, kg, lang, a, b, dimension, values_a, values_b):
    label_a, label_b = kg.label(a, lang), kg.label(b, lang)
    question = f"what is the difference between {label_a} and {label_b}" if lang == "en" else f"{label_a} vs {label_b}"
    data = run_json("--lang", lang, "ask", question)
    assert (data["a"]["id"], data["b"]["id"]) == (a, b)
    row = next(row for row in data["differences"] if row["dimension"] == dimension)
    assert (_values(row, "a"), _values(row, "b")) == (sorted(values_a.split()), sorted(values_b.split()))
    assert all(v["label"] for v in row["a"] + row["b"])


def test_the_confused_pairs_are_25_distinct_pairs():
    assert len({frozenset((a, b)) for a, b, *_ in CONFUSED}) == 25


# Section 3 of issue 21: what the review found, pinned.


def test_no_layer_4_question_keys_gwlb(kg):
    from awskg.explorer.quiz import candidates

    layer_4 = [c for c in candidates(kg) if c.property == {"dimension": "osi-layer", "value": "l4"}]
    assert layer_4 and all(c.answer != "gwlb" for c in layer_4)
    assert kg.values_of("gwlb", "osi-layer") == ["l3"]  # its guide: the third layer of the OSI model


def test_gwlb_listens_for_all_ip_packets_on_the_complete_listener_dimension(kg):
    assert kg.dimensions["listener-protocol"].has("complete")
    assert kg.values_of("gwlb", "listener-protocol") == ["all-ip"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_alb_speaks_http_and_https_to_targets_and_grpc_is_a_version(run_json, lang):
    shown: dict[str, list[str]] = {}
    for p in run_json("--lang", lang, "show", "alb")["properties"]:
        shown.setdefault(p["dimension"], []).append(p["value"])
    assert shown["target-protocol"] == ["http", "https"]
    assert shown["protocol-version"] == ["http1", "http2", "grpc"]
    rows = {row["dimension"]: row for row in run_json("--lang", lang, "compare", "alb", "nlb")["differences"]}
    assert [v["value"] for v in rows["target-protocol"]["a"]] == ["http", "https"]


def test_target_protocols_are_complete_for_every_load_balancer(kg):
    assert kg.dimensions["target-protocol"].has("complete")
    assert {lb: kg.values_of(lb, "target-protocol") for lb in ("alb", "nlb", "gwlb", "clb")} == {
        "alb": ["http", "https"],
        "nlb": ["tcp", "udp", "tls", "quic"],
        "gwlb": ["geneve"],
        "clb": ["http", "https", "tcp", "tls"],
    }


def test_summaries_say_what_the_review_found(kg):
    nat = kg.summary("nat-gateway")
    assert "regional NAT gateway" in nat and "needs no public subnet" in nat
    assert "리전 NAT 게이트웨이" in kg.summary("nat-gateway", "ko")
    for node in ("ecs-capacity-provider", "ecs-launch-type"):
        assert "ECS Managed Instances" in kg.summary(node) and "ECS Managed Instances" in kg.summary(node, "ko")
    # ECS Managed Instances is a capacity provider; the launch types are EC2, Fargate and External
    note = kg.graph.edges["ecs", "ecs-launch-type", "supports"]["note"]
    assert note.startswith("Launch types are EC2, Fargate and External;") and "through a capacity provider" in note
    assert "only way to use ECS Managed Instances" in kg.summary("ecs-launch-type")
    assert "1 October 2024" in kg.summary("launch-configuration")
    assert "2024년 10월 1일" in kg.summary("launch-configuration", "ko")
    assert kg.values_of("launch-configuration", "new-accounts") == ["no"]
    for node in ("latency-based-routing", "failover-routing"):
        assert "answers" in kg.summary(node) and "Sends" not in kg.summary(node)
        assert "DNS 쿼리에" in kg.summary(node, "ko") and "트래픽을 보내" not in kg.summary(node, "ko")


def test_cloudfront_vpc_origins_and_ecs_load_balancers(kg):
    for origin in ("alb", "nlb", "ec2-instance"):
        assert kg.graph.has_edge("cloudfront", origin, key="routes-to"), origin
    for lb in ("alb", "nlb", "gwlb"):
        edge = kg.graph.edges["ecs-service", lb, "uses"]
        assert edge["source_ref"].endswith("/service-load-balancing.html"), lb
    assert not kg.graph.has_edge("ecs-service", "clb", key="uses")  # the ECS guide does not list it


# Section 4: where each compute service meets the VPC, and how an instance reaches S3.

CONNECTIONS = [
    ("ecs-task", "uses", "network-interface", "awsvpc"),
    ("eks", "uses", "subnet", "subnets you choose"),
    ("pod", "located-in", "vpc", "each pod"),
    ("ec2-instance", "uses", "gateway-endpoint", "route table"),
    ("lambda-function", "uses", "network-interface", "Only when attached to a VPC"),
    ("rds", "uses", "db-subnet-group", "DB subnet group"),
    ("db-subnet-group", "combines", "subnet", "two Availability Zones"),
    ("ec2-instance", "uses", "instance-profile", "temporary credentials"),
    ("instance-profile", "uses", "iam-role", "one role"),
    ("iam-policy", "secures", "s3", "bucket policies"),
    ("route-table", "routes-to", "gateway-endpoint", "route tables"),
    ("gateway-endpoint", "routes-to", "s3", "AWS network"),
]


@pytest.mark.parametrize(("source", "relation", "target", "words"), CONNECTIONS)
def test_connections_carry_cited_notes_in_both_languages(kg, source, relation, target, words):
    edge = kg.graph.edges[source, target, relation]
    assert words in edge["note"] and edge["note_ko"] and edge["source_ref"].startswith("https://docs.aws.amazon.com/")


def test_gateway_endpoints_serve_s3_and_dynamodb_only(kg):
    assert ("gateway-endpoint", "routes-to", "out") in kg.complete
    assert sorted(e.target for e in kg.out_edges("gateway-endpoint") if e.relation == "routes-to") == ["dynamodb", "s3"]
