"""Reading one pack file: bytes to rows that remember their line, or problems.

Spreadsheets produce every flavour of CSV, so this module is deliberately
forgiving about what is harmless (a BOM, CRLF or CR line endings, blank lines,
``#`` comment rows, surrounding spaces, columns in any order) and exact about
what would silently lose data (a row with too many or too few fields, an unknown
column, bytes that are not UTF-8), reporting each as ``path:line: message``.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from awskg.graph.errors import Problem
from awskg.graph.vocabulary import Schema

__all__ = ["Row", "decode_utf8", "read_table"]


class Row(NamedTuple):
    """One data row of a pack file: where it stands and its cells.

    ``cells`` follow the schema's column order whatever the file's order, with
    "" for a column the file lacks, so checks can unpack them directly; no
    dict per row, so a 50,000-node pack reads quickly and in little memory.
    """

    path: str
    line: int
    cells: tuple[str, ...]
    schema: Schema

    def get(self, column: str) -> str:
        """The cell under ``column``."""
        return self.cells[self.schema.columns.index(column)]


def decode_utf8(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """Decode a pack file, tolerating a BOM; on failure, say on which line.

    >>> decode_utf8(b"\\xef\\xbb\\xbfid\\n", "n.csv")
    ('id\\n', None)
    >>> print(decode_utf8(b"id\\nb\\xe9", "n.csv")[1])
    n.csv:2: not valid UTF-8 (byte 0xe9 at column 2); save the file as UTF-8
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column}); save the file as UTF-8"
        return None, Problem(path, line, message)


def read_table(path: Path, schema: Schema, data: bytes | None = None) -> tuple[list[Row], list[Problem]]:
    """Read ``path`` (or ``data`` standing for its bytes) against ``schema``.

    Returns its rows and every problem found. A missing optional file is simply
    empty. Parsing stops at the first malformed CSV record, since the reader
    cannot know where the next one starts.
    """
    where = str(path)
    if data is None and not path.is_file():
        if schema.optional_file:
            return [], []
        return [], [Problem(where, 0, f"file not found; a pack needs {schema.filename}")]
    text, problem = decode_utf8(path.read_bytes() if data is None else data, where)
    if text is None:
        return [], [problem] if problem else []
    return _parse(text, where, schema)


def _parse(text: str, where: str, schema: Schema) -> tuple[list[Row], list[Problem]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, skipinitialspace=True)
    rows: list[Row] = []
    problems: list[Problem] = []
    records = _records(reader, where, problems)
    for start, fields in records:
        header_problems = _check_header(fields, where, start, schema)
        if header_problems:
            return [], header_problems
        header = fields
        break
    else:
        if not problems:
            problems.append(Problem(where, 1, f"empty file; expected the header row {','.join(schema.columns)}"))
        return rows, problems
    width = len(header)
    positions = [header.index(c) if c in header else None for c in schema.columns]
    required = [header.index(column) for column in schema.required]
    required_cells = itemgetter(*required)  # every schema requires at least two columns
    reorder = header != list(schema.columns)
    append = rows.append
    for start, fields in records:
        if len(fields) != width:
            message = (
                f"expected {width} fields ({','.join(header)}), found {len(fields)}; quote any value that holds a comma"
            )
            problems.append(Problem(where, start, message))
        elif not all(required_cells(fields)):
            problems.append(
                Problem(where, start, f"missing value for {_names([header[i] for i in required if not fields[i]])}")
            )
        else:
            cells = tuple("" if i is None else fields[i] for i in positions) if reorder else tuple(fields)
            append(Row(where, start, cells, schema))
    return rows, problems


def _records(reader, where: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(first line, stripped cells) of each record that is not blank or a ``#`` comment.

    Stops at the first malformed record, reporting it in ``problems``.
    """
    strip = str.strip
    end = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            fields = list(map(strip, record))
            if fields and fields[0][:1] != "#" and any(fields):
                yield start, fields
    except csv.Error as exc:
        problems.append(Problem(where, reader.line_num or end + 1, f"malformed CSV: {exc}"))


def _check_header(header: list[str], where: str, line: int, schema: Schema) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(where, line, f"duplicate column {column!r}"))
        seen.add(column)
        if column not in schema.columns:
            close = difflib.get_close_matches(column, schema.columns, n=1)
            hint = f", did you mean {close[0]!r}?" if close else f"; known columns: {','.join(schema.columns)}"
            problems.append(Problem(where, line, f"unknown column {column!r}{hint}"))
    missing = [column for column in schema.required if column not in seen]
    if missing:
        problems.append(
            Problem(where, line, f"missing column {_names(missing)} (header must name {','.join(schema.required)})")
        )
    return problems


def _names(columns: list[str]) -> str:
    return ", ".join(repr(c) for c in columns)
