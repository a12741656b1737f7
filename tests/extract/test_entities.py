"""Typing entity spans: gazetteer and lexicons over spaCy's labels, on hand-built Docs.

The sentences are written for these tests; each row gives the parse a model would produce
(word/POS/dep/head/ENT) and the mentions expected from it.
"""
from __future__ import annotations

import pytest

from kg.extract.entities import lexicon_matcher, type_entities
from kg.extract.lexicon import lexicon
from tests.conftest import parse


def typed(nlp, annotated, matcher=None):
    return [(m.text, m.label, m.type, m.country) for m in type_entities(parse(nlp, annotated), matcher=matcher)]


@pytest.mark.parametrize("annotated, expected", [
    # a known city is a City whatever spaCy's label
    ("Shells/NOUN/nsubj/1 hit/VERB/ROOT/- Kiev/PROPN/dobj/1/PERSON and/CCONJ/cc/2 Lviv/PROPN/conj/2/ORG ./PUNCT/punct/1",
     [("Kiev", "Kyiv", "City", "UKR"), ("Lviv", "Lviv", "City", "UKR")]),
    # a state by its usual name or abbreviation, without "the"
    ("the/DET/det/1 U.S./PROPN/nsubj/2/GPE warned/VERB/ROOT/- Belarus/PROPN/dobj/2/GPE",
     [("U.S.", "United States", "State", "USA"), ("Belarus", "Belarus", "State", "BLR")]),
    # an ambiguous city: the article is about Ukraine, so Odessa is Odesa
    ("Ships/NOUN/nsubj/1 neared/VERB/ROOT/- Odessa/PROPN/dobj/1/GPE in/ADP/prep/1 Ukraine/PROPN/pobj/3/GPE",
     [("Odessa", "Odesa", "City", "UKR"), ("Ukraine", "Ukraine", "State", "UKR")]),
    # … and about Texas, so Odessa is the Texan city
    ("Storms/NOUN/nsubj/1 hit/VERB/ROOT/- Odessa/PROPN/dobj/1/GPE ,/PUNCT/punct/2 Texas/PROPN/appos/2/GPE",
     [("Odessa", "Odessa", "City", "USA"), ("Texas", "Texas", "Location", "USA")]),
    # … and Moscow in Idaho is the Idaho town
    ("Students/NOUN/nsubj/1 left/VERB/ROOT/- Moscow/PROPN/dobj/1/GPE ,/PUNCT/punct/2 Idaho/PROPN/appos/2/GPE",
     [("Moscow", "Moscow", "City", "USA"), ("Idaho", "Idaho", "Location", "USA")]),
    # nationality words stand for their state; blocs are Groups
    ("Russian/ADJ/amod/1/NORP troops/NOUN/nsubj/2 faced/VERB/ROOT/- Ukrainians/PROPN/dobj/2/NORP",
     [("Russian", "Russia", "State", "RUS"), ("Ukrainians", "Ukraine", "State", "UKR")]),
    ("the/DET/det/1 West/PROPN/nsubj/2/LOC responded/VERB/ROOT/-", [("West", "West", "Group", None)]),
    ("French/ADJ/amod/1/NORP diplomats/NOUN/nsubj/2 left/VERB/ROOT/-", [("French", "France", "State", "FRA")]),
    # a NORP that is neither a nationality nor a people is no actor
    ("Humanitarian/ADJ/amod/1/NORP aid/NOUN/nsubj/2 arrived/VERB/ROOT/-", []),
    ("Democrats/PROPN/nsubj/1/NORP objected/VERB/ROOT/-", [("Democrats", "Democrats", "Group", None)]),
    # known organisations by any of their names, whatever spaCy's label
    ("the/DET/det/1 U.N./PROPN/nsubj/2/GPE said/VERB/ROOT/- on/ADP/prep/2 Twitter/PROPN/pobj/3/PERSON",
     [("U.N.", "United Nations", "Organisation", None), ("Twitter", "Twitter", "Organisation", "USA")]),
    ("the/DET/det/1 Kremlin~/PROPN/poss/3/ORG ’s/PART/case/1 reply/NOUN/ROOT/-",
     [("Kremlin", "Kremlin", "Organisation", "RUS")]),
])
def test_typing(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    # a surname alone belongs to the person named in full elsewhere, even if it is a city name
    ("Jack/PROPN/compound/1/PERSON London/PROPN/nsubj/2/PERSON wrote/VERB/ROOT/- ./PUNCT/punct/2 "
     "London/PROPN/nsubj/5/PERSON sailed/VERB/ROOT/-",
     [("Jack London", "Jack London", "Person", None), ("London", "London", "Person", None)]),
    # … and without the full name, a known city is a city
    ("London/PROPN/nsubj/1/PERSON sailed/VERB/ROOT/-", [("London", "London", "City", "GBR")]),
    # spaCy's GPE for a surname is a person when no place has that name
    ("Olaf/PROPN/compound/1/PERSON Scholz/PROPN/nsubj/2/PERSON spoke/VERB/ROOT/- ./PUNCT/punct/2 "
     "They/PRON/nsubj/5 met/VERB/ROOT/- Scholz/PROPN/dobj/5/GPE",
     [("Olaf Scholz", "Olaf Scholz", "Person", None), ("Scholz", "Scholz", "Person", None)]),
    # spaCy's ORG for a person: a possessive surname, a name after a title
    ("Olaf/PROPN/compound/1/PERSON Scholz/PROPN/nsubj/2/PERSON spoke/VERB/ROOT/- ./PUNCT/punct/2 "
     "Scholz~/PROPN/poss/6/ORG ’s/PART/case/4 office/NOUN/nsubj/7 agreed/VERB/ROOT/-",
     [("Olaf Scholz", "Olaf Scholz", "Person", None), ("Scholz", "Scholz", "Person", None)]),
    ("defence/NOUN/compound/1 official/NOUN/compound/3 Anna/PROPN/compound/3/ORG Kowalska/PROPN/nsubj/4/ORG "
     "said/VERB/ROOT/-", [("Anna Kowalska", "Anna Kowalska", "Person", None)]),
    # a title spaCy put inside the person's name is not part of the name
    ("Mayor/PROPN/compound/2/PERSON Anna/PROPN/compound/2/PERSON Kowalska/PROPN/nsubj/3/PERSON spoke/VERB/ROOT/-",
     [("Mayor Anna Kowalska", "Anna Kowalska", "Person", None)]),
])
def test_people(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    # a proper name in apposition to an organisation noun is an organisation, place and all
    ("the/DET/det/2 radio/NOUN/compound/2 station/NOUN/nsubj/6 Voice/PROPN/appos/2 of/ADP/prep/3 "
     "Lagos/PROPN/pobj/4/GPE announced/VERB/ROOT/-",
     [("Voice of Lagos", "Voice of Lagos", "Organisation", None)]),
    # a national body is named after its state; the same words alone say too little
    ("Poland~/PROPN/poss/3/GPE ’s/PART/case/0 Defence/PROPN/compound/3/ORG Ministry/PROPN/nsubj/4/ORG "
     "said/VERB/ROOT/-",
     [("Poland", "Poland", "State", "POL"), ("Defence Ministry", "Polish Defence Ministry", "Organisation", "POL")]),
    ("the/DET/det/3 Chilean/ADJ/amod/3/ORG interior/NOUN/compound/3/ORG ministry/NOUN/nsubj/4/ORG said/VERB/ROOT/-",
     [("Chilean interior ministry", "Chilean Interior Ministry", "Organisation", "CHL")]),
    ("the/DET/det/2 foreign/ADJ/amod/2/ORG ministry/NOUN/nsubj/3/ORG said/VERB/ROOT/-", []),
    # a leading "the" and a possessive are not part of a name
    ("The/DET/det/2/ORG Acme/PROPN/compound/2/ORG Corporation~/PROPN/poss/4/ORG ’s/PART/case/2 "
     "shares/NOUN/ROOT/-", [("The Acme Corporation", "Acme Corporation", "Organisation", None)]),
])
def test_organisations(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    # an agent phrase keeps its sector, whether the state is named by adjective or possessive
    ("Russian/ADJ/amod/1/NORP troops/NOUN/nsubj/2 advanced/VERB/ROOT/-", ("Russia", "military")),
    ("Chilean/ADJ/amod/1/NORP officials/NOUN/nsubj/2 objected/VERB/ROOT/-", ("Chile", "government")),
    ("Poland~/PROPN/poss/2/GPE ’s/PART/case/0 army/NOUN/nsubj/3 advanced/VERB/ROOT/-", ("Poland", "military")),
    # a title is not an agent phrase: the office belongs to the person named after it
    ("Chilean/ADJ/amod/1/NORP President/PROPN/compound/3 Ana/PROPN/compound/3/PERSON Soto/PROPN/nsubj/4/PERSON "
     "spoke/VERB/ROOT/-", ("Chile", None)),
    ("Chilean/ADJ/amod/1/NORP wine/NOUN/nsubj/2 sold/VERB/ROOT/-", ("Chile", None)),
])
def test_agent_phrases_keep_their_sector(blank_nlp, annotated, expected):
    first = type_entities(parse(blank_nlp, annotated))[0]
    assert (first.label, first.sector) == expected


