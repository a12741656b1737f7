"""Stage 6 — RDF: articles and resolved entities as an rdflib Dataset (DESIGN.md §3).

Named graphs:

* ``<https://w3id.org/newsgraph/ontology>`` — the ontology (ontology/kg.ttl);
* ``<…/resource/graph/entities>`` — every entity: type, labels, codes, GeoNames links;
* one graph per article, named by the article's IRI — its metadata, what it mentions, the
  positions it gives people and the relations it states (a kg:RelationMention with its
  evidence each, and the direct triple for an asserted one), so one article can be rebuilt
  on its own.

Everything is built from rdflib terms; no RDF is written as strings.

Examples
--------
>>> entity_slug("Person", "Greta Lindqvist")
'person/greta-lindqvist'
>>> str(article_iri("sub/dir article"))
'https://w3id.org/newsgraph/resource/article/sub%2Fdir%20article'
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.read.corpus import Article, clean_text
from kg.data import ontology_path
from kg.errors import Problem
from kg.names import slugify
from kg.building.outputs import pause_point, write_file_atomically
from kg.rdf.query import PREFIXES
from kg.resolve import Entity, Position, ResolvedRelation, Resolution

__all__ = [
    "KG", "RES", "GEO", "ONTOLOGY_GRAPH", "ENTITY_GRAPH",
    "entity_slug", "entity_iri", "article_iri", "build_dataset", "merged_graph", "count_quads",
    "mention_label", "text_literal", "web_url", "write_outputs",
]

KG = Namespace("https://w3id.org/newsgraph/ontology#")
RES = Namespace("https://w3id.org/newsgraph/resource/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
ONTOLOGY_GRAPH = URIRef("https://w3id.org/newsgraph/ontology")
ENTITY_GRAPH = RES["graph/entities"]


MAX_SLUG = 100  # characters of a readable slug; a longer one is cut and made unique by a hash


def _label_hash(label: str, length: int) -> str:
    return hashlib.sha1(label.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def entity_slug(kind: str, label: str, disambiguator: str | int | None = None) -> str:
    """The path of an entity's IRI: type, then a readable slug (hash when no Latin letters,
    cut and ended by a hash when longer than :data:`MAX_SLUG`); only ``a-z0-9-/`` appear.

    >>> entity_slug("Organisation", "Ministry of " + "Very " * 30 + "Long Names")[:40]
    'organisation/ministry-of-very-very-very-'
    >>> len(entity_slug("Organisation", "Ministry of " + "Very " * 30 + "Long Names")) <= len("organisation/") + MAX_SLUG
    True
    """
    slug = slugify(label) or _label_hash(label, 12)
    if len(slug) > MAX_SLUG:
        slug = f"{slug[:MAX_SLUG - 13].rstrip('-')}-{_label_hash(label, 12)}"
    if disambiguator is not None:
        slug = f"{slug}-{disambiguator}"
    return f"{kind.lower()}/{slug}"


def entity_iri(entity: Entity) -> URIRef:
    """IRI of an entity: states by ISO code, GeoNames places by name and id, others by name."""
    if entity.type == "State" and entity.country:
        return RES[f"state/{entity.country.lower()}"]
    if entity.place is not None:
        return RES[entity_slug(entity.type, entity.label, entity.place.geonames_id or entity.place.code.lower() or None)]
    return RES[entity_slug(entity.type, entity.label)]


def article_iri(article_id: str) -> URIRef:
    """IRI of an article (and of its named graph); any id is percent-encoded."""
    return RES["article/" + quote(article_id, safe="-_.~")]


def text_literal(value: str) -> Literal:
    """A plain literal of text from an article, every character that is not text (a lone
    surrogate, NUL, another control character) replaced by U+FFFD so that it can be written."""
    return Literal(clean_text(value)[0])


def _bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in (("kg", KG), ("res", RES), ("geo", GEO), ("skos", SKOS),
                              ("dcterms", DCTERMS), ("prov", PROV), ("owl", OWL)):
        graph.bind(prefix, namespace, override=True, replace=True)


def add_entity(graph: Graph, entity: Entity, iris: dict) -> None:
    """The triples that describe one entity."""
    node = iris[entity.key]
    graph.add((node, RDF.type, KG[entity.type]))
    graph.add((node, RDFS.label, text_literal(entity.label)))
    for name in sorted(entity.alt_labels):
        graph.add((node, SKOS.altLabel, text_literal(name)))
    if entity.type == "State" and entity.country:
        graph.add((node, KG.countryCode, Literal(entity.country)))
    place = entity.place
    if place is not None and place.iri is not None:
        graph.add((node, OWL.sameAs, URIRef(place.iri)))
        if place.lat is not None and place.long is not None:
            graph.add((node, GEO.lat, Literal(place.lat, datatype=XSD.decimal)))
            graph.add((node, GEO.long, Literal(place.long, datatype=XSD.decimal)))
    state = iris.get(("State", entity.country)) if entity.country else None
    if state is not None and state != node:
        if entity.type == "Group":
            graph.add((node, KG.nationalityOf, state))
        elif entity.type in ("City", "Location"):
            graph.add((node, KG.locatedIn, state))
        elif entity.type == "Organisation":
            graph.add((node, KG.governmentOf if entity.kind == "government" else KG.basedIn, state))


def add_article(graph: Graph, article: Article) -> URIRef:
    """The triples that describe an article; its source is its URL (a local path is not told)."""
    node = article_iri(article.id)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, RDFS.label, text_literal(article.title or article.id)))
    graph.add((node, DCTERMS.identifier, text_literal(article.id)))
    graph.add((node, KG.contentHash, Literal(article.content_hash)))
    if article.title:
        graph.add((node, DCTERMS.title, text_literal(article.title)))
    if article.date:
        graph.add((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))
    url = web_url(article.url)
    if url is not None:
        graph.add((node, DCTERMS.source, URIRef(url)))
    return node


def web_url(url: str | None) -> str | None:
    """``url`` when it is a valid http(s) IRI, else None (a file path or a malformed link).

    >>> web_url("https://news.example/a1"), web_url("/home/me/a1.html"), web_url("file:///a1.html")
    ('https://news.example/a1', None, None)
    """
    if not url or urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc:
        return None
    try:
        ox.NamedNode(url)  # Oxigraph validates the IRI syntax: spaces, <, > and the like fail
    except ValueError:
        return None
    return url


def position_iri(position: Position, resolution: Resolution) -> URIRef:
    """IRI of a position: the person, the title and whose office it is, as slugs."""
    parts = [resolution.entities[position.person].label, position.title]
    if position.of is not None:
        parts.append(resolution.entities[position.of].label)
    slugs = []
    for part in parts:
        slug = slugify(part) or "x"
        slugs.append(slug if len(slug) <= MAX_SLUG else f"{slug[:MAX_SLUG - 13].rstrip('-')}-{_label_hash(part, 12)}")
    return RES["position/" + "--".join(slugs)]


def add_position(graph: Graph, position: Position, resolution: Resolution, iris: dict,
                 article: Article) -> None:
    """A person's position as one article states it: title, office holder, date, source."""
    node = position_iri(position, resolution)
    graph.add((iris[position.person], KG.position, node))
    graph.add((node, RDF.type, KG.Position))
    graph.add((node, KG.title, text_literal(position.title)))
    if position.of is not None:
        graph.add((node, KG.positionOf, iris[position.of]))
        label = f"{position.title} of {resolution.entities[position.of].label}"
    else:
        label = position.title
    graph.add((node, RDFS.label, text_literal(label)))
    graph.add((node, PROV.wasDerivedFrom, article_iri(article.id)))
    if article.date:
        graph.add((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))


