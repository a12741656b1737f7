"""A small graph in newsgraph's vocabulary, written by hand, for tests of what reads a store.

Russia attacked Ukraine twice (asserted; one mention has no confidence threshold problem, the
other is low but its triple is asserted by the first), Ukraine accused Russia once, Russia
plans to occupy Kyiv (intended: no triple), Russia attacked Kyiv with a confidence below the
threshold (no triple), an unnamed actor attacked Kyiv, a person with a hostile name conceded
(no object). Kyiv is linked to GeoNames and lies in Ukraine; Dnieper is mentioned only.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

KG = "https://w3id.org/newsgraph/ontology#"
RES = "https://w3id.org/newsgraph/resource/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

HOSTILE = "Tom \"The <Hammer>\" O'Brien & Sons\nsecond line\x0b"

RUSSIA, UKRAINE, KYIV, HAMMER, DNIEPER = (RES + name for name in
                                          ("state/rus", "state/ukr", "city/kyiv-703448", "person/hammer",
                                           "location/dnieper"))


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _l(value: str, datatype: str | None = None) -> ox.Literal:
    return ox.Literal(value, datatype=_n(XSD + datatype)) if datatype else ox.Literal(value)


def _triples() -> list[tuple]:
    a = RDF + "type"
    triples = [(KG + kind, RDFS + "subClassOf", _n(KG + "Entity"))
               for kind in ("Person", "City", "State", "Organisation", "Location", "Group")]
    entities = [(RUSSIA, "State", "Russia", ["Russian Federation"]), (UKRAINE, "State", "Ukraine", []),
                (KYIV, "City", "Kyiv", ["Kiev"]), (HAMMER, "Person", HOSTILE, []),
                (DNIEPER, "Location", "Dnieper", [])]
    for iri, kind, label, alts in entities:
        triples += [(iri, a, _n(KG + kind)), (iri, RDFS + "label", _l(label))]
        triples += [(iri, SKOS + "altLabel", _l(alt)) for alt in alts]
    triples += [(RUSSIA, KG + "countryCode", _l("RUS")), (UKRAINE, KG + "countryCode", _l("UKR")),
                (KYIV, OWL + "sameAs", _n("https://sws.geonames.org/703448/")),
                (KYIV, GEO + "lat", _l("50.45466", "decimal")), (KYIV, GEO + "long", _l("30.5238", "decimal")),
                (KYIV, KG + "locatedIn", _n(UKRAINE))]
    for article, date, mentioned in (("a1", "2022-02-24", [RUSSIA, UKRAINE, KYIV, DNIEPER]),
                                     ("a2", "2022-03-01", [RUSSIA, UKRAINE, KYIV, HAMMER])):
        node = RES + "article/" + article
        triples += [(node, a, _n(KG + "Article")), (node, DCT + "identifier", _l(article)),
                    (node, DCT + "date", _l(date, "date"))]
        triples += [(node, KG + "mentions", _n(e)) for e in mentioned]
    unknown = RES + "mention/a2/5/subject"
    triples += [(unknown, a, _n(KG + "UnknownActor")), (unknown, RDFS + "label", _l("unknown actor"))]
    mentions = [  # number, subject, relation, object, modality, confidence, article, date
        (1, RUSSIA, "attacked", UKRAINE, "asserted", "0.90", "a1", "2022-02-24"),
        (2, RUSSIA, "attacked", UKRAINE, "asserted", "0.40", "a2", "2022-03-01"),
        (3, UKRAINE, "accused", RUSSIA, "asserted", "0.80", "a2", "2022-03-01"),
        (4, RUSSIA, "occupied", KYIV, "intended", "0.70", "a2", "2022-03-01"),
        (5, unknown, "attacked", KYIV, "asserted", "0.60", "a2", "2022-03-01"),
        (6, RUSSIA, "attacked", KYIV, "asserted", "0.40", "a1", "2022-02-24"),
        (7, HAMMER, "conceded", None, "asserted", "0.70", "a2", "2022-03-01"),
    ]
    plover = {"attacked": "ASSAULT", "accused": "ACCUSE", "occupied": "COERCE", "conceded": "CONCEDE"}
    for number, subject, relation, obj, modality, confidence, article, date in mentions:
        node = f"{RES}mention/{article}/{number}"
        triples += [(node, a, _n(KG + "RelationMention")), (node, RDF + "subject", _n(subject)),
                    (node, RDF + "predicate", _n(KG + relation)), (node, KG + "modality", _l(modality)),
                    (node, KG + "sentence", _l(f"Sentence {number} <&> \"{relation}\".")),
                    (node, KG + "plover", _l(plover[relation])), (node, KG + "cameo", _l("190")),
                    (node, KG + "confidence", _l(confidence, "decimal")),
                    (node, PROV + "wasDerivedFrom", _n(RES + "article/" + article)),
                    (node, DCT + "date", _l(date, "date"))]
        if obj is not None:
            triples.append((node, RDF + "object", _n(obj)))
    triples += [(RUSSIA, KG + "attacked", _n(UKRAINE)), (UKRAINE, KG + "accused", _n(RUSSIA)),
                (unknown, KG + "attacked", _n(KYIV))]
    return triples


def quads() -> list[ox.Quad]:
    """The graph, every triple in the default graph."""
    return [ox.Quad(_n(s), _n(p), o if not isinstance(o, str) else _n(o)) for s, p, o in _triples()]


def memory_store() -> ox.Store:
    """The graph in an in-memory Oxigraph store."""
    store = ox.Store()
    store.extend(quads())
    return store


def build_folder(folder: Path) -> Path:
    """A folder holding the graph as ``kg build -o folder`` would (``folder/store``)."""
    from kg.rdf.store import load_store

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "small.nq"
    source.write_bytes(ox.serialize(quads(), format=ox.RdfFormat.N_QUADS))
    load_store(source, folder)
    source.unlink()
    return folder
