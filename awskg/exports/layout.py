"""Where the map draws each concept, worked out when the page is written.

The page is a viewer, not a simulation: the same pack always draws the same
picture, and the page is interactive as soon as it is drawn. Two layouts:

- :func:`overview_layout`, for maps a learner reads: the overview's concepts
  (overview.csv, grouped by topic) sit in a compact grid of topic blocks in
  the middle, readable in one screen. Every other concept belongs to the topic
  of its nearest overview concept and sits in that topic's sector of rings
  around the grid, nearer rings for nearer concepts, so a topic's details fan
  out from its block and its edges run outwards rather than across the map.
- :func:`cluster_layout`, for maps of thousands of concepts: one disc per kind.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from awskg.graph.model import KnowledgeGraph

__all__ = ["MAX_OVERVIEW", "Layout", "cluster_layout", "overview_layout"]

#: The most concepts the first view shows: about what one screen can hold readably.
MAX_OVERVIEW = 40
#: Canvas units between neighbouring concepts, across and down (a label wraps at 150).
DX, DY = 180, 66
#: Concepts per row of a topic block, and the gap between blocks.
BLOCK_COLUMNS, GAP_X, GAP_Y = 2, 60, 50
#: The shape of a screen with the menu beside the map: the grid of blocks is made about as wide.
ASPECT = 1.5
#: Distance between rings of details, and from the grid to the first ring.
RING_STEP, RING_MARGIN = 110, 140


@dataclass
class Layout:
    """Positions of every concept, and the first view: the overview's topics and concepts."""

    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: (topic head, its concepts in the overview), in overview order
    topics: list[tuple[str, list[str]]] = field(default_factory=list)
    #: every concept -> the topic head it is drawn with
    topic_of: dict[str, str] = field(default_factory=dict)

    @property
    def overview(self) -> list[str]:
        """The concepts of the first view, topic after topic."""
        return [node for _, members in self.topics for node in members]


def overview_layout(kg: KnowledgeGraph, nodes: Iterable[str]) -> Layout:
    """The readable layout of ``nodes``: the overview's grid, and each topic's rings around it.

    >>> import awskg
    >>> kg = awskg.load()
    >>> first = overview_layout(kg, kg.graph.nodes)
    >>> len(first.overview) <= MAX_OVERVIEW, first == overview_layout(kg, kg.graph.nodes)
    (True, True)
    """
    shown = list(nodes)
    topics = _topics(kg, shown)
    layout = Layout(topics=topics)
    layout.topic_of = _nearest_topic(kg, shown, topics)
    centres = _place_grid(topics, layout.positions)
    _place_rings(kg, shown, layout, centres)
    return layout


