"""kg query within bounds: time and row limits that stop a runaway query, Ctrl-C, formats,
query files, and what reaches a terminal."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import cli
from kg.errors import KGError
from kg.rdf.query import RDFS, RES, format_results, read_query_file, run_limited
from kg.rdf.store import load_store, open_store, store_folder

LABEL = ox.NamedNode(RDFS + "label")
THINGS = 200
# 200^3 = 8 million rows, 200^4 = 1.6 billion: far more than a test can wait for
CROSS_PRODUCT = "SELECT * WHERE { ?a rdfs:label ?x . ?b rdfs:label ?y . ?c rdfs:label ?z }"
ENDLESS_COUNT = ("SELECT (COUNT(*) AS ?n) WHERE { ?a rdfs:label ?w . ?b rdfs:label ?x . "
                 "?c rdfs:label ?y . ?d rdfs:label ?z }")
PROMPTLY = 20  # seconds: generous, for a busy CI machine; a stop takes well under 2 s here
ESCAPES = "red\x1b[31m alert\u202e!\x07 line\nbreak, \"quoted\""


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    """A build folder with a small synthetic store: THINGS labelled things in a named graph, one
    of them labelled with terminal escapes."""
    folder = tmp_path_factory.mktemp("graph")
    named = ox.NamedNode(RES + "graph/things")
    quads = [ox.Quad(ox.NamedNode(f"{RES}thing/{i}"), LABEL, ox.Literal(f"thing {i:03d}"), named)
             for i in range(THINGS)]
    quads.append(ox.Quad(ox.NamedNode(RES + "odd"), ox.NamedNode(RDFS + "comment"), ox.Literal(ESCAPES), named))
    (folder / "kg.nq").write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    load_store(folder / "kg.nq", folder)
    return folder


def run(capsys, *argv):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_cross_product_is_cut_at_the_row_limit_promptly(graph):
    started = time.monotonic()
    limited = run_limited(store_folder(graph), CROSS_PRODUCT, timeout=60, max_rows=25)
    assert time.monotonic() - started < PROMPTLY
    assert limited.truncated and len(list(limited.results)) == 25


def test_a_query_past_the_time_limit_is_stopped(graph):
    started = time.monotonic()
    with pytest.raises(KGError) as error:
        run_limited(store_folder(graph), ENDLESS_COUNT, timeout=1)
    assert error.value.code == "E409" and "time limit of 1 s" in str(error.value) and "--timeout" in str(error.value)
    assert time.monotonic() - started < PROMPTLY


@pytest.mark.parametrize("max_rows, truncated", [(THINGS, False), (THINGS - 1, True), (THINGS + 1, False)])
def test_the_cut_is_exact(graph, max_rows, truncated):
    limited = run_limited(store_folder(graph), "SELECT ?x WHERE { ?t rdfs:label ?x } ORDER BY ?x", max_rows=max_rows)
    rows = [solution["x"].value for solution in limited.results]
    assert limited.truncated is truncated
    assert rows == [f"thing {i:03d}" for i in range(min(max_rows, THINGS))]


def test_construct_is_cut_at_the_row_limit_too(graph):
    limited = run_limited(store_folder(graph), "CONSTRUCT WHERE { ?t rdfs:label ?x }", max_rows=7)
    assert limited.truncated and len(limited.results) == 7
    assert format_results(limited).count(" rdfs:label ") == 7


def test_ask_and_a_select_without_variables(graph):
    assert format_results(run_limited(store_folder(graph), "ASK { ?t rdfs:label 'thing 007' }")) == "true"
    limited = run_limited(store_folder(graph), "SELECT * WHERE {}")
    assert not limited.truncated and len(list(limited.results)) == 1


def test_the_cli_says_on_stderr_that_results_were_cut_and_stdout_stays_valid(graph, capsys):
    code, out, err = run(capsys, "query", "-o", str(graph), CROSS_PRODUCT, "--format", "json", "--max-rows", "3")
    assert code == 0 and len(json.loads(out)["results"]["bindings"]) == 3
    assert err == "kg: W401 results cut at 3 rows; raise --max-rows to see more\n"
    code, out, err = run(capsys, "query", "-o", str(graph), "--timeout", "1", ENDLESS_COUNT)
    assert code == 1 and err.startswith("kg: E409 ") and err.count("\n") == 1 and out == ""


def test_terminal_escapes_are_shown_escaped_in_a_table_and_kept_exact_in_machine_formats(graph, capsys):
    query = "SELECT ?c WHERE { ?s rdfs:comment ?c }"
    code, out, _ = run(capsys, "query", "-o", str(graph), query)
    assert code == 0 and "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert out.splitlines()[-1] == 'red\\x1b[31m alert\\u202e!\\x07 line break, "quoted"'
    code, out, _ = run(capsys, "query", "-o", str(graph), query, "--format", "json")
    assert json.loads(out)["results"]["bindings"][0]["c"]["value"] == ESCAPES
    assert "\x1b" not in out  # JSON escapes control characters
    code, out, _ = run(capsys, "query", "-o", str(graph), query, "--format", "csv")
    assert list(csv.reader(io.StringIO(out, newline=""))) == [["c"], [ESCAPES]]


@pytest.mark.parametrize("query, fmt, said", [
    ("CONSTRUCT WHERE { ?t rdfs:label ?x }", "json", "gives triples, which --format json cannot hold"),
    ("DESCRIBE ?t WHERE { ?t rdfs:label ?x }", "xml", "gives triples, which --format xml cannot hold"),
    ("CONSTRUCT WHERE { ?t rdfs:label ?x }", "yaml", "unknown result format 'yaml'"),
    ("SELECT * WHERE { ?t rdfs:label ?x }", "yaml", "unknown result format 'yaml'"),
])
def test_a_format_that_does_not_fit_the_query_is_refused(graph, capsys, query, fmt, said):
    code, out, err = run(capsys, "query", "-o", str(graph), query, "--format", fmt)
    assert code == 1 and out == "" and err.startswith("kg: E403 ") and said in err and err.count("\n") == 1


def test_a_query_file_may_start_with_a_byte_order_mark(graph, tmp_path, capsys):
    path = tmp_path / "bom.rq"
    path.write_bytes("\ufeffASK { ?t rdfs:label 'thing 001' }".encode("utf-8"))
    assert read_query_file(path).startswith("ASK")
    assert run(capsys, "query", "-o", str(graph), "-f", str(path))[:2] == (0, "true\n")


def test_a_query_file_that_is_not_utf8_is_named_in_one_line(graph, tmp_path, capsys):
    path = tmp_path / "latin1.rq"
    path.write_bytes("# caf\u00e9\nASK {}".encode("latin-1"))
    code, _, err = run(capsys, "query", "-o", str(graph), "-f", str(path))
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"kg: E405 {path} is not UTF-8 text (byte 0xe9 on line 1)")


def test_out_naming_a_file_or_a_damaged_store_is_a_user_error(tmp_path, capsys):
    (tmp_path / "file").write_text("not a folder")
    code, _, err = run(capsys, "query", "-o", str(tmp_path / "file"), "ASK {}")
    assert code == 1 and err.startswith("kg: E303 ") and "is a file, not a folder" in err and err.count("\n") == 1
    (tmp_path / "damaged" / "store").mkdir(parents=True)
    (tmp_path / "damaged" / "store" / "CURRENT").write_text("garbage\n")
    code, _, err = run(capsys, "query", "-o", str(tmp_path / "damaged"), "ASK {}")
    assert code == 1 and err.startswith("kg: E302 cannot open the store") and err.count("\n") == 1
    with pytest.raises(KGError, match="E302"):
        open_store(tmp_path / "damaged")
    code, _, err = run(capsys, "serve", "-o", str(tmp_path / "file"), "--port", "0")
    assert code == 1 and err.startswith("kg: E303 ") and err.count("\n") == 1


def query_processes(marker: str) -> list[int]:
    """Processes whose command line mentions ``marker`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def interrupt(argv: list[str], after: float) -> tuple[int, str, float]:
    """Run ``python -m kg argv``, send SIGINT after ``after`` seconds: exit code, stderr, seconds to exit."""
    process = subprocess.Popen([sys.executable, "-m", "kg", *argv], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    assert process.poll() is None, "the command ended before it could be interrupted"
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return process.returncode, err, time.monotonic() - sent


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux /proc")
def test_ctrl_c_stops_a_running_query_and_its_process(graph):
    code, err, seconds = interrupt(["query", "-o", str(graph), "--timeout", "120", ENDLESS_COUNT], after=2.5)
    assert code == 130 and err == "kg: interrupted\n" and seconds < PROMPTLY
    time.sleep(0.5)
    assert query_processes(str(store_folder(graph))) == []


@pytest.mark.model
@pytest.mark.slow
def test_ctrl_c_stops_a_build(tmp_path):
    # enough articles that the build is still running when interrupted (the sample corpus
    # alone may be built in less than the time its start takes to be interrupted after)
    from kg.pipeline import read_articles

    corpus = tmp_path / "corpus.jsonl"
    records = ({"id": f"{article.id}-{copy}", "text": f"{article.text}\n\n(Copy {copy}.)"}
               for copy in range(40) for article in read_articles())
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    code, err, seconds = interrupt(["build", str(corpus), "-o", str(tmp_path / "out"), "-q", "--workers", "1"],
                                   after=2.5)
    assert code == 130 and err.endswith("kg: interrupted\n") and seconds < PROMPTLY
    assert not (tmp_path / "out" / "kg.ttl").exists()


def test_turtle_for_a_terminal_escapes_bidirectional_overrides_and_reads_back_the_same(graph):
    limited = run_limited(store_folder(graph), "CONSTRUCT WHERE { ?s rdfs:comment ?c }")
    turtle = format_results(limited, "table")
    assert "\x1b" not in turtle and "\u202e" not in turtle and "\\u202E" in turtle
    [triple] = ox.parse(turtle.encode("utf-8"), ox.RdfFormat.TURTLE)
    assert triple.object.value == ESCAPES


def test_ctrl_c_ends_a_command_that_does_not_unwind(tmp_path):
    """A command stuck where KeyboardInterrupt cannot end it (here: one that swallows it) is
    ended by the watcher after the grace time."""
    script = ("import time\n"
              "from kg.interrupt import exit_promptly_on_interrupt\n"
              "assert exit_promptly_on_interrupt(grace=0.5)\n"
              "ready = False\n"
              "while True:\n"
              "    try:\n"
              "        if not ready:\n"
              "            ready = print('ready', flush=True) or True\n"
              "        time.sleep(60)\n"
              "    except KeyboardInterrupt:\n"
              "        pass\n")
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    assert process.stdout.readline() == "ready\n"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=PROMPTLY)
    assert process.returncode == 130 and err == "kg: interrupted\n"
