"""Stage 6 in flat memory: kg.trig and kg.ttl written a batch of articles at a time.

:func:`kg.rdf.dataset.write_outputs` needs the rdflib Dataset of every article at once, a merged copy
of it for kg.ttl and the serialised text of both: memory that grows with the corpus. Here
only one batch of articles is an rdflib graph at any time, and the files are the same, byte
for byte:

* kg.trig lists the named graphs in order of their names, each sorted as kg.rdf.dataset sorts it, so
  the articles are taken in the order of their graph names, a batch at a time;
* kg.ttl merges the graphs and sorts every triple by subject, so each batch's triples are
  sorted into a run file on disk and the runs are merged (:func:`heapq.merge`), an external
  sort whose memory is one line per run.

Examples
--------
>>> import tempfile, pathlib
>>> from kg.read.corpus import Article
>>> from kg.resolve import Resolution
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> paths, quads = write_outputs_in_batches([Article("a", "Rain.")], Resolution(), folder)
>>> sorted(paths), quads > 0
(['trig', 'ttl'], True)
"""
from __future__ import annotations

import heapq
import os
import shutil
import tempfile
from collections import Counter
from itertools import groupby
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kg.read.corpus import Article
from kg.rdf.query import PREFIXES
from kg.building.outputs import pause_point
from kg.rdf.dataset import ENTITY_GRAPH, ONTOLOGY_GRAPH, _sort_key, article_iri, build_dataset
from kg.resolve import Resolution

__all__ = ["ARTICLES_PER_BATCH", "MENTIONS_PER_BATCH", "TripleLists", "write_outputs_in_batches"]

ARTICLES_PER_BATCH = 64
# A batch also ends when its articles hold this many mentions and relation mentions (what their
# graphs are made of): graph names group an article's copies and versions together, and a
# batch of 64 long articles held 26 MiB more than one of 64 of every length.
MENTIONS_PER_BATCH = 2_500
_TYPE = str(RDF.type)
_LINES_PER_PARSE = 20_000


def _ox_quads(dataset) -> list[ox.Quad]:
    """An rdflib Dataset's quads as Oxigraph quads, through N-Quads as kg.rdf.dataset writes them."""
    return list(ox.parse(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS))


class TripleLists:
    """The named graphs of a batch of articles as :func:`kg.rdf.dataset.build_dataset` makes them, each
    kept as its distinct triples in a dict rather than in an rdflib Dataset: the graph files
    are written by Oxigraph, so rdflib's indexed store and a round trip through N-Quads only
    cost time (a third of the writing of kg.trig and kg.ttl)."""

    def __init__(self):
        self._graphs: dict[URIRef, _TripleList] = {}

    def graph(self, identifier: URIRef) -> "_TripleList":
        return self._graphs.setdefault(identifier, _TripleList(identifier))

    def graphs(self) -> Iterator["_TripleList"]:
        return iter(self._graphs.values())

    def remove_graph(self, graph: "_TripleList") -> None:
        del self._graphs[graph.identifier]

    def ox_quads(self) -> list[ox.Quad]:
        """The quads as Oxigraph's, equal to those :func:`_ox_quads` reads back from N-Quads
        (whose literals are written with their lexical form, datatype and language)."""
        named: dict[str, ox.NamedNode] = {}

        def node(iri) -> ox.NamedNode:
            found = named.get(iri)
            if found is None:
                found = named[iri] = ox.NamedNode(str(iri))
            return found

        def term(value):
            if isinstance(value, URIRef):
                return node(value)
            if isinstance(value, Literal):
                if value.language:
                    return ox.Literal(str(value), language=value.language)
                if value.datatype is not None:
                    return ox.Literal(str(value), datatype=node(value.datatype))
                return ox.Literal(str(value))
            raise TypeError(f"no Oxigraph term for {value!r}")  # kg.rdf.dataset makes IRIs and literals only

        return [ox.Quad(term(s), term(p), term(o), node(graph.identifier))
                for graph in self._graphs.values() for s, p, o in graph]


class _TripleList:
    """One named graph of :class:`TripleLists`: its distinct triples in the order added."""

    def __init__(self, identifier: URIRef):
        self.identifier = identifier
        self._triples: dict[tuple, None] = {}

    def add(self, triple: tuple) -> None:
        self._triples[triple] = None

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._triples)


def _article_sizes(resolution: Resolution) -> Counter:
    """Article id → how many mentions and relation mentions its graph is made of."""
    sizes = Counter({article_id: len(keys) for article_id, keys in resolution.mention_entity.items()})
    sizes.update(relation.article for relation in resolution.relations)
    return sizes


