"""Reading a learner's question, in English or Korean, as a ``show`` or a ``relate``.

The concepts are found by matching runs of words against the name index,
longest first and without overlap, after dropping a Korean particle stuck to
the end of a run (``Fargate와``, ``EKS는``, ``VPC가``). Two concepts make a
relation question, or a difference question when the words ask for one ("what
is the difference between", "vs", "A or B?", "차이", "비교"); one makes a
"what is" question; none is unreadable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from awskg.errors import AmbiguousName, UnknownName, UnreadableQuestion
from awskg.explorer.cards import Card, card
from awskg.explorer.compare import Comparison, compare
from awskg.explorer.learn import LearningPath, learn
from awskg.explorer.paths import Relatedness, relate
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import normalize

__all__ = ["EXAMPLES", "Answer", "ask", "asks_difference", "asks_learning", "concepts_in", "words"]

EXAMPLES = [
    "how does Fargate relate to EKS",
    "what is the difference between ALB and NLB",
    "Fargate와 EKS는 어떤 관계야?",
    "보안 그룹과 네트워크 ACL의 차이는?",
    "VPC가 뭐야",
]
# Words that ask how two concepts differ, rather than how they connect: English, and Korean
# as learners type it, casual or polite: 다르다 in every ending (다른 점, 다른가요, 달라,
# 다른데, 다릅니까, 다름, 다르죠), "A 아니면 B", "A 대 B", "A랑 B 같은 거야?", and
# "A와 B 중(에/에서) 뭐가 나아 / 뭘 써야 / 어느 게 / 뭐가 더 싸".
_DIFFERENCE = re.compile(
    r"\b(differ\w*|difference|vs\.?|versus|compare[ds]?|comparison|distinguish|better|should i use)\b"
    r"|차이|비교|다른\s*(점|가|지|거|데)|다르|달라|다름|다릅|구별|구분|아니면|(?<![\w])대(?![\w])"
    r"|같은\s*(거|건|것)(?!\s*같)|(?<!것\s)(?<!거\s)(?<![것거])같아|같나요|같은가요"
    r"|중\s*(에서?\s*)?(뭐|뭘|무엇|무얼|어느|어떤|어떡|누가)|뭐가\s*(더\s*)?(나아|나은|낫|좋|싸|저렴)|어느\s*(게|것|쪽)",
    re.IGNORECASE,
)
_EITHER = re.compile(r"\bor\b[^?]*\?\s*$", re.IGNORECASE)
# Particles and endings that may cling to a Korean noun, longest first.
PARTICLES = sorted(
    "와의 과의 이랑은 랑은 하고는 와는 과는 이란 란 이야 야 이랑 랑 하고 에서 으로 로 와 과 은 는 이 가 을 를 의 에 도 만".split(),
    key=len,
    reverse=True,
)
MAX_WORDS = 6
#: The shortest word a question may have misspelt a name with: shorter ones are too often near a name by chance.
MIN_GUESS = 3
#: How many unread words of a question are tried as misspelt names, each a search of every name.
MAX_GUESSES = 6
# Words that ask what to learn before one concept (``learn``): "what should I learn before EKS",
# "prerequisites for EKS", "EKS 전에 뭘 알아야 해?", "EKS를 배우려면?".
_LEARNING = re.compile(
    r"\b(before|prerequisites?|learning path)\b|\bhow (do|should|can) i (learn|study|start)\b"
    r"|전에|먼저|선수\s*지식|선행|배우려면|공부하려면|알려면|이해하려면|학습\s*순서",
    re.IGNORECASE,
)
# Words that ask how two concepts connect: a question with them wants two concepts.
_RELATING = re.compile(r"\b(relat\w*|connect\w*|between|link\w*)\b|관계|사이|연결|연관|관련", re.IGNORECASE)
# Words of a question that are never a misspelt name, however close to one they look.
_QUESTION_WORDS = frozenset(
    "what is are the how does do can should which why when where explain about with and from into for "
    "between difference different differ compare relate related relation relationship connect".split()
)
_WORD = re.compile(r"[\w.+#-]+")
# A word's runs of Hangul and of anything else: "S3랑EC2차이" typed without spaces is S3 랑 EC2 차이.
_SCRIPTS = re.compile(r"[가-힣]+|[^가-힣]+")
# Particles that join two names ("A랑 B", "A와 B"), longest first: typed without spaces they
# are split off a run of Hangul, at its front after a Latin name (EKS랑쿠버네티스) or between
# two names of at least two syllables each (포드랑컨테이너), so each name stands alone.
JOINERS = ("이랑", "하고", "랑", "와", "과")
# Words that join the two concepts of a question: the word on either side of one is a name.
_JOINING = frozenset(("and", "vs", "vs.", "versus", "or", *JOINERS))
# What a question may end a Korean word with when typed without a space (람다가뭐야, VPC관계),
# longest first: split off, the word before it is looked up as a name.
QUESTION_TAILS = sorted(
    "뭐야 뭐임 뭔가요 뭐예요 뭐에요 뭔데 뭐지 뭐냐 뭐니 차이점 차이 관계 비교 설명 설명해줘 알려줘".split(),
    key=len,
    reverse=True,
)


@dataclass(frozen=True)
class Answer:
    """What ``ask`` found: a ``card`` for one concept, how two concepts ``relation``, or a ``comparison``,
    or the ``learning`` path to one concept.

    ``result`` is the same object ``show``, ``relate``, ``compare`` or ``learn``
    returns, so ``ask --json`` prints exactly what that command prints.
    ``left_out`` holds the concepts a question named after the first two
    ("ALB vs NLB vs CLB"): the answer is about the first two, and the CLI says so.
    """

    kind: Literal["card", "relation", "comparison", "learning"]
    concepts: list[str]
    result: Card | Relatedness | Comparison | LearningPath
    left_out: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return self.result.to_json()


def words(question: str) -> list[str]:
    """The words of a question, split where a learner typed no space between a name and what follows.

    Splitting never hides a name: runs of words are matched joined, and names
    are compared without spaces, so "Lambda함수" still finds "Lambda 함수".

    >>> words("S3랑EC2차이"), words("람다가뭐야?"), words("보안그룹vs나클")
    (['S3', '랑', 'EC2', '차이'], ['람다가', '뭐야'], ['보안그룹', 'vs', '나클'])
    >>> words("EKS랑쿠버네티스차이"), words("포드랑컨테이너 관계"), words("클라우드와치")
    (['EKS', '랑', '쿠버네티스', '차이'], ['포드', '랑', '컨테이너', '관계'], ['클라우드와치'])
    """
    said: list[str] = []
    # Hangul typed decomposed (NFD, as some keyboards and file systems give it) reads as one syllable a letter
    for word in _WORD.findall(unicodedata.normalize("NFC", question)):
        for position, run in enumerate(_SCRIPTS.findall(word)):
            said += _pieces(run, glued=position > 0) if "가" <= run[0] <= "힣" else [run]
    return said


def _pieces(run: str, glued: bool) -> list[str]:
    """A run of Hangul as words: a joining particle on its front (``glued`` to a Latin name), question words, joiners."""
    said = []
    joiner = next((j for j in JOINERS if glued and run.startswith(j) and len(run) > len(j)), None)
    if joiner:
        said.append(joiner)
        run = run[len(joiner) :]
    for piece in _untailed(run):
        said += _apart(piece)
    return said


def _apart(run: str) -> list[str]:
    """``run`` split at each joining particle with at least two syllables on either side of it."""
    said: list[str] = []
    at = 2  # syllables since the last split
    while at < len(run) - 2:
        joiner = next((j for j in JOINERS if run.startswith(j, at) and len(run) - at - len(j) >= 2), None)
        if joiner:
            said += [run[:at], joiner]
            run, at = run[at + len(joiner) :], 2
        else:
            at += 1
    return [*said, run]


def _untailed(run: str) -> list[str]:
    """``run``, with any question words typed onto its end as words of their own."""
    tails: list[str] = []
    while tail := next((t for t in QUESTION_TAILS if run.endswith(t) and len(run) > len(t)), ""):
        tails.append(tail)
        run = run[: -len(tail)]
    return [run, *reversed(tails)]


def asks_difference(question: str) -> bool:
    """Whether a question asks how two things differ.

    >>> asks_difference("ALB vs NLB"), asks_difference("ALB랑 NLB 차이"), asks_difference("ALB or NLB?")
    (True, True, True)
    >>> asks_difference("how does Fargate relate to EKS"), asks_difference("which region holds the AZ")
    (False, False)
    >>> asks_difference("ALB와 NLB 중 뭘 써야 해?"), asks_difference("ALB 대 NLB"), asks_difference("대상 그룹과 ALB")
    (True, True, False)
    >>> asks_difference("ECS랑 EKS 중에 뭐 써야돼?"), asks_difference("ECS랑 EKS 같은 거야?"), asks_difference("뭐가 더 싸?")
    (True, True, True)
    """
    spaced = " ".join(words(question))  # "보안그룹vs나클" says vs
    return bool(_DIFFERENCE.search(question) or _DIFFERENCE.search(spaced) or _EITHER.search(question))


def asks_learning(question: str) -> bool:
    """Whether a question about one concept asks what to learn before it.

    >>> asks_learning("what should I learn before EKS"), asks_learning("EKS 전에 뭘 알아야 해?")
    (True, True)
    >>> asks_learning("EKS를 배우려면?"), asks_learning("what is EKS")
    (True, False)
    """
    return bool(_LEARNING.search(question))


def concepts_in(kg: KnowledgeGraph, question: str) -> list[str]:
    """The concepts a question names, in the order it names them.

    >>> import awskg
    >>> kg = awskg.load()
    >>> concepts_in(kg, "what is the relationship between a region and an availability zone")
    ['region', 'availability-zone']
    >>> concepts_in(kg, "Fargate와 EKS는 어떤 관계야?")
    ['fargate', 'eks']
    """
    return [node for _, node in _found(kg, words(question))]


def _found(kg: KnowledgeGraph, said: list[str]) -> list[tuple[range, str]]:
    """The concepts named by runs of ``said``, longest first and without overlap, in the question's order."""
    found: list[tuple[int, int, str]] = []  # (start, end, id)
    taken: set[int] = set()
    spans = [(i, j) for i in range(len(said)) for j in range(i + 1, min(len(said), i + MAX_WORDS) + 1)]
    spans.sort(key=lambda span: (-len(normalize(" ".join(said[span[0] : span[1]]))), span[0]))
    for i, j in spans:
        if taken & set(range(i, j)):
            continue
        node = _lookup(kg, " ".join(said[i:j]))
        if node and node not in (n for _, _, n in found):
            found.append((i, j, node))
            taken |= set(range(i, j))
    return [(range(i, j), node) for i, j, node in sorted(found)]


