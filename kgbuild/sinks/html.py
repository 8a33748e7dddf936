"""graph.html: one self-contained page to explore a KnowledgeGraph, offline.

pyvis builds the vis-network node and edge records; the page itself is kgbuild's own template
(``html_template.html``, ``html_app.js``, ``html_app.css``) because pyvis's templates link
Bootstrap from a CDN and put untrusted text into HTML tooltips. Everything is inlined: the
vis-network copy shipped inside the pyvis package, our script and style, and the graph as JSON
in a ``<script type="application/json">`` block that the page reads with ``JSON.parse`` and
shows with ``textContent`` only, so document text never becomes markup.

Layout is computed here (igraph's grid Fruchterman-Reingold per connected component, the
components packed in rows) and physics is off in the page: a browser needs minutes to let
10,000 nodes settle, igraph needs about a second.
"""

from __future__ import annotations

import html
import json
import math
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..errors import UsageError

DEFAULT_MAX_NODES = 1500       # bench/bench_html.py: beyond it a redraw takes > 100 ms (< 10 frames/s)
MAX_EVIDENCE_PER_EDGE = 50     # sentences embedded per edge; the panel says how many were left out
EDGE_LENGTH = 170.0            # median edge length on screen at zoom 1, in pixels
NODE_AREA = 110.0 ** 2         # room per node in a dense component, in square pixels
LABEL_CHARS = 40

# One colour (colour-blind safe, Tableau 10) and one shape per entity type.
_PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
            "#9c755f", "#bab0ac"]
_SHAPES = ["dot", "square", "triangle", "diamond", "triangleDown", "star", "hexagon"]
_KNOWN_STYLES = {
    "PERSON": ("#4e79a7", "dot"),
    "ORG": ("#f28e2b", "square"),
    "GPE": ("#59a14f", "triangle"),
    "LOC": ("#76b7b2", "triangleDown"),
    "NORP": ("#edc948", "diamond"),
    "FAC": ("#b07aa1", "hexagon"),
    "EVENT": ("#e15759", "star"),
    "PRODUCT": ("#ff9da7", "square"),
    "WORK_OF_ART": ("#9c755f", "diamond"),
    "LAW": ("#bab0ac", "triangle"),
}


@dataclass(frozen=True)
class HtmlOptions:
    """What the page shows. ``types``/``relations``/``min_confidence`` filter before the size limit."""

    title: Optional[str] = None
    max_nodes: Optional[int] = None
    include_all: bool = False
    types: Optional[Sequence[str]] = None
    relations: Optional[Sequence[str]] = None
    min_confidence: float = 0.0

    def limit(self) -> Optional[int]:
        if self.include_all:
            return None
        return DEFAULT_MAX_NODES if self.max_nodes is None else self.max_nodes


@dataclass
class Selection:
    """The part of the graph the page shows, and how much the filters and the limit left out."""

    nodes: list[str]
    edges: list[tuple[str, str, str]]
    total_nodes: int
    total_edges: int
    filtered_nodes: int          # after the type / relation / confidence filters
    filtered_edges: int
    omitted: list[str] = field(default_factory=list)   # nodes left out by the size limit
    hidden_degree: dict[str, int] = field(default_factory=dict)  # edges to omitted nodes


# -- public API -------------------------------------------------------------------------------
def render_html(kg, *, title: Optional[str] = None, max_nodes: Optional[int] = None, include_all: bool = False,
                types: Optional[Sequence[str]] = None, relations: Optional[Sequence[str]] = None,
                min_confidence: float = 0.0) -> str:
    """The whole page as a string: no file, no network, the same bytes for the same graph."""
    opts = _check_options(HtmlOptions(title, max_nodes, include_all,
                                      _as_list(types), _as_list(relations), min_confidence))
    selection = select(kg, opts)
    positions = compute_layout(selection.nodes, [(u, v) for u, v, _ in selection.edges])
    data = page_data(kg, selection, positions, opts)
    return _fill_template(data, _page_title(kg, opts))


