"""Every file format ``awskg export`` writes: the registry of renderers, by name.

Every renderer has one signature, :data:`Renderer`: the knowledge graph (for
its vocabularies and labels), the slice to write as a networkx graph, and the
language. The registry holds the functions themselves; libraries a format
needs (rdflib, genanki) are imported inside them, so loading this module stays
cheap. The command line reads the names from here when ``export`` runs
(``cli.ExportFormat``), so queries never import the exports and no second list
of names exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from awskg.explorer.view import View
from awskg.exports.anki import render_anki
from awskg.exports.csvpack import render_csv
from awskg.exports.cypher import render_cypher
from awskg.exports.dot import render_dot
from awskg.exports.gexf import render_gexf
from awskg.exports.graphml import render_graphml
from awskg.exports.html import render_html
from awskg.exports.mermaid import render_mermaid
from awskg.exports.nodelink import render_json
from awskg.exports.skos import render_jsonld, render_skos
from awskg.exports.subgraph import sliced
from awskg.graph.loading import paused_gc

if TYPE_CHECKING:
    import networkx as nx

    from awskg.graph.model import KnowledgeGraph

__all__ = ["BINARY", "FORMATS", "PAGES", "Renderer", "render", "render_page"]

#: What every renderer takes and gives: text, bytes (a binary file), or a pack folder as file name -> text.
Renderer: TypeAlias = "Callable[[KnowledgeGraph, nx.MultiDiGraph[str], str], str | bytes | dict[str, str]]"


def render_page(kg: KnowledgeGraph, graph: nx.MultiDiGraph[str], lang: str = "en") -> str:
    """The map ``awskg html`` writes, of the slice's concepts and facts (``awskg html --path`` also lights the paths)."""
    edges = [(source, relation, target) for source, target, relation in graph.edges(keys=True)]
    return render_html(kg, View(list(graph), edges, [], []), lang)


#: format name -> its renderer, in the order ``--format`` lists them
FORMATS: dict[str, Renderer] = {
    "json": render_json,
    "graphml": render_graphml,
    "gexf": render_gexf,
    "dot": render_dot,
    "mermaid": render_mermaid,
    "csv": render_csv,
    "cypher": render_cypher,
    "anki": render_anki,
    "skos": render_skos,
    "jsonld": render_jsonld,
    "html": render_page,
}

#: formats a web browser shows: ``export --open`` opens them once written
PAGES = frozenset({"html"})

#: formats whose content is bytes, not text (written as is, never echoed to a terminal)
BINARY = frozenset({"anki"})


def render(kg: KnowledgeGraph, view: View, fmt: str, lang: str = "en", **options: str) -> str | bytes | dict[str, str]:
    """The text of ``view`` in ``fmt``; for ``csv``, a pack folder as file name -> text; bytes for :data:`BINARY`.

    ``options`` are keywords of that format's renderer alone (``dialect`` for ``cypher``).

    >>> import awskg
    >>> from awskg.explorer.view import select
    >>> kg = awskg.load()
    >>> render(kg, select(kg, focus="region"), "mermaid").splitlines()[0]
    'flowchart LR'
    """
    # the slice's copy and the text built from it are many small objects and no cycles: the
    # cyclic collector would only scan them again and again
    with paused_gc():
        renderer: Callable[..., str | bytes | dict[str, str]] = FORMATS[fmt]
        return renderer(kg, sliced(kg, view), lang, **options)
