"""Saved queries: each file is a valid query, parameters are bound as RDF terms that no value
can break out of, and on the sample corpus each query finds what the articles say."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import cli
from kg.errors import KGError
from kg.queries import parameter_term, saved_queries, saved_query
from kg.rdf.query import RES, run_query
from kg.rdf.store import open_store

REQUIRED = {"attacks", "occupations", "sanctions", "calls", "positions", "entity", "timeline", "evidence", "claims"}
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
CITY = ox.NamedNode("https://w3id.org/newsgraph/ontology#City")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SAMPLE_VALUES = {"entity": "Kyiv", "subject": "Russia", "relation": "occupied", "object": "Kherson"}
HOSTILE = ['"', "'", "}", "\n", "#", "\\", '" } ?s ?p ?o . } #', "x\" } UNION { ?e ?p ?o } #\n",
           "'''", '"""', "\r\nLIMIT 0", "\\u0022 }", "\\\" }", "Kyiv\"@en } #", "<urn:x", "}}}}{{{{", "\x00\x1b[31m"]


def values_for(query) -> dict[str, str]:
    return {name: SAMPLE_VALUES[name] for name in query.params}


def test_the_promised_queries_are_shipped_with_a_title_and_description():
    queries = saved_queries()
    assert REQUIRED <= set(queries)
    for name, query in queries.items():
        assert query.name == name and query.title and query.description, name
        assert query.title == query[0] and query.text == query[1] and query.params == query[2]


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_parses_with_and_without_its_parameters(name):
    query = saved_query(name)
    store = ox.Store()
    assert list(run_query(store, query.text)) == []  # the file itself is a valid query
    assert list(run_query(store, query.bind(values_for(query)))) == []


def test_parameters_are_declared_exactly_where_they_are_bound():
    assert list(saved_query("entity").params) == ["entity"]
    assert list(saved_query("evidence").params) == ["subject", "relation", "object"]
    assert all(not q.params for n, q in saved_queries().items() if n not in ("entity", "evidence"))


@pytest.fixture(scope="module")
def hostile_store():
    """Entities named by each hostile value, and one decoy no query should reach."""
    store = ox.Store()
    for number, value in enumerate(HOSTILE + ["Decoy"]):
        node = ox.NamedNode(f"{RES}city/{number}")
        store.add(ox.Quad(node, TYPE, CITY))
        store.add(ox.Quad(node, LABEL, ox.Literal(value)))
    return store


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_parameter_is_one_literal_and_cannot_change_the_query(hostile_store, value):
    query = saved_query("entity")
    bound = query.bind({"entity": value})
    # only the placeholder changed, and into one line holding the value as a literal
    placeholder = "VALUES ?entity { UNDEF }"
    before, after = query.text.split(placeholder)
    assert bound.startswith(before) and bound.endswith(after)
    values_line = bound[len(before): len(bound) - len(after)]
    assert "\n" not in values_line and values_line == f"VALUES ?entity {{ {ox.Literal(value)} }}"
    rows = list(run_query(hostile_store, bound))
    assert rows and {row["subject"].value for row in rows} == {value}  # found itself, nothing else
    assert "Decoy" not in {row["object"].value for row in rows}


def test_a_hostile_value_in_every_parameter_of_the_evidence_query(hostile_store):
    bound = saved_query("evidence").bind({"subject": HOSTILE[6], "relation": HOSTILE[7], "object": HOSTILE[9]})
    assert list(run_query(hostile_store, bound)) == []


@pytest.mark.parametrize("value, term", [
    ("Kyiv", ox.Literal("Kyiv")),
    ("  Kyiv ", ox.Literal("  Kyiv ")),
    ("res:city\\/kyiv-703448", ox.NamedNode(RES + "city/kyiv-703448")),
    ("res:city/kyiv-703448", ox.NamedNode(RES + "city/kyiv-703448")),
    ("<https://w3id.org/newsgraph/resource/state/ukr>", ox.NamedNode(RES + "state/ukr")),
    ("https://sws.geonames.org/703448/", ox.NamedNode("https://sws.geonames.org/703448/")),
    ("kg:occupied", ox.NamedNode("https://w3id.org/newsgraph/ontology#occupied")),
    ("Rio: the city", ox.Literal("Rio: the city")),
    ("unknown:prefix", ox.Literal("unknown:prefix")),
])
def test_a_parameter_is_an_iri_when_written_as_one_else_a_literal(value, term):
    assert parameter_term(value) == term


@pytest.mark.parametrize("value", ["<https://x.example/a b>", "<urn:x>} { <urn:y>", "https://x.example/{a}"])
def test_a_parameter_that_looks_like_an_iri_but_is_none_is_refused(value):
    with pytest.raises(KGError, match="E408"):
        saved_query("entity").bind({"entity": value})


@pytest.mark.parametrize("values, message", [
    ({}, "needs --param entity=…"),
    ({"entity": "Kyiv", "other": "x"}, "has no parameter 'other' (it takes entity)"),
])
def test_missing_and_unknown_parameters(values, message):
    with pytest.raises(KGError, match="E408") as error:
        saved_query("entity").bind(values)
    assert message in str(error.value)


def test_an_unknown_saved_query_lists_the_known_ones():
    with pytest.raises(KGError, match="E407") as error:
        saved_query("attack")
    assert "attacks, calls" in str(error.value)


# --- On the sample corpus ---------------------------------------------------------------------

