"""`kg extract`: JSON Lines exactly as DESIGN.md §4."""
from __future__ import annotations

import json

import pytest

from kg import cli

pytestmark = pytest.mark.model

ACTOR_KEYS = {"label", "text", "type", "country"}


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extract")
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "a-1", "text": "Syrian forces shelled Homs on Tuesday.", "date": "2024-05-02"},
        {"id": "a-2", "text": "Iran plans to seize Kuwait. Venezuela has been subject to sanctions."},
    ]), encoding="utf-8")
    return folder / "feed.jsonl"


def run(capsys, path):
    assert cli.main(["extract", str(path)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_one_json_object_per_relation_mention(capsys, records):
    lines = run(capsys, records)
    assert [(r["article"], r["relation"], r["modality"]) for r in lines] == [
        ("a-1", "attacked", "asserted"), ("a-2", "occupied", "intended"), ("a-2", "sanctioned", "asserted")]
    first = lines[0]
    assert {"article", "sentence", "relation", "plover", "cameo", "modality", "subject", "object", "date"} <= set(first)
    assert (first["plover"], first["cameo"], first["date"]) == ("ASSAULT", "194", "2024-04-30")
    assert first["sentence"] == "Syrian forces shelled Homs on Tuesday."
    assert ACTOR_KEYS <= set(first["subject"]) and ACTOR_KEYS <= set(first["object"])
    assert first["subject"] | {"iri": None} == {"label": "Syria", "text": "Syrian forces", "type": "State",
                                                 "country": "SYR", "sector": "military", "iri": None}
    assert (first["object"]["label"], first["object"]["type"], first["object"]["country"]) == ("Homs", "City", "SYR")


def test_an_unnamed_actor_is_explicit(capsys, records):
    sanctioned = run(capsys, records)[-1]
    assert sanctioned["subject"] == {"label": None, "text": "", "type": "Unknown", "country": None}
    assert sanctioned["object"]["label"] == "Venezuela" and sanctioned["date"] is None


def test_an_unnamed_actor_keeps_its_nationality(capsys, tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a-3", "text": "Malian rebels seized the town of Kidal."}), encoding="utf-8")
    seized = [r for r in run(capsys, path) if r["relation"] == "occupied"]
    assert seized and seized[0]["subject"]["label"] is None, seized
    assert (seized[0]["subject"]["country"], seized[0]["subject"]["sector"]) == ("MLI", "rebels"), seized
