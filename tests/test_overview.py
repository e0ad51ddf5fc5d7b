"""The map's look and first view are pack data: kinds.csv and relations.csv columns, overview.csv."""

from __future__ import annotations

import awskg
from awskg.exports.styles import kind_style, relation_family

NODES = [
    ["top", "Top", "", "thing"],
    ["leaf", "Leaf", "", "gadget"],
    ["other", "Other", "", "plain"],
]
EDGES = [
    ["leaf", "links-to", "top", "", "https://example.com/a"],
    ["other", "links-to", "leaf", "", "https://example.com/b"],
]
# name, label, label_ko, description, traits, family, shape
KINDS = [
    ["thing", "Thing", "", "", "", "offering", "box"],
    ["gadget", "Gadget", "", "", "", "part", "ellipse"],
    ["plain", "Plain", "", "", "", "", ""],
]
RELATIONS = [["links-to", "links to", "is linked from", "", "", "", "", "flow", "dotted"]]


def test_an_authors_kinds_and_relations_are_styled_like_their_peers(make_pack):
    builtin = awskg.load()
    kg = awskg.load([make_pack(nodes=NODES, edges=EDGES, kinds=KINDS, relations=RELATIONS)])
    assert kind_style(kg, "thing") == kind_style(builtin, "service")  # same columns, same look
    assert kind_style(kg, "gadget") == kind_style(builtin, "feature")
    assert kind_style(kg, "plain").family == "other" and kind_style(kg, "plain").shape == "ellipse"
    assert relation_family(kg, "links-to") == relation_family(builtin, "resolves") == ("flow", "dotted")


def test_every_builtin_kind_and_relation_is_told_apart(kg):
    kinds = {(kind_style(kg, k).family, kind_style(kg, k).shape) for k in kg.kinds}
    families = {family for family, _ in kinds}
    assert len(kinds) == len(kg.kinds) and len(families) <= 8 and "other" in families
    relations = {relation_family(kg, r) for r in kg.relations}
    assert len(relations) == len(kg.relations) and len({f for f, _ in relations}) <= 8


def test_a_style_or_overview_row_naming_nothing_known_is_a_clear_error(invoke, make_pack):
    pack = make_pack(
        nodes=NODES,
        edges=EDGES,
        kinds=[
            ["thing", "Thing", "", "", "", "ofering", "blob"],
            ["gadget", "Gadget", "", "", "", "", ""],
            ["plain", "Plain", "", "", "", "", ""],
        ],
        relations=RELATIONS,
        overview=[["top", "top"], ["top", "lef"], ["top", "top"]],
    )
    result = invoke("--pack", str(pack), "check")
    assert result.exit_code == 1
    assert "kinds.csv:2: unknown family 'ofering'; did you mean 'offering'?" in result.stderr
    assert "kinds.csv:2: unknown shape 'blob'" in result.stderr
    assert "overview.csv:3: unknown node 'lef'; did you mean 'leaf'?" in result.stderr
    assert "overview.csv:4: 'top' is already in the overview (at " in result.stderr


def test_overview_is_read_in_order_and_kept_by_the_cache(kg, tmp_path, monkeypatch):
    topics = list(dict.fromkeys(topic for topic, _ in kg.overview))
    assert topics[:2] == ["cloud-computing", "aws-global-infrastructure"]
    assert len(kg.overview) <= 40 and all(node in kg.graph for _, node in kg.overview)
    from awskg.graph import cache

    monkeypatch.setenv("AWSKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    cache.load_cached(version="test")
    monkeypatch.setattr(cache, "load", None)  # the second load must come from the cache
    assert cache.load_cached(version="test").overview == kg.overview


def crossings(kg, positions) -> int:
    """How many pairs of facts cross when drawn as straight lines."""
    from itertools import combinations

    def turn(a, b, c):
        return (c[1] - a[1]) * (b[0] - a[0]) - (b[1] - a[1]) * (c[0] - a[0]) > 0

    lines = [(positions[a], positions[b]) for a, b in kg.graph.edges() if a != b]
    return sum(
        1
        for (p, q), (r, s) in combinations(lines, 2)
        if len({p, q, r, s}) == 4 and turn(p, r, s) != turn(q, r, s) and turn(p, q, r) != turn(p, q, s)
    )


def test_layout_is_deterministic_grouped_and_untangled(kg):
    import math
    import random

    from awskg.exports.layout import DY, cluster_layout, overview_layout

    first = overview_layout(kg, kg.graph.nodes)
    again = overview_layout(kg, reversed(list(kg.graph.nodes)))
    assert first.positions == overview_layout(kg, kg.graph.nodes).positions  # the same pack, the same picture
    assert set(first.positions) == set(kg.graph.nodes)
    assert first.overview == [node for _, node in kg.overview] and again.overview == first.overview
    points = list(first.positions.values())
    assert min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :]) >= 0.9 * DY  # no pile-ups
    # the overview is one compact block in the middle: every other concept lies outside it
    xs, ys = zip(*(first.positions[n] for n in first.overview), strict=True)
    inside = [n for n, (x, y) in first.positions.items() if min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys)]
    assert sorted(inside) == sorted(first.overview)
    # fewer crossings than the kind discs of big maps, and far fewer than the same places shuffled
    ids = list(first.positions)
    shuffled = ids[:]
    random.Random(1).shuffle(shuffled)
    untangled = crossings(kg, first.positions)
    assert untangled < 0.6 * crossings(kg, cluster_layout(kg, kg.graph.nodes))
    assert untangled < 0.4 * crossings(kg, {a: first.positions[b] for a, b in zip(ids, shuffled, strict=True)})


def test_a_slice_without_overview_rows_starts_from_its_best_connected(kg):
    from awskg.exports.layout import overview_layout

    nodes = ["ecs", "ecs-cluster", "ecs-task", "ecs-service", "ecs-task-definition"]
    drawn = overview_layout(kg, nodes)
    assert [n for _, n in kg.overview if n in nodes] == ["ecs"]  # one overview row only: too few to start from
    assert set(drawn.overview) == set(nodes)  # so the best-connected are the overview, grouped by kind
    assert drawn.topics[0][0] == "ecs-task"  # the bigger kind first (components), its best-connected heading it
    assert set(drawn.positions) == set(nodes) and set(drawn.topic_of) == set(nodes)
    assert all(head in nodes for head, _ in drawn.topics)  # every topic is named by a concept on the map


def test_styles_and_the_page_name_no_kind_or_relation(kg):
    """What a kind or relation looks like, and the first view, are pack data: the code names none of them."""
    import ast
    from pathlib import Path

    import awskg.exports.html as html
    import awskg.exports.styles as styles

    names = {*kg.kinds, *kg.relations}
    for module in (styles, html):
        tree = ast.parse(Path(module.__file__).read_text("utf-8"))
        docs = {
            id(body[0].value)
            for node in ast.walk(tree)
            for body in [getattr(node, "body", None)]
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr)
        }  # examples may name some
        named = [
            n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in names and id(n) not in docs
        ]
        assert named == [], module.__name__
