"""GraphML export, streamed: one element at a time, so a large graph is never copied in memory.

GraphML attributes are scalars, so lists and dicts (aliases, evidence) are written as JSON strings;
``networkx.read_graphml`` (and Gephi, yEd, Cytoscape) read the file back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterable
from xml.sax.saxutils import quoteattr

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
# One encoder for every list or dict value (json.dumps with options builds a new one per call).
JSON_VALUE = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def write_graphml(kg, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fp:
        _write(kg, fp)
    tmp.replace(path)
    return path


def _write(kg, fp: IO[str]) -> None:
    nodes = sorted(kg.nodes)
    edges = sorted(kg.edges(keys=True), key=lambda e: (e[0], e[2], e[1]))
    graph_keys = _key_types([kg.graph])
    node_keys = _key_types(kg.nodes[n] for n in nodes)
    edge_keys = _key_types(kg.edges[e] for e in edges)

    fp.write('<?xml version="1.0" encoding="utf-8"?>\n')
    fp.write(f'<graphml xmlns="{GRAPHML_NS}">\n')
    ids = {}      # (scope, attribute) -> the opening <data> tag, quoted once
    for scope, keys in (("graph", graph_keys), ("node", node_keys), ("edge", edge_keys)):
        for name, kind in keys.items():
            key_id = f"{scope[0]}_{name}"
            ids[(scope, name)] = f"<data key={quoteattr(key_id)}>"
            fp.write(f'  <key id={quoteattr(key_id)} for="{scope}" attr.name={quoteattr(name)} attr.type="{kind}"/>\n')
    fp.write('  <graph edgedefault="directed">\n')
    _data(fp, "    ", kg.graph, ids, "graph")
    for n in nodes:
        fp.write(f"    <node id={quoteattr(n)}>\n")
        _data(fp, "      ", kg.nodes[n], ids, "node")
        fp.write("    </node>\n")
    for u, v, k in edges:
        fp.write(f"    <edge source={quoteattr(u)} target={quoteattr(v)} id={quoteattr(k)}>\n")
        _data(fp, "      ", kg.edges[u, v, k], ids, "edge")
        fp.write("    </edge>\n")
    fp.write("  </graph>\n</graphml>\n")


def _key_types(items: Iterable[dict]) -> dict[str, str]:
    """Each attribute's GraphML type; a name seen with two scalar types becomes a string."""
    types: dict[str, str] = {}
    for attrs in items:
        for name, value in attrs.items():
            kind = _kind(value)
            if name in types and types[name] != kind:
                kind = "double" if {types[name], kind} == {"long", "double"} else "string"
            types[name] = kind
    return dict(sorted(types.items()))


def _kind(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _data(fp: IO[str], indent: str, attrs: dict, ids: dict, scope: str) -> None:
    for name in sorted(attrs):
        value = attrs[name]
        if value is None:
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, (int, float, str)):
            text = str(value)
        else:
            text = JSON_VALUE.encode(value)
        # escape(text), inlined: the same three replacements, in the same order
        text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
        fp.write(f"{indent}{ids[(scope, name)]}{text}</data>\n")