def test_lexicon_names_spacy_missed_are_found(blank_nlp):
    matcher = lexicon_matcher(blank_nlp, lexicon())
    annotated = ("Videos/NOUN/nsubj/1 spread/VERB/ROOT/- on/ADP/prep/1 Facebook/PROPN/pobj/2 and/CCONJ/cc/3 "
                 "Telegram/PROPN/conj/3 ./PUNCT/punct/1")
    assert typed(blank_nlp, annotated, matcher) == [("Facebook", "Facebook", "Organisation", "USA"),
                                                    ("Telegram", "Telegram", "Organisation", None)]


def test_lexicon_matching_is_case_sensitive(blank_nlp):
    matcher = lexicon_matcher(blank_nlp, lexicon())
    assert typed(blank_nlp, "Tell/VERB/ROOT/- us/PRON/dobj/0 the/DET/det/3 signal/NOUN/dobj/0", matcher) == []


@pytest.mark.parametrize("annotated, expected", [
    # a large city spaCy did not mark is still found …
    ("Rockets/NOUN/nsubj/1 struck/VERB/ROOT/- Kharkiv/PROPN/dobj/1", [("Kharkiv", "Kharkiv", "City", "UKR")]),
    ("Talks/NOUN/nsubj/1 moved/VERB/ROOT/- to/ADP/prep/1 Saint/PROPN/compound/4 Petersburg/PROPN/pobj/2",
     [("Saint Petersburg", "Saint Petersburg", "City", "RUS")]),
    # … but not a small town's name, a lower-case word, or a word that is not a proper noun
    ("Mr/PROPN/compound/1 Danilov/PROPN/nsubj/2 left/VERB/ROOT/-", []),
    ("Nice/ADJ/amod/1 weather/NOUN/ROOT/-", []),
    ("the/DET/det/1 split/NOUN/ROOT/-", []),
])
def test_gazetteer_finds_places_spacy_missed(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


def test_places_are_linked(blank_nlp):
    [mention] = type_entities(parse(blank_nlp, "Shells/NOUN/nsubj/1 hit/VERB/ROOT/- Kharkov/PROPN/dobj/1/GPE"))
    assert (mention.place.geonames_id, mention.place.iri) == (706483, "https://sws.geonames.org/706483/")
    assert mention.place.lat == pytest.approx(49.98, abs=0.01)


def test_offsets_point_at_the_words(blank_nlp):
    doc = parse(blank_nlp, "Talks/NOUN/nsubj/1 began/VERB/ROOT/- in/ADP/prep/1 Geneva/PROPN/pobj/2/GPE")
    [mention] = type_entities(doc)
    assert doc.text[mention.start_char:mention.end_char] == "Geneva" and (mention.start, mention.end) == (3, 4)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Rockets struck Kyiv and Kharkiv overnight, officials in Lviv said.",
     {"Kyiv": "City", "Kharkiv": "City", "Lviv": "City"}),
    ("Chancellor Olaf Scholz met the Kenyan president in Nairobi on Tuesday.",
     {"Olaf Scholz": "Person", "Nairobi": "City", "Kenya": "State"}),
])
def test_component_in_the_model_pipeline(pipeline, text, expected):
    doc = pipeline(text)
    got = {m.label: m.type for m in doc._.kg_mentions}
    assert got == expected
    assert {e.text: e.label_ for e in doc.ents if e.label_ in got.values()} \
        == {m.text: m.type for m in doc._.kg_mentions}


