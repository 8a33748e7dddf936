"""push_graph against the real local Neo4j: model, idempotence, incremental merges, changed documents,
injection attempts, wrong credentials. Each test starts from a database without kgbuild nodes."""

from __future__ import annotations

import json

import pytest

from kgbuild.sinks.neo4j import Neo4jConnection, Neo4jSinkError, push_graph, run_query

from .neo4j_support import counts, fresh, make_graph, require_server, snapshot

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j():
    return fresh(require_server())


def first_build():
    return make_graph(
        {"d1": "sha-d1-v1"},
        [("person:ann-lee", "Ann Lee", "PERSON", ["Lee"], {"d1": 3}),
         ("org:acme", "Acme", "ORG", [], {"d1": 1}),
         ("gpe:paris", "Paris", "GPE", [], {"d1": 1})],
        [("person:ann-lee", "works_for", "org:acme", [("d1", "Ann Lee, who works for Acme, spoke.")]),
         ("org:acme", "located_in", "gpe:paris", [("d1", "Acme, based in Paris, grew.")])],
    )


def test_push_writes_typed_entities_documents_provenance_and_relationships(neo4j):
    stats = push_graph(first_build(), neo4j)

    assert (stats.entities, stats.relationships, stats.documents) == (3, 2, 1)
    _, rows = run_query(neo4j, "MATCH (e:Entity) RETURN e.id, labels(e), e.name, e.type, e.aliases, e.mentions, "
                               "e.documents ORDER BY e.id")
    assert rows == [
        ["gpe:paris", ["Entity", "Place"], "Paris", "GPE", [], 1, ["d1"]],
        ["org:acme", ["Entity", "Organization"], "Acme", "ORG", [], 1, ["d1"]],
        ["person:ann-lee", ["Entity", "Person"], "Ann Lee", "PERSON", ["Lee"], 3, ["d1"]],
    ]
    _, docs = run_query(neo4j, "MATCH (d:Document)-[m:MENTIONS]->(e:Entity) "
                               "RETURN d.id, d.path, d.sha256, e.id, m.count ORDER BY e.id")
    assert docs == [["d1", "corpus/d1.txt", "sha-d1-v1", "gpe:paris", 1],
                    ["d1", "corpus/d1.txt", "sha-d1-v1", "org:acme", 1],
                    ["d1", "corpus/d1.txt", "sha-d1-v1", "person:ann-lee", 3]]
    _, [[props]] = run_query(neo4j, "MATCH (:Person)-[r:WORKS_FOR]->(:Organization) RETURN properties(r)")
    assert props["evidence"] == ["Ann Lee, who works for Acme, spoke."]
    assert (props["count"], props["confidence"], props["modality"], props["documents"]) == (1, 0.8, "asserted", ["d1"])
    assert json.loads(props["evidence_json"])[0]["sentence"] == "Ann Lee, who works for Acme, spoke."
    _, constraints = run_query(neo4j, "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type "
                                      "WHERE name STARTS WITH 'kgbuild_' RETURN name, labelsOrTypes, properties, type "
                                      "ORDER BY name")
    assert constraints == [["kgbuild_document_id", ["Document"], ["id"], "UNIQUENESS"],
                           ["kgbuild_entity_id", ["Entity"], ["id"], "UNIQUENESS"]]


def test_pushing_the_same_graph_twice_changes_no_count_and_no_property(neo4j):
    push_graph(first_build(), neo4j)
    before, numbers = snapshot(neo4j), counts(neo4j)

    again = push_graph(first_build(), neo4j, batch_size=1)

    assert (again.entities_written, again.relationships_written) == (0, 0)
    assert counts(neo4j) == numbers
    assert snapshot(neo4j) == before


