"""Judging a graph by hand: a sample of its asserted relation mentions as TSV, and the judged sample's scores.

The sample is spread over articles (round robin over the articles in a shuffled order, each
article's mentions shuffled too) and fixed by a seed, so two people can judge the same rows.
Each row carries what the graph says about one ``kg:RelationMention`` and six empty columns
for the judge:

* ``sense_ok`` — the relation is what the sentence says (the trigger has that sense);
* ``subject_ok``, ``object_ok`` — the actors are the right entities (right node, right type);
* ``modality_ok`` — the sentence asserts it (not negated, conditional, planned, a question …);
* ``verdict`` — ``ok`` when a reader of the graph would not be misled by it (right, or wrong
  only in a detail that changes nothing; ``minor`` says the latter outright), ``misleading`` otherwise;
* ``note`` — free text.

The four ``_ok`` columns take ``y``/``n`` (also yes/no, 1/0, true/false). A row whose judge
columns are all empty is not judged yet; one with some of them empty is incomplete. Both are
left out of the shares and counted.

Examples
--------
>>> judged_value("Yes", "sense_ok", 2)
True
>>> spread_sample({"a": [1, 2, 3], "b": [4]}, 3, seed=1)
[1, 4, 3]
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.errors import KGError
from kg.rdf.dataset import KG

__all__ = ["MENTION_COLUMNS", "JUDGE_COLUMNS", "OK_COLUMNS", "VERDICTS", "load_graph", "asserted_mentions",
           "spread_sample", "sample_mentions", "write_sample", "read_judged", "judged_value", "AuditScore",
           "score_judged"]

MENTION_COLUMNS = ("id", "article_id", "article_title", "sentence", "subject_label", "subject_text",
                   "relation", "object_label", "object_text", "modality", "trigger", "confidence", "reported_by")
OK_COLUMNS = ("sense_ok", "subject_ok", "object_ok", "modality_ok")
JUDGE_COLUMNS = (*OK_COLUMNS, "verdict", "note")
VERDICTS = {"ok": True, "minor": True, "misleading": False}
_YES, _NO = {"y", "yes", "1", "true"}, {"n", "no", "0", "false"}


def load_graph(folder: Path) -> Graph:
    """The merged graph (kg.ttl) of a ``kg build`` output folder."""
    path = Path(folder) / "kg.ttl"
    if not path.is_file():
        raise KGError("E601", f"no graph in {folder} (kg.ttl); build one with kg build -o {folder}")
    return Graph().parse(path, format="turtle")


def _text(graph: Graph, node, prop: URIRef) -> str:
    value = graph.value(node, prop) if node is not None else None
    return "" if value is None else " ".join(str(value).split())  # one line: a TSV cell


def asserted_mentions(graph: Graph, min_confidence: float = 0.0) -> list[dict[str, str]]:
    """Every asserted relation mention of a graph with a confidence of at least ``min_confidence`` (those of
    the build's threshold make its direct triples) as a row of :data:`MENTION_COLUMNS`, in IRI order."""
    rows = []
    for mention in sorted(set(graph.subjects(RDF.type, KG.RelationMention))):
        modality = _text(graph, mention, KG.modality) or "asserted"  # as the scorers read a missing modality
        confidence = graph.value(mention, KG.confidence)
        if modality != "asserted" or (confidence is not None and float(confidence) < min_confidence):
            continue
        article = graph.value(mention, PROV.wasDerivedFrom)
        subject, obj = graph.value(mention, RDF.subject), graph.value(mention, RDF.object)
        rows.append({
            "id": str(mention),
            "article_id": _text(graph, article, DCTERMS.identifier),
            "article_title": _text(graph, article, DCTERMS.title),
            "sentence": _text(graph, mention, KG.sentence),
            "subject_label": _text(graph, subject, RDFS.label),
            "subject_text": _text(graph, mention, KG.subjectText),
            "relation": str(graph.value(mention, RDF.predicate) or "").rpartition("#")[2],
            "object_label": _text(graph, obj, RDFS.label),
            "object_text": _text(graph, mention, KG.objectText),
            "modality": modality,
            "trigger": _text(graph, mention, KG.trigger),
            "confidence": _text(graph, mention, KG.confidence),
            "reported_by": _text(graph, graph.value(mention, KG.reportedBy), RDFS.label),
        })
    return rows


def spread_sample(groups: dict[str, list], n: int, seed: int = 0) -> list:
    """``n`` items drawn round robin from shuffled groups (articles), reproducible for a seed."""
    rng = random.Random(seed)
    queues = []
    for key in sorted(groups):
        items = list(groups[key])
        rng.shuffle(items)
        queues.append(items)
    rng.shuffle(queues)
    sample = []
    while len(sample) < n and any(queues):
        for queue in queues:
            if queue and len(sample) < n:
                sample.append(queue.pop())
    return sample


def sample_mentions(rows: Iterable[dict[str, str]], n: int, seed: int = 0) -> list[dict[str, str]]:
    """``n`` of the mention rows, spread over their articles (see :func:`spread_sample`)."""
    by_article: dict[str, list] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    return spread_sample(by_article, n, seed)



def write_sample(rows: Iterable[dict[str, str]], handle: IO[str]) -> None:
    """The rows as TSV with a header, the judge's columns empty."""
    writer = csv.DictWriter(handle, fieldnames=(*MENTION_COLUMNS, *JUDGE_COLUMNS), dialect="excel-tab",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, **{column: "" for column in JUDGE_COLUMNS}})


