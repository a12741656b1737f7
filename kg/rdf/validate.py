"""SHACL validation of a graph against ``ontology/shapes.ttl`` (``kg validate``), with pyshacl.

The graph is validated as one graph — the union of its named graphs — because an article's
graph refers to entities described in the entity graph.

Examples
--------
>>> from rdflib import Graph
>>> graph = Graph().parse(data='''
...     @prefix kg: <https://w3id.org/newsgraph/ontology#> .
...     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
...     <https://w3id.org/newsgraph/resource/city/atlantis> a kg:City ; rdfs:label "Atlantis" .
... ''', format="turtle")
>>> print(validate_graph(graph).text(), end="")
conforms: no (1 violation)
focus node          path          message
------------------  ------------  ---------------------------------
res:city\\/atlantis  kg:locatedIn  a city is kg:locatedIn a kg:State
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.data import ontology_path
from kg.errors import KGError
from kg.rdf.query import one_line, short_term, text_table

__all__ = ["Violation", "ValidationReport", "validate_graph", "validate_store", "load_shapes"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node that fails, the property, and what is wrong (and the value)."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and each violation found."""

    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """The report as a person reads it: a ``conforms: yes|no`` line, then one line per violation."""
        if self.conforms:
            return "conforms: yes\n"
        count = len(self.violations)
        rows = [[v.focus, v.path, v.message if v.severity == "Violation" else f"{v.severity.lower()}: {v.message}"]
                for v in self.violations]
        return (f"conforms: no ({count} violation{'s' if count != 1 else ''})\n"
                + text_table(["focus node", "path", "message"], rows) + "\n")


def _term(term) -> str:
    """An rdflib term written as ``kg query`` writes it (a path that is not an IRI: its kind)."""
    if isinstance(term, URIRef):
        return short_term(ox.NamedNode(str(term)))
    if isinstance(term, Literal):
        return repr(one_line(str(term), 60))
    if isinstance(term, BNode):
        return "(a path)"
    return ""


def load_shapes(shapes: Path | None = None) -> Graph:
    """The SHACL shapes graph: newsgraph's own, or the Turtle file given.

    Raises
    ------
    KGError
        E701 when the file cannot be read, E702 when it is not Turtle.
    """
    path = Path(shapes) if shapes is not None else ontology_path("shapes.ttl")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KGError("E701", f"cannot read the shapes {path}: {error.strerror or error}") from None
    try:
        return Graph().parse(data=text, format="turtle")
    except Exception as error:  # rdflib raises several parser exceptions, none of them shared
        raise KGError("E702", f"the shapes {path} are not valid Turtle: {one_line(str(error))}") from None


def validate_graph(graph: Graph, shapes: Path | None = None) -> ValidationReport:
    """Validate an rdflib graph against the shapes (``shapes.ttl`` unless given)."""
    from pyshacl import validate

    conforms, results, _ = validate(graph, shacl_graph=load_shapes(shapes), inference="none",
                                    abort_on_first=False, allow_warnings=False, advanced=True)
    violations = set()  # a value that breaks two constraints of one property is told once
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        said = str(message) if message is not None else "does not conform"
        if value is not None and value != focus and not isinstance(value, BNode):
            said += f" (value {_term(value)})"
        severity = results.value(result, SH.resultSeverity)
        violations.add(Violation(_term(focus), _term(results.value(result, SH.resultPath)), one_line(said, 160),
                                 str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"))
    return ValidationReport(bool(conforms), tuple(sorted(violations, key=lambda v: (v.focus, v.path, v.message))))


def validate_store(store: ox.Store, shapes: Path | None = None) -> ValidationReport:
    """Validate the union of a store's graphs (what ``kg query`` sees) against the shapes."""
    triples = ox.serialize((quad.triple for quad in store), format=ox.RdfFormat.N_TRIPLES)
    return validate_graph(Graph().parse(data=triples.decode("utf-8"), format="nt"), shapes)
