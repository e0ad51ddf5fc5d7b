"""Korean that reads like AWS's own: particles chosen, never a raw pair, errors in Korean."""

from __future__ import annotations

import itertools

import pytest

from awskg.explorer.sentences import particle

#: Particle pairs that must never reach a learner: awskg always chooses the form.
RAW_PAIRS = ("을/를", "은/는", "이/가", "과/와", "와/과", "(으)로", "은(는)", "이(가)", "을(를)", "와(과)")


def assert_no_raw_pair(text: str) -> None:
    found = [pair for pair in RAW_PAIRS if pair in text]
    assert not found, f"raw particle pair {found} in: {text[:200]}"


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("S3", "은/는", "S3는"),  # 에스쓰리
        ("S3", "이/가", "S3가"),
        ("EC2", "은/는", "EC2는"),  # 이씨투
        ("T3", "을/를", "T3를"),  # 티쓰리
        ("M5", "을/를", "M5를"),  # 엠파이브
        ("C7", "은/는", "C7은"),  # 씨세븐
        ("EKS", "은/는", "EKS는"),  # 이케이에스
        ("ALB", "(으)로", "ALB로"),
        ("VPC", "과/와", "VPC와"),
        ("리전", "을/를", "리전을"),
        ("서울", "(으)로", "서울로"),
        ("대상 그룹", "(으)로", "대상 그룹으로"),
        ("Lambda", "은/는", "Lambda는"),
        ("Elastic Beanstalk", "이/가", "Elastic Beanstalk가"),
        ("IAM", "은/는", "IAM은"),  # 아이엠
        ("Route 13", "은/는", "Route 13은"),  # thirteen 써틴
        ("Route 12", "은/는", "Route 12는"),  # twelve 트웰브
    ],
)
def test_particles_follow_how_the_name_is_read(word, pair, expected):
    assert particle(word, pair) == expected


def test_a_reading_override_decides():
    assert particle("Route 53", "은/는", "라우트 오십삼") == "Route 53은"
    assert particle("Route 53", "은/는") == "Route 53는"  # fifty-three, read in English


@pytest.mark.parametrize("command", ["show", "neighbors"])
def test_every_concept_reads_without_a_raw_pair(kg, invoke, command):
    for node in sorted(kg.graph):
        result = invoke("--lang", "ko", command, node)
        assert result.exit_code == 0, (node, result.stderr)
        assert_no_raw_pair(result.stdout)


def test_relate_and_compare_read_without_a_raw_pair(kg):
    from awskg.errors import NoPath
    from awskg.explorer.compare import compare
    from awskg.explorer.paths import relate

    nodes = sorted(kg.graph)
    for a, b in itertools.islice(itertools.combinations(nodes, 2), 0, None, 23):
        try:
            found = relate(kg, a, b, limit=3, max_hops=8, lang="ko").paths
        except NoPath as error:
            assert error.only_shared  # every pair is connected in the built-in pack
            found = []
        for path in found:
            for hop in path.hops:
                assert_no_raw_pair(hop.text)
        comparison = compare(kg, a, b, "ko")
        for fact in comparison.shared + comparison.only_a + comparison.only_b + comparison.more_a + comparison.more_b:
            assert_no_raw_pair(fact.text)


def test_tours_quiz_and_relations_read_without_a_raw_pair(kg, invoke):
    for name in kg.tours:
        assert_no_raw_pair(invoke("--lang", "ko", "tour", name).stdout)
    from awskg.explorer.quiz import candidates

    for candidate in candidates(kg, "ko"):
        assert_no_raw_pair(candidate.question + candidate.explanation)
    assert_no_raw_pair(invoke("--lang", "ko", "relations").stdout)


def test_errors_speak_korean(invoke):
    result = invoke("--lang", "ko", "show", "farget")
    assert result.exit_code == 2
    assert result.stderr == "오류: 알 수 없는 개념 'farget'. 비슷한 이름: 'fargate'\n"
    result = invoke("--lang", "ko", "ask", "아무것도 아닌 질문")
    assert result.exit_code == 2
    assert result.stderr.startswith("오류: 질문 '아무것도 아닌 질문'에서 개념을 찾지 못했다.")
    assert "how does" not in result.stderr  # Korean examples only
    result = invoke("--lang", "ko", "relate", "ec2", "EC2")
    assert result.stderr.startswith("오류: 'ec2', 'EC2': 같은 개념(ec2)이다")
