"""The `kg` command: exit codes, one-line messages, and what each command prints."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kg import cli

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "talks.txt").write_text("date 2024-05-02 Delegations from Poland and Chile met in Geneva.",
                                      encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"id": "f1", "text": "Rockets struck Lviv."}\n{"id": "f2", "text": ',
                                       encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x00\x01binary")
    return folder


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert cli.main(["build", str(corpus), "-o", str(out), "--quiet"]) == 0
    return out


def run(capsys, *argv):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_build_writes_everything_and_warns_per_bad_input(corpus, tmp_path, capsys):
    code, out, err = run(capsys, "build", str(corpus), "-o", str(tmp_path / "o"), "-q")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [".newsgraph", "explorer.html", "kg.trig", "kg.ttl",
                                                                  "store"]
    assert out.startswith("built 2 articles (2 added, 0 replaced, 0 skipped), ") and out.count("\n") == 1
    warnings = [line for line in err.splitlines() if line.startswith("warning")]
    assert len(warnings) == 2
    assert any("feed.jsonl:2" in w and "W103" in w for w in warnings)
    assert any("scan.txt" in w and "W101" in w for w in warnings)


def test_build_fails_only_when_nothing_could_be_read_and_keeps_the_last_build(built, tmp_path, capsys):
    before = (built / "kg.ttl").read_bytes()
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = run(capsys, "build", str(tmp_path / "empty.txt"), "-o", str(built))
    assert code == 1
    assert err.splitlines()[-1].startswith("kg: E101 no articles could be read")
    assert (built / "kg.ttl").read_bytes() == before
    assert run(capsys, "query", "-o", str(built), "ASK { ?c a kg:City }")[1] == "true\n"


def test_query_prints_a_table(built, capsys):
    code, out, _ = run(capsys, "query", "-o", str(built),
                       "SELECT ?name WHERE { ?c a kg:City ; rdfs:label ?name } ORDER BY ?name")
    assert code == 0 and out.splitlines() == ["name", "------", "Geneva", "Lviv"]


def test_query_from_a_file_as_csv(built, tmp_path, capsys):
    (tmp_path / "states.rq").write_text("SELECT ?code WHERE { ?s kg:countryCode ?code } ORDER BY ?code",
                                        encoding="utf-8")
    code, out, _ = run(capsys, "query", "-f", str(tmp_path / "states.rq"), "-o", str(built), "--format", "csv")
    assert code == 0 and out.split() == ["code", "CHE", "CHL", "POL", "UKR"]


@pytest.mark.parametrize("argv, message", [
    (["query", "SELECT ?x WHERE {"], "kg: E401 SPARQL syntax error"),
    (["query"], "kg: E404"),
    (["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"], "kg: E402"),
    (["query", "ASK {}", "--format", "yaml"], "kg: E403"),
    (["build", "--no-such-option"], "kg: No such option"),
])
def test_user_errors_are_one_line_with_exit_code_1(built, capsys, argv, message):
    code, _, err = run(capsys, *argv, "-o", str(built))
    assert code == 1 and err.startswith(message) and err.count("\n") == 1


def test_query_without_a_build(tmp_path, capsys):
    code, _, err = run(capsys, "query", "-o", str(tmp_path), "ASK {}")
    assert code == 1 and err.startswith("kg: E301 no store in")


def test_internal_errors_exit_2(monkeypatch, capsys, tmp_path):
    import kg.pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(kg.pipeline, "build", broken)
    code, _, err = run(capsys, "build", "-o", str(tmp_path))
    assert code == 2 and "internal error (RuntimeError: boom)" in err and err.count("\n") == 1


def fixed_evaluation(*args, **kwargs):
    from kg.evaluation.evaluate import Evaluation
    return Evaluation("seeds: must 1/1\n", "events: tuple F1 0.5\n", "seeds: must 2/3\n", "precision: strict 0.5\n")


def test_eval_prints_every_scorer_and_writes_the_markdown_report(monkeypatch, capsys, tmp_path):
    import kg.evaluation.evaluate

    monkeypatch.setattr(kg.evaluation.evaluate, "evaluation", fixed_evaluation)
    doc = tmp_path / "docs" / "accuracy.md"
    code, out, _ = run(capsys, "eval", "--markdown", str(doc))
    assert code == 0
    assert out.splitlines() == ["seeds: must 1/1", "events: tuple F1 0.5", "news dev seeds: must 2/3",
                                "news dev precision: strict 0.5", f"wrote {doc}"]
    assert doc.read_text(encoding="utf-8").startswith("# Accuracy\n")


def test_eval_markdown_into_an_unwritable_place_is_a_user_error(monkeypatch, capsys, tmp_path):
    import kg.evaluation.evaluate

    monkeypatch.setattr(kg.evaluation.evaluate, "evaluation", fixed_evaluation)
    (tmp_path / "file").write_text("")
    code, _, err = run(capsys, "eval", "--markdown", str(tmp_path / "file" / "accuracy.md"))
    assert code == 1 and err.startswith("kg: E502 cannot write") and err.count("\n") == 1


def test_python_dash_m_kg():
    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "build" in done.stdout and "query" in done.stdout


def test_min_confidence_decides_which_asserted_mentions_make_edges(tmp_path, capsys):
    article = tmp_path / "a.txt"
    # a bare verb of the dictionary, named actors: confidence 0.75
    article.write_text("Kenya congratulated Uganda on Monday.", encoding="utf-8")
    ask = "ASK { ?s kg:supported ?o }"
    mention = "ASK { ?m rdf:predicate kg:supported ; kg:modality 'asserted' ; kg:confidence ?c FILTER(?c < 1) }"
    for threshold, edge in (("0.5", "true\n"), ("0.9", "false\n")):
        out = tmp_path / threshold
        assert run(capsys, "build", str(article), "-o", str(out), "-q", "--min-confidence", threshold)[0] == 0
        assert run(capsys, "query", "-o", str(out), ask)[1] == edge
        assert run(capsys, "query", "-o", str(out), mention)[1] == "true\n"  # the mention stays either way
    code, _, err = run(capsys, "build", str(article), "-o", str(tmp_path / "x"), "--min-confidence", "2")
    assert code == 1 and "min-confidence" in err
