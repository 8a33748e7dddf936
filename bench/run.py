"""kgbuild's benchmark, in one run: bare spaCy vs kgbuild end to end, workers, memory, profile.

    make bench                         # BENCH_SIZES=1000,10000
    make bench BENCH_SIZES=300         # a quick run
    python bench/run.py --sizes 1000,10000 --workers 2 --out out/bench

Every measured build is a subprocess (``python -m kgbuild build``), timed from the outside,
so start-up, model loading, resolution, assembly and writing are all counted. Peak memory is the
sum of the resident memory of the build and its worker processes, sampled from /proc, plus the
parent's own ``ru_maxrss``. CPU seconds (user + system of the whole process tree) are reported
beside wall seconds because the machine may be shared: the CPU ratio is what the code costs.
The largest graph is then rendered to graph.html and pushed into Neo4j (when a server answers);
``--hooks`` also runs bench/bench_neo4j.py and bench/bench_html.py (synthetic graphs) and adds
their ``name: value`` lines. Results go to bench/results.md; the run ends with ``name: value``
lines a script can read.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import write_corpus  # noqa: E402

SUMMARY_LINE = re.compile(r"^([a-z][a-z0-9_]*):\s*(\S.*)$")
PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


# -- measuring a subprocess -------------------------------------------------------------------
@dataclass
class Run:
    """One timed subprocess: wall seconds, peak memory of its process tree, its output."""

    seconds: float
    peak_tree_mb: float
    maxrss_mb: float          # the main process alone (ru_maxrss from wait4)
    cpu_seconds: float        # user + system, the process and every descendant it waited for
    stdout: str
    stderr: str
    returncode: int


CLOCK_TICK = os.sysconf("SC_CLK_TCK")


def _tree_rss_mb(pid: int, cpu: dict | None = None) -> float:
    """Resident memory of ``pid`` and all its descendants (parents found in /proc/*/stat); the CPU
    seconds each of them has used so far go into ``cpu`` (worker processes started by a
    forkserver are not reaped by the build, so wait4 alone would miss their time)."""
    parent_of: dict[int, int] = {}
    rss: dict[int, float] = {}
    ticks: dict[int, float] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            pages = int((d / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        # The command name may hold spaces and parentheses: fields start after the last ')'.
        fields = stat[stat.rindex(")") + 2:].split()
        parent_of[int(d.name)] = int(fields[1])
        rss[int(d.name)] = pages * PAGE_MB
        ticks[int(d.name)] = (int(fields[11]) + int(fields[12])) / CLOCK_TICK    # utime + stime
    tree, todo = {pid}, [pid]
    children: dict[int, list[int]] = {}
    for child, parent in parent_of.items():
        children.setdefault(parent, []).append(child)
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in tree:
                tree.add(c)
                todo.append(c)
    if cpu is not None:
        for p in tree:
            cpu[p] = max(cpu.get(p, 0.0), ticks.get(p, 0.0))
    return sum(rss.get(p, 0.0) for p in tree)


def measure(cmd: list[str], *, env: dict | None = None, interval: float = 0.2) -> Run:
    """Run ``cmd``; sample the resident memory of it and its descendants until it ends."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, cwd=ROOT)
    peak = [0.0]
    descendants_cpu: dict[int, float] = {}
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_mb(proc.pid, descendants_cpu))
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out: list[str] = []
    err: list[str] = []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read()), daemon=True)
               for s, b in ((proc.stdout, out), (proc.stderr, err))]
    for r in readers:
        r.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:     # interrupted: do not leave a build running (its workers follow it)
        proc.kill()
        proc.wait()
        raise
    seconds = time.perf_counter() - started
    done.set()
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # wait4 counts the build and the descendants it reaped; the sampler saw every process.
    # Both are lower bounds (the sampler misses the last 0.2 s of each process): take the larger.
    cpu = max(usage.ru_utime + usage.ru_stime, sum(descendants_cpu.values()))
    return Run(seconds, peak[0], usage.ru_maxrss / 1024, cpu, "".join(out),
               "".join(err), proc.returncode)


def check(run: Run, what: str) -> Run:
    if run.returncode != 0:
        sys.exit(f"bench: {what} failed (exit {run.returncode}):\n{run.stderr[-3000:]}")
    return run


# -- the child jobs ------------------------------------------------------------------------------
def bare_spacy(corpus: str, workers: int, batch_size: int) -> None:
    """The baseline: the same model and documents through nlp.pipe, nothing else."""
    from kgbuild.documents import iter_documents
    from kgbuild.nlp import load_model

    t0 = time.perf_counter()
    nlp = load_model()
    t1 = time.perf_counter()
    words = 0
    texts = (d.text for d in iter_documents([corpus]))
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        words += sum(1 for t in doc if not (t.is_punct or t.is_space))
    t2 = time.perf_counter()
    print(json.dumps({"words": words, "load_seconds": t1 - t0, "pipe_seconds": t2 - t1}))


def graph_memory(graph_json: str) -> None:
    """Resident memory the graph itself takes once loaded (a KnowledgeGraph read from graph.json)."""
    import gc

    import kgbuild  # noqa: F401  (imports are not the graph)
    from kgbuild.graph import load_graph

    def rss_mb() -> float:
        return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE_MB

    gc.collect()
    before = rss_mb()
    kg = load_graph(graph_json)
    gc.collect()
    print(json.dumps({"graph_mb": rss_mb() - before, "nodes": kg.number_of_nodes()}))


def stage_cpu(corpus: str, batch_size: int = 32) -> None:
    """CPU seconds of each stage, timed around the calls (one process, batch by batch): unlike a
    sampling profile this cannot misplace time spent inside spaCy's compiled code. The calls are
    those of ``pipeline.extract_document`` and ``pipeline.build`` (the one shared token read is
    counted in mentions; the heap is frozen as a build freezes it)."""
    from kgbuild.entities.coref import add_coreferences
    from kgbuild.entities.doc_view import DocView
    from kgbuild.documents import iter_documents
    from kgbuild.entities.mentions import extract_mentions
    from kgbuild.model import DocumentExtraction
    from kgbuild.nlp import DocColumns
    from kgbuild.pipeline import Extractor, gc_frozen, graph_from_extractions
    from kgbuild.parallel import batched
    from kgbuild.relations.tokens import TokenTable

    clock = time.process_time
    t = clock()
    ex = Extractor()
    cpu = {"start-up (model, schema)": clock() - t, "spaCy nlp.pipe": 0.0, "mentions": 0.0, "coref": 0.0,
           "relations": 0.0}
    extractions = []
    with gc_frozen():
        for chunk in batched(iter_documents([corpus]), batch_size):
            t = clock()
            docs = list(ex.nlp.pipe([d.text for d in chunk], batch_size=batch_size))
            cpu["spaCy nlp.pipe"] += clock() - t
            for doc, d in zip(docs, chunk):
                t0 = clock()
                memo = ex.relations.memo.for_doc(doc)
                columns = DocColumns(doc, memo)
                view = DocView(doc, columns)
                mentions = extract_mentions(view)
                t1 = clock()
                mentions = add_coreferences(view, mentions)
                t2 = clock()
                relations = ex.relations.extract(view, mentions, d.id, table=TokenTable(view, memo, columns))
                t3 = clock()
                cpu["mentions"] += t1 - t0
                cpu["coref"] += t2 - t1
                cpu["relations"] += t3 - t2
                extractions.append(DocumentExtraction(d.info, mentions, relations))
    t = clock()
    with gc_frozen():
        kg = graph_from_extractions(extractions, ex.schema, model_name=ex.model_name)
    cpu["resolve + assemble"] = clock() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = clock()
        kg.write_json(Path(tmp) / "graph.json")
        kg.write_graphml(Path(tmp) / "graph.graphml")
        cpu["write graph.json + GraphML"] = clock() - t
    print(json.dumps(cpu))


def profile_build(corpus: str, out: str) -> None:
    """An in-process build under pyinstrument; prints where the time goes, by stage."""
    from pyinstrument import Profiler

    import kgbuild
    from kgbuild.sinks import write_files

    profiler = Profiler(interval=0.005)
    profiler.start()
    kg = kgbuild.build([corpus])
    write_files(kg, out, html=False)
    session = profiler.stop()
    session.save(str(Path(out) / "profile.pyisession"))     # `pyinstrument --load FILE` to browse it
    print(json.dumps(analyse(session) | {"text": profiler.output_text(unicode=False, color=False)}))


def analyse(session) -> dict:
    totals: dict[str, float] = {}
    functions: dict[str, float] = {}
    _attribute(session.root_frame(), None, totals, functions, frozenset())
    return {"stages": totals, "functions": functions, "cpu_seconds": session.cpu_time,
            "wall_seconds": session.duration}


STAGE_MODULES = {"mentions", "coref", "relations", "resolve", "graph", "names", "places", "documents", "sinks",
                 "schema"}
SPACY_PATH = re.compile(r"(^|/)(spacy|thinc|blis|srsly|cymem|preshed|murmurhash|numpy)/")
STARTUP = "start-up (imports, model, schema)"
SPACY = "spaCy (nlp.pipe: tagger, parser, NER)"


def _category(frame, current):
    path = (frame.file_path or "").replace("\\", "/")
    m = re.search(r"/kgbuild/([a-z_]+)(?:/|\.py)", path)
    if m and "/bench/" not in path:
        mod = m.group(1)
        if current == STARTUP:
            return current
        if (getattr(frame, "class_name", None), frame.function) in (("Extractor", "__init__"),) \
                or frame.function in ("Extractor.__init__", "load_model"):
            return STARTUP
        if mod in STAGE_MODULES:
            return {"graph": "assemble + write (graph.py)", "sinks": "assemble + write (graph.py)"}.get(mod, mod)
        return current or "orchestration (pipeline.py, parallel.py)"
    if current in (None, "orchestration (pipeline.py, parallel.py)") and SPACY_PATH.search(path):
        return SPACY
    return current


def _attribute(frame, current, totals, functions, open_keys) -> None:
    """Self time of every frame to the innermost kgbuild stage (or spaCy) that called it;
    inclusive time per kgbuild function, counted once when it recurses."""
    cat = _category(frame, current)
    path = (frame.file_path or "")
    self_time = max(0.0, frame.time - sum(c.time for c in frame.children))
    # Samples inside spaCy's compiled code often lose their Python callers and sit at the top of
    # the tree ("[self]", gemm, ...); profiling bare nlp.pipe shows the same, so they are spaCy's.
    where = cat or (SPACY if frame.function == "[self]" or frame.parent is None or frame.parent.parent is None
                    else "other (interpreter, imports)")
    totals[where] = totals.get(where, 0.0) + self_time
    if "/kgbuild/" in path:
        key = f"{frame.function} ({path.split('/kgbuild/')[-1]}:{frame.line_no})"
        if key not in open_keys:
            functions[key] = functions.get(key, 0.0) + frame.time
            open_keys = open_keys | {key}
    for child in frame.children:
        _attribute(child, cat, totals, functions, open_keys)


# -- the orchestration ---------------------------------------------------------------------------
@dataclass
class Results:
    lines: list[str] = field(default_factory=list)      # markdown body
    summary: dict[str, str] = field(default_factory=dict)

    def add(self, text: str = "") -> None:
        self.lines.append(text)
        print(text, flush=True)


def py(*args: str) -> list[str]:
    return [sys.executable, *args]


def build_cmd(corpus: Path, out: Path, workers: int) -> list[str]:
    return py("-m", "kgbuild", "build", str(corpus), "--out", str(out), "--workers", str(workers),
              "--no-html", "--quiet")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import spacy

    return (f"{platform.node()}: {cpu}, {os.cpu_count()} cores, {mem:.1f} GiB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, spaCy {spacy.__version__}")


def sinks_on(graph_json: Path, res: Results, *, neo4j: bool) -> None:
    """graph.html (default view and every node) and a Neo4j push, on the largest graph built."""
    from kgbuild.graph import KnowledgeGraph, load_graph
    from kgbuild.sinks.html import render_html

    kg = load_graph(graph_json)
    render_html(KnowledgeGraph(kg.subgraph(sorted(kg.nodes)[:5])))    # imports are not part of a render
    for label, options in (("html", {}), ("html_all", {"include_all": True})):
        t = time.perf_counter()
        text = render_html(kg, **options)
        secs = time.perf_counter() - t
        mb = len(text.encode("utf-8")) / 2**20
        res.summary[f"{label}_render_s"] = f"{secs:.2f}"
        res.summary[f"{label}_size_mb"] = f"{mb:.1f}"
        res.add(f"- graph.html ({'every node' if options else 'default view'}): {mb:.1f} MB, rendered in {secs:.1f} s")
    if not neo4j:
        res.add("- Neo4j: skipped (--no-neo4j)")
        return
    from kgbuild.sinks.neo4j import Neo4jConnection, clear_graph, push_graph

    connection = Neo4jConnection.from_env()
    try:
        clear_graph(connection)
        first = push_graph(kg, connection)
        again = push_graph(kg, connection)
        clear_graph(connection)
    except Exception as exc:  # a bench without a server still reports everything else
        res.add(f"- Neo4j at {connection.uri}: not measured ({str(exc).splitlines()[0]}); `make neo4j-start` first")
        return
    rate = kg.number_of_edges() / first.seconds
    res.summary["neo4j_rels_per_s"] = f"{rate:.0f}"
    res.summary["neo4j_repush_s"] = f"{again.seconds:.1f}"
    res.add(f"- Neo4j push into an empty database: {first} ({rate:.0f} relationships/s)")
    res.add(f"- Neo4j re-push of the same graph (idempotent): {again}")


def hook(name: str, args: list[str], res: Results) -> None:
    """Another benchmark script, run as is; its `name: value` lines join the summary."""
    script = BENCH / name
    if not script.is_file():
        res.add(f"- `bench/{name}`: not present")
        return
    run = measure(py(str(script), *args))
    if run.returncode != 0:
        res.add(f"- `bench/{name}` failed (exit {run.returncode}): {run.stderr.strip().splitlines()[-1:]}")
        return
    for line in run.stdout.splitlines():
        m = SUMMARY_LINE.match(line.strip())
        if m:
            res.summary[m.group(1)] = m.group(2)
            res.add(f"- {m.group(1)}: {m.group(2)}")


def fmt_rate(n: float) -> str:
    """Words per second for a table: 3103.5 -> 3.1k."""
    return f"{n / 1000:.1f}k" if n >= 1000 else f"{n:.0f}"


def fmt_k(n: float) -> str:
    """1000 -> 1k, 10000 -> 10k, 2500 -> 2.5k, 300 -> 300 (for names like peak_rss_mb_10k)."""
    if n >= 1000:
        return f"{n / 1000:g}k"
    return f"{n:.0f}"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="kgbuild benchmark")
    sub = ap.add_subparsers(dest="job")
    s = sub.add_parser("spacy", help="(internal) bare nlp.pipe over a corpus")
    s.add_argument("corpus")
    s.add_argument("--workers", type=int, default=1)
    s.add_argument("--batch-size", type=int, default=32)
    g = sub.add_parser("graphmem", help="(internal) memory of a loaded graph.json")
    g.add_argument("graph_json")
    c = sub.add_parser("stages", help="(internal) CPU seconds per stage, one process")
    c.add_argument("corpus")
    p = sub.add_parser("profile", help="(internal) profiled in-process build")
    p.add_argument("corpus")
    p.add_argument("--out", required=True)
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", "3")),
                    help="throughput runs per configuration, alternated; the fastest of each counts")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--out", default=str(ROOT / "out" / "bench"))
    ap.add_argument("--results", default=str(BENCH / "results.md"))
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--no-neo4j", action="store_true", help="do not push the largest graph into Neo4j")
    ap.add_argument("--hooks", action="store_true",
                    help="also run bench/bench_neo4j.py and bench/bench_html.py (synthetic graphs, minutes)")
    args = ap.parse_args(argv)
    if args.job == "spacy":
        return bare_spacy(args.corpus, args.workers, args.batch_size)
    if args.job == "graphmem":
        return graph_memory(args.graph_json)
    if args.job == "stages":
        return stage_cpu(args.corpus)
    if args.job == "profile":
        return profile_build(args.corpus, args.out)
    run_all(args)


def run_all(args) -> None:
    sizes = sorted(int(x) for x in str(args.sizes).replace(" ", "").split(",") if x)
    out = Path(args.out)
    w = args.workers
    res = Results()
    began = time.perf_counter()
    res.add("# kgbuild benchmark")
    res.add("")
    res.add(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}")
    res.add(f"- machine: {machine()}")
    load = os.getloadavg()
    res.add(f"- load average at start: {load[0]:.2f} (other jobs on the machine skew the numbers)")
    res.add(f"- corpus: `bench/corpus.py`, seed {args.seed}, sizes {', '.join(map(str, sizes))} documents")
    res.add("")

    corpora = {}
    for n in sizes:
        t = time.perf_counter()
        corpora[n] = write_corpus(out / f"corpus-{n}", n, args.seed)
        res.add(f"- corpus of {n} documents ready in {time.perf_counter() - t:.1f} s: `{corpora[n]}`")
    small, large = sizes[0], sizes[-1]

    # (1) + (2): bare spaCy vs kgbuild, 1 and w workers, on the smallest corpus.
    res.add("")
    res.add(f"## Throughput on {small} documents (wall time of a subprocess, model loading included)")
    res.add("")
    res.add(f"Each configuration ran {args.repeats} times, alternating bare spaCy and kgbuild so that a noisy "
            "moment hits both; the table shows the fastest run of each (the least disturbed), the line "
            "below it every run's wall seconds.")
    res.add("")
    res.add("| run | workers | wall s | CPU s | words/s (wall) | peak RSS (tree) MB |")
    res.add("|---|---|---|---|---|---|")
    configs = sorted({1, w})
    bare_runs: dict = {k: [] for k in configs}
    built_runs: dict = {k: [] for k in configs}
    for _ in range(max(1, args.repeats)):
        for workers in configs:
            r = check(measure(py(str(BENCH / "run.py"), "spacy", str(corpora[small]), "--workers", str(workers))),
                      "bare spaCy")
            bare_runs[workers].append((r, json.loads(r.stdout.strip().splitlines()[-1])))
            built_runs[workers].append(
                check(measure(build_cmd(corpora[small], out / f"graph-{small}-w{workers}", workers)), "kgbuild build"))
    bare = {k: min(v, key=lambda ri: ri[0].seconds) for k, v in bare_runs.items()}
    built = {k: min(v, key=lambda b: b.seconds) for k, v in built_runs.items()}
    for workers in configs:
        r, info = bare[workers]
        b = built[workers]
        res.add(f"| bare nlp.pipe (n_process={workers}) | {workers} | {r.seconds:.1f} | {r.cpu_seconds:.1f} | "
                f"{fmt_rate(info['words'] / r.seconds)} | {r.peak_tree_mb:.0f} |")
        res.add(f"| kgbuild build --workers {workers} | {workers} | {b.seconds:.1f} | {b.cpu_seconds:.1f} | "
                f"{fmt_rate(info['words'] / b.seconds)} | {b.peak_tree_mb:.0f} |")
    res.add("")
    res.add("Every run (wall s): " + "; ".join(
        f"bare n_process={k}: {', '.join(f'{r.seconds:.1f}' for r, _ in bare_runs[k])}, "
        f"kgbuild --workers {k}: {', '.join(f'{b.seconds:.1f}' for b in built_runs[k])}" for k in configs) + ".")
    words = bare[1][1]["words"]
    res.add("")
    res.add(f"{words} words. Bare spaCy parse only (without start-up and model loading): "
            + ", ".join(f"{fmt_rate(i['words'] / i['pipe_seconds'])} words/s with {k} process(es)"
                        for k, (_, i) in sorted(bare.items())) + ".")
    ratio_w = bare[w][0].seconds / built[w].seconds
    ratio_1 = bare[1][0].seconds / built[1].seconds
    speedup = built[1].seconds / built[w].seconds if w != 1 else 1.0
    spacy_speedup = bare[1][0].seconds / bare[w][0].seconds if w != 1 else 1.0
    same = (out / f"graph-{small}-w1" / "graph.json").read_bytes() == \
           (out / f"graph-{small}-w{w}" / "graph.json").read_bytes()
    cpu_ratio = bare[1][0].cpu_seconds / built[1].cpu_seconds
    res.summary["end_to_end_vs_spacy"] = f"{ratio_w:.2f}"
    res.summary["end_to_end_vs_spacy_cpu"] = f"{cpu_ratio:.2f}"
    res.summary["end_to_end_vs_spacy_1worker"] = f"{ratio_1:.2f}"
    res.summary[f"workers{w}_speedup"] = f"{speedup:.2f}"
    res.summary[f"spacy_n_process{w}_speedup"] = f"{spacy_speedup:.2f}"
    res.summary[f"workers{w}_graph_identical"] = str(same).lower()
    res.summary["spacy_words_per_s_1"] = f"{words / bare[1][0].seconds:.0f}"
    res.summary[f"kgbuild_words_per_s_{w}"] = f"{words / built[w].seconds:.0f}"
    res.add(f"kgbuild end to end / bare nlp.pipe (wall): {ratio_w:.2f} with {w} workers, {ratio_1:.2f} with 1 "
            f"(CPU seconds, 1 process: {cpu_ratio:.2f}); "
            f"{w} workers vs 1: {speedup:.2f}x (spaCy's own n_process={w}: {spacy_speedup:.2f}x); "
            f"graph.json with {w} workers byte-identical to 1 worker: {same}.")

    # (3) memory at each size, with the fast configuration.
    res.add("")
    res.add(f"## Memory (kgbuild build --workers {w}, the parent and its workers)")
    res.add("")
    res.add("| documents | seconds | peak RSS tree MB | parent ru_maxrss MB | graph.json MB | graph in memory MB "
            "| entities | relations |")
    res.add("|---|---|---|---|---|---|---|---|")
    mem = {}
    for n in sizes:
        if n == small:
            r = built[w]
        else:
            r = check(measure(build_cmd(corpora[n], out / f"graph-{n}-w{w}", w)), f"kgbuild build {n}")
        g = out / f"graph-{n}-w{w}" / "graph.json"
        data = json.loads(g.read_text(encoding="utf-8"))
        loaded = check(measure(py(str(BENCH / "run.py"), "graphmem", str(g))), "graph memory")
        in_memory = json.loads(loaded.stdout.strip().splitlines()[-1])["graph_mb"]
        mem[n] = (r, g.stat().st_size / 2**20, in_memory)
        res.add(f"| {n} | {r.seconds:.1f} | {r.peak_tree_mb:.0f} | {r.maxrss_mb:.0f} | {mem[n][1]:.1f} | "
                f"{in_memory:.0f} | {len(data['nodes'])} | {len(data['edges'])} |")
        res.summary[f"graph_in_memory_mb_{fmt_k(n)}"] = f"{in_memory:.0f}"
        res.summary[f"peak_rss_mb_{fmt_k(n)}"] = f"{r.peak_tree_mb:.0f}"
        res.summary[f"parent_rss_mb_{fmt_k(n)}"] = f"{r.maxrss_mb:.0f}"
        res.summary[f"graph_json_mb_{fmt_k(n)}"] = f"{mem[n][1]:.1f}"
        res.summary[f"seconds_{fmt_k(n)}"] = f"{r.seconds:.1f}"
    if large != small:
        growth = mem[large][0].peak_tree_mb - mem[small][0].peak_tree_mb
        graph_growth = mem[large][2] - mem[small][2]
        res.summary[f"rss_growth_mb_{fmt_k(small)}_to_{fmt_k(large)}"] = f"{growth:.0f}"
        res.summary[f"graph_in_memory_growth_mb_{fmt_k(small)}_to_{fmt_k(large)}"] = f"{graph_growth:.0f}"
        res.add("")
        res.add(f"From {small} to {large} documents the peak grows by {growth:.0f} MB, the graph itself (loaded "
                f"from graph.json into a KnowledgeGraph) by {graph_growth:.0f} MB, graph.json by "
                f"{mem[large][1] - mem[small][1]:.1f} MB.")

    # (4) the sinks on the largest graph.
    res.add("")
    res.add(f"## graph.html and Neo4j on the largest graph ({large} documents)")
    res.add("")
    sinks_on(out / f"graph-{large}-w{w}" / "graph.json", res, neo4j=not args.no_neo4j)
    if args.hooks:
        hook("bench_neo4j.py", [], res)
        hook("bench_html.py", [], res)

    if not args.no_profile:
        profile_section(corpora[small], out, res)

    res.summary["bench_seconds"] = f"{time.perf_counter() - began:.0f}"
    notes = kept_notes(Path(args.results))
    if notes:
        res.lines.extend(["", notes])
    res.add("")
    res.add("## Summary")
    res.add("")
    res.add("```")
    for k, v in res.summary.items():
        res.add(f"{k}: {v}")
    res.add("```")
    Path(args.results).write_text("\n".join(res.lines) + "\n", encoding="utf-8")


NOTES = re.compile(r"<!-- notes -->.*?<!-- /notes -->", re.S)


def kept_notes(results: Path) -> str:
    """The hand-written analysis between <!-- notes --> markers survives a new run."""
    try:
        m = NOTES.search(results.read_text(encoding="utf-8"))
    except OSError:
        return ""
    return m.group(0) if m else ""


def profile_section(corpus: Path, out: Path, res: Results) -> None:
    res.add("")
    res.add(f"## Where the time goes ({corpus.name}, one process)")
    res.add("")
    r = measure(py(str(BENCH / "run.py"), "stages", str(corpus)))
    if r.returncode != 0:
        res.add(f"stage timing failed: {r.stderr.strip().splitlines()[-1:]}")
    else:
        cpu = json.loads(r.stdout.strip().splitlines()[-1])
        parse = cpu["spaCy nlp.pipe"]
        ours = sum(v for k, v in cpu.items() if k not in ("spaCy nlp.pipe", "start-up (model, schema)"))
        res.add("CPU seconds measured around each stage's calls, batch by batch:")
        res.add("")
        res.add("| stage | CPU s | vs nlp.pipe |")
        res.add("|---|---|---|")
        for name, secs in cpu.items():
            res.add(f"| {name} | {secs:.2f} | {secs / parse:.0%} |")
            res.summary[f"cpu_share_{re.sub(r'[^a-z]+', '_', name.lower()).strip('_')}"] = f"{secs / parse:.3f}"
        res.add("")
        res.add(f"kgbuild's own per-document and corpus stages cost {ours / parse:.0%} of spaCy's parse; "
                f"the ceiling for end to end / bare nlp.pipe is about {parse / (parse + ours):.2f} "
                f"before start-up.")
        res.summary["stages_cost_vs_parse"] = f"{ours / parse:.2f}"
    r = measure(py(str(BENCH / "run.py"), "profile", str(corpus), "--out", str(out / "graph-profile")))
    res.add("")
    res.add("pyinstrument (sampling, wall clock) of the same build, self time charged to the innermost "
            "kgbuild stage that called it:")
    res.add("")
    if r.returncode != 0:
        res.add(f"profile failed: {r.stderr.strip().splitlines()[-1:]}")
        return
    data = json.loads(r.stdout.strip().splitlines()[-1])
    total = sum(data["stages"].values()) or 1.0
    res.add("| where | seconds | share |")
    res.add("|---|---|---|")
    for name, secs in sorted(data["stages"].items(), key=lambda kv: -kv[1]):
        if secs >= 0.05:
            res.add(f"| {name} | {secs:.1f} | {100 * secs / total:.0f}% |")
    res.add("")
    res.add("Slowest kgbuild functions (inclusive seconds):")
    res.add("")
    for name, secs in sorted(data["functions"].items(), key=lambda kv: -kv[1])[:25]:
        res.add(f"- {secs:.1f} s `{name}`")
    (out / "profile.txt").write_text(data["text"], encoding="utf-8")
    res.add("")
    res.add(f"Full call tree: `{out / 'profile.txt'}`; browse with "
            f"`pyinstrument --load {out / 'graph-profile' / 'profile.pyisession'}`.")


if __name__ == "__main__":
    main()
