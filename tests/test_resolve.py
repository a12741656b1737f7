"""Resolution: one entity per real actor, within and across articles."""
from __future__ import annotations

import pytest

from kg.extract.entities import Mention
from kg.nlp.gazetteer import gazetteer
from kg.extract.positions import PositionMention
from kg.resolve import resolve, same_person


def person(text, start, sentence=None, label=None, reference=False):
    return Mention(text, label or text, "Person", start, start + len(text.split()), 0, 0,
                   reference=reference, sentence=start if sentence is None else sentence)


def people(resolution):
    return sorted((e.label, sorted(e.alt_labels)) for e in resolution.entities.values() if e.type == "Person")


@pytest.mark.parametrize("a, b, same", [
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),   # transliteration variants
    ("Mykola Hrytsenkyi", "Mykola Hrytsenkyy", True),
    ("Sergei Ivanov", "Sergey Ivanov", True),
    ("S. Ivanov", "Sergei Ivanov", True),                   # an initial
    ("Joe Biden", "Hunter Biden", False),                   # two people who share a surname
    ("Olena Zelenska", "Volodymyr Zelenskyy", False),
    ("Anna Kowalska", "Anna Kowalski", False),
    ("Ivanov", "Sergei Ivanov", False),                     # a surname alone is no full name
])
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_a_surname_joins_the_full_name_of_its_article():
    resolution = resolve([("a1", [person("Olaf Scholz", 0), person("Scholz", 10), person("Scholz's", 20,
                                                                                          label="Scholz")])])
    assert people(resolution) == [("Olaf Scholz", ["Scholz"])]


def test_a_surname_in_another_spelling_joins_too():
    resolution = resolve([("a1", [person("Mykola Hrytsenkyy", 0), person("Hrytsenkyi", 10)])])
    assert people(resolution) == [("Mykola Hrytsenkyy", ["Hrytsenkyi"])]


def test_with_two_people_of_one_surname_a_surname_is_the_one_named_before():
    found = [person("Anna Kowalska", 0), person("Maria Kowalska", 10), person("Kowalska", 20), ]
    resolution = resolve([("a1", found)])
    assert people(resolution) == [("Anna Kowalska", []), ("Maria Kowalska", ["Kowalska"])]
    assert resolution.entity_of("a1", found[2]).label == "Maria Kowalska"


def test_spelling_variants_merge_across_articles_and_the_commonest_full_name_wins():
    resolution = resolve([("a1", [person("Mykola Hrytsenkyy", 0), person("Mykola Hrytsenkyy", 9)]),
                          ("a2", [person("Mykola Hrytsenkyi", 0), person("Hrytsenkyi", 5)])])
    assert people(resolution) == [("Mykola Hrytsenkyy", ["Hrytsenkyi", "Mykola Hrytsenkyi"])]


def test_people_named_side_by_side_are_never_merged():
    # "Serhiy Tkachenko and Serhii Tkachenko" in one sentence: two people, however alike
    found = [person("Serhiy Tkachenko", 0, sentence=0), person("Serhii Tkachenko", 3, sentence=0)]
    resolution = resolve([("a1", found), ("a2", [person("Serhiy Tkachenko", 0)])])
    assert people(resolution) == [("Serhii Tkachenko", []), ("Serhiy Tkachenko", [])]


def test_a_surname_alone_joins_a_full_name_elsewhere_only_when_one_fits():
    one = resolve([("a1", [person("Olaf Scholz", 0)]), ("a2", [person("Scholz", 0)])])
    assert people(one) == [("Olaf Scholz", ["Scholz"])]
    two = resolve([("a1", [person("Anna Kowalska", 0)]), ("a2", [person("Maria Kowalska", 0)]),
                   ("a3", [person("Kowalska", 0)])])
    assert people(two) == [("Anna Kowalska", []), ("Kowalska", []), ("Maria Kowalska", [])]


def test_references_and_nationality_words_add_no_names():
    kyiv = gazetteer().best("Kyiv")
    ukraine = gazetteer().country("UKR")
    found = [Mention("Kyiv", "Kyiv", "City", 0, 1, 0, 4, "UKR", kyiv),
             Mention("the city", "Kyiv", "City", 5, 7, 20, 28, "UKR", kyiv, reference=True),
             Mention("Ukrainian", "Ukraine", "State", 8, 9, 30, 39, "UKR", ukraine, kind="nationality"),
             person("Olaf Scholz", 10), person("he", 14, label="Olaf Scholz", reference=True)]
    resolution = resolve([("a1", found)])
    assert {e.label: sorted(e.alt_labels) for e in resolution.entities.values()} == {
        "Kyiv": [], "Ukraine": [], "Olaf Scholz": []}
    assert resolution.entity_of("a1", found[1]).label == "Kyiv"
    assert resolution.entity_of("a1", found[4]).label == "Olaf Scholz"


