"""Neo4j write throughput: kgbuild's batched writer against a naive one-MERGE-per-row loop.

    make bench-neo4j            (starts the local server first)
    python bench/bench_neo4j.py --relationships 100000 --naive-rows 5000

Writes a synthetic graph (entities, relationships with one piece of evidence each, documents) with
``push_graph``, then the same kind of rows with one auto-committed MERGE query per relationship on a
subset, and reports both rates and their ratio. It deletes kgbuild's own nodes (:Entity, :Document)
before and after: run it against the local development server, not a database you care about.
The last lines are ``name: value`` for scripts.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kgbuild.graph import KnowledgeGraph  # noqa: E402
from kgbuild.sinks.neo4j import Neo4jConnection, Neo4jSinkError, clear_graph, push_graph  # noqa: E402

TYPES = ("PERSON", "ORG", "GPE")
RELATIONS = ("spoke_with", "met_with", "works_for", "located_in", "criticized", "visited")


def synthetic_graph(relationships: int, entities: int, documents: int, seed: int = 7) -> KnowledgeGraph:
    """A reproducible graph shaped like kgbuild's output: one edge per (source, type, target)."""
    rnd = random.Random(seed)
    kg = KnowledgeGraph()
    kg.graph["documents"] = [{"id": f"doc-{d:05d}", "path": f"bench/doc-{d:05d}.txt", "sha256": f"{d:064x}"}
                             for d in range(documents)]
    for i in range(entities):
        etype = TYPES[i % len(TYPES)]
        docs = sorted({f"doc-{rnd.randrange(documents):05d}" for _ in range(2)})
        kg.add_node(f"{etype.lower()}:entity-{i}", name=f"Entity {i}", type=etype, aliases=[f"E{i}"],
                    mentions=len(docs) * 2, documents=docs)
    added = 0
    while added < relationships:   # (number_of_edges() is O(n) on a MultiDiGraph)
        u, v = rnd.randrange(entities), rnd.randrange(entities)
        rel = RELATIONS[rnd.randrange(len(RELATIONS))]
        su, sv = f"{TYPES[u % 3].lower()}:entity-{u}", f"{TYPES[v % 3].lower()}:entity-{v}"
        if u == v or kg.has_edge(su, sv, key=rel):
            continue
        doc = f"doc-{rnd.randrange(documents):05d}"
        sentence = f"Entity {u} {rel.replace('_', ' ')} Entity {v}, the report said."
        evidence = [{"document": doc, "sentence": sentence, "start": 0, "end": len(sentence),
                     "pattern": "bench", "modality": "asserted", "confidence": 0.8}]
        kg.add_edge(su, sv, key=rel, type=rel, confidence=0.8, count=1, modality="asserted",
                    documents=[doc], evidence=evidence)
        added += 1
    return kg


def naive_loop(kg: KnowledgeGraph, connection: Neo4jConnection, rows: int) -> float:
    """Seconds to write ``rows`` relationships, one auto-committed MERGE query per relationship."""
    import json

    import neo4j

    edges = list(kg.edges(keys=True, data=True))[:rows]
    with neo4j.GraphDatabase.driver(connection.uri, auth=(connection.user, connection.password),
                                    notifications_min_severity="OFF") as driver:
        with driver.session(database=connection.database) as session:
            started = time.perf_counter()
            for u, v, key, data in edges:
                session.run(
                    f"MERGE (s:Entity {{id: $s}}) MERGE (t:Entity {{id: $t}}) "
                    f"MERGE (s)-[r:{key.upper()}]->(t) "
                    "SET r.confidence = $confidence, r.count = $count, r.documents = $documents, "
                    "r.evidence = $evidence, r.evidence_json = $evidence_json",
                    s=u, t=v, confidence=data["confidence"], count=data["count"], documents=data["documents"],
                    evidence=[e["sentence"] for e in data["evidence"]],
                    evidence_json=json.dumps(data["evidence"])).consume()
            return time.perf_counter() - started


