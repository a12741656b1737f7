"""``kg serve``: the store of a build as a SPARQL 1.1 Protocol endpoint, with the explorer and a query page.

Oxigraph's own server (``oxigraph serve-read-only`` from the ``oxigraph`` package: the same
engine and store format as pyoxigraph) answers every query. It runs as a child process on a
private loopback port, with the union of the named graphs as the default graph and its query
timeout, which really stops a running query. In front of it a Starlette app, served by uvicorn,
adds what Oxigraph's server lacks:

- ``/sparql`` takes the three protocol requests (GET ``?query=``, POST form-encoded, POST
  ``application/sparql-query``) and refuses, before anything runs, updates and ``SERVICE`` —
  decided on the query as rdflib's SPARQL parser reads it — and requests over a size limit;
- the usual prefixes (kg:, res:, rdfs: …) are predeclared, as for ``kg query``;
- results are capped at a number of rows (``KG-Results-Truncated`` says so) and a query that
  runs past the time limit gets a 503 instead of a cut-off document;
- ``/`` is the build's explorer.html and ``/query`` a page with a text box, example queries
  and the results as a table.

Oxigraph's server writes results in the format asked for as they are computed; to cap them
the app asks it for the line-based formats (SPARQL results TSV, N-Triples), keeps the first
rows and writes them in the format the client accepts with pyoxigraph's serializers.

Examples
--------
>>> check_query("SELECT ?city WHERE { ?city a kg:City }").form
'SELECT'
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.serve.server.EndpointError: E714 SERVICE is refused: this endpoint does not send queries to other servers
>>> negotiate("text/csv;q=0.5, application/sparql-results+json", "SELECT").media_type
'application/sparql-results+json'
"""
from __future__ import annotations

import contextlib
import errno
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qsl, urlencode

import anyio
import httpx
import jinja2
import pyoxigraph as ox
from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.errors import KGError
from kg.serve.example_queries import page_examples
from kg.rdf.query import PREFIXES
from kg.rdf.query import align_with_oxigraph as _align_with_oxigraph
from kg.rdf.query import parse_nodes as _parse_nodes
from kg.rdf.store import store_path

__all__ = ["ServerSettings", "EndpointError", "CheckedQuery", "check_query", "negotiate", "create_app",
           "OxigraphServer", "OxigraphServers", "serve",
           "TRUNCATED_HEADER"]

TRUNCATED_HEADER = "KG-Results-Truncated"
"""Response header present when results were cut at the row cap; its value is the cap."""

GRACE_SECONDS = 1.5
"""How long past Oxigraph's own timeout the front layer waits before it drops a query itself."""

SOLUTION_FORMATS = [ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML,
                    ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV]
GRAPH_FORMATS = [ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML,
                 ox.RdfFormat.JSON_LD, ox.RdfFormat.N3, ox.RdfFormat.N_QUADS]
"""Result formats by query form, the default first (SELECT and ASK: solutions; CONSTRUCT, DESCRIBE: graphs)."""


@dataclass(frozen=True)
class ServerSettings:
    """What ``kg serve`` serves, where, and its limits."""

    out_dir: Path
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: int = 30
    max_rows: int = 10_000
    max_request_bytes: int = 128 * 1024


