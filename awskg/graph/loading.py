"""From pack folders on disk to a :class:`KnowledgeGraph`, or a :class:`PackError`.

The built-in pack is read first, then each ``--pack`` overlay in the order
given; all rows are validated together, so an overlay may point at built-in
nodes, use built-in relations and kinds, and declare its own.
:func:`validate` stops there (what ``awskg check`` needs); :func:`load` goes
on to build the networkx graph.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from awskg.errors import PackError, Problem
from awskg.graph.adjacency import graph_of
from awskg.graph.csvfile import Row, read_table
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import NameIndex
from awskg.graph.validation import Checked, check, lint
from awskg.graph.vocabulary import SCHEMAS

__all__ = ["BUILTIN_PACK", "Validated", "load", "paused_gc", "read_packs", "validate"]

#: The pack that ships inside the package.
BUILTIN_PACK = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Validated:
    """What :func:`validate` found in a valid stack of packs."""

    nodes: int
    edges: int
    relations: int
    warnings: list[Problem]


def read_packs(
    folders: Iterable[Path], overrides: Mapping[Path, bytes] | None = None
) -> tuple[dict[str, list[Row]], list[Problem]]:
    """Read every file of every pack, stacking rows per table in pack order.

    ``overrides`` replaces the bytes of some files, so that an authoring
    command can validate a change before it writes anything.
    """
    tables: dict[str, list[Row]] = {name: [] for name in SCHEMAS}
    problems: list[Problem] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(Problem(str(folder), 0, "pack folder not found"))
            continue
        for name, schema in SCHEMAS.items():
            rows, found = read_table(folder / schema.filename, schema, (overrides or {}).get(folder / schema.filename))
            tables[name].extend(rows)
            problems.extend(found)
    return tables, problems


def validate(
    packs: Iterable[str | Path] = (),
    *,
    builtin: bool = True,
    overrides: Mapping[Path, bytes] | None = None,
    strict: bool = False,
) -> Validated:
    """Check the packs without building a graph; raise :class:`PackError` on any problem.

    >>> validate().nodes == load().graph.number_of_nodes()
    True
    """
    with paused_gc():
        checked, warnings = _checked(_folders(packs, builtin), overrides, strict)
    return Validated(len(checked.nodes), checked.edge_count, len(checked.relations), warnings)


def load(
    packs: Iterable[str | Path] = (), *, builtin: bool = True, overrides: Mapping[Path, bytes] | None = None
) -> KnowledgeGraph:
    """Load the built-in pack (unless ``builtin=False``) plus overlay ``packs``.

    Raises :class:`PackError` listing every problem when anything is wrong.
    ``overrides`` gives the bytes of some files, already read (the cache
    builds the graph from the very bytes it fingerprinted).

    >>> kg = load()
    >>> kg.graph.number_of_nodes() > 90, kg.graph.has_edge("eks", "fargate", key="uses")
    (True, True)
    """
    folders = _folders(packs, builtin)
    with paused_gc():
        checked, _ = _checked(folders, overrides, strict=False)
        graph = graph_of(checked.nodes, checked.succ, checked.pred)
    names = NameIndex(owner=checked.names)
    return KnowledgeGraph(
        graph,
        checked.relations,
        checked.kinds,
        names,
        checked.tours,
        overview=checked.overview,
        dimensions=checked.dimensions,
        values=checked.values,
        properties=checked.properties,
        complete=checked.complete,
    )


def _folders(packs: Iterable[str | Path], builtin: bool) -> list[Path]:
    return ([BUILTIN_PACK] if builtin else []) + [Path(p) for p in packs]


def _checked(
    folders: list[Path], overrides: Mapping[Path, bytes] | None, strict: bool
) -> tuple[Checked, list[Problem]]:
    tables, problems = read_packs(folders, overrides)
    checked, found = check(tables)
    problems += found
    if problems:
        raise PackError(problems)
    warnings = lint(checked, tables) if strict else []
    del tables  # the rows are no longer needed once checked
    del checked.node_rows, checked.edge_row_list  # only messages needed them
    return checked, warnings


@contextmanager
def paused_gc() -> Iterator[None]:
    """Loading (or reading or writing a cached graph) allocates hundreds of thousands
    of objects and frees none of them cyclically; pausing the cyclic collector
    meanwhile saves it from scanning the growing heap again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
