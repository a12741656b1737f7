"""The one place where the stages are chained: articles in, graph, store and explorer out.

Read top to bottom to follow an article through newsgraph::

    corpus.read_corpus        files → Article
    nlp.load_pipeline         spaCy + kg_entities, kg_coreference, kg_positions components
    entities.mentions         Doc → Mention (typed, canonical label, GeoNames place);
                              positions, pronouns and "the city" resolved in the same Doc
    relations.find_relations  Doc → RelationMention: a trigger (triggers), its arguments
                              (arguments) and the entities they stand for (actors), modality
    resolve.resolve           all mentions → one Entity per real actor
    rdf.build_dataset         → rdflib Dataset (one named graph per article) → kg.trig, kg.ttl
    store.load_store          → Oxigraph store for SPARQL
    network.project           store → networkx graph → explorer.write_explorer → explorer.html

The CLI, the tests and any other caller use :func:`build` (or the stage functions below);
they never chain stages themselves.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from kg.corpus import Article, ProblemHandler, read_corpus, sample_corpus_paths
from kg.entities import Mention, mentions
from kg.errors import KGError, Problem
from kg.nlp import load_pipeline
from kg.positions import PositionMention
from kg.relations import RelationMention
from kg.rdf import build_dataset, count_quads, write_outputs
from kg.resolve import Resolution, resolve

__all__ = ["AnalysedArticle", "BuildResult", "read_articles", "analyse", "build_graph", "build", "extract"]


@dataclass
class AnalysedArticle:
    """An article with what the NLP stages found in it."""

    article: Article
    mentions: list[Mention]
    positions: list[PositionMention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)


@dataclass
class BuildResult:
    out_dir: Path
    articles: int
    entities: int
    relations: int
    triples: int
    seconds: float
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_articles(paths: Iterable[str | Path] = (), on_problem: ProblemHandler | None = None,
                  skip_duplicates: bool = True) -> list[Article]:
    """The articles under ``paths`` (the bundled sample corpus when none are given)."""
    paths = list(paths) or sample_corpus_paths()
    return list(read_corpus(paths, on_problem or (lambda problem: None), skip_duplicates))


def analyse(articles: Iterable[Article], nlp: Language,
            on_problem: ProblemHandler | None = None,
            on_article: Callable[[Article], None] | None = None) -> Iterator[AnalysedArticle]:
    """Run the NLP stages on each article; an article that fails is reported and skipped."""
    for article in articles:
        try:
            doc = nlp.make_doc(article.text)
            doc._.kg_date = article.date  # relative dates in the text count from it
            doc = nlp(doc)
            yield AnalysedArticle(article, mentions(doc), list(doc._.kg_positions or ()),
                                  list(doc._.kg_relations or ()))
        except Exception as error:  # one bad article must not stop the build
            if on_problem is None:
                raise
            on_problem(Problem("W201", article.source or article.id,
                               f"analysis failed ({type(error).__name__}: {error}); article skipped"))
        finally:
            if on_article:
                on_article(article)


def build_graph(analysed: list[AnalysedArticle]):
    """Resolve entities across articles and build the RDF dataset."""
    resolution: Resolution = resolve((a.article.id, a.mentions, a.positions, a.relations) for a in analysed)
    dataset = build_dataset([a.article for a in analysed], resolution)
    return dataset, resolution


def build(paths: Iterable[str | Path] = (), out_dir: str | Path = "output", model: str | None = None,
          on_problem: ProblemHandler | None = None,
          on_start: Callable[[int], None] | None = None,
          on_article: Callable[[Article], None] | None = None,
          explorer: bool = True) -> BuildResult:
    """Build the graph, store and explorer of a corpus into ``out_dir``.

    Raises :class:`KGError` when no article could be read; every other problem with one
    input is reported through ``on_problem`` and the rest is built.
    """
    from kg.explorer import write_explorer  # the explorer's template is only needed here
    from kg.network import project
    from kg.store import load_store, open_store

    started = time.perf_counter()
    out = Path(out_dir)
    problems: list[Problem] = []

    def report(problem: Problem) -> None:
        problems.append(problem)
        if on_problem:
            on_problem(problem)

    given = list(paths)
    articles = read_articles(given, report)
    if not articles:
        where = ", ".join(map(str, given)) or "the sample corpus"
        raise KGError("E101", f"no articles could be read from {where}")
    if on_start:
        on_start(len(articles))
    nlp = load_pipeline(model)
    analysed = list(analyse(articles, nlp, report, on_article))
    if not analysed:
        raise KGError("E104", "no article could be analysed")
    dataset, resolution = build_graph(analysed)
    written = write_outputs(dataset, out)
    written["store"] = load_store(written["trig"], out)
    if explorer:
        written["explorer"] = write_explorer(project(open_store(out)), out / "explorer.html")
    return BuildResult(out, len(analysed), len(resolution.entities), len(resolution.relations), count_quads(dataset),
                       time.perf_counter() - started, written, problems)


def extract(paths: Iterable[str | Path] = (), model: str | None = None,
            on_problem: ProblemHandler | None = None) -> Iterator[dict]:
    """The relation mentions of a corpus as JSON-ready records (``kg extract``), no graph built.

    Raises :class:`KGError` when no article could be read.
    """
    from kg.extract import relation_records

    given = list(paths)
    articles = read_articles(given, on_problem, skip_duplicates=False)
    if not articles:
        raise KGError("E101", f"no articles could be read from {', '.join(map(str, given)) or 'the sample corpus'}")
    analysed = list(analyse(articles, load_pipeline(model), on_problem))
    resolution = resolve((a.article.id, a.mentions, a.positions, a.relations) for a in analysed)
    yield from relation_records([a.article for a in analysed], resolution)
