"""The indexed person matching: the same answers as the pairwise one, at a cost that stays flat per mention."""
from __future__ import annotations

import random

import pytest

import kg.resolve as resolve_module
from kg.extract.entities import Mention
from kg.resolve import Entity, FullNameIndex, WordIndex, article_person_names, cluster_people
from tests import resolve_pairwise_reference as reference

GIVEN = ["Volodymyr", "Vladimir", "V.", "Sergei", "Sergey", "S.", "Joe", "Hunter", "Olena", "Anna", "Diego", "Maria"]
SURNAMES = ["Zelenskyy", "Zelensky", "Zelenska", "Ivanov", "Ivanova", "Biden", "Kowalska", "Kowalski",
            "Hrytsenkyy", "Hrytsenky", "Santos Ferreira", "Ferreira", "al-Haddad", "Diego"]


def person(text, start, sentence):
    return Mention(text, text, "Person", start, start + len(text.split()), 0, 0, sentence=sentence)


def random_article(rng: random.Random, n: int, shuffled: bool = False) -> list[Mention]:
    found, start = [], 0
    for _ in range(n):
        start += rng.randint(1, 4)
        shape = rng.random()
        if shape < 0.5:
            text = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        elif shape < 0.8:
            text = rng.choice(SURNAMES)
        else:
            text = rng.choice(GIVEN)
        found.append(person(text, start, sentence=start // 10))
    if shuffled:
        rng.shuffle(found)
    return found


@pytest.mark.parametrize("seed", range(40))
def test_article_names_agree_with_the_pairwise_matching(seed):
    rng = random.Random(seed)
    found = random_article(rng, rng.randint(1, 60), shuffled=seed % 4 == 0)
    assert article_person_names(found) == reference.article_person_names(found)


@pytest.mark.parametrize("seed", range(40))
def test_full_name_index_agrees_with_the_pairwise_rule(seed):
    rng = random.Random(seed)
    full = [m for m in random_article(rng, 40, shuffled=seed % 3 == 0) if len(m.label.split()) > 1]
    index = FullNameIndex(full)
    for short in random_article(rng, 30):
        assert index.full_name_for(short) is reference._full_name_for(short, full)


@pytest.mark.parametrize("seed", range(30))
def test_clusters_agree_with_the_pairwise_matching(seed):
    rng = random.Random(seed)
    entities = {}
    for m in random_article(rng, rng.randint(1, 50)):
        key = ("Person", m.label.casefold() + str(rng.randint(0, 1)))
        entities[key] = Entity(key, "Person", m.label)
    keys = sorted(entities)
    side_by_side = {frozenset(rng.sample(keys, 2)) for _ in range(len(keys) // 3)} if len(keys) > 1 else set()
    assert cluster_people(entities, side_by_side) == reference.cluster_people(entities, side_by_side)


def test_word_index_finds_similar_words_once_per_word():
    index = WordIndex()
    for i, word in enumerate(["zelenskyy", "zelensky", "biden", "zelenskyy"]):
        index.add(word, i)
    assert index.similar("zelenskyy") == [0, 1, 3]
    assert index.similar("biden") == [2]
    assert index.similar("obama") == []
    assert index.similar_words("zelensky") == ["zelenskyy", "zelensky"]


def test_full_name_index_suffix_first_word_and_nearest():
    full = [person("Carlos Santos Ferreira", 0, 0), person("Joe Biden", 10, 10), person("Hunter Biden", 20, 20),
            person("Diego Maradona", 30, 30)]
    index = FullNameIndex(full)
    assert index.full_name_for(person("Santos Ferreira", 40, 40)) is full[0]
    assert index.full_name_for(person("Diego", 40, 40)) is full[3]  # a given name alone
    assert index.full_name_for(person("Biden", 15, 15)) is full[1]  # the nearest before
    assert index.full_name_for(person("Biden", 25, 25)) is full[2]
    assert index.full_name_for(person("Biden", 5, 5)) is full[1]  # none before: the nearest after
    assert index.full_name_for(person("Obama", 5, 5)) is None


def count_matcher_calls(monkeypatch, run) -> int:
    calls = 0
    similar = resolve_module._similar

    def counting(a, b):
        nonlocal calls
        calls += 1
        return similar(a, b)

    monkeypatch.setattr(resolve_module, "_similar", counting)
    run()
    return calls


@pytest.mark.parametrize("names", [["Joe Biden", "Biden", "Hunter Biden", "Vladimir Putin", "Putin", "Maria"]])
def test_article_matching_grows_linearly_with_the_mentions(monkeypatch, names):
    """Each repeated mention must not be compared again with every full name (it was: quadratic)."""
    def article(n):
        return [person(names[i % len(names)], 3 * i, sentence=3 * i) for i in range(n)]

    small = count_matcher_calls(monkeypatch, lambda: article_person_names(article(300)))
    large = count_matcher_calls(monkeypatch, lambda: article_person_names(article(3000)))
    assert large <= small + 10  # work per distinct name, not per mention: flat here
    assert large < 3000


def test_clustering_compares_only_people_with_similar_surnames(monkeypatch):
    """Across articles, people are compared only within similar surnames, not all n² pairs."""
    surnames = ["Abe", "Biden", "Castro", "Duterte", "Erdogan", "Fox", "Gandhi", "Hollande", "Ito", "Jokowi"]

    def entities(n):
        labels = [f"Given{i} {surnames[i % len(surnames)]}" for i in range(n)]
        return {("Person", label.casefold()): Entity(("Person", label.casefold()), "Person", label)
                for label in labels}

    calls = count_matcher_calls(monkeypatch, lambda: cluster_people(entities(400), set()))
    assert calls < 400 * 399 // 2 // 4  # the pairwise pass compared all 79,800 pairs
