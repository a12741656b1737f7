"""kg stats: counts from the store, rankings, communities and pairs on the asserted entity graph."""
from __future__ import annotations

import json
import random

import networkx as nx
import pytest

from kg import cli
from kg.explore.analytics import (active_pairs, asserted_triples, count_entity_types, count_mentions, count_unknown,
                                  entity_graph, find_communities, graph_stats, pagerank, rank_entities, stats_json,
                                  stats_text)
from kg.explore.network import project
from kg.rdf.query import PREFIXES
from tests.small_graph import DNIEPER, HAMMER, KYIV, RUSSIA, UKRAINE, build_folder, memory_store


def mention_graph() -> nx.MultiDiGraph:
    """a→b attacked ×2, b→a accused, a→c intended, a→a, c→b structural, unknown u→c."""
    graph = nx.MultiDiGraph()
    for node, kind in (("a", "State"), ("b", "State"), ("c", "City"), ("u", "UnknownActor")):
        graph.add_node(node, label=node.upper(), type=kind)

    def add(source, target, relation, modality="asserted", structural=False):
        graph.add_edge(source, target, relation=relation, modality=modality, structural=structural)

    add("a", "b", "attacked"); add("a", "b", "attacked"); add("b", "a", "accused")
    add("a", "c", "occupied", "intended"); add("a", "a", "met"); add("c", "b", "locatedIn", structural=True)
    add("u", "c", "attacked")
    return graph


# --- the entity graph -------------------------------------------------------------------------

def test_entity_graph_keeps_asserted_mentions_between_named_entities():
    graph = entity_graph(mention_graph())
    assert set(graph.edges) == {("a", "b"), ("b", "a")}
    assert graph["a"]["b"]["weight"] == 2 and graph["a"]["b"]["relations"] == {"attacked": 2}
    assert "u" not in graph and set(graph) == {"a", "b", "c"}       # c stays, without edges


def test_entity_graph_counts_only_mentions_of_asserted_triples():
    graph = entity_graph(mention_graph(), asserted={("b", "accused", "a")})
    assert list(graph.edges) == [("b", "a")]


def test_entity_graph_does_not_change_its_input():
    source = mention_graph()
    before = nx.to_dict_of_dicts(source)
    entity_graph(source)
    assert nx.to_dict_of_dicts(source) == before


def test_pagerank_of_no_graph_is_empty():
    assert pagerank(nx.DiGraph()) == {}


def test_ranking_measures():
    ranked = {entity.iri: entity for entity in rank_entities(entity_graph(mention_graph()))}
    assert (ranked["a"].weighted_degree, ranked["a"].partners) == (3, 1)
    assert ranked["c"].weighted_degree == 0
    assert ranked["a"].pagerank == pytest.approx(ranked["b"].pagerank, rel=0.5)


def two_cliques() -> nx.DiGraph:
    graph = nx.DiGraph()
    for group in ("abcd", "wxyz"):
        graph.add_edges_from(((s, t) for s in group for t in group if s < t), weight=3)
    graph.add_edge("a", "w", weight=1)
    graph.add_node("lonely")
    return graph


def test_communities_find_the_two_cliques_and_leave_isolated_entities_out():
    communities = find_communities(two_cliques(), members=10)
    assert sorted(sorted(m.iri for m in c.members) for c in communities) == [list("abcd"), list("wxyz")]
    assert all(c.size == 4 and c.mentions == 18 for c in communities)


def test_communities_are_the_same_every_run():
    graph = nx.gnm_random_graph(60, 150, seed=3, directed=True)
    nx.set_edge_attributes(graph, 1, "weight")
    nx.relabel_nodes(graph, str, copy=False)
    first = [[m.iri for m in c.members] for c in find_communities(graph)]
    again = [[m.iri for m in c.members] for c in find_communities(nx.DiGraph(sorted(graph.edges(data=True))))]
    assert first == again


def test_active_pairs_add_both_directions_and_put_the_more_active_side_first():
    pairs = active_pairs(entity_graph(mention_graph()))
    assert len(pairs) == 1
    pair = pairs[0]
    assert (pair.first.iri, pair.second.iri, pair.mentions, pair.forward, pair.backward) == ("a", "b", 3, 2, 1)
    assert pair.relations == {"attacked": 2, "accused": 1}


# --- counts from a store ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_store():
    return memory_store()


def test_counts_of_a_small_store(small_store):
    assert count_entity_types(small_store) == {"State": 2, "City": 1, "Location": 1, "Person": 1}
    assert count_mentions(small_store) == {"accused": {"asserted": 1}, "attacked": {"asserted": 4},
                                           "conceded": {"asserted": 1}, "occupied": {"intended": 1}}
    assert count_unknown(small_store) == {"unknown_actors": 1, "mentions_with_unknown_actor": 1,
                                          "mentions_without_object": 1}


def test_asserted_triples_leave_out_claims_and_mentions_below_the_threshold(small_store):
    assert asserted_triples(small_store) >= {(RUSSIA, "attacked", UKRAINE), (UKRAINE, "accused", RUSSIA)}
    assert not {t for t in asserted_triples(small_store) if t[2] == KYIV and t[0] == RUSSIA}


