#!/usr/bin/env python3
"""Write the relation properties of ontology/relations.tsv into ontology/kg.ttl.

The part of kg.ttl between the two marker lines is generated (built with rdflib terms and
serialised by rdflib, so nothing is string-formatted Turtle); the rest is written by hand.
Run after editing relations.tsv; tests/test_ontology.py fails when kg.ttl is out of date.

usage: generate_ontology.py [--check]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import OWL, RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.data import ontology_path, read_tsv  # noqa: E402

KG = Namespace("https://w3id.org/newsgraph/ontology#")
BEGIN = "# --- Relations: generated from relations.tsv by scripts/generate_ontology.py; do not edit ---"
END = "# --- end of generated relations ---"


def relation_graph(rows: list[dict]) -> Graph:
    """The relation properties: label, comment, PLOVER type and every CAMEO code of each."""
    graph = Graph()
    graph.bind("kg", KG)
    for row in rows:
        prop = KG[row["relation"]]
        if (prop, RDF.type, OWL.ObjectProperty) not in graph:
            graph.add((prop, RDF.type, OWL.ObjectProperty))
            graph.add((prop, RDFS.subPropertyOf, KG.relatedTo))
            graph.add((prop, RDFS.label, Literal(row["label"], lang="en")))
            graph.add((prop, RDFS.comment, Literal(row["comment"], lang="en")))
            graph.add((prop, KG.plover, Literal(row["plover"])))
            graph.add((prop, KG.example, Literal(row["example"], lang="en")))
        graph.add((prop, KG.cameo, Literal(row["cameo"])))
    return graph


def generated_text(rows: list[dict]) -> str:
    turtle = relation_graph(rows).serialize(format="turtle")
    body = "\n".join(line for line in turtle.splitlines() if not line.startswith("@prefix")).strip()
    return f"{BEGIN}\n\n{body}\n\n{END}\n"


def spliced(ontology: str, generated: str) -> str:
    if BEGIN in ontology:
        before, rest = ontology.split(BEGIN, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        return before + generated + ("\n" + after if after else "")
    return ontology.rstrip("\n") + "\n\n" + generated


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if kg.ttl is out of date")
    args = parser.parse_args(argv)
    path = ontology_path("kg.ttl")
    current = path.read_text(encoding="utf-8")
    wanted = spliced(current, generated_text(read_tsv("relations.tsv")))
    if args.check:
        return 0 if wanted == current else 1
    path.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
