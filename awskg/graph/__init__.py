"""The model: pack vocabularies, loading, validation and name resolution (errors live in :mod:`awskg.errors`)."""

from awskg.graph.loading import BUILTIN_PACK, load
from awskg.graph.model import Edge, KnowledgeGraph

__all__ = ["BUILTIN_PACK", "Edge", "KnowledgeGraph", "load"]
