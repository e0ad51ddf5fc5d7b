"""Reading an edge as a sentence, in English or Korean.

English reads "subject label object". Korean readings are templates
(``{s}은/는 {o}을/를 사용한다``): the subject and object go where ``{s}`` and
``{o}`` stand, and each particle written as a pair is chosen by how Korean
speakers read the word before it. Hangul decides by its final consonant;
Latin letters and digits are read in English (S3 is 에스쓰리, so ``S3는``; EC2
is 이씨투, so ``EC2는``), and a concept whose label is read otherwise carries
its reading in ``reading_ko`` (``Route 53`` read 라우트 오십삼: ``Route 53은``).
No particle pair ever reaches a learner: every sentence is rendered whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from awskg.graph.model import KnowledgeGraph

__all__ = [
    "ask_form",
    "edge_label",
    "particle",
    "predicate",
    "reading",
    "relation_label",
    "sentence",
    "sentence_parts",
]

#: A particle pair right after a placeholder or a word: ``을/를``, ``(으)로``.
_PAIR = r"(\(으\)로|[가-힣]/[가-힣])"
_PLACEHOLDER = re.compile(r"\{([so])\}" + _PAIR + "?")
_LEGACY_PAIR = re.compile("^" + _PAIR)
# How the English name of a final digit or letter sounds in Korean: does the
# reading end in a consonant (batchim), and is that consonant ㄹ?
# one 원, seven 세븐, nine 나인 end in ㄴ; zero 제로, two 투, three 쓰리 ... do not.
_DIGITS = {"1": (True, False), "7": (True, False), "9": (True, False)}
# ten 텐, eleven 일레븐, thirteen 써틴 ... nineteen end in ㄴ; twelve 트웰브 does not.
_TEENS = {f"1{d}": (d != "2", False) for d in "0123456789"}
# L 엘, R 알 end in ㄹ; M 엠, N 엔 in another consonant.
_LETTERS = {"L": (True, True), "M": (True, False), "N": (True, False), "R": (True, True)}
#: The word a Korean question puts in the blank.
WHAT_KO = "무엇"
#: What a Korean predicate calls its subject when the reading cannot leave it out.
THIS_KO = "이 개념"


@lru_cache(maxsize=65536)
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
        number = re.search(r"\d+$", stripped)
        digits = number.group() if number else last
        if digits[-2:] in _TEENS and len(digits) >= 2:
            return _TEENS[digits[-2:]]
        if len(digits) >= 2 and last == "0":  # twenty, thirty, a hundred: no final consonant
            return False, False
        return _DIGITS.get(last, (False, False))
    if last.isupper():
        return _LETTERS.get(last, (False, False))
    ending = stripped.lower()
    if ending.endswith(("m", "n", "ng")):
        return True, False
    if ending.endswith("l"):
        return True, True
    return False, False


@lru_cache(maxsize=65536)
def particle(word: str, pair: str, reading_ko: str = "") -> str:
    """``word`` followed by the right form of a particle pair.

    ``reading_ko``, when given, is how the word is read aloud, and decides.

    >>> particle("EKS", "은/는"), particle("S3", "이/가"), particle("리전", "을/를")
    ('EKS는', 'S3가', '리전을')
    >>> particle("T3", "을/를"), particle("Route 53", "은/는", "라우트 오십삼"), particle("c7", "은/는")
    ('T3를', 'Route 53은', 'c7은')
    >>> particle("대상 그룹", "(으)로"), particle("ALB", "(으)로"), particle("서울", "(으)로")
    ('대상 그룹으로', 'ALB로', '서울로')
    """
    batchim, rieul = _final_sound(reading_ko or word)
    if pair == "(으)로":
        return word + ("으로" if batchim and not rieul else "로")
    with_final, without = pair.split("/")
    return word + (with_final if batchim else without)


def reading(kg: KnowledgeGraph, node: str) -> str:
    """How ``node``'s Korean label is read aloud, where it says ("" otherwise)."""
    return str(kg.node(node).get("reading_ko", ""))


