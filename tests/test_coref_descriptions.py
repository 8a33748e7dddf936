"""Definite descriptions and 'it'/'its' for organisations: kind agreement, salience, recency, and
no link where two candidates are equally plausible or nothing fits."""

from __future__ import annotations

import pytest

from .factories import linked


@pytest.fixture(scope="module")
def resolve(coref_mentions):
    return coref_mentions     # (the name these tests read best with)


# -- kind agreement ------------------------------------------------------------------------------
def test_the_agency_is_the_organisation_whose_name_shows_an_agency(resolve):
    ms = resolve("The Zentari Health Organization welcomed the findings on Monday. Kofi Mensah, a spokesman, "
                 "said the agency supported the plan.")
    assert linked(ms, "the agency") == ["Zentari Health Organization"]


def test_the_agency_is_never_a_company(resolve):
    ms = resolve("Brackwell Foods welcomed the findings on Monday. Kofi Mensah, a spokesman, "
                 "said the agency supported the plan.")
    assert linked(ms, "the agency") == []


def test_the_carmaker_is_the_company_not_the_nearer_ministry(resolve):
    ms = resolve("Halvard Motors said on Tuesday it would recall 50,000 vehicles. The Norvik Transport Ministry "
                 "said it had opened an inquiry into the carmaker's handling of the recall.")
    assert linked(ms, "the carmaker") == ["Halvard Motors"]


def test_the_carmaker_after_only_a_ministry_links_nothing(resolve):
    ms = resolve("The Norvik Transport Ministry opened an inquiry on Tuesday. The carmaker's shares fell.")
    assert linked(ms, "The carmaker") == []


def test_the_carrier_is_the_airline_named_before_not_the_nearer_plane_maker(resolve):
    ms = resolve("Talmora Airways ordered 40 jets from Vessen Aerospace on Monday. The carrier said the order "
                 "was its largest.")
    assert linked(ms, "The carrier") == ["Talmora Airways"]


def test_the_bank_five_sentences_later_is_the_only_bank_named(resolve):
    text = ("The Central Bank of Veloria raised rates on Thursday. Governor Ana Brisk said inflation was too high. "
            "Finance Minister Tomas Reyl backed the decision. Farmers protested in the capital. "
            "Analysts were surprised. The bank will meet again in June.")
    assert linked(resolve(text), "The bank") == ["Central Bank of Veloria"]


def test_the_bank_with_no_bank_named_links_nothing(resolve):
    ms = resolve("Ostrand Holdings raised prices on Thursday. The bank will meet again in June.")
    assert linked(ms, "The bank") == []


def test_a_news_outlet_is_never_the_company(resolve):
    ms = resolve("Brackwell Foods' chief executive, Maren Holt, told the Dunmore Gazette in an interview that "
                 "the company would cut 300 jobs.")
    assert linked(ms, "the company") == ["Brackwell Foods"]


def test_the_company_described_by_an_apposition_is_still_an_anaphor(resolve):
    ms = resolve("Farmers sued Ostrand Holdings on Monday. The company, a member of the Dunmore Traders "
                 "Association, said it would fight the case.")
    assert linked(ms, "The company") == ["Ostrand Holdings"]
    assert linked(ms, "it") == ["Ostrand Holdings"]


# -- salience, recency, ambiguity ---------------------------------------------------------------
def test_two_companies_named_side_by_side_leave_the_company_unresolved(resolve):
    ms = resolve("Brackwell Foods and Ostrand Holdings signed a supply deal on Monday. "
                 "The company said prices would rise.")
    assert linked(ms, "The company") == []


def test_the_company_after_only_a_person_links_nothing(resolve):
    ms = resolve("Anna Keller spoke at the conference on Monday. The company said prices would rise.")
    assert linked(ms, "The company") == []


