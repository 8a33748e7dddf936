"""How wire news phrases roles, employers, seats and proposals: one family per test, each on an
invented sentence (none copied from the development set), with the reading it must not give."""

from __future__ import annotations

from .relations_helpers import triples


# -- titles and roles ---------------------------------------------------------------------------
def test_lowercase_prime_minister_after_a_possessive_leads_the_country(nlp):
    t = triples(nlp, "Samoa's prime minister, Tuilaepa Sailele, flew to Wellington.")
    assert ("leader_of", "Tuilaepa Sailele", "Samoa") in t
    # a prime minister is not read as an ordinary government minister as well
    assert ("works_for", "Tuilaepa Sailele", "Samoa") not in t


def test_each_name_after_a_plural_title_takes_its_own_country(nlp):
    t = triples(nlp, "The two presidents, Gabriel Boric of Chile and Luis Arce of Bolivia, met in La Paz.")
    assert ("leader_of", "Gabriel Boric", "Chile") in t
    assert ("leader_of", "Luis Arce", "Bolivia") in t
    assert ("leader_of", "Gabriel Boric", "Bolivia") not in t
    assert ("leader_of", "Luis Arce", "Chile") not in t


def test_spokesperson_for_an_organisation_with_the_name_after_it(nlp):
    t = triples(nlp, "A spokeswoman for Unilever, Jane Moss, said the firm would appeal.")
    assert ("spokesperson_of", "Jane Moss", "Unilever") in t


def test_description_after_a_spokesperson_for_an_organisation_is_no_spokesperson(nlp):
    t = triples(nlp, "A spokesman for Unilever, the consumer goods group, said the firm would appeal.")
    assert not {x for x in t if x[0] == "spokesperson_of"}


def test_possessive_hung_on_the_name_gives_the_titles_organisation(nlp):
    t = triples(nlp, "Airbus's CEO Guillaume Faury said demand was strong.")
    assert ("leader_of", "Guillaume Faury", "Airbus") in t


def test_organisation_hung_on_the_name_beside_its_title(nlp):
    t = triples(nlp, "Airbus chief executive Guillaume Faury said demand was strong.")
    assert ("leader_of", "Guillaume Faury", "Airbus") in t


def test_fellow_at_an_institution_works_there_but_a_fellow_passenger_does_not(nlp):
    t = triples(nlp, "Maria Lopez, a senior fellow at the Brookings Institution, said the deal was fragile.")
    assert ("works_for", "Maria Lopez", "Brookings Institution") in t
    assert not triples(nlp, "Maria Lopez, a fellow passenger, said the flight was late.")


def test_department_director_works_for_the_club_without_leading_it(nlp):
    t = triples(nlp, "Valencia CF's sporting director, Pablo Ortiz, criticized the referee.")
    assert ("works_for", "Pablo Ortiz", "Valencia CF") in t
    assert ("leader_of", "Pablo Ortiz", "Valencia CF") not in t


def test_a_name_of_an_institute_does_not_spread_to_the_coordinated_name(nlp):
    t = triples(nlp, "The study was led by Dr. Maria Lopez and Dr. Karl Berg of the Karolinska Institute.")
    assert ("works_for", "Karl Berg", "Karolinska Institute") in t
    assert ("works_for", "Maria Lopez", "Karolinska Institute") not in t


# -- a bare title belongs to the organisation the text is about ---------------------------------
def test_bare_chief_executive_leads_the_company_of_the_previous_sentence(nlp):
    t = triples(nlp, "Siemens Energy said on Monday it would cut jobs. "
                     "Chief executive Christian Bruch told staff the cuts were necessary.")
    assert ("leader_of", "Christian Bruch", "Siemens Energy") in t


def test_bare_spokesperson_speaks_for_the_company_of_the_previous_sentence(nlp):
    t = triples(nlp, "Deutsche Bank said profits rose. A spokeswoman, Ulrike Brandt, said the bank would hire staff.")
    assert ("spokesperson_of", "Ulrike Brandt", "Deutsche Bank") in t


def test_bare_title_does_not_reach_back_past_the_previous_sentence(nlp):
    t = triples(nlp, "Siemens Energy said on Monday it would cut jobs. The weather was bad all week and prices rose. "
                     "Chief executive Christian Bruch told staff the cuts were necessary.")
    assert not {x for x in t if x[0] == "leader_of"}


