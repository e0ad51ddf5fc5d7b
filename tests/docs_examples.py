"""The console examples of README.md and docs/*.md: found, replayed, and rewritten on request.

Each ```` ```console ```` block holds ``$ awskg ...`` lines, each followed by the
output it shows. The read-only commands among them are replayed by
``tests/test_docs.py``; an example whose output shows ``...`` is elided: its
shown lines must appear in the real output, in order.

When the output changes on purpose (a new fact, a better Korean reading), rewrite
every example that is not elided from the real output, and list the elided ones
that no longer match, with::

    python tests/docs_examples.py --write

Without ``--write`` it only lists what differs (exit 1 if anything does).
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Every page whose console examples are replayed.
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: Only these commands are replayed: the others write files or read a terminal.
READ_ONLY = {"ask", "relate", "search", "show", "tour", "stats", "list", "neighbors", "compare", "relations"}


@dataclass
class Example:
    """One ``$ awskg ...`` line of a page and the output lines shown under it (``first``..``end``)."""

    page: Path
    command: str
    first: int
    end: int
    shown: list[str] = field(default_factory=list)

    @property
    def elided(self) -> bool:
        return any(line.strip() == "..." or line.endswith("...") for line in self.shown)

    @property
    def replayed(self) -> bool:
        return (
            self.command.startswith("awskg ")
            and bool(READ_ONLY & set(self.command.split()))
            and "|" not in self.command
        )

    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.first}: $ {self.command}"


def examples(page: Path) -> list[Example]:
    """Every ``$`` line in the page's console blocks, with its output (trailing blank lines left out)."""
    found: list[Example] = []
    current: Example | None = None
    in_console = False
    for number, line in enumerate(page.read_text("utf-8").splitlines()):
        if line.startswith("```"):
            in_console, current = line == "```console", None
        elif in_console and line.startswith("$ "):
            current = Example(page, line[2:], number + 1, number + 1)
            found.append(current)
        elif in_console and current is not None:
            current.shown.append(line)
            if line:
                current.end = number + 1
    for example in found:
        while example.shown and not example.shown[-1]:
            example.shown.pop()
    return found


def replayed() -> list[Example]:
    return [example for page in PAGES for example in examples(page) if example.replayed]


def actual(command: str) -> list[str]:
    """What ``awskg ...`` prints, as the tests' CliRunner sees it (a pipe: no colour, no wrapping)."""
    from click.testing import CliRunner

    from awskg.cli import cli

    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command} raised {result.exception!r}") from result.exception
    return result.stdout.splitlines()


def matches(example: Example, output: list[str]) -> bool:
    """Whether the output is what the example shows (for an elided one: its lines, in order)."""
    if not example.elided:
        return output == example.shown
    position = 0
    for line in example.shown:
        if line.strip() == "..." or line.endswith("..."):
            continue
        if line not in output[position:]:
            return False
        position = output.index(line, position) + 1
    return True


def main(write: bool) -> int:
    stale = []
    for page in PAGES:
        lines = page.read_text("utf-8").splitlines(keepends=True)
        for example in reversed([e for e in examples(page) if e.replayed]):
            output = actual(example.command)
            if matches(example, output):
                continue
            if write and not example.elided:
                lines[example.first : example.end] = [line + "\n" for line in output]
                print(f"rewrote {example.name()}")
            else:
                stale.append(example.name() + (" (elided: edit it by hand)" if example.elided else ""))
        if write:
            page.write_text("".join(lines), "utf-8")
    for name in stale:
        print(f"differs: {name}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main("--write" in sys.argv[1:]))
