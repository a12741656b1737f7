"""The compact resolution (no relation or position mention kept) agrees with the full one as it was."""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from kg.extract.actors import Actor
from kg.extract.entities import Mention
from kg.extract.positions import PositionMention
from kg.resolve import resolve
from tests import resolve_full_reference as reference

PEOPLE = ["Olaf Scholz", "Scholz", "Mykola Hrytsenkyy", "Hrytsenky", "Grace Okafor", "Okafor", "Anna Ivanova",
          "Ivanova", "Diego", "Carl P. Lindqvist", "Carl Lindqvist"]
STATES = [("Russia", "RUS"), ("Ukraine", "UKR"), ("Kenya", "KEN"), ("Ghana", "GHA")]
OTHERS = [("NATO", "Organisation"), ("Okafor", "Organisation"), ("Eastern Mediterranean", "Location"),
          ("East Mediterranean", "Location"), ("Reuters", "Organisation")]
TITLES = ["President", "Chancellor", "foreign minister", "spokesperson"]


def random_mention(rng: random.Random, start: int) -> Mention:
    """A person, a state or another named thing at token ``start``; now and then a reference."""
    shape = rng.random()
    if shape < 0.5:
        text, kind, country = rng.choice(PEOPLE), "Person", None
    elif shape < 0.8:
        (text, country), kind = rng.choice(STATES), "State"
    else:
        (text, kind), country = rng.choice(OTHERS), None
    return Mention(text, text, kind, start, start + len(text.split()), start * 5, start * 5 + len(text),
                   country=country, reference=rng.random() < 0.1, sentence=start // 12)


def random_actor(rng: random.Random, found: list[Mention]) -> Actor | None:
    """A side of a relation: a mention of the article, one it does not list (a capital acting
    for its state), an unnamed actor, or none."""
    shape = rng.random()
    if shape < 0.6 and found:
        return Actor(rng.choice(found), "words")
    if shape < 0.75:
        text, country = rng.choice(STATES)
        return Actor(Mention(text, text, "State", 999, 1000, 0, 0, country=country), "the capital")
    if shape < 0.9:
        return Actor(None, "")
    return None


def random_article(rng: random.Random) -> tuple[list[Mention], list[PositionMention], list]:
    """Mentions, position mentions and relation mentions (only their actors matter here)."""
    found, start = [], 0
    for _ in range(rng.randint(0, 25)):
        start += rng.randint(1, 4)
        found.append(random_mention(rng, start))
    people = [m for m in found if m.type == "Person"]
    positions = [PositionMention(rng.choice(people), rng.choice(TITLES),
                                 rng.choice(found) if rng.random() < 0.7 else None, "sentence")
                 for _ in range(rng.randint(0, 4)) if people]
    relations = [SimpleNamespace(subject=random_actor(rng, found) or Actor(None, ""),
                                 object=random_actor(rng, found), reporter=random_actor(rng, found))
                 for _ in range(rng.randint(0, 6))]
    return found, positions, relations


def corpus(seed: int) -> list[tuple]:
    rng = random.Random(seed)
    return [(f"a{seed}-{n}", *random_article(rng)) for n in range(rng.randint(1, 30))]


def summary(resolution) -> dict:
    """Everything a resolution says, as plain values."""
    return {
        "entities": {key: (e.type, e.label, dict(e.names), dict(e.labels), e.country, e.kind, sorted(e.articles))
                     for key, e in resolution.entities.items()},
        "mentions": resolution.mention_entity,
        "positions": sorted((p.person, p.title, p.of or ("", ""), sorted(p.articles)) for p in resolution.positions),
        "relations": [(r.article, r.subject, r.object, r.reporter) for r in resolution.relations],
    }


@pytest.mark.parametrize("seed", range(40))
def test_compact_resolution_agrees_with_the_full_one(seed):
    articles = corpus(seed)
    compact = resolve(iter(articles), keep_relation_mentions=False)
    assert summary(compact) == summary(reference.resolve(articles))
    assert all(r.mention is None for r in compact.relations)


@pytest.mark.parametrize("seed", range(10))
def test_a_compact_resolution_gives_relation_mentions_back_when_asked(seed):
    articles = corpus(seed)
    relations = {article_id: found for article_id, _, _, found in articles}
    full = resolve(articles)
    compact = resolve(articles, keep_relation_mentions=False)
    compact.relation_mentions = relations.__getitem__
    for article_id, *_ in articles:
        assert compact.relations_of(article_id) == full.relations_of(article_id)


def test_mentions_of_one_entity_share_its_key():
    found = [Mention("Kenya", "Kenya", "State", n, n + 1, 0, 0, country="KEN") for n in range(3)]
    keys = resolve([("a", found)]).mention_entity["a"].values()
    assert len({id(key) for key in keys}) == 1
