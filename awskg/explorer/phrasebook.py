"""Everything a page says of each fact: each reading compiled once, each label placed once.

A page reads every fact it shows five ways in each language (from either end,
the arrow's label, what compare says of either end). The functions of
:mod:`awskg.explorer.sentences` look up the relation's reading and work out a
label's particle sound on every call; on a page of ten thousand concepts that
was most of the page's time. A phrasebook keeps one
:class:`~awskg.explorer.sentences.Phrase` per relation, direction and language
and one placed :class:`~awskg.explorer.sentences.Word` per concept and
language, and hands them to the very methods those functions use, so the text
is the same.
"""

from __future__ import annotations

from typing import NamedTuple

from awskg.explorer.sentences import Phrase, Word, heading, node_word, phrase
from awskg.graph.model import KnowledgeGraph

__all__ = ["FactText", "Phrasebook"]


class FactText(NamedTuple):
    """One fact ``source -relation-> target`` in one language, as :mod:`~awskg.explorer.sentences` reads it."""

    out: tuple[str, str, str]  # sentence_parts(source, relation, target)
    back: tuple[str, str, str]  # sentence_parts(source, relation, target, inverse=True)
    label: str  # edge_label(source, relation, target)
    of_source: str  # predicate(relation, target, about=source): what the fact says of its source
    of_target: str  # predicate(relation, source, inverse=True, about=target): what it says of its target


class Phrasebook:
    """The text of ``kg``'s facts, from readings and labels prepared once.

    >>> import awskg
    >>> said = Phrasebook(awskg.load()).fact("ecs", "uses", "ecr", "ko")
    >>> said.out, said.label, said.of_target
    (('ECS는 ', 'ECR', '을 사용한다'), '사용 대상', 'ECS에서 사용된다')
    """

    def __init__(self, kg: KnowledgeGraph) -> None:
        self._kg = kg
        self._phrases: dict[tuple[str, str], tuple[Phrase, Phrase, str]] = {}
        self._words: dict[tuple[str, str], Word] = {}

    def fact(self, source: str, relation: str, target: str, lang: str) -> FactText:
        """Everything said of the fact in ``lang``."""
        forward, inverse, title = self._phrases.get((relation, lang)) or self._readings(relation, lang)
        subject = self._words.get((source, lang)) or self._word(source, lang)
        obj = self._words.get((target, lang)) or self._word(target, lang)
        out = forward.parts(subject, obj)
        return FactText(
            out,
            inverse.parts(obj, subject),
            title or forward.arrow(subject, out),
            forward.predicate(obj, subject),
            inverse.predicate(subject, obj),
        )

    def openings(self, source: str, relation: str, target: str, lang: str) -> tuple[str, str]:
        """What the fact's sentences from either end open with, and their predicates leave out.

        The sentence from the source is its opening, then ``of_source``; the one
        from the target, its opening, then ``of_target`` (``Phrase.opening``).

        >>> import awskg
        >>> Phrasebook(awskg.load()).openings("ecs", "uses", "ecr", "ko")
        ('ECS는 ', 'ECR은 ')
        """
        forward, inverse, _ = self._phrases.get((relation, lang)) or self._readings(relation, lang)
        subject = self._words.get((source, lang)) or self._word(source, lang)
        obj = self._words.get((target, lang)) or self._word(target, lang)
        return forward.opening(subject), inverse.opening(obj)

    def label(self, node: str, lang: str) -> str:
        """The concept's label in ``lang``, as the facts place it (read once, like the readings).

        >>> import awskg
        >>> Phrasebook(awskg.load()).label("availability-zone", "ko")
        '가용 영역'
        """
        return (self._words.get((node, lang)) or self._word(node, lang)).text

    def _readings(self, relation: str, lang: str) -> tuple[Phrase, Phrase, str]:
        """Both readings of ``relation`` in ``lang``, and the arrow's :func:`heading` (if any), made once."""
        both = self._phrases[relation, lang] = (
            phrase(self._kg, relation, lang),
            phrase(self._kg, relation, lang, True),
            heading(self._kg, relation, lang),
        )
        return both

    def _word(self, node: str, lang: str) -> Word:
        placed = self._words[node, lang] = node_word(self._kg, node, lang)
        return placed
