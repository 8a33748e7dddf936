"""Neo4j sink: an idempotent, batched writer of a KnowledgeGraph, and read-only queries.

Model (DESIGN.md "Neo4j model")::

    (:Entity:<TypeLabel> {id, name, type, aliases, mentions, documents, ...})
    (:Entity)-[:SPOKE_WITH {confidence, count, modality, evidence, documents, evidence_json}]->(:Entity)
    (:Document {id, path, sha256, build})-[:MENTIONS {count}]->(:Entity)

Merge rule: a pushed graph is authoritative for the documents it holds, and only for those. What each
of its documents contributes (mention counts, relation evidence) replaces what that document contributed
before; what other documents contributed stays. Hence:

- pushing the same graph twice changes nothing: a document stored with the same sha256 and build (kgbuild
  version, model, schema) is skipped, rows none of whose documents changed are not even read, and of the
  other rows only those whose stored values differ are written;
- a document's sha256 and build are stored last, once everything it contributes is written: a push cut
  short leaves them unset, so the next push writes that document again instead of skipping it;
- a second build over new documents merges into the same entity nodes (MERGE on ``id``): aliases and
  documents are unioned, mention counts add up per document, the fullest name wins;
- a changed document (same id, new sha256) loses its old evidence: an edge left with no evidence is
  deleted, an entity no document mentions any more (and with no edges left) is deleted, nothing else moves.

Every write is ``UNWIND $rows AS row ...`` in batches, one query shape per label / relationship type; all
values travel as parameters, and labels / types are interpolated only after a strict identifier check.
Batches are read-merge-write in one managed transaction, so the driver retries transient failures.
"""

from __future__ import annotations

import gc
import json
import math
import os
import re
import time
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Mapping, Optional

from ..errors import KgbuildError
from ..graph import combine_confidence

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "kgbuild-local"   # the password scripts/neo4j.sh gives the local server
DEFAULT_DATABASE = "neo4j"

#: spaCy entity label -> Neo4j type label (besides :Entity). Unlisted types get a CamelCase label.
TYPE_LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Facility",
    "EVENT": "Event",
    "WORK_OF_ART": "Work",
    "PRODUCT": "Product",
    "LAW": "Law",
    "NORP": "Group",
    "LANGUAGE": "Language",
}
LABEL_RE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
REL_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
URI_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}
RESERVED_TYPES = {"MENTIONS"}       # kgbuild's own provenance relationship
# One compact encoder: json.dumps(**kwargs) builds one per call; no spaces keeps the stored strings short.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
# Index hints: a plan cached while the database was nearly empty may otherwise scan the index per row.
_SEEK_N = "USING INDEX n:Entity(id)"
_SEEK_ST = ("MATCH (s:Entity {id: row.s}) USING INDEX s:Entity(id) "
            "MATCH (t:Entity {id: row.t}) USING INDEX t:Entity(id)")
NODE_SKIP = {"id", "spans", "merges"}   # bulky per-mention detail stays in graph.json


