"""Whole-graph listings: the concepts, and counts by kind and relation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from awskg.graph.errors import UnknownName
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import NameIndex

__all__ = ["Entry", "Stats", "check_kind", "concepts", "stats"]


@dataclass(frozen=True)
class Entry:
    """One line of ``awskg list``."""

    id: str
    label: str
    label_ko: str
    kind: str


@dataclass(frozen=True)
class Stats:
    """The ``stats --json`` contract: totals, then counts by kind and by relation."""

    nodes: int
    edges: int
    kinds: dict[str, int]
    relations: dict[str, int]


def check_kind(kg: KnowledgeGraph, kind: str) -> str:
    """``kind`` if the graph defines it, else :class:`UnknownName` with suggestions."""
    if kind in kg.kinds:
        return kind
    raise UnknownName(kind, NameIndex((k, []) for k in kg.kinds).suggest(kind), what="kind")


def concepts(kg: KnowledgeGraph, kind: str | None = None) -> list[Entry]:
    """Every concept (of one kind, if given), sorted by kind then label.

    >>> import awskg
    >>> [e.id for e in concepts(awskg.load(), "deployment-model")]
    ['community-cloud', 'hybrid-cloud', 'on-premises', 'private-cloud', 'public-cloud']
    """
    wanted = check_kind(kg, kind) if kind else None
    entries = [
        Entry(node, attrs["label"], attrs["label_ko"], attrs["kind"])
        for node, attrs in kg.graph.nodes(data=True)
        if wanted is None or attrs["kind"] == wanted
    ]
    return sorted(entries, key=lambda e: (e.kind, e.label.casefold()))


def stats(kg: KnowledgeGraph) -> Stats:
    """How many nodes and edges, by kind and by relation (most used first).

    >>> import awskg
    >>> s = stats(awskg.load())
    >>> s.nodes == sum(s.kinds.values()), s.edges == sum(s.relations.values())
    (True, True)
    """
    kinds = Counter(kind for _, kind in kg.graph.nodes(data="kind"))
    relations = Counter(relation for _, _, relation in kg.graph.edges(data="relation"))
    return Stats(
        nodes=kg.graph.number_of_nodes(),
        edges=kg.graph.number_of_edges(),
        kinds=dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
        relations=dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
