"""SPARQL over the store: run a query, and print its results as a table or a W3C format.

The default graph of a query is the union of all named graphs, so ``?city a kg:City``
finds cities without a ``GRAPH`` clause; the usual prefixes (kg:, res:, rdfs:, skos: …) are
predeclared. ``SERVICE`` (which would send the query to another server) is refused unless
asked for.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode(RES + "city/kyiv"), ox.NamedNode(RDFS + "label"), ox.Literal("Kyiv")))
>>> print(format_results(run_query(store, "SELECT ?c ?name WHERE { ?c rdfs:label ?name }"), "table"))
c              name
-------------  ----
res:city/kyiv  Kyiv
"""
from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import KGError

__all__ = ["PREFIXES", "RES", "RDFS", "check_query", "run_query", "format_results", "FORMATS"]

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

# Strings, IRIs and comments are blanked before looking for the SERVICE keyword, so that
# a literal or an IRI containing the word does not count.
_NOT_CODE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                       r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.IGNORECASE)


def check_query(query: str, allow_service: bool = False) -> None:
    """Refuse what a query must not do here: call another server through SERVICE."""
    code = _NOT_CODE.sub(" ", query)
    if not allow_service and _SERVICE.search(code):
        raise KGError("E402", "the query uses SERVICE, which would contact another server; "
                              "pass --allow-service to permit it")


def run_query(store: ox.Store, query: str, allow_service: bool = False):
    """Results of a SPARQL query (solutions, a boolean, or triples)."""
    check_query(query, allow_service)
    try:
        return store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise KGError("E401", f"SPARQL syntax error: {' '.join(str(error).split())}") from None


def short_term(term) -> str:
    """A term as a person reads it: prefixed IRIs, bare literal values, _:b blank nodes."""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _one_line(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def text_table(header: list[str], rows: list[list[str]]) -> str:
    """Columns aligned with spaces, a dashed line under the header."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def format_results(results, fmt: str = "table") -> str:
    """Results as text: ``table`` for people, csv/tsv/json/xml in the W3C results formats.

    CONSTRUCT and DESCRIBE results are given as Turtle (N-Triples for csv/tsv).
    """
    if isinstance(results, ox.QueryTriples):
        rdf_format = ox.RdfFormat.N_TRIPLES if fmt in ("csv", "tsv") else ox.RdfFormat.TURTLE
        return ox.serialize(list(results), format=rdf_format).decode("utf-8")
    if fmt == "table":
        if isinstance(results, ox.QueryBoolean):
            return "true" if bool(results) else "false"
        names = [v.value for v in results.variables]
        rows = [[_one_line(short_term(s[name])) if s[name] is not None else "" for name in names]
                for s in results]
        return text_table(names, rows)
    if fmt not in FORMATS:
        raise KGError("E403", f"unknown result format {fmt!r}; use table, csv, tsv, json or xml")
    return results.serialize(format=FORMATS[fmt]).decode("utf-8")
