"""The trigger lexicon: which words signal which event, as CAMEO codes and relation properties.

Data, all under ``ontology/``:

* ``trigger_verbs.tsv``, ``trigger_patterns.tsv``, ``trigger_sets.tsv`` — the verb patterns
  of the PETRARCH-2 CAMEO dictionary: verbs grouped in blocks, each block's patterns (an
  optional particle, "call *on*"; words of the object, "impose *sanctions*"; a prepositional
  phrase, "call (*for* *sanctions*)") with a CAMEO code each, and the synonym sets patterns
  refer to; ``---`` marks a pattern that is no event ("take *opportunity*");
* ``triggers_extra.tsv`` — hand-written patterns that add to or override the derived ones
  (general verbs the dictionary lacks or files under another code);
* ``event_nouns.tsv`` — nouns that name an event ("airstrikes", "investigation"), for light
  verbs ("conducted airstrikes on") and set phrases ("under siege", "subject to sanctions");
* ``relations.tsv`` — CAMEO code → relation property and PLOVER type;
* ``intents.tsv`` — what committing to an event is (AGREE to cooperate, THREATEN to coerce).

A verb's code comes from its most specific matching pattern: more matched words win, and
hand-written patterns win over derived ones.

Examples
--------
>>> lex = trigger_lexicon()
>>> lex.relation("192").name, lex.relation("0233").name, lex.relation("010")
('occupied', 'calledOn', None)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from kg.data import read_tsv, title_words, word_class, word_list

__all__ = ["RelationType", "VerbPattern", "TriggerLexicon", "trigger_lexicon", "vague_blocks"]


@dataclass(frozen=True)
class RelationType:
    """A relation property: its name in kg:, its CAMEO code and PLOVER event type."""

    name: str
    cameo: str
    plover: str
    label: str
    comment: str


@dataclass(frozen=True)
class VerbPattern:
    """What must stand around a verb for it to signal an event with this CAMEO code."""

    verb: str
    particle: str
    object: tuple[str, ...]  # lemmas; "&name" is any member of a synonym set, "@place" a place
    prep: str
    prep_object: tuple[str, ...]
    cameo: str  # "---" for a pattern that names no event
    hand_written: bool
    block: str = ""  # the CAMEO dictionary block a derived pattern comes from

    @property
    def specificity(self) -> int:
        return bool(self.particle) + len(self.object) + bool(self.prep) + len(self.prep_object)


PLACE = "@place"  # in an object column: the object must be a place (a city, state or region)
PERSON = "@person"  # in an object column: the object must be a person or an office ("fired the minister")
ANY = "*"  # in an object column: any direct object ("attribute * to X": the act is the object, X the one accused)


@lru_cache(maxsize=None)  # a block's patterns give their words to each of its verbs: split once
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_CLAUSES = ("acl", "relcl", "advcl", "ccomp", "xcomp", "appos", "parataxis")


def _phrase(token: Token) -> list[Token]:
    """A noun phrase's words without the clauses on it: in "a message on X blaming Y for the
    attacks" the message is no attack."""
    words = [token]
    for child in token.children:
        if child.dep_ not in _CLAUSES:
            words += _phrase(child)
    return words


def _lemmas(token: Token) -> set[str]:
    words = _phrase(token)
    return {t.lemma_.lower() for t in words} | {t.lower_ for t in words}


# adverbs the parser may give a phrasal verb instead of a particle ("pushed back", "pulled out")
_ADVERB_PARTICLES = frozenset({"back", "away", "off", "out", "down", "up"})
# prepositions that, with an object of their own, say where or when and are never a phrasal verb's particle
_LOCATIVE = frozenset({"in", "at"})


def _only_prepositions_with_objects(phrase: "_VerbPhrase", word: str) -> bool:
    """Whether every ``word`` of the verb is a preposition with an object of its own ("in Niger",
    "in 2013"): "gave the junta in Niger a week", "a speech he gave in Australia" are no "give in"."""
    found = [c for c in phrase.children if c.lower_ == word]
    return bool(found) and all(c.dep_ == "prep" and any(o.dep_ == "pobj" for o in c.children) for c in found)


# heads that say little by themselves: the compound before them names what they are of
_GENERAL_HEADS = frozenset({"delivery", "program", "programme", "package", "shipment", "payment", "flow",
                            "supply", "operation", "effort", "regime", "scheme"})


_MARKERS = ((PLACE,), (PERSON,), (ANY,))


def _marked(wanted: tuple[str, ...], token: Token, is_place) -> bool:
    """Whether an object is what a marker of the object column asks for: a place, a person, anything."""
    if wanted == (PLACE,):
        return is_place(token)
    return _is_person(token) if wanted == (PERSON,) else True


