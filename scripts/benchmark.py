#!/usr/bin/env python3
"""What newsgraph costs, measured as ratios within one run.

``benchmark.py nlp [PATH …] [--repeat N]`` (also ``benchmark.py [PATH …]``): the same texts go
through the bare English model and through newsgraph's pipeline (the model plus line breaks,
entity typing, positions, coreference and relations); the ratio of the two times is what the
components add. Then the stages of a whole build of the same texts are timed and given as
shares of the total (default: the bundled sample corpus, 5 times).

``benchmark.py explorer [--sizes 1000,5000] [--keep DIR]``: generated stores, ``kg explore`` on
each and the page in headless chromium (see scripts/explorer_benchmark.py).

``benchmark.py length [CORPUS …] [--sizes 10000,100000,300000,1000000]``: articles of each length
made of real articles one after the other (default: the bundled samples; of a short length, as
many as make 100 KB), analysed by newsgraph's pipeline; seconds per 100 KB for the whole
analysis, spaCy's components, newsgraph's components and the bare model, and the ratio of the
longest to the shortest per character (the target: at most 1.5×, an article's cost linear in
its length).

``benchmark.py sparql [--triples N]``: a generated graph of N triples in newsgraph's
vocabulary (kg.evaluation.synthetic; default 1,000,000), loaded into a store as ``kg build`` loads one.
Each saved query (parameters bound to the most connected entity and edge) and a typed join
(people who attacked a state) runs on native pyoxigraph, through ``kg query``'s path, through
``kg serve``'s endpoint, and on rdflib's in-memory store; the table gives the medians and the
ratios to native, and the check lines the project's targets.

``benchmark.py corpus SOURCE.jsonl --copies N -o OUT.jsonl``: N copies of a JSON Lines
corpus of real articles, each with an id of its own and its paragraphs rotated.

``benchmark.py throughput CORPUS.jsonl [--workers 2] [--scale 4]``: in one run on the same
texts, the bare model's ``nlp.pipe`` (newsgraph's components off) against ``kg build`` end to
end in one process (words/s), N workers against one, and the peak RSS of a build of the
corpus against one of ``--scale`` copies of it; then each stage's share of the build.

Absolute times depend on the machine; the ratios are what to compare between versions.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def seconds(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


# ----------------------------------------------------------------------------------------------
# nlp: the pipeline against the bare model


def nlp_main(argv: list[str]) -> int:
    from kg.nlp.pipeline import load_model, load_pipeline
    from kg.pipeline import analyse, build_graph, read_articles
    from kg.rdf.dataset import write_outputs
    from kg.rdf.store import load_store

    parser = argparse.ArgumentParser(prog="benchmark.py nlp",
                                     description="newsgraph's NLP pipeline against the bare spaCy model")
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    articles = read_articles(args.paths) * args.repeat
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    bare, ours = load_model(), load_pipeline()
    ours("warm up: loads the gazetteer and lexicons once")
    spacy_time = seconds(lambda: list(bare.pipe(texts)))
    ours_time = seconds(lambda: list(analyse(articles, ours)))
    print(f"{len(texts)} articles, {words} words")
    print(f"newsgraph pipeline / bare spaCy model: {ours_time / spacy_time:.2f}x")

    analysed = list(analyse(articles, ours))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        stages = {}
        stages["resolve + RDF"] = seconds(lambda: stages.setdefault("_graph", build_graph(analysed)))
        dataset, _ = stages.pop("_graph")
        stages["write Turtle/TriG"] = seconds(lambda: write_outputs(dataset, out))
        stages["load store"] = seconds(lambda: load_store(out / "kg.trig", out))
    stages = {"NLP": ours_time, **stages}
    total = sum(stages.values())
    for name, value in stages.items():
        print(f"  {name:18s} {value / total:6.1%} of the build")
    return 0


def explorer_benchmark(argv: list[str]) -> int:
    """``benchmark.py explorer``: generated stores of 1,000 and 5,000 entities (four relation
    mentions per entity), ``kg explore`` on each, and the page in headless chromium — time to
    first paint, to ``window.newsgraph.ready`` and to the end of the layout."""
    from explorer_benchmark import run  # scripts/explorer_benchmark.py

    return run(argv)


# ----------------------------------------------------------------------------------------------
# sparql: one query four ways

TYPED_JOIN = """# people who attacked a state: two typed variables joined through a relation
SELECT ?person ?state WHERE {
  ?person a kg:Person .
  ?state a kg:State .
  ?person kg:attacked ?state .
}"""

KG_LIMIT = 1.5        # kg query's path may take this many times native pyoxigraph's time
ENDPOINT_LIMIT = 2.0  # and the endpoint this many
RDFLIB_SPEEDUP = 50   # the typed join must be this many times faster than rdflib's memory store


@dataclass
class Timing:
    """The runs of one query on one path: seconds each, result rows, or why there are none."""

    runs: list[float] = field(default_factory=list)
    rows: int | None = None
    over_cap: float | None = None  # the cap (s) the query ran past
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None


@dataclass
class Row:
    name: str
    text: str
    saved: bool
    native: Timing = field(default_factory=Timing)
    kg: Timing = field(default_factory=Timing)
    endpoint: Timing = field(default_factory=Timing)
    rdflib: Timing = field(default_factory=Timing)


class Stages:
    """Wall-clock time of each stage of the run, printed as each ends."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.times: dict[str, float] = {}

    def run(self, name: str, work: Callable):
        print(f"[{name} …]", flush=True)
        began = time.perf_counter()
        result = work()
        self.times[name] = time.perf_counter() - began
        print(f"[{name}: {self.times[name]:.1f} s]", flush=True)
        return result

    def report(self) -> str:
        parts = [f"{name} {value:.1f} s" for name, value in self.times.items()]
        return f"stages: {', '.join(parts)}; total {time.perf_counter() - self.started:.1f} s"


