"""The map inside a Jupyter notebook: :func:`map_of` returns a :class:`Map`.

A notebook shows a ``Map`` through ``_repr_html_``: an ``<iframe>`` whose
``srcdoc`` is the whole page ``awskg html`` writes (vis-network inlined, no
network). The iframe is sandboxed (scripts allowed, no same origin), so the
page's script runs isolated from the notebook's and neither sees the other's
styles or globals. Nothing here needs Jupyter or IPython.

One element is added to the page's ``<head>``: ``<base href="about:srcdoc">``.
A srcdoc document takes its base URL from the notebook, so the page's
``history.replaceState(null, "", "#node=...")`` (which keeps the selection
in the URL) would resolve to the notebook's address and be refused; against
``about:srcdoc`` it only changes the fragment, which is allowed. The page
holds no other relative URL.

The page itself is rendered only when first shown or saved, by
:mod:`awskg.exports.html`, so that loading this module stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awskg.explorer.view import View
    from awskg.graph.model import KnowledgeGraph

__all__ = ["Map", "map_of"]

#: Added to the page's head inside the iframe (see the module's docstring).
SRCDOC_BASE = '<base href="about:srcdoc">'
#: Added after the first map a kernel shows: the page's start card is shown once per session.
#: (A sandboxed iframe has no storage to remember that it was dismissed; progress marks fall
#: back to the page's memory there, without an error.)
START_SEEN = '<meta name="awskg-start-card" content="seen">'
#: Whether this kernel has shown a map (and so the start card) already.
_started = {"shown": False}
#: The iframe's sandbox: scripts run, downloads (progress export) and links opening a new tab work.
SANDBOX = "allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox"


@dataclass(frozen=True, eq=False)
class Map:
    """The interactive map of one slice of a graph.

    >>> import awskg
    >>> m = map_of(awskg.load(), focus="Fargate")
    >>> m  # doctest: +ELLIPSIS
    <awskg.Map: ... concepts, ... facts around fargate (depth 1), lang='en'>
    >>> m._repr_html_().startswith('<iframe srcdoc="&lt;!doctype html&gt;')
    True
    """

    kg: KnowledgeGraph = field(repr=False)
    view: View = field(repr=False)
    lang: str = "en"
    focus: str | None = None
    depth: int = 1
    #: the two concepts whose ranked paths are highlighted, as ids
    path: tuple[str, str] | None = None
    #: pixel height of the iframe in a notebook
    height: int = 640

    @cached_property
    def html(self) -> str:
        """The whole page, exactly what ``awskg html`` writes for the same slice."""
        from awskg.exports.html import render_html

        return render_html(self.kg, self.view, self.lang)

    @property
    def nodes(self) -> list[str]:
        """The ids of the concepts drawn."""
        return list(self.view.nodes)

    @property
    def edges(self) -> list[tuple[str, str, str]]:
        """The facts drawn, as ``(source, relation, target)``."""
        return list(self.view.edges)

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` atomically (the file ``awskg html -o path`` writes)."""
        from awskg.graph.atomic import write_atomic

        return write_atomic(path, self.html)

    @property
    def srcdoc(self) -> str:
        """The page as the notebook's iframe holds it: :attr:`html` with ``<base href="about:srcdoc">``."""
        return self.html.replace("<head>", "<head>\n" + SRCDOC_BASE, 1)

    def _repr_html_(self) -> str:
        srcdoc = self.srcdoc
        if _started["shown"]:
            srcdoc = srcdoc.replace(SRCDOC_BASE, SRCDOC_BASE + "\n" + START_SEEN, 1)
        _started["shown"] = True
        return (
            f'<iframe srcdoc="{escape(srcdoc, quote=True)}" title="awskg map" sandbox="{SANDBOX}" '
            f'style="width: 100%; height: {self.height}px; border: 1px solid #ddd;"></iframe>'
        )

    def __repr__(self) -> str:
        where = f" around {self.focus} (depth {self.depth})" if self.focus else ""
        if self.path:
            where += f", paths {self.path[0]} → {self.path[1]}"
        return f"<awskg.Map: {len(self.view.nodes)} concepts, {len(self.view.edges)} facts{where}, lang={self.lang!r}>"


def map_of(
    kg: KnowledgeGraph,
    focus: str | None = None,
    depth: int = 1,
    path: tuple[str, str] | None = None,
    kinds: tuple[str, ...] | list[str] | str | None = None,
    relations: tuple[str, ...] | list[str] | str | None = None,
    lang: str = "en",
) -> Map:
    """The interactive map of a slice (the options of ``awskg html``), shown inline in Jupyter.

    It lives here, above the graph, so the graph layer never imports what draws it.

    >>> import awskg
    >>> map_of(awskg.load(), focus="리전", kinds=["infrastructure"])  # doctest: +ELLIPSIS
    <awskg.Map: ... concepts, ... facts around region (depth 1), lang='en'>
    """
    from awskg.explorer.view import select

    def names(given: tuple[str, ...] | list[str] | str | None) -> tuple[str, ...]:
        return (given,) if isinstance(given, str) else tuple(given or ())

    view = select(kg, focus=focus, depth=depth, path=path, kinds=names(kinds), relations=names(relations), lang=lang)
    ends = (kg.resolve(path[0]), kg.resolve(path[1])) if path else None
    return Map(kg, view, lang, kg.resolve(focus) if focus else None, depth, ends)