@lru_cache(maxsize=4096)
def _template(text: str) -> tuple[tuple[str, str, str], ...]:
    """A Korean reading as (text before, placeholder, particle pair) pieces.

    The older short form ``을/를 사용한다`` means ``{s}은/는 {o}을/를 사용한다``.
    """
    if "{s}" not in text and "{o}" not in text:
        pair = _LEGACY_PAIR.match(text)
        text = "{s}은/는 {o}" + (pair.group(1) + text[pair.end() :] if pair else text)
    pieces = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        pieces.append((text[position : match.start()], match.group(1), match.group(2) or ""))
        position = match.end()
    pieces.append((text[position:], "", ""))
    return tuple(pieces)


def _render(template: str, words: dict[str, tuple[str, str]]) -> list[str]:
    """Fill a Korean template; returns [text, object, text] around the object's label."""
    out = [""]
    for before, slot, pair in _template(template):
        out[-1] += before
        if not slot:
            continue
        word, read = words[slot]
        if word == WHAT_KO and pair == "은/는":
            pair = "이/가"  # a question's subject takes 이/가: 무엇이 ..., never 무엇은
        tail = particle(word, pair, read)[len(word) :] if pair else ""
        if slot == "o" and len(out) == 1:
            out += [word, tail]
        else:
            out[-1] += word + tail
    return out + [""] * (3 - len(out))


def relation_label(kg: KnowledgeGraph, relation: str, lang: str = "en", inverse: bool = False) -> str:
    """A relation's reading standing alone: ``runs on``; in Korean, a whole sentence over A and B.

    >>> import awskg
    >>> kg = awskg.load()
    >>> relation_label(kg, "is-a", "ko", inverse=True), relation_label(kg, "uses", "ko")
    ('A의 종류로는 B가 있다', 'A는 B를 사용한다')
    """
    record = kg.relations[relation]
    korean = record.inverse_label_ko if inverse else record.label_ko
    if lang == "ko" and korean:
        return "".join(_render(korean, {"s": ("A", ""), "o": ("B", "")}))
    return record.inverse_label if inverse else record.label


def sentence(
    kg: KnowledgeGraph,
    source: str,
    relation: str,
    target: str,
    lang: str = "en",
    inverse: bool = False,
    *,
    object_label: str | None = None,
) -> str:
    """The fact ``source -relation-> target`` as a sentence.

    With ``inverse=True`` the same fact is read from the target's side, using
    the relation's inverse label, as when a path walks the edge backwards.

    >>> import awskg
    >>> kg = awskg.load()
    >>> sentence(kg, "alb", "is-a", "elb"), sentence(kg, "alb", "is-a", "elb", inverse=True)
    ('ALB is a type of ELB', 'ELB has the subtype ALB')
    >>> sentence(kg, "availability-zone", "part-of", "region", "ko")
    '가용 영역은 리전의 일부이다'
    >>> sentence(kg, "alb", "is-a", "elb", "ko", inverse=True)
    'ELB의 종류로는 ALB가 있다'
    """
    return "".join(sentence_parts(kg, source, relation, target, lang, inverse, object_label=object_label))


def sentence_parts(
    kg: KnowledgeGraph,
    source: str,
    relation: str,
    target: str,
    lang: str = "en",
    inverse: bool = False,
    subject_label: str | None = None,
    object_label: str | None = None,
) -> tuple[str, str, str]:
    """A sentence split around the object's label, so a page can make it a link.

    ``subject_label`` and ``object_label`` replace the labels (a list of
    several concepts, the blank of a question).

    >>> import awskg
    >>> kg = awskg.load()
    >>> sentence_parts(kg, "alb", "is-a", "elb", "ko")
    ('ALB는 ', 'ELB', '의 한 종류이다')
    >>> sentence_parts(kg, "alb", "is-a", "elb", inverse=True)
    ('ELB has the subtype ', 'ALB', '')
    """
    subject, obj = (target, source) if inverse else (source, target)
    subject_text = kg.label(subject, lang) if subject_label is None else subject_label
    object_text = kg.label(obj, lang) if object_label is None else object_label
    record = kg.relations[relation]
    korean = record.inverse_label_ko if inverse else record.label_ko
    if lang == "ko" and korean:
        words = {
            "s": (subject_text, "" if subject_label is not None else reading(kg, subject)),
            "o": (object_text, "" if object_label is not None else reading(kg, obj)),
        }
        before, label, after = _render(korean, words)
        return before, label, after
    words_en = record.inverse_label if inverse else record.label
    return f"{subject_text} {words_en} ", object_text, ""


