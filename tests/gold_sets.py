"""Building each passage of a gold set on its own graph, the way every quality test scores it."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable


def passage_graphs(golds: Iterable[Path], extractor=None) -> list[tuple]:
    """[(KnowledgeGraph, gold, text file name)] for each ``NNN_slug.gold.json`` and its ``.txt``:
    one graph per passage, because each gold file speaks for its own passage only."""
    from kgbuild.documents import iter_documents
    from kgbuild.evaluate import load_gold
    from kgbuild.pipeline import Extractor, graph_from_extractions

    golds = list(golds)
    extractor = extractor or Extractor()
    texts = [g.with_name(g.name.replace(".gold.json", ".txt")) for g in golds]
    return [(graph_from_extractions([x], extractor.schema, model_name=extractor.model_name), load_gold(g), t.name)
            for x, g, t in zip(extractor.extract(iter_documents(texts)), golds, texts)]
