"""Whole-graph listings: the concepts, and counts by kind and relation."""

from __future__ import annotations

from dataclasses import dataclass

from awskg.explorer.record import Record
from awskg.graph.model import KnowledgeGraph

__all__ = ["Entry", "RelationRow", "Stats", "concepts", "stats", "vocabulary", "vocabulary_markdown"]


@dataclass(frozen=True)
class Entry(Record):
    """One line of ``awskg list``."""

    id: str
    label: str
    label_ko: str
    kind: str


@dataclass(frozen=True)
class RelationRow(Record):
    """One line of ``awskg relations``: the vocabulary entry and how many edges use it."""

    name: str
    label: str
    inverse_label: str
    label_ko: str
    inverse_label_ko: str
    description: str
    edges: int
    traits: list[str]
    heading_ko: str = ""
    inverse_heading_ko: str = ""


@dataclass(frozen=True)
class Stats(Record):
    """The ``stats --json`` contract: totals, then counts by kind and by relation."""

    nodes: int
    edges: int
    kinds: dict[str, int]
    relations: dict[str, int]


def concepts(kg: KnowledgeGraph, kind: str | None = None) -> list[Entry]:
    """Every concept (of one kind, if given), sorted by kind then label.

    >>> import awskg
    >>> [e.id for e in concepts(awskg.load(), "deployment-model")]
    ['community-cloud', 'hybrid-cloud', 'private-cloud', 'public-cloud']
    """
    wanted = kg.check_kind(kind) if kind is not None else None  # "" is a kind no concept has
    entries = [
        Entry(node, attrs["label"], attrs["label_ko"], attrs["kind"])
        for node, attrs in ((node, kg.node(node)) for node in kg.node_ids())
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
    kinds, relations = kg.kind_counts(), kg.relation_counts()
    return Stats(
        nodes=kg.node_count(),
        edges=kg.edge_count(),
        kinds=dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
        relations=dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def vocabulary(kg: KnowledgeGraph) -> list[RelationRow]:
    """Every relation with its readings and use count, in definition order.

    >>> import awskg
    >>> row = vocabulary(awskg.load())[2]
    >>> row.name, row.label, row.inverse_label, row.edges > 0
    ('runs-on', 'runs on', 'hosts', True)
    """
    counts = kg.relation_counts()
    return [
        RelationRow(
            r.name,
            r.label,
            r.inverse_label,
            r.label_ko,
            r.inverse_label_ko,
            r.description,
            counts[r.name],
            sorted(r.traits),
            r.heading_ko,
            r.inverse_heading_ko,
        )
        for r in kg.relations.values()
    ]


def vocabulary_markdown(kg: KnowledgeGraph) -> str:
    """The relation, trait, kind and dimension tables of docs/authoring.md, rendered from the loaded packs."""
    from awskg.graph.vocabulary import DIMENSION_TRAITS, KIND_TRAITS, RELATION_TRAITS

    lines = [
        "| relation | reads | inverse | 한국어 | 역방향 | 제목 | traits | edges | meaning |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| `{r.name}` | {_cell(r.label)} | {_cell(r.inverse_label)} | {_cell(r.label_ko)} "
        f"| {_cell(r.inverse_label_ko)} | {_cell(_headings(r))} | {' '.join(r.traits)} | {r.edges} "
        f"| {_cell(r.description)} |"
        for r in vocabulary(kg)
    ]
    lines += ["", "| relation trait | what it does |", "|---|---|"]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in RELATION_TRAITS.items()]
    kinds = kg.kind_counts()
    lines += ["", "| kind | label | 한국어 | traits | nodes | meaning |", "|---|---|---|---|---|---|"]
    lines += [
        f"| `{k.name}` | {_cell(k.label)} | {_cell(k.label_ko)} | {' '.join(sorted(k.traits))} | {kinds[k.name]} "
        f"| {_cell(k.description)} |"
        for k in kg.kinds.values()
    ]
    lines += ["", "| kind trait | what it does |", "|---|---|"]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in KIND_TRAITS.items()]
    lines += ["", "| dimension | label | 한국어 | traits | values | applies to |", "|---|---|---|---|---|---|"]
    lines += [
        f"| `{d.name}` | {_cell(d.label)} | {_cell(d.label_ko)} | {' '.join(sorted(d.traits))} "
        f"| {', '.join(f'`{v}`' for dim, v in kg.values if dim == d.name)} "
        f"| {' '.join(f'`{n}`' for n in sorted(d.applies_to)) or 'every concept of a kind that uses it'} |"
        for d in kg.dimensions.values()
    ]
    lines += ["", "| dimension trait | what it does |", "|---|---|"]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in DIMENSION_TRAITS.items()]
    return "\n".join(lines) + "\n"


#: What Markdown would read as markup, a link, raw HTML or a table's cell border: escaped with a backslash.
_MARKUP = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|&!~#"} | {"\r": " ", "\n": " "})


def _cell(text: str) -> str:
    """Pack text as one Markdown table cell, shown as written: never a link, HTML or a new cell or row.

    >>> print(_cell("a|b <script> [l](javascript:x)\\nnext"))
    a\\|b \\<script\\> \\[l\\](javascript:x) next
    """
    return text.translate(_MARKUP)


def _headings(row: RelationRow) -> str:
    """The Korean headings, forward / inverse, as the vocabulary table shows them ("" if none)."""
    return f"{row.heading_ko} / {row.inverse_heading_ko}" if row.heading_ko or row.inverse_heading_ko else ""