def _date_literal(value: str) -> Literal:
    """A year ("2014") as xsd:gYear, a full date as xsd:date."""
    return Literal(value, datatype=XSD.gYear if len(value) == 4 else XSD.date)


def add_relation(graph: Graph, relation: ResolvedRelation, number: int, iris: dict, article: Article,
                 min_confidence: float = 0.0) -> URIRef:
    """One relation mention with its evidence, and the direct triple when it is asserted with
    at least ``min_confidence``.

    An actor the sentence does not name becomes a node of its own (kg:UnknownActor).
    """
    found = relation.mention
    node = RES[f"mention/{quote(article.id, safe='-_.~')}/{number}"]

    def actor_node(key, role: str) -> URIRef:
        if key is not None:
            return iris[key]
        unknown = URIRef(f"{node}/{role}")
        graph.add((unknown, RDF.type, KG.UnknownActor))
        graph.add((unknown, RDFS.label, Literal("unknown actor")))
        return unknown

    subject = actor_node(relation.subject, "subject")
    predicate = KG[found.relation.name]
    graph.add((node, RDF.type, KG.RelationMention))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, KG.sentence, text_literal(found.sentence.strip())))
    graph.add((node, KG.modality, Literal(found.modality)))
    graph.add((node, KG.trigger, text_literal(found.trigger)))
    graph.add((node, KG.cameo, Literal(found.cameo)))
    graph.add((node, KG.plover, Literal(found.relation.plover)))
    graph.add((node, KG.confidence, Literal(Decimal(f"{found.confidence:.2f}"), datatype=XSD.decimal)))
    for evidence in found.evidence:
        graph.add((node, KG.evidence, text_literal(evidence)))
    graph.add((node, PROV.wasDerivedFrom, article_iri(article.id)))
    when = found.date or article.date
    if when:
        graph.add((node, DCTERMS.date, _date_literal(when)))
    if found.subject.text:
        graph.add((node, KG.subjectText, text_literal(found.subject.text)))
    if found.subject.sector:
        graph.add((node, KG.subjectSector, Literal(found.subject.sector)))
    if relation.reporter is not None:
        graph.add((node, KG.reportedBy, iris[relation.reporter]))
    if found.object is None:
        return node
    obj = actor_node(relation.object, "object")
    graph.add((node, RDF.object, obj))
    if found.object.text:
        graph.add((node, KG.objectText, text_literal(found.object.text)))
    if found.object.sector:
        graph.add((node, KG.objectSector, Literal(found.object.sector)))
    if found.modality == "asserted" and found.confidence >= min_confidence:
        graph.add((subject, predicate, obj))
    return node