def write_html(kg, path: str | Path, **options) -> Path:
    """Write the page atomically (beside, then rename) as UTF-8."""
    path = Path(path)
    text = render_html(kg, **options)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def notebook_html(kg, *, height: int = 650, **options) -> str:
    """An ``<iframe srcdoc>`` of the page, for ``_repr_html_``: works in JupyterLab, classic
    Notebook and VS Code without files or a server; ``sandbox`` keeps it away from the notebook."""
    page = render_html(kg, **options)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
            f'title="{html.escape(_page_title(kg, HtmlOptions(title=options.get("title"))), quote=True)}">'
            f'</iframe>')


# -- selection --------------------------------------------------------------------------------
def select(kg, opts: HtmlOptions) -> Selection:
    """Apply the filters, then keep the ``limit`` most connected entities (degree, then mentions)."""
    types = {t.casefold() for t in opts.types} if opts.types else None
    rels = {r.casefold() for r in opts.relations} if opts.relations else None
    _check_present(kg, opts)

    nodes = [n for n, d in kg.nodes(data=True) if types is None or str(d.get("type", "")).casefold() in types]
    keep = set(nodes)
    edges = []
    for u, v, k, d in kg.edges(keys=True, data=True):
        if u not in keep or v not in keep:
            continue
        if rels is not None and str(d.get("type", k)).casefold() not in rels:
            continue
        if _num(d.get("confidence"), 1.0) < opts.min_confidence:
            continue
        edges.append((u, v, k))
    if rels is not None or opts.min_confidence > 0:
        # asking for some relations means asking for the entities they connect
        linked = {u for u, _, _ in edges} | {v for _, v, _ in edges}
        nodes = [n for n in nodes if n in linked]

    filtered_nodes, filtered_edges = len(nodes), len(edges)
    limit = opts.limit()
    omitted: list[str] = []
    hidden: dict[str, int] = {}
    if limit is not None and len(nodes) > limit:
        neighbours: dict[str, set] = {n: set() for n in nodes}
        for u, v, _ in edges:
            neighbours[u].add(v)
            neighbours[v].add(u)
        ranked = sorted(nodes, key=lambda n: (-len(neighbours[n]), -_num(kg.nodes[n].get("mentions"), 0), str(n)))
        kept = set(ranked[:limit])
        omitted = ranked[limit:]
        for u, v, _ in edges:
            if (u in kept) != (v in kept):
                inside = u if u in kept else v
                hidden[inside] = hidden.get(inside, 0) + 1
        nodes = [n for n in nodes if n in kept]
        edges = [e for e in edges if e[0] in kept and e[1] in kept]

    return Selection(sorted(nodes, key=str), sorted(edges, key=lambda e: (str(e[0]), str(e[2]), str(e[1]))),
                     kg.number_of_nodes(), kg.number_of_edges(), filtered_nodes, filtered_edges,
                     omitted, hidden)


# -- layout -----------------------------------------------------------------------------------
def compute_layout(nodes: Sequence[str], edges: Iterable[tuple[str, str]], seed: int = 1) -> dict[str, tuple[int, int]]:
    """Positions in screen pixels: each connected component laid out on its own, scaled so the
    median edge is ``EDGE_LENGTH`` long, then the components packed in rows, biggest first,
    lone entities in a grid at the end. Deterministic for the same input."""
    import igraph

    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in edges if u != v})
    g = igraph.Graph(n=len(nodes), edges=pairs)
    components = sorted(g.connected_components(), key=lambda c: (-len(c), min(c)))
    boxes = []   # (member indices, local coordinates)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        for members in components:
            boxes.append((members, _component_layout(g.induced_subgraph(members), len(members))))
    finally:
        igraph.set_random_number_generator(random)
    coords = _pack(boxes, len(nodes))
    return {n: coords[i] for n, i in index.items()}


