"""Checking a stack of packs as one graph, and collecting every problem at once.

Authors fix packs in a spreadsheet, so one run must list everything wrong, each
at the line that causes it. The checks use dicts and sets only (no scan inside
a scan), so a 50,000-node pack costs no more than reading it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice, repeat
from typing import Any

from awskg.errors import Problem, did_you_mean
from awskg.graph.adjacency import Adjacency, Nodes, add_node, add_pair
from awskg.graph.coverage import gaps
from awskg.graph.csvfile import Row
from awskg.graph.hangul import TOPIC_OPENING, nouns_in, particle_slips
from awskg.graph.names import NameIndex, closest, normalize_all
from awskg.graph.text import is_web_url
from awskg.graph.vocabulary import (
    DIMENSION_TRAITS,
    DIRECTIONS,
    ID_PATTERN,
    KIND_FAMILIES,
    KIND_TRAITS,
    LINE_STYLES,
    PREREQUISITE_TRAITS,
    RELATION_FAMILIES,
    RELATION_TRAITS,
    RESERVED_IDS,
    SHAPES,
    Completeness,
    Dimension,
    Kind,
    Property,
    Relation,
    Value,
)

#: Where a check reports what it found.
Report = Callable[[Problem], None]

__all__ = ["Checked", "check", "lint", "split_aliases"]

#: "Did you mean" for the first this many unknown names of each kind; only a count after that.
SUGGESTIONS_PER_KIND = 20

#: A tour step: one to six plain ASCII digits, not ``٣`` or ``１``, and not 23 of them.
_STEP = re.compile(r"[0-9]{1,6}")


@dataclass
class Checked:
    """The rows that passed, as records ready to become a graph."""

    relations: dict[str, Relation] = field(default_factory=dict)
    kinds: dict[str, Kind] = field(default_factory=dict)
    #: id -> the node's attributes, and source -> target -> relation -> the edge's attributes
    #: from both ends: the very dicts the graph will hold (:mod:`awskg.graph.adjacency`)
    nodes: Nodes = field(default_factory=dict)
    succ: Adjacency = field(default_factory=dict)
    pred: Adjacency = field(default_factory=dict)
    edge_count: int = 0
    tours: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: (topic, concept) pairs of the first view, in pack order (overview.csv)
    overview: list[tuple[str, str]] = field(default_factory=list)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    values: dict[tuple[str, str], Value] = field(default_factory=dict)
    #: node id -> its properties, in pack order
    properties: dict[str, list[Property]] = field(default_factory=dict)
    #: (node, relation, direction) -> the mark that closes those facts
    complete: dict[tuple[str, str, str], Completeness] = field(default_factory=dict)
    #: every node's names, normalized -> id: the name index, built once here
    names: dict[str, str] = field(default_factory=dict)
    #: the row each relation, kind, node and edge came from, for messages
    relation_rows: dict[str, Row] = field(default_factory=dict)
    kind_rows: dict[str, Row] = field(default_factory=dict)
    node_rows: dict[str, Row] = field(default_factory=dict)
    #: every edge row, in pack order; :meth:`edge_row` finds one
    edge_row_list: list[Row] = field(default_factory=list)
    _edge_index: dict[tuple[str, ...], Row] | None = None

    def edges(self) -> Iterator[tuple[str, str, str, dict[str, str]]]:
        """(source, relation, target, attributes) of every accepted fact, source by source."""
        for source, targets in self.succ.items():
            for target, keys in targets.items():
                for relation, attrs in keys.items():
                    yield source, relation, target, attrs

    def edge_row(self, source: str, relation: str, target: str) -> Row:
        """The row that stated an accepted fact (the first, if it was stated twice).

        Only messages need it, so the index is built on first use, not for
        every edge of every valid pack.
        """
        if self._edge_index is None:
            self._edge_index = {tuple(row.cells[:3]): row for row in reversed(self.edge_row_list)}
        return self._edge_index[(source, relation, target)]


def split_aliases(cell: str) -> list[str]:
    """Aliases are one cell, separated by ``;``.

    >>> split_aliases("route53; Amazon Route 53;;")
    ['route53', 'Amazon Route 53']
    """
    return [alias for alias in map(str.strip, cell.split(";")) if alias]


def check(tables: dict[str, list[Row]]) -> tuple[Checked, list[Problem]]:
    """Validate the rows of every pack, stacked in load order.

    ``tables`` maps a table name (``nodes``, ``edges``, ...) to the rows of all
    packs in order, so a later pack may use what an earlier one defines.
    """
    out, problems = Checked(), list[Problem]()
    report = problems.append
    hints = _Hints()
    _check_vocabulary(tables.get("relations", []), out.relations, out.relation_rows, Relation, report)
    _check_vocabulary(tables.get("kinds", []), out.kinds, out.kind_rows, Kind, report)
    dimension_rows: dict[str, Row] = {}
    _check_vocabulary(tables.get("dimensions", []), out.dimensions, dimension_rows, Dimension, report)
    _check_values(tables.get("values", []), out, report)
    _check_nodes(tables.get("nodes", []), out, report, hints)
    names = NameIndex(owner=out.names)
    _check_applies_to(dimension_rows, out, names, report, hints)
    shaped = _check_edges(tables.get("edges", []), out, names, report, hints)
    _check_cycles(shaped, out, report)
    _check_prerequisites(shaped, out, report)
    _check_tours(tables.get("tours", []), out, names, report, hints)
    _check_overview(tables.get("overview", []), out, names, report, hints)
    _check_properties(tables.get("properties", []), out, names, report)
    _check_complete(tables.get("complete", []), out, names, report)
    hints.count_the_rest(problems)
    return out, problems


class _Hints:
    """How many unknown names of each kind got suggestions; the first one past the limit."""

    def __init__(self) -> None:
        self.given: Counter[str] = Counter()
        self.first_skipped: dict[str, str] = {}
        self.skipped: Counter[str] = Counter()

    def wanted(self, kind: str, message: str) -> bool:
        if self.given[kind] < SUGGESTIONS_PER_KIND:
            self.given[kind] += 1
            return True
        self.first_skipped.setdefault(kind, message)
        self.skipped[kind] += 1
        return False

    def count_the_rest(self, problems: list[Problem]) -> None:
        """Say, on the first unknown name left without suggestions, how many are."""
        for kind, message in self.first_skipped.items():
            for index, problem in enumerate(problems):
                if problem.message.endswith(message):
                    note = (
                        f" (suggestions stop after {SUGGESTIONS_PER_KIND} unknown {kind} names:"
                        f" this one and {self.skipped[kind] - 1} more have none)"
                    )
                    problems[index] = Problem(problem.path, problem.line, problem.message + note)
                    break


def _known(
    kind: str, value: str, known: Iterable[str], names: NameIndex | None = None, hints: _Hints | None = None
) -> str:
    """``unknown relation 'x'; did you mean 'y'?``: the message for a name not defined.

    Suggestions come from the name index, for the first few unknown names of each kind only.
    """
    message = f"unknown {kind} {value!r}"
    if hints is not None and not hints.wanted(kind, message):
        return message
    return f"{message}{did_you_mean(closest(value, names or known))}"


#: The words a vocabulary record's ``traits`` column may hold, by record type.
_TRAITS: dict[type, dict[str, str]] = {Relation: RELATION_TRAITS, Dimension: DIMENSION_TRAITS, Kind: KIND_TRAITS}
#: The columns of a vocabulary record that name one of a few styles, by record type (empty: the default).
_CHOICES: dict[type, dict[str, tuple[str, ...]]] = {
    Relation: {"family": RELATION_FAMILIES, "line": LINE_STYLES},
    Kind: {"family": KIND_FAMILIES, "shape": SHAPES},
}


def _check_vocabulary(
    rows: list[Row], into: dict[str, Any], origin: dict[str, Row], record: Any, report: Report
) -> None:
    what = record.__name__.lower()
    allowed = _TRAITS.get(record, {})
    for row in rows:
        name = row.get("name")
        values: dict[str, Any] = {c: row.get(c) for c in record.__dataclass_fields__}
        if "traits" in values:
            words = values["traits"].split()
            for word in words:
                if word not in allowed:
                    report(Problem(row.path, row.line, _known("trait", word, allowed)))
            values["traits"] = frozenset(word for word in words if word in allowed)
        if "applies_to" in values:  # node ids, checked once the nodes are known
            values["applies_to"] = frozenset(values["applies_to"].split())
        for column, choices in _CHOICES.get(record, {}).items():
            if values[column] and values[column] not in choices:
                report(Problem(row.path, row.line, _known(column, values[column], choices)))
                values[column] = ""
        if not ID_PATTERN.match(name):
            report(
                Problem(row.path, row.line, f"invalid {what} name {name!r}: use lowercase letters, digits and hyphens")
            )
        elif name in into:
            first = origin[name]
            report(
                Problem(row.path, row.line, f"duplicate {what} {name!r} (first defined at {first.path}:{first.line})")
            )
        else:
            into[name] = record(**values)
            origin[name] = row


def _check_applies_to(rows: dict[str, Row], out: Checked, names: NameIndex, report: Report, hints: _Hints) -> None:
    """Every node a dimension's ``applies_to`` names must exist, reported at the dimension's row."""
    for name, row in rows.items():
        for node in sorted(out.dimensions[name].applies_to - out.nodes.keys()):
            report(Problem(row.path, row.line, "applies_to: " + _known("node", node, out.nodes, names, hints)))


def _check_values(rows: list[Row], out: Checked, report: Report) -> None:
    for row in rows:
        dimension, value, label, label_ko, description, question, question_ko = row.cells
        if dimension not in out.dimensions:
            report(Problem(row.path, row.line, _known("dimension", dimension, out.dimensions)))
        elif not ID_PATTERN.match(value):
            report(Problem(row.path, row.line, f"invalid value {value!r}: use lowercase letters, digits and hyphens"))
        elif (dimension, value) in out.values:
            report(Problem(row.path, row.line, f"duplicate value {value!r} of dimension {dimension!r}"))
        else:
            out.values[(dimension, value)] = Value(
                dimension, value, label, label_ko, description, question, question_ko
            )


def _check_nodes(rows: list[Row], out: Checked, report: Report, hints: _Hints) -> None:
    """Add each node row and report every rule it breaks, each rule a function of its own.

    A rule's function returns its message, built only when the row breaks it,
    so a row with nothing wrong costs its checks and no message. A node with a
    valid, new id is added, and claims its names, even with a bad kind or link,
    so that the edges naming it do not each report a second, misleading problem.
    """
    aliases_of = [split_aliases(row.cells[4]) if row.cells[4] else [] for row in rows]
    names_of = [(row.cells[1], row.cells[2], *aliases) for row, aliases in zip(rows, aliases_of, strict=True)]
    # every name of every node normalized in one pass: a fifth of the time of one pass per name
    normalized = iter(normalize_all(list(chain.from_iterable(names_of))))
    for row, aliases, names in zip(rows, aliases_of, names_of, strict=True):
        node_id, _, _, kind, _, _, _, docs, _ = row.cells
        # a valid id is already normalized but for its hyphens
        keys = (node_id.replace("-", ""), *islice(normalized, len(names)))
        id_problem = _id_problem(node_id, out)
        taken = _taken_names(keys, node_id, names, out, claim=id_problem is None)
        if id_problem is None:
            _add_node(row, aliases, out)
        for message in (id_problem, _kind_problem(kind, out, hints), _docs_problem(docs), *taken):
            if message is not None:
                report(Problem(row.path, row.line, message))


def _id_problem(node_id: str, out: Checked) -> str | None:
    """A node id is a slug the map can draw, and no other node's."""
    if node_id in RESERVED_IDS:
        return f"id {node_id!r} is reserved (the HTML map cannot draw it); choose another, e.g. '{node_id}-concept'"
    if not ID_PATTERN.match(node_id):
        return f"invalid id {node_id!r}: use lowercase letters, digits and hyphens, e.g. 'availability-zone'"
    if node_id in out.nodes:
        first = out.node_rows[node_id]
        return f"duplicate node id {node_id!r} (first defined at {first.path}:{first.line})"
    return None


