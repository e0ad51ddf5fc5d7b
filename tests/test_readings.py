"""Korean readings a Korean reader takes the right way: the concept stays the topic, nothing flips.

The inverse reading of an active relation once kept the active verb after the
object ("Fargate는 EKS가 사용한다"): a reader takes the topic as the subject,
so the fact read backwards. These tests pin the readings, and sweep every
text a learner reads in Korean (cards, neighbors, relate, compare, tours, quiz
questions and the page's texts) for a flipped reading or a placeholder.
"""

from __future__ import annotations

import itertools
import re

import pytest

from awskg.errors import NoPath
from awskg.explorer.citations import cite, docs_link
from awskg.explorer.compare import compare
from awskg.explorer.neighbors import neighbors
from awskg.explorer.paths import relate
from awskg.explorer.phrasebook import Phrasebook
from awskg.explorer.quiz import candidates
from awskg.explorer.sentences import predicate, sentence
from awskg.explorer.tours import tour

#: Stand-ins that must never reach a learner: a pair not chosen, a template's slot, the old 이 개념.
PLACEHOLDERS = ("{s}", "{o}", "이 개념", "\x00", "\x01", "을/를", "은/는", "이/가", "(으)로", "과/와")


@pytest.mark.parametrize(
    ("source", "relation", "target", "forward", "backward"),
    [
        ("eks", "uses", "fargate", "EKS는 Fargate를 사용한다", "Fargate는 EKS에서 사용된다"),
        ("s3", "triggers", "lambda", "S3는 Lambda를 트리거한다", "Lambda는 S3에 의해 트리거된다"),
        (
            "aws-load-balancer-controller",
            "provisions",
            "alb",
            "AWS Load Balancer Controller는 ALB를 프로비저닝한다",
            "ALB는 AWS Load Balancer Controller를 통해 프로비저닝된다",
        ),
        ("alias-record", "points-to", "alb", "별칭 레코드는 ALB를 가리킨다", "ALB는 별칭 레코드가 가리키는 대상이다"),
        ("alb", "invokes", "lambda-function", "ALB는 Lambda 함수를 호출한다", "Lambda 함수는 ALB에서 호출된다"),
        ("alb", "is-a", "elb", "ALB는 ELB의 한 종류이다", "ELB는 ALB를 하위 종류로 가진다"),
        ("ec2", "example-of", "iaas", "EC2는 IaaS의 예이다", "IaaS는 EC2를 예로 들 수 있다"),
        (
            "subnet",
            "located-in",
            "availability-zone",
            "서브넷은 가용 영역에 위치한다",
            "가용 영역은 서브넷이 위치하는 곳이다",
        ),
    ],
)
def test_readings_keep_the_concept_as_the_topic(kg, source, relation, target, forward, backward):
    assert kg.graph.has_edge(source, target, relation)
    assert sentence(kg, source, relation, target, "ko") == forward
    assert sentence(kg, source, relation, target, "ko", inverse=True) == backward


def test_english_readings_are_unchanged(kg):
    assert sentence(kg, "eks", "uses", "fargate", inverse=True) == "Fargate is used by EKS"
    assert sentence(kg, "s3", "triggers", "lambda", inverse=True) == "Lambda is triggered by S3"


def flipped(text: str) -> bool:
    """An active verb after a subject-marked word, at the end: "…EKS가 사용한다" (the fact read backwards).

    A modifier (가리키는 대상이다, 위치하는 곳이다) and a passive (사용된다) keep the meaning.
    """
    return bool(re.search(r"[이가] (사용|관리|프로비저닝|트리거|제공|해석|호출|실행|저장|보호|지원)한다$", text))


def test_no_inverse_reading_of_an_active_relation_ends_in_a_subject_and_an_active_verb(kg):
    for name in kg.relations:
        read = sentence(kg, "ecs", name, "fargate", "ko", inverse=True)
        assert not flipped(read), (name, read)
        assert read.startswith("Fargate는 "), (name, read)  # the concept read about is the topic


