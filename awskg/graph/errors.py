"""The one error tree of awskg.

Every failure a user can cause is an :class:`AwskgError`; ``cli.py`` turns each
into a message and an exit code in a single place, so commands never catch them.

::

    AwskgError
    ├── PackError            a pack on disk is broken (exit 1); carries Problems
    ├── NoPath               the names are fine, nothing connects them (exit 1)
    ├── UnknownName          no concept is called that (exit 2); carries suggestions
    ├── AmbiguousName        several concepts are called that (exit 2); carries candidates
    ├── UnreadableQuestion   ``ask`` found no concept in the question (exit 2)
    ├── SameConcept          a question about how a concept relates to itself (exit 2)
    ├── QueryTooLong         a search query past the length limit (exit 2)
    └── PackWriteError       an authoring command refused to write (exit 1)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AmbiguousName",
    "AwskgError",
    "NoPath",
    "PackError",
    "PackWriteError",
    "Problem",
    "QueryTooLong",
    "SameConcept",
    "UnknownName",
    "UnreadableQuestion",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a pack, located as ``path:line``.

    ``line`` is 0 when the problem belongs to a whole file or folder (a missing
    file has no line to point at); it is then left out of the message.
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class AwskgError(Exception):
    """Base of every error awskg raises on purpose."""

    exit_code = 1


class PackError(AwskgError):
    """One or more packs are broken; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class PackWriteError(AwskgError):
    """An authoring command refused to change a pack (nothing was written)."""


class NoPath(AwskgError):
    """Both names resolved, but no chain of edges joins them within the hop limit."""

    def __init__(self, source: str, target: str, max_hops: int) -> None:
        self.source, self.target, self.max_hops = source, target, max_hops
        super().__init__(f"no connection between {source} and {target} within {max_hops} hops")


class UnknownName(AwskgError):
    """No concept answers to ``name``; ``suggestions`` are close names, best first."""

    exit_code = 2

    def __init__(self, name: str, suggestions: list[str], what: str = "concept") -> None:
        self.name, self.suggestions, self.what = name, suggestions, what
        hint = f"; did you mean {_or_list(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {what} {name!r}{hint}")


class AmbiguousName(AwskgError):
    """Several concepts answer to ``name``; ``candidates`` are their ids."""

    exit_code = 2

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name, self.candidates = name, candidates
        super().__init__(f"{name!r} could mean {_or_list(candidates)}; use the id")


class UnreadableQuestion(AwskgError):
    """``ask`` could not find the concepts in a question."""

    exit_code = 2

    def __init__(self, question: str, examples: list[str]) -> None:
        self.question, self.examples = question, examples
        lines = [f"could not find a concept in {question!r}. Questions I can answer:"]
        lines += [f"  awskg ask {ex!r}" for ex in examples]
        super().__init__("\n".join(lines))


class SameConcept(AwskgError):
    """Both names given to ``relate`` or ``compare`` are one concept."""

    exit_code = 2

    def __init__(self, first: str, second: str, node: str) -> None:
        self.first, self.second, self.node = first, second, node
        super().__init__(f"{first!r} and {second!r} are the same concept ({node}); name two different ones")


class QueryTooLong(AwskgError):
    """A search query longer than names ever are: comparing it would take minutes."""

    exit_code = 2

    def __init__(self, length: int, limit: int) -> None:
        self.length, self.limit = length, limit
        super().__init__(f"the query is {length:,} characters long; search takes at most {limit}")


def _or_list(items: list[str]) -> str:
    quoted = [repr(i) for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
