"""Choosing what part of the graph a picture or an export shows.

``html`` and ``export`` share these slicing options: a neighborhood
(``focus``/``depth``), a restriction to some kinds or relations, and the
ranked paths between two concepts (``path``), highlighted on the whole graph.
``export`` also takes ``tour``: only the stops of one guided tour.
"""

from __future__ import annotations

from dataclasses import dataclass

from awskg.explorer.arguments import checked_lang, in_range
from awskg.explorer.paths import Relatedness, relate
from awskg.explorer.tours import find_tour
from awskg.graph.model import KnowledgeGraph

__all__ = ["EdgeKey", "View", "select"]

EdgeKey = tuple[str, str, str]  # (source, relation, target), as stored


@dataclass(frozen=True)
class View:
    """The nodes and edges to show, and which of them to highlight."""

    nodes: list[str]
    edges: list[EdgeKey]
    highlight_nodes: list[str]
    highlight_edges: list[EdgeKey]
    paths: Relatedness | None = None


def _check_bounds(depth: int, max_hops: int, lang: str) -> None:
    """The bounds ``awskg html`` puts on these options, for Python callers too (ValueError)."""
    in_range("depth", depth, 1, 6)
    in_range("max_hops", max_hops, 1, 8)
    checked_lang(lang)


def select(
    kg: KnowledgeGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    path: tuple[str, str] | None = None,
    kinds: tuple[str, ...] = (),
    relations: tuple[str, ...] = (),
    lang: str = "en",
    max_hops: int = 4,
    tour: str | None = None,
) -> View:
    """The slice of ``kg`` the options describe; no option means the whole graph.

    ``max_hops`` bounds the paths of ``path``, as it does for ``relate``.

    >>> import awskg
    >>> view = select(awskg.load(), focus="fargate", depth=1)
    >>> "eks" in view.nodes, ("eks", "uses", "fargate") in view.edges, "vpc" in view.nodes
    (True, True, False)
    >>> stops = select(awskg.load(), tour="running-containers-on-aws").nodes
    >>> "fargate" in stops, "vpc" in stops
    (True, False)
    """
    _check_bounds(depth, max_hops, lang)
    wanted_kinds = {kg.check_kind(k) for k in kinds}
    wanted_relations = {kg.check_relation(r) for r in relations}
    keep = {n for n in kg.node_ids() if not wanted_kinds or kg.kind(n) in wanted_kinds}
    if tour is not None:
        tour = find_tour(kg, tour)  # its name or its title in either language
        keep &= {stop["node"] for stop in kg.tours[tour]}
    anchors: set[str] = set()
    if focus:
        start = kg.resolve(focus)
        keep, edges = _around(kg, start, depth, keep, wanted_relations)
        anchors.add(start)
    elif wanted_kinds or wanted_relations or tour is not None:
        edges = [
            (s, r, t)
            for s, r, t in kg.edge_keys()
            if s in keep and t in keep and (not wanted_relations or r in wanted_relations)
        ]
    else:
        edges = list(kg.edge_keys())  # the whole map: nothing to test fact by fact
    answer = relate(kg, *path, lang=lang, max_hops=max_hops) if path else None
    highlight_nodes, highlight_edges = _highlights(answer)
    keep |= set(highlight_nodes)
    if highlight_edges:
        edges = list(dict.fromkeys(edges + highlight_edges))
    if wanted_relations or focus:
        # Keep only what the chosen relations or neighborhood actually connect.
        linked = {s for s, _, _ in edges} | {t for _, _, t in edges} | anchors
        keep &= linked
    ordered = [n for n in kg.node_ids() if n in keep]
    return View(ordered, edges, highlight_nodes, highlight_edges, answer)


def _highlights(answer: Relatedness | None) -> tuple[list[str], list[EdgeKey]]:
    """The concepts and facts of a path view's paths, each once, in path order."""
    hops = [hop for found in (answer.paths if answer else []) for hop in found.hops]
    nodes = list(dict.fromkeys(n for hop in hops for n in (hop.source, hop.target)))
    return nodes, list(dict.fromkeys((hop.source, hop.relation, hop.target) for hop in hops))


def _around(
    kg: KnowledgeGraph, start: str, depth: int, keep: set[str], relations: set[str]
) -> tuple[set[str], list[EdgeKey]]:
    """The kept concepts within ``depth`` kept facts of ``start`` (either way), and the kept facts among them.

    Only the facts of the concepts reached are read, where listing every fact
    of the pack cost a second at 100,000 concepts; putting the concepts in
    storage order is one cheap pass over the ids. The facts come in that
    order, as :meth:`~awskg.graph.model.KnowledgeGraph.edge_keys` gives them.
    """

    def kept(source: str, relation: str, target: str) -> bool:
        return source in keep and target in keep and (not relations or relation in relations)

    succ, pred = kg.graph.succ, kg.graph.pred
    seen, frontier = {start}, {start}
    for _ in range(depth):
        reached = {t for n in frontier for t, keyed in succ[n].items() if any(kept(n, r, t) for r in keyed)}
        reached |= {s for n in frontier for s, keyed in pred[n].items() if any(kept(s, r, n) for r in keyed)}
        frontier = reached - seen
        seen |= frontier
    ends = [(s, t, keyed) for s in kg.node_ids() if s in seen for t, keyed in succ[s].items() if t in seen]
    edges = [(s, r, t) for s, t, keyed in ends for r in keyed if kept(s, r, t)]
    return keep & seen, edges