def _is_person(token: Token) -> bool:
    """Whether an object names a person or one who holds an office ("Vice President <Name>", "the
    interior minister", "the government"): what "dismissed" or "fired" removes from office."""
    return token.ent_type_ in ("Person", "PERSON") or token.lemma_.lower() in _offices()


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    """The head words of the titles of ontology/titles.tsv, and the bodies that hold office as one."""
    return title_words() | {"government", "cabinet"}


def _head_words(token: Token) -> set[str]:
    """The words that say what a phrase is about (see :meth:`TriggerLexicon._heads`)."""
    heads = {t.lemma_.lower() for t in (token, *token.conjuncts)} | {token.lower_}
    if token.pos_ == "PROPN":  # "ambassador Brah Mohamane": the title before a name says what they are
        heads |= {c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    of = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    heads |= {c.lemma_.lower() for c in of}
    # "aid deliveries", "part of an aid programme": the noun that names the kind of a general head
    heads |= {m.lemma_.lower() for h in (token, *of) if h.lemma_.lower() in _GENERAL_HEADS
              for m in h.children if m.dep_ == "compound" and m.pos_ == "NOUN"}
    return heads


def _combine(verb: dict, pattern: dict) -> dict | None:
    """A block's pattern applied to one verb of the block, if the verb leaves its slots free.

    The verb's own words come first (particle, object, prepositional phrase, in that order);
    a pattern fills only slots after all of the verb's filled ones, and its preposition is
    not the verb's particle ("ask for" takes no second "for" phrase).
    """
    if pattern["particle"] and (verb["particle"] or verb["object"] or verb["prep"]):
        return None
    if pattern["object"] and (verb["object"] or verb["prep"]):
        return None
    if (pattern["prep"] and verb["prep"]) or (pattern["prep"] and pattern["prep"] == verb["particle"]):
        return None
    return {slot: verb[slot] or pattern[slot] for slot in ("particle", "object", "prep", "prep_object")} | {
        "cameo": pattern["cameo"]}


def _by_longest_prefix(table: dict, cameo: str):
    """The value of the longest prefix of a CAMEO code that the table lists ("0233" → "02")."""
    for length in range(len(cameo), 1, -1):
        found = table.get(cameo[:length])
        if found is not None:
            return found
    return None


class _RankedPatterns:
    """A verb's patterns best first (:meth:`TriggerLexicon._ranked_patterns`), each with its
    particle and the words its object must hold, read once for every verb of that lemma, and
    indexed so that a verb's own objects pick the few patterns that may fit it (most of a
    verb's patterns need an object, and one with words it does not hold)."""

    def __init__(self, every: list[tuple[VerbPattern, str, frozenset[str]]]):
        self.every = every
        self.objectless = [each for each in every if not each[0].object]
        # the patterns whose object must hold words, by their places in the ranking, under one
        # of those words (the least, so each is listed once)
        self._by_object_word: dict[str, list[int]] = {}
        self._other_ranks: list[int] = []  # those that take no object or any ("@place", "*")
        for rank, (pattern, _, object_words) in enumerate(every):
            if object_words:
                self._by_object_word.setdefault(min(object_words), []).append(rank)
            else:
                self._other_ranks.append(rank)

    def candidates(self, phrase: "_VerbPhrase") -> list[tuple[VerbPattern, str, frozenset[str]]]:
        """The patterns, best first, that a verb with these objects may fit: none that takes an
        object when it has none, none whose object must hold a word (the least of its words)
        that the verb's objects lack."""
        if not phrase.objects:
            return self.objectless
        words = phrase.object_lemmas()
        ranks = [rank for word in words if word in self._by_object_word for rank in self._by_object_word[word]]
        return [self.every[rank] for rank in sorted(ranks + self._other_ranks)]


def _a_while(token: Token) -> bool:
    """A span of time: "for more than a decade", "for years", "for three days"."""
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in word_class("time span")


class TriggerLexicon:
    """Verb patterns, event nouns and relation properties (see the module docstring)."""

    def __init__(self, patterns: list[VerbPattern], sets: dict[str, list[tuple[str, ...]]],
                 event_nouns: dict[str, str], relations: list[RelationType], intents: dict[str, str] | None = None,
                 own_events: frozenset[str] = frozenset()):
        self.patterns: dict[str, list[VerbPattern]] = {}
        for pattern in patterns:
            self.patterns.setdefault(pattern.verb, []).append(pattern)
        # a block's general code: the one most of its bare verbs have
        codes: dict[str, Counter] = {}
        for p in patterns:
            if p.block and not p.specificity and p.cameo:
                codes.setdefault(p.block, Counter())[p.cameo] += 1
        self.block_codes = {block: count.most_common(1)[0][0] for block, count in codes.items()}
        self.sets = sets
        self.event_nouns = event_nouns
        # nouns written by hand for their event ("meeting"), which a noun before them does not
        # make another event ("an emergency meeting" is a meeting)
        self.own_events = own_events
        self.relations = relations
        self._by_prefix = {r.cameo: r for r in relations}
        self.intents = intents or {}
        self._ranked: dict[str, _RankedPatterns] = {}
        self._members: dict[str, list[frozenset[str]]] = {}
        self._plain: dict[tuple[str, ...], frozenset[str]] = {}

    def is_vague(self, pattern: VerbPattern) -> bool:
        """A bare verb of a vague block with that block's general code ("issued": GRANT 060), not
        one with a code of its own ("ordered": 100 in OVERSEE_MANAGE)."""
        return pattern.block in vague_blocks() and pattern.cameo == self.block_codes.get(pattern.block)

    def place_code(self, verb: str, on_a_place: bool = True) -> str | None:
        """The code of a hand-written pattern of this verb that acts on a place (if what it
        describes is one) or on anything: "occupy" 192, "control <a place>" 192, "back" 050 — what
        "<Name>-controlled <Place>" or "<Name>-backed <group>" states ("the opposition-controlled
        Senate" is no place taken)."""
        for pattern in self.patterns.get(verb, ()):
            if pattern.hand_written and pattern.object in ((), (PLACE,) if on_a_place else ()) and \
                    not pattern.prep and not pattern.particle and pattern.cameo != "---":
                return pattern.cameo
        return None

    def intent(self, cameo: str) -> str | None:
        """The CAMEO code of committing to an event of this code (AGREE 03x, THREATEN 13x)."""
        return _by_longest_prefix(self.intents, cameo)

    def relation(self, cameo: str) -> RelationType | None:
        """The relation property of a CAMEO code: that of its longest listed prefix."""
        return _by_longest_prefix(self._by_prefix, cameo)

    def verb_code(self, verb: Token, is_place=lambda token: False, lemma: str | None = None,
                  fits_at=lambda verb, pattern: True) -> tuple[str, VerbPattern] | None:
        """The CAMEO code of a verb in its sentence, and the pattern that gave it.

        Hand-written patterns that fit win over derived ones; among either, the one that
        matches most words.
        """
        # the best fitting pattern is the first that fits of the verb's patterns ranked best
        # first (a stable sort: of equals, the first listed, as max() over the fitting ones picks)
        ranked = self._ranked_patterns(lemma or verb.lemma_.lower())
        if not ranked.every:
            return None
        phrase = _VerbPhrase(verb)
        particles = phrase.particles
        for pattern, particle, object_words in ranked.candidates(phrase):
            if particle and particle not in particles:
                continue  # (what _fits would say first, without a call)
            if particle in _LOCATIVE and _only_prepositions_with_objects(phrase, particle):
                continue  # "gave the junta in Niger a week": no "give in"
            if object_words and not object_words <= phrase.object_lemmas():
                continue  # a word the object must hold is in none of the verb's objects
            if self._fits(pattern, verb, is_place, phrase) and fits_at(verb, pattern):
                return pattern.cameo, pattern
        return None

    def _ranked_patterns(self, lemma: str) -> "_RankedPatterns":
        """A verb's patterns, hand-written before derived, more words before fewer, in the same
        root event as their block before not (see :meth:`verb_code`); made once per verb."""
        ranked = self._ranked.get(lemma)
        if ranked is None:
            patterns = sorted(self.patterns.get(lemma, ()), reverse=True,
                              key=lambda p: (p.hand_written, p.specificity, self._in_block_family(p)))
            ranked = self._ranked[lemma] = _RankedPatterns([(p, p.particle, self._plain_words(p.object))
                                                            for p in patterns])
        return ranked

    def _in_block_family(self, pattern: VerbPattern) -> bool:
        """Whether a pattern's code is of the same root event as its block's general code: where the
        dictionary lists one phrase under two codes ("demand explanation": 090 and 101), the
        demand is a demand."""
        general = self.block_codes.get(pattern.block)
        return bool(general) and pattern.cameo[:2] == general[:2]

    def _words_in(self, wanted: tuple[str, ...], token: Token, is_place, phrase: _VerbPhrase | None = None) -> bool:
        """Whether a phrase's words all stand in the token's subtree (sets: any member)."""
        if phrase is not None:
            key = (wanted, token.i)
            if key not in phrase.words_in:
                phrase.words_in[key] = self._words_in_phrase(wanted, token, is_place, phrase)
            return phrase.words_in[key]
        if wanted in _MARKERS:
            return _marked(wanted, token, is_place)
        lemmas = _lemmas(token)
        for word in wanted:
            if word.startswith("&"):
                if not any(set(member) <= lemmas for member in self.sets.get(word, ())):
                    return False
            elif word not in lemmas:
                return False
        return self._heads(wanted[-1], token)

    def _words_in_phrase(self, wanted: tuple[str, ...], token: Token, is_place, phrase: _VerbPhrase) -> bool:
        """:meth:`_words_in`, with the words and heads of the token read once for the verb."""
        if wanted in _MARKERS:
            return _marked(wanted, token, is_place)
        lemmas = phrase.lemmas(token)
        for word in wanted:
            if word.startswith("&"):
                if not any(member <= lemmas for member in self._set_members(word)):
                    return False
            elif word not in lemmas:
                return False
        return self._is_head(wanted[-1], phrase.heads(token))

    def _plain_words(self, wanted: tuple[str, ...]) -> frozenset[str]:
        """The words an argument must hold itself for :meth:`_words_in` to hold (none for a place
        or any object; a set's members vary)."""
        plain = self._plain.get(wanted)
        if plain is None:
            plain = frozenset() if wanted in _MARKERS else frozenset(w for w in wanted if not w.startswith("&"))
            self._plain[wanted] = plain
        return plain

    def _set_members(self, name: str) -> list[frozenset[str]]:
        """The members of a word set, each as the set of its words."""
        members = self._members.get(name)
        if members is None:
            members = self._members[name] = [frozenset(member) for member in self.sets.get(name, ())]
        return members

    def _heads(self, word: str, token: Token) -> bool:
        """Whether the pattern's last word is what the phrase is about: its head noun, or the noun a
        head of quantity counts ("a series of attacks"); "a French aid worker" is a worker, no aid."""
        return self._is_head(word, _head_words(token))

    def _is_head(self, word: str, heads: set[str]) -> bool:
        if word.startswith("&"):
            return any(member[-1] in heads for member in self.sets.get(word, ()))
        return word in heads

    def _fits(self, pattern: VerbPattern, verb: Token, is_place, phrase: _VerbPhrase | None = None) -> bool:
        phrase = phrase or _VerbPhrase(verb)
        if pattern.particle:
            if pattern.particle not in phrase.particles:
                return False
        if pattern.object:
            if not any(self._words_in(pattern.object, o, is_place, phrase) for o in phrase.objects):
                return False
        if pattern.prep:
            preps = phrase.preps(pattern.prep)
            if pattern.prep == "for" and not pattern.prep_object:  # "fought X for a decade": how long, not why
                preps = [p for p in preps if not any(_a_while(c) for c in p.children if c.dep_ == "pobj")]
            if not preps:
                return False
            if pattern.prep_object and not any(self._words_in(pattern.prep_object, c, is_place, phrase)
                                               for p in preps for c in p.children if c.dep_ == "pobj"):
                return False
        return True

    def noun_code(self, noun: Token) -> str | None:
        """The CAMEO code of an event noun: "airstrikes" → 195, "hunger strike" → 142, and
        "mediation mission" → the code of "mediation" (an event noun before a noun says what
        kind of undertaking it is)."""
        lemma = noun.lemma_.lower()
        # the word right before the noun when it is a compound or adjective on it (read without
        # going through the noun's children: it is one of them when the noun is its head)
        before = noun.doc[noun.i - 1] if noun.i > 0 else None
        if before is not None and before.text == "-" and noun.i > 1 and noun.doc[noun.i - 2].lower_ in _PREFIXES:
            return None  # "co-operation", "post-war": words of their own ("counter-attack" is one)
        if before is not None and before.head.i == noun.i and before.dep_ in ("compound", "amod") and \
                lemma not in _agent_nouns():  # "security forces" are people
            modifier = before.lemma_.lower()
            code = self.event_nouns.get(f"{modifier} {lemma}")
            if code or before.dep_ == "compound" and lemma not in self.own_events and \
                    (code := self.event_nouns.get(modifier)):
                return code
        return self.event_nouns.get(lemma) or self.event_nouns.get(noun.lower_)


# prefixes the tokenizer splits off with their hyphen ("co-operation"): the noun after them is no event noun
_PREFIXES = frozenset({"co", "non", "anti", "pre", "post", "un", "mis", "de", "semi", "quasi"})


@lru_cache(maxsize=1)
def _agent_nouns() -> frozenset[str]:
    """Singular agent nouns ("force", "official": ontology/agents.tsv), which an event noun before
    them does not make an event."""
    return frozenset(row["noun"].lower() for row in read_tsv("agents.tsv"))


class _VerbPhrase:
    """A verb's children as the patterns look at them, read once for all its patterns, and the
    answers of :meth:`TriggerLexicon._words_in` for its arguments."""

    def __init__(self, verb: Token):
        self.children = list(verb.children)
        self.particles = {c.lower_ for c in self.children if c.dep_ in ("prt", "prep") or
                          (c.dep_ == "advmod" and c.lower_ in _ADVERB_PARTICLES)}
        self.objects = [c for c in self.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        self._preps: dict[str, list[Token]] = {}
        self.words_in: dict[tuple, bool] = {}
        self._lemmas: dict[int, set[str]] = {}
        self._heads: dict[int, set[str]] = {}
        self._object_lemmas: set[str] | None = None

    def lemmas(self, token: Token) -> set[str]:
        found = self._lemmas.get(token.i)
        if found is None:
            found = self._lemmas[token.i] = _lemmas(token)
        return found

    def object_lemmas(self) -> set[str]:
        """The words of all the verb's objects together."""
        if self._object_lemmas is None:
            self._object_lemmas = set().union(*(self.lemmas(o) for o in self.objects))
        return self._object_lemmas

    def heads(self, token: Token) -> set[str]:
        found = self._heads.get(token.i)
        if found is None:
            found = self._heads[token.i] = _head_words(token)
        return found

    def preps(self, word: str) -> list[Token]:
        """The verb's prepositions ``word``, and those on its direct objects and their conjuncts."""
        found = self._preps.get(word)
        if found is None:
            children = self.children
            found = [c for c in children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == word]
            found += [p for o in children if o.dep_ == "dobj" for each in (o, *o.conjuncts) for p in each.children
                      if p.dep_ == "prep" and p.lower_ == word]
            self._preps[word] = found
        return found


def _derived_patterns() -> list[VerbPattern]:
    """Every verb of trigger_verbs.tsv with its own code and with each pattern of its block."""
    blocks: dict[str, list[dict]] = {}
    for row in read_tsv("trigger_patterns.tsv"):
        blocks.setdefault(row["block"], []).append(row)
    patterns = []
    for verb in read_tsv("trigger_verbs.tsv"):
        rows = [verb] if verb["cameo"] else []
        rows += [c for c in (_combine(verb, p) for p in blocks.get(verb["block"], ())) if c is not None]
        patterns += [VerbPattern(verb["verb"], r["particle"], _words(r["object"]), r["prep"],
                                 _words(r["prep_object"]), r["cameo"], False, verb["block"]) for r in rows]
    return patterns


def _hand_written_patterns() -> list[VerbPattern]:
    return [VerbPattern(r["verb"], r["particle"], _words(r["object"]), r["prep"], _words(r["prep_object"]),
                        r["cameo"], True) for r in read_tsv("triggers_extra.tsv")]


@lru_cache(maxsize=1)
def vague_blocks() -> frozenset[str]:
    """CAMEO blocks whose verbs alone name no act between actors (ontology/vague_blocks.tsv)."""
    return word_list("vague_blocks.tsv")


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    """The lexicon read from the ontology folder (read once)."""
    sets: dict[str, list[tuple[str, ...]]] = {}
    for row in read_tsv("trigger_sets.tsv"):
        sets.setdefault(row["set"], []).append(_words(row["member"]))
    # a derived noun resting on a single pattern is often a set member naming a thing
    # ("missile", "jail"), not an event: it takes two patterns, or a hand-written row
    rows = read_tsv("event_nouns.tsv")
    nouns = {r["noun"]: r["cameo"] for r in rows if r["source"] == "hand" or int(r["count"]) >= 2}
    own_events = frozenset(r["noun"] for r in rows if r["source"] == "hand")
    seen: dict[str, RelationType] = {}
    relations = []
    for row in read_tsv("relations.tsv"):
        first = seen.setdefault(row["relation"], RelationType(row["relation"], row["cameo"], row["plover"],
                                                              row["label"], row["comment"]))
        relations.append(RelationType(row["relation"], row["cameo"], row["plover"], first.label, first.comment))
    intents = {r["event"]: r["intent"] for r in read_tsv("intents.tsv")}
    return TriggerLexicon(_derived_patterns() + _hand_written_patterns(), sets, nouns, relations, intents, own_events)