def _kind_problem(kind: str, out: Checked, hints: _Hints) -> str | None:
    """A node's kind is one kinds.csv defines."""
    return None if kind in out.kinds else _known("kind", kind, out.kinds, hints=hints)


def _docs_problem(docs: str) -> str | None:
    """A node's docs link is empty or an http(s) URL: the page opens it, so no ``javascript:``."""
    return None if not docs or is_web_url(docs) else f"docs must be an http(s) URL, got {docs!r}"


def _taken_names(keys: tuple[str, ...], node_id: str, names: tuple[str, ...], out: Checked, claim: bool) -> list[str]:
    """No two nodes share a name, once normalized: the messages for the names another node holds.

    ``keys`` are the id and ``names``, normalized; an empty one names nothing.
    With ``claim`` (the node is new) its names become its own; a name given
    twice is reported once.
    """
    owner_of = out.names.setdefault if claim else out.names.get
    owners = [*map(owner_of, filter(None, keys), repeat(node_id))]
    if owners.count(node_id) == len(owners):
        return []
    messages = []
    for position, (key, name) in enumerate(zip(keys, (node_id, *names), strict=True)):
        owner = out.names.get(key, node_id) if key else node_id
        if owner != node_id and keys.index(key) == position:
            first = out.node_rows[owner]
            messages.append(f"name {name!r} is already taken by node {owner!r} ({first.path}:{first.line})")
    return messages


