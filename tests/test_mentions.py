"""Mention cleaning, attributes and label corrections, on real spaCy parses."""

from __future__ import annotations

import pytest

from kgbuild.entities.mentions import extract_mentions


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
    assert by_name(ms, "The Salt Orchard").label == "WORK_OF_ART"     # a title keeps its capital 'The'


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


# -- types from the words around a name (context cues) -------------------------------------------
def cue(m):
    return m.attributes.get("label_cue")


def test_mentions_organisation_kind_noun_before_a_name_makes_it_an_organisation(parse):
    _, ms = parse("Lawyers for the shipping group, led by Ana Ruiz, hired the law firm Baker McKenzie on Monday.")
    firm = by_name(ms, "Baker McKenzie")
    assert firm.label == "ORG" and cue(firm) == "'firm' before it"


def test_mentions_unknown_nationality_word_after_a_kind_noun_is_a_newspaper(parse):
    _, ms = parse("Real Sociedad and Sevilla had also made offers, according to the Spanish daily Marca.")
    assert by_name(ms, "Marca").label == "ORG"
    assert "Spanish" not in names(ms)


def test_mentions_club_role_after_an_untagged_name_makes_it_a_club(parse):
    _, ms = parse("Sevilla coach Diego Alonso criticized the referee after the match.")
    assert by_name(ms, "Sevilla").label == "ORG"
    assert by_name(ms, "Diego Alonso").label == "PERSON"


def test_mentions_place_typed_name_one_signs_from_is_a_club(parse):
    _, ms = parse("Janssen, 25, joined Ajax from Feyenoord in 2019.")
    assert by_name(ms, "Feyenoord").label == "ORG" and cue(by_name(ms, "Feyenoord"))


def test_mentions_joining_places_or_people_does_not_make_them_organisations(parse):
    _, ms = parse("Texas joined California in suing the federal government on Monday.")
    assert by_name(ms, "California").label == "GPE"
    _, ms = parse("Senator Maria Cantwell joined Smith at the hearing, where Jones and Smith questioned the witnesses.")
    assert {m.label for m in ms if m.name == "Smith"} == {"PERSON"}


def test_mentions_person_typed_team_named_after_its_city_is_an_organisation(parse):
    _, ms = parse("Porto president Ricardo Pereira said the club had beaten offers from Benfica and Atletico Madrid.")
    assert by_name(ms, "Atletico Madrid").label == "ORG"
    assert by_name(ms, "Ricardo Pereira").label == "PERSON"


def test_mentions_unknown_place_that_speaks_like_a_body_is_an_organisation_but_a_capital_is_not(parse):
    _, ms = parse("FC Porto signed the forward from Santos. Santos coach Luiz Fernandes criticized Porto.")
    assert {m.label for m in ms if m.name == "Santos"} == {"ORG"}
    _, ms = parse("Nairobi said on Monday it would reopen the border with Ethiopia.")
    assert by_name(ms, "Nairobi").label == "GPE"


def test_mentions_definite_bloc_after_a_place_typed_unknown_name_types_that_name(parse):
    _, ms = parse("The leaders agreed to meet next month at a summit of Mercosur in Montevideo, "
                  "where the trade bloc is headquartered.")
    assert by_name(ms, "Mercosur").label == "ORG"
    assert by_name(ms, "Montevideo").label == "GPE"


def test_mentions_place_a_relative_clause_describes_keeps_its_type(parse):
    _, ms = parse("The mining company hired consultants in Denver, where the firm is based.")
    assert by_name(ms, "Denver").label == "GPE"


def test_mentions_known_place_read_as_a_date_is_a_place(parse):
    _, ms = parse("The ministers will meet in Montevideo next month.")
    m = by_name(ms, "Montevideo")
    assert m.label == "GPE" and m.name == "Montevideo"


def test_mentions_untagged_name_before_a_newspaper_word_is_found(parse):
    _, ms = parse("Tanaka said in an interview with the Nikkei newspaper that the deal was fair.")
    assert by_name(ms, "Nikkei").label == "ORG"