class EndpointError(Exception):
    """A request the endpoint answers with an HTTP error status and a one-line coded message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"{code} {message}")
        self.status = status
        self.code = code
        self.message = message

    def response(self) -> PlainTextResponse:
        return PlainTextResponse(f"{self}\n", status_code=self.status)


# ----------------------------------------------------------------------------------------------
# Checking a query before it runs


@dataclass(frozen=True)
class CheckedQuery:
    """A query that may run here: its form and the text to send (predeclared prefixes added)."""

    text: str
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE


def check_query(text: str) -> CheckedQuery:
    """The query as it may run here; refuses updates, SERVICE, syntax errors and unknown prefixes.

    The decision is taken on rdflib's parse of the query, never on its text. A query rdflib
    cannot parse is refused, as it cannot be checked.
    """
    tokens_as_oxigraph_reads_them = _align_with_oxigraph(text)
    try:
        prologue, query = parseQuery(tokens_as_oxigraph_reads_them)
    except (ParseException, ValueError) as error:
        if not isinstance(error, ParseException):  # rdflib: "Invalid unicode code point"
            raise EndpointError(400, "E715", f"SPARQL syntax error: {error}") from None
        if _is_update(tokens_as_oxigraph_reads_them):
            raise EndpointError(403, "E713", "updates are refused: this endpoint is read-only") from None
        found = f", found {error.found}" if getattr(error, "found", None) else ""
        raise EndpointError(400, "E715", f"SPARQL syntax error at line {error.lineno}, column {error.col}: "
                                         f"{error.msg}{found}") from None
    except RecursionError:
        raise EndpointError(400, "E716", "the query is nested too deeply to be checked here; "
                                         "split long lists of triple patterns into groups { … }") from None
    nodes = list(_parse_nodes(query))
    if any(node.name == "ServiceGraphPattern" for node in nodes):
        raise EndpointError(403, "E714", "SERVICE is refused: this endpoint does not send queries to other servers")
    declared = {node.get("prefix") or "" for node in prologue if node.name == "PrefixDecl"}
    used = {node.get("prefix") or "" for node in nodes if node.name == "pname"}
    unknown = sorted(used - declared - PREFIXES.keys())
    if unknown:
        raise EndpointError(400, "E717", f"unknown prefix {unknown[0]}: declare it with "
                                         f"PREFIX {unknown[0]}: <…> or use one of {', '.join(PREFIXES)}")
    # Prefix declarations are prepended on the query's first line, so that Oxigraph's line
    # numbers stay those of the query. The IRIs are our own constants.
    predeclared = "".join(f"PREFIX {prefix}: <{PREFIXES[prefix]}> " for prefix in sorted(used - declared))
    return CheckedQuery(predeclared + text, query.name.removesuffix("Query").upper())


# the same query text is checked once: rdflib's parse costs 7–43 ms a request (a refusal raises,
# and is not kept)
_checked = lru_cache(maxsize=512)(check_query)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except (ParseException, ValueError, RecursionError):
        return False
    return True


# ----------------------------------------------------------------------------------------------
# Content negotiation


def negotiate(accept_header: str | None, form: str):
    """The format, among those of the query form, that an Accept header asks for; None if none fits."""
    formats = SOLUTION_FORMATS if form in ("SELECT", "ASK") else GRAPH_FORMATS
    from_media_type = (ox.QueryResultsFormat if form in ("SELECT", "ASK") else ox.RdfFormat).from_media_type
    accept = parse_accept_header(accept_header or "*/*", MIMEAccept)
    offered = {_bare(fmt.media_type): fmt for fmt in formats}  # canonical types first: the default wins ties
    for media_type, _quality in accept:  # aliases the client named (application/json …) as pyoxigraph reads them
        if "*" not in media_type and from_media_type(media_type) in formats:
            offered.setdefault(media_type, from_media_type(media_type))
    best = accept.best_match(list(offered))
    return offered[best] if best else None


def _bare(media_type: str) -> str:
    return media_type.split(";")[0].strip()


# ----------------------------------------------------------------------------------------------
# The app


@dataclass
class _Results:
    """Results in the client's format, and whether they were cut at the row cap."""

    body: bytes
    media_type: str
    truncated: bool


