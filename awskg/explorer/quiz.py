"""Self-tests generated from the graph: multiple choice with exactly one right answer.

The graph is not complete, so a fact missing from it is no evidence that the
fact is false. A wrong option is offered only where the graph holds *positive
evidence* that it is wrong, and each question carries that evidence:

``exclusive``
    "Which of these is stateless?": the option states another value of a
    dimension that takes one value only (a security group is stateful).
``complete``
    "Which of these works at layer 4?": the option states its values on a
    dimension whose stated values are all its values (ALB: layer 7 only).
``closed``
    "Route 53 provides ___": a completeness mark (complete.csv) says the
    facts of that relation at that concept are all there are, and the option
    is not among them, not even through a chain of a ``transitive`` relation.

Where no such evidence exists, the question is not asked. :func:`candidates`
enumerates every question the generator can make, with every option it may
draw; :func:`questions` draws a seeded sample of them.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from awskg.explorer.arguments import checked_lang, in_range
from awskg.explorer.evidence import closed_sides
from awskg.explorer.record import Record
from awskg.explorer.sentences import choice_stem, heading, particle, reading, sentence, sentence_parts
from awskg.explorer.tours import find_tour
from awskg.graph.model import KnowledgeGraph
from awskg.graph.vocabulary import Property

__all__ = ["BLANK", "Candidate", "Question", "Wrong", "candidates", "questions", "why_wrong"]

BLANK = "___"
OPTIONS = 4
#: A blank in a fact needs at least this many wrong options, or one guess in two is a coin toss.
MIN_WRONG_FACT = 2


class Wrong(Mapping[str, dict[str, Any]]):
    """A candidate's evidenced wrong options (option -> evidence), listed as far as they are read.

    Every question a pack can ask is a candidate, but a quiz asks a few. One
    completeness mark's wrong options are most of a kind, so listing them for
    every candidate made a quiz of five cost the pack's size times its marks.
    A candidate holds them as a stream read once: :meth:`at_least` reads only
    as many as it asks about, and the whole list is read when it is first used.
    """

    __slots__ = ("_read", "_rest")

    def __init__(self, options: Iterable[tuple[str, dict[str, Any]]]) -> None:
        self._rest: Iterator[tuple[str, dict[str, Any]]] | None = iter(options)
        self._read: dict[str, dict[str, Any]] = {}

    def _all(self) -> dict[str, dict[str, Any]]:
        if self._rest is not None:
            self._read.update(self._rest)
            self._rest = None
        return self._read

    def __getitem__(self, option: str) -> dict[str, Any]:
        return self._all()[option]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def at_least(self, count: int) -> bool:
        """Whether there are ``count`` options or more, reading no further than that."""
        while self._rest is not None and len(self._read) < count:
            read = next(self._rest, None)
            if read is None:
                self._rest = None
            else:
                self._read[read[0]] = read[1]
        return len(self._read) >= count


@dataclass(frozen=True)
class Candidate:
    """A question before its options are drawn: the answer and every wrong option with its evidence.

    ``edge`` is the fact asked about (empty for a property question) and
    ``property`` the dimension and value asked about; ``wrong`` maps each
    option the graph proves wrong to that proof, listed when first read.
    """

    question: str
    answer: str
    explanation: str
    source_ref: str
    edge: dict[str, str]
    property: dict[str, str]
    wrong: Mapping[str, dict[str, Any]] = field(repr=False)


@dataclass(frozen=True)
class Question(Record):
    """The ``quiz --json`` contract: options are ids and labels; ``answer`` is an id.

    ``edge`` is the fact asked about (empty for a property question) and
    ``property`` the dimension and value asked about (empty for a fact
    question); ``evidence`` says, for each wrong option, why it is wrong.
    """

    question: str
    options: list[dict[str, str]]
    answer: str
    explanation: str
    source_ref: str
    edge: dict[str, str]
    property: dict[str, str] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)


def questions(
    kg: KnowledgeGraph,
    *,
    count: int = 5,
    kind: str | None = None,
    tour: str | None = None,
    seed: int | None = None,
    lang: str = "en",
    within: Collection[str] | None = None,
    distinct: bool = True,
) -> list[Question]:
    """Up to ``count`` questions, the same for a given ``seed`` in either language, none asked twice.

    A set of ``count`` questions is the start of the set of more with the same
    seed; when fewer different questions are left, fewer are asked.

    ``kind`` keeps questions whose answer is of that kind; ``tour`` keeps those
    about one of the tour's stops; ``within`` keeps those whose concepts (the
    answer, the fact's ends, the options) are all among these (a map's slice).
    ``distinct=False`` keeps a question once per right answer (a deck of every card).

    >>> import awskg
    >>> kg = awskg.load()
    >>> q = questions(kg, count=1, seed=3)[0]
    >>> q.answer in [o["id"] for o in q.options] and 2 <= len(q.options) <= 4
    True
    >>> [o["id"] for o in q.options] == [o["id"] for o in questions(kg, count=1, seed=3, lang="ko")[0].options]
    True
    """
    in_range("count", count, 1, sys.maxsize)
    checked_lang(lang)
    if kind:
        kg.check_kind(kind)
    if tour:
        tour = find_tour(kg, tour)  # its name or its title in either language
    stops = {stop["node"] for stop in kg.tours[tour]} if tour else None
    pool = [
        c
        for c in candidates(kg, lang, within)
        if (kind is None or kg.node(c.answer)["kind"] == kind)
        and (stops is None or c.answer in stops or c.edge.get("source") in stops or c.edge.get("target") in stops)
    ]
    rng = random.Random(seed)
    rng.shuffle(pool)
    chosen: list[Question] = []
    asked: set[tuple[str, ...]] = set()
    for candidate in pool:
        if len(chosen) == count:
            break
        if distinct and _asks(candidate) in asked:
            continue  # the same question with another right answer: never twice in a set
        asked.add(_asks(candidate))
        chosen.append(_question(kg, candidate, rng, lang))
    return chosen


def _question(kg: KnowledgeGraph, candidate: Candidate, rng: random.Random, lang: str) -> Question:
    """The candidate with its options drawn and shuffled, each wrong one with its evidence and why."""
    wrong = _draw(kg, candidate, rng)
    options = [candidate.answer, *wrong]
    rng.shuffle(options)
    return Question(
        question=candidate.question,
        options=[{"id": o, "label": kg.label(o, lang)} for o in options],
        answer=candidate.answer,
        explanation=candidate.explanation,
        source_ref=candidate.source_ref,
        edge=candidate.edge,
        property=candidate.property,
        evidence=[{"option": o, **candidate.wrong[o], "why": why_wrong(kg, candidate, o, lang)} for o in wrong],
    )


def _asks(candidate: Candidate) -> tuple[str, ...]:
    """What a question asks, whatever its answer: the fact with the answer's end blank, or the property.

    Several concepts may answer one question ("___ is a characteristic of
    cloud computing"); a set asks it once. The key does not depend on the
    language, so a seed draws the same set in both.
    """
    if candidate.edge:
        ends = tuple(
            "" if candidate.edge[end] == candidate.answer else candidate.edge[end] for end in ("source", "target")
        )
        return ("edge", candidate.edge["relation"], *ends)
    return ("property", *(f"{k}={v}" for k, v in sorted(candidate.property.items())))


def _draw(kg: KnowledgeGraph, candidate: Candidate, rng: random.Random) -> list[str]:
    """Up to three wrong options, of the answer's kind first: like options make a fair question."""
    kind = kg.node(candidate.answer)["kind"]
    alike = sorted(o for o in candidate.wrong if kg.node(o)["kind"] == kind)
    others = sorted(o for o in candidate.wrong if kg.node(o)["kind"] != kind)
    picked = rng.sample(alike, min(OPTIONS - 1, len(alike)))
    return picked + rng.sample(others, min(OPTIONS - 1 - len(picked), len(others)))


def candidates(kg: KnowledgeGraph, lang: str = "en", within: Collection[str] | None = None) -> list[Candidate]:
    """Every question the generator can ask, in a fixed order, with all its evidenced wrong options.

    The order and the options do not depend on ``lang``, so one seed draws
    the same questions in English and Korean. ``within`` keeps the questions
    whose concepts are all among these, and is the only part of the pack
    looked at: a slice of twelve concepts costs what twelve concepts cost.

    >>> import awskg
    >>> pool = candidates(awskg.load())
    >>> all(c.wrong and c.answer not in c.wrong for c in pool)
    True
    >>> inside = {"alb", "nlb", "gwlb", "clb", "elb"}
    >>> all({c.answer, *c.wrong} <= inside for c in candidates(awskg.load(), within=inside))
    True
    """
    shown = None if within is None else frozenset(within)
    found = list(_property_candidates(kg, lang, shown)) + list(_fact_candidates(kg, lang, shown))
    return sorted(found, key=lambda c: (sorted(c.edge.items()), sorted(c.property.items()), c.answer))


def _property_candidates(kg: KnowledgeGraph, lang: str, within: Collection[str] | None) -> Iterator[Candidate]:
    """ "Which of these has <dimension>: <value>?" for dimensions whose values rule others out."""
    stated: dict[str, dict[str, list[Property]]] = {}  # dimension -> node -> its properties there
    nodes = kg.properties if within is None else [n for n in sorted(within) if n in kg.properties]
    for node in nodes:
        for prop in kg.properties[node]:
            stated.setdefault(prop.dimension, {}).setdefault(node, []).append(prop)
    for dimension, by_node in stated.items():
        record = kg.dimensions[dimension]
        rule = "exclusive" if record.has("exclusive") else "complete" if record.has("complete") else ""
        if not rule:
            continue
        holders_of: dict[str, set[str]] = {}
        for node, props in by_node.items():
            for prop in props:
                holders_of.setdefault(prop.value, set()).add(node)
        for value, holders in sorted(holders_of.items()):
            if len(holders) == len(by_node):
                continue  # no concept states another value: nothing is evidently wrong
            wrong = Wrong(_stated_wrong(by_node, holders, rule, dimension))
            for answer in sorted(holders):
                if _gives_away(kg.label(answer), kg.value_label(dimension, value)):
                    continue  # "Which is part of the control plane? EKS control plane" asks nothing
                prop = next(p for p in by_node[answer] if p.value == value)
                yield Candidate(
                    question=_property_stem(kg, dimension, value, lang),
                    answer=answer,
                    explanation=_property_sentence(kg, answer, dimension, value, lang),
                    source_ref=prop.source_ref,
                    edge={},
                    property={"dimension": dimension, "value": value},
                    wrong=wrong,
                )


def _fact_candidates(kg: KnowledgeGraph, lang: str, within: Collection[str] | None) -> Iterator[Candidate]:
    """A blank in a fact whose side is closed by a completeness mark.

    One mark's wrong options are the same for every fact it closes, so they are
    worked out once per mark and answer kind: a hub of N facts costs N.
    """
    inside = (lambda _: True) if within is None else within.__contains__
    sides = closed_sides(kg, [key for key in kg.complete if inside(key[0])])
    symmetric = kg.relations_with("symmetric")
    by_kind = _by_kind(kg, within)
    for (node, relation, direction), held in sides.items():
        outward = direction == "out"
        evidence = {"rule": "closed", "node": node, "relation": relation, "direction": direction}
        direct = [e for e in kg.out_edges(node) if e.relation == relation and (outward or relation in symmetric)]
        direct += [e for e in kg.in_edges(node) if e.relation == relation and (not outward or relation in symmetric)]
        direct = [e for e in direct if inside(e.source) and inside(e.target)]
        wrong_of_kind: dict[str, Wrong] = {}
        for edge in sorted(direct, key=lambda e: (e.source, e.target)):
            blank_target = edge.source == node
            answer = edge.target if blank_target else edge.source
            answer_kind = kg.node(answer)["kind"]
            if answer_kind not in wrong_of_kind:
                wrong_of_kind[answer_kind] = Wrong(
                    _closed_wrong(kg, node, answer_kind, by_kind, inside, held, evidence)
                )
            wrong = wrong_of_kind[answer_kind]
            if not wrong.at_least(MIN_WRONG_FACT):
                continue
            yield Candidate(
                question=_fact_stem(kg, edge.source, relation, edge.target, blank_target=blank_target, lang=lang),
                answer=answer,
                explanation=sentence(kg, edge.source, relation, edge.target, lang),
                source_ref=edge.source_ref,
                edge={"source": edge.source, "relation": relation, "target": edge.target},
                property={},
                wrong=wrong,
            )


def _stated_wrong(
    by_node: dict[str, list[Property]], holders: Collection[str], rule: str, dimension: str
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The concepts stating other values of an ``exclusive`` or ``complete`` dimension, each with its values."""
    for node, props in by_node.items():
        if node not in holders:
            yield node, {"rule": rule, "dimension": dimension, "values": sorted(p.value for p in props)}


def _closed_wrong(
    kg: KnowledgeGraph,
    node: str,
    kind: str,
    by_kind: dict[str, list[str]],
    inside: Callable[[str], bool],
    held: Collection[str],
    evidence: dict[str, Any],
) -> Iterator[tuple[str, dict[str, Any]]]:
    """A mark's wrong options for an answer of ``kind``: that kind, and what ``node`` touches otherwise.

    Outside the mark's closed side, ``held``; in the pack's order (the draw sorts what it picks from).
    """
    for option in by_kind.get(kind, ()):
        if option not in held and option != node:
            yield option, evidence
    for option in sorted(n for n in kg.neighbors(node) if inside(n) and kg.kind(n) != kind):
        if option not in held:  # read only once the kind's own options are all read
            yield option, evidence


def _by_kind(kg: KnowledgeGraph, within: Collection[str] | None) -> dict[str, list[str]]:
    """The concepts of each kind, among ``within`` when given."""
    found: dict[str, list[str]] = {}
    for node in kg.node_ids() if within is None else sorted(within):
        found.setdefault(kg.kind(node), []).append(node)
    return found


def _gives_away(answer_label: str, value_label: str) -> bool:
    """Whether the answer's own name already says the value asked about.

    >>> _gives_away("EKS control plane", "Control plane"), _gives_away("NLB", "Layer 4 (transport)")
    (True, False)
    """
    return value_label.casefold() in answer_label.casefold()


def _fact_stem(kg: KnowledgeGraph, source: str, relation: str, target: str, *, blank_target: bool, lang: str) -> str:
    if lang == "ko":
        return choice_stem(kg, source, relation, target, blank_target=blank_target)
    word = BLANK
    if blank_target:
        text = "".join(sentence_parts(kg, source, relation, target, lang, object_label=word))
    else:
        text = "".join(sentence_parts(kg, source, relation, target, lang, subject_label=word))
    return text + "."


def _property_stem(kg: KnowledgeGraph, dimension: str, value: str, lang: str) -> str:
    record = kg.values[(dimension, value)]
    own = (record.question_ko or record.question) if lang == "ko" else record.question
    if own:
        return own
    dimension_label, value_label = kg.dimension_label(dimension, lang), kg.value_label(dimension, value, lang)
    if lang == "ko":
        return f"다음 중 {particle(dimension_label, '이/가')} {value_label}인 것은?"
    return f"Which of these has {dimension_label[:1].lower() + dimension_label[1:]}: {value_label}?"


def _property_sentence(kg: KnowledgeGraph, node: str, dimension: str, value: str, lang: str) -> str:
    label = kg.label(node, lang)
    dimension_label, value_label = kg.dimension_label(dimension, lang), kg.value_label(dimension, value, lang)
    if lang == "ko":
        return f"{label}의 {dimension_label}: {value_label}"
    return f"{label} — {dimension_label}: {value_label}"


#: How many concepts a "why" names when a completeness mark closes a long list.
WHY_NAMES = 6


def why_wrong(kg: KnowledgeGraph, candidate: Candidate, option: str, lang: str) -> str:
    """Why ``option`` is wrong, said from its evidence only: what the graph states makes it false.

    ``exclusive``: the option has another value on a one-value dimension;
    ``complete``: its stated values are all it has; ``closed``: a completeness
    mark lists every fact on that side, and the option is not among them.

    >>> import awskg
    >>> kg = awskg.load()
    >>> c = next(c for c in candidates(kg) if c.property.get("value") == "l7" and "nlb" in c.wrong)
    >>> why_wrong(kg, c, "nlb", "en")
    'NLB — OSI layer: Layer 4 (transport) only, not Layer 7 (application)'
    >>> why_wrong(kg, c, "nlb", "ko")
    'NLB의 OSI 계층은 ‘계층 4(전송)’뿐입니다. 그래서 ‘계층 7(애플리케이션)’에 해당하지 않습니다.'
    """
    evidence = candidate.wrong[option]
    label = kg.label(option, lang)
    if evidence["rule"] == "closed":
        return _why_closed(kg, evidence, option, lang)
    dimension = evidence["dimension"]
    asked = kg.value_label(dimension, candidate.property["value"], lang)
    name = kg.dimension_label(dimension, lang)
    if lang == "ko":
        # said to the learner, politely; each value quoted, so a value such as 불가 or 유지됨
        # never has to take a particle or an ending of its own
        theirs = ", ".join(f"‘{kg.value_label(dimension, v, lang)}’" for v in evidence["values"])
        only = "뿐" if evidence["rule"] == "complete" else ""
        return f"{label}의 {particle(name, '은/는')} {theirs}{only}입니다. 그래서 ‘{asked}’에 해당하지 않습니다."
    theirs = ", ".join(kg.value_label(dimension, v, lang) for v in evidence["values"])
    if evidence["rule"] == "complete":
        return f"{label} — {name}: {theirs} only, not {asked}"
    return f"{label} — {name}: {theirs} (its one value), not {asked}"


def _why_closed(kg: KnowledgeGraph, evidence: dict[str, Any], option: str, lang: str) -> str:
    """ "ELB has the subtype ALB, NLB, GWLB and CLB, and nothing else: not S3", from the mark's own facts.

    In Korean, said to the learner as the other reasons are: "ELB의 하위 종류는 ‘ALB’, … ‘NLB’뿐입니다.
    그래서 ‘S3’는 해당하지 않습니다." (the relation's heading, where it has one).
    """
    stated = _closed_statement(kg, evidence["node"], evidence["relation"], evidence["direction"], lang)
    label = kg.label(option, lang)
    if lang == "ko":
        topic = particle(label, "은/는", reading(kg, option))[len(label) :]
        return f"{stated} 그래서 ‘{label}’{topic} 해당하지 않습니다."
    return f"{stated}, and nothing else: not {label}"


#: graph -> (node, relation, direction, lang) -> what a completeness mark closes, as one sentence.
#: Every option a mark rules out shares it, and a deck asks thousands of questions about one
#: hub: said once per graph, a "why" costs no walk of the hub's facts.
_CLOSED: WeakKeyDictionary[Any, dict[tuple[str, str, str, str], str]] = WeakKeyDictionary()


def _closed_statement(kg: KnowledgeGraph, node: str, relation: str, direction: str, lang: str) -> str:
    said = _CLOSED.setdefault(kg.graph, {})
    key = (node, relation, direction, lang)
    if key in said:
        return said[key]
    outward = direction == "out"
    sides = [kg.graph.succ[node], kg.graph.pred[node]]
    if not outward:
        sides.reverse()
    if not kg.relations[relation].has("symmetric"):  # a symmetric fact is one fact, whichever way stored
        sides = sides[:1]
    others = sorted({other for side in sides for other, keys in side.items() if relation in keys})
    named = [kg.label(o, lang) for o in others[:WHY_NAMES]]
    rest = len(others) - len(named)
    if lang == "ko" and (title := heading(kg, relation, lang, inverse=not outward)):
        quoted = ", ".join(f"‘{name}’" for name in named) + (f" 외 {rest}개" if rest else "")
        said[key] = f"{kg.label(node, lang)}의 {particle(title, '은/는')} {quoted}뿐입니다."
        return said[key]
    if lang == "ko":
        listed = ", ".join(named) + (f" 외 {rest}개" if rest else "")
    else:
        *some, last = [*named, f"{rest} more"] if rest else named
        listed = ", ".join(some) + (" and " if some else "") + last
    source, target = (node, others[0]) if outward else (others[0], node)
    last = "" if rest else reading(kg, others[len(named) - 1])  # "외 N개" is read as written
    said[key] = sentence(
        kg, source, relation, target, lang, inverse=not outward, object_label=listed, object_reading=last
    ) + (". 이것이 전부입니다." if lang == "ko" else "")
    return said[key]
