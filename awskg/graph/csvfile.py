"""Reading and writing one pack file's CSV: text to rows that remember their line, and back.

Spreadsheets produce every flavour of CSV, so the reader is deliberately
forgiving about what is harmless (a BOM, CRLF or CR line endings, blank lines,
``#`` comment lines, surrounding spaces, columns in any order) and exact about
what would silently lose data (a row with too many or too few fields, an unknown
column, bytes that are not UTF-8, a control character, a file or value too
large), reporting each as ``path:line: message``.

The comment rule is one rule for reader and writer alike: **a line whose first
character other than spaces and tabs is an unquoted ``#``, met where a record
starts, is a comment**. A quoted ``"#x"`` is data. :func:`format_row` quotes a
first field that starts with ``#``, so nothing awskg writes can read back as a
comment. Lines are counted by the file's own line ending (LF or CRLF; CR for a
file whose first line ends in CR), so a line break held inside a quoted value
keeps every later line number true.

One reader does the work: the csv module over the text in memory. Its
reference pulls the file line by line, dropping comment lines first; it is the
oracle the tests hold the reader to (``records(..., reference=True)``), and it
reads the rest of a file wherever the reader cannot tell a comment from a record.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from awskg.errors import Problem
from awskg.graph.packfile import capped, file_text, header_problems
from awskg.graph.text import CONTROL, MAX_VALUE_CHARS, control_message
from awskg.graph.vocabulary import Schema

__all__ = ["Row", "first_ending", "format_row", "line_breaks", "read_table", "records"]


class Row(NamedTuple):
    """One data row of a pack file: where it stands and its cells.

    ``cells`` follow the schema's column order whatever the file's order, with
    "" for a column the file lacks, so checks can unpack them directly; no
    dict per row, so a 50,000-node pack reads quickly and in little memory.
    """

    path: str
    line: int
    cells: list[str]
    schema: Schema

    def get(self, column: str) -> str:
        """The cell under ``column``."""
        return self.cells[self.schema.columns.index(column)]


def read_table(path: Path, schema: Schema, data: bytes | None = None) -> tuple[list[Row], list[Problem]]:
    """Read ``path`` (or ``data`` standing for its bytes) against ``schema``.

    Returns its rows and every problem found (:mod:`awskg.graph.packfile` says
    why a file cannot be read at all). Parsing stops at the first malformed CSV
    record, since the reader cannot know where the next one starts.
    """
    text, problems = file_text(path, schema, data)
    if text is None:
        return [], problems
    rows, problems = _parse(text, str(path), schema)
    return rows, capped(problems, str(path))


#: A value a spreadsheet would run as a formula, or one that reads back as such once its apostrophe is taken off.
_FORMULA = re.compile(r"'*[=+\-@]")
#: A value written by :func:`format_row` with an apostrophe before it. Spelt ``''*``, not ``'+``, so that it
#: starts with a literal and a search of a whole file skips to each apostrophe (20 times quicker).
_GUARDED = re.compile(r"''*[=+\-@]")


def line_breaks(text: str, cr_only: bool) -> int:
    """How many lines ``text`` ends, counted as the reader counts them (one way for check and add-node).

    In a file whose lines end in CR, the reader also ends a line at an LF (and
    at a CRLF, once); elsewhere only an LF ends one.

    >>> line_breaks("a\\rb\\nc\\r\\nd", True), line_breaks("a\\rb\\nc\\r\\nd", False)
    (3, 2)
    """
    if not cr_only:
        return text.count("\n")
    return text.count("\r") + text.count("\n") - text.count("\r\n")


def first_ending(text: str) -> str:
    """The file's own line ending: that of its first line (``\\n`` for a file of one line).

    A later ``\\r\\n`` may sit inside a quoted value; the first line is the header or a
    comment, which holds none.

    >>> first_ending("id,label\\r\\na,b\\n"), first_ending("id\\n"), first_ending("id\\rx")
    ('\\r\\n', '\\n', '\\r')
    """
    cr, lf = text.find("\r"), text.find("\n")
    if cr == -1 or (lf != -1 and lf < cr):
        return "\n"
    return "\r\n" if lf == cr + 1 else "\r"


def format_row(values: Sequence[str], ending: str = "\n") -> str:
    """One CSV record that :func:`records` reads back as exactly ``values``.

    A value is quoted when it holds a comma, a quote or a line break, or when it
    is the first and starts with ``#`` (it would read as a comment). A value a
    spreadsheet would run as a formula (starting with ``=``, ``+``, ``-`` or
    ``@``) is written after an apostrophe, which the reader takes off again
    (one apostrophe before any of those four, so ``'=x`` is written ``''=x``).

    >>> format_row(["#evil", "a\\rb", "a,b", "plain", "=1+1", "'@x"])
    '"#evil","a\\rb","a,b",plain,\\'=1+1,\\'\\'@x\\n'
    """
    cells = []
    for index, value in enumerate(values):
        if _FORMULA.match(value):
            value = "'" + value
        if any(c in value for c in ',"\r\n') or (index == 0 and value.lstrip(" \t").startswith("#")):
            value = '"' + value.replace('"', '""') + '"'
        cells.append(value)
    return ",".join(cells) + ending


def records(
    text: str, where: str, problems: list[Problem], *, reference: bool = False
) -> Iterator[tuple[int, list[str], list[str]]]:
    """(first line, stripped cells, raw cells) of each record that is not blank or a comment.

    Stops at the first malformed record, reporting it in ``problems``. With
    ``reference``, the file is read by the slow line-by-line reference reader
    instead, which the quick one is held to: both give the same answer.

    >>> text = 'id,label\\n # a note\\nx, "y\\n# data"\\n'
    >>> list(records(text, "n.csv", [])) == list(records(text, "n.csv", [], reference=True))
    True
    >>> list(records(text, "n.csv", []))
    [(1, ['id', 'label'], ['id', 'label']), (3, ['x', 'y\\n# data'], ['x', 'y\\n# data'])]
    """
    if reference:
        found = _by_line(text, where, problems, first_ending(text) == "\r")
    else:
        found = _records(text, where, problems)
    for start, fields, raw, _ in found:
        yield start, fields, raw


#: One record as the readers below yield it: (first line, stripped cells, raw cells,
#: characters its lines hold, so a record too short to hold a long value is never measured).
_Record = tuple[int, list[str], list[str], int]
#: Where a line is a comment, if it starts a record: spaces and tabs, then ``#``.
_COMMENT = re.compile(r"[ \t]*#")


def _records(text: str, where: str, problems: list[Problem]) -> Iterator[_Record]:
    """:func:`records`, each with the number of characters its lines hold.

    The csv module reads the file from memory, counting its lines. A comment
    line reads as a record of one line starting (at the text, not just its
    first cell) with an unquoted ``#``, and is passed over. Where that cannot
    tell (a quote in a comment runs on into later lines, or the csv module
    refuses a record), the rest of the file, from that record's first line,
    is read by the reference :func:`_by_line`, which drops comment lines before
    the csv module sees them: it alone knows the rule line by line, and it
    names the line of a malformed record.
    """
    cr_only = first_ending(text) == "\r"
    stream = io.StringIO(text, newline="" if cr_only else "\n")
    tell, strip = stream.tell, str.strip
    reader = csv.reader(stream, strict=True, skipinitialspace=True)
    done = offset = 0  # lines and characters before the record being read
    try:
        for raw in reader:
            fields, here = list(map(strip, raw)), tell()
            if fields and fields[0][:1] == "#" and _COMMENT.match(text, offset):
                if reader.line_num > done + 1:
                    break
            elif any(fields):
                yield done + 1, fields, raw, here - offset
            done, offset = reader.line_num, here
        else:
            return
    except csv.Error:
        pass
    yield from _by_line(text[offset:], where, problems, cr_only, done)


class _Lines:
    """The file's lines as the reference's csv reader pulls them: counts every line, skips comments between records."""

    def __init__(self, text: str, cr_only: bool, before: int) -> None:
        self._lines = iter(io.StringIO(text, newline="" if cr_only else "\n"))
        self.line = before  # lines pulled so far, comments included
        self.start = before  # first line of the record being read
        self.between = True  # the next line pulled starts a record
        self.chars = 0  # characters pulled so far

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        while True:
            line = next(self._lines)
            self.line += 1
            self.chars += len(line)
            if not self.between:
                return line
            if line.lstrip(" \t")[:1] != "#":
                self.between, self.start = False, self.line
                return line


def _by_line(text: str, where: str, problems: list[Problem], cr_only: bool, before: int = 0) -> Iterator[_Record]:
    """The reference reader: the csv module pulls line by line through :class:`_Lines`, which drops comments.

    It reads any file exactly by the comment rule, so it is the oracle
    :func:`_records` is held to, and where that one cannot tell, it reads the
    rest of the file (``text`` from the start of a record, ``before`` lines on).
    """
    lines = _Lines(text, cr_only, before)
    reader = csv.reader(lines, strict=True, skipinitialspace=True)
    chars = 0
    try:
        for raw in reader:
            lines.between = True
            fields = list(map(str.strip, raw))
            if any(fields):
                yield lines.start, fields, raw, lines.chars - chars
            chars = lines.chars
    except csv.Error as exc:
        problems.append(_malformed(exc, where, lines.line, lines.start))


def _malformed(exc: csv.Error, where: str, line: int, start: int) -> Problem:
    """The problem a csv error means, at ``line`` (where the reader stopped) or ``start`` (where the record began)."""
    text = str(exc)
    if "field limit" in text:
        message = f"a value longer than {csv.field_size_limit():,} characters; values hold at most {MAX_VALUE_CHARS:,}"
        return Problem(where, line, message)
    if "new-line character" in text:
        return Problem(where, line, "line break (CR) outside quotes; quote the value that holds it, or remove it")
    if "unexpected end of data" in text:
        return Problem(where, start, "a quoted value that starts in this record is never closed")
    return Problem(where, line, f"malformed CSV: {exc}")


def _parse(text: str, where: str, schema: Schema) -> tuple[list[Row], list[Problem]]:
    """Rows and problems of a decoded file."""
    suspect = CONTROL.search(text) is not None  # rare: only then is every value looked at
    problems: list[Problem] = []
    found = _records(text, where, problems)
    cr_only = first_ending(text) == "\r"
    for start, header, raw, size in found:
        wrong = header_problems(header, where, start, schema)
        if suspect or size > MAX_VALUE_CHARS:
            wrong += _check_values(raw, header, where, start, cr_only)
        if wrong:
            return [], wrong
        break
    else:
        if not problems:
            problems.append(Problem(where, 1, f"empty file; expected the header row {','.join(schema.columns)}"))
        return [], problems
    limit = -1 if suspect else MAX_VALUE_CHARS  # values are looked at only in a record that may hold a bad one
    width, required = len(header), [header.index(column) for column in schema.required]
    required_cells = itemgetter(*required)  # every schema requires at least two columns
    positions = [header.index(c) if c in header else None for c in schema.columns]
    reorder, guarded = header != list(schema.columns), _GUARDED.search(text) is not None
    rows = []
    for start, fields, raw, size in found:
        if size > limit:
            problems += _check_values(raw, header, where, start, cr_only)
        if len(fields) != width or not all(required_cells(fields)):
            problems.append(_incomplete(fields, header, required, where, start))
            continue
        if reorder:
            fields = ["" if i is None else fields[i] for i in positions]
        if guarded:
            fields = [value[1:] if _GUARDED.match(value) else value for value in fields]
        rows.append(Row(where, start, fields, schema))
    return rows, problems


def _incomplete(fields: list[str], header: list[str], required: list[int], where: str, start: int) -> Problem:
    """What is wrong with a record that has not the header's width, or lacks a required value."""
    if len(fields) != len(header):
        message = f"expected {len(header)} fields ({','.join(header)}), found {len(fields)}; quote any value that holds a comma"
        return Problem(where, start, message)
    missing = ", ".join(repr(header[i]) for i in required if not fields[i])
    return Problem(where, start, f"missing value for {missing}")


def _check_values(raw: list[str], header: list[str], where: str, start: int, cr_only: bool) -> list[Problem]:
    """A control character at the line it stands on, and any value over the length limit."""
    # one search over the whole record says it is clean, or it is walked value by value
    if CONTROL.search("".join(raw)) is None and max(map(len, raw), default=0) <= MAX_VALUE_CHARS:
        return []
    problems = []
    before = 0  # line breaks in the record before this value
    for index, value in enumerate(raw):
        column = repr(header[index]) if index < len(header) else f"{index + 1}"
        found = CONTROL.search(value)
        if found:
            line = start + before + line_breaks(value[: found.start()], cr_only)
            problems.append(Problem(where, line, f"{control_message(found.group())} in column {column}; remove it"))
        if len(value) > MAX_VALUE_CHARS:
            message = (
                f"value in column {column} is {len(value):,} characters long; values hold at most {MAX_VALUE_CHARS:,}"
            )
            problems.append(Problem(where, start + before, message))
        before += line_breaks(value, cr_only)
    return problems