def test_bare_title_never_belongs_to_the_dateline(nlp):
    t = triples(nlp, "SAN FRANCISCO, Jan 22 - Deutsche Bank said on Wednesday it would cut 2,400 jobs. "
                     "Chief executive Christian Sewing told employees in a memo that the bank had grown too fast.")
    assert ("leader_of", "Christian Sewing", "Deutsche Bank") in t
    assert not {x for x in t if x[0] == "leader_of" and x[2] != "Deutsche Bank"}


# -- employers: signed, hired ---------------------------------------------------------------------
def test_player_signed_by_a_club_works_for_it(nlp):
    t = triples(nlp, "The striker Marco Rossi was signed by Juventus in 2019.")
    assert ("works_for", "Marco Rossi", "Juventus") in t


def test_signed_treaty_or_deal_is_no_employment(nlp):
    assert not {x for x in triples(nlp, "The treaty was signed by Italy in 2019.") if x[0] == "works_for"}
    assert not {x for x in triples(nlp, "Juventus signed a sponsorship deal with Adidas.") if x[0] == "works_for"}


# -- seats ------------------------------------------------------------------------------------------
def test_a_city_based_company_in_apposition(nlp):
    t = triples(nlp, "Klarna, a Stockholm-based fintech company, filed for an IPO.")
    assert ("located_in", "Klarna", "Stockholm") in t


def test_headquarters_in_a_city(nlp):
    t = triples(nlp, "Volvo's headquarters in Gothenburg were evacuated.")
    assert ("located_in", "Volvo", "Gothenburg") in t


# -- works: a participle on the title -------------------------------------------------------------
def test_title_written_by_an_author(nlp):
    t = triples(nlp, 'The novel "The Salt Road", written by Mariela Quiroga, won the prize.')
    assert ("authored", "Mariela Quiroga", "The Salt Road") in t


def test_title_read_by_someone_is_not_authored(nlp):
    t = triples(nlp, 'The novel "The Salt Road", read by Mariela Quiroga, won the prize.')
    assert not {x for x in t if x[0] == "authored"}


# -- proposals ----------------------------------------------------------------------------------------
def test_asked_for_a_meeting_with_is_a_proposed_meeting_not_a_meeting(nlp):
    t = triples(nlp, "Senator Ellen Park asked for a meeting with Jamie Dimon to discuss the fees.")
    assert ("proposed_meeting", "Ellen Park", "Jamie Dimon") in t
    assert not {x for x in t if x[0] == "met_with"}


def test_invited_to_meet_is_a_proposed_meeting_not_a_meeting(nlp):
    t = triples(nlp, "Governor Kathy Hochul invited Eric Adams to meet at the Capitol on Monday.")
    assert ("proposed_meeting", "Kathy Hochul", "Eric Adams") in t
    assert not {x for x in t if x[0] == "met_with"}


def test_agreed_to_hold_talks_in_a_city_gives_both_sides_the_venue(nlp):
    t = triples(nlp, "Emmanuel Macron and Olaf Scholz agreed to hold talks in Berlin next month.")
    assert ("proposed_meeting", "Emmanuel Macron", "Olaf Scholz") in t
    assert ("proposed_venue", "Emmanuel Macron", "Berlin") in t
    assert ("proposed_venue", "Olaf Scholz", "Berlin") in t
    assert not {x for x in t if x[0] in ("spoke_with", "met_with")}


def test_held_talks_with_coordinated_subjects(nlp):
    t = triples(nlp, "Emmanuel Macron and Olaf Scholz held talks in Berlin on Monday.")
    assert ("spoke_with", "Emmanuel Macron", "Olaf Scholz") in t


# -- calls and visits ------------------------------------------------------------------------------
def test_phoned_someone_on_a_weekday(nlp):
    t = triples(nlp, "Emmanuel Macron phoned Vladimir Putin on Friday.")
    assert ("spoke_with", "Emmanuel Macron", "Vladimir Putin") in t


def test_called_on_someone_to_act_is_no_call(nlp):
    t = triples(nlp, "Emmanuel Macron called on Vladimir Putin to end the war.")
    assert not {x for x in t if x[0] == "spoke_with"}


def test_visiting_a_city_meets_no_one(nlp):
    assert not {x for x in triples(nlp, "Joe Biden visited Nairobi on Monday.") if x[0] == "met_with"}


# -- denials of a charge in apposition ------------------------------------------------------------
def test_a_charge_she_denied_is_denied_against_the_accuser(nlp):
    t = triples(nlp, "Ana Souza accused Pedro Lima of fraud, a charge Lima denied.")
    assert ("denied", "Lima", "Ana Souza") in t or ("denied", "Pedro Lima", "Ana Souza") in t
    assert ("denied", "Ana Souza", "Pedro Lima") not in t
