"""Self-tests generated from the edges: multiple choice with honest distractors.

A question blanks out one end of a stored fact ("EKS runs on ___"). The
options are the true answer plus concepts of the *same kind* that could not
also be right: a distractor has no edge at all with the concept the question
names, and is not filed with the answer by ``is-a``, ``part-of`` or
``located-in`` (the Region that holds the right Availability Zone, the ALB
that is a type of the right ELB). Every question cites its ``source_ref``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from awskg.explorer.sentences import particle, predicate, relation_label, sentence
from awskg.graph.errors import UnknownName
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import NameIndex

__all__ = ["BLANK", "Question", "filed_with", "questions"]

BLANK = "___"
OPTIONS = 4
#: Relations along which a fact about one concept carries over to another.
FILING = frozenset({"is-a", "part-of", "located-in"})
#: Relations that file concepts under broad categories make weak questions
#: ("Lambda is part of ___: AWS compute"), so they are asked less often.
WEAK = frozenset({"part-of", "characteristic-of"})


@dataclass(frozen=True)
class Question:
    """The ``quiz --json`` contract: options are ids and labels; ``answer`` is an id."""

    question: str
    options: list[dict[str, str]]
    answer: str
    explanation: str
    source_ref: str
    edge: dict[str, str]


def questions(
    kg: KnowledgeGraph,
    *,
    count: int = 5,
    kind: str | None = None,
    tour: str | None = None,
    seed: int | None = None,
    lang: str = "en",
) -> list[Question]:
    """Up to ``count`` questions, deterministic for a given ``seed``.

    ``kind`` keeps questions whose answer is of that kind; ``tour`` keeps facts
    that touch one of the tour's stops.

    >>> import awskg
    >>> kg = awskg.load()
    >>> q = questions(kg, count=1, seed=3)[0]
    >>> q.answer in [o["id"] for o in q.options] and len(q.options) == 4
    True
    """
    if kind:
        kg.check_kind(kind)
    if tour and tour not in kg.tours:
        raise UnknownName(tour, NameIndex((t, []) for t in kg.tours).suggest(tour), what="tour")
    stops = {stop["node"] for stop in kg.tours[tour]} if tour else None
    rng = random.Random(seed)
    by_kind: dict[str, list[str]] = {}
    for node, node_kind in kg.graph.nodes(data="kind"):
        by_kind.setdefault(node_kind, []).append(node)
    candidates = []
    for edge in kg.edges():
        if stops is not None and edge.source not in stops and edge.target not in stops:
            continue
        for blank_target in (True, False):
            answer = edge.target if blank_target else edge.source
            if kind and kg.node(answer)["kind"] != kind:
                continue
            wrong = _distractors(kg, edge.source, edge.relation, edge.target, blank_target, by_kind)
            if len(wrong) >= OPTIONS - 1:
                candidates.append((edge, blank_target, wrong))
    rng.shuffle(candidates)
    candidates.sort(key=lambda c: c[0].relation in WEAK)  # stable: strong relations first, shuffled within
    chosen, used = [], set()
    for edge, blank_target, wrong in candidates:
        if (edge.source, edge.relation, edge.target) in used:
            continue
        used.add((edge.source, edge.relation, edge.target))
        chosen.append(_question(kg, edge, blank_target, rng.sample(sorted(wrong), OPTIONS - 1), rng, lang))
        if len(chosen) == count:
            break
    return chosen


def _distractors(kg: KnowledgeGraph, source: str, relation: str, target: str, blank_target: bool, by_kind) -> list[str]:
    """Same-kind concepts that could not also be a right answer."""
    answer, known = (target, source) if blank_target else (source, target)
    linked = set(kg.graph.succ[known]) | set(kg.graph.pred[known])
    filed = filed_with(kg, answer)
    return [
        other
        for other in by_kind[kg.node(answer)["kind"]]
        if other not in linked and other not in filed and other != known
    ]


def filed_with(kg: KnowledgeGraph, node: str, depth: int = 3) -> set[str]:
    """Concepts joined to ``node`` by is-a, part-of or located-in, either way, within ``depth`` hops.

    >>> import awskg
    >>> {"region", "seoul-region", "subnet"} <= filed_with(awskg.load(), "availability-zone")
    True
    """
    seen, frontier = {node}, {node}
    for _ in range(depth):
        reached = set()
        for current in frontier:
            reached |= {t for _, t, r in kg.graph.out_edges(current, keys=True) if r in FILING}
            reached |= {s for s, _, r in kg.graph.in_edges(current, keys=True) if r in FILING}
        frontier = reached - seen
        seen |= frontier
    return seen


def _question(kg, edge, blank_target: bool, wrong: list[str], rng: random.Random, lang: str) -> Question:
    answer = edge.target if blank_target else edge.source
    options = [answer, *wrong]
    rng.shuffle(options)
    if lang == "ko" and blank_target:
        # the particle after the blank depends on the answer, so it stays a pair: ___을/를
        text = f"{particle(kg.label(edge.source, lang), '은/는')} {BLANK}{relation_label(kg, edge.relation, lang)}."
    elif lang == "ko":
        text = f"{BLANK}은(는) {predicate(kg, edge.relation, edge.target, lang)}."
    elif blank_target:
        text = f"{kg.label(edge.source)} {relation_label(kg, edge.relation)} {BLANK}."
    else:
        text = f"{BLANK} {predicate(kg, edge.relation, edge.target)}."
    return Question(
        question=text,
        options=[{"id": o, "label": kg.label(o, lang)} for o in options],
        answer=answer,
        explanation=sentence(kg, edge.source, edge.relation, edge.target, lang),
        source_ref=edge.source_ref,
        edge={"source": edge.source, "relation": edge.relation, "target": edge.target},
    )
