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
from collections.abc import Collection, Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from awskg.errors import UnknownName
from awskg.explorer.sentences import WHAT_KO, ask_form, particle, sentence, sentence_parts
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import NameIndex
from awskg.graph.vocabulary import Property

__all__ = ["BLANK", "Candidate", "Question", "candidates", "questions"]

BLANK = "___"
OPTIONS = 4
#: A blank in a fact needs at least this many wrong options, or one guess in two is a coin toss.
MIN_WRONG_FACT = 2


@dataclass(frozen=True)
class Candidate:
    """A question before its options are drawn: the answer and every wrong option with its evidence.

    ``subject`` is the concept the question names (empty for a property
    question), ``about`` the fact or property it asks.
    """

    question: str
    answer: str
    explanation: str
    source_ref: str
    edge: dict[str, str]
    property: dict[str, str]
    wrong: dict[str, dict[str, Any]] = field(repr=False)


@dataclass(frozen=True)
class Question:
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

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


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
    if kind:
        kg.check_kind(kind)
    if tour and tour not in kg.tours:
        raise UnknownName(tour, NameIndex((t, []) for t in kg.tours).suggest(tour), what="tour")
    stops = {stop["node"] for stop in kg.tours[tour]} if tour else None
    pool = [
        c
        for c in candidates(kg, lang)
        if (kind is None or kg.node(c.answer)["kind"] == kind)
        and (stops is None or c.answer in stops or c.edge.get("source") in stops or c.edge.get("target") in stops)
    ]
    if within is not None:
        ends = ("source", "target")
        pool = [
            _narrowed(c, within)
            for c in pool
            if c.answer in within and all(c.edge.get(e, c.answer) in within for e in ends)
        ]
        pool = [c for c in pool if c.wrong]
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
        wrong = _draw(kg, candidate, rng)
        options = [candidate.answer, *wrong]
        rng.shuffle(options)
        chosen.append(
            Question(
                question=candidate.question,
                options=[{"id": o, "label": kg.label(o, lang)} for o in options],
                answer=candidate.answer,
                explanation=candidate.explanation,
                source_ref=candidate.source_ref,
                edge=candidate.edge,
                property=candidate.property,
                evidence=[{"option": o, **candidate.wrong[o]} for o in wrong],
            )
        )
    return chosen


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


def _narrowed(candidate: Candidate, within: Collection[str]) -> Candidate:
    wrong = {option: why for option, why in candidate.wrong.items() if option in within}
    return replace(candidate, wrong=wrong)


def candidates(kg: KnowledgeGraph, lang: str = "en") -> list[Candidate]:
    """Every question the generator can ask, in a fixed order, with all its evidenced wrong options.

    The order and the options do not depend on ``lang``, so one seed draws
    the same questions in English and Korean.

    >>> import awskg
    >>> pool = candidates(awskg.load())
    >>> all(c.wrong and c.answer not in c.wrong for c in pool)
    True
    """
    found = list(_property_candidates(kg, lang)) + list(_fact_candidates(kg, lang))
    return sorted(found, key=lambda c: (sorted(c.edge.items()), sorted(c.property.items()), c.answer))


def _property_candidates(kg: KnowledgeGraph, lang: str) -> Iterator[Candidate]:
    """ "Which of these has <dimension>: <value>?" for dimensions whose values rule others out."""
    stated: dict[str, dict[str, list[Property]]] = {}  # dimension -> node -> its properties there
    for node, props in kg.properties.items():
        for prop in props:
            stated.setdefault(prop.dimension, {}).setdefault(node, []).append(prop)
    for dimension, by_node in stated.items():
        record = kg.dimensions[dimension]
        rule = "exclusive" if record.has("exclusive") else "complete" if record.has("complete") else ""
        if not rule:
            continue
        for value in sorted({p.value for props in by_node.values() for p in props}):
            holders = {node for node, props in by_node.items() if any(p.value == value for p in props)}
            wrong = {
                node: {"rule": rule, "dimension": dimension, "values": sorted(p.value for p in props)}
                for node, props in by_node.items()
                if node not in holders
            }
            if not wrong:
                continue
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


def _fact_candidates(kg: KnowledgeGraph, lang: str) -> Iterator[Candidate]:
    """A blank in a fact whose side is closed by a completeness mark."""
    transitive = kg.relations_with("transitive")
    by_kind: dict[str, list[str]] = {}
    for mark in kg.complete.values():
        node, relation, direction = mark.node, mark.relation, mark.direction
        outward = direction == "out"
        answers = _reach(kg, node, relation, outward, relation in transitive)
        direct = [e for e in (kg.out_edges(node) if outward else kg.in_edges(node)) if e.relation == relation]
        for edge in sorted(direct, key=lambda e: (e.source, e.target)):
            answer = edge.target if outward else edge.source
            answer_kind = kg.node(answer)["kind"]
            if answer_kind not in by_kind:
                by_kind[answer_kind] = kg.of_kind(answer_kind)
            evidence = {"rule": "closed", "node": node, "relation": relation, "direction": direction}
            # plausible wrong options: the answer's kind, and what the question's concept touches otherwise
            pool = set(by_kind[answer_kind]) | kg.neighbors(node)
            wrong = {other: evidence for other in sorted(pool) if other not in answers and other != node}
            if len(wrong) < MIN_WRONG_FACT:
                continue
            yield Candidate(
                question=_fact_stem(kg, edge.source, relation, edge.target, blank_target=outward, lang=lang),
                answer=answer,
                explanation=sentence(kg, edge.source, relation, edge.target, lang),
                source_ref=edge.source_ref,
                edge={"source": edge.source, "relation": relation, "target": edge.target},
                property={},
                wrong=wrong,
            )


def _gives_away(answer_label: str, value_label: str) -> bool:
    """Whether the answer's own name already says the value asked about.

    >>> _gives_away("EKS control plane", "Control plane"), _gives_away("NLB", "Layer 4 (transport)")
    (True, False)
    """
    return value_label.casefold() in answer_label.casefold()


def _reach(kg: KnowledgeGraph, node: str, relation: str, outward: bool, transitive: bool) -> set[str]:
    """Every concept the facts of ``relation`` state on that side of ``node``, chains included if transitive."""
    seen: set[str] = set()
    frontier = [node]
    while frontier:
        current = frontier.pop()
        edges = kg.out_edges(current) if outward else kg.in_edges(current)
        for edge in edges:
            other = edge.target if outward else edge.source
            if edge.relation == relation and other not in seen:
                seen.add(other)
                if transitive:
                    frontier.append(other)
    return seen


def _fact_stem(kg: KnowledgeGraph, source: str, relation: str, target: str, *, blank_target: bool, lang: str) -> str:
    word = WHAT_KO if lang == "ko" else BLANK
    if blank_target:
        text = "".join(sentence_parts(kg, source, relation, target, lang, object_label=word))
    else:
        text = "".join(sentence_parts(kg, source, relation, target, lang, subject_label=word))
    return ask_form(text) if lang == "ko" else text + "."


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
