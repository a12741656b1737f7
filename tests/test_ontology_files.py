"""Every data file of ontology/: its columns, and no broken rows; kg.ttl up to date."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import OWL, RDF, RDFS

from tests.ontology_files import ONTOLOGY, read, table

KG = Namespace("https://w3id.org/newsgraph/ontology#")
# file → its columns, and the columns that may be empty
COLUMNS = {
    "countries.tsv": (["iso3", "alias"], set()),
    "nationalities.tsv": (["word", "iso3", "form"], set()),
    "organisations.tsv": (["label", "alias", "kind", "country"], {"country"}),
    "agents.tsv": (["noun", "sector", "plural"], set()),
    "cameo_plover.tsv": (["cameo", "plover", "mode", "context", "description"],
                         {"plover", "mode", "context", "description"}),
    "trigger_verbs.tsv": (["verb", "particle", "object", "prep", "prep_object", "block", "cameo", "line"],
                          {"particle", "object", "prep", "prep_object", "cameo"}),
    "trigger_patterns.tsv": (["block", "particle", "object", "prep", "prep_object", "cameo", "line"],
                             {"particle", "object", "prep", "prep_object"}),
    "trigger_sets.tsv": (["set", "member"], set()),
    "event_nouns.tsv": (["noun", "cameo", "count", "source"], set()),
    "triggers_extra.tsv": (["verb", "particle", "object", "prep", "prep_object", "cameo", "note"],
                           {"particle", "object", "prep", "prep_object"}),
    "relations.tsv": (["relation", "cameo", "plover", "label", "comment", "example"], set()),
    "plover_families.tsv": (["plover", "family"], set()),
    "intents.tsv": (["event", "intent"], set()),
    "modality.tsv": (["word", "modality"], set()),
    "references.tsv": (["word", "kind", "refers_to"], set()),
    "stative.tsv": (["verb", "prep"], set()),
    "titles.tsv": (["title"], set()),
    "blocs.tsv": (["label", "alias"], set()),
    "organisation_nouns.tsv": (["noun"], set()),
    "light_verbs.tsv": (["verb"], set()),
    "relation_arguments.tsv": (["relation", "subject", "object", "prepositions", "clause", "located", "unnamed",
                                "direct"], {"prepositions", "clause", "located", "unnamed", "direct"}),
    "confidence.tsv": (["evidence", "weight"], set()),
    "part_nouns.tsv": (["noun", "kind"], set()),
    "vague_blocks.tsv": (["block", "why"], set()),
    "verbal_targets.tsv": (["noun"], set()),
    "given_names.tsv": (["name"], set()),
    "territories.tsv": (["iso3", "sovereign"], set()),
    "regions.tsv": (["code", "country", "name", "alias"], {"alias"}),
    "world_regions.tsv": (["name", "country", "alias"], {"country", "alias"}),
    "non_actors.tsv": (["name", "kind"], set()),
    "separation_nouns.tsv": (["noun"], set()),
    "patient_nouns.tsv": (["noun"], set()),
    "envoy_titles.tsv": (["title"], set()),
    "instrument_nouns.tsv": (["noun"], set()),
    "vessel_nouns.tsv": (["noun"], set()),
    "pair_nouns.tsv": (["noun", "parties"], set()),
    "media_nouns.tsv": (["noun"], set()),
    "associate_nouns.tsv": (["noun"], set()),
    "seats.tsv": (["city", "organisation"], set()),
    "transfer_verbs.tsv": (["verb", "particle"], {"particle"}),
    "aid_goods.tsv": (["noun", "cameo"], set()),
    "stance_nouns.tsv": (["noun", "cameo"], set()),
    "water_features.tsv": (["word"], set()),
    "command_verbs.tsv": (["word", "kind"], set()),
    "happening_nouns.tsv": (["word", "kind"], set()),
    "document_nouns.tsv": (["word", "names"], set()),
    "organisation_name_words.tsv": (["word", "meaning"], set()),
    "word_classes.tsv": (["role", "word"], set()),
}


def test_every_data_file_is_listed():
    assert {p.name for p in ONTOLOGY.glob("*.tsv")} == set(COLUMNS)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns_and_rows(name):
    header, rows = read(name)
    columns, optional = COLUMNS[name]
    assert header == columns
    assert rows, f"{name} is empty"
    assert not [row for row in rows if len(row) != len(columns)]
    assert len({tuple(row) for row in rows}) == len(rows), "duplicate rows"
    bad = [row for row in rows for column, cell in zip(header, row)
           if cell != cell.strip() or (not cell and column not in optional)]
    assert not bad, bad[:5]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_file_says_what_it_is(name):
    first = (ONTOLOGY / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")


def test_kg_ttl_has_every_relation_of_relations_tsv():
    done = subprocess.run([sys.executable, "scripts/generate_ontology.py", "--check"], cwd=ONTOLOGY.parent)
    assert done.returncode == 0, "kg.ttl is out of date: run scripts/generate_ontology.py"
    graph = Graph().parse(ONTOLOGY / "kg.ttl")
    first: dict[str, str] = {}
    for row in table("relations.tsv"):
        prop = KG[row["relation"]]
        assert (prop, RDF.type, OWL.ObjectProperty) in graph
        assert (prop, KG.cameo, Literal(row["cameo"])) in graph
        assert graph.value(prop, RDFS.label) and graph.value(prop, RDFS.comment)
        first.setdefault(row["relation"], row["plover"])
    # a relation's PLOVER type is its first row's ("conceded" also takes releases, which PLOVER
    # files under RETREAT: each mention carries its own type)
    for relation, plover in first.items():
        assert list(graph.objects(KG[relation], KG.plover)) == [Literal(plover)]


def test_every_ontology_term_is_labelled_and_explained():
    graph = Graph().parse(ONTOLOGY / "kg.ttl")
    terms = {s for s in graph.subjects() if str(s).startswith(str(KG))}
    assert len(terms) > 40
    for term in terms:
        assert graph.value(term, RDFS.label) is not None and graph.value(term, RDFS.comment) is not None, term
