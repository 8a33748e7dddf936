"""Descriptions seen in unseen news: 'the body', 'the bloc', 'the junta', 'the critic', 'both
countries', 'the book, published by X', 'the agent' (a noun the text put next to a name), each
with a case where nothing compatible was named and the description stays unresolved."""

from __future__ import annotations

import pytest

from .factories import linked


@pytest.fixture(scope="module")
def resolve(coref_mentions):
    return coref_mentions     # (the name these tests read best with)


# -- 'the body': a governing or representative body -------------------------------------------------
def test_the_body_is_the_federation_the_subject_accuses(resolve):
    ms = resolve("The Velorian Rowing Federation said on Monday it would keep the final in Ostrava. "
                 "In a letter to the federation, the Ruritanian Rowing Association criticized the body for its decision.")
    assert linked(ms, "the body") == ["Velorian Rowing Federation"]


def test_the_body_is_never_a_company(resolve):
    ms = resolve("Brackwell Foods said on Monday it would close a plant in Ostrava. "
                 "Analysts said the body had acted too late.")
    assert linked(ms, "the body") == []


def test_a_dead_body_found_by_police_is_no_organisation(resolve):
    ms = resolve("The Norvik Police Authority opened an inquiry on Monday. Officers said they found the body "
                 "near the river.")
    assert linked(ms, "the body") == []


# -- 'the bloc' and an abbreviation counted once ------------------------------------------------------
def test_the_bloc_is_the_community_not_the_agency_that_reported(resolve):
    text = ("Trucks remain stuck at the border, weeks after the Coastal Economic Community (CECOM) imposed "
            "sanctions over the coup, the Global Grain Programme said on Monday. A spokesman for the army "
            "accused CECOM of cruelty. The bloc, which also sanctioned Ruritania in 2021, met on Friday.")
    assert linked(resolve(text), "The bloc") == ["Coastal Economic Community"]


# -- 'the junta', 'the regime': the country ruled ----------------------------------------------------
def test_the_junta_in_a_capital_is_that_capitals_country(resolve):
    ms = resolve("Soldiers seized power in Niger in July. Mali and Burkina Faso have backed the junta in Niamey.")
    assert linked(ms, "the junta") == ["Niger"]


def test_the_junta_with_no_country_named_links_nothing(resolve):
    ms = resolve("The Ruritanian Rowing Association met on Monday. Officials denied the junta's claim.")
    assert linked(ms, "the junta") == []


# -- people introduced by their trade -------------------------------------------------------------
def test_the_critic_is_the_person_the_text_called_a_critic(resolve):
    ms = resolve("Dunmore Gazette critic Pell Aramond praised the record. Koa Lantern's chief executive, "
                 "Teo Varga, denied the critic's claim.")
    assert linked(ms, "the critic") == ["Pell Aramond"]


def test_the_critic_with_no_critic_named_links_nothing(resolve):
    ms = resolve("Singer Pell Aramond released a record. Teo Varga denied the critic's claim.")
    assert linked(ms, "the critic") == []


# -- 'both countries': the two countries of the sentence before ------------------------------------
def test_both_countries_are_the_two_of_the_last_sentence_a_capital_counting_for_its_country(resolve):
    text = ("On Thursday, Cyprus said gas had been found. Turkey condemned the find. President Jane Roe "
            "invited Egyptian minister Omar Sadik to Nicosia for talks. Both countries are members of the "
            "Levant Gas Forum.")
    assert sorted(linked(resolve(text), "Both countries")) == ["Cyprus", "Egypt"]


def test_both_countries_after_three_countries_link_nothing(resolve):
    text = ("Ministers from Kenya, Uganda and Tanzania met on Monday. Both countries signed the deal.")
    assert linked(resolve(text), "Both countries") == []


# -- 'The book, published by X,': an aside about the work named before ---------------------------------
def test_the_book_with_a_participle_aside_is_the_work_named_before(resolve):
    ms = resolve('Novelist Hana Lorik read from "The Salt Orchard", her novel about a ferry. The book, '
                 "published in March by Vessen Press, has sold 10,000 copies.")
    assert linked(ms, "The book") == ["The Salt Orchard"]


# -- a publishing house is a firm --------------------------------------------------------------------
def test_the_firm_may_be_a_publisher_whose_name_ends_in_press(resolve):
    ms = resolve('The novel "The Salt Orchard" was published by Vessen Press. Vessen Press\'s director, '
                 "Hana Lorik, said the firm had discussed a Slovak edition.")
    assert linked(ms, "the firm") == ["Vessen Press"]


def test_a_newspaper_is_still_not_the_firm(resolve):
    ms = resolve("Hana Lorik told the Dunmore Press in an interview that the firm had discussed a Slovak edition.")
    assert linked(ms, "the firm") == []


# -- a noun the text put next to a name ---------------------------------------------------------------
def test_the_agent_is_the_firm_the_text_called_the_agent(resolve):
    ms = resolve("The tanker's Rotterdam-based agent, Kielmark Shipping, denied the claims. The minister "
                 "proposed a meeting with the union and the shipping agent in Brussels.")
    assert linked(ms, "the shipping agent") == ["Kielmark Shipping"]


def test_the_agent_described_twice_for_two_firms_links_nothing(resolve):
    ms = resolve("Kielmark Shipping, the tanker's agent, denied the claims. Dorval Marine, the cargo's agent, "
                 "backed them. The minister met the agent on Friday.")
    assert linked(ms, "the agent") == []


def test_the_agent_with_no_agent_named_links_nothing(resolve):
    ms = resolve("Kielmark Shipping denied the claims. The minister met the agent on Friday.")
    assert linked(ms, "the agent") == []
