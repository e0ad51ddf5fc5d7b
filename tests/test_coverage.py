"""Every concept states each dimension its peers state, or its dimension says why it need not."""

from __future__ import annotations

import awskg
from awskg.graph.coverage import missing_values

GADGETS = {
    "kinds": [["gadget", "Gadget", "장치", "A test kind."]],
    "nodes": [
        [node, node.upper(), node.upper(), "gadget", "", "A gadget.", "장치이다.", ""]
        for node in ("g1", "g2", "g3", "g4")
    ],
    "edges": [["g3", "is-a", "g2", "", "https://example.com/h"]],
    "dimensions": [
        ["colour", "Colour", "색", "exclusive", "Every gadget has a colour.", ""],
        ["size", "Size", "크기", "exclusive", "Only g1, g2 and their subtypes have a size.", "g1 g2"],
    ],
    "values": [["colour", "red", "Red", "빨강"], ["size", "big", "Big", "큼"]],
    "properties": [
        ["g1", "colour", "red", "", "", "https://example.com/c"],
        ["g1", "size", "big", "", "", "https://example.com/s"],
    ],
}


def test_the_builtin_pack_has_no_missing_value(kg):
    assert missing_values(kg) == []


def test_a_gap_is_found_within_the_kind_and_the_dimensions_domain(make_pack):
    kg = awskg.load([make_pack(**GADGETS)])
    # g4 is outside size's domain; g3 is inside it through is-a, a hierarchy relation
    assert missing_values(kg) == [("g2", "colour"), ("g2", "size"), ("g3", "colour"), ("g3", "size"), ("g4", "colour")]


def test_check_strict_warns_at_the_concepts_row(make_pack, invoke):
    pack = make_pack(**GADGETS)
    result = invoke("--pack", str(pack), "check", "--strict")
    assert result.exit_code == 0
    nodes = pack / "nodes.csv"
    hint = "which other concepts of its kind state; add one (cited) or narrow the dimension's applies_to"
    assert result.stderr.splitlines() == [
        f"{nodes}:{line}: warning: gadget '{node}' has no value for '{dimension}', {hint} (and say why in its description)"
        for line, node, dimension in (
            (3, "g2", "colour"),
            (3, "g2", "size"),
            (4, "g3", "colour"),
            (4, "g3", "size"),
            (5, "g4", "colour"),
        )
    ]
    assert invoke("--pack", str(pack), "check").stderr == ""


def test_applies_to_survives_the_csv_export(kg):
    from awskg.exports.csvpack import render_csv

    text = render_csv(kg, kg.graph)["dimensions.csv"]
    assert text.splitlines()[0] == "name,label,label_ko,traits,description,applies_to"
    assert any(line.startswith("osi-layer,") and line.endswith(",alb clb gwlb nlb") for line in text.splitlines())


def test_every_applies_to_names_a_node_and_its_description_says_why(kg):
    for dimension in kg.dimensions.values():
        assert dimension.applies_to <= set(kg.node_ids()), dimension.name
        assert dimension.description.strip(), dimension.name
