"""Same input, same bytes: whatever the hash seed of the process and the order of the inputs.

Each worker process (and each Dask worker) has its own hash seed, so any tie broken by set or dict
order shows up as "2 workers differ from 1". 120 generated briefs were enough to expose such a tie
in label voting; a handful of documents was not.
"""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT, SEEDS


def build(out, paths, hash_seed):
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed))
    proc = subprocess.run([sys.executable, "-m", "kgbuild", "build", *map(str, paths), "--out", str(out),
                           "--no-html", "--quiet"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return (out / "graph.json").read_bytes(), (out / "graph.graphml").read_bytes()


def test_graph_files_are_byte_identical_across_hash_seeds_and_input_order(tmp_path):
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "--size", "120", "--out", str(corpus)],
                   check=True, capture_output=True, timeout=120)
    paths = [SEEDS / "000_9384825ed03202e9.txt"] + sorted(corpus.glob("*.txt"))
    first = build(tmp_path / "a", paths, hash_seed=1)
    second = build(tmp_path / "b", list(reversed(paths)), hash_seed=2)
    assert first[0] == second[0]
    assert first[1] == second[1]