@pytest.mark.parametrize("annotated, expected", [
    # spaCy's ORG for a name that starts with a common given name: a person
    ("Guards/NOUN/nsubj/1 stopped/VERB/ROOT/- Marcus/PROPN/compound/3/ORG Delaney/PROPN/dobj/1/ORG",
     [("Marcus Delaney", "Marcus Delaney", "Person", None)]),
    # … but not when a word of it describes a body ("police"), nor a given name glued to the next word
    ("Austin/PROPN/compound/1/ORG Police/PROPN/nsubj/2/ORG arrived/VERB/ROOT/-",
     [("Austin Police", "Austin Police", "Organisation", None)]),
    ("Al~/PROPN/compound/2/ORG -~/PUNCT/punct/2/ORG Qasimiya/PROPN/nsubj/3/ORG attacked/VERB/ROOT/-",
     [("Al-Qasimiya", "Al-Qasimiya", "Organisation", None)]),
    # a given name spaCy left outside the person's name belongs to it
    ("Inspector/PROPN/compound/3 Martha/PROPN/compound/3 Lo/PROPN/compound/3/PERSON "
     "Wing-yan/PROPN/nsubj/4/PERSON spoke/VERB/ROOT/-",
     [("Martha Lo Wing-yan", "Martha Lo Wing-yan", "Person", None)]),
    # a given name and a surname spaCy missed altogether
    ("Senator/PROPN/compound/2 Roberta/PROPN/compound/2 Kessling/PROPN/nsubj/3 objected/VERB/ROOT/-",
     [("Roberta Kessling", "Roberta Kessling", "Person", None)]),
    # … but not a place's name, nor a region's name before another word
    ("Ships/NOUN/nsubj/1 reached/VERB/ROOT/- Virginia/PROPN/compound/3 Beach/PROPN/dobj/1",
     [("Virginia Beach", "Virginia Beach", "City", "USA")]),
    # … and a state's name is no given name
    ("Jordan/PROPN/compound/1 Valley/PROPN/nsubj/2 flooded/VERB/ROOT/-", [("Jordan", "Jordan", "State", "JOR")]),
    # "<title> of <Place> <Name>" run together in one span: the place, then the person
    ("President/PROPN/nsubj/5 of/ADP/prep/0 Ukraine/PROPN/compound/4/ORG Olena/PROPN/compound/4/ORG "
     "Hrytsenko/PROPN/pobj/1/ORG said/VERB/ROOT/-",
     [("Ukraine", "Ukraine", "State", "UKR"), ("Olena Hrytsenko", "Olena Hrytsenko", "Person", None)]),
    # … or the head of the name left after it
    ("Lena/PROPN/compound/2/PERSON Kraus/PROPN/compound/2/PERSON Vidal/PROPN/nsubj/3 spoke/VERB/ROOT/-",
     [("Lena Kraus Vidal", "Lena Kraus Vidal", "Person", None)]),
    # after "<title> of", a name starting with a given name is split off an unknown region
    ("First/PROPN/compound/1 Minister/PROPN/nsubj/6 of/ADP/prep/1 Zembla/PROPN/compound/5/ORG "
     "Fiona/PROPN/compound/5/ORG Pryce/PROPN/pobj/2/ORG spoke/VERB/ROOT/-",
     [("Zembla", "Zembla", "Location", None), ("Fiona Pryce", "Fiona Pryce", "Person", None)]),
    # a titled name with a regnal number, which spaCy takes for an event or misses
    ("King/PROPN/compound/2 Barandu/PROPN/compound/2 IV/PROPN/nsubj/3 spoke/VERB/ROOT/-",
     [("Barandu IV", "Barandu IV", "Person", None)]),
    ("Patriarch/PROPN/compound/1/ORG Ilarion/PROPN/compound/2/ORG II/PROPN/nsubj/3/ORG left/VERB/ROOT/-",
     [("Ilarion II", "Ilarion II", "Person", None)]),
    # … but not an untitled one
    ("the/DET/det/2 Orvieto/PROPN/compound/2/EVENT II/PROPN/nsubj/3/EVENT talks/NOUN/ROOT/-", []),
])
def test_personal_names(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


def test_a_region_s_name_starts_no_personal_name(blank_nlp):
    annotated = "Virginia/PROPN/compound/1 Tech/PROPN/nsubj/2 won/VERB/ROOT/- again/ADV/advmod/2"
    assert [m.type for m in type_entities(parse(blank_nlp, annotated)) if m.type == "Person"] == []


@pytest.mark.parametrize("annotated, expected", [
    # every mention of a person's name is that person, whatever label spaCy gave each
    ("Dara/PROPN/compound/1/ORG Moreno/PROPN/nsubj/2/ORG resigned/VERB/ROOT/- ./PUNCT/punct/2 "
     "Moreno/PROPN/nsubj/5/ORG said/VERB/ROOT/- so/ADV/advmod/5",
     [("Dara Moreno", "Person"), ("Moreno", "Person")]),
    # a surname that is also a city's name is the person in person position …
    ("Nadia/PROPN/compound/1/PERSON Houston/PROPN/nsubj/2/PERSON fled/VERB/ROOT/- ./PUNCT/punct/2 "
     "Houston/PROPN/nsubj/5/GPE said/VERB/ROOT/- so/ADV/advmod/5",
     [("Nadia Houston", "Person"), ("Houston", "Person")]),
    # … and the city in place position
    ("Nadia/PROPN/compound/1/PERSON Houston/PROPN/nsubj/2/PERSON flew/VERB/ROOT/- to/ADP/prep/2 "
     "Houston/PROPN/pobj/3/GPE",
     [("Nadia Houston", "Person"), ("Houston", "City")]),
    # the first of a person's two surnames alone is that person too
    ("Luisa/PROPN/compound/2/ORG Ortega/PROPN/compound/2/ORG Vidal/PROPN/nsubj/3/ORG "
     "spoke/VERB/ROOT/- ./PUNCT/punct/3 Ortega/PROPN/nsubj/6/ORG left/VERB/ROOT/- early/ADV/advmod/6",
     [("Luisa Ortega Vidal", "Person"), ("Ortega", "Person")]),
])
def test_one_type_per_name(blank_nlp, annotated, expected):
    assert [(m.text, m.type) for m in type_entities(parse(blank_nlp, annotated))] == expected


@pytest.mark.parametrize("annotated, expected", [
    # a name in apposition to an organisation noun is an organisation, though a town has that name
    ("Reports/NOUN/nsubj/1 came/VERB/ROOT/- from/ADP/prep/1 state/NOUN/compound/5 news/NOUN/compound/5 "
     "firm/NOUN/pobj/2 Kyiv/PROPN/appos/5/GPE",
     [("Kyiv", "Kyiv", "Organisation", None)]),
    # … also when the noun modifies the name
    ("the/DET/det/2 news/NOUN/compound/2 network/NOUN/compound/4 Zorvan/PROPN/compound/4 Media/PROPN/nsubj/5 "
     "withdrew/VERB/ROOT/-",
     [("Zorvan Media", "Zorvan Media", "Organisation", None)]),
    # a city's name with a body's noun after it: that city's body, not the city
    ("Lviv/PROPN/compound/1/GPE Police/PROPN/nsubj/2 arrested/VERB/ROOT/- him/PRON/dobj/2",
     [("Lviv Police", "Lviv Police", "Organisation", None)]),
    # … but a title is no body: "the <City> Governor's bid"
    ("the/DET/det/2 Lviv/PROPN/compound/2/GPE Governor~/PROPN/poss/4 ’s/PART/case/2 bid/NOUN/ROOT/-",
     [("Lviv", "Lviv", "City", "UKR")]),
    # … and before a name the noun is a title: "<City> Chief Executive <Name>"
    ("Lviv/PROPN/compound/3/GPE Executive/PROPN/compound/3 Anna/PROPN/compound/3/PERSON "
     "Kowalska/PROPN/nsubj/4/PERSON spoke/VERB/ROOT/-",
     [("Lviv", "Lviv", "City", "UKR"), ("Anna Kowalska", "Anna Kowalska", "Person", None)]),
])
def test_organisations_by_construction(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    # "<Name> (<ACRONYM>)": the acronym, there and later, is that organisation
    ("the/DET/det/3/ORG Northern/PROPN/compound/3/ORG Water/PROPN/compound/3/ORG Board/PROPN/nsubj/8/ORG "
     "(/PUNCT/punct/3/ORG NWB/PROPN/appos/3/ORG )/PUNCT/punct/3 ./PUNCT/punct/8 said/VERB/ROOT/- "
     "NWB/PROPN/dobj/8/ORG",
     [("the Northern Water Board", "Northern Water Board"), ("NWB", "Northern Water Board"),
      ("NWB", "Northern Water Board")]),
    # the name before its "of" phrase, and the name without its place, are that body in the article
    ("the/DET/det/1 Chamber/PROPN/nsubj/5/ORG of/ADP/prep/1/ORG Deputies/PROPN/pobj/2/ORG and/CCONJ/cc/1 "
     "the/DET/det/6 Chamber/PROPN/conj/1/ORG",
     [("Chamber of Deputies", "Chamber of Deputies"), ("Chamber", "Chamber of Deputies")]),
    ("the/DET/det/2 Lviv/PROPN/compound/2/ORG Assembly/PROPN/nsubj/3/ORG met/VERB/ROOT/- ./PUNCT/punct/3 "
     "the/DET/det/6 Assembly/PROPN/nsubj/7/ORG voted/VERB/ROOT/-",
     [("Lviv Assembly", "Lviv Assembly"), ("Assembly", "Lviv Assembly")]),
    # a firm's name without its company word, even where spaCy took it for a person
    ("Zorvan/PROPN/compound/1/ORG Holdings/PROPN/nsubj/2/ORG paid/VERB/ROOT/- ./PUNCT/punct/2 "
     "Zorvan/PROPN/nsubj/4/PERSON paid/VERB/ROOT/-",
     [("Zorvan Holdings", "Zorvan Holdings"), ("Zorvan", "Zorvan Holdings")]),
    # a body's noun alone, followed to the fullest name it stands for
    ("the/DET/det/2 Legislative/PROPN/compound/2/ORG Assembly/PROPN/nsubj/3/ORG met/VERB/ROOT/- ./PUNCT/punct/3 "
     "the/DET/det/6 Assembly/PROPN/nsubj/7/ORG voted/VERB/ROOT/-",
     [("Legislative Assembly", "Legislative Assembly"), ("Assembly", "Legislative Assembly")]),
    ("the/DET/det/2/ORG Supreme/PROPN/compound/2/ORG Court/PROPN/nsubj/9/ORG of/ADP/prep/2/ORG "
     "Zembla/PROPN/pobj/3/ORG and/CCONJ/cc/2 the/DET/det/8 Supreme/PROPN/compound/8/ORG Court/PROPN/conj/2/ORG "
     "met/VERB/ROOT/- ./PUNCT/punct/9 Court/PROPN/nsubj/12/ORG ruled/VERB/ROOT/-",
     [("the Supreme Court of Zembla", "Supreme Court of Zembla"), ("Supreme Court", "Supreme Court of Zembla"),
      ("Court", "Supreme Court of Zembla")]),
    # with two bodies it could be, a short name stays as it is
    ("the/DET/det/1 Chamber/PROPN/nsubj/5/ORG of/ADP/prep/1/ORG Deputies/PROPN/pobj/2/ORG and/CCONJ/cc/1 "
     "the/DET/det/6 Chamber/PROPN/conj/1/ORG of/ADP/prep/6/ORG Commerce/PROPN/pobj/7/ORG and/CCONJ/cc/6 "
     "the/DET/det/11 Chamber/PROPN/conj/6/ORG",
     [("Chamber of Deputies", "Chamber of Deputies"), ("Chamber of Commerce", "Chamber of Commerce"),
      ("Chamber", "Chamber")]),
])
def test_short_names_of_organisations(blank_nlp, annotated, expected):
    assert [(m.text, m.label) for m in type_entities(parse(blank_nlp, annotated))] == expected


