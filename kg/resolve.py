"""Stage 5 — resolution: the mentions of all articles become one entity per real actor.

Within an article, a surname or other short name joins the full name the article gives
("Scholz" → "Olaf Scholz"), also in another transliteration ("Hrytsenky" beside "Mykola
Hrytsenkyy"); pronouns and descriptions already point at their antecedent (:mod:`kg.extract.coref`).

Across articles, a place is one entity per GeoNames id (so "Kiev" and "Kyiv" meet on Kyiv), a
state one per ISO code, any other name one per type and folded name. People are then
clustered: two person entities are one when their surnames agree up to transliteration
(:func:`kg.names.transliteration_key`, then a similarity threshold) and their given names
agree, unless the two names ever stand in the same sentence — two people side by side are
two people. A surname alone joins a full name only when exactly one full name fits.

Every surface form is kept as an alternate name, but not the words of a reference ("he",
"the city") or a nationality word ("Russian").

Examples
--------
>>> from kg.extract.entities import Mention
>>> found = [Mention("Kiev", "Kyiv", "City", 0, 1, 0, 4), Mention("Kyiv", "Kyiv", "City", 5, 6, 20, 24)]
>>> resolution = resolve([("a1", found)])
>>> [(e.label, sorted(e.alt_labels)) for e in resolution.entities.values()]
[('Kyiv', ['Kiev'])]
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from difflib import SequenceMatcher
from typing import Callable, Iterable, Sequence

from kg.extract.entities import Mention
from kg.nlp.gazetteer import Gazetteer, Place, gazetteer
from kg.names import clean_name, name_key, transliteration_key

__all__ = ["Entity", "Position", "ResolvedRelation", "Resolution", "EntityKey", "entity_key", "same_person", "resolve"]

EntityKey = tuple[str, str]

# direction adjectives folded to their nouns in the key of a region without a GeoNames place
_DIRECTIONS = {"eastern": "east", "western": "west", "northern": "north", "southern": "south"}

# How alike two surnames must be, once transliteration variants are folded, to be one name.
# "Kowalski"/"Kowalska" (0.875: husband and wife) stay apart.
SURNAME_SIMILARITY = 0.9


@dataclass
class Entity:
    """One real actor, with every name it was mentioned under."""

    key: EntityKey
    type: str
    label: str
    names: Counter = field(default_factory=Counter)  # surface forms, for skos:altLabel
    country: str | None = None
    place: Place | None = None
    kind: str | None = None
    articles: set[str] = field(default_factory=set)
    labels: Counter = field(default_factory=Counter)  # canonical names its mentions were given

    @property
    def alt_labels(self) -> set[str]:
        return {n for n in self.names if n != self.label}


@dataclass
class Position:
    """A title a person holds, of a state, place, organisation or person (or of unknown)."""

    person: EntityKey
    title: str
    of: EntityKey | None
    articles: set[str] = field(default_factory=set)


@dataclass
class ResolvedRelation:
    """A relation mention of an article with its actors resolved to entities (None: unnamed)."""

    article: str
    mention: object  # kg.extract.relations.RelationMention (None in a compact resolution: see Resolution)
    subject: EntityKey | None
    object: EntityKey | None
    reporter: EntityKey | None = None


@dataclass
class Resolution:
    """Entities by key, positions, relations, and per article the entity of each mention.

    A *compact* resolution (``resolve(..., keep_relation_mentions=False)``) keeps only the
    actors' entities of each relation, not the relation mention itself, so that its memory
    does not grow with the text of every relation in the corpus; ``relation_mentions`` then
    gives an article's relation mentions again (in the order resolved) when they are needed.
    """

    entities: dict[EntityKey, Entity] = field(default_factory=dict)
    mention_entity: dict[str, dict[int, EntityKey]] = field(default_factory=dict)
    positions: list[Position] = field(default_factory=list)
    relations: list[ResolvedRelation] = field(default_factory=list)
    relation_mentions: Callable[[str], Sequence] | None = None  # article id → its relation mentions

    def entity_of(self, article_id: str, mention: Mention) -> Entity:
        return self.entities[self.mention_entity[article_id][mention.start]]

    def entities_of(self, article_id: str) -> list[Entity]:
        """The entities an article mentions, in a stable order."""
        keys = set(self.mention_entity.get(article_id, {}).values())
        return [self.entities[key] for key in sorted(keys)]

    def positions_of(self, article_id: str) -> list[Position]:
        return [p for p in self.positions if article_id in p.articles]

    def relations_of(self, article_id: str) -> list[ResolvedRelation]:
        """An article's resolved relations, each with its relation mention."""
        found = [r for r in self.relations if r.article == article_id]
        if not found or self.relation_mentions is None:
            return found
        return [replace(r, mention=m) for r, m in zip(found, self.relation_mentions(article_id))]

    def country_of(self, key: EntityKey | None) -> str | None:
        """The state an entity acts for: a state's own code, a place's or organisation's
        state, the state of a person's office."""
        entity = self.entities.get(key) if key else None
        if entity is None:
            return None
        if entity.country:
            return entity.country
        for position in self.positions:
            if position.person == key and position.of is not None and position.of != key:
                country = self.country_of(position.of)
                if country:
                    return country
        return None