class Endpoint:
    """The query path: checks, asks Oxigraph's server, caps the rows and writes the client's format."""

    def __init__(self, settings: ServerSettings, engines: "OxigraphServers"):
        self.settings = settings
        self.engines = engines
        self.client: httpx.AsyncClient | None = None

    async def check(self, text: str) -> CheckedQuery:
        """The query as it may run here (see :func:`check_query`), refused past the size limit."""
        if len(text.encode("utf-8")) > self.settings.max_request_bytes:
            raise EndpointError(413, "E712", f"the query is larger than {self.settings.max_request_bytes} bytes")
        return await run_in_threadpool(_checked, text)

    async def run(self, text: str, accept: str | None, graphs: list[tuple[str, str]]) -> _Results:
        """Results of one query in the format the Accept header asks for."""
        checked = await self.check(text)
        fmt = negotiate(accept, checked.form)
        if fmt is None:
            kinds = SOLUTION_FORMATS if checked.form in ("SELECT", "ASK") else GRAPH_FORMATS
            raise EndpointError(406, "E719", f"cannot answer a {checked.form} query in {accept}; accepted: "
                                             + ", ".join(_bare(k.media_type) for k in kinds))
        raw, truncated = await self.fetch(checked, graphs)
        body = await run_in_threadpool(_serialize, raw, checked.form, fmt)
        return _Results(body, fmt.media_type, truncated)

    async def fetch(self, checked: CheckedQuery, graphs: list[tuple[str, str]]) -> tuple[bytes, bool]:
        """The first rows of the results from Oxigraph's server, line-based, and whether there were more.

        Oxigraph stops most queries at its timeout; one it does not stop (a sort, say) is dropped a
        little later, and that server is replaced by a fresh one, stopped once its other queries end.
        """
        upstream_format = {"SELECT": ox.QueryResultsFormat.TSV, "ASK": ox.QueryResultsFormat.JSON}.get(
            checked.form, ox.RdfFormat.N_TRIPLES)
        max_lines = {"SELECT": self.settings.max_rows + 1, "ASK": None}.get(checked.form, self.settings.max_rows)
        started = time.monotonic()
        async with self.engines.using() as engine:
            try:
                with anyio.fail_after(self.settings.timeout + GRACE_SECONDS):
                    raw, truncated = await self._read(engine.url, checked.text, graphs,
                                                      _bare(upstream_format.media_type), max_lines)
                if checked.form == "ASK":
                    _check_boolean(raw)
                return raw, truncated
            except TimeoutError:
                await self.engines.replace(engine, f"a query ran past the time limit of {self.settings.timeout} s")
                raise self._timed_out() from None
            except _UpstreamCut as cut:
                if "cancel" in cut.text.lower() or time.monotonic() - started >= self.settings.timeout:
                    raise self._timed_out() from None
                raise EndpointError(502, "E718", f"the SPARQL engine failed: {cut.text}") from None
            except httpx.HTTPError as error:
                raise EndpointError(502, "E718", f"the SPARQL engine did not answer: {error}") from None

    def _timed_out(self) -> EndpointError:
        return EndpointError(503, "E720", f"the query was stopped at the time limit of {self.settings.timeout} s")

    async def _read(self, engine_url: str, query: str, graphs: list[tuple[str, str]], media_type: str,
                    max_lines: int | None) -> tuple[bytes, bool]:
        """The results document, cut after ``max_lines`` lines (None: a small document read whole)."""
        assert self.client is not None
        form = urlencode([("query", query), *graphs]).encode("ascii")
        headers = {"Accept": media_type, "Content-Type": "application/x-www-form-urlencoded"}
        async with self.client.stream("POST", f"{engine_url}/query", content=form, headers=headers) as response:
            if response.status_code != 200:
                message = " ".join((await response.aread()).decode("utf-8", "replace").split())[:500]
                if response.status_code == 400:
                    raise EndpointError(400, "E715", f"SPARQL error: {message}")
                raise EndpointError(502, "E718", f"the SPARQL engine failed ({response.status_code}): {message}")
            body = bytearray()
            lines = 0
            async for chunk in response.aiter_bytes():
                body += chunk
                lines += chunk.count(b"\n")
                if max_lines is not None and lines > max_lines:  # more than the cap: keep the first lines
                    return bytes(body[: _end_of_line(body, max_lines)]), True
        # Oxigraph ends a results document that it could not finish (a timeout) with a message.
        if max_lines is not None and body and not body.endswith(b"\n"):
            raise _UpstreamCut(body[body.rfind(b"\n") + 1:].decode("utf-8", "replace"))
        return bytes(body), False

    async def __aenter__(self) -> "Endpoint":
        self.client = httpx.AsyncClient(timeout=httpx.Timeout(None, connect=5.0))
        return self

    async def __aexit__(self, *exc_info) -> None:
        if self.client is not None:
            await self.client.aclose()