@pytest.mark.parametrize("annotated, expected", [
    # "<Name> province/district": a region, whatever spaCy or the gazetteer say …
    ("Fighting/NOUN/nsubj/1 spread/VERB/ROOT/- in/ADP/prep/1 the/DET/det/6 Karim/PROPN/compound/5/PERSON "
     "Dasht/PROPN/compound/6/PERSON district/NOUN/pobj/2",
     [("Karim Dasht", "Karim Dasht", "Location", None)]),
    ("the/DET/det/2 Lviv/PROPN/compound/2/GPE district/NOUN/nsubj/3 voted/VERB/ROOT/-",
     [("Lviv", "Lviv", "Location", None)]),
    # … but "the US state of <Name>" keeps the state
    ("the/DET/det/2 US/PROPN/compound/2/GPE state/NOUN/nsubj/5 of/ADP/prep/2 Texas/PROPN/pobj/3/GPE "
     "voted/VERB/ROOT/-",
     [("US", "United States", "State", "USA"), ("Texas", "Texas", "Location", "USA")]),
    # a name one is "in" is a town, not the person spaCy saw; that place elsewhere too
    ("Bombs/NOUN/nsubj/1 fell/VERB/ROOT/- in/ADP/prep/1 Karim/PROPN/compound/4/PERSON Dasht/PROPN/pobj/2/PERSON "
     "./PUNCT/punct/1 Karim/PROPN/compound/7/PERSON Dasht/PROPN/nsubj/8/PERSON mourned/VERB/ROOT/-",
     [("Karim Dasht", "City"), ("Karim Dasht", "City")]),
    # … but not trust in a person
    ("They/PRON/nsubj/1 lost/VERB/ROOT/- trust/NOUN/dobj/1 in/ADP/prep/2 Karim/PROPN/compound/5/PERSON "
     "Dasht/PROPN/pobj/3/PERSON", [("Karim Dasht", "Person")]),
    # "<Name> rebels" of no known place: an armed group, also where the name stands alone
    ("Zembu/PROPN/compound/1/GPE rebels/NOUN/nsubj/2 fled/VERB/ROOT/- ./PUNCT/punct/2 Zembu/PROPN/nsubj/4/GPE "
     "said/VERB/ROOT/-", [("Zembu", "Organisation"), ("Zembu", "Organisation")]),
    # "the <nationality> town of <Name>": a town the gazetteer lacks, in that state
    ("Rebels/NOUN/nsubj/1 left/VERB/ROOT/- the/DET/det/4 Congolese/ADJ/amod/4/NORP town/NOUN/dobj/1 "
     "of/ADP/prep/4 Zembala/PROPN/pobj/5/ORG",
     [("Congolese", "Democratic Republic of the Congo", "State", "COD"), ("Zembala", "Zembala", "City", "COD")]),
    # "the town of <Name>" is a town though spaCy saw a person, there and where the name stands alone
    ("Rebels/NOUN/nsubj/1 took/VERB/ROOT/- the/DET/det/3 town/NOUN/dobj/1 of/ADP/prep/3 Zembala/PROPN/pobj/4/PERSON "
     "./PUNCT/punct/1 Zembala/PROPN/nsubj/8/PERSON fell/VERB/ROOT/-",
     [("Zembala", "City"), ("Zembala", "City")]),
])
def test_regions_and_towns_by_construction(blank_nlp, annotated, expected):
    got = type_entities(parse(blank_nlp, annotated))
    width = len(expected[0])
    assert [(m.text, m.label, m.type, m.country)[:width] if width == 4 else (m.text, m.type) for m in got] \
        == expected


