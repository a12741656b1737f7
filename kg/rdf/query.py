"""SPARQL over the store: run a query, and print its results as a table or a W3C format.

The default graph of a query is the union of all named graphs, so ``?city a kg:City``
finds cities without a ``GRAPH`` clause; the usual prefixes (kg:, res:, rdfs:, skos: …) are
predeclared. ``SERVICE`` (which would send the query to another server) is refused unless
asked for, decided on rdflib's parse of the query; so is an update. A query Oxigraph cannot
parse is explained in one line: where, and what was expected there (an unknown prefix by name).

:func:`run_limited` (``kg query``) runs a query in a child process with a time limit, a row
limit and a memory cap, and kills it when a limit is reached or the command is interrupted:
pyoxigraph itself cannot stop a running query. :func:`run_query` runs one here, unbounded.

IRIs in a table are written so that they can be pasted back into a query: a prefixed name
when a predeclared prefix fits (with ``\\/`` for ``/``, as SPARQL and Turtle require), else
``<…>``.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode(RES + "city/kyiv"), ox.NamedNode(RDFS + "label"), ox.Literal("Kyiv")))
>>> print(format_results(run_query(store, "SELECT ?c ?name WHERE { ?c rdfs:label ?name }"), "table"))
c               name
--------------  ----
res:city\\/kyiv  Kyiv
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

import pyoxigraph as ox

from kg.errors import KGError

if TYPE_CHECKING:
    from rdflib.plugins.sparql.parserutils import CompValue

__all__ = ["PREFIXES", "RES", "RDFS", "check_query", "run_query", "explain_syntax_error", "short_term", "one_line",
           "format_results", "FORMATS", "align_with_oxigraph", "parse_nodes", "read_query_file",
           "check_format", "run_limited", "LimitedResults", "DEFAULT_TIMEOUT", "DEFAULT_MAX_ROWS"]

RES = "https://w3id.org/newsgraph/resource/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PREFIXES = {
    "kg": "https://w3id.org/newsgraph/ontology#",
    "res": RES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": RDFS,
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
}
FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
           "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}

# Strings, IRIs and comments are blanked before looking for a token in a query that does not
# parse (to say where an unknown prefix is used); never used to decide what may run.
_NOT_CODE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                       r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
# the word anywhere, code points escaped or not: what a query rdflib cannot parse must not hold
_SERVICE_WORD = re.compile(r"service", re.IGNORECASE)
_CODE_POINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def check_query(query: str, allow_service: bool = False) -> None:
    """Refuse what a query must not do here: call another server through SERVICE.

    The decision is taken on the query as rdflib's SPARQL parser reads it (a
    ``ServiceGraphPattern`` anywhere: in OPTIONAL, UNION, a subquery …), never on a pattern
    over its text, which escapes (``\\#`` in a prefixed name), strings and comments can fool.
    A query rdflib cannot parse (Oxigraph reads a little more) is refused if the word
    SERVICE appears anywhere in it, as it cannot be checked; one without the word (in any
    case, escaped or not) cannot hold the keyword and is not parsed.

    Raises
    ------
    KGError
        E402 for a query that calls SERVICE, unless ``allow_service``.
    """
    if allow_service:
        return
    decoded = _CODE_POINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16))
                              if int(m.group(1) or m.group(2), 16) < 0x110000 else "", query)
    if not _SERVICE_WORD.search(decoded):
        return  # no SERVICE keyword without the word: nothing to parse (rdflib takes 0.7 s to load)
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(align_with_oxigraph(query))
    except (ParseBaseException, ValueError, RecursionError) as error:
        where = f" (it stops at line {error.lineno}, column {error.col})" if isinstance(error, ParseBaseException) else ""
        raise KGError("E402", f"the query mentions SERVICE and rdflib's SPARQL parser, which checks for "
                              f"SERVICE calls to other servers, cannot read it{where}: correct the query, "
                              f"or pass --allow-service to run it unchecked") from None
    if any(node.name == "ServiceGraphPattern" for node in parse_nodes(parsed)):
        raise KGError("E402", "the query uses SERVICE, which would contact another server; "
                              "pass --allow-service to permit it")


def run_query(store: ox.Store, query: str, allow_service: bool = False):
    """Results of a SPARQL query (solutions, a boolean, or triples), run here, without limits.

    Raises
    ------
    KGError
        E402 for SERVICE (unless allowed), E406 for an update, E401 for any other query that
        does not parse, with the line and column and what was expected there.
    """
    check_query(query, allow_service)
    try:
        return store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise explain_syntax_error(query, str(error)) from None


# An escape: a code point (backslash u and 4 hex digits, backslash U and 8) or a backslash and one character.
_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)


def align_with_oxigraph(text: str) -> str:
    """The query for rdflib to check, with the strings, IRIs and comments Oxigraph sees in it.

    Where the two parsers read the same text differently a SERVICE call could hide from a
    check: rdflib decodes \\u escapes before parsing (so "a\\u005C" is an unfinished string
    to it) while Oxigraph decodes them inside strings and IRIs only; and Oxigraph ends a comment
    at a carriage return, rdflib only at a line feed. Here each code point escape becomes a
    plain letter (one character of the same string or IRI), an escaped backslash another escape
    (so that rdflib finds no escape after it), and each carriage return a line feed.
    """
    def plain(escape: re.Match) -> str:
        if len(escape.group()) > 2:
            return "u"
        return "\\t" if escape.group() == "\\\\" else escape.group()

    return _ESCAPE.sub(plain, text.replace("\r", "\n"))


def parse_nodes(node) -> Iterator[CompValue]:
    """Every node of rdflib's parse tree of a query (patterns, expressions, prefixed names)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        children = node.values()
    elif isinstance(node, (str, bytes)):
        return
    elif isinstance(node, dict):
        children = node.values()
    elif hasattr(node, "__iter__"):
        children = node
    else:
        return
    for child in children:
        yield from parse_nodes(child)


_OXIGRAPH_ERROR = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)", re.DOTALL)
# one item of Oxigraph's list of expected tokens: a quoted token, a character class, a word
_EXPECTED_ITEM = re.compile(r"""\"(?:[^"\\]|\\.)*"|\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]|[^,\s][^,]*""")
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix : (\S*)")
_SHOWN_EXPECTED = 8
# rdflib names grammar rules; these few a user meets, in the words of the query itself
_RULE_WORDS = {"SelectQuery": "SELECT", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE",
               "AskQuery": "ASK"}