class _UpstreamCut(Exception):
    """Oxigraph's server stopped writing results and said why."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = " ".join(text.split())


def _check_boolean(raw: bytes) -> None:
    """An ASK answer (SPARQL results JSON) as Oxigraph finished it, or _UpstreamCut with what it said."""
    try:
        ox.parse_query_results(raw, ox.QueryResultsFormat.JSON)
    except SyntaxError:
        raise _UpstreamCut(raw.decode("utf-8", "replace").rsplit(":", 1)[-1]) from None


def _end_of_line(body: bytearray, line_count: int) -> int:
    """The offset just past the ``line_count``-th newline."""
    position = -1
    for _ in range(line_count):
        position = body.index(b"\n", position + 1)
    return position + 1


def _serialize(raw: bytes, form: str, fmt) -> bytes:
    """Line-based results from Oxigraph in the client's format, through pyoxigraph's parsers and serializers."""
    try:
        if form == "SELECT":
            return ox.parse_query_results(raw, ox.QueryResultsFormat.TSV).serialize(format=fmt)
        if form == "ASK":
            return ox.parse_query_results(raw, ox.QueryResultsFormat.JSON).serialize(format=fmt)
        return ox.serialize(ox.parse(raw, ox.RdfFormat.N_TRIPLES), format=fmt, prefixes=PREFIXES)
    except SyntaxError as error:  # a document Oxigraph did not finish
        raise EndpointError(502, "E718", f"the SPARQL engine's answer was cut off: {error}") from None


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) past ``limit`` bytes whether or not it declares its length."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise EndpointError(413, "E712", f"the request is larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise EndpointError(413, "E712", f"the request is larger than {limit} bytes")
    return bytes(body)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise EndpointError(400, "E711", "the request is not UTF-8 text") from None


async def _protocol_parameters(request: Request, limit: int) -> list[tuple[str, str]]:
    """The SPARQL protocol parameters of a request: from the URL, a form body or a query body."""
    if len(request.url.query.encode("utf-8")) > limit:
        raise EndpointError(414, "E712", f"the request URL is longer than {limit} bytes; POST the query instead")
    parameters = list(request.query_params.multi_items())
    if request.method != "POST":
        return parameters
    content_type = _bare(request.headers.get("content-type", "")).lower()
    if content_type == "application/sparql-update":
        raise EndpointError(403, "E713", "updates are refused: this endpoint is read-only")
    body = _decode(await _read_body(request, limit))
    if content_type == "application/x-www-form-urlencoded":
        return parameters + parse_qsl(body, keep_blank_values=True)
    if content_type == "application/sparql-query":
        return parameters + [("query", body)]
    raise EndpointError(415, "E711", "POST a form (application/x-www-form-urlencoded) or a query "
                                     "(application/sparql-query)")


def _query_and_graphs(parameters: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The one query of the parameters, and its dataset (default-graph-uri, named-graph-uri)."""
    if any(name in ("update", "using-graph-uri", "using-named-graph-uri") for name, _ in parameters):
        raise EndpointError(403, "E713", "updates are refused: this endpoint is read-only")
    queries = [value for name, value in parameters if name == "query"]
    if len(queries) != 1:
        raise EndpointError(400, "E711", "give exactly one query: /sparql?query=… (or see the query page at /query)")
    graphs = [(name, value) for name, value in parameters if name in ("default-graph-uri", "named-graph-uri")]
    return queries[0], graphs


