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
