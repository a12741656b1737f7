"""``kg eval``: the team's scorers on the bundled gold, run on fresh builds.

The figures, from the unchanged scorers in ``kg/evaluation`` (copies of shared/eval):

* ``seeds:`` — the sample corpus is built into a temporary folder and its kg.ttl scored by
  ``score_seeds.py`` against ``gold/seed_*.jsonl``;
* ``events:`` — the PLOVER-coded sentences of ``gold/plover_dev.jsonl`` are turned into
  articles, run through ``kg extract``, and scored by ``score_events.py``;
* ``news dev seeds:`` and ``news dev precision:`` — the 40 Wikinews articles of
  ``news/wikinews_dev.jsonl`` are built once and scored by ``score_seeds.py`` and
  ``score_precision.py`` against ``gold/news_dev/``; each line the scorers print is prefixed
  with ``news dev `` and otherwise kept as it is. The same build gives the per-relation
  figures of :mod:`kg.evaluation.accuracy`.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from kg.errors import KGError

if TYPE_CHECKING:
    from kg.evaluation.accuracy import RelationFigures

__all__ = ["NEWS_PREFIX", "evaluation_dir", "news_articles", "scorer", "score_seeds", "score_events",
           "score_precision", "Evaluation", "evaluation", "evaluate"]

NEWS_PREFIX = "news dev "  # before each line the scorers print for the news dev set


def evaluation_dir() -> Path:
    """The bundled scorers and gold files."""
    return Path(str(resources.files("kg") / "evaluation"))


def news_articles() -> Path:
    """The bundled news dev articles (JSON Lines, Wikinews)."""
    return evaluation_dir() / "news" / "wikinews_dev.jsonl"


@lru_cache(maxsize=None)
def scorer(name: str) -> ModuleType:
    """A scorer script loaded as a module from its file (they are the team's scripts, kept
    unchanged beside this module, not modules of newsgraph)."""
    path = evaluation_dir() / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"kg_evaluation_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(name: str, argv: list[str]) -> str:
    """What a scorer prints for these arguments."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        scorer(name).main([f"{name}.py", *argv])
    return printed.getvalue()


def _gold(gold: Path | None) -> Path:
    folder = Path(gold) if gold else evaluation_dir() / "gold"
    if not (folder / "seed_entities.jsonl").is_file():
        raise KGError("E501", f"no gold files in {folder} (seed_entities.jsonl, plover_dev.jsonl …)")
    return folder


def score_seeds(graph_file: Path, gold: Path | None = None, verbose: bool = False) -> str:
    """score_seeds.py's output for a graph, against the gold in ``gold`` (default: the sample corpus's)."""
    return _run("score_seeds", [str(graph_file), "--gold", str(_gold(gold))] + (["--verbose"] if verbose else []))


def score_events(records_file: Path, gold: Path | None = None, show: int = 0) -> str:
    """score_events.py's output for ``kg extract`` records of the PLOVER sentences."""
    argv = [str(_gold(gold) / "plover_dev.jsonl"), str(records_file)]
    return _run("score_events", argv + (["--show", str(show)] if show else []))


def score_precision(graph_file: Path, gold_dir: Path, verbose: bool = False) -> str:
    """score_precision.py's output for a graph, against the article gold in ``gold_dir``."""
    return _run("score_precision", [str(graph_file), "--gold", str(gold_dir)] + (["--verbose"] if verbose else []))


def _prefixed(text: str, prefix: str) -> str:
    return "".join(prefix + line for line in text.splitlines(keepends=True))


@dataclass
class Evaluation:
    """What ``kg eval`` measured: the scorers' output and the news dev per-relation figures.

    ``news_seeds`` and ``news_precision`` are empty when the gold folder has no ``news_dev/``.
    """

    seeds: str
    events: str
    news_seeds: str = ""
    news_precision: str = ""
    relations: list[RelationFigures] = field(default_factory=list)  # by relation name
    verbose: bool = False  # the outputs list each failed check too

    @property
    def text(self) -> str:
        """Everything the scorers printed, the news dev lines prefixed with :data:`NEWS_PREFIX`."""
        return (self.seeds + self.events + _prefixed(self.news_seeds, NEWS_PREFIX)
                + _prefixed(self.news_precision, NEWS_PREFIX))

    def figure_lines(self) -> list[str]:
        """The lines with figures: everything the scorers print unless verbose, else their summary lines."""
        outputs = [self.seeds, self.events, _prefixed(self.news_seeds, NEWS_PREFIX),
                   _prefixed(self.news_precision, NEWS_PREFIX)]
        if not self.verbose:
            return [line for output in outputs for line in output.splitlines()]
        return [output.splitlines()[-1] for output in outputs if output.strip()]


def _extracted_plover(gold: Path, work: Path, model: str | None) -> Path:
    """``kg extract`` records of the PLOVER sentences, in a file of ``work``."""
    from kg.pipeline import extract

    articles = work / "plover_articles.jsonl"
    with articles.open("w", encoding="utf-8") as handle:
        scorer("score_events").to_articles(str(gold / "plover_dev.jsonl"), handle)
    records = work / "plover_extracted.jsonl"
    with records.open("w", encoding="utf-8") as handle:
        for record in extract([articles], model):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records


def evaluation(gold: Path | None = None, model: str | None = None, verbose: bool = False) -> Evaluation:
    """All figures: a fresh sample build, the PLOVER sentences extracted, a fresh news dev build."""
    from kg.evaluation.accuracy import relation_figures
    from kg.pipeline import build

    gold = _gold(gold)
    news_gold = gold / "news_dev"
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as work:
        work = Path(work)
        result = build(out_dir=work / "sample", model=model, explorer=False)
        measured = Evaluation(score_seeds(result.paths["ttl"], gold, verbose),
                              score_events(_extracted_plover(gold, work, model), gold, 20 if verbose else 0),
                              verbose=verbose)
        if (news_gold / "seed_relations.jsonl").is_file():
            news = build([news_articles()], out_dir=work / "news", model=model, explorer=False)
            measured.news_seeds = score_seeds(news.paths["ttl"], news_gold, verbose)
            measured.news_precision = score_precision(news.paths["ttl"], news_gold, verbose)
            measured.relations = relation_figures(news.paths["ttl"], news_gold)
    return measured


def evaluate(gold: Path | None = None, model: str | None = None, verbose: bool = False) -> str:
    """What ``kg eval`` prints: every scorer's output (see :func:`evaluation`)."""
    return evaluation(gold, model, verbose).text