@pytest.mark.parametrize("annotated, expected", [
    # an age before a name makes it a person's
    ("the/DET/det/5 40/NUM/nummod/3 -~/PUNCT/punct/3 year/NOUN/npadvmod/5 -~/PUNCT/punct/5 old/ADJ/amod/7 "
     "Zoltan/PROPN/compound/7/ORG Brevik/PROPN/nsubj/8/ORG died/VERB/ROOT/-",
     [("Zoltan Brevik", "Person")]),
    # an organisation spaCy saw in a list of people is one of them
    ("Ana/PROPN/compound/1/PERSON Soto/PROPN/nsubj/8/PERSON ,/PUNCT/punct/1 Zoltan/PROPN/compound/4/ORG "
     "Brevik/PROPN/conj/1/ORG and/CCONJ/cc/4 Tom/PROPN/compound/7/PERSON Berg/PROPN/conj/4/PERSON met/VERB/ROOT/-",
     [("Ana Soto", "Person"), ("Zoltan Brevik", "Person"), ("Tom Berg", "Person")]),
    # the plural of an organisation's name is that organisation
    ("Zembi/PROPN/compound/1/ORG rebels/NOUN/nsubj/2 fled/VERB/ROOT/- ./PUNCT/punct/2 the/DET/det/5 "
     "Zembis/PROPN/nsubj/6/PERSON returned/VERB/ROOT/-",
     [("Zembi", "Organisation"), ("Zembis", "Organisation")]),
    # a capitalised word spaCy left before an organisation's name, a suffix after a person's
    ("Daily/PROPN/compound/1 Zorvan/PROPN/nsubj/2/ORG reported/VERB/ROOT/-", [("Daily Zorvan", "Organisation")]),
    ("Tom/PROPN/compound/1/PERSON Berg~/PROPN/nsubj/4/PERSON ,/PUNCT/punct/1 Jr./PROPN/appos/1 spoke/VERB/ROOT/-",
     [("Tom Berg, Jr.", "Person")]),
    # a nationality spaCy read as a person's name, with or without the title after it, is the nationality
    ("Sri/PROPN/compound/1/PERSON Lankan/PROPN/compound/4/PERSON President/PROPN/compound/4/PERSON "
     "Ana/PROPN/compound/4/B:PERSON Soto/PROPN/nsubj/5/PERSON spoke/VERB/ROOT/-",
     [("Sri Lankan", "State"), ("Ana Soto", "Person")]),
    ("South/PROPN/compound/1/PERSON Korean/PROPN/compound/5/PERSON Foreign/PROPN/compound/3/PERSON "
     "Minister/PROPN/compound/5/PERSON Ana/PROPN/compound/5/B:PERSON Soto/PROPN/nsubj/6/PERSON spoke/VERB/ROOT/-",
     [("South Korean", "State"), ("Ana Soto", "Person")]),
    # a name spaCy took for an organisation is a person's when a title stands beside it …
    ("former/ADJ/amod/2 prime/ADJ/amod/2 ministers/NOUN/nsubj/5 Zoltan/PROPN/compound/4/ORG Brevik/PROPN/appos/2/ORG "
     "spoke/VERB/ROOT/-", [("Zoltan Brevik", "Person")]),
    ("the/DET/det/1 head/NOUN/nsubj/10 of/ADP/prep/1 the/DET/det/4 mission/NOUN/pobj/2 in/ADP/prep/4 "
     "Vorland/PROPN/pobj/5/GPE ,/PUNCT/punct/6 Zoltan/PROPN/compound/9/ORG Brevik/PROPN/appos/6/ORG spoke/VERB/ROOT/-",
     [("Vorland", "Location"), ("Zoltan Brevik", "Person")]),
    # … but not a body's name in that place
    ("the/DET/det/1 leader/NOUN/nsubj/6 ,/PUNCT/punct/1 the/DET/det/5 Zembi/PROPN/compound/5/ORG "
     "Congress/PROPN/appos/1/ORG spoke/VERB/ROOT/-", [("Zembi Congress", "Organisation")]),
    # a name spaCy took for a person's before an organisation noun is the body's, there and elsewhere
    ("the/DET/det/3 ruling/ADJ/amod/3 Zembo/PROPN/compound/3/PERSON party/NOUN/nsubj/4 won/VERB/ROOT/- ./PUNCT/punct/4 "
     "Zembo/PROPN/nsubj/7/PERSON lost/VERB/ROOT/-", [("Zembo", "Organisation"), ("Zembo", "Organisation")]),
    # "<Word> and <Word> Council": one body's name, not two
    ("the/DET/det/4 Peace/PROPN/compound/4/ORG and/CCONJ/cc/1/ORG Security/PROPN/compound/4/ORG "
     "Council/PROPN/nsubj/5/ORG met/VERB/ROOT/-", [("Peace and Security Council", "Organisation")]),
    # a news agency's credit after a dateline names no place
    ("HARARE/PROPN/npadvmod/8/GPE ,/PUNCT/punct/0 Zimbabwe/PROPN/appos/0/GPE (/PUNCT/punct/2 AP/PROPN/appos/2/ORG "
     ")/PUNCT/punct/2 -/PUNCT/punct/8 talks/NOUN/nsubj/8 failed/VERB/ROOT/-",
     [("HARARE", "City"), ("Zimbabwe", "State"), ("AP", "Organisation")]),
])
def test_names_mended_by_their_context(blank_nlp, annotated, expected):
    assert [(m.text, m.type) for m in type_entities(parse(blank_nlp, annotated))] == expected


@pytest.mark.parametrize("annotated, expected", [
    # a body's name spaCy ended before its "of"/"for"/"on" phrase takes it, a place and all …
    ("the/DET/det/2/ORG High/PROPN/compound/2/ORG Tribunal/PROPN/nsubj/6/ORG of/ADP/prep/2 the/DET/det/5 "
     "Netherlands/PROPN/pobj/3/GPE ruled/VERB/ROOT/-",
     ["High Tribunal of the Netherlands"]),
    ("the/DET/det/1/ORG Board/PROPN/nsubj/6/ORG on/ADP/prep/1 Wages/PROPN/pobj/2 and/CCONJ/cc/3 "
     "Prices/PROPN/conj/3 met/VERB/ROOT/-",
     ["Board on Wages and Prices"]),
    # … but not a date after "on"
    ("the/DET/det/1/ORG Assembly/PROPN/nsubj/4/ORG on/ADP/prep/1 Sunday/PROPN/pobj/2/DATE voted/VERB/ROOT/-",
     ["Assembly"]),
    # one body's name in the possessive before another's: two organisations
    ("the/DET/det/2/ORG Chamber/PROPN/poss/6/ORG of/ADP/prep/1/ORG Deputies~/PROPN/pobj/2/ORG '/PART/case/3/ORG "
     "Budget/PROPN/compound/5/ORG Committee/PROPN/nsubj/7/ORG met/VERB/ROOT/-",
     ["Chamber of Deputies", "Budget Committee"]),
    # … but "People's" is inside one name
    ("the/DET/det/5/ORG Kachin/PROPN/compound/2/ORG People~/PROPN/poss/5/ORG 's/PART/case/2/ORG "
     "Defence/PROPN/compound/5/ORG Army/PROPN/nsubj/6/ORG fought/VERB/ROOT/-",
     ["Kachin People's Defence Army"]),
    # a name spaCy cut before the acronym given in brackets after it runs on to the bracket
    ("the/DET/det/1/ORG Office/PROPN/nsubj/10/ORG of/ADP/prep/1/ORG Fair/PROPN/compound/4/ORG Trading/PROPN/pobj/2/ORG "
     "Standards/PROPN/compound/6 Review/PROPN/appos/4 (/PUNCT/punct/8 OFTSR/PROPN/appos/6 )/PUNCT/punct/8 "
     "ruled/VERB/ROOT/-",
     ["Office of Fair Trading Standards Review", "Office of Fair Trading Standards Review"]),
])
def test_organisation_names_spacy_cut_or_ran_together(blank_nlp, annotated, expected):
    assert [m.label for m in type_entities(parse(blank_nlp, annotated))] == expected


