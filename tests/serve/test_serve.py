"""`kg serve`: a live endpoint on loopback over the sample build, queried as a SPARQL client would."""
from __future__ import annotations

import csv
import io
import os
import re
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, N3, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper

from kg import cli
from kg.serve.example_queries import page_examples
from kg.serve.server import TRUNCATED_HEADER

pytestmark = [pytest.mark.slow, pytest.mark.model]

TIMEOUT = 2
MAX_ROWS = 25
MAX_REQUEST_BYTES = 4096
CITY_LABELS = "SELECT ?city WHERE { ?c a kg:City ; rdfs:label ?city } ORDER BY ?city"
CROSS_PRODUCT = "WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("served")
    assert cli.main(["build", "-o", str(out), "--quiet"]) == 0
    return out


class Served:
    """A `kg serve` process and the URL it announced."""

    def __init__(self, out: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "-o", str(out), "--port", "0", "--timeout", str(TIMEOUT),
             "--max-rows", str(MAX_ROWS), "--max-request-bytes", str(MAX_REQUEST_BYTES)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = _read_line(self.process.stdout, seconds=60)
        match = re.search(r" at (http://127\.0\.0\.1:\d+)/ ", line)
        assert match, f"no ready line: {line!r} {self.process.stderr.read() if self.process.poll() is not None else ''}"
        self.url = match.group(1)
        self.sparql = self.url + "/sparql"

    def children(self) -> list[int]:
        """Process ids of the Oxigraph servers `kg serve` runs."""
        return [pid for pid, parent in _processes() if parent == self.process.pid]

    def stop(self, sig: int = signal.SIGINT) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=30)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()


@pytest.fixture(scope="module")
def served(sample_build):
    server = Served(sample_build)
    yield server
    server.stop()


def _read_line(stream, seconds: float) -> str:
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        return stream.readline() if selector.select(seconds) else ""


