"""Which characters pack text may hold, and how to show or export the rest safely.

Pack values are read by people on terminals and by XML tools. A C0 or C1
control character in a label can retitle a terminal window, write its
clipboard (OSC 52) or hide text, and XML 1.0 forbids most of them outright.
So there is one rule, stated here and used by the reader, the writers and the
output guard: values hold no control characters except tab, and line breaks
(LF, CR) only inside a quoted value, where the CSV format keeps them. The
bidirectional controls count as control characters: they reorder what a
terminal, a page or an export shows (``admin\u202egnp.exe`` reads as
"adminexe.png").
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CONTROL", "MAX_VALUE_CHARS", "control_message", "is_web_url", "visible", "xml_safe"]

#: The bidirectional controls: marks, embeddings, overrides and isolates. ``admin\u202egnp.exe``
#: lists as "adminexe.png"; no pack value holds one, and none is ever shown raw.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

#: C0 controls but tab, LF and CR; DEL; the C1 controls (Unicode category Cc); the bidi controls.
CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")

#: Any control character a terminal could act on: the above plus CR (LF is a plain line break).
_SHOWN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")

#: What XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: The longest value a pack cell may hold: far above any summary, far below memory trouble.
MAX_VALUE_CHARS = 100_000

_NAMES = {"\r": "carriage return (CR)", "\n": "line feed (LF)", "\x1b": "escape (ESC)", "\x00": "NUL"}


def control_message(char: str) -> str:
    """How a message names a control character: ``U+001B escape (ESC)``.

    >>> control_message("\\x0b")
    'control character U+000B'
    >>> control_message("\\u202e")
    'bidirectional control U+202E (right-to-left override)'
    """
    if re.match(f"[{_BIDI}]", char):
        return f"bidirectional control U+{ord(char):04X} ({unicodedata.name(char).lower()})"
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


def is_web_url(text: str) -> bool:
    """Whether ``text`` is an http(s) URL; the scheme in any case, as URLs allow (``HTTPS://``).

    >>> is_web_url("HTTPS://docs.aws.amazon.com/"), is_web_url("javascript:x"), is_web_url("ftp://x")
    (True, False, False)
    """
    return text[:8].lower().startswith(("http://", "https://"))


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD.

    >>> xml_safe("a\\x0bb")
    'a\\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}"