def _component_layout(sub, size: int) -> list[tuple[float, float]]:
    if size == 1:
        return [(0.0, 0.0)]
    if size == 2:
        return [(0.0, 0.0), (EDGE_LENGTH, 0.0)]
    xy = sub.layout_fruchterman_reingold(grid=size > 300).coords
    lengths = sorted(math.dist(xy[a], xy[b]) for a, b in sub.get_edgelist())
    median = lengths[len(lengths) // 2] or 1.0
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    area = max(max(xs) - min(xs), median) * max(max(ys) - min(ys), median)   # a path is a line, not 0 area
    # edges of a readable length, and in dense tangles at least NODE_AREA of room per node
    k = max(EDGE_LENGTH / median, math.sqrt(size * NODE_AREA / area))
    return [(x * k, y * k) for x, y in xy]


def _pack(boxes, n: int, gap: float = EDGE_LENGTH) -> list[tuple[int, int]]:
    """Shelf packing: rows of components as wide as the square root of their total area."""
    coords: list[tuple[int, int]] = [(0, 0)] * n
    sized = []
    for members, xy in boxes:
        xs, ys = [p[0] for p in xy], [p[1] for p in xy]
        sized.append((members, xy, min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    area = sum((w + gap) * (h + gap) for *_, w, h in sized)
    row_width = max([math.sqrt(area) * 1.2] + [w for *_, w, h in sized])
    x = y = row_height = 0.0
    for members, xy, x0, y0, w, h in sized:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for i, (px, py) in zip(members, xy):
            coords[i] = (round(x + px - x0), round(y + py - y0))
        x += w + gap
        row_height = max(row_height, h)
    return coords


# -- page data ----------------------------------------------------------------------------------
def type_styles(types: Iterable[str]) -> dict[str, tuple[str, str]]:
    """(colour, shape) per type: fixed for spaCy's labels, then distinct pairs in sorted order."""
    styles = {t: _KNOWN_STYLES[t] for t in types if t in _KNOWN_STYLES}
    used = set(styles.values())
    pairs = [(c, s) for s in _SHAPES for c in _PALETTE]
    free = (p for p in pairs if p not in used)
    for t in sorted(set(types) - set(styles)):
        styles[t] = next(free, ("#888888", "dot"))
    return styles


def page_data(kg, sel: Selection, positions: dict, opts: HtmlOptions) -> dict:
    """Everything the page script needs: vis-network records (made by pyvis) plus the details
    shown in the side panel, the legend, the counts and what was left out."""
    from pyvis.network import Network

    node_types = {n: str(kg.nodes[n].get("type") or "UNKNOWN") for n in sel.nodes}
    styles = type_styles(set(node_types.values()))
    degree = {n: 0 for n in sel.nodes}
    for u, v, _ in sel.edges:
        degree[u] += 1
        degree[v] += 1

    net = Network(directed=True)
    net.node_ids = _FastIds()   # pyvis checks ids with a list scan: O(n^2) on big graphs
    details_nodes = {}
    for n in sel.nodes:
        d = kg.nodes[n]
        name = str(d.get("name") or n)
        mentions = int(_num(d.get("mentions"), 0))
        colour, shape = styles[node_types[n]]
        weight = mentions or degree[n]
        net.add_node(
            str(n), label=_short(name), shape=shape, size=round(12 + 5 * math.sqrt(max(weight, 1)), 1) if weight < 64 else 52,
            color={"background": colour, "border": _darker(colour),
                   "highlight": {"background": colour, "border": "#222222"}},
            title=f"{name} ({node_types[n]})", x=positions[n][0], y=positions[n][1], kgType=node_types[n],
        )
        details_nodes[str(n)] = {
            "name": name, "type": node_types[n], "aliases": [str(a) for a in d.get("aliases") or []],
            "mentions": mentions, "documents": [str(x) for x in d.get("documents") or []],
            "degree": degree[n], "hidden": sel.hidden_degree.get(n, 0),
        }

    details_edges = {}
    parallel: dict[tuple[str, str], int] = {}
    for i, (u, v, k) in enumerate(sel.edges):
        d = kg.edges[u, v, k]
        eid = f"e{i}"
        rtype = str(d.get("type") or k)
        conf = _num(d.get("confidence"), 1.0)
        modality = str(d.get("modality") or "asserted")
        symmetric = bool(d.get("symmetric"))
        pair = (min(str(u), str(v)), max(str(u), str(v)))
        rank = parallel.get(pair, 0)
        parallel[pair] = rank + 1
        weak = modality != "asserted" or conf < 0.5
        evidence = list(d.get("evidence") or [])
        net.add_edge(
            str(u), str(v), id=eid, label=rtype.replace("_", " "), arrows="" if symmetric else "to",
            dashes=weak, width=round(1 + math.log2(max(1, int(_num(d.get("count"), 1)))), 2),
            smooth={"enabled": True, "type": "curvedCW" if rank % 2 else "curvedCCW",
                    "roundness": 0.2 * ((rank + 1) // 2)} if rank else False,
            title=f"{details_nodes[str(u)]['name']} {rtype} {details_nodes[str(v)]['name']} (confidence {conf:g})",
            kgType=rtype, kgConf=conf,
        )
        details_edges[eid] = {
            "type": rtype, "source": str(u), "target": str(v), "symmetric": symmetric,
            "confidence": conf, "modality": modality, "count": int(_num(d.get("count"), len(evidence))),
            "documents": [str(x) for x in d.get("documents") or []],
            "evidence": [_evidence(e) for e in evidence[:MAX_EVIDENCE_PER_EDGE] if isinstance(e, dict)],
            "evidence_total": len(evidence),
        }
    net.options = _vis_options(len(sel.nodes), len(sel.edges))
    vis_nodes, vis_edges, _, _, _, vis_options = net.get_network_data()

    type_counts: dict[str, int] = {}
    for t in node_types.values():
        type_counts[t] = type_counts.get(t, 0) + 1
    rel_counts: dict[str, list] = {}
    for e in details_edges.values():
        rel_counts.setdefault(e["type"], [0, e["symmetric"]])[0] += 1

    documents = [{"id": str(x.get("id", "")), "path": str(x.get("path", ""))}
                 for x in kg.graph.get("documents", []) if isinstance(x, dict)]
    if not documents:
        ids = sorted({doc for _, d in kg.nodes(data=True) for doc in d.get("documents") or []})
        documents = [{"id": str(x), "path": ""} for x in ids]
    omitted = [{"name": str(kg.nodes[n].get("name") or n),
                "aliases": [str(a) for a in kg.nodes[n].get("aliases") or []]} for n in sel.omitted]
    return {
        "title": _page_title(kg, opts),
        "counts": {"entities": sel.total_nodes, "relations": sel.total_edges, "documents": len(documents),
                   "filtered_entities": sel.filtered_nodes, "filtered_relations": sel.filtered_edges,
                   "shown_entities": len(sel.nodes), "shown_relations": len(sel.edges)},
        "limit": opts.limit(),
        "filters": {"types": list(opts.types or []), "relations": list(opts.relations or []),
                    "min_confidence": opts.min_confidence},
        "documents": documents,
        "types": [{"type": t, "color": styles[t][0], "shape": styles[t][1], "count": c}
                  for t, c in sorted(type_counts.items())],
        "relations": [{"type": r, "count": c, "symmetric": s} for r, (c, s) in sorted(rel_counts.items())],
        "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": json.loads(vis_options)},
        "nodes": details_nodes,
        "edges": details_edges,
        "omitted": omitted,
    }


def _vis_options(n_nodes: int, n_edges: int) -> dict:
    """Positions come from Python: no physics, straight edges, labels hidden when too small."""
    big = n_nodes > 1000 or n_edges > 2000     # beyond, a redraw takes ~100 ms: pan and zoom without edges
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": not big, "tooltipDelay": 200, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False},
                        "multiselect": False},
        "nodes": {"borderWidth": 1.5, "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#1f2328",
                                                "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": False, "drawThreshold": 7}}},
        "edges": {"color": {"color": "#8c959f", "highlight": "#1f2328", "hover": "#57606a"},
                  "font": {"size": 11, "face": "system-ui, sans-serif", "color": "#57606a", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "horizontal"},
                  "arrows": {"to": {"scaleFactor": 0.6}}, "selectionWidth": 2,
                  "smooth": False, "scaling": {"label": {"enabled": False, "drawThreshold": 7}}},
    }


