"""Shared by tests/test_relations_*.py: run the real per-document stages on a short text."""

from __future__ import annotations

from functools import lru_cache

from kgbuild.entities.coref import add_coreferences
from kgbuild.entities.mentions import extract_mentions
from kgbuild.relations import RelationExtractor
from kgbuild.schema import load_schema


@lru_cache(maxsize=1)
def extractor(vocab) -> RelationExtractor:
    return RelationExtractor(load_schema(), vocab)


def run(nlp, text: str):
    """(doc, mentions, relations) for ``text`` with the real mentions, coreference and schema."""
    doc = nlp(text)
    mentions = add_coreferences(doc, extract_mentions(doc))
    return doc, mentions, extractor(nlp.vocab).extract(doc, mentions, "test")


def referent_name(mentions, i: int) -> str:
    m = mentions[i]
    for _ in range(10):
        if m.kind == "name" or m.antecedent is None:
            break
        m = mentions[m.antecedent]
    return m.name


def triples(nlp, text: str) -> set[tuple[str, str, str]]:
    """{(type, subject name, object name)}, symmetric relations in both directions."""
    _, mentions, rels = run(nlp, text)
    out = set()
    symmetric = load_schema().symmetric_relations()
    for r in rels:
        s, o = referent_name(mentions, r.subject), referent_name(mentions, r.object)
        out.add((r.type, s, o))
        if r.type in symmetric:
            out.add((r.type, o, s))
    return out


def types(nlp, text: str) -> set[str]:
    return {t for t, _, _ in triples(nlp, text)}
