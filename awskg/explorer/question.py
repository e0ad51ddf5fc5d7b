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
from dataclasses import dataclass
from typing import Any, Literal

from awskg.errors import UnreadableQuestion
from awskg.explorer.cards import Card, card
from awskg.explorer.compare import Comparison, compare
from awskg.explorer.learn import LearningPath, learn
from awskg.explorer.paths import Relatedness, relate
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import normalize

__all__ = ["EXAMPLES", "Answer", "ask", "asks_difference", "asks_learning", "concepts_in"]

EXAMPLES = [
    "how does Fargate relate to EKS",
    "what is the difference between ALB and NLB",
    "Fargate와 EKS는 어떤 관계야?",
    "보안 그룹과 네트워크 ACL의 차이는?",
    "VPC가 뭐야",
]
# Words that ask how two concepts differ, rather than how they connect.
_DIFFERENCE = re.compile(
    r"\b(differ\w*|difference|vs\.?|versus|compare[ds]?|comparison|distinguish)\b|차이|비교|다른\s*점|다르|구별|구분",
    re.IGNORECASE,
)
_EITHER = re.compile(r"\bor\b[^?]*\?\s*$", re.IGNORECASE)
# Particles and endings that may cling to a Korean noun, longest first.
PARTICLES = sorted(
    "이란 란 이야 야 이랑 랑 하고 에서 으로 로 와 과 은 는 이 가 을 를 의 에 도 만".split(), key=len, reverse=True
)
MAX_WORDS = 6
# Words that ask what to learn before one concept (``learn``): "what should I learn before EKS",
# "prerequisites for EKS", "EKS 전에 뭘 알아야 해?", "EKS를 배우려면?".
_LEARNING = re.compile(
    r"\b(before|prerequisites?|learning path)\b|\bhow (do|should|can) i (learn|study|start)\b"
    r"|전에|먼저|선수\s*지식|선행|배우려면|공부하려면|알려면|이해하려면|학습\s*순서",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w.+#-]+")


@dataclass(frozen=True)
class Answer:
    """What ``ask`` found: a ``card`` for one concept, how two concepts ``relation``, or a ``comparison``,
    or the ``learning`` path to one concept.

    ``result`` is the same object ``show``, ``relate``, ``compare`` or ``learn``
    returns, so ``ask --json`` prints exactly what that command prints.
    """

    kind: Literal["card", "relation", "comparison", "learning"]
    concepts: list[str]
    result: Card | Relatedness | Comparison | LearningPath

    def to_json(self) -> dict[str, Any]:
        return self.result.to_json()


def asks_difference(question: str) -> bool:
    """Whether a question asks how two things differ.

    >>> asks_difference("ALB vs NLB"), asks_difference("ALB랑 NLB 차이"), asks_difference("ALB or NLB?")
    (True, True, True)
    >>> asks_difference("how does Fargate relate to EKS")
    False
    """
    return bool(_DIFFERENCE.search(question) or _EITHER.search(question))


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
    words = _WORD.findall(question)
    found: list[tuple[int, int, str]] = []  # (start, end, id)
    taken: set[int] = set()
    spans = [(i, j) for i in range(len(words)) for j in range(i + 1, min(len(words), i + MAX_WORDS) + 1)]
    spans.sort(key=lambda span: (-len(normalize(" ".join(words[span[0] : span[1]]))), span[0]))
    for i, j in spans:
        if taken & set(range(i, j)):
            continue
        node = _lookup(kg, " ".join(words[i:j]))
        if node and node not in (n for _, _, n in found):
            found.append((i, j, node))
            taken |= set(range(i, j))
    return [node for _, _, node in sorted(found)]


def ask(kg: KnowledgeGraph, question: str, *, limit: int = 3, max_hops: int = 4, lang: str = "en") -> Answer:
    """Answer a question: two concepts are compared or related, one is shown.

    Raises :class:`UnreadableQuestion` when it names no concept.

    >>> import awskg
    >>> kg = awskg.load()
    >>> answer = ask(kg, "How is Lambda related to S3?")
    >>> answer.kind, answer.concepts, answer.result.paths[0].hops[0].text
    ('relation', ['lambda', 's3'], 'Lambda is triggered by S3')
    >>> ask(kg, "보안 그룹과 네트워크 ACL의 차이는?").kind
    'comparison'
    """
    found = concepts_in(kg, question)
    if not found:
        raise UnreadableQuestion(question, EXAMPLES)
    if len(found) == 1 and asks_learning(question):
        return Answer("learning", found, learn(kg, found[0], lang=lang))
    if len(found) == 1:
        return Answer("card", found, card(kg, found[0]))
    a, b = found[:2]
    if asks_difference(question):
        return Answer("comparison", [a, b], compare(kg, a, b, lang))
    return Answer("relation", [a, b], relate(kg, a, b, limit=limit, max_hops=max_hops, lang=lang))


def _lookup(kg: KnowledgeGraph, phrase: str) -> str | None:
    node = kg.names.lookup(phrase)
    if node or not re.search("[가-힣]$", phrase):
        return node
    for ending in PARTICLES:
        if phrase.endswith(ending) and (node := kg.names.lookup(phrase[: -len(ending)])):
            return node
    return None
