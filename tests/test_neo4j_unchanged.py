"""Unchanged documents are skipped on a re-push, and only a complete push marks a document unchanged.

A Document's fingerprint (sha256 and the build that read it) is stored last, once everything the document
contributes is written; a later push skips the rows of documents whose stored fingerprint matches."""

from __future__ import annotations

import pytest

import kgbuild.sinks.neo4j as sink
from kgbuild.sinks.neo4j import Neo4jSinkError, push_graph, run_query

from .neo4j_support import counts, fresh, make_graph, require_server, snapshot

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j():
    return fresh(require_server())


def two_documents(d1_sha="sha-d1-v1", d1_sentence="Ann Lee works for Acme.", ann_mentions=1):
    return make_graph(
        {"d1": d1_sha, "d2": "sha-d2-v1"},
        [("person:ann-lee", "Ann Lee", "PERSON", [], {"d1": ann_mentions}),
         ("org:acme", "Acme", "ORG", [], {"d1": 1, "d2": 1}),
         ("person:ida-moss", "Ida Moss", "PERSON", [], {"d2": 1}),
         ("gpe:oslo", "Oslo", "GPE", [], {"d2": 1})],
        [("person:ann-lee", "works_for", "org:acme", [("d1", d1_sentence)]),
         ("person:ida-moss", "works_for", "org:acme", [("d2", "Ida Moss joined Acme.")]),
         ("org:acme", "located_in", "gpe:oslo", [("d2", "Acme, based in Oslo, grew.")])],
    )


def test_a_re_push_of_unchanged_documents_skips_every_row(neo4j):
    push_graph(two_documents(), neo4j)
    before, numbers = snapshot(neo4j), counts(neo4j)

    again = push_graph(two_documents(), neo4j)

    assert again.documents_unchanged == 2
    assert (again.entities_written, again.relationships_written) == (0, 0)
    assert (again.relationships_removed, again.entities_removed) == (0, 0)
    assert "2 unchanged documents skipped" in str(again)
    assert counts(neo4j) == numbers and snapshot(neo4j) == before


def test_rows_of_an_unchanged_document_are_not_even_compared(neo4j):
    push_graph(two_documents(), neo4j)
    with sink._driver(neo4j) as driver:   # an edit by hand, with the plain driver
        driver.execute_query("MATCH (e:Entity {id: 'gpe:oslo'}) SET e.note = 'added by hand'", database_=neo4j.database)

    push_graph(two_documents(), neo4j)

    _, [[note]] = run_query(neo4j, "MATCH (e:Entity {id: 'gpe:oslo'}) RETURN e.note")
    assert note == "added by hand"   # a compared row would have been rewritten without it


def test_a_changed_document_is_rewritten_while_the_unchanged_one_is_skipped(neo4j):
    push_graph(two_documents(), neo4j)
    _, d2_before = run_query(neo4j, "MATCH (e:Entity {id: 'gpe:oslo'})-[r]-(o) RETURN properties(e), type(r), "
                                    "o.id, properties(r) ORDER BY type(r), o.id")

    stats = push_graph(two_documents(d1_sha="sha-d1-v2", d1_sentence="Ann Lee now leads Acme.", ann_mentions=2),
                       neo4j)

    assert stats.documents_unchanged == 1
    assert stats.relationships_written == 1            # only Ann Lee's works_for, the one row of d1
    assert stats.entities_written == 1                 # Ann Lee (Acme, also in d1, is compared: unchanged)
    _, [[evidence, sha]] = run_query(neo4j, "MATCH (:Entity {id: 'person:ann-lee'})-[r:WORKS_FOR]->() "
                                            "MATCH (d:Document {id: 'd1'}) RETURN r.evidence, d.sha256")
    assert (evidence, sha) == (["Ann Lee now leads Acme."], "sha-d1-v2")
    _, [[mentions]] = run_query(neo4j, "MATCH (e:Entity {id: 'person:ann-lee'}) RETURN e.mentions")
    assert mentions == 2
    _, d2_after = run_query(neo4j, "MATCH (e:Entity {id: 'gpe:oslo'})-[r]-(o) RETURN properties(e), type(r), "
                                   "o.id, properties(r) ORDER BY type(r), o.id")
    assert d2_after == d2_before


def test_the_same_text_read_by_another_build_is_not_skipped(neo4j):
    push_graph(two_documents(), neo4j)
    newer = two_documents()
    newer.graph["kgbuild_version"] = "test-2"

    stats = push_graph(newer, neo4j)

    assert stats.documents_unchanged == 0
    _, [[build]] = run_query(neo4j, "MATCH (d:Document {id: 'd2'}) RETURN d.build")
    assert "kgbuild_version=test-2" in build


def test_a_push_cut_short_leaves_its_documents_unsealed_and_the_re_run_completes(neo4j, monkeypatch):
    push_graph(two_documents(), neo4j)
    complete = snapshot(neo4j)
    fresh(neo4j)
    calls = []

    def fails_after_one_batch(real):   # as if the server went away after the first commit
        def write(*args, **kwargs):
            calls.append(1)
            if len(calls) > 1:
                raise Neo4jSinkError("Neo4j at test: cannot write (the server became unavailable)")
            return real(*args, **kwargs)
        return write

    # edges of types new to the database are created by _create_relationships, the others merged
    for name in ("_merge_relationships", "_create_relationships"):
        monkeypatch.setattr(sink, name, fails_after_one_batch(getattr(sink, name)))
    with pytest.raises(Neo4jSinkError):
        push_graph(two_documents(), neo4j, batch_size=1)
    _, [[rels, sealed]] = run_query(neo4j, "MATCH (:Entity)-[r]->(:Entity) WITH count(r) AS rels "
                                           "MATCH (d:Document) RETURN rels, count(d.sha256)")
    assert (rels, sealed) == (1, 0)   # one relationship of three written, no document sealed
    monkeypatch.undo()

    rerun = push_graph(two_documents(), neo4j)

    assert rerun.documents_unchanged == 0
    assert rerun.relationships_written == 2
    assert snapshot(neo4j) == complete
    assert push_graph(two_documents(), neo4j).documents_unchanged == 2
