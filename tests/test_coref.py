"""Rule-based coreference: pronouns and definite descriptions to the name they stand for."""

from __future__ import annotations

import pytest

from kgbuild.entities.coref import add_coreferences
from kgbuild.entities.mentions import extract_mentions

from .factories import anaphora


@pytest.fixture(scope="module")
def resolve(nlp):
    def _resolve(text):
        doc = nlp(text)
        return doc, add_coreferences(doc, extract_mentions(doc))
    return _resolve




def test_coref_indexes_stay_positions_and_antecedents_point_at_names(resolve):
    _, ms = resolve("Jane Doe met John Smith in Paris. She said he had been helpful.")
    assert [m.index for m in ms] == list(range(len(ms)))
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    for m in ms:
        if m.kind != "name":
            assert ms[m.antecedent].kind == "name"


def test_coref_gender_agreement_picks_the_matching_person(resolve):
    _, ms = resolve("Italian Prime Minister Giorgia Meloni met Emmanuel Macron, and she said the talks went well.")
    assert ("she", "Giorgia Meloni") in anaphora(ms)


def test_coref_subject_pronoun_prefers_the_subject_antecedent(resolve):
    _, ms = resolve("Trump was asked about his talks with Putin and responded that he would not reveal them.")
    assert ("he", "Trump") in anaphora(ms)
    assert ("his", "Trump") in anaphora(ms)


def test_coref_its_goes_to_an_organisation(resolve):
    _, ms = resolve("The Kremlin, through its spokesperson Dmitry Peskov, declined to comment.")
    assert ("its", "Kremlin") in anaphora(ms)


def test_coref_expletive_it_is_not_linked(resolve):
    _, ms = resolve("Apple released a phone. It is likely that sales will rise.")
    assert all(m.text.lower() != "it" for m in ms if m.kind == "pronoun")


def test_coref_the_company_goes_to_the_nearest_organisation(resolve):
    _, ms = resolve("Apple's chief executive Tim Cook praised the deal, and the company's shares rose.")
    assert ("the company", "Apple") in anaphora(ms)


def test_coref_the_nationality_leader_needs_a_matching_person(resolve):
    _, ms = resolve("Russian President Vladimir Putin met Kenyan President William Ruto. "
                    "The Russian leader said the talks were useful.")
    assert ("The Russian leader", "Vladimir Putin") in anaphora(ms)
    _, ms = resolve("Kenyan President William Ruto arrived. The Russian leader said nothing.")
    assert not any(m.kind == "nominal" for m in ms)


def test_coref_the_two_leaders_gives_one_mention_per_person(resolve):
    _, ms = resolve("Russian President Vladimir Putin and former US President Donald Trump may meet. "
                    "The two leaders last spoke in 2022.")
    nominal = [(t, n) for t, n in anaphora(ms) if t == "The two leaders"]
    assert sorted(n for _, n in nominal) == ["Donald Trump", "Vladimir Putin"]
    two = [m for m in ms if m.kind == "nominal"]
    assert two[0].start == two[1].start and all(m.attributes.get("plural") for m in two)


def test_coref_no_antecedent_beyond_the_window(resolve):
    _, ms = resolve("John Smith arrived. The weather was cold. Snow fell all day. Roads were closed. "
                    "Shops stayed shut. He left.")
    assert not any(m.kind == "pronoun" for m in ms)


def test_coref_he_never_links_to_an_organisation(resolve):
    _, ms = resolve("Microsoft announced a deal. He said it was big.")
    assert not any(m.text == "He" for m in ms if m.kind == "pronoun")


def test_coref_the_bloc_points_at_the_organisation_named_before(resolve):
    _, ms = resolve("The ministers met at a summit of Mercosur in Montevideo on Friday. "
                    "Uruguay and Paraguay are founding members of the bloc, and the bloc will meet again in May.")
    assert ("the bloc", "Mercosur") in anaphora(ms)


def test_coref_dateline_is_never_what_it_or_its_stands_for(resolve):
    _, ms = resolve("SAN FRANCISCO, Jan 22 - Lumenary Inc, the cloud software company, said on Wednesday it "
                    "would cut 2,400 jobs, about 12% of its workforce.")
    assert not any(ms[m.antecedent].name == "SAN FRANCISCO" for m in ms if m.kind == "pronoun")
    assert ("its", "Lumenary Inc") in anaphora(ms)


def test_coref_the_two_men_are_the_two_people_just_named(resolve):
    _, ms = resolve("Yousef Al-Mutairi met Karim Hashemi in Baghdad last month, and the two men spoke again "
                    "by phone on Monday.")
    assert sorted(n for t, n in anaphora(ms) if t == "the two men") == ["Karim Hashemi", "Yousef Al-Mutairi"]


def test_coref_the_two_men_with_one_person_named_links_nothing(resolve):
    _, ms = resolve("Yousef Al-Mutairi arrived in Baghdad last month, and the two men spoke again on Monday.")
    assert not any(m.kind == "nominal" for m in ms)


def test_coref_both_finalists_are_never_the_subject_who_speaks_with_them(resolve):
    _, ms = resolve("Valentina Ossandon and Matias Fuenzalida will face each other in a runoff. "
                    "The third-placed candidate, Rodrigo Alarcon, spoke with both finalists on Sunday night.")
    assert sorted(n for t, n in anaphora(ms) if t == "both finalists") == ["Matias Fuenzalida", "Valentina Ossandon"]


def test_coref_the_emirate_is_the_country_the_subject_annexed_not_the_subject(resolve):
    _, ms = resolve("Iraq invaded Kuwait on August 2, 1990, and annexed the emirate days later.")
    assert ("the emirate", "Kuwait") in anaphora(ms)


def test_coref_description_by_the_last_word_of_a_name(resolve):
    _, ms = resolve("The film premiered at the Cannes Film Festival on Sunday. Critics loved it. "
                    "The jury met on Monday. The weather was fine. The festival runs until May 25.")
    assert ("The festival", "Cannes Film Festival") in anaphora(ms)
    _, ms = resolve("The film premiered in Cannes on Sunday. The festival runs until May 25.")
    assert not any(t == "The festival" for t, _ in anaphora(ms))


def test_coref_the_novel_is_the_work_named_before_and_nothing_without_one(resolve):
    _, ms = resolve('"The Salt Orchard" was shortlisted for the Booker Prize on Tuesday. '
                    "The critic Declan Murphy criticized the novel as overlong.")
    assert [n for t, n in anaphora(ms) if t == "the novel"] == ["The Salt Orchard"]
    _, ms = resolve("The critic Declan Murphy criticized the novel as overlong.")
    assert not any(m.kind == "nominal" for m in ms)


def test_coref_the_museum_is_the_museum_named_in_another_language(resolve):
    _, ms = resolve("The statue is kept at the Musée du quai Branly in Paris. The museum has not agreed to "
                    "return a second object.")
    assert ("The museum", "Musée du quai Branly") in anaphora(ms)


def test_coref_a_kind_noun_right_before_a_name_is_no_anaphor(resolve):
    _, ms = resolve("Meridian Lifesciences sponsored the trial. The patient group All India Drug Action Network "
                    "criticized Meridian.")
    assert not any(t == "The patient group" for t, _ in anaphora(ms))
