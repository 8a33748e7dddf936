"""Forms the third held-out set (dev 031-040) showed kgbuild missing, for leader_of, located_in,
spokesperson_of, proposed_venue, proposed_meeting, met_with, sanctioned, invaded and annexed: one
invented sentence per construction, and the sentence where it must not fire."""

from __future__ import annotations

from .relations_helpers import triples


def of_type(t: set, kind: str) -> set:
    return {x for x in t if x[0] == kind}


# -- a bare national title belongs to the country the text is filed from (@home) ------------------
def test_bare_president_leads_the_country_of_the_dateline_city(nlp):
    t = triples(nlp, "VALLETTA, March 3 - Officials said on Monday that Malta would host a regional summit. "
                     "President Ivo Marren said the talks would focus on migration.")
    assert ("leader_of", "Ivo Marren", "Malta") in t


def test_bare_prime_minister_leads_the_country_the_dateline_names(nlp):
    t = triples(nlp, "BRAGA, Portugal, May 3 - Portugal's parliament met on Monday. "
                     "Outgoing Prime Minister Tiago Lemos Varela criticized the budget.")
    assert ("leader_of", "Tiago Lemos Varela", "Portugal") in t


def test_bare_title_without_a_dateline_names_no_country(nlp):
    t = triples(nlp, "Malta will host a regional summit next month. "
                     "President Ivo Marren said the talks would focus on migration.")
    assert not of_type(t, "leader_of")


def test_bare_title_needs_the_country_named_in_the_text(nlp):
    t = triples(nlp, "VALLETTA, March 3 - President Ivo Marren said the talks would focus on migration.")
    assert not of_type(t, "leader_of")


def test_vice_president_or_a_city_title_is_not_the_head_of_state(nlp):
    t = triples(nlp, "VALLETTA, March 3 - Officials said on Monday that Malta would host a summit. Vice President Ivo Marren and "
                     "Mdina Mayor Lea Borg Vella welcomed the plan.")
    assert ("leader_of", "Ivo Marren", "Malta") not in t
    assert ("leader_of", "Lea Borg Vella", "Malta") not in t


def test_a_foreign_leader_named_in_full_keeps_his_country(nlp):
    t = triples(nlp, "VALLETTA, March 3 - Officials said on Monday that Malta would host a summit. Italian President Carla Dossi "
                     "arrived on Monday. President Dossi said the talks would focus on migration.")
    assert ("leader_of", "Carla Dossi", "Italy") in t
    assert not {x for x in of_type(t, "leader_of") if x[2] == "Malta"}      # "Dossi" alone neither


def test_government_spokesman_speaks_for_the_country_of_the_dateline(nlp):
    t = triples(nlp, "VALLETTA, March 3 - Officials said on Monday that Malta had found gas. "
                     "Government spokesman Karl Zammit Pace said the find was significant.")
    assert ("spokesperson_of", "Karl Zammit Pace", "Malta") in t


def test_spokesman_for_a_named_government_speaks_for_that_country(nlp):
    t = triples(nlp, "VALLETTA, March 3 - Officials said on Monday that Malta had found gas. A spokesman for "
                     "the Italian government, Paolo Ferri Lanza, declined to comment.")
    assert ("spokesperson_of", "Paolo Ferri Lanza", "Italy") in t
    assert ("spokesperson_of", "Paolo Ferri Lanza", "Malta") not in t


def test_a_title_naming_its_organisation_is_not_guessed_from_the_topic(nlp):
    t = triples(nlp, "The Ardent Party won the vote on Sunday. A Justice Ministry spokesman, Tomas Rell, "
                     "declined to comment.")
    assert ("spokesperson_of", "Tomas Rell", "Justice Ministry") in t
    assert ("spokesperson_of", "Tomas Rell", "Ardent Party") not in t


# -- where an organisation is ---------------------------------------------------------------------
def test_based_organisation_named_before_its_bracketed_abbreviation(nlp):
    # the parser heads the phrase with the abbreviation, which the entity stage left unnamed
    t = triples(nlp, "The Oslo-based International Transport Pilots' Federation (ITPF) backed the stoppage.")
    assert ("located_in", "International Transport Pilots' Federation", "Oslo") in t


def test_a_bracket_after_a_common_noun_abbreviates_no_name(nlp):
    t = triples(nlp, "Acme Corp said the Oslo-based federation (ITPF) backed the stoppage.")
    assert not of_type(t, "located_in")


def test_organisation_headed_in_a_place(nlp):
    t = triples(nlp, "Jan Kowal, who heads the Velmar Commission in Lagos, said he would resign.")
    assert ("located_in", "Velmar Commission", "Lagos") in t


