"""Scoring a graph against gold annotations."""

from __future__ import annotations

import json

import pytest

from kgbuild.evaluate import GoldFileError, bad_name_reason, evaluate, evaluate_many, load_gold
from kgbuild.graph import KnowledgeGraph


def graph(nodes, edges=()):
    kg = KnowledgeGraph()
    for node_id, name, etype, *aliases in nodes:
        kg.add_node(node_id, name=name, type=etype, aliases=list(aliases[0]) if aliases else [], mentions=1)
    for s, rel, o, *rest in edges:
        extra = rest[0] if rest else {}
        kg.add_edge(s, o, key=rel, type=rel, symmetric=extra.get("symmetric", False),
                    modality=extra.get("modality", "asserted"), evidence=[])
    return kg


GOLD = {
    "entities": {
        "required": [
            {"name": "Jane Doe", "type": "PERSON", "aliases": ["Doe"]},
            {"name": "Acme Corp", "type": "ORG", "aliases": ["the Acme Corp"]},
            {"name": "Kenya", "type": ["GPE", "LOC"]},
        ],
        "optional": [{"name": "Nairobi", "type": "GPE"}],
        "distinct": [["Jane Doe", "John Doe"]],
    },
    "relations": {
        "required": [
            {"subject": ["Jane Doe"], "relation": "works_for", "object": ["Acme Corp"]},
            {"subject": ["Jane Doe"], "relation": "spoke_with", "object": ["John Doe"], "symmetric": True},
        ],
        "optional": [{"subject": ["Acme Corp"], "relation": "located_in", "object": ["Kenya", "Nairobi"]}],
        "forbidden": [{"subject": ["Acme Corp"], "relation": "denied", "object": ["*"], "why": "it did not"}],
    },
}

GOOD_NODES = [("person:jane-doe", "Jane Doe", "PERSON", ["Doe"]), ("org:acme-corp", "Acme Corp", "ORG"),
              ("gpe:kenya", "Kenya", "LOC"), ("person:john-doe", "John Doe", "PERSON")]


def test_evaluate_perfect_graph_is_ok_with_full_scores():
    kg = graph(GOOD_NODES, [("person:jane-doe", "works_for", "org:acme-corp"),
                            ("person:john-doe", "spoke_with", "person:jane-doe", {"symmetric": True})])
    r = evaluate(kg, GOLD)
    assert r.ok and r.entities_ok
    assert (r.entities.found_gold, r.entities.gold) == (3, 3)
    assert r.relations.recall == 1.0 and r.relations.precision == 1.0
    assert r.extra_nodes == ["person:john-doe"]          # not a gold entity: lowers precision
    assert r.entities.precision == pytest.approx(3 / 4)


def test_evaluate_missing_required_entity_and_relation_fail():
    r = evaluate(graph(GOOD_NODES[:1]), GOLD)
    assert not r.ok
    assert r.missing_entities == ["Acme Corp", "Kenya"]
    assert len(r.missing_relations) == 2
    assert "FAIL" in r.summary()


def test_evaluate_duplicates_wrong_types_and_bad_names_are_reported():
    kg = graph([("person:jane-doe", "Jane Doe", "PERSON"), ("org:doe", "Doe", "ORG"),
                ("person:acme-corp", "Acme Corp", "PERSON"), ("gpe:kenya", "Kenya", "GPE"),
                ("org:the-acme", "the Acme Corp", "ORG"), ("person:he", "he", "PERSON"),
                ("date:x", "February 2022", "DATE"), ("org:trumps", "Trump’s", "ORG"), ("c:1", "3,000", "CARDINAL")])
    r = evaluate(kg, {"entities": GOLD["entities"]})
    assert r.ok                                         # nothing required is missing ...
    assert not r.entities_ok                            # ... but the entity layer is not clean
    assert r.duplicate_entities == {"Acme Corp": ["org:the-acme", "person:acme-corp"],
                                    "Jane Doe": ["org:doe", "person:jane-doe"]}
    assert "Jane Doe" in r.wrong_types and "Acme Corp" in r.wrong_types
    assert r.bad_names == {"c:1": "number", "date:x": "date", "org:the-acme": "leading article",
                           "org:trumps": "possessive", "person:he": "pronoun"}
    # one node of the right type per gold entity earns precision: jane-doe, kenya, the-acme
    assert r.entities.matched_predicted == 3 and r.entities.found_gold == 3


def test_evaluate_wrongly_typed_only_node_does_not_count_as_found():
    r = evaluate(graph([("person:acme-corp", "Acme Corp", "PERSON")]), GOLD)
    assert r.entities.found_gold == 0 and "Acme Corp" not in r.missing_entities