class _Rows(list):
    """A query parameter list with a short repr: the driver formats every RUN message for its debug log
    whether or not anyone logs (``" ".join(map(repr, fields))``), which cost ~2 s of client CPU per 100k
    relationships. The packer sends it as a plain list."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


class Neo4jSinkError(KgbuildError):
    """Neo4j could not be reached or refused the work; the message is one line naming the server."""


@dataclass(frozen=True)
class Neo4jConnection:
    """Where and as whom to connect. ``retry_seconds`` bounds the driver's retries of transient failures."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default=DEFAULT_PASSWORD, repr=False)
    database: str = DEFAULT_DATABASE
    retry_seconds: float = 30.0
    connect_attempts: int = 3

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None, **overrides) -> "Neo4jConnection":
        """NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE; overrides that are None are ignored."""
        env = os.environ if env is None else env
        values = {
            "uri": env.get("NEO4J_URI") or DEFAULT_URI,
            "user": env.get("NEO4J_USERNAME") or DEFAULT_USER,
            "password": env.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD,
            "database": env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


@dataclass
class PushStats:
    """What one push did. ``*_written`` count rows actually written (0 on an idempotent re-push)."""

    documents: int = 0
    entities: int = 0
    relationships: int = 0
    entities_written: int = 0
    relationships_written: int = 0
    relationships_removed: int = 0
    entities_removed: int = 0
    documents_unchanged: int = 0   # sealed with the same sha256 and build: their rows were not looked at
    seconds: float = 0.0

    def __str__(self) -> str:
        removed = ""
        if self.relationships_removed or self.entities_removed:
            removed = f", removed {self.relationships_removed} stale relationships and {self.entities_removed} entities"
        return (f"{self.entities} entities, {self.relationships} relationships, {self.documents} documents "
                f"({self.entities_written} entities and {self.relationships_written} relationships written"
                f"{removed}) in {self.seconds:.1f}s"
                + (f"; {self.documents_unchanged} unchanged documents skipped" if self.documents_unchanged else ""))


# -- public API --------------------------------------------------------------------------------------
def push_graph(kg, connection: Optional[Neo4jConnection] = None, schema=None, *, batch_size: int = 2000,
               clear: bool = False) -> PushStats:
    """Write ``kg`` into Neo4j (see the module docstring for the merge rule); returns what was done.

    ``schema`` (a ``kgbuild.schema.Schema``), when given, must name every relation type of the graph.
    ``clear`` first deletes kgbuild's own nodes (``:Entity`` and ``:Document``) and nothing else.
    """
    connection = connection or Neo4jConnection.from_env()
    started = time.perf_counter()
    with _gc_paused():
        stats = _push(kg, connection, schema, batch_size, clear)
    stats.seconds = time.perf_counter() - started
    return stats


def _push(kg, connection: Neo4jConnection, schema, batch_size: int, clear: bool) -> PushStats:
    plan = _plan_nodes(kg, schema)
    stats = PushStats(documents=len(plan.documents), entities=sum(len(r) for r in plan.nodes.values()))
    with _driver(connection) as driver, _errors(connection, "write"), ThreadPoolExecutor(1) as pool:
        # Edge rows are the client's biggest job: planned in a thread while the server takes the
        # documents and entities (the driver waits on its socket without holding the GIL).
        planned = pool.submit(_plan_edges, kg, plan.edge_types)
        _ensure_constraints(driver, connection)
        if clear:
            _clear(driver, connection)
        with driver.session(database=connection.database) as session:
            stored = session.execute_read(_existing_documents, plan.doc_ids)
            settled = _settled_documents(plan.documents, stored)
            stats.documents_unchanged = len(settled)
            opened = [d for d in plan.documents if d["id"] not in settled]
            for batch in _chunks(opened, batch_size):
                session.execute_write(_open_documents, batch)
            prior = sorted(d for d in stored if d not in settled)
            if prior:
                plan = _with_edges(plan, planned.result())
                _remove_stale(session, plan, prior, stats, batch_size)
            written, new_mentions = _write_entities(driver, connection, _unsettled_rows(plan.nodes, settled),
                                                    batch_size, plan.doc_ids)
            stats.entities_written += written
            _write_in_lanes(driver, connection, {"MENTIONS": new_mentions}, batch_size, _create_mentions)
            plan = _with_edges(plan, planned.result())
            stats.relationships = sum(len(r) for r in plan.edges.values())
            edges = _unsettled_rows(plan.edges, settled)
            # Types new to the database (count store, O(1)) need no look-up of stored edges and are
            # created by two writers at once (_write_in_lanes); the others are merged here.
            fresh = {rtype for rtype in edges if rtype in plan.unique_types
                     and session.execute_read(_count_type, rtype) == 0}
            merged = {rtype: rows for rtype, rows in sorted(edges.items()) if rtype not in fresh}
            # Their properties (JSON of the evidence) are computed one batch ahead, in the thread.
            prepared = {rtype: [pool.submit(_fresh_edge_props, batch) for batch in _chunks(rows, batch_size)]
                        for rtype, rows in merged.items()}
            for rtype, rows in merged.items():
                for batch, props in zip(_chunks(rows, batch_size), prepared.pop(rtype)):
                    stats.relationships_written += session.execute_write(
                        _merge_relationships, rtype, batch, props.result(), plan.doc_ids)
            stats.relationships_written += _write_in_lanes(
                driver, connection, {rtype: edges[rtype] for rtype in fresh}, batch_size, _create_relationships)
            # Last: a document's fingerprint is stored only once everything it contributes is written, so
            # a push cut short leaves its documents unsealed and the next push writes them again.
            for batch in _chunks(opened, batch_size):
                session.execute_write(_seal_documents, batch)
    return stats


def _settled_documents(documents: list[dict], stored: dict[str, dict]) -> set[str]:
    """Documents whose stored fingerprint (sha256 and build) equals the pushed one: a push that stored
    it completed, and the same text read by the same build contributes exactly what it did then."""
    settled = set()
    for doc in documents:
        seal = doc["seal"]
        if seal.get("sha256") and stored.get(doc["id"]) == seal:
            settled.add(doc["id"])
    return settled


def _unsettled_rows(rows_by_key: dict[str, list[dict]], settled: set[str]) -> dict[str, list[dict]]:
    """Rows with a document that is not settled; a row all of whose documents are settled is already
    stored as it is (rows with no document at all are always written: nothing proves them stored)."""
    if not settled:
        return rows_by_key
    kept = {}
    for key, rows in rows_by_key.items():
        left = [r for r in rows if not r["props"]["documents"] or not settled.issuperset(r["props"]["documents"])]
        if left:
            kept[key] = left
    return kept


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a push builds its rows: the rows are hundreds of thousands of
    live dicts and lists, none of them garbage, and scanning them again and again cost ~40% of the
    client's CPU time (about 2 s per 100k relationships). Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def clear_graph(connection: Optional[Neo4jConnection] = None) -> None:
    """Delete kgbuild's own nodes (``:Entity``, ``:Document``) and their relationships; nothing else."""
    connection = connection or Neo4jConnection.from_env()
    with _driver(connection) as driver, _errors(connection, "clear"):
        _clear(driver, connection)


def run_query(connection: Optional[Neo4jConnection], cypher: str,
              params: Optional[dict] = None) -> tuple[list[str], list[list[Any]]]:
    """Run one read-only query; values come back as plain Python (nodes and relationships as dicts)."""
    import neo4j

    connection = connection or Neo4jConnection.from_env()

    def work(tx):
        result = tx.run(cypher, params or {})
        return list(result.keys()), [[_plain(v) for v in record.values()] for record in result]

    with _driver(connection) as driver, _errors(connection, "query"):
        with driver.session(database=connection.database, default_access_mode=neo4j.READ_ACCESS) as session:
            return session.execute_read(work)


def type_label(entity_type: str) -> Optional[str]:
    """The Neo4j label for a spaCy entity type: the table above, else CamelCase if that is a safe label."""
    if entity_type in TYPE_LABELS:
        return TYPE_LABELS[entity_type]
    camel = "".join(part.capitalize() for part in str(entity_type).split("_"))
    return camel if LABEL_RE.match(camel) and camel not in {"Entity", "Document"} else None


def relationship_type(name: str, schema=None) -> str:
    """``spoke_with`` -> ``SPOKE_WITH``; refuses anything that is not a plain identifier or not in ``schema``."""
    if schema is not None:
        if name not in schema.relations:
            raise Neo4jSinkError(f"relation '{name}' is not in schema '{schema.name}'")
    rtype = str(name).upper()
    if not REL_TYPE_RE.match(rtype) or rtype in RESERVED_TYPES:
        raise Neo4jSinkError(f"relation type '{name}' cannot be a Neo4j relationship type "
                             f"(it must match [A-Za-z][A-Za-z0-9_]* and not be MENTIONS)")
    return rtype


# -- planning: graph -> rows (pure Python, no server) ------------------------------------------------
@dataclass
class _Plan:
    documents: list[dict]
    doc_ids: list[str]
    nodes: dict[str, list[dict]]                 # label -> rows
    edges: dict[str, list[dict]]                 # relationship type -> rows
    edge_keys: set[tuple[str, str, str]]         # (source, type, target)
    node_ids: set[str]
    unique_types: set[str] = field(default_factory=set)   # types with one row per (source, target)
    edge_types: dict[str, str] = field(default_factory=dict)   # graph edge type -> relationship type


def _plan(kg, schema) -> _Plan:
    """Everything a push writes, as rows; edges planned on the spot (``_push`` plans them in a thread)."""
    plan = _plan_nodes(kg, schema)
    return _with_edges(plan, _plan_edges(kg, plan.edge_types))


def _plan_nodes(kg, schema) -> _Plan:
    """Documents and entity rows, and every relationship type checked: a bad type fails the push before
    anything is written. Documents come from the graph, its nodes and its edges' evidence, so that all
    of them are known (and unsealed) before the first row is written."""
    docs: dict[str, dict] = {}
    for d in kg.graph.get("documents", []) or []:
        if isinstance(d, dict) and d.get("id") is not None:
            docs[str(d["id"])] = {k: d.get(k) for k in ("id", "path", "sha256") if d.get(k) is not None}
    nodes: dict[str, list[dict]] = {}
    for node_id, data in kg.nodes(data=True):
        row = _node_row(str(node_id), data)
        for doc in row["props"]["documents"]:
            docs.setdefault(doc, {"id": doc})
        nodes.setdefault(type_label(row["props"]["type"]) or "", []).append(row)
    types: dict[str, str] = {}
    for _, _, key, data in kg.edges(keys=True, data=True):
        name = data.get("type") or key
        if name not in types:
            types[name] = relationship_type(name, schema)
        for e in data.get("evidence") or ():     # (only documents not seen yet: no sorting, no sets)
            doc = e.get("document") if isinstance(e, dict) else None
            if doc is not None and doc not in docs and str(doc) not in docs:
                docs[str(doc)] = {"id": str(doc)}
        for doc in data.get("documents") or ():
            if doc is not None and doc not in docs and str(doc) not in docs:
                docs[str(doc)] = {"id": str(doc)}
    build = _build_of(kg.graph)
    documents = [{"id": i, "props": {k: v for k, v in d.items() if k not in ("id", "sha256")},
                  "seal": {"sha256": d.get("sha256"), "build": build}} for i, d in sorted(docs.items())]
    return _Plan(documents=documents, doc_ids=sorted(docs), nodes=nodes, edges={}, edge_keys=set(),
                 node_ids={str(n) for n in kg.nodes}, edge_types=types)


@dataclass
class _EdgePlan:
    edges: dict[str, list[dict]]                 # relationship type -> rows
    edge_keys: set[tuple[str, str, str]]
    unique_types: set[str]


def _plan_edges(kg, types: dict[str, str]) -> _EdgePlan:
    """Edge rows, the bulk of the client's work: ``_push`` runs this while the server writes entities."""
    edges: dict[str, list[dict]] = {}
    keys = set()
    repeated: set[str] = set()
    for u, v, key, data in kg.edges(keys=True, data=True):
        rtype = types[data.get("type") or key]
        source, target = str(u), str(v)
        edges.setdefault(rtype, []).append(_edge_row(source, target, data))
        triple = (source, rtype, target)
        if triple in keys:
            repeated.add(rtype)     # two graph keys named one type ('spoke_with', 'SPOKE_WITH'): merge
        keys.add(triple)
    return _EdgePlan(edges=edges, edge_keys=keys, unique_types=set(edges) - repeated)


def _with_edges(plan: _Plan, edge_plan: _EdgePlan) -> _Plan:
    return replace(plan, edges=edge_plan.edges, edge_keys=edge_plan.edge_keys, unique_types=edge_plan.unique_types)


def _build_of(graph: dict) -> str:
    """What produced the graph: the same text read by another version, model or schema may give other rows."""
    return " ".join(f"{key}={graph.get(key)}" for key in ("kgbuild_version", "model", "schema"))


def _node_row(node_id: str, data: dict) -> dict:
    name = str(data.get("name") or node_id)
    documents = sorted({str(d) for d in data.get("documents") or []})
    mentions = int(data.get("mentions") or 0)
    spans = Counter(str(s.get("document")) for s in data.get("spans") or [] if isinstance(s, dict))
    if spans:
        per_doc = {d: spans.get(d, 0) for d in documents}
    elif len(documents) == 1:
        per_doc = {documents[0]: mentions}
    else:
        per_doc = {d: None for d in documents}   # unknown split: the entity's total is still right
    props = {
        "name": name,
        "type": str(data.get("type") or "ENTITY"),
        "aliases": sorted({str(a) for a in data.get("aliases") or []} - {name}, key=str.casefold),
        "mentions": mentions,
        "documents": documents,
    }
    for key, value in sorted(data.items()):
        if key not in NODE_SKIP and key not in props and _storable(value):
            props[key] = value
    return {"id": node_id, "props": props, "mentions": [{"doc": d, "count": c} for d, c in per_doc.items()]}


def _edge_row(source: str, target: str, data: dict) -> dict:
    evidence = [e for e in data.get("evidence") or () if isinstance(e, dict)]
    props = {}
    for key in EDGE_SCALARS:     # (a loop, not a comprehension: this runs once per edge of the graph)
        value = data.get(key)
        if value is not None and _storable(value):
            props[key] = value
    props["documents"] = _edge_documents(data, evidence)
    return {"s": source, "t": target, "props": props, "evidence": evidence}


EDGE_SCALARS = ("confidence", "count", "modality", "symmetric")


def _edge_documents(data: dict, evidence: Optional[list] = None) -> list[str]:
    if evidence is None:
        evidence = [e for e in data.get("evidence") or () if isinstance(e, dict)]
    listed = data.get("documents")
    if len(evidence) == 1 and not listed:      # the common case, without the set
        doc = evidence[0].get("document")
        return [] if doc is None else [str(doc)]
    docs = {e.get("document") for e in evidence}
    docs.update(listed or ())
    docs.discard(None)
    return sorted(map(str, docs))


def _storable(value) -> bool:
    """Neo4j properties are scalars or homogeneous lists of scalars."""
    if isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, float):
        return not math.isnan(value)
    if isinstance(value, list) and value:
        kinds = {str if isinstance(x, str) else float if isinstance(x, (int, float)) and not isinstance(x, bool)
                 else None for x in value}
        return len(kinds) == 1 and None not in kinds
    return False


