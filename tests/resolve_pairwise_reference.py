"""The pairwise person matching as it was before the indexes (main at 4c926ec), kept verbatim as the
reference the indexed version must agree with (tests/test_resolve_index.py)."""
from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher
from typing import Sequence

from kg.extract.entities import Mention
from kg.names import name_key, transliteration_key
from kg.resolve import SURNAME_SIMILARITY, Entity, EntityKey

def _words(name: str) -> list[str]:
    return [w for w in name_key(name).split() if w]


def _similar(a: str, b: str) -> bool:
    a, b = transliteration_key(a), transliteration_key(b)
    return a == b or SequenceMatcher(None, a, b).ratio() >= SURNAME_SIMILARITY


def _given_names_agree(a: list[str], b: list[str]) -> bool:
    """"Vladimir"/"Vladimir", "V."/"Vladimir", "Sergei"/"Sergey": one given name."""
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return _similar(first_a, first_b)


def same_person(a: str, b: str) -> bool:
    """Whether two full names (two words or more each) can name one person.

    >>> same_person("Mykola Hrytsenkyy", "Mykola Hrytsenky"), same_person("Tomas Varga", "Peter Varga")
    (True, False)
    """
    words_a, words_b = _words(a), _words(b)
    if len(words_a) < 2 or len(words_b) < 2:
        return False
    return _similar(words_a[-1], words_b[-1]) and _given_names_agree(words_a, words_b)


def _full_name_for(short: Mention, full_names: Sequence[Mention]) -> Mention | None:
    """The full name a shorter name stands for in its article.

    A surname alone fits the full names with that surname, in any spelling; the last words
    of a name fit the name they end ("al-Haddad", "Santos Ferreira"); and a given name alone
    ("Diego"), when no full name has it as a surname, fits the full names it begins. With
    several people fitting, the nearest one named before, else the nearest after.
    """
    words = _words(short.label)
    if not words:
        return None
    if len(words) > 1:
        fitting = [f for f in full_names if len(_words(f.label)) > len(words)
                   and _words(f.label)[-len(words):] == words]
    else:
        fitting = [f for f in full_names if any(_similar(words[0], w) for w in _words(f.label)[1:])]
        fitting = fitting or [f for f in full_names if _words(f.label)[0] == words[0]]
    if not fitting:
        return None
    if len({name_key(f.label) for f in fitting}) == 1:
        return fitting[0]
    before = [f for f in fitting if f.start < short.start]
    return before[-1] if before else min(fitting, key=lambda f: f.start)


def article_person_names(found: list[Mention]) -> dict[str, str]:
    """Within one article: folded short name → the full name it stands for.

    Two spellings of one full name in an article ("Carl P. Lindqvist", "Carl Lindqvist") are one
    person there, the later standing for the first, unless they stand in one sentence.
    """
    people = [m for m in found if m.type == "Person" and not m.reference]
    sentences: dict[str, set[int]] = defaultdict(set)
    for mention in people:
        sentences[name_key(mention.label)].add(mention.sentence)
    names = {}
    full_names: list[Mention] = []
    for mention in people:
        if len(_words(mention.label)) < 2:
            continue
        same = next((f for f in full_names if same_person(f.label, mention.label)
                     and not sentences[name_key(f.label)] & sentences[name_key(mention.label)]), None)
        if same is None:
            full_names.append(mention)
        elif name_key(same.label) != name_key(mention.label):
            names[name_key(mention.label)] = same.label
    for mention in people:
        if name_key(mention.label) in names:
            continue
        full = _full_name_for(mention, full_names)
        if full is not None and name_key(full.label) != name_key(mention.label):
            names[name_key(mention.label)] = full.label
    return names


class _Clusters:
    """Union-find over entity keys."""

    def __init__(self) -> None:
        self.parent: dict[EntityKey, EntityKey] = {}

    def find(self, key: EntityKey) -> EntityKey:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        self.parent[key] = root
        return root

    def union(self, a: EntityKey, b: EntityKey) -> None:
        self.parent[self.find(a)] = self.find(b)


def cluster_people(entities: dict[EntityKey, Entity],
                   side_by_side: set[frozenset[EntityKey]]) -> dict[EntityKey, EntityKey]:
    """Person entity → the entity it is one person with (itself when alone)."""
    people = sorted(k for k, e in entities.items() if e.type == "Person")
    full = [k for k in people if len(_words(entities[k].label)) > 1]
    clusters = _Clusters()
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            if frozenset((a, b)) not in side_by_side and same_person(entities[a].label, entities[b].label):
                clusters.union(a, b)
    for key in people:
        words = _words(entities[key].label)
        if len(words) != 1:
            continue
        fitting = {clusters.find(f) for f in full if any(_similar(words[0], w) for w in _words(entities[f].label)[1:])
                   and frozenset((key, f)) not in side_by_side}
        if len(fitting) == 1:  # a surname alone joins a full name only when just one fits
            clusters.union(key, fitting.pop())
    return {key: clusters.find(key) for key in people}
