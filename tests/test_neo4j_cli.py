"""`kgbuild push` and `kgbuild query` through click's CliRunner, against the real local Neo4j."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kgbuild.cli import cli
from kgbuild.sinks.neo4j import run_query

from .neo4j_support import fresh, make_graph, require_server

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j():
    return fresh(require_server())


@pytest.fixture
def graph_json(tmp_path):
    kg = make_graph(
        {"d1": "sha-1"},
        [("person:ann-lee", "Ann Lee", "PERSON", [], {"d1": 2}), ("org:acme", "Acme", "ORG", [], {"d1": 1}),
         ("person:bo-chen", "Bo Chen", "PERSON", [], {"d1": 1})],
        [("person:ann-lee", "works_for", "org:acme", [("d1", "Ann Lee works for Acme.")]),
         ("person:bo-chen", "works_for", "org:acme", [("d1", "Bo Chen works for Acme.")])],
    )
    return str(kg.write_json(tmp_path / "graph.json"))


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_push_loads_graph_json_and_a_second_push_writes_nothing(neo4j, graph_json):
    first = invoke("push", graph_json)
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Neo4j: 3 entities, 2 relationships, 1 documents (3 entities and 2 relationships")
    second = invoke("push", graph_json)
    assert "(0 entities and 0 relationships written)" in second.output
    assert run_query(neo4j, "MATCH (e:Entity) RETURN count(e)")[1] == [[3]]


def test_push_clear_removes_only_kgbuild_nodes(neo4j, graph_json):
    assert invoke("push", graph_json).exit_code == 0
    from kgbuild.sinks.neo4j import _driver   # a foreign node, written the plain driver way

    with _driver(neo4j) as driver:
        driver.execute_query("MERGE (:KgbuildTestNote {text: 'not ours'})", database_=neo4j.database)
    try:
        result = invoke("push", graph_json, "--clear")
        assert result.exit_code == 0, result.output
        assert "(3 entities and 2 relationships written)" in result.output   # everything written anew
        assert run_query(neo4j, "MATCH (n:KgbuildTestNote) RETURN n.text")[1] == [["not ours"]]
    finally:
        with _driver(neo4j) as driver:
            driver.execute_query("MATCH (n:KgbuildTestNote) DELETE n", database_=neo4j.database)


def test_query_prints_a_table_json_and_csv(neo4j, graph_json):
    assert invoke("push", graph_json).exit_code == 0
    cypher = "MATCH (p:Person)-[r:WORKS_FOR]->(o:Organization) RETURN p.name AS person, o.name AS org ORDER BY person"

    table = invoke("query", cypher)
    assert table.exit_code == 0, table.output
    assert table.output.splitlines() == [
        "person  | org",
        "--------+-----",
        "Ann Lee | Acme",
        "Bo Chen | Acme",
        "(2 rows)",
    ]
    as_json = invoke("query", cypher, "--format", "json")
    assert json.loads(as_json.output) == [{"person": "Ann Lee", "org": "Acme"}, {"person": "Bo Chen", "org": "Acme"}]
    as_csv = invoke("query", cypher, "-f", "csv")
    assert list(csv.reader(io.StringIO(as_csv.output))) == [["person", "org"], ["Ann Lee", "Acme"], ["Bo Chen", "Acme"]]


def test_query_parameters_are_values_never_cypher(neo4j, graph_json):
    assert invoke("push", graph_json).exit_code == 0
    found = invoke("query", "MATCH (e:Entity {name: $name}) RETURN e.id", "--param", "name=Ann Lee", "-f", "json")
    assert json.loads(found.output) == [{"e.id": "person:ann-lee"}]
    evil = invoke("query", "MATCH (e:Entity {name: $name}) RETURN e.id", "-p", "name=x'}) DETACH DELETE e //")
    assert evil.exit_code == 0 and "(0 rows)" in evil.output
    assert run_query(neo4j, "MATCH (e:Entity) RETURN count(e)")[1] == [[3]]


def test_query_errors_are_one_line_as_neo4j_reports_them(neo4j):
    syntax = invoke("query", "MATCH (n RETURN n")
    assert syntax.exit_code == 1
    assert len(syntax.output.strip().splitlines()) == 1
    assert syntax.output.startswith("Error: Neo4j at ") and "Neo.ClientError.Statement.SyntaxError" in syntax.output
    write = invoke("query", "CREATE (n:KgbuildTestNote) RETURN n")
    assert write.exit_code == 1 and "Neo.ClientError.Statement.AccessMode" in write.output
    assert run_query(neo4j, "MATCH (n:KgbuildTestNote) RETURN count(n)")[1] == [[0]]


def test_wrong_password_on_the_command_line_is_one_line_without_traceback(neo4j, graph_json):
    result = invoke("push", graph_json, "--neo4j-password", "definitely-wrong")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert "authentication failed for user 'neo4j'" in result.output and "Traceback" not in result.output
