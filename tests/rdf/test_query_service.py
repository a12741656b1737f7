"""SERVICE is refused on the parsed query: escapes, strings and comments cannot hide it."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import KGError
from kg.rdf.query import check_query

DEAD = "<http://127.0.0.1:1/sparql>"  # nothing listens there: a call fails at once
PREFIX = "PREFIX x: <urn:x/>\n"

# Each of these calls SERVICE as Oxigraph reads it.
CALLS = {
    "escaped # in a prefixed name": PREFIX + rf"SELECT * WHERE {{ ?s x:a\#b ?o . SERVICE {DEAD} {{ ?s ?p ?o }} }}",
    "escaped ' in a prefixed name": PREFIX + rf"SELECT * WHERE {{ ?s x:a\'b ?o . SERVICE {DEAD} {{ ?s ?p ?o }} }}",
    "escaped #' in one name": PREFIX + rf"SELECT * WHERE {{ ?s x:a\#\'b ?o . SERVICE {DEAD} {{ ?s ?p ?o }} }}",
    "lowercase": f"select * where {{ service {DEAD} {{ ?s ?p ?o }} }}",
    "mixed case": f"SELECT * WHERE {{ SeRvIcE {DEAD} {{ ?s ?p ?o }} }}",
    "silent": f"SELECT * WHERE {{ SERVICE SILENT {DEAD} {{ ?s ?p ?o }} }}",
    "a variable endpoint": f"SELECT * WHERE {{ VALUES ?e {{ {DEAD} }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "in OPTIONAL": f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE {DEAD} {{ ?s ?p ?o }} }} }}",
    "in UNION": f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE {DEAD} {{ ?s ?p ?o }} }} }}",
    "in a subquery": f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE {DEAD} {{ ?s ?p ?o }} }} }} }}",
    "in FILTER EXISTS": f"SELECT * WHERE {{ ?a ?b ?c FILTER EXISTS {{ SERVICE {DEAD} {{ ?s ?p ?o }} }} }}",
    "in MINUS": f"SELECT * WHERE {{ ?a ?b ?c MINUS {{ SERVICE {DEAD} {{ ?a ?p ?o }} }} }}",
    "in GRAPH": f"SELECT * WHERE {{ GRAPH ?g {{ SERVICE {DEAD} {{ ?s ?p ?o }} }} }}",
    "in CONSTRUCT": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {DEAD} {{ ?s ?p ?o }} }}",
    "in ASK": f"ASK {{ SERVICE {DEAD} {{ ?s ?p ?o }} }}",
    "after a string holding SERVICE": f'SELECT * WHERE {{ ?s ?p "SERVICE" . SERVICE {DEAD} {{ ?s ?p ?o }} }}',
    "after a string with an escaped quote": rf'SELECT * WHERE {{ ?s ?p "a\"b" . SERVICE {DEAD} {{ ?s ?p ?o }} }}',
    "after a string ending in an escaped backslash":
        rf'SELECT * WHERE {{ ?s ?p "a\\" . SERVICE {DEAD} {{ ?s ?p ?o }} }}',
    "after a \\u005C escape in a string": rf'SELECT * WHERE {{ ?s ?p "a\u005C" . SERVICE {DEAD} {{ ?s ?p ?o }} }}',
    "after a comment holding a quote": f'SELECT * WHERE {{ # a "quote\n SERVICE {DEAD} {{ ?s ?p ?o }} }}',
    "after a comment ended by a carriage return": f"SELECT * WHERE {{ # comment\rSERVICE {DEAD} {{ ?s ?p ?o }} }}",
    "after a # in an IRI": f"SELECT * WHERE {{ ?s <urn:x#y> ?o . SERVICE {DEAD} {{ ?s ?p ?o }} }}",
}
# Not valid SPARQL (\" is no PN_LOCAL_ESC), but refused all the same: never run unchecked.
REFUSED_ANYWAY = {
    'escaped " in a prefixed name': PREFIX + rf'SELECT * WHERE {{ ?s x:a\"b ?o . SERVICE {DEAD} {{ ?s ?p ?o }} }}',
}
ALLOWED = {
    "SERVICE in a string": 'SELECT * WHERE { ?s rdfs:label "a SERVICE desk" }',
    "SERVICE in a long string": "SELECT * WHERE { ?s rdfs:label '''SERVICE <urn:x> { ?s ?p ?o }''' }",
    "SERVICE in a comment": "SELECT ?s WHERE { ?s ?p ?o } # SERVICE <urn:x> { }",
    "a variable named service": "SELECT ?service WHERE { ?service ?p ?o }",
    "a prefix named service": "PREFIX service: <urn:s/> SELECT * WHERE { ?s service:p ?o }",
    "SERVICE in an IRI": "SELECT * WHERE { <http://x.example/SERVICE> ?p ?o }",
    "SERVICE in an escaped local name": PREFIX + r"SELECT * WHERE { ?s x:SERVICE\#b ?o }",
}


def oxigraph_parses(query: str) -> bool:
    try:
        list(ox.Store().query(query, prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}))
    except SyntaxError:
        return False
    except (OSError, RuntimeError):  # the call to the dead endpoint (or its unbound name): it parsed
        return True
    return True


@pytest.mark.parametrize("query", CALLS.values(), ids=CALLS.keys())
def test_service_calls_are_refused_however_written(query):
    assert oxigraph_parses(query), "not a query Oxigraph would run: the case proves nothing"
    with pytest.raises(KGError) as error:
        check_query(query)
    assert error.value.code == "E402" and "--allow-service" in str(error.value)
    check_query(query, allow_service=True)


@pytest.mark.parametrize("query", REFUSED_ANYWAY.values(), ids=REFUSED_ANYWAY.keys())
def test_a_query_that_cannot_be_checked_is_refused_if_it_mentions_service(query):
    with pytest.raises(KGError, match="E402"):
        check_query(query)


@pytest.mark.parametrize("query", ALLOWED.values(), ids=ALLOWED.keys())
def test_service_as_a_word_in_data_is_no_call(query):
    assert oxigraph_parses(query)
    check_query(query)


@pytest.mark.parametrize("query", CALLS.values(), ids=CALLS.keys())
def test_the_endpoint_refuses_the_same_calls(query):
    from kg.serve.server import EndpointError, check_query as endpoint_check

    with pytest.raises(EndpointError) as error:
        endpoint_check(query)
    assert error.value.status in (400, 403)  # refused as SERVICE, or as a query it cannot check