def _evidence(e: dict) -> dict:
    def span(x):
        if not isinstance(x, dict):
            return None
        return {"text": str(x.get("text", "")), "start": int(_num(x.get("start"), -1)), "end": int(_num(x.get("end"), -1))}

    return {
        "document": str(e.get("document", "")), "sentence": str(e.get("sentence", "")),
        "start": int(_num(e.get("start"), 0)), "subject": span(e.get("subject")), "object": span(e.get("object")),
        "trigger": span(e.get("trigger")), "modality": str(e.get("modality") or "asserted"),
        "confidence": _num(e.get("confidence"), None), "via": str(e.get("via") or ""),
        "pattern": str(e.get("pattern") or ""), "asserted_by": str(e["asserted_by"]) if e.get("asserted_by") else None,
        "reported": bool(e.get("reported")),
    }


# -- the page ------------------------------------------------------------------------------------
_MARKER = re.compile(r"<!--KG:(\w+)-->|/\*KG:(\w+)\*/")


def _fill_template(data: dict, title: str) -> str:
    """One pass over the template, so text put in is never scanned for markers again."""
    assets = _assets()
    parts = {
        "TITLE": html.escape(title),
        "VIS_CSS": assets["vis_css"],
        "APP_CSS": assets["app_css"],
        "VIS_JS": assets["vis_js"],
        "APP_JS": assets["app_js"],
        "DATA": script_json(data),
    }
    return _MARKER.sub(lambda m: parts[m.group(1) or m.group(2)], assets["template"])