def entity_key(mention: Mention) -> EntityKey:
    """What makes two mentions the same entity before people are clustered."""
    if mention.type == "State" and mention.country:
        return ("State", mention.country)
    if mention.place is not None and mention.place.geonames_id:
        return (mention.type, mention.place.key)
    # a region is one by its name, whether the gazetteer knew it ("Amhara") or the text said it was one
    # ("the Amhara region"); "Eastern Mediterranean" and "East Mediterranean" are one region
    if mention.type == "Location":
        return (mention.type, " ".join(_DIRECTIONS.get(w, w) for w in name_key(mention.label).split()))
    return (mention.type, name_key(mention.label))


# --- people -------------------------------------------------------------------------------

def _words(name: str) -> list[str]:
    return list(_word_tuple(name))


@lru_cache(maxsize=1 << 16)
def _word_tuple(name: str) -> tuple[str, ...]:
    return tuple(w for w in name_key(name).split() if w)


@lru_cache(maxsize=1 << 16)
def _transliterated(word: str) -> str:
    return transliteration_key(word)


def _similar(a: str, b: str) -> bool:
    return _similar_keys(_transliterated(a), _transliterated(b))


@lru_cache(maxsize=1 << 18)
def _similar_keys(a: str, b: str) -> bool:
    if a == b:
        return True
    # ratio() = 2·matches / (len a + len b) ≤ 2·min / (len a + len b): skip SequenceMatcher when even
    # a full match of the shorter word could not reach the threshold (the same answer, much cheaper).
    if 2 * min(len(a), len(b)) < SURNAME_SIMILARITY * (len(a) + len(b)):
        return False
    # nor when the letters the two words share, in any order, could not reach it (what
    # SequenceMatcher.quick_ratio bounds ratio() by, without making a SequenceMatcher)
    shared = sum((Counter(a) & Counter(b)).values())
    if 2 * shared < SURNAME_SIMILARITY * (len(a) + len(b)):
        return False
    return SequenceMatcher(None, a, b).ratio() >= SURNAME_SIMILARITY


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


class WordIndex:
    """Words → the items filed under them, looked up by the fuzzy surname match (`_similar`).

    Each distinct query word is compared once with each distinct filed word, whatever the
    number of items (mentions) filed, so repeated names cost nothing more.
    """

    def __init__(self) -> None:
        self.items: dict[str, list] = defaultdict(list)
        self._found: dict[str, list[str]] = {}

    def add(self, word: str, item) -> None:
        if not self.items[word] or self.items[word][-1] != item:
            self.items[word].append(item)
        self._found.clear()

    def similar_words(self, word: str) -> list[str]:
        """The filed words similar to `word`, in the order they were first filed."""
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = [w for w in self.items if _similar(word, w)]
        return found

    def similar(self, word: str) -> list:
        """The items filed under a word similar to `word`, in ascending order, without repeats."""
        return sorted({item for w in self.similar_words(word) for item in self.items[w]})


