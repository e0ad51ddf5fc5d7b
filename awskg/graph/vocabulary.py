"""What a pack may contain: the files, their columns, and the relation and kind records.

The schemas here are the single statement of the pack format; the loader, the
validator, ``init-pack`` and the CSV export all read them, so the format cannot
drift between the code that reads packs and the code that writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ACYCLIC_RELATIONS",
    "CORE_RELATIONS",
    "ID_PATTERN",
    "RESERVED_IDS",
    "SCHEMAS",
    "Kind",
    "Relation",
    "Schema",
]


@dataclass(frozen=True)
class Schema:
    """The columns of one pack file, in the order awskg writes them."""

    filename: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    optional_file: bool = False


SCHEMAS: dict[str, Schema] = {
    "nodes": Schema(
        "nodes.csv",
        ("id", "label", "label_ko", "kind", "aliases", "summary", "summary_ko", "docs"),
        ("id", "label", "kind"),
    ),
    "edges": Schema(
        "edges.csv",
        ("source", "relation", "target", "note", "source_ref", "note_ko"),
        ("source", "relation", "target"),
    ),
    "relations": Schema(
        "relations.csv",
        ("name", "label", "inverse_label", "label_ko", "inverse_label_ko", "description"),
        ("name", "label", "inverse_label"),
        optional_file=True,
    ),
    "kinds": Schema(
        "kinds.csv",
        ("name", "label", "label_ko", "description"),
        ("name", "label"),
        optional_file=True,
    ),
    "tours": Schema(
        "tours.csv",
        ("tour", "step", "node", "note", "note_ko"),
        ("tour", "step", "node"),
        optional_file=True,
    ),
}

#: Relations the built-in pack must define, with exactly these names.
CORE_RELATIONS = (
    "is-a",
    "part-of",
    "runs-on",
    "uses",
    "manages",
    "provisions",
    "triggers",
    "routes-to",
)

#: Relations whose edges must never form a cycle: nothing is its own ancestor or part.
ACYCLIC_RELATIONS = frozenset({"is-a", "part-of"})

#: Ids, relation and kind names are lowercase slugs: ``availability-zone``, ``is-a``.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Slugs the HTML map's renderer cannot take as ids: vis-network keeps nodes in a
#: plain JavaScript object, where ``constructor`` is already taken.
RESERVED_IDS = frozenset({"constructor"})


@dataclass(frozen=True)
class Relation:
    """A typed edge and how it reads in both directions and both languages.

    ``label_ko`` and ``inverse_label_ko`` begin with the particle that follows
    the other concept, written as a pair where it depends on the final
    syllable (``을/를 사용한다``, with-final-consonant form first); :mod:`awskg.explorer.sentences` picks the form.
    """

    name: str
    label: str
    inverse_label: str
    label_ko: str = ""
    inverse_label_ko: str = ""
    description: str = ""


@dataclass(frozen=True)
class Kind:
    """A category of node (service, concept, ...), used for colour, filters and quizzes."""

    name: str
    label: str
    label_ko: str = ""
    description: str = ""
