"""The example queries offered on the endpoint's query page (``kg serve`` → ``/query``).

The page shows the package's saved queries (:mod:`kg.queries`) and the few built-in examples
below. :func:`page_examples` is the one place that knows where the examples come from.

Examples
--------
>>> [example.name for example in BUILT_IN_EXAMPLES][:2]
['cities', 'relations']
>>> "cities" in [example.name for example in page_examples()]
True
"""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["ExampleQuery", "BUILT_IN_EXAMPLES", "page_examples"]


class ExampleQuery(NamedTuple):
    """A query offered on the query page: a short name, a title to show, the SPARQL text."""

    name: str
    title: str
    text: str


# The prefixes kg:, rdfs:, rdf:, dcterms: … are predeclared by the endpoint (kg.rdf.query.PREFIXES).
BUILT_IN_EXAMPLES: list[ExampleQuery] = [
    ExampleQuery("cities", "Cities and the state each lies in", """\
SELECT ?city ?state ?geonames WHERE {
  ?c a kg:City ; rdfs:label ?city ; kg:locatedIn/rdfs:label ?state .
  OPTIONAL { ?c owl:sameAs ?geonames }
} ORDER BY ?state ?city"""),
    ExampleQuery("relations", "Who did what to whom (asserted relations)", """\
SELECT DISTINCT ?subject ?relation ?object WHERE {
  ?m a kg:RelationMention ; kg:modality "asserted" ;
     rdf:subject/rdfs:label ?subject ; rdf:predicate ?relation ; rdf:object/rdfs:label ?object .
} ORDER BY ?relation ?subject ?object"""),
    ExampleQuery("positions", "People and the offices the articles give them", """\
SELECT DISTINCT ?person ?title ?of WHERE {
  ?p kg:position ?pos ; rdfs:label ?person . ?pos kg:title ?title .
  OPTIONAL { ?pos kg:positionOf/rdfs:label ?of }
} ORDER BY ?person"""),
    ExampleQuery("claims", "Claims that are not asserted (negated, hypothetical, intended …)", """\
SELECT ?subject ?relation ?object ?modality ?sentence WHERE {
  ?m a kg:RelationMention ; kg:modality ?modality ; rdf:predicate ?relation ;
     rdf:subject/rdfs:label ?subject ; kg:sentence ?sentence .
  OPTIONAL { ?m rdf:object/rdfs:label ?object }
  FILTER(?modality != "asserted")
} ORDER BY ?modality ?subject"""),
    ExampleQuery("entity-types", "How many entities of each type", """\
SELECT ?type (COUNT(DISTINCT ?entity) AS ?entities) WHERE {
  ?entity a ?type . ?type rdfs:subClassOf kg:Entity .
} GROUP BY ?type ORDER BY DESC(?entities)"""),
]


def page_examples() -> list[ExampleQuery]:
    """The examples for the query page: the package's saved queries (kg.queries), then the
    built-in ones they do not already cover by name. A parameter of a saved query is left unbound
    (``VALUES ?p { UNDEF }``), so the example runs over every value."""
    from kg.queries import saved_queries

    saved = [ExampleQuery(query.name, query.title, query.text) for query in saved_queries().values()]
    names = {example.name for example in saved}
    return saved + [example for example in BUILT_IN_EXAMPLES if example.name not in names]
