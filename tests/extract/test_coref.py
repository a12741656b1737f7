"""References: pronouns and "the city"-descriptions resolved to their antecedents."""
from __future__ import annotations

import pytest

from kg.extract.coref import resolve_references
from tests.conftest import analyse


def references(nlp, annotated):
    return [(r.text, r.label, r.type) for r in resolve_references(analyse(nlp, annotated))]


@pytest.mark.parametrize("annotated, expected", [
    # the nearest person before the pronoun in its sentence
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON said/VERB/ROOT/- he/PRON/nsubj/5 would/AUX/aux/5 "
     "resign/VERB/ccomp/2", [("he", "Tom Berg", "Person")]),
    # in the previous sentence, its subject rather than the last person named
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/2/PERSON met/VERB/ROOT/- Tom/PROPN/compound/4/PERSON "
     "Berg/PROPN/dobj/2/PERSON ./PUNCT/punct/2 She/PRON/nsubj/7 left/VERB/ROOT/-", [("She", "Ana Soto", "Person")]),
    # a possessive pronoun
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON posted/VERB/ROOT/- on/ADP/prep/2 his/PRON/poss/5 "
     "page/NOUN/pobj/3", [("his", "Tom Berg", "Person")]),
    # an object pronoun is not the one who acts on it: "X urged Y to call her" — her is X
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/2/PERSON urged/VERB/ROOT/- Tom/PROPN/compound/4/PERSON "
     "Berg/PROPN/dobj/2/PERSON to/PART/aux/6 call/VERB/xcomp/2 her/PRON/dobj/6", [("her", "Ana Soto", "Person")]),
    # a sentence whose subject is an unnamed person stops the search: the pronoun is that person
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON spoke/VERB/ROOT/- ./PUNCT/punct/2 the/DET/det/5 "
     "mayor/NOUN/nsubj/6 agreed/VERB/ROOT/- ./PUNCT/punct/6 He/PRON/nsubj/9 left/VERB/ROOT/-", []),
    # nobody to refer to
    ("He/PRON/nsubj/1 left/VERB/ROOT/-", []),
    # "it" as subject or owner is the subject before it, when that is no person …
    ("Chile/PROPN/nsubj/1/GPE protested/VERB/ROOT/- ./PUNCT/punct/1 It/PRON/nsubj/4 "
     "recalled/VERB/ROOT/- its/PRON/poss/6 envoy/NOUN/dobj/4",
     [("It", "Chile", "State"), ("its", "Chile", "State")]),
    # … but an object "it" is mostly a thing
    ("Chile/PROPN/nsubj/1/GPE withheld/VERB/ROOT/- it/PRON/dobj/1", []),
    # the sentence before is about a thing, which only names a state in a side clause: "it" is the thing
    ("The/DET/det/1 treaty/NOUN/nsubjpass/3 was/AUX/auxpass/3 signed/VERB/ccomp/8 with/ADP/prep/3 "
     "Chile/PROPN/nsubj/6/GPE voting/VERB/pcomp/4 ,/PUNCT/punct/8 envoys/NOUN/nsubj/8 say/VERB/ROOT/- "
     "./PUNCT/punct/8 It/PRON/nsubj/11 bans/VERB/ROOT/- mines/NOUN/dobj/11", []),
    # … while a state that reports what its own forces did is what "it" is
    ("Chile/PROPN/nsubj/1/GPE say/VERB/ROOT/- its/PRON/poss/3 navy/NOUN/nsubj/4 left/VERB/ccomp/1 "
     "./PUNCT/punct/1 It/PRON/nsubj/7 protested/VERB/ROOT/-",
     [("its", "Chile", "State"), ("It", "Chile", "State")]),
    # "its" in what a state's body reports is the state's, not the subject of the sentence before
    ("Hamas/PROPN/nsubj/1/ORG spoke/VERB/ROOT/- ./PUNCT/punct/1 Chile/PROPN/poss/5/GPE 's/PART/case/3 "
     "ministry/NOUN/nsubj/6 said/VERB/ROOT/- its/PRON/poss/8 guard/NOUN/nsubjpass/10 was/AUX/auxpass/10 "
     "hit/VERB/ccomp/6", [("its", "Chile", "State")]),
])
def test_pronouns(blank_nlp, annotated, expected):
    assert references(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    # "the city" → the most recent city, also in an earlier sentence
    ("Shells/NOUN/nsubj/1 hit/VERB/ROOT/- Kharkiv/PROPN/dobj/1/GPE ./PUNCT/punct/1 the/DET/det/5 city/NOUN/nsubj/6 "
     "burned/VERB/ROOT/-", [("the city", "Kharkiv", "City")]),
    # "the capital" of a state the phrase names, through the gazetteer
    ("Protests/NOUN/nsubj/1 reached/VERB/ROOT/- the/DET/det/4 Chilean/ADJ/amod/4/NORP capital/NOUN/dobj/1",
     [("the Chilean capital", "Santiago", "City")]),
    ("Troops/NOUN/nsubj/1 left/VERB/ROOT/- the/DET/det/3 capital/NOUN/dobj/1 of/ADP/prep/3 Peru/PROPN/pobj/4/GPE",
     [("the capital", "Lima", "City")]),
    # a description in apposition to a town is that town; "the provincial capital" is no state's capital
    ("Troops/NOUN/nsubj/1 left/VERB/ROOT/- Goma/PROPN/dobj/1/GPE ,/PUNCT/punct/2 the/DET/det/6 "
     "provincial/ADJ/amod/6 capital/NOUN/appos/2 ./PUNCT/punct/1 Peru/PROPN/nsubj/9/GPE protested/VERB/ROOT/- "
     "./PUNCT/punct/9 Police/NOUN/nsubj/12 left/VERB/ROOT/- the/DET/det/15 provincial/ADJ/amod/15 "
     "capital/NOUN/dobj/12", [("the provincial capital", "Goma", "City")]),
    # "the ministry" → the one body of that name the article has named
    ("the/DET/det/2/ORG Trade/PROPN/compound/2/ORG Ministry/PROPN/nsubj/3/ORG spoke/VERB/ROOT/- ./PUNCT/punct/3 "
     "the/DET/det/6 ministry/NOUN/nsubj/7 left/VERB/ROOT/-", [("the ministry", "Trade Ministry", "Organisation")]),
    # … and none when it has named two
    ("the/DET/det/2/ORG Trade/PROPN/compound/2/ORG Ministry/PROPN/nsubj/6/ORG and/CCONJ/cc/2 "
     "Health/PROPN/compound/5/ORG Ministry/PROPN/conj/2/ORG spoke/VERB/ROOT/- ./PUNCT/punct/6 "
     "the/DET/det/9 ministry/NOUN/nsubj/10 left/VERB/ROOT/-", []),
    # "the capital" → the most recent capital city, not just any city
    ("Talks/NOUN/nsubj/1 moved/VERB/ROOT/- from/ADP/prep/1 Lima/PROPN/pobj/2/GPE to/ADP/prep/1 "
     "Cusco/PROPN/pobj/4/GPE ./PUNCT/punct/1 the/DET/det/8 capital/NOUN/nsubj/9 waited/VERB/ROOT/-",
     [("the capital", "Lima", "City")]),
    # a description that names its place itself: apposition (even by a comma only) or "of"
    ("Jets/NOUN/nsubj/1 struck/VERB/ROOT/- Lima/PROPN/dobj/1/GPE and/CCONJ/cc/2 the/DET/det/5 capital/NOUN/conj/2 "
     ",/PUNCT/punct/5 Quito/PROPN/conj/5/GPE", [("the capital", "Quito", "City")]),
    ("Ships/NOUN/nsubj/1 neared/VERB/ROOT/- the/DET/det/4 port/NOUN/compound/4 city/NOUN/dobj/1 of/ADP/prep/4 "
     "Odessa/PROPN/pobj/5/GPE in/ADP/prep/1 Ukraine/PROPN/pobj/7/GPE", [("the port city", "Odesa", "City")]),
    # "the country" → the most recent state, or the state of the most recent city
    ("Rain/NOUN/nsubj/1 fell/VERB/ROOT/- in/ADP/prep/1 Lviv/PROPN/pobj/2/GPE ,/PUNCT/punct/3 in/ADP/prep/1 "
     "the/DET/det/7 country~/NOUN/poss/9 ’s/PART/case/7 west/NOUN/pobj/5", [("the country", "Ukraine", "State")]),
    # "the territory", "the region" → the most recent named region
    ("Russia/PROPN/nsubj/1 annexed/VERB/ROOT/- Crimea/PROPN/dobj/1/GPE ./PUNCT/punct/1 the/DET/det/5 "
     "territory/NOUN/nsubj/6 voted/VERB/ROOT/-", [("the territory", "Crimea", "Location")]),
    # "the group" → the organisation that acted last (its subject), not one acted on …
    ("Hamas/PROPN/nsubj/1/ORG freed/VERB/ROOT/- three/NUM/nummod/4 Unicef/PROPN/compound/4/ORG workers/NOUN/dobj/1 "
     "./PUNCT/punct/1 the/DET/det/7 group/NOUN/nsubj/8 left/VERB/ROOT/-", [("the group", "Hamas", "Organisation")]),
    # … and "the bloc" → an intergovernmental one
    ("ECOWAS/PROPN/nsubj/1/ORG thanked/VERB/ROOT/- Hamas/PROPN/dobj/1/ORG ./PUNCT/punct/1 the/DET/det/5 "
     "bloc/NOUN/nsubj/6 left/VERB/ROOT/-", [("the bloc", "Economic Community of West African States", "Organisation")]),
    # "the rebels" → an armed group, never another kind of organisation
    ("M23/PROPN/nsubj/1/ORG denied/VERB/ROOT/- it/PRON/dobj/1 ./PUNCT/punct/1 the/DET/det/5 "
     "rebels/NOUN/nsubj/6 left/VERB/ROOT/-", [("the rebels", "M23", "Organisation")]),
    ("Amnesty/PROPN/compound/1/ORG International/PROPN/nsubj/2/ORG spoke/VERB/ROOT/- ./PUNCT/punct/2 "
     "the/DET/det/5 rebels/NOUN/nsubj/6 left/VERB/ROOT/-", []),
    # "the city council" is a council, not a reference to a city
    ("Shells/NOUN/nsubj/1 hit/VERB/ROOT/- Kharkiv/PROPN/dobj/1/GPE ./PUNCT/punct/1 the/DET/det/6 "
     "city/NOUN/compound/6 council/NOUN/nsubj/7 met/VERB/ROOT/-", []),
])
def test_descriptions(blank_nlp, annotated, expected):
    assert references(blank_nlp, annotated) == expected


