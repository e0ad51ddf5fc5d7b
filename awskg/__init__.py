"""awskg: a knowledge graph of cloud and AWS basics, in English and Korean.

>>> import awskg
>>> kg = awskg.load()
>>> kg.label(kg.resolve("route53"))
'Route 53'
"""

from awskg.graph import (
    AmbiguousName,
    AwskgError,
    Edge,
    KnowledgeGraph,
    NoPath,
    PackError,
    PackWriteError,
    Problem,
    SameConcept,
    UnknownName,
    UnreadableQuestion,
    load,
)

__all__ = [
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
__version__ = "0.1.0"