def test_organisation_sued_in_a_place_is_not_located_there(nlp):
    t = triples(nlp, "Acme Corp sued the Velmar Commission in Lagos on Monday.")
    assert ("located_in", "Velmar Commission", "Lagos") not in t


def test_organisation_described_as_an_institution_in_a_place(nlp):
    t = triples(nlp, "She offered to show him the Velmar Records Center, the national archive in Lisbon, on Monday.")
    assert ("located_in", "Velmar Records Center", "Lisbon") in t


def test_organisation_described_by_a_role_in_a_place_is_not_located_there(nlp):
    t = triples(nlp, "Acme Corp, the largest investor in Kenya, denied the claim.")
    assert ("located_in", "Acme Corp", "Kenya") not in t


# -- sanctions in a relative clause over a preposition ---------------------------------------------
def test_on_which_sanctions_were_imposed(nlp):
    t = triples(nlp, "The firm said it had discussed an edition with Acme Corp but would not sell rights in Chile, "
                     "on which Portugal has imposed sanctions since 2014.")
    assert ("sanctioned", "Portugal", "Chile") in t


def test_on_which_sanctions_might_be_imposed_is_no_sanction(nlp):
    t = triples(nlp, "The firm said it had discussed an edition with Acme Corp but would not sell rights in Chile, "
                     "on which Portugal might impose sanctions.")
    assert not of_type(t, "sanctioned")


# -- invaded / annexed a part of a territory -------------------------------------------------------
def test_invaded_the_north_of_a_country(nlp):
    t = triples(nlp, "Portugal invaded the north of Spain in 1974.")
    assert ("invaded", "Portugal", "Spain") in t


def test_did_not_invade_the_north_of_a_country(nlp):
    t = triples(nlp, "Portugal did not invade the north of Spain in 1974.")
    assert not of_type(t, "invaded")


def test_annexed_most_of_a_territory(nlp):
    t = triples(nlp, "Portugal annexed most of Galicia in 1976.")
    assert ("annexed", "Portugal", "Galicia") in t


# -- proposed venues -------------------------------------------------------------------------------
def test_invitation_to_a_place_for_talks_proposes_the_venue(nlp):
    t = triples(nlp, "John Doe spoke with Mary Roe on Monday and invited her to Lisbon for talks.")
    assert ("proposed_meeting", "John Doe", "Mary Roe") in t
    assert ("proposed_venue", "John Doe", "Lisbon") in t


def test_invitation_to_a_dinner_in_a_place(nlp):
    t = triples(nlp, "John Doe invited Mary Roe to a dinner in Lisbon.")
    assert ("proposed_venue", "John Doe", "Lisbon") in t


def test_no_invitation_no_venue(nlp):
    t = triples(nlp, "John Doe did not invite Mary Roe to Lisbon.")
    assert not of_type(t, "proposed_venue")


def test_offered_to_meet_at_a_named_institution(nlp):
    t = triples(nlp, "Mary Roe said she had offered to meet John Doe at the Velmar Institute.")
    assert ("proposed_venue", "Mary Roe", "Velmar Institute") in t


def test_a_meeting_held_at_an_institution_proposes_no_venue(nlp):
    t = triples(nlp, "Mary Roe met John Doe at the Velmar Institute.")
    assert not of_type(t, "proposed_venue")


def test_offered_to_host_talks_in_a_place(nlp):
    t = triples(nlp, "The envoy Jan Kowal was ready to host talks between the parties in Geneva.")
    assert ("proposed_venue", "Jan Kowal", "Geneva") in t


def test_hosted_talks_propose_no_venue(nlp):
    t = triples(nlp, "Jan Kowal hosted talks between the parties in Geneva.")
    assert not of_type(t, "proposed_venue")


# -- meeting an organisation's people --------------------------------------------------------------
def test_hoped_to_meet_an_organisations_editors(nlp):
    t = triples(nlp, "John Doe said he hoped to meet Acme Corp's editors in Lisbon.")
    assert ("proposed_meeting", "John Doe", "Acme Corp") in t
    assert ("met_with", "John Doe", "Acme Corp") not in t


def test_never_met_an_organisations_executives(nlp):
    t = triples(nlp, "John Doe said he had never met Acme Corp's executives.")
    assert not of_type(t, "met_with")
    assert not of_type(t, "proposed_meeting")


