"""Reading an edge as a sentence, in English or Korean.

Korean particles change with the last sound of the word before them
(``EKS는`` but ``Route 53은``), so relation labels in Korean start with the
particle written as a pair (``을/를 사용한다``) and :func:`particle` picks the
form from the word's final syllable, digit or letter name.
"""

from __future__ import annotations

import re

from awskg.graph.model import KnowledgeGraph

__all__ = ["particle", "predicate", "relation_label", "sentence", "sentence_parts"]

_PAIR = re.compile(r"^(\(으\)로|[가-힣]/[가-힣])")
# How the last digit or capital letter of a label is read aloud in Korean:
# does the reading end in a consonant (batchim), and is that consonant ㄹ?
_DIGITS = {
    "0": (True, False),
    "1": (True, True),
    "3": (True, False),
    "6": (True, False),
    "7": (True, True),
    "8": (True, True),
}
_LETTERS = {"L": (True, True), "M": (True, False), "N": (True, False), "R": (True, True)}


def _final_sound(word: str) -> tuple[bool, bool]:
    """(ends in a consonant, that consonant is ㄹ) for the last readable character."""
    stripped = re.sub(r"[\s\W_]+$", "", word)
    if not stripped:
        return False, False
    last = stripped[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return final != 0, final == 8
    if last.isdigit():
        return _DIGITS.get(last, (False, False))
    if last.isupper():
        return _LETTERS.get(last, (False, False))
    ending = stripped.lower()
    if ending.endswith(("m", "n", "ng")):
        return True, False
    if ending.endswith("l"):
        return True, True
    return False, False


def particle(word: str, pair: str) -> str:
    """``word`` followed by the right form of a particle pair.

    >>> particle("EKS", "은/는"), particle("Route 53", "은/는"), particle("리전", "을/를")
    ('EKS는', 'Route 53은', '리전을')
    >>> particle("대상 그룹", "(으)로"), particle("ALB", "(으)로"), particle("서울", "(으)로")
    ('대상 그룹으로', 'ALB로', '서울로')
    """
    batchim, rieul = _final_sound(word)
    if pair == "(으)로":
        return word + ("으로" if batchim and not rieul else "로")
    with_final, without = pair.split("/")
    return word + (with_final if batchim else without)


def relation_label(kg: KnowledgeGraph, relation: str, lang: str = "en", inverse: bool = False) -> str:
    """A relation's reading in ``lang``, forward or inverse, falling back to English."""
    record = kg.relations[relation]
    if lang == "ko":
        korean = record.inverse_label_ko if inverse else record.label_ko
        if korean:
            return korean
    return record.inverse_label if inverse else record.label


def sentence(
    kg: KnowledgeGraph, source: str, relation: str, target: str, lang: str = "en", inverse: bool = False
) -> str:
    """The fact ``source -relation-> target`` as a sentence.

    With ``inverse=True`` the same fact is read from the target's side, using
    the relation's inverse label, as when a path walks the edge backwards.

    >>> import awskg
    >>> kg = awskg.load()
    >>> sentence(kg, "eks", "runs-on", "fargate"), sentence(kg, "eks", "runs-on", "fargate", inverse=True)
    ('EKS runs on Fargate', 'Fargate hosts EKS')
    >>> sentence(kg, "availability-zone", "part-of", "region", "ko")
    '가용 영역은 리전의 일부이다'
    """
    return "".join(sentence_parts(kg, source, relation, target, lang, inverse))


def sentence_parts(
    kg: KnowledgeGraph, source: str, relation: str, target: str, lang: str = "en", inverse: bool = False
) -> tuple[str, str, str]:
    """A sentence split around the object's label, so a page can make it a link.

    >>> import awskg
    >>> kg = awskg.load()
    >>> sentence_parts(kg, "eks", "runs-on", "fargate", "ko")
    ('EKS는 ', 'Fargate', '에서 실행된다')
    >>> sentence_parts(kg, "eks", "runs-on", "fargate", inverse=True)
    ('Fargate hosts ', 'EKS', '')
    """
    subject, obj = (target, source) if inverse else (source, target)
    before, label, after = _predicate_parts(kg, relation, obj, lang, inverse)
    subject_label = kg.label(subject, lang)
    opening = particle(subject_label, "은/는") if lang == "ko" and not before else subject_label
    return f"{opening} {before}", label, after


def predicate(kg: KnowledgeGraph, relation: str, obj: str, lang: str = "en", inverse: bool = False) -> str:
    """What a sentence says after its subject: ``runs on Fargate``, ``Fargate에서 실행된다``.

    >>> import awskg
    >>> predicate(awskg.load(), "uses", "ecr", "ko")
    'ECR을 사용한다'
    """
    return "".join(_predicate_parts(kg, relation, obj, lang, inverse))


def _predicate_parts(kg: KnowledgeGraph, relation: str, obj: str, lang: str, inverse: bool) -> tuple[str, str, str]:
    """English reads "verb object"; Korean reads "object+particle verb" (empty first part)."""
    words = relation_label(kg, relation, lang, inverse)
    label = kg.label(obj, lang)
    if lang != "ko" or not _is_korean(words):
        return f"{words} ", label, ""
    match = _PAIR.match(words)
    if not match:
        return "", label, words
    return "", label, particle(label, match.group(1))[len(label) :] + words[match.end() :]


def _is_korean(text: str) -> bool:
    return any("가" <= ch <= "힣" for ch in text)
