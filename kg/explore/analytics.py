"""What a graph holds and who is central in it (``kg stats``).

Counts come from SPARQL on the store; rankings, communities and pairs from the *entity
graph*: a weighted :class:`networkx.DiGraph` with one edge ``s → o`` for each ordered pair of
named entities between which the graph asserts a relation (a direct triple such as
``s kg:attacked o``). The weight of an edge is the number of asserted relation mentions of
those triples, i.e. how many sentences state that ``s`` did something to ``o``. Claims
(negated, hypothetical, intended, reported), structural links (``locatedIn``) and relations
with themselves are left out, and so are unnamed actors (``kg:UnknownActor``, one node per
mention): they are counted apart.

Examples
--------
>>> g = nx.MultiDiGraph()
>>> for name in "abc":
...     g.add_node(name, label=name.upper(), type="State")
>>> for target in "bbc":
...     _ = g.add_edge("a", target, relation="attacked", structural=False, modality="asserted")
>>> _ = g.add_edge("c", "b", relation="met", structural=False, modality="intended")
>>> entities = entity_graph(g)
>>> entities["a"]["b"]["weight"], entities.has_edge("c", "b")
(2, False)
>>> [(e.label, e.weighted_degree) for e in rank_entities(entities)]
[('B', 2), ('C', 1), ('A', 3)]
>>> [pair.mentions for pair in active_pairs(entities)]
[2, 1]
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Hashable, Iterable

import networkx as nx
import pyoxigraph as ox

from kg.explore.network import project
from kg.rdf.query import PREFIXES, one_line, text_table

__all__ = ["RankedEntity", "Community", "ActivePair", "GraphStats", "COMMUNITY_SEED", "MODALITIES",
           "WEIGHT_MEANING", "graph_stats", "count_entity_types", "count_mentions", "count_unknown",
           "asserted_triples", "entity_graph", "pagerank", "rank_entities", "find_communities",
           "active_pairs", "stats_text", "stats_json"]

COMMUNITY_SEED = 20220224   # Louvain is randomised: a fixed seed gives the same communities every run
MODALITIES = ("asserted", "reported", "negated", "hypothetical", "intended")
WEIGHT_MEANING = ("edge weight = number of asserted relation mentions behind the pair's asserted "
                  "relations (direct triples); claims, structural links and unnamed actors left out")
UNKNOWN_ACTOR = "UnknownActor"


# --- records ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RankedEntity:
    """An entity of the entity graph with its centrality.

    ``pagerank`` is weighted PageRank on the directed graph (damping 0.85): an entity ranks
    high when prominent actors act on it. ``weighted_degree`` is the number of asserted
    relation mentions it takes part in (as subject or object), ``partners`` the number of
    distinct entities it has a relation with.
    """

    iri: str
    label: str
    type: str
    pagerank: float
    weighted_degree: int
    partners: int


@dataclass(frozen=True)
class Community:
    """A Louvain community: its size, the mentions inside it, and its best-connected members."""

    size: int
    mentions: int
    members: tuple[RankedEntity, ...]


@dataclass(frozen=True)
class ActivePair:
    """Two entities and the asserted relation mentions between them, in either direction."""

    first: RankedEntity
    second: RankedEntity
    mentions: int
    forward: int          # first → second
    backward: int         # second → first
    relations: dict[str, int]


@dataclass
class GraphStats:
    """Everything ``kg stats`` reports; see :func:`graph_stats`."""

    articles: int
    entity_types: dict[str, int]
    unknown_actors: int
    mentions: dict[str, dict[str, int]]          # relation → modality → count
    mentions_with_unknown_actor: int
    mentions_without_object: int
    graph_edges: int
    graph_weight: int
    isolated: int
    by_pagerank: list[RankedEntity] = field(default_factory=list)
    by_degree: list[RankedEntity] = field(default_factory=list)
    communities: list[Community] = field(default_factory=list)
    community_count: int = 0
    pairs: list[ActivePair] = field(default_factory=list)

    @property
    def entities(self) -> int:
        return sum(self.entity_types.values())

    @property
    def by_relation(self) -> dict[str, int]:
        return {relation: sum(counts.values()) for relation, counts in self.mentions.items()}

    @property
    def by_modality(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for counts in self.mentions.values():
            totals.update(counts)
        return {modality: totals[modality] for modality in _modality_order(totals)}

    @property
    def total_mentions(self) -> int:
        return sum(self.by_relation.values())


# --- counts from the store --------------------------------------------------------------------

_ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }"

_ENTITY_TYPES = """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?type . ?type rdfs:subClassOf kg:Entity .
} GROUP BY ?type"""

_MENTIONS = """
SELECT ?p ?modality (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m a kg:RelationMention ; rdf:predicate ?p .
  OPTIONAL { ?m kg:modality ?given }
  BIND(COALESCE(?given, "asserted") AS ?modality)
} GROUP BY ?p ?modality"""

_UNKNOWN_ACTORS = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:UnknownActor }"

_WITH_UNKNOWN_ACTOR = """
SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m a kg:RelationMention .
  { ?m rdf:subject ?x } UNION { ?m rdf:object ?x }
  ?x a kg:UnknownActor .
}"""

_WITHOUT_OBJECT = """
SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m a kg:RelationMention . FILTER NOT EXISTS { ?m rdf:object ?o }
}"""

_ASSERTED_TRIPLES = """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?m a kg:RelationMention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     kg:modality "asserted" .
  ?s ?p ?o .
}"""


def _rows(store: ox.Store, query: str):
    return store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)


def _number(store: ox.Store, query: str) -> int:
    return next(int(row["n"].value) for row in _rows(store, query))


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def count_entity_types(store: ox.Store) -> dict[str, int]:
    """Named entities per type (``Person``, ``State`` …), most frequent first."""
    counts = {_local(row["type"].value): int(row["n"].value) for row in _rows(store, _ENTITY_TYPES)}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def count_mentions(store: ox.Store) -> dict[str, dict[str, int]]:
    """Relation mentions per relation and modality, every mention counted (unnamed actors and
    mentions without an object too); relations by name."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in _rows(store, _MENTIONS):
        counts[_local(row["p"].value)][row["modality"].value] = int(row["n"].value)
    return {relation: dict(sorted(counts[relation].items())) for relation in sorted(counts)}


