"""The foundation commands through CliRunner: exact output, exact exit codes."""

from __future__ import annotations

import json


def test_check_counts_nodes_edges_and_relations_of_a_valid_graph(invoke, kg):
    result = invoke("check")
    assert result.exit_code == 0
    assert result.stdout == (
        f"ok: {kg.graph.number_of_nodes()} nodes, {kg.graph.number_of_edges()} edges, {len(kg.relations)} relations\n"
    )


def test_show_text_card(invoke):
    result = invoke("show", "Fargate")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Fargate · AWS service"
    assert lines[1] == "aliases: AWS Fargate, 파게이트"
    assert "docs: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html" in lines
    assert "  EKS uses Fargate" in lines
    assert "  EKS runs on Fargate" not in lines
    assert "  Fargate hosts EKS" not in lines
    assert "  Fargate is an example of Serverless" in lines


def test_show_accepts_unquoted_korean_words(invoke):
    result = invoke("show", "가용", "영역")
    assert result.exit_code == 0
    assert result.stdout.startswith("Availability Zone (가용 영역) · Global infrastructure\n")


def test_show_in_korean(invoke):
    result = invoke("--lang", "ko", "show", "EKS")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "EKS · AWS 서비스"
    assert "관리형 Kubernetes." in lines[2]
    assert "  EKS는 Fargate를 사용한다" in lines
    assert "  EKS는 Fargate에서 실행된다" not in lines
    assert "  파드는 EKS 컨트롤 플레인이 관리한다" not in lines  # not a fact of EKS itself
    assert "  EKS는 EKS 컨트롤 플레인을 관리한다" in lines


def test_show_json_contract(run_json):
    data = run_json("show", "route53")
    assert list(data) == [
        "id", "label", "label_ko", "kind", "aliases", "summary", "summary_ko", "docs", "out", "in", "properties",
    ]  # fmt: skip
    assert data["id"] == "route-53"
    facts = [(f["relation"], f["target"]) for f in data["out"]]
    assert ("routes-to", "elb") not in facts and ("manages", "hosted-zone") in facts
    cited = {"note", "note_ko", "source_ref"}
    assert all(set(fact) == {"relation", "target"} | cited for fact in data["out"])
    assert all(set(fact) == {"relation", "source"} | cited for fact in data["in"])
    assert ("part-of", "aws-networking") in facts


def test_show_unknown_name_exits_2_with_suggestion(invoke):
    result = invoke("show", "farget")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "Error: unknown concept 'farget'; did you mean 'fargate'?\n"


def test_show_ambiguous_name_exits_2_with_candidates(invoke):
    result = invoke("show", "platform")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: 'platform' could mean 'paas', 'platform-dotnet', ")


def test_list_by_kind(invoke):
    result = invoke("list", "--kind", "deployment-model")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == [
        "community-cloud", "hybrid-cloud", "private-cloud", "public-cloud",
    ]  # fmt: skip


def test_list_json_and_korean(invoke, run_json):
    data = run_json("list", "--kind", "party")
    assert data == [
        {"id": "aws", "label": "AWS", "label_ko": "AWS", "kind": "party"},
        {"id": "customer", "label": "Customer", "label_ko": "고객", "kind": "party"},
    ]
    assert "고객  [주체]" in invoke("--lang", "ko", "list", "--kind", "party").stdout


def test_list_unknown_kind_exits_2(invoke):
    result = invoke("list", "--kind", "servce")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown kind 'servce'; did you mean 'service'?\n"


def test_stats_json_contract(run_json, kg):
    data = run_json("stats")
    assert list(data) == ["nodes", "edges", "kinds", "relations"]
    assert data["nodes"] == kg.graph.number_of_nodes() == sum(data["kinds"].values())
    assert data["edges"] == kg.graph.number_of_edges() == sum(data["relations"].values())
    assert data["relations"]["runs-on"] == sum(1 for e in kg.edges() if e.relation == "runs-on")


def test_stats_text(invoke, kg):
    out = invoke("stats").stdout
    assert out.startswith(f"{kg.graph.number_of_nodes()} nodes, {kg.graph.number_of_edges()} edges\n")
    assert "\nkinds:\n" in out and "\nrelations:\n" in out


def test_bad_lang_is_a_usage_error(invoke):
    result = invoke("--lang", "fr", "check")
    assert result.exit_code == 2
    assert "Invalid value for '--lang'" in result.stderr


def test_json_output_is_utf8_not_escaped(invoke):
    out = invoke("show", "region", "--json").stdout
    assert "리전" in out
    assert json.loads(out)["label_ko"] == "리전"
