"""Every validation rule, each proven by a tiny broken pack under tests/data/."""

from __future__ import annotations

import pytest

import awskg

from conftest import DATA

# pack folder -> (file, line, message) of every problem it must report, in order
BROKEN = {
    "unknown-node": [
        ("edges.csv", 2, "source: unknown node 'fargat'; did you mean 'fargate' or 'fargate-profile'?"),
        ("edges.csv", 3, "source: unknown node 'route53'; did you mean 'route-53'?"),
    ],
    "unknown-relation": [("edges.csv", 2, "unknown relation 'run-on'; did you mean 'runs-on'?")],
    "unknown-kind": [("nodes.csv", 2, "unknown kind 'servise'; did you mean 'service'?")],
    "duplicate-id": [("nodes.csv", 3, "duplicate node id 'my-thing' (first defined at {pack}/nodes.csv:2)")],
    "duplicate-edge": [("edges.csv", 3, "duplicate edge ecs uses s3 (first at {pack}/edges.csv:2)")],
    "alias-clash": [("nodes.csv", 3, "name 'Shared-Name' is already taken by node 'one' ({pack}/nodes.csv:2)")],
    "self-loop": [("edges.csv", 2, "self-loop: 'ec2' uses itself")],
    "cycle": [("edges.csv", 2, "cycle in 'part-of': aaa -> bbb -> aaa")],
    "missing-column": [("nodes.csv", 1, "missing column 'kind' (header must name id,label,kind)")],
    "missing-value": [("nodes.csv", 2, "missing value for 'label'")],
    "malformed-row": [("edges.csv", 2, "malformed CSV: ',' expected after '\"'")],
    "wrong-field-count": [
        (
            "edges.csv",
            2,
            "expected 5 fields (source,relation,target,note,source_ref), found 6; quote any value that holds a comma",
        )
    ],
    "not-utf8": [("nodes.csv", 2, "not valid UTF-8 (byte 0xe9 at column 13); save the file as UTF-8")],
    "missing-file": [("edges.csv", 0, "file not found; a pack needs edges.csv")],
    "bad-values": [
        ("nodes.csv", 2, "invalid id 'My Thing': use lowercase letters, digits and hyphens, e.g. 'availability-zone'"),
        ("nodes.csv", 3, "docs must be an http(s) URL, got 'javascript:alert(1)'"),
        (
            "nodes.csv",
            4,
            "id 'constructor' is reserved (the HTML map cannot draw it); choose another, e.g. 'constructor-concept'",
        ),
    ],
    "unknown-column": [("nodes.csv", 1, "unknown column 'sumary'; did you mean 'summary'?")],
    "unknown-trait": [("relations.csv", 2, "unknown trait 'hierarchie'; did you mean 'hierarchy'?")],
    # an author's relation with the acyclic trait is refused a cycle exactly as part-of is
    "author-cycle": [("edges.csv", 2, "cycle in 'nests-in': aaa -> bbb -> ccc -> aaa")],
    # a prerequisite cycle runs across relations: is-a and part-of (target first) and an
    # author's prerequisite-inverse relation (source first); a relation may not order both ways
    "prerequisite-cycle": [
        ("edges.csv", 2, "cycle of prerequisites: aaa, which needs bbb, which needs ccc, which needs aaa"),
        ("relations.csv", 3, "relation 'both-ways' has both traits prerequisite and prerequisite-inverse: keep one"),
    ],
    # a symmetric relation stated both ways is one fact stated twice
    "symmetric-twice": [("edges.csv", 3, "duplicate edge bbb integrates-with aaa (first at {pack}/edges.csv:2)")],
    "properties-broken": [
        (
            "properties.csv",
            3,
            "'gate' already has a value for 'state', which takes only one (at {pack}/properties.csv:2)",
        ),
        ("properties.csv", 4, "unknown dimension 'stat'; did you mean 'state'?"),
        ("properties.csv", 5, "unknown value 'ajar' for 'state'; 'state' takes 'open', 'shut'"),
        ("properties.csv", 6, "unknown node 'gat'; did you mean 'gate'?"),
        ("values.csv", 4, "unknown dimension 'colour'"),
    ],
    "applies-to-unknown": [
        ("dimensions.csv", 2, "applies_to: unknown node 'fargat'; did you mean 'fargate' or 'fargate-profile'?"),
    ],
    "empty-file": [
        (
            "nodes.csv",
            1,
            "empty file; expected the header row id,label,label_ko,kind,aliases,summary,summary_ko,docs,reading_ko",
        )
    ],
}