# -- "at X in Y" where the parser hangs 'in Y' above X ---------------------------------------------
def test_met_at_a_named_hall_in_a_city(nlp):
    t = triples(nlp, "Mayor John Doe met Mary Roe at Velmar Hall in downtown Lisbon on Friday.")
    assert ("located_in", "Velmar Hall", "Lisbon") in t


def test_sued_an_institution_in_a_city_does_not_locate_it(nlp):
    t = triples(nlp, "Acme Corp sued the Velmar Teaching Hospital in Accra.")
    assert not of_type(t, "located_in")


# -- a spokesperson titled by a common noun speaks for the name that has that noun -----------------
def test_commission_spokesperson_speaks_for_the_commission_named_before(nlp):
    t = triples(nlp, "The European Commission fined Acme Corp on Monday. Velmar Bank said it would appeal. "
                     "A commission spokesperson, John Doe, said the fine was fair.")
    assert ("spokesperson_of", "John Doe", "European Commission") in t
    assert ("spokesperson_of", "John Doe", "Velmar Bank") not in t


def test_port_spokesman_does_not_speak_for_another_organisation(nlp):
    t = triples(nlp, "Acme Corp denied the claims. Port spokesman John Doe confirmed the account.")
    assert not of_type(t, "spokesperson_of")


def test_title_before_a_name_of_a_country_belongs_to_that_country(nlp):
    t = triples(nlp, "WASHINGTON, May 2 - The United States will impose new tariffs, President Dale Cromwell "
                     "said on Tuesday, a day after he met Prime Minister Ken Ito Sato of Japan.")
    assert ("leader_of", "Dale Cromwell", "United States") in t
    assert ("leader_of", "Ken Ito Sato", "Japan") in t
    assert ("leader_of", "Ken Ito Sato", "United States") not in t


def test_vice_title_before_a_name_of_an_organisation_leads_nothing(nlp):
    t = triples(nlp, "Vice President Dale Cromwell of Acme Corp resigned.")
    assert not of_type(t, "leader_of")


def test_spokesman_for_the_government_of_a_country(nlp):
    t = triples(nlp, "A spokesman for the government of Kenya, John Mwangi Odera, said the border would reopen.")
    assert ("spokesperson_of", "John Mwangi Odera", "Kenya") in t


def test_the_governments_spokesman_speaks_for_the_country(nlp):
    t = triples(nlp, "The Kenyan government's spokesman, John Mwangi Odera, said the border would reopen.")
    assert ("spokesperson_of", "John Mwangi Odera", "Kenya") in t


def test_a_company_spokesman_does_not_speak_for_the_country_of_the_dateline(nlp):
    t = triples(nlp, "NAIROBI, May 2 - Officials said on Monday that Kenya would reopen the border. "
                     "A spokesman for Acme Corp, John Doe, said trucks could pass.")
    assert ("spokesperson_of", "John Doe", "Acme Corp") in t
    assert ("spokesperson_of", "John Doe", "Kenya") not in t


# -- under sanctions ----------------------------------------------------------------------------------
def test_under_an_organisations_sanctions(nlp):
    t = triples(nlp, "Acme Corp has been under European Union sanctions since 2022.")
    assert ("sanctioned", "European Union", "Acme Corp") in t


def test_could_come_under_sanctions_is_no_sanction(nlp):
    t = triples(nlp, "Acme Corp could come under European Union sanctions.")
    assert not of_type(t, "sanctioned")


def test_the_annexation_of_a_territory_by_a_state(nlp):
    t = triples(nlp, "The annexation of Galicia by Portugal in 1976 angered Spain.")
    assert ("annexed", "Portugal", "Galicia") in t


def test_the_invasion_of_a_country_by_a_state(nlp):
    t = triples(nlp, "The invasion of Chile by Peru in 1974 divided the region.")
    assert ("invaded", "Peru", "Chile") in t


def test_a_possible_invasion_by_a_state_is_no_invasion(nlp):
    t = triples(nlp, "A possible invasion of Chile by Peru worried the region.")
    assert not of_type(t, "invaded")


# -- "-based" before a descriptor and a name, or as a predicate ----------------------------------------
def test_based_before_a_descriptor_and_a_name(nlp):
    t = triples(nlp, "Regulators fined Lagos-based payments firm Acme Corp on Tuesday.")
    assert ("located_in", "Acme Corp", "Lagos") in t


def test_is_a_based_company(nlp):
    t = triples(nlp, "Acme Corp is a Lagos-based company.")
    assert ("located_in", "Acme Corp", "Lagos") in t


def test_a_based_person_is_not_located(nlp):
    t = triples(nlp, "Lagos-based lawyer John Doe filed the suit.")
    assert not of_type(t, "located_in")