class FullNameIndex:
    """The full names of one article, indexed by their last words, their later words and their first word.

    `full_name_for` gives what `_full_name_for` gives over the same list, without a pass over it.
    """

    def __init__(self, full_names: Sequence[Mention]) -> None:
        self.full_names = list(full_names)
        self.by_suffix: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.by_first: dict[str, list[int]] = defaultdict(list)
        self.later = WordIndex()
        for i, full in enumerate(self.full_names):
            words = _word_tuple(full.label)
            for n in range(1, len(words)):
                self.by_suffix[words[-n:]].append(i)
            for word in words[1:]:
                self.later.add(word, i)
            if words:
                self.by_first[words[0]].append(i)
        self._fitting: dict[tuple[str, ...], tuple[list[Mention], list[int] | None, bool]] = {}

    def _fitting_for(self, words: tuple[str, ...]):
        cached = self._fitting.get(words)
        if cached is None:
            if len(words) > 1:
                positions = self.by_suffix.get(words, [])
            else:
                positions = self.later.similar(words[0]) or self.by_first.get(words[0], [])
            fitting = [self.full_names[i] for i in positions]
            one_name = len({name_key(f.label) for f in fitting}) == 1
            starts = [f.start for f in fitting]
            ordered = all(a <= b for a, b in zip(starts, starts[1:]))
            cached = self._fitting[words] = (fitting, starts if ordered else None, one_name)
        return cached

    def full_name_for(self, short: Mention) -> Mention | None:
        words = _word_tuple(short.label)
        if not words:
            return None
        fitting, starts, one_name = self._fitting_for(words)
        if not fitting:
            return None
        if one_name:
            return fitting[0]
        if starts is None:  # not in text order: the plain rule
            before = [f for f in fitting if f.start < short.start]
            return before[-1] if before else min(fitting, key=lambda f: f.start)
        i = bisect_left(starts, short.start)
        return fitting[i - 1] if i else fitting[0]


def _full_name_for(short: Mention, full_names: Sequence[Mention]) -> Mention | None:
    """The full name a shorter name stands for in its article.

    A surname alone fits the full names with that surname, in any spelling; the last words
    of a name fit the name they end ("al-Haddad", "Santos Ferreira"); and a given name alone
    ("Diego"), when no full name has it as a surname, fits the full names it begins. With
    several people fitting, the nearest one named before, else the nearest after.
    (For many short names over one list, build one `FullNameIndex`.)
    """
    return FullNameIndex(full_names).full_name_for(short)


def article_person_names(found: list[Mention]) -> dict[str, str]:
    """Within one article: folded short name → the full name it stands for.

    Two spellings of one full name in an article ("Carl P. Lindqvist", "Carl Lindqvist") are one
    person there, the later standing for the first, unless they stand in one sentence.
    Work grows with the mentions times the distinct names, not with the mentions squared: the
    match of a name is kept for its later mentions, and full names are indexed by word.
    """
    people = [m for m in found if m.type == "Person" and not m.reference]
    sentences: dict[str, set[int]] = defaultdict(set)
    for mention in people:
        sentences[name_key(mention.label)].add(mention.sentence)
    names = {}
    full_names: list[Mention] = []
    first_of: dict[str, Mention] = {}  # name key → its first mention among full_names
    full_keys: list[str] = []  # the keys of first_of, in order
    checked: dict[str, tuple[int, Mention | None]] = {}  # name key → (first_of entries tried, match)
    for mention in people:
        if len(_word_tuple(mention.label)) < 2:
            continue
        key = name_key(mention.label)
        tried, same = checked.get(key, (0, None))
        if same is None:  # the first full name it can be, among those not tried yet (the list only grows)
            same = next((first_of[k] for k in full_keys[tried:] if same_person(first_of[k].label, mention.label)
                         and not sentences[k] & sentences[key]), None)
            checked[key] = (len(full_keys), same)
        if same is None:
            full_names.append(mention)
            if key not in first_of:
                first_of[key] = mention
                full_keys.append(key)
        elif name_key(same.label) != key:
            names[key] = same.label
    index = FullNameIndex(full_names)
    for mention in people:
        if name_key(mention.label) in names:
            continue
        full = index.full_name_for(mention)
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
    """Person entity → the entity it is one person with (itself when alone).

    Full names are compared only with those whose surname is similar (an index by surname),
    and joined in the order of the sorted pairs, as a pass over all pairs would join them.
    """
    people = sorted(k for k, e in entities.items() if e.type == "Person")
    full = [k for k in people if len(_word_tuple(entities[k].label)) > 1]
    clusters = _Clusters()
    surnames = WordIndex()
    later = WordIndex()
    for i, key in enumerate(full):
        words = _word_tuple(entities[key].label)
        surnames.add(words[-1], i)
        for word in words[1:]:
            later.add(word, i)
    pairs = set()
    for surname in surnames.items:
        group = surnames.items[surname]
        for other in surnames.similar(surname):
            pairs.update((i, other) for i in group if i < other)
    for i, j in sorted(pairs):
        a, b = full[i], full[j]
        if frozenset((a, b)) not in side_by_side and same_person(entities[a].label, entities[b].label):
            clusters.union(a, b)
    for key in people:
        words = _word_tuple(entities[key].label)
        if len(words) != 1:
            continue
        fitting = {clusters.find(full[i]) for i in later.similar(words[0])
                   if frozenset((key, full[i])) not in side_by_side}
        if len(fitting) == 1:  # a surname alone joins a full name only when just one fits
            clusters.union(key, fitting.pop())
    return {key: clusters.find(key) for key in people}