def _add_node(row: Row, aliases: list[str], out: Checked) -> None:
    node_id, label, label_ko, kind, _, summary, summary_ko, docs, reading_ko = row.cells
    attrs = {
        "label": label,
        "label_ko": label_ko,
        "kind": kind,
        "aliases": aliases,
        "summary": summary,
        "summary_ko": summary_ko,
        "docs": docs,
        "reading_ko": reading_ko,
    }
    add_node(out.nodes, out.succ, out.pred, node_id, attrs)
    out.node_rows[node_id] = row


def _check_edges(
    rows: list[Row], out: Checked, names: NameIndex, report: Report, hints: _Hints
) -> list[tuple[str, str, str]]:
    """Accept each valid fact into the adjacency; return, in row order, the facts whose shape other rules check.

    Those are the facts of relations that are ``acyclic`` or order learning (a
    prerequisite trait): the cycle rules read them from here instead of
    walking every fact of the pack again.

    A fact is valid when its ends and relation are known, its ends differ, and
    it was not stated before (a symmetric one, either way round). Each rule is
    checked once; the messages of a fact that breaks one are built from what
    the check found.
    """
    nodes, relations, succ, pred = out.nodes, out.relations, out.succ, out.pred
    shaped = {
        name for name, record in relations.items() if record.has("acyclic") or record.traits & set(PREREQUISITE_TRAITS)
    }
    facts: list[tuple[str, str, str]] = []
    out.edge_row_list = rows
    symmetric = {name for name, record in relations.items() if record.has("symmetric")}
    # Each id and relation name as the one string object its definition made: looking it up
    # says whether it is known, and a graph (and its cache) holding one object per name
    # instead of one per mention is a fifth smaller and quicker to copy.
    node_of, relation_of = {node: node for node in nodes}.get, {name: name for name in relations}.get
    count = 0
    for row in rows:
        source, relation, target, note, source_ref, note_ko = row.cells
        s, r, t, loop = node_of(source), relation_of(relation), node_of(target), source == target
        if s is None or r is None or t is None or loop:
            for message in _fact_problems(row, (s, r, t), loop, out, names, hints):
                report(Problem(row.path, row.line, message))
            continue
        keys = succ[s].get(t)
        if keys is not None and r in keys:
            first = out.edge_row(s, r, t)
        elif r in symmetric and r in succ[t].get(s, ()):
            first = out.edge_row(t, r, s)
        else:
            if keys is None:
                keys = add_pair(succ, pred, s, t)
            keys[r] = {"relation": r, "note": note, "source_ref": source_ref, "note_ko": note_ko}
            row.cells[:3] = s, r, t  # the row, kept for messages, no longer holds second copies
            count += 1
            if r in shaped:
                facts.append((s, r, t))
            continue
        message = f"duplicate edge {source} {relation} {target} (first at {first.path}:{first.line})"
        report(Problem(row.path, row.line, message))
    out.edge_count += count
    return facts


