"""How big a graph.html stays usable: render time in Python, page size, and in headless Chromium
the time until the network is drawn and stable, one redraw, and one click-highlight.

    .venv/bin/python bench/bench_html.py [--sizes 500 2000 10000] [--out out/bench/html]

The graphs are synthetic but shaped like news graphs: preferential attachment (a few hubs, many
entities with one or two relations), several entity and relation types, one evidence sentence per
edge. Positions are computed in Python and physics is off, so "stable" is the first complete draw.
Ends with ``name: value`` lines (seconds, milliseconds, megabytes).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgbuild.graph import KnowledgeGraph  # noqa: E402
from kgbuild.sinks.html import render_html  # noqa: E402

TYPES = ["PERSON"] * 5 + ["ORG"] * 3 + ["GPE"] * 2 + ["LOC", "NORP", "EVENT"]
RELATIONS = [("met", True), ("works_for", False), ("visited", False), ("criticized", False),
             ("located_in", False), ("spoke_with", True), ("leads", False)]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def synthetic_graph(n: int, seed: int = 1) -> KnowledgeGraph:
    """Preferential attachment, about two relations per entity, each with its sentence."""
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    docs = [f"doc{i:05d}" for i in range(max(1, n // 10))]
    kg.graph["documents"] = [{"id": d, "path": f"corpus/{d}.txt", "sha256": ""} for d in docs]
    targets: list[str] = []
    for i in range(n):
        t = rng.choice(TYPES)
        nid = f"{t.lower()}:entity-{i}"
        name = f"Entity {i}"
        kg.add_node(nid, name=name, type=t, aliases=[f"E{i}"], mentions=rng.randint(1, 12),
                    documents=rng.sample(docs, min(len(docs), rng.randint(1, 3))))
        for other in {rng.choice(targets) for _ in range(2)} if targets else ():
            rtype, symmetric = rng.choice(RELATIONS)
            u, v = (nid, other) if not symmetric or nid < other else (other, nid)
            sentence = f"{kg.nodes[u]['name']} {rtype.replace('_', ' ')} {kg.nodes[v]['name']} last week."
            a, b = len(kg.nodes[u]["name"]), sentence.index(kg.nodes[v]["name"])
            conf = round(rng.uniform(0.3, 0.95), 2)
            kg.add_edge(u, v, key=rtype, type=rtype, symmetric=symmetric, confidence=conf, count=1,
                        modality="possible" if conf < 0.4 else "asserted", documents=[docs[0]],
                        evidence=[{"document": docs[0], "sentence": sentence, "start": 0, "end": len(sentence),
                                   "subject": {"text": kg.nodes[u]["name"], "start": 0, "end": a},
                                   "object": {"text": kg.nodes[v]["name"], "start": b, "end": b + len(kg.nodes[v]["name"])},
                                   "trigger": {"text": rtype.split("_")[0], "start": a + 1, "end": a + 1 + len(rtype.split("_")[0])},
                                   "pattern": "bench", "via": "direct", "modality": "asserted", "confidence": conf,
                                   "asserted_by": None, "reported": False}])
        targets.extend([nid] * (1 + kg.degree(nid)))   # preferential attachment
    return kg


def measure_page(browser, path: Path, timeout_s: float) -> dict:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgStableMs !== undefined", timeout=timeout_s * 1000)
    stable_ms = page.evaluate("window.kgStableMs")
    redraws = page.evaluate("""async () => {
        const out = [];
        for (let i = 0; i < 5; i++) {
            const t0 = performance.now();
            await new Promise(r => { network.once('afterDrawing', r); network.redraw(); });
            out.push(performance.now() - t0);
        }
        return out;
    }""")
    highlight_ms = page.evaluate("""async () => {
        const hub = network.body.data.nodes.getIds().map(id => [network.getConnectedEdges(id).length, id]).sort((a, b) => b[0] - a[0])[0][1];
        const t0 = performance.now();
        await new Promise(r => { network.once('afterDrawing', r); kgbuild.focusNode(hub); });
        return performance.now() - t0;
    }""")
    counts = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    ctx.close()
    return {"stable_s": stable_ms / 1000, "redraw_ms": statistics.median(redraws), "highlight_ms": highlight_ms,
            "counts": counts, "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1500, 2000, 10000])
    ap.add_argument("--out", default=str(ROOT / "out" / "bench" / "html"))
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for one page")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = []
    render_html(synthetic_graph(20))      # imports (pyvis, igraph) are not part of a render
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for n in args.sizes:
            kg = synthetic_graph(n)
            t0 = time.perf_counter()
            text = render_html(kg, include_all=True, title=f"bench {n}")
            render_s = time.perf_counter() - t0
            path = out / f"graph-{n}.html"
            path.write_text(text, encoding="utf-8")
            m = measure_page(browser, path, args.timeout)
            if m["errors"] or m["counts"] != [kg.number_of_nodes(), kg.number_of_edges()]:
                print(f"{n} nodes: page broken: {m['errors'] or m['counts']}", file=sys.stderr)
                return 1
            results.append((n, kg.number_of_edges(), render_s, len(text.encode()) / 1e6, m))
            print(f"{n:>6} nodes {kg.number_of_edges():>6} edges: render {render_s:5.2f} s, "
                  f"{len(text.encode()) / 1e6:5.1f} MB, stable {m['stable_s']:5.2f} s, redraw {m['redraw_ms']:6.1f} ms, "
                  f"highlight {m['highlight_ms']:6.1f} ms", flush=True)
        browser.close()
    for n, _, render_s, mb, m in results:
        print(f"html_render_s_{n}: {render_s:.2f}")
        print(f"html_size_mb_{n}: {mb:.1f}")
        print(f"html_stable_s_{n}: {m['stable_s']:.2f}")
        print(f"html_redraw_ms_{n}: {m['redraw_ms']:.0f}")
        print(f"html_highlight_ms_{n}: {m['highlight_ms']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
