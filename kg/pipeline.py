"""The one place where the stages are chained: articles in, graph, store and explorer out.

Read top to bottom to follow an article through newsgraph (each stage a subpackage of kg,
its modules listed in its ``__init__`` in the order they run)::

    read.corpus.read_corpus           files → Article
    nlp.pipeline.load_pipeline        spaCy + kg_entities, kg_coreference, kg_positions components
    extract.entities.mentions         Doc → Mention (typed, canonical label, GeoNames place);
                                      positions, pronouns and "the city" resolved in the same Doc
    extract.relations.find_relations  Doc → RelationMention: a trigger (triggers), its arguments
                                      (arguments) and the entities they stand for (actors), modality
    resolve.resolve                   all mentions → one Entity per real actor
    rdf.dataset.build_dataset         → rdflib Dataset (one named graph per article) → kg.trig,
                                      kg.ttl, a batch of articles at a time
                                      (rdf.streaming.write_outputs_in_batches)
    rdf.store.load_store              → Oxigraph store for SPARQL
    explore.page.explorer_graph       store → networkx graph → explore.explorer.write_explorer
                                      → explorer.html

A build adds to the graph already in its output folder (:mod:`kg.building`):
building.incremental.plan_build decides which articles are new, changed or unchanged, the
archive (kg.building.incremental) holds every article's analysis so only new and changed ones
go through the NLP, and the whole graph is resolved again and published in one atomic switch
(kg.building.outputs).

Memory grows little with the size of the corpus: an analysis is archived as it is made and not
kept, resolution reads the analyses back one article at a time into a compact resolution
(entities, and per article the entity of each mention; relation mentions are read back
from the archive as each article's graph is written), the graph files are written a batch
of articles at a time and the explorer page a piece at a time. What still grows with it:
the articles read (their texts), and the explorer's graph of every relation mention.

The CLI, the tests and any other caller use :func:`build` (or the stage functions below);
they never chain stages themselves.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from kg.nlp.chunking import analyse_text
from kg.read.corpus import Article, ProblemHandler, read_corpus, sample_corpus_paths
from kg.extract.entities import Mention, mentions
from kg.errors import KGError, Problem
from kg.building.incremental import (Analysis, Archive, BuildPlan, BuildSettings, Manifest, analysis_fingerprint,
                                     analysis_key, plan_build, read_manifest, write_manifest)
from kg.nlp.pipeline import load_pipeline
from kg.building.outputs import OutputFolder, pause_point
from kg.extract.positions import PositionMention
from kg.extract.relations import DEFAULT_MIN_CONFIDENCE, RelationMention
from kg.rdf.dataset import article_iri, build_dataset
from kg.rdf.streaming import write_outputs_in_batches
from kg.resolve import Resolution, resolve

__all__ = ["AnalysedArticle", "BuildResult", "read_articles", "analyse", "batched", "resolve_analysed", "build_graph",
           "build", "extract", "archived_analyses", "resolve_archived"]


@dataclass
class AnalysedArticle:
    """An article with what the NLP stages found in it."""

    article: Article
    mentions: list[Mention]
    positions: list[PositionMention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)


@dataclass
class BuildResult:
    """What a build did: the graph's articles, entities, relations and triples after it, and
    how many articles it added, replaced, skipped and ran the NLP on."""

    out_dir: Path
    articles: int
    entities: int
    relations: int
    triples: int
    seconds: float
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    added: int = 0  # articles new to the graph
    replaced: int = 0  # articles whose text or metadata changed
    skipped: int = 0  # articles unchanged (or the text of an article already built)
    analysed: int = 0  # articles the NLP stages ran on
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, in the order run


def read_articles(paths: Iterable[str | Path] = (), on_problem: ProblemHandler | None = None,
                  skip_duplicates: bool = True) -> list[Article]:
    """The articles under ``paths`` (the bundled sample corpus when none are given)."""
    paths = list(paths) or sample_corpus_paths()
    return list(read_corpus(paths, on_problem or (lambda problem: None), skip_duplicates))


def analyse(articles: Iterable[Article], nlp: Language,
            on_problem: ProblemHandler | None = None,
            on_article: Callable[[Article], None] | None = None,
            batch_size: int = 8) -> Iterator[AnalysedArticle]:
    """Run the NLP stages on each article, ``batch_size`` at a time through ``nlp.pipe`` (one
    longer than ``nlp.max_length`` on its own, in pieces: see :mod:`kg.nlp.chunking`); an article
    that fails is reported and skipped."""
    for batch in batched(articles, batch_size):
        whole = [a for a in batch if isinstance(a.text, str) and len(a.text) <= nlp.max_length]
        try:
            docs = dict(zip((id(a) for a in whole),
                            nlp.pipe((_doc(nlp, a) for a in whole), batch_size=len(whole) or 1)))
        except Exception:  # which article failed is found out one by one below
            docs = {}
        for article in batch:
            try:
                doc = docs.get(id(article))
                if doc is not None:
                    yield AnalysedArticle(article, mentions(doc), list(doc._.kg_positions or ()),
                                          list(doc._.kg_relations or ()))
                else:
                    yield AnalysedArticle(article, *analyse_text(nlp, article.text, article.date))
            except Exception as error:  # one bad article must not stop the build
                if on_problem is None:
                    raise
                on_problem(Problem("W201", article.source or article.id,
                                   f"analysis failed ({type(error).__name__}: {error}); article skipped"))
            finally:
                if on_article:
                    on_article(article)


def _doc(nlp: Language, article: Article):
    """The article's text as a Doc to run the pipeline on."""
    doc = nlp.make_doc(article.text)
    doc._.kg_date = article.date  # relative dates in the text count from it
    return doc


