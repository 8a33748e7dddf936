"""Rule-based coreference: pronouns and definite descriptions to the name they stand for."""

from __future__ import annotations

import pytest

from kgbuild.coref import add_coreferences
from kgbuild.mentions import extract_mentions


@pytest.fixture(scope="module")
def resolve(nlp):
    def _resolve(text):
        doc = nlp(text)
        return doc, add_coreferences(doc, extract_mentions(doc))
    return _resolve


def links(ms):
    """(anaphor text, antecedent name) pairs in order."""
    return [(m.text, ms[m.antecedent].name) for m in ms if m.kind != "name"]


def test_coref_indexes_stay_positions_and_antecedents_point_at_names(resolve):
    _, ms = resolve("Jane Doe met John Smith in Paris. She said he had been helpful.")
    assert [m.index for m in ms] == list(range(len(ms)))
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    for m in ms:
        if m.kind != "name":
            assert ms[m.antecedent].kind == "name"


def test_coref_gender_agreement_picks_the_matching_person(resolve):
    _, ms = resolve("Italian Prime Minister Giorgia Meloni met Emmanuel Macron, and she said the talks went well.")
    assert ("she", "Giorgia Meloni") in links(ms)


def test_coref_subject_pronoun_prefers_the_subject_antecedent(resolve):
    _, ms = resolve("Trump was asked about his talks with Putin and responded that he would not reveal them.")
    assert ("he", "Trump") in links(ms)
    assert ("his", "Trump") in links(ms)


def test_coref_its_goes_to_an_organisation(resolve):
    _, ms = resolve("The Kremlin, through its spokesperson Dmitry Peskov, declined to comment.")
    assert ("its", "Kremlin") in links(ms)


def test_coref_expletive_it_is_not_linked(resolve):
    _, ms = resolve("Apple released a phone. It is likely that sales will rise.")
    assert all(m.text.lower() != "it" for m in ms if m.kind == "pronoun")


def test_coref_the_company_goes_to_the_nearest_organisation(resolve):
    _, ms = resolve("Apple's chief executive Tim Cook praised the deal, and the company's shares rose.")
    assert ("the company", "Apple") in links(ms)


def test_coref_the_nationality_leader_needs_a_matching_person(resolve):
    _, ms = resolve("Russian President Vladimir Putin met Kenyan President William Ruto. "
                    "The Russian leader said the talks were useful.")
    assert ("The Russian leader", "Vladimir Putin") in links(ms)
    _, ms = resolve("Kenyan President William Ruto arrived. The Russian leader said nothing.")
    assert not any(m.kind == "nominal" for m in ms)


def test_coref_the_two_leaders_gives_one_mention_per_person(resolve):
    _, ms = resolve("Russian President Vladimir Putin and former US President Donald Trump may meet. "
                    "The two leaders last spoke in 2022.")
    nominal = [(t, n) for t, n in links(ms) if t == "The two leaders"]
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
    assert ("the bloc", "Mercosur") in links(ms)
