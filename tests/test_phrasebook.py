"""Compiled readings say exactly what reading the template particle by particle says.

A page takes its sentences from :class:`~awskg.explorer.phrasebook.Phrasebook`
and the CLI from :mod:`awskg.explorer.sentences`; the page's relate and
compare must print what the CLI prints, so both are held to the same text, and
the compiled Korean readings to a plain reading of their template.
"""

from __future__ import annotations

import re

import pytest

from awskg.explorer.phrasebook import FactText, Phrasebook
from awskg.explorer.sentences import (
    WHAT_KO,
    _korean,
    edge_label,
    particle,
    phrase,
    predicate,
    sentence_parts,
    word,
)

#: Readings of every shape: object first, subject twice, no object, no subject,
#: the older short form, a legacy form with no pair, and subject and object side by side.
ODD_READINGS = (
    "{o}을/를 {s}이/가 사용한다",
    "{s}은/는 {o}과/와 {s}의 관계이다",
    "{s}은/는 혼자 선다",
    "{o}(으)로 간다",
    "을/를 사용한다",
    "에 속한다",
    "{s}{o}이/가 있다",
    "{s}은/는{o}를 쓴다",
    "앞에서 {s}이/가 {o}을/를 부른다",
)
#: Words that choose every form of a particle: a vowel, a consonant, ㄹ, Latin letters and
#: digits read in English, a reading that decides, and 무엇, which a question's subject is.
WORDS = (("리전", ""), ("서울", ""), ("S3", ""), ("IAM", ""), ("Route 53", "라우트 오십삼"), ("EC2", ""), (WHAT_KO, ""))


def read_by_template(template: str, subject: tuple[str, str], obj: tuple[str, str]) -> tuple[str, str, str]:
    """The reading filled in order, each particle chosen by :func:`particle` (the reference)."""
    if "{s}" not in template and "{o}" not in template:
        legacy = re.match(r"^(\(으\)로|[가-힣]/[가-힣])", template)
        template = "{s}은/는 {o}" + (legacy.group(1) + template[legacy.end() :] if legacy else template)
    out = [""]
    position = 0
    for match in re.finditer(r"\{([so])\}(\(으\)로|[가-힣]/[가-힣])?", template):
        out[-1] += template[position : match.start()]
        position = match.end()
        text, read = subject if match.group(1) == "s" else obj
        pair = match.group(2) or ""
        if text == WHAT_KO and pair == "은/는":
            pair = "이/가"
        ending = particle(text, pair, read)[len(text) :] if pair else ""
        if match.group(1) == "o" and len(out) == 1:
            out += [text, ending]
        else:
            out[-1] += text + ending
    out[-1] += template[position:]
    before, label, after = [*out, "", ""][:3]
    return before, label, after


def predicate_by_template(template: str, obj: tuple[str, str], subject: tuple[str, str]) -> str:
    """What the reading says after an opening subject, else the whole sentence about ``subject`` (the reference)."""
    text = "".join(read_by_template(template, subject, obj))
    if re.match("^\x00[은는이가] ", "".join(read_by_template(template, ("\x00", ""), obj))):
        return text[re.match(re.escape(subject[0]) + "[은는이가] ", text).end() :]
    return text


def korean_readings(kg) -> list[str]:
    readings = {r.label_ko for r in kg.relations.values()} | {r.inverse_label_ko for r in kg.relations.values()}
    return sorted(readings - {""}) + list(ODD_READINGS)


def test_compiled_readings_match_the_template(kg):
    for template in korean_readings(kg):
        compiled = _korean(template)
        for subject in WORDS:
            for obj in WORDS:
                assert compiled.parts(word(*subject), word(*obj)) == read_by_template(template, subject, obj), (
                    template,
                    subject,
                    obj,
                )
            for about in WORDS:
                said = compiled.predicate(word(*subject), word(*about))
                assert said == predicate_by_template(template, subject, about), (template, subject, about)


def test_a_sentence_is_its_opening_then_its_predicate(kg):
    """The page says a fact's predicate from its sentence's parts: the parts less the phrase's opening."""
    phrases = [_korean(t) for t in korean_readings(kg)]
    phrases += [
        phrase(kg, r, lang, inverse) for r in kg.relations for lang in ("en", "ko") for inverse in (False, True)
    ]
    for said in phrases:
        for subject in WORDS:
            for obj in WORDS:
                placed = word(*subject), word(*obj)
                parts, opening = said.parts(*placed), said.opening(placed[0])
                assert parts[0].startswith(opening), (said.words, subject, obj)
                assert "".join(parts)[len(opening) :] == said.predicate(placed[1], placed[0]), (said.words, subject)
    # a reading that names its subject twice: the predicate says the subject, never a stand-in for it
    assert _korean("{s}은/는 {o}과/와 {s}의 관계이다").predicate(word("ECR"), word("ECS")) == "ECR과 ECS의 관계이다"


def test_most_readings_take_the_flat_shape(kg):
    """The flat shape and the worked-out predicate are what the page uses: the built-in readings all take them."""
    builtin = set(korean_readings(kg)) - set(ODD_READINGS)
    assert all(_korean(t).simple is not None and _korean(t).lead is not None for t in builtin)
    # subject and object side by side: whether the reading opens with its subject depends on the object
    assert _korean("{s}{o}이/가 있다").lead is None


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_phrasebook_says_what_the_sentence_functions_say(kg, lang):
    book = Phrasebook(kg)
    nodes = sorted(kg.graph)
    facts = [(s, r, t) for s, t, r in kg.graph.edges(keys=True)]
    # every relation between every concept and the next, so each label is subject and object of each reading
    facts += [(s, r, t) for r in sorted(kg.relations) for s, t in zip(nodes, nodes[1:] + nodes[:1], strict=True)]
    for source, relation, target in facts:
        assert book.fact(source, relation, target, lang) == FactText(
            sentence_parts(kg, source, relation, target, lang),
            sentence_parts(kg, source, relation, target, lang, inverse=True),
            edge_label(kg, source, relation, target, lang),
            predicate(kg, relation, target, lang, about=source),
            predicate(kg, relation, source, lang, inverse=True, about=target),
        ), (source, relation, target)


def test_a_reading_that_does_not_open_with_its_subject_is_said_whole_never_about_a_stand_in():
    """Leaving out a subject that is not the topic would change who does what ("Y가 사용한다")."""
    compiled = _korean("{o}을/를 {s}이/가 사용한다")
    assert compiled.predicate(word("ECR"), word("ECS")) == "ECR을 ECS가 사용한다"
    with pytest.raises(ValueError, match="does not open with its subject"):
        compiled.predicate(word("ECR"))
    assert _korean("{s}의 예로는 {o}이/가 있다").predicate(word("EC2"), word("IaaS")) == "IaaS의 예로는 EC2가 있다"


def test_every_builtin_reading_opens_with_its_subject_as_the_topic(kg):
    """So compare, the page and neighbors can leave the subject out and the concept stays the topic."""
    for record in kg.relations.values():
        for template in (record.label_ko, record.inverse_label_ko):
            assert template.startswith("{s}은/는 "), (record.name, template)
