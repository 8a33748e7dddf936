"""`explain(kg, a, b)`: every edge between two entities with the sentences that say it."""

from __future__ import annotations

import pytest

from kgbuild.explain import UnknownEntityError, explain


def test_explain_prints_each_edge_with_its_evidence(seed_graph):
    text = explain(seed_graph, "Trump", "Putin")
    assert "spoke_with" in text and "proposed_meeting" in text
    assert "Donald Trump has reportedly admitted to speaking with" in text
    assert "pattern spoke_with:verb_with" in text
    assert "via coreference" in text            # "his communications with Putin"
    assert "reported" in text                   # "reportedly"
    assert "asserted by: Donald Trump" in text  # "Trump ... admitted to speaking"


def test_explain_finds_entities_by_alias_in_either_order(seed_graph):
    a = explain(seed_graph, "Dmitry Peskov", "the Kremlin")
    b = explain(seed_graph, "kremlin", "dmitry peskov")
    assert "spokesperson_of" in a and "spokesperson_of" in b
    assert "The Kremlin, through its spokesperson Dmitry Peskov" in a


def test_explain_says_so_when_there_is_no_relation(seed_graph):
    assert explain(seed_graph, "Bob Woodward", "Saudi Arabia").startswith("No relation between")


def test_explain_unknown_name_is_a_one_line_error(seed_graph):
    with pytest.raises(UnknownEntityError) as err:
        explain(seed_graph, "Nobody Atall", "Putin")
    assert "Nobody Atall" in str(err.value) and "\n" not in str(err.value)


def test_explain_shows_each_argument_and_trigger_with_its_offsets(seed_graph):
    text = explain(seed_graph, "Trump", "Putin")
    assert 'trigger  "speaking"' in text and "chars 40-48" in text
    # a pronoun argument says whom it stands for
    his = [line for line in text.splitlines() if line.strip().startswith('subject  "his"')]
    assert his and all(line.rstrip().endswith("= Donald Trump") for line in his)


def test_explain_accepts_a_surname_that_names_one_entity(seed_graph):
    assert "spokesperson_of" in explain(seed_graph, "Peskov", "Kremlin")


def test_explain_refuses_a_surname_shared_by_two_entities():
    from kgbuild.graph import KnowledgeGraph

    kg = KnowledgeGraph()
    kg.add_node("person:liam-o-neill", name="Liam O'Neill", aliases=[])
    kg.add_node("person:siobhan-o-neill", name="Siobhan O'Neill", aliases=[])
    with pytest.raises(UnknownEntityError):
        explain(kg, "O'Neill", "Liam O'Neill")
