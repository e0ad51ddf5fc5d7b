"""neighbors, search and compare, in text and JSON, plus shell completion and imports."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.shell_completion import ShellComplete

from awskg.cli import cli


def test_neighbors_grouped_by_relation(invoke):
    result = invoke("neighbors", "Fargate")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Fargate"
    assert "  hosts: ECS task, Pod" in lines
    assert "  is used by: ECS, ECS capacity provider, EKS" in lines
    assert "  is an example of: Serverless" in lines


def test_neighbors_filters_and_json(run_json):
    data = run_json("neighbors", "region", "--relation", "part-of", "--direction", "in")
    assert data["id"] == "region"
    (group,) = data["groups"]
    assert (group["relation"], group["direction"], group["reading"]) == ("part-of", "in", "contains")
    assert [n["id"] for n in group["nodes"]] == ["availability-zone"]


def test_neighbors_depth_two_records_the_way(run_json):
    data = run_json("neighbors", "region", "--relation", "part-of", "--direction", "in", "--depth", "2")
    nodes = {n["id"]: n for g in data["groups"] for n in g["nodes"]}
    assert nodes["data-center"] == {"id": "data-center", "label": "Data center", "depth": 2, "via": "availability-zone"}


def test_neighbors_in_korean(invoke):
    out = invoke("--lang", "ko", "neighbors", "리전", "--relation", "part-of", "--direction", "in").stdout
    assert out.splitlines() == ["리전", "  리전은 가용 영역을 포함한다"]


def test_neighbors_unknown_relation(invoke):
    result = invoke("neighbors", "vpc", "--relation", "run-on")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown relation 'run-on'; did you mean 'runs-on'?\n"


@pytest.mark.parametrize(
    "query, first",
    [
        ("farget", "fargate"),
        ("fargte", "fargate"),
        ("lamda", "lambda"),
        ("kubernets", "kubernetes"),
        ("가용", "availability-zone"),
    ],
)
def test_search_finds_misspellings_best_first(run_json, query, first):
    assert run_json("search", query)[0]["id"] == first


def test_search_korean_partial_finds_the_load_balancers(run_json):
    ids = [m["id"] for m in run_json("search", "로드")]
    assert {"load-balancer", "elb", "alb", "nlb", "clb", "gwlb"} <= set(ids)
    assert "fargate" not in ids


def test_search_text_and_no_match(invoke):
    assert invoke("search", "farget").stdout.splitlines() == ["fargate  Fargate  [AWS service]"]
    result = invoke("search", "zzzzzz")
    assert result.exit_code == 1
    assert result.stderr == "no concept looks like 'zzzzzz'\n"


def test_compare_json_splits_shared_facts_from_each_sides_own(run_json):
    data = run_json("compare", "ECS", "EKS")
    assert list(data)[:7] == ["a", "b", "shared", "only_a", "only_b", "differences", "same"]
    shared = {(f["relation"], f["direction"], f["node"]) for f in data["shared"]}
    assert {("uses", "out", "fargate"), ("uses", "out", "ecr")} <= shared
    assert not any(r == "runs-on" for r, _, _ in shared)
    # nothing closes ECS's facts, so EKS's own are "more", not "only"
    assert "is based on Kubernetes" in {f["text"] for f in data["more_b"]}
    for side in ("only_a", "more_a", "only_b", "more_b"):
        assert not shared & {(f["relation"], f["direction"], f["node"]) for f in data[side]}


def test_compare_text(invoke):
    out = invoke("compare", "ECS", "EKS").stdout.splitlines()
    assert out[0] == "ECS vs EKS"
    assert "In common, both:" in out and "  uses Fargate" in out
    assert "Also about EKS:" in out and "  is based on Kubernetes" in out


def completions(args: list[str], incomplete: str) -> list[str]:
    return [c.value for c in ShellComplete(cli, {}, "awskg", "_AWSKG_COMPLETE").get_completions(args, incomplete)]


@pytest.mark.parametrize("command", [["show"], ["relate"], ["relate", "fargate"], ["compare"], ["neighbors"]])
def test_concept_arguments_complete(command):
    assert "fargate" in completions(command, "far")
    assert completions(command, "elastic-b") == ["elastic-beanstalk"]


def test_completion_sees_overlay_packs(make_pack):
    pack = make_pack(
        nodes=[["global-accelerator", "Global Accelerator", "", "service", "", "", "", ""]],
        edges=[["global-accelerator", "routes-to", "alb", "", ""]],
    )
    assert "global-accelerator" in completions(["--pack", str(pack), "show"], "glo")
    assert "global-accelerator" not in completions(["show"], "glo")


def test_queries_do_not_import_pyvis_jinja_or_exports():
    code = (
        "import sys; from click.testing import CliRunner; from awskg.cli import cli;"
        "r = CliRunner().invoke(cli, ['relate', 'Fargate', 'EKS']); assert r.exit_code == 0, r.output;"
        "r = CliRunner().invoke(cli, ['ask', 'VPC가 뭐야']); assert r.exit_code == 0, r.output;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('pyvis', 'jinja2', 'IPython', 'rdflib', 'genanki') or m.startswith(('awskg.exports', 'awskg.notebook'))];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
