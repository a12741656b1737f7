"""``kg eval``: the team's scorers on the bundled gold, run on a fresh build.

Two figures, from the unchanged scorers in ``kg/evaluation`` (copies of shared/eval):

* ``seeds:`` — the sample corpus is built into a temporary folder and its kg.ttl scored by
  ``score_seeds.py`` against ``gold/seed_*.jsonl``;
* ``events:`` — the PLOVER-coded sentences of ``gold/plover_dev.jsonl`` are turned into
  articles, run through ``kg extract``, and scored by ``score_events.py``.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType

from kg.errors import KGError

__all__ = ["evaluation_dir", "score_seeds", "score_events", "evaluate"]


def evaluation_dir() -> Path:
    """The bundled scorers and gold files."""
    return Path(str(resources.files("kg") / "evaluation"))


@lru_cache(maxsize=None)
def _scorer(name: str) -> ModuleType:
    """A scorer script loaded as a module (they are scripts, not part of the package)."""
    path = evaluation_dir() / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"kg_evaluation_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(name: str, argv: list[str]) -> str:
    """What a scorer prints for these arguments."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        _scorer(name).main([f"{name}.py", *argv])
    return printed.getvalue()


def _gold(gold: Path | None) -> Path:
    folder = Path(gold) if gold else evaluation_dir() / "gold"
    if not (folder / "seed_entities.jsonl").is_file():
        raise KGError("E501", f"no gold files in {folder} (seed_entities.jsonl, plover_dev.jsonl …)")
    return folder


def score_seeds(graph_file: Path, gold: Path | None = None, verbose: bool = False) -> str:
    """score_seeds.py's output for a graph built from the sample corpus."""
    return _run("score_seeds", [str(graph_file), "--gold", str(_gold(gold))] + (["--verbose"] if verbose else []))


def score_events(records_file: Path, gold: Path | None = None, show: int = 0) -> str:
    """score_events.py's output for ``kg extract`` records of the PLOVER sentences."""
    argv = [str(_gold(gold) / "plover_dev.jsonl"), str(records_file)]
    return _run("score_events", argv + (["--show", str(show)] if show else []))


def evaluate(gold: Path | None = None, model: str | None = None, verbose: bool = False) -> str:
    """Both scorers' output: a fresh sample build, and the PLOVER sentences extracted."""
    from kg.pipeline import build, extract

    gold = _gold(gold)
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as work:
        work = Path(work)
        result = build(out_dir=work / "sample", model=model, explorer=False)
        seeds = score_seeds(result.paths["ttl"], gold, verbose)
        articles = work / "plover_articles.jsonl"
        with articles.open("w", encoding="utf-8") as handle:
            _scorer("score_events").to_articles(str(gold / "plover_dev.jsonl"), handle)
        records = work / "plover_extracted.jsonl"
        with records.open("w", encoding="utf-8") as handle:
            for record in extract([articles], model):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        events = score_events(records, gold, 20 if verbose else 0)
    return seeds + events