def count_unknown(store: ox.Store) -> dict[str, int]:
    """Unnamed actors, the mentions that have one, and the mentions without an object."""
    return {"unknown_actors": _number(store, _UNKNOWN_ACTORS),
            "mentions_with_unknown_actor": _number(store, _WITH_UNKNOWN_ACTOR),
            "mentions_without_object": _number(store, _WITHOUT_OBJECT)}


def asserted_triples(store: ox.Store) -> set[tuple[str, str, str]]:
    """``(subject IRI, relation name, object IRI)`` of every direct triple that an asserted
    mention backs (below the build's confidence threshold a mention makes no triple)."""
    return {(row["s"].value, _local(row["p"].value), row["o"].value)
            for row in _rows(store, _ASSERTED_TRIPLES)}


# --- the entity graph -------------------------------------------------------------------------

def entity_graph(graph: nx.MultiDiGraph,
                 asserted: set[tuple[str, str, str]] | None = None) -> nx.DiGraph:
    """The weighted entity graph of a projected graph (see the module's docstring).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        As made by :func:`kg.explore.network.project`; not modified.
    asserted : set of (str, str, str), optional
        The direct triples (:func:`asserted_triples`); when given, an asserted mention counts
        only if its triple is among them. ``None`` counts every asserted mention.

    Returns
    -------
    networkx.DiGraph
        Every named entity (with its attributes), isolated ones included; edges carry
        ``weight`` (mentions) and ``relations`` (a Counter of relation names).
    """
    entities = nx.DiGraph()
    entities.add_nodes_from((node, data) for node, data in graph.nodes(data=True)
                            if data.get("type") != UNKNOWN_ACTOR)
    for source, target, data in graph.edges(data=True):
        if not _in_entity_graph(data, source, target, asserted) or source not in entities or target not in entities:
            continue
        if not entities.has_edge(source, target):
            entities.add_edge(source, target, weight=0, relations=Counter())
        edge = entities[source][target]
        edge["weight"] += 1
        edge["relations"][data.get("relation")] += 1
    return entities


def _in_entity_graph(data: dict, source: Hashable, target: Hashable,
            asserted: set[tuple[str, str, str]] | None) -> bool:
    """Whether a mention edge belongs in the entity graph."""
    if data.get("structural") or source == target or (data.get("modality") or "asserted") != "asserted":
        return False
    return asserted is None or (source, data.get("relation"), target) in asserted


def pagerank(graph: nx.DiGraph, alpha: float = 0.85, weight: str = "weight") -> dict[Hashable, float]:
    """Weighted PageRank (:func:`networkx.pagerank`; uniform teleport, dangling nodes spread evenly).

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b"), ("c", "b")])
    >>> {node: round(score, 3) for node, score in pagerank(g).items()}
    {'a': 0.213, 'b': 0.574, 'c': 0.213}
    """
    return nx.pagerank(graph, alpha=alpha, weight=weight) if len(graph) else {}


