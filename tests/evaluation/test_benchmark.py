"""scripts/benchmark.py sparql on a tiny generated graph, and the generator (kg.evaluation.synthetic):
what is printed, never how fast."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.queries import saved_queries
from kg.rdf.query import PREFIXES
from kg.evaluation.synthetic import SyntheticGraph, write_synthetic_graph
from kg.rdf.validate import validate_store

ROOT = Path(__file__).resolve().parents[2]


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


def _benchmark_module():
    import importlib.util
    spec = importlib.util.spec_from_file_location("benchmark_script", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_long_texts_are_whole_articles_one_after_the_other_cut_at_a_break():
    long_texts = _benchmark_module().long_texts
    articles = ["First one. It ends.\n\nA second paragraph.", "Other article here.", "Third text, short."]
    made = long_texts(articles, 70, count=3)
    assert len(made) == 3 and all(0 < len(t) <= 70 for t in made)
    assert made[0].startswith("First one.") and made[1].startswith("Other article") and made[2].startswith("Third")
    assert made[0] == "First one. It ends.\n\nA second paragraph.\n\nOther article here."  # cut at a paragraph
    assert long_texts(articles, 500)[0].count("First one.") >= 4  # the articles come round again


@pytest.mark.model
def test_the_length_benchmark_prints_the_cost_per_100_kb_of_each_length():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "benchmark.py"), "length",
                           "--sizes", "4000,1500", "--min-chars", "0"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("length"))
    for column in ("analysis", "spaCy components", "newsgraph components", "(× spaCy)", "bare model"):
        assert column in header
    rows = {line.split()[0]: line.split() for line in lines if line.strip()[:1].isdigit()}
    assert list(rows) == ["1,500", "4,000"]  # shortest first
    for row in rows.values():
        analysis, spacy, ours, ratio, bare = float(row[2]), float(row[3]), float(row[4]), row[5], float(row[6])
        assert analysis > 0 and spacy > 0 and ours > 0 and bare > 0
        assert abs(analysis - spacy - ours) < 0.02  # the analysis is the two kinds of component
        assert ratio.endswith("×") and abs(float(ratio[:-1]) - ours / spacy) < 0.02
    ratio_line = next(line for line in lines if line.startswith("per character, 4,000 / 1,500: analysis "))
    assert "newsgraph components" in ratio_line and "bare model" in ratio_line
    checks = [line for line in lines if line.startswith("check ")]
    assert len(checks) == 2 and all("≤ 1.5× per character" in line for line in checks)
    assert "newsgraph's components" in checks[1]
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
