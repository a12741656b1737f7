"""Positions: titles given beside a person's name, and whose office they are."""
from __future__ import annotations

import pytest

from kg.extract.positions import find_positions
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
    # the first word of the title names a body the article names elsewhere
    ("the/DET/det/1 Senate/PROPN/nsubj/2/ORG voted/VERB/ROOT/- ./PUNCT/punct/2 Senate/PROPN/compound/6 "
     "Majority/PROPN/compound/6 Leader/PROPN/compound/8 Tom/PROPN/compound/8/PERSON Berg/PROPN/nsubj/9/PERSON "
     "objected/VERB/ROOT/-", [("Tom Berg", "Majority Leader", "Senate")]),
    # a title of several words spaCy took into the name
    ("Crown/PROPN/compound/3/PERSON Prince/PROPN/compound/3/PERSON Tomas/PROPN/compound/3/PERSON "
     "Berg/PROPN/nsubj/4/PERSON spoke/VERB/ROOT/-", [("Tomas Berg", "Crown Prince", None)]),
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


@pytest.mark.parametrize("annotated, expected", [
    # a title before coordinated names is each one's, in the singular
    ("Representatives/PROPN/compound/2 Ana/PROPN/compound/2/PERSON Soto/PROPN/nsubj/9/PERSON ,/PUNCT/punct/2 "
     "Tom/PROPN/compound/5/PERSON Berg/PROPN/conj/2/PERSON and/CCONJ/cc/5 Lena/PROPN/compound/8/PERSON "
     "Kraus/PROPN/conj/5/PERSON objected/VERB/ROOT/-",
     [("Ana Soto", "Representative", None), ("Tom Berg", "Representative", None),
      ("Lena Kraus", "Representative", None)]),
    # … a title in the singular only the first's
    ("drummer/NOUN/compound/2 Ana/PROPN/compound/2/PERSON Soto/PROPN/nsubj/6/PERSON and/CCONJ/cc/2 "
     "Tom/PROPN/compound/5/PERSON Berg/PROPN/conj/2/PERSON played/VERB/ROOT/-", [("Ana Soto", "drummer", None)]),
    # … also a title the names follow after a comma, where the parser took them for its conjuncts
    ("Two/NUM/nummod/2 Democratic/PROPN/compound/2 Senators/PROPN/nsubj/10 ,/PUNCT/punct/2 "
     "Ana/PROPN/compound/5/PERSON Soto/PROPN/conj/2/PERSON and/CCONJ/cc/5 Tom/PROPN/compound/8/PERSON "
     "Berg/PROPN/conj/5/PERSON ,/PUNCT/punct/8 voted/VERB/ROOT/-",
     [("Ana Soto", "Democratic Senator", None), ("Tom Berg", "Democratic Senator", None)]),
    # "<Name> serves as <title> of <Place>"
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/2/PERSON serves/VERB/ROOT/- as/ADP/prep/2 mayor/NOUN/pobj/3 "
     "of/ADP/prep/4 Geneva/PROPN/pobj/5/GPE", [("Ana Soto", "mayor", "Geneva")]),
    # "<Name> and <Name>, who serve as chairmen, …"
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/11/PERSON and/CCONJ/cc/1 Tom/PROPN/compound/4/PERSON "
     "Berg/PROPN/conj/1/PERSON ,/PUNCT/punct/1 who/PRON/nsubj/7 serve/VERB/relcl/1 as/ADP/prep/7 "
     "chairmen/NOUN/pobj/8 ,/PUNCT/punct/1 resigned/VERB/ROOT/-",
     [("Ana Soto", "chairman", None), ("Tom Berg", "chairman", None)]),
    # "<Name> appointed <Name> as <title>": the one appointed holds it
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON appointed/VERB/ROOT/- Ana/PROPN/compound/4/PERSON "
     "Soto/PROPN/oprd/2/PERSON as/ADP/prep/2 spokeswoman/NOUN/pobj/5", [("Ana Soto", "spokeswoman", None)]),
    # "<Name> is the <title> of <Place>", but not under a negation
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/2/PERSON is/AUX/ROOT/- the/DET/det/4 mayor/NOUN/attr/2 "
     "of/ADP/prep/4 Geneva/PROPN/pobj/5/GPE", [("Ana Soto", "mayor", "Geneva")]),
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/2/PERSON is/AUX/ROOT/- not/PART/neg/2 the/DET/det/5 "
     "mayor/NOUN/attr/2", []),
    # "<title> of <Capitalised words> <Name>": the words are part of the title …
    ("Minister/PROPN/compound/4 of/ADP/prep/0 Culture/PROPN/pobj/1 Ana/PROPN/compound/4/PERSON "
     "Soto/PROPN/nsubj/5/PERSON spoke/VERB/ROOT/-", [("Ana Soto", "Minister of Culture", None)]),
    # … a place there is whose office it is
    ("First/PROPN/compound/1 Minister/PROPN/nsubj/6 of/ADP/prep/1 Geneva/PROPN/pobj/2/GPE "
     "Carys/PROPN/compound/5/PERSON Pryce/PROPN/appos/1/PERSON spoke/VERB/ROOT/-",
     [("Carys Pryce", "First Minister", "Geneva")]),
    # "<Name>, the <title> of <Dept> for <Place>,": the last "of"/"for" phrase naming one is the owner
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/10/PERSON ,/PUNCT/punct/1 the/DET/det/4 "
     "Secretary/PROPN/appos/1 of/ADP/prep/4 Culture/PROPN/pobj/5 for/ADP/prep/4 Geneva/PROPN/pobj/7/GPE "
     ",/PUNCT/punct/1 said/VERB/ROOT/-", [("Ana Soto", "Secretary of Culture", "Geneva")]),
    # "<Name>, one of <Owner>'s <title>s" (the parser hangs "one" on the verb)
    ("They/PRON/nsubj/1 met/VERB/ROOT/- Tom/PROPN/compound/3/PERSON Berg/PROPN/dobj/1/PERSON ,/PUNCT/punct/1 "
     "one/NUM/npadvmod/1 of/ADP/prep/5 Ana/PROPN/compound/8/PERSON Soto~/PROPN/poss/10/PERSON 's/PART/case/8 "
     "aides/NOUN/pobj/6",
     [("Tom Berg", "aide", "Ana Soto")]),
    # … that title is the last name's alone, not its conjuncts'
    ("They/PRON/nsubj/1 met/VERB/ROOT/- Tom/PROPN/compound/3/PERSON Berg/PROPN/dobj/1/PERSON and/CCONJ/cc/3 "
     "Lena/PROPN/compound/6/PERSON Kraus/PROPN/conj/3/PERSON ,/PUNCT/punct/1 one/NUM/npadvmod/1 of/ADP/prep/8 "
     "Ana/PROPN/compound/11/PERSON Soto~/PROPN/poss/13/PERSON 's/PART/case/11 aides/NOUN/pobj/9",
     [("Lena Kraus", "aide", "Ana Soto")]),
    # a phrase of time after the office is no part of it
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON served/VERB/ROOT/- as/ADP/prep/2 "
     "ambassador/NOUN/pobj/3 to/ADP/prep/4 Chile/PROPN/pobj/5/GPE under/ADP/prep/4 two/NUM/nummod/9 "
     "presidents/NOUN/pobj/7", [("Tom Berg", "ambassador to Chile", None)]),
    # a possessor that names no one is not part of the title
    ("the/DET/det/1 government/NOUN/poss/3 's/PART/case/1 lawyer/NOUN/nsubj/7 ,/PUNCT/punct/3 "
     "Tom/PROPN/compound/6/PERSON Berg/PROPN/appos/3/PERSON said/VERB/ROOT/-", [("Tom Berg", "lawyer", None)]),
])
def test_position_constructions(blank_nlp, annotated, expected):
    assert positions(blank_nlp, annotated) == expected