@dataclass(frozen=True)
class _Stop:
    """Where rdflib's SPARQL parser stopped and what it found there (None: the end)."""

    line: int
    column: int
    found: str | None
    expected: list[str]


def _is_update(query: str) -> bool:
    """Whether the text is a SPARQL update (INSERT, DELETE, LOAD, CLEAR …) rather than a query."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(query)  # parsing only: nothing is run
    except Exception:  # pyparsing's ParseException, or anything rdflib's grammar trips on
        return False
    return True


def _rdflib_reading(query: str) -> str | _Stop | None:
    """rdflib's reading of a query Oxigraph rejected: an unknown prefix (its name), the place
    its parser stopped, or None when it finds nothing wrong."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        translateQuery(parseQuery(query), initNs=PREFIXES)
    except ParseBaseException as error:
        found = None if error.found == "end of text" else error.found.strip("'\"")
        listed = error.msg.removeprefix("Expected ").strip("{}")
        expected = [_RULE_WORDS.get(rule.strip(), rule.strip()) for rule in listed.split(" | ")]
        return _Stop(error.lineno, error.col, found, expected)
    except Exception as error:  # rdflib raises a bare Exception for an unknown prefix
        unknown = _UNKNOWN_PREFIX.search(str(error))
        return unknown.group(1) if unknown else None
    return None


def _expected_words(listed: str) -> list[str]:
    """Oxigraph's expected tokens in words: keywords and punctuation as they are, character
    classes as 'a number' or 'a name'."""
    words: list[str] = []
    for item in (m.group(0).strip() for m in _EXPECTED_ITEM.finditer(listed)):
        word: str | None = item
        if item.startswith("["):  # a character class; [_] is "anything else": nothing to tell
            word = "a name" if "'A'" in item else "a number" if "'0'" in item else None
        if word and word not in words:
            words.append(word)
    return words