def korean_texts(kg):
    """Every Korean text a learner reads, library-level (fast): what the CLI and the page print."""
    nodes = sorted(kg.graph)
    for node in nodes:
        for e in kg.out_edges(node):
            yield sentence(kg, node, e.relation, e.target, "ko")
            yield sentence(kg, node, e.relation, e.target, "ko", inverse=True)
        for group in neighbors(kg, node, lang="ko", depth=2).groups:
            yield group.text
            yield from group.sentences
    for a, b in itertools.islice(itertools.combinations(nodes, 2), 0, None, 37):
        try:
            paths = relate(kg, a, b, limit=2, max_hops=6, lang="ko").paths
        except NoPath:
            paths = []
        for path in paths:
            yield from (hop.text for hop in path.hops)
        result = compare(kg, a, b, "ko")
        yield from (fact.text for fact in result.shared + result.only_a + result.only_b)
    for name in kg.tours:
        for stop in tour(kg, name, "ko").stops:
            yield from (hop.text for hop in stop.link)
    for question in candidates(kg, "ko"):
        yield question.question
        yield question.explanation
    book = Phrasebook(kg)
    for source, target, relation in kg.graph.edges(keys=True):
        said = book.fact(source, relation, target, "ko")
        yield from ("".join(said.out), "".join(said.back), said.of_source, said.of_target, said.label)


def test_sweep_no_reading_flips_and_no_placeholder_reaches_a_learner(kg):
    seen = 0
    for text in korean_texts(kg):
        seen += 1
        assert not flipped(text), text
        assert not any(mark in text for mark in PLACEHOLDERS), text
    assert seen > 2000


def test_compare_lines_keep_the_concept_as_topic(kg):
    result = compare(kg, "ALB", "NLB", "ko")
    shared = [fact.text for fact in result.shared]
    assert "별칭 레코드가 가리키는 대상이다" in shared
    assert "AWS Load Balancer Controller를 통해 프로비저닝된다" in shared
    assert "ECS 서비스에서 사용된다" in shared
    assert all(not text.endswith("가 사용한다") for text in shared)
    region = compare(kg, "region", "availability-zone", "ko")
    texts = [f.text for f in region.only_a + region.only_b + region.more_a + region.more_b + region.shared]
    assert "아시아 태평양(서울) 리전을 예로 들 수 있다" in texts
    assert "S3 버킷이 위치하는 곳이다" in texts


def test_neighbors_read_as_sentences_about_the_concept(kg):
    texts = [group.text for group in neighbors(kg, "리전", lang="ko").groups]
    assert "리전은 S3 버킷, VPC가 위치하는 곳이다" in texts
    assert "리전은 지연 시간 기반 라우팅에서 사용된다" in texts
    texts = [group.text for group in neighbors(kg, "ELB", lang="ko").groups]
    assert "ELB는 ALB, CLB, GWLB, NLB를 하위 종류로 가진다" in texts
    assert "ELB는 Elastic Beanstalk을 통해 프로비저닝된다" in texts


def test_deeper_neighbors_read_from_the_concept_each_was_reached_from(kg, invoke):
    shown = invoke("--lang", "ko", "neighbors", "fargate", "--depth", "2").stdout.splitlines()
    assert "  서버리스는 클라우드 컴퓨팅의 일부이다" in shown
    assert "  서버리스는 DynamoDB, Lambda를 예로 들 수 있다" in shown
    assert not [line for line in shown if re.match(r"\s+A[는은] ", line)]  # the relation's A/B stand-ins
    group = next(
        g for g in neighbors(kg, "fargate", depth=2).groups if g.relation == "example-of" and g.direction == "in"
    )
    assert group.sentences == ["Serverless has the example DynamoDB, Lambda"]


