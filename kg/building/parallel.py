"""Stage 2 on more cores: the NLP of a build in several processes, or on a Dask cluster.

Each worker process loads the spaCy pipeline once (:func:`kg.nlp.pipeline.load_pipeline` is cached
per process) and analyses batches of articles with :func:`kg.pipeline.analyse`; only the
analyses travel back, as newsgraph's plain dataclasses. Resolution, RDF and the store stay
in the calling process, and the articles' analyses come back in the order they were given,
so a build gives the same graph whichever way its NLP ran.

* :func:`analyse_in_processes` — ``kg build --workers N``: a pool of N local processes.
* :func:`analyse_on_dask` — ``kg build --dask ADDRESS`` (or ``--dask local:N``): partitions
  of articles as tasks on a Dask distributed cluster; a partition whose task fails is
  retried. Every worker needs newsgraph and the spaCy model installed (README, "Beyond one
  machine"); ``dask[distributed]`` is the optional extra ``newsgraph[dask]``.

Examples
--------
>>> default_workers() >= 1
True
>>> parse_dask_address("local:3"), parse_dask_address("tcp://10.0.0.5:8786")
(('local', 3), ('remote', 'tcp://10.0.0.5:8786'))
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from kg.read.corpus import Article, ProblemHandler
from kg.errors import KGError, Problem
from kg.building.incremental import Analysis, encode_analysis

__all__ = ["BATCH_SIZE", "PARTITION_SIZE", "default_workers", "analyse_batch", "analyse_in_processes",
           "parse_dask_address", "analyse_on_dask"]

BATCH_SIZE = 8  # articles a local worker analyses per task
PARTITION_SIZE = 16  # articles per Dask task
DASK_RETRIES = 2  # a failed partition is tried again this many times
DASK_CONNECT_SECONDS = 30  # how long to try to reach a scheduler

BatchResult = list[tuple[int, "Analysis | None", "Problem | None", "bytes | None"]]


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyse_batch(articles: list[Article], model: str | None = None) -> BatchResult:
    """Analyse a batch of articles in this process, the pipeline loaded once per process.

    Returns, for each article by its position in ``articles``, its analysis or the problem
    that stopped it (exactly one of the two is None), and the analysis encoded for the
    archive (:func:`kg.building.incremental.encode_analysis`), so the calling process need not.
    """
    from kg.nlp.pipeline import load_pipeline
    from kg.pipeline import analyse

    results: BatchResult = []
    found: dict[str, object] = {"analysis": None, "problem": None}

    def problem(reported: Problem) -> None:
        found["problem"] = reported

    def finished(article: Article) -> None:  # analyse calls it after each article, analysed or not
        analysis = found["analysis"]
        encoded = encode_analysis(analysis) if analysis is not None else None
        results.append((len(results), analysis, found["problem"], encoded))
        found.update(analysis=None, problem=None)

    for done in analyse(articles, load_pipeline(model), problem, finished, batch_size=len(articles) or 1):
        found["analysis"] = Analysis(done.mentions, done.positions, done.relations)
    return results


def _load_pipeline(model: str | None) -> None:
    from kg.nlp.pipeline import load_pipeline

    load_pipeline(model)


def _gather(batches: Iterable[list[Article]], submit: Callable[[list[Article]], Future], in_flight: int,
            on_problem: ProblemHandler | None, on_article: Callable[[Article], None] | None,
            result: Callable[[Future], BatchResult]) -> Iterator[tuple[Article, Analysis, bytes]]:
    """Submit batches (at most ``in_flight`` at a time, so memory stays flat) and yield
    their articles' analyses in the order given."""
    pending: deque[tuple[list[Article], Future]] = deque()
    batches = iter(batches)

    def fill() -> None:
        while len(pending) < in_flight:
            batch = next(batches, None)
            if batch is None:
                return
            pending.append((batch, submit(batch)))

    fill()
    while pending:
        batch, future = pending.popleft()
        outcome = result(future)
        fill()
        for number, analysis, problem, encoded in outcome:
            article = batch[number]
            if analysis is not None:
                yield article, analysis, encoded
            elif on_problem is not None:
                on_problem(problem)
            else:
                raise KGError("E150", problem.message)
            if on_article:
                on_article(article)


def analyse_in_processes(articles: Iterable[Article], model: str | None, workers: int,
                         on_problem: ProblemHandler | None = None,
                         on_article: Callable[[Article], None] | None = None,
                         batch_size: int = BATCH_SIZE) -> Iterator[tuple[Article, Analysis, bytes]]:
    """Each article with its analysis (and that encoded for the archive), made by ``workers``
    processes; an article that fails is reported through ``on_problem`` and skipped.

    Raises :class:`KGError` (E151) when a worker process dies.
    """
    from kg.pipeline import batched

    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_load_pipeline,
                             initargs=(model,)) as pool:
        def result(future: Future) -> BatchResult:
            try:
                return future.result()
            except BrokenProcessPool as error:
                raise KGError("E151", f"an NLP worker process died ({error}); try fewer --workers") from None

        yield from _gather(batched(articles, batch_size), lambda batch: pool.submit(analyse_batch, batch, model),
                           2 * workers, on_problem, on_article, result)


def parse_dask_address(address: str) -> tuple[str, str | int]:
    """``("local", N)`` for ``local:N`` (a local cluster of N workers), else ``("remote", address)``.

    Raises :class:`KGError` (E152) for ``local:`` without a positive number.
    """
    if address.startswith("local:") or address == "local":
        count = address.partition(":")[2] or str(default_workers())
        if not count.isdigit() or int(count) < 1:
            raise KGError("E152", f"--dask local:N needs a number of workers N ≥ 1, not {address!r}")
        return "local", int(count)
    return "remote", address


@contextmanager
def dask_client(address: str):
    """A Dask client: of a new local cluster for ``local:N``, else of the scheduler at ``address``.

    Raises :class:`KGError` when Dask is not installed (E153) or the scheduler cannot be reached (E154).
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise KGError("E153", "--dask needs Dask: pip install 'newsgraph[dask]'") from None
    kind, where = parse_dask_address(address)
    if kind == "local":
        with LocalCluster(n_workers=int(where), threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(where, timeout=DASK_CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        raise KGError("E154", f"cannot reach the Dask scheduler at {where} ({error})") from None
    with client:
        yield client


def analyse_on_dask(articles: Iterable[Article], model: str | None, address: str,
                    on_problem: ProblemHandler | None = None,
                    on_article: Callable[[Article], None] | None = None,
                    partition_size: int = PARTITION_SIZE,
                    retries: int = DASK_RETRIES) -> Iterator[tuple[Article, Analysis, bytes]]:
    """Each article with its analysis (and that encoded for the archive), made on the Dask cluster at ``address`` (``local:N``:
    a local cluster of N worker processes) in partitions of ``partition_size`` articles; a
    partition whose task fails is tried again ``retries`` times. An article that fails is
    reported through ``on_problem`` and skipped.

    Raises :class:`KGError` (E155) when a partition still fails after its retries.
    """
    from kg.pipeline import batched

    with dask_client(address) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))

        def result(future) -> BatchResult:
            try:
                return future.result()
            except Exception as error:  # the task failed on every try, or its worker was lost
                raise KGError("E155", f"a partition failed on the Dask cluster after {retries} retries "
                                      f"({type(error).__name__}: {error})") from None

        yield from _gather(batched(articles, partition_size),
                           lambda batch: client.submit(analyse_batch, batch, model, retries=retries, pure=False),
                           2 * workers, on_problem, on_article, result)
