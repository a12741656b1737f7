"""Per-relation precision and recall, and docs/accuracy.md: judged as the scorers judge, rendered safely."""
from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.evaluation.accuracy import (RelationFigures, accuracy_markdown, found_records, judge_mentions, markdown_cell,
                                    source_version)
from kg.evaluation.evaluate import NEWS_PREFIX, Evaluation
from kg.rdf.dataset import KG, RES

GOLD = [
    {"id": "R1", "level": "must", "subject": ["Chile"], "relation": "met", "object": ["Peru"], "article": "a1"},
    {"id": "R2", "level": "stretch", "subject": ["Chile"], "relation": ["criticised", "accused"],
     "object": ["Bolivia"], "article": "a1"},
    {"id": "R3", "level": "must_not", "subject": ["Peru"], "relation": "attacked", "object": ["Chile"],
     "article": "a1", "why": "denial"},
    {"id": "R4", "level": "must", "subject": ["*"], "relation": "arrested", "object": ["Bolivia"], "article": "a1"},
]


def tiny_graph() -> Graph:
    """Three states, one article with gold (a1) and one without (a2), and a mention of each kind."""
    g = Graph()
    chile, peru, bolivia = RES["state/chl"], RES["state/per"], RES["state/bol"]
    for node, name in ((chile, "Chile"), (peru, "Peru"), (bolivia, "Bolivia")):
        g.add((node, RDF.type, KG.State))
        g.add((node, RDFS.label, Literal(name)))
    g.add((bolivia, SKOS.altLabel, Literal("Bolivian Republic")))
    for ident in ("a1", "a2"):
        g.add((RES[f"article/{ident}"], DCTERMS.identifier, Literal(ident)))
    unknown = RES["mention/a1/6/subject"]
    g.add((unknown, RDF.type, KG.UnknownActor))
    mentions = [  # (number, subject, relation, object, modality, article)
        (1, chile, "met", peru, "asserted", "a1"),           # supported
        (2, chile, "accused", bolivia, "asserted", "a1"),    # supported (second listed reading)
        (3, chile, "sued", bolivia, "asserted", "a1"),       # same type (ACCUSE)
        (4, peru, "attacked", chile, "asserted", "a1"),      # contradicted
        (5, bolivia, "met", chile, "asserted", "a1"),        # unsupported
        (6, unknown, "arrested", bolivia, "asserted", "a1"),  # no entity on one side
        (7, peru, "attacked", chile, "negated", "a1"),       # not asserted: not counted
        (8, chile, "met", peru, "asserted", "a2"),           # no gold for a2: not counted
    ]
    for number, s, relation, o, modality, article in mentions:
        m = RES[f"mention/{article}/{number}"]
        g.add((m, RDF.type, KG.RelationMention))
        g.add((m, RDF.subject, s))
        g.add((m, RDF.predicate, KG[relation]))
        g.add((m, RDF.object, o))
        g.add((m, KG.modality, Literal(modality)))
        g.add((m, PROV.wasDerivedFrom, RES[f"article/{article}"]))
        if modality == "asserted":
            g.add((s, KG[relation], o))
    return g


def test_mentions_are_judged_like_score_precision():
    got = sorted((m, v) for m, v in judge_mentions(tiny_graph(), GOLD))
    assert got == sorted([("met", "supported"), ("accused", "supported"), ("sued", "same type"),
                          ("attacked", "contradicted"), ("met", "unsupported"),
                          ("arrested", "no entity on one side")])


def test_records_are_found_by_any_listed_relation_and_any_actor_for_a_star():
    found = {record["id"]: hit for record, hit in found_records(tiny_graph(), GOLD)}
    assert found == {"R1": True, "R2": True, "R4": True}  # must_not records are not recall


def test_records_need_the_direct_triple():
    g = tiny_graph()
    g.remove((None, KG.met, None))
    found = {record["id"]: hit for record, hit in found_records(g, GOLD)}
    assert found["R1"] is False and found["R2"] is True


def test_figures_count_verdicts_and_shares():
    row = RelationFigures("met", "CONSULT")
    for verdict in ("supported", "supported", "same type", "unsupported", "no entity on one side"):
        row.count(verdict)
    assert (row.judged, row.not_judged) == (4, 1)
    assert (row.strict, row.lenient) == (0.5, 0.75)
    assert RelationFigures("met", "CONSULT").strict is None


def test_markdown_cells_stay_in_their_cell():
    assert markdown_cell("a|b\nc") == "a\\|b c"
    assert markdown_cell("back\\slash") == "back\\\\slash"


def test_markdown_report_carries_date_commit_figures_and_one_row_per_relation():
    measured = Evaluation("seeds: must 1/1\n", "events: tuple F1 0.5\n",
                          "seeds: must 2/3\n", "precision: strict 0.50\n",
                          [RelationFigures("met", "CONSULT", supported=1, unsupported=1, must_found=2, must_total=3),
                           RelationFigures("odd|name\nhere", None)])
    text = accuracy_markdown(measured, dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc), "abc1234")
    assert "Measured 2026-01-02 03:04 UTC at commit abc1234." in text
    for line in ("seeds: must 1/1", "events: tuple F1 0.5", NEWS_PREFIX + "seeds: must 2/3",
                 NEWS_PREFIX + "precision: strict 0.50"):
        assert f"\n{line}\n" in text
    rows = [l for l in text.splitlines() if l.startswith("| kg:")]
    assert rows[0] == "| kg:met | CONSULT | 2 | 1 | 0 | 1 | 0 | 0.50 | 0.50 | 0 | 2/3 | 0/0 |"
    assert rows[1].startswith("| kg:odd\\|name here |")
    header = next(l for l in text.splitlines() if l.startswith("| relation"))
    assert all(len(re.findall(r"(?<!\\)\|", row)) == len(re.findall(r"\|", header)) for row in rows)


def test_verbose_report_keeps_only_the_summary_lines():
    measured = Evaluation("entity X missing\nseeds: must 1/1\n", "  MISS x\nevents: F1 0.5\n", verbose=True)
    assert measured.figure_lines() == ["seeds: must 1/1", "events: F1 0.5"]


def test_source_version_names_the_commit_and_uncommitted_code(tmp_path):
    assert source_version(tmp_path).startswith("unknown")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    (tmp_path / "kg").mkdir()
    (tmp_path / "kg" / "x.py").write_text("x = 1\n")
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "x"], check=True)
    commit = subprocess.run(git + ["rev-parse", "--short", "HEAD"], check=True, capture_output=True,
                            text=True).stdout.strip()
    assert source_version(tmp_path) == commit
    (tmp_path / "kg" / "x.py").write_text("x = 2\n")
    assert source_version(tmp_path) == f"{commit} with uncommitted changes in kg/ or ontology/"


@pytest.mark.model
@pytest.mark.slow
def test_per_relation_counts_add_up_to_the_scorers_totals(measured):
    rows = measured.relations
    precision = measured.news_precision
    for verdict, attribute in (("supported", "supported"), ("same type", "same_type"),
                               ("unsupported", "unsupported"), ("contradicted", "contradicted")):
        assert sum(getattr(r, attribute) for r in rows) == int(re.search(rf"{verdict} (\d+)", precision).group(1))
    assert sum(r.not_judged for r in rows) == int(re.search(r"not judged: (\d+)", precision).group(1))
    seeds = measured.news_seeds
    for level in ("must", "stretch"):
        found, total = map(int, re.search(rf"{level} (\d+)/(\d+)", seeds).groups())
        assert sum(getattr(r, f"{level}_found") for r in rows) == found
        assert sum(getattr(r, f"{level}_total") for r in rows) == total
