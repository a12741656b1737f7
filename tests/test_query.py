"""The store and SPARQL: loading, union default graph, result formats, refusals."""
from __future__ import annotations

import json

import pytest

from kg.errors import KGError
from kg.query import check_query, format_results, run_query
from kg.store import load_store, open_store

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
    assert text.splitlines() == ["e              name", "-------------  --------------------",
                                 "res:city/kyiv  Kyiv", 'res:state/ukr  Ukraine, "the" state']


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
    assert "<https://w3id.org/newsgraph/resource/city/kyiv>" in turtle


@pytest.mark.parametrize("query", ["SELEC ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE { ?x ?p ", "INSERT DATA { <a> <b> <c> }"])
def test_syntax_errors_are_one_line(out_dir, query):
    with pytest.raises(KGError) as error:
        run_query(open_store(out_dir), query)
    assert error.value.code == "E401" and "\n" not in str(error.value)


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
