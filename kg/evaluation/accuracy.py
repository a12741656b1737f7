"""Per-relation precision and recall on article gold, and the ``docs/accuracy.md`` report.

Precision: every asserted relation mention of an article with gold is judged *supported*, *same
type*, *unsupported* or *contradicted* exactly as the bundled ``score_precision.py`` judges it
(its own helper functions do the matching), and counted under the mention's relation property.
Recall: a ``must`` or ``stretch`` gold record is found when the graph has a direct triple of one
of its relations between nodes named by its aliases, exactly as ``score_seeds.py`` checks it;
a record that lists several acceptable relations is counted under the first it lists.
Summed over the relations, the counts are the scorers' own totals (tests/evaluation/test_accuracy.py).

Examples
--------
>>> markdown_cell("a|b\\nc")
'a\\\\|b c'
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph
from rdflib.namespace import DCTERMS, PROV, RDF

from kg.evaluation.evaluate import Evaluation, scorer

__all__ = ["VERDICTS", "RelationFigures", "judge_mentions", "found_records", "relation_figures",
           "source_version", "markdown_cell", "accuracy_markdown"]

VERDICTS = ("supported", "same type", "unsupported", "contradicted", "no entity on one side")


@dataclass
class RelationFigures:
    """Precision and recall figures of one relation property on article gold."""

    relation: str
    plover: str | None
    supported: int = 0
    same_type: int = 0
    unsupported: int = 0
    contradicted: int = 0
    not_judged: int = 0  # asserted mentions with no entity on one side
    must_found: int = 0
    must_total: int = 0
    stretch_found: int = 0
    stretch_total: int = 0

    @property
    def judged(self) -> int:
        return self.supported + self.same_type + self.unsupported + self.contradicted

    @property
    def strict(self) -> float | None:
        """Share of judged mentions the gold supports with this very relation."""
        return self.supported / self.judged if self.judged else None

    @property
    def lenient(self) -> float | None:
        """Share of judged mentions the gold supports with a relation of the same PLOVER type."""
        return (self.supported + self.same_type) / self.judged if self.judged else None

    def count(self, verdict: str) -> None:
        """Count one mention judged ``verdict`` (one of :data:`VERDICTS`)."""
        field = {"same type": "same_type", "no entity on one side": "not_judged"}.get(verdict, verdict)
        setattr(self, field, getattr(self, field) + 1)


def _gold_records(gold_dir: Path) -> list[dict]:
    with (Path(gold_dir) / "seed_relations.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def judge_mentions(graph: Graph, records: Iterable[dict]) -> Iterator[tuple[str, str]]:
    """(relation, verdict) for each asserted mention of an article with gold, as score_precision.py judges it."""
    precision = scorer("score_precision")
    kg = precision.KG
    by_article = defaultdict(list)
    for record in records:
        by_article[record.get("article")].append(record)
    for mention in graph.subjects(RDF.type, kg.RelationMention):
        if str(graph.value(mention, kg.modality) or "asserted") != "asserted":
            continue
        article = graph.value(mention, PROV.wasDerivedFrom)
        ident = str(graph.value(article, DCTERMS.identifier)) if article is not None else None
        if ident not in by_article:
            continue
        s, o = graph.value(mention, RDF.subject), graph.value(mention, RDF.object)
        relation = str(graph.value(mention, RDF.predicate)).split("#")[-1]
        if s is None or o is None or not set(graph.objects(s, RDF.type)) & precision.ENTITY_TYPES \
                or not set(graph.objects(o, RDF.type)) & precision.ENTITY_TYPES:
            yield relation, "no entity on one side"
            continue
        fitting = [r for r in by_article[ident]
                   if precision.fits(graph, s, r["subject"]) and precision.fits(graph, o, r["object"])]
        stated = [r for r in fitting if r["level"] in ("must", "stretch")]
        if any(relation in precision.relations_of(r) for r in stated):
            yield relation, "supported"
        elif any(precision.PLOVER.get(relation) in {precision.PLOVER.get(x) for x in precision.relations_of(r)}
                 for r in stated):
            yield relation, "same type"
        elif any(relation in precision.relations_of(r) for r in fitting if r["level"] == "must_not"):
            yield relation, "contradicted"
        else:
            yield relation, "unsupported"


def found_records(graph: Graph, records: Iterable[dict]) -> Iterator[tuple[dict, bool]]:
    """Each ``must`` and ``stretch`` record, and whether the graph asserts it (score_seeds.py's rule)."""
    seeds = scorer("score_seeds")
    for record in records:
        if record["level"] not in ("must", "stretch"):
            continue
        relations = record["relation"] if isinstance(record["relation"], list) else [record["relation"]]
        yield record, any(seeds.matches(graph, s, record["subject"]) and seeds.matches(graph, o, record["object"])
                          for relation in relations for s, o in graph.subject_objects(seeds.KG[relation]))


def relation_figures(graph_file: Path, gold_dir: Path) -> list[RelationFigures]:
    """Per-relation precision and recall of a built graph on the gold in ``gold_dir``, by relation name."""
    plover = scorer("score_precision").PLOVER
    graph = scorer("score_precision").load(str(graph_file))
    records = _gold_records(gold_dir)
    figures: dict[str, RelationFigures] = {}

    def of(relation: str) -> RelationFigures:
        return figures.setdefault(relation, RelationFigures(relation, plover.get(relation)))

    for relation, verdict in judge_mentions(graph, records):
        of(relation).count(verdict)
    for record, found in found_records(graph, records):
        relation = record["relation"][0] if isinstance(record["relation"], list) else record["relation"]
        row = of(relation)
        if record["level"] == "must":
            row.must_total += 1
            row.must_found += found
        else:
            row.stretch_total += 1
            row.stretch_found += found
    return sorted(figures.values(), key=lambda row: row.relation)


def source_version(folder: Path | None = None) -> str:
    """The git commit of the source tree (``unknown`` outside a checkout), flagging uncommitted code."""
    folder = folder or Path(__file__).resolve().parents[2]  # the checkout that holds kg/

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                              check=True).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--untracked-files=no", "--", "kg", "ontology")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{commit} with uncommitted changes in kg/ or ontology/" if changed else commit