def _topics(kg: KnowledgeGraph, shown: list[str]) -> list[tuple[str, list[str]]]:
    """The overview's topics among ``shown``; a map the pack's overview barely touches
    (a focused slice) takes its best-connected concepts instead, grouped by kind."""
    inside = set(shown)
    grouped: dict[str, list[str]] = {}
    for topic, node in kg.overview:
        if node in inside:
            grouped.setdefault(topic, []).append(node)
    if sum(map(len, grouped.values())) >= min(5, len(shown)):
        # a topic is named by its head; a slice without the head names it by its first concept
        return [(topic if topic in inside else members[0], members) for topic, members in grouped.items()]
    best = sorted(shown, key=lambda n: (-len(kg.neighbors(n)), n))[:MAX_OVERVIEW]
    by_kind: dict[str, list[str]] = {}
    for node in best:
        by_kind.setdefault(kg.node(node)["kind"], []).append(node)
    return [(members[0], members) for _, members in sorted(by_kind.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _nearest_topic(kg: KnowledgeGraph, shown: list[str], topics: list[tuple[str, list[str]]]) -> dict[str, str]:
    """Each concept's topic: of the concepts one hop nearer the overview, the topic most of its
    neighbours have (the earlier topic on a tie); a concept the overview does not reach goes
    with the first of its kind, or with the last topic."""
    inside = set(shown)
    order = {head: i for i, (head, _) in enumerate(topics)}
    topic_of = {node: head for head, members in topics for node in members}
    frontier = list(topic_of)
    while frontier:
        votes: dict[str, Counter[str]] = {}
        for node in frontier:
            for other in kg.neighbors(node):
                if other in inside and other not in topic_of:
                    votes.setdefault(other, Counter())[topic_of[node]] += 1
        for node, counted in votes.items():
            topic_of[node] = min(counted, key=lambda head: (-counted[head], order[head]))
        frontier = sorted(votes)
    by_kind = {kg.node(n)["kind"]: topic_of[n] for n in reversed(shown) if n in topic_of}
    last = topics[-1][0] if topics else ""
    return {n: topic_of.get(n) or by_kind.get(kg.node(n)["kind"], last) for n in shown}


def _place_grid(
    topics: list[tuple[str, list[str]]], positions: dict[str, tuple[int, int]]
) -> dict[str, tuple[float, float]]:
    """The topic blocks in a grid shaped like a screen; returns each block's centre."""
    block_w = BLOCK_COLUMNS * DX + GAP_X
    block_h = max((math.ceil(len(m) / BLOCK_COLUMNS) for _, m in topics), default=1) * DY + GAP_Y

    def misfit(columns: int) -> float:
        return abs(math.log(columns * block_w / (math.ceil(len(topics) / columns) * block_h) / ASPECT))

    columns = min(range(1, max(1, len(topics)) + 1), key=misfit)
    rows = [topics[i : i + columns] for i in range(0, len(topics), columns)]
    centres: dict[str, tuple[float, float]] = {}
    top = 0.0
    for row in rows:
        height = max(math.ceil(len(members) / BLOCK_COLUMNS) for _, members in row) * DY
        for c, (head, members) in enumerate(row):
            left = c * block_w - (len(row) * block_w - GAP_X) / 2
            for i, node in enumerate(members):
                x = left + (i % BLOCK_COLUMNS) * DX + DX / 2
                positions[node] = (round(x), round(top + (i // BLOCK_COLUMNS) * DY))
            centres[head] = (left + BLOCK_COLUMNS * DX / 2, top + height / 2)
        top += height + GAP_Y
    middle = (top - GAP_Y - DY) / 2
    for node, (x, y) in positions.items():
        positions[node] = (x, round(y - middle))
    return {head: (x, y - middle) for head, (x, y) in centres.items()}


def _place_rings(kg: KnowledgeGraph, shown: list[str], layout: Layout, centres: dict[str, tuple[float, float]]) -> None:
    """The other concepts on rings around the grid, each topic in the sector its block faces."""
    positions = layout.positions
    rest = [n for n in shown if n not in positions]
    if not rest:
        return
    xs = [x for x, _ in positions.values()] or [0]
    ys = [y for _, y in positions.values()] or [0]
    rx, ry = (max(xs) - min(xs)) / 2 + RING_MARGIN + DX / 2, (max(ys) - min(ys)) / 2 + RING_MARGIN
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    heads = sorted(centres, key=lambda h: (math.atan2(centres[h][1] - cy, centres[h][0] - cx), h))
    members = {h: [n for n in rest if layout.topic_of[n] == h] for h in heads}
    counts = [len(members[h]) for h in heads]
    total = sum(counts) or 1
    # each topic's share of the circle, starting where the first faces, in proportion to its details
    start = math.atan2(centres[heads[0]][1] - cy, centres[heads[0]][0] - cx) - math.pi * counts[0] / total
    spans, at = {}, start
    for head, count in zip(heads, counts, strict=True):
        spans[head] = (at, at + 2 * math.pi * count / total)
        at = spans[head][1]
    for head in heads:
        _fill_sector(kg, members[head], spans[head], (cx, cy, rx, ry), positions)


def _fill_sector(
    kg: KnowledgeGraph,
    nodes: list[str],
    span: tuple[float, float],
    ring: tuple[float, float, float, float],
    positions: dict[str, tuple[int, int]],
) -> None:
    """One topic's details in its sector, ring after ring outwards, nearest concepts first."""
    cx, cy, rx, ry = ring
    pending = list(nodes)
    step = 0
    while pending:
        points = _arc(rx + step * RING_STEP, ry + step * RING_STEP, span)
        slots = max(1, int(points[-1][2] / DX))
        # the concepts with most neighbours placed go first, in the order of the angle they face
        pending.sort(key=lambda n: (-sum(o in positions for o in kg.neighbors(n)), n))
        chosen, pending = pending[:slots], pending[slots:]
        chosen.sort(key=lambda n: (_facing(kg, n, positions, (cx, cy), span), n))
        length = points[-1][2]
        at = 0
        for i, node in enumerate(chosen):
            wanted = length * (i + 0.5) / len(chosen)
            while at < len(points) - 1 and points[at][2] < wanted:
                at += 1
            positions[node] = (round(cx + points[at][0]), round(cy + points[at][1]))
        step += 1


def _arc(a: float, b: float, span: tuple[float, float]) -> list[tuple[float, float, float]]:
    """Points (x, y, length so far) along a squircle of half-sizes ``a`` and ``b``, over the angles of ``span``.

    A squircle (``|x/a|^4 + |y/b|^4 = 1``) hugs the rectangle of the overview's
    grid, corners too, where an ellipse through the same sides would cut them.
    """
    count = max(8, int((span[1] - span[0]) * 120))
    out: list[tuple[float, float, float]] = []
    for i in range(count + 1):
        angle = span[0] + (span[1] - span[0]) * i / count
        c, s = math.cos(angle), math.sin(angle)
        r = 1 / ((c / a) ** 4 + (s / b) ** 4) ** 0.25  # where the ray at this angle meets the squircle
        x, y = r * c, r * s
        length = out[-1][2] + math.dist(out[-1][:2], (x, y)) if out else 0.0
        out.append((x, y, length))
    return out


def _facing(
    kg: KnowledgeGraph,
    node: str,
    positions: dict[str, tuple[int, int]],
    centre: tuple[float, float],
    span: tuple[float, float],
) -> float:
    """The angle, within the sector, of the middle of a concept's placed neighbours (its middle if none)."""
    placed = [positions[o] for o in kg.neighbors(node) if o in positions]
    if not placed:
        return (span[0] + span[1]) / 2
    x = sum(p[0] for p in placed) / len(placed) - centre[0]
    y = sum(p[1] for p in placed) / len(placed) - centre[1]
    angle = math.atan2(y, x)
    while angle < span[0]:
        angle += 2 * math.pi
    while angle > span[0] + 2 * math.pi:
        angle -= 2 * math.pi
    return min(angle, span[1])


def cluster_layout(kg: KnowledgeGraph, nodes: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Positions for maps of thousands of concepts: one disc per kind, in a ring.

    Linear in the number of nodes; each kind's nodes fill a sunflower spiral,
    so a large page opens at once and still groups like with like.
    """
    by_kind: dict[str, list[str]] = {}
    for node in nodes:
        by_kind.setdefault(kg.node(node)["kind"], []).append(node)
    golden = math.pi * (3 - math.sqrt(5))
    spacing = 28
    radii = {kind: spacing * math.sqrt(len(members)) for kind, members in by_kind.items()}
    ring = max(sum(radii.values()) * 2.2 / (2 * math.pi), max(radii.values(), default=0) * 1.5)
    positions = {}
    for k, (_, members) in enumerate(sorted(by_kind.items())):
        angle = 2 * math.pi * k / len(by_kind)
        cx, cy = (ring * math.cos(angle), ring * math.sin(angle)) if len(by_kind) > 1 else (0.0, 0.0)
        for i, node in enumerate(members):
            r, theta = spacing * math.sqrt(i), i * golden
            positions[node] = (round(cx + r * math.cos(theta)), round(cy + r * math.sin(theta)))
    return positions