def test_evaluate_forbidden_relation_fails_but_only_when_asserted():
    edges = [("org:acme-corp", "denied", "gpe:kenya")]
    r = evaluate(graph(GOOD_NODES, edges), GOLD)
    assert not r.ok and len(r.forbidden_present) == 1 and "it did not" in r.forbidden_present[0]
    r = evaluate(graph(GOOD_NODES, [("org:acme-corp", "denied", "gpe:kenya", {"modality": "negated"})]), GOLD)
    assert r.forbidden_present == []


def test_evaluate_symmetric_relation_matches_either_direction_but_directed_does_not():
    r = evaluate(graph(GOOD_NODES, [("person:john-doe", "spoke_with", "person:jane-doe")]), GOLD)
    assert not any("spoke_with" in m for m in r.missing_relations)
    r = evaluate(graph(GOOD_NODES, [("org:acme-corp", "works_for", "person:jane-doe")]), GOLD)
    assert any("works_for" in m for m in r.missing_relations)
    assert r.relations.precision == 0.0


def test_evaluate_several_acceptable_objects_and_per_type_scores():
    kg = graph(GOOD_NODES + [("gpe:nairobi", "Nairobi", "GPE")],
               [("org:acme-corp", "located_in", "gpe:nairobi"), ("person:jane-doe", "works_for", "org:acme-corp"),
                ("person:jane-doe", "criticized", "gpe:kenya")])
    r = evaluate(kg, GOLD)
    assert r.relations.matched_predicted == 2 and r.relations.predicted == 3
    assert r.per_relation["located_in"].precision == 1.0
    assert r.per_relation["criticized"].precision == 0.0
    assert r.per_relation["works_for"].recall == 1.0
    assert r.extra_edges == ["person:jane-doe -criticized-> gpe:kenya"]


def test_evaluate_distinct_entities_merged_into_one_node_fail():
    kg = graph([("person:doe", "Jane Doe", "PERSON", ["John Doe", "Doe"]), ("org:acme-corp", "Acme Corp", "ORG"),
                ("gpe:kenya", "Kenya", "GPE")])
    r = evaluate(kg, GOLD)
    assert r.merged_distinct == [["Jane Doe", "John Doe"]] and not r.ok


def test_evaluate_report_formats_and_serialises():
    r = evaluate(graph(GOOD_NODES[:2]), GOLD, name="sample")
    text = r.format()
    assert "missing required entities (1)" in text and "Kenya" in text
    assert text.splitlines()[-1] == r.summary()
    d = json.loads(json.dumps(r.to_dict()))
    assert d["ok"] is False and d["entities"]["gold"] == 3 and d["missing_entities"] == ["Kenya"]


def test_evaluate_many_micro_averages_counts():
    good = graph(GOOD_NODES, [("person:jane-doe", "works_for", "org:acme-corp"),
                              ("person:john-doe", "spoke_with", "person:jane-doe", {"symmetric": True})])
    poor = graph(GOOD_NODES[:1])
    total = evaluate_many([(good, GOLD, "good"), (poor, GOLD, "poor")])
    assert total.documents == 2
    assert (total.entities.found_gold, total.entities.gold) == (4, 6)
    assert (total.relations.found_gold, total.relations.gold) == (2, 4)
    assert total.missing_entities == ["poor: Acme Corp", "poor: Kenya"]
    assert not total.ok


@pytest.mark.parametrize("name, why", [
    ("The Hague", "leading article"), ("Hague", None), ("Donald Trump", None), ("NATO", None),
    ("Air Force One", None), ("Last week", "date"), ("2022", "date"), ("March", "date"),
    ("two", "number"), ("1,500", "number"), ("their", "pronoun"), ("Reuters", None), ("Xi's", "possessive"),
])
def test_evaluate_bad_name_reasons(name, why):
    assert bad_name_reason(name) == why


def test_evaluate_load_gold_errors_name_the_file(tmp_path):
    with pytest.raises(GoldFileError, match="missing.json: no such file"):
        load_gold(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFileError, match="bad.json: not a JSON gold file"):
        load_gold(bad)
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"entities": {"required": [{"type": "PERSON"}]}}), encoding="utf-8")
    with pytest.raises(GoldFileError, match="odd.json: entities.required: every item needs a 'name'"):
        load_gold(odd)


@pytest.mark.parametrize("name,why", [("A Bola", None), ("a Bola", "leading article"), ("an envoy", "leading article")])
def test_evaluate_capital_a_inside_a_name_is_no_article_but_other_articles_are(name, why):
    assert bad_name_reason(name) == why


def test_evaluate_capital_the_of_a_works_title_is_no_bad_name_but_of_an_organisation_is():
    kg = graph([("work_of_art:the-salt-orchard", "The Salt Orchard", "WORK_OF_ART"),
                ("org:the-acme", "The Acme Corp", "ORG")])
    r = evaluate(kg, {"entities": GOLD["entities"]})
    assert r.bad_names == {"org:the-acme": "leading article"}