def test_references_keep_their_own_words_and_place(blank_nlp):
    annotated = ("Shells/NOUN/nsubj/1 hit/VERB/ROOT/- Kharkiv/PROPN/dobj/1/GPE ./PUNCT/punct/1 the/DET/det/5 "
                 "city/NOUN/nsubj/6 burned/VERB/ROOT/-")
    [reference] = resolve_references(analyse(blank_nlp, annotated))
    assert reference.reference and reference.place.geonames_id == 706483
    assert (reference.start, reference.end, reference.sentence) == (4, 6, 4)


@pytest.mark.parametrize("annotated, expected", [
    # a possessive in a clause's object is its subject's, not the nearest name's
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/7/PERSON ,/PUNCT/punct/1 Tom/PROPN/compound/4/PERSON "
     "Berg~/PROPN/poss/6/PERSON 's/PART/case/4 aide/NOUN/appos/1 announced/VERB/ROOT/- his/PRON/poss/9 "
     "resignation/NOUN/dobj/7", [("his", "Ana Soto", "Person")]),
    # … unless it hangs on a person it is coordinated with
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/2/PERSON praised/VERB/ROOT/- Tom/PROPN/compound/4/PERSON "
     "Berg/PROPN/dobj/2/PERSON and/CCONJ/cc/4 his/PRON/poss/7 son/NOUN/conj/4", [("his", "Tom Berg", "Person")]),
    # a person named only as the owner of a title describes someone else
    ("As/SCONJ/prep/7 President/PROPN/compound/2/PERSON Ruiz~/PROPN/poss/4/PERSON 's/PART/case/2 "
     "deputy/NOUN/pobj/0 ,/PUNCT/punct/7 he/PRON/nsubj/7 spoke/VERB/ROOT/-", []),
    # "the president": the person the article called "President <Name>"
    ("President/PROPN/compound/1 Ruiz/PROPN/nsubj/2/PERSON spoke/VERB/ROOT/- ;/PUNCT/punct/2 the/DET/det/5 "
     "president/NOUN/nsubj/6 left/VERB/conj/2", [("the president", "Ruiz", "Person")]),
])
def test_pronouns_by_role_and_titles(blank_nlp, annotated, expected):
    assert references(blank_nlp, annotated) == expected


