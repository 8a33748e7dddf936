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