def rank_entities(graph: nx.DiGraph) -> list[RankedEntity]:
    """Every entity of an entity graph with its PageRank, weighted degree and partners,
    highest PageRank first (ties by label)."""
    scores = pagerank(graph)
    partners = graph.to_undirected(as_view=True)
    ranked = [RankedEntity(str(node), str(data.get("label") or node), str(data.get("type") or ""),
                           scores[node], int(graph.degree(node, weight="weight")),
                           sum(1 for other in partners[node] if other != node))
              for node, data in graph.nodes(data=True)]
    return sorted(ranked, key=lambda entity: (-entity.pagerank, entity.label, entity.iri))


def _undirected(graph: nx.DiGraph, nodes: Iterable[Hashable] | None = None) -> nx.Graph:
    """Both directions of a pair as one edge whose weight is their sum; nodes and edges in
    sorted order, so that seeded algorithms give the same answer for the same graph."""
    pairs: Counter[tuple[str, str]] = Counter()
    for source, target, weight in graph.edges(data="weight", default=1):
        pairs[tuple(sorted((str(source), str(target))))] += weight
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(map(str, graph if nodes is None else nodes)))
    for (first, second), weight in sorted(pairs.items()):
        undirected.add_edge(first, second, weight=weight)
    return undirected


def find_communities(graph: nx.DiGraph, ranked: list[RankedEntity] | None = None,
                     members: int = 5, seed: int = COMMUNITY_SEED) -> list[Community]:
    """Louvain communities (:func:`networkx.community.louvain_communities`, weighted,
    seeded) of the entities that have a relation, largest first; each lists its ``members``
    best-connected entities.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("a", "x")])
    >>> [[m.iri for m in c.members] for c in find_communities(g, members=3)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    ranked = rank_entities(graph) if ranked is None else ranked
    by_iri = {entity.iri: entity for entity in ranked}
    connected = [node for node in graph if graph.degree(node) > 0]
    undirected = _undirected(graph, connected)
    found = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    communities = []
    for group in found:
        inside = sorted((by_iri[node] for node in group), key=lambda e: (-e.weighted_degree, e.label, e.iri))
        weight = int(undirected.subgraph(group).size(weight="weight"))
        communities.append(Community(len(group), weight, tuple(inside[:members])))
    return sorted(communities, key=lambda c: (-c.size, -c.mentions, [m.label for m in c.members]))


def active_pairs(graph: nx.DiGraph, ranked: list[RankedEntity] | None = None,
                 top: int | None = None) -> list[ActivePair]:
    """Pairs of entities by the asserted relation mentions between them (either direction),
    most first; ``top`` keeps that many."""
    ranked = rank_entities(graph) if ranked is None else ranked
    by_iri = {entity.iri: entity for entity in ranked}
    pairs = []
    for first, second in _undirected(graph).edges():
        forward = graph.get_edge_data(first, second, {"weight": 0, "relations": Counter()})
        backward = graph.get_edge_data(second, first, {"weight": 0, "relations": Counter()})
        if backward["weight"] > forward["weight"]:   # the more active side first
            first, second, forward, backward = second, first, backward, forward
        relations = Counter(forward["relations"]) + Counter(backward["relations"])
        pairs.append(ActivePair(by_iri[first], by_iri[second], forward["weight"] + backward["weight"],
                                forward["weight"], backward["weight"],
                                dict(sorted(relations.items(), key=lambda item: (-item[1], item[0])))))
    pairs.sort(key=lambda p: (-p.mentions, p.first.label, p.second.label))
    return pairs if top is None else pairs[:top]


# --- the whole report -------------------------------------------------------------------------

def graph_stats(store: ox.Store, top: int = 10, members: int = 5,
                seed: int = COMMUNITY_SEED) -> GraphStats:
    """Counts, rankings, communities and pairs of the graph in ``store``.

    Parameters
    ----------
    store : pyoxigraph.Store
        The store a build wrote (:func:`kg.rdf.store.open_store`).
    top : int
        How many entities each ranking lists, and how many pairs and communities.
    members : int
        How many members each community lists.
    seed : int
        Seed of the Louvain method.
    """
    unknown = count_unknown(store)
    graph = entity_graph(project(store), asserted_triples(store))
    ranked = rank_entities(graph)
    connected = [entity for entity in ranked if entity.weighted_degree > 0]   # isolated ones rank on teleport alone
    communities = [c for c in find_communities(graph, ranked, members, seed) if c.size > 1]
    return GraphStats(
        articles=_number(store, _ARTICLES), entity_types=count_entity_types(store),
        unknown_actors=unknown["unknown_actors"], mentions=count_mentions(store),
        mentions_with_unknown_actor=unknown["mentions_with_unknown_actor"],
        mentions_without_object=unknown["mentions_without_object"],
        graph_edges=graph.number_of_edges(), graph_weight=int(graph.size(weight="weight")),
        isolated=sum(1 for node in graph if graph.degree(node) == 0),
        by_pagerank=connected[:top],
        by_degree=sorted(connected, key=lambda e: (-e.weighted_degree, -e.pagerank, e.label))[:top],
        communities=communities[:top], community_count=len(communities),
        pairs=active_pairs(graph, ranked, top))


def _modality_order(present: Iterable[str]) -> list[str]:
    """The five modalities in their usual order, then any other found."""
    return [*MODALITIES, *sorted(set(present) - set(MODALITIES))]


def stats_json(stats: GraphStats) -> str:
    """The report as JSON (UTF-8 text, indented)."""
    document = {
        "articles": stats.articles,
        "entities": {"total": stats.entities, "by_type": stats.entity_types,
                     "unknown_actors": stats.unknown_actors},
        "relation_mentions": {"total": stats.total_mentions, "by_relation": stats.by_relation,
                              "by_modality": stats.by_modality, "by_relation_and_modality": stats.mentions,
                              "with_unknown_actor": stats.mentions_with_unknown_actor,
                              "without_object": stats.mentions_without_object},
        "entity_graph": {"entities": stats.entities, "edges": stats.graph_edges,
                         "weight": stats.graph_weight, "isolated": stats.isolated,
                         "weight_meaning": WEIGHT_MEANING},
        "top_by_pagerank": [asdict(e) for e in stats.by_pagerank],
        "top_by_weighted_degree": [asdict(e) for e in stats.by_degree],
        "communities": {"method": "louvain", "seed": COMMUNITY_SEED, "count": stats.community_count,
                        "largest": [asdict(c) for c in stats.communities]},
        "active_pairs": [asdict(p) for p in stats.pairs],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def stats_text(stats: GraphStats) -> str:
    """The report as tables for people."""
    sections = [
        f"{stats.articles} articles, {stats.entities} entities, {stats.total_mentions} relation mentions",
        _types_section(stats), _mentions_section(stats), _graph_section(stats),
        _ranking_section("Top entities by PageRank", stats.by_pagerank),
        _ranking_section("Top entities by weighted degree", stats.by_degree),
        _communities_section(stats), _pairs_section(stats),
    ]
    return "\n\n".join(sections) + "\n"


def _types_section(stats: GraphStats) -> str:
    rows = [[kind, str(count)] for kind, count in stats.entity_types.items()]
    rows.append(["(unknown actor)", str(stats.unknown_actors)])
    return ("Entities by type\n" + text_table(["type", "entities"], rows)
            + f"\nUnknown actors are unnamed agents, one per mention; they are left out below.")


def _mentions_section(stats: GraphStats) -> str:
    modalities = list(stats.by_modality)
    rows = [[relation, str(sum(counts.values())), *(str(counts.get(m, 0)) for m in modalities)]
            for relation, counts in stats.mentions.items()]
    rows.append(["all", str(stats.total_mentions), *(str(stats.by_modality[m]) for m in modalities)])
    return ("Relation mentions by relation and modality\n" + text_table(["relation", "all", *modalities], rows)
            + f"\nWith an unknown actor: {stats.mentions_with_unknown_actor}; "
              f"without an object: {stats.mentions_without_object}.")


def _graph_section(stats: GraphStats) -> str:
    return (f"Entity graph: {stats.entities} entities, {stats.graph_edges} edges of total weight "
            f"{stats.graph_weight}; {stats.isolated} entities have no asserted relation and are not ranked.\n"
            f"({WEIGHT_MEANING}.)")


def _ranking_section(title: str, ranked: list[RankedEntity]) -> str:
    rows = [[str(number), one_line(e.label, 40), e.type, f"{e.pagerank:.4f}", str(e.weighted_degree),
             str(e.partners)] for number, e in enumerate(ranked, start=1)]
    return f"{title}\n" + text_table(["#", "entity", "type", "pagerank", "weighted degree", "partners"], rows)


def _communities_section(stats: GraphStats) -> str:
    rows = [[str(number), str(c.size), str(c.mentions), ", ".join(one_line(m.label, 40) for m in c.members)]
            for number, c in enumerate(stats.communities, start=1)]
    shown = "" if len(stats.communities) == stats.community_count else f", the {len(stats.communities)} largest"
    return (f"Communities (Louvain, seed {COMMUNITY_SEED}): {stats.community_count} of two or more "
            f"entities{shown}\n" + text_table(["#", "entities", "mentions", "best-connected members"], rows))


def _pairs_section(stats: GraphStats) -> str:
    rows = [[one_line(p.first.label, 40), one_line(p.second.label, 40), str(p.mentions), str(p.forward),
             str(p.backward), ", ".join(f"{name} {count}" for name, count in p.relations.items())]
            for p in stats.pairs]
    return "Most active pairs\n" + text_table(["entity", "entity", "mentions", "→", "←", "relations"], rows)