def create_app(settings: ServerSettings, engines: "OxigraphServers") -> Starlette:
    """The ASGI app of ``kg serve`` in front of Oxigraph's server (started and stopped by ``engines``)."""
    endpoint = Endpoint(settings, engines)
    explorer = Path(settings.out_dir) / "explorer.html"

    async def sparql(request: Request) -> Response:
        try:
            text, graphs = _query_and_graphs(await _protocol_parameters(request, settings.max_request_bytes))
            results = await endpoint.run(text, request.headers.get("accept"), graphs)
        except EndpointError as error:
            return error.response()
        headers = {TRUNCATED_HEADER: str(settings.max_rows)} if results.truncated else None
        return Response(results.body, media_type=results.media_type, headers=headers)

    async def explorer_page(request: Request) -> Response:
        if not explorer.is_file():
            return EndpointError(404, "E721", f"no explorer.html in {settings.out_dir}: "
                                              f"run `kg build -o {settings.out_dir}`").response()
        return FileResponse(explorer, media_type="text/html")

    async def query_page(request: Request) -> Response:
        text = request.query_params.get("query")
        table, error, status, truncated = None, None, 200, False
        if text:
            try:
                table, truncated = await _page_results(endpoint, text)
            except EndpointError as refused:
                error, status = str(refused), refused.status
        page = _templates().get_template("query.html").render(
            query=text or page_examples()[0].text, examples=page_examples(), table=table, error=error,
            truncated=truncated, max_rows=settings.max_rows, timeout=settings.timeout, prefixes=list(PREFIXES))
        return HTMLResponse(page, status_code=status, headers=_PAGE_HEADERS)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        async with endpoint:
            yield

    return Starlette(routes=[Route("/sparql", sparql, methods=["GET", "POST"]),
                             Route("/", explorer_page, methods=["GET"]),
                             Route("/query", query_page, methods=["GET"])],
                     lifespan=lifespan)


# The query page runs no script and loads nothing from elsewhere.
_PAGE_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"}


@dataclass
class _Table:
    """Results as the query page shows them: column names and rows of short terms (full IRIs as titles)."""

    columns: list[str]
    rows: list[list[tuple[str, str]]]
    boolean: bool | None = None


async def _page_results(endpoint: Endpoint, text: str) -> tuple[_Table, bool]:
    checked = await endpoint.check(text)
    raw, truncated = await endpoint.fetch(checked, [])
    return await run_in_threadpool(_table, raw, checked.form), truncated


def _table(raw: bytes, form: str) -> _Table:
    from kg.rdf.query import short_term

    def cell(term) -> tuple[str, str]:
        if term is None:
            return "", ""
        return short_term(term), (term.value if isinstance(term, ox.NamedNode) else "")

    if form == "ASK":
        return _Table([], [], bool(ox.parse_query_results(raw, ox.QueryResultsFormat.JSON)))
    if form == "SELECT":
        solutions = ox.parse_query_results(raw, ox.QueryResultsFormat.TSV)
        columns = [variable.value for variable in solutions.variables]
        return _Table(columns, [[cell(solution[name]) for name in columns] for solution in solutions])
    triples = ox.parse(raw, ox.RdfFormat.N_TRIPLES)
    return _Table(["subject", "predicate", "object"],
                  [[cell(t.subject), cell(t.predicate), cell(t.object)] for t in triples])


_template_environment: jinja2.Environment | None = None