def mention_label(relation: ResolvedRelation, resolution: Resolution) -> str:
    """A relation mention as a person reads it: "Russia occupied Crimea (asserted)"."""
    def name(key) -> str:
        return resolution.entities[key].label if key is not None else "unknown actor"

    found = relation.mention
    words = [name(relation.subject), found.relation.label]
    if found.object is not None:
        words.append(name(relation.object))
    return f"{' '.join(words)} ({found.modality})"


def build_dataset(articles: Iterable[Article], resolution: Resolution,
                  include_ontology: bool = True, min_confidence: float = 0.0,
                  on_problem: Callable[[Problem], None] | None = None, include_entities: bool = True,
                  dataset: Dataset | None = None) -> Dataset:
    """The whole graph: ontology, entities, and one named graph per article; an asserted
    relation mention makes its direct triple when its confidence is at least ``min_confidence``.
    Without ontology and entities: the named graphs of these articles only.

    An article whose triples cannot be made or written (a term no RDF syntax can hold) is
    left out and reported through ``on_problem`` (W301), when given; else the error is raised.

    The graphs are made in ``dataset`` when given: anything with the ``graph``, ``graphs`` and
    ``remove_graph`` of an rdflib Dataset (:class:`kg.rdf.streaming.TripleLists` keeps plain lists).
    """
    if dataset is None:
        dataset = Dataset()
        _bind_prefixes(dataset)
    if include_ontology:
        dataset.graph(ONTOLOGY_GRAPH).parse(ontology_path("kg.ttl"), format="turtle")
    iris = {key: entity_iri(entity) for key, entity in resolution.entities.items()}
    if include_entities:
        entity_graph = dataset.graph(ENTITY_GRAPH)
        for entity in sorted(resolution.entities.values(), key=lambda e: e.key):
            add_entity(entity_graph, entity, iris)
    checked: set[URIRef] = set()
    for article in articles:
        graph = dataset.graph(article_iri(article.id))
        try:
            node = add_article(graph, article)
            for entity in resolution.entities_of(article.id):
                graph.add((node, KG.mentions, iris[entity.key]))
            for position in resolution.positions_of(article.id):
                add_position(graph, position, resolution, iris, article)
            for number, relation in enumerate(resolution.relations_of(article.id), start=1):
                mention = add_relation(graph, relation, number, iris, article, min_confidence)
                graph.add((mention, RDFS.label, text_literal(mention_label(relation, resolution))))
            _check_terms(graph, checked)
        except Exception as error:  # one article's graph must not stop the build
            if on_problem is None:
                raise
            dataset.remove_graph(graph)  # what it had made of the article's graph goes with it
            on_problem(Problem("W301", article.source or article.id,
                               f"its RDF cannot be made ({type(error).__name__}: {error}); article left out"))
    return dataset


