"""The parts of the Neo4j sink that need no server: settings, identifiers, unreachable servers."""

from __future__ import annotations

import pytest

from kgbuild.errors import KgbuildError
from kgbuild.graph import KnowledgeGraph
from kgbuild.sinks.neo4j import (Neo4jConnection, Neo4jSinkError, push_graph, relationship_type, run_query,
                                 type_label)


def test_connection_defaults_match_the_local_server_script():
    c = Neo4jConnection.from_env({})
    assert (c.uri, c.user, c.password, c.database) == ("bolt://127.0.0.1:7687", "neo4j", "kgbuild-local", "neo4j")
    assert "kgbuild-local" not in repr(c)


def test_connection_reads_the_usual_variables_and_options_win():
    env = {"NEO4J_URI": "neo4j://db:7687", "NEO4J_USERNAME": "u", "NEO4J_PASSWORD": "p", "NEO4J_DATABASE": "kg"}
    assert Neo4jConnection.from_env(env) == Neo4jConnection("neo4j://db:7687", "u", "p", "kg")
    c = Neo4jConnection.from_env(env, uri="bolt://other:1", password=None)
    assert (c.uri, c.password) == ("bolt://other:1", "p")


@pytest.mark.parametrize("spacy_type, label", [
    ("PERSON", "Person"), ("ORG", "Organization"), ("GPE", "Place"), ("LOC", "Place"), ("FAC", "Facility"),
    ("NORP", "Group"), ("WORK_OF_ART", "Work"), ("LAW", "Law"), ("EVENT", "Event"), ("PRODUCT", "Product"),
    ("MISC", "Misc"), ("Entity", None), ("x}) DELETE n", None),
])
def test_entity_types_map_to_safe_labels(spacy_type, label):
    assert type_label(spacy_type) == label


def test_relation_names_become_upper_snake_types_or_are_refused():
    assert relationship_type("spoke_with") == "SPOKE_WITH"
    for bad in ("spoke with", "x]->() DETACH DELETE n //", "_x", "1abc", "mentions", ""):
        with pytest.raises(Neo4jSinkError):
            relationship_type(bad)


def test_relation_names_are_checked_against_a_schema():
    from kgbuild.schema import load_schema

    schema = load_schema()
    assert relationship_type("spoke_with", schema) == "SPOKE_WITH"
    with pytest.raises(Neo4jSinkError, match="not in schema"):
        relationship_type("teleported_to", schema)


def test_an_unreachable_server_is_one_clear_error_after_retrying():
    closed = Neo4jConnection(uri="bolt://127.0.0.1:9", connect_attempts=2, retry_seconds=1)
    with pytest.raises(Neo4jSinkError) as caught:
        push_graph(KnowledgeGraph(), closed)
    message = str(caught.value)
    assert message.startswith("Neo4j at bolt://127.0.0.1:9: cannot connect") and "\n" not in message
    assert isinstance(caught.value, KgbuildError)


def test_a_uri_that_is_not_bolt_or_neo4j_is_refused():
    with pytest.raises(Neo4jSinkError, match="not a Neo4j URI"):
        run_query(Neo4jConnection(uri="http://127.0.0.1:7474"), "RETURN 1")
