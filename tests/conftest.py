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