def test_the_closer_company_wins_over_an_earlier_one(resolve):
    ms = resolve("Ostrand Holdings opened a plant in Dunmore in May. Two days later, Brackwell Foods announced "
                 "job cuts. The company said demand was weak.")
    assert linked(ms, "The company") == ["Brackwell Foods"]


def test_the_subject_of_a_saying_clause_is_not_the_company_it_talks_about(resolve):
    ms = resolve("The environmental group Greenhold criticized Brackwell Foods, saying the company was "
                 "polluting the river.")
    assert linked(ms, "the company") == ["Brackwell Foods"]


# -- 'it' and 'its' ----------------------------------------------------------------------------
def test_it_with_a_to_complement_is_the_company_that_said_it(resolve):
    ms = resolve("Ostrand Holdings said on Monday it had agreed to buy a rival.")
    assert linked(ms, "it") == ["Ostrand Holdings"]


def test_it_is_expected_stands_for_nothing(resolve):
    ms = resolve("Brackwell Foods reported its results on Monday. It is expected that prices will rise.")
    assert linked(ms, "It") == []
    ms = resolve("Brackwell Foods reported its results on Monday. It was expected.")
    assert linked(ms, "It") == []


def test_object_it_takes_up_the_object_before_it_never_its_own_subject(resolve):
    ms = resolve("Brackwell Shipping lost an appeal on Tuesday, the latest setback for the company since "
                 "the Veloria Treasury Department imposed sanctions on it in March.")
    assert linked(ms, "it") == ["Brackwell Shipping"]


def test_object_it_that_names_what_follows_links_nothing(resolve):
    ms = resolve("Ostrand Holdings denied the report by Brackwell Foods, calling it baseless.")
    assert linked(ms, "it") == []


def test_its_belongs_to_the_agent_of_the_attempt(resolve):
    ms = resolve("The High Court in Dunmore rejected an attempt by Brackwell Shipping to lift a freezing order "
                 "on its tankers.")
    assert linked(ms, "its") == ["Brackwell Shipping"]


# -- people named by a role --------------------------------------------------------------------
def test_his_fast_bowler_is_the_bowler_named_before(resolve):
    ms = resolve("The board dropped fast bowler Tariq Vane on Monday. Captain Omar Diaz backed his fast bowler.")
    assert linked(ms, "his fast bowler") == ["Tariq Vane"]


def test_his_fast_bowler_with_no_bowler_named_links_nothing(resolve):
    ms = resolve("Captain Omar Diaz backed his fast bowler on Monday.")
    assert linked(ms, "his fast bowler") == []


def test_the_player_is_the_person_named_by_a_playing_position(resolve):
    ms = resolve("Brazilian forward Tiago Morel signed a contract on Monday. He scored twice last season. "
                 "Fans cheered. The club was pleased. Coach Ana Brisk met with the player in Lisbon.")
    assert linked(ms, "the player") == ["Tiago Morel"]


def test_the_player_with_no_playing_position_links_nothing(resolve):
    ms = resolve("Tiago Morel signed a contract on Monday. Coach Ana Brisk met with the player in Lisbon.")
    assert linked(ms, "the player") == []


def test_object_it_after_an_invasion_is_the_country_invaded(resolve):
    ms = resolve("Veloria invaded Finland in 1931 and annexed it two years later.")
    assert linked(ms, "it") == ["Finland"]


def test_it_after_an_event_object_and_a_participle_is_the_event_not_the_place(resolve):
    ms = resolve("Veloria launched an invasion of Finland in 1931, defending it in a speech.")
    assert linked(ms, "it") == []


def test_it_said_by_an_unresolved_description_links_nothing(resolve):
    ms = resolve("Brackwell Foods met Dunmore officials on Monday. The watchdog confirmed that the authority "
                 "had received a complaint but would not say when it would decide.")
    assert linked(ms, "it") == []


def test_plural_speaker_does_not_block_it(resolve):
    ms = resolve("Brackwell Foods could face fines if regulators conclude that it reported the problem late.")
    assert linked(ms, "it") == ["Brackwell Foods"]
