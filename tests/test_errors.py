"""The one error tree (awskg.errors): every "nothing to show" is an error with its exit code and Korean."""

from __future__ import annotations

from pathlib import Path

import pytest

import awskg
from awskg.errors import PackError, did_you_mean


def test_search_no_match_is_an_error_of_the_tree(invoke):
    assert invoke("search", "zzzzzz").stderr == "no concept looks like 'zzzzzz'\n"
    result = invoke("--lang", "ko", "search", "zzzzzz")
    assert (result.exit_code, result.stderr) == (1, "비슷한 개념이 없습니다: 'zzzzzz'\n")


def test_quiz_no_questions_in_korean(invoke):
    result = invoke("--lang", "ko", "quiz", "--kind", "party")
    assert result.exit_code == 1
    assert result.stderr.startswith("이 조건으로는 문제를 만들 수 없습니다")


def test_one_did_you_mean_spelling_for_errors_and_problems(make_pack):
    assert did_you_mean(["a", "b"]) == "; did you mean 'a' or 'b'?"
    pack = make_pack(nodes=[["mine", "Mine", "", "concpet"]], edges=[["mine", "run-on", "ec2"]])
    with pytest.raises(PackError) as raised:
        awskg.load([pack])
    assert [(Path(p.path).name, p.line, p.message) for p in raised.value.problems] == [
        ("edges.csv", 2, "unknown relation 'run-on'" + did_you_mean(["runs-on"])),
        ("nodes.csv", 2, "unknown kind 'concpet'" + did_you_mean(["concept"])),
    ]
