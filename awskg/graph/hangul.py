"""Particle slips in hand-written Korean: ``리소스을`` where ``리소스를`` is meant.

awskg chooses every particle it generates (:mod:`awskg.explorer.sentences`),
but summaries and notes are typed by hand, and a particle typed after the
wrong final sound (``리소스을``, ``리전를``, ``리소스으로``) reads as a slip to
every Korean reader. Hangul alone cannot tell a particle from the end of a
word (``게이트웨이`` ends in 이, ``있는`` in 는), so the check only judges a
word whose stem the text itself uses as a noun: a stem seen before ``의``,
``에``, ``에서`` or a particle that agrees with it (``리소스의``,
``리소스를``), or the last word of a Korean label. Verb forms that still look
like slips are listed in :data:`NOT_SLIPS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["NOT_SLIPS", "TOPIC_OPENING", "final_consonant", "nouns_in", "particle_slips"]

#: How a Korean relation reading opens so that the concept it is about stays the topic.
TOPIC_OPENING = "{s}은/는 "

#: A run of Hangul syllables: one word as the check sees it.
_WORD = re.compile("[가-힣]+")
#: The particles judged, longest first, each with the final sounds it follows:
#: True after a final consonant, False after a vowel; (으)로 also follows ㄹ as 로.
_PARTICLES = (
    ("으로", True),
    ("로", False),
    ("을", True),
    ("를", False),
    ("은", True),
    ("는", False),
    ("이", True),
    ("가", False),
)
#: Endings that only follow a noun, whatever its final sound: they teach the check its nouns.
_NOUN_MARKS = ("에서", "의", "에")
#: Whole words that end like a particle after the wrong sound, on a stem that is itself a
#: noun: 전문 + 가 (전문가, an expert), 진입 + 로 (진입로, a way in). Verb forms with a
#: one-syllable stem (있는, 없는, 받는) are never judged (see ``_MIN_STEM``).
NOT_SLIPS = frozenset({"전문가", "진입로", "출입로", "통행로", "탈출로"})
#: The shortest stem judged: one-syllable words (수, 것, 곳) are too often part of another.
_MIN_STEM = 2


def final_consonant(syllable: str) -> int:
    """The final consonant of a Hangul syllable as its index (0: none, 8: ㄹ).

    >>> final_consonant("스"), final_consonant("전"), final_consonant("울")
    (0, 4, 8)
    """
    return (ord(syllable) - 0xAC00) % 28


def _agrees(stem: str, particle: str, after_consonant: bool) -> bool:
    final = final_consonant(stem[-1])
    if particle in ("으로", "로"):
        return (particle == "으로") == (final not in (0, 8))
    return after_consonant == (final != 0)


#: The last syllables a judged particle or a noun-only ending can have: most words end otherwise.
_LAST = frozenset(particle[-1] for particle, _ in _PARTICLES)
_MARK_LAST = _LAST | frozenset(mark[-1] for mark in _NOUN_MARKS)


def _split(word: str) -> Iterator[tuple[str, str, bool]]:
    """Every (stem, particle, follows a consonant) reading of ``word`` ending in a judged particle."""
    if word[-1] not in _LAST:
        return
    for particle, after_consonant in _PARTICLES:
        stem = word[: -len(particle)]
        if word.endswith(particle) and len(stem) >= _MIN_STEM:
            yield stem, particle, after_consonant


def nouns_in(texts: Iterable[str]) -> set[str]:
    """The stems ``texts`` use as nouns: before a noun-only ending, or before a particle that agrees.

    >>> sorted(nouns_in(["리소스의 위치", "서브넷을 만든다", "게이트웨이 설정"]))
    ['리소스', '서브넷']
    """
    nouns = set()
    for text in texts:
        for word in _WORD.findall(text):
            if word[-1] not in _MARK_LAST:
                continue
            for mark in _NOUN_MARKS:
                if word.endswith(mark) and len(word) - len(mark) >= _MIN_STEM:
                    nouns.add(word[: -len(mark)])
            nouns.update(stem for stem, particle, after in _split(word) if _agrees(stem, particle, after))
    return nouns


def particle_slips(text: str, nouns: set[str]) -> list[str]:
    """The words of ``text`` whose particle disagrees with the noun before it, each with its fix.

    >>> nouns = {"리소스", "리전"}
    >>> particle_slips("리소스을 만들고 리전를 고른 뒤 리소스으로 보낸다. 게이트웨이 있는", nouns)
    ['리소스을 (리소스를)', '리전를 (리전을)', '리소스으로 (리소스로)']
    """
    found = []
    for word in _WORD.findall(text):
        if word in NOT_SLIPS:
            continue
        for stem, particle, after in _split(word):
            if stem in nouns and not _agrees(stem, particle, after):
                found.append(f"{word} ({stem}{_fix(stem, particle)})")
                break
    return found


def _fix(stem: str, particle: str) -> str:
    """The particle's other form, the one ``stem`` takes."""
    if particle in ("으로", "로"):
        return "으로" if final_consonant(stem[-1]) not in (0, 8) else "로"
    pairs = {"을": "를", "를": "을", "은": "는", "는": "은", "이": "가", "가": "이"}
    return pairs[particle]