def benchmark_queries(summary) -> list[Row]:
    """Each saved query with its parameters bound to the graph's busiest entity and edge, and the typed join."""
    from kg.queries import saved_queries

    subject, relation, obj = summary.top_edge
    values = {"entity": summary.top_entity, "subject": subject, "relation": relation, "object": obj}
    rows = []
    for name, query in saved_queries().items():
        bound = query.bind({param: values.get(param, summary.top_entity) for param in query.params})
        rows.append(Row(name, bound, True))
    rows.append(Row("typed join", TYPED_JOIN, False))
    return rows


def native_run(store, text: str) -> int:
    """pyoxigraph alone: the query, every solution's terms read."""
    from kg.rdf.query import PREFIXES

    return sum(1 for solution in store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
               for _ in [tuple(solution)])


def kg_run(store, text: str) -> int:
    """kg query's path: its checks and defaults (kg.rdf.query.run_query), and the text table `kg query` prints."""
    from kg.rdf.query import format_results, run_query

    table = format_results(run_query(store, text), "table")
    return table.count("\n") - 1  # a header line and a dashed line above the rows


class EndpointProcess:
    """``kg serve`` on a free loopback port, as a user starts it, without its row cap and time limit."""

    def __init__(self, out_dir: Path, timeout: int):
        import httpx

        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "-o", str(out_dir), "--port", "0", "--timeout", str(timeout),
             "--max-rows", str(10**9)],
            stdout=subprocess.PIPE, stderr=self.log, text=True, cwd=Path(__file__).resolve().parent.parent)
        ready = select.select([self.process.stdout], [], [], 120)[0]
        line = self.process.stdout.readline() if ready else ""
        found = re.search(r"SPARQL endpoint (http://\S+/sparql)", line)
        if not found:
            self.stop()
            self.log.seek(0)
            raise RuntimeError(f"kg serve did not start: {line!r} {self.log.read().decode(errors='replace')[-500:]}")
        self.url = found.group(1)
        self.client = httpx.Client(timeout=None)

    def run(self, text: str) -> int:
        """The query POSTed as a form, the whole JSON result read and parsed."""
        response = self.client.post(self.url, data={"query": text},
                                    headers={"Accept": "application/sparql-results+json"})
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text.strip()[:200]}")
        return len(json.loads(response.content)["results"]["bindings"])

    def stop(self) -> None:
        if getattr(self, "client", None) is not None:
            self.client.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self.log.close()


