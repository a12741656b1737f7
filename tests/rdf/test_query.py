"""The store and SPARQL: loading, union default graph, result formats, refusals."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.errors import KGError
from kg.rdf.query import RES, check_query, format_results, run_query, short_term
from kg.rdf.store import load_store, open_store

TRIG = """
@prefix kg: <https://w3id.org/newsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/newsgraph/resource/graph/entities> {
  <https://w3id.org/newsgraph/resource/city/kyiv> a kg:City ; rdfs:label "Kyiv" .
  <https://w3id.org/newsgraph/resource/state/ukr> a kg:State ; rdfs:label "Ukraine, \\"the\\" state" .
}
<https://w3id.org/newsgraph/resource/article/a1> {
  <https://w3id.org/newsgraph/resource/article/a1> kg:mentions <https://w3id.org/newsgraph/resource/city/kyiv> .
}
"""
SELECT = "SELECT ?e ?name WHERE { ?e a ?type ; rdfs:label ?name } ORDER BY ?name"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@pytest.fixture(scope="module")
def memory_store():
    """The same graph in an in-memory store, for tests that do not need a build's folder."""
    store = ox.Store()
    store.load(TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture
def out_dir(tmp_path):
    (tmp_path / "kg.trig").write_text(TRIG, encoding="utf-8")
    load_store(tmp_path / "kg.trig", tmp_path)
    return tmp_path


def test_default_graph_is_the_union_of_named_graphs(out_dir):
    rows = list(run_query(open_store(out_dir), SELECT))
    assert [r["name"].value for r in rows] == ["Kyiv", 'Ukraine, "the" state']


def test_table(out_dir):
    text = format_results(run_query(open_store(out_dir), SELECT), "table")
    assert text.splitlines() == ["e               name", "--------------  --------------------",
                                 "res:city\\/kyiv  Kyiv", 'res:state\\/ukr  Ukraine, "the" state']


@pytest.mark.parametrize("fmt, check", [
    ("csv", lambda t: t.splitlines()[0] == "e,name" and '"Ukraine, ""the"" state"' in t),
    ("tsv", lambda t: t.splitlines()[0] == "?e\t?name" and "<https://w3id.org/newsgraph/resource/city/kyiv>" in t),
    ("json", lambda t: json.loads(t)["head"]["vars"] == ["e", "name"]
     and json.loads(t)["results"]["bindings"][0]["name"]["value"] == "Kyiv"),
    ("xml", lambda t: "<sparql" in t and "<literal>Kyiv</literal>" in t),
])
def test_w3c_result_formats(out_dir, fmt, check):
    assert check(format_results(run_query(open_store(out_dir), SELECT), fmt))


def test_ask_and_construct(out_dir):
    store = open_store(out_dir)
    assert format_results(run_query(store, "ASK { ?c a kg:City }"), "table") == "true"
    turtle = format_results(run_query(store, "CONSTRUCT { ?c a kg:City } WHERE { ?c a kg:City }"), "table")
    assert "res:city\\/kyiv a kg:City" in turtle


@pytest.mark.parametrize("query, message", [
    ("SELEC ?x WHERE { ?x ?p ?o }", "at line 1, column 1: unexpected 'SELEC' (expected SELECT, CONSTRUCT, DESCRIBE, ASK)"),
    ("SELECT ?x WHERE { ?x ?p ?o ", "at line 1, column 28: the query ends too early (expected"),
    ("SELECT ?x WHERE {\n  ?x ?p ?o } }", "at line 2, column 14: unexpected '}' (the query should end before it)"),
    ("SELECT ?x, ?y WHERE { ?x ?p ?y }", "at line 1, column 10: unexpected ','"),
    ("SELECT (COUNT(?x) AS ?n WHERE { ?x ?p ?o }", "at line 1, column 25: unexpected 'WHERE' (expected \")\")"),
    ("SELECT ?x WHERE {\n  ?x\tkg:title 'a:b' ;\n     foo:bar ?y }", "at line 3, column 6: unknown prefix 'foo:' (declare it with PREFIX foo: <…>"),
    ("PREFIX a: <urn:a:>\nASK { ?x a:b ?y FILTER(?y = b:c) }", "at line 2, column 29: unknown prefix 'b:'"),
    ("SELECT * WHERE { ?s ?p '\x1b[31mred' . FILTER(?s = ) }", "unexpected 'FILTER'"),
    ("# nothing but a comment", "the query is empty"),
])
def test_syntax_errors_say_where_and_what_in_one_line(memory_store, query, message):
    with pytest.raises(KGError) as error:
        run_query(memory_store, query)
    assert error.value.code == "E401" and "\n" not in str(error.value) and "\x1b" not in str(error.value)
    assert message in str(error.value)


@pytest.mark.parametrize("update", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE WHERE { ?s ?p ?o }",
                                    "LOAD <http://127.0.0.1:1/data.ttl>", "CLEAR ALL",
                                    "PREFIX x: <urn:x:>\nDELETE { ?s ?p ?o } INSERT { ?s x:q ?o } WHERE { ?s ?p ?o }"])
