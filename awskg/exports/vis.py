"""Where vis-network, the map's renderer, comes from: the copy pyvis bundles.

pyvis ships vis-network's files as package data (``templates/lib/vis-X.Y.Z/``).
They are found through the package's folder, without importing pyvis (which
imports IPython and jinja2 just to start); the newest bundled version wins.
A pyvis release that moves or drops them raises :class:`MissingDependency`
instead of a bare ``FileNotFoundError`` deep inside the page renderer.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import NamedTuple

from awskg.errors import MissingDependency

__all__ = ["VisNetwork", "vis_network"]

#: Where pyvis keeps its bundled copies, relative to the package folder (pyvis 0.3.x).
PATTERN = "templates/lib/vis-*/vis-network.min.js"


class VisNetwork(NamedTuple):
    """The bundled vis-network: its version and the two files the page inlines."""

    version: str
    js: Path
    css: Path


def vis_network(package: str = "pyvis") -> VisNetwork:
    """The newest vis-network bundled with ``package``.

    >>> vis_network().js.name
    'vis-network.min.js'
    """
    spec = importlib.util.find_spec(package)  # finds the folder; does not run pyvis/__init__.py
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = []
    for folder in folders:
        for js in Path(folder).glob(PATTERN):
            css = js.with_name("vis-network.css")
            if css.is_file():
                version = js.parent.name.removeprefix("vis-")
                found.append((_version_key(version), VisNetwork(version, js, css)))
    if not found:
        where = f"in {', '.join(folders)}" if folders else "(is it installed?)"
        raise MissingDependency(
            f"vis-network not found {where}: awskg expects {package}'s bundled copy at {PATTERN} "
            f"(install a supported release: pip install 'pyvis>=0.3.2,<0.4')"
        )
    return max(found)[1]


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else -1 for part in version.split("."))