def batched(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last may be shorter).

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def resolve_analysed(analysed: list[AnalysedArticle], on_problem: ProblemHandler | None = None) -> Resolution:
    """Resolve entities across the analysed articles. With ``on_problem``, an article that
    breaks the resolution is found (each resolved alone), reported (W202) and removed from
    ``analysed``; without it, the error is raised."""
    def items(group):
        return ((a.article.id, a.mentions, a.positions, a.relations) for a in group)

    try:
        return resolve(items(analysed))
    except Exception:
        if on_problem is None:
            raise
        for one in list(analysed):
            try:
                resolve(items([one]))
            except Exception as error:
                on_problem(Problem("W202", one.article.source or one.article.id,
                                   f"resolution failed ({type(error).__name__}: {error}); article left out"))
                analysed.remove(one)
        return resolve(items(analysed))


def build_graph(analysed: list[AnalysedArticle], min_confidence: float = DEFAULT_MIN_CONFIDENCE,
                on_problem: ProblemHandler | None = None):
    """Resolve entities across articles and build the RDF dataset.

    With ``on_problem``, an article that breaks the resolution (W202) or whose RDF cannot be
    made (W301) is reported, left out of the graph and removed from ``analysed``; without
    it, the error is raised.
    """
    resolution = resolve_analysed(analysed, on_problem)
    dataset = build_dataset([a.article for a in analysed], resolution, min_confidence=min_confidence,
                            on_problem=on_problem)
    if on_problem is not None:
        named = {graph.identifier for graph in dataset.graphs()}
        analysed[:] = [a for a in analysed if article_iri(a.article.id) in named]
    return dataset, resolution


