"""Korean that reads like AWS's own: particles chosen, never a raw pair, errors in Korean."""

from __future__ import annotations

import itertools

import pytest

from awskg.explorer.question import ask
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


def test_every_concept_reads_without_a_raw_pair(kg):
    import json

    import awskg
    from awskg.explorer.sentences import sentence

    for node in sorted(kg.graph):
        facts = [sentence(kg, node, e.relation, e.target, "ko") for e in kg.out_edges(node)]
        facts += [sentence(kg, e.source, e.relation, node, "ko") for e in kg.in_edges(node)]
        around = awskg.neighbors(kg, node, depth=2, lang="ko").to_json()
        assert_no_raw_pair("\n".join([kg.summary(node, "ko"), *facts, json.dumps(around, ensure_ascii=False)]))


@pytest.mark.parametrize("command", ["show", "neighbors"])
def test_the_terminal_adds_no_raw_pair(kg, invoke, command):
    for node in sorted(kg.graph)[::15]:  # the words are checked above; this checks what the printer adds
        result = invoke("--lang", "ko", command, node)
        assert result.exit_code == 0 and "다\n" in result.stdout, (node, result.stderr)  # sentences were said
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
    # the suggestions are named by their labels
    assert result.stderr == "오류: 알 수 없는 개념입니다: 'farget'. 비슷한 이름: Fargate.\n"
    result = invoke("--lang", "ko", "show", "가용영역별")
    assert result.stderr == "오류: 알 수 없는 개념입니다: '가용영역별'. 비슷한 이름: 가용 영역(availability-zone).\n"
    result = invoke("--lang", "ko", "ask", "아무것도 아닌 질문")
    assert result.exit_code == 2
    assert result.stderr.startswith("오류: 질문 '아무것도 아닌 질문'에서 개념을 찾지 못했습니다. 이렇게 물어보세요:")
    assert "how does" not in result.stderr  # Korean examples only
    result = invoke("--lang", "ko", "relate", "ec2", "EC2")
    assert result.stderr == "오류: 'ec2', 'EC2': 같은 개념(ec2)입니다. 서로 다른 두 개념을 지정하세요.\n"


@pytest.mark.parametrize(
    "question",
    [
        "ALB와 NLB의 차이는?",
        "ALB와 NLB의 차이점",
        "ALB랑 NLB 뭐가 달라?",
        "ALB와 NLB는 어떻게 다른가요?",
        "ALB와 NLB는 무엇이 다릅니까?",
        "ALB NLB 뭐가 다름?",
        "ALB랑 NLB 다르죠?",
        "ALB 아니면 NLB?",
        "ALB 대 NLB",
        "ALB vs NLB",
        "ALB와 NLB 중 뭐가 나아?",
        "ALB랑 NLB 중 뭘 써야 해?",
        "ALB하고 NLB 중 어느 게 나아?",
        "ALB와 NLB 비교",
        "에이엘비랑 엔엘비 비교해 줘",
        "which is better, ALB or NLB?",
    ],
)
def test_difference_questions_as_learners_type_them_are_compared(run_json, question):
    asked = run_json("ask", question)
    korean = ["--lang", "ko"] if any("가" <= ch <= "힣" for ch in question) else []
    assert asked == run_json(*korean, "compare", "alb", "nlb")


@pytest.mark.parametrize(
    ("question", "a", "b"),
    [("파게이트랑 이케이에스 관계 알려줘", "fargate", "eks"), ("이씨투와 에스쓰리는 어떤 관계야?", "ec2", "s3")],
)
def test_transliterated_names_are_found(run_json, question, a, b):
    assert run_json("ask", question) == run_json("--lang", "ko", "relate", a, b)


@pytest.mark.parametrize(
    ("question", "found", "kind"),
    [
        ("VPC가뭐야", ["vpc"], "card"),
        ("람다가뭐야?", ["lambda"], "card"),
        ("람다 함수가 뭐야", ["lambda-function"], "card"),
        ("fargate랑eks관계", ["fargate", "eks"], "relation"),
        ("Fargate와의 관계 EKS", ["fargate", "eks"], "relation"),
        ("S3랑EC2차이", ["s3", "ec2"], "comparison"),
        ("ALB와NLB의차이", ["alb", "nlb"], "comparison"),
        ("보안그룹vs나클", ["security-group", "network-acl"], "comparison"),
        ("ECS랑 EKS 중에 뭐 써야돼?", ["ecs", "eks"], "comparison"),
        ("EC2랑 람다 중에 뭐가 더 싸?", ["ec2", "lambda"], "comparison"),
        ("NAT 게이트웨이하고 인터넷 게이트웨이 뭐가 다른데", ["nat-gateway", "internet-gateway"], "comparison"),
        ("ECS랑 EKS 같은 거야?", ["ecs", "eks"], "comparison"),
        ("EKS가 Fargate를 쓰는 것 같아?", ["eks", "fargate"], "relation"),
        ("라우트 53이랑 클라우드프론트 관계", ["route-53", "cloudfront"], "relation"),
        ("포드랑컨테이너 관계", ["pod", "container"], "relation"),
        ("람다랑에스쓰리차이", ["lambda", "s3"], "comparison"),
        ("보안그룹이랑나클차이", ["security-group", "network-acl"], "comparison"),
        ("이케이에스랑쿠버네티스 관계", ["eks", "kubernetes"], "relation"),
        ("EKS랑쿠버네티스차이", ["eks", "kubernetes"], "comparison"),
        ("클라우드와치가 뭐야", ["cloudwatch"], "card"),
    ],
)
def test_questions_as_typed_without_spaces_or_in_casual_forms_are_read(kg, question, found, kind):
    answer = ask(kg, question, lang="ko")
    assert (answer.concepts, answer.kind) == (found, kind)


