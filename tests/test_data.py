"""Data files and the objects loaded from them."""
from __future__ import annotations

import gc

import pytest

from kg.data import long_lived


def test_objects_made_long_lived_are_out_of_the_collectors_sight_and_it_runs_again_after():
    frozen = gc.get_freeze_count()
    with long_lived():
        assert not gc.isenabled()
        made = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(made)
    collected = {id(x) for x in gc.get_objects()}  # what a collection scans
    assert not any(id(x) in collected for x in made)


def test_a_collector_turned_off_stays_off_and_a_failure_freezes_nothing():
    gc.disable()
    try:
        with long_lived():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    frozen = gc.get_freeze_count()
    with pytest.raises(ValueError):
        with long_lived():
            raise ValueError("unreadable")
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_every_word_class_the_rules_look_up_has_words():
    import re
    from pathlib import Path

    from kg.data import read_tsv, word_class
    source = "".join(p.read_text(encoding="utf-8") for p in (Path(__file__).parent.parent / "kg").rglob("*.py"))
    used = set(re.findall(r'word_class\("([^"]+)"\)', source))
    listed = {row["role"] for row in read_tsv("word_classes.tsv")}
    assert used and used == listed, (used - listed, listed - used)
    assert all(word_class(role) for role in used)