def time_oxigraph_paths(rows: list[Row], out_dir: Path, repeat: int, budget: float) -> float:
    """Native, kg and endpoint times of every query, the runs of the three paths interleaved.

    A quick query (native warm-up under a second) gets a warm-up run on each path and then
    ``repeat`` timed runs, more (up to 3 × ``repeat``) while each path has spent under ``budget``
    seconds on it; a slow one as many runs as fit in ``budget`` (at least one, at most ``repeat``)
    after native's warm-up, as caches weigh little in seconds of work. Returns the time
    ``kg.rdf.store.open_store`` took (once per ``kg query`` process; not in the kg column).
    """
    import pyoxigraph as ox
    from kg.rdf.store import open_store, store_path

    began = time.perf_counter()
    kg_store = open_store(out_dir)
    open_time = time.perf_counter() - began
    native_store = ox.Store.read_only(os.path.realpath(store_path(out_dir)))
    endpoint = EndpointProcess(out_dir, timeout=3600)
    paths = {"native": lambda text: native_run(native_store, text), "kg": lambda text: kg_run(kg_store, text),
             "endpoint": endpoint.run}

    def run(row: Row, path: str, timed: bool) -> None:
        timing: Timing = getattr(row, path)
        if timing.error:
            return
        began = time.perf_counter()
        try:
            timing.rows = paths[path](row.text)
        except Exception as error:  # noqa: BLE001 — reported under the table; the other paths go on
            timing.error = f"{type(error).__name__}: {' '.join(str(error).split())[:300]}"
            return
        if timed:
            timing.runs.append(time.perf_counter() - began)

    try:
        for row in rows:
            warm_up = seconds(lambda: run(row, "native", timed=False))
            quick = warm_up < 1.0
            if quick:
                run(row, "kg", timed=False)
                run(row, "endpoint", timed=False)
                most, least = 3 * repeat, repeat
            else:
                most = least = max(1, min(repeat, int(budget // warm_up)))
            for attempt in range(most):
                if attempt >= least and max(sum(getattr(row, p).runs) for p in paths) > budget:
                    break
                for path in paths:
                    run(row, path, timed=True)
            print(f"  {row.name:12s} " + "  ".join(
                f"{p} {getattr(row, p).error and 'error' or _ms(getattr(row, p).median)}" for p in paths), flush=True)
    finally:
        endpoint.stop()
        del native_store, kg_store
        gc.collect()
    return open_time


def load_rdflib(nquads: Path):
    """The graph in rdflib's in-memory store, the union of the named graphs as the default graph."""
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(str(nquads), format="nquads")
    return dataset


def rdflib_once(dataset, text: str, cap: float) -> tuple[float | None, int | None, str | None]:
    """One run of a query on rdflib in a forked child (the data is shared, not loaded again), stopped at ``cap`` s.

    rdflib cannot stop a query from Python; the child is killed instead. Returns (seconds or None
    past the cap, rows, error).
    """
    from kg.rdf.query import PREFIXES

    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, report, leave without Python's clean-up
        os.close(reader)
        try:
            began = time.perf_counter()
            count = sum(1 for _ in dataset.query(text, initNs=PREFIXES))
            message = {"seconds": time.perf_counter() - began, "rows": count}
        except BaseException as error:  # noqa: BLE001
            message = {"error": f"{type(error).__name__}: {str(error)[:200]}"}
        os.write(writer, json.dumps(message).encode())
        os._exit(0)
    os.close(writer)
    try:
        if not select.select([reader], [], [], cap)[0]:
            os.kill(pid, signal.SIGKILL)
            return None, None, None
        data = b""
        while chunk := os.read(reader, 65536):
            data += chunk
    finally:
        os.close(reader)
        os.waitpid(pid, 0)
    message = json.loads(data or b'{"error": "the child died"}')
    return message.get("seconds"), message.get("rows"), message.get("error")


def time_rdflib(rows: list[Row], dataset, repeat: int, cap: float, budget: float) -> None:
    """rdflib's times: a first run (a warm-up when it is quick), then more runs while within budget."""
    gc.freeze()  # the children's garbage collector leaves the shared graph alone (no copy of its pages)
    for row in rows:
        timing = row.rdflib
        first, timing.rows, timing.error = rdflib_once(dataset, row.text, cap)
        if first is None:
            timing.over_cap = None if timing.error else cap
        elif first * (repeat + 1) > budget:
            timing.runs.append(first)  # slow: the first run is the measurement
        else:
            for _ in range(repeat):
                took, _, _ = rdflib_once(dataset, row.text, cap)
                if took is not None:
                    timing.runs.append(took)
        shown = f"> {cap:g} s (stopped)" if timing.over_cap else timing.error or _ms(timing.median)
        print(f"  {row.name:12s} rdflib {shown}", flush=True)
    gc.unfreeze()


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value * 1000:,.0f} ms" if value >= 0.1 else f"{value * 1000:.1f} ms"


def _number(value: float) -> str:
    return f"{value * 1000:,.0f}" if value >= 0.1 else f"{value * 1000:.1f}"


def _cell(timing: Timing, native: float | None, speed_up: bool = False) -> str:
    """A time and its ratio to native: × native's time, or for rdflib how many times native is faster."""
    if timing.error:
        return "error"
    if timing.over_cap:
        return f"> {timing.over_cap * 1000:,.0f} (> {timing.over_cap / native:,.0f}×)" if native else "> cap"
    if timing.median is None or not native:
        return "—"
    ratio = timing.median / native
    return f"{_number(timing.median)} ({ratio:,.0f}×)" if speed_up and ratio >= 10 else \
        f"{_number(timing.median)} ({ratio:.2f}×)"


def results_table(rows: list[Row]) -> str:
    from kg.rdf.query import text_table

    header = ["query", "rows", "native ms", "kg ms (× native)", "endpoint ms (× native)",
              "rdflib ms (native speed-up)"]
    lines = []
    for row in rows:
        native = row.native.median
        counts = {row.native.rows, row.kg.rows, row.endpoint.rows} - {None}
        rdflib_rows = row.rdflib.rows
        shown_rows = "/".join(str(c) for c in sorted(counts)) or "—"
        if rdflib_rows is not None and rdflib_rows not in counts:
            shown_rows += f" (rdflib {rdflib_rows})"
        lines.append([row.name, shown_rows, _number(native) if native else "error",
                      _cell(row.kg, native), _cell(row.endpoint, native), _cell(row.rdflib, native, True)])
    return text_table(header, lines)


def checks(rows: list[Row]) -> list[tuple[bool, str]]:
    """The targets, each with whether it holds and the figure that decides it."""
    saved = [row for row in rows if row.saved]
    results = []
    for path, limit in (("kg", KG_LIMIT), ("endpoint", ENDPOINT_LIMIT)):
        ratios = {row.name: getattr(row, path).median / row.native.median for row in saved
                  if getattr(row, path).median and row.native.median}
        failed = [row.name for row in saved if row.name not in ratios]
        worst = max(ratios, key=ratios.get) if ratios else None
        over = sorted(name for name, ratio in ratios.items() if ratio > limit)
        ok = not over and not failed
        said = f"worst {worst} {ratios[worst]:.2f}×" if worst else "no figures"
        if over:
            said += "; over: " + ", ".join(f"{name} {ratios[name]:.2f}×" for name in over)
        if failed:
            said += "; no figure for " + ", ".join(failed)
        results.append((ok, f"{path} ≤ {limit:g}× native on every saved query: {said}"))
    for row in rows:
        if row.saved:
            continue
        native = row.native.median
        if row.rdflib.over_cap and native:
            speed_up, bound = row.rdflib.over_cap / native, "> "
        elif row.rdflib.median and native:
            speed_up, bound = row.rdflib.median / native, ""
        else:
            results.append((False, f"{row.name}: no figure for rdflib"))
            continue
        note = " (rdflib stopped at the cap)" if bound else ""
        results.append((speed_up >= RDFLIB_SPEEDUP, f"{row.name} ≥ {RDFLIB_SPEEDUP}× faster than rdflib's memory "
                                                    f"store: {bound}{speed_up:,.0f}×{note}"))
    for row in rows:
        counts = {row.native.rows, row.kg.rows, row.endpoint.rows} - {None}
        if len(counts) > 1:
            results.append((False, f"{row.name}: the paths disagree on the number of rows {sorted(counts)}"))
    return results


def sparql_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmark.py sparql",
                                     description="saved queries on native pyoxigraph, kg query, kg serve and rdflib")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated graph (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per query and path after a warm-up (default 3)")
    parser.add_argument("--budget", type=float, default=4.0,
                        help="seconds per query and path after which no more runs are added (default 4)")
    parser.add_argument("--rdflib-cap", type=float, default=30.0,
                        help="seconds an rdflib query may run before it is stopped (default 30)")
    parser.add_argument("--keep", type=Path, help="build the store in this folder and keep it (default: a temporary one)")
    parser.add_argument("--check", action="store_true", help="exit with 1 when a target is missed")
    args = parser.parse_args(argv)

    import platform

    import pyoxigraph
    import rdflib

    from kg.rdf.store import load_store
    from kg.evaluation.synthetic import write_synthetic_graph

    stages = Stages()
    print(f"Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}, "
          f"{os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="kg-benchmark-") as temporary:
        out = args.keep or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        nquads = out / "kg.nq"
        summary = stages.run("generate", lambda: write_synthetic_graph(nquads, args.triples, args.seed))
        print(f"{summary.quads:,} triples: {summary.entities:,} entities, {summary.articles:,} articles "
              f"(one named graph each), {summary.mentions:,} relation mentions, {summary.direct:,} direct triples; "
              f"busiest entity {summary.top_entity!r}, edge {' '.join(summary.top_edge)!r}")
        stages.run("load store", lambda: load_store(nquads, out))
        rows = benchmark_queries(summary)
        open_time = stages.run("native, kg, endpoint",
                               lambda: time_oxigraph_paths(rows, out, args.repeat, args.budget))
        dataset = stages.run("rdflib load", lambda: load_rdflib(nquads))
        stages.run("rdflib queries", lambda: time_rdflib(rows, dataset, args.repeat, args.rdflib_cap, args.budget))
        del dataset
    print()
    print(f"{summary.quads:,} triples; median of {args.repeat} runs after a warm-up, "
          f"more for quick queries, fewer for slow ones (see below)")
    print(results_table(rows))
    print()
    print("native: pyoxigraph Store.query on the store, every solution read · kg: kg.rdf.query.run_query on "
          "kg.rdf.store.open_store and the text table `kg query` prints · endpoint: `kg serve` (Oxigraph's server "
          "behind the Starlette front), POST over loopback, the whole JSON result parsed · a query over 1 s: "
          f"as many runs as fit in {args.budget:g} s (1–{args.repeat}) · rdflib: Dataset in memory (default_union), "
          f"each run in a forked child, stopped at {args.rdflib_cap:g} s; one run when the first takes over "
          f"{args.budget / (args.repeat + 1):.1f} s")
    for row in rows:
        for path in ("native", "kg", "endpoint", "rdflib"):
            if getattr(row, path).error:
                print(f"error: {row.name} on {path}: {getattr(row, path).error}")
    if any(row.rdflib.rows is not None and row.rdflib.rows != row.native.rows for row in rows):
        print("rows (rdflib N): Oxigraph's union default graph gives a triple once for each named graph that "
              "holds it (a direct triple stated in several articles), rdflib's union once")
    print(f"kg.rdf.store.open_store took {open_time * 1000:.0f} ms (once per `kg query` process; not in the kg column)")
    results = checks(rows)
    if args.triples < 1_000_000:
        print(f"note: the targets are stated for ≥ 1,000,000 triples; this graph has {summary.quads:,}")
    for ok, line in results:
        print(f"check {'PASS' if ok else 'FAIL'}: {line}")
    print(stages.report())
    return 1 if args.check and not all(ok for ok, _ in results) else 0


# ----------------------------------------------------------------------------------------------
# length: what one article costs against its length

LENGTH_SIZES = (10_000, 100_000, 300_000, 1_000_000)
LENGTH_TARGET = 1.5  # the longest article may cost at most this much more per character than the shortest
PER = 100_000  # figures are seconds per 100 KB (100,000 characters)


def long_texts(texts: list[str], size: int, count: int = 1) -> list[str]:
    """``count`` texts of at most ``size`` characters, each of whole articles one after the other
    (the n-th from the n-th article on, so that they differ), cut at a paragraph break."""
    made = []
    for n in range(count):
        parts, total, k = [], 0, n
        while total < size:
            part = texts[k % len(texts)].strip()
            parts.append(part)
            total += len(part) + 2
            k += 1
        text = "\n\n".join(parts)[:size]
        for mark in ("\n\n", ". ", " "):  # a whole paragraph, else a whole sentence, else a whole word
            cut = text.rfind(mark)
            if cut > size // 2:
                text = text[:cut + 1].rstrip()
                break
        made.append(text)
    return made


def component_seconds(nlp, text: str, date: str | None) -> dict[str, float]:
    """The seconds each component of the pipeline takes on one text (as ``nlp(doc)`` runs them)."""
    doc = nlp.make_doc(text)
    doc._.kg_date = date
    spent = {}
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        doc = component(doc)
        spent[name] = time.perf_counter() - started
    return spent


def length_main(argv: list[str]) -> int:
    from kg.nlp.pipeline import load_model, load_pipeline
    from kg.pipeline import read_articles

    parser = argparse.ArgumentParser(prog="benchmark.py length",
                                     description="the cost of analysing one article against its length")
    parser.add_argument("corpus", nargs="*", type=Path,
                        help="articles to make the long texts of (default: the bundled sample articles)")
    parser.add_argument("--sizes", default=",".join(map(str, LENGTH_SIZES)),
                        help="article lengths in characters (default 10000,100000,300000,1000000)")
    parser.add_argument("--min-chars", type=int, default=PER,
                        help="analyse at least this many characters of each size, in several "
                             "articles if need be (default 100000)")
    args = parser.parse_args(argv)
    sizes = sorted(int(size.replace("_", "")) for size in args.sizes.split(","))
    articles = read_articles(args.corpus)
    if not articles:
        print("no articles to make the texts of", file=sys.stderr)
        return 2
    texts = [a.text for a in articles]
    date = articles[0].date

    ours, bare = load_pipeline(), load_model()
    ours.max_length = bare.max_length = max(ours.max_length, sizes[-1] + 1)
    component_seconds(ours, texts[0], date)  # warm up: the gazetteer, the lexicons, the model
    bare(texts[0])
    source = " ".join(str(p) for p in args.corpus) or "the bundled sample articles"
    print(f"articles of each length, made of the {len(texts)} articles of {source} one after the other")
    print(f"seconds per 100 KB (100,000 characters); newsgraph's components are {', '.join(n for n in ours.pipe_names if n.startswith('kg_'))}")
    header = (f"{'length':>10s} {'articles':>8s} {'analysis':>9s} {'spaCy components':>17s} "
              f"{'newsgraph components':>21s} {'(× spaCy)':>9s} {'bare model':>11s}")
    print(header)
    print("-" * len(header))
    rows = []
    for size in sizes:
        made = long_texts(texts, size, max(1, -(-args.min_chars // size)))
        chars = sum(len(t) for t in made)
        spent = [component_seconds(ours, text, date) for text in made]
        kg_time = sum(v for s in spent for name, v in s.items() if name.startswith("kg_"))
        spacy_time = sum(v for s in spent for name, v in s.items() if not name.startswith("kg_"))
        bare_time = sum(seconds(lambda: bare(text)) for text in made)
        per = PER / chars
        row = {"size": size, "analysis": (kg_time + spacy_time) * per, "spacy": spacy_time * per,
               "kg": kg_time * per, "bare": bare_time * per}
        rows.append(row)
        print(f"{size:>10,d} {len(made):>8d} {row['analysis']:>9.2f} {row['spacy']:>17.2f} "
              f"{row['kg']:>21.2f} {row['kg'] / row['spacy']:>8.2f}× {row['bare']:>11.2f}", flush=True)
    first, last = rows[0], rows[-1]
    whole = last["analysis"] / first["analysis"]
    print(f"per character, {last['size']:,d} / {first['size']:,d}: analysis {whole:.2f}×, "
          f"newsgraph components {last['kg'] / first['kg']:.2f}×, spaCy components {last['spacy'] / first['spacy']:.2f}×, "
          f"bare model {last['bare'] / first['bare']:.2f}×")
    verdict = "ok" if whole <= LENGTH_TARGET else "FAILS"
    print(f"check  a {last['size']:,d}-character article costs ≤ {LENGTH_TARGET}× per character what a "
          f"{first['size']:,d}-character one does: {whole:.2f}× {verdict}")
    ours = last["kg"] / first["kg"]  # what newsgraph's own code adds (spaCy's own growth is the model's)
    print(f"check  newsgraph's components on a {last['size']:,d}-character article cost ≤ {LENGTH_TARGET}× per "
          f"character what they do on a {first['size']:,d}-character one: {ours:.2f}× "
          f"{'ok' if ours <= LENGTH_TARGET else 'FAILS'}")
# throughput: kg build against spaCy's own nlp.pipe, 1 and 2 workers, memory at 1× and 4×

THROUGHPUT_TARGET = 0.85  # kg build (one process, end to end) words/s against raw nlp.pipe
WORKERS_TARGET = 1.55  # 2 workers against 1
RSS_TARGET = 1.2  # peak RSS at 4× the corpus against 1×

_BUILD_CHILD = """
import json, resource, sys, time
from kg.pipeline import build
corpus, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
result = build([corpus], out, workers=workers, rebuild=True)
usage = {who: resource.getrusage(getattr(resource, who))
         for who in ("RUSAGE_SELF", "RUSAGE_CHILDREN")}
print(json.dumps({"articles": result.articles, "triples": result.triples, "stages": result.stages,
                  "rss_kib": max(u.ru_maxrss for u in usage.values()),
                  "cpu": sum(u.ru_utime + u.ru_stime for u in usage.values())}))
"""


def varied_copies(records: list[dict], copies: int) -> list[dict]:
    """``copies`` copies of JSON Lines article records, each with an id of its own and its
    paragraphs rotated (so no two texts are equal: newsgraph skips a repeated text)."""
    seen: set[str] = set()
    made = []
    for copy in range(copies):
        for record in records:
            paragraphs = record["text"].split("\n\n")
            turn = copy % len(paragraphs)
            text = "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
            if text in seen:
                text += f"\n\n(Copy {copy + 1}.)"
            seen.add(text)
            made.append({**record, "id": f"{record['id']}-copy{copy + 1}", "text": text})
    return made


def write_jsonl(records: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def corpus_main(argv: list[str]) -> int:
    """``benchmark.py corpus SOURCE.jsonl --copies N -o OUT.jsonl``: a bigger corpus of real articles."""
    parser = argparse.ArgumentParser(prog="benchmark.py corpus", description=corpus_main.__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.source.open(encoding="utf-8") if line.strip()]
    made = varied_copies(records, args.copies)
    write_jsonl(made, args.out)
    print(f"{len(made)} articles, {sum(len(r['text'].split()) for r in made)} words → {args.out}")
    return 0


@dataclass
class BuildRun:
    wall: float
    cpu: float
    rss_mib: float
    articles: int
    stages: dict


def measured_build(corpus: Path, out: Path, workers: int) -> BuildRun:
    """``kg build`` of a corpus in a fresh process, timed from outside (interpreter start,
    imports and model load included), with its peak RSS (largest of the build process and its
    worker processes, from getrusage) and CPU time."""
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _BUILD_CHILD, str(corpus), str(out), str(workers)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    wall = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"kg build failed:\n{done.stderr[-3000:]}")
    record = json.loads(done.stdout.strip().splitlines()[-1])
    return BuildRun(wall, record["cpu"], record["rss_kib"] / 1024, record["articles"], record["stages"])


def raw_spacy(texts: list[str], batch_size: int) -> tuple[float, float, float]:
    """Seconds (wall, CPU) of the bare model's nlp.pipe over the texts, and of loading it."""
    from kg.nlp.pipeline import load_model

    began = time.perf_counter()
    nlp = load_model()
    load = time.perf_counter() - began
    list(nlp.pipe(texts[:2]))  # warm up
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu, load


def throughput_main(argv: list[str]) -> int:
    from kg.pipeline import read_articles

    parser = argparse.ArgumentParser(
        prog="benchmark.py throughput",
        description="kg build against the bare model's nlp.pipe on the same texts; 1 and 2 workers; "
                    "peak RSS at 1× and N× the corpus")
    parser.add_argument("corpus", type=Path, help="a JSON Lines corpus (see `benchmark.py corpus`)")
    parser.add_argument("--scale", type=int, default=4, help="the bigger corpus for memory: this many copies")
    parser.add_argument("--workers", type=int, default=2, help="the workers to compare with one process")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--keep", type=Path, help="keep the builds in this folder")
    args = parser.parse_args(argv)

    articles = read_articles([args.corpus])
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(articles)} articles, {words} words, {sum(map(len, texts)) / len(texts) / 1000:.1f} kB "
          f"an article; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}", flush=True)
    raw_wall, raw_cpu, raw_load = raw_spacy(texts, args.batch_size)
    print(f"raw spaCy nlp.pipe (bare model, newsgraph's components off): {raw_wall:.1f} s "
          f"({words / raw_wall:,.0f} words/s; CPU {raw_cpu:.1f} s; model load {raw_load:.1f} s apart)", flush=True)

    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        one = measured_build(args.corpus, work / "one", 1)
        print(f"kg build, 1 process, end to end: {one.wall:.1f} s ({words / one.wall:,.0f} words/s; "
              f"CPU {one.cpu:.1f} s; peak RSS {one.rss_mib:.0f} MiB)", flush=True)
        many = measured_build(args.corpus, work / "many", args.workers)
        print(f"kg build, {args.workers} workers, end to end: {many.wall:.1f} s ({words / many.wall:,.0f} words/s; "
              f"CPU {many.cpu:.1f} s; peak RSS {many.rss_mib:.0f} MiB of one process)", flush=True)
        records = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()]
        bigger = write_jsonl(varied_copies(records, args.scale), work / f"corpus-x{args.scale}.jsonl")
        big = measured_build(bigger, work / "big", 1)
        print(f"kg build, 1 process, {args.scale}× the corpus: {big.wall:.1f} s ({big.articles} articles; "
              f"peak RSS {big.rss_mib:.0f} MiB)", flush=True)

    print(f"load average at the end: {os.getloadavg()[0]:.1f} (other processes on the machine slow every "
          "wall-clock figure; CPU times are given beside them)")
    print("\nshare of time per stage (kg build, 1 process, end to end):")
    stages = dict(one.stages)
    stages["start-up (interpreter, imports)"] = max(0.0, one.wall - sum(stages.values()))
    for name, value in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"  {name:34s} {value:7.1f} s {value / one.wall:6.1%}")

    ratio = raw_wall / one.wall
    cpu_ratio = raw_cpu / one.cpu
    speedup = one.wall / many.wall
    rss = big.rss_mib / one.rss_mib
    print("\nratios (this run):")
    print(f"  kg build / raw spaCy throughput (1 process, wall): {ratio:.2f}x  (CPU time: {cpu_ratio:.2f}x)")
    print(f"  {args.workers} workers / 1 process (wall): {speedup:.2f}x")
    print(f"  peak RSS {args.scale}x corpus / 1x corpus: {rss:.2f}x")
    for ok, text in ((ratio >= THROUGHPUT_TARGET, f"kg build ≥ {THROUGHPUT_TARGET}× raw spaCy throughput"),
                     (speedup >= WORKERS_TARGET, f"{args.workers} workers ≥ {WORKERS_TARGET}× one"),
                     (rss <= RSS_TARGET, f"peak RSS at {args.scale}× ≤ {RSS_TARGET}× of 1×")):
        print(f"check {'PASS' if ok else 'FAIL'} {text}")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "explorer":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        return explorer_benchmark(argv[1:])
    if argv and argv[0] == "sparql":
        return sparql_main(argv[1:])
    if argv and argv[0] == "nlp":
        return nlp_main(argv[1:])
    if argv and argv[0] == "length":
        return length_main(argv[1:])
    if argv and argv[0] == "throughput":
        return throughput_main(argv[1:])
    if argv and argv[0] == "corpus":
        return corpus_main(argv[1:])
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    return nlp_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
