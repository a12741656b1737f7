"""`kg eval`: the team's scorers on a fresh build. The figures are the acceptance bars of the
entity, resolution and relation work: a regression in any stage shows up here."""
from __future__ import annotations

import re

import pytest

from kg.evaluate import evaluate

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def report():
    return evaluate()


def figures(line: str) -> dict[str, tuple[int, int]]:
    return {name: (int(a), int(b)) for name, a, b in re.findall(r"([a-z][a-z -]+?) (\d+)/(\d+)", line)}


def test_seed_figures(report):
    [line] = [l for l in report.splitlines() if l.startswith("seeds:")]
    got = figures(line.removeprefix("seeds: "))
    assert got["entity types"] == (37, 37)
    assert got["one-node"][0] >= 36
    assert got["must"] == (12, 12)
    assert got["must-not kept"] == (5, 5)
    assert got["stretch"][0] >= 2
    assert got["positions"][0] >= 10


def test_event_figures(report):
    [line] = [l for l in report.splitlines() if l.startswith("events:")]
    f1, precision = map(float, re.search(r"tuple F1 ([\d.]+) \(P ([\d.]+)", line).groups())
    assert f1 >= 0.55 and precision >= 0.70
