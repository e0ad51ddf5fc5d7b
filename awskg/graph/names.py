"""Name resolution: every way a learner may type a concept leads to its id.

Names are compared after :func:`normalize`, so ``Route 53``, ``route53`` and
``ROUTE-53`` are one name, and ``가용 영역`` is ``가용영역``. The index maps each
normalized id, label, Korean label and alias to the node that claims it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from awskg.errors import AmbiguousName, UnknownName

__all__ = ["NameIndex", "bigrams", "closest", "node_names", "normalize", "normalize_all", "require"]

_NOT_ALNUM = re.compile(r"[\W_]+")
#: The same, sparing NUL: the separator :func:`normalize_all` joins names with.
_NOT_ALNUM_OR_NUL = re.compile(r"[^\w\x00]+|_+")

#: A typed prefix shorter than this never resolves on its own ("ec" is too vague).
MIN_PREFIX = 3

#: Up to this many names, "did you mean" compares with every name; above, with a shortlist.
SHORTLIST_ABOVE = 2_000
#: The shortlist: names sharing one of the query's this many rarest two-letter stretches.
RARE_GRAMS = 4


def normalize(text: str) -> str:
    """Fold case, width and punctuation away so that spellings compare equal.

    >>> normalize("Route 53"), normalize("route-53"), normalize("가용 영역")
    ('route53', 'route53', '가용영역')
    """
    return _NOT_ALNUM.sub("", _folded(text))


def _folded(text: str) -> str:
    """``text`` in NFKC (only when it is not already: most names are plain ASCII), case-folded."""
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.casefold()


def normalize_all(names: Sequence[str]) -> list[str]:
    """:func:`normalize` of each name, in one pass over them all.

    A large pack has hundreds of thousands of names: one pass over them all,
    joined by NUL (which no clean name holds), costs a fifth of one pass per
    name. A name holding NUL is normalized on its own.

    >>> normalize_all(["Route 53", "가용 영역", ""])
    ['route53', '가용영역', '']
    """
    # spaces and hyphens, nearly all there is to remove, go first by plain replacement; the
    # pattern (slow over a large text) only runs if anything else is left that is not alphanumeric
    folded = _folded("\x00".join(names)).replace(" ", "").replace("-", "")
    if not folded.replace("\x00", "").isalnum():
        folded = _NOT_ALNUM_OR_NUL.sub("", folded)
    keys = folded.split("\x00")
    return keys if len(keys) == len(names) else [normalize(name) for name in names]


def node_names(attrs: dict[str, Any]) -> list[str]:
    """Every name a node answers to besides its id: labels, then aliases."""
    return [attrs.get("label", ""), attrs.get("label_ko", ""), *attrs.get("aliases", [])]


class NameIndex:
    """Normalized name -> node id, with exact, prefix and close-match look-ups.

    >>> index = NameIndex([("fargate", ["Fargate", "AWS Fargate", "파게이트"])])
    >>> index.resolve("aws fargate"), index.resolve("farg")
    ('fargate', 'fargate')
    >>> NameIndex([("dynamodb", ["다이나모DB", "다이나모디비"])]).resolve("다이나모")
    'dynamodb'
    >>> index.suggest("farget")
    ['fargate']
    """

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]] = (), owner: dict[str, str] | None = None) -> None:
        """Index ``entries`` of (id, names); or adopt ``owner``, a ready key -> id map."""
        self.owner: dict[str, str] = owner if owner is not None else {}
        self._grams: dict[str, list[str]] | None = None
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
            owners = {self.owner[k] for k in keys}
            # "다이나모" begins two names of DynamoDB (다이나모DB, 다이나모디비): one concept.
            # "lamb" means Lambda, not "Lambda function": when one matching name
            # begins every other match, the user was typing that one.
            if len(owners) == 1 or (keys and all(k.startswith(keys[0]) for k in keys)):
                return self.owner[keys[0]]
            if keys:
                raise AmbiguousName(name, sorted(owners))
        raise UnknownName(name, self.suggest(name))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Ids whose names are closest to ``name``, best first (possibly none).

        On a big graph, comparing with every name cost seconds per unknown
        name; there the comparison runs on a shortlist: the names that share
        one of the query's four rarest two-letter stretches that some name has
        (a typo or a swap changes at most three, so a name one typo away is
        always on it).
        """
        key = normalize(name)
        if not key:
            return []
        pool = self.owner if len(self.owner) <= SHORTLIST_ABOVE else self.shortlist(key)
        close = difflib.get_close_matches(key, pool, n=limit * 3, cutoff=0.7)
        return list(dict.fromkeys(self.owner[k] for k in close))[:limit]

    def shortlist(self, key: str, rare: int = RARE_GRAMS) -> set[str]:
        """Normalized names sharing one of ``key``'s ``rare`` rarest bigrams (index built on first use)."""
        if self._grams is None:
            grams: dict[str, list[str]] = {}
            for name in self.owner:
                for gram in bigrams(name):
                    grams.setdefault(gram, []).append(name)
            self._grams = grams
        index = self._grams
        mine = sorted((gram for gram in bigrams(key) if gram in index), key=lambda gram: (len(index[gram]), gram))
        pool: set[str] = set()
        for gram in mine[:rare]:
            pool.update(index.get(gram, ()))
        return pool


def bigrams(key: str) -> set[str]:
    """The two-letter stretches of a normalized name (the name itself if shorter).

    >>> sorted(bigrams("ecs"))
    ['cs', 'ec']
    """
    return {key[i : i + 2] for i in range(len(key) - 1)} or {key}


def closest(name: str, known: Iterable[str] | NameIndex) -> list[str]:
    """What "did you mean" offers for ``name``: the one it is spelled like, else the closest of ``known``.

    >>> closest("Runs On", ["uses", "runs-on"]), closest("run-on", ["uses", "runs-on"])
    (['runs-on'], ['runs-on'])
    """
    index = known if isinstance(known, NameIndex) else NameIndex((k, []) for k in known)
    exact = index.lookup(name)
    return [exact] if exact else index.suggest(name)


def require(name: str, known: Iterable[str], what: str) -> str:
    """``name`` if it is one of ``known``, else :class:`UnknownName` offering the closest of them.

    The one "is this a kind, relation, dimension, value or tour we have?"
    check, so every such error suggests the way a concept's does.

    >>> require("uses", ["uses", "runs-on"], "relation")
    'uses'
    >>> require("run-on", ["uses", "runs-on"], "relation")
    Traceback (most recent call last):
    awskg.errors.UnknownName: unknown relation 'run-on'; did you mean 'runs-on'?
    """
    names = list(known)
    if name in names:
        return name
    raise UnknownName(name, closest(name, names), what=what)
