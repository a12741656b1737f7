"""kg.building.parallel: the NLP of a build in worker processes and on a Dask cluster gives the graph
of a build in one process (tiny corpus; small batches so that every worker gets some)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

import kg.building.parallel
from kg.errors import KGError
from kg.building.parallel import analyse_batch, parse_dask_address
from kg.pipeline import build

pytestmark = [pytest.mark.model, pytest.mark.slow]

NEWS = Path(__file__).parents[2] / "kg" / "evaluation" / "news" / "wikinews_dev.jsonl"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Five short real articles in one JSON Lines file."""
    records = sorted((json.loads(line) for line in NEWS.open(encoding="utf-8")), key=lambda r: len(r["text"]))
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records[:5]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("one")
    return build([corpus], out, explorer=False, workers=1), graph_of(out)


def graph_of(out: Path) -> tuple[Graph, dict]:
    """The merged graph (kg.ttl) and each named graph (kg.trig) of a build."""
    merged = Graph().parse(out / "kg.ttl", format="turtle")
    dataset = Dataset().parse(out / "kg.trig", format="trig")
    return merged, {g.identifier: g for g in dataset.graphs()}


def same_graph(out: Path, expected: tuple[Graph, dict]) -> bool:
    merged, named = graph_of(out)
    return (isomorphic(merged, expected[0]) and named.keys() == expected[1].keys()
            and all(isomorphic(g, expected[1][name]) for name, g in named.items()))


def test_two_worker_processes_build_the_same_graph(corpus, one_process, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.building.parallel, "BATCH_SIZE", 2)  # three batches for two workers
    started = []
    real = kg.building.parallel.analyse_in_processes

    def counting(todo, model, workers, *rest):
        started.append(workers)
        yield from real(todo, model, workers, *rest)

    monkeypatch.setattr(kg.building.parallel, "analyse_in_processes", counting)
    stages: list[str] = []
    seen: list[str] = []
    result = build([corpus], tmp_path, explorer=False, workers=2, on_stage=stages.append,
                   on_article=lambda article: seen.append(article.id))
    expected, graph = one_process
    assert started == [2]  # the work went to two processes
    assert (result.articles, result.entities, result.relations, result.triples) == \
           (expected.articles, expected.entities, expected.relations, expected.triples)
    assert same_graph(tmp_path, graph)
    assert sorted(seen) == sorted(json.loads(line)["id"] for line in corpus.open())
    assert stages[:3] == ["reading articles", "analysing articles", "resolving entities"]
    assert set(result.stages) == set(stages) and all(s >= 0 for s in result.stages.values())


def test_a_dask_local_cluster_builds_the_same_graph(corpus, one_process, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.building.parallel, "PARTITION_SIZE", 2)
    result = build([corpus], tmp_path, explorer=False, dask="local:2")
    expected, graph = one_process
    assert (result.articles, result.analysed, result.triples) == (expected.articles, 5, expected.triples)
    assert same_graph(tmp_path, graph)


def test_a_batch_reports_the_article_it_cannot_analyse(tmp_path):
    from kg.read.corpus import Article
    from kg.building.incremental import Archive

    good = Article("good", "Kenya praised Ghana on Monday.")
    bad = Article("bad", "Troops left.")
    object.__setattr__(bad, "text", None)  # make_doc fails on it
    results = analyse_batch([good, bad, good])
    assert [(n, a is not None, p.code if p else None, e is not None) for n, a, p, e in results] == \
           [(0, True, None, True), (1, False, "W201", False), (2, True, None, True)]
    assert any(m.label == "Kenya" for m in results[0][1].mentions)
    archive = Archive(tmp_path / "archive.sqlite")  # what the worker encoded is what the archive reads
    archive.save(good, "key", None, results[0][3])
    assert archive.analysis("key") == results[0][1]
    archive.close()


@pytest.mark.parametrize("address", ["local:0", "local:x"])
def test_a_local_dask_cluster_needs_a_number_of_workers(address):
    with pytest.raises(KGError) as raised:
        parse_dask_address(address)
    assert raised.value.code == "E152"


def test_an_unreachable_dask_scheduler_is_a_user_error(monkeypatch):
    monkeypatch.setattr(kg.building.parallel, "DASK_CONNECT_SECONDS", 1)
    with pytest.raises(KGError) as raised:
        list(kg.building.parallel.analyse_on_dask([], None, "tcp://127.0.0.1:9"))
    assert raised.value.code == "E154"


def test_kg_build_runs_on_every_core_unless_told(monkeypatch, tmp_path):
    from kg import cli

    given = []

    def stopped(*args, **kwargs):
        given.append(kwargs)
        raise KGError("E101", "stopped here")

    monkeypatch.setattr("kg.pipeline.build", stopped)
    assert cli.main(["build", "-o", str(tmp_path), "-q"]) == 1
    assert cli.main(["build", "-o", str(tmp_path), "-q", "--workers", "3", "--dask", "local:2"]) == 1
    assert [(g["workers"], g["dask"]) for g in given] == [(kg.building.parallel.default_workers(), None),
                                                          (3, "local:2")]


@pytest.mark.parametrize("argv, message", [(["--workers", "0"], "--workers"), (["--dask", "local:none"], "E152")])
def test_bad_worker_options_are_one_line_user_errors(argv, message, corpus, tmp_path, capsys):
    from kg import cli

    assert cli.main(["build", str(corpus), "-o", str(tmp_path), "-q", *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.fixture
def threaded_dask(monkeypatch):
    """``dask_client`` on an in-process cluster, so that a test can replace the task it runs."""
    from contextlib import contextmanager

    from dask.distributed import Client, LocalCluster

    @contextmanager
    def in_process(address):
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client

    monkeypatch.setattr(kg.building.parallel, "dask_client", in_process)


def flaky(marker: Path, failures: int):
    """``analyse_batch`` that fails on its first ``failures`` calls (counted in a file, as a worker would)."""
    def analyse(batch, model=None):
        calls = int(marker.read_text()) if marker.exists() else 0
        marker.write_text(str(calls + 1))
        if calls < failures:
            raise RuntimeError("worker lost")
        return analyse_batch(batch, model)
    return analyse


def test_a_failed_dask_partition_is_tried_again(threaded_dask, monkeypatch, tmp_path):
    from kg.read.corpus import Article

    marker = tmp_path / "calls"
    monkeypatch.setattr(kg.building.parallel, "analyse_batch", flaky(marker, failures=1))
    articles = [Article("a", "Kenya praised Ghana on Monday."), Article("b", "Peru criticised Chile.")]
    done = list(kg.building.parallel.analyse_on_dask(articles, None, "local:1", partition_size=2, retries=1))
    assert [article.id for article, _, _ in done] == ["a", "b"]
    assert int(marker.read_text()) == 2  # one failure, one retry


def test_a_dask_partition_that_keeps_failing_is_a_user_error(threaded_dask, monkeypatch, tmp_path):
    from kg.read.corpus import Article

    marker = tmp_path / "calls"
    monkeypatch.setattr(kg.building.parallel, "analyse_batch", flaky(marker, failures=5))
    with pytest.raises(KGError) as raised:
        list(kg.building.parallel.analyse_on_dask([Article("a", "Kenya praised Ghana.")], None, "local:1", retries=2))
    assert raised.value.code == "E155" and int(marker.read_text()) == 3  # the first try and two retries
