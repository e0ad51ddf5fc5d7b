"""Reading a learner's question, in English or Korean, as a ``show`` or a ``relate``.

The concepts are found by matching runs of words against the name index,
longest first and without overlap, after dropping a Korean particle stuck to
the end of a run (``Fargate와``, ``EKS는``, ``VPC가``). Two concepts make a
relation question; one makes a "what is" question; none is unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from awskg.explorer.cards import Card, card
from awskg.explorer.paths import Relatedness, relate
from awskg.graph.errors import UnreadableQuestion
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import normalize

__all__ = ["EXAMPLES", "Answer", "ask", "concepts_in"]

EXAMPLES = [
    "how does Fargate relate to EKS",
    "what is the relationship between a region and an availability zone",
    "Fargate와 EKS는 어떤 관계야?",
    "VPC가 뭐야",
]
# Particles and endings that may cling to a Korean noun, longest first.
PARTICLES = sorted(
    "이란 란 이야 야 이랑 랑 하고 에서 으로 로 와 과 은 는 이 가 을 를 의 에 도 만".split(), key=len, reverse=True
)
MAX_WORDS = 6
_WORD = re.compile(r"[\w.+#-]+")


@dataclass(frozen=True)
class Answer:
    """What ``ask`` found: a card for one concept, or how two concepts relate."""

    concepts: list[str]
    card: Card | None = None
    relation: Relatedness | None = None


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
    """Answer a question: two concepts are related, one is shown.

    Raises :class:`UnreadableQuestion` when it names no concept.

    >>> import awskg
    >>> answer = ask(awskg.load(), "How is Lambda related to S3?")
    >>> answer.concepts, answer.relation.paths[0].hops[0].text
    (['lambda', 's3'], 'Lambda is triggered by S3')
    """
    found = concepts_in(kg, question)
    if not found:
        raise UnreadableQuestion(question, EXAMPLES)
    if len(found) == 1:
        return Answer(found, card=card(kg, found[0]))
    return Answer(found[:2], relation=relate(kg, found[0], found[1], limit=limit, max_hops=max_hops, lang=lang))


def _lookup(kg: KnowledgeGraph, phrase: str) -> str | None:
    node = kg.names.lookup(phrase)
    if node or not re.search("[가-힣]$", phrase):
        return node
    for ending in PARTICLES:
        if phrase.endswith(ending) and (node := kg.names.lookup(phrase[: -len(ending)])):
            return node
    return None