def test_its_after_an_unnamed_subject_is_not_the_state_before(pipeline):
    from kg.extract.relations import find_relations
    doc = pipeline("Peru said it would send aid. The rebel group said its fighters had captured Cusco.")
    assert not [r for r in find_relations(doc) if r.subject.mention is not None and r.subject.mention.label == "Peru"
                and r.relation.name == "occupied"]


@pytest.mark.parametrize("annotated, expected", [
    # in the sentence before, the subject of its main clause, not of the clause it reports
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON said/VERB/ROOT/- Ana/PROPN/compound/4/PERSON "
     "Soto/PROPN/nsubj/5/PERSON was/AUX/ccomp/2 safe/ADJ/acomp/5 ./PUNCT/punct/2 He/PRON/nsubj/9 left/VERB/ROOT/-",
     [("He", "Tom Berg", "Person")]),
    # a name within quotation marks is no antecedent of a pronoun outside them; "he said" stands for
    # whom its "he" stands for
    ("Tom/PROPN/compound/1/PERSON Berg/PROPN/nsubj/2/PERSON spoke/VERB/ROOT/- ./PUNCT/punct/2 "
     "\"/PUNCT/punct/11 Ana/PROPN/compound/6/PERSON Soto/PROPN/nsubj/7/PERSON left/VERB/ccomp/11 ,/PUNCT/punct/11 "
     "\"/PUNCT/punct/11 he/PRON/nsubj/11 said/VERB/ROOT/- ./PUNCT/punct/11 He/PRON/nsubj/14 smiled/VERB/ROOT/-",
     [("he", "Tom Berg", "Person"), ("He", "Tom Berg", "Person")]),
    # "the president" is not a former president
    ("President/PROPN/compound/1 Ruiz/PROPN/nsubj/2/PERSON met/VERB/ROOT/- former/ADJ/amod/4 "
     "President/PROPN/compound/5 Vega/PROPN/dobj/2/PERSON ./PUNCT/punct/2 the/DET/det/8 president/NOUN/nsubj/9 "
     "left/VERB/ROOT/-", [("the president", "Ruiz", "Person")]),
])
def test_pronouns_across_reports_quotations_and_former_titles(blank_nlp, annotated, expected):
    assert references(blank_nlp, annotated) == expected


def test_it_after_a_news_outlet_is_what_the_outlet_reported(pipeline):
    doc = pipeline("Saudi state news agency SPA said Riyadh had closed the border. It accused Doha of backing militants.")
    assert [(r.text, r.label) for r in resolve_references(doc) if r.text == "It"] == [("It", "Riyadh")]


def test_the_capital_is_not_the_dateline_city(pipeline):
    doc = pipeline("MANAMA, Bahrain (Reuters) - Iraqi troops stormed into Kuwait on Thursday. "
                   "Kuwaiti officials said Iraqi forces had seized the capital.")
    assert not [r for r in resolve_references(doc) if r.text == "the capital" and r.label == "Manama"]