def _first_position(query: str, token: str) -> tuple[int, int] | None:
    """Line and column (from 1) of the first place ``token`` occurs in the query's code."""
    code = _NOT_CODE.sub(lambda m: " " * len(m.group(0)), query)
    found = re.search(r"(?<![\w:])" + re.escape(token), code)
    if not found:
        return None
    line = code.count("\n", 0, found.start()) + 1
    return line, found.start() - (code.rfind("\n", 0, found.start()) + 1) + 1


def _listing(words: list[str]) -> str:
    return ", ".join(words[:_SHOWN_EXPECTED]) + (", …" if len(words) > _SHOWN_EXPECTED else "")


def explain_syntax_error(query: str, message: str) -> KGError:
    """A one-line error for a query Oxigraph could not parse (``message`` is Oxigraph's).

    Oxigraph decides what parses; rdflib's parser, which names the token it stopped at,
    explains: an update gets E406, an unknown prefix is named, and any other error gives the
    line and column, what stands there and, where known, what was expected.

    >>> explain_syntax_error("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "").code
    'E406'
    >>> print(explain_syntax_error("SELECT * WHERE {\\n  ?s foo:p ?o }", ""))
    E401 SPARQL syntax error at line 2, column 6: unknown prefix 'foo:' (declare it with PREFIX foo: <…>; predeclared: kg, res, rdf, rdfs, owl, xsd, skos, dcterms, prov, geo)
    >>> print(explain_syntax_error("SELECT ?s WHERE { ?s ?p ?o } }", "error at 1:31: expected [_]"))
    E401 SPARQL syntax error at line 1, column 30: unexpected '}' (the query should end before it)
    """
    code = _NOT_CODE.sub(" ", query)
    if not code.strip():
        return KGError("E401", "the query is empty")
    if _is_update(query):
        return KGError("E406", "updates (INSERT, DELETE, LOAD, CLEAR …) are not supported here: "
                               "kg query only reads the graph")
    reading = _rdflib_reading(query)
    if isinstance(reading, str):
        position = _first_position(query, reading + ":")
        where = f" at line {position[0]}, column {position[1]}" if position else ""
        return KGError("E401", f"SPARQL syntax error{where}: unknown prefix {reading + ':'!r} (declare it with "
                               f"PREFIX {reading}: <…>; predeclared: {', '.join(PREFIXES)})")
    oxigraph = _OXIGRAPH_ERROR.match(message.strip())
    ox_position = (int(oxigraph.group(1)), int(oxigraph.group(2))) if oxigraph else None
    ox_expected = _expected_words(" ".join(oxigraph.group(3).split())) if oxigraph else []
    if isinstance(reading, _Stop):
        where = f"line {reading.line}, column {reading.column}"
        if reading.found is None:
            return KGError("E401", f"SPARQL syntax error at {where}: the query ends too early"
                                   + (f" (expected {_listing(ox_expected)})" if ox_expected else ""))
        said = f"unexpected {_printable(reading.found)!r}"
        if reading.expected == ["end of text"]:
            said += " (the query should end before it)"
        elif ox_position == (reading.line, reading.column) and ox_expected:
            said += f" (expected {_listing(ox_expected)})"
        elif (reading.line, reading.column) == (1, 1) or not set(reading.expected) & set(_RULE_WORDS.values()):
            # rdflib backs up to the start of the query form on most errors: say so only there
            said += f" (expected {_listing(reading.expected)})"
        if code.count("{") > code.count("}"):
            said += "; a '{' is not closed"
        return KGError("E401", f"SPARQL syntax error at {where}: {said}")
    if ox_position is None:
        return KGError("E401", f"SPARQL syntax error: {_printable(' '.join(message.split()))}")
    return KGError("E401", f"SPARQL syntax error at line {ox_position[0]}, column {ox_position[1]}"
                           + (f": expected {_listing(ox_expected)}" if ox_expected else ""))


# A local name of a prefixed name may hold letters, digits, _ - : and %XX as they are;
# these must be escaped with a backslash (SPARQL 1.1 PN_LOCAL_ESC); anything else needs <…>.
_LOCAL_PLAIN = re.compile(r"[A-Za-z0-9_:-]|%[0-9A-Fa-f]{2}")
_LOCAL_ESCAPED = set("~.!$&'()*+,;=/?#@%")


