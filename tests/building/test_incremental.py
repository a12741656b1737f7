"""Incremental builds: a build adds to the graph in its folder, publishes atomically, and holds a lock."""
from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

import kg.pipeline
from kg import cli
from kg.read.corpus import Article
from kg.building.incremental import Analysis, Archive, analysis_fingerprint, analysis_key, from_json, to_json
from kg.building.outputs import PAUSE_VARIABLE, STATE_FOLDER
from kg.pipeline import build
from kg.rdf.query import run_query
from kg.rdf.dataset import KG, article_iri
from kg.rdf.store import open_store

pytestmark = [pytest.mark.model, pytest.mark.slow]

# a spelling of the sample corpus's president that the sample does not use
THIRD = "date 2022-03-05 President Zelenskiy accused Russia of war crimes. Russian forces shelled Kharkiv on Saturday."
EDITED = "date 2022-03-06 President Zelenskiy met Olaf Scholz in Berlin."
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory, pipeline):
    """The sample corpus built once; tests work on copies of it."""
    out = tmp_path_factory.mktemp("sample") / "out"
    build(out_dir=out, explorer=False)
    return out


@pytest.fixture
def out(sample_dir, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(sample_dir, copy, symlinks=True)
    return copy


@pytest.fixture
def nlp_runs(monkeypatch):
    """The ids of the articles the NLP stages run on."""
    seen: list[str] = []
    original = kg.pipeline.analyse

    def counting(articles, *args, **kwargs):
        for article in articles:
            seen.append(article.id)
            yield from original([article], *args, **kwargs)

    monkeypatch.setattr(kg.pipeline, "analyse", counting)
    return seen


def article_file(folder: Path, text: str, name: str = "third.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def triples(out: Path) -> int:
    return len(open_store(out))


def relations_of(out: Path, article_id: str) -> set[tuple[str, str, str]]:
    query = f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{article_iri(article_id)}> {{
                  ?m a kg:RelationMention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}"""
    return {(r["s"].value, r["p"].value.split("#")[-1], r["o"].value) for r in run_query(open_store(out), query)}


def dataset(out: Path) -> Dataset:
    found = Dataset(default_union=True)
    found.parse(out / "kg.trig", format="trig")
    return found


def test_adding_an_article_analyses_only_that_article(out, tmp_path, nlp_runs):
    before = triples(out)
    result = build([article_file(tmp_path, THIRD)], out, explorer=False)
    assert nlp_runs == ["third"]
    assert (result.added, result.replaced, result.skipped, result.analysed, result.articles) == (1, 0, 0, 1, 3)
    assert triples(out) == result.triples > before
    assert any(p == "attacked" for _, p, _ in relations_of(out, "third"))


def test_re_adding_an_article_changes_nothing(out, tmp_path, nlp_runs, capsys):
    third = article_file(tmp_path, THIRD)
    assert cli.main(["build", str(third), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().out.startswith("built 3 articles (1 added, 0 replaced, 0 skipped), ")
    count, published = triples(out), os.readlink(out / STATE_FOLDER / "current")
    nlp_runs.clear()
    assert cli.main(["build", str(third), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().out.startswith("built 3 articles (0 added, 0 replaced, 1 skipped), ")
    assert nlp_runs == [] and triples(out) == count
    assert os.readlink(out / STATE_FOLDER / "current") == published  # nothing was published


def test_editing_an_article_replaces_its_relations(out, tmp_path):
    build([article_file(tmp_path, THIRD)], out, explorer=False)
    old = relations_of(out, "third")
    result = build([article_file(tmp_path, EDITED)], out, explorer=False)
    assert (result.added, result.replaced, result.articles) == (0, 1, 3)
    new = relations_of(out, "third")
    assert {p for _, p, _ in old} >= {"attacked", "accused"} and not any(p == "attacked" for _, p, _ in new)
    assert any(p == "met" for _, p, _ in new)
    graph = dataset(out).graph(article_iri("third"))
    assert len(set(graph.objects(article_iri("third"), KG.contentHash))) == 1
    assert str(graph.value(article_iri("third"), KG.contentHash)) == Article("x", EDITED.split(" ", 2)[2]).content_hash


def test_a_new_spelling_joins_the_existing_node(out, tmp_path):
    build([article_file(tmp_path, THIRD)], out, explorer=False)
    merged = dataset(out)
    [person] = set(merged.subjects(RDFS.label, Literal("Volodymyr Zelenskyy")))
    assert Literal("Zelenskiy") in set(merged.objects(person, SKOS.altLabel))
    assert not set(merged.subjects(RDFS.label, Literal("Zelenskiy")))
    assert (article_iri("third"), KG.mentions, person) in merged


def test_building_in_steps_equals_building_at_once(out, tmp_path):
    third = article_file(tmp_path, THIRD)
    build([third], out, explorer=False)
    at_once = tmp_path / "at-once"
    build(kg.pipeline.sample_corpus_paths() + [third], at_once, explorer=False)
    steps, whole = dataset(out), dataset(at_once)
    names = {g.identifier for g in steps.graphs()}
    assert names == {g.identifier for g in whole.graphs()}
    for name in names:
        assert isomorphic(steps.graph(name), whole.graph(name)), name


def test_rebuild_starts_afresh(out, tmp_path, nlp_runs):
    third = article_file(tmp_path, THIRD)
    build([third], out, explorer=False)
    nlp_runs.clear()
    result = build([third], out, explorer=False, rebuild=True)
    assert nlp_runs == ["third"]  # analysed anew, though its analysis was archived
    assert (result.articles, result.added) == (1, 1)
    assert set(dataset(out).subjects(RDF.type, KG.Article)) == {article_iri("third")}
    assert triples(out) == result.triples


def test_a_changed_newsgraph_analyses_every_article_again(out, tmp_path, nlp_runs, monkeypatch):
    monkeypatch.setattr(kg.pipeline, "analysis_fingerprint", lambda model=None: "another version")
    result = build([article_file(tmp_path, THIRD)], out, explorer=False)
    assert sorted(nlp_runs) == sorted(["000_02941cbe19eb5470", "002_a915b45f23773dc6", "third"])
    assert (result.added, result.skipped, result.analysed) == (1, 0, 3)


def test_archived_analyses_read_back_equal(out, tmp_path, pipeline):
    article = Article("third", THIRD, date="2022-03-05")
    [analysed] = kg.pipeline.analyse([article], pipeline)
    analysis = Analysis(analysed.mentions, analysed.positions, analysed.relations)
    assert analysis.relations and from_json(to_json(analysis)) == analysis
    archive = Archive(tmp_path / "archive.sqlite")
    archive.save(article, analysis_key(analysis_fingerprint(), article), analysis)
    assert archive.analysis(analysis_key(analysis_fingerprint(), article)) == analysis
    assert archive.text(article.content_hash) == THIRD


def test_archive_refuses_classes_outside_newsgraph():
    with pytest.raises(ValueError):
        from_json({"@type": "subprocess:Popen", "args": ["true"]})
    with pytest.raises(TypeError):
        to_json(object())


def test_a_folder_of_an_earlier_newsgraph_needs_rebuild(tmp_path, capsys):
    legacy = tmp_path / "legacy"
    (legacy / "store").mkdir(parents=True)
    (legacy / "kg.trig").write_text("<urn:a> <urn:b> <urn:c> .", encoding="utf-8")
    third = article_file(tmp_path, THIRD)
    code = cli.main(["build", str(third), "-o", str(legacy), "-q"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("kg: E106 ") and "--rebuild" in err and err.count("\n") == 1
    assert cli.main(["build", str(third), "-o", str(legacy), "-q", "--rebuild"]) == 0
    assert (legacy / "store").is_symlink() and (legacy / "kg.trig").is_symlink()
    assert triples(legacy) > 1


# --- crashes and concurrent builds: `kg build` in a subprocess, stopped at a named stage ---

def paused_build(third: Path, out: Path, stage: str) -> subprocess.Popen:
    """`kg build` in a subprocess, paused (holding the lock) at ``stage`` of the build."""
    env = dict(os.environ, **{PAUSE_VARIABLE: stage, "KG_TEST_PAUSE_SECONDS": "120"})
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(third), "-o", str(out), "-q"],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and selector.select(timeout=deadline - time.monotonic()):
        line = process.stderr.readline()
        if line == f"kg: paused at {stage}\n":
            return process
        if not line:
            break
    process.kill()
    pytest.fail(f"the build did not reach {stage}: exit {process.wait()}")


def killed(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL


@pytest.mark.parametrize("stage, published", [("written", False), ("switched", True)])
def test_a_build_killed_mid_way_leaves_a_consistent_graph(out, tmp_path, capsys, stage, published):
    before = triples(out)
    killed(paused_build(article_file(tmp_path, THIRD), out, stage))
    code, printed, _ = cli.main(["query", "-o", str(out), COUNT]), *capsys.readouterr()
    count = int(printed.split()[-1])
    assert code == 0 and (count > before if published else count == before)
    assert sum(1 for _ in dataset(out).quads()) == count  # kg.trig is the store's graph, not another build's
    # the next build finishes the job and clears what the dead one left
    result = build([article_file(tmp_path, THIRD)], out, explorer=False)
    assert result.articles == 3 and triples(out) == result.triples
    assert len(list((out / STATE_FOLDER / "builds").iterdir())) == 2  # the published build and the one before


def test_a_second_build_on_one_folder_is_refused_while_the_first_runs(out, tmp_path, capsys):
    first = paused_build(article_file(tmp_path, THIRD), out, "analysed")
    try:
        code = cli.main(["build", str(article_file(tmp_path, EDITED, "other.txt")), "-o", str(out), "-q"])
        err = capsys.readouterr().err
        assert code == 1 and err.count("\n") == 1
        assert err.startswith(f"kg: E105 another build is writing to {out} (process {first.pid})")
    finally:
        killed(first)
    # the lock dies with its process
    assert cli.main(["build", str(tmp_path / "other.txt"), "-o", str(out), "-q"]) == 0