def _fact_problems(
    row: Row, found: tuple[str | None, ...], loop: bool, out: Checked, names: NameIndex, hints: _Hints
) -> list[str]:
    """The messages for a fact whose source, relation or target was not found (None), or that is a self-loop."""
    source, relation, target = row.cells[:3]
    bad = [
        f"{role}: " + _known("node", name, out.nodes, names, hints)
        for role, name, known in (("source", source, found[0]), ("target", target, found[2]))
        if known is None
    ]
    if found[1] is None:
        bad.append(_known("relation", relation, out.relations, hints=hints))
    if loop:
        bad.append(f"self-loop: {source!r} {relation} itself")
    return bad


def _check_cycles(facts: list[tuple[str, str, str]], out: Checked, report: Report) -> None:
    """Report a cycle in each acyclic relation's facts, naming it at its rows."""
    acyclic: dict[str, list[tuple[str, str]]] = {
        name: [] for name, record in sorted(out.relations.items()) if record.has("acyclic")
    }
    for source, relation, target in facts:
        if relation in acyclic:
            acyclic[relation].append((source, target))
    for relation, pairs in acyclic.items():
        if not _has_cycle(pairs):
            continue
        import networkx as nx  # only to name the cycle, which is rare

        sub: nx.DiGraph[str] = nx.DiGraph(pairs)
        for component in nx.strongly_connected_components(sub):
            if len(component) < 2:
                continue
            cycle = nx.find_cycle(sub.subgraph(component))
            places = [out.edge_row(s, relation, t)[:2] for s, t in cycle]
            start = places.index(min(places))
            ordered = cycle[start:] + cycle[:start]
            chain = " -> ".join([ordered[0][0], *(t for _, t in ordered)])
            report(Problem(*places[start], f"cycle in {relation!r}: {chain}"))


