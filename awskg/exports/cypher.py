"""A Cypher script of ``MERGE`` statements that loads the graph into Neo4j.

Nodes become ``(:Concept {id})`` with their kind as a second label; edges
become relationships typed by relation in Neo4j's UPPER_SNAKE style
(``runs-on`` → ``RUNS_ON``) that also keep the original name. Strings are
single-quoted with backslash escapes; identifiers are backtick-quoted.

The first statement makes ``id`` the key, in the loading database's dialect
(:data:`DIALECTS`): Neo4j 5 takes a uniqueness constraint; FalkorDB's Cypher
has no ``CREATE CONSTRAINT`` and takes an index instead. Every other statement
is the same for both, and the tests run the FalkorDB script in FalkorDB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from awskg.graph.model import KnowledgeGraph

__all__ = ["DIALECTS", "identifier", "literal", "render_cypher"]

#: dialect -> the statement that makes ``Concept.id`` the key before the ``MERGE``s. FalkorDB
#: refuses Neo4j's constraint syntax (its unique constraints are the ``GRAPH.CONSTRAINT``
#: command, which needs this index first); the ``MERGE``s keep ids unique in both.
DIALECTS = {
    "neo4j": "CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE;",
    "falkordb": "CREATE INDEX FOR (c:Concept) ON (c.id);",
}

_STRING_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Neo4j's, also with what ``str.splitlines()`` ends a line at as ``\\uXXXX``, so one statement stays one
#: line for any reader. FalkorDB's parser has no ``\\u`` escape (it keeps the backslash): its script
#: keeps U+2028 and its kin raw, and is split at ``\\n`` only.
_NEO4J_ESCAPES = _STRING_ESCAPES | {ch: f"\\u{ord(ch):04x}" for ch in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def literal(value: str | list[str], dialect: str = "neo4j") -> str:
    """A Cypher string (or list of strings) literal.

    >>> print(literal("it's \\\\ here"))
    'it\\'s \\\\ here'
    >>> print(literal(["a", "b"]))
    ['a', 'b']
    >>> print(literal("a\\u2028b"), literal("a\\u2028b", "falkordb") == "'a\\u2028b'")
    'a\\u2028b' True
    """
    if isinstance(value, list):
        return "[" + ", ".join(literal(v, dialect) for v in value) + "]"
    escapes = _NEO4J_ESCAPES if dialect == "neo4j" else _STRING_ESCAPES
    return "'" + "".join(escapes.get(ch, ch) for ch in value) + "'"


def identifier(name: str) -> str:
    """A backtick-quoted label or type; a backtick inside is doubled.

    >>> identifier("deployment-model")
    '`deployment-model`'
    """
    return "`" + name.replace("`", "``") + "`"


def render_cypher(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en", dialect: str = "neo4j") -> str:
    """One statement per line, each ending in ``;``, the key first (in ``dialect``), then nodes, then edges."""
    lines = [DIALECTS[dialect]]
    for node, attrs in graph.nodes(data=True):
        props = ", ".join(f"n.{key} = {literal(value, dialect)}" for key, value in attrs.items())
        lines.append(f"MERGE (n:Concept {{id: {literal(node, dialect)}}}) SET n:{identifier(attrs['kind'])}, {props};")
    for source, target, relation, attrs in graph.edges(keys=True, data=True):
        rel_type = identifier(relation.upper().replace("-", "_"))
        props = ", ".join(f"r.{key} = {literal(value, dialect)}" for key, value in attrs.items())
        lines.append(
            f"MATCH (a:Concept {{id: {literal(source, dialect)}}}), (b:Concept {{id: {literal(target, dialect)}}}) "
            f"MERGE (a)-[r:{rel_type}]->(b) SET {props};"
        )
    return "\n".join(lines) + "\n"
