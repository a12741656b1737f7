"""Stage 4 — relations: who did what to whom, read off the dependency parse like an event coder.

A *trigger* signals an event (:mod:`kg.triggers`): a verb ("shelled", "urged Kenya to"), or
an event noun in one of news English's set constructions:

* a light verb with an event noun: "conducted airstrikes on X", "opened an investigation into
  X", "imposed sanctions on X", "held talks with X";
* "under" + event noun: "X fell under Russian control", "X remained under siege";
* "in control of X" (the subject holds X), "X is subject to sanctions".

The trigger's CAMEO code gives the relation property and PLOVER type. Its arguments give the
actors: the subject (or the agent of a passive: "encircled by Russian forces") acts on the
object (the direct object, the passive subject, or the object of a preposition such as "on",
"against", "into", "with"). Coordinated arguments each make a relation ("in Homs … and
Hama"); the subject of "continued pounding" is the subject of "continued"; an argument that
names no entity itself leads to one that does — its apposition ("his counterpart, Justin
Trudeau"), the state of an agent phrase ("Syrian forces": Syria, military), the owner
("Syria's actions") or the place ("districts in Homs"). A capital city acting is its state
("Ankara conducted airstrikes": Turkey). When the sentence names no agent (a passive
without "by", "subject to sanctions") the agent is an explicit unknown actor; a subject that
names no entity makes no relation.

Each relation has a modality (:mod:`kg.modality`), the sentence it was read from, who reported
it ("according to X", "X said"), and the date the sentence gives, if any ("in 2014",
"on Thursday" in an article dated 3 March 2022).

The component ``kg_relations`` stores :class:`RelationMention` records in ``doc._.kg_relations``.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.data import read_tsv
from kg.entities import Mention, mentions
from kg.gazetteer import Gazetteer, gazetteer
from kg.lexicon import Lexicon, lexicon
from kg.modality import modality_of, modality_words
from kg.triggers import RelationType, TriggerLexicon, trigger_lexicon

__all__ = ["Actor", "RelationMention", "find_relations", "RelationFinder", "event_date"]

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)
if not Doc.has_extension("kg_date"):
    Doc.set_extension("kg_date", default=None)  # the article's date, for relative dates

PLACE_TYPES = ("City", "State", "Location")
# relations that hold both ways: "X and Y met" is X met Y
SYMMETRIC = {"met", "agreed", "negotiatedWith", "cooperatedWith", "consulted", "signedAgreementWith"}
# event types that need no one acted on: "withdrew", "surrendered", "resigned"
OBJECTLESS = {"RETREAT", "CONCEDE"}
# event types whose place stands for the one acted on when nobody else is named (CAMEO's
# practice): "killed 23 people in Tel Aviv", "troops on alert in the West Bank"
LOCATED = {"ASSAULT", "PROTEST", "MOBILIZE", "COERCE"}
# prepositions that introduce the one acted on: "attack on X", "protest against X"
OBJECT_PREPOSITIONS = ("on", "upon", "against", "into", "with", "to", "at", "toward", "towards", "over", "for",
                       "from")
LIGHT_VERBS = {"conduct", "carry", "launch", "open", "impose", "stage", "hold", "mount", "begin", "start",
               "give", "provide", "send", "deliver", "offer", "undertake", "renew", "reiterate", "organize",
               "organise", "call",
               "make", "issue", "level", "file", "wage", "unleash", "resume", "continue", "escalate",
               "intensify", "step", "take", "seize", "gain", "assume", "establish", "wrest", "order",
               "announce", "initiate", "lead", "slap", "place", "put", "extend", "tighten", "expand"}
# in "X of Y", a noun like these only counts or divides Y: "thousands of Nigerians"
_PART_OF = ("of", "from")


@dataclass(frozen=True)
class Actor:
    """One side of a relation: an entity mention, or an actor the sentence does not name."""

    mention: Mention | None
    text: str  # the words of the sentence: "Russian forces", "the city", "" when unnamed
    sector: str | None = None

    @property
    def known(self) -> bool:
        return self.mention is not None


UNKNOWN = Actor(None, "")


@dataclass(frozen=True)
class RelationMention:
    """One sentence's statement that an actor did something to another."""

    relation: RelationType
    cameo: str
    subject: Actor
    object: Actor | None
    modality: str
    trigger: str  # the words that signal the event: "conducted airstrikes", "urged"
    sentence: str
    sentence_start: int  # character offset of the sentence in the article
    date: str | None = None  # what the sentence says of when: "2014", "2022-03-03"
    reporter: Actor | None = None