def _local_name(local: str) -> str | None:
    """``local`` written as the local part of a prefixed name, or None when it cannot be."""
    written, position = [], 0
    while position < len(local):
        plain = _LOCAL_PLAIN.match(local, position)
        if plain and not (position == 0 and local[0] == "-"):
            written.append(plain.group(0))
            position = plain.end()
        elif local[position] in _LOCAL_ESCAPED or local[position] == "-":
            written.append("\\" + local[position])
            position += 1
        else:
            return None
    return "".join(written)


def short_term(term) -> str:
    """A term as a person reads it and can paste back into a query: a prefixed name or
    ``<IRI>``, the bare value of a literal, ``_:b`` for a blank node.

    >>> short_term(ox.NamedNode(RES + "article/dir%2Fa%202")), short_term(ox.NamedNode("https://x.example/"))
    ('res:article\\\\/dir%2Fa%202', '<https://x.example/>')
    """
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                local = _local_name(term.value[len(namespace):])
                if local is not None:
                    return f"{prefix}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


# Control characters (and the bidirectional overrides, which reorder what a terminal shows)
# from an article must reach a terminal as visible escapes, never as commands.
_UNPRINTABLE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _printable(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``) instead of acting on a terminal."""
    text = "".join(ch if unicodedata.category(ch) != "Cc" else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def one_line(text: str, width: int = 100) -> str:
    """``text`` on one line for a table: whitespace runs as one space, control characters
    escaped, cut with … at ``width``."""
    text = _printable(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(term) -> str:
    """A term in a table cell: an IRI whole (cut, it could not be pasted back), a literal on one line."""
    if term is None:
        return ""
    return short_term(term) if isinstance(term, (ox.NamedNode, ox.BlankNode)) else one_line(short_term(term))


def text_table(header: list[str], rows: list[list[str]]) -> str:
    """Columns aligned with spaces, a dashed line under the header."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def format_results(results, fmt: str = "table") -> str:
    """Results as text: ``table`` for people, csv/tsv/json/xml in the W3C results formats.

    CONSTRUCT and DESCRIBE results (``QueryTriples``, or a list of triples) are given as
    Turtle (N-Triples for csv/tsv); json and xml, which hold solutions only, are refused for them.
    """
    if isinstance(results, LimitedResults):
        results = results.results
    triples = isinstance(results, (ox.QueryTriples, list))
    check_format(fmt, "TRIPLES" if triples else None)
    if triples:
        if fmt in ("csv", "tsv"):
            return ox.serialize(list(results), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        turtle = ox.serialize(list(results), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
        # Turtle escapes control characters but not the bidirectional overrides: \u escapes
        # are the same text to a Turtle reader
        return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", turtle)
    if fmt == "table":
        if isinstance(results, ox.QueryBoolean):
            return "true" if bool(results) else "false"
        names = [v.value for v in results.variables]
        rows = [[_cell(s[name]) for name in names] for s in results]
        return text_table(names, rows)
    return results.serialize(format=FORMATS[fmt]).decode("utf-8")


# ----------------------------------------------------------------------------------------------
# Running a query within limits

DEFAULT_TIMEOUT = 30
"""Seconds ``kg query`` lets a query run (``--timeout``)."""
DEFAULT_MAX_ROWS = 10_000
"""Result rows (or triples) ``kg query`` returns at most (``--max-rows``)."""

_FORMS = (b"SELECT", b"ASK", b"TRIPLES")  # the first line the child writes: what follows
_CHILD_FAILED = 3  # the child's exit status after it wrote what went wrong on stderr
_READ_SIZE = 1 << 16


@dataclass
class LimitedResults:
    """Results of a query run within limits: what :func:`format_results` prints, and whether
    they were cut at ``max_rows``."""

    results: "ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]"
    truncated: bool
    max_rows: int


def read_query_file(path) -> str:
    """The text of a query file: UTF-8, a byte order mark dropped.

    Raises
    ------
    KGError
        E405 when the file cannot be read or is not UTF-8 (with where the first bad byte is).
    """
    try:
        data = open(path, "rb").read()
    except OSError as error:
        raise KGError("E405", f"cannot read {path}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise KGError("E405", f"{path} is not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}); "
                              "save the query as UTF-8") from None