def _processes():
    """(pid, parent pid) of every process."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        yield int(stat.parent.name), int(fields[1])


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _client(served: Served, query: str, fmt: str, method: str = "GET", request_method: str = URLENCODED):
    client = SPARQLWrapper(served.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    client.setRequestMethod(request_method)
    return client


# ----------------------------------------------------------------------------------------------
# The protocol and the result formats


def test_select_in_every_results_format_through_each_kind_of_request(served):
    as_json = _client(served, CITY_LABELS, JSON).query()
    as_xml = _client(served, CITY_LABELS, XML, POST, URLENCODED).query()
    as_csv = _client(served, CITY_LABELS, CSV, POST, POSTDIRECTLY).query()
    as_tsv = _client(served, CITY_LABELS, TSV).query()

    json_cities = [b["city"]["value"] for b in as_json.convert()["results"]["bindings"]]
    xml_cities = [node.firstChild.data for node in as_xml.convert().getElementsByTagName("literal")]
    csv_cities = [row[0] for row in csv.reader(io.StringIO(as_csv.convert().decode("utf-8")))][1:]
    tsv_lines = as_tsv.convert().decode("utf-8").splitlines()
    tsv_cities = [line.strip('"') for line in tsv_lines[1:]]

    assert "Kyiv" in json_cities and "Kherson" in json_cities
    assert json_cities == sorted(json_cities)
    assert xml_cities == csv_cities == tsv_cities == json_cities
    assert tsv_lines[0] == "?city"
    assert as_json.info()["content-type"] == "application/sparql-results+json"
    assert as_xml.info()["content-type"] == "application/sparql-results+xml"
    assert as_csv.info()["content-type"].startswith("text/csv")
    assert as_tsv.info()["content-type"].startswith("text/tab-separated-values")


def test_construct_as_turtle_and_as_n_triples(served):
    query = "CONSTRUCT { ?c rdfs:label ?name } WHERE { ?c a kg:City ; rdfs:label ?name }"
    turtle = _client(served, query, TURTLE).query()
    n_triples = _client(served, query, N3)
    n_triples.addCustomHttpHeader("Accept", "application/n-triples")
    n_triples = n_triples.query()

    assert turtle.info()["content-type"].startswith("text/turtle")
    assert n_triples.info()["content-type"].startswith("application/n-triples")
    from_turtle = rdflib.Graph().parse(data=turtle.convert(), format="turtle")
    from_n_triples = rdflib.Graph().parse(data=n_triples.convert(), format="nt")
    assert set(from_turtle) == set(from_n_triples)
    assert rdflib.Literal("Kyiv") in set(from_turtle.objects())


def test_ask_and_the_union_of_the_named_graphs_as_default_graph(served):
    assert _client(served, "ASK { ?city a kg:City ; rdfs:label \"Kyiv\" }", JSON).query().convert()["boolean"] is True
    assert _client(served, "ASK { ?city rdfs:label \"Atlantis\" }", JSON).query().convert()["boolean"] is False


def test_an_update_is_refused_and_changes_nothing(served):
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    with pytest.raises(urllib.error.HTTPError) as refused:
        _client(served, insert, JSON, POST).query()  # SPARQLWrapper sends it as an update
    assert refused.value.code == 403
    assert b"E713" in refused.value.read()
    as_query = httpx.get(served.sparql, params={"query": insert})
    assert as_query.status_code == 403 and "read-only" in as_query.text
    assert _client(served, "ASK { <urn:x:a> ?p ?o }", JSON).query().convert()["boolean"] is False


def test_service_is_refused_without_contacting_the_other_server(served):
    contacted = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self):
            contacted.append(self.path)
            self.send_error(500)

        do_POST = do_GET

        def log_message(self, *args):
            pass

    other = HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        other_url = f"http://127.0.0.1:{other.server_address[1]}/sparql"
        for query in (f"SELECT * WHERE {{ SERVICE <{other_url}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <{other_url}> {{ ?s ?q ?r }} }} }}"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                _client(served, query, JSON).query()
            assert refused.value.code == 403
            assert b"E714 SERVICE is refused" in refused.value.read()
        # text that rdflib, left to itself, reads otherwise than Oxigraph: the call hidden in
        # a string (a \u005C escape) or in a comment (ended by a carriage return)
        for hidden in (f"SELECT * WHERE {{ OPTIONAL {{ ?s ?p \"x\\u005C\" }} SERVICE <{other_url}> {{ ?a ?b ?c }} "
                       f"FILTER(?p != '\"}} #')\n}}",
                       f"SELECT * WHERE {{ ?s a kg:City # a comment\rSERVICE <{other_url}> {{ ?a ?b ?c }}\n}}"):
            response = httpx.post(served.sparql, data={"query": hidden})
            assert 400 <= response.status_code < 500, response.text
    finally:
        other.shutdown()
    assert contacted == []
    # the word in a literal is no SERVICE call: decided on the parsed query
    literal = _client(served, 'SELECT ?s WHERE { ?s rdfs:label "SERVICE <http://x/> { }" }', JSON).query()
    assert literal.convert()["results"]["bindings"] == []


@pytest.mark.parametrize("runaway", [f"SELECT (COUNT(*) AS ?n) {CROSS_PRODUCT}",
                                     f"SELECT * {CROSS_PRODUCT} ORDER BY ?a ?d ?g"],
                         ids=["count", "sort"])
def test_a_runaway_query_ends_at_the_time_limit_while_others_are_answered(served, runaway):
    outcome = {}

    def run_runaway():
        started = time.monotonic()
        response = httpx.post(served.sparql, data={"query": runaway}, timeout=60)
        outcome.update(status=response.status_code, text=response.text, seconds=time.monotonic() - started)

    runner = threading.Thread(target=run_runaway)
    runner.start()
    time.sleep(0.5)
    answered_meanwhile = 0
    while runner.is_alive():
        started = time.monotonic()
        result = _client(served, "ASK { ?city a kg:City }", JSON).query().convert()
        assert result["boolean"] is True and time.monotonic() - started < 1.0
        answered_meanwhile += runner.is_alive()
        time.sleep(0.2)
    runner.join()

    assert answered_meanwhile >= 3
    assert outcome["status"] == 503 and "E720" in outcome["text"]
    assert TIMEOUT - 0.2 < outcome["seconds"] < TIMEOUT + 3
    # really stopped: Oxigraph is idle once the answer came
    children = served.children()
    spent = _cpu_seconds(children)
    time.sleep(1.0)
    assert _cpu_seconds(served.children()) - spent < 0.3
    assert _client(served, CITY_LABELS, JSON).query().convert()["results"]["bindings"]


def test_results_are_capped_at_the_row_limit(served):
    everything = httpx.post(served.sparql, data={"query": "SELECT * WHERE { ?s ?p ?o }"},
                            headers={"Accept": "application/sparql-results+json"})
    assert len(everything.json()["results"]["bindings"]) == MAX_ROWS
    assert everything.headers[TRUNCATED_HEADER] == str(MAX_ROWS)

    few = httpx.post(served.sparql, data={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"},
                     headers={"Accept": "text/csv"})
    assert len(few.text.splitlines()) == 1 + 3 and TRUNCATED_HEADER not in few.headers

    graph = httpx.post(served.sparql, content="CONSTRUCT WHERE { ?s ?p ?o }",
                       headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
    assert len(graph.text.splitlines()) == MAX_ROWS and graph.headers[TRUNCATED_HEADER] == str(MAX_ROWS)


def test_oversize_requests_are_refused(served):
    padding = "#" + "x" * MAX_REQUEST_BYTES + "\n"
    form = httpx.post(served.sparql, data={"query": padding + "ASK {}"})
    assert form.status_code == 413 and "E712" in form.text
    body = httpx.post(served.sparql, content=padding + "ASK {}", headers={"Content-Type": "application/sparql-query"})
    assert body.status_code == 413
    url = httpx.get(served.sparql, params={"query": padding + "ASK {}"})
    assert url.status_code == 414
    assert httpx.post(served.sparql, data={"query": "ASK {}"}).status_code == 200


def test_errors_name_what_is_wrong(served):
    syntax = httpx.get(served.sparql, params={"query": "SELECT * WHERE {\n  ?s ?p }"})
    assert syntax.status_code == 400 and "E715" in syntax.text and "line 2" in syntax.text
    prefix = httpx.get(served.sparql, params={"query": "SELECT * WHERE { ?s foaf:name ?o }"})
    assert prefix.status_code == 400 and "unknown prefix foaf" in prefix.text
    html = httpx.get(served.sparql, params={"query": "ASK {}"}, headers={"Accept": "text/html"})
    assert html.status_code == 406
    none = httpx.get(served.sparql)
    assert none.status_code == 400 and "/query" in none.text
    assert len(syntax.text.strip().splitlines()) == 1


# ----------------------------------------------------------------------------------------------
# Pages


def test_the_explorer_is_served_at_the_root(served, sample_build):
    page = httpx.get(served.url + "/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.content == (sample_build / "explorer.html").read_bytes()


def test_the_query_page_offers_examples_and_escapes_what_it_shows(served):
    empty = httpx.get(served.url + "/query")
    assert empty.status_code == 200 and "<textarea" in empty.text
    for example in page_examples():
        assert example.title.replace("&", "&amp;") in empty.text

    query = 'SELECT ?x WHERE { BIND("<script>alert(1)</script>" AS ?x) }'
    page = httpx.get(served.url + "/query", params={"query": query})
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page.text

    cities = httpx.get(served.url + "/query", params={"query": CITY_LABELS})
    assert "<td>Kyiv</td>" in cities.text

    refused = httpx.get(served.url + "/query", params={"query": "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"})
    assert refused.status_code == 403 and "E714" in refused.text


# ----------------------------------------------------------------------------------------------
# The command


def test_a_folder_without_a_store_or_a_port_in_use_is_a_user_error(sample_build, tmp_path, capsys):
    assert cli.main(["serve", "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("kg: E301 no store in")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["serve", "-o", str(sample_build), "--port", str(port)]) == 1
    assert capsys.readouterr().err == f"kg: E701 port {port} on 127.0.0.1 is in use; choose another with --port\n"


@pytest.mark.parametrize("sig, exit_code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGKILL, -9)],
                         ids=["ctrl-c", "sigterm", "sigkill"])
def test_stopping_kg_serve_stops_oxigraph_too(sample_build, sig, exit_code):
    server = Served(sample_build)
    children = server.children()
    assert len(children) == 1 and httpx.get(server.url + "/").status_code == 200
    assert server.stop(sig) == exit_code
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)


def test_a_new_build_into_the_served_folder_is_served_from_then_on(sample_build, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(sample_build, folder, symlinks=True)  # the build folder's links (kg.building.outputs) stay links
    article = tmp_path / "talks.txt"
    article.write_text("date 2024-05-02 Delegations from Poland and Chile met in Geneva.", encoding="utf-8")
    server = Served(folder)
    try:
        geneva = 'ASK { ?city rdfs:label "Geneva" }'
        assert _client(server, geneva, JSON).query().convert()["boolean"] is False
        assert cli.main(["build", str(article), "-o", str(folder), "--quiet"]) == 0
        time.sleep(1.2)  # the store folder is looked at once a second
        assert _client(server, geneva, JSON).query().convert()["boolean"] is True
        assert len(server.children()) == 1
    finally:
        server.stop()
