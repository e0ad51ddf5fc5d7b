"""A concept's card: everything ``awskg show`` prints about one node."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from awskg.graph.model import Edge, KnowledgeGraph
from awskg.graph.vocabulary import Property

__all__ = ["Card", "card"]


@dataclass(frozen=True)
class Card:
    """One node with its facts; the fields are exactly the ``show --json`` contract.

    ``out`` holds ``{"relation", "target", "note", "note_ko", "source_ref"}``
    and ``in_`` (``in`` in JSON) the same with ``source``, sorted by relation
    then id; ``properties`` hold ``{"dimension", "value", "label",
    "label_ko", "note", "note_ko", "source_ref"}`` (the labels are the value's).
    """

    id: str
    label: str
    label_ko: str
    kind: str
    aliases: list[str]
    summary: str
    summary_ko: str
    docs: str
    out: list[dict[str, str]]
    in_: list[dict[str, str]]
    properties: list[dict[str, str]]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {("in" if key == "in_" else key): value for key, value in data.items()}


def card(kg: KnowledgeGraph, name: str) -> Card:
    """The card of the concept ``name`` (any id, label, Korean label or alias).

    >>> import awskg
    >>> c = card(awskg.load(), "리전")
    >>> c.id, ("part-of", "availability-zone") in [(f["relation"], f["source"]) for f in c.in_]
    ('region', True)
    """
    node_id = kg.resolve(name)
    attrs = kg.node(node_id)
    out = sorted(({"relation": e.relation, "target": e.target, **_cited(e)} for e in kg.out_edges(node_id)), key=_order)
    in_ = sorted(({"relation": e.relation, "source": e.source, **_cited(e)} for e in kg.in_edges(node_id)), key=_order)
    properties = [
        {
            "dimension": p.dimension,
            "value": p.value,
            "label": kg.values[(p.dimension, p.value)].label,
            "label_ko": kg.values[(p.dimension, p.value)].label_ko,
            **_cited(p),
        }
        for p in kg.properties_of(node_id)
    ]
    return Card(
        id=node_id,
        label=attrs["label"],
        label_ko=attrs["label_ko"],
        kind=attrs["kind"],
        aliases=list(attrs["aliases"]),
        summary=attrs["summary"],
        summary_ko=attrs["summary_ko"],
        docs=attrs["docs"],
        out=out,
        in_=in_,
        properties=properties,
    )


def _cited(record: Edge | Property) -> dict[str, str]:
    return {"note": record.note, "note_ko": record.note_ko, "source_ref": record.source_ref}


def _order(fact: dict[str, str]) -> tuple[str, ...]:
    return tuple(fact.values())
