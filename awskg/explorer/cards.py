"""A concept's card: everything ``awskg show`` prints about one node."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from awskg.graph.model import KnowledgeGraph

__all__ = ["Card", "card"]


@dataclass(frozen=True)
class Card:
    """One node with its facts; the fields are exactly the ``show --json`` contract.

    ``out`` holds ``{"relation", "target"}`` and ``in_`` (``in`` in JSON)
    holds ``{"relation", "source"}``, ids only, sorted by relation then id.
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

    def to_json(self) -> dict:
        data = asdict(self)
        data["in"] = data.pop("in_")
        return data


def card(kg: KnowledgeGraph, name: str) -> Card:
    """The card of the concept ``name`` (any id, label, Korean label or alias).

    >>> import awskg
    >>> c = card(awskg.load(), "리전")
    >>> c.id, {"relation": "part-of", "source": "availability-zone"} in c.in_
    ('region', True)
    """
    node_id = kg.resolve(name)
    attrs = kg.node(node_id)
    out = sorted(({"relation": e.relation, "target": e.target} for e in kg.out_edges(node_id)), key=_order)
    in_ = sorted(({"relation": e.relation, "source": e.source} for e in kg.in_edges(node_id)), key=_order)
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
    )


def _order(fact: dict[str, str]) -> tuple[str, ...]:
    return tuple(fact.values())
