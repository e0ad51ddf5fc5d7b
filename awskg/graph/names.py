"""Name resolution: every way a learner may type a concept leads to its id.

Names are compared after :func:`normalize`, so ``Route 53``, ``route53`` and
``ROUTE-53`` are one name, and ``가용 영역`` is ``가용영역``. The index maps each
normalized id, label, Korean label and alias to the node that claims it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from awskg.graph.errors import AmbiguousName, UnknownName

__all__ = ["NameIndex", "node_names", "normalize"]

_NOT_ALNUM = re.compile(r"[\W_]+")

#: A typed prefix shorter than this never resolves on its own ("ec" is too vague).
MIN_PREFIX = 3


def normalize(text: str) -> str:
    """Fold case, width and punctuation away so that spellings compare equal.

    >>> normalize("Route 53"), normalize("route-53"), normalize("가용 영역")
    ('route53', 'route53', '가용영역')
    """
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _NOT_ALNUM.sub("", text.casefold())


def node_names(attrs: dict) -> list[str]:
    """Every name a node answers to besides its id: labels, then aliases."""
    return [attrs.get("label", ""), attrs.get("label_ko", ""), *attrs.get("aliases", [])]


class NameIndex:
    """Normalized name -> node id, with exact, prefix and close-match look-ups.

    >>> index = NameIndex([("fargate", ["Fargate", "AWS Fargate", "파게이트"])])
    >>> index.resolve("aws fargate"), index.resolve("farg")
    ('fargate', 'fargate')
    >>> index.suggest("farget")
    ['fargate']
    """

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]] = (), owner: dict[str, str] | None = None) -> None:
        """Index ``entries`` of (id, names); or adopt ``owner``, a ready key -> id map."""
        self.owner: dict[str, str] = owner if owner is not None else {}
        for node_id, names in entries:
            for name in (node_id, *names):
                key = normalize(name)
                if key:
                    self.owner.setdefault(key, node_id)

    def lookup(self, name: str) -> str | None:
        """The id whose name is exactly ``name`` (after normalizing), or None."""
        return self.owner.get(normalize(name))

    def resolve(self, name: str) -> str:
        """The one id ``name`` stands for, by exact name, else by unique prefix.

        Raises :class:`UnknownName` with close suggestions, or
        :class:`AmbiguousName` when a prefix fits several concepts.
        """
        key = normalize(name)
        if key in self.owner:
            return self.owner[key]
        if len(key) >= MIN_PREFIX:
            keys = sorted((k for k in self.owner if k.startswith(key)), key=len)
            # "lamb" means Lambda, not "Lambda function": when one matching name
            # begins every other match, the user was typing that one.
            if keys and all(k.startswith(keys[0]) for k in keys):
                return self.owner[keys[0]]
            if keys:
                raise AmbiguousName(name, sorted({self.owner[k] for k in keys}))
        raise UnknownName(name, self.suggest(name))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Ids whose names are closest to ``name``, best first (possibly none)."""
        close = difflib.get_close_matches(normalize(name), list(self.owner), n=limit * 3, cutoff=0.7)
        return list(dict.fromkeys(self.owner[k] for k in close))[:limit]