def script_json(data) -> str:
    """JSON that cannot end its <script> element or start markup: <, >, & and the JavaScript
    line separators become \\u escapes (JSON.parse reads them back unchanged)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


@lru_cache(maxsize=1)
def _assets() -> dict:
    import pyvis

    here = Path(__file__).parent
    vis = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    assets = {
        "template": (here / "html_template.html").read_text(encoding="utf-8"),
        "app_js": (here / "html_app.js").read_text(encoding="utf-8"),
        "app_css": (here / "html_app.css").read_text(encoding="utf-8"),
        "vis_js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (vis / "vis-network.css").read_text(encoding="utf-8"),
    }
    # a source map comment would make developer tools fetch a file that is not there
    for key in ("vis_js", "vis_css"):
        assets[key] = re.sub(r"^\s*(//|/\*)# sourceMappingURL=.*$", "", assets[key], flags=re.M)
    for key in ("app_js", "vis_js", "app_css", "vis_css"):
        if re.search(r"</(script|style)", assets[key], re.I):
            raise RuntimeError(f"{key} cannot be inlined: it contains a closing tag")
    return assets


# -- small helpers ---------------------------------------------------------------------------------
class _FastIds(list):
    """pyvis checks ``id in node_ids`` for every node and edge; a list with a set beside it keeps
    that O(1) without changing what pyvis sees."""

    def __init__(self, items=()):
        super().__init__(items)
        self._set = set(items)

    def append(self, x):
        super().append(x)
        self._set.add(x)

    def __contains__(self, x):
        return x in self._set


def _check_options(o: HtmlOptions) -> HtmlOptions:
    if o.max_nodes is not None and (not isinstance(o.max_nodes, int) or o.max_nodes < 1):
        raise UsageError(f"max_nodes must be a positive whole number, not {o.max_nodes!r}")
    if not isinstance(o.min_confidence, (int, float)) or not 0.0 <= o.min_confidence <= 1.0:
        raise UsageError(f"min_confidence must be between 0 and 1, not {o.min_confidence!r}")
    return o


def _check_present(kg, opts: HtmlOptions) -> None:
    """A type or relation name that is nowhere in the graph is a typo: say so, with the choices."""
    checks = [("entity of type", "types", opts.types, [d.get("type", "") for _, d in kg.nodes(data=True)]),
              ("relation of type", "relations", opts.relations,
               [d.get("type", k) for _, _, k, d in kg.edges(keys=True, data=True)])]
    for what, plural, wanted, present in checks:
        present = sorted({str(x) for x in present})
        folded = {x.casefold() for x in present}
        missing = [w for w in wanted or [] if w.casefold() not in folded]
        if missing:
            raise UsageError(f"no {what} {', '.join(missing)} in the graph ({plural}: {', '.join(present) or 'none'})")


def _as_list(x) -> Optional[list[str]]:
    if x is None:
        return None
    if isinstance(x, str):
        x = [x]
    items = [str(t).strip() for t in x if str(t).strip()]
    return items or None


def _page_title(kg, opts: HtmlOptions) -> str:
    return str(opts.title or kg.graph.get("title") or "Knowledge graph")


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "\u2026"


def _num(x, default):
    if isinstance(x, bool) or not isinstance(x, (int, float)) or (isinstance(x, float) and not math.isfinite(x)):
        return default
    return x


def _darker(colour: str) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(int(r * 0.7), int(g * 0.7), int(b * 0.7))