def test_a_second_build_over_new_documents_merges_into_the_same_entities(neo4j):
    push_graph(first_build(), neo4j)
    second = make_graph(
        {"d2": "sha-d2-v1"},
        [("person:ann-lee", "Ann Lee", "PERSON", ["Ms Lee"], {"d2": 2}),
         ("org:acme", "Acme Corp", "ORG", [], {"d2": 1}),
         ("person:bo-chen", "Bo Chen", "PERSON", [], {"d2": 1})],
        [("person:ann-lee", "works_for", "org:acme", [("d2", "Acme hired Ann Lee in May.")]),
         ("person:ann-lee", "spoke_with", "person:bo-chen", [("d2", "Ann Lee spoke with Bo Chen.")])],
    )
    push_graph(second, neo4j)

    _, [[n_ann]] = run_query(neo4j, "MATCH (e:Entity {name: 'Ann Lee'}) RETURN count(e)")
    assert n_ann == 1
    _, rows = run_query(neo4j, "MATCH (e:Entity) RETURN e.id, e.name, e.aliases, e.mentions, e.documents ORDER BY e.id")
    assert rows == [
        ["gpe:paris", "Paris", [], 1, ["d1"]],
        ["org:acme", "Acme Corp", ["Acme"], 2, ["d1", "d2"]],          # the old name is kept as an alias
        ["person:ann-lee", "Ann Lee", ["Lee", "Ms Lee"], 5, ["d1", "d2"]],
        ["person:bo-chen", "Bo Chen", [], 1, ["d2"]],
    ]
    _, [[count, documents, evidence]] = run_query(
        neo4j, "MATCH (:Entity {id: 'person:ann-lee'})-[r:WORKS_FOR]->() RETURN r.count, r.documents, r.evidence")
    assert (count, documents) == (2, ["d1", "d2"])
    assert evidence == ["Ann Lee, who works for Acme, spoke.", "Acme hired Ann Lee in May."]
    assert counts(neo4j)["relationships"] == 3 + 3 + 3   # WORKS_FOR, LOCATED_IN, SPOKE_WITH; 3 MENTIONS per document
    before = snapshot(neo4j)
    push_graph(second, neo4j)
    push_graph(first_build(), neo4j)
    assert snapshot(neo4j) == before                          # either build again: nothing moves


def test_a_changed_document_replaces_only_its_own_evidence(neo4j):
    both = make_graph(
        {"d1": "sha-d1-v1", "d2": "sha-d2-v1"},
        [("person:ann-lee", "Ann Lee", "PERSON", [], {"d1": 1, "d2": 1}),
         ("org:acme", "Acme", "ORG", [], {"d1": 1, "d2": 1}),
         ("person:cy-ode", "Cy Ode", "PERSON", [], {"d1": 1}),
         ("person:di-park", "Di Park", "PERSON", [], {"d2": 1})],
        [("person:ann-lee", "works_for", "org:acme", [("d1", "Old d1 sentence."), ("d2", "The d2 sentence.")]),
         ("person:ann-lee", "spoke_with", "person:cy-ode", [("d1", "Ann Lee spoke with Cy Ode.")]),
         ("person:di-park", "works_for", "org:acme", [("d2", "Di Park works for Acme.")])],
    )
    push_graph(both, neo4j)
    _, untouched_before = run_query(neo4j, "MATCH (e:Entity {id: 'person:di-park'})-[r]-(o) "
                                           "RETURN properties(e), type(r), o.id, properties(r) ORDER BY type(r), o.id")
    changed = make_graph(   # d1 edited: Cy Ode is gone, the works_for sentence is new
        {"d1": "sha-d1-v2"},
        [("person:ann-lee", "Ann Lee", "PERSON", [], {"d1": 2}),
         ("org:acme", "Acme", "ORG", [], {"d1": 1})],
        [("person:ann-lee", "works_for", "org:acme", [("d1", "New d1 sentence.")])],
    )
    stats = push_graph(changed, neo4j)

    assert (stats.relationships_removed, stats.entities_removed) == (1, 1)
    _, [[sha]] = run_query(neo4j, "MATCH (d:Document {id: 'd1'}) RETURN d.sha256")
    assert sha == "sha-d1-v2"
    _, [[evidence, count, documents]] = run_query(
        neo4j, "MATCH (:Entity {id: 'person:ann-lee'})-[r:WORKS_FOR]->() RETURN r.evidence, r.count, r.documents")
    assert (evidence, count, documents) == (["New d1 sentence.", "The d2 sentence."], 2, ["d1", "d2"])
    _, gone = run_query(neo4j, "MATCH (e:Entity {id: 'person:cy-ode'}) RETURN e UNION ALL "
                               "MATCH ()-[r:SPOKE_WITH]->() RETURN r AS e")
    assert gone == []
    _, [[mentions, docs]] = run_query(neo4j, "MATCH (e:Entity {id: 'person:ann-lee'}) RETURN e.mentions, e.documents")
    assert (mentions, docs) == (3, ["d1", "d2"])
    _, untouched_after = run_query(neo4j, "MATCH (e:Entity {id: 'person:di-park'})-[r]-(o) "
                                          "RETURN properties(e), type(r), o.id, properties(r) ORDER BY type(r), o.id")
    assert untouched_after == untouched_before


