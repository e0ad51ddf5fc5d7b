"""The model: pack vocabularies, loading, validation and name resolution."""

from awskg.graph.errors import (
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
from awskg.graph.loading import BUILTIN_PACK, load
from awskg.graph.model import Edge, KnowledgeGraph

__all__ = [
    "BUILTIN_PACK",
    "AmbiguousName",
    "AwskgError",
    "Edge",
    "KnowledgeGraph",
    "NoPath",
    "PackError",
    "PackWriteError",
    "Problem",
    "SameConcept",
    "UnknownName",
    "UnreadableQuestion",
    "load",
]