def _check_prerequisites(facts: list[tuple[str, str, str]], out: Checked, report: Report) -> None:
    """Refuse a relation that orders learning both ways, and a cycle of prerequisites.

    A prerequisite cycle may run through several relations (ALB is a type of
    ELB, and ELB were part of ALB), so the facts of every relation with a
    prerequisite trait are read together, as "needs" pairs: the first of each
    pair is learned after the second.
    """
    both = set(PREREQUISITE_TRAITS)
    for name, record in out.relations.items():
        if both <= record.traits:
            row = out.relation_rows[name]
            message = f"relation {name!r} has both traits {' and '.join(PREREQUISITE_TRAITS)}: keep one"
            report(Problem(row.path, row.line, message))
    forward, backward = ({n for n, r in out.relations.items() if r.has(trait)} for trait in PREREQUISITE_TRAITS)
    if not forward and not backward:
        return
    fact_of: dict[tuple[str, str], tuple[str, str, str]] = {}
    for source, relation, target in facts:  # every fact of a prerequisite relation, in row order
        if relation in forward:
            fact_of.setdefault((source, target), (source, relation, target))
        elif relation in backward:
            fact_of.setdefault((target, source), (source, relation, target))
    if not _has_cycle(list(fact_of)):
        return
    import networkx as nx  # only to name the cycle, which is rare

    sub: nx.DiGraph[str] = nx.DiGraph(list(fact_of))
    for component in nx.strongly_connected_components(sub):
        if len(component) < 2:
            continue
        cycle = nx.find_cycle(sub.subgraph(component))
        (only, *others) = {fact_of[pair][1] for pair in cycle}
        if not others and out.relations[only].has("acyclic"):
            continue  # already reported as a cycle of that relation
        places = [out.edge_row(*fact_of[pair])[:2] for pair in cycle]
        start = places.index(min(places))
        ordered = cycle[start:] + cycle[:start]
        chain = ", which needs ".join([ordered[0][0], *(t for _, t in ordered)])
        report(Problem(*places[start], f"cycle of prerequisites: {chain}"))