def read_judged(handle: IO[str]) -> list[dict[str, str]]:
    """The rows of a judged TSV (as :func:`write_sample` wrote it, or saved by a spreadsheet)."""
    reader = csv.DictReader(handle, dialect="excel-tab")
    missing = [c for c in JUDGE_COLUMNS[:-1] if c not in (reader.fieldnames or ())]
    if missing:
        raise KGError("E602", f"not an audit sheet: no column {', '.join(missing)}")
    return list(reader)


def judged_value(cell: str, column: str, line: int) -> bool | None:
    """A judge's cell as True/False, None when empty; anything else is an error naming the line."""
    value = (cell or "").strip().lower()
    if not value:
        return None
    if column == "verdict":
        if value in VERDICTS:
            return VERDICTS[value]
        expected = " or ".join(VERDICTS)
    elif value in _YES | _NO:
        return value in _YES
    else:
        expected = "y or n"
    raise KGError("E603", f"line {line}, {column}: {cell.strip()!r} is not {expected}")


@dataclass
class AuditScore:
    """How a judged sample came out."""

    rows: int
    judged: int
    incomplete: int
    right: dict[str, int]  # column of OK_COLUMNS -> rows judged right in it
    all_four: int
    not_misleading: int

    def __str__(self) -> str:
        def share(count: int) -> str:
            return f"{count / self.judged:.2f}" if self.judged else "–"

        columns = " ".join(f"{c.removesuffix('_ok')} {share(self.right[c])}" for c in OK_COLUMNS)
        return (f"audit: judged {self.judged} of {self.rows} ({self.incomplete} incomplete); "
                f"right in all four {share(self.all_four)} ({self.all_four}/{self.judged}); {columns}; "
                f"would not mislead {share(self.not_misleading)} ({self.not_misleading}/{self.judged})")


def score_judged(rows: list[dict[str, str]]) -> AuditScore:
    """The shares right in each of the four columns, in all four, and not misleading."""
    judged = incomplete = all_four = not_misleading = 0
    right = dict.fromkeys(OK_COLUMNS, 0)
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        values = {c: judged_value(row.get(c) or "", c, line) for c in (*OK_COLUMNS, "verdict")}
        if all(v is None for v in values.values()):
            continue
        if any(v is None for v in values.values()):
            incomplete += 1
            continue
        judged += 1
        for column in OK_COLUMNS:
            right[column] += values[column]
        all_four += all(values[c] for c in OK_COLUMNS)
        not_misleading += values["verdict"]
    return AuditScore(len(rows), judged, incomplete, right, all_four, not_misleading)
