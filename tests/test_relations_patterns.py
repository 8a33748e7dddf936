"""One test per pattern family of the news schema, on short news-like sentences (real spaCy)."""

from __future__ import annotations

import pytest

from .relations_helpers import run, triples


# -- verbs: active, passive, coordinated subjects --------------------------------------------
def test_active_verb_with_preposition(nlp):
    assert ("spoke_with", "Emmanuel Macron", "Olaf Scholz") in triples(
        nlp, "Emmanuel Macron spoke with Olaf Scholz on Tuesday.")


def test_active_verb_with_direct_object(nlp):
    assert ("annexed", "Russia", "Crimea") in triples(nlp, "Russia annexed Crimea in 2014.")


def test_passive_verb_puts_the_agent_first(nlp):
    assert ("invaded", "Russia", "Ukraine") in triples(nlp, "Ukraine was invaded by Russia in February 2022.")


def test_coordinated_subjects_of_a_symmetric_verb(nlp):
    t = triples(nlp, "Emmanuel Macron and Olaf Scholz spoke by phone on Tuesday.")
    assert ("spoke_with", "Emmanuel Macron", "Olaf Scholz") in t


def test_relative_clause_subject(nlp):
    t = triples(nlp, "Joe Biden, who spoke to Xi Jinping last week, returned to Washington.")
    assert ("spoke_with", "Joe Biden", "Xi Jinping") in t


# -- nominalisations ---------------------------------------------------------------------------
def test_talks_between_a_and_b(nlp):
    t = triples(nlp, "Talks between Israel and Hamas resumed in Cairo on Monday.")
    assert ("spoke_with", "Israel", "Hamas") in t


def test_invasion_of_with_agent_from_ordered(nlp):
    t = triples(nlp, "The war began in 2022, when Vladimir Putin ordered the invasion of Ukraine.")
    assert ("invaded", "Vladimir Putin", "Ukraine") in t


def test_sanctions_on_with_agent_from_imposed(nlp):
    t = triples(nlp, "The European Union imposed sanctions on Iran on Monday.")
    assert ("sanctioned", "European Union", "Iran") in t


def test_interview_with_outlet(nlp):
    t = triples(nlp, "Angela Merkel made the remarks in an interview with the Financial Times.")
    assert ("interviewed_by", "Angela Merkel", "Financial Times") in t


# -- titles, roles, appositions ------------------------------------------------------------------
def test_nationality_title_gives_leader_of_the_country(nlp):
    t = triples(nlp, "Kenyan President William Ruto arrived in Addis Ababa on Monday.")
    assert ("leader_of", "William Ruto", "Kenya") in t


def test_title_of_one_name_is_not_spread_over_a_coordination(nlp):
    t = triples(nlp, "A summit between Russian President Vladimir Putin and Donald Trump was discussed.")
    assert ("leader_of", "Vladimir Putin", "Russia") in t
    assert ("leader_of", "Donald Trump", "Russia") not in t


def test_outlet_role_before_name_gives_works_for(nlp):
    t = triples(nlp, "Reuters correspondent Jane Smith reported from the border on Sunday.")
    assert ("works_for", "Jane Smith", "Reuters") in t


def test_spokesperson_through_its_spokesperson(nlp):
    t = triples(nlp, "NATO, through its spokesperson Oana Lungescu, declined to comment.")
    # a role is not refused by the clause around it
    assert ("spokesperson_of", "Oana Lungescu", "NATO") in t


def test_spokesperson_in_apposition(nlp):
    t = triples(nlp, "Grace Wanjiru, the African Union's spokeswoman, said the talks would continue.")
    assert ("spokesperson_of", "Grace Wanjiru", "African Union") in t


def test_member_of_with_coordinated_subjects(nlp):
    t = triples(nlp, "Ethiopia and Kenya are both members of the African Union.")
    assert {("member_of", "Ethiopia", "African Union"), ("member_of", "Kenya", "African Union")} <= t


def test_headquartered_in_through_a_relative_clause(nlp):
    t = triples(nlp, "Officials met at the African Union, which is headquartered in Addis Ababa.")
    assert ("located_in", "African Union", "Addis Ababa") in t


def test_a_list_of_countries_is_not_a_location_chain(nlp):
    t = triples(nlp, "Argentina, Brazil, Uruguay and Paraguay are the bloc's founding members.")
    assert not any(r == "located_in" for r, _, _ in t)


# -- coordination and coreference ------------------------------------------------------------------
def test_coordinated_objects_give_one_edge_each(nlp):
    text = ("As for Trump's proposed meeting with Putin, the details remain unknown, but the potential venue "
            "of Saudi Arabia or the United Arab Emirates has been suggested.")
    t = triples(nlp, text)
    assert ("proposed_venue", "Trump", "Saudi Arabia") in t
    assert ("proposed_venue", "Trump", "United Arab Emirates") in t


def test_argument_reached_through_a_pronoun(nlp):
    text = "Angela Merkel arrived in Paris on Friday. She discussed the war with Vladimir Putin."
    doc, mentions, rels = run(nlp, text)
    spoke = [r for r in rels if r.type == "spoke_with"]
    assert spoke, "the pronoun 'He' should carry the relation to its antecedent"
    assert spoke[0].evidence.via == "coreference"
    assert mentions[spoke[0].subject].kind == "pronoun"


def test_dateline_is_never_an_argument(nlp):
    t = triples(nlp, "NAIROBI (Reuters) - Kenyan President Daniel Mwangi held talks with Ethiopian Prime Minister "
                     "Tesfaye Bekele on Tuesday, the presidency said.")
    assert ("spoke_with", "Daniel Mwangi", "Tesfaye Bekele") in t
    assert not any("Nairobi" in (s, o) or "NAIROBI" in (s, o) for _, s, o in t)


@pytest.mark.parametrize("text", [
    "The weather in the capital was mild on Tuesday.",
    "Prices rose sharply after the announcement.",
])
def test_sentences_without_entities_give_no_relation(nlp, text):
    assert triples(nlp, text) == set()