@pytest.mark.parametrize("annotated, expected", [
    # a month is no town, in a date or alone, even in an article about the town's state
    ("Police/NOUN/nsubj/3 in/ADP/prep/0 Britain/PROPN/pobj/1/GPE acted/VERB/ROOT/- in/ADP/prep/3 "
     "March/PROPN/pobj/4/DATE 2018/NUM/nummod/5/DATE",
     [("Britain", "United Kingdom", "State", "GBR")]),
    # a town's name inside an event spaCy found is no place; a word after "the" is no town
    ("Victims/NOUN/nsubj/6 of/ADP/prep/0 Hurricane/PROPN/compound/3/EVENT Maria/PROPN/pobj/1/EVENT "
     "in/ADP/prep/0 Texas/PROPN/pobj/4/GPE spoke/VERB/ROOT/- in/ADP/prep/6 the/DET/det/9 Republic/PROPN/pobj/7",
     [("Texas", "Texas", "Location", "USA")]),
    # a given name alone in person position is a person, not the town of that name …
    ("Ali/PROPN/nsubj/1/PERSON said/VERB/ROOT/- so/ADV/advmod/1", [("Ali", "Ali", "Person", None)]),
    # … in place position the town
    ("Floods/NOUN/nsubj/1 hit/VERB/ROOT/- in/ADP/prep/1 Ali/PROPN/pobj/2/PERSON ,/PUNCT/punct/3 "
     "India/PROPN/appos/3/GPE",
     [("Ali", "Ali", "City", "IND"), ("India", "India", "State", "IND")]),
])
def test_words_and_names_that_are_no_places(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    # time zones, weapons and products are no actors, whatever spaCy's label …
    ("Shelling/NOUN/nsubj/1 began/VERB/ROOT/- at/ADP/prep/1 0400/NUM/pobj/2 UTC/PROPN/appos/3/ORG",
     []),
    ("Troops/NOUN/nsubj/1 fired/VERB/ROOT/- Javelin/PROPN/compound/3/ORG missiles/NOUN/dobj/1", []),
    # an abbreviation of a thing
    ("Italy/PROPN/nsubj/1/GPE opposed/VERB/ROOT/- the/DET/det/4 EV/PROPN/compound/4/ORG tariffs/NOUN/dobj/1",
     [("Italy", "Italy", "State", "ITA")]),
    # … but a time zone's code is one only as written: "the West" is a bloc
    ("the/DET/det/1 West/PROPN/nsubj/2/LOC objected/VERB/ROOT/-", [("West", "West", "Group", None)]),
    # a direction word before "and" modifies the name after it
    ("Fighting/NOUN/nsubj/1 raged/VERB/ROOT/- in/ADP/prep/1 Western/PROPN/amod/6/LOC and/CCONJ/cc/3 "
     "Southern/PROPN/conj/3 Ukraine/PROPN/pobj/2/GPE",
     [("Ukraine", "Ukraine", "State", "UKR")]),
    # a title with no name is no organisation
    ("the/DET/det/2/ORG National/PROPN/compound/2/ORG Security/PROPN/compound/3/ORG Advisor/PROPN/nsubj/4/ORG "
     "resigned/VERB/ROOT/-", []),
    # a speaker tag of a transcript, and a photo credit, name no actor here
    ("TORRES/PROPN/ROOT/-/PERSON :/PUNCT/punct/0 We/PRON/nsubj/3 agree/VERB/ROOT/-", []),
    ("(/PUNCT/punct/3 Photo/NOUN/ROOT/- :/PUNCT/punct/1 Lena/PROPN/compound/4/PERSON Kraus/PROPN/appos/1/PERSON "
     ")/PUNCT/punct/1", []),
    # two names spaCy ran together with "and"
    ("Zembla/PROPN/nsubj/3/ORG and/CCONJ/cc/0/ORG Cyprus/PROPN/conj/0/ORG agreed/VERB/ROOT/-",
     [("Zembla", "Zembla", "Organisation", None), ("Cyprus", "Cyprus", "State", "CYP")]),
])
def test_spans_that_name_no_actor(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    # a firm's branch in a state, though spaCy saw a place
    ("Auditors/NOUN/nsubj/4 of/ADP/prep/0 Zorvan/PROPN/compound/3/LOC USA/PROPN/pobj/1/LOC resigned/VERB/ROOT/-",
     [("Zorvan USA", "Organisation")]),
    # a name that is a city and a region, listed with regions, is the region …
    ("Idaho/PROPN/nsubj/7/GPE ,/PUNCT/punct/0 Oregon/PROPN/conj/0/GPE ,/PUNCT/punct/2 Washington/PROPN/conj/2/GPE "
     "and/CCONJ/cc/4 Texas/PROPN/conj/4/GPE voted/VERB/ROOT/-",
     [("Idaho", "Location"), ("Oregon", "Location"), ("Washington", "Location"), ("Texas", "Location")]),
    # … and a city written with its region's abbreviation ("<City>, D.C.", "<City>, Ga.") is one name of the city
    ("Talks/NOUN/nsubj/1 began/VERB/ROOT/- in/ADP/prep/1 Atlanta~/PROPN/pobj/2/GPE ,/PUNCT/punct/3 "
     "Ga./PROPN/appos/3/GPE", [("Atlanta, Ga.", "City")]),
])
def test_branches_regions_and_cities_by_construction(blank_nlp, annotated, expected):
    assert [(m.text, m.type) for m in type_entities(parse(blank_nlp, annotated))] == expected


