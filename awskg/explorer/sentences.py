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
from typing import NamedTuple, TypeAlias

from awskg.graph.model import KnowledgeGraph

__all__ = [
    "ask_form",
    "choice_stem",
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
#: Every final sound a word can end in, as (ends in a consonant, that consonant is ㄹ).
_SOUNDS = tuple((batchim, rieul) for batchim in (False, True) for rieul in (False, True))
#: The sound of a word no particle follows.
_SILENT = (False, False)
#: A particle pair's ending by [the word is 무엇][the word's final sound].
_Endings: TypeAlias = "tuple[dict[tuple[bool, bool], str], dict[tuple[bool, bool], str]]"
#: A compiled Korean reading's piece: (text before, placeholder, the endings of its particle).
_Piece: TypeAlias = "tuple[str, str, _Endings]"


@lru_cache(maxsize=65536)
def _final_sound(word: str) -> tuple[bool, bool]:
    """(ends in a consonant, that consonant is ㄹ) for the last readable character.

    A closing parenthetical is an aside the particle skips, as Korean writes
    it: "계층 3(네트워크)이" follows 3, not 크.
    """
    word = re.sub(r"(?<=\S)\s*\([^()]*\)$", "", word.rstrip())
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
    >>> particle("계층 3(네트워크)", "이/가"), particle("임시(수임할 때 발급)", "이/가")
    ('계층 3(네트워크)가', '임시(수임할 때 발급)가')
    """
    return word + _ending(pair, _final_sound(reading_ko or word))


def _ending(pair: str, sound: tuple[bool, bool]) -> str:
    """The form of a particle pair after a word with this final sound."""
    batchim, rieul = sound
    if pair == "(으)로":
        return "으로" if batchim and not rieul else "로"
    with_final, without = pair.split("/")
    return with_final if batchim else without


class Word(NamedTuple):
    """A word a sentence places: its text, and the final sound its particles follow."""

    text: str
    sound: tuple[bool, bool]


def word(text: str, reading_ko: str = "") -> Word:
    """``text`` as a sentence places it, read as ``reading_ko`` says (else as written)."""
    return Word(text, _final_sound(reading_ko or text))


def node_word(kg: KnowledgeGraph, node: str, lang: str) -> Word:
    """A concept's label in ``lang`` as a sentence places it.

    English readings choose no particle, so only a Korean label's sound is worked out.
    """
    text = kg.label(node, lang)
    return word(text, reading(kg, node)) if lang == "ko" else Word(text, _SILENT)


def reading(kg: KnowledgeGraph, node: str) -> str:
    """How ``node``'s Korean label is read aloud, where it says ("" otherwise)."""
    return str(kg.node(node).get("reading_ko", ""))


class Phrase:
    """A relation's reading in one language, ready to place any subject and object.

    This one reads "subject words object": English, and a Korean page's reading
    of a relation that has no Korean one. :class:`KoreanPhrase` fills a template.
    """

    __slots__ = ("lang", "words")

    def __init__(self, lang: str, words: str) -> None:
        self.lang = lang
        self.words = words

    def parts(self, subject: Word, obj: Word) -> tuple[str, str, str]:
        """The sentence split around the object's label: (text, object, text)."""
        return f"{subject.text} {self.words} ", obj.text, ""

    def predicate(self, obj: Word, subject: Word | None = None) -> str:
        """What the sentence says after its :meth:`opening` (see :func:`predicate`)."""
        if self.lang != "ko":
            return (f" {self.words} " + obj.text).lstrip()
        return self._subjectless(obj, subject)

    def opening(self, subject: Word) -> str:
        """Where the sentence's :meth:`parts` begin with what its :meth:`predicate` leaves out.

        The sentence is this opening followed by the predicate ("ECS " and
        "uses ECR"), so a page can say the predicate from the parts it has. An
        English reading opens with its subject; a Korean page's reading of a
        relation with no Korean reading is said whole (the opening is empty).
        """
        return "" if self.lang == "ko" else subject.text + " "

    def arrow(self, subject: Word, parts: tuple[str, str, str]) -> str:
        """The label of the fact's arrow, given its :meth:`parts` (see :func:`edge_label`)."""
        return self.words

    def _subjectless(self, obj: Word, subject: Word | None) -> str:
        """The Korean predicate: the sentence without its :meth:`opening` topic, else the whole sentence.

        A reading that does not open with its subject as the topic
        (``{s}은/는 …``) cannot drop it without changing who does what, so it
        is said whole, about ``subject``: never about a stand-in word.
        """
        if subject is None:
            if not self.opening(_MARKER):
                raise ValueError("this Korean reading does not open with its subject: say which concept it is about")
            subject = _MARKER
        return "".join(self.parts(subject, obj))[len(self.opening(subject)) :]


class KoreanPhrase(Phrase):
    """A Korean reading compiled once: placing a word costs a table look-up, not a particle rule.

    ``pieces`` are (text before, placeholder, the particle's form by final
    sound). Nearly every reading places its subject, then its object, once
    each; for that shape the pieces are also kept flat (``simple``), and what a
    predicate says before its object (``lead``) is worked out once, since the
    reading's own text decides whether it opens with the subject.
    """

    __slots__ = ("lead", "opens", "pieces", "simple")

    def __init__(self, pieces: tuple[_Piece, ...]) -> None:
        super().__init__("ko", "")
        self.pieces = pieces
        self.simple: tuple[str, _Endings, str, _Endings, str] | None = None
        self.lead: str | None = None
        # whether the reading opens with its subject as the topic ({s}은/는 …), whatever the words placed
        self.opens = _OPENING.match("".join(self.parts(_MARKER, _UNSEEN))) is not None
        if [slot for _, slot, _ in pieces] == ["s", "o", ""]:
            (first, _, subject_endings), (middle, _, object_endings), (last, _, _) = pieces
            self.simple = (first, subject_endings, middle, object_endings, last)
            before = self.parts(_MARKER, _UNSEEN)[0]
            if _OPENING.match(before):
                said = self._subjectless(_UNSEEN, None)
                self.lead = said[: said.index(_UNSEEN.text)]

    def parts(self, subject: Word, obj: Word) -> tuple[str, str, str]:
        # a question's subject takes 이/가: 무엇이 ..., never 무엇은 (the endings' first index)
        if self.simple is not None:
            first, subject_endings, middle, object_endings, last = self.simple
            return (
                first + subject.text + subject_endings[subject.text == WHAT_KO][subject.sound] + middle,
                obj.text,
                object_endings[obj.text == WHAT_KO][obj.sound] + last,
            )
        out = [""]
        for before, slot, endings in self.pieces:
            out[-1] += before
            if not slot:
                continue
            placed = subject if slot == "s" else obj
            ending = endings[placed.text == WHAT_KO][placed.sound]
            if slot == "o" and len(out) == 1:
                out += [placed.text, ending]
            else:
                out[-1] += placed.text + ending
        if len(out) == 1:
            return out[0], "", ""
        return out[0], out[1], out[2]

    def predicate(self, obj: Word, subject: Word | None = None) -> str:
        if self.lead is None or self.simple is None:
            return self._subjectless(obj, subject)
        return self.lead + obj.text + self.simple[3][obj.text == WHAT_KO][obj.sound] + self.simple[4]

    def opening(self, subject: Word) -> str:
        """The subject with its particle and the space after it, when the reading opens with them, else ""."""
        if not self.opens:
            return ""
        return subject.text + self.pieces[0][2][subject.text == WHAT_KO][subject.sound] + " "

    def arrow(self, subject: Word, parts: tuple[str, str, str]) -> str:
        before, label, after = parts
        if before == subject.text + _ending("은/는", subject.sound) + " ":
            return after  # the usual "{s}은/는 {o}..." reading: the arrow stands for both ends
        return before + label + after


def phrase(kg: KnowledgeGraph, relation: str, lang: str, inverse: bool = False) -> Phrase:
    """How ``relation`` reads in ``lang`` (the inverse reading, from the object's side, with ``inverse``)."""
    record = kg.relations[relation]
    korean = record.inverse_label_ko if inverse else record.label_ko
    if lang == "ko" and korean:
        return _korean(korean)
    return Phrase(lang, record.inverse_label if inverse else record.label)


@lru_cache(maxsize=4096)
def _korean(text: str) -> KoreanPhrase:
    """A Korean reading compiled to pieces: (text before, placeholder, the pair's endings).

    The older short form ``을/를 사용한다`` means ``{s}은/는 {o}을/를 사용한다``.
    """
    if "{s}" not in text and "{o}" not in text:
        legacy = _LEGACY_PAIR.match(text)
        text = "{s}은/는 {o}" + (legacy.group(1) + text[legacy.end() :] if legacy else text)
    pieces = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        pair = match.group(2) or ""
        question = "이/가" if pair == "은/는" else pair
        endings = (_endings(pair), _endings(question))
        pieces.append((text[position : match.start()], match.group(1), endings))
        position = match.end()
    pieces.append((text[position:], "", (_endings(""), _endings(""))))
    return KoreanPhrase(tuple(pieces))


def _endings(pair: str) -> dict[tuple[bool, bool], str]:
    """A particle pair's form after each final sound ("" for no pair)."""
    return {sound: _ending(pair, sound) if pair else "" for sound in _SOUNDS}


#: A marker standing for the subject, to find where a Korean subject's particle ends:
#: a reading that opens with its subject (``{s}은/는 …``) can leave it out.
_MARKER = word("\x00")
_OPENING = re.compile("^\x00[은는이가] ")
#: An object no label can be (labels hold no control characters), to find where a predicate places it.
_UNSEEN = Word("\x01", _SILENT)


def relation_label(kg: KnowledgeGraph, relation: str, lang: str = "en", inverse: bool = False) -> str:
    """A relation's reading standing alone: ``runs on``; in Korean, a whole sentence over A and B.

    >>> import awskg
    >>> kg = awskg.load()
    >>> relation_label(kg, "is-a", "ko", inverse=True), relation_label(kg, "uses", "ko")
    ('A는 B를 하위 종류로 가진다', 'A는 B를 사용한다')
    """
    said = phrase(kg, relation, lang, inverse)
    if isinstance(said, KoreanPhrase):
        return "".join(said.parts(word("A"), word("B")))
    return said.words


def heading(kg: KnowledgeGraph, relation: str, lang: str, inverse: bool = False) -> str:
    """The relation's short name for what a fact points to, from the source (or, ``inverse``, the target); "" if none.

    Only Korean has one (relations.csv ``heading_ko``): English readings are
    already short verbs that sit between their two ends.

    >>> import awskg
    >>> kg = awskg.load()
    >>> heading(kg, "manages", "ko"), heading(kg, "manages", "ko", inverse=True), heading(kg, "manages", "en")
    ('관리 대상', '관리 주체', '')
    """
    record = kg.relations[relation]
    return (record.inverse_heading_ko if inverse else record.heading_ko) if lang == "ko" else ""


def relation_heading(kg: KnowledgeGraph, relation: str, lang: str = "en", inverse: bool = False) -> str:
    """The title over a concept's facts of one relation: its :func:`heading`, else :func:`relation_label`.

    >>> import awskg
    >>> kg = awskg.load()
    >>> relation_heading(kg, "uses", "ko", inverse=True), relation_heading(kg, "uses", "en", inverse=True)
    ('사용 주체', 'is used by')
    """
    return heading(kg, relation, lang, inverse) or relation_label(kg, relation, lang, inverse)


def sentence(
    kg: KnowledgeGraph,
    source: str,
    relation: str,
    target: str,
    lang: str = "en",
    inverse: bool = False,
    *,
    object_label: str | None = None,
    object_reading: str = "",
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
    >>> sentence(kg, "alb", "is-a", "elb", "ko", inverse=True), sentence(kg, "s3", "triggers", "lambda", "ko", True)
    ('ELB는 ALB를 하위 종류로 가진다', 'Lambda는 S3에 의해 트리거된다')
    """
    parts = sentence_parts(
        kg, source, relation, target, lang, inverse, object_label=object_label, object_reading=object_reading
    )
    return "".join(parts)


def sentence_parts(
    kg: KnowledgeGraph,
    source: str,
    relation: str,
    target: str,
    lang: str = "en",
    inverse: bool = False,
    subject_label: str | None = None,
    object_label: str | None = None,
    object_reading: str = "",
) -> tuple[str, str, str]:
    """A sentence split around the object's label, so a page can make it a link.

    ``subject_label`` and ``object_label`` replace the labels (a list of
    several concepts, the blank of a question); ``object_reading`` says how the end
    of ``object_label`` is read, as a list's particle follows its last concept.

    >>> import awskg
    >>> kg = awskg.load()
    >>> sentence_parts(kg, "alb", "is-a", "elb", "ko")
    ('ALB는 ', 'ELB', '의 한 종류이다')
    >>> sentence_parts(kg, "alb", "is-a", "elb", inverse=True)
    ('ELB has the subtype ', 'ALB', '')
    """
    subject, obj = (target, source) if inverse else (source, target)
    return phrase(kg, relation, lang, inverse).parts(
        _placed(kg, subject, lang, subject_label), _placed(kg, obj, lang, object_label, object_reading)
    )


def _placed(kg: KnowledgeGraph, node: str, lang: str, label: str | None, reading_ko: str = "") -> Word:
    """The word standing for ``node``: its label, or ``label`` in its place (read as ``reading_ko``, else as written)."""
    if label is None:
        return node_word(kg, node, lang)
    return word(label, reading_ko) if lang == "ko" else Word(label, _SILENT)


def predicate(
    kg: KnowledgeGraph, relation: str, obj: str, lang: str = "en", inverse: bool = False, *, about: str | None = None
) -> str:
    """What a sentence says after its subject: ``runs on Fargate``, ``Fargate에서 실행된다``.

    This is how compare lists a concept's facts under its name, so the
    subject left out must be the topic: every built-in Korean reading opens
    with ``{s}은/는``. An author's reading that does not is said whole, about
    the concept ``about`` (which it then needs: a :class:`ValueError` without it).

    >>> import awskg
    >>> kg = awskg.load()
    >>> predicate(kg, "uses", "ecr", "ko"), predicate(kg, "is-a", "alb", "ko", inverse=True)
    ('ECR을 사용한다', 'ALB를 하위 종류로 가진다')
    >>> predicate(kg, "uses", "ecs", "ko", inverse=True), predicate(kg, "points-to", "alias-record", "ko", inverse=True)
    ('ECS에서 사용된다', '별칭 레코드가 가리키는 대상이다')
    """
    subject = None if about is None else node_word(kg, about, lang)
    return phrase(kg, relation, lang, inverse).predicate(node_word(kg, obj, lang), subject)


def edge_label(
    kg: KnowledgeGraph,
    source: str,
    relation: str,
    target: str,
    lang: str = "en",
    parts: tuple[str, str, str] | None = None,
) -> str:
    """The label of an arrow from ``source`` to ``target`` in a diagram: its :func:`heading`, else the reading after the object.

    In Korean the particle is then chosen for the arrow's own target. ``parts``, when
    the caller already has the fact's :func:`sentence_parts`, saves rendering it again.

    >>> import awskg
    >>> kg = awskg.load()
    >>> edge_label(kg, "alb", "is-a", "elb"), edge_label(kg, "alb", "is-a", "elb", "ko")
    ('is a type of', '상위 종류')
    """
    title = heading(kg, relation, lang)
    if title:
        return title
    return phrase(kg, relation, lang).arrow(
        node_word(kg, source, lang), parts or sentence_parts(kg, source, relation, target, lang)
    )


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


def choice_stem(kg: KnowledgeGraph, source: str, relation: str, target: str, *, blank_target: bool) -> str:
    """A Korean multiple-choice question on a fact, one end left out, in the one form "다음 중 … 것은?".

    The concept asked for is the subject of the reading that opens with it
    (the inverse reading when the target is asked for), so the question reads
    as the fact does: "ECS uses ___" asks "다음 중 ECS에서 사용되는 것은?".
    A reading that does not open with its subject is asked as a plain question.

    >>> import awskg
    >>> kg = awskg.load()
    >>> choice_stem(kg, "ecs", "uses", "fargate", blank_target=True)
    '다음 중 ECS에서 사용되는 것은?'
    >>> choice_stem(kg, "ecs", "uses", "fargate", blank_target=False)
    '다음 중 Fargate를 사용하는 것은?'
    >>> choice_stem(kg, "alb", "is-a", "elb", blank_target=False), choice_stem(kg, "s3", "example-of", "storage", blank_target=True)
    ('다음 중 ELB의 한 종류인 것은?', '다음 중 S3를 예로 들 수 있는 것은?')
    """
    known = source if blank_target else target
    said = phrase(kg, relation, "ko", inverse=blank_target)
    text = "".join(said.parts(_MARKER, node_word(kg, known, "ko")))
    opening = _OPENING.match(text)
    modifier = _modifier(text[opening.end() :]) if opening else None
    if modifier is not None:
        return f"다음 중 {modifier} 것은?"
    if blank_target:
        return ask_form("".join(sentence_parts(kg, source, relation, target, "ko", object_label=WHAT_KO)))
    return ask_form("".join(sentence_parts(kg, source, relation, target, "ko", subject_label=WHAT_KO)))


def _modifier(predicate: str) -> str | None:
    """A predicate turned to modify a noun: ``사용한다`` → ``사용하는``, ``예이다`` → ``예인`` (None if it cannot).

    >>> _modifier("Fargate에서 실행된다"), _modifier("ELB의 한 종류이다"), _modifier("ALB를 하위 종류로 가진다")
    ('Fargate에서 실행되는', 'ELB의 한 종류인', 'ALB를 하위 종류로 가지는')
    >>> _modifier("S3를 예로 들 수 있다"), _modifier("EKS의 관리를 받는다"), _modifier("좋다")
    ('S3를 예로 들 수 있는', 'EKS의 관리를 받는', None)
    """
    if predicate.endswith("이다"):
        return predicate[:-2] + "인"
    if predicate.endswith(("는다", "있다", "없다")):
        return predicate[:-1] + ("" if predicate.endswith("는다") else "는")
    if predicate.endswith("다") and len(predicate) > 1:
        code = ord(predicate[-2]) - 0xAC00
        if 0 <= code < 11172 and code % 28 == 4:  # a syllable ending in ㄴ: 한다, 된다, 진다
            return predicate[:-2] + chr(ord(predicate[-2]) - 4) + "는"
    return None
