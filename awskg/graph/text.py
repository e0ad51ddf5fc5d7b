"""Which characters pack text may hold, and how to show or export the rest safely.

Pack values are read by people on terminals and by XML tools. A C0 or C1
control character in a label can retitle a terminal window, write its
clipboard (OSC 52) or hide text, and XML 1.0 forbids most of them outright.
So there is one rule, stated here and used by the reader, the writers and the
output guard: values hold no control characters except tab, and line breaks
(LF, CR) only inside a quoted value, where the CSV format keeps them.
"""

from __future__ import annotations

import re

__all__ = ["CONTROL", "MAX_VALUE_CHARS", "control_message", "visible", "xml_safe"]

#: C0 controls but tab, LF and CR; DEL; and the C1 controls (Unicode category Cc).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

#: Any control character a terminal could act on: the above plus CR (LF is a plain line break).
_SHOWN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: What XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: The longest value a pack cell may hold: far above any summary, far below memory trouble.
MAX_VALUE_CHARS = 100_000

_NAMES = {"\r": "carriage return (CR)", "\n": "line feed (LF)", "\x1b": "escape (ESC)", "\x00": "NUL"}


def control_message(char: str) -> str:
    """How a message names a control character: ``U+001B escape (ESC)``.

    >>> control_message("\\x0b")
    'control character U+000B'
    """
    name = _NAMES.get(char, "")
    return f"control character U+{ord(char):04X}" + (f" {name}" if name else "")


def visible(text: str) -> str:
    """``text`` with every control character a terminal could act on shown as an escape.

    The last guard before output: CRLF becomes a plain line break, a lone CR
    and every other control is written out, so pack text can never move the
    cursor, set a title or touch the clipboard. The escape is JSON's own
    (``\\u001b``), so ``--json`` output stays valid JSON of the same text.

    >>> visible("ok\\x1b]0;owned\\x07 a\\r\\nb\\tc")
    'ok\\\\u001b]0;owned\\\\u0007 a\\nb\\tc'
    """
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _SHOWN.sub(_escape, text)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD.

    >>> xml_safe("a\\x0bb")
    'a\\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}"