def _edge_props(evidence: list[dict], fallback: dict) -> dict:
    """Aggregate evidence the way graph.assemble_graph does: noisy-or over asserted evidence."""
    props = dict(fallback)
    if not evidence:
        props.setdefault("evidence", [])
        props.setdefault("evidence_json", "[]")
        return props
    if len(evidence) == 1:
        _one_evidence_props(evidence[0], props)
        return props
    asserted, every, docs, sentences, possible = [], [], set(), [], False
    for e in evidence:
        modality = e.get("modality", "asserted")
        confidence = float(e.get("confidence", 0.8))
        every.append(confidence)
        if modality == "asserted":
            asserted.append(confidence)
        elif modality == "possible":
            possible = True
        if e.get("document") is not None:
            docs.add(str(e["document"]))
        sentences.append(str(e.get("sentence", "")))
    props.update(
        confidence=combine_confidence(asserted or every),
        count=len(evidence),
        modality="asserted" if asserted else ("possible" if possible else "negated"),
        documents=sorted(docs),
        evidence=sentences,
        evidence_json=_JSON.encode(evidence),
    )
    return props


def _one_evidence_props(e: dict, props: dict) -> None:
    """_edge_props for one piece of evidence (most edges), without the lists and the set."""
    modality = e.get("modality", "asserted")
    doc = e.get("document")
    props["confidence"] = combine_confidence([float(e.get("confidence", 0.8))])
    props["count"] = 1
    props["modality"] = modality if modality in ("asserted", "possible") else "negated"
    props["documents"] = [] if doc is None else [str(doc)]
    props["evidence"] = [str(e.get("sentence", ""))]
    props["evidence_json"] = _JSON.encode([e])