def test_positions_attach_to_resolved_people_and_an_unknown_holder_gives_way():
    chile = gazetteer().country("CHL")
    soto, short = person("Ana Soto", 1), person("Soto", 20)
    chilean = Mention("Chilean", "Chile", "State", 0, 1, 0, 7, "CHL", chile, kind="nationality")
    positions = [PositionMention(soto, "President", chilean, "…"), PositionMention(short, "President", None, "…")]
    resolution = resolve([("a1", [chilean, soto, short], positions)])
    assert [(resolution.entities[p.person].label, p.title, resolution.entities[p.of].label)
            for p in resolution.positions] == [("Ana Soto", "President", "Chile")]


def test_shorter_forms_of_a_name_join_the_full_name_of_their_article():
    # the last words of a name, a given name alone, and a fuller spelling of the same name
    found = [person("Amira al-Haddad", 0), person("al-Haddad", 10, label="al-Haddad"),
             person("Diego Santos Ferreira", 20), person("Santos Ferreira", 30), person("Diego", 40),
             person("Carl P. Lindqvist", 50), person("Carl Lindqvist", 60)]
    resolution = resolve([("a1", found)])
    assert people(resolution) == [("Amira al-Haddad", ["al-Haddad"]),
                                  ("Carl P. Lindqvist", ["Carl Lindqvist"]),
                                  ("Diego Santos Ferreira", ["Diego", "Santos Ferreira"])]


def test_a_given_name_alone_prefers_a_surname():
    # "Grant" is a surname here and a given name of someone else: the surname wins
    found = [person("Grant Miller", 0), person("Ulysses Grant", 10), person("Grant", 20)]
    resolution = resolve([("a1", found)])
    assert resolution.entity_of("a1", found[2]).label == "Ulysses Grant"


def test_one_name_is_one_type_across_articles():
    # spaCy's ORG for a person's name in one article, PERSON in two others: one person
    org = Mention("Dara Moreno", "Dara Moreno", "Organisation", 0, 2, 0, 11)
    resolution = resolve([("a1", [person("Dara Moreno", 0)]), ("a2", [org]), ("a3", [person("Dara Moreno", 0)])])
    assert [(e.type, e.label, sorted(e.articles)) for e in resolution.entities.values()] == [
        ("Person", "Dara Moreno", ["a1", "a2", "a3"])]
    assert resolution.entity_of("a2", org).type == "Person"


def test_a_known_organisation_keeps_its_type_and_places_stay_apart():
    known = Mention("Zorvan", "Zorvan", "Organisation", 0, 1, 0, 6, kind="media")
    kyiv = gazetteer().best("Kyiv")
    place = Mention("Kyiv", "Kyiv", "City", 0, 1, 0, 4, "UKR", kyiv)
    resolution = resolve([("a1", [known]), ("a2", [person("Zorvan", 0), person("Zorvan", 5)]),
                          ("a3", [place]), ("a4", [person("Kyiv", 0)])])
    assert sorted((e.type, e.label) for e in resolution.entities.values() if e.type != "State") == [
        ("City", "Kyiv"), ("Organisation", "Zorvan"), ("Person", "Kyiv")]


def test_eastern_and_east_name_one_region():
    found = [Mention("Eastern Adriatic", "Eastern Adriatic", "Location", 0, 2, 0, 16),
             Mention("East Adriatic", "East Adriatic", "Location", 5, 7, 30, 43)]
    resolution = resolve([("a1", found)])
    assert [(e.label, sorted(e.names)) for e in resolution.entities.values()] == [
        ("Eastern Adriatic", ["East Adriatic", "Eastern Adriatic"])]


def test_the_cheap_bounds_of_the_surname_match_agree_with_sequence_matcher():
    """_similar_keys skips SequenceMatcher when the lengths or the shared letters cannot reach the
    threshold: it must answer as SequenceMatcher.ratio() does, on words one or two edits apart
    (and their anagrams), where the answers go both ways."""
    import random
    from difflib import SequenceMatcher

    from kg.resolve import SURNAME_SIMILARITY, _similar_keys

    letters = "abdeiklnorsvyz"
    rng = random.Random(7)
    answers = set()
    for _ in range(3000):
        a = "".join(rng.choices(letters, k=rng.randint(3, 14)))
        b = list(a)
        for _ in range(rng.randint(1, 2)):
            at = rng.randrange(len(b))
            b[at:at + 1] = rng.choice([[], [rng.choice(letters)], [b[at], rng.choice(letters)]])
        if rng.random() < 0.3:
            rng.shuffle(b)
        b = "".join(b)
        expected = a == b or SequenceMatcher(None, a, b).ratio() >= SURNAME_SIMILARITY
        assert _similar_keys(a, b) == expected, (a, b)
        answers.add(expected)
    assert answers == {True, False}