def _templates() -> jinja2.Environment:
    """Jinja2 with autoescaping always on: queries and results are user text."""
    global _template_environment
    if _template_environment is None:
        _template_environment = jinja2.Environment(
            loader=jinja2.PackageLoader("kg", "templates"), autoescape=True,
            undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return _template_environment


# ----------------------------------------------------------------------------------------------
# Oxigraph's server as a child process


class OxigraphServer:
    """Oxigraph's read-only SPARQL server over a store, on a free loopback port, as a child process.

    The child gets its own session (Ctrl-C on the terminal reaches ``kg serve``, which stops it)
    and, on Linux, is killed by the kernel if the thread that started it dies: children are
    started from the main thread (the one running the event loop), which lives as long as
    ``kg serve``.
    """

    def __init__(self, store: Path, timeout: int, attempts: int = 3, start_seconds: float = 20.0):
        self.store = Path(store)
        self.timeout = timeout
        self.attempts = attempts
        self.start_seconds = start_seconds
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.store_identity: tuple[int, int] | None = None
        self._log = None

    def start(self) -> None:
        """Start the server and wait until it answers; KGError if it cannot."""
        for attempt in range(self.attempts):
            self._launch()
            if self._wait_until_answering():
                return
            self._give_up_unless_port_taken(attempt)

    async def start_from_event_loop(self) -> None:
        """:meth:`start` for a running event loop: launched from its thread, waited for in another."""
        for attempt in range(self.attempts):
            self._launch()
            if await anyio.to_thread.run_sync(self._wait_until_answering):
                return
            self._give_up_unless_port_taken(attempt)

    def _launch(self) -> None:
        port = _free_loopback_port()
        # the build folder the store link points to now (kg.building.outputs flips the link atomically):
        # Oxigraph opens that folder, and a later flip shows as another identity
        location = Path(os.path.realpath(self.store))
        self.store_identity = _folder_identity(location)
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [_oxigraph_executable(), "serve-read-only", "--location", str(location),
             "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", str(self.timeout)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log,
            start_new_session=True, preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        self.url = f"http://127.0.0.1:{port}"

    def _wait_until_answering(self) -> bool:
        deadline = time.monotonic() + self.start_seconds
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                return False
            try:
                if httpx.get(f"{self.url}/query", params={"query": "ASK {}"}, timeout=1.0).status_code == 200:
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        return False

    def _give_up_unless_port_taken(self, attempt: int) -> None:
        """After a failed start: raise with Oxigraph's message, unless another port may do."""
        self._log.seek(0)
        message = " ".join(self._log.read().decode("utf-8", "replace").split()) or "no message"
        message = message.split(" Stack backtrace:")[0]  # Oxigraph's error, without Rust's backtrace
        self.stop()
        if "address already in use" not in message.lower() or attempt + 1 == self.attempts:
            raise KGError("E703", f"Oxigraph's server did not start on {self.store}: {message[:300]}")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it lingers)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> "OxigraphServer":
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


class OxigraphServers:
    """The Oxigraph server queries go to, replaced by a fresh one when it must be.

    That is when a query outlives the time limit (Oxigraph's timeout does not stop every
    query: a sort, say), and when ``kg build`` has put a new store in place of the one served
    (a build writes a new store folder and renames it, so a running server would go on reading
    the old one). A replaced server still answers the queries it was running and is stopped when
    the last ends (each has its own time limit), which stops a runaway query with it.
    """

    STORE_CHECK_SECONDS = 1.0

    def __init__(self, store: Path, timeout: int):
        self.store = Path(store)
        self.timeout = timeout
        self.current: OxigraphServer | None = None
        self.replaced: list[OxigraphServer] = []
        self._users: dict[int, int] = {}
        self._replacing: anyio.Lock | None = None
        self._next_store_check = 0.0

    @contextlib.asynccontextmanager
    async def using(self):
        """The current server, for the time of one query."""
        await self._follow_new_build()
        engine = self.current
        assert engine is not None
        self._users[id(engine)] = self._users.get(id(engine), 0) + 1
        try:
            yield engine
        finally:
            self._users[id(engine)] -= 1
            await self._stop_if_replaced_and_idle(engine)

    async def replace(self, engine: OxigraphServer, reason: str) -> None:
        """Send new queries to a fresh server instead of ``engine`` (``reason`` is said on stderr)."""
        self._replacing = self._replacing or anyio.Lock()
        async with self._replacing:
            if engine is not self.current:
                return  # another request replaced it already
            fresh = OxigraphServer(self.store, self.timeout)
            try:
                await fresh.start_from_event_loop()
            except KGError as error:
                print(f"kg: W702 could not restart Oxigraph's server ({reason}): {error}", file=sys.stderr, flush=True)
                return
            self.current = fresh
            self.replaced.append(engine)
        print(f"kg: W701 {reason}: Oxigraph's server was restarted", file=sys.stderr, flush=True)
        await self._stop_if_replaced_and_idle(engine)

    async def _follow_new_build(self) -> None:
        """Replace the server if the store folder is no longer the one it opened (checked once a second)."""
        if time.monotonic() < self._next_store_check or self.current is None:
            return
        self._next_store_check = time.monotonic() + self.STORE_CHECK_SECONDS
        identity = _folder_identity(self.store)
        if identity is not None and identity != self.current.store_identity:
            await self.replace(self.current, f"a new build of {self.store} is in place")

    async def _stop_if_replaced_and_idle(self, engine: OxigraphServer) -> None:
        if engine in self.replaced and not self._users.get(id(engine)):
            self.replaced.remove(engine)
            self._users.pop(id(engine), None)
            await anyio.to_thread.run_sync(engine.stop)

    def __enter__(self) -> "OxigraphServers":
        self.current = OxigraphServer(self.store, self.timeout)
        self.current.start()
        return self

    def __exit__(self, *exc_info) -> None:
        for engine in [*self.replaced, self.current]:
            if engine is not None:
                engine.stop()


def _folder_identity(folder: Path) -> tuple[int, int] | None:
    """Which folder is at this path now (device, inode); None while there is none (mid-swap)."""
    try:
        status = folder.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _oxigraph_executable() -> str:
    """Oxigraph's command-line server: the one installed beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    import shutil

    found = shutil.which("oxigraph")
    if found is None:
        raise KGError("E702", "Oxigraph's server is not installed: pip install 'oxigraph>=0.5,<0.6'")
    return found


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    """In the child before exec: ask Linux to send SIGTERM when the parent dies (PR_SET_PDEATHSIG)."""
    import ctypes

    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


# ----------------------------------------------------------------------------------------------
# kg serve


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port and listening; KGError if the address cannot be had."""
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise KGError("E701", f"cannot serve on {host}: {error.strerror}") from None
    sock = socket.socket(family, kind, protocol)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        reason = "is in use" if error.errno == errno.EADDRINUSE else f"cannot be used ({error.strerror})"
        raise KGError("E701", f"port {port} on {host} {reason}; choose another with --port") from None
    return sock


def serve(settings: ServerSettings, on_ready: Callable[[str], None] = print) -> None:
    """Serve the store of ``settings.out_dir`` until SIGINT (KeyboardInterrupt) or SIGTERM (SystemExit 143)."""
    import uvicorn

    store = store_path(settings.out_dir)
    if not store.is_dir():
        raise KGError("E301", f"no store in {settings.out_dir}: run `kg build -o {settings.out_dir}` first")
    sock = listening_socket(settings.host, settings.port)
    host, port = sock.getsockname()[:2]
    previous_sigterm = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    previous_sigint = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with sock, OxigraphServers(store, settings.timeout) as engines:
            config = uvicorn.Config(create_app(settings, engines), log_level="warning", access_log=False,
                                    lifespan="on", timeout_graceful_shutdown=2,
                                    h11_max_incomplete_event_size=settings.max_request_bytes + 16 * 1024)
            url = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
            on_ready(f"serving {settings.out_dir} at {url}/ — SPARQL endpoint {url}/sparql, "
                     f"query page {url}/query (Ctrl-C stops)")
            uvicorn.Server(config).run(sockets=[sock])
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)
        signal.signal(signal.SIGINT, previous_sigint)


def _exit_on_sigterm(signum: int, frame) -> None:
    raise SystemExit(128 + signum)
