"""From pack folders on disk to a :class:`KnowledgeGraph`, or a :class:`PackError`.

The built-in pack is read first, then each ``--pack`` overlay in the order
given; all rows are validated together, so an overlay may point at built-in
nodes, use built-in relations and kinds, and declare its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import networkx as nx

from awskg.graph.csvfile import Row, read_table
from awskg.graph.errors import PackError, Problem
from awskg.graph.model import KnowledgeGraph
from awskg.graph.validation import check
from awskg.graph.vocabulary import SCHEMAS

__all__ = ["BUILTIN_PACK", "load", "read_packs"]

#: The pack that ships inside the package.
BUILTIN_PACK = Path(__file__).parent / "data"


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


def load(
    packs: Iterable[str | Path] = (), *, builtin: bool = True, overrides: Mapping[Path, bytes] | None = None
) -> KnowledgeGraph:
    """Load the built-in pack (unless ``builtin=False``) plus overlay ``packs``.

    Raises :class:`PackError` listing every problem when anything is wrong.

    >>> kg = load()
    >>> kg.graph.number_of_nodes() > 90, kg.graph.has_edge("eks", "fargate", key="runs-on")
    (True, True)
    """
    folders = ([BUILTIN_PACK] if builtin else []) + [Path(p) for p in packs]
    tables, problems = read_packs(folders, overrides)
    checked, found = check(tables)
    problems += found
    if problems:
        raise PackError(problems)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(checked.nodes.items())
    graph.add_edges_from(
        (source, target, relation, {"relation": relation, **attrs})
        for (source, relation, target), attrs in checked.edges.items()
    )
    origins = {key: (row.path, row.line) for key, row in checked.origin.items() if key[0] in ("node", "edge")}
    return KnowledgeGraph(graph, checked.relations, checked.kinds, checked.tours, tuple(folders), origins)
