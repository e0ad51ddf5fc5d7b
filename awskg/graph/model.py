"""The loaded knowledge graph: a networkx MultiDiGraph plus its vocabularies.

Nodes are keyed by id and carry ``label``, ``label_ko``, ``kind``, ``aliases``
(a list), ``summary``, ``summary_ko``, ``docs`` and ``reading_ko``. Edges run
in their true direction, are keyed by relation name and carry ``relation``,
``note``, ``note_ko`` and ``source_ref``. Properties (what a concept is like:
its network layer, whether it is stateful) are not nodes, so that a value is
never a hub that joins concepts in ``relate``; they sit beside the graph in
:attr:`KnowledgeGraph.properties`. Everything above ``graph/`` reads the graph
through this class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from typing import TYPE_CHECKING, Any

from awskg.errors import AmbiguousName, SameConcept, UnknownName
from awskg.graph.adjacency import Nodes, dicts_of
from awskg.graph.names import NameIndex, node_names, normalize, normalize_all, require
from awskg.graph.vocabulary import Completeness, Dimension, Kind, Property, Relation, Value

if TYPE_CHECKING:
    import networkx as nx


__all__ = ["Edge", "KnowledgeGraph"]


@dataclass(frozen=True)
class Edge:
    """One fact, in its stored direction."""

    source: str
    relation: str
    target: str
    note: str = ""
    source_ref: str = ""
    note_ko: str = ""


@dataclass(repr=False)
class KnowledgeGraph:
    """What :func:`awskg.load` returns: the graph and how to read it.

    >>> import awskg
    >>> kg = awskg.load()
    >>> kg.resolve("가용 영역"), kg.label("region", "ko")
    ('availability-zone', '리전')
    """

    graph: nx.MultiDiGraph[str]
    relations: dict[str, Relation]
    kinds: dict[str, Kind]
    names: NameIndex
    tours: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: (topic, concept) pairs the first view of a map shows, grouped by topic (overview.csv)
    overview: list[tuple[str, str]] = field(default_factory=list)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    values: dict[tuple[str, str], Value] = field(default_factory=dict)
    #: node id -> what the concept is like, in pack order
    properties: dict[str, list[Property]] = field(default_factory=dict, repr=False)
    #: (node, relation, direction) -> the mark saying those facts are all there are
    complete: dict[tuple[str, str, str], Completeness] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph: {self.node_count()} concepts, {self.edge_count()} facts, "
            f"{len(self.relations)} relations, {sum(map(len, self.properties.values()))} properties>"
        )

    def relations_with(self, trait: str) -> frozenset[str]:
        """The names of the relations that carry ``trait`` (see ``RELATION_TRAITS``).

        >>> import awskg
        >>> {"is-a", "part-of"} <= awskg.load().relations_with("acyclic")
        True
        """
        return frozenset(name for name, record in self.relations.items() if record.has(trait))

    def kinds_with(self, trait: str) -> frozenset[str]:
        """The names of the kinds that carry ``trait`` (see ``KIND_TRAITS``).

        >>> import awskg
        >>> "service-model" in awskg.load().kinds_with("class")
        True
        """
        return frozenset(name for name, record in self.kinds.items() if record.has(trait))

    def properties_of(self, node_id: str) -> list[Property]:
        """What ``node_id`` is like, in pack order (empty when nothing is stated)."""
        return self.properties.get(node_id, [])

    def values_of(self, node_id: str, dimension: str) -> list[str]:
        """The values ``node_id`` has on ``dimension``.

        >>> import awskg
        >>> awskg.load().values_of("nlb", "osi-layer")
        ['l4']
        """
        return [p.value for p in self.properties_of(node_id) if p.dimension == dimension]

    def value_label(self, dimension: str, value: str, lang: str = "en") -> str:
        """A value's display name in ``lang``."""
        record = self.values[(dimension, value)]
        return (lang == "ko" and record.label_ko) or record.label

    def dimension_label(self, dimension: str, lang: str = "en") -> str:
        """A dimension's display name in ``lang``."""
        record = self.dimensions[dimension]
        return (lang == "ko" and record.label_ko) or record.label

    def __contains__(self, node_id: object) -> bool:
        """Whether ``node_id`` is the id of a concept in the graph."""
        return node_id in self.graph

    def node_ids(self) -> Iterator[str]:
        """Every concept's id, in storage (pack) order."""
        return iter(self.graph)

    def node_count(self) -> int:
        """How many concepts."""
        return int(self.graph.number_of_nodes())

    def edge_count(self) -> int:
        """How many facts."""
        return int(self.graph.number_of_edges())

    def edge_keys(self) -> Iterator[tuple[str, str, str]]:
        """Every fact as ``(source, relation, target)``, in storage order."""
        for source, target, relation in self.graph.edges(keys=True):
            yield source, relation, target

    def neighbors(self, node_id: str) -> set[str]:
        """Every concept joined to ``node_id`` by an edge, either way: the one notion of "undirected neighbors"."""
        return set(self.adjacent(node_id))

    def adjacent(self, node_id: str) -> Iterator[str]:
        """The concepts joined to ``node_id``, either way, without building a set (a neighbor may repeat)."""
        # chained in C: relate's searches read little else
        return chain(self.graph.succ[node_id], self.graph.pred[node_id])

    def relations_between(self, source: str, target: str) -> list[str]:
        """The relations of the facts stored from ``source`` to ``target`` (usually none or one)."""
        # has_edge first: a networkx view's ``get`` of a missing key raises and catches KeyError
        return list(self.graph.succ[source][target]) if self.graph.has_edge(source, target) else []

    def kind(self, node_id: str) -> str:
        """The node's kind."""
        return str(self.graph.nodes[node_id]["kind"])

    def of_kind(self, kind: str) -> list[str]:
        """Every concept of ``kind``, sorted by id."""
        return sorted(node for node, attrs in self.graph.nodes(data=True) if attrs["kind"] == kind)

    def kind_counts(self) -> Counter[str]:
        """How many concepts of each kind."""
        return Counter(str(attrs["kind"]) for _, attrs in self.graph.nodes(data=True))

    def relation_counts(self) -> Counter[str]:
        """How many facts of each relation."""
        return Counter(str(relation) for _, _, relation in self.graph.edges(keys=True))

    def resolve(self, name: str) -> str:
        """The id of the concept ``name`` stands for (id, label, Korean label or alias).

        A word that is no name but ends the names of several concepts
        (게이트웨이: 인터넷 게이트웨이, NAT 게이트웨이, API 게이트웨이) lists them
        as an :class:`AmbiguousName`; an unknown name's suggestions carry their labels.
        """
        exact = self.names.lookup(name)
        if exact:
            return exact
        # 게이트웨이 is the start of 게이트웨이 로드 밸런서 only, but the end of three more names
        heads = self.headed_by(name)
        if len(heads) < 2:
            try:
                return self.names.resolve(name)
            except AmbiguousName as exc:
                raise AmbiguousName(name, exc.candidates, self._korean_labels(exc.candidates)) from None
            except UnknownName as exc:
                raise UnknownName(name, exc.suggestions, exc.what, self._korean_labels(exc.suggestions)) from None
        try:
            found = [self.names.resolve(name)]
        except AmbiguousName as exc:
            found = exc.candidates
        except UnknownName:
            found = []
        candidates = sorted({*found, *heads})
        raise AmbiguousName(name, candidates, self._korean_labels(candidates))

    def _korean_labels(self, nodes: list[str]) -> dict[str, str]:
        """Each concept's Korean label: how a Korean message names it."""
        return {node: self.label(node, "ko") for node in nodes}

    def headed_by(self, word: str) -> list[str]:
        """The concepts a name of which ends in the word ``word`` (its head), sorted.

        >>> import awskg
        >>> awskg.load().headed_by("게이트웨이")
        ['api-gateway', 'internet-gateway', 'nat-gateway']
        """
        return self.heads.get(normalize(word), [])

    @cached_property
    def heads(self) -> dict[str, list[str]]:
        """The last word (normalized) of every name of more than one word -> the concepts so named, sorted.

        The page gets the heads several concepts share, to resolve names as :meth:`resolve` does.
        """
        owners, words = [], []
        for node, attrs in self.graph.nodes(data=True):
            for name in node_names(attrs):
                if " " in name.strip():
                    owners.append(node)
                    words.append(name.rsplit(None, 1)[-1])
        heads: dict[str, set[str]] = {}
        for node, head in zip(owners, normalize_all(words), strict=True):
            heads.setdefault(head, set()).add(node)
        return {head: sorted(nodes) for head, nodes in heads.items() if head}

    def resolve_pair(self, first: str, second: str) -> tuple[str, str]:
        """The ids of two names that must be two different concepts (``relate``, ``compare``)."""
        a, b = self.resolve(first), self.resolve(second)
        if a == b:
            raise SameConcept(first, second, a)
        return a, b

    def check_kind(self, kind: str) -> str:
        """``kind`` if the graph defines it, else :class:`UnknownName` with suggestions."""
        return require(kind, self.kinds, "kind")

    def check_relation(self, relation: str) -> str:
        """``relation`` if the graph defines it, else :class:`UnknownName` with suggestions."""
        return require(relation, self.relations, "relation")

    def node(self, node_id: str) -> dict[str, Any]:
        """A node's attributes.

        Read straight from networkx's node dict, not through ``graph.nodes[...]``:
        the view object costs a third of a sentence's time, and a page of a large
        pack reads labels a million times.
        """
        return self._node_attributes[node_id]

    @cached_property
    def _node_attributes(self) -> Nodes:
        """The graph's own node dict (:mod:`awskg.graph.adjacency`): live, as networkx keeps it."""
        return dicts_of(self.graph)[0]

    def label(self, node_id: str, lang: str = "en") -> str:
        """The node's label in ``lang``, falling back to English when it has no Korean one."""
        attrs = self.node(node_id)
        return str((lang == "ko" and attrs.get("label_ko")) or attrs["label"])

    def summary(self, node_id: str, lang: str = "en") -> str:
        """The node's summary in ``lang``, falling back to English."""
        attrs = self.node(node_id)
        return str((lang == "ko" and attrs.get("summary_ko")) or attrs.get("summary", ""))

    def kind_label(self, kind: str, lang: str = "en") -> str:
        """A kind's display name in ``lang``."""
        record = self.kinds[kind]
        return (lang == "ko" and record.label_ko) or record.label

    def edges(self) -> Iterator[Edge]:
        """Every edge, in storage order."""
        for source, target, data in self.graph.edges(data=True):
            yield _edge(source, target, data)

    def out_edges(self, node_id: str) -> list[Edge]:
        """The facts where ``node_id`` is the subject."""
        return [_edge(node_id, t, d) for _, t, d in self.graph.out_edges(node_id, data=True)]

    def in_edges(self, node_id: str) -> list[Edge]:
        """The facts where ``node_id`` is the object."""
        return [_edge(s, node_id, d) for s, _, d in self.graph.in_edges(node_id, data=True)]


def _edge(source: str, target: str, data: dict[str, Any]) -> Edge:
    return Edge(
        source, data["relation"], target, data.get("note", ""), data.get("source_ref", ""), data.get("note_ko", "")
    )
