"""Checking a stack of packs as one graph, and collecting every problem at once.

Authors fix packs in a spreadsheet, so one run must list everything wrong, each
at the line that causes it. The checks use dicts and sets only (no scan inside
a scan), so a 50,000-node pack costs no more than reading it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlparse

import networkx as nx

from awskg.graph.csvfile import Row
from awskg.graph.errors import Problem
from awskg.graph.model import KnowledgeGraph
from awskg.graph.names import NameIndex, node_names, normalize
from awskg.graph.vocabulary import ACYCLIC_RELATIONS, ID_PATTERN, Kind, Relation

__all__ = ["Checked", "check", "lint", "split_aliases"]


@dataclass
class Checked:
    """The rows that passed, as records ready to become a graph."""

    relations: dict[str, Relation] = field(default_factory=dict)
    kinds: dict[str, Kind] = field(default_factory=dict)
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    tours: dict[str, list[dict]] = field(default_factory=dict)
    origin: dict[object, Row] = field(default_factory=dict)


def split_aliases(cell: str) -> list[str]:
    """Aliases are one cell, separated by ``;``.

    >>> split_aliases("route53; Amazon Route 53;;")
    ['route53', 'Amazon Route 53']
    """
    return [alias.strip() for alias in cell.split(";") if alias.strip()]


def check(tables: dict[str, list[Row]]) -> tuple[Checked, list[Problem]]:
    """Validate the rows of every pack, stacked in load order.

    ``tables`` maps a table name (``nodes``, ``edges``, ...) to the rows of all
    packs in order, so a later pack may use what an earlier one defines.
    """
    out, problems = Checked(), []
    report = problems.append
    _check_vocabulary(tables.get("relations", []), out.relations, Relation, out, report)
    _check_vocabulary(tables.get("kinds", []), out.kinds, Kind, out, report)
    _check_nodes(tables.get("nodes", []), out, report)
    names = NameIndex((node_id, node_names(attrs)) for node_id, attrs in out.nodes.items())
    _check_edges(tables.get("edges", []), out, names, report)
    _check_cycles(out, report)
    _check_tours(tables.get("tours", []), out, names, report)
    return out, problems


def _known(kind: str, value: str, known: Iterable[str], names: NameIndex | None = None) -> str:
    """``unknown relation 'x', did you mean 'y'?``: the message for a name not defined."""
    pool = list(known)
    index = names or NameIndex((name, []) for name in pool)
    exact = index.lookup(value)
    suggestions = [exact] if exact else index.suggest(value)
    hint = f", did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    return f"unknown {kind} {value!r}{hint}"


def _check_vocabulary(rows: list[Row], into: dict, record: type, out: Checked, report) -> None:
    what = record.__name__.lower()
    for row in rows:
        name = row.get("name")
        if not ID_PATTERN.match(name):
            report(
                Problem(row.path, row.line, f"invalid {what} name {name!r}: use lowercase letters, digits and hyphens")
            )
        elif name in into:
            first = out.origin[(what, name)]
            report(
                Problem(row.path, row.line, f"duplicate {what} {name!r} (first defined at {first.path}:{first.line})")
            )
        else:
            columns = record.__dataclass_fields__
            into[name] = record(**{c: row.get(c) for c in columns})
            out.origin[(what, name)] = row


def _check_nodes(rows: list[Row], out: Checked, report) -> None:
    claims: dict[str, str] = {}
    for row in rows:
        node_id, kind, docs = row.get("id"), row.get("kind"), row.get("docs")
        bad = []
        if not ID_PATTERN.match(node_id):
            bad.append(f"invalid id {node_id!r}: use lowercase letters, digits and hyphens, e.g. 'availability-zone'")
        elif node_id in out.nodes:
            first = out.origin[("node", node_id)]
            bad.append(f"duplicate node id {node_id!r} (first defined at {first.path}:{first.line})")
        if kind not in out.kinds:
            bad.append(_known("kind", kind, out.kinds))
        if docs and urlparse(docs).scheme not in ("http", "https"):
            bad.append(f"docs must be an http(s) URL, got {docs!r}")
        aliases = split_aliases(row.get("aliases"))
        keys = {normalize(name): name for name in (node_id, row.get("label"), row.get("label_ko"), *aliases)}
        keys.pop("", None)
        for key, name in keys.items():
            owner = claims.get(key)
            if owner and owner != node_id:
                first = out.origin[("node", owner)]
                bad.append(f"name {name!r} is already taken by node {owner!r} ({first.path}:{first.line})")
        for message in bad:
            report(Problem(row.path, row.line, message))
        if node_id in out.nodes or not ID_PATTERN.match(node_id):
            continue
        # A node with a bad kind or link still counts as defined, so that the
        # edges naming it do not each report a second, misleading problem.
        claims.update(dict.fromkeys(keys, node_id))
        out.nodes[node_id] = {
            "label": row.get("label"),
            "label_ko": row.get("label_ko"),
            "kind": kind,
            "aliases": aliases,
            "summary": row.get("summary"),
            "summary_ko": row.get("summary_ko"),
            "docs": docs,
        }
        out.origin[("node", node_id)] = row


def _check_edges(rows: list[Row], out: Checked, names: NameIndex, report) -> None:
    for row in rows:
        source, relation, target = row.get("source"), row.get("relation"), row.get("target")
        bad = []
        for role, node in (("source", source), ("target", target)):
            if node not in out.nodes:
                bad.append(f"{role}: " + _known("node", node, out.nodes, names))
        if relation not in out.relations:
            bad.append(_known("relation", relation, out.relations))
        if source == target:
            bad.append(f"self-loop: {source!r} {relation} itself")
        key = (source, relation, target)
        if key in out.edges:
            first = out.origin[("edge", key)]
            bad.append(f"duplicate edge {source} {relation} {target} (first at {first.path}:{first.line})")
        for message in bad:
            report(Problem(row.path, row.line, message))
        if not bad:
            out.edges[key] = {"note": row.get("note"), "source_ref": row.get("source_ref")}
            out.origin[("edge", key)] = row


def _check_cycles(out: Checked, report) -> None:
    for relation in sorted(ACYCLIC_RELATIONS):
        sub = nx.DiGraph([(s, t) for (s, r, t) in out.edges if r == relation])
        for component in nx.strongly_connected_components(sub):
            if len(component) < 2:
                continue
            cycle = nx.find_cycle(sub.subgraph(component))
            rows = [out.origin[("edge", (s, relation, t))] for s, t in cycle]
            start = min(range(len(rows)), key=lambda i: (rows[i].path, rows[i].line))
            ordered = cycle[start:] + cycle[:start]
            chain = " -> ".join([ordered[0][0], *(t for _, t in ordered)])
            first = rows[start]
            report(Problem(first.path, first.line, f"cycle in {relation!r}: {chain}"))


def _check_tours(rows: list[Row], out: Checked, names: NameIndex, report) -> None:
    steps: dict[tuple[str, int], Row] = {}
    for row in rows:
        tour, step, node = row.get("tour"), row.get("step"), row.get("node")
        bad = []
        if not ID_PATTERN.match(tour):
            bad.append(f"invalid tour name {tour!r}: use lowercase letters, digits and hyphens")
        if not step.isdigit() or int(step) < 1:
            bad.append(f"step must be a whole number from 1, got {step!r}")
        elif (tour, int(step)) in steps:
            first = steps[(tour, int(step))]
            bad.append(f"duplicate step {step} of tour {tour!r} (first at {first.path}:{first.line})")
        if node not in out.nodes:
            bad.append(_known("node", node, out.nodes, names))
        for message in bad:
            report(Problem(row.path, row.line, message))
        if not bad:
            steps[(tour, int(step))] = row
            out.tours.setdefault(tour, []).append(
                {"step": int(step), "node": node, "note": row.get("note"), "note_ko": row.get("note_ko")}
            )
    for stops in out.tours.values():
        stops.sort(key=lambda stop: stop["step"])


def lint(kg: KnowledgeGraph) -> list[Problem]:
    """What is legal but probably a mistake (``check --strict``), each at its row.

    >>> import awskg
    >>> lint(awskg.load())
    []
    """
    warnings = []

    def warn(key: tuple, message: str) -> None:
        path, line = kg.origins.get(key, ("?", 0))
        warnings.append(Problem(path, line, f"warning: {message}"))

    for node, attrs in kg.graph.nodes(data=True):
        for field_name, what in (
            ("summary", "summary"),
            ("summary_ko", "Korean summary"),
            ("label_ko", "Korean label"),
        ):
            if not attrs[field_name]:
                warn(("node", node), f"node {node!r} has no {what} ({field_name})")
        if attrs["kind"] == "service" and not attrs["docs"]:
            warn(("node", node), f"service {node!r} has no docs URL")
    for source, target, relation, data in kg.graph.edges(keys=True, data=True):
        key = ("edge", (source, relation, target))
        if not data.get("source_ref"):
            warn(key, f"edge {source} {relation} {target} has no source_ref")
        for _, parent, kind in kg.graph.out_edges(source, keys=True):
            if kind == "is-a" and parent != target and kg.graph.has_edge(parent, target, key=relation):
                warn(key, f"edge {source} {relation} {target} repeats what its parent {parent!r} already states")
    return sorted(warnings)
