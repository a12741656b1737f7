"""Stages 6–7 — the resolved graph as RDF, its files and its SPARQL store.

In the order they run:

* :mod:`kg.rdf.dataset` — articles and resolved entities as rdflib graphs, one named graph per
  article, in the vocabulary of ``ontology/kg.ttl``;
* :mod:`kg.rdf.streaming` — kg.trig and kg.ttl written from those graphs a batch of articles
  at a time (what ``kg build`` uses);
* :mod:`kg.rdf.store` — the files loaded into the Oxigraph store of the output folder;
* :mod:`kg.rdf.query` — SPARQL on the store (``kg query``) and its results as tables or W3C
  formats;
* :mod:`kg.rdf.validate` — the graph checked against ``ontology/shapes.ttl`` (``kg validate``).

What reads the store next: :mod:`kg.explore` (the network, its figures, the explorer page,
exports) and :mod:`kg.serve` (the SPARQL endpoint).
"""
