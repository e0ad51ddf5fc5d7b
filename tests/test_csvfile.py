"""The pack reader through its public doors: :func:`records`, :func:`read_table` and ``awskg check``.

The quick reader (the csv module over the file in memory) is held to the
line-by-line reference (``records(..., reference=True)``) on any text made of
what matters to CSV (commas, quotes, every line ending, spaces, tabs, wide
spaces, ``#``). Valid files written by :func:`format_row`, with comment and
blank lines between the records, read back as exactly the values written, at
the lines they start on. Every generated example is used: none is dropped.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awskg.errors import Problem
from awskg.graph.csvfile import format_row, line_breaks, read_table, records
from awskg.graph.text import CONTROL
from awskg.graph.vocabulary import SCHEMAS

EDGES = SCHEMAS["edges"]
EDGES_HEADER = "source,relation,target,note,source_ref"
NODES_HEADER = "id,label,label_ko,kind,aliases,summary,summary_ko,docs"

#: What a file is made of: the characters CSV, comments and stripping care about, and a little text.
PIECES = st.sampled_from(
    [
        "a",
        "b",
        "가",
        ",",
        '"',
        '""',
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "\u3000",
        "\xa0",
        "#",
        "x y",
        "\n#",
        "\n #",
        '\n"#',
        '\n# ,"',
    ]
)
TEXT = st.lists(PIECES, max_size=40).map("".join)


def read(text: str, reference: bool = False) -> tuple[list[tuple[int, list[str], list[str]]], list[Problem]]:
    problems: list[Problem] = []
    return list(records(text, "f.csv", problems, reference=reference)), problems


@settings(max_examples=800, deadline=None)
@given(TEXT)
def test_the_quick_reader_gives_the_references_records_lines_and_problems(text):
    assert read(text) == read(text, reference=True)


def test_the_quick_reader_meets_each_case_the_reference_knows_line_by_line():
    """The cases where a comment line parsed as CSV would mean something else, one by one."""
    cases = {
        'id\n# a comment, "with an unclosed quote\nx\n': [(1, ["id"]), (3, ["x"])],
        'id\n# a comment, "with a quote closed\non the next line"\nx\n': [
            (1, ["id"]),
            (3, ['on the next line"']),
            (4, ["x"]),
        ],
        'id\n# a comment,"quoted"then text\nx\n': [(1, ["id"]), (3, ["x"])],
        "id\n# a comment with a \r inside\nx\n": [(1, ["id"]), (3, ["x"])],
        "id\n#" + "x" * (csv.field_size_limit() + 1) + "\nx\n": [(1, ["id"]), (3, ["x"])],
        'id\n"#x"\n\t# a comment\n \n"y\n# data, not a comment"\nz\n': [
            (1, ["id"]),
            (2, ["#x"]),
            (5, ["y\n# data, not a comment"]),
            (7, ["z"]),
        ],
    }
    for text, expected in cases.items():
        found, problems = read(text)
        assert ([(start, fields) for start, fields, _ in found], problems) == (expected, []), text
        assert (found, problems) == read(text, reference=True)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('id,label\na,"b\nc\n', 2, "a quoted value that starts in this record is never closed"),
        ('id,label\n# "x\na,b\nc,"d\n', 4, "a quoted value that starts in this record is never closed"),
        ("id,label\na,b\rc\n", 2, "line break (CR) outside quotes; quote the value that holds it, or remove it"),
        ('id,label\na,"b"c\n', 2, "malformed CSV: ',' expected after '\"'"),
        ("id,label\r\r\na," + "x" * (csv.field_size_limit() + 1) + "\r", 3, "a value longer than 131,072 characters"),
    ],
)
def test_a_malformed_record_is_named_at_its_line_and_reading_stops(text, line, message):
    found, problems = read(text)
    assert [(p.line, p.message.split("; values")[0]) for p in problems] == [(line, message)]
    assert all(start < line for start, _, _ in found)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_lines_are_counted_by_the_files_own_ending(ending):
    text = ending.join(["id,label", "# note", "", 'a,"two', 'lines"', "b,c", ""])
    found, problems = read(text)
    assert [(start, fields) for start, fields, _ in found] == [
        (1, ["id", "label"]),
        (4, ["a", f"two{ending}lines"]),
        (6, ["b", "c"]),
    ]
    assert problems == []


#: A value as an author may write it: any of the characters that matter, never blank, no spaces around it.
VALUE = st.lists(
    st.sampled_from(["a", "가", ",", '"', "#", "=", "'", "@", " ", "\n", "\r", "\r\n", "\t"]), max_size=6
).map(lambda pieces: "".join(pieces).strip() or "x")
#: Comment lines (quotes and commas in them), each a line the reader must pass over.
COMMENTS = ["# note", '  # a "quoted, unclosed', '# see,"the next line', '\t#"x"y', "#"]
#: What may stand between records: a comment line, a blank line, a line of spaces.
BETWEEN = st.sampled_from([*COMMENTS, "", "   "])


@st.composite
def pack_file(draw) -> tuple[bytes, list[tuple[int, list[str]]]]:
    """An edges file written by :func:`format_row`, and the (line, cells) each data row must read back as."""
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = "\ufeff" if draw(st.booleans()) else ""
    text += "".join(line + ending for line in draw(st.lists(st.sampled_from(COMMENTS), max_size=2)))
    text += format_row(EDGES.columns, ending)
    expected = []
    for cells in draw(st.lists(st.lists(VALUE, min_size=len(EDGES.columns), max_size=len(EDGES.columns)), max_size=6)):
        text += "".join(line + ending for line in draw(st.lists(BETWEEN, max_size=2)))
        expected.append((1 + line_breaks(text.lstrip("\ufeff"), ending == "\r"), cells))
        text += format_row(cells, ending)
    return text.encode("utf-8"), expected


@settings(max_examples=400, deadline=None)
@given(pack_file())
def test_a_file_written_by_format_row_reads_back_every_value_at_its_line(written):
    data, expected = written
    rows, problems = read_table(Path("edges.csv"), EDGES, data)
    assert problems == []
    assert [(row.line, row.cells) for row in rows] == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x3000), min_size=1, max_size=20))
def test_a_control_character_is_reported_at_its_line_whatever_else_the_file_holds(value):
    """Reported exactly when the pattern finds one: the check may skip a file, never a control character."""
    text = EDGES_HEADER + "\n" + format_row(["a", "uses", "b", value, ""])
    _, problems = read_table(Path("edges.csv"), EDGES, text.encode("utf-8"))
    control = CONTROL.search(value)
    if control is None:
        assert [p for p in problems if "in column 'note'" in p.message] == []
    else:
        line = 2 + line_breaks(value[: control.start()], False)
        assert any(p.line == line and p.message.endswith("in column 'note'; remove it") for p in problems), problems


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_check_names_the_line_an_author_sees_in_a_file_with_comments_a_bom_and_quoted_breaks(tmp_path, invoke, ending):
    """End to end: ``awskg check`` passes a well-formed file and names the author's line in a broken one."""
    lines = [
        "# my own services",
        NODES_HEADER,
        '  # a comment with a quote, "that runs on',
        'mine,Mine 6",내 것,concept,,"A summary over',  # its first quote would close the comment's
        '# two lines, this one data",,https://example.com/',
        "",
        "ours,Ours,우리 것,concept,,A thing.,,https://example.com/",
    ]
    folder = tmp_path / "pack"
    folder.mkdir()
    edges = [EDGES_HEADER, "mine,uses,ec2,,https://example.com/", ""]
    (folder / "edges.csv").write_bytes(ending.join(edges).encode())
    nodes = folder / "nodes.csv"
    nodes.write_bytes(b"\xef\xbb\xbf" + ending.join([*lines, ""]).encode())
    passed = invoke("--pack", str(folder), "check")
    assert (passed.exit_code, passed.stderr) == (0, "")
    nodes.write_bytes(b"\xef\xbb\xbf" + ending.join([*lines, "theirs,Theirs", ""]).encode())
    failed = invoke("--pack", str(folder), "check")
    expected = f"{nodes}:8: expected 8 fields ({NODES_HEADER}), found 2; quote any value that holds a comma"
    assert failed.exit_code == 1 and failed.stderr.splitlines() == [expected, "1 problem found"]