def _graph_batches(articles: list[Article], resolution: Resolution, min_confidence: float,
                   batch_size: int, on_problem=None, left_out: set[str] | None = None,
                   mentions_per_batch: int = MENTIONS_PER_BATCH) -> Iterator[list[ox.Quad]]:
    """The quads of every named graph, graphs in kg.rdf.dataset's order (by name), each sorted: the
    ontology and entity graphs on their own, the articles' graphs ``batch_size`` at a time,
    or fewer when they hold ``mentions_per_batch`` mentions and relation mentions."""

    def name(iri) -> str:
        return str(ox.NamedNode(str(iri)))  # "<iri>", as kg.rdf.dataset's sort key compares graph names

    fixed = _ox_quads(build_dataset([], resolution, include_ontology=True))
    by_graph = {key: list(quads) for key, quads in groupby(sorted(fixed, key=_sort_key), key=lambda q: str(q.graph_name))}
    order = sorted([(name(ONTOLOGY_GRAPH), None), (name(ENTITY_GRAPH), None)]
                   + [(name(article_iri(a.id)), a) for a in articles], key=lambda item: item[0])
    pending: list[Article] = []
    sizes = _article_sizes(resolution)
    pending_size = 0

    def flush() -> Iterator[list[ox.Quad]]:
        nonlocal pending_size
        pending_size = 0
        if pending:
            dataset = build_dataset(pending, resolution, include_ontology=False, min_confidence=min_confidence,
                                    include_entities=False, on_problem=on_problem, dataset=TripleLists())
            if left_out is not None:  # an article whose RDF cannot be made (W301) has no graph
                named = {graph.identifier for graph in dataset.graphs()}
                left_out.update(a.id for a in pending if article_iri(a.id) not in named)
            yield sorted(dataset.ox_quads(), key=_sort_key)
            pending.clear()

    for graph, article in order:
        if article is None:
            yield from flush()
            yield by_graph.pop(graph, [])
        else:
            pending.append(article)
            pending_size += sizes[article.id]
            if len(pending) >= batch_size or pending_size >= mentions_per_batch:
                yield from flush()
    yield from flush()


def _triple_key(quad: ox.Quad) -> str:
    """kg.rdf.dataset's order of kg.ttl's triples as one string (NUL sorts before every other character
    and never occurs in an N-Triples term)."""
    return "\0".join((str(quad.subject), "0" if quad.predicate.value == _TYPE else "1",
                      str(quad.predicate), str(quad.object)))


def _merged_triples(runs: list[Path]) -> Iterator[ox.Triple]:
    """The distinct triples of the sorted run files, in order."""
    files = [run.open(encoding="utf-8") for run in runs]
    try:
        merged = (key for key, _ in groupby(heapq.merge(*files)))
        lines: list[str] = []
        for key in merged:
            subject, _, predicate, obj = key.rstrip("\n").split("\0")
            lines.append(f"{subject} {predicate} {obj} .\n")
            if len(lines) >= _LINES_PER_PARSE:
                yield from (quad.triple for quad in ox.parse("".join(lines), format=ox.RdfFormat.N_TRIPLES))
                lines.clear()
        if lines:
            yield from (quad.triple for quad in ox.parse("".join(lines), format=ox.RdfFormat.N_TRIPLES))
    finally:
        for file in files:
            file.close()


def write_outputs_in_batches(articles: Iterable[Article], resolution: Resolution, out_dir: Path,
                             min_confidence: float = 0.0, batch_size: int = ARTICLES_PER_BATCH,
                             on_problem=None, left_out: set[str] | None = None,
                             mentions_per_batch: int = MENTIONS_PER_BATCH) -> tuple[dict[str, Path], int]:
    """Write kg.trig and kg.ttl of ``articles`` into ``out_dir`` as :func:`kg.rdf.dataset.write_outputs`
    writes those of their whole Dataset, ``batch_size`` articles in memory at a time (fewer
    when they hold ``mentions_per_batch`` mentions and relation mentions).
    Returns the paths and the number of quads. With ``on_problem``, an article whose RDF
    cannot be made is reported (W301) and left out, its id added to ``left_out``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"trig": out_dir / "kg.trig", "ttl": out_dir / "kg.ttl"}
    runs_dir = Path(tempfile.mkdtemp(prefix="runs-", dir=out_dir))
    runs: list[Path] = []
    counted = 0

    def quads() -> Iterator[ox.Quad]:
        nonlocal counted
        for batch in _graph_batches(list(articles), resolution, min_confidence, batch_size, on_problem, left_out,
                                    mentions_per_batch):
            counted += len(batch)
            run = runs_dir / f"{len(runs):06d}"
            run.write_text("".join(sorted({_triple_key(q) + "\n" for q in batch})), encoding="utf-8")
            runs.append(run)
            yield from batch

    try:
        partial = {key: path.with_name(path.name + ".partial") for key, path in paths.items()}
        ox.serialize(quads(), str(partial["trig"]), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        pause_point("trig-written")  # for tests of builds killed half-way through writing
        ox.serialize(_merged_triples(runs), str(partial["ttl"]), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        for key, path in paths.items():
            os.replace(partial[key], path)
    finally:
        shutil.rmtree(runs_dir, ignore_errors=True)
    return paths, counted
