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
from dataclasses import dataclass
from pathlib import Path

from awskg.graph.errors import Problem
from awskg.graph.vocabulary import Schema

__all__ = ["Row", "decode_utf8", "read_table"]


@dataclass(frozen=True)
class Row:
    """One data row of a pack file: where it stands and its values by column."""

    path: str
    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


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
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(where, reader.line_num or start, f"malformed CSV: {exc}"))
            break
        fields = [field.strip() for field in record]
        if not any(fields) or fields[0].startswith("#"):
            continue
        if header is None:
            header = fields
            header_problems = _check_header(header, where, start, schema)
            if header_problems:
                return [], header_problems
            continue
        if len(fields) != len(header):
            problems.append(
                Problem(
                    where,
                    start,
                    f"expected {len(header)} fields ({','.join(header)}), found {len(fields)}; "
                    "quote any value that holds a comma",
                )
            )
            continue
        values = dict(zip(header, fields, strict=True))
        missing = [column for column in schema.required if not values[column]]
        if missing:
            problems.append(Problem(where, start, f"missing value for {_names(missing)}"))
            continue
        rows.append(Row(where, start, values))
    if header is None and not problems:
        problems.append(Problem(where, 1, f"empty file; expected the header row {','.join(schema.columns)}"))
    return rows, problems


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