def _check_terms(graph: Graph, checked: set[URIRef]) -> None:
    """Raise ValueError (or UnicodeError) for a term that RDF syntaxes cannot write: an IRI
    Oxigraph refuses, a string with a lone surrogate."""
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                if term not in checked:
                    ox.NamedNode(str(term))
                    checked.add(term)
            elif isinstance(term, Literal):
                str(term).encode("utf-8")
                if term.datatype is not None and term.datatype not in checked:
                    ox.NamedNode(str(term.datatype))
                    checked.add(term.datatype)


def merged_graph(dataset: Dataset) -> Graph:
    """All named graphs of a dataset in one graph (what kg.ttl holds)."""
    merged = Graph()
    _bind_prefixes(merged)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def count_quads(dataset: Dataset) -> int:
    return sum(1 for _ in dataset.quads((None, None, None, None)))


def _sort_key(quad: ox.Quad) -> tuple:
    # grouped by graph and subject, the type first: the order a person reads a description in
    return (str(quad.graph_name), str(quad.subject), quad.predicate.value != str(RDF.type),
            str(quad.predicate), str(quad.object))


def _write_atomically(graph: Graph, path: Path, fmt: str) -> None:
    """Serialise into a new file beside the target and rename it into place, so a failure
    never leaves half a file and a link at ``path`` is replaced, never written through.

    Oxigraph's serializer writes the file because it abbreviates every IRI under a known
    namespace (``res:city\\/kyiv``, escaping what Turtle requires), which rdflib's does not.
    Quads are sorted, so the same graph gives the same bytes whatever the order of building.
    """
    if fmt == "trig":
        quads = ox.parse(graph.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
        terms, syntax = sorted(quads, key=_sort_key), ox.RdfFormat.TRIG
    else:
        quads = ox.parse(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        terms, syntax = [quad.triple for quad in sorted(quads, key=_sort_key)], ox.RdfFormat.TURTLE
    write_file_atomically(path, lambda handle: ox.serialize(terms, handle, format=syntax, prefixes=PREFIXES),
                          code="E110")


def write_outputs(dataset: Dataset, out_dir: Path) -> dict[str, Path]:
    """Write kg.trig (named graphs) and kg.ttl (merged) into a folder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"trig": out_dir / "kg.trig", "ttl": out_dir / "kg.ttl"}
    _write_atomically(dataset, paths["trig"], "trig")
    pause_point("trig-written")  # for tests of builds killed half-way through writing
    _write_atomically(merged_graph(dataset), paths["ttl"], "turtle")
    return paths
