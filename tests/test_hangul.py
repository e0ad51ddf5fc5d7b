"""Hand-written Korean is read for particle slips: ``리소스을``, ``리전를`` are flagged by ``check --strict``."""

from __future__ import annotations

import pytest

from awskg.graph.hangul import NOT_SLIPS, nouns_in, particle_slips
from awskg.graph.loading import BUILTIN_PACK, read_packs
from awskg.graph.validation import check, lint


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("사용자가 리소스을 만든다", "리소스을 (리소스를)"),
        ("리소스은 나누어 쓴다", "리소스은 (리소스는)"),
        ("자기 리소스이 어디 있는지", "리소스이 (리소스가)"),
        ("기본 리소스으로 보낸다", "리소스으로 (리소스로)"),
        ("리전를 고른다", "리전를 (리전을)"),
        ("리전는 여럿이다", "리전는 (리전은)"),
        ("리전가 있다", "리전가 (리전이)"),
        ("리전로 보낸다", "리전로 (리전으로)"),
        ("서울으로 간다", "서울으로 (서울로)"),
    ],
)
def test_a_particle_after_the_wrong_final_sound_is_a_slip(text, slip):
    nouns = nouns_in(["리소스의 위치", "리전의 경계", "서울에 있다"])
    assert particle_slips(text, nouns) == [slip]


def test_words_and_verb_forms_that_only_look_like_slips_are_not_flagged():
    nouns = nouns_in(["리소스를 쓴다", "전문의 지식", "진입의 순서", "리전을 고른다"])
    text = "리소스를 쓰고 리전을 고르며 전문가에게 묻고 진입로를 찾는다. 게이트웨이 있는 곳, 가까이 없는 것, 서울로"
    assert particle_slips(text, nouns) == []
    # 전문 is a noun here, so 전문가 would read as 전문 + 가 without the list of words that are not slips
    assert "전문가" in NOT_SLIPS and particle_slips("전문가", nouns - {"전문"}) == []


def test_the_builtin_pack_has_no_particle_slip():
    tables = read_packs([BUILTIN_PACK])[0]
    warnings = lint(check(tables)[0], tables)
    assert [w for w in warnings if "particle" in w.message] == []


def test_check_strict_flags_particle_slips_at_their_row(make_pack, invoke):
    pack = make_pack(
        nodes=[
            ["mine", "Mine", "내 리소스", "concept", "", "Mine.", "리소스의 묶음. 리소스을 만든다.", ""],
            ["yours", "Yours", "네 리전", "concept", "", "Yours.", "리전를 고른다.", ""],
        ],
        edges=[["mine", "uses", "yours", "", "https://example.com/x", "리소스으로 보낸다"]],
    )
    result = invoke("--pack", str(pack), "check", "--strict")
    assert result.exit_code == 0
    nodes, edges = pack / "nodes.csv", pack / "edges.csv"
    assert result.stderr.splitlines() == [
        f"{edges}:2: warning: particle after the wrong final sound in note_ko: 리소스으로 (리소스로)",
        f"{nodes}:2: warning: particle after the wrong final sound in summary_ko: 리소스을 (리소스를)",
        f"{nodes}:3: warning: particle after the wrong final sound in summary_ko: 리전를 (리전을)",
    ]
    assert "warning" not in invoke("--pack", str(pack), "check").stderr


def test_check_strict_warns_on_a_korean_reading_that_drops_its_topic(make_pack, invoke):
    pack = make_pack(
        relations="name,label,inverse_label,label_ko,inverse_label_ko\n"
        "hosts-x,hosts,is hosted by,{s}은/는 {o}을/를 호스팅한다,{s}에는 {o}이/가 있다\n"
    )
    result = invoke("--pack", str(pack), "check", "--strict")
    assert result.exit_code == 0
    assert result.stderr == (
        f"{pack / 'relations.csv'}:2: warning: relation 'hosts-x' has Korean readings but no heading_ko and"
        " inverse_heading_ko: a Korean map labels its arrows with the reading after the object, which starts"
        " with a particle\n"
        f"{pack / 'relations.csv'}:2: warning: relation 'hosts-x': the Korean reading '{{s}}에는 {{o}}이/가 있다'"
        " (inverse_label_ko) does not open with '{s}은/는', so compare and the page must say it whole\n"
    )
