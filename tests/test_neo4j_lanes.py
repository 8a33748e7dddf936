"""Fresh relationship types are written by two writers at once over node-disjoint rounds: the split
itself (pure, no server), and a push through it against the real server (each edge exactly once)."""

from __future__ import annotations

import threading
import time

import pytest

from kgbuild.sinks.neo4j import _deadlock_retried, _disjoint_rounds, _plan, push_graph, run_query

from .neo4j_support import bulk_graph, counts, fresh, make_graph, require_server


def _edges(n_nodes: int, n_edges: int) -> dict[str, list[dict]]:
    rows = {"SPOKE_WITH": [], "MET_WITH": []}
    for i in range(n_edges):
        s, t = f"person:p{i % n_nodes}", f"person:p{(i * 13 + 5) % n_nodes}"
        rows["SPOKE_WITH" if i % 3 else "MET_WITH"].append({"s": s, "t": t})
    return rows


def _nodes(lane: dict) -> set[str]:
    return {end for rows in lane.values() for row in rows for end in (row["s"], row["t"])}


def test_every_edge_lands_in_exactly_one_lane():
    edges = _edges(500, 4000)

    rounds = _disjoint_rounds(edges)

    placed = sorted((rtype, r["s"], r["t"]) for lanes in rounds for lane in lanes
                    for rtype, rows in lane.items() for r in rows)
    assert placed == sorted((rtype, r["s"], r["t"]) for rtype, rows in edges.items() for r in rows)


def test_the_two_lanes_of_a_round_never_share_a_node():
    rounds = _disjoint_rounds(_edges(500, 4000))

    assert len(rounds) == 3
    for a, b in rounds:
        assert _nodes(a) and _nodes(b)
        assert not _nodes(a) & _nodes(b)


def test_lanes_of_a_round_hold_about_as_many_edges():
    for a, b in _disjoint_rounds(_edges(2000, 20000)):
        size_a, size_b = (sum(map(len, lane.values())) for lane in (a, b))
        assert 0.7 < size_a / size_b < 1.43


def test_a_type_named_twice_in_the_graph_is_merged_not_created():
    kg = make_graph({"d1": "sha-1"}, [("person:a", "A", "PERSON", [], {"d1": 1}),
                                      ("person:b", "B", "PERSON", [], {"d1": 1})],
                    [("person:a", "spoke_with", "person:b", [("d1", "A spoke with B.")])])
    kg.add_edge("person:a", "person:b", key="SPOKE_WITH", type="spoke_with", evidence=[])

    plan = _plan(kg, None)

    assert len(plan.edges["SPOKE_WITH"]) == 2
    assert "SPOKE_WITH" not in plan.unique_types     # CREATE would write the pair twice


@pytest.mark.neo4j
def test_a_fresh_bulk_push_by_two_writers_writes_each_edge_once_and_a_re_push_changes_nothing():
    neo4j = fresh(require_server())
    kg = bulk_graph(entities=300, relationships=3000)

    stats = push_graph(kg, neo4j, batch_size=100)
    after = counts(neo4j)
    again = push_graph(kg, neo4j, batch_size=100)

    assert stats.relationships_written == 3000
    _, [[pairs, rels]] = run_query(neo4j, "MATCH (a:Entity)-[r]->(b:Entity) "
                                          "RETURN count(DISTINCT [a.id, type(r), b.id]), count(r)")
    assert pairs == rels == 3000
    assert again.relationships_written == 0 and counts(neo4j) == after


@pytest.mark.neo4j
def test_a_lane_write_chosen_as_a_deadlock_victim_is_redone_at_once():
    neo4j = fresh(require_server())
    import neo4j as driver_package

    driver = driver_package.GraphDatabase.driver(neo4j.uri, auth=(neo4j.user, neo4j.password))
    with driver.session(database=neo4j.database) as session:
        session.run("CREATE (:Entity {id: 'lock-a'}), (:Entity {id: 'lock-b'})").consume()
    both_hold_one = threading.Barrier(2, timeout=10)
    attempts = {"x": [], "y": []}

    def writer(key: str, first: str, then: str, pause: float):
        def write(tx, _type, _rows):   # locks `first`, then `then`: the two writers in opposite orders
            attempts[key].append(time.perf_counter())
            tx.run(f"MATCH (n:Entity {{id: '{first}'}}) SET n.{key} = 1").consume()
            if len(attempts[key]) == 1:
                both_hold_one.wait()
                time.sleep(pause)
            tx.run(f"MATCH (n:Entity {{id: '{then}'}}) SET n.{key} = 1").consume()
            return 1
        return write

    def run(key: str, first: str, then: str, pause: float, results: list):
        with driver.session(database=neo4j.database) as session:
            results.append(_deadlock_retried(session, writer(key, first, then, pause), "X", []))

    results: list = []
    try:
        threads = [threading.Thread(target=run, args=("x", "lock-a", "lock-b", 0.5, results)),
                   threading.Thread(target=run, args=("y", "lock-b", "lock-a", 0.0, results))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
    finally:
        driver.close()
    assert results == [1, 1]                                   # both writes done
    victims = [times for times in attempts.values() if len(times) == 2]
    assert len(victims) == 1 and sum(map(len, attempts.values())) == 3   # exactly one was aborted
    assert victims[0][1] - victims[0][0] < 1.2    # redone at once (the driver's back-off alone is 0.8-1.2 s)
    _, [[x, y]] = run_query(neo4j, "MATCH (a:Entity {id: 'lock-a'}), (b:Entity {id: 'lock-b'}) "
                                   "RETURN [a.x, b.x], [a.y, b.y]")
    assert x == y == [1, 1]