def _has_cycle(pairs: list[tuple[str, str]]) -> bool:
    """Kahn's algorithm: a quick yes/no before the slower search that names the cycle.

    A cycle only passes through nodes with an edge in and an edge out, so a
    few rounds of set operations first drop every edge touching any other
    node (most of a hierarchy: its leaves and roots), leaving Kahn's Python
    loop a small remainder.

    >>> _has_cycle([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]), _has_cycle([("a", "b"), ("b", "c")])
    (True, False)
    """
    for _ in range(3):
        inner = {source for source, _ in pairs} & {target for _, target in pairs}
        kept = [(source, target) for source, target in pairs if source in inner and target in inner]
        if len(kept) == len(pairs):
            break
        pairs = kept
    successors: dict[str, list[str]] = {}
    indegree: dict[str, int] = {}
    for source, target in pairs:
        successors.setdefault(source, []).append(target)
        indegree[target] = indegree.get(target, 0) + 1
        indegree.setdefault(source, 0)
    ready = [node for node, degree in indegree.items() if degree == 0]
    removed = 0
    while ready:
        node = ready.pop()
        removed += 1
        for target in successors.get(node, ()):
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return removed < len(indegree)


def _check_tours(rows: list[Row], out: Checked, names: NameIndex, report: Report, hints: _Hints) -> None:
    steps: dict[tuple[str, int], Row] = {}
    for row in rows:
        tour, step, node, note, note_ko, title, title_ko = row.cells
        bad = []
        if not ID_PATTERN.match(tour):
            bad.append(f"invalid tour name {tour!r}: use lowercase letters, digits and hyphens")
        if not _STEP.fullmatch(step) or int(step) < 1:
            bad.append(f"step must be a whole number from 1, got {step!r}")
        elif (tour, int(step)) in steps:
            first = steps[(tour, int(step))]
            bad.append(f"duplicate step {step} of tour {tour!r} (first at {first.path}:{first.line})")
        if node not in out.nodes:
            bad.append(_known("node", node, out.nodes, names, hints))
        for message in bad:
            report(Problem(row.path, row.line, message))
        if not bad:
            steps[(tour, int(step))] = row
            out.tours.setdefault(tour, []).append(
                {
                    "step": int(step),
                    "node": node,
                    "note": note,
                    "note_ko": note_ko,
                    "title": title,
                    "title_ko": title_ko,
                }
            )
    for stops in out.tours.values():
        stops.sort(key=lambda stop: stop["step"])


def _check_overview(rows: list[Row], out: Checked, names: NameIndex, report: Report, hints: _Hints) -> None:
    """The first view's concepts, each under the concept that heads its topic, once each."""
    first: dict[str, Row] = {}
    for row in rows:
        topic, node = row.cells
        bad = [_known("node", name, out.nodes, names, hints) for name in (topic, node) if name not in out.nodes]
        if node in first:
            bad.append(f"{node!r} is already in the overview (at {first[node].path}:{first[node].line})")
        for message in bad:
            report(Problem(row.path, row.line, message))
        if not bad:
            first[node] = row
            out.overview.append((topic, node))


def _check_properties(rows: list[Row], out: Checked, names: NameIndex, report: Report) -> None:
    first_value: dict[tuple[str, str], Row] = {}
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        node, dimension, value, note, note_ko, source_ref = row.cells
        bad = []
        if node not in out.nodes:
            bad.append(_known("node", node, out.nodes, names))
        record = out.dimensions.get(dimension)
        if record is None:
            bad.append(_known("dimension", dimension, out.dimensions))
        elif (dimension, value) not in out.values:
            known = [v for (d, v) in out.values if d == dimension]
            message = _known("value", value, known)
            if "did you mean" not in message:
                message += f"; {dimension!r} takes {', '.join(map(repr, known))}"
            bad.append(message.replace(f"{value!r}", f"{value!r} for {dimension!r}", 1))
        elif (node, dimension, value) in seen:
            bad.append(f"duplicate property: {node} {dimension} = {value}")
        elif record.has("exclusive") and (node, dimension) in first_value:
            first = first_value[(node, dimension)]
            bad.append(
                f"{node!r} already has a value for {dimension!r}, which takes only one (at {first.path}:{first.line})"
            )
        for message in bad:
            report(Problem(row.path, row.line, message))
        if not bad:
            seen.add((node, dimension, value))
            first_value.setdefault((node, dimension), row)
            out.properties.setdefault(node, []).append(Property(node, dimension, value, note, note_ko, source_ref))