def test_stats_of_a_small_store(small_store):
    stats = graph_stats(small_store)
    assert (stats.articles, stats.entities, stats.total_mentions) == (2, 5, 7)
    assert stats.by_modality == {"asserted": 6, "reported": 0, "negated": 0, "hypothetical": 0, "intended": 1}
    assert stats.graph_weight == 3          # two attacks (one below the threshold, but of an asserted triple) + accused
    assert {e.iri for e in stats.by_pagerank} == {RUSSIA, UKRAINE}
    assert {e.iri for e in stats.by_degree} == {RUSSIA, UKRAINE}        # isolated entities are not ranked
    assert stats.isolated == 3 and {KYIV, DNIEPER, HAMMER}.isdisjoint(e.iri for e in stats.by_degree)
    assert [(p.first.iri, p.second.iri, p.mentions) for p in stats.pairs] == [(RUSSIA, UKRAINE, 3)]


def test_stats_text_is_tables_on_one_line_per_row(small_store):
    text = stats_text(graph_stats(small_store))
    for heading in ("Entities by type", "Relation mentions by relation and modality", "Entity graph:",
                    "Top entities by PageRank", "Top entities by weighted degree", "Communities (Louvain",
                    "Most active pairs"):
        assert heading in text
    assert "(unknown actor)  1" in text
    assert "unknown actor" not in text.split("Top entities by PageRank")[1]


def test_stats_json_is_complete(small_store):
    document = json.loads(stats_json(graph_stats(small_store)))
    assert document["entities"]["unknown_actors"] == 1
    assert document["relation_mentions"]["by_relation"]["attacked"] == 4
    assert document["top_by_pagerank"][0]["label"] in ("Russia", "Ukraine")
    assert document["active_pairs"][0]["relations"] == {"attacked": 2, "accused": 1}
    assert document["communities"]["seed"] and document["entity_graph"]["weight_meaning"]


def test_an_empty_store_has_empty_stats():
    import pyoxigraph as ox
    stats = graph_stats(ox.Store())
    assert (stats.entities, stats.total_mentions, stats.by_pagerank, stats.pairs) == (0, 0, [], [])
    assert "0 articles" in stats_text(stats)


# --- the command --------------------------------------------------------------------------------

def run(capsys, *argv):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_stats_command_prints_tables_and_json(tmp_path, capsys):
    folder = build_folder(tmp_path / "small")
    code, out, err = run(capsys, "stats", "-o", str(folder))
    assert code == 0 and not err and out.startswith("2 articles, 5 entities, 7 relation mentions\n")
    code, out, _ = run(capsys, "stats", "-o", str(folder), "--format", "json", "--top", "1")
    assert code == 0 and len(json.loads(out)["top_by_pagerank"]) == 1


@pytest.mark.parametrize("argv, message", [
    (["stats", "-o", "{missing}"], "kg: E301 no store in"),
    (["stats", "-o", "{small}", "--format", "xml"], "kg: E901 unknown stats format 'xml'; use table or json"),
])
def test_stats_command_errors_are_one_line(tmp_path, capsys, argv, message):
    small = build_folder(tmp_path / "small")
    argv = [a.format(missing=tmp_path / "missing", small=small) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 1 and not out and err.startswith(message) and err.count("\n") == 1


# --- the sample build -----------------------------------------------------------------------------

def count(store, query: str) -> int:
    return int(next(iter(store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)))["n"].value)


@pytest.fixture(scope="module")
def sample_stats(sample_graph):
    from kg.rdf.store import open_store
    store = open_store(sample_graph)
    return store, graph_stats(store)


@pytest.mark.model
def test_sample_counts_match_sparql(sample_stats):
    store, stats = sample_stats
    assert stats.articles == count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }")
    assert stats.total_mentions == count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:RelationMention }")
    assert stats.entity_types["City"] == count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?c a kg:City }")
    assert stats.entities == count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf kg:Entity }")
    assert stats.by_relation["attacked"] == count(
        store, "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:RelationMention ; rdf:predicate kg:attacked }")
    assert stats.by_modality["intended"] == count(
        store, 'SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:RelationMention ; kg:modality "intended" }')
    assert stats.unknown_actors == count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?x a kg:UnknownActor }") > 0


@pytest.mark.model
def test_sample_entity_graph_weight_is_the_asserted_mentions_of_direct_triples(sample_stats):
    store, stats = sample_stats
    assert stats.graph_weight == count(store, """
        SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
          ?m a kg:RelationMention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality "asserted" .
          ?s ?p ?o . ?s a/rdfs:subClassOf kg:Entity . ?o a/rdfs:subClassOf kg:Entity . FILTER(?s != ?o)
        }""")


@pytest.mark.model
def test_russia_leads_the_sample(sample_stats):
    _, stats = sample_stats
    assert stats.by_pagerank[0].label == "Russia" and stats.by_degree[0].label == "Russia"
    assert stats.pairs[0].first.label == "Russia" and stats.pairs[0].second.label == "Ukraine"
    assert stats.communities and "Russia" in [m.label for m in stats.communities[0].members]


@pytest.mark.model
def test_unknown_actors_are_not_ranked_on_the_sample(sample_stats):
    _, stats = sample_stats
    listed = [*stats.by_pagerank, *stats.by_degree, *(m for c in stats.communities for m in c.members),
              *(e for p in stats.pairs for e in (p.first, p.second))]
    assert listed and not [e for e in listed if e.type == "UnknownActor" or "/mention/" in e.iri
                           or e.label == "unknown actor"]


@pytest.mark.model
def test_sample_stats_are_deterministic(sample_graph, sample_stats):
    from kg.rdf.store import open_store
    assert stats_json(graph_stats(open_store(sample_graph))) == stats_json(sample_stats[1])


def test_project_leaves_unknown_actors_out(small_store):
    assert not [node for node in project(small_store) if "/mention/" in node]