@pytest.mark.parametrize("annotated, expected", [
    # a capitalised "The" inside a sentence makes a publication's name of what spaCy took for a place …
    ("She/PRON/nsubj/1 told/VERB/ROOT/- The/DET/det/3 Baltic/PROPN/dobj/1/LOC that/SCONJ/mark/1",
     [("Baltic", "The Baltic", "Organisation", None)]),
    # … but not a place the gazetteer knows by that name
    ("She/PRON/nsubj/1 flew/VERB/ROOT/- to/ADP/prep/1 The/DET/det/4 Hague/PROPN/pobj/2/GPE",
     [("Hague", "The Hague", "City", "NLD")]),
])
def test_names_titled_with_the(blank_nlp, annotated, expected):
    assert typed(blank_nlp, annotated) == expected


@pytest.mark.parametrize("annotated, expected", [
    # a state's name that starts the name of one of its bodies is that body
    ("the/DET/det/2 Mexico/PROPN/compound/2/GPE Department/PROPN/nsubj/5 of/ADP/prep/2 Justice/PROPN/pobj/3 "
     "spoke/VERB/ROOT/-",
     [("Mexico Department of Justice", "Mexico Department of Justice", "Organisation", None)]),
    # … but "<State>'s <Agency>" is the agency's own name, and a title after the state is a person's
    ("Kenya~/PROPN/poss/3/GPE 's/PART/case/0 National/PROPN/compound/3/ORG Police/PROPN/compound/4/ORG "
     "Agency/PROPN/nsubj/5/ORG spoke/VERB/ROOT/-",
     [("Kenya", "State"), ("National Police Agency", "Organisation")]),
])
def test_bodies_named_after_their_state(blank_nlp, annotated, expected):
    assert [(text, kind) for text, _, kind, _ in typed(blank_nlp, annotated)] == \
        [(e[0], e[2]) if len(e) == 4 else e for e in expected]


def test_a_chambers_short_name_follows_the_chain_to_its_full_name(blank_nlp):
    annotated = ("the/DET/det/2 Chile/PROPN/compound/2/GPE House/PROPN/nsubj/5 of/ADP/prep/2 Deputies/PROPN/pobj/3 "
                 "met/VERB/ROOT/- ;/PUNCT/punct/5 the/DET/det/8 House/PROPN/nsubj/9/ORG of/ADP/prep/8/ORG "
                 "Deputies/PROPN/pobj/9/ORG voted/VERB/conj/5 ;/PUNCT/punct/5 the/DET/det/13 House/PROPN/nsubj/14/ORG "
                 "adjourned/VERB/conj/5")
    labels = {m.label for m in type_entities(parse(blank_nlp, annotated)) if m.type == "Organisation"}
    assert labels == {"Chile House of Deputies"}


def test_a_courts_district_of_a_place_is_part_of_its_name(blank_nlp):
    annotated = ("the/DET/det/2 Texas/PROPN/compound/2/ORG District/PROPN/compound/3/ORG Court/PROPN/nsubj/11/ORG "
                 "for/ADP/prep/3 the/DET/det/7 Western/PROPN/compound/7 District/PROPN/pobj/4 of/ADP/prep/7 "
                 "New/PROPN/compound/10/GPE Mexico/PROPN/pobj/8/GPE ruled/VERB/ROOT/-")
    [court] = [m for m in type_entities(parse(blank_nlp, annotated)) if m.type == "Organisation"]
    assert court.text.endswith("Western District of New Mexico")


def test_an_acronym_the_article_defines_is_that_name_wherever_it_stands(blank_nlp):
    annotated = ("the/DET/det/2/ORG Zembu/PROPN/compound/2/ORG Front/PROPN/nsubj/6/ORG (/PUNCT/punct/4 ZF/PROPN/appos/2 "
                 ")/PUNCT/punct/4 fled/VERB/ROOT/- ./PUNCT/punct/6 Police/NOUN/nsubj/9 blamed/VERB/ROOT/- "
                 "the/DET/det/11 ZF/PROPN/dobj/9")
    found = [(m.text, m.label, m.type) for m in type_entities(parse(blank_nlp, annotated))]
    assert found == [("the Zembu Front", "Zembu Front", "Organisation"), ("ZF", "Zembu Front", "Organisation"),
                     ("ZF", "Zembu Front", "Organisation")]


def test_an_organisation_s_one_word_name_is_found_again(blank_nlp):
    annotated = ("Zembu/PROPN/nsubj/1/ORG fled/VERB/ROOT/- ./PUNCT/punct/1 Police/NOUN/nsubj/4 blamed/VERB/ROOT/- "
                 "Zembu/PROPN/dobj/4")
    found = [(m.text, m.type, m.start) for m in type_entities(parse(blank_nlp, annotated))]
    assert found == [("Zembu", "Organisation", 0), ("Zembu", "Organisation", 5)]


def test_a_surname_spacy_cut_off_as_another_name_is_part_of_the_person_s(blank_nlp):
    annotated = ("Minister/PROPN/compound/3 Ana/PROPN/compound/3/PERSON Luz/PROPN/compound/3/PERSON "
                 "Lima/PROPN/nsubj/4/ORG spoke/VERB/ROOT/-")
    assert [(m.text, m.type) for m in type_entities(parse(blank_nlp, annotated))] == [("Ana Luz Lima", "Person")]


def test_a_model_designation_is_no_actor_but_the_nationality_before_it_is(blank_nlp):
    annotated = ("Kessan/PROPN/compound/1/ORG F-16/NUM/nummod/2/ORG jets/NOUN/nsubj/3 struck/VERB/ROOT/- "
                 "BM-21/PROPN/dobj/3/ORG ./PUNCT/punct/3 The/DET/det/7 G-20/PROPN/nsubj/8/ORG met/VERB/ROOT/-")
    found = [m.text for m in type_entities(parse(blank_nlp, annotated))]
    assert "Kessan F-16" not in found and "BM-21" not in found and "G-20" in found


def test_a_document_is_no_actor(blank_nlp):
    annotated = ("Kessa/PROPN/nsubj/1/GPE left/VERB/ROOT/- the/DET/det/4 Rome/PROPN/compound/4/ORG "
                 "Statute/PROPN/dobj/1/ORG and/CCONJ/cc/4 the/DET/det/7 Treaty/PROPN/conj/4/ORG of/ADP/prep/7/ORG "
                 "Lisbon/PROPN/pobj/8/ORG ./PUNCT/punct/1 The/DET/det/13 Warsaw/PROPN/compound/13/ORG "
                 "Pact/PROPN/nsubj/14/ORG met/VERB/ROOT/-")
    found = [m.text for m in type_entities(parse(blank_nlp, annotated))]
    assert "Rome Statute" not in found and "Treaty of Lisbon" not in found and "Warsaw Pact" in found


def test_a_person_in_apposition_to_a_body_s_name_is_no_organisation(blank_nlp):
    annotated = ("the/DET/det/3/ORG Kessan/PROPN/compound/3/ORG Union/PROPN/compound/3/ORG Commission/PROPN/pobj/5/ORG "
                 ",/PUNCT/punct/3 Amina/PROPN/compound/7/PERSON Diallo/PROPN/appos/3/PERSON ,/PUNCT/punct/3 "
                 "spoke/VERB/ROOT/-")
    found = {m.text: m.type for m in type_entities(parse(blank_nlp, annotated))}
    assert found.get("Amina Diallo") == "Person", found