def test_mentions_untagged_prize_is_found_whole(parse):
    _, ms = parse("The novel has been shortlisted for the Booker Prize, the organisers said.")
    assert by_name(ms, "Booker Prize").label in ("EVENT", "WORK_OF_ART", "ORG")


def test_mentions_untagged_person_after_a_title_is_found_with_the_title(parse):
    _, ms = parse("Energy Minister Terje Lunde told the business daily Dagens Naeringsliv in an interview.")
    lunde = by_name(ms, "Terje Lunde")
    assert lunde.label == "PERSON" and "Minister" in lunde.attributes.get("title", "")
    assert by_name(ms, "Dagens Naeringsliv").label == "ORG"


def test_mentions_capitalised_foreign_article_inside_a_sentence_belongs_to_the_name(parse):
    _, ms = parse("Benfica denied a report by the sports daily A Bola that it had made a bid.")
    assert by_name(ms, "A Bola").label == "ORG"
    _, ms = parse("A Reuters report said the talks had failed.")
    assert "Reuters" in names(ms) and not any(n.startswith("A ") for n in names(ms))


def test_mentions_club_abbreviation_joins_and_types_the_club(parse):
    _, ms = parse("FC Barcelona had also shown interest in the forward, according to the radio network Cadena SER.")
    assert by_name(ms, "FC Barcelona").label == "ORG"
    assert by_name(ms, "Cadena SER").label == "ORG"


def test_mentions_trailing_common_noun_is_cut_from_the_name(parse):
    _, ms = parse("Montes de Oca said he had spoken with his Valencia CF counterpart, Vicente Soler, by phone.")
    assert "Valencia CF" in names(ms) and not any("counterpart" in n for n in names(ms))
    assert by_name(ms, "Valencia CF").label == "ORG"


def test_mentions_moon_is_a_place_but_a_newspaper_named_sun_is_not(parse):
    _, ms = parse("The rover will land near the Moon's south pole in 2030.")
    assert by_name(ms, "Moon").label == "LOC"
    _, ms = parse("Speaking to the Sun, the minister said the White House was not involved.")
    assert by_name(ms, "Sun").label != "LOC"


def test_mentions_name_split_from_a_swallowing_verb_takes_its_institution_type(parse):
    _, ms = parse('"We have never broken any law," Papadakis told the Financial Times in an interview.')
    assert by_name(ms, "Financial Times").label == "ORG"


def test_mentions_two_people_tagged_as_one_organisation_are_split(parse):
    _, ms = parse("Victoria Hislop and Florence Welch attended the dinner. "
                  "The mayor thanked Hislop and Welch in a speech.")
    assert "Hislop and Welch" not in names(ms)
    assert [m.label for m in ms if m.name in ("Hislop", "Welch")] == ["PERSON", "PERSON"]


def test_mentions_company_with_and_in_its_name_is_not_split_when_one_side_is_nobody_here(parse):
    _, ms = parse("Procter and Gamble raised prices. Jane Procter, an analyst, said the move was expected.")
    assert by_name(ms, "Procter and Gamble").label == "ORG"


def test_mentions_person_in_apposition_to_a_title_is_a_person(parse):
    _, ms = parse("The museum's president, Antoine Ferrand, backed the request. "
                  "Ferrand declined to say whether talks had begun.")
    assert {m.label for m in ms if "Ferrand" in m.name} == {"PERSON"}


def test_mentions_surname_of_several_words_is_a_person(parse):
    _, ms = parse("Moroccan striker Youssef El Amrani has joined the club. "
                  "El Amrani, who signed a five-year contract, told reporters he was delighted.")
    assert {m.label for m in ms if "Amrani" in m.name} == {"PERSON"}


def test_mentions_place_before_based_is_a_place(parse):
    _, ms = parse("Equinor agreed to merge its wind business with Bergen-based Nordvind Energi.")
    assert by_name(ms, "Bergen").label == "GPE"


def test_mentions_river_after_on_the_is_a_place(parse):
    _, ms = parse("Croatia and Serbia traded accusations over their disputed border on the Danube.")
    assert by_name(ms, "Danube").label == "LOC"