def server_cpu_seconds() -> float:
    """CPU time used so far by the local server scripts/neo4j.sh started (0 when it is not ours)."""
    pid_file = Path(__file__).resolve().parent.parent / ".neo4j" / "home" / "run" / "kgbuild-neo4j.pid"
    try:
        fields = Path(f"/proc/{pid_file.read_text().strip()}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--naive-rows", type=int, default=5_000)
    parser.add_argument("--batch-size", type=int, default=2_000,
                        help="Rows per transaction; 2,000 is what `kgbuild push` uses.")
    parser.add_argument("--repeat", type=int, default=3,
                        help="Measured rounds (push and naive loop alternate); medians and ranges are reported, "
                             "because a shared machine makes single runs vary by 2x.")
    parser.add_argument("--warmup-relationships", type=int, default=100_000,
                        help="Unmeasured pushes (and naive loops) first: a freshly started JVM runs Cypher "
                             "slowly until it is compiled; measured rounds 1-3 after a 20k warm-up still sped up "
                             "6.9k -> 8.1k -> 10.4k rel/s, and the naive loop 177 -> 568 rel/s.")
    parser.add_argument("--warmup-rounds", type=int, default=2,
                        help="How many warm-up pushes: after one 100k push the server still spent 15.8, 12.0 and "
                             "8.6 CPU seconds on the same push in rounds 1-3 (the JIT still compiling).")
    args = parser.parse_args(argv)

    connection = Neo4jConnection.from_env()
    kg = synthetic_graph(args.relationships, args.entities, args.documents)
    print(f"graph: {kg.number_of_nodes()} entities, {kg.number_of_edges()} relationships, "
          f"{args.documents} documents; server {connection.uri}; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    try:
        if args.warmup_relationships:
            warm = synthetic_graph(args.warmup_relationships, max(100, args.warmup_relationships // 5),
                                   args.documents, seed=99)
            for _ in range(max(1, args.warmup_rounds)):
                clear_graph(connection)
                print(f"warm-up push (not measured): {push_graph(warm, connection, batch_size=args.batch_size)}")
                clear_graph(connection)
                naive_loop(warm, connection, args.naive_rows)   # the naive loop warms up too
        rates, naive_rates, server, client = [], [], [], []
        for round_ in range(1, max(1, args.repeat) + 1):
            clear_graph(connection)
            load = os.getloadavg()[0]
            server0, client0 = server_cpu_seconds(), time.process_time()
            stats = push_graph(kg, connection, batch_size=args.batch_size)
            server.append(server_cpu_seconds() - server0)
            client.append(time.process_time() - client0)
            rates.append(kg.number_of_edges() / stats.seconds)
            clear_graph(connection)
            naive_rates.append(args.naive_rows / naive_loop(kg, connection, args.naive_rows))
            print(f"round {round_}: push_graph {stats.seconds:.1f}s = {rates[-1]:.0f} rel/s (CPU seconds: server "
                  f"{server[-1]:.1f}, client {client[-1]:.1f}); naive loop {naive_rates[-1]:.0f} rel/s; "
                  f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
        clear_graph(connection)
        push_graph(kg, connection, batch_size=args.batch_size)
        again = push_graph(kg, connection, batch_size=args.batch_size)
        print(f"re-push (idempotent): {again}")
        clear_graph(connection)
    except Neo4jSinkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rate, naive_rate = statistics.median(rates), statistics.median(naive_rates)
    print(f"neo4j_rels_per_s: {rate:.0f}  (median of {len(rates)}; range {min(rates):.0f}-{max(rates):.0f})")
    print(f"neo4j_repush_rels_per_s: {kg.number_of_edges() / again.seconds:.0f}")
    print(f"neo4j_naive_rels_per_s: {naive_rate:.0f}  (range {min(naive_rates):.0f}-{max(naive_rates):.0f})")
    print(f"neo4j_speedup: {rate / naive_rate:.1f}  (per round: "
          f"{', '.join(f'{r / n:.1f}' for r, n in zip(rates, naive_rates))})")
    print(f"neo4j_push_server_cpu_s: {statistics.median(server):.1f}")
    print(f"neo4j_push_client_cpu_s: {statistics.median(client):.1f}")
    # Wall-clock rates swing 2x with the machine's other load; this one does not: relationships per CPU
    # second of server and client together (what one otherwise idle core would do, with no overlap).
    cpu = [s + c for s, c in zip(server, client) if s]
    if cpu:
        print(f"neo4j_rels_per_cpu_s: {kg.number_of_edges() / statistics.median(cpu):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