def _canonical_label(labels: Counter, names: Counter) -> str:
    """The full name written out most often, then given most often, then the longest; a short
    name only when there is no other."""
    return max(labels, key=lambda n: (len(_words(n)) > 1, names[n], labels[n], len(n), n))


def _merge(entities: dict[EntityKey, Entity], into: dict[EntityKey, EntityKey]) -> dict[EntityKey, EntityKey]:
    """Merge clustered entities under one key each; returns old key → new key."""
    groups: dict[EntityKey, list[Entity]] = defaultdict(list)
    for key, root in into.items():
        groups[root].append(entities.pop(key))
    renamed = {}
    for members in groups.values():
        names, labels = Counter(), Counter()
        for member in members:
            names.update(member.names)
            labels.update(member.labels or {member.label: 1})
        label = _canonical_label(labels, names)
        merged = Entity(("Person", name_key(label)), "Person", label, names, labels=labels)
        for member in members:
            merged.articles |= member.articles
            merged.country = merged.country or member.country
            renamed[member.key] = merged.key
        entities[merged.key] = merged
    return renamed


# --- all together -------------------------------------------------------------------------

def one_type_per_name(entities: dict[EntityKey, Entity]) -> dict[EntityKey, EntityKey]:
    """One name, one type across articles: entities of one name but different types (a
    person in one article, an organisation in another, as spaCy saw them) become one.

    Places linked to GeoNames and states keep their type and stay apart. A known
    organisation's type wins; otherwise the type the name was given most often, a person
    on a tie. Returns old key → new key for the entities merged away.
    """
    groups: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities.values():
        if entity.place is None and entity.type != "State":
            groups[name_key(entity.label)].append(entity)
    moved = {}
    for members in groups.values():
        if len({m.type for m in members}) < 2:
            continue
        weight = Counter()
        for member in members:
            weight[member.type] += sum(member.names.values()) or 1
        known = [m for m in members if m.kind]
        winner = known[0] if known else max(members, key=lambda m: (weight[m.type], m.type == "Person"))
        for member in members:
            if member is winner or member.type == winner.type:
                continue
            winner.names.update(member.names)
            winner.labels.update(member.labels)
            winner.articles |= member.articles
            moved[member.key] = winner.key
            del entities[member.key]
    return moved


def _state_entity(iso3: str, gaz: Gazetteer) -> Entity | None:
    state = gaz.country(iso3)
    if state is None or state.kind != "State":
        return None
    return Entity(("State", iso3), "State", state.name, Counter(), iso3, state)


def _surface_name(mention: Mention) -> str | None:
    """The name a mention adds to its entity's names: not a pronoun, description or adjective."""
    if mention.reference or mention.kind == "nationality":
        return None
    return clean_name(mention.text) or None


