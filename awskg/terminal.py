"""How the CLI's words look where they land: colour, wrapping, tables, escaping, prompts.

The library returns data and :mod:`awskg.printers` decides what to say; this module
decides how it looks. Every human-readable line goes through
:meth:`Terminal.line`, which escapes pack text, wraps it to the window and
styles it, in that order, so no command can forget one of the three.

Off a terminal (a pipe, a file, the tests' CliRunner) it changes nothing but
the escaping: no colour, no wrapping, one line per fact, which scripts and the
README's replayed sessions rely on. On a terminal:

* colour, unless ``NO_COLOR`` is set (https://no-color.org); the global
  ``--color``/``--no-color`` decides over both, and ``--json`` is never styled;
* lines wrap at the window's width (``COLUMNS`` when set), counted in display
  cells because Hangul takes two (``wcwidth``); a continuation line keeps the
  indent of the line it continues, and a URL is never split;
* long work shows a spinner on stderr, when stderr is a terminal too.

Pack values are data, never terminal commands: a control character or escape
sequence in a label prints as a visible ``\\u001b`` (:func:`escape`).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import click

from awskg.graph.text import visible

__all__ = ["STOPPED", "Piece", "Terminal", "cells", "escape", "marked", "safe_json"]

#: Exit code of a quiz or tour stopped by Ctrl-C or the end of input (128 + SIGINT, as shells do).
STOPPED = 130

#: Text with a style role (a key of :data:`STYLES`), or plain text.
Piece = str | tuple[str, str | None]

#: One role per kind of thing a learner reads, so the same thing looks the same everywhere.
STYLES: dict[str, dict[str, object]] = {
    "concept": {"fg": "cyan", "bold": True},
    "relation": {"fg": "yellow"},
    "heading": {"bold": True},
    "kind": {"fg": "magenta"},
    "score": {"fg": "green", "bold": True},
    "right": {"fg": "green", "bold": True},
    "wrong": {"fg": "red", "bold": True},
    "url": {"fg": "blue", "underline": True},
    "muted": {"dim": True},
    "key": {"bold": True},
}

# C0 controls (ESC, BEL, CR, newline...), DEL and the C1 controls (8-bit CSI is U+009B).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# The narrowest column a table gives a value before it prints stacked blocks instead.
_MIN_COLUMN = 12
_MIN_DIMENSION = 10
_SEPARATOR = " | "


def escape(text: str) -> str:
    """``text`` with every control character written visibly, so pack text cannot drive the terminal.

    The one rule of :func:`awskg.graph.text.visible`, applied before styling adds
    its own escape sequences.

    >>> escape("\\x1b]0;pwned\\x07 and \\x1b[2J")
    '\\\\u001b]0;pwned\\\\u0007 and \\\\u001b[2J'
    >>> escape("가용 영역 · AZ")
    '가용 영역 · AZ'
    """
    return visible(text)


def safe_json(text: str) -> str:
    """JSON text with the C1 controls, which ``json.dumps`` leaves raw, written as ``\\u`` escapes.

    They can only occur inside strings, where the escape means the same character.

    >>> safe_json('"a\\x9bb"')
    '"a\\\\u009bb"'
    """
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", text)


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: two for Hangul and other wide characters.

    >>> cells("EKS"), cells("가용 영역")
    (3, 9)
    """
    from wcwidth import wcswidth, wcwidth  # 17 ms to import: only when something is measured, on a terminal

    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(ch), 0) for ch in text)


def marked(text: str, names: Iterable[str], role: str = "concept", rest: str | None = "relation") -> list[Piece]:
    """``text`` cut into pieces: each of ``names`` (concept labels) as ``role``, the words between as ``rest``.

    A sentence's concepts and its relation phrase then look different, in
    English and Korean alike (the particle after a label reads with the phrase).

    >>> marked("EKS는 Fargate에서 실행된다", ["EKS", "Fargate"])
    [('EKS', 'concept'), ('는 ', 'relation'), ('Fargate', 'concept'), ('에서 실행된다', 'relation')]
    """
    wanted = sorted({name for name in names if name}, key=len, reverse=True)
    if not wanted:
        return [(text, rest)]
    pattern = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, wanted)) + r")(?![A-Za-z0-9])")
    pieces: list[Piece] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], rest))
        pieces.append((match.group(), role))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], rest))
    return pieces


