"""Relation traits are data: an author's relation behaves exactly as a built-in one with the same traits."""

from __future__ import annotations

import pytest

import awskg
from awskg.explorer.paths import relate
from awskg.explorer.quiz import candidates
from awskg.explorer.view import select
from awskg.exports.mermaid import render_mermaid
from awskg.exports.styles import relation_style
from awskg.exports.subgraph import sliced
from awskg.graph.vocabulary import RELATION_TRAITS

from conftest import DATA

# A small world filed two ways: once with the built-in is-a, once with an author's
# relation that carries is-a's traits. Everything the code does must come out the same.
NODES = [[n, n.replace("-", " ").title(), "", "concept", "", "", "", ""] for n in ("top", "one", "two", "mid", "leaf")]
AUTHOR_RELATION = [["files-under", "is filed under", "files", "", "", "", "acyclic hierarchy transitive inherits"]]


def _edges(filing: str) -> list[list[str]]:
    return [
        ["one", filing, "top", "", "https://e.x/1"],
        ["two", filing, "top", "", "https://e.x/2"],
        ["leaf", filing, "one", "", "https://e.x/3"],
        ["one", "uses", "mid", "", "https://e.x/4"],
        ["mid", "uses", "two", "", "https://e.x/5"],
        ["one", "uses", "s3", "", "https://e.x/6"],
        ["leaf", "uses", "s3", "", "https://e.x/7"],
    ]


@pytest.fixture
def twins(make_pack):
    builtin_way = make_pack("builtin", nodes=NODES, edges=_edges("is-a"), complete=[["top", "is-a", "in", "", "x"]])
    author_way = make_pack(
        "author",
        nodes=NODES,
        edges=_edges("files-under"),
        relations=AUTHOR_RELATION,
        complete=[["top", "files-under", "in", "", "x"]],
    )
    return (builtin_way, awskg.load([builtin_way])), (author_way, awskg.load([author_way]))


def _same(text: str) -> str:
    return (
        text.replace("files-under", "is-a")
        .replace("is filed under", "is a type of")
        .replace("files", "has the subtype")
    )


def test_author_relation_ranks_paths_as_is_a_does(twins):
    (_, builtin), (_, author) = twins
    ours = relate(author, "one", "two", limit=5)
    theirs = relate(builtin, "one", "two", limit=5)
    assert [[_same(h.relation) for h in p.hops] for p in ours.paths] == [
        [h.relation for h in p.hops] for p in theirs.paths
    ]
    # the join through a shared parent ("both are filed under Top") ranks after the real chain
    assert [h.relation for h in ours.paths[0].hops] == ["uses", "uses"]
    assert [p.cost for p in ours.paths] == [p.cost for p in theirs.paths]


def test_author_relation_files_the_quiz_as_is_a_does(twins):
    (_, builtin), (_, author) = twins
    mine = {(c.answer, tuple(sorted(c.wrong))) for c in candidates(author) if c.edge.get("target") == "top"}
    theirs = {(c.answer, tuple(sorted(c.wrong))) for c in candidates(builtin) if c.edge.get("target") == "top"}
    assert mine == theirs and mine
    # leaf is filed under top through one (transitive): never offered as a wrong answer
    assert all("leaf" not in wrong for _, wrong in mine)


def test_author_relation_is_dashed_and_refused_a_cycle_as_is_a_is(twins, invoke):
    (_, builtin), (_, author) = twins
    assert relation_style(author, "files-under")[1] is relation_style(builtin, "is-a")[1] is True
    assert relation_style(author, "uses")[1] is False
    mermaid = render_mermaid(author, sliced(author, select(author, focus="top")))
    assert '-.->|"is filed under"|' in mermaid
    result = invoke("--pack", str(DATA / "author-cycle"), "check")
    assert result.exit_code == 1 and "cycle in 'nests-in'" in result.stderr


def test_author_relation_inherits_for_the_strict_lint(twins):
    from awskg.graph.loading import validate

    for folder, _ in twins:
        warnings = [w.message for w in validate([folder], strict=True).warnings if "repeats" in w.message]
        assert len(warnings) == 1 and warnings[0].startswith("warning: edge leaf uses s3 repeats what its parent 'one'")


def test_symmetric_author_relation_reads_the_same_both_ways():
    from awskg.explorer.sentences import sentence

    kg = awskg.load([DATA / "author-traits"])
    assert sentence(kg, "left-book", "pairs-with", "right-book", inverse=True) == "Right book pairs with Left book"
    assert sentence(kg, "left-book", "pairs-with", "right-book", "ko") == "왼쪽 책은 오른쪽 책과 짝을 이룬다"


def test_every_trait_is_documented_and_used_by_the_builtin_pack(kg):
    used = {trait for relation in kg.relations.values() for trait in relation.traits}
    # no built-in relation is learned source first (each was decided in its description), so
    # prerequisite-inverse is proven on an author's relation (test_learn.py, prerequisite-cycle)
    assert used == set(RELATION_TRAITS) - {"prerequisite-inverse"}


def test_an_author_kind_that_is_documented_is_held_to_the_docs_rule(make_pack):
    """``documented`` (kinds.csv traits), not the name ``service``, is what makes a missing docs URL a warning."""
    from awskg.graph.loading import validate

    pack = make_pack(
        kinds=[["gadget", "Gadget", "", "", "documented"], ["gizmo", "Gizmo", "", "", ""]],
        nodes=[
            ["lamp", "Lamp", "램프", "gadget", "", "A lamp.", "램프다.", ""],
            ["bulb", "Bulb", "전구", "gizmo", "", "A bulb.", "전구다.", ""],
            ["lamp-two", "Lamp two", "램프 2", "gadget", "", "A lamp.", "램프다.", "https://example.com/lamp"],
            ["svc", "Svc", "서비스", "service", "", "A service.", "서비스다.", ""],
        ],
    )
    warnings = [(w.line, w.message) for w in validate([pack], strict=True).warnings if "docs" in w.message]
    assert warnings == [(2, "warning: gadget 'lamp' has no docs URL"), (5, "warning: service 'svc' has no docs URL")]


def test_every_kind_trait_is_documented_and_used_by_the_builtin_pack(kg):
    from awskg.graph.vocabulary import KIND_TRAITS

    assert {trait for kind in kg.kinds.values() for trait in kind.traits} == set(KIND_TRAITS)
    authoring = (DATA.parents[1] / "docs" / "authoring.md").read_text("utf-8")
    assert all(f"| `{trait}` | {meaning} |" in authoring for trait, meaning in KIND_TRAITS.items())
