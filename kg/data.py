"""Where the project's data files live, and how they are read.

Knowledge (lexicons, the ontology) is kept as files under ``ontology/``; code loads it from
here. Installed from a wheel the folder is ``kg/ontology``; in a source checkout (and an
editable install) it is the repository's top-level ``ontology/``.

Examples
--------
>>> ontology_path("kg.ttl").name
'kg.ttl'
"""
from __future__ import annotations

import csv
import gc
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

__all__ = ["ontology_dir", "ontology_path", "read_tsv", "word_list", "long_lived"]


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """The folder holding kg.ttl and the lexicon files."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "ontology", package.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError("newsgraph's ontology folder is missing (looked beside and above the kg package)")


def ontology_path(name: str) -> Path:
    """Path of one data file in the ontology folder."""
    return ontology_dir() / name


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; ``#`` lines are comments."""
    with ontology_path(name).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


@lru_cache(maxsize=None)
def word_class(role: str) -> frozenset[str]:
    """The words of one class of ``word_classes.tsv`` ("speech act", "phone", "claim noun" …), read once."""
    return frozenset(row["word"] for row in read_tsv("word_classes.tsv") if row["role"] == role)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The head words of the titles of ontology/titles.tsv ("manager", "minister"): the holder
    of an office "of X" acts for X."""
    return frozenset(row["title"].split()[-1].lower() for row in read_tsv("titles.tsv"))


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The words of the first column of a data file (a list such as ``patient_nouns.tsv``), read once."""
    return frozenset(next(iter(row.values())) for row in read_tsv(name))


@contextmanager
def long_lived():
    """Objects made inside live as long as the process (the model, the gazetteer, the lexicons):
    no cyclic garbage collection while they are made, and out of its sight after.

    Python's collector scans every object still alive each time enough new ones are made: while
    the hundreds of thousands of objects of a gazetteer were made it scanned them again and
    again (40 % of the time a gazetteer took to build), and after, every full collection of a
    build scanned them once more. :func:`gc.freeze` moves them out of its sight.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
