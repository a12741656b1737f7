"""The graph as a network: entities as nodes, relations as edges (networkx).

Projected from SPARQL results on the store rather than from RDF triples, so literals and
classes never become nodes (DESIGN.md §7). Two views:

* :func:`project` — a MultiDiGraph with one edge per relation mention (evidence attached),
  plus the ``locatedIn`` / ``nationalityOf`` links between places and states;
* :func:`collapse` — a weighted DiGraph (one edge per ordered pair) for the algorithms that
  reject multigraphs.

Examples
--------
>>> g = nx.MultiDiGraph()
>>> g.add_edge("a", "b", relation="attacked"); g.add_edge("a", "b", relation="attacked")
0
1
>>> collapse(g)["a"]["b"]["weight"]
2
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pyoxigraph as ox

from kg.rdf.query import PREFIXES

__all__ = ["project", "collapse", "add_details", "STRUCTURAL_RELATIONS", "GEONAMES_PREFIX"]

STRUCTURAL_RELATIONS = ("locatedIn", "nationalityOf")
GEONAMES_PREFIX = "https://sws.geonames.org/"

_ENTITIES = """
SELECT ?e ?type ?label ?country ?lat ?long ?article ?alt WHERE {
  ?e a ?type ; rdfs:label ?label .
  ?type rdfs:subClassOf kg:Entity .
  OPTIONAL { ?e kg:countryCode ?country }
  OPTIONAL { ?e geo:lat ?lat ; geo:long ?long }
  OPTIONAL { ?article kg:mentions ?e }
  OPTIONAL { ?e skos:altLabel ?alt }
}"""

_STRUCTURE = """
SELECT ?s ?p ?o WHERE {
  VALUES ?p { kg:locatedIn kg:nationalityOf }
  ?s ?p ?o .
}"""

_MENTIONS = """
SELECT ?m ?s ?p ?o ?sentence ?modality ?article ?date WHERE {
  ?m a kg:RelationMention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?m kg:sentence ?sentence }
  OPTIONAL { ?m kg:modality ?modality }
  OPTIONAL { ?m prov:wasDerivedFrom ?article }
  OPTIONAL { ?m dcterms:date ?date }
}"""

_ARTICLE_IDS = "SELECT ?a ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id }"


def _value(term) -> str | None:
    return None if term is None else term.value


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _query(store: ox.Store, text: str):
    return store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)


def project(store: ox.Store) -> nx.MultiDiGraph:
    """Entities and their relations, as stored, in a MultiDiGraph keyed by entity IRI."""
    graph = nx.MultiDiGraph()
    article_ids = {s["a"].value: s["id"].value for s in _query(store, _ARTICLE_IDS)}
    alt_labels: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, set[str]] = defaultdict(set)
    for row in _query(store, _ENTITIES):
        node = row["e"].value
        if node not in graph:
            lat, long = _value(row["lat"]), _value(row["long"])
            graph.add_node(node, label=row["label"].value, type=_local(row["type"].value),
                           country=_value(row["country"]),
                           lat=float(lat) if lat else None, long=float(long) if long else None)
        if row["alt"] is not None:
            alt_labels[node].add(row["alt"].value)
        if row["article"] is not None:
            articles[node].add(article_ids.get(row["article"].value, row["article"].value))
    for node, data in graph.nodes(data=True):
        data["alt_labels"] = sorted(alt_labels[node])
        data["articles"] = sorted(articles[node])
    for row in _query(store, _STRUCTURE):
        source, target = row["s"].value, row["o"].value
        if source in graph and target in graph:
            graph.add_edge(source, target, key=f"{_local(row['p'].value)}", relation=_local(row["p"].value),
                           structural=True)
    for row in _query(store, _MENTIONS):
        source, target = row["s"].value, row["o"].value
        if source not in graph or target not in graph:
            continue
        article = _value(row["article"])
        graph.add_edge(source, target, key=row["m"].value, relation=_local(row["p"].value),
                       structural=False, sentence=_value(row["sentence"]),
                       modality=_value(row["modality"]) or "asserted",
                       article=article_ids.get(article, article), date=_value(row["date"]))
    return graph


def collapse(graph: nx.MultiDiGraph, include_structural: bool = False) -> nx.DiGraph:
    """One weighted edge per ordered pair of nodes; weight = number of mentions."""
    simple = nx.DiGraph()
    simple.add_nodes_from(graph.nodes(data=True))
    for source, target, data in graph.edges(data=True):
        if data.get("structural") and not include_structural:
            continue
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += 1
            simple[source][target]["relations"].add(data.get("relation"))
        else:
            simple.add_edge(source, target, weight=1, relations={data.get("relation")})
    return simple


# --- details beyond project() ----------------------------------------------------------------

_GEONAMES = """
SELECT ?e ?place WHERE {
  ?e owl:sameAs ?place .
  FILTER(STRSTARTS(STR(?place), "%s"))
}""" % GEONAMES_PREFIX

_MENTION_DETAILS = """
SELECT ?m ?plover ?cameo ?confidence ?trigger ?reporter WHERE {
  ?m a kg:RelationMention .
  OPTIONAL { ?m kg:plover ?plover }
  OPTIONAL { ?m kg:cameo ?cameo }
  OPTIONAL { ?m kg:confidence ?confidence }
  OPTIONAL { ?m kg:trigger ?trigger }
  OPTIONAL { ?m kg:reportedBy ?reporter }
}"""


def add_details(graph: nx.MultiDiGraph, store: ox.Store) -> nx.MultiDiGraph:
    """Add to a graph made by :func:`project` what the store says beyond it.

    Entities linked to GeoNames get ``geonames`` (the GeoNames IRI); each relation-mention
    edge gets ``plover`` (PLOVER event type), ``cameo`` (CAMEO code), ``confidence``
    (float, 0-1), ``trigger`` (the words that name the act) and ``reported_by`` (the IRI
    of whoever the sentence gives as the source), each where the store has it.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A projection of ``store`` by :func:`project`; changed in place.
    store : pyoxigraph.Store
        The store it was projected from.

    Returns
    -------
    networkx.MultiDiGraph
        ``graph`` itself.
    """
    for row in _query(store, _GEONAMES):
        if row["e"].value in graph:
            graph.nodes[row["e"].value]["geonames"] = row["place"].value
    edges = {key: (source, target) for source, target, key in graph.edges(keys=True)}
    for row in _query(store, _MENTION_DETAILS):
        ends = edges.get(row["m"].value)
        if ends is None:
            continue
        data = graph.edges[ends[0], ends[1], row["m"].value]
        confidence = _value(row["confidence"])
        data.update(plover=_value(row["plover"]), cameo=_value(row["cameo"]),
                    confidence=float(confidence) if confidence is not None else None,
                    trigger=_value(row["trigger"]), reported_by=_value(row["reporter"]))
    return graph
