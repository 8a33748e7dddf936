"""Worker processes and Dask give exactly the graph one process gives, streaming in bounded batches."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgbuild
from kgbuild.cli import cli
from kgbuild.documents import iter_documents
from kgbuild.nlp import ModelNotFoundError
from kgbuild.parallel import DaskConnectionError, DaskUnavailableError, InProcessRunner, PoolRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_9384825ed03202e9.txt"
N_DOCS = 24
BATCH = 3          # tasks of 6 documents: several per worker, finishing in any order


def _generator():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.NewsGenerator(seed=11)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """Generated news articles plus the seed document, as files (the CLI test reads the same ones)."""
    folder = tmp_path_factory.mktemp("corpus")
    for doc_id, text in _generator().documents(N_DOCS - 1):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def documents(corpus_dir):
    return list(iter_documents([corpus_dir]))


@pytest.fixture(scope="module")
def one_process_json(documents):
    return kgbuild.build(documents=documents, workers=1).to_json()


def test_two_workers_give_a_byte_identical_graph_and_report_progress(documents, one_process_json):
    seen = []
    report = kgbuild.BuildReport()
    kg = kgbuild.build(documents=documents, workers=2, batch_size=BATCH, progress=seen.append, report=report)
    assert kg.to_json() == one_process_json
    assert kg.number_of_edges() > N_DOCS           # the corpus does produce relations
    assert sum(seen) == report.documents == N_DOCS
    assert kg.graph["model"] and kg.graph["model"] != "unknown"


def test_the_pool_reads_lazily_and_keeps_few_batches_in_flight(documents):
    pulled = []

    def stream():
        for d in documents:
            pulled.append(d.id)
            yield d

    ahead = []
    with PoolRunner(2, batch_size=2) as runner:        # tasks of 4 documents, at most 4 tasks pending
        out = []
        for x in runner.extract(stream()):
            ahead.append(len(pulled) - len(out))
            out.append(x)
    assert max(ahead) <= runner.max_in_flight * runner.chunk_size < len(documents)
    assert [x.document.id for x in out] == [d.id for d in documents]      # input order kept
    with InProcessRunner() as here:
        assert out == list(here.extract(documents))


def test_a_missing_model_in_the_workers_is_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="no spaCy model found"):
        kgbuild.build([SEED], model="kgbuild_no_such_model", workers=2)


def test_cli_with_workers_shows_progress_and_writes_the_same_graph(corpus_dir, one_process_json, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(corpus_dir), "--out", str(tmp_path / "out"), "--workers", "2",
                                      "--no-html"])
    assert result.exit_code == 0, result.output
    assert f"Documents: {N_DOCS} read" in result.output
    assert f"Reading:   0%|          | 0/{N_DOCS}" in result.stderr     # the tqdm bar (redrawn at most 10/s)
    assert (tmp_path / "out" / "graph.json").read_text(encoding="utf-8") == one_process_json


@pytest.mark.slow
def test_dask_local_cluster_gives_a_byte_identical_graph(documents, one_process_json):
    pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
    kg = kgbuild.build(documents=documents, dask="local", batch_size=BATCH)
    assert kg.to_json() == one_process_json


def test_an_unreachable_dask_scheduler_is_a_one_line_error(monkeypatch):
    pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
    monkeypatch.setattr("kgbuild.parallel.DASK_CONNECT_TIMEOUT", "2s")
    with pytest.raises(DaskConnectionError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        kgbuild.build([SEED], dask="tcp://127.0.0.1:9")
    result = CliRunner().invoke(cli, ["build", str(SEED), "--dask", "tcp://127.0.0.1:9", "--no-html"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.stderr.strip().splitlines()) == 1


def test_dask_not_installed_is_a_one_line_error_naming_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)     # what an environment without it looks like
    with pytest.raises(DaskUnavailableError, match=r"pip install 'kgbuild\[dask\]'"):
        kgbuild.build([SEED], dask="local")