def test_predicate_says_the_concept_it_is_about_never_a_stand_in(kg):
    assert predicate(kg, "uses", "ecs", "ko", inverse=True) == "ECS에서 사용된다"
    assert predicate(kg, "example-of", "ec2", "ko", inverse=True, about="iaas") == "EC2를 예로 들 수 있다"


def test_quiz_questions_take_one_form_in_korean(kg):
    asked = [c.question for c in candidates(kg, "ko")]
    assert asked and all(q.startswith("다음 중 ") and q.endswith(" 것은?") for q in asked), [
        q for q in asked if not q.startswith("다음 중 ")
    ]
    assert "다음 중 클라우드 컴퓨팅의 특징인 것은?" in asked


def test_docs_links_open_awss_korean_pages_in_korean(kg, invoke):
    url = kg.node("vpc")["docs"]
    assert url == "https://docs.aws.amazon.com/vpc/latest/userguide/what-is-amazon-vpc.html"  # the data stays English
    korean = "https://docs.aws.amazon.com/ko_kr/vpc/latest/userguide/what-is-amazon-vpc.html"
    assert docs_link(url, "ko") == korean and docs_link(url, "en") == url
    assert f"문서: {korean}" in invoke("--lang", "ko", "show", "vpc").stdout
    assert f"docs: {url}" in invoke("show", "vpc").stdout
    assert cite(url, "ko") == korean and cite("aws-basics-ko.md § VPC", "ko") == "AWS 기초 (교재) § VPC"
    from awskg.explorer.view import select
    from awskg.exports.html import page_data

    data = page_data(kg, select(kg, focus="vpc", depth=1), "ko")
    vpc = next(n for n in data["nodes"] if n["id"] == "vpc")
    assert vpc["docs"] == url and vpc["docs_ko"] == korean


def test_anki_cards_link_the_korean_pages_in_korean(kg):
    import io
    import sqlite3
    import tempfile
    import zipfile

    from awskg.explorer.view import select
    from awskg.exports.anki import render_anki

    view = select(kg, focus="vpc", depth=1)
    graph = kg.graph.subgraph(view.nodes)
    data = render_anki(kg, graph, "ko")
    with zipfile.ZipFile(io.BytesIO(data)) as deck, tempfile.NamedTemporaryFile(suffix=".db") as db:
        db.write(deck.read("collection.anki2"))
        db.flush()
        fields = "".join(row[0] for row in sqlite3.connect(db.name).execute("select flds from notes"))
    assert "https://docs.aws.amazon.com/ko_kr/vpc/" in fields
    assert "https://docs.aws.amazon.com/vpc/" not in fields


def test_facts_summaries_and_notes_stay_in_the_plain_written_style(kg):
    """한다체 for what is said about AWS; the polite style is only for what addresses the learner."""
    texts = [kg.summary(node, "ko") for node in kg.graph]
    texts += [e.note_ko for node in kg.graph for e in kg.out_edges(node)]
    texts += [p.note_ko for node in kg.graph for p in kg.properties_of(node)]
    texts += [text for text in korean_texts(kg) if not text.startswith("다음 중 ")]
    polite = [t for t in texts if any(map(addresses_the_learner, re.findall(r"[가-힣]+(?=[.!?]?(?:\s|$))", t)))]
    assert texts and not polite, polite[:5]


def addresses_the_learner(word: str) -> bool:
    """합니다체 (a syllable ending in ㅂ before 니다: 합니다, 됩니다, 있습니다) or 해요체 (세요, 해요).

    >>> addresses_the_learner("권장합니다"), addresses_the_learner("아니다"), addresses_the_learner("지정하세요")
    (True, False, True)
    """
    if word.endswith(("세요", "해요", "에요")):
        return True
    return len(word) > 2 and word.endswith("니다") and (ord(word[-3]) - 0xAC00) % 28 == 17


def test_the_polite_check_finds_what_it_looks_for():
    assert addresses_the_learner("권장합니다") and addresses_the_learner("있습니다")
    assert not addresses_the_learner("아니다") and not addresses_the_learner("권장한다")
