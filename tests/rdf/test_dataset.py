"""RDF output: the vocabulary of DESIGN.md §3, compared with a small golden TriG file."""
from __future__ import annotations

from decimal import Decimal

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic, graph_diff
from rdflib.namespace import RDF, RDFS, SKOS

from kg.read.corpus import Article
from kg.extract.entities import Mention
from kg.nlp.gazetteer import Gazetteer, Place
from kg.extract.positions import PositionMention
from kg.extract.relations import UNKNOWN, Actor, RelationMention
from kg.extract.triggers import RelationType
from kg.rdf.dataset import ENTITY_GRAPH, KG, ONTOLOGY_GRAPH, article_iri, build_dataset, merged_graph, write_outputs
from kg.resolve import resolve

GOLDEN = Path(__file__).parent / "data" / "golden_small.trig"

TBILISI = Place(611717, "Tbilisi", "City", "GEO", 1049498, 41.69411, 44.83368)
GEORGIA = Place(614540, "Georgia", "State", "GEO", 3731000)
ARRESTED = RelationType("arrested", "173", "COERCE", "arrested", "Arrested the object.")
PRAISED = RelationType("supported", "05", "SUPPORT", "supported", "Supported the object.")
GAZ = Gazetteer(
    {"GE": {"geonameid": 614540, "name": "Georgia", "iso": "GE", "iso3": "GEO", "capital": "Tbilisi",
            "population": 3731000}},
    {"1": {"geonameid": 611717, "name": "Tbilisi", "countrycode": "GE", "population": 1049498,
           "latitude": 41.69411, "longitude": 44.83368, "alternatenames": ["Tiflis"]}},
    {})


def small_build(include_ontology=False, confidence=1.0, min_confidence=0.0) -> Dataset:
    first = Article("a1", "Protesters gathered in Tiflis. Georgians were detained.", title="Protests & <arrests>",
                    date="2024-05-01", url="https://news.example/a1")
    second = Article("dir/a 2", "Tbilisi stayed calm, said Mayor Nino Beridze; the interior ministry agreed.",
                     date="2024-05-02", source="feeds/a2.txt")
    mentions = {
        "a1": [Mention("Tiflis", "Tbilisi", "City", 3, 4, 23, 29, "GEO", TBILISI),
               Mention("Georgians", "Georgians", "Group", 5, 6, 31, 40, "GEO")],
        "dir/a 2": [Mention("Tbilisi", "Tbilisi", "City", 0, 1, 0, 7, "GEO", TBILISI),
                    Mention("Nino Beridze", "Nino Beridze", "Person", 5, 7, 26, 38),
                    Mention("interior ministry", "Georgian Interior Ministry", "Organisation", 8, 10, 40, 57, "GEO",
                            kind="government")],
    }
    positions = {"dir/a 2": [PositionMention(mentions["dir/a 2"][1], "Mayor", mentions["dir/a 2"][0], "…")]}
    ministry, city, mayor = mentions["dir/a 2"][2], mentions["dir/a 2"][0], mentions["dir/a 2"][1]
    relations = {"a1": [
        RelationMention(ARRESTED, "173", UNKNOWN, Actor(mentions["a1"][1], "Georgians"), "asserted", "detained",
                        "Georgians were detained.", 31, "2024-04-30")],
        "dir/a 2": [
            RelationMention(PRAISED, "051", Actor(ministry, "the interior ministry", "government"),
                            Actor(mayor, "Mayor Nino Beridze"), "asserted", "praised", second.text, 0,
                            confidence=confidence, evidence=("trigger:bare",) if confidence < 1 else ()),
            RelationMention(PRAISED, "051", Actor(mayor, "Nino Beridze"), Actor(city, "Tbilisi"), "intended",
                            "praise", second.text, 0, None, Actor(ministry, "the interior ministry"))]}
    resolution = resolve([(key, found, positions.get(key, []), relations.get(key, []))
                          for key, found in mentions.items()], GAZ)
    return build_dataset([first, second], resolution, include_ontology=include_ontology,
                         min_confidence=min_confidence)


def named_graphs(dataset: Dataset) -> dict:
    return {g.identifier: g for g in dataset.graphs() if len(g)}


def test_dataset_matches_the_golden_trig():
    built = named_graphs(small_build())
    golden = Dataset()
    golden.parse(GOLDEN, format="trig")
    expected = named_graphs(golden)
    assert sorted(built) == sorted(expected)
    for name, graph in expected.items():
        if not isomorphic(built[name], graph):
            _, only_built, only_golden = graph_diff(to_isomorphic(built[name]), to_isomorphic(graph))
            pytest.fail(f"graph {name} differs:\nbuilt only:\n{only_built.serialize(format='nt')}\n"
                        f"golden only:\n{only_golden.serialize(format='nt')}")


def test_one_named_graph_per_article_plus_entities():
    names = set(named_graphs(small_build()))
    assert names == {ENTITY_GRAPH, article_iri("a1"), article_iri("dir/a 2")}
    assert str(article_iri("dir/a 2")).endswith("/article/dir%2Fa%202")


def test_ontology_graph_is_included_and_every_term_is_described():
    dataset = small_build(include_ontology=True)
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    used = {p for _, p, _ in merged_graph(dataset) if str(p).startswith(str(KG))}
    used |= {o for _, p, o in merged_graph(dataset) if p == RDF.type and str(o).startswith(str(KG))}
    for term in used:
        assert (term, RDFS.label, None) in ontology and (term, RDFS.comment, None) in ontology, term


