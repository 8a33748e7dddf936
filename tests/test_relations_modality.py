"""Negation, refusal, hypotheticals and attribution: what must never become a plain edge, and
who is recorded as saying what. Policy (kgbuild/schemas/news.yaml header): negated and refused
-> no edge; mere possibility -> no edge; an intent to meet -> proposed_meeting."""

from __future__ import annotations

import pytest

from .relations_helpers import run, triples, types


# -- must-not cases ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, forbidden", [
    ("Emmanuel Macron did not meet Olaf Scholz during the summit.", "met_with"),
    ("Emmanuel Macron never spoke with Olaf Scholz about the deal.", "spoke_with"),
    ("The Kremlin refused to confirm or deny the report by the Washington Post.", "denied"),
    ("The Kremlin refused to confirm or deny the report by the Washington Post.", "confirmed"),
    ("The ministry declined to confirm the report by the Guardian.", "confirmed"),
    ("His office denied a Reuters report that Javier Milei planned to meet Keir Starmer in Geneva.", "met_with"),
    ("His office denied a Reuters report that Javier Milei planned to meet Keir Starmer in Geneva.", "proposed_meeting"),
])
def test_negated_or_refused_relation_gives_no_edge(nlp, text, forbidden):
    assert forbidden not in types(nlp, text)


def test_potential_membership_is_not_membership(nlp):
    t = triples(nlp, "Vladimir Putin warned of the potential threat of Ukraine's NATO membership.")
    assert ("member_of", "Ukraine", "NATO") not in t


def test_a_mere_possibility_is_neither_a_meeting_nor_a_proposal(nlp):
    got = types(nlp, "Emmanuel Macron may meet Olaf Scholz next week, diplomats said.")
    assert "met_with" not in got and "proposed_meeting" not in got


def test_a_conditional_is_not_asserted(nlp):
    assert "met_with" not in types(nlp, "If Emmanuel Macron meets Olaf Scholz, the deal could be signed.")


def test_no_talks_were_planned_is_no_edge(nlp):
    got = types(nlp, "Aides said no talks with Somalia were planned by Daniel Mwangi.")
    assert "spoke_with" not in got and "proposed_meeting" not in got


# -- intent becomes a proposal -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Trump expressed a desire to meet with Ukrainian President Volodymyr Zelenskiy.",
    "ISRO chief Venkat Raghavan said he hoped to meet JAXA president Emiko Hayashi in Tokyo in November.",
    "Trump's proposed meeting with Zelenskiy was discussed on Monday.",
])
def test_intent_to_meet_is_an_asserted_proposed_meeting(nlp, text):
    _, mentions, rels = run(nlp, text)
    kinds = {r.type for r in rels}
    assert "proposed_meeting" in kinds
    assert "met_with" not in kinds
    assert all(r.evidence.modality == "asserted" for r in rels if r.type == "proposed_meeting")


def test_a_summit_between_two_parties_names_no_proposer(nlp):
    got = types(nlp, "Preparations for a summit between Vladimir Putin and Donald Trump are underway.")
    assert "proposed_meeting" not in got


def test_keep_policy_marks_possible_edges_with_low_confidence(nlp, tmp_path):
    from kgbuild.relations import RelationExtractor
    from kgbuild.schema import load_schema
    from kgbuild.entities.coref import add_coreferences
    from kgbuild.entities.mentions import extract_mentions
    from importlib import resources

    text = resources.files("kgbuild.schemas").joinpath("news.yaml").read_text(encoding="utf-8")
    text = text.replace("policy: {negated: drop, refused: drop, possible: drop}",
                        "policy: {negated: drop, refused: drop, possible: keep}")
    path = tmp_path / "keep.yaml"
    path.write_text(text, encoding="utf-8")
    rx = RelationExtractor(load_schema(path), nlp.vocab)
    doc = nlp("Finland could sanction Iran next year.")
    rels = rx.extract(doc, add_coreferences(doc, extract_mentions(doc)), "t")
    kept = [r for r in rels if r.type == "sanctioned"]
    assert kept and all(r.evidence.modality == "possible" and r.evidence.confidence <= 0.4 for r in kept)


# -- attribution ------------------------------------------------------------------------------------
def _only(nlp, text, rtype):
    _, _, rels = run(nlp, text)
    found = [r for r in rels if r.type == rtype]
    assert found, f"no {rtype} in {text!r}"
    return found[0].evidence


def test_x_said_is_recorded_as_asserted_by(nlp):
    ev = _only(nlp, "Emmanuel Macron spoke with Olaf Scholz on Tuesday, the Elysee said.", "spoke_with")
    assert ev.asserted_by == "Elysee"


def test_according_to_is_recorded_as_asserted_by(nlp):
    ev = _only(nlp, "According to Reuters, Emmanuel Macron met with Olaf Scholz in Berlin.", "met_with")
    assert ev.asserted_by == "Reuters"


def test_reportedly_marks_the_evidence_as_reported(nlp):
    ev = _only(nlp, "Donald Trump reportedly spoke with Vladimir Putin several times.", "spoke_with")
    assert ev.reported is True


def test_a_plain_statement_is_neither_reported_nor_attributed(nlp):
    ev = _only(nlp, "Russia annexed Crimea in 2014.", "annexed")
    assert ev.reported is False and ev.asserted_by is None and ev.modality == "asserted"