def build(paths: Iterable[str | Path] = (), out_dir: str | Path = "output", model: str | None = None,
          on_problem: ProblemHandler | None = None,
          on_start: Callable[[int], None] | None = None,
          on_article: Callable[[Article], None] | None = None,
          explorer: bool = True, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
          rebuild: bool = False, workers: int = 1, dask: str | None = None,
          on_stage: Callable[[str], None] | None = None) -> BuildResult:
    """Add the articles under ``paths`` to the graph in ``out_dir`` and publish its graph,
    store and explorer; an asserted relation mention makes a direct triple when its
    confidence is at least ``min_confidence``.

    Unchanged articles are skipped, changed ones replaced, new ones added (see
    :mod:`kg.building.incremental`); only articles without an archived analysis go through the NLP
    (``on_start`` gets their number, ``on_article`` each of them), then all articles are
    resolved together. ``rebuild`` starts afresh: the graph holds ``paths`` only, all of it
    analysed anew. The outputs appear in one atomic switch (:mod:`kg.building.outputs`).

    The NLP runs in ``workers`` processes (:mod:`kg.building.parallel`; in this process when 1 or
    when there are too few articles to share), or on the Dask cluster at ``dask``
    (``local:N`` for a local one); the graph is the same either way. ``on_stage`` gets the
    name of each stage as it starts; :attr:`BuildResult.stages` their times.

    Raises :class:`KGError` when no article could be read, or another build holds the
    folder; every other problem with one input is reported through ``on_problem`` and the
    rest is built.
    """
    started = time.perf_counter()
    folder = OutputFolder(out_dir)
    problems: list[Problem] = []
    stages = _Stages(on_stage)

    def report(problem: Problem) -> None:
        problems.append(problem)
        if on_problem:
            on_problem(problem)

    given = list(paths)
    with folder.lock():
        if folder.holds_unrecorded_graph() and not rebuild:
            raise KGError("E106", f"{folder.path} holds a graph built without a record of its articles "
                                  "(by an earlier newsgraph); build it afresh with --rebuild")
        archive = Archive(folder.archive_path)
        try:
            current = None if rebuild else folder.current_build()
            before = read_manifest(current, archive) if current is not None else None
            stages.start("reading articles")
            articles = read_articles(given, report)
            if not articles:
                where = ", ".join(map(str, given)) or "the sample corpus"
                raise KGError("E101", f"no articles could be read from {where}")
            plan = plan_build(before.articles if before else [], articles, report)
            settings = BuildSettings(analysis_fingerprint(model), min_confidence, explorer)
            if before is not None and not plan.added and not plan.replaced and before.settings == settings:
                return BuildResult(folder.path, len(before.articles), before.entities, before.relations,
                                   before.triples, time.perf_counter() - started, folder.published_paths(),
                                   problems, skipped=len(plan.skipped))
            stages.start("analysing articles")
            analysed, analysed_now = _analyses(plan, archive, settings.fingerprint, model, rebuild, report,
                                               on_start, on_article, workers, dask)
            pause_point("analysed")
            if not analysed:
                raise KGError("E104", "no article could be analysed")
            stages.start("resolving entities")
            resolution = resolve_archived(analysed, archive, settings.fingerprint, report)
            manifest = Manifest(settings, analysed, len(resolution.entities), len(resolution.relations))
            _publish(folder, resolution, manifest, explorer, stages, report)
            stages.start(None)
            archive.keep_only({a.content_hash for a in manifest.articles},
                              {analysis_key(settings.fingerprint, a) for a in manifest.articles})
        finally:
            archive.close()
    built = set(manifest.articles)
    return BuildResult(folder.path, len(manifest.articles), manifest.entities, manifest.relations, manifest.triples,
                       time.perf_counter() - started, folder.published_paths(), problems,
                       added=sum(a in built for a in plan.added), replaced=sum(a in built for a in plan.replaced),
                       skipped=len(plan.skipped), analysed=analysed_now, stages=stages.seconds)


class _Stages:
    """The time each stage of a build takes, and who is told when one starts."""

    def __init__(self, on_stage: Callable[[str], None] | None):
        self.on_stage = on_stage
        self.seconds: dict[str, float] = {}
        self._current: str | None = None
        self._since = time.perf_counter()

    def start(self, name: str | None) -> None:
        """End the stage running (if any) and start ``name`` (None: the last one has ended)."""
        now = time.perf_counter()
        if self._current is not None:
            self.seconds[self._current] = self.seconds.get(self._current, 0.0) + now - self._since
        self._current, self._since = name, now
        if name is not None and self.on_stage:
            self.on_stage(name)


def _analyses(plan: BuildPlan, archive: Archive, fingerprint: str, model: str | None, rebuild: bool,
              report: ProblemHandler, on_start: Callable[[int], None] | None,
              on_article: Callable[[Article], None] | None, workers: int = 1,
              dask: str | None = None) -> tuple[list[Article], int]:
    """Every article of a plan that has an analysis in the archive, archived before or made by
    the NLP now (and archived at once: no analysis is kept in memory, so memory does not grow
    with the corpus). An article the NLP fails on is left out, or keeps the version it would
    replace. Returns the articles in build order, and how many articles the NLP analysed."""
    archived: set[Article] = set()
    wanted = plan.articles + [plan.previous[a.id] for a in plan.replaced]
    for article in wanted:
        if not rebuild and archive.has_analysis(analysis_key(fingerprint, article)):
            archived.add(article)
    todo = [a for a in plan.articles if a not in archived]
    if on_start:
        on_start(len(todo))
    for article, analysis, encoded in _analysed_now(todo, model, workers, dask, report, on_article):
        archived.add(article)
        archive.save(article, analysis_key(fingerprint, article), analysis, encoded)
    analysed = []
    for article in plan.articles:
        if article not in archived and article.id in plan.previous:
            article = plan.previous[article.id]  # its new text failed: the old one stays
        if article in archived:
            analysed.append(article)
    return analysed, sum(a in archived for a in todo)


def archived_analyses(articles: Iterable[Article], archive: Archive, fingerprint: str) -> Iterator[AnalysedArticle]:
    """The analyses of ``articles`` read back from the archive, one at a time (an article
    whose analysis cannot be read is left out)."""
    for article in articles:
        analysis = archive.analysis(analysis_key(fingerprint, article))
        if analysis is not None:
            yield AnalysedArticle(article, analysis.mentions, analysis.positions, analysis.relations)