# --- actors -------------------------------------------------------------------------------

def _mention_index(found: Iterable[Mention]) -> dict[int, Mention]:
    index = {}
    for mention in sorted(found, key=lambda m: (m.reference, m.start)):  # names win over references
        for i in range(mention.start, mention.end):
            index.setdefault(i, mention)
    return index


def _phrase(token: Token) -> str:
    """The words of a noun phrase without its clauses and prepositional phrases."""
    keep = [t for t in token.subtree if t.i == token.i or (t.head == token and t.dep_ in (
        "det", "amod", "compound", "poss", "case", "nummod", "nmod")) or (t.head.head == token and t.dep_ in (
            "case", "compound", "amod"))]
    keep = [t for t in keep if not t.is_punct]
    return " ".join(t.text for t in sorted(keep, key=lambda t: t.i))


class _Actors:
    """Finds the entity an argument token stands for (see the module docstring)."""

    def __init__(self, doc: Doc, found: list[Mention], lex: Lexicon, gaz: Gazetteer):
        self.doc = doc
        self.index = _mention_index(found)
        self.lex = lex
        self.gaz = gaz

    def actor(self, token: Token, depth: int = 0) -> Actor | None:
        """The actor a token names. A group or thing in a place stands for the place, as in
        CAMEO's practice: "districts in Homs", "opposition groups in Zimbabwe"."""
        if token.lower_ in ("it", "they", "we") and token.dep_ in ("nsubj", "nsubjpass"):
            speaker = _speaker_of(token)  # "Japan said it had halted aid": it is Japan
            if speaker is not None:
                return self.actor(speaker, depth + 1)
        mention = self.index.get(token.i)
        if mention is not None:
            # a person's words include the title that goes with the name: "U.N. mediator X"
            text = _phrase(token) if mention.type == "Person" and not mention.reference else mention.text
            return Actor(mention, text, mention.sector)
        if depth > 3:
            return None
        if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":  # "…, which besieged X"
            return self.actor(token.head.head, depth + 1)
        if token.pos_ == "VERB" and token.dep_ in ("nsubj", "nsubjpass"):  # "X operating in Iraq said …"
            inner = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return self.actor(inner, depth + 1) if inner is not None else None
        if token.pos_ not in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
            return None
        sector = self.lex.agent_sector(token.lemma_) or self.lex.agent_sector(token.text)
        for child in token.children:  # "his Canadian counterpart, Justin Trudeau"
            if child.dep_ == "appos":
                found = self.actor(child, depth + 1)
                if found is not None:
                    return found
        owners = []  # "Russian forces", "Russia's military", "US Predator attacks", "its partners"
        for child in _modifiers(token):
            if not _against_or_for(child):
                owner = self.index.get(child.i)
                if owner is not None and (owner.type != "Person" or child.dep_ == "poss"):
                    owners.append(owner)
        if owners:  # a name before a pronoun: "its European Community partners" are the EC
            owner = min(owners, key=lambda m: m.reference)
            return Actor(owner, _phrase(token), sector or owner.sector)
        for child in token.children:  # "crimes committed by X": the agent of a participle clause
            if child.dep_ == "acl" and child.tag_ == "VBN":
                for agent in (c for a in child.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"):
                    found = self.actor(agent, depth + 1)
                    if found is not None:
                        return found
        for child in token.children:  # "the building of X", "thousands of X", "calls by X", "districts in X"
            if child.dep_ == "prep" and child.lower_ in _PART_OF + ("by", "in", "at"):
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    found = self.actor(obj, depth + 1)
                    if found is None:
                        continue
                    if child.lower_ in ("in", "at") and found.mention.type not in PLACE_TYPES:
                        continue
                    return found
        return None

    def actors(self, tokens: Iterable[Token]) -> list[Actor]:
        """The actors of argument tokens, with those coordinated to them on the surface
        when the parser lost the coordination ("in X, <apposition>, and Y")."""
        found: list[Actor] = []
        for token in tokens:
            actor = self.actor(token)
            if actor is None:
                continue
            for one in (actor, *self._listed_after(actor), *self._coordinated_owners(token, actor)):
                if one not in found:
                    found.append(one)
        return found

    def _coordinated_owners(self, token: Token, actor: Actor) -> list[Actor]:
        """"US and British forces": the other states of coordinated modifiers."""
        owners = []
        for child in token.children:
            if self.index.get(child.i) is actor.mention:
                for conjunct in child.conjuncts:
                    mention = self.index.get(conjunct.i)
                    if mention is not None and mention is not actor.mention:
                        owners.append(Actor(mention, _phrase(token), actor.sector))
        return owners

    def _listed_after(self, actor: Actor) -> list[Actor]:
        """Mentions of the same type listed after a mention: ", <apposition>, and Y"."""
        mention, doc, listed = actor.mention, self.doc, []
        while mention is not None and not mention.reference:
            i = mention.end
            if i < len(doc) and doc[i].text == ",":  # skip an apposition closed by a comma
                closing = next((j for j in range(i + 1, min(i + 9, len(doc))) if doc[j].text in (",", ".", ";")), None)
                if closing is not None and doc[closing].text == "," and closing + 1 < len(doc) and \
                        doc[closing + 1].lower_ in ("and", "or"):
                    i = closing
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if i >= len(doc) or doc[i].lower_ not in ("and", "or"):
                break
            i += 1
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
            following = self.index.get(i)
            if following is None or following.start != i or following.type != mention.type:
                break
            listed.append(Actor(following, following.text, following.sector))
            mention = following
        return listed

    def as_agent(self, actor: Actor) -> Actor:
        """A capital city that acts stands for its state: "Moscow conducted airstrikes"."""
        mention = actor.mention
        if mention is None or mention.type != "City" or mention.place is None:
            return actor
        if self.gaz.capital(mention.place.country) != mention.place:
            return actor
        state = self.gaz.country(mention.place.country)
        return replace(actor, mention=replace(mention, label=state.name, type="State", place=state, kind=None))

    def is_place(self, token: Token) -> bool:
        found = self.actor(token)
        return found is not None and found.mention.type in PLACE_TYPES


def _modifiers(token: Token) -> list[Token]:
    """A noun's modifiers, and those of its compound modifiers: "US Predator attacks"."""
    found = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "nummod"):
            found.append(child)
            if child.dep_ == "compound":
                found += [c for c in child.children if c.dep_ in ("amod", "compound", "nmod")]
    return found


