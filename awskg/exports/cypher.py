"""A Cypher script of ``MERGE`` statements that loads the graph into Neo4j.

Nodes become ``(:Concept {id})`` with their kind as a second label; edges
become relationships typed by relation in Neo4j's UPPER_SNAKE style
(``runs-on`` → ``RUNS_ON``) that also keep the original name. Strings are
single-quoted with backslash escapes; identifiers are backtick-quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from awskg.graph.model import KnowledgeGraph

__all__ = ["identifier", "literal", "render_cypher"]

_STRING_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: What ``str.splitlines()`` also ends a line at, written as Cypher's ``\\uXXXX``: one statement stays one line.
_STRING_ESCAPES |= {ch: f"\\u{ord(ch):04x}" for ch in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def literal(value: str | list[str]) -> str:
    """A Cypher string (or list of strings) literal.

    >>> print(literal("it's \\\\ here"))
    'it\\'s \\\\ here'
    >>> print(literal(["a", "b"]))
    ['a', 'b']
    """
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return "'" + "".join(_STRING_ESCAPES.get(ch, ch) for ch in value) + "'"


def identifier(name: str) -> str:
    """A backtick-quoted label or type; a backtick inside is doubled.

    >>> identifier("deployment-model")
    '`deployment-model`'
    """
    return "`" + name.replace("`", "``") + "`"


def render_cypher(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """One statement per line, each ending in ``;``, nodes first."""
    lines = ["CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE;"]
    for node, attrs in graph.nodes(data=True):
        props = ", ".join(f"n.{key} = {literal(value)}" for key, value in attrs.items())
        lines.append(f"MERGE (n:Concept {{id: {literal(node)}}}) SET n:{identifier(attrs['kind'])}, {props};")
    for source, target, relation, attrs in graph.edges(keys=True, data=True):
        rel_type = identifier(relation.upper().replace("-", "_"))
        props = ", ".join(f"r.{key} = {literal(value)}" for key, value in attrs.items())
        lines.append(
            f"MATCH (a:Concept {{id: {literal(source)}}}), (b:Concept {{id: {literal(target)}}}) "
            f"MERGE (a)-[r:{rel_type}]->(b) SET {props};"
        )
    return "\n".join(lines) + "\n"
