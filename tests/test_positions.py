"""Positions: titles given beside a person's name, and whose office they are."""
from __future__ import annotations

import pytest

from kg.positions import find_positions
from tests.conftest import analyse


def positions(nlp, annotated):
    return [(p.person.label, p.title, p.of.label if p.of else None) for p in find_positions(analyse(nlp, annotated))]


@pytest.mark.parametrize("annotated, expected", [
    # a title before the name, qualified by a nationality word
    ("Chilean/ADJ/amod/1/NORP President/PROPN/compound/3 Ana/PROPN/compound/3/PERSON Soto/PROPN/nsubj/4/PERSON "
     "spoke/VERB/ROOT/-", [("Ana Soto", "President", "Chile")]),
    # … by a state's possessive, with the modifiers of the title kept
    ("Poland~/PROPN/poss/4/GPE ’s/PART/case/0 top/ADJ/amod/4 defence/NOUN/compound/4 official/NOUN/compound/6 "
     "Jan/PROPN/compound/6/PERSON Nowak/PROPN/nsubj/7/PERSON said/VERB/ROOT/-",
     [("Jan Nowak", "top defence official", "Poland")]),
    # … by a city's possessive
    ("Geneva~/PROPN/poss/2/GPE ’s/PART/case/0 Mayor/PROPN/compound/4 Marie/PROPN/compound/4/PERSON "
     "Dubois/PROPN/nsubj/5/PERSON said/VERB/ROOT/-", [("Marie Dubois", "Mayor", "Geneva")]),
    # … by an organisation
    ("NATO/PROPN/compound/1/ORG spokesman/NOUN/compound/3 Tom/PROPN/compound/3/PERSON Berg/PROPN/nsubj/4/PERSON "
     "said/VERB/ROOT/-", [("Tom Berg", "spokesman", "NATO")]),
    # an occupation is a title too: "<Organisation> producer <Name>"
    ("Zorvan/PROPN/compound/1/ORG Radio/PROPN/compound/2/ORG producer/NOUN/compound/4 Lena/PROPN/compound/4/PERSON "
     "Kraus/PROPN/nsubj/5/PERSON said/VERB/ROOT/-", [("Lena Kraus", "producer", "Zorvan Radio")]),
    # a title alone
    ("Mayor/PROPN/compound/2 Tom/PROPN/compound/2/PERSON Berg/PROPN/nsubj/3/PERSON said/VERB/ROOT/-",
     [("Tom Berg", "Mayor", None)]),
    # a title in apposition after the name: "of <place>" ends it …
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/8/PERSON ,/PUNCT/punct/1 the/DET/det/4 mayor/NOUN/appos/1 "
     "of/ADP/prep/4 Geneva/PROPN/pobj/5/GPE ,/PUNCT/punct/1 said/VERB/ROOT/-", [("Tom Berg", "mayor", "Geneva")]),
    # … an organisation before the head is left out of it
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/10/PERSON ,/PUNCT/punct/1 the/DET/det/6 U.N./PROPN/compound/6/ORG "
     "High/PROPN/compound/6 Commissioner/PROPN/appos/1 for/ADP/prep/6 Refugees/PROPN/pobj/7 ,/PUNCT/punct/1 "
     "said/VERB/ROOT/-", [("Ana Soto", "High Commissioner for Refugees", "United Nations")]),
    # a title in apposition before the name, its clause left out
    ("the/DET/det/1 head/NOUN/nsubj/11 of/ADP/prep/1 the/DET/det/5 regional/ADJ/amod/5 council/NOUN/pobj/2 "
     ",/PUNCT/punct/1 Ana/PROPN/compound/8/PERSON Soto/PROPN/appos/1/PERSON ,/PUNCT/punct/1 "
     "speaking/VERB/acl/1 said/VERB/ROOT/-", [("Ana Soto", "head of the regional council", None)]),
    # no title: a verb, a determiner or nothing stands before the name
    ("the/DET/det/1 mayor/NOUN/nsubj/2 met/VERB/ROOT/- Tom/PROPN/compound/4/PERSON Berg/PROPN/dobj/2/PERSON", []),
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON resigned/VERB/ROOT/-", []),
])
def test_positions(blank_nlp, annotated, expected):
    assert positions(blank_nlp, annotated) == expected


def test_a_person_can_be_the_holder(blank_nlp):
    annotated = ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/2/PERSON spoke/VERB/ROOT/- ./PUNCT/punct/2 "
                 "Soto/PROPN/compound/5/PERSON adviser/NOUN/compound/7 Tom/PROPN/compound/7/PERSON "
                 "Berg/PROPN/nsubj/8/PERSON agreed/VERB/ROOT/-")
    assert positions(blank_nlp, annotated) == [("Tom Berg", "adviser", "Soto")]
