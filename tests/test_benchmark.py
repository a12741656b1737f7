"""scripts/benchmark.py sparql on a tiny generated graph, and the generator (kg.synthetic): what is printed, never how fast."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.queries import saved_queries
from kg.query import PREFIXES
from kg.synthetic import SyntheticGraph, write_synthetic_graph
from kg.validate import validate_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_sparql_benchmark_prints_every_saved_query_with_its_ratios(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "benchmark.py"), "sparql", "--triples", "20000", "--repeat", "1",
         "--budget", "0.5", "--rdflib-cap", "5", "--keep", str(tmp_path / "bench")],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    header = next(line for line in out.splitlines() if line.startswith("query "))
    for column in ("native ms", "kg ms (× native)", "endpoint ms (× native)", "rdflib ms (native speed-up)"):
        assert column in header
    table = {line.split()[0]: line for line in out.splitlines()[out.splitlines().index(header) + 2:]
             if line.strip() and not line.startswith(" ")}
    for name in [*saved_queries(), "typed"]:
        assert name in table, f"{name} missing from the table:\n{out}"
        row = table[name]
        assert "error" not in row, row
        assert row.count("×") >= 3 or "> " in row, row  # kg, endpoint and rdflib ratios (or rdflib's cap)
    for target in ("kg ≤ 1.5× native", "endpoint ≤ 2× native", "faster than rdflib's memory store"):
        assert any(line.startswith("check ") and target in line for line in out.splitlines()), target
    assert "the paths disagree" not in out
    assert "stages: generate" in out


def test_the_generated_graph_is_reproducible_and_shaped_like_a_build(tmp_path):
    first = list(SyntheticGraph(8_000, seed=3).quads())
    assert first == list(SyntheticGraph(8_000, seed=3).quads())
    summary = write_synthetic_graph(tmp_path / "kg.nq", 8_000, seed=3)
    assert summary.quads == len(first) >= 8_000

    store = ox.Store()
    store.bulk_load(path=str(tmp_path / "kg.nq"))
    def ask(query: str) -> bool:
        return bool(store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True))

    for kind in ("Person", "City", "State", "Organisation", "Location", "Group"):
        assert ask(f"ASK {{ ?e a kg:{kind} ; rdfs:label ?l }}"), kind
    assert ask("ASK { ?c a kg:City ; kg:locatedIn ?s . ?s a kg:State ; kg:countryCode ?code }")
    # every article is a named graph of its own that holds its mentions and their evidence
    assert ask("""ASK { GRAPH ?a { ?a a kg:Article ; dcterms:identifier ?id .
                  ?m a kg:RelationMention ; prov:wasDerivedFrom ?a ; rdf:subject ?s ; rdf:predicate ?p ;
                     kg:sentence ?t ; kg:modality "asserted" ; kg:confidence ?c ; dcterms:date ?d .
                  ?s ?p ?o } }""")
    modalities = {row["m"].value for row in store.query("SELECT DISTINCT ?m { ?x kg:modality ?m }",
                                                        prefixes=PREFIXES, use_default_graph_as_union=True)}
    assert {"asserted", "negated", "hypothetical", "intended"} <= modalities
    report = validate_store(store)  # what ontology/shapes.ttl says a valid graph holds
    assert report.conforms, report.text()


@pytest.mark.slow
@pytest.mark.model
def test_the_throughput_benchmark_prints_every_figure_and_check(tmp_path):
    news = ROOT / "kg" / "evaluation" / "news" / "wikinews_dev.jsonl"
    made = subprocess.run([sys.executable, str(ROOT / "scripts" / "benchmark.py"), "corpus", str(news), "--copies", "1",
                           "-o", str(tmp_path / "all.jsonl")], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr[-2000:]
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "tiny.jsonl").write_text("\n".join(sorted(lines, key=len)[:3]) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "benchmark.py"), "throughput", str(tmp_path / "tiny.jsonl"),
                           "--scale", "2", "--keep", str(tmp_path / "runs")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "corpus: 3 articles" in out
    for figure in ("raw spaCy nlp.pipe", "kg build, 1 process, end to end", "kg build, 2 workers",
                   "kg build, 1 process, 2× the corpus", "kg build / raw spaCy throughput", "2 workers / 1 process",
                   "peak RSS 2x corpus / 1x corpus", "analysing articles", "start-up"):
        assert figure in out, figure
    assert len([line for line in out.splitlines() if line.startswith("check ")]) == 3
    # the bigger corpus really is bigger: its copies are built, none skipped as repeated text
    assert "(6 articles; peak RSS" in out


def test_varied_copies_never_repeat_a_text():
    sys.path.insert(0, str(ROOT / "scripts"))
    from benchmark import varied_copies

    records = [{"id": "a", "text": "One.\n\nTwo."}, {"id": "b", "text": "Only one paragraph."}]
    made = varied_copies(records, 3)
    assert len(made) == 6
    assert len({r["id"] for r in made}) == 6 and len({r["text"] for r in made}) == 6
    assert sorted(made[2]["text"].split("\n\n")) == ["One.", "Two."]  # the paragraphs turned, none lost