def check_format(fmt: str, form: str | None = None) -> None:
    """Refuse a result format that does not exist, or does not fit the query's form.

    ``form`` is SELECT, ASK or TRIPLES (CONSTRUCT and DESCRIBE), None when not yet known.

    >>> check_format("json", "TRIPLES")
    Traceback (most recent call last):
    ...
    kg.errors.KGError: E403 a CONSTRUCT or DESCRIBE query gives triples, which --format json cannot hold; use table (Turtle), csv or tsv (N-Triples)
    """
    if fmt != "table" and fmt not in FORMATS:
        raise KGError("E403", f"unknown result format {fmt!r}; use table, csv, tsv, json or xml")
    if form == "TRIPLES" and fmt in ("json", "xml"):
        raise KGError("E403", f"a CONSTRUCT or DESCRIBE query gives triples, which --format {fmt} cannot hold; "
                              "use table (Turtle), csv or tsv (N-Triples)")


def run_limited(store_folder, query: str, timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS,
                allow_service: bool = False, fmt: str = "table") -> LimitedResults:
    """Results of a query on the store in ``store_folder``, stopped at ``timeout`` seconds and cut
    after ``max_rows`` rows (or triples).

    The query runs in a child process, which is killed at the time limit, at the row limit
    (results are read as they come, so memory holds ``max_rows`` rows at most here) and when
    this process is interrupted: pyoxigraph cannot stop a running query itself.

    Raises
    ------
    KGError
        As :func:`run_query`; E403 for a ``fmt`` that does not fit the query's form (before the
        query runs long); E409 at the time limit; E410 when the query fails as it runs; E302
        when the store cannot be opened; E411 when the query process died (out of memory).
    """
    import selectors
    import subprocess
    import sys
    import time
    from pathlib import Path

    check_format(fmt)
    check_query(query, allow_service)
    package_parent = str(Path(__file__).resolve().parents[2])  # the folder that holds kg/
    child = subprocess.Popen(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {package_parent!r}); "
                               "from kg.rdf.query import _query_child; _query_child()",
         str(store_folder), str(os.getpid())],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True)  # Ctrl-C on the terminal is for this process, which stops the child
    deadline = time.monotonic() + timeout
    body, errors = bytearray(), bytearray()
    form: str | None = None
    lines = 0
    truncated = False
    try:
        try:
            child.stdin.write(query.encode("utf-8"))
            child.stdin.close()
        except BrokenPipeError:  # the child died at once: its stderr says why
            pass
        with selectors.DefaultSelector() as selector:
            selector.register(child.stdout, selectors.EVENT_READ)
            selector.register(child.stderr, selectors.EVENT_READ)
            while selector.get_map() and not truncated:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise _timed_out(timeout)
                for key, _ in selector.select(left):
                    chunk = os.read(key.fd, _READ_SIZE)
                    if not chunk:
                        selector.unregister(key.fileobj)
                    elif key.fileobj is child.stderr:
                        errors += chunk[: max(0, _READ_SIZE - len(errors))]
                    else:
                        body += chunk
                        lines += chunk.count(b"\n")
                        if form is None and b"\n" in body:
                            form = body[: body.index(b"\n")].decode("ascii", "replace")
                            check_format(fmt, form)
                        # the form's line, SELECT's header, the rows: one more row than the limit shows a cut
                        if form in ("SELECT", "TRIPLES") and lines > max_rows + (2 if form == "SELECT" else 1):
                            truncated = True
                            break
        if not truncated:
            try:
                status = child.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise _timed_out(timeout) from None
            if status != 0:
                raise _child_error(status, bytes(errors), query, store_folder)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            stream.close()
    return _parse_child_results(bytes(body), max_rows, truncated)


def _timed_out(timeout: float) -> KGError:
    return KGError("E409", f"the query was stopped at the time limit of {timeout:g} s; "
                           "raise it with --timeout, or narrow the query")