def test_updates_are_refused_in_words_and_change_nothing(memory_store, update):
    store = memory_store
    before = len(store)
    with pytest.raises(KGError) as error:
        run_query(store, update)
    assert error.value.code == "E406" and "updates" in str(error.value) and "are not supported here" in str(error.value)
    assert len(store) == before


@pytest.mark.parametrize("local", ["city/kyiv", "article/dir%2Fa%202", "mention/a.b/1/subject", "x-1", "-lead", "end.",
                                   "a~b!c$d&e'f(g)h*i+j,k;l=m?n#o@p", "über", "ü/ber", "1st", ":colon", "_u", "a%2f"])
def test_a_printed_iri_pasted_into_a_query_is_the_same_iri(local):
    iri = ox.NamedNode(RES + local)
    printed = short_term(iri)
    solutions = list(ox.Store().query(f"SELECT ?x WHERE {{ VALUES ?x {{ {printed} }} }}",
                                      prefixes={"res": RES}))
    assert solutions[0]["x"] == iri, printed


def test_iris_that_need_no_escapes_stay_short():
    assert short_term(ox.NamedNode(RES + "city/kyiv")) == "res:city\\/kyiv"
    assert short_term(ox.NamedNode("https://w3id.org/newsgraph/ontology#occupied")) == "kg:occupied"
    assert short_term(ox.NamedNode("https://sws.geonames.org/703448/")) == "<https://sws.geonames.org/703448/>"


def test_the_table_shows_control_characters_as_escapes(tmp_path):
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode(RDFS_LABEL), ox.Literal("red\x1b[31m alert\u202e!\x07")))
    text = format_results(run_query(store, "SELECT ?l WHERE { ?s rdfs:label ?l }"), "table")
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert text.splitlines()[-1] == "red\\x1b[31m alert\\u202e!\\x07"


def test_long_iris_are_printed_whole_and_long_literals_cut():
    store = ox.Store()
    iri = ox.NamedNode(RES + "mention/" + "x" * 150)
    store.add(ox.Quad(iri, ox.NamedNode(RDFS_LABEL), ox.Literal("y" * 150)))
    [row] = format_results(run_query(store, "SELECT ?s ?l WHERE { ?s rdfs:label ?l }"), "table").splitlines()[2:]
    assert row.split() == [short_term(iri), "y" * 99 + "…"]


def test_construct_prints_turtle_with_the_predeclared_prefixes(out_dir):
    turtle = format_results(run_query(open_store(out_dir), "CONSTRUCT { ?c a kg:City } WHERE { ?c a kg:City }"))
    assert "@prefix res: <https://w3id.org/newsgraph/resource/> ." in turtle and "res:city\\/kyiv a kg:City" in turtle


@pytest.mark.parametrize("query, refused", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", True),
    ("select * where { service silent <http://x.example/> { ?s ?p ?o } }", True),
    ('SELECT * WHERE { ?s rdfs:label "SERVICE" }', False),
    ("SELECT ?service WHERE { ?service ?p ?o } # SERVICE in a comment", False),
    ("PREFIX service: <http://x.example/> SELECT * WHERE { ?s service:p ?o }", False),
    ("SELECT * WHERE { <http://x.example/SERVICE> ?p ?o }", False),
])
def test_service_is_refused_unless_allowed(query, refused):
    if refused:
        with pytest.raises(KGError, match="E402"):
            check_query(query)
        check_query(query, allow_service=True)
    else:
        check_query(query)


def test_missing_store_is_a_user_error(tmp_path):
    with pytest.raises(KGError, match="E301"):
        open_store(tmp_path)


def test_rebuilding_replaces_the_store_and_leaves_no_debris(out_dir):
    (out_dir / "kg.trig").write_text("<urn:x> <urn:y> <urn:z> .", encoding="utf-8")
    load_store(out_dir / "kg.trig", out_dir)
    assert len(open_store(out_dir)) == 1
    assert sorted(p.name for p in out_dir.iterdir()) == ["kg.trig", "store"]


def test_a_failed_load_keeps_the_previous_store(out_dir):
    (out_dir / "broken.trig").write_text("<urn:x> <urn:y> .", encoding="utf-8")
    with pytest.raises(SyntaxError):
        load_store(out_dir / "broken.trig", out_dir)
    assert len(list(run_query(open_store(out_dir), SELECT))) == 2