def test_a_cypher_injection_attempt_is_stored_as_plain_text(neo4j):
    evil = "x'}) DETACH DELETE n //"
    kg = make_graph(
        {"d1": "sha"},
        [(f"person:{evil}", evil, "PERSON", [evil + " alias"], {"d1": 1}),
         ("org:acme", 'Acme" }) MATCH (m) DETACH DELETE m //', "ORG", [], {"d1": 1})],
        [(f"person:{evil}", "works_for", "org:acme", [("d1", evil)])],
    )
    push_graph(kg, neo4j)

    _, rows = run_query(neo4j, "MATCH (e:Entity) RETURN e.id, e.name, e.aliases ORDER BY e.id")
    assert rows == [["org:acme", 'Acme" }) MATCH (m) DETACH DELETE m //', []],
                    [f"person:{evil}", evil, [evil + " alias"]]]
    _, [[evidence]] = run_query(neo4j, "MATCH ()-[r:WORKS_FOR]->() RETURN r.evidence")
    assert evidence == [evil]
    assert counts(neo4j)["nodes"] >= 3


def test_a_relation_type_that_is_not_an_identifier_is_refused_before_any_write(neo4j):
    kg = make_graph({"d1": "sha"},
                    [("person:a", "A", "PERSON", [], {"d1": 1}), ("person:b", "B", "PERSON", [], {"d1": 1})],
                    [("person:a", "spoke_with]->() DETACH DELETE n //", "person:b", [("d1", "A met B.")])])
    with pytest.raises(Neo4jSinkError, match="cannot be a Neo4j relationship type"):
        push_graph(kg, neo4j)
    assert run_query(neo4j, "MATCH (n) WHERE n:Entity OR n:Document RETURN n")[1] == []


def test_a_relation_missing_from_the_schema_is_refused(neo4j):
    from kgbuild.schema import load_schema

    kg = make_graph({"d1": "sha"},
                    [("person:a", "A", "PERSON", [], {"d1": 1}), ("person:b", "B", "PERSON", [], {"d1": 1})],
                    [("person:a", "teleported_to", "person:b", [("d1", "A teleported to B.")])])
    with pytest.raises(Neo4jSinkError, match="not in schema"):
        push_graph(kg, neo4j, load_schema())
    assert run_query(neo4j, "MATCH (e:Entity) RETURN e")[1] == []


def test_wrong_password_is_one_clear_error(neo4j):
    wrong = Neo4jConnection(uri=neo4j.uri, user=neo4j.user, password="not-the-password", database=neo4j.database)
    with pytest.raises(Neo4jSinkError) as caught:
        push_graph(first_build(), wrong)
    message = str(caught.value)
    assert "authentication failed for user 'neo4j'" in message and "\n" not in message
    assert run_query(neo4j, "MATCH (e:Entity) RETURN e")[1] == []


def test_new_and_known_entities_in_one_batch_are_created_once_and_merged(neo4j):
    push_graph(first_build(), neo4j)
    mixed = make_graph(   # one known entity, one new one mentioned by a document, one new one mentioned by none
        {"d3": "sha-d3"},
        [("person:ann-lee", "Ann Lee", "PERSON", [], {"d3": 1}),
         ("person:eve-ray", "Eve Ray", "PERSON", [], {"d3": 2}),
         ("person:no-doc", "No Doc", "PERSON", [], {})],
        [],
    )
    stats = push_graph(mixed, neo4j, batch_size=10)

    assert stats.entities_written == 3
    _, rows = run_query(neo4j, "MATCH (e:Person) RETURN e.id, e.mentions, labels(e), "
                               "[(d:Document)-[m:MENTIONS]->(e) | [d.id, m.count]] ORDER BY e.id")
    assert [(i, n, sorted(labels), sorted(m)) for i, n, labels, m in rows] == [
        ("person:ann-lee", 4, ["Entity", "Person"], [["d1", 3], ["d3", 1]]),
        ("person:eve-ray", 2, ["Entity", "Person"], [["d3", 2]]),
        ("person:no-doc", 0, ["Entity", "Person"], []),
    ]
    again = push_graph(mixed, neo4j)
    assert (again.entities_written, again.relationships_written) == (0, 0)
