"""`kg eval`: the team's scorers on fresh builds. The figures are the acceptance bars of the
entity, resolution and relation work: a regression in any stage shows up here."""
from __future__ import annotations

import hashlib
import re

import pytest

from kg.evaluation.evaluate import NEWS_PREFIX, evaluation_dir

# The bundled scorers are copies of shared/eval; a change to them must be a deliberate copy.
SCORER_SHA256 = {
    "score_events.py": "de1977f7e08660ff915ba2a203239203edcc866637c029ee25e1ab2ea8e8f02c",
    "score_precision.py": "09dd29ef91eefbce51a57ad461b87392929bb56db5a0e410a5a454a87d006ea2",
    "score_seeds.py": "711dea921d388241f7613153528800c51952313fe650df8d42630233b22fe758",
}


@pytest.fixture(scope="module")
def report(measured):
    return measured.text


def figures(line: str) -> dict[str, tuple[int, int]]:
    return {name: (int(a), int(b)) for name, a, b in re.findall(r"([a-z][a-z -]+?) (\d+)/(\d+)", line)}


def the_line(report: str, prefix: str) -> str:
    [line] = [l for l in report.splitlines() if l.startswith(prefix)]
    return line.removeprefix(prefix)


def test_bundled_scorers_are_the_recorded_copies():
    bundled = {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
               for path in sorted(evaluation_dir().glob("score_*.py"))}
    assert bundled == SCORER_SHA256


@pytest.mark.model
@pytest.mark.slow
def test_seed_figures(report):
    got = figures(the_line(report, "seeds: "))
    assert got["entity types"] == (37, 37)
    assert got["one-node"][0] >= 36
    assert got["must"] == (12, 12)
    assert got["must-not kept"] == (5, 5)
    assert got["stretch"][0] >= 2
    assert got["positions"][0] >= 10


@pytest.mark.model
@pytest.mark.slow
def test_event_figures(report):
    line = the_line(report, "events: ")
    f1, precision = map(float, re.search(r"tuple F1 ([\d.]+) \(P ([\d.]+)", line).groups())
    assert f1 >= 0.68 and precision >= 0.80  # the bar; 0.686 (P 0.816) at the end of the fourth session


@pytest.mark.model
@pytest.mark.slow
def test_news_dev_figures(report):
    got = figures(the_line(report, NEWS_PREFIX + "seeds: "))
    # denominators: every gold record of the bundled news_dev/ was scored
    assert {name: total for name, (_, total) in got.items()} == {
        "entity types": 435, "one-node": 435, "must": 59, "stretch": 143, "must-not kept": 87, "positions": 116}
    # bars: the figures at the end of the second session (420, 421, 44, 12, 87, 94) less a small margin
    assert got["entity types"][0] >= 412
    assert got["one-node"][0] >= 412
    assert got["must"][0] >= 43
    assert got["stretch"][0] >= 12
    assert got["must-not kept"][0] >= 86
    assert got["positions"][0] >= 89


@pytest.mark.model
@pytest.mark.slow
def test_news_dev_precision(report):
    line = the_line(report, NEWS_PREFIX + "precision: ")
    judged = int(re.search(r"asserted mentions between entities (\d+);", line).group(1))
    strict, lenient = map(float, re.search(r"strict ([\d.]+) lenient ([\d.]+)", line).groups())
    assert judged >= 20  # so few judged mentions would make the share meaningless
    assert strict >= 0.85 and lenient >= strict  # 0.90 (35 of 39) now; 0.28 before the precision work
