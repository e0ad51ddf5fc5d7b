"""The last guard between pack text and the user's terminal.

Validation refuses control characters in packs, and every line the CLI
prints goes through :class:`awskg.terminal.Terminal`, which shows those that
remain as escapes before it adds colour. What is left for this guard is the
stream itself: text the terminal's encoding cannot hold
(``PYTHONIOENCODING=latin-1`` and Korean labels) is written as ``\\uXXXX``
escapes instead of failing with a traceback, and writing to a closed standard
stream (``awskg export >&-``) is an error, not silent success.
"""

from __future__ import annotations

import codecs
import errno
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["Guarded", "guarded_output"]


class Guarded:
    """A text stream that forwards only what is safe to show to ``stream``."""

    def __init__(self, stream: Any, name: str) -> None:
        self.stream, self.name = stream, name
        encoding = getattr(stream, "encoding", None) or "utf-8"
        self._utf = codecs.lookup(encoding).name.startswith("utf")
        self.encoding = encoding

    def write(self, text: str) -> int:
        if self.stream is None:
            if text:
                raise OSError(errno.EBADF, f"standard {self.name} is closed; nothing could be written")
            return 0
        if not self._utf:
            text = text.encode(self.encoding, "backslashreplace").decode(self.encoding)
        self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        if self.stream is not None:
            self.stream.flush()

    def isatty(self) -> bool:
        return self.stream is not None and self.stream.isatty()

    def __getattr__(self, name: str) -> Any:  # buffer, fileno, errors...: those of the real stream
        if self.stream is None:
            raise AttributeError(name)
        return getattr(self.stream, name)


@contextmanager
def guarded_output() -> Iterator[None]:
    """Guard ``sys.stdout`` and ``sys.stderr`` for the duration of one command."""
    out, err = Guarded(sys.stdout, "output"), Guarded(sys.stderr, "error")
    originals = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        yield
    finally:
        if sys.stdout is out:  # a command may have swapped in its own (a broken pipe's devnull)
            sys.stdout = originals[0]
        if sys.stderr is err:
            sys.stderr = originals[1]