def _expected(name: str) -> list[str]:
    pack = DATA / name
    lines = []
    for filename, line, message in BROKEN[name]:
        where = f"{pack / filename}:{line}" if line else str(pack / filename)
        lines.append(f"{where}: {message.format(pack=pack)}")
    return lines


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_pack_reports_exact_problems_and_exits_1(invoke, name):
    result = invoke("--pack", str(DATA / name), "check")
    assert result.exit_code == 1
    expected = _expected(name)
    count = len(expected)
    assert result.stderr.splitlines() == [*expected, f"{count} problem{'s' * (count != 1)} found"]
    assert result.stdout == ""


#: Folders under tests/data/ that are valid packs, used by other tests.
VALID = {"hostile", "author-traits"}


def test_every_broken_pack_folder_is_tested():
    # every folder is either a valid pack or a broken one with its expected problems
    assert {p.name for p in DATA.iterdir() if p.is_dir()} - VALID == set(BROKEN)


def test_missing_pack_folder(invoke, tmp_path):
    missing = tmp_path / "nowhere"
    result = invoke("--pack", str(missing), "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{missing}: pack folder not found"


@pytest.mark.parametrize("command", [["show", "fargate"], ["list"], ["stats"]])
def test_every_command_refuses_a_broken_pack_before_working(invoke, command):
    result = invoke("--pack", str(DATA / "self-loop"), *command)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "self-loop" in result.stderr


def test_all_problems_of_several_packs_reported_at_once(invoke):
    result = invoke("--pack", str(DATA / "unknown-kind"), "--pack", str(DATA / "self-loop"), "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "2 problems found"


def test_name_taken_from_the_builtin_pack_points_at_its_line(make_pack, invoke):
    from awskg.graph.loading import BUILTIN_PACK

    pack = make_pack(nodes=[["my-fargate", "My Fargate", "", "concept", "AWS Fargate", "", "", ""]])
    result = invoke("--pack", str(pack), "check")
    builtin_nodes = BUILTIN_PACK / "nodes.csv"
    line = next(
        i for i, text in enumerate(builtin_nodes.read_text("utf-8").splitlines(), 1) if text.startswith("fargate,")
    )
    assert result.stderr.splitlines()[0] == (
        f"{pack / 'nodes.csv'}:2: name 'AWS Fargate' is already taken by node 'fargate' ({builtin_nodes}:{line})"
    )


def test_a_taken_name_given_twice_by_one_node_is_reported_once(make_pack):
    pack = make_pack(nodes=[["mine", "Fargate", "", "concept", "fargate;FARGATE; AWS Fargate", "", "", ""]])
    with pytest.raises(awskg.PackError) as info:
        awskg.load([pack])
    messages = [p.message for p in info.value.problems]
    assert sorted(m.split(" is already")[0] for m in messages) == ["name 'AWS Fargate'", "name 'Fargate'"]


def test_a_row_that_breaks_several_rules_reports_each_and_a_new_node_still_counts(make_pack):
    """No rule hides another: every rule a row breaks is reported in the one run.

    A node with a new id but a bad kind, link and name is still defined, so the
    fact naming it reports nothing of its own; a fact with unknown ends, an
    unknown relation and the same node at both ends reports all four.
    """
    pack = make_pack(
        nodes=[
            ["one", "One", "", "concept", "", "", "", ""],
            ["two", "One", "", "servise", "", "", "", "javascript:x"],
            ["constructor", "Constructor", "", "concpet", "", "", "", ""],
        ],
        edges=[["two", "uses", "one"], ["zzz", "run-on", "zzz"], ["two", "uses", "one"]],
    )
    with pytest.raises(awskg.PackError) as info:
        awskg.load([pack])
    nodes, edges = pack / "nodes.csv", pack / "edges.csv"
    assert [str(p) for p in info.value.problems] == [
        f"{edges}:3: self-loop: 'zzz' run-on itself",
        f"{edges}:3: source: unknown node 'zzz'",
        f"{edges}:3: target: unknown node 'zzz'",
        f"{edges}:3: unknown relation 'run-on'; did you mean 'runs-on'?",
        f"{edges}:4: duplicate edge two uses one (first at {edges}:2)",
        f"{nodes}:3: docs must be an http(s) URL, got 'javascript:x'",
        f"{nodes}:3: name 'One' is already taken by node 'one' ({nodes}:2)",
        f"{nodes}:3: unknown kind 'servise'; did you mean 'service'?",
        f"{nodes}:4: id 'constructor' is reserved (the HTML map cannot draw it); choose another, e.g. 'constructor-concept'",
        f"{nodes}:4: unknown kind 'concpet'; did you mean 'concept'?",
    ]
