"""End to end: the bundled sample corpus through every stage, checked as score_seeds.py checks.

kg/evaluation/gold/seed_entities.jsonl and seed_roles.jsonl are the hand-made gold of the two
sample articles (copies of shared/gold/): every entity with its type and all the names it appears
under, and the positions people hold.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Namespace
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.nlp.gazetteer import gazetteer
from kg.pipeline import build

pytestmark = [pytest.mark.model, pytest.mark.slow]

KG = Namespace("https://w3id.org/newsgraph/ontology#")
DATA = Path(__file__).parent.parent / "kg" / "evaluation" / "gold"
GOLD = [json.loads(line) for line in (DATA / "seed_entities.jsonl").open()]
ROLES = [json.loads(line) for line in (DATA / "seed_roles.jsonl").open()]


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    result = build(out_dir=out)
    graph = Graph()
    graph.parse(out / "kg.ttl", format="turtle")
    return result, graph


def names(graph, node):
    return {str(o).lower() for p in (RDFS.label, SKOS.altLabel) for o in graph.objects(node, p)}


def nodes_named(graph, aliases):
    wanted = {a.lower() for a in aliases}
    return {n for n in set(graph.subjects(RDFS.label, None)) if names(graph, n) & wanted}


def test_sample_build_summary(sample_build):
    result, _ = sample_build
    assert result.articles == 2 and result.problems == []
    assert {"ttl", "trig", "store", "explorer"} <= set(result.paths)


@pytest.mark.parametrize("gold", GOLD, ids=[g["name"] for g in GOLD])
def test_gold_entity_has_a_node_of_its_type(sample_build, gold):
    _, graph = sample_build
    nodes = nodes_named(graph, gold["aliases"])
    types = {t.split("#")[-1] for n in nodes for t in map(str, graph.objects(n, RDF.type))}
    assert gold["type"] in types, f"{gold['name']}: found types {types}"


@pytest.mark.parametrize("gold", GOLD, ids=[g["name"] for g in GOLD])
def test_gold_entity_is_one_node(sample_build, gold):
    _, graph = sample_build
    nodes = nodes_named(graph, gold["aliases"])
    assert len(nodes) == 1, f"{gold['name']}: {sorted(nodes)}"


@pytest.mark.parametrize("role", ROLES, ids=[f"{r['person']} {r['title']}" for r in ROLES])
def test_gold_positions(sample_build, role):
    _, graph = sample_build
    [person] = nodes_named(graph, [role["person"]])
    held = []
    for position in graph.objects(person, KG.position):
        titles = " ".join(str(t).lower() for t in graph.objects(position, KG.title))
        holders = list(graph.objects(position, KG.positionOf))
        held.append((titles, sorted(str(graph.value(h, RDFS.label)) for h in holders)))
        if role["title"].lower() in titles and (role["of"] == ["*"] or any(
                names(graph, h) & {o.lower() for o in role["of"]} for h in holders)):
            return
    pytest.fail(f"{role['person']} holds {held}, not {role['title']} of {role['of']}")


@pytest.mark.parametrize("gold", [g for g in GOLD if g.get("geonames")], ids=lambda g: g["name"])
def test_gold_places_are_linked_to_geonames(sample_build, gold):
    _, graph = sample_build
    [node] = [n for n in nodes_named(graph, gold["aliases"]) if (n, RDF.type, KG[gold["type"]]) in graph]
    assert (node, OWL.sameAs, None) in graph
    assert str(graph.value(node, OWL.sameAs)) == f"https://sws.geonames.org/{gold['geonames']}/"
    state = node if gold["type"] == "State" else graph.value(node, KG.locatedIn)
    assert str(graph.value(state, KG.countryCode)) == gold["country"]


def test_no_person_carries_a_place_name(sample_build):
    _, graph = sample_build
    gaz = gazetteer()
    for person in graph.subjects(RDF.type, KG.Person):
        for name in names(graph, person):
            match = gaz.match(name)
            assert not (match and match.primary), f"person {person} is named like the place {match.place}"


def test_one_named_graph_per_article(sample_build):
    result, _ = sample_build
    dataset = Dataset()
    dataset.parse(result.paths["trig"], format="trig")
    articles = {str(g.identifier) for g in dataset.graphs() if "/article/" in str(g.identifier)}
    assert articles == {"https://w3id.org/newsgraph/resource/article/000_02941cbe19eb5470",
                        "https://w3id.org/newsgraph/resource/article/002_a915b45f23773dc6"}


def test_explorer_is_offline(sample_build):
    result, _ = sample_build
    html = result.paths["explorer"].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    assert "Volodymyr Zelenskyy" in html and "Kyiv" in html