def resolve(articles: Iterable[tuple], gaz: Gazetteer | None = None,
            keep_relation_mentions: bool = True) -> Resolution:
    """Group the mentions of every article into entities.

    ``articles`` holds ``(article_id, mentions[, positions[, relations]])`` tuples: positions
    are :class:`kg.extract.positions.PositionMention` and relations :class:`kg.extract.relations.RelationMention`
    records of that article. Nothing of an article is kept beyond what resolution needs (its
    mentions' positions in the text and entities), so ``articles`` may be read one at a time;
    without ``keep_relation_mentions`` the resolution is compact (see :class:`Resolution`).
    """
    gaz = gaz or gazetteer()
    resolution = Resolution()
    entities = resolution.entities
    side_by_side: set[frozenset[EntityKey]] = set()
    position_mentions, relation_mentions = [], []
    for article_id, found, *rest in articles:
        names = article_person_names(found)
        keys = resolution.mention_entity.setdefault(article_id, {})
        in_sentence: dict[int, set[EntityKey]] = defaultdict(set)
        for mention in found:
            label = names.get(name_key(mention.label), mention.label) if mention.type == "Person" else mention.label
            key = entity_key(mention) if label == mention.label else ("Person", name_key(label))
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = Entity(key, mention.type, label, Counter(), mention.country,
                                                mention.place, mention.kind if mention.kind != "nationality" else None)
            surface = _surface_name(mention)
            if surface:
                entity.names[surface] += 1
                entity.labels[label] += 1
            entity.articles.add(article_id)
            keys[mention.start] = entity.key  # the entity's own key: one tuple per entity, not per mention
            if mention.type == "Person" and not mention.reference:
                in_sentence[mention.sentence].add(key)
        for together in in_sentence.values():
            side_by_side.update(frozenset((a, b)) for a in together for b in together if a != b)
        position_mentions.extend(_position_ref(article_id, p) for p in (rest[0] if rest else ()))
        relation_mentions.extend((article_id, r if keep_relation_mentions else None, _relation_actors(r))
                                 for r in (rest[1] if len(rest) > 1 else ()))
    retyped = one_type_per_name(entities)
    for keys in resolution.mention_entity.values():
        for start, key in keys.items():
            keys[start] = retyped.get(key, key)
    side_by_side = {frozenset(retyped.get(k, k) for k in pair) for pair in side_by_side}
    renamed = _merge(entities, cluster_people(entities, side_by_side))
    for keys in resolution.mention_entity.values():
        for start, key in keys.items():
            keys[start] = renamed.get(key, key)
    resolution.positions = _positions(position_mentions, resolution)
    resolution.relations = [
        ResolvedRelation(article_id, relation, *(_actor_key(resolution, article_id, actor, gaz) for actor in actors))
        for article_id, relation, actors in relation_mentions]
    for entity in list(entities.values()):
        if entity.country and entity.type != "State" and ("State", entity.country) not in entities:
            state = _state_entity(entity.country, gaz)
            if state:
                entities[state.key] = state
    return resolution


@dataclass(frozen=True)
class _ActorRef:
    """What resolving a relation's actor needs of its mention (not the mention itself)."""

    start: int
    type: str
    key: EntityKey  # entity_key of the mention
    country: str | None


def _relation_actors(relation) -> tuple[_ActorRef | None, _ActorRef | None, _ActorRef | None]:
    """The subject, object and reporter of a relation mention as :class:`_ActorRef` (None: unnamed)."""
    def ref(actor) -> _ActorRef | None:
        mention = actor.mention if actor is not None else None
        if mention is None:
            return None
        return _ActorRef(mention.start, mention.type, entity_key(mention), mention.country)

    return ref(relation.subject), ref(relation.object), ref(relation.reporter)


def _actor_key(resolution: Resolution, article_id: str, actor: _ActorRef | None, gaz: Gazetteer) -> EntityKey | None:
    """The entity of a relation's actor; None for an actor the sentence does not name."""
    if actor is None:
        return None
    key = resolution.mention_entity.get(article_id, {}).get(actor.start)
    if key is not None and key[0] == actor.type:
        return key
    key = actor.key  # an actor standing for another: a capital acting for its state
    if key not in resolution.entities:
        state = _state_entity(actor.country, gaz) if actor.type == "State" and actor.country else None
        if state is None:
            return None
        resolution.entities[key] = state
    resolution.entities[key].articles.add(article_id)
    return key


def _position_ref(article_id: str, mention) -> tuple[str, int, str, int | None]:
    """What resolving a position mention needs: its article, the text positions of the person
    and of the office holder (None: unknown), and the title."""
    return article_id, mention.person.start, mention.title, mention.of.start if mention.of is not None else None


def _positions(found: list[tuple[str, int, str, int | None]], resolution: Resolution) -> list[Position]:
    """One position per person, title and office holder (from :func:`_position_ref`); one of
    unknown holder is dropped when the same person holds the same title of a known one."""
    positions: dict[tuple, Position] = {}
    for article_id, person_start, title, of_start in found:
        keys = resolution.mention_entity[article_id]
        person = keys.get(person_start)
        if person is None:
            continue
        of = keys.get(of_start) if of_start is not None else None
        key = (person, title.lower(), of)
        position = positions.setdefault(key, Position(person, title, of))
        position.articles.add(article_id)
    known = {(p.person, p.title.lower()) for p in positions.values() if p.of is not None}
    for key, position in list(positions.items()):
        if position.of is None and (position.person, key[1]) in known:
            holder = next(p for p in positions.values()
                          if p.of is not None and (p.person, p.title.lower()) == (position.person, key[1]))
            holder.articles |= position.articles
            del positions[key]
    return list(positions.values())
