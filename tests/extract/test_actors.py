"""Actors: when the two sides of a relation are one actor."""
from __future__ import annotations

import pytest

from kg.extract.actors import Actor, same_actor
from kg.extract.entities import Mention


def kenya(sector=None, reference=False):
    return Actor(Mention("Kenya", "Kenya", "State", 0, 1, 0, 5, "KEN", reference=reference), "Kenya", sector)


@pytest.mark.parametrize("a, b, same", [
    # a state named bare acts as its government: "Kenya called on the authorities" (Kenya's) is one actor
    (kenya(), kenya("government"), True),
    (kenya("government"), kenya(), True),
    # two sectors of one state are two actors: "Kenyan police arrested Kenyan protesters"
    (kenya("police"), kenya("civilians"), False),
    (kenya(), kenya("police"), False),
    # a reference to the state itself is the state
    (kenya("police"), kenya(reference=True), True),
])
def test_same_actor(a, b, same):
    assert same_actor(a, b) is same