def test_a_pronoun_names_the_holder(blank_nlp):
    from kg.extract.coref import resolve_references
    doc = analyse(blank_nlp, "Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON spoke/VERB/ROOT/- ./PUNCT/punct/2 "
                             "his/PRON/poss/5 lawyer/NOUN/compound/7 Ana/PROPN/compound/7/PERSON "
                             "Soto/PROPN/nsubj/8/PERSON agreed/VERB/ROOT/-")
    doc._.kg_mentions = sorted(doc._.kg_mentions + resolve_references(doc), key=lambda m: m.start)
    assert [(p.person.label, p.title, p.of.label if p.of else None) for p in find_positions(doc)] == [
        ("Ana Soto", "lawyer", "Tom Berg")]


def test_the_title_of_an_owner_the_parser_hung_the_name_on(blank_nlp):
    # "the general manager of <Org>, <Name>": the name parsed as the owner's apposition
    annotated = ("the/DET/det/2 general/ADJ/amod/2 manager/NOUN/nsubj/9 of/ADP/prep/2 Zorvan/PROPN/compound/5/ORG "
                 "Media/PROPN/pobj/3/ORG ,/PUNCT/punct/5 Ana/PROPN/compound/8/PERSON Soto/PROPN/appos/5/PERSON "
                 "spoke/VERB/ROOT/-")
    assert positions(blank_nlp, annotated) == [("Ana Soto", "general manager", "Zorvan Media")]


@pytest.mark.parametrize("annotated, expected", [
    # a state's office given alone, in a story whose places lie in one state: that state's
    ("Chile/PROPN/nsubj/1/GPE voted/VERB/ROOT/- in/ADP/prep/1 Valparaiso/PROPN/pobj/2/GPE ./PUNCT/punct/1 "
     "President/PROPN/compound/7 Ana/PROPN/compound/7/PERSON Soto/PROPN/nsubj/8/PERSON spoke/VERB/ROOT/-",
     [("Ana Soto", "President", "Chile")]),
    # … not a mayor's, whose city is not said
    ("Chile/PROPN/nsubj/1/GPE voted/VERB/ROOT/- in/ADP/prep/1 Valparaiso/PROPN/pobj/2/GPE ./PUNCT/punct/1 "
     "Mayor/PROPN/compound/7 Ana/PROPN/compound/7/PERSON Soto/PROPN/nsubj/8/PERSON spoke/VERB/ROOT/-",
     [("Ana Soto", "Mayor", None)]),
    # … but of the one state its own sentence names
    ("Chile/PROPN/nsubj/1/GPE voted/VERB/ROOT/- in/ADP/prep/1 Valparaiso/PROPN/pobj/2/GPE ./PUNCT/punct/1 "
     "In/ADP/prep/11 Peru/PROPN/pobj/5/GPE ,/PUNCT/punct/11 President/PROPN/compound/10 Ana/PROPN/compound/10/PERSON "
     "Soto/PROPN/nsubj/11/PERSON spoke/VERB/ROOT/-", [("Ana Soto", "President", "Peru")]),
    # … nor in a story about two states
    ("Chile/PROPN/nsubj/1/GPE met/VERB/ROOT/- Peru/PROPN/dobj/1/GPE ./PUNCT/punct/1 "
     "President/PROPN/compound/6 Ana/PROPN/compound/6/PERSON Soto/PROPN/nsubj/7/PERSON spoke/VERB/ROOT/-",
     [("Ana Soto", "President", None)]),
])
def test_a_bare_state_office_is_the_story_s_state_s(blank_nlp, annotated, expected):
    assert positions(blank_nlp, annotated) == expected
