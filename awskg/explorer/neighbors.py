"""What is around a concept, grouped by relation and direction."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from awskg.explorer.arguments import checked_lang, in_range
from awskg.explorer.record import Record
from awskg.explorer.sentences import reading, relation_label, sentence
from awskg.graph.model import Edge, KnowledgeGraph

__all__ = ["DIRECTIONS", "Group", "Neighborhood", "neighbors"]

DIRECTIONS = ("out", "in", "both")


@dataclass(frozen=True)
class Group:
    """Concepts reached through one relation in one direction.

    ``reading`` is the relation as read from the side that reached them
    ("runs on" for ``out``, "hosts" for ``in``); ``sentences`` say the group
    whole, one sentence per concept they were reached from ("Fargate hosts ECS
    task, Pod"; at depth 2 "Serverless has the example DynamoDB, Lambda"), so
    Korean needs no particle pair and no stand-in subject; ``text`` joins them
    with "; ". Each node records its depth and the concept it was reached from.
    """

    relation: str
    direction: str
    reading: str
    nodes: list[dict[str, Any]]
    text: str = ""
    sentences: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Neighborhood(Record):
    """The ``neighbors --json`` contract."""

    id: str
    label: str
    groups: list[Group]


def neighbors(
    kg: KnowledgeGraph,
    name: str,
    *,
    relation: str | None = None,
    direction: str = "both",
    depth: int = 1,
    lang: str = "en",
) -> Neighborhood:
    """Concepts within ``depth`` hops of ``name``, optionally through one relation only.

    >>> import awskg
    >>> around = neighbors(awskg.load(), "fargate", relation="runs-on", direction="in")
    >>> [(g.reading, [n["id"] for n in g.nodes]) for g in around.groups]
    [('hosts', ['ecs-task', 'pod'])]
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}")
    in_range("depth", depth, 1, 5)
    checked_lang(lang)
    wanted = kg.check_relation(relation) if relation is not None else None  # "" is refused, not "any"
    start = kg.resolve(name)
    seen = {start}
    frontier = [start]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for level in range(1, depth + 1):
        reached = []
        for node in frontier:
            for edge, way, other in _around(kg, node, direction):
                if other in seen or (wanted and edge.relation != wanted):
                    continue
                seen.add(other)
                reached.append(other)
                entry = {"id": other, "label": kg.label(other, lang), "depth": level, "via": node}
                groups.setdefault((edge.relation, way), []).append(entry)
        frontier = reached
    return Neighborhood(
        id=start,
        label=kg.label(start, lang),
        groups=[_group(kg, start, rel, way, nodes, lang) for (rel, way), nodes in sorted(groups.items())],
    )


def _group(kg: KnowledgeGraph, start: str, relation: str, way: str, nodes: list[dict[str, Any]], lang: str) -> Group:
    ordered = sorted(nodes, key=lambda n: (n["depth"], n["id"]))
    by_via: dict[str, list[dict[str, Any]]] = {}
    for node in ordered:
        by_via.setdefault(node["via"], []).append(node)
    # read from the side of the concept each was reached from: the list stands as the object,
    # its particle following the last concept as that one is read (Elastic Beanstalk을)
    said = [
        sentence(
            kg, via, relation, via, lang, inverse=way == "in",
            object_label=", ".join(n["label"] for n in listed), object_reading=reading(kg, listed[-1]["id"]),
        )
        for via, listed in by_via.items()
    ]  # fmt: skip
    read_as = relation_label(kg, relation, lang, inverse=way == "in")
    return Group(relation, way, read_as, ordered, "; ".join(said), said)


def _around(kg: KnowledgeGraph, node: str, direction: str) -> Iterator[tuple[Edge, str, str]]:
    if direction in ("out", "both"):
        yield from ((e, "out", e.target) for e in kg.out_edges(node))
    if direction in ("in", "both"):
        yield from ((e, "in", e.source) for e in kg.in_edges(node))
