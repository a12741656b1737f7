"""SHACL validation (ontology/shapes.ttl, `kg validate`): the sample build conforms, and a
hand-made graph with known faults is reported fault by fault."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from kg import cli
from kg.rdf.store import load_store
from kg.rdf.validate import validate_graph

INVALID = Path(__file__).parent / "data" / "invalid_small.ttl"


def test_a_graph_with_known_faults_is_reported_fault_by_fault():
    report = validate_graph(Graph().parse(INVALID, format="turtle"))
    assert not report.conforms
    found = {(v.focus, v.path) for v in report.violations}
    assert found == {
        ("res:city\\/atlantis", "kg:locatedIn"),                  # a city in no state
        ("res:person\\/nameless", "rdfs:label"),                  # an entity without a name
        ("res:state\\/ruritania", "kg:countryCode"),              # not an ISO alpha-3 code
        ("res:article\\/a2", "dcterms:identifier"),               # an article without its id
        ("res:article\\/a2", "dcterms:source"),                   # a file path as its source
        ("res:thing\\/untyped", "rdf:type"),                      # a mentioned entity with no class
        ("res:thing\\/untyped", ""),                              # … and so no actor either
        ("res:mention\\/a1\\/2", "kg:modality"),                   # "probable" is no modality
        ("res:mention\\/a1\\/2", "kg:sentence"),                   # no sentence
        ("res:mention\\/a1\\/2", "kg:confidence"),                 # 1.5 is not in [0, 1]
    }
    assert not any("ok-" in v.focus for v in report.violations)  # the unknown actor is an actor
    messages = {(v.focus, v.path): v.message for v in report.violations}
    assert messages["res:mention\\/a1\\/2", "kg:modality"].startswith("a relation mention has one kg:modality")
    assert "(value 'probable')" in messages["res:mention\\/a1\\/2", "kg:modality"]


def test_the_report_is_one_line_per_violation():
    text = validate_graph(Graph().parse(INVALID, format="turtle")).text()
    lines = text.splitlines()
    assert lines[0] == "conforms: no (10 violations)"
    assert lines[1].split() == ["focus", "node", "path", "message"] and len(lines) == 3 + 10


def test_the_rdf_stage_output_conforms_unknown_actors_included():
    from kg.rdf.dataset import merged_graph
    from tests.rdf.test_dataset import small_build

    # through N-Triples, as kg validate reads a store: rdflib keeps a float given for an
    # xsd:decimal (geo:lat) as a float in memory, which pyshacl does not take for a decimal
    triples = merged_graph(small_build(include_ontology=True)).serialize(format="nt")
    report = validate_graph(Graph().parse(data=triples, format="nt"))
    assert report.conforms, report.text()


@pytest.mark.model
def test_the_sample_build_conforms(sample_graph, capsys):
    assert cli.main(["validate", "-o", str(sample_graph)]) == 0
    assert capsys.readouterr().out == "conforms: yes\n"


def test_kg_validate_exits_1_on_a_graph_that_does_not_conform(tmp_path, capsys):
    load_store(INVALID, tmp_path)
    assert cli.main(["validate", "-o", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("conforms: no (10 violations)\n")
    assert re.search(r"^res:city\\/atlantis +kg:locatedIn +a city is kg:locatedIn a kg:State$", out, re.MULTILINE)


@pytest.mark.parametrize("shapes, code", [("missing.ttl", "E701"), ("broken.ttl", "E702")])
def test_unreadable_shapes_are_a_user_error(tmp_path, capsys, shapes, code):
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    load_store(INVALID, tmp_path)
    assert cli.main(["validate", "-o", str(tmp_path), "--shapes", str(tmp_path / shapes)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"kg: {code} ") and err.count("\n") == 1
