"""Name resolution: ids, labels, Korean labels and aliases, however typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awskg
from awskg.errors import AmbiguousName
from awskg.graph.names import normalize, normalize_all


@pytest.mark.parametrize(
    "typed, node",
    [
        ("route53", "route-53"),
        ("Route 53", "route-53"),
        ("ROUTE-53", "route-53"),
        ("Amazon Route 53", "route-53"),
        ("리전", "region"),
        ("가용 영역", "availability-zone"),
        ("가용영역", "availability-zone"),
        ("AZ", "availability-zone"),
        ("elb", "elb"),
        ("Elastic Load Balancing", "elb"),
        ("EC2 Container Service", "ecs"),
        ("쿠버네티스", "kubernetes"),
        ("k8s", "kubernetes"),
        ("ap-northeast-2", "seoul-region"),
        ("lamb", "lambda"),  # a unique prefix
    ],
)
def test_every_kind_of_spelling_resolves_to_its_concept(kg, typed, node):
    assert kg.resolve(typed) == node


def test_unknown_name_suggests_close_names(kg):
    with pytest.raises(awskg.UnknownName) as info:
        kg.resolve("farget")
    assert info.value.suggestions[0] == "fargate"
    assert str(info.value) == "unknown concept 'farget'; did you mean 'fargate'?"


def test_exact_name_wins_over_longer_names_sharing_its_prefix(kg):
    assert kg.resolve("ecs") == "ecs"  # although "ECS cluster", "ECS task"... start with it


def test_an_ambiguous_prefix_lists_its_candidates(kg):
    with pytest.raises(awskg.AmbiguousName) as info:
        kg.resolve("platform")
    assert "platform-java" in info.value.candidates and "platform-go" in info.value.candidates


def test_nothing_close_gives_no_suggestion(kg):
    with pytest.raises(awskg.UnknownName) as info:
        kg.resolve("qqqqqqqq")
    assert info.value.suggestions == []
    assert str(info.value) == "unknown concept 'qqqqqqqq'"


#: Name pieces that normalization treats differently: case, width, jamo, punctuation, NUL, combining marks.
NAME_PIECES = st.sampled_from(["a", "B", "가", "ㄱ", "ｆ", "_", "-", " ", "\x00", "é", "e\u0301", "\u0301"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(NAME_PIECES, max_size=6).map("".join), max_size=5))
def test_normalizing_names_together_equals_normalizing_each(names):
    assert normalize_all(names) == [normalize(name) for name in names]


def test_a_prefix_of_several_names_of_one_concept_is_that_concept(kg):
    # 다이나모DB and 다이나모디비 are both DynamoDB's: "다이나모" is not ambiguous
    assert kg.resolve("다이나모") == "dynamodb"
    with pytest.raises(AmbiguousName) as raised:
        kg.resolve("게이트웨이")
    assert len(raised.value.candidates) > 1
