"""The bounds the CLI puts on its options, held for Python callers too.

``neighbors(depth=10**9)`` once hung, ``map(lang="xx")`` raised a bare
KeyError and ``search(limit=-1)`` sliced silently: a Python caller gets the
same limits as ``awskg --help`` states, as a :class:`ValueError` in one plain
sentence.
"""

from __future__ import annotations

from awskg.i18n import LANGS

__all__ = ["checked_lang", "in_range"]


def in_range(name: str, value: object, low: int, high: int) -> int:
    """``value`` if it is a whole number from ``low`` to ``high``; else ValueError.

    >>> in_range("depth", 2, 1, 5)
    2
    >>> in_range("depth", 10**9, 1, 5)
    Traceback (most recent call last):
    ValueError: depth must be a whole number from 1 to 5, not 1000000000
    """
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    return value


def checked_lang(lang: object) -> str:
    """``lang`` if awskg speaks it; else ValueError.

    >>> checked_lang("xx")
    Traceback (most recent call last):
    ValueError: lang must be one of 'en', 'ko', not 'xx'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(map(repr, LANGS))}, not {lang!r}")
    return str(lang)
