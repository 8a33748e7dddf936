"""A server that stops in the middle of a push: one clear error, then a re-run completes with no duplicates.

The test stops and restarts the local server with scripts/neo4j.sh, so it needs the server that script
started (as `make test` does) and always starts it again, whatever happens."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest

from kgbuild.sinks.neo4j import Neo4jSinkError, push_graph, run_query

from .neo4j_support import ROOT, bulk_graph, fresh, require_server, server_script

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

PID_FILE = ROOT / ".neo4j" / "home" / "run" / "kgbuild-neo4j.pid"
ENTITIES = 2000


def wait_for_entities(connection, seconds: float = 120) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            _, [[n]] = run_query(connection, "MATCH (e:Entity) RETURN count(e)")
        except Neo4jSinkError:
            n = 0
        if n:
            return n
        time.sleep(0.1)
    return 0


def test_a_server_stopped_mid_write_fails_in_one_line_and_a_rerun_completes_without_duplicates():
    connection = fresh(require_server())
    if not PID_FILE.exists():
        pytest.fail("this test stops the server, so it needs the one scripts/neo4j.sh started (make test)")
    kg = bulk_graph(entities=ENTITIES, relationships=8000)
    impatient = dataclasses.replace(connection, retry_seconds=2, connect_attempts=1)
    failures: list[Exception] = []

    def push():
        try:
            push_graph(kg, impatient, batch_size=100)
        except Exception as exc:  # noqa: BLE001 - the assertion below says what was expected
            failures.append(exc)

    writer = threading.Thread(target=push)
    writer.start()
    try:
        assert wait_for_entities(connection) > 0, "the push never started writing"
        stopped = server_script("stop")
        assert stopped.returncode == 0, stopped.stderr
        writer.join(timeout=180)
        assert not writer.is_alive(), "the push did not give up after the server stopped"
    finally:
        started = server_script("start")
        assert started.returncode == 0, started.stdout + started.stderr
    assert len(failures) == 1, "the push finished before the server stopped: make the graph bigger"
    assert isinstance(failures[0], Neo4jSinkError), repr(failures[0])
    assert str(failures[0]).startswith("Neo4j at ") and "\n" not in str(failures[0])
    _, [[partial]] = run_query(connection, "MATCH ()-[r]->() RETURN count(r)")
    assert partial < kg.number_of_edges() + ENTITIES   # relationships + MENTIONS: the first push was cut short

    push_graph(kg, connection)

    _, [[entities, documents]] = run_query(connection, "MATCH (e:Entity) WITH count(e) AS e "
                                                       "MATCH (d:Document) RETURN e, count(d)")
    assert (entities, documents) == (ENTITIES, 20)
    _, per_type = run_query(connection, "MATCH (:Entity)-[r]->(:Entity) RETURN type(r), count(r) ORDER BY type(r)")
    expected = {}
    for _, _, key in kg.edges(keys=True):
        expected[key.upper()] = expected.get(key.upper(), 0) + 1
    assert dict(per_type) == expected
    _, [[mentions]] = run_query(connection, "MATCH (:Document)-[m:MENTIONS]->(:Entity) RETURN count(m)")
    assert mentions == ENTITIES
    _, [[doubled]] = run_query(connection, "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(r) AS n "
                                           "WHERE n > 1 RETURN count(*)")
    assert doubled == 0