def test_names_listed_with_commas_in_one_span_are_each_a_name(blank_nlp):
    annotated = ("Jets/NOUN/nsubj/1 hit/VERB/ROOT/- Fordow/PROPN/dobj/1/ORG ,/PUNCT/punct/2/ORG "
                 "Natanz/PROPN/conj/2/ORG and/CCONJ/cc/4 Isfahan/PROPN/conj/4/GPE")
    assert [m.text for m in type_entities(parse(blank_nlp, annotated))] == ["Fordow", "Natanz", "Isfahan"]


def test_a_place_s_own_name_taken_for_a_person_lends_no_surname(blank_nlp):
    annotated = ("Troops/NOUN/nsubj/1 reached/VERB/ROOT/- Port/PROPN/compound/3/PERSON Moresby/PROPN/dobj/1/PERSON "
                 "./PUNCT/punct/1 He/PRON/nsubj/6 accused/VERB/ROOT/- Port/PROPN/compound/8 Moresby/PROPN/dobj/6")
    found = [(m.text, m.type) for m in type_entities(parse(blank_nlp, annotated))]
    assert ("Moresby", "Person") not in found and ("Port", "Person") not in found


def test_an_organisation_s_longer_name_is_found_again_but_not_inside_another(blank_nlp):
    annotated = ("Kessa/PROPN/compound/2/ORG Vale/PROPN/compound/2/ORG Police/PROPN/nsubj/3/ORG came/VERB/ROOT/- "
                 "./PUNCT/punct/3 Kessa/PROPN/compound/7 Vale/PROPN/compound/7 Police/PROPN/nsubj/8 held/VERB/ROOT/- "
                 "him/PRON/dobj/8 ./PUNCT/punct/8 Kessa/PROPN/compound/14 Vale/PROPN/compound/14 "
                 "Police/PROPN/compound/14 Federation/PROPN/nsubj/15 spoke/VERB/ROOT/-")
    found = [(m.text, m.type, m.start) for m in type_entities(parse(blank_nlp, annotated))]
    assert ("Kessa Vale Police", "Organisation", 5) in found
    assert not [f for f in found if f[2] == 11]  # part of another name, "… Police Federation"


def test_a_name_runs_on_through_in_the_to_its_acronym(pipeline):
    doc = pipeline("The government signed a deal with the Front for Renewal in the Republic of Zembu (FRRZ) on Monday.")
    assert [m.label for m in doc._.kg_mentions if m.text == "FRRZ"] == ["Front for Renewal in the Republic of Zembu"]


def test_a_town_the_gazetteer_lacks_lies_in_the_state_the_article_is_about():
    from collections import Counter
    from kg.extract.entities import article_country
    assert article_country(Counter({"AFG": 4, "USA": 2})) == "AFG"
    assert article_country(Counter({"AFG": 3, "USA": 2})) is None  # no state stands out
    assert article_country(Counter({"AFG": 1})) is None             # one name is no evidence


@pytest.mark.model
def test_acronyms_in_title_case_are_the_organisations(pipeline):
    doc = pipeline("The West African bloc Ecowas condemned the coup.")  # the tagger takes "Ecowas" for a verb
    assert "Economic Community of West African States" in {m.label for m in doc._.kg_mentions}


@pytest.mark.model
def test_a_people_named_by_where_they_live_is_that_group_also_by_its_bare_name(pipeline):
    doc = pipeline("The Bosnian Serbs overran the enclave on Tuesday. The Serbs threatened to shell the base, and "
                   "Serb forces bombed the town. Serbian President Slobodan Milosevic denied any role.")
    labels = {m.text: (m.label, m.type) for m in doc._.kg_mentions}
    assert labels["Serbs"] == labels["Serb"] == ("Bosnian Serbs", "Group")
    assert labels["Serbian"] == ("Serbia", "State")  # the state's own adjective stays the state's


@pytest.mark.model
@pytest.mark.parametrize("text, not_an_actor", [
    ("Pan Am Flight 103, a Boeing 747, exploded over Lockerbie, killing all 259 people on board.", "Boeing"),
    ("The jet, an Airbus A300, was shot down over the Gulf.", "Airbus"),
    ("Hezbollah guerrillas launched Katyusha rockets at northern Israel.", "Katyusha"),
])
def test_products_and_weapons_are_no_actors(pipeline, text, not_an_actor):
    assert not_an_actor not in {m.label for m in pipeline(text)._.kg_mentions}


def test_a_bare_name_shared_by_two_named_groups_stays_the_nationality():
    from kg.extract.entities import Mention, people_of_the_group
    from kg.extract.lexicon import lexicon
    groups = [Mention(name, name, "Group", i, i + 2, 0, 0) for i, name in ((0, "Bosnian Serbs"), (3, "Kosovo Serbs"))]
    serbs = Mention("Serbs", "Serbia", "State", 6, 7, 0, 0, country="SRB", kind="nationality")
    assert people_of_the_group(groups + [serbs], lexicon())[-1] == serbs  # either group: the graph cannot say
    assert people_of_the_group(groups[:1] + [serbs], lexicon())[-1].label == "Bosnian Serbs"


@pytest.mark.model
def test_a_region_s_adjective_is_no_people_that_takes_the_nationality(pipeline):
    doc = pipeline("Several Latin American governments criticized the invasion. "
                   "He said at least nine American servicemen had been killed.")
    assert [m.label for m in doc._.kg_mentions if m.text == "American"] == ["United States"]


@pytest.mark.parametrize("annotated, expected", [
    # capitalised words after "the" ending in a plural noun of armed units name a group
    ("the/DET/det/2 Iron/PROPN/compound/2 Brigades/PROPN/nsubj/3 struck/VERB/ROOT/-", ["Iron Brigades"]),
    ("members/NOUN/nsubj/5 of/ADP/prep/0 the/DET/det/4 Liberty/PROPN/compound/4 Battalions/PROPN/pobj/1 "
     "fired/VERB/ROOT/-", ["Liberty Battalions"]),
    # no name before the noun, or no "the": no group's name
    ("the/DET/det/1 Brigades/PROPN/nsubj/2 struck/VERB/ROOT/-", []),
    ("Iron/PROPN/compound/1 Brigades/PROPN/nsubj/2 struck/VERB/ROOT/-", []),
    # lower case: units of some army
    ("the/DET/det/2 two/NUM/nummod/2 battalions/NOUN/nsubj/3 struck/VERB/ROOT/-", []),
])
def test_armed_group_names(blank_nlp, annotated, expected):
    from kg.extract.entities import armed_group_names
    doc = parse(blank_nlp, annotated)
    assert [span.text for span in armed_group_names(doc, set())] == expected


@pytest.mark.parametrize("name, people", [
    ("Sunni Muslims", True), ("Democrats", True), ("Bosnian Serb", True),
    # an adjective of a region names no one in particular
    ("Latin American", False), ("Southeast Asian", False), ("West African", False), ("Russian", False),
])
def test_a_norp_names_people_or_is_an_adjective(name, people):
    from kg.extract.entities import _looks_like_people
    assert _looks_like_people(name) is people
