"""'it'/'its' that mean a plain thing or an organisation, not a place named nearby; 'her' after a
description; a woman's unknown name learnt from 'she'; a comma relative clause after 'the company'."""

from __future__ import annotations

import pytest

from kgbuild.entities.coref import add_coreferences
from kgbuild.entities.mentions import extract_mentions

from .factories import anaphora


@pytest.fixture(scope="module")
def resolve(nlp):
    def _resolve(text):
        doc = nlp(text)
        return anaphora(add_coreferences(doc, extract_mentions(doc)))
    return _resolve


def targets(links, anaphor):
    return [name for text, name in links if text == anaphor]


def test_its_office_goes_to_the_organisation_not_the_place_in_its_clause(resolve):
    links = resolve("The Larkfield Teachers Union, which represents teachers across Canada, welcomed the plan. "
                    "Its general secretary, Mara Quillon, said the union would support it.")
    assert targets(links, "Its") == ["Larkfield Teachers Union"]


def test_its_after_a_plain_noun_does_not_skip_to_the_city(resolve):
    links = resolve("Dr Tomas Vell, who runs a clinic in Lagos and did not take part in the trial, "
                    "said he supported its main finding.")
    assert "Lagos" not in targets(links, "its")


def test_object_it_after_a_bill_does_not_skip_to_the_state(resolve):
    links = resolve("The Governor of Ohio, Dana Pruitt, said the new bill would create jobs in the state "
                    "and that she supported it.")
    assert "Ohio" not in targets(links, "it")


def test_subject_it_after_an_unnamed_ministry_is_not_the_country(resolve):
    links = resolve("In Chile, the health ministry said it would review the data.")
    assert "Chile" not in targets(links, "it")


def test_place_it_still_resolves_when_no_plain_noun_intervenes(resolve):
    assert targets(resolve("Russia invaded Georgia and annexed part of it."), "it") == ["Georgia"]
    links = resolve("Kosovo is not a member of the United Nations, though it has joined the World Bank.")
    assert targets(links, "it") == ["Kosovo"]


def test_company_its_chief_executive_still_resolves(resolve):
    links = resolve("Acme Corp said its chief executive, Jane Roe, would step down in May.")
    assert targets(links, "its") == ["Acme Corp"]


def test_her_takes_the_person_a_description_just_named(resolve):
    links = resolve("Senator Ngozi Abara spoke in Ohio. The press secretary, Carla Mendes, rejected the claim. "
                    "The senator has also clashed with the Petroleum Guild. "
                    "Its president, Victor Hale, accused her of lying.")
    assert targets(links, "her") == ["Ngozi Abara"]


def test_a_name_taken_up_by_she_does_not_collect_his(resolve):
    links = resolve("Senator Ifeoma Duru-Castell spoke for an hour, and she was careful. "
                    "Asked about President Mark Olsen, Duru-Castell said she backed his re-election.")
    assert targets(links, "his") == ["Mark Olsen"]


def test_the_company_with_a_comma_relative_clause_points_back(resolve):
    links = resolve("The council sold the site to Brackwater Holdings. "
                    "The company, which is based in Leeds, plans to build homes.")
    assert ("The company", "Brackwater Holdings") in links


def test_the_company_with_a_restrictive_relative_clause_is_new(resolve):
    links = resolve("The council sold the site to Brackwater Holdings. "
                    "The company that built the bridge was not involved.")
    assert not targets(links, "The company")
