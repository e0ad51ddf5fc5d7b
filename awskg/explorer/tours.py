"""Guided tours: an ordered list of stops through the graph, each linked to the last."""

from __future__ import annotations

from dataclasses import dataclass

from awskg.errors import AmbiguousName
from awskg.explorer.paths import Hop, meeting
from awskg.explorer.record import Record
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import normalize, normalize_all, require

__all__ = ["Stop", "Tour", "TourSummary", "find_tour", "title", "tour", "tours"]


@dataclass(frozen=True)
class TourSummary(Record):
    """One line of ``awskg tour``: ``title`` is the tour's title in the language asked for."""

    name: str
    stops: int
    first: str
    last: str
    title: str = ""


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
class Tour(Record):
    """The ``tour NAME --json`` contract; ``title`` is the tour's title in the language asked for."""

    name: str
    stops: list[Stop]
    title: str = ""


def tours(kg: KnowledgeGraph, lang: str = "en") -> list[TourSummary]:
    """Every tour, in the order the packs define them.

    >>> import awskg
    >>> [t.name for t in tours(awskg.load())]
    ['cloud-basics-in-order', 'running-containers-on-aws', 'from-domain-name-to-server']
    """
    return [
        TourSummary(
            name, len(stops), kg.label(stops[0]["node"], lang), kg.label(stops[-1]["node"], lang), title(kg, name, lang)
        )
        for name, stops in kg.tours.items()
    ]


def title(kg: KnowledgeGraph, name: str, lang: str = "en") -> str:
    """A tour's title in ``lang`` (its English title, else its name, where it has none).

    >>> import awskg
    >>> title(awskg.load(), "running-containers-on-aws", "ko")
    'AWS에서 컨테이너 실행하기'
    """
    first = kg.tours[name][0]
    return str((lang == "ko" and first.get("title_ko")) or first.get("title") or name)


def find_tour(kg: KnowledgeGraph, name: str) -> str:
    """The tour ``name`` stands for: its name, or its title in either language, or a part of one.

    >>> import awskg
    >>> kg = awskg.load()
    >>> find_tour(kg, "컨테이너"), find_tour(kg, "순서대로 배우는 클라우드 기초"), find_tour(kg, "domain name")
    ('running-containers-on-aws', 'cloud-basics-in-order', 'from-domain-name-to-server')
    """
    if name in kg.tours:
        return name
    key = normalize(name)
    titles = {tour: normalize_all([tour, title(kg, tour, "en"), title(kg, tour, "ko")]) for tour in kg.tours}
    exact = [tour for tour, keys in titles.items() if key in keys]
    found = exact or [tour for tour, keys in titles.items() if key and any(key in k for k in keys)]
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousName(name, found, {tour: title(kg, tour, "ko") for tour in found}, what="tour")
    return require(name, kg.tours, "tour")  # no tour goes by it: raises, offering the closest


def tour(kg: KnowledgeGraph, name: str, lang: str = "en") -> Tour:
    """Walk one tour: each stop with its note and its link to the previous stop.

    >>> import awskg
    >>> walk = tour(awskg.load(), "running-containers-on-aws")
    >>> [h.text for h in walk.stops[2].link]
    ['Container image is stored in ECR']
    """
    name = find_tour(kg, name)
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
    return Tour(name, stops, title(kg, name, lang))
