"""The trigger lexicon: which pattern gives a verb its CAMEO code, on hand-built Docs."""
from __future__ import annotations

import pytest

from kg.extract.triggers import RelationType, TriggerLexicon, VerbPattern, trigger_lexicon
from tests.conftest import parse


def pattern(verb, cameo, particle="", obj="", prep="", prep_obj="", hand=False):
    return VerbPattern(verb, particle, tuple(obj.split()), prep, tuple(prep_obj.split()), cameo, hand)


LEXICON = TriggerLexicon(
    [pattern("call", "041"), pattern("call", "020", prep="on"), pattern("impose", "170"),
     pattern("impose", "163", obj="sanction"), pattern("supply", "072", obj="&weapon"),
     pattern("capture", "171"), pattern("capture", "192", obj="@place", hand=True),
     pattern("plan", "030"), pattern("plan", "---", hand=True),
     pattern("fire", "190"), pattern("fire", "170", obj="@person", hand=True)],
    {"&weapon": [("rifle",), ("attack", "helicopter")]},
    {"siege": "191", "strike": "190", "hunger strike": "142", "mediation": "045"},
    [RelationType("calledOn", "02", "REQUEST", "called on", ""), RelationType("occupied", "192", "COERCE", "", "")])


def code(blank_nlp, annotated, i=1, is_place=lambda t: False):
    doc = parse(blank_nlp, annotated)
    found = LEXICON.verb_code(doc[i], is_place)
    return found[0] if found else None


@pytest.mark.parametrize("annotated, expected", [
    ("Kenya/PROPN/nsubj/1 call/VERB/ROOT/- Peru/PROPN/dobj/1", "041"),
    ("Kenya/PROPN/nsubj/1 call/VERB/ROOT/- on/ADP/prep/1 Peru/PROPN/pobj/2", "020"),   # more words win
    ("Peru/PROPN/nsubj/1 impose/VERB/ROOT/- embargo/NOUN/dobj/1", "170"),                # the bare verb
    ("Peru/PROPN/nsubj/1 impose/VERB/ROOT/- sanction/NOUN/dobj/1", "163"),
    ("Peru/PROPN/nsubj/1 supply/VERB/ROOT/- rifle/NOUN/dobj/1", "072"),                  # a synonym set
    ("Peru/PROPN/nsubj/1 supply/VERB/ROOT/- attack/NOUN/compound/3 helicopter/NOUN/dobj/1", "072"),
    ("Peru/PROPN/nsubj/1 supply/VERB/ROOT/- bread/NOUN/dobj/1", None),
    ("Peru/PROPN/nsubj/1 plan/VERB/ROOT/- talks/NOUN/dobj/1", "---"),                     # hand-written wins
])
def test_verb_code(blank_nlp, annotated, expected):
    assert code(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    ("Peru/PROPN/nsubj/1 fire/VERB/ROOT/- the/DET/det/3 minister/NOUN/dobj/1", "170"),  # an office: sacked
    ("Peru/PROPN/nsubj/1 fire/VERB/ROOT/- the/DET/det/3 government/NOUN/dobj/1", "170"),
    ("Peru/PROPN/nsubj/1 fire/VERB/ROOT/- rocket/NOUN/dobj/1", "190"),
    ("Peru/PROPN/nsubj/1 fire/VERB/ROOT/- on/ADP/prep/1 minister/NOUN/pobj/2", "190"),  # fired on: no object
])
def test_a_person_object_makes_a_firing_a_dismissal(blank_nlp, annotated, expected):
    assert code(blank_nlp, annotated) == expected


def test_a_place_object_makes_a_capture_an_occupation(blank_nlp):
    annotated = "Troops/NOUN/nsubj/1 capture/VERB/ROOT/- Lima/PROPN/dobj/1"
    assert code(blank_nlp, annotated) == "171"
    assert code(blank_nlp, annotated, is_place=lambda t: t.text == "Lima") == "192"


@pytest.mark.parametrize("annotated, i, expected", [
    ("a/DET/det/1 siege/NOUN/ROOT/-", 1, "191"),
    ("a/DET/det/2 hunger/NOUN/compound/2 strike/NOUN/ROOT/-", 2, "142"),     # the phrase first
    ("air/NOUN/compound/1 strike/NOUN/ROOT/-", 1, "190"),
    ("a/DET/det/2 mediation/NOUN/compound/2 mission/NOUN/ROOT/-", 2, "045"),  # an event noun names the kind
])
def test_noun_code(blank_nlp, annotated, i, expected):
    assert LEXICON.noun_code(parse(blank_nlp, annotated)[i]) == expected


@pytest.mark.parametrize("cameo, relation", [("0233", "calledOn"), ("1922", "occupied"), ("010", None)])
def test_relation_of_the_longest_prefix(cameo, relation):
    found = LEXICON.relation(cameo)
    assert (found.name if found else None) == relation


def test_the_real_lexicon_loads_every_part():
    lexicon = trigger_lexicon()
    assert lexicon.relation("191").name == "besieged" and lexicon.intent("19") == "138"
    assert len(lexicon.patterns) > 1000 and lexicon.sets and lexicon.event_nouns["investigation"] == "090"


def test_a_phrase_listed_under_two_codes_keeps_its_verbs_own_sense(blank_nlp):
    # the dictionary files "demand explanation" under 090 and 101: a demand is a demand
    lexicon = TriggerLexicon(
        [VerbPattern("demand", "", (), "", (), "100", False, "DEMAND"),
         VerbPattern("demand", "", ("explanation",), "", (), "090", False, "DEMAND"),
         VerbPattern("demand", "", ("explanation",), "", (), "101", False, "DEMAND")],
        {}, {}, [RelationType("calledOn", "10", "REQUEST", "", "")])
    doc = parse(blank_nlp, "Peru/PROPN/nsubj/1 demand/VERB/ROOT/- explanation/NOUN/dobj/1")
    assert lexicon.verb_code(doc[1])[0] == "101"


def test_a_general_head_is_of_the_kind_its_compound_names(blank_nlp):
    lexicon = TriggerLexicon([pattern("suspend", "162", obj="aid")], {}, {},
                             [RelationType("sanctioned", "16", "SANCTION", "", "")])
    delivery = parse(blank_nlp, "Peru/PROPN/nsubj/1 suspend/VERB/ROOT/- aid/NOUN/compound/3 delivery/NOUN/dobj/1")
    assert lexicon.verb_code(delivery[1], lambda t: False)[0] == "162"  # "suspended aid deliveries"
    worker = parse(blank_nlp, "Peru/PROPN/nsubj/1 suspend/VERB/ROOT/- aid/NOUN/compound/3 worker/NOUN/dobj/1")
    assert lexicon.verb_code(worker[1], lambda t: False) is None  # "suspended aid workers": people, not aid
