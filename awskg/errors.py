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
    ├── NoMatch              ``search`` found no concept like the text (exit 1)
    ├── NoQuestions          ``quiz`` can make no question from the facts asked about (exit 1)
    ├── EmptySlice           ``html``/``export`` options that select no concept (exit 1)
    ├── MissingDependency    an installed library lacks what awskg needs from it (exit 1)
    ├── BadProgressFile      a progress file (``--progress``) is no awskg progress file (exit 1)
    └── PackWriteError       an authoring command refused to write (exit 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from awskg import i18n

__all__ = [
    "AmbiguousName",
    "AwskgError",
    "BadProgressFile",
    "EmptySlice",
    "MissingDependency",
    "NoMatch",
    "NoPath",
    "NoQuestions",
    "PackError",
    "PackWriteError",
    "Problem",
    "QueryTooLong",
    "SameConcept",
    "UnknownName",
    "UnreadableQuestion",
    "did_you_mean",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a pack, located as ``path:line``.

    ``line`` is 0 when the problem belongs to a whole file or folder (a missing
    file has no line to point at); it is then left out of the message.
    ``omitted``, when not 0, makes this a note standing for that many more
    problems, left unlisted (a file reports at most 100): the total counts them.
    """

    path: str
    line: int
    message: str
    omitted: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class AwskgError(Exception):
    """Base of every error awskg raises on purpose.

    An error renders itself, as click's exceptions do: :meth:`message` says it
    in a language, so the one place that shows errors needs no special cases.
    """

    exit_code = 1
    #: The i18n key of the message, filled from :meth:`fields`; none: the English text as raised.
    key = ""

    def fields(self, lang: str) -> dict[str, Any]:
        """The values the message's template takes in ``lang``."""
        return {}

    def message(self, lang: str = "en") -> str:
        """What went wrong, in ``lang``: the i18n table's words, so every language is said in one place."""
        return i18n.text(lang, self.key, **self.fields(lang)) if self.key else str(self)

    def lines(self, lang: str = "en") -> list[str]:
        """What a terminal shows, line by line, on standard error."""
        return [i18n.text(lang, "error") + self.message(lang)]

    def _english(self) -> None:
        """Set the exception's own text (``str(error)``) to its English message."""
        Exception.__init__(self, self.message("en"))


class PackError(AwskgError):
    """One or more packs are broken; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self, lang: str = "en") -> list[str]:
        """Every problem as ``path:line: message``, then how many (the messages stay in English)."""
        count = sum(p.omitted or 1 for p in self.problems)  # a note of omitted problems counts as those
        total = i18n.text(lang, "problem_count" if count == 1 else "problems_count", count=count)
        return [str(p) for p in self.problems] + [total]


class PackWriteError(AwskgError):
    """An authoring command refused to change a pack (nothing was written)."""


class NoPath(AwskgError):
    """Both names resolved, but no chain of edges joins them within the hop limit."""

    def __init__(self, source: str, target: str, max_hops: int, only_shared: bool = False) -> None:
        self.source, self.target, self.max_hops, self.only_shared = source, target, max_hops, only_shared
        self.key = "error_no_path_shared" if only_shared else "error_no_path"
        self._english()

    def fields(self, lang: str) -> dict[str, Any]:
        return {"a": self.source, "b": self.target, "n": self.max_hops}


class UnknownName(AwskgError):
    """No concept answers to ``name``; ``suggestions`` are close names, best first."""

    exit_code = 2

    def __init__(
        self, name: str, suggestions: list[str], what: str = "concept", labels: dict[str, str] | None = None
    ) -> None:
        self.name, self.suggestions, self.what = name, suggestions, what
        #: id -> Korean label, for the suggestions a Korean message names by label
        self.labels = labels or {}
        self._english()

    key = "error_unknown"

    def fields(self, lang: str) -> dict[str, Any]:
        hint = ""
        if self.suggestions:
            names = _named(self.suggestions, self.labels) if lang == "ko" else _or_list(self.suggestions)
            hint = i18n.text(lang, "error_unknown_hint", names=names)
        what = i18n.TEXT[lang].get(f"what_{self.what}", self.what)
        return {"what": what, "name": repr(self.name), "hint": hint}


class AmbiguousName(AwskgError):
    """Several concepts answer to ``name``; ``candidates`` are their ids."""

    exit_code = 2

    def __init__(
        self, name: str, candidates: list[str], labels: dict[str, str] | None = None, what: str = "concept"
    ) -> None:
        self.name, self.candidates, self.what = name, candidates, what
        #: id -> Korean label, for the candidates a Korean message names by label
        self.labels = labels or {}
        self._english()

    key = "error_ambiguous"

    def fields(self, lang: str) -> dict[str, Any]:
        names = _named(self.candidates, self.labels) if lang == "ko" else _or_list(self.candidates)
        return {"name": repr(self.name), "names": names}


class UnreadableQuestion(AwskgError):
    """``ask`` could not find the concepts in a question."""

    exit_code = 2

    def __init__(self, question: str, examples: list[str]) -> None:
        self.question, self.examples = question, examples
        self._english()

    def message(self, lang: str = "en") -> str:
        # the examples in the learner's script: Hangul ones for Korean, where there are any
        hangul = [ex for ex in self.examples if any("\uac00" <= ch <= "\ud7a3" for ch in ex)]
        shown = (hangul or self.examples) if lang == "ko" else self.examples
        head = i18n.text(lang, "error_unreadable", question=repr(self.question))
        return "\n".join([head] + [f"  awskg ask {ex!r}" for ex in shown])


class SameConcept(AwskgError):
    """Both names given to ``relate`` or ``compare`` are one concept."""

    exit_code = 2

    key = "error_same"

    def __init__(self, first: str, second: str, node: str) -> None:
        self.first, self.second, self.node = first, second, node
        self._english()

    def fields(self, lang: str) -> dict[str, Any]:
        return {"first": repr(self.first), "second": repr(self.second), "node": self.node}


class NoMatch(AwskgError):
    """``search`` found nothing like ``text``: an empty answer, not a mistake, so no "Error:" prefix."""

    key = "error_no_match"  # no particle after the user's text in any language: it is not ours to guess

    def __init__(self, text: str) -> None:
        self.text = text
        self._english()

    def fields(self, lang: str) -> dict[str, Any]:
        return {"text": repr(self.text)}

    def lines(self, lang: str = "en") -> list[str]:
        return [self.message(lang)]


class EmptySlice(AwskgError):
    """The slice asked for holds no concept: a page of nothing would never become ready."""

    key = "error_empty_slice"

    def __init__(self) -> None:
        self._english()


class NoQuestions(AwskgError):
    """``quiz`` found no fact or property with evidence for a wrong option in what was asked about."""

    key = "error_no_questions"

    def __init__(self) -> None:
        self._english()

    def lines(self, lang: str = "en") -> list[str]:
        return [self.message(lang)]


class MissingDependency(AwskgError):
    """An installed library does not hold what awskg uses from it (a release moved or dropped it)."""


class BadProgressFile(AwskgError):
    """A ``--progress`` file that cannot be read as the page and the quiz write it; nothing was written."""

    def __init__(self, path: str, reason: str, reason_ko: str = "") -> None:
        self.path, self.reason, self.reason_ko = path, reason, reason_ko
        super().__init__(f"{path}: {reason}")

    def message(self, lang: str = "en") -> str:
        if lang == "ko" and self.reason_ko:
            return f"{self.path}: {self.reason_ko}"
        return str(self)


def did_you_mean(suggestions: list[str]) -> str:
    """The one "did you mean" hint every error and problem uses ("" without suggestions).

    >>> did_you_mean(["fargate"]), did_you_mean([])
    ("; did you mean 'fargate'?", '')
    """
    return f"; did you mean {_or_list(suggestions)}?" if suggestions else ""


class QueryTooLong(AwskgError):
    """A search query longer than names ever are: comparing it would take minutes."""

    exit_code = 2

    def __init__(self, length: int, limit: int) -> None:
        self.length, self.limit = length, limit
        super().__init__(f"the query is {length:,} characters long; search takes at most {limit}")


def _or_list(items: list[str]) -> str:
    quoted = [repr(i) for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _named(ids: list[str], labels: dict[str, str]) -> str:
    """Concepts as a Korean message names them: by label, with the id where the label is not it.

    >>> _named(["fargate", "availability-zone"], {"fargate": "Fargate", "availability-zone": "AZ"})
    'Fargate, AZ(availability-zone)'
    """
    shown = []
    for node in ids:
        label = labels.get(node, node)
        shown.append(label if label.casefold() == node.casefold() else f"{label}({node})")
    return ", ".join(shown)