def _check_complete(rows: list[Row], out: Checked, names: NameIndex, report: Report) -> None:
    for row in rows:
        node, relation, direction, note, source_ref = row.cells
        bad = []
        if node not in out.nodes:
            bad.append(_known("node", node, out.nodes, names))
        if relation not in out.relations:
            bad.append(_known("relation", relation, out.relations))
        if direction not in DIRECTIONS:
            bad.append(f"direction must be {' or '.join(map(repr, DIRECTIONS))}, got {direction!r}")
        elif (node, relation, direction) in out.complete:
            bad.append(f"duplicate completeness mark: {node} {relation} {direction}")
        for message in bad:
            report(Problem(row.path, row.line, message))
        if not bad:
            out.complete[(node, relation, direction)] = Completeness(node, relation, direction, note, source_ref)


def lint(out: Checked, tables: dict[str, list[Row]] | None = None) -> list[Problem]:
    """What is legal but probably a mistake (``check --strict``), each at its row.

    ``tables``, the rows checked, lets it also read the hand-written Korean for particle slips.

    >>> from awskg.graph.loading import BUILTIN_PACK, read_packs
    >>> tables = read_packs([BUILTIN_PACK])[0]
    >>> lint(check(tables)[0], tables)
    []
    """
    warnings = _particle_warnings(tables or {})

    def warn(row: Row, message: str) -> None:
        warnings.append(Problem(row.path, row.line, f"warning: {message}"))

    for name, record in out.relations.items():
        for column in ("label_ko", "inverse_label_ko"):
            reading = getattr(record, column)
            if ("{s}" in reading or "{o}" in reading) and not reading.startswith(TOPIC_OPENING):
                warn(
                    out.relation_rows[name],
                    f"relation {name!r}: the Korean reading {reading!r} ({column}) does not open with"
                    f" {TOPIC_OPENING.strip()!r}, so compare and the page must say it whole",
                )
        if record.label_ko and not (record.heading_ko and record.inverse_heading_ko):
            warn(
                out.relation_rows[name],
                f"relation {name!r} has Korean readings but no heading_ko and inverse_heading_ko: a Korean map"
                " labels its arrows with the reading after the object, which starts with a particle",
            )

    missing = (("summary", "summary"), ("summary_ko", "Korean summary"), ("label_ko", "Korean label"))
    documented = {name for name, record in out.kinds.items() if record.has("documented")}
    for node, attrs in out.nodes.items():
        for field_name, what in missing:
            if not attrs[field_name]:
                warn(out.node_rows[node], f"node {node!r} has no {what} ({field_name})")
        if attrs["kind"] in documented and not attrs["docs"]:
            warn(out.node_rows[node], f"{attrs['kind']} {node!r} has no docs URL")
    for node, message in _spoofed_names(out):
        warn(out.node_rows[node], message)
    parents = _parents(out)
    for source, relation, target, edge in out.edges():
        row = out.edge_row(source, relation, target)
        if not edge["source_ref"]:
            warn(row, f"edge {source} {relation} {target} has no source_ref")
        for parent in _repeated_by(out, parents.get(source, {}), relation, target):
            warn(row, f"edge {source} {relation} {target} repeats what its parent {parent!r} already states")
    warnings += _missing_values(out)
    return sorted(warnings)


#: Cyrillic and Greek letters that look like Latin ones, and the Latin letter each passes for.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсухіјѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινρ", "ABEKMHOPCTXaeopcyxijsdqwABEZHIKMNOPTYXoivp")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def _scripts(name: str) -> set[str]:
    """Which of the Latin, Cyrillic and Greek scripts the letters of ``name`` come from (Hangul is none)."""
    found = {"LATIN"} if any("a" <= ch.lower() <= "z" for ch in name) else set()
    for ch in name:
        if ord(ch) > 0x7F and ch.isalpha():
            script = unicodedata.name(ch, "").split(" ", 1)[0]
            if script in _SCRIPTS:
                found.add(script)
    return found


