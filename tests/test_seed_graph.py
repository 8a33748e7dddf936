"""End to end on the user's example document: what the user asked for must be in the graph."""

from __future__ import annotations

import json

from click.testing import CliRunner

import kgbuild
from kgbuild.cli import cli

from .conftest import GOLD, SEEDS


def person_nodes(kg, surname):
    return [d for _, d in kg.nodes(data=True)
            if d["type"] == "PERSON" and surname in [d["name"].split()[-1]] + [a.split()[-1] for a in d["aliases"]]]


def test_one_person_node_each_with_the_full_name(seed_graph):
    for full in ("Donald Trump", "Vladimir Putin", "Dmitry Peskov", "Leonid Slutsky"):
        nodes = person_nodes(seed_graph, full.split()[-1])
        assert [n["name"] for n in nodes] == [full]


def test_spoke_with_edge_between_the_two_leaders_carries_its_sentence(seed_graph):
    a, b = seed_graph.find("Donald Trump"), seed_graph.find("Vladimir Putin")
    edges = [e for e in seed_graph.edges_between(a, b) if e["type"] == "spoke_with"]
    assert len(edges) == 1
    sentences = [ev["sentence"] for ev in edges[0]["evidence"]]
    assert any(s.startswith("Donald Trump has reportedly admitted to speaking with") for s in sentences)
    text = (SEEDS / "000_9384825ed03202e9.txt").read_text(encoding="utf-8")
    for ev in edges[0]["evidence"]:
        assert text[ev["start"]:ev["end"]] == ev["sentence"]


def test_evaluate_against_the_seed_gold_passes(tmp_path, seed_graph):
    seed_graph.write_json(tmp_path / "graph.json")
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "graph.json"), str(GOLD), "--json"])
    report = json.loads(result.output)
    assert result.exit_code == 0, result.output
    assert report["relations"]["precision"] >= 0.85


def test_building_twice_gives_byte_identical_json(seed_graph):
    again = kgbuild.build([SEEDS])
    assert again.to_json() == seed_graph.to_json()