#: One character and its role.
Cell = tuple[str, str | None]


def _characters(pieces: Iterable[Piece]) -> list[Cell]:
    out: list[Cell] = []
    for piece in pieces:
        text, role = (piece, None) if isinstance(piece, str) else piece
        out.extend((ch, role) for ch in escape(text))
    return out


def _width(chars: list[Cell]) -> int:
    return cells("".join(ch for ch, _ in chars))


def _wrap(chars: list[Cell], width: int | None, hang: int = 0) -> list[list[Cell]]:
    """Greedy word wrap in display cells; continuation lines take the first line's indent plus ``hang``.

    Words break at spaces only; a word wider than the line is cut by cells,
    except a URL, which keeps its own line whole however long it is.
    """
    if width is None:
        return [chars]
    indent = 0
    while indent < len(chars) and chars[indent][0] == " ":
        indent += 1
    tokens: list[tuple[list[Cell], list[Cell]]] = []  # (the spaces before a word, the word)
    gap: list[Cell] = []
    word: list[Cell] = []
    for cell in chars[indent:]:
        if cell[0] != " ":
            word.append(cell)
            continue
        if word:
            tokens.append((gap, word))
            gap, word = [], []
        gap.append(cell)
    tokens.append((gap, word))  # the last word, or the spaces a line ends with
    follow = min(indent + hang, max(width // 2, 0))
    lines: list[list[Cell]] = []
    line: list[Cell] = chars[:indent]
    used, empty = indent, True

    def new_line() -> None:
        nonlocal line, used, empty
        lines.append(line)
        line, used, empty = [(" ", None)] * follow, follow, True

    for gap, word in tokens:
        if not word:  # trailing spaces
            if empty or used + _width(gap) <= width:
                line += gap
            continue
        needed = _width(word)
        url = bool(_URL.search("".join(ch for ch, _ in word)))
        # a word that fits on a line of its own moves to the next line; a longer one is cut from here
        if not empty and used + _width(gap) + needed > width and (url or needed <= width - follow):
            new_line()
        if not empty:
            line += gap
            used += _width(gap)
        if used + needed <= width or url:
            line += word
            used += needed
        else:
            for cell in word:
                size = cells(cell[0])
                if used + size > width and not empty:
                    new_line()
                line.append(cell)
                used += size
                empty = False
        empty = False
    lines.append(line)
    return lines


@dataclass(frozen=True)
class Terminal:
    """Where output goes and what it can do there, decided once per run by :meth:`detect`.

    ``width`` is None off a terminal (no wrapping); ``interactive`` means both
    stdin and stdout are terminals, so a tour may wait for keys.
    """

    color: bool = False
    width: int | None = None
    err_color: bool = False
    err_width: int | None = None
    interactive: bool = False
    err_tty: bool = False

    @classmethod
    def detect(cls, color: bool | None = None) -> Terminal:
        """The terminal of this run; ``color`` is ``--color`` (True), ``--no-color`` (False) or neither (None)."""
        out, err = _isatty(sys.stdout), _isatty(sys.stderr)
        if color is None:
            wanted = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
            out_color, err_color = wanted and out, wanted and err
        else:
            out_color = err_color = color
        return cls(
            color=out_color,
            width=_columns() if out else None,
            err_color=err_color,
            err_width=_columns() if err else None,
            interactive=out and _isatty(sys.stdin),
            err_tty=err,
        )

    def style(self, text: str, role: str | None, err: bool = False) -> str:
        """``text`` in ``role``'s style when colour is on; as it is otherwise. ``text`` must be escaped."""
        if role is None or not (self.err_color if err else self.color):
            return text
        return click.style(text, **STYLES[role])  # type: ignore[arg-type]

    def render(self, pieces: Iterable[Piece], hang: int = 0, err: bool = False, width: int | None = None) -> list[str]:
        """The lines ``pieces`` print as: escaped, wrapped to the window (or ``width``) and styled."""
        limit = width if width is not None else (self.err_width if err else self.width)
        return [self._styled(line, err) for line in _wrap(_characters(pieces), limit, hang)]

    def _styled(self, line: list[Cell], err: bool = False) -> str:
        return "".join(
            self.style("".join(ch for ch, _ in run), role, err) for role, run in itertools.groupby(line, lambda c: c[1])
        )

    def line(self, *pieces: Piece, hang: int = 0, err: bool = False) -> None:
        """Print one line of text (several on a narrow terminal); no pieces print an empty line.

        ``hang`` indents continuation lines further, past a marker such as
        ``1. `` or ``A) ``, so wrapped text lines up with the text, not the marker.
        """
        color = self.err_color if err else self.color
        for text in self.render(pieces, hang, err):
            click.echo(text, err=err, color=color)

    def table(self, header: list[list[Piece]], rows: list[list[list[Piece]]], indent: int = 2) -> bool:
        """Print rows of three cells (what, A, B) as columns fitted to the window.

        Returns False and prints nothing off a terminal, or when the window is
        too narrow for readable columns: the caller then prints stacked blocks.
        """
        if self.width is None:
            return False
        grid = [[_characters(cell) for cell in row] for row in [header, *rows]]
        natural = [max(_width(row[i]) for row in grid) for i in range(3)]
        room = self.width - indent - 2 * len(_SEPARATOR)
        # the first column takes what the values leave, but no more than its share when space is short
        first = min(natural[0], max(_MIN_DIMENSION, room // 4, room - natural[1] - natural[2]))
        rest = room - first
        if natural[1] + natural[2] <= rest:
            a, b = natural[1], natural[2]
        elif natural[1] <= rest // 2:
            a, b = natural[1], rest - natural[1]
        elif natural[2] <= rest - rest // 2:
            a, b = rest - natural[2], natural[2]
        else:
            a, b = rest // 2, rest - rest // 2
        widths = [first, a, b]
        if min(a, b) < _MIN_COLUMN:
            return False
        rule = "-+-".join("-" * w for w in widths)
        for number, row in enumerate(grid):
            columns = [_wrap(cell, w) for cell, w in zip(row, widths, strict=True)]
            for depth in range(max(len(c) for c in columns)):
                parts = []
                for column, w in zip(columns, widths, strict=True):
                    text = column[depth] if depth < len(column) else []
                    parts.append(self._styled(text) + " " * (w - _width(text)))
                click.echo((" " * indent + self.style(_SEPARATOR, "muted").join(parts)).rstrip(), color=self.color)
            if number == 0:
                click.echo(" " * indent + self.style(rule, "muted"), color=self.color)
        return True

    def ask(self, prompt: list[Piece]) -> str | None:
        """A line typed after ``prompt``; None when the user pressed Ctrl-C or input ended."""
        self._prompt(prompt)
        try:
            reply = sys.stdin.readline()
        except KeyboardInterrupt:
            reply = ""
        if not reply:
            click.echo()
            return None
        return reply

    def key(self, prompt: list[Piece]) -> str | None:
        """One key pressed after ``prompt`` (Enter is ``"\\r"``); None for Ctrl-C or Ctrl-D."""
        self._prompt(prompt)
        try:
            pressed = click.getchar()
        except (KeyboardInterrupt, EOFError):
            pressed = None
        click.echo()
        return pressed

    def _prompt(self, prompt: list[Piece]) -> None:
        """``prompt`` wrapped like any line, the cursor left after it on its last line."""
        *above, last = self.render([*prompt, " "])
        for text in above:
            click.echo(text, color=self.color)
        click.echo(last, nl=False, color=self.color)

    @contextmanager
    def busy(self, message: str, when: bool = True) -> Iterator[None]:
        """A spinner with ``message`` on stderr while the block runs, if ``when`` and stderr is a terminal.

        Off a terminal nothing is written, so logs and pipes stay clean; the
        spinner's line is erased before anything else is printed.
        """
        if not (when and self.err_tty):
            yield
            return
        done = threading.Event()
        text = escape(message)

        def spin() -> None:
            for frame in itertools.cycle("|/-\\"):
                click.echo(f"\r{frame} {text}", nl=False, err=True)
                if done.wait(0.1):
                    return

        spinner = threading.Thread(target=spin, daemon=True)
        spinner.start()
        try:
            yield
        finally:
            done.set()
            spinner.join()
            click.echo("\r" + " " * (cells(text) + 2) + "\r", nl=False, err=True)


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


def _columns() -> int:
    """The window's width: ``COLUMNS`` when set (as terminals and tests set it), else asked of the terminal."""
    return max(shutil.get_terminal_size().columns, 20)
