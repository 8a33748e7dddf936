"""The benchmark corpus generator: deterministic, varied, and reusable on disk."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_same_seed_gives_the_same_corpus_and_another_seed_a_different_one(corpus):
    a = list(corpus.NewsGenerator(seed=1).documents(50))
    assert a == list(corpus.NewsGenerator(seed=1).documents(50))
    assert a != list(corpus.NewsGenerator(seed=2).documents(50))


def test_an_article_does_not_depend_on_the_corpus_size(corpus):
    gen = corpus.NewsGenerator(seed=3)
    assert list(gen.documents(100))[:20] == list(gen.documents(20))


def test_many_different_names_with_some_recurring(corpus):
    texts = [t for _, t in corpus.NewsGenerator(seed=8).documents(1000)]
    firsts = "|".join(corpus.FIRST_F + corpus.FIRST_M)
    names = re.findall(rf"\b(?:{firsts}) [A-Z][a-zà-ÿ]+\b", " ".join(texts))
    counts = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    assert len(counts) > 1000                      # a long tail of people
    assert max(counts.values()) > 50               # and a few who are in the news all the time
    assert all(60 < len(t.split()) < 200 for t in texts)


def test_write_corpus_writes_files_and_reuses_a_matching_folder(corpus, tmp_path):
    out = corpus.write_corpus(tmp_path / "c", 30, seed=5)
    files = sorted(out.glob("*.txt"))
    assert len(files) == 30 and files[0].name == "news-000000.txt"
    first = files[0].stat().st_mtime_ns
    corpus.write_corpus(out, 30, seed=5)
    assert files[0].stat().st_mtime_ns == first      # same size and seed: nothing rewritten
    corpus.write_corpus(out, 10, seed=5)
    assert len(list(out.glob("*.txt"))) == 10        # another size: regenerated, no leftovers
