"""kgbuild: documents in, a trustworthy entity-relationship knowledge graph out.

    >>> import kgbuild
    >>> kg = kgbuild.build(["seeds/"])          # a KnowledgeGraph (a networkx MultiDiGraph)
    >>> kg.write_json("out/graph.json")

The stages (documents, nlp, mentions, coref, relations, resolve, graph, sinks) are plain
modules with typed data between them; see docs/ARCHITECTURE.md.
"""

__version__ = "0.1.0"

from .graph import KnowledgeGraph, load_graph  # noqa: E402
from .pipeline import BuildReport, build  # noqa: E402

__all__ = ["__version__", "build", "BuildReport", "KnowledgeGraph", "load_graph"]
