"""The pack reader's three ways through a file give the same records, lines and problems.

:func:`awskg.graph.csvfile._records` picks the quickest reader that applies
to a file; :func:`_by_line` applies to every file, so it is the reference the
other two are held to, on generated text made of the characters that matter
to CSV (commas, quotes, line breaks, spaces, tabs, wide spaces, ``#``).
"""

from __future__ import annotations

import csv

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from awskg.errors import Problem
from awskg.graph.csvfile import (
    _by_csv,
    _by_line,
    _by_split,
    _has_control,
    _records,
    _uncommented,
    first_ending,
    records,
)
from awskg.graph.text import CONTROL

#: What a cell is made of: the characters CSV and stripping care about, and a little text.
PIECES = st.sampled_from(["a", "b", "가", ",", '"', '""', "\n", "\r\n", " ", "\t", "\u3000", "\xa0", "#", "x y"])
TEXT = st.lists(PIECES, max_size=40).map("".join)


def read(reader, text: str) -> tuple[list[tuple[int, list[str], list[str]]], list[Problem]]:
    problems: list[Problem] = []
    found = [(start, fields, raw) for start, fields, raw, _ in reader(text, "f.csv", problems)]
    return found, problems


def stripped(found):
    """Records as a reader's caller uses them: the raw cells may keep spaces the reader skipped."""
    return [(start, fields) for start, fields, _ in found]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_reading_from_memory_matches_reading_line_by_line(text):
    if _picked(text) != "_by_csv":
        return  # comments are blanked first; a file with CR line endings is only ever read line by line
    assert read(_by_csv, text) == read(_by_line, text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["a", ",", '"', "\n", "\r\n", " ", "#", "\n#", '\n"#']), max_size=30).map("".join))
def test_blanking_comments_matches_reading_line_by_line(text):
    """Comment lines, and lines starting with # inside quoted values, which are data."""
    assume(first_ending(text) != "\r")
    blanked, problems = [], []
    blanked = [(start, fields) for start, fields, _, _ in _uncommented(text, "f.csv", problems)]
    reference, expected = read(_by_line, text)
    assert (blanked, problems) == (stripped(reference), expected)


@settings(max_examples=400, deadline=None)
@given(TEXT.map(lambda t: t.replace('"', "").replace("\r", "").replace("#", "")))
def test_splitting_a_file_without_quotes_matches_the_csv_reader(text):
    reference, problems = read(_by_line, text)
    assert problems == []  # without quotes or CR there is nothing malformed
    assert [(start, fields) for start, fields, _, _ in _by_split(text, text.split("\n"))] == stripped(reference)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_whichever_reader_is_picked_gives_the_reference_records(text):
    problems: list[Problem] = []
    picked = [(start, fields) for start, fields, _, _ in _records(text, "f.csv", problems)]
    reference, expected_problems = read(_by_line, text)
    assert (picked, problems) == (stripped(reference), expected_problems)


def test_each_reader_is_picked_where_it_applies():
    plain, quoted, crs = "id,label\na, b\n", 'id,label\na,"b, c"\n', "id,label\ra,b\r"
    commented, hash_in_value = 'id,label\n # note\na,"b"\n', 'id,label\na,"b\n# not a comment"\n'
    picked = [_picked(text) for text in (plain, quoted, crs, commented, hash_in_value)]
    assert picked == ["_by_split", "_by_csv", "_by_line", "blanked", "_by_line"]
    assert list(records(hash_in_value, "f.csv", []))[1][1] == ["a", "b\n# not a comment"]
    assert list(records(plain, "f.csv", [])) == [(1, ["id", "label"], ["id", "label"]), (2, ["a", "b"], ["a", " b"])]


def test_a_line_longer_than_the_reader_allows_goes_to_the_reader_for_its_message():
    text = "id,label\na," + "x" * (csv.field_size_limit() + 1) + "\n"
    problems: list[Problem] = []
    assert _picked(text) == "_by_csv"
    assert list(_records(text, "f.csv", problems)) == [(1, ["id", "label"], ["id", "label"], 9)]
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [(2, "a value longer than 131,072 characters")]


def _picked(text: str) -> str:
    """Which reader :func:`_records` chose: a generator's function, or "blanked" for comments blanked in memory."""
    found = _records(text, "f.csv", [])
    return found.gi_code.co_name if hasattr(found, "gi_code") else "blanked"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x3000)))
def test_the_byte_scan_for_control_characters_agrees_with_the_pattern(text):
    assert _has_control(text.encode("utf-8"), text) == (CONTROL.search(text) is not None)
