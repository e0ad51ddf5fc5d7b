"""The learner's progress file, one format for the page and the terminal.

The page exports, and the quiz's ``--progress FILE`` writes::

    {"format": "awskg-progress", "version": 2, "progress": {"alb": "done", "nlb": "learning"}}

Version 1 files (pages before the shared store) have no ``version`` and a
``key`` naming their map; their ``progress`` reads the same. Marks of concepts
this graph does not hold are kept: one file serves every map. A file that is
not such a document is refused with :class:`awskg.errors.BadProgressFile`
(exit 1), and a write replaces the file atomically, so a crash never leaves it
half-written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from awskg.errors import BadProgressFile
from awskg.explorer.learn import MARKS
from awskg.graph.atomic import write_atomic

__all__ = ["FORMAT", "VERSION", "mark_learning", "read_progress"]

FORMAT = "awskg-progress"
#: The version written; every version up to it is read.
VERSION = 2


def read_progress(path: str | Path, *, missing_ok: bool = False) -> dict[str, str]:
    """Concept id → ``"done"`` or ``"learning"``, from a progress file.

    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "p.json"
    >>> _ = file.write_text('{"format": "awskg-progress", "version": 2, "progress": {"alb": "done"}}')
    >>> read_progress(file)
    {'alb': 'done'}
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if missing_ok:
            return {}
        raise BadProgressFile(str(path), "file not found", "파일이 없다") from None
    except IsADirectoryError:
        raise BadProgressFile(str(path), "is a folder, not a progress file", "진행 파일이 아니라 폴더다") from None
    except UnicodeDecodeError:
        raise BadProgressFile(str(path), "not UTF-8 text", "UTF-8 텍스트가 아니다") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadProgressFile(f"{path}:{exc.lineno}", f"not JSON ({exc.msg})", f"JSON이 아니다 ({exc.msg})") from None
    return _marks(str(path), document)


def _marks(where: str, document: Any) -> dict[str, str]:
    """The marks of a parsed progress document, or the reason it is none."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadProgressFile(
            where,
            f'not an awskg progress file (no "format": "{FORMAT}")',
            f'awskg 진행 파일이 아니다 ("format": "{FORMAT}" 항목이 없다)',
        )
    version = document.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= VERSION:
        raise BadProgressFile(
            where,
            f"version {version!r} is not one this awskg reads (1 to {VERSION})",
            f"이 awskg가 읽는 버전(1~{VERSION})이 아니다: {version!r}",
        )
    progress = document.get("progress")
    if not isinstance(progress, dict):
        raise BadProgressFile(
            where,
            '"progress" must map concept ids to "done" or "learning"',
            '"progress"는 개념 id마다 "done" 또는 "learning"을 주는 객체여야 한다',
        )
    for concept, mark in progress.items():
        if mark not in MARKS:
            raise BadProgressFile(
                where,
                f'the mark of {concept!r} is {mark!r}: use "done" or "learning"',
                f'{concept!r}의 표시 {mark!r}: "done" 또는 "learning"만 쓸 수 있다',
            )
    return dict(progress)


def mark_learning(path: str | Path, concepts: Iterable[str]) -> dict[str, str]:
    """Mark ``concepts`` "learning" in the file (made if absent), keeping every other mark; return all marks.

    A concept already marked done is marked learning again: the quiz has just
    shown it needs review.
    """
    marks = read_progress(path, missing_ok=True)
    for concept in concepts:
        marks[concept] = "learning"
    body = json.dumps({"format": FORMAT, "version": VERSION, "progress": marks}, ensure_ascii=False, indent=2)
    write_atomic(path, body + "\n")
    return marks
