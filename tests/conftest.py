"""Shared fixtures: the spaCy model is loaded once per test session (it takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "seed_gold.json"   # copy of shared/gold/seed_gold.json
DEV = ROOT / "tests" / "data" / "dev"


@pytest.fixture(scope="session")
def nlp():
    from kgbuild.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def coref_mentions(nlp):
    """text -> its mentions with coreference resolved (the entity stage of one document)."""
    from kgbuild.entities.coref import add_coreferences
    from kgbuild.entities.mentions import extract_mentions

    def mentions(text):
        doc = nlp(text)
        return add_coreferences(doc, extract_mentions(doc))
    return mentions


@pytest.fixture(scope="session")
def entity_nodes(coref_mentions):
    """text -> {entity id: aliases} for one document on its own (mentions, coreference, resolution)."""
    from kgbuild.model import DocumentExtraction, DocumentInfo
    from kgbuild.resolve import resolve_entities

    def nodes(text: str) -> dict[str, list[str]]:
        extraction = DocumentExtraction(document=DocumentInfo("d", "d.txt", "0"), mentions=coref_mentions(text),
                                        relations=[])
        return {e.id: e.aliases for e in resolve_entities([extraction]).entities}
    return nodes


@pytest.fixture(scope="session")
def seed_graph():
    """The seed document built once for every test that inspects the result."""
    import kgbuild

    return kgbuild.build([SEEDS])


@pytest.fixture(scope="session")
def dev_graphs():
    """Each development passage built on its own graph, once per session: [(kg, gold, file name)]."""
    from .gold_sets import passage_graphs

    golds = sorted(DEV.glob("*.gold.json"))
    if len(golds) < 40:
        pytest.fail(f"development set too small: {len(golds)} gold files in {DEV} (expected 40)")
    return passage_graphs(golds)