def predicate(kg: KnowledgeGraph, relation: str, obj: str, lang: str = "en", inverse: bool = False) -> str:
    """What a sentence says after its subject: ``runs on Fargate``, ``Fargate에서 실행된다``.

    A Korean reading that does not open with its subject reads with 이 개념
    ("this concept") in its place.

    >>> import awskg
    >>> kg = awskg.load()
    >>> predicate(kg, "uses", "ecr", "ko"), predicate(kg, "is-a", "alb", "ko", inverse=True)
    ('ECR을 사용한다', '이 개념의 종류로는 ALB가 있다')
    >>> predicate(kg, "uses", "ecs", "ko", inverse=True)
    'ECS가 사용한다'

    """
    if lang != "ko":
        return "".join(sentence_parts(kg, obj, relation, obj, lang, inverse, subject_label="")).lstrip()
    marker = "\x00"
    text = "".join(sentence_parts(kg, obj, relation, obj, lang, inverse, subject_label=marker))
    opening = re.match("^\x00[은는이가] ", text)
    if opening:
        return text[opening.end() :]
    return "".join(sentence_parts(kg, obj, relation, obj, lang, inverse, subject_label=THIS_KO))


def edge_label(
    kg: KnowledgeGraph,
    source: str,
    relation: str,
    target: str,
    lang: str = "en",
    parts: tuple[str, str, str] | None = None,
) -> str:
    """The label of an arrow from ``source`` to ``target`` in a diagram: the reading after the object.

    In Korean the particle is chosen for the arrow's own target. ``parts``, when
    the caller already has the fact's :func:`sentence_parts`, saves rendering it again.

    >>> import awskg
    >>> kg = awskg.load()
    >>> edge_label(kg, "alb", "is-a", "elb"), edge_label(kg, "alb", "is-a", "elb", "ko")
    ('is a type of', '의 한 종류이다')
    >>> edge_label(kg, "ecs", "uses", "ecr", "ko"), edge_label(kg, "ecs", "uses", "container-image", "ko")
    ('을 사용한다', '를 사용한다')
    """
    if lang != "ko" or not kg.relations[relation].label_ko:
        return kg.relations[relation].label
    before, label, after = parts or sentence_parts(kg, source, relation, target, lang)
    if before == particle(kg.label(source, lang), "은/는", reading(kg, source)) + " ":
        return after  # the usual "{s}은/는 {o}..." reading: the arrow stands for both ends
    return before + label + after


def ask_form(statement: str) -> str:
    """A Korean statement turned into its question: ``...사용한다`` → ``...사용하는가?``.

    >>> ask_form("무엇이 Fargate에서 실행된다"), ask_form("S3는 무엇의 예이다"), ask_form("무엇을 받는다")
    ('무엇이 Fargate에서 실행되는가?', 'S3는 무엇의 예인가?', '무엇을 받는가?')
    >>> ask_form("리전의 예로는 무엇이 있다")
    '리전의 예로는 무엇이 있는가?'
    """
    body = statement.rstrip(". ")
    if body.endswith("이다"):
        return body[:-2] + "인가?"
    if body.endswith(("는다", "있다", "없다")):
        return body[:-1] + ("가?" if body.endswith("는다") else "는가?")
    if body.endswith("다") and len(body) > 1:
        stem = body[-2]
        code = ord(stem) - 0xAC00
        if 0 <= code < 11172 and code % 28 == 4:  # a syllable ending in ㄴ: 한다, 된다, 둔다
            return body[:-2] + chr(ord(stem) - 4) + "는가?"
    return body + "?"