def _child_error(status: int, errors: bytes, query: str, store_folder) -> KGError | RuntimeError:
    """What the child's exit status and stderr say went wrong."""
    import json
    import signal

    if status == _CHILD_FAILED:
        try:
            report = json.loads(errors.decode("utf-8").strip().splitlines()[-1])
        except (ValueError, IndexError):
            report = {"kind": "other", "message": errors.decode("utf-8", "replace")}
        kind, message = report.get("kind"), " ".join(str(report.get("message")).split())
        if kind == "syntax":
            return explain_syntax_error(query, report.get("message", ""))
        if kind == "store":
            return KGError("E302", f"cannot open the store in {store_folder}: {message[:300]}")
        if kind == "query":
            return KGError("E410", f"the query failed as it ran: {_printable(message[:300])}")
        if kind == "memory":
            return _out_of_memory("it ran out of memory")
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return _out_of_memory(f"it was killed ({name}), most likely for lack of memory")
    tail = " ".join(errors.decode("utf-8", "replace").split())[-300:]
    return RuntimeError(f"the query process ended with status {status}: {tail}")


def _out_of_memory(why: str) -> KGError:
    limit = memory_limit()
    cap = f" (a query may take {limit / 2**30:.1f} GiB, half this machine's memory)" if limit else ""
    return KGError("E411", f"the query was stopped: {why}{cap}; narrow it, or sort, group or "
                           "count fewer rows (ORDER BY, GROUP BY and DISTINCT hold all their rows)")


def _parse_child_results(body: bytes, max_rows: int, truncated: bool) -> LimitedResults:
    """The child's output (the form's line, then TSV, JSON or N-Triples), cut at ``max_rows``."""
    form, _, rest = body.partition(b"\n")
    if form == b"ASK":
        return LimitedResults(ox.parse_query_results(rest, ox.QueryResultsFormat.JSON), False, max_rows)
    complete = max_rows + (1 if form == b"SELECT" else 0)  # SELECT's header, then the rows
    lines = rest.split(b"\n", complete)
    text = b"\n".join(lines[:complete]) + b"\n" if len(lines) > complete else rest
    if form == b"SELECT":
        return LimitedResults(ox.parse_query_results(text, ox.QueryResultsFormat.TSV), truncated, max_rows)
    return LimitedResults([quad.triple for quad in ox.parse(text, ox.RdfFormat.N_TRIPLES)], truncated, max_rows)


def _query_child() -> None:
    """The child process of :func:`run_limited`: the query on stdin, the store folder as its
    argument; the form's line and the results (line-based) on stdout, as they are computed."""
    import json
    import sys

    out = sys.stdout.buffer

    def fail(kind: str, error: BaseException) -> None:
        sys.stderr.write(json.dumps({"kind": kind, "message": str(error)}) + "\n")
        sys.stderr.flush()
        os._exit(_CHILD_FAILED)

    if sys.platform == "linux":
        _limit_self(int(sys.argv[2]))
    query = sys.stdin.buffer.read().decode("utf-8")
    try:
        store = ox.Store.read_only(sys.argv[1])
    except (OSError, RuntimeError) as error:
        fail("store", error)
    try:
        results = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as error:
        fail("syntax", error)
    except MemoryError as error:
        fail("memory", error)
    except (OSError, RuntimeError, ValueError) as error:
        fail("query", error)
    try:
        if isinstance(results, ox.QueryBoolean):
            out.write(b"ASK\n" + results.serialize(format=ox.QueryResultsFormat.JSON))
        elif isinstance(results, ox.QuerySolutions):
            out.write(b"SELECT\n")
            out.flush()
            results.serialize(out, ox.QueryResultsFormat.TSV)
        else:
            out.write(b"TRIPLES\n")
            out.flush()
            ox.serialize(results, out, ox.RdfFormat.N_TRIPLES)
        out.flush()
    except BrokenPipeError:
        os._exit(0)  # the parent has what it wants
    except MemoryError as error:
        fail("memory", error)
    except (OSError, RuntimeError, ValueError) as error:
        fail("query", error)
    os._exit(0)


def memory_limit() -> int | None:
    """Bytes of memory a query process may take: half the machine's (None where unknown)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2
    except (ValueError, OSError, AttributeError):
        return None


def _limit_self(parent: int) -> None:
    """In the query's process (Linux): be killed when the parent process dies
    (PR_SET_PDEATHSIG), and cap memory (a sort of a cross product grows by gigabytes a second)."""
    import ctypes
    import resource
    import signal

    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
    limit = memory_limit()
    if limit is not None:
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
