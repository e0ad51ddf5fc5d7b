"""What every answer shares: its ``--json`` form is its fields, nested records as objects.

The query functions return frozen dataclasses; deriving from :class:`Record`
states once that their JSON is :func:`dataclasses.asdict`. An answer whose
JSON differs (renamed keys, a derived field) overrides ``to_json``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

__all__ = ["Record"]


class Record:
    """A dataclass answer whose ``to_json()`` is what its command prints with ``--json``."""

    __slots__ = ()

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` form: every field, nested records as objects."""
        result: dict[str, Any] = asdict(self)  # type: ignore[call-overload]
        return result