def rows(sample_graph, name, **values) -> list[dict[str, str | None]]:
    """The solutions of a saved query on the sample build, as plain values by variable name."""
    result = run_query(open_store(sample_graph), saved_query(name).bind(values))
    names = [variable.value for variable in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


@pytest.mark.model
def test_who_attacked_occupied_and_called_whom_on_the_sample(sample_graph):
    attacks = {(r["attacker"], r["target"]) for r in rows(sample_graph, "attacks")}
    assert {("Russia", "Kyiv"), ("Russia", "Kharkiv")} <= attacks
    occupations = {(r["occupier"], r["occupied"]): r for r in rows(sample_graph, "occupations")}
    assert occupations["Russia", "Crimean Peninsula"]["first"] == "2014"
    assert ("Russia", "Kyiv") not in occupations  # "Russia's goal of capturing Kyiv" is intended only
    calls = {(r["caller"], r["relation"], r["called"]) for r in rows(sample_graph, "calls")}
    assert ("Vladimir Putin", "called (phoned)", "Emmanuel Macron") in calls
    assert ("Volodymyr Zelenskyy", "called on", "Vladimir Putin") in calls
    # the sample's one sanction ("subject to sanctions") names no sanctioner: between named actors only
    assert not rows(sample_graph, "sanctions")
    assert not {r["caller"] for r in rows(sample_graph, "calls")} & {"unknown actor"}


@pytest.mark.model
def test_positions_and_everything_about_an_entity_on_the_sample(sample_graph):
    positions = {(r["person"], r["title"], r["of"]) for r in rows(sample_graph, "positions")}
    assert ("Volodymyr Zelenskyy", "President", "Ukraine") in positions
    by_name = rows(sample_graph, "entity", entity="kyiv")
    by_iri = rows(sample_graph, "entity", entity="res:city\\/kyiv-703448")
    assert by_name == by_iri
    facts = {(r["subject"], r["predicate"], r["object"]) for r in by_name}
    assert ("Kyiv", "https://w3id.org/newsgraph/ontology#locatedIn", "Ukraine") in facts
    assert ("Russia", "https://w3id.org/newsgraph/ontology#attacked", "Kyiv") in facts


@pytest.mark.model
def test_timeline_evidence_and_claims_on_the_sample(sample_graph):
    dates = [r["date"] for r in rows(sample_graph, "timeline")]
    assert dates == sorted(dates) and dates[0] == "2014"
    evidence = rows(sample_graph, "evidence", subject="Russia", relation="occupied", object="Kherson")
    assert {r["modality"] for r in evidence} == {"asserted", "intended"}
    assert rows(sample_graph, "evidence", subject="russia", relation="kg:occupied", object="KHERSON") == evidence
    claims = rows(sample_graph, "claims")
    assert claims and "asserted" not in {r["modality"] for r in claims}
    assert ("Vladimir Putin", "occupied", "Ukraine", "intended") in {
        (r["subject"], r["relation"], r["object"], r["modality"]) for r in claims}


# --- kg query --list / --saved -----------------------------------------------------------------

def test_kg_query_list_needs_no_graph(capsys, tmp_path):
    assert cli.main(["query", "--list", "-o", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["name", "parameters", "title"]
    assert {line.split()[0] for line in lines[2:]} == set(saved_queries())
    assert any(line.startswith("evidence") and "subject, relation, object" in line for line in lines)


@pytest.mark.model
def test_kg_query_saved_with_a_parameter(sample_graph, capsys):
    code = cli.main(["query", "-o", str(sample_graph), "--saved", "evidence", "--param", "subject=Russia",
                     "-p", "relation=occupied", "-p", "object=Crimean Peninsula", "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0 and out.splitlines()[0] == "mention,modality,confidence,date,article,sentence"
    assert "Russia annexed the Crimean Peninsula" in out


@pytest.mark.parametrize("argv, message", [
    (["--saved", "entity"], "kg: E408 the saved query 'entity' needs --param entity=…"),
    (["--saved", "entity", "-p", "entity"], "kg: E408 --param takes NAME=VALUE"),
    (["--saved", "nope"], "kg: E407 no saved query 'nope'"),
    (["-p", "entity=x", "ASK {}"], "kg: E408 --param is for a saved query"),
    (["--saved", "attacks", "ASK {}"], "kg: E404"),
])
def test_kg_query_saved_user_errors(tmp_path, capsys, argv, message):
    code = cli.main(["query", "-o", str(tmp_path), *argv])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith(message) and err.count("\n") == 1


def test_kg_query_help_says_what_o_is_and_an_update_is_refused(tmp_path, capsys):
    import typer

    commands = typer.main.get_command(cli.app).commands
    for command in ("query", "validate"):
        [out] = [p for p in commands[command].params if "--out" in p.opts]
        assert out.help == "The graph to read: the folder `kg build -o` wrote." and "-o" in out.opts
    load_store_from(tmp_path)
    code = cli.main(["query", "-o", str(tmp_path), "INSERT DATA { <urn:a> <urn:b> <urn:c> }"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("kg: E406 updates") and "not supported here" in err and err.count("\n") == 1


def load_store_from(folder):
    from kg.rdf.store import load_store

    (folder / "kg.trig").write_text("<urn:x> <urn:y> <urn:z> .", encoding="utf-8")
    load_store(folder / "kg.trig", folder)