def _spoofed_names(out: Checked) -> Iterator[tuple[str, str]]:
    """(node, warning) for each name that mixes Latin, Cyrillic or Greek letters, or passes for another's.

    NFKC folds neither: Cyrillic ``ЕС2`` beside ``EC2`` reads the same and
    resolves elsewhere.
    """
    names = {node: [attrs["label"], attrs["label_ko"], *attrs["aliases"]] for node, attrs in out.nodes.items()}
    latin = {name.casefold(): node for node, own in names.items() for name in own if _scripts(name) == {"LATIN"}}
    for node, own in names.items():
        for name in own:
            scripts = _scripts(name)
            if len(scripts) > 1:
                yield (
                    node,
                    f"name {name!r} of {node!r} mixes {' and '.join(sorted(s.title() for s in scripts))} letters",
                )
            elif scripts - {"LATIN"}:
                other = latin.get(name.translate(_LOOKALIKES).casefold())
                if other is not None and other != node:
                    yield node, f"name {name!r} of {node!r} looks like {other!r}'s name but is written in other letters"


def _parents(out: Checked) -> dict[str, dict[str, int]]:
    """Each concept's parents through an ``inherits`` relation, each with its place in the order stated."""
    inheriting = {name for name, record in out.relations.items() if record.has("inherits")}
    parents: dict[str, dict[str, int]] = {}
    for source, relation, target, _ in out.edges():
        if relation in inheriting:
            found = parents.setdefault(source, {})
            found.setdefault(target, len(found))
    return parents


def _repeated_by(out: Checked, parents: dict[str, int], relation: str, target: str) -> list[str]:
    """The parents (in their order) that state ``relation target`` too.

    It walks the shorter side, the parents or the target's subjects, so a hub
    with thousands of parents or subjects costs each of its facts one step, not
    thousands (``check --strict`` was quadratic in a hub's degree).
    """
    subjects = out.pred.get(target, {})
    if len(parents) <= len(subjects):
        found = [p for p in parents if relation in subjects.get(p, ())]
    else:
        found = sorted(
            (p for p, keys in subjects.items() if p in parents and relation in keys), key=parents.__getitem__
        )
    return [p for p in found if p != target]


def _missing_values(out: Checked) -> list[Problem]:
    """A warning at each concept's row for a dimension its peers state and it does not."""
    hierarchy = {name for name, record in out.relations.items() if record.has("hierarchy")}
    found = gaps(
        {node: attrs["kind"] for node, attrs in out.nodes.items()},
        ((source, target) for source, relation, target, _ in out.edges() if relation in hierarchy),
        {node: {p.dimension for p in props} for node, props in out.properties.items()},
        out.dimensions,
    )
    return [
        Problem(
            *out.node_rows[node][:2],
            f"warning: {out.nodes[node]['kind']} {node!r} has no value for {dimension!r}, which other concepts of"
            " its kind state; add one (cited) or narrow the dimension's applies_to (and say why in its description)",
        )
        for node, dimension in found
    ]


def _particle_warnings(tables: dict[str, list[Row]]) -> list[Problem]:
    """Every particle typed after the wrong final sound in the packs' Korean text (``리소스을``).

    Relation readings are templates whose particles awskg chooses, and
    ``reading_ko`` is a pronunciation, so neither is read.
    """
    texts = []
    for name, rows in tables.items():
        if name == "relations" or not rows:
            continue
        columns = rows[0].schema.columns  # one schema per table
        korean = [(i, c) for i, c in enumerate(columns) if c.endswith("_ko") and c != "reading_ko"]
        texts += [(row, column, row.cells[i]) for row in rows for i, column in korean if row.cells[i]]
    nouns = nouns_in(text for _, _, text in texts)
    return [
        Problem(row.path, row.line, f"warning: particle after the wrong final sound in {column}: {slip}")
        for row, column, text in texts
        for slip in particle_slips(text, nouns)
    ]
