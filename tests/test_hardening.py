"""A build from hostile input keeps every good article and names each bad one; the same corpus
gives the same bytes whatever the hash seed; a build killed at any publishing step leaves the
last good set; the extractor never fails on arbitrary text."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import cli
from kg.read.corpus import Article, sample_corpus_paths
from kg.extract.records import relation_records
from kg.building.outputs import STATE_FOLDER
from kg.pipeline import analyse, build
from kg.rdf.query import run_query
from kg.resolve import resolve
from kg.rdf.store import open_store
from tests.building.test_incremental import (COUNT, THIRD, article_file, dataset, killed, out,  # noqa: F401
                                             paused_build, sample_dir, triples)

LONG_LIMIT = 3000  # spaCy's max_length in the hostile build: the long article is cut in pieces


def hostile_corpus(folder: Path) -> Path:
    """The sample articles and one file or folder of each kind of bad input."""
    folder.mkdir()
    for path in sample_corpus_paths():
        shutil.copy(path, folder / path.name)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Le président naïve de Genève a rencontré le ministre à Berne.".encode("latin-1"))
    (folder / "utf16-bom.txt").write_bytes("Kenya accused Uganda of shelling Busia.".encode("utf-16"))
    (folder / "utf16-plain.txt").write_bytes("Ghana praised Togo for the talks in Lomé.".encode("utf-16-le"))
    (folder / "broken.jsonl").write_text('{"id": "fine", "text": "Chile met Peru in Lima."}\n{"id": "cut", "text": ',
                                         encoding="utf-8")
    (folder / "surrogate.jsonl").write_text('{"id": "lone\\ud800", "text": "Troops left \\udfff Kharkiv."}\n',
                                            encoding="utf-8")
    (folder / "urls.jsonl").write_text(
        '{"id": "relative", "text": "Russia sanctioned Belarus.", "url": "/world/europe/r1"}\n'
        '{"id": "spaced", "text": "Poland met Lithuania.", "url": "https://news.example/a b"}\n'
        '{"id": "braced", "text": "Norway met Sweden.", "url": "https://news.example/{id}"}\n', encoding="utf-8")
    (folder / "canonical.html").write_text('<html><head><link rel="canonical" href="/world/europe/c1"></head>'
                                           '<body><p>Estonia supported Latvia.</p></body></html>', encoding="utf-8")
    (folder / "nul.txt").write_bytes(b"Kenya praised \x00 Niger for the talks in Abuja.")
    long_text = sample_corpus_paths()[1].read_text(encoding="utf-8")
    (folder / "long.txt").write_text(long_text + "\n\n" + long_text.replace("Kherson", "Melitopol"), encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    return folder


@pytest.mark.model
@pytest.mark.slow
def test_a_hostile_corpus_keeps_every_good_article_and_names_each_bad_one(tmp_path, pipeline, monkeypatch):
    corpus = hostile_corpus(tmp_path / "corpus")
    monkeypatch.setattr(pipeline, "max_length", LONG_LIMIT)
    problems = []
    result = build([corpus], tmp_path / "out", on_problem=problems.append, explorer=False)
    store = open_store(tmp_path / "out")
    ids = {row["id"].value for row in run_query(store, "SELECT ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id }")}
    assert ids == {"000_02941cbe19eb5470", "002_a915b45f23773dc6", "latin1", "utf16-bom", "utf16-plain", "fine",
                   "lone\ufffd", "relative", "spaced", "braced", "canonical", "nul", "long"}
    assert result.articles == len(ids)
    named = {(p.code, Path(p.path.split(":")[0]).name) for p in problems}
    assert named >= {("W101", "binary.txt"), ("W102", "empty.txt"), ("W104", "latin1.txt"), ("W104", "utf16-bom.txt"),
                     ("W104", "utf16-plain.txt"), ("W103", "broken.jsonl"), ("W112", "surrogate.jsonl"),
                     ("W113", "urls.jsonl"), ("W113", "canonical.html"), ("W112", "nul.txt"), ("W114", "loop"),
                     ("W108", "dangling.txt")}
    assert not any(p.code in ("W201", "W202", "W301") for p in problems)
    assert all("\n" not in str(p) for p in problems)
    # the long article is built whole: its last paragraphs, far beyond spaCy's limit, are in the graph
    long_text = (corpus / "long.txt").read_text(encoding="utf-8")
    assert len(long_text) > 3 * LONG_LIMIT
    mentioned = {row["label"].value for row in run_query(store, """SELECT ?label WHERE {
        <https://w3id.org/newsgraph/resource/article/long> kg:mentions/rdfs:label ?label }""")}
    assert {"Kherson", "Melitopol", "Mariupol"} <= mentioned
    # the Latin-1 text kept its letters
    titles = {row["label"].value for row in run_query(store, """SELECT ?label WHERE {
        ?m prov:wasDerivedFrom ?a ; kg:sentence ?label . ?a dcterms:identifier "latin1" }""")}
    assert not titles or all("ď" not in t for t in titles)
    assert "naïve" in next(a for a in _read(corpus) if a.id == "latin1").text


def _read(corpus: Path) -> list[Article]:
    from kg.read.corpus import read_corpus
    return list(read_corpus([corpus]))


@pytest.mark.model
@pytest.mark.slow
def test_the_same_corpus_gives_the_same_bytes_whatever_the_hash_seed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, paragraph in enumerate(p for path in sample_corpus_paths()
                                       for p in path.read_text(encoding="utf-8").split("\n")[:12] if len(p.split()) > 8):
        (corpus / f"p{number:03d}.txt").write_text(paragraph, encoding="utf-8")
    script = "import sys; from kg.pipeline import build; build([sys.argv[1]], sys.argv[2], explorer=False)"
    runs = {seed: subprocess.Popen([sys.executable, "-c", script, str(corpus), str(tmp_path / seed)],
                                   env=dict(os.environ, PYTHONHASHSEED=seed), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
            for seed in ("1", "2")}
    for process in runs.values():
        assert process.wait(timeout=300) == 0, process.stderr.read()
    for name in ("kg.ttl", "kg.trig"):
        first, second = (tmp_path / "1" / name).read_bytes(), (tmp_path / "2" / name).read_bytes()
        assert len(first) > 10_000 and first == second, name


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("stage, published", [("trig-written", False), ("linked", True)])
def test_a_build_killed_at_another_publishing_step_leaves_a_consistent_set(out, tmp_path, capsys,  # noqa: F811
                                                                           stage, published):
    before = triples(out)
    killed(paused_build(article_file(tmp_path, THIRD), out, stage))
    code, printed, _ = cli.main(["query", "-o", str(out), COUNT]), *capsys.readouterr()
    count = int(printed.split()[-1])
    assert code == 0 and (count > before if published else count == before)
    assert sum(1 for _ in dataset(out).quads()) == count  # kg.trig and the store are of one build
    result = build([article_file(tmp_path, THIRD)], out, explorer=False)
    assert result.articles == 3 and triples(out) == result.triples
    assert len(list((out / STATE_FOLDER / "builds").iterdir())) == 2
    assert not [p for p in out.rglob("*") if p.name.endswith((".tmp", ".link-tmp", ".partial"))]


def test_a_state_folder_that_is_a_link_is_refused(tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / STATE_FOLDER).symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "a.txt").write_text("Kenya met Ghana.", encoding="utf-8")
    code = cli.main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("kg: E109 ") and "is a link" in err and err.count("\n") == 1
    assert list(elsewhere.iterdir()) == []


def test_an_archive_that_is_a_link_is_refused(tmp_path, capsys):
    target = tmp_path / "elsewhere.sqlite"
    target.write_bytes(b"")
    (tmp_path / "out" / STATE_FOLDER).mkdir(parents=True)
    (tmp_path / "out" / STATE_FOLDER / "articles.sqlite").symlink_to(target)
    (tmp_path / "a.txt").write_text("Kenya met Ghana.", encoding="utf-8")
    code = cli.main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("kg: E109 ") and "is a link" in err
    assert target.read_bytes() == b""


# --- the extractor on arbitrary text ------------------------------------------------------------

hostile_text = st.lists(st.one_of(st.characters(codec=None), st.sampled_from(
    ["\ud800", "\x00", "\n\n", " ", ".", "Kyiv", " Russia attacked ", "Zelenskyy", "\u2028", "“", "'s"])),
    max_size=40).map("".join)


@pytest.mark.model
@given(text=hostile_text, title=st.none() | hostile_text, date=st.none() | st.sampled_from(["2022-03-03"]))
@settings(max_examples=25, deadline=None)
def test_the_extractor_never_fails_on_arbitrary_text(pipeline, text, title, date):
    article = Article("a", text, title=title, date=date)
    problems = []
    analysed = list(analyse([article], pipeline, problems.append))
    assert problems == [] and len(analysed) == 1
    for mention in analysed[0].mentions:
        assert article.text[mention.start_char:mention.end_char] == mention.text
    resolution = resolve((a.article.id, a.mentions, a.positions, a.relations) for a in analysed)
    for record in relation_records([article], resolution):
        assert record["article"] == "a" and record["sentence"].encode("utf-8")


def test_an_article_that_breaks_the_resolution_is_left_out_with_a_warning(monkeypatch):
    import kg.pipeline
    from kg.pipeline import AnalysedArticle, build_graph

    real = kg.pipeline.resolve

    def fragile(items, *args):
        items = list(items)
        if any(article_id == "bad" for article_id, *_ in items):
            raise KeyError("a mention the index lost")
        return real(items, *args)

    monkeypatch.setattr(kg.pipeline, "resolve", fragile)
    analysed = [AnalysedArticle(Article(i, f"Text of {i}.", source=f"{i}.txt"), []) for i in ("good", "bad", "fine")]
    problems = []
    dataset, _ = build_graph(analysed, on_problem=problems.append)
    assert [(p.code, p.path) for p in problems] == [("W202", "bad.txt")] and "left out" in problems[0].message
    assert [a.article.id for a in analysed] == ["good", "fine"]
    with pytest.raises(KeyError):
        build_graph([AnalysedArticle(Article("bad", "x"), [])])
