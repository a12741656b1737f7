"""kg.serve.server without a server: which queries may run, how they are sent, and the formats offered."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.serve.example_queries import BUILT_IN_EXAMPLES, ExampleQuery, page_examples
from kg.serve.server import EndpointError, check_query, negotiate

KG = "https://w3id.org/newsgraph/ontology#"


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { { SELECT * WHERE { SERVICE <http://e/> { ?s ?q ?r } } } } }",
    "ASK { FILTER EXISTS { SERVICE <http://e/> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://e/> { ?s ?p ?o } }",
])
def test_service_anywhere_in_the_query_is_refused(query):
    with pytest.raises(EndpointError) as refused:
        check_query(query)
    assert refused.value.status == 403 and refused.value.code == "E714"


@pytest.mark.parametrize("query", [
    # a SERVICE on the line of an IRI with '#': rdflib's parser fails on it, so it cannot run either
    f"PREFIX kg: <{KG}> SELECT * WHERE {{ ?c a kg:City . SERVICE <http://e/> {{ ?c ?p ?o }} }}",
    # in a string to rdflib (which decodes \u escapes first), code to Oxigraph
    "SELECT * WHERE { OPTIONAL { ?s ?p \"x\\u005C\" } SERVICE <http://e/> { ?a ?b ?c } FILTER(?p != '\"} #')\n}",
    # in a comment to rdflib (which ends comments at a line feed only), code to Oxigraph
    "SELECT * WHERE { ?s ?p ?o # a comment\rSERVICE <http://e/> { ?a ?b ?c }\n}",
])
def test_a_service_call_hidden_from_rdflib_is_refused_all_the_same(query):
    with pytest.raises(EndpointError) as refused:
        check_query(query)
    assert refused.value.status in (400, 403)


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s rdfs:label "SERVICE <http://e/> { ?s ?p ?o }" }',
    "SELECT ?s WHERE { ?s ?p <http://example.org/SERVICE> }  # SERVICE <http://e/> { }",
    'SELECT ?s WHERE { ?s ?p "\\\\u0041 is a backslash and u0041" }',
])
def test_the_word_service_outside_the_query_pattern_is_no_service_call(query):
    assert check_query(query).form == "SELECT"


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
])
def test_updates_are_refused_as_such(update):
    with pytest.raises(EndpointError) as refused:
        check_query(update)
    assert (refused.value.status, refused.value.code) == (403, "E713")
    assert "read-only" in refused.value.message


def test_prefixes_are_predeclared_where_used_and_not_declared():
    used = check_query("SELECT ?c WHERE { ?c a kg:City ; rdfs:label ?n }")
    assert used.text.startswith(f"PREFIX kg: <{KG}> PREFIX rdfs: <")
    assert used.text.endswith("SELECT ?c WHERE { ?c a kg:City ; rdfs:label ?n }")
    own = "PREFIX kg: <urn:mine#>\nSELECT ?c WHERE { ?c a kg:City }"
    assert check_query(own).text == own
    assert check_query("ASK { ?s ?p ?o }").text == "ASK { ?s ?p ?o }"
    # what is sent runs on Oxigraph as the query meant
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:kyiv"), ox.NamedNode(KG + "x"), ox.Literal("1")))
    assert bool(store.query(check_query("ASK { ?c kg:x ?v }").text))


def test_syntax_errors_and_unknown_prefixes_say_where_and_what():
    with pytest.raises(EndpointError) as syntax:
        check_query("SELECT * WHERE {\n  ?s ?p }")
    assert syntax.value.status == 400 and "line 2" in syntax.value.message
    with pytest.raises(EndpointError) as prefix:
        check_query("SELECT * WHERE { ?s foaf:name ?n }")
    assert prefix.value.code == "E717" and prefix.value.message.startswith("unknown prefix foaf:")


@pytest.mark.parametrize("accept, form, media_type", [
    (None, "SELECT", "application/sparql-results+json"),
    ("*/*", "CONSTRUCT", "text/turtle"),
    ("application/sparql-results+json,application/json,text/javascript", "SELECT", "application/sparql-results+json"),
    ("application/json", "SELECT", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "SELECT", "application/sparql-results+xml"),
    ("text/tab-separated-values", "ASK", "text/tab-separated-values; charset=utf-8"),
    ("application/sparql-results+xml, application/rdf+xml, */*", "DESCRIBE", "application/rdf+xml"),
    ("text/rdf+n3,application/n-triples,application/turtle,text/turtle", "CONSTRUCT", "text/turtle"),
    ("application/n-triples", "CONSTRUCT", "application/n-triples"),
    ("text/html;q=0.9, */*;q=0.1", "SELECT", "application/sparql-results+json"),
])
def test_the_format_is_the_one_the_client_prefers_among_those_of_the_query_form(accept, form, media_type):
    assert negotiate(accept, form).media_type == media_type


def test_a_format_the_query_form_has_not_is_not_offered():
    assert negotiate("text/html", "SELECT") is None
    assert negotiate("text/csv", "CONSTRUCT") is None


def test_the_query_page_offers_the_built_in_examples_until_saved_queries_exist():
    examples = page_examples()
    assert examples and all(isinstance(example, ExampleQuery) for example in examples)
    for example in BUILT_IN_EXAMPLES:
        assert check_query(example.text).form == "SELECT"
