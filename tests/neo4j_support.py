"""Helpers for the tests that talk Bolt to the real local Neo4j (started by `make test`).

When the server does not answer, the tests skip, unless KGBUILD_NEO4J_REQUIRED=1 (set by `make test`
and so by CI), where they fail: a missing server must never pass for a green run.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kgbuild.graph import KnowledgeGraph
from kgbuild.sinks.neo4j import Neo4jConnection, Neo4jSinkError, clear_graph, run_query

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j.sh"


def require_server() -> Neo4jConnection:
    """The connection of the local test server, or skip / fail as the module docstring says."""
    connection = Neo4jConnection.from_env(connect_attempts=1)
    try:
        run_query(connection, "RETURN 1")
    except Neo4jSinkError as exc:
        if os.environ.get("KGBUILD_NEO4J_REQUIRED") == "1":
            pytest.fail(f"Neo4j is required (KGBUILD_NEO4J_REQUIRED=1) but does not answer: {exc}")
        pytest.skip(f"no Neo4j server (run 'make neo4j-start'): {exc}")
    return connection


def server_script(command: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run scripts/neo4j.sh start|stop|status; the output is kept for assertion messages."""
    return subprocess.run(["bash", str(SCRIPT), command], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT)


def fresh(connection: Neo4jConnection) -> Neo4jConnection:
    clear_graph(connection)
    return connection


def snapshot(connection: Neo4jConnection) -> dict:
    """Every kgbuild node and relationship with all its labels and properties, in a stable order."""
    _, nodes = run_query(connection, "MATCH (n) WHERE n:Entity OR n:Document "
                                     "RETURN n.id, labels(n), properties(n)")
    _, rels = run_query(connection, "MATCH (a)-[r]->(b) WHERE a:Entity OR a:Document "
                                    "RETURN a.id, type(r), b.id, properties(r)")
    return {
        "nodes": sorted((i, tuple(sorted(labels)), _freeze(props)) for i, labels, props in nodes),
        "relationships": sorted((a, t, b, _freeze(props)) for a, t, b, props in rels),
    }


def counts(connection: Neo4jConnection) -> dict:
    """Node, relationship and property counts over the whole database."""
    _, [[nodes, node_props]] = run_query(connection, "MATCH (n) RETURN count(n), sum(size(keys(n)))")
    _, [[rels, rel_props]] = run_query(connection, "MATCH ()-[r]->() RETURN count(r), sum(size(keys(r)))")
    return {"nodes": nodes, "relationships": rels, "properties": node_props + rel_props}


def _freeze(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def make_graph(documents: dict, nodes: list, edges: list) -> KnowledgeGraph:
    """A graph with the attributes of the graph.json contract.

    documents: {id: sha256}; nodes: (id, name, type, aliases, {doc: mentions});
    edges: (source, relation, target, [(doc, sentence), ...]).
    """
    kg = KnowledgeGraph()
    kg.graph.update({"kgbuild_version": "test", "schema": "news"})
    kg.graph["documents"] = [{"id": d, "path": f"corpus/{d}.txt", "sha256": sha} for d, sha in sorted(documents.items())]
    for node_id, name, etype, aliases, per_doc in nodes:
        spans = [{"document": d, "start": i * 10, "end": i * 10 + 5, "text": name}
                 for d, n in sorted(per_doc.items()) for i in range(n)]
        kg.add_node(node_id, name=name, type=etype, aliases=sorted(aliases), mentions=sum(per_doc.values()),
                    documents=sorted(per_doc), spans=spans, merges=[])
    for source, relation, target, evidence in edges:
        items = [{"document": d, "sentence": s, "start": 100 * i, "end": 100 * i + len(s),
                  "subject": {"text": "s", "start": 100 * i, "end": 100 * i + 1},
                  "object": {"text": "o", "start": 100 * i + 2, "end": 100 * i + 3},
                  "trigger": None, "pattern": "test", "via": "direct", "modality": "asserted",
                  "confidence": 0.8, "asserted_by": None, "reported": False}
                 for i, (d, s) in enumerate(evidence)]
        kg.add_edge(source, target, key=relation, type=relation, symmetric=False, confidence=0.8,
                    count=len(items), modality="asserted", documents=sorted({d for d, _ in evidence}),
                    evidence=items)
    return kg


def bulk_graph(entities: int, relationships: int, documents: int = 20) -> KnowledgeGraph:
    """A deterministic graph big enough that a push takes many transactions."""
    nodes = [(f"person:p{i}", f"Person {i}", "PERSON", [], {f"b{i % documents}": 1}) for i in range(entities)]
    edges, seen, i = [], set(), 0
    relations = ("spoke_with", "met_with", "criticized")
    while len(edges) < relationships:
        u, v = i % entities, (i * 7 + 1 + i // entities) % entities
        rel = relations[i % len(relations)]
        i += 1
        if u == v or (u, rel, v) in seen:
            continue
        seen.add((u, rel, v))
        edges.append((f"person:p{u}", rel, f"person:p{v}", [(f"b{u % documents}", f"Person {u} and Person {v}.")]))
    return make_graph({f"b{d}": f"sha-b{d}" for d in range(documents)}, nodes, edges)