def _against_or_for(modifier: Token) -> bool:
    """"anti-Syria journalist", "pro-Russian separatists": not Syria's, not Russia's."""
    doc = modifier.doc
    before = [doc[i].lower_ for i in range(max(0, modifier.i - 2), modifier.i)]
    return any(t.lower_ in ("anti", "pro") for t in modifier.subtree) or "anti" in before or "pro" in before or \
        modifier.lower_.startswith(("anti-", "pro-"))


@lru_cache(maxsize=1)
def _stative() -> frozenset[tuple[str, str]]:
    return frozenset((row["verb"], row["prep"]) for row in read_tsv("stative.tsv"))


def _stative_passive(verb: Token) -> bool:
    """"X is opposed to Y", "X were engaged in Y": the subject's state, not a passive
    (ontology/stative.tsv); the subject acts, the prepositional object is acted on."""
    return any((verb.lemma_.lower(), c.lower_) in _stative() for c in verb.children if c.dep_ == "prep") and \
        not any(c.dep_ == "agent" for c in verb.children)


def _speaker_of(pronoun: Token) -> Token | None:
    """The subject of the verb of speech a pronoun's clause reports: "X said it would …"."""
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp") and clause.head is not clause:
        clause = clause.head
    speech = clause.head
    if clause.dep_ != "ccomp" or modality_words().get(speech.lemma_.lower()) != "reporting":
        return None
    return next((c for c in speech.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def _starts_a_clause(token: Token) -> bool:
    """"… on Kyiv, and several Russian warships appeared near …": the parser made the subject
    of a new clause a conjunct of the object before it; a finite verb with no subject of its
    own right after the phrase shows it."""
    after = token.right_edge.i + 1
    if after >= len(token.doc):
        return False
    verb = token.doc[after]
    return verb.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    out = []
    for token in tokens:
        for conjunct in (token, *token.conjuncts):
            if conjunct not in out and conjunct.i >= token.i and (conjunct is token or not _starts_a_clause(conjunct)):
                out.append(conjunct)
    return out


def _grammatical_subjects(verb: Token, kinds: tuple[str, ...]) -> list[Token]:
    """The subjects of a verb, or of the verb it hangs from ("continued pounding", "attacked
    and captured", "was encircled", "agreed to meet"): the actor is the same."""
    token = verb
    for _ in range(5):
        found = [c for c in token.children if c.dep_ in kinds]
        if found:
            return _with_conjuncts(found)
        if token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp", "attr") and token.head is not token:
            token = token.head
            continue
        if token.dep_ == "prep" and token.head.pos_ in ("NOUN", "PROPN"):  # "X's goal of capturing Y": X
            owners = [c for c in token.head.children if c.dep_ in ("poss", "amod", "compound")]
            if owners:
                return owners
        if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):  # "… by sending X": the verb's subject
            token = token.head
            continue
        if token.dep_ == "relcl":  # "the forces that besieged X": the noun the clause is about
            return [token.head]
        break
    return []


def _subjects(verb: Token) -> list[Token]:
    return _grammatical_subjects(verb, ("nsubj", "csubj"))


def _prep_objects(token: Token, prepositions: Iterable[str]) -> list[Token]:
    """Objects of the token's prepositions, also through a particle ("kidnapped up to X")."""
    wanted = tuple(prepositions)
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in wanted:
            found += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "prt":
            found += _prep_objects(child, wanted)
    return found


def _nested_objects(token: Token) -> list[Token]:
    """One preposition further: "mobilized reservists for a war against X", "in protest
    against X"."""
    return [inner for outer in _prep_objects(token, OBJECT_PREPOSITIONS + ("in",))
            for inner in _prep_objects(outer, ("against", "on", "of", "at", "to", "with"))]


def _passive(verb: Token) -> bool:
    """"was encircled", "blockaded by X", "Mosul was overrun": a passive, finite or not.

    A participle after "be" with a complement of its own is an adjective of its subject:
    "X is opposed to Y", "X were engaged in Y" say what X does.
    """
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children):
        return True
    if any(c.dep_ in ("prep", "dobj", "xcomp") for c in verb.children):
        return False
    return _mistagged_participle(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acomp", "conj", "amod", "advcl"))


def _agents(verb: Token) -> list[Token]:
    """The "by" agent of a passive, shared by coordinated participles ("encircled and
    blockaded by X")."""
    for token in (verb, *verb.conjuncts):
        found = [c for a in token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
        if found:
            return _with_conjuncts(found)
    return []


def _across_quotation(verb: Token, argument: Token) -> bool:
    """An argument the parser took across a closing quotation mark: "occupied X," the head of …"""
    low, high = sorted((verb.i, argument.left_edge.i))
    return any(t.is_quote for t in verb.doc[low + 1:high])


def _is_name_calling(verb: Token) -> bool:
    """"called X a liar": an object and its complement name someone, they do not act on them."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    return bool(objects and complements)


def _speech(verb: Token) -> bool:
    """A verb of speech with a clause: the event, if any, is in the clause ("warned that …")."""
    return any(c.dep_ == "ccomp" for c in verb.children) and modality_words().get(verb.lemma_.lower()) == "reporting"


# --- triggers -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Event:
    """A trigger found in a sentence, before its actors are resolved."""

    predicate: Token  # whose clause decides modality, date and reporter
    cameo: str
    trigger: str
    subjects: tuple[Token, ...]
    objects: tuple[tuple[Token, ...], ...]  # candidate objects, best first: the first that names an entity
    unknown_agent: bool = False  # the sentence implies an agent it does not name


def _verb_lemmas(token: Token) -> list[str]:
    """The verb a word may be: its lemma, then stems of its inflection, since spaCy's lemma
    can be wrong ("staged" → "stag") or an adjective's ("encircled")."""
    lemma = token.lemma_.lower()
    word = token.lower_
    if token.tag_ not in ("VBN", "VBD", "VBG", "VBZ", "JJ", "NN"):
        return [lemma]
    if word.endswith("ing"):
        stems = [word[:-3], word[:-3] + "e", word[:-4]]
    elif word.endswith("ied"):
        stems = [word[:-3] + "y"]
    elif word.endswith(("ed", "es")):
        stems = [word[:-1], word[:-2], word[:-3]]
    else:
        stems = [word[:-1]] if word.endswith("s") else []
    return [lemma] + [s for s in stems if s and s != lemma]


def _pattern_fits_at(verb: Token, pattern) -> bool:
    """A phrasal particle or bare preposition belongs to the verb only right after it:
    "called on residents" is an appeal, "called his counterpart on Thursday" a phone call."""
    if not pattern.prep or pattern.object or pattern.prep_object:
        return True
    following = [t for t in verb.doc[verb.i + 1:verb.i + 4] if t.pos_ not in ("ADV", "PART")]
    return bool(following) and following[0].lower_ == pattern.prep


def _aspectual_object_events(verb: Token):
    """The parser's reading of "continued pounding X" as "continued [pounding X]-as-adjective":
    the participle's noun is the object, the governing verb's subject the actor."""
    noun = verb.head
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and noun.dep_ == "dobj" and \
            modality_words().get(noun.head.lemma_.lower()) == "factual":
        return noun.head, [noun]
    return None


def _mistagged_participle(token: Token) -> bool:
    """"Mosul was overrun": a participle the tagger read as a noun complement of "be"."""
    return (token.pos_ == "NOUN" or token.tag_ == "VBN") and token.dep_ in ("attr", "acomp") and \
        token.head.lemma_ == "be" and \
        not any(c.dep_ in ("det", "poss", "amod", "compound") for c in token.children)


def _clause_objects(clause: Token) -> list[list[Token]]:
    """Where an embedded act's object may stand: "to cut off electricity to X"."""
    objects = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
    return [objects, _prep_objects(clause, OBJECT_PREPOSITIONS),
            [p for o in objects for p in _prep_objects(o, OBJECT_PREPOSITIONS)]]


def _object_groups(verb: Token, pattern, cameo: str) -> tuple[tuple[Token, ...], ...]:
    """Candidate objects of an active verb, best first.

    The phrasal particle ("call on X"), the direct object, the object of the pattern's
    preposition ("protest against X") and of another preposition, a preposition on the direct object ("demanded aid for X",
    "sanctions against X"); then the acts it governs: "threatened to cut off electricity to
    X", "began a strike to protest against X", and for a demand, the one told to act
    ("demanded that X resign").
    """
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    phrasal = _prep_objects(verb, (pattern.particle,)) if pattern.particle in OBJECT_PREPOSITIONS else []
    own_objects = _prep_objects(verb, (pattern.prep,)) if pattern.prep else []
    between = [p for o in objects for p in _prep_objects(o, ("between",))]  # "hosted talks between X and Y"
    groups = [phrasal, between, objects, own_objects, _prep_objects(verb, OBJECT_PREPOSITIONS),
              [p for o in objects + own_objects for p in _prep_objects(o, OBJECT_PREPOSITIONS + ("of",))],
              _nested_objects(verb)]
    for clause in verb.children:
        if clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and any(c.lower_ == "to" for c in clause.children)):
            groups += _clause_objects(clause)
        elif clause.dep_ == "ccomp" and cameo[:2] in ("02", "10"):
            groups.append([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")])
    return tuple(tuple(o for o in _with_conjuncts(g) if not _across_quotation(verb, o)) for g in groups if g)


def _verb_events(doc_span: Span, triggers: TriggerLexicon, actors: _Actors) -> Iterator[_Event]:
    for verb in doc_span:
        if not (verb.pos_ == "VERB" or (verb.pos_ == "ADJ" and verb.tag_ == "VBN") or _mistagged_participle(verb)):
            continue
        found = None
        for lemma in _verb_lemmas(verb):
            found = triggers.verb_code(verb, actors.is_place, lemma, _pattern_fits_at)
            if found:
                break
        if found is None or found[0] == "---" or found[0].startswith("01") or _speech(verb):
            continue
        cameo, pattern = found
        if cameo.startswith("041") and _is_name_calling(verb):
            continue
        words = verb.text + (f" {pattern.particle}" if pattern.particle else "")
        aspectual = _aspectual_object_events(verb)
        if aspectual is not None:  # "continued pounding districts in X"
            governor, objects = aspectual
            yield _Event(governor, cameo, words, tuple(_subjects(governor)), (tuple(objects),))
            continue
        if verb.dep_ == "amod":
            continue  # "the besieged city": a description, not a statement
        if _stative_passive(verb):
            preps = tuple(c.lower_ for c in verb.children if c.dep_ == "prep")
            yield _Event(verb, cameo, words, tuple(_grammatical_subjects(verb, ("nsubjpass", "nsubj"))),
                         (tuple(_with_conjuncts(_prep_objects(verb, preps))),))
            continue
        if _passive(verb):
            objects = _grammatical_subjects(verb, ("nsubjpass", "nsubj"))
            agents = _agents(verb)
            yield _Event(verb, cameo, words, tuple(agents), (tuple(objects),) if objects else (),
                         unknown_agent=not agents)
            continue
        yield _Event(verb, cameo, words, tuple(_subjects(verb)), _object_groups(verb, pattern, cameo))


def _noun_events(doc_span: Span, triggers: TriggerLexicon) -> Iterator[_Event]:
    for noun in doc_span:
        if noun.pos_ != "NOUN":
            continue
        cameo = triggers.noun_code(noun)
        if cameo is None or cameo == "---":
            continue
        head = noun.head
        if noun.dep_ == "conj" and head.dep_ == "dobj":  # "sending arms and support to X"
            head = head.head
        # "conducted airstrikes on X", "imposed sanctions on X", "opened an investigation into X"
        if noun.dep_ in ("dobj", "nsubjpass", "conj") and head.pos_ == "VERB" and \
                any(lemma in LIGHT_VERBS for lemma in _verb_lemmas(head)):
            if noun.dep_ == "nsubjpass":
                continue
            groups = [_prep_objects(noun, OBJECT_PREPOSITIONS + ("of", "between")), _prep_objects(head, OBJECT_PREPOSITIONS),
                      _nested_objects(head)]
            for clause in list(noun.children) + list(head.children):  # "its demand that X ease …"
                if clause.dep_ in ("acl", "ccomp") and cameo[:2] in ("02", "10"):
                    groups.append([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")])
            for clause in head.children:  # "began a strike to protest against X"
                if clause.dep_ == "advcl" and any(c.lower_ == "to" for c in clause.children):
                    groups += _clause_objects(clause)
            yield _Event(head, cameo, f"{head.text} {noun.text}", tuple(_subjects(head)),
                         tuple(tuple(_with_conjuncts(g)) for g in groups if g))
        # "X fell under Russian control", "X remained under siege", "X came under attack"
        elif noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
            predicate = head.head
            agents = [c for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
            targets = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
            yield _Event(predicate, cameo, f"under {noun.text}", tuple(agents), (tuple(_with_conjuncts(targets)),),
                         unknown_agent=not agents)
        # "Russian forces were in control of the city"
        elif noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
            predicate = head.head
            targets = _prep_objects(noun, ("of", "over"))
            if targets:
                yield _Event(predicate, cameo, f"in {noun.text} of", tuple(_subjects(predicate)),
                             (tuple(_with_conjuncts(targets)),))
        # "Russia has been subject to sanctions"
        elif noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "subject":
            predicate = head.head.head
            targets = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
            yield _Event(predicate, cameo, f"subject to {noun.text}", (), (tuple(_with_conjuncts(targets)),),
                         unknown_agent=True)


_OBLIGATION = {"must", "should"}


def _demands(doc_span: Span) -> Iterator[_Event]:
    """"X said Y must do Z": X demands that Y do Z (CAMEO 100). The obligation, put in the
    speaker's words, is the demand; Y is the one called on."""
    for clause in doc_span:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in clause.children):
            continue
        speech = clause.head
        if modality_words().get(speech.lemma_.lower()) != "reporting":
            continue
        targets = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        yield _Event(speech, "100", f"{speech.text} … must", tuple(_subjects(speech)),
                     (tuple(_with_conjuncts(targets)),))


# --- time and source ----------------------------------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def event_date(predicate: Token, article_date: str | None) -> str | None:
    """What the predicate's clause says of when: a year, a full date, or a weekday or
    "yesterday"/"today" counted from the article's date."""
    clause = predicate.head if predicate.dep_ in ("attr", "acomp") else predicate  # "was overrun yesterday"
    for token in clause.subtree:
        if token.ent_type_ != "DATE" or (token.head != clause and token.head.head != clause):
            continue
        text = token.doc[token.i:token.i + 1].text
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        words = (entity.text if entity is not None else text).lower()
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", words)
        if year:
            return year.group(1)
        if article_date:
            day = dt.date.fromisoformat(article_date)
            if "yesterday" in words:
                return (day - dt.timedelta(days=1)).isoformat()
            if "today" in words:
                return article_date
            for n, name in enumerate(_WEEKDAYS):
                if name in words.split():
                    return (day - dt.timedelta(days=(day.weekday() - n) % 7)).isoformat()
    return None


def _according_to(predicate: Token) -> Token | None:
    """"…, according to X": X, from the predicate's clause or the sentence's main verb."""
    for token in (predicate, predicate.sent.root):
        for child in token.children:
            if child.lower_ == "according":
                for to in child.children:
                    objects = [c for c in to.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


# --- all together -------------------------------------------------------------------------

def _places_in(predicate: Token, actors: _Actors) -> list[Token]:
    """Places an event happens in: "in X", "near X" on the verb or on its object."""
    holders = [predicate] + [c for c in predicate.children if c.dep_ == "dobj"]
    return [t for h in holders for t in _prep_objects(h, ("in", "at", "near")) if actors.is_place(t)]


def _same(a: Actor, b: Actor) -> bool:
    """One actor on both sides: the same entity in the same role. "Israeli police arrested
    Israeli settlers" is two sectors of one state, and a relation; "plotting to overthrow
    his government" is the subject's own (a pronoun names no other sector)."""
    if a.mention is None or b.mention is None:
        return False
    same_entity = (a.mention.label, a.mention.type) == (b.mention.label, b.mention.type)
    return same_entity and (a.sector == b.sector or a.mention.reference or b.mention.reference)


def _objects(event: _Event, actors: _Actors, subjects: list[Actor]) -> list[Actor] | None:
    """The objects of the first candidate group that names an entity other than the subject
    ("offered its troops to X": its troops are the subject's, X is the object); None when
    the event had objects and none names one, [] when it had none."""
    for group in event.objects:
        found = [a for a in actors.actors(group) if not any(_same(a, s) for s in subjects)]
        if found:
            return found
    return None if event.objects else []


def _commitment(relation: RelationMention, triggers: TriggerLexicon, cue: Token | None) -> RelationMention | None:
    """Committing to an event is an event: "agreed to withdraw from X" is AGREE with X,
    "threatened to cut off electricity to X" THREATEN X (ontology/intents.tsv). Whatever is
    threatened is a threat; a commitment with no one it is to is no relation."""
    intent = triggers.intent(relation.cameo)
    if cue is not None and cue.lemma_.lower() == "threaten":
        intent = "130"
    if intent is None or relation.object is None:
        return None
    return replace(relation, relation=triggers.relation(intent), cameo=intent, modality="asserted",
                   trigger=f"{relation.trigger} (committed)")


def _relations_of(event: _Event, sentence: Span, triggers: TriggerLexicon, actors: _Actors,
                  article_date: str | None) -> Iterator[RelationMention]:
    relation = triggers.relation(event.cameo)
    if relation is None:
        return
    subjects = actors.actors(event.subjects)
    if not subjects and relation.plover == "PROTEST":  # "hundreds of students protested … in X"
        subjects = actors.actors(_places_in(event.predicate, actors))
    if not subjects:
        if not event.unknown_agent:
            return  # a subject that names no entity: the graph cannot say who acted
        subjects = [UNKNOWN]
    subjects = [actors.as_agent(s) for s in subjects]
    objects: list[Actor | None] | None = _objects(event, actors, subjects)
    if not objects and relation.plover in LOCATED:  # "killed 23 people in Tel Aviv", "rioted in X"
        objects = actors.actors(_places_in(event.predicate, actors)) or objects
    if not objects and relation.name in SYMMETRIC and len(subjects) > 1:
        subjects, objects = subjects[:1], subjects[1:]  # "X and Y met": X met Y
    if not objects:
        if relation.plover not in OBJECTLESS:
            return  # no one acted on: no relation between actors
        objects = [None]
    modality = modality_of(event.predicate)
    reporter_token = modality.reporter or _according_to(event.predicate)
    reporter = actors.actor(reporter_token) if reporter_token is not None else None
    date = event_date(event.predicate, article_date)
    for subject in subjects:
        for obj in objects:
            if obj is not None and _same(subject, obj):
                continue  # no one acts on themselves here: a parse or resolution slip
            found = RelationMention(relation, event.cameo, subject, obj, modality.modality, event.trigger,
                                    sentence.text, sentence.start_char, date, reporter)
            yield found
            if modality.committed and subject.known:
                commitment = _commitment(found, triggers, modality.cue)
                if commitment is not None:
                    yield commitment


def find_relations(doc: Doc, triggers: TriggerLexicon | None = None, lex: Lexicon | None = None,
                   gaz: Gazetteer | None = None) -> list[RelationMention]:
    """Every relation a Doc states (after the entity, position and coreference stages)."""
    triggers = triggers or trigger_lexicon()
    actors = _Actors(doc, mentions(doc), lex or lexicon(), gaz or gazetteer())
    found: list[RelationMention] = []
    seen = set()
    for sentence in doc.sents:
        noun_events = list(_noun_events(sentence, triggers))
        light = {e.predicate.i for e in noun_events}  # "held talks": the noun says what, not the verb
        verb_events = [e for e in _verb_events(sentence, triggers, actors) if e.predicate.i not in light]
        for event in noun_events + verb_events + list(_demands(sentence)):
            for relation in _relations_of(event, sentence, triggers, actors, doc._.kg_date):
                key = (relation.relation.name, relation.subject.mention and relation.subject.mention.label,
                       relation.object and relation.object.mention and relation.object.mention.label,
                       relation.sentence_start, relation.modality)
                if key not in seen:
                    seen.add(key)
                    found.append(relation)
    return found


class RelationFinder:
    """spaCy component: ``doc._.kg_relations`` = :func:`find_relations` of the Doc."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.triggers = trigger_lexicon()
        self.lexicon = lexicon()
        self.gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_relations = find_relations(doc, self.triggers, self.lexicon, self.gazetteer)
        return doc


@Language.factory("kg_relations")
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp, name)
