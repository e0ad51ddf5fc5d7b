"""awskg: a knowledge graph of cloud and AWS basics, in English and Korean.

The Python API is documented in ``docs/api.md``; every name in ``__all__`` is
described there (a test keeps the two equal).

>>> import awskg
>>> kg = awskg.load()
>>> kg.label(kg.resolve("route53"))
'Route 53'

The query functions and their result types are imported on first use, so
that ``import awskg`` (and every ``awskg`` command) stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from awskg.errors import (
    AmbiguousName,
    AwskgError,
    NoPath,
    PackError,
    PackWriteError,
    Problem,
    SameConcept,
    UnknownName,
    UnreadableQuestion,
)
from awskg.graph import Edge, KnowledgeGraph, load
from awskg.version import __version__ as __version__

if TYPE_CHECKING:
    from awskg.explorer.cards import Card, card
    from awskg.explorer.compare import Comparison, compare
    from awskg.explorer.learn import LearningPath, learn
    from awskg.explorer.neighbors import Neighborhood, neighbors
    from awskg.explorer.paths import Relatedness, relate
    from awskg.explorer.question import Answer, ask
    from awskg.explorer.quiz import Question, questions
    from awskg.explorer.search import Match, search
    from awskg.notebook import Map, map_of

#: name -> the module it is imported from on first use
_LAZY = {
    "Answer": "awskg.explorer.question",
    "Card": "awskg.explorer.cards",
    "Comparison": "awskg.explorer.compare",
    "LearningPath": "awskg.explorer.learn",
    "Map": "awskg.notebook",
    "Match": "awskg.explorer.search",
    "Neighborhood": "awskg.explorer.neighbors",
    "Question": "awskg.explorer.quiz",
    "Relatedness": "awskg.explorer.paths",
    "ask": "awskg.explorer.question",
    "card": "awskg.explorer.cards",
    "compare": "awskg.explorer.compare",
    "learn": "awskg.explorer.learn",
    "map_of": "awskg.notebook",
    "neighbors": "awskg.explorer.neighbors",
    "questions": "awskg.explorer.quiz",
    "relate": "awskg.explorer.paths",
    "search": "awskg.explorer.search",
}

__all__ = [
    "AmbiguousName",
    "Answer",
    "AwskgError",
    "Card",
    "Comparison",
    "Edge",
    "KnowledgeGraph",
    "LearningPath",
    "Map",
    "Match",
    "Neighborhood",
    "NoPath",
    "PackError",
    "PackWriteError",
    "Problem",
    "Question",
    "Relatedness",
    "SameConcept",
    "UnknownName",
    "UnreadableQuestion",
    "ask",
    "card",
    "compare",
    "learn",
    "load",
    "map_of",
    "neighbors",
    "questions",
    "relate",
    "search",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'awskg' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
