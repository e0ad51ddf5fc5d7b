"""Study mode at the terminal: tours and quizzes."""

from __future__ import annotations

import pytest

import awskg
from awskg.explorer.tours import tour


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
    result = invoke("tour", "kubernetes-deep-dive")
    assert result.exit_code == 2 and "unknown tour 'kubernetes-deep-dive'" in result.stderr


def test_tours_go_by_their_korean_titles_in_korean(invoke, run_json):
    listed = invoke("--lang", "ko", "tour").stdout.splitlines()
    assert listed[1] == "AWS에서 컨테이너 실행하기       9곳  Docker → ELB"  # counts read 9곳, no space
    assert run_json("--lang", "ko", "tour")[1]["title"] == "AWS에서 컨테이너 실행하기"
    walked = invoke("--lang", "ko", "tour", "컨테이너")  # a part of the Korean title
    assert walked.exit_code == 0 and walked.stdout.splitlines()[0] == "AWS에서 컨테이너 실행하기 (9곳)"
    assert invoke("--lang", "ko", "tour", "순서대로 배우는 클라우드 기초").stdout.startswith(
        "순서대로 배우는 클라우드 기초 (30곳)"
    )
    assert invoke("tour", "containers").stdout.startswith("running-containers-on-aws (9 stops)")
    both = invoke("--lang", "ko", "tour", "에서")  # in two titles: both named, none picked
    assert both.exit_code == 2
    assert both.stderr == (
        "오류: '에서'에 해당하는 후보가 여럿입니다: AWS에서 컨테이너 실행하기(running-containers-on-aws),"
        " 도메인 이름에서 서버까지(from-domain-name-to-server). 이 중 하나를 지정하세요.\n"
    )


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
        f"{where}:5: unknown node 'fargat'; did you mean 'fargate' or 'fargate-profile'?",
        "4 problems found",
    ]


def test_good_overlay_tour_loads(make_pack):
    pack = make_pack(tours="tour,step,node,note,note_ko\nmine,2,s3,second,둘째\nmine,1,lambda,first,첫째\n")
    kg = awskg.load([pack])
    assert [s["node"] for s in kg.tours["mine"]] == ["lambda", "s3"]
