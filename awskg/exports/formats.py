"""Every file format ``awskg export`` writes, by name, each rendered by its own module.

``cli.py`` lists the same names for ``--format`` without importing this
package (queries must not load the exports); a test keeps the two equal.
"""

from __future__ import annotations

from importlib import import_module

from awskg.explorer.view import View
from awskg.exports.subgraph import sliced
from awskg.graph.model import KnowledgeGraph

__all__ = ["BINARY", "FORMATS", "render"]

#: format -> (renderer as "module.function" under awskg.exports, the arguments it takes)
FORMATS = {
    "json": ("nodelink.render_json", ("graph",)),
    "graphml": ("graphml.render_graphml", ("graph",)),
    "gexf": ("gexf.render_gexf", ("graph",)),
    "dot": ("dot.render_dot", ("kg", "graph", "lang")),
    "mermaid": ("mermaid.render_mermaid", ("kg", "graph", "lang")),
    "csv": ("csvpack.render_csv", ("kg", "graph")),
    "cypher": ("cypher.render_cypher", ("graph",)),
    "anki": ("anki.render_anki", ("kg", "graph", "lang")),
    "skos": ("skos.render_skos", ("kg", "graph")),
    "jsonld": ("skos.render_jsonld", ("kg", "graph")),
}

#: formats whose content is bytes, not text (written as is, never echoed to a terminal)
BINARY = frozenset({"anki"})


def render(kg: KnowledgeGraph, view: View, fmt: str, lang: str = "en") -> str | bytes | dict[str, str]:
    """The text of ``view`` in ``fmt``; for ``csv``, a pack folder as file name -> text; bytes for :data:`BINARY`.

    >>> import awskg
    >>> from awskg.explorer.view import select
    >>> kg = awskg.load()
    >>> render(kg, select(kg, focus="region"), "mermaid").splitlines()[0]
    'flowchart LR'
    """
    target, params = FORMATS[fmt]
    module, function = target.split(".")
    renderer = getattr(import_module(f"awskg.exports.{module}"), function)
    arguments = {"kg": kg, "graph": sliced(kg, view), "lang": lang}
    return renderer(*(arguments[name] for name in params))