def test_user_text_is_escaped_in_turtle_and_trig(tmp_path):
    paths = write_outputs(small_build(), tmp_path)
    for fmt, path in (("turtle", paths["ttl"]), ("trig", paths["trig"])):
        reread = Dataset()
        reread.parse(path, format=fmt)
        titles = {str(o) for _, _, o, _ in reread.quads((None, URIRef("http://purl.org/dc/terms/title"), None, None))}
        assert titles == {"Protests & <arrests>"}


def test_only_asserted_mentions_with_an_object_make_triples():
    merged = merged_graph(small_build())
    direct = {(str(s).rsplit("/", 1)[-1], str(p).rsplit("#", 1)[-1], str(o).rsplit("/", 1)[-1])
              for s, p, o in merged if str(p).startswith(str(KG)) and p in (KG.arrested, KG.supported)}
    assert direct == {("subject", "arrested", "georgians"), ("georgian-interior-ministry", "supported", "nino-beridze")}
    mentions = set(merged.subjects(RDF.type, KG.RelationMention))
    assert len(mentions) == 3
    assert {str(m) for m in mentions} >= {"https://w3id.org/newsgraph/resource/mention/a1/1"}


def test_a_mention_below_the_threshold_makes_no_direct_triple_but_stays_queryable():
    merged = merged_graph(small_build(confidence=0.4, min_confidence=0.5))
    assert not list(merged.triples((None, KG.supported, None)))
    [mention] = [m for m in merged.subjects(RDF.predicate, KG.supported)
                 if str(merged.value(m, KG.modality)) == "asserted"]
    assert merged.value(mention, KG.confidence).toPython() == Decimal("0.40")
    assert {str(e) for e in merged.objects(mention, KG.evidence)} == {"trigger:bare"}
    at_threshold = merged_graph(small_build(confidence=0.5, min_confidence=0.5))
    assert len(list(at_threshold.triples((None, KG.supported, None)))) == 1


def test_surface_forms_become_alt_labels():
    merged = merged_graph(small_build())
    city = URIRef("https://w3id.org/newsgraph/resource/city/tbilisi-611717")
    assert set(merged.objects(city, SKOS.altLabel)) == {Literal("Tiflis")}
    assert set(merged.objects(city, RDFS.label)) == {Literal("Tbilisi")}


def test_turtle_and_trig_use_the_res_prefix_and_say_the_same_graph(tmp_path):
    dataset = small_build()
    paths = write_outputs(dataset, tmp_path)
    turtle = paths["ttl"].read_text(encoding="utf-8")
    assert "@prefix res: <https://w3id.org/newsgraph/resource/> ." in turtle
    assert "res:city\\/tbilisi-611717 a kg:City" in turtle
    assert "<https://w3id.org/newsgraph/resource/" not in turtle.replace("@prefix res: <https://w3id.org/newsgraph/resource/>", "")
    reread = Graph().parse(paths["ttl"], format="turtle")
    assert isomorphic(reread, merged_graph(dataset))
    trig = Dataset()
    trig.parse(paths["trig"], format="trig")
    trig_text = paths["trig"].read_text(encoding="utf-8")
    assert "\nres:article\\/a1 {" in trig_text
    assert "<https://w3id.org/newsgraph/resource/" not in trig_text.replace("@prefix res: <https://w3id.org/newsgraph/resource/>", "")
    assert named_graphs(trig).keys() == named_graphs(dataset).keys()
    for name, graph in named_graphs(dataset).items():
        assert isomorphic(named_graphs(trig)[name], graph), name


@pytest.mark.parametrize("url, source", [
    ("https://news.example/a?id=1&p=2", "https://news.example/a?id=1&p=2"),
    ("/home/reporter/articles/a.html", None),
    ("file:///home/reporter/a.html", None),
    ("https://news.example/a b", None),
    (None, None),
])
def test_the_source_of_an_article_is_only_ever_its_web_url(url, source):
    from rdflib.namespace import DCTERMS
    from kg.rdf.dataset import add_article

    graph = Graph()
    node = add_article(graph, Article("x", "Text.", url=url, source="/home/reporter/articles/a.html"))
    assert [str(o) for o in graph.objects(node, DCTERMS.source)] == ([source] if source else [])
    assert not any("/home/reporter" in str(o) for o in graph.objects())


def test_mentions_positions_and_articles_are_labelled():
    merged = merged_graph(small_build())
    labels = {str(merged.value(node, RDFS.label)) for kind in (KG.RelationMention, KG.Position, KG.Article)
              for node in merged.subjects(RDF.type, kind)}
    assert labels == {"unknown actor arrested Georgians (asserted)",
                      "Georgian Interior Ministry supported Nino Beridze (asserted)",
                      "Nino Beridze supported Tbilisi (intended)", "Mayor of Tbilisi",
                      "Protests & <arrests>", "dir/a 2"}


def test_a_division_without_a_geonames_id_is_named_by_its_code_and_links_nowhere():
    region = Place(0, "Kvemo Zemo", "Location", "GEO", code="GE-ZZ")
    article = Article("r1", "Kvemo Zemo flooded.")
    mention = Mention("Kvemo Zemo", "Kvemo Zemo", "Location", 0, 2, 0, 10, "GEO", region)
    merged = merged_graph(build_dataset([article], resolve([("r1", [mention], [], [])], GAZ)))
    node = URIRef("https://w3id.org/newsgraph/resource/location/kvemo-zemo-ge-zz")
    assert (node, RDF.type, KG.Location) in merged
    assert not list(merged.objects(node, URIRef("http://www.w3.org/2002/07/owl#sameAs")))