def test_a_word_heading_several_concepts_lists_them(invoke):
    result = invoke("ask", "게이트웨이는 뭐야?")
    assert result.exit_code == 2
    assert result.stderr == (
        "오류: '게이트웨이'에 해당하는 후보가 여럿입니다: API Gateway(api-gateway), 게이트웨이 엔드포인트(gateway-endpoint),"
        " GWLB, 인터넷 게이트웨이(internet-gateway), NAT 게이트웨이(nat-gateway). 이 중 하나를 지정하세요.\n"
    )
    result = invoke("show", "gateway")
    assert result.stderr == (
        "Error: 'gateway' could mean 'api-gateway', 'gateway-endpoint', 'gwlb', 'internet-gateway' or 'nat-gateway';"
        " use the id\n"
    )


@pytest.mark.parametrize("question", ["ALB vs NLB vs CLB", "ALB 대 NLB 대 CLB"])
def test_a_third_concept_is_never_dropped_silently(invoke, run_json, question):
    result = invoke("ask", question)
    assert result.exit_code == 0
    korean = any("가" <= ch <= "힣" for ch in question)
    assert result.stderr == (
        "앞의 두 개념 ALB, NLB에 대해 답합니다. 빠진 개념: CLB.\n"
        if korean
        else "Answered for the first two, ALB and NLB; left out: CLB.\n"
    )
    assert run_json("ask", question) == run_json(*(["--lang", "ko"] * korean), "compare", "alb", "nlb")


def test_the_learners_language_follows_the_learner(invoke, monkeypatch):
    # a question in Hangul is answered in Korean without --lang
    assert invoke("ask", "VPC가 뭐야").stdout.startswith("VPC · AWS 서비스")
    assert invoke("ask", "what is a VPC").stdout.startswith("VPC · AWS service")
    # AWSKG_LANG=ko is the default of every command
    monkeypatch.setenv("AWSKG_LANG", "ko")
    assert invoke("show", "vpc").stdout.startswith("VPC · AWS 서비스")
    assert invoke("ask", "what is a VPC").stdout.startswith("VPC · AWS 서비스")
    assert invoke("show", "farget").stderr.startswith("오류: ")
    # --lang decides over both
    assert invoke("--lang", "en", "show", "vpc").stdout.startswith("VPC · AWS service")
    assert invoke("--lang", "en", "ask", "VPC가 뭐야").stdout.startswith("VPC · AWS service")
    monkeypatch.setenv("AWSKG_LANG", "en")
    assert invoke("ask", "VPC가 뭐야").stdout.startswith("VPC · AWS 서비스")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("fargte가 뭐야", "알 수 없는 개념입니다: 'fargte'. 비슷한 이름: Fargate,"),
        ("lamda랑 s3 관계", "알 수 없는 개념입니다: 'lamda'. 비슷한 이름: Lambda,"),
        ("what is fargte", "unknown concept 'fargte'; did you mean 'fargate'"),
    ],
)
def test_a_misspelt_name_in_a_question_is_named_with_suggestions_never_dropped(invoke, question, said):
    # "lamda랑 s3 관계" used to answer with S3's card, as if the learner had asked about S3 alone
    result = invoke("ask", question)
    assert result.exit_code == 2 and result.stdout == ""
    assert said in result.stderr


def test_a_question_of_unknown_words_still_shows_how_to_ask(invoke):
    result = invoke("--lang", "ko", "ask", "asdf qwer")
    assert result.exit_code == 2 and "이렇게 물어보세요" in result.stderr


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("how does S3 connect to other services", ["s3"]),
        ("Lambda vs other services", ["lambda"]),
        ("compare EC2 with physical machines", ["ec2"]),
        ("CloudFront vs Cloudflare", ["cloudfront"]),  # what Cloudflare is close to is already asked about
    ],
)
def test_ordinary_words_are_never_taken_for_misspelt_names(kg, question, found):
    answer = ask(kg, question)
    assert (answer.kind, answer.concepts) == ("card", found)


def test_a_very_long_question_is_unreadable_not_a_crash(invoke):
    for question in ("뭐야" * 1200, "가나과다라" * 1200):
        result = invoke("ask", question)
        assert result.exit_code == 2 and "Traceback" not in result.stderr + result.stdout


def test_a_question_typed_in_decomposed_hangul_reads_as_composed(kg):
    import unicodedata

    assert ask(kg, unicodedata.normalize("NFD", "VPC가 뭐야")).concepts == ["vpc"]
    assert ask(kg, unicodedata.normalize("NFD", "포드랑컨테이너 관계")).concepts == ["pod", "container"]
