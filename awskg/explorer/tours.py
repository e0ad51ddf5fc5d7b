"""Guided tours: an ordered list of stops through the graph, each linked to the last."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from awskg.errors import UnknownName
from awskg.explorer.paths import Hop, meeting
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import NameIndex

__all__ = ["Stop", "Tour", "TourSummary", "tour", "tours"]


@dataclass(frozen=True)
class TourSummary:
    """One line of ``awskg tour``."""

    name: str
    stops: int
    first: str
    last: str

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` form: every field, nested records as objects."""
        return asdict(self)


@dataclass(frozen=True)
class Stop:
    """A stop: the concept's card in brief, the author's note, and how it links to the stop before.

    ``link`` is the best ``relate`` path from the previous stop (empty for the
    first stop, or when the two are more than four hops apart).
    """

    step: int
    id: str
    label: str
    kind: str
    summary: str
    note: str
    link: list[Hop]


@dataclass(frozen=True)
class Tour:
    """The ``tour NAME --json`` contract."""

    name: str
    stops: list[Stop]

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` form: every field, nested records as objects."""
        return asdict(self)


def tours(kg: KnowledgeGraph, lang: str = "en") -> list[TourSummary]:
    """Every tour, in the order the packs define them.

    >>> import awskg
    >>> [t.name for t in tours(awskg.load())]
    ['cloud-basics-in-order', 'running-containers-on-aws', 'from-domain-name-to-server']
    """
    return [
        TourSummary(name, len(stops), kg.label(stops[0]["node"], lang), kg.label(stops[-1]["node"], lang))
        for name, stops in kg.tours.items()
    ]


def tour(kg: KnowledgeGraph, name: str, lang: str = "en") -> Tour:
    """Walk one tour: each stop with its note and its link to the previous stop.

    >>> import awskg
    >>> walk = tour(awskg.load(), "running-containers-on-aws")
    >>> [h.text for h in walk.stops[2].link]
    ['Container image is stored in ECR']
    """
    if name not in kg.tours:
        raise UnknownName(name, NameIndex((t, []) for t in kg.tours).suggest(name), what="tour")
    stops = []
    previous = None
    for stop in kg.tours[name]:
        node = stop["node"]
        link: list[Hop] = []
        if previous is not None and previous != node:
            link = meeting(kg, previous, node, lang=lang)
        note = (lang == "ko" and stop["note_ko"]) or stop["note"]
        stops.append(
            Stop(stop["step"], node, kg.label(node, lang), kg.node(node)["kind"], kg.summary(node, lang), note, link)
        )
        previous = node
    return Tour(name, stops)
