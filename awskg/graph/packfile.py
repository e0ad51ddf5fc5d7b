"""What one pack file must be before its rows are read, and how many of its problems are shown.

A pack file must be there (unless the pack may leave it out), be a regular
file (a FIFO would block, a folder cannot be read), be no larger than
:data:`MAX_FILE_BYTES` and be UTF-8, with or without a BOM; each refusal is a
problem at line 0 (the file as a whole) or, for a byte that is not UTF-8, at
its line. Its header must name each column once, every required one, and no
other. :mod:`awskg.graph.csvfile` reads the text and checks the rows.
"""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

from awskg.errors import Problem, did_you_mean
from awskg.graph.vocabulary import Schema

__all__ = ["MAX_FILE_BYTES", "MAX_PROBLEMS_PER_FILE", "capped", "decode_utf8", "file_text", "header_problems"]

#: The largest pack file read: about 500,000 nodes. Past it a sparse or runaway file is refused, not loaded.
MAX_FILE_BYTES = 128 * 1024 * 1024
#: The most problems reported for one file; one more line says how many were left out.
MAX_PROBLEMS_PER_FILE = 100
#: Unknown header columns get a "did you mean" only when at most this long (difflib's work grows with length).
_SUGGEST_UP_TO = 64


def file_text(path: Path, schema: Schema, data: bytes | None = None) -> tuple[str | None, list[Problem]]:
    """The text of ``path`` (or of ``data`` standing for its bytes), or None and why not.

    A missing optional file reads as no text and no problem.

    >>> from awskg.graph.vocabulary import SCHEMAS
    >>> file_text(Path("nodes.csv"), SCHEMAS["nodes"], b"\\xef\\xbb\\xbfid,label\\n")
    ('id,label\\n', [])
    >>> print(file_text(Path("/nowhere/nodes.csv"), SCHEMAS["nodes"])[1][0])
    /nowhere/nodes.csv: file not found; a pack needs nodes.csv
    """
    where = str(path)
    if data is None and not path.is_file():
        unusable = _unusable(path)
        if unusable:
            return None, [Problem(where, 0, unusable)]
        if schema.optional_file:
            return None, []
        return None, [Problem(where, 0, f"file not found; a pack needs {schema.filename}")]
    size = path.stat().st_size if data is None else len(data)
    if size > MAX_FILE_BYTES:
        message = f"file is {size / 2**20:,.0f} MiB; awskg reads pack files of at most {MAX_FILE_BYTES // 2**20} MiB"
        return None, [Problem(where, 0, message)]
    text, problem = decode_utf8(path.read_bytes() if data is None else data, where)
    return text, [problem] if problem else []


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


def capped(problems: list[Problem], where: str) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS_PER_FILE` problems, and a line saying how many more there were.

    A 400 KB header once printed 400,002 lines.

    >>> [str(p) for p in capped([Problem("n.csv", i, "bad") for i in range(1, 103)], "n.csv")][-1]
    'n.csv:100: … and 2 more problems in this file, not shown; fix these first'
    """
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return problems
    shown = sorted(problems)[:MAX_PROBLEMS_PER_FILE]
    more = len(problems) - MAX_PROBLEMS_PER_FILE
    note = f"… and {more:,} more problem{'s' * (more != 1)} in this file, not shown; fix these first"
    return [*shown, Problem(where, shown[-1].line, note, omitted=more)]  # "…" sorts after the last one shown


def header_problems(header: list[str], where: str, line: int, schema: Schema) -> list[Problem]:
    """Duplicate, unknown and missing columns; the first few unknown ones (if short) with a suggestion.

    Past :data:`MAX_PROBLEMS_PER_FILE` problems the columns are only counted,
    so a huge header costs a pass over it, not a difflib call per column.

    >>> from awskg.graph.vocabulary import SCHEMAS
    >>> [p.message for p in header_problems(["source", "relaton", "source"], "e.csv", 1, SCHEMAS["edges"])]
    ["unknown column 'relaton'; did you mean 'relation'?", "duplicate column 'source'", "missing column 'relation', 'target' (header must name source,relation,target)"]
    """
    problems = []
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(where, line, f"duplicate column {column!r}"))
        seen.add(column)
        if column not in schema.columns:
            suggest = len(problems) < MAX_PROBLEMS_PER_FILE and len(column) <= _SUGGEST_UP_TO
            close = difflib.get_close_matches(column, schema.columns, n=1) if suggest else []
            hint = did_you_mean(close) if close else f"; known columns: {','.join(schema.columns)}"
            shown = column if len(column) <= _SUGGEST_UP_TO else column[:_SUGGEST_UP_TO] + "…"
            problems.append(Problem(where, line, f"unknown column {shown!r}{hint}"))
    missing = ", ".join(repr(column) for column in schema.required if column not in seen)
    if missing:
        problems.append(
            Problem(where, line, f"missing column {missing} (header must name {','.join(schema.required)})")
        )
    return problems


def _unusable(path: Path) -> str:
    """Why a pack file that is there but no regular file cannot be read ("" when it is simply absent)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return f"a link to {os.readlink(path)}, which does not exist" if path.is_symlink() else ""
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file; a pack file must be a regular file"
    return "is not a regular file (a FIFO, socket or device); a pack file must be a regular file"