def _merge_evidence(old_json: Optional[str], new: list[dict], pushed_docs: set) -> list[dict]:
    """Old evidence of documents outside this push, plus the new evidence, in document order.

    Evidence of different documents cannot repeat; evidence without a document is kept once."""
    old = []
    if old_json:
        try:
            old = [e for e in json.loads(old_json) if isinstance(e, dict) and e.get("document") not in pushed_docs]
        except (json.JSONDecodeError, TypeError):
            old = []
    merged = old + new
    if any(e.get("document") is None for e in merged):
        seen, unique = set(), []
        for e in merged:
            key = json.dumps(e, sort_keys=True) if e.get("document") is None else id(e)
            if key not in seen:
                seen.add(key)
                unique.append(e)
        merged = unique
    merged.sort(key=lambda e: (str(e.get("document")), e.get("start") or 0))   # stable: ties keep their order
    return merged


# -- transaction functions (read-merge-write inside one managed transaction) -------------------------
def _ensure_constraints(driver, connection: Neo4jConnection) -> None:
    for name, label in (("kgbuild_entity_id", "Entity"), ("kgbuild_document_id", "Document")):
        driver.execute_query(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE",
                             database_=connection.database)


def _clear(driver, connection: Neo4jConnection) -> None:
    with driver.session(database=connection.database) as session:
        session.run("MATCH (n) WHERE n:Entity OR n:Document "
                    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def _existing_documents(tx, ids: list[str]) -> dict[str, dict]:
    """id -> stored fingerprint ({sha256, build}; None values for a document not sealed yet)."""
    result = tx.run("UNWIND $ids AS id MATCH (d:Document {id: id}) USING INDEX d:Document(id) "
                    "RETURN d.id AS id, d.sha256 AS sha256, d.build AS build", ids=_Rows(ids))
    return {r["id"]: {"sha256": r["sha256"], "build": r["build"]} for r in result}


def _open_documents(tx, rows: list[dict]) -> None:
    """Create or update the documents this push writes, and unseal them before any of their rows moves."""
    tx.run("UNWIND $rows AS row MERGE (d:Document {id: row.id}) SET d += row.props REMOVE d.sha256, d.build",
           rows=_Rows(rows)).consume()


def _seal_documents(tx, rows: list[dict]) -> None:
    tx.run("UNWIND $rows AS row MATCH (d:Document {id: row.id}) USING INDEX d:Document(id) SET d += row.seal",
           rows=_Rows(rows)).consume()


def _merge_entities(tx, label: str, rows: list[dict], pushed_docs: list[str]) -> tuple[int, list[dict]]:
    """Entities of one label: created when new, else merged with what is stored. Returns the number
    written and the MENTIONS the created ones still need (written by two writers afterwards)."""
    if label and not LABEL_RE.match(label):
        raise Neo4jSinkError(f"entity label '{label}' is not a plain identifier")
    existing = {r["id"]: r for r in tx.run(
        f"UNWIND $ids AS id MATCH (n:Entity {{id: id}}) {_SEEK_N} "
        "RETURN n.id AS id, properties(n) AS props, labels(n) AS labels, "
        "[(n)<-[m:MENTIONS]-(d:Document) | [d.id, m.count]] AS mentioned", ids=_Rows(r["id"] for r in rows))}
    pushed = set(pushed_docs)
    writes, stale, mentions, created = [], [], [], []
    for row in rows:
        old = existing.get(row["id"])
        if old is None:
            created.append(row)
            continue
        props = dict(row["props"])
        mine = sorted((m["doc"], m["count"]) for m in row["mentions"])
        stored = old["props"]
        others = [(d, c) for d, c in old["mentioned"] if d not in pushed]
        names = set(stored.get("aliases") or []) | set(props["aliases"]) | {props["name"]}
        if stored.get("name"):
            names.add(stored["name"])
            props["name"] = _fullest(stored["name"], props["name"])
        props["aliases"] = sorted(names - {props["name"]}, key=str.casefold)
        props["documents"] = sorted(set(props["documents"]) | {d for d, _ in others})
        props["mentions"] = props["mentions"] + sum(c or 0 for _, c in others)
        before = sorted((d, c) for d, c in old["mentioned"] if d in pushed)
        stale_labels = set(old["labels"]) & set(TYPE_LABELS.values()) - {label}
        if (before == mine and not stale_labels and (not label or label in old["labels"])
                and all(stored.get(k) == v for k, v in props.items())):
            continue
        new_docs = {d for d, _ in mine}
        stale += [{"id": row["id"], "doc": d} for d, _ in before if d not in new_docs]
        writes.append({"id": row["id"], "props": props})
        mentions += [{"id": row["id"], "doc": m["doc"], "count": m["count"]} for m in row["mentions"]]
    if created:
        # New entities with CREATE: nothing to match, no type labels to remove, half the server time of
        # MERGE. Were another writer to create one of these ids meanwhile, the unique constraint fails
        # this transaction (an error, never a duplicate); a re-run merges it. Their MENTIONS are created
        # afterwards by two writers (_push); an entity cut off from them is rewritten by the next push.
        labels = f":`{label}`" if label else ""
        tx.run(f"UNWIND $rows AS row CREATE (n:Entity{labels} {{id: row.id}}) SET n += row.props",
               rows=_Rows({"id": row["id"], "props": row["props"]} for row in created)).consume()
    new_mentions = [{"s": m["doc"], "t": row["id"], "count": m["count"]} for row in created for m in row["mentions"]]
    if not writes:
        return len(created), new_mentions
    others = sorted(set(TYPE_LABELS.values()) - {label})
    set_label = f"SET n:`{label}` " if label else ""
    # Three plain queries rather than one with subqueries: no Eager operators, each plan a few seeks per row.
    tx.run("UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n += row.props "
           f"{set_label}REMOVE n:{':'.join(f'`{x}`' for x in others)}", rows=_Rows(writes)).consume()
    if stale:
        tx.run(f"UNWIND $rows AS row MATCH (n:Entity {{id: row.id}}) {_SEEK_N} "
               "MATCH (d:Document {id: row.doc}) USING INDEX d:Document(id) "
               "MATCH (d)-[x:MENTIONS]->(n) DELETE x", rows=_Rows(stale)).consume()
    if mentions:
        tx.run(f"UNWIND $rows AS row MATCH (n:Entity {{id: row.id}}) {_SEEK_N} "
               "MATCH (d:Document {id: row.doc}) USING INDEX d:Document(id) "
               "MERGE (d)-[x:MENTIONS]->(n) SET x.count = row.count", rows=_Rows(mentions)).consume()
    return len(writes) + len(created), new_mentions


def _count_type(tx, rtype: str) -> int:
    if not REL_TYPE_RE.match(rtype):
        raise Neo4jSinkError(f"relationship type '{rtype}' is not a plain identifier")
    return tx.run(f"MATCH ()-[r:`{rtype}`]->() RETURN count(r) AS n").single()["n"]


def _fresh_edge_props(rows: list[dict]) -> list[dict]:
    """Properties of each edge as if nothing were stored yet (the common case)."""
    return [_edge_props(_merge_evidence(None, row["evidence"], set()) if row["evidence"] else [], row["props"])
            for row in rows]


def _merge_relationships(tx, rtype: str, rows: list[dict], fresh: list[dict], pushed_docs: list[str]) -> int:
    if not REL_TYPE_RE.match(rtype):
        raise Neo4jSinkError(f"relationship type '{rtype}' is not a plain identifier")
    existing = {(r["s"], r["t"]): r["props"] for r in tx.run(
        f"UNWIND $rows AS row {_SEEK_ST} MATCH (s)-[r:`{rtype}`]->(t) "
        "RETURN row.s AS s, row.t AS t, properties(r) AS props",
        rows=_Rows({"s": r["s"], "t": r["t"]} for r in rows))}
    pushed = set(pushed_docs)
    writes = []
    for row, props in zip(rows, fresh):
        stored = existing.get((row["s"], row["t"]))
        if stored is not None:
            if row["evidence"]:
                props = _edge_props(_merge_evidence(stored.get("evidence_json"), row["evidence"], pushed), row["props"])
            if all(stored.get(k) == v for k, v in props.items()):
                continue
        writes.append({"s": row["s"], "t": row["t"], "props": props})
    if writes:
        tx.run(f"UNWIND $rows AS row {_SEEK_ST} MERGE (s)-[r:`{rtype}`]->(t) SET r += row.props",
               rows=_Rows(writes)).consume()
    return len(writes)


def _write_entities(driver, connection: Neo4jConnection, nodes: dict[str, list[dict]], batch_size: int,
                    pushed_docs: list[str]) -> tuple[int, list[dict]]:
    """Entity batches shared by two writers (new entities lock nothing another batch needs; merging
    existing ones may lock shared documents, and a deadlock's victim is redone at once). Returns the
    number written and the MENTIONS of the entities created, in batch order."""
    jobs = [(label, batch) for label, rows in sorted(nodes.items()) for batch in _chunks(rows, batch_size)]
    lanes = [jobs[i::WRITERS] for i in range(WRITERS)]
    sessions = [driver.session(database=connection.database) for _ in range(WRITERS)]

    def work(session, lane):
        return [_deadlock_retried(session, _merge_entities, label, batch, pushed_docs) for label, batch in lane]

    try:
        with ThreadPoolExecutor(WRITERS) as pool:
            futures = [pool.submit(work, session, lane) for session, lane in zip(sessions, lanes)]
            for future in futures:      # the first failure is raised once both writers stopped
                future.exception()
            done = [future.result() for future in futures]
    finally:
        for session in sessions:
            session.close()
    results = [done[i % WRITERS][i // WRITERS] for i in range(len(jobs))]
    return sum(n for n, _ in results), [m for _, mentions in results for m in mentions]


def _write_in_lanes(driver, connection: Neo4jConnection, rows: dict[str, list[dict]], batch_size: int, write) -> int:
    """New relationships ({type: rows with "s" and "t"}) created by two writers at once with ``write(tx,
    type, batch)``: one transaction's server work (mostly its commit) takes a core, so two keep both
    cores of a small machine busy while the client prepares the next batch. Two transactions that touch
    one node may deadlock (each locks the end nodes of what it creates), so each round gives the two
    writers relationships among disjoint sets of nodes (_disjoint_rounds); a round ends before the next."""
    written = 0
    sessions = [driver.session(database=connection.database) for _ in range(WRITERS)]
    try:
        with ThreadPoolExecutor(WRITERS) as pool:
            for lanes in _disjoint_rounds(rows):
                jobs = [pool.submit(_write_lane, session, lane, batch_size, write)
                        for session, lane in zip(sessions, lanes)]
                for job in jobs:    # the first failure is raised once every writer of the round stopped
                    job.exception()
                written += sum(job.result() for job in jobs)
    finally:
        for session in sessions:
            session.close()
    return written


#: Concurrent writers of new relationships: the two lanes of _disjoint_rounds (measured on 2 cores).
WRITERS = 2
#: Node groups of _disjoint_rounds: with 4, three rounds pair every two groups, each with equal halves.
_ROUNDS = (((0, 1), (2, 3)), ((0, 2), (1, 3)), ((0, 3), (1, 2)))


def _disjoint_rounds(edges: dict[str, list[dict]]) -> list[tuple[dict, dict]]:
    """Three rounds of two lanes ({type: rows}) whose edges touch disjoint nodes.

    Nodes fall into four groups by a stable hash; an edge belongs to the pair of groups of its ends.
    Round one gives lane A the edges within groups {0, 1} and lane B those within {2, 3}; rounds two and
    three the edges across {0, 2} | {1, 3} and {0, 3} | {1, 2}. Every edge lands in exactly one lane, and
    with a uniform hash each lane of a round holds about as many edges as the other."""
    rounds = [({}, {}) for _ in _ROUNDS]
    where = {}
    for r, lanes in enumerate(_ROUNDS):
        for lane, (a, b) in enumerate(lanes):
            where[(a, b)] = where[(b, a)] = (r, lane)
    where.update({(0, 0): (0, 0), (1, 1): (0, 0), (2, 2): (0, 1), (3, 3): (0, 1)})
    group: dict[str, int] = {}
    for rtype, rows in sorted(edges.items()):
        for row in rows:
            gs = group.get(row["s"])
            if gs is None:
                gs = group[row["s"]] = zlib.crc32(row["s"].encode()) & 3
            gt = group.get(row["t"])
            if gt is None:
                gt = group[row["t"]] = zlib.crc32(row["t"].encode()) & 3
            r, lane = where[(gs, gt)]
            rounds[r][lane].setdefault(rtype, []).append(row)
    return [lanes for lanes in rounds if lanes[0] or lanes[1]]


def _write_lane(session, lane: dict[str, list[dict]], batch_size: int, write) -> int:
    written = 0
    for rtype, rows in sorted(lane.items()):
        for batch in _chunks(rows, batch_size):
            written += _deadlock_retried(session, write, rtype, batch)
    return written


def _deadlock_retried(session, write, *args, attempts: int = 3):
    """``write`` in one transaction, redone at once when the server picked it as a deadlock's victim.

    The lanes never share a node within a round, but a relationship written in an earlier round joins
    nodes of both lanes, and both may need its lock (it heads each node's relationship chain). The
    server detects that and aborts one transaction; the driver's managed retry would wait about a
    second first, which is a tenth of a 100k-relationship push. Other failures (an unreachable server)
    go to the managed retry with its back-off, as every other write does."""
    from neo4j import exceptions as nx

    for _ in range(attempts):
        try:
            with session.begin_transaction() as tx:
                result = write(tx, *args)
                tx.commit()
            return result
        except nx.TransientError as exc:
            if exc.code != "Neo.TransientError.Transaction.DeadlockDetected":
                break
        except (nx.ServiceUnavailable, nx.SessionExpired):
            break
    return session.execute_write(write, *args)


def _create_relationships(tx, rtype: str, rows: list[dict]) -> int:
    """CREATE, not MERGE: the type had no edge when the push began and the plan holds one row per
    (source, target); MERGE would also lock both ends while the query runs, which deadlocks writers."""
    if not REL_TYPE_RE.match(rtype):
        raise Neo4jSinkError(f"relationship type '{rtype}' is not a plain identifier")
    props = _fresh_edge_props(rows)
    tx.run(f"UNWIND $rows AS row {_SEEK_ST} CREATE (s)-[r:`{rtype}`]->(t) SET r = row.props",
           rows=_Rows({"s": row["s"], "t": row["t"], "props": p} for row, p in zip(rows, props))).consume()
    return len(rows)


def _create_mentions(tx, _type: str, rows: list[dict]) -> int:
    """MENTIONS of entities this push created (so none exists yet): "s" is the document, "t" the entity."""
    tx.run("UNWIND $rows AS row MATCH (d:Document {id: row.s}) USING INDEX d:Document(id) "
           f"MATCH (n:Entity {{id: row.t}}) {_SEEK_N} CREATE (d)-[:MENTIONS {{count: row.count}}]->(n)",
           rows=_Rows(rows)).consume()
    return len(rows)


def _remove_stale(session, plan: _Plan, prior_docs: list[str], stats: PushStats, batch_size: int) -> None:
    """Documents pushed before: drop their evidence from edges and entities this graph no longer has."""
    pushed = set(plan.doc_ids)
    for docs in _chunks(prior_docs, max(1, batch_size // 10)):
        by_type: dict[str, list[dict]] = {}
        for s, rtype, t in session.execute_read(_edges_of_documents, docs):
            if (s, rtype, t) not in plan.edge_keys and REL_TYPE_RE.match(rtype):
                by_type.setdefault(rtype, []).append({"s": s, "t": t})
        for rtype, rows in sorted(by_type.items()):
            for batch in _chunks(rows, batch_size):
                stats.relationships_removed += session.execute_write(_update_or_delete_edges, rtype, batch, pushed)
        stats.entities_removed += session.execute_write(_drop_stale_mentions, docs, sorted(plan.node_ids))


def _edges_of_documents(tx, docs: list[str]) -> list[tuple]:
    """(source, type, target) of every edge with evidence from ``docs`` (reached through MENTIONS)."""
    result = tx.run(
        "UNWIND $docs AS doc MATCH (d:Document {id: doc}) USING INDEX d:Document(id) "
        "MATCH (d)-[:MENTIONS]->(:Entity)-[r]-(:Entity) WHERE doc IN r.documents WITH DISTINCT r "
        "RETURN startNode(r).id AS s, type(r) AS type, endNode(r).id AS t", docs=_Rows(docs))
    return [(r["s"], r["type"], r["t"]) for r in result]


def _update_or_delete_edges(tx, rtype: str, rows: list[dict], pushed: set) -> int:
    """Edges the new graph lacks: keep other documents' evidence, delete the edge when none is left."""
    match = f"UNWIND $rows AS row {_SEEK_ST} MATCH (s)-[r:`{rtype}`]->(t)"
    keep, gone = [], []
    for r in tx.run(f"{match} RETURN row.s AS s, row.t AS t, properties(r) AS props", rows=_Rows(rows)):
        evidence = _merge_evidence(r["props"].get("evidence_json"), [], pushed)
        if evidence:
            keep.append({"s": r["s"], "t": r["t"], "props": _edge_props(evidence, {})})
        else:
            gone.append({"s": r["s"], "t": r["t"]})
    if keep:
        tx.run(f"{match} SET r += row.props", rows=_Rows(keep)).consume()
    if gone:
        tx.run(f"{match} DELETE r", rows=_Rows(gone)).consume()
    return len(gone)


def _drop_stale_mentions(tx, docs: list[str], keep_ids: list[str]) -> int:
    """MENTIONS from re-pushed documents to entities the new graph lacks go; orphans are deleted."""
    result = tx.run(
        "UNWIND $docs AS doc MATCH (d:Document {id: doc}) USING INDEX d:Document(id) "
        "MATCH (d)-[m:MENTIONS]->(e:Entity) WHERE NOT e.id IN $keep DELETE m WITH DISTINCT e "
        "OPTIONAL MATCH (o:Document)-[m:MENTIONS]->(e) "
        "WITH e, o, m ORDER BY o.id "
        "WITH e, collect(o.id) AS docs, sum(coalesce(m.count, 0)) AS mentions "
        "SET e.documents = docs, e.mentions = mentions "
        "WITH e, docs WHERE size(docs) = 0 AND NOT EXISTS { (e)--() } "
        "DELETE e RETURN count(*) AS removed", docs=_Rows(docs), keep=_Rows(keep_ids))
    record = result.single()
    return record["removed"] if record else 0


# -- connection and error handling ------------------------------------------------------------------
@contextmanager
def _driver(connection: Neo4jConnection) -> Iterator[Any]:
    """An open, verified driver; an unreachable server is tried a few times with backoff."""
    import logging

    import neo4j
    from neo4j import exceptions as nx

    # The driver logs each retry; without a handler Python would print them on stderr ("last resort").
    driver_log = logging.getLogger("neo4j")
    if not driver_log.handlers:
        driver_log.addHandler(logging.NullHandler())
    scheme = connection.uri.split("://", 1)[0].lower() if "://" in connection.uri else ""
    if scheme not in URI_SCHEMES:
        raise Neo4jSinkError(f"{connection.uri}: not a Neo4j URI (use bolt://host:7687 or neo4j://host:7687)")
    try:
        driver = neo4j.GraphDatabase.driver(connection.uri, auth=(connection.user, connection.password),
                                            max_transaction_retry_time=connection.retry_seconds,
                                            connection_timeout=10.0, notifications_min_severity="OFF")
    except (ValueError, nx.ConfigurationError) as exc:
        raise Neo4jSinkError(f"{connection.uri}: not a usable Neo4j URI ({_one_line(exc)})") from None
    try:
        with _errors(connection, "connect"):
            attempts = max(1, connection.connect_attempts)
            for attempt in range(attempts):
                try:   # a plain session.run does not retry by itself, so this loop decides how long
                    with driver.session(database=connection.database) as session:
                        session.run("RETURN 1").consume()
                    break
                except (nx.ServiceUnavailable, nx.SessionExpired):
                    if attempt + 1 >= attempts:
                        raise
                    time.sleep(min(8.0, 1.0 * 2 ** attempt))
        yield driver
    finally:
        driver.close()


@contextmanager
def _errors(connection: Neo4jConnection, action: str) -> Iterator[None]:
    """Driver exceptions -> one line naming the server; ours pass through."""
    from neo4j import exceptions as nx

    where = f"Neo4j at {connection.uri}"
    try:
        yield
    except KgbuildError:
        raise
    except nx.AuthError as exc:
        raise Neo4jSinkError(f"{where}: authentication failed for user '{connection.user}' "
                             f"(check --neo4j-user/--neo4j-password or NEO4J_USERNAME/NEO4J_PASSWORD): "
                             f"{_one_line(exc)}") from None
    except (nx.ServiceUnavailable, nx.SessionExpired, nx.TransientError) as exc:
        hint = ("start it with 'make neo4j-start'" if action == "connect"
                else "the server became unavailable; re-run: writes are idempotent")
        raise Neo4jSinkError(f"{where}: cannot {action} ({hint}): {_one_line(exc)}") from None
    except nx.Neo4jError as exc:
        raise Neo4jSinkError(f"{where}: {action} failed: {_one_line(exc)}") from None
    except (nx.DriverError, OSError) as exc:
        raise Neo4jSinkError(f"{where}: {action} failed: {type(exc).__name__}: {_one_line(exc)}") from None


def _one_line(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    code = getattr(exc, "code", None)
    text = " ".join(str(message).split())
    return f"{text} [{code}]" if code else text


# -- helpers -----------------------------------------------------------------------------------------
def _fullest(a: str, b: str) -> str:
    """The name kept when two builds name an entity differently: more words, then longer, then a-z.
    Order-independent, so pushing builds in any order gives the same node."""
    return max(a, b, key=lambda n: (len(n.split()), len(n), [-ord(c) for c in n]))


def _chunks(items: list, size: int) -> Iterable[list]:
    size = max(1, int(size))
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _plain(value):
    """Driver values -> JSON-friendly Python (nodes and relationships become dicts)."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, "start": value.start_node.get("id") if value.start_node else None,
                "end": value.end_node.get("id") if value.end_node else None,
                "properties": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
