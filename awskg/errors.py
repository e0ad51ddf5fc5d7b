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

    def message(self, lang: str = "en") -> str:
        """What went wrong, in ``lang`` (English where no translation is given)."""
        return str(self)

    def lines(self, lang: str = "en") -> list[str]:
        """What a terminal shows, line by line, on standard error."""
        return [("오류: " if lang == "ko" else "Error: ") + self.message(lang)]


class PackError(AwskgError):
    """One or more packs are broken; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self, lang: str = "en") -> list[str]:
        """Every problem as ``path:line: message``, then how many (the messages stay in English)."""
        count = sum(p.omitted or 1 for p in self.problems)  # a note of omitted problems counts as those
        total = f"문제 {count}개" if lang == "ko" else f"{count} problem{'s' * (count != 1)} found"
        return [str(p) for p in self.problems] + [total]


class PackWriteError(AwskgError):
    """An authoring command refused to change a pack (nothing was written)."""


class NoPath(AwskgError):
    """Both names resolved, but no chain of edges joins them within the hop limit."""

    def __init__(self, source: str, target: str, max_hops: int, only_shared: bool = False) -> None:
        self.source, self.target, self.max_hops, self.only_shared = source, target, max_hops, only_shared
        if only_shared:
            text = (
                f"no fact connects {source} and {target} within {max_hops} hops; "
                "they meet only through classes or facts that other concepts share"
            )
        else:
            text = f"no connection between {source} and {target} within {max_hops} hops"
        super().__init__(text)

    def message(self, lang: str = "en") -> str:
        if lang == "ko" and self.only_shared:
            return (
                f"{self.max_hops}단계 안에서 {self.source} — {self.target} 사이를 잇는 사실을 찾지 못했다. "
                "다른 개념이 공유하는 분류나 사실로만 이어진다"
            )
        if lang == "ko":
            return f"{self.max_hops}단계 안에서 {self.source} — {self.target} 사이의 연결을 찾지 못했습니다"
        return str(self)


class UnknownName(AwskgError):
    """No concept answers to ``name``; ``suggestions`` are close names, best first."""

    exit_code = 2

    def __init__(
        self, name: str, suggestions: list[str], what: str = "concept", labels: dict[str, str] | None = None
    ) -> None:
        self.name, self.suggestions, self.what = name, suggestions, what
        #: id -> Korean label, for the suggestions a Korean message names by label
        self.labels = labels or {}
        super().__init__(f"unknown {what} {name!r}{did_you_mean(suggestions)}")

    def message(self, lang: str = "en") -> str:
        if lang == "ko":
            named = _named(self.suggestions, self.labels)
            hint = f" 비슷한 이름: {named}" if self.suggestions else ""
            return f"알 수 없는 {_KO_WHAT.get(self.what, self.what)}입니다: {self.name!r}.{hint}"
        return str(self)


class AmbiguousName(AwskgError):
    """Several concepts answer to ``name``; ``candidates`` are their ids."""

    exit_code = 2

    def __init__(
        self, name: str, candidates: list[str], labels: dict[str, str] | None = None, what: str = "concept"
    ) -> None:
        self.name, self.candidates, self.what = name, candidates, what
        #: id -> Korean label, for the candidates a Korean message names by label
        self.labels = labels or {}
        super().__init__(f"{name!r} could mean {_or_list(candidates)}; use the id")

    def message(self, lang: str = "en") -> str:
        if lang == "ko":
            named = _named(self.candidates, self.labels)
            from awskg.explorer.sentences import particle  # Korean particle rules live there only

            what = particle(_KO_WHAT.get(self.what, self.what), "이/가")
            return f"{self.name!r}에 해당하는 {what} 여럿입니다: {named}. 이 중 하나를 지정하세요"
        return str(self)


class UnreadableQuestion(AwskgError):
    """``ask`` could not find the concepts in a question."""

    exit_code = 2

    def __init__(self, question: str, examples: list[str]) -> None:
        self.question, self.examples = question, examples
        lines = [f"could not find a concept in {question!r}. Questions I can answer:"]
        lines += [f"  awskg ask {ex!r}" for ex in examples]
        super().__init__("\n".join(lines))

    def message(self, lang: str = "en") -> str:
        if lang == "ko":
            lines = [f"질문 {self.question!r}에서 개념을 찾지 못했습니다. 이렇게 물어보세요:"]
            korean = [ex for ex in self.examples if any("가" <= ch <= "힣" for ch in ex)] or self.examples
            return "\n".join(lines + [f"  awskg ask {ex!r}" for ex in korean])
        return str(self)


class SameConcept(AwskgError):
    """Both names given to ``relate`` or ``compare`` are one concept."""

    exit_code = 2

    def __init__(self, first: str, second: str, node: str) -> None:
        self.first, self.second, self.node = first, second, node
        super().__init__(f"{first!r} and {second!r} are the same concept ({node}); name two different ones")

    def message(self, lang: str = "en") -> str:
        if lang == "ko":
            return f"{self.first!r}, {self.second!r}: 같은 개념({self.node})입니다. 서로 다른 두 개념을 지정하세요"
        return str(self)


class NoMatch(AwskgError):
    """``search`` found nothing like ``text``: an empty answer, not a mistake, so no "Error:" prefix."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(f"no concept looks like {text!r}")

    def message(self, lang: str = "en") -> str:
        # no particle after the user's text: its last sound decides it, and it is not ours to guess
        return f"비슷한 개념이 없습니다: {self.text!r}" if lang == "ko" else str(self)

    def lines(self, lang: str = "en") -> list[str]:
        return [self.message(lang)]


class EmptySlice(AwskgError):
    """The slice asked for holds no concept: a page of nothing would never become ready."""

    def __init__(self) -> None:
        super().__init__("the slice is empty: no concept matches these options; widen --kind, --relation or --depth")

    def message(self, lang: str = "en") -> str:
        if lang == "ko":
            return "선택한 범위가 비어 있다: 이 옵션에 맞는 개념이 없다. --kind, --relation, --depth를 넓혀라"
        return str(self)


class NoQuestions(AwskgError):
    """``quiz`` found no fact or property with evidence for a wrong option in what was asked about."""

    def __init__(self) -> None:
        super().__init__("no question can be made here: no fact or property with evidence for a wrong option")

    def message(self, lang: str = "en") -> str:
        if lang == "ko":
            return "이 조건으로는 문제를 만들 수 없습니다: 오답의 근거가 있는 사실이나 특성이 없습니다"
        return str(self)

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


#: The Korean for each kind of name an :class:`UnknownName` can be about.
_KO_WHAT = {
    "concept": "개념",
    "kind": "종류",
    "relation": "관계",
    "tour": "투어",
    "dimension": "차원",
    "value": "값",
    "trait": "특성",
}


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

    >>> _named(["fargate", "availability-zone"], {"fargate": "Fargate", "availability-zone": "가용 영역"})
    'Fargate, 가용 영역(availability-zone)'
    """
    shown = []
    for node in ids:
        label = labels.get(node, node)
        shown.append(label if label.casefold() == node.casefold() else f"{label}({node})")
    return ", ".join(shown)
