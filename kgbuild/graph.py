"""The knowledge graph: a networkx MultiDiGraph with kgbuild's node and edge attributes.

It *is* a ``networkx.MultiDiGraph`` (a documented way to extend networkx), so every networkx
algorithm works on it directly; the class only adds assembly from extractions and the
graph.json / GraphML formats. Edge key = relation type, so there is one edge per
(source, type, target); symmetric relations are stored once, source < target.
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Iterable, Optional

import networkx as nx

from .errors import KgbuildError, read_json_file
from .model import DocumentExtraction, Evidence, Resolution

FORMAT_VERSION = 1


class KnowledgeGraph(nx.MultiDiGraph):
    """Entities as nodes (attributes: name, type, aliases, mentions, documents, ...),
    relations as edges keyed by their type (attributes: type, confidence, count,
    modality, documents, evidence)."""

    # -- reading -------------------------------------------------------------------
    def entities(self) -> list[dict]:
        return [dict(data, id=n) for n, data in self.nodes(data=True)]

    def relations(self) -> list[dict]:
        return [dict(data, source=u, target=v) for u, v, data in self.edges(data=True)]

    def find(self, name: str) -> Optional[str]:
        """Node id whose id, name or alias equals ``name`` (case-insensitive)."""
        wanted = name.strip().casefold()
        for n, data in self.nodes(data=True):
            names = [n, data.get("name", "")] + list(data.get("aliases", []))
            if any(str(x).casefold() == wanted for x in names):
                return n
        return None

    def edges_between(self, a: str, b: str) -> list[dict]:
        out = []
        for u, v in ((a, b), (b, a)):
            if self.has_node(u) and self.has_node(v):
                for key, data in (self.get_edge_data(u, v) or {}).items():
                    out.append(dict(data, source=u, target=v))
        return out

    @property
    def documents(self) -> list[dict]:
        return list(self.graph.get("documents", []))

    # -- formats -------------------------------------------------------------------
    def to_json_data(self) -> dict:
        return nx.node_link_data(self, edges="edges")

    def to_json(self) -> str:
        """Deterministic text: nodes and edges sorted, keys sorted, so equal graphs give equal bytes."""
        buf = io.StringIO()
        self._write_json(buf)
        return buf.getvalue()

    def write_json(self, path: str | Path) -> Path:
        """Streamed one node and one edge at a time: a large graph is never copied in memory."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        with tmp.open("w", encoding="utf-8") as fp:
            self._write_json(fp)
        tmp.replace(path)
        return path

    def _write_json(self, fp) -> None:
        """node-link JSON (``nx.node_link_graph(data, edges="edges")`` reads it), one node or edge a line."""
        dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode   # one encoder for every line

        fp.write('{"directed": true, "multigraph": true,\n "graph": ' + dump(self.graph) + ',\n "nodes": [')
        for i, n in enumerate(sorted(self.nodes)):
            fp.write(("," if i else "") + "\n  " + dump({**self.nodes[n], "id": n}))
        fp.write('\n ],\n "edges": [')
        edges = sorted(self.edges(keys=True), key=lambda e: (e[0], e[2], e[1]))
        for i, (u, v, k) in enumerate(edges):
            fp.write(("," if i else "") + "\n  " + dump({**self.edges[u, v, k], "source": u, "target": v, "key": k}))
        fp.write("\n ]\n}\n")

    def write_graphml(self, path: str | Path) -> Path:
        from .sinks.graphml import write_graphml

        return write_graphml(self, path)

    @classmethod
    def from_json_data(cls, data: dict) -> "KnowledgeGraph":
        g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        kg = cls()
        kg.graph.update(g.graph)
        kg.add_nodes_from(g.nodes(data=True))
        kg.add_edges_from(g.edges(keys=True, data=True))
        return kg

    # -- display ---------------------------------------------------------------------
    def summary(self) -> str:
        return (f"{len(self.graph.get('documents', []))} documents, "
                f"{self.number_of_nodes()} entities, {self.number_of_edges()} relations")

    def __repr__(self) -> str:  # pragma: no cover - cosmetic
        return f"<KnowledgeGraph {self.summary()}>"

    def _repr_html_(self) -> str:
        """Jupyter (Lab, classic Notebook, VS Code) shows the graph itself, interactive and offline."""
        from .sinks.html import notebook_html

        return notebook_html(self)

    def show(self, **options) -> None:
        """Display the graph inline with options for ``sinks.html.notebook_html`` (height, title, ...)."""
        try:
            from IPython import get_ipython
            from IPython.display import display
        except ImportError:
            get_ipython = None
        if get_ipython is None or get_ipython() is None:
            raise KgbuildError("KnowledgeGraph.show() displays in Jupyter; outside a notebook "
                               "use kgbuild.sinks.html.write_html(kg, 'graph.html')")
        from .sinks.html import notebook_html

        # A raw MIME bundle: IPython's HTML() warns about any markup starting with <iframe.
        display({"text/html": notebook_html(self, **options)}, raw=True)


