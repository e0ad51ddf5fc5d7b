"""A pack folder (every table of the pack format) that ``awskg --pack`` loads back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import networkx as nx

from awskg.errors import PackWriteError
from awskg.graph.atomic import write_all
from awskg.graph.csvfile import format_row
from awskg.graph.model import KnowledgeGraph
from awskg.graph.vocabulary import SCHEMAS

__all__ = ["render_csv", "rows_to_csv", "write_pack"]


def rows_to_csv(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    """CSV text with a header, quoted only where needed (the reader's own rules), ``\\n`` line endings."""
    return "".join(format_row(row) for row in [list(columns), *rows])


def write_pack(folder: Path, files: dict[str, str], *, force: bool = False) -> None:
    """Write the pack files into ``folder``, which must be new or empty unless ``force``.

    Writing replaces any pack already there: the user's own rows would be lost
    without a word. The installed package's data folder is never written, even
    with ``force``, nor any file of the folder that is a link into it or into
    another pack. The files are written all or nothing (a read-only one stops
    the write before anything changes): a pack is never left half old, half
    new. Like every other format, a missing parent folder is an error, not
    created.
    """
    from awskg.graph.authoring import refuse_foreign
    from awskg.graph.loading import BUILTIN_PACK

    if folder.exists() and not folder.is_dir():
        raise PackWriteError(f"{folder} is a file; --format csv writes a pack folder")
    if folder.resolve() == BUILTIN_PACK.resolve():
        raise PackWriteError(f"{folder} is awskg's built-in pack, which is never written; choose another folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise PackWriteError(
            f"{folder} is not empty: writing would replace its pack files; choose a new folder, or pass --force"
        )
    for name in files:
        refuse_foreign(folder / name, folder)
    folder.mkdir(exist_ok=True)
    write_all({folder / name: text for name, text in files.items()})


def render_csv(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> dict[str, str]:
    """File name -> text of each pack file; relations and kinds are the graph's whole vocabularies."""
    nodes = [
        [node, *(";".join(attrs[c]) if c == "aliases" else attrs[c] for c in SCHEMAS["nodes"].columns[1:])]
        for node, attrs in graph.nodes(data=True)
    ]
    edges = [
        [s, r, t, d.get("note", ""), d.get("source_ref", ""), d.get("note_ko", "")]
        for s, t, r, d in graph.edges(keys=True, data=True)
    ]
    relations = [_record(rel, "relations") for rel in kg.relations.values()]
    kinds = [_record(kind, "kinds") for kind in kg.kinds.values()]
    # a slice names only its own concepts: applies_to keeps those in it, or the pack would not load
    dimensions = [
        _record(replace(d, applies_to=frozenset(n for n in d.applies_to if n in graph)), "dimensions")
        for d in kg.dimensions.values()
    ]
    values = [_record(value, "values") for value in kg.values.values()]
    properties = [_record(p, "properties") for node in graph for p in kg.properties_of(node)]
    complete = [_record(mark, "complete") for mark in kg.complete.values() if mark.node in graph]
    tours = [
        [name, str(stop["step"]), stop["node"], stop["note"], stop["note_ko"], stop["title"], stop["title_ko"]]
        for name, stops in kg.tours.items()
        for stop in stops
        if all(s["node"] in graph for s in stops)  # a tour is kept only when the slice holds all its stops
    ]
    overview = [[topic, node] for topic, node in kg.overview if topic in graph and node in graph]
    tables = {
        "nodes": nodes,
        "edges": edges,
        "relations": relations,
        "kinds": kinds,
        "tours": tours,
        "overview": overview,
        "dimensions": dimensions,
        "values": values,
        "properties": properties,
        "complete": complete,
    }
    return {SCHEMAS[name].filename: rows_to_csv(SCHEMAS[name].columns, rows) for name, rows in tables.items()}


def _record(record: object, table: str) -> list[str]:
    """A vocabulary record as its table's row; traits are written space-separated, as read."""
    cells = [getattr(record, column) for column in SCHEMAS[table].columns]
    return [" ".join(sorted(c)) if isinstance(c, frozenset) else c for c in cells]