def ask(kg: KnowledgeGraph, question: str, *, limit: int = 3, max_hops: int = 4, lang: str = "en") -> Answer:
    """Answer a question: two concepts are compared or related, one is shown.

    Raises :class:`UnreadableQuestion` when it names no concept, and
    :class:`~awskg.errors.UnknownName` for a word spelt like a concept's name
    ("fargte가 뭐야", "lamda랑 S3 관계") rather than answering about the other
    concept alone.

    >>> import awskg
    >>> kg = awskg.load()
    >>> answer = ask(kg, "How is Lambda related to S3?")
    >>> answer.kind, answer.concepts, answer.result.paths[0].hops[0].text
    ('relation', ['lambda', 's3'], 'Lambda is triggered by S3')
    >>> ask(kg, "보안 그룹과 네트워크 ACL의 차이는?").kind
    'comparison'
    """
    said = words(question)
    named = _found(kg, said)
    found = [node for _, node in named]
    left = {index: word for index, word in enumerate(said) if not any(index in span for span, _ in named)}
    if not found:
        _name_several(kg, list(left.values()))
        _name_misspelt(kg, list(left.values()), found)
        raise UnreadableQuestion(question, EXAMPLES)
    if len(found) == 1 and (asks_difference(question) or _RELATING.search(question)):
        # a question about two concepts, one of them mistyped: the word joined to the other ("lamda랑 S3")
        joined = {i + step for i, word in enumerate(said) if word.lower() in _JOINING for step in (-1, 1)}
        _name_misspelt(kg, [left[i] for i in sorted(joined) if i in left], found)
    if len(found) == 1 and asks_learning(question):
        return Answer("learning", found, learn(kg, found[0], lang=lang))
    if len(found) == 1:
        return Answer("card", found, card(kg, found[0]))
    a, b = found[:2]
    if asks_difference(question):
        return Answer("comparison", [a, b], compare(kg, a, b, lang), found[2:])
    return Answer("relation", [a, b], relate(kg, a, b, limit=limit, max_hops=max_hops, lang=lang), found[2:])


