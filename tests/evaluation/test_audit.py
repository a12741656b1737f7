"""The audit sample (spread, reproducible, one TSV row per asserted mention) and the judged sample's scores."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kg.evaluation.audit import (JUDGE_COLUMNS, MENTION_COLUMNS, asserted_mentions, load_graph, read_judged,
                                 sample_mentions, score_judged, write_sample)
from kg.errors import KGError
from kg.rdf.dataset import KG, RES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit.py"


def tiny_graph() -> Graph:
    """Article a1 with four asserted mentions and a negated one, a2 and a3 with one asserted mention each."""
    g = Graph()
    chile, peru, tass = RES["state/chl"], RES["state/per"], RES["organisation/tass"]
    for node, kind, name in ((chile, KG.State, "Chile"), (peru, KG.State, "Peru"), (tass, KG.Organisation, "TASS")):
        g.add((node, RDF.type, kind))
        g.add((node, RDFS.label, Literal(name)))
    for ident in ("a1", "a2", "a3"):
        article = RES[f"article/{ident}"]
        g.add((article, DCTERMS.identifier, Literal(ident)))
        g.add((article, DCTERMS.title, Literal(f"Title of {ident}")))
    mentions = [("a1", 1, "asserted"), ("a1", 2, "asserted"), ("a1", 3, "asserted"), ("a1", 4, "asserted"),
                ("a1", 5, "negated"), ("a2", 1, "asserted"), ("a3", 1, "asserted")]
    for article, number, modality in mentions:
        m = RES[f"mention/{article}/{number}"]
        g.add((m, RDF.type, KG.RelationMention))
        g.add((m, RDF.subject, chile))
        g.add((m, RDF.predicate, KG.met))
        g.add((m, RDF.object, peru))
        g.add((m, KG.modality, Literal(modality)))
        g.add((m, KG.trigger, Literal("met with")))
        g.add((m, KG.subjectText, Literal("Chilean\tenvoys")))
        g.add((m, KG.sentence, Literal(f'"Chilean envoys met Peru," {article}\nsaid.')))
        g.add((m, PROV.wasDerivedFrom, RES[f"article/{article}"]))
    g.add((RES["mention/a2/1"], KG.confidence, Literal("0.8", datatype=XSD.decimal)))
    g.add((RES["mention/a2/1"], KG.reportedBy, tass))
    return g


@pytest.fixture
def graph_dir(tmp_path):
    tiny_graph().serialize(tmp_path / "kg.ttl", format="turtle")
    return tmp_path


def test_rows_carry_the_mention_evidence_on_one_line(graph_dir):
    rows = asserted_mentions(load_graph(graph_dir))
    assert len(rows) == 6  # the negated mention is not sampled
    row = next(r for r in rows if r["article_id"] == "a2")
    assert row == {"id": str(RES["mention/a2/1"]), "article_id": "a2", "article_title": "Title of a2",
                   "sentence": '"Chilean envoys met Peru," a2 said.', "subject_label": "Chile",
                   "subject_text": "Chilean envoys", "relation": "met", "object_label": "Peru", "object_text": "",
                   "modality": "asserted", "trigger": "met with", "confidence": "0.8", "reported_by": "TASS"}
    assert next(r for r in rows if r["article_id"] == "a3")["confidence"] == ""


def test_mentions_below_the_threshold_make_no_triple_and_are_not_sampled(graph_dir):
    graph = load_graph(graph_dir)
    graph.set((RES["mention/a1/1"], KG.confidence, Literal("0.45", datatype=XSD.decimal)))
    kept = {row["id"] for row in asserted_mentions(graph, 0.5)}
    assert str(RES["mention/a1/1"]) not in kept and str(RES["mention/a2/1"]) in kept and len(kept) == 5
    assert len(asserted_mentions(graph)) == 6  # every asserted mention, by default


def test_sample_is_spread_over_articles_and_fixed_by_the_seed(graph_dir):
    rows = asserted_mentions(load_graph(graph_dir))
    sample = sample_mentions(rows, 3, seed=7)
    assert sorted(r["article_id"] for r in sample) == ["a1", "a2", "a3"]
    assert sample == sample_mentions(rows, 3, seed=7)
    assert len(sample_mentions(rows, 100)) == 6
    seeds = {tuple(r["id"] for r in sample_mentions(rows, 4, seed)) for seed in range(10)}
    assert len(seeds) > 1  # the seed does choose


def test_tsv_round_trip_keeps_quotes_and_has_empty_judge_columns(graph_dir):
    rows = sample_mentions(asserted_mentions(load_graph(graph_dir)), 6)
    sheet = io.StringIO()
    write_sample(rows, sheet)
    lines = sheet.getvalue().splitlines()
    assert lines[0].split("\t") == [*MENTION_COLUMNS, *JUDGE_COLUMNS] and len(lines) == 7
    back = read_judged(io.StringIO(sheet.getvalue()))
    assert [r["sentence"] for r in back] == [r["sentence"] for r in rows]
    assert all(r[c] == "" for r in back for c in JUDGE_COLUMNS)


def judged_sheet(*judgements: tuple[str, ...]) -> list[dict[str, str]]:
    return [dict(zip(JUDGE_COLUMNS, j)) for j in judgements]


def test_score_counts_judged_rows_only():
    score = score_judged(judged_sheet(
        ("y", "y", "y", "y", "ok", ""),
        ("Yes", "n", "y", "y", "OK", "subject is the reporter"),
        ("n", "y", "y", "n", "misleading", ""),
        ("y", "y", "", "y", "ok", ""),   # incomplete
        ("", "", "", "", "", ""),        # not judged yet
    ))
    assert (score.rows, score.judged, score.incomplete) == (5, 3, 1)
    assert score.right == {"sense_ok": 2, "subject_ok": 2, "object_ok": 3, "modality_ok": 2}
    assert (score.all_four, score.not_misleading) == (1, 2)
    assert str(score) == ("audit: judged 3 of 5 (1 incomplete); right in all four 0.33 (1/3); "
                          "sense 0.67 subject 0.67 object 1.00 modality 0.67; would not mislead 0.67 (2/3)")


def test_a_judgement_that_is_not_yes_or_no_names_its_line():
    with pytest.raises(KGError, match=r"line 3, object_ok: 'maybe' is not y or n"):
        score_judged(judged_sheet(("y", "y", "y", "y", "ok", ""), ("y", "y", "maybe", "y", "ok", "")))
    with pytest.raises(KGError, match="verdict: 'fine' is not ok or minor or misleading"):
        score_judged(judged_sheet(("y", "y", "y", "y", "fine", "")))


def test_a_minor_error_does_not_mislead():
    score = score_judged(judged_sheet(("y", "n", "y", "y", "minor", "the party for its leader"),
                                      ("n", "y", "y", "y", "misleading", "")))
    assert (score.all_four, score.not_misleading) == (0, 1)


def test_a_sheet_without_judge_columns_is_refused():
    with pytest.raises(KGError, match="not an audit sheet"):
        read_judged(io.StringIO("id\tsentence\nm1\tx\n"))


def test_script_samples_an_existing_build_and_scores_the_sheet(graph_dir, tmp_path):
    sheet = tmp_path / "audit.tsv"
    done = subprocess.run([sys.executable, str(SCRIPT), "--graph", str(graph_dir), "2", "--seed", "1",
                           "-o", str(sheet)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "sampled 2 of 6 asserted mentions of confidence ≥ 0.5, from 2 articles" in done.stderr
    header, *rows = sheet.read_text(encoding="utf-8").splitlines()
    judged = [header] + [row.rsplit("\t", len(JUDGE_COLUMNS))[0] + "\ty\ty\ty\tn\tmisleading\t" for row in rows]
    sheet.write_text("\n".join(judged) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), "--score", str(sheet)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("audit: judged 2 of 2 (0 incomplete); right in all four 0.00 (0/2);")
    assert done.stdout.rstrip().endswith("would not mislead 0.00 (0/2)")


def test_script_without_a_graph_is_a_one_line_error(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--graph", str(tmp_path), "5"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1 and done.stderr.startswith("audit.py: E601 no graph in")


@pytest.mark.model
def test_script_builds_the_articles_it_is_given(tmp_path, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("audit_script", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    (tmp_path / "talks.txt").write_text("date 2024-05-02 Chile's president met Peru's foreign minister in Lima. "
                                        "Police arrested the mayor of Cusco.", encoding="utf-8")
    assert script.main([str(tmp_path / "talks.txt"), "5", "-o", str(tmp_path / "audit.tsv")]) == 0
    rows = read_judged((tmp_path / "audit.tsv").open(encoding="utf-8", newline=""))
    assert rows and all(r["article_id"] == "talks" and r["modality"] == "asserted" for r in rows)
    assert "met" in {r["relation"] for r in rows}
