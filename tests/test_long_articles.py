"""What goes wrong on full-length wire articles (headline, byline, dateline, 500-900 words) and
not on short passages: one invented sentence per behaviour, with the reading it must not give.
The six long articles with gold files in tests/data/long are scored at the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.entities.coref import add_coreferences
from kgbuild.entities.mentions import extract_mentions
from kgbuild.model import DocumentExtraction, DocumentInfo
from kgbuild.relations.arguments import MentionIndex
from kgbuild.resolve import resolve_entities

from .relations_helpers import triples

LONG = Path(__file__).resolve().parent / "data" / "long"


def labels(nlp, text: str) -> dict[str, str]:
    return {m.name: m.label for m in extract_mentions(nlp(text)) if m.kind == "name"}


def nodes(nlp, text: str) -> dict[str, list[str]]:
    """{entity name: aliases} for one document on its own."""
    doc = nlp(text)
    mentions = add_coreferences(doc, extract_mentions(doc))
    x = DocumentExtraction(document=DocumentInfo("d", "d.txt", "0"), mentions=mentions, relations=[])
    return {e.name: e.aliases for e in resolve_entities([x]).entities}


# -- headline, byline and dateline glued to the lead sentence --------------------------------------
def test_dateline_after_a_headline_and_a_byline_is_found_where_its_line_starts(nlp):
    """The parser glues headline, byline and dateline to the lead sentence: the dateline no longer
    starts a sentence, but it still starts a line."""
    text = ("Andean envoy presses Peru and Bolivia to reopen border talks\n\nBy Ana Quispe\n\n"
            "LIMA, May 3 (Reuters) - The Andean Community's special envoy, Rosa Villca, met Peruvian "
            "President Luis Tamayo on Monday.")
    doc = nlp(text)
    index = MentionIndex(add_coreferences(doc, extract_mentions(doc)), doc)
    lima = next(t.i for t in doc if t.text == "LIMA")
    assert lima in index.dateline
    # the byline's name and the headline's words are no dateline
    assert next(t.i for t in doc if t.text == "Quispe") not in index.dateline
    assert next(t.i for t in doc if t.text == "Andean") not in index.dateline


def test_name_in_apposition_hung_on_the_titles_last_noun_is_the_subject(nlp):
    t = triples(nlp, "The Arab League's special envoy for the Horn of Africa, Samir Haddad, met Somali President "
                     "Abdi Warsame and Ethiopian Prime Minister Tesfaye Alemu in Cairo on Monday, officials said.")
    assert ("met_with", "Samir Haddad", "Abdi Warsame") in t
    # the region is no party to the meeting
    assert not {x for x in t if x[0] == "met_with" and "Horn of Africa" in x}


def test_an_envoy_for_a_region_works_for_the_possessor_not_the_region(nlp):
    t = triples(nlp, "The European Union's special envoy for the Western Balkans, Jan Horvat, met Serbian President "
                     "Milan Petrovic in Brussels on Tuesday, officials said.")
    assert ("works_for", "Jan Horvat", "European Union") in t
    assert ("works_for", "Jan Horvat", "Western Balkans") not in t


# -- employers, postings and portfolios -------------------------------------------------------------
def test_possessor_is_the_employer_not_the_posting_after_at(nlp):
    t = triples(nlp, "Omar Haddad, the Liberation Front's representative at the United Nations, told reporters the talks had failed.")
    assert ("works_for", "Omar Haddad", "Liberation Front") in t
    assert ("works_for", "Omar Haddad", "United Nations") not in t


def test_envoy_of_an_office_holder_works_for_the_body_named_on_the_office(nlp):
    t = triples(nlp, "He met the U.N. Secretary-General's personal envoy, Karl Lindgren, in Geneva.")
    assert ("works_for", "Karl Lindgren", "U.N.") in t or ("works_for", "Karl Lindgren", "United Nations") in t


def test_general_secretary_of_an_organisation_works_for_it_and_does_not_lead_it(nlp):
    t = triples(nlp, "FIFA general secretary Ana Ruiz said the organisation would review the deal.")
    assert ("works_for", "Ana Ruiz", "FIFA") in t
    assert ("leader_of", "Ana Ruiz", "FIFA") not in t


def test_a_director_of_a_place_named_body_makes_it_an_organisation(nlp):
    t = triples(nlp, "Bristol City's director of football, Iker Osoro, confirmed the signing.")
    assert ("works_for", "Iker Osoro", "Bristol City") in t
    assert ("leader_of", "Iker Osoro", "Bristol City") not in t


def test_joining_a_firm_from_another_is_a_job_not_a_membership(nlp):
    t = triples(nlp, "Lars Nyberg, a Swede who joined Heineken from Carlsberg in 2021, has been under pressure.")
    assert ("works_for", "Lars Nyberg", "Heineken") in t
    assert ("works_for", "Lars Nyberg", "Carlsberg") not in t
    assert ("member_of", "Lars Nyberg", "Heineken") not in t
    # joining an alliance is still a membership
    assert ("member_of", "Finland", "NATO") in triples(nlp, "Finland joined NATO in 2023.")


def test_rejoining_a_body_makes_a_member_again(nlp):
    t = triples(nlp, "The Commonwealth, which Fiji rejoined in 2014 after a long suspension, met in London.")
    assert ("member_of", "Fiji", "Commonwealth") in t


def test_leading_a_named_government_leads_the_party_named_on_it(nlp):
    t = triples(nlp, "Prime Minister Ilse Varga, who leads the Green Alliance government, campaigned in Szeged.")
    assert ("leader_of", "Ilse Varga", "Green Alliance") in t
    assert ("leader_of", "Ilse Varga", "Szeged") not in t


# -- reduced passives, blocked memberships ----------------------------------------------------------
def test_reduced_passive_participle_backed_by_supports_the_noun_it_modifies(nlp):
    t = triples(nlp, "The war began when the Liberation Front, backed by Chad, launched a new offensive.")
    assert ("supports", "Chad", "Liberation Front") in t
    assert ("supports", "Liberation Front", "Chad") not in t


def test_blocked_membership_is_no_membership(nlp):
    t = triples(nlp, "Beijing has blocked Taiwan's membership of the World Health Organization.")
    assert not {x for x in t if x[0] == "member_of"}
    # an unblocked one still counts
    assert ("member_of", "Ghana", "World Health Organization") in triples(
        nlp, "Ghana is a member of the World Health Organization.")


# -- entity types that long articles exercise -------------------------------------------------------
def test_an_authority_the_model_reads_as_an_event_is_a_body_but_a_law_stays_a_law(nlp):
    text = "The takeover still requires approval from the Finnish Competition and Consumer Authority."
    assert labels(nlp, text).get("Finnish Competition and Consumer Authority") == "ORG"
    assert labels(nlp, "The Competition Act took effect in May.").get("Competition Act") == "LAW"


def test_a_name_after_the_town_of_is_a_place(nlp):
    assert labels(nlp, "Fighting broke out in the northern town of Zlatar in 2023.").get("Zlatar") == "GPE"
    # 'the president of X' does not make X a town
    assert labels(nlp, "Jane Roe, the president of Acme Holdings, resigned.").get("Acme Holdings") == "ORG"


def test_what_a_state_annexed_is_a_territory(nlp):
    got = labels(nlp, "He said Moscow, which invaded its neighbour in 2022 after annexing Crimea in 2014, must pay.")
    assert got.get("Crimea") in ("GPE", "LOC")


def test_one_word_listener_of_an_interview_is_an_outlet_but_a_first_name_stays_a_person(nlp):
    assert labels(nlp, "Kowalczyk told Wprost in an interview that he was confident.").get("Wprost") == "ORG"
    assert labels(nlp, "Anna Nowak told Jan Kowalski in an interview that she was confident.").get("Jan Kowalski") == "PERSON"


def test_initials_before_an_institution_word_are_no_persons_initials(nlp):
    assert labels(nlp, "The U.K. Treasury's new rules took effect on Monday.").get("U.K. Treasury") == "ORG"
    assert labels(nlp, "P.J. Okafor said the rules took effect on Monday.").get("P.J. Okafor") == "PERSON"


def test_university_of_a_city_keeps_its_own_type_when_the_city_recurs(nlp):
    text = ("Protests spread across Gdansk on Friday. “Nobody expected this,” said Ewa Lis, a sociologist at the "
            "University of Gdansk. Police in Gdansk made no arrests.")
    assert ("works_for", "Ewa Lis", "University of Gdansk") in triples(nlp, text)


# -- one body, several names -----------------------------------------------------------------------
def test_a_firm_named_again_by_its_first_word_is_one_node(nlp):
    text = ("Activist investor Trevan Fund Management criticised the deal. A person familiar with the fund's thinking, "
            "who asked not to be named, said Trevan had urged the board to return cash. European leaders were silent.")
    got = nodes(nlp, text)
    assert "Trevan" in got.get("Trevan Fund Management", [])
    assert labels(nlp, text).get("Trevan Fund Management") == "ORG"
    assert "European" not in got and "Trevan" not in got


def test_short_form_joins_the_longest_of_nested_names_of_one_body(nlp):
    got = nodes(nlp, "The U.S. Treasury Department blacklisted the firm. The U.S. Treasury's sanctions office agreed. "
                     "Treasury spokeswoman Jane Moss declined to comment.")
    assert {"Treasury", "U.S. Treasury"} <= set(got.get("U.S. Treasury Department", []))
    assert "Treasury" not in got and "U.S. Treasury" not in got


# -- the twelve long articles, scored per set against what each measured -----------------------------
# 001-006 (diplomacy, takeover, court, election, conflict, transfer): measured when written entities
# P 0.91 R 0.93, relations P 0.97 R 0.81. 101-106 (science, culture, tech, disaster, council, interview):
# entities P 0.90 R 0.99; relations P 0.84 R 0.75 with 4 forbidden edges ("it"/"its" resolved to a
# place), then P 0.93 R 0.81 with none after the coreference fix, P 0.98 R 0.87 once "Councillor" was a
# title. The bars keep a margin under those numbers.
LONG_SETS = {
    "0": {"relations": (0.93, 0.75), "entities": (0.88, 0.90)},
    "1": {"relations": (0.93, 0.8), "entities": (0.87, 0.95)},
}


@pytest.mark.slow
@pytest.mark.parametrize("prefix", sorted(LONG_SETS), ids=["001-006", "101-106"])
def test_long_articles_score_at_least_what_they_measured(nlp, prefix):
    from kgbuild.evaluate import evaluate_many

    from .gold_sets import passage_graphs
    golds = sorted(LONG.glob(f"{prefix}*.gold.json"))
    assert len(golds) == 6
    r = evaluate_many(passage_graphs(golds))
    bars = LONG_SETS[prefix]
    assert not r.forbidden_present, r.format()
    assert not r.merged_distinct, r.format()
    assert r.relations.precision >= bars["relations"][0] and r.relations.recall >= bars["relations"][1], r.summary()
    assert r.entities.precision >= bars["entities"][0] and r.entities.recall >= bars["entities"][1], r.summary()