def markdown_cell(text: object) -> str:
    """Text that stays inside one Markdown table cell: ``|`` and backslashes escaped, newlines as spaces."""
    return " ".join(str(text).replace("\\", "\\\\").replace("|", "\\|").split())


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _table(header: list[str], rows: Iterable[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(markdown_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def accuracy_markdown(evaluation: Evaluation, when: dt.datetime | None = None, version: str | None = None) -> str:
    """docs/accuracy.md: the scorers' figures and the per-relation table of the news dev set."""
    when = when or dt.datetime.now(dt.timezone.utc)
    version = version or source_version()
    rows = evaluation.relations
    lines = [
        "# Accuracy",
        "",
        f"Measured {when:%Y-%m-%d %H:%M} UTC at commit {version}.",
        "Regenerate with `kg eval --markdown docs/accuracy.md` (it builds everything afresh: about 15 s).",
        "",
        "## The scorers' figures",
        "",
        "- `seeds:` — `score_seeds.py` on a build of the two sample articles (kg/samples/) against their gold;",
        "- `events:` — `score_events.py` on `kg extract` of 151 PLOVER-coded sentences (gold/plover_dev.jsonl);",
        "- `news dev seeds:` — `score_seeds.py` on a build of the 40 Wikinews dev articles against the gold",
        "  of 30 of them;",
        "- `news dev precision:` — `score_precision.py` on the same build: how many asserted mentions between",
        "  entities the article gold supports.",
        "",
        "```",
        *evaluation.figure_lines(),
        "```",
        "",
    ]
    if rows:
        lines += [
            "## Per relation on the news dev gold",
            "",
            "Asserted relation mentions between entities in the 30 articles with gold, judged as",
            "`score_precision.py` judges them: *supported* (a must/stretch record of the article names that",
            "relation between those actors), *same type* (another relation of the same PLOVER type),",
            "*contradicted* (a must-not record), *unsupported* (no record: most likely wrong). *Strict* is",
            "supported / judged, *lenient* adds same type; *no entity* counts mentions with an unknown",
            "actor on one side (not judged). *Must* and *stretch* are the gold records found as a direct",
            "triple, as `score_seeds.py` finds them; a record listing several acceptable relations is",
            "counted under the first it lists.",
            "",
            *_table(["relation", "PLOVER", "judged", "supported", "same type", "unsupported", "contradicted",
                     "strict", "lenient", "no entity", "must", "stretch"],
                    ([f"kg:{r.relation}", r.plover or "", r.judged, r.supported, r.same_type, r.unsupported,
                      r.contradicted, _share(r.strict), _share(r.lenient), r.not_judged,
                      f"{r.must_found}/{r.must_total}", f"{r.stretch_found}/{r.stretch_total}"] for r in rows)),
            "",
        ]
    return "\n".join(lines)
