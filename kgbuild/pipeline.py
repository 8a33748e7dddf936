"""Orchestration: documents in, KnowledgeGraph out.

Per-document work (parse, mentions, coreference, relations) is streamed: spaCy parses a batch,
each Doc is reduced to a small ``DocumentExtraction`` and dropped. Only the extractions (names,
offsets, evidence: the material of the graph itself) are kept for the corpus-wide stages,
resolution and assembly.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from . import __version__
from .documents import iter_documents
from .graph import KnowledgeGraph, assemble_graph
from .model import Document, DocumentExtraction

ProgressHook = Callable[[int], None]


@dataclass
class BuildReport:
    """What a build did, for the CLI's summary and for scripts."""

    documents: int = 0
    words: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


class Extractor:
    """Everything one process needs to turn documents into extractions: the spaCy pipeline and
    the compiled relation patterns, loaded once and reused for every document."""

    def __init__(self, model: Optional[str] = None, schema=None):
        from .nlp import load_model, model_name
        from .relations import RelationExtractor
        from .schema import load_schema

        self.nlp = load_model(model)
        self.model_name = model_name(self.nlp)
        self.schema = schema if hasattr(schema, "relations") else load_schema(schema)
        self.relations = RelationExtractor(self.schema, self.nlp.vocab)

    def extract(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[DocumentExtraction]:
        """Parse in batches with nlp.pipe; yield one extraction per document, in input order."""
        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield extract_document(doc, document, self.relations)


def extract_document(doc, document: Document, relation_extractor) -> DocumentExtraction:
    """The per-document stages, in order: mentions -> coreference -> relations."""
    from .entities.coref import add_coreferences
    from .entities.doc_view import DocView
    from .entities.mentions import extract_mentions
    from .nlp import DocColumns
    from .relations.tokens import TokenTable

    # One Doc.to_array read and one string memo serve the entity view and the relation token table.
    memo = relation_extractor.memo.for_doc(doc)
    columns = DocColumns(doc, memo)
    view = DocView(doc, columns)
    mentions = add_coreferences(view, extract_mentions(view))
    # the view stands in for the Doc there too: its tokens and text are already made
    relations = relation_extractor.extract(view, mentions, document.id, table=TokenTable(view, memo, columns))
    return DocumentExtraction(document=document.info, mentions=mentions, relations=relations, words=columns.words)


def build(
    paths: Iterable[str | Path] = (),
    *,
    documents: Optional[Iterable[Document]] = None,
    model: Optional[str] = None,
    schema=None,
    workers: int = 1,
    dask: Optional[str] = None,
    batch_size: int = 32,
    progress: Optional[ProgressHook] = None,
    report: Optional[BuildReport] = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from files, folders and globs (or ready ``documents``).

    Bad files are skipped and listed in ``report.skipped``; a missing path raises
    ``documents.InputError`` before any work is done.
    """
    report = report if report is not None else BuildReport()
    started = time.perf_counter()
    if documents is None:
        documents = iter_documents(paths, on_skip=lambda p, why: report.skipped.append((p, why)))
        # Expanding the paths raises InputError at once for a missing path.
        documents = _prime(documents)

    from .parallel import open_runner

    extractions = []
    # In this process, a pool of `workers` processes, or Dask: see parallel.py.
    with open_runner(model=model, schema=schema, workers=workers, dask=dask, batch_size=batch_size) as runner, \
            gc_frozen():
        for x in runner.extract(documents):
            extractions.append(x)
            report.documents += 1
            report.words += x.words
            if progress:
                progress(1)
    with gc_frozen():    # now the extractions too: they live until the graph is made
        kg = graph_from_extractions(extractions, runner.schema, model_name=runner.model_name)
    report.seconds = time.perf_counter() - started
    return kg


def graph_from_extractions(extractions: list[DocumentExtraction], schema, *, model_name: str) -> KnowledgeGraph:
    """The corpus-wide stages: resolution across documents, then assembly."""
    from .resolve import resolve_entities

    extractions = sorted(extractions, key=lambda x: x.document.id)
    resolution = resolve_entities(extractions)
    meta = {"kgbuild_version": __version__, "model": model_name, "schema": schema.name}
    return assemble_graph(extractions, resolution, symmetric=schema.symmetric_relations(), meta=meta)


@contextmanager
def gc_frozen():
    """Everything alive now (modules, the loaded spaCy model, the extractions) lives as long as the
    build: frozen, the cyclic garbage collector stops rescanning it in every full collection (about
    2% of a build's CPU). Undone afterwards, so a session that builds many times can still free an
    old model; left alone if the caller froze objects itself."""
    import gc

    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _prime(iterator: Iterator[Document]) -> Iterator[Document]:
    """Run a generator up to its first item now, so path errors surface before model loading."""
    import itertools

    try:
        first = next(iterator)
    except StopIteration:
        return iter(())
    return itertools.chain([first], iterator)
