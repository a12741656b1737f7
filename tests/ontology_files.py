"""Reading the data files of ontology/ in tests, independently of the code that loads them."""
from __future__ import annotations

import csv
from pathlib import Path

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"


def read(name: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a data file; '#' lines are comments."""
    with (ONTOLOGY / name).open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    header, *rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return header, rows


def table(name: str) -> list[dict[str, str]]:
    header, rows = read(name)
    return [dict(zip(header, row)) for row in rows]