def resolve_archived(articles: list[Article], archive: Archive, fingerprint: str,
                     on_problem: ProblemHandler | None = None) -> Resolution:
    """:func:`resolve_analysed` over the archived analyses of ``articles``, read one article at
    a time, into a compact resolution whose relation mentions are read back from the archive
    when asked for; an article left out of the resolution (W202) is removed from ``articles``."""
    def resolved(group: list[Article]) -> Resolution:
        found = ((a.article.id, a.mentions, a.positions, a.relations)
                 for a in archived_analyses(group, archive, fingerprint))
        return resolve(found, keep_relation_mentions=False)

    try:
        resolution = resolved(articles)
    except Exception:
        if on_problem is None:
            raise
        for one in list(articles):
            try:
                resolved([one])
            except Exception as error:
                on_problem(Problem("W202", one.source or one.id,
                                   f"resolution failed ({type(error).__name__}: {error}); article left out"))
                articles.remove(one)
        resolution = resolved(articles)
    resolution.relation_mentions = _archived_relations(articles, archive, fingerprint)
    return resolution


def _archived_relations(articles: list[Article], archive: Archive,
                        fingerprint: str) -> Callable[[str], list[RelationMention]]:
    """Article id → the relation mentions of its archived analysis (read when asked for)."""
    by_id = {article.id: article for article in articles}

    def relations_of(article_id: str) -> list[RelationMention]:
        return archive.relations(analysis_key(fingerprint, by_id[article_id])) or []

    return relations_of


def _analysed_now(todo: list[Article], model: str | None, workers: int, dask: str | None,
                  report: ProblemHandler,
                  on_article: Callable[[Article], None] | None) -> Iterator[tuple[Article, Analysis, bytes | None]]:
    """The analyses the NLP makes of ``todo`` (and, from workers, encoded for the archive):
    on Dask, in worker processes, or here."""
    from kg.building import parallel

    if not todo:
        return
    if dask:
        yield from parallel.analyse_on_dask(todo, model, dask, report, on_article, parallel.PARTITION_SIZE)
        return
    workers = min(workers, -(-len(todo) // parallel.BATCH_SIZE))  # a process for each batch at most
    if workers > 1:
        yield from parallel.analyse_in_processes(todo, model, workers, report, on_article, parallel.BATCH_SIZE)
        return
    for done in analyse(todo, load_pipeline(model), report, on_article):
        yield done.article, Analysis(done.mentions, done.positions, done.relations), None


def _publish(folder: OutputFolder, resolution: Resolution, manifest: Manifest, explorer: bool,
             stages: "_Stages | None" = None, on_problem: ProblemHandler | None = None) -> None:
    """Write a build's outputs into a new build folder and publish them in one switch; the
    graph files are written a batch of articles at a time (:mod:`kg.rdf.streaming`) and the
    store loaded from kg.trig, so memory does not grow with the number of articles."""
    from kg.explore.page import explorer_graph  # the explorer's template is only needed here
    from kg.explore.explorer import write_explorer
    from kg.rdf.store import load_store, open_store

    stages = stages or _Stages(None)
    build_dir = folder.new_build()
    stages.start("writing kg.trig and kg.ttl")
    left_out: set[str] = set()
    _, manifest.triples = write_outputs_in_batches(manifest.articles, resolution, build_dir,
                                                   manifest.settings.min_confidence, on_problem=on_problem,
                                                   left_out=left_out)
    manifest.articles = [a for a in manifest.articles if a.id not in left_out]  # (W301: not in the graph)
    stages.start("loading the store")
    load_store(build_dir / "kg.trig", build_dir)
    if explorer:
        stages.start("writing the explorer")
        write_explorer(explorer_graph(open_store(build_dir)), build_dir / "explorer.html")
    stages.start("publishing")
    write_manifest(manifest, build_dir)
    pause_point("written")
    folder.publish(build_dir)


def extract(paths: Iterable[str | Path] = (), model: str | None = None,
            on_problem: ProblemHandler | None = None) -> Iterator[dict]:
    """The relation mentions of a corpus as JSON-ready records (``kg extract``), no graph built.

    Raises :class:`KGError` when no article could be read.
    """
    from kg.extract.records import relation_records

    given = list(paths)
    articles = read_articles(given, on_problem, skip_duplicates=False)
    if not articles:
        raise KGError("E101", f"no articles could be read from {', '.join(map(str, given)) or 'the sample corpus'}")
    analysed = list(analyse(articles, load_pipeline(model), on_problem))
    resolution = resolve((a.article.id, a.mentions, a.positions, a.relations) for a in analysed)
    yield from relation_records([a.article for a in analysed], resolution)
