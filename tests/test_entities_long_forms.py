"""Names in long articles: titles glued to names, job words, pronouns, first names and pet
forms, ministries with listed portfolios, long forms before a short form in brackets, languages
and nationalities. One invented sentence per behaviour on real spaCy parses, each with the case
the rule must leave alone."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nodes(entity_nodes):
    return entity_nodes


# -- an office 'of' a portfolio is a title, not a body -------------------------------------------
def test_secretary_of_state_before_a_name_is_a_title(nodes):
    got = nodes("Deputy Assistant Secretary of State Dorian Vell-Maddox, who attended as an observer, "
                "said Washington backed the talks.")
    assert "person:dorian-vell-maddox" in got
    assert not any("state" in i for i in got)


def test_secretary_of_state_alone_names_no_body(nodes):
    got = nodes("The judge said the Secretary of State's decision to freeze the assets of Corwin Halloway "
                "was lawful.")
    assert "org:state" not in got and "person:corwin-halloway" in got


def test_president_of_a_country_keeps_the_country(nodes):
    got = nodes("The talks were opened by the President of Ruritania, Dorian Vell, and the Minister of "
                "Finance of Brazil.")
    assert "gpe:brazil" in got


# -- job words and pronouns are no names ----------------------------------------------------------
def test_byline_job_after_a_portfolio_is_no_person(nodes):
    got = nodes("By Corwin Halloway, Health Correspondent\n\nA new study of nurses was published on Monday.")
    assert "person:corwin-halloway" in got
    assert "person:correspondent" not in got


def test_pronoun_i_with_its_full_stop_is_no_entity(nodes):
    got = nodes('"Marla and I talk every week," Corwin Halloway said. "She represents the state, and so do I. '
                'We read it differently."')
    assert not any(i.endswith(":i") for i in got)


def test_acronym_spelled_like_a_pronoun_stays_a_name(nodes):
    got = nodes("The World Health Organization (WHO) sent doctors. Dr Corwin Halloway, the WHO's envoy in "
                "Ruritania, said more would follow.")
    assert "org:world-health-organization" in got and "WHO" in got["org:world-health-organization"]


# -- a bare first name or its pet form joins the one full name ------------------------------------
def test_pet_form_of_a_first_name_joins_the_full_name(nodes):
    got = nodes("She criticised the majority leader, Thomas Brannigan, by name. \"Tom is a good man and a "
                "bad negotiator,\" she said.")
    assert "Tom" in got["person:thomas-brannigan"] and "person:tom" not in got


def test_beginning_of_a_first_name_joins_the_full_name(nodes):
    got = nodes("The governor, Raymond Tsalik, signed the bill. \"Ray and I talk every week,\" the senator said.")
    assert "Ray" in got["person:raymond-tsalik"] and "person:ray" not in got


def test_short_first_name_two_people_share_joins_neither(nodes):
    got = nodes("The governor, Raymond Tsalik, met the mayor, Raymonde Okoro. \"Ray is late,\" an aide said.")
    assert "Ray" not in got["person:raymond-tsalik"] and "Ray" not in got.get("person:raymonde-okoro", [])


# -- whole names of bodies ------------------------------------------------------------------------
def test_ministry_with_listed_portfolios_is_one_name(nodes):
    got = nodes("The Department for Farming, Fisheries and Forests said it would not intervene at this stage.")
    assert "org:department-for-farming-fisheries-and-forests" in got
    assert "org:fisheries-and-forests" not in got


def test_names_listed_after_a_ministry_stay_apart(nodes):
    got = nodes("The Ministry of Finance, Acme Bank and Ruritania Rail signed the accord in Lisbon.")
    assert not any("acme-bank-and" in i for i in got)
    assert not any(i.startswith("org:ministry-of-finance-") for i in got)


def test_long_form_before_its_short_form_is_one_name(nodes):
    got = nodes("Ruritania's Queen Ottilie Humanitarian Aid and Relief Centre (QOrelief) said its first "
                "aircraft had landed in Karachi.")
    assert "org:queen-ottilie-humanitarian-aid-and-relief-centre" in got
    assert "person:ottilie" not in got


def test_person_and_body_before_a_short_form_stay_two(nodes):
    got = nodes("The report was written by Corwin Halloway and the Borduria Water Trust (BWT) last year.")
    assert "person:corwin-halloway" in got
    assert not any("halloway-and" in i for i in got)


# -- languages and nationalities are no places ----------------------------------------------------
def test_language_after_in_is_no_place(nodes):
    got = nodes('"They said a play in Persian, staged in Portugal, would never sell a ticket," Corwin Halloway said.')
    assert "gpe:persian" not in got and "gpe:portugal" in got


def test_nationality_before_a_private_job_is_no_country(nodes):
    got = nodes("The prize went to the Nigerian director Chidi Okonjo-Vale, whose documentary won.")
    assert "gpe:nigeria" not in got and "person:chidi-okonjo-vale" in got


def test_nationality_before_an_office_stands_for_the_country(nodes):
    got = nodes("The Nigerian president, Chidi Okonjo-Vale, visited Accra on Monday.")
    assert "gpe:nigeria" in got


# -- a name the model cut into two one-word places -------------------------------------------------
def test_two_word_name_cut_in_two_beside_a_person_noun_is_a_person(nodes):
    got = nodes("The far-right Unity party's candidate, Tobiasz Wrzesień, came third with 12.1% and "
                "has refused to endorse either man. Wrzesień met the mayor in Gdańsk on Tuesday.")
    assert "person:tobiasz-wrzesien" in got and "gpe:tobiasz" not in got