def _name_several(kg: KnowledgeGraph, left: list[str]) -> None:
    """Raise :class:`~awskg.errors.AmbiguousName` for a word ``left`` unread that ends the names of several concepts.

    "게이트웨이는 뭐야?" names no concept, but 게이트웨이 ends three of them: the
    learner gets them listed rather than "not found".
    """
    for stem in (stem for word in left for stem in _stems(word)):
        if len(kg.headed_by(stem)) > 1:
            kg.resolve(stem)  # raises AmbiguousName, listing every concept the word may mean


def _name_misspelt(kg: KnowledgeGraph, left: list[str], found: list[str]) -> None:
    """Raise :class:`~awskg.errors.UnknownName` for a word ``left`` unread that is spelt like a name not ``found``.

    A word that asks (뭐야, 차이, "difference") is never taken for a name;
    one with no close name is let be, as words of a question mostly are; at
    most :data:`MAX_GUESSES` words are looked at, each a search of the names.
    """
    guessed = [w for w in left if len(w) >= MIN_GUESS and w.lower() not in _QUESTION_WORDS and w not in QUESTION_TAILS]
    for word in guessed[:MAX_GUESSES]:
        for stem in _stems(word):
            try:
                kg.resolve(stem)
            except UnknownName as missing:
                others = [node for node in missing.suggestions if node not in found]
                if others:  # "CloudFront vs Cloudflare": what it is close to is already in the question
                    raise UnknownName(missing.name, others, missing.what, missing.labels) from None
            except AmbiguousName:
                continue


def _stems(word: str) -> list[str]:
    """``word``, and ``word`` without each Korean particle it may end with."""
    return [word, *(word[: -len(p)] for p in PARTICLES if word.endswith(p) and len(word) > len(p))]


def _lookup(kg: KnowledgeGraph, phrase: str) -> str | None:
    """The concept ``phrase`` names: as written, else (ending in Hangul) without a particle (:func:`_stems`)."""
    stems = _stems(phrase) if re.search("[가-힣]$", phrase) else [phrase]
    return next((node for stem in stems if (node := kg.names.lookup(stem))), None)
