"""One command's session: the global options, the terminal, and the graph, loaded once on first use."""

from __future__ import annotations

import gc
import re
from functools import cached_property
from pathlib import Path
from typing import Any

import click

from awskg import i18n
from awskg.graph.loading import paused_gc
from awskg.graph.model import KnowledgeGraph
from awskg.terminal import Piece, Terminal, marked
from awskg.version import __version__

__all__ = ["HANGUL", "LARGE_PACK", "Session"]

#: A Hangul syllable or letter: a question holding one is answered in Korean.
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


#: Packs bigger than this (bytes of CSV) show a spinner on stderr while loading or checking, on a terminal.
LARGE_PACK = 2 * 1024 * 1024


class Session:
    """The global options, the terminal they print to, and the graph, loaded once on first use."""

    def __init__(
        self, lang: str, packs: tuple[Path, ...], builtin: bool, term: Terminal | None = None, chosen: bool = False
    ) -> None:
        self.lang, self.packs, self.builtin = lang, packs, builtin
        self.term = term or Terminal()
        #: whether ``--lang`` was given on the command line, which decides over everything else
        self.lang_chosen = chosen

    def follow(self, text: str) -> None:
        """Answer in Korean what the learner wrote in Hangul, unless ``--lang`` said otherwise."""
        if not self.lang_chosen and HANGUL.search(text):
            self.lang = "ko"

    @cached_property
    def kg(self) -> KnowledgeGraph:
        from awskg.graph.cache import load_cached

        large = self.large
        # Loading makes hundreds of thousands of objects and no cyclic garbage: the collector is
        # paused meanwhile, then the graph is frozen out of its scans for the rest of the command
        # (its first pass would otherwise walk every object just made). The freeze ends with the
        # command, so an in-process caller (a test's CliRunner) gets its collector back whole.
        with self.term.busy(self.word("loading"), when=large), paused_gc():
            kg = load_cached(self.packs, builtin=self.builtin, version=__version__)
            gc.freeze()
        click.get_current_context().call_on_close(gc.unfreeze)
        return kg

    @property
    def large(self) -> bool:
        """Whether the overlay packs are big enough for loading them to deserve a spinner."""
        from awskg.graph.vocabulary import SCHEMAS  # only the pack's own files: a stray broken link is no concern

        files = [p / s.filename for p in self.packs for s in SCHEMAS.values()]
        return sum(f.stat().st_size for f in files if f.is_file()) > LARGE_PACK

    def word(self, key: str, **values: Any) -> str:
        return i18n.text(self.lang, key, **values)

    def said(self, text: str, *nodes: str) -> list[Piece]:
        """A sentence about ``nodes`` with their labels styled as concepts and the rest as the relation."""
        return marked(text, [self.kg.label(node, self.lang) for node in nodes if node in self.kg])