def load_graph(path: str | Path) -> KnowledgeGraph:
    """Read a graph.json written by kgbuild (or any node-link JSON with the same fields)."""
    data = read_json_file(path, GraphFileError, "graph.json")
    if not isinstance(data, dict) or "nodes" not in data or "edges" not in data:
        raise GraphFileError(f"{path}: not a graph.json file (no 'nodes' and 'edges')")
    return KnowledgeGraph.from_json_data(data)


class GraphFileError(KgbuildError):
    """A graph file that cannot be read; the message names the file."""


# -- assembly ----------------------------------------------------------------------------
def assemble_graph(
    extractions: Iterable[DocumentExtraction],
    resolution: Resolution,
    *,
    symmetric: Iterable[str] = (),
    meta: Optional[dict] = None,
) -> KnowledgeGraph:
    """Entities become nodes; relation mentions whose two ends resolve to different entities
    become evidence on one edge per (source, type, target)."""
    symmetric = set(symmetric)
    kg = KnowledgeGraph()
    extractions = list(extractions)
    kg.graph.update(meta or {})
    kg.graph["documents"] = sorted((x.document.to_dict() for x in extractions), key=lambda d: d["id"])

    for e in sorted(resolution.entities, key=lambda e: e.id):
        attrs = {
            "name": e.name,
            "type": e.type,
            "aliases": sorted(set(e.aliases) - {e.name}, key=str.casefold),
            "mentions": e.mentions,
            "documents": sorted(set(e.documents)),
            "spans": sorted(e.spans, key=lambda s: (s["document"], s["start"])),
            "merges": [m.to_dict() for m in e.merges],
        }
        attrs.update({k: v for k, v in sorted(e.attributes.items()) if v not in (None, [], {}, "")})
        kg.add_node(e.id, **attrs)

    grouped: dict[tuple[str, str, str], list[Evidence]] = {}
    for x in extractions:
        doc_id = x.document.id
        for r in x.relations:
            s = resolution.entity_of(doc_id, r.subject)
            o = resolution.entity_of(doc_id, r.object)
            if s is None or o is None or s == o:
                continue
            ev = r.evidence
            if r.type in symmetric and o < s:
                s, o = o, s
                ev = _swap(ev)
            grouped.setdefault((s, r.type, o), []).append(ev)

    for (s, rtype, o), evs in sorted(grouped.items()):
        evs = _dedupe(sorted(evs, key=_evidence_order))
        asserted = [e for e in evs if e.modality == "asserted"]
        modality = "asserted" if asserted else ("possible" if any(e.modality == "possible" for e in evs) else "negated")
        kg.add_edge(
            s, o, key=rtype,
            type=rtype,
            symmetric=rtype in symmetric,
            confidence=combine_confidence([e.confidence for e in (asserted or evs)]),
            count=len(evs),
            modality=modality,
            documents=sorted({e.document for e in evs}),
            evidence=[e.to_dict() for e in evs],
        )
    return kg


def combine_confidence(values: list[float]) -> float:
    """Independent pieces of evidence: noisy-or, rounded so output stays byte-stable."""
    p = 1.0 - math.prod(1.0 - max(0.0, min(1.0, v)) for v in values)
    return round(p, 3)


def _evidence_order(e: Evidence):
    return (e.document, e.start, e.subject.start, e.object.start, e.trigger.start if e.trigger else -1, e.pattern)


def _dedupe(evs: list[Evidence]) -> list[Evidence]:
    """Two patterns reading the same words give one piece of evidence, the surer one."""
    best: dict[tuple, Evidence] = {}
    for e in evs:
        k = (e.document, e.start, e.subject.start, e.object.start)
        if k not in best or e.confidence > best[k].confidence:
            best[k] = e
    return [e for e in evs if best[(e.document, e.start, e.subject.start, e.object.start)] is e]


def _swap(e: Evidence) -> Evidence:
    from dataclasses import replace

    return replace(e, subject=e.object, object=e.subject)