def test_mentions_dateline_city_is_not_retyped_by_the_sentence_it_opens(parse):
    _, ms = parse("SAN FRANCISCO, Jan 22 - Lumenary Inc, the cloud software company, said on Wednesday it "
                  "would cut 2,400 jobs.")
    assert [m.label for m in ms if m.name == "SAN FRANCISCO"] == ["GPE"]


def test_mentions_alias_the_text_introduces_points_to_the_named_thing(parse):
    _, ms = parse("Argentina renewed its claim to the Falkland Islands. "
                  "Argentina invaded the islands, which it calls the Malvinas, in 1982.")
    malvinas = by_name(ms, "Malvinas")
    assert malvinas.attributes["alias_of"] == "Falkland Islands"
    assert malvinas.label == by_name(ms, "Falkland Islands").label
    _, ms = parse("Myanmar, also known as Burma, held talks with Thailand.")
    assert by_name(ms, "Burma").attributes["alias_of"] == "Myanmar"


def test_mentions_plural_short_form_of_an_island_group_takes_its_type(parse):
    _, ms = parse("The dispute over the Cayman Islands deepened. Officials in the Caymans said no talks were planned.")
    assert by_name(ms, "Caymans").label == by_name(ms, "Cayman Islands").label


def test_mentions_single_name_read_mostly_as_a_person_stays_a_person(parse):
    _, ms = parse("Okafor joined Smith at the hearing, where Jones and Smith questioned the witnesses. "
                  "He later joined Smith's consultancy.")
    assert {m.label for m in ms if m.name == "Smith"} == {"PERSON"}


def test_mentions_untagged_country_listed_with_a_place_is_found(parse):
    _, ms = parse("The ministers met at a summit in Montevideo on Friday. "
                  "Uruguay and Paraguay are founding members of the bloc.")
    assert by_name(ms, "Uruguay").label == "GPE"


def test_mentions_body_of_members_may_describe_a_name_from_the_sentence_before(parse):
    _, ms = parse("The ministers met at a summit of Mercosur in Montevideo on Friday. "
                  "Uruguay and Paraguay are founding members of the bloc.")
    assert by_name(ms, "Mercosur").label == "ORG"
    _, ms = parse("Officials in Arusha welcomed the delegates. Gdynia hosted the talks on Friday. "
                  "The alliance said the talks went well.")
    assert by_name(ms, "Gdynia").label == "GPE"


def test_mentions_other_occurrences_of_a_known_name_become_mentions(parse):
    doc, ms = parse("Norwegian energy group Equinor said on Thursday it would merge with Nordvind Energi. "
                    "The environmental group Bellona criticized Equinor, saying the company was wrong.")
    equinor = [m for m in ms if m.name == "Equinor"]
    assert len(equinor) == 2 and {m.label for m in equinor} == {"ORG"}
    assert doc.text[equinor[1].start:equinor[1].end] == "Equinor"


def test_mentions_known_name_inside_a_longer_untagged_name_is_not_taken(parse):
    from kgbuild.entities.missed_names import repeated_names
    doc, ms = parse("Equinor said on Thursday it would merge with Nordvind Energi. "
                    "Analysts at Equinor Asa Wind Partners were surprised.")
    known = [m for m in ms if m.name == "Equinor"][:1]
    found = repeated_names(doc, known, [s.start for s in doc.sents])
    assert all(doc[m.token_end].text != "Asa" for m in found), [(m.name, m.start) for m in found]


def test_mentions_names_joined_by_a_lower_case_particle_are_one_name(parse):
    _, ms = parse("The statue, which is kept at the Musée du quai Branly in Paris, was seized by French troops.")
    assert "Musée du quai Branly" in names(ms)
    assert "Paris" in names(ms) and "Branly" not in names(ms)


def test_mentions_capital_the_inside_a_sentence_stays_in_a_works_title(parse):
    _, ms = parse("British crime writer P.D. Harrington, author of The Glass Ledger, is also on the list, "
                  "The Economic Times reported.")
    assert "The Glass Ledger" in names(ms, "WORK_OF_ART")
    assert "Economic Times" in names(ms)     # a newspaper's article is not part of its name
