"""Mention cleaning, attributes and label corrections, on real spaCy parses."""

from __future__ import annotations

import pytest

from kgbuild.mentions import extract_mentions


@pytest.fixture(scope="module")
def parse(nlp):
    cache = {}

    def _parse(text):
        if text not in cache:
            doc = nlp(text)
            cache[text] = (doc, extract_mentions(doc))
        return cache[text]
    return _parse


def names(mentions, label=None):
    return [m.name for m in mentions if label is None or m.label == label]


def by_name(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, f"{name!r} not among {names(mentions)}"
    return found[0]


def test_mentions_leading_article_is_removed_and_offsets_cover_the_clean_name(parse):
    doc, ms = parse("She gave an interview to the New York Post on Friday.")
    m = by_name(ms, "New York Post")
    assert doc.text[m.start:m.end] == "New York Post"
    assert doc[m.token_start:m.token_end].text == "New York Post"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_mentions_possessive_is_removed(parse, apostrophe):
    doc, ms = parse(f"Donald Trump spoke on Monday. Trump{apostrophe}s remarks surprised Jane Doe.")
    assert "Trump" in names(ms)
    assert not any(n.endswith("s") and n.startswith("Trump") for n in names(ms))
    m = [m for m in ms if m.name == "Trump"][0]
    assert doc.text[m.start:m.end] == "Trump"


def test_mentions_title_and_nationality_become_attributes(parse):
    _, ms = parse("Kenyan President William Ruto met German Chancellor Olaf Scholz in Nairobi.")
    ruto = by_name(ms, "William Ruto")
    assert ruto.attributes["title"] == "President"
    assert ruto.attributes["nationality"] == "Kenyan"
    assert by_name(ms, "Olaf Scholz").attributes["title"] == "Chancellor"


def test_mentions_role_before_a_name_becomes_an_attribute(parse):
    _, ms = parse("The claims were made by Washington Post journalist Bob Woodward in his book.")
    assert by_name(ms, "Bob Woodward").attributes["role"] == "journalist"
    assert by_name(ms, "Washington Post").label == "ORG"


def test_mentions_dates_numbers_and_plain_nationalities_are_not_mentions(parse):
    _, ms = parse("On Friday, 2,000 Russian speakers and three Brazilian fans met in 2022 for the first time.")
    assert all(m.label not in ("DATE", "CARDINAL", "ORDINAL", "NORP") for m in ms)
    assert "Russia" not in names(ms) and "Brazil" not in names(ms)


def test_mentions_demonym_before_a_title_gives_the_country(parse):
    doc, ms = parse("Kenyan President William Ruto arrived on Tuesday.")
    kenya = by_name(ms, "Kenya")
    assert kenya.label == "GPE"
    assert kenya.text == "Kenyan" and doc.text[kenya.start:kenya.end] == "Kenyan"
    assert kenya.attributes == {"derived_from": "demonym"}


def test_mentions_demonym_before_an_institution_gives_the_country(parse):
    _, ms = parse("The Brazilian central bank raised rates again on Wednesday.")
    assert by_name(ms, "Brazil").attributes["derived_from"] == "demonym"


def test_mentions_demonym_before_an_occupation_gives_no_country(parse):
    _, ms = parse("The club signed Brazilian striker Joao Pereira on Monday.")
    assert "Brazil" not in names(ms)
    assert by_name(ms, "Joao Pereira").attributes == {"nationality": "Brazilian", "role": "striker"}


def test_mentions_surname_tagged_org_becomes_person(parse):
    _, ms = parse("Donald Trump spoke to reporters. Later, Trump was asked about the talks.")
    assert {m.label for m in ms if m.name in ("Trump", "Donald Trump")} == {"PERSON"}


def test_mentions_territory_context_makes_a_place(parse):
    _, ms = parse("Russia's actions, including the annexation of Crimea, drew protests.")
    assert by_name(ms, "Crimea").label == "GPE"


def test_mentions_known_country_tagged_otherwise_becomes_gpe(parse):
    _, ms = parse("Officials from Ukraine and Saudi Arabia met in Tokyo.")
    assert {by_name(ms, n).label for n in ("Ukraine", "Saudi Arabia", "Tokyo")} == {"GPE"}


def test_mentions_index_is_position_and_sentence_is_counted(parse):
    doc, ms = parse("Angela Merkel spoke. Emmanuel Macron listened. Olaf Scholz left.")
    assert [m.index for m in ms] == list(range(len(ms)))
    sents = list(doc.sents)
    for m in ms:
        assert sents[m.sentence].start <= m.token_start < sents[m.sentence].end


def test_mentions_parenthesised_abbreviation_is_marked(parse):
    _, ms = parse("The Japan Aerospace Exploration Agency (JAXA) said the launch would go ahead.")
    jaxa = by_name(ms, "JAXA")
    assert jaxa.attributes["abbreviates"] == "Japan Aerospace Exploration Agency"
    assert jaxa.label == "ORG"


def test_mentions_dateline_is_split_from_the_name(parse):
    _, ms = parse("DUBLIN - The Salt Orchard, the third novel by Irish author Siobhan O'Neill, was shortlisted.")
    assert not any("DUBLIN" in n for n in names(ms))
    assert by_name(ms, "Salt Orchard").label == "WORK_OF_ART"


def test_mentions_initials_make_a_person(parse):
    _, ms = parse("British crime writer P.D. Harrington, author of The Glass Ledger, is also on the list.")
    assert by_name(ms, "P.D. Harrington").label == "PERSON"


def test_mentions_name_ending_in_an_organisation_word_is_no_person(parse):
    _, ms = parse("Toyota bought Sakura Robotics, a start-up, and Sakura's founder welcomed it.")
    assert {m.label for m in ms if m.name.startswith("Sakura")} == {"ORG"}


def test_mentions_place_reading_proved_in_one_sentence_holds_for_the_same_name(parse):
    _, ms = parse("Supplies had reached Goma. Aisha Diallo, an aid worker in Goma, said the clinics were full.")
    assert [m.label for m in ms if m.name == "Goma"] == ["GPE", "GPE"]
    assert by_name(ms, "Aisha Diallo").label == "PERSON"


def test_mentions_country_code_is_kept_as_a_name_not_taken_for_a_pronoun(parse):
    _, ms = parse("The first direct conversation between a US president and Putin since 2022.")
    assert by_name(ms, "US").label == "GPE"


def test_mentions_language_is_not_a_mention(parse):
    _, ms = parse("The film is in Arabic and was shot in Jordan.")
    assert "Arabic" not in names(ms)
