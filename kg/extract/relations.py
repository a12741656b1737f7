"""Stage 4 — relations: who did what to whom, read off the dependency parse like an event coder.

A *trigger* signals an event (:mod:`kg.extract.triggers`): a verb ("shelled", "urged Kenya to"), or
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

Each relation has a modality (:mod:`kg.extract.modality`), the sentence it was read from, who reported
it ("according to X", "X said"), and the date the sentence gives, if any ("in 2014",
"on Thursday" in an article dated 3 March 2022).

The component ``kg_relations`` stores :class:`RelationMention` records in ``doc._.kg_relations``.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Iterator

import numpy
from spacy import symbols
from spacy.attrs import DEP, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.extract.actors import (UNKNOWN, Actor, ActorFinder, is_pair_phrase, light_verbs, noun_phrase, pair_kinds,
                               associate_nouns, part_nouns, same_actor, separation_nouns, title_words, vessel_nouns)
from kg.extract.arguments import (OBJECT_PREPOSITIONS, agents_of, grammatical_subjects, is_across_quotation,
                                  is_mistagged_participle, plural_antecedent, is_passive, is_stative_passive,
                                  instrument_nouns, nested_objects, prep_objects, subjects_of, with_conjuncts)
from kg.data import read_tsv, word_class, word_list
from kg.extract.entities import Mention, document_nouns, mentions
from kg.nlp.gazetteer import Gazetteer, gazetteer
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.modality import Modality, modality_of, modality_words, phrasal_lemma, word_modality
from kg.extract.triggers import ANY, RelationType, TriggerLexicon, trigger_lexicon

__all__ = ["Actor", "RelationMention", "find_relations", "RelationFinder", "event_date", "light_verbs",
           "ArgumentTypes", "argument_types", "confidence_of", "evidence_weights", "DEFAULT_MIN_CONFIDENCE"]

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)
if not Doc.has_extension("kg_date"):
    Doc.set_extension("kg_date", default=None)  # the article's date, for relative dates

# relations that hold both ways: "X and Y met" is X met Y
SYMMETRIC = {"met", "agreed", "negotiatedWith", "cooperatedWith", "consulted", "signedAgreementWith"}
# event types that need no one acted on: "withdrew", "surrendered", "resigned"
OBJECTLESS = {"RETREAT", "CONCEDE"}


# the confidence an asserted mention needs to make the direct triple (kg build --min-confidence),
# chosen on the development news: the share of mentions the gold supports falls below it
DEFAULT_MIN_CONFIDENCE = 0.5
# codes of cooperation, support and aid (CAMEO 03-07)
_COOPERATIVE = ("03", "04", "05", "06", "07")
# codes of what is said (appeals, demands, criticism, rejection, threats, protest): its "from" names the speaker
_VOICED = ("02", "10", "11", "12", "13", "14")
# what follows an event noun and names the one acted on: "the invasion of X", "talks with X"
_NOUN_PREPOSITIONS = OBJECT_PREPOSITIONS + ("of", "between")


@dataclass(frozen=True)
class ArgumentTypes:
    """What a relation takes: entity types on each side, and the prepositions that introduce
    the one acted on (ontology/relation_arguments.tsv)."""

    subject: frozenset[str]
    object: frozenset[str]
    prepositions: frozenset[str]
    through_clause: bool = False  # the one acted on may stand in the act a clause names
    located: bool = False  # the place of the event stands for the one acted on when no one is named
    unnamed: bool = False  # complete with the other party unnamed ("called for an investigation")
    direct: bool = True  # the direct object is the one acted on ("mobilized reservists": no)


@lru_cache(maxsize=1)
def argument_types() -> dict[str, ArgumentTypes]:
    """relation name → :class:`ArgumentTypes` (ontology/relation_arguments.tsv)."""
    return {row["relation"]: ArgumentTypes(frozenset(row["subject"].split()), frozenset(row["object"].split()),
                                           frozenset(row["prepositions"].split()), row["clause"] == "yes",
                                           row["located"] == "yes", row["unnamed"] == "yes",
                                           row["direct"] != "no")
            for row in read_tsv("relation_arguments.tsv")}


@lru_cache(maxsize=1)
def evidence_weights() -> dict[str, float]:
    """evidence → weight, whose product is a mention's confidence (ontology/confidence.tsv)."""
    return {row["evidence"]: float(row["weight"]) for row in read_tsv("confidence.tsv")}


def confidence_of(evidence: Iterable[str]) -> float:
    """The confidence of a reading: the product of its evidence's weights, rounded to 0.01.

    >>> confidence_of(["trigger:pattern", "object:direct", "actor:name"])
    1.0
    >>> confidence_of(["trigger:bare", "actor:reference"])
    0.36
    """
    weights = evidence_weights()
    value = 1.0
    for item in evidence:
        value *= weights.get(item, 1.0)
    return round(value, 2)


@lru_cache(maxsize=1)
def verbal_targets() -> frozenset[str]:
    """Nouns whose "attack" is criticism: "attacked the decision" (ontology/verbal_targets.tsv)."""
    return word_list("verbal_targets.tsv")


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
    confidence: float = 1.0  # how sure the reading is (0–1), from its evidence (ontology/confidence.tsv)
    evidence: tuple[str, ...] = ()  # what the confidence rests on: "trigger:pattern", "object:direct", …


# --- actors -------------------------------------------------------------------------------

def _is_name_calling(verb: Token) -> bool:
    """"called X a liar": an object and its complement name someone, they do not act on them."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    # "the capital, which Armenians call Stepanakert": a relative object is the name's bearer
    naming = [c for c in objects if c.lower_ in ("which", "what", "that")] and \
        any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children)
    return bool(objects and complements) or bool(naming)


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
    # candidate objects, best first, each group with where it was found (ontology/confidence.tsv
    # "object:…"): the first group that names an entity the relation takes is the object
    objects: tuple[tuple[str, tuple[Token, ...]], ...]
    unknown_agent: bool = False  # the sentence implies an agent it does not name
    trigger_kind: str = "pattern"  # pattern, noun, bare, demand (ontology/confidence.tsv)


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


def _trigger_kind(pattern, triggers: TriggerLexicon | None = None) -> str:
    """How much the trigger says of the sense: a hand-written or multi-word pattern names one;
    a bare verb of the derived dictionary only guesses at one, and a bare verb of a vague block
    ("issued", "gathered", "provided": ontology/vague_blocks.tsv) names none."""
    triggers = triggers or trigger_lexicon()
    if pattern.hand_written or pattern.object or pattern.prep_object or pattern.particle:
        return "pattern"
    if pattern.prep and not triggers.is_vague(pattern) and \
            all(p.cameo != pattern.cameo for p in triggers.patterns.get(pattern.verb, ()) if not p.specificity):
        return "pattern"  # the preposition changes the sense ("call for" is an appeal, "call" a phone call)
    return "vague" if triggers.is_vague(pattern) else "bare"  # "come to", "send to" say no more than the verb


def _pattern_fits_at(verb: Token, pattern) -> bool:
    """A phrasal particle or bare preposition belongs to the verb only right after it:
    "called on residents" is an appeal, "called his counterpart on Thursday" a phone call."""
    if not pattern.prep or pattern.object or pattern.prep_object:
        return True
    following = [t for t in verb.doc[verb.i + 1:verb.i + 4] if t.pos_ not in ("ADV", "PART")]
    return bool(following) and following[0].lower_ == pattern.prep


def _hyphenated_agents(participle: Token) -> list[Token]:
    """"Russian-occupied", "Houthi-controlled": the name joined to a participle by a hyphen."""
    doc = participle.doc
    return [c for c in participle.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod") and
            c.i + 2 == participle.i and doc[c.i + 1].text == "-"]


def _appeal_code(verb: Token, pattern, triggers: TriggerLexicon) -> str | None:
    """The appeal code (02x, 10x) of a verb that asks "for" an act ("call for", "ask for",
    "appeal for"), when its pattern names the act asked for rather than the appeal."""
    if pattern.prep != "for" or not pattern.prep_object:
        return None
    bare = [p.cameo for p in triggers.patterns.get(pattern.verb, ()) if p.prep == "for" and not p.prep_object]
    bare += [p.cameo for p in triggers.patterns.get(pattern.verb, ()) if not p.specificity]
    return next((code for code in bare if code.startswith(("02", "10"))), None)


def _aspectual_object_events(verb: Token):
    """The parser's reading of "continued pounding X" as "continued [pounding X]-as-adjective":
    the participle's noun is the object, the governing verb's subject the actor."""
    noun = verb.head
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and noun.dep_ == "dobj" and \
            modality_words().get(noun.head.lemma_.lower()) == "factual":
        return noun.head, [noun]
    return None


@lru_cache(maxsize=1)
def command_verbs() -> dict[str, str]:
    """Verbs of command and of leaving → "command" or "departure" (ontology/command_verbs.tsv)."""
    return {row["word"]: row["kind"] for row in read_tsv("command_verbs.tsv")}


def _ordered(verb: Token) -> str | None:
    """What a verb of command orders of its object: "act" ("ordered X to appear"), "departure"
    ("ordered X to leave", "ordered X out"), or "nothing" ("ordered jets from X"); None for any
    other verb."""
    words = command_verbs()
    kind = words.get(verb.lemma_.lower())
    if kind not in ("command", "pressure"):
        return None
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and _is_infinitive(c)]
    if kind == "command" and (any(words.get(phrasal_lemma(a)) == "departure" for a in acts) or
                              any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "out" for c in verb.children)):
        return "departure"
    asked_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)  # "pushed for talks"
    return "act" if acts or asked_for else "nothing"


def _deadline_to_leave(verb: Token) -> bool:
    """"gave the diplomats 72 hours to leave": an ultimatum (CAMEO 139) whose act is leaving expels."""
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "dative")]
    return any(c.dep_ in ("xcomp", "advcl", "relcl", "acl") and _is_infinitive(c) and
               command_verbs().get(phrasal_lemma(c)) == "departure" for h in holders for c in h.children)


def _lies_around(verb: Token) -> bool:
    """"X is surrounded by Y", "X is bordered by Y": a place in the present tense, ringed by a place."""
    if not any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in verb.children):
        return False
    places = ("State", "City", "Location")
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return bool(subjects and agents) and all(t.ent_type_ in places for t in subjects + agents)


def _against_in_aid_of(cameo: str, purpose: Token) -> bool:
    """"stepped up cooperation with X to counter China": cooperation whose purpose is an act against
    someone names an adversary there, not a partner (as "sent aid to help X" names one)."""
    if not cameo.startswith(_COOPERATIVE):
        return False
    found = trigger_lexicon().verb_code(purpose)
    return found is not None and found[0][:2] in _CHARGES  # criticism, coercion, force (CAMEO 11-20)


def _is_infinitive(clause: Token) -> bool:
    """"to protest against X": an infinitive clause (not "responding to X")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _clause_objects(clause: Token) -> list[tuple[str, list[Token]]]:
    """Where an embedded act's object may stand: "to cut off electricity to X"."""
    objects = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
    return [("clause", objects), ("clause", prep_objects(clause, OBJECT_PREPOSITIONS)),
            ("clause", [p for o in objects for p in prep_objects(o, OBJECT_PREPOSITIONS)])]


# events whose "of" phrase names who would do them: a meeting, talks (04), a resignation (0831), a
# withdrawal (087: "demanded the withdrawal of Russian troops" asks Russia); "the release of X"
# (084) is done to X, by whoever holds X
_DONE_BY_ITS_OF = ("04", "0831", "087")


def _purpose_code(verb: Token, triggers: TriggerLexicon, actors: ActorFinder) -> str:
    """The CAMEO code of what an act was done to do ("summoned X to complain": 111), "" if none."""
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and _is_infinitive(clause):
            found = triggers.verb_code(clause, actors.is_place)
            return found[0] if found else ""
    return ""


def _left_behind(noun: Token, obj: Token, cameo: str) -> bool:
    """"called for the withdrawal of foreign forces from Libya": what a demanded withdrawal leaves
    is not the one asked."""
    return cameo.startswith(("02", "10")) and obj.head.lower_ == "from" and noun.lemma_.lower() in separation_nouns()


def _object_groups(verb: Token, pattern, cameo: str,
                   is_event=lambda noun, nested=False: True) -> tuple[tuple[str, tuple[Token, ...]], ...]:
    """Candidate objects of an active verb, best first.

    The phrasal particle ("call on X"), the direct object, the object of the pattern's
    preposition ("protest against X") and of another preposition, a preposition on the direct object ("demanded aid for X",
    "sanctions against X"); then the acts it governs: "threatened to cut off electricity to
    X", "began a strike to protest against X", and for a demand, the one told to act
    ("demanded that X resign").
    """
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # "stripped him of his citizenship, the latest blow in a campaign by X": an object after a comma
    # that follows another sums the act up; it is not a second one acted on
    direct = [o for o in objects if o.dep_ == "dobj"]
    objects = [o for o in objects if o not in direct[1:] or o.doc[o.left_edge.i - 1].text != "," or
               o.pos_ != "NOUN" or any(t.ent_type_ for t in o.doc[o.left_edge.i:o.i + 1])]  # (not a list the
    # parser split: "deployed X, the Y Force and state police")
    # "kidnapped up to 16 advisers": a count the parser read as a particle and a preposition
    objects += [o for up in verb.children if up.dep_ == "prt" and up.lower_ == "up"
                for o in prep_objects(up, ("to",)) if any(c.dep_ == "nummod" for c in o.children)]
    phrasal = prep_objects(verb, (pattern.particle,)) if pattern.particle in OBJECT_PREPOSITIONS else []
    own_objects = prep_objects(verb, (pattern.prep,)) if pattern.prep else []
    if pattern.object == (ANY,):  # "discussed <a topic> with X", "attributed <an act> to X": X is acted on
        own_objects += [p for o in with_conjuncts(objects) for p in prep_objects(o, (pattern.prep,))]
        return tuple((kind, tuple(with_conjuncts(g))) for kind, g in (("direct", own_objects),) if g)
    between = [p for o in objects for p in prep_objects(o, ("between",))]  # "hosted talks between X and Y"
    # a direct object the pattern names is the event itself ("announced his resignation"), not the one acted on
    event_objects = [o for o in objects if pattern.object and o.lemma_.lower() in pattern.object]
    objects = [o for o in objects if o not in event_objects]
    # "formed their own alliance": what is made is no one acted on; "sent his foreign minister, X, to Y":
    # one's own envoy is not acted on either (Y is)
    made = verb.lemma_.lower() in word_class("creating")
    own = [o for o in event_objects if verb.lemma_.lower() in word_class("sending")
           and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)]
    acted_on = [] if made else [o for o in event_objects if o not in own]
    groups = [("direct", phrasal), ("direct", between), ("event", acted_on),
              ("noun", [p for o in acted_on for p in prep_objects(o, ("of",))]),  # "overturned the convictions of X"
              ("direct", objects),
              # "demanded a meeting of X", "demanded the resignation of X": those asked to meet or go
              ("noun", [p for o in objects if cameo.startswith(("02", "10")) and
                        (trigger_lexicon().noun_code(o) or "").startswith(_DONE_BY_ITS_OF) for p in prep_objects(o, ("of",))]),
              ("direct", own_objects),
              # "called for the resignation of X": the one the asked-for act is of
              ("noun", [p for o in own_objects if pattern.prep_object or is_event(o) for p in prep_objects(o, ("of",))]),
              ("prep", prep_objects(verb, OBJECT_PREPOSITIONS)),
              # "demanded aid for X", "mobilized reservists for a war against X": a phrase on a noun that
              # names an event; on a thing ("posted a message on X") it says where or what about
              ("object-prep", [p for o in event_objects + objects + own_objects if is_event(o)
                               for p in prep_objects(o, OBJECT_PREPOSITIONS) if not _left_behind(o, p, cameo)]),
              ("nested", [inner for outer in prep_objects(verb, OBJECT_PREPOSITIONS + ("in",)) if is_event(outer, nested=True)
                          for inner in prep_objects(outer, ("against", "on", "of", "at", "to", "with"))]),
              # "tabled a motion of no confidence in X": the one the pattern's own phrase is against
              ("direct", [inner for o in event_objects if pattern.prep_object for p in prep_objects(o, (pattern.prep,))
                          if p.lemma_.lower() == pattern.prep_object[-1] for inner in prep_objects(p, ("in", "against"))])]
    if cameo.startswith("13"):  # "threatened to strike unless X withdrew": X is the one threatened
        groups.append(("clause", [subject for clause in [verb, *[c for c in verb.children if c.dep_ == "xcomp"]]
                                  for condition in clause.children if condition.dep_ == "advcl" and
                                  any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in condition.children)
                                  # ("… if X was not found": one the condition is about, not the one threatened)
                                  for subject in condition.children if subject.dep_ == "nsubj"]))
    # "urged <governments> to aid X", "called on the government to close X": they are asked, X is not
    addressed = cameo.startswith(("02", "10")) and (objects or phrasal or own_objects)
    for clause in verb.children:
        if addressed:
            break
        if clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and _is_infinitive(clause)
                                      and not _against_in_aid_of(cameo, clause)):
            groups += _clause_objects(clause)
        elif clause.dep_ == "ccomp" and cameo[:2] in ("02", "10"):
            groups.append(("addressee", [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]))
    if cameo[:2] in ("02", "10") and verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in word_class("phone"):
        groups.append(("addressee", [c for c in verb.head.children if c.dep_ == "dobj"]))  # "phoned X to urge …"
    return tuple((kind, tuple(o for o in with_conjuncts(g) if not is_across_quotation(verb, o)))
                 for kind, g in groups if g)


def _asks_a_question(verb: Token) -> bool:
    """"Asked about the talks, X said", "asked whether X would come": a question put, not an act
    asked for (a request names the act: "asked X to", "asked for X")."""
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return False
    return any((c.dep_ == "prep" and c.lower_ == "about") or
               (c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children))
               # "asked why the information had not been passed on": a wh-question
               or (c.dep_ == "ccomp" and any(m.tag_ in ("WRB", "WP", "WDT") and m.i < c.i and m.dep_ != "nsubj"
                                             for m in c.children))
               for c in verb.children)


def _asks_for_oneself(verb: Token) -> bool:
    """"who asked not to be named", "asked to be identified only by her first name": what the
    speaker asks of a reporter about themself, not of an actor."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) for c in verb.children)


def _only_wants(verb: Token) -> bool:
    """"seek", "try", "want": a verb that only says an act is wanted (ontology/modality.tsv); of
    such verbs, those that ask another ("urged X to") are appeals."""
    return modality_words().get(verb.lemma_.lower()) == "intended"


def _adjective_read_as_clause(participle: Token) -> bool:
    """"investigators arrested impeached President X": a participle right after a verb in the past,
    before a name, says what X is; the parser may make it a clause of its own (or the main verb) with
    the name for its object, but no one in the sentence did it ("the troops he led captured X" aside)."""
    doc = participle.doc
    before = doc[participle.i - 1] if participle.i > 0 else None
    if participle.tag_ != "VBN" or before is None or before.pos_ != "VERB" or before.tag_ not in ("VBD", "VBN") \
            or before.dep_ == "relcl" or any(c.dep_ in ("aux", "auxpass") for c in participle.children):
        return False
    named = participle.i + 1
    while named < len(doc) and doc[named].dep_ in ("compound", "det", "amod") and doc[named].head.i > named:
        named += 1
    return named < len(doc) and doc[named].dep_ == "dobj" and doc[named].head.i == participle.i


def _verb_events(doc_span: Span, triggers: TriggerLexicon, actors: ActorFinder,
                 candidates: _Candidates | None = None) -> Iterator[_Event]:
    for verb in (candidates.verbs_in(doc_span) if candidates is not None else doc_span):
        if not (verb.pos_ == "VERB" or (verb.pos_ == "ADJ" and verb.tag_ == "VBN") or is_mistagged_participle(verb)):
            continue
        if _adjective_read_as_clause(verb):
            continue  # "arrested impeached President X": what X is, not an act of the sentence
        if verb.lemma_.lower() == "beat" and verb.head.lemma_.lower() == "win" and verb.head.i != verb.i:
            continue  # "won a contract, beating X": a competition won, no one beaten up
        if verb.dep_ == "amod" and _hyphenated_agents(verb):
            # "Russian-occupied Donetsk", "Houthi-controlled Sanaa", "Iranian-backed militias": the act
            # a hand-written pattern gives the participle, on what it describes
            code = triggers.place_code(verb.lemma_.lower(), actors.is_place(verb.head))
            if code is not None:
                yield _Event(verb, code, verb.text, tuple(_hyphenated_agents(verb)), (("direct", (verb.head,)),))
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
        if cameo.startswith(("041", "05")) and any(c.dep_ == "xcomp" and _is_infinitive(c) for c in verb.children) \
                and verb.lemma_.lower() not in word_class("phone"):
            cameo = "020"  # "called X to join", "encouraged X to leave": an appeal ("telephoned X to congratulate him" stays a call)
        if cameo.startswith("14") and _purpose_code(verb, triggers, actors).startswith("11"):
            cameo = "111"  # "summoned the ambassador to complain of X": the protest is the complaint it was made for
        if cameo.startswith("12") and any(c.dep_ == "xcomp" and c.lemma_.lower() in word_class("withheld") for c in verb.children):
            continue  # "declined to comment on X": no answer given, no one rejected
        if cameo.startswith("173") and pattern.block == "BLAME":
            cameo = "112"  # "charged 14 people in a corruption case", "convicted X of fraud": a charge, no arrest
        if cameo.startswith("191") and _lies_around(verb):
            continue  # "Eswatini is surrounded by South Africa": where it lies, no siege
        if _only_wants(verb) and not cameo.startswith(("02", "10")) and \
                any(c.dep_ == "xcomp" and _is_infinitive(c) for c in verb.children):
            continue  # "sought to reduce its reliance on X", "tried to reach X": the act wanted is the event
        kind = _trigger_kind(pattern, triggers)
        ordered = _ordered(verb) if cameo.startswith(("02", "10")) else None
        if ordered == "nothing":
            continue  # "ordered 40 jets from X", "ordered troops into the city": no one asked to act
        if ordered == "departure" or ((cameo == "139" or cameo.startswith("07")) and _deadline_to_leave(verb)):
            # "ordered the diplomats to leave the country", "gave French troops one month to leave": expelled
            cameo, kind = "174", "pattern"
        if cameo.startswith("19") and any(o.lemma_.lower() in verbal_targets() for o in verb.children if o.dep_ == "dobj"):
            cameo = "111"  # "attacked the decision": criticism, not force
        if kind == "vague":
            continue  # "issued a ruling", "gathered in Cairo": no act between actors
        if cameo.startswith("10") and any(o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in word_class("decree") for o in verb.children) \
                and not any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
            continue  # "signed a decree nationalizing X", "issued an order barring X": a decree asks no one
        words = verb.text + (f" {pattern.particle}" if pattern.particle else "")
        if cameo.startswith(("02", "10")) and any(c.dep_ in ("ccomp", "xcomp", "oprd") and c.tag_ in ("VBN", "VBD")
                                                  and not any(a.dep_ in ("aux", "auxpass", "dobj", "mark") for a in c.children)
                                                  for c in verb.children):
            continue  # "ordered X held in detention": an act on X ordered of others, no appeal to X
        if cameo.startswith(("02", "10")) and (_asks_a_question(verb) or _asks_for_oneself(verb)):
            continue
        appeal = _appeal_code(verb, pattern, triggers)
        if appeal is not None and not cameo.startswith(("02", "10")):
            # "called for sanctions on X", "asked for an investigation into X": an appeal for an act
            # nobody has done yet; only whoever is addressed directly is called on
            addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            if not is_passive(verb):
                yield _Event(verb, appeal, words, tuple(subjects_of(verb)),
                             (("direct", tuple(with_conjuncts(addressed))),) if addressed else (), trigger_kind=kind)
            continue
        aspectual = _aspectual_object_events(verb)
        if aspectual is not None:  # "continued pounding districts in X"
            governor, objects = aspectual
            yield _Event(governor, cameo, words, tuple(subjects_of(governor)), (("direct", tuple(objects)),),
                         trigger_kind=kind)
            continue
        if verb.dep_ == "amod":
            continue  # "the besieged city": a description, not a statement
        if is_stative_passive(verb):
            preps = tuple(c.lower_ for c in verb.children if c.dep_ == "prep")
            yield _Event(verb, cameo, words, tuple(grammatical_subjects(verb, ("nsubjpass", "nsubj"))),
                         (("direct", tuple(with_conjuncts(prep_objects(verb, preps)))),), trigger_kind=kind)
            continue
        if pattern.block == "OBTAIN" and cameo.startswith(("05", "07")) and not is_passive(verb):
            # "X received American military aid", "won Y's backing", "got support from Y": the one
            # who gets it is acted on; the giver, the owner of what is got or its "from", acts
            things = [c for c in verb.children if c.dep_ == "dobj"]
            givers = prep_objects(verb, ("from",)) + [p for t in things for p in prep_objects(t, ("from", "of"))]
            yield _Event(verb, cameo, words, tuple(with_conjuncts(givers) or things),
                         (("direct", tuple(subjects_of(verb))),), trigger_kind=kind)
            continue
        if is_passive(verb):
            objects = grammatical_subjects(verb, ("nsubjpass", "nsubj"))
            if not objects and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" and \
                    _a_thing(verb.head, actors):
                objects = [verb.head]  # "video released by X": a thing is what it was done to, no one
            agents = agents_of(verb)
            # "X was taken to hospital": a bare verb's guess at a sense is no ground for an unseen agent,
            # unless the verb itself is violence ("was stabbed", "was shot")
            yield _Event(verb, cameo, words, tuple(agents), (("direct", tuple(objects)),) if objects else (),
                         unknown_agent=not agents and (kind == "pattern" or cameo.startswith(("18", "19", "20"))),
                         trigger_kind=kind)
            continue
        yield _Event(verb, cameo, words, tuple(subjects_of(verb)),
                     _object_groups(verb, pattern, cameo,  # "shared evidence with X": the pattern's own object
                                    lambda noun, nested=False: (bool(pattern.object) and not nested)
                                    or triggers.noun_code(noun) is not None),
                     trigger_kind=kind)


class _Candidates:
    """The tokens of a Doc that may trigger an event, read from its arrays once: those a verb
    event may stand on (a verb, a participle, a noun complement of "be"), the nouns and the
    clausal complements. Each generator still asks all its questions of them."""

    def __init__(self, doc: Doc):
        self.doc = doc
        values = doc.to_array([POS, TAG, DEP])
        pos, tag, dep = values[:, 0], values[:, 1], values[:, 2]
        complement = (dep == get_string_id("attr")) | (dep == get_string_id("acomp"))
        self.verbs = numpy.flatnonzero((pos == symbols.VERB) | (tag == get_string_id("VBN"))
                                       | ((pos == symbols.NOUN) & complement)).tolist()
        self.nouns = numpy.flatnonzero(pos == symbols.NOUN).tolist()
        self.clauses = numpy.flatnonzero(dep == get_string_id("ccomp")).tolist()

    def _within(self, indexes: list[int], span: Span) -> Iterator[Token]:
        return map(self.doc.__getitem__, indexes[bisect_left(indexes, span.start):bisect_left(indexes, span.end)])

    def verbs_in(self, span: Span) -> Iterator[Token]:
        return self._within(self.verbs, span)

    def nouns_in(self, span: Span) -> Iterator[Token]:
        return self._within(self.nouns, span)

    def clauses_in(self, span: Span) -> Iterator[Token]:
        return self._within(self.clauses, span)


def _noun_events(doc_span: Span, triggers: TriggerLexicon, candidates: _Candidates | None = None) -> Iterator[_Event]:
    for noun in (candidates.nouns_in(doc_span) if candidates is not None else doc_span):
        if noun.pos_ != "NOUN":
            continue
        cameo = triggers.noun_code(noun)
        if cameo is None or cameo == "---":
            continue
        head = noun.head
        if noun.dep_ == "conj" and head.dep_ == "dobj":  # "sending arms and support to X"
            head = head.head
        carrier = noun  # "imposed a new package of sanctions on X": the batch stands where the noun would
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
                head.head.lemma_.lower() in word_class("batch"):
            carrier, head = head.head, head.head.head
        # "conducted airstrikes on X", "imposed sanctions on X", "opened an investigation into X"
        # ("called the invasion 'naked aggression'" names someone's act: no light verb with a predicate of its own)
        if carrier.dep_ in ("dobj", "nsubjpass", "conj") and head.pos_ == "VERB" and \
                any(lemma in light_verbs() for lemma in _verb_lemmas(head)) and \
                not any(c.dep_ == "oprd" for c in head.children):
            if carrier.dep_ == "nsubjpass" or any(c.dep_ == "det" and c.lower_ == "no" for c in carrier.children):
                continue  # "put no pressure on them", "imposed no sanctions": no such act
            if _ordered(head) == "departure":
                cameo = "174"  # "ordered the diplomats to leave": expelled, as any verb of command says
            # "prompting a formal protest from Moscow", "drew criticism from X": a voice's "from" is who spoke
            voiced = prep_objects(noun, ("from",)) if cameo[:2] in _VOICED else []
            agents = voiced or subjects_of(head)
            groups = [("noun", prep_objects(noun, tuple(p for p in _NOUN_PREPOSITIONS if not (voiced and p == "from")))),
                      ("prep", prep_objects(head, OBJECT_PREPOSITIONS)),
                      ("nested", nested_objects(head)),
                      # "ordered four Peruvian diplomats to leave": the envoys' state
                      ("event", [noun] if noun.lemma_.lower() in envoy_titles() else [])]
            for clause in list(noun.children) + list(head.children):  # "its demand that X ease …"
                if clause.dep_ in ("acl", "ccomp") and cameo[:2] in ("02", "10"):
                    groups.append(("addressee", [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]))
            for clause in head.children:  # "began a strike to protest against X"
                if clause.dep_ == "advcl" and _is_infinitive(clause) and not _against_in_aid_of(cameo, clause):
                    groups += _clause_objects(clause)
            yield _Event(head, cameo, f"{head.text} {noun.text}", tuple(agents),
                         tuple((kind, tuple(with_conjuncts(g))) for kind, g in groups if g), trigger_kind="noun")
        # "a meeting between X and Y", "talks between X and Y": X met Y
        elif noun.dep_ != "ROOT" and triggers.relation(cameo) is not None and \
                triggers.relation(cameo).name in SYMMETRIC and len(with_conjuncts(prep_objects(noun, ("between",)))) > 1:
            parties = with_conjuncts(prep_objects(noun, ("between",)))
            yield _Event(noun, cameo, noun.text, (parties[0],), (("direct", tuple(parties[1:])),), trigger_kind="noun")
        # "X's invasion of Y", "the Russian siege of Y", "a lawsuit filed by X against Y"
        elif noun.dep_ != "ROOT" and (agents := _own_agents(noun, cameo)) and \
                (targets := prep_objects(noun, _noun_prepositions(cameo)) + _participle_objects(noun)):
            yield _Event(noun, cameo, noun.text, tuple(agents), (("noun", tuple(with_conjuncts(targets))),),
                         trigger_kind="noun")
        # "X fell under Russian control", "X remained under siege", "X came under attack"
        elif noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
            predicate = head.head
            agents = [c for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
            agents += prep_objects(noun, ("from",)) if cameo[:2] in _VOICED else []  # "under pressure from X"
            if not agents and cameo[:2] in ("10", "13"):
                continue  # "living under threat", "under pressure": in danger or pressed, by no one said
            targets = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
            yield _Event(predicate, cameo, f"under {noun.text}", tuple(agents),
                         (("direct", tuple(with_conjuncts(targets))),), unknown_agent=not agents, trigger_kind="noun")
        # "X is in the custody of Y", "X remains in Y's custody", "X was taken into the custody of Y": Y holds X
        elif noun.dep_ == "pobj" and head.lower_ in ("in", "into") and head.head.pos_ in ("VERB", "AUX") and \
                noun.lemma_.lower() in word_class("held"):
            predicate = head.head
            holders = prep_objects(noun, ("of",)) + [c for c in noun.children
                                                     if c.dep_ in ("poss", "amod", "compound")]
            taken = [c for c in predicate.children if c.dep_ == "dobj"]  # "police took X into custody": theirs
            held = taken or [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
            if taken and not holders:
                holders = subjects_of(predicate)
            if not holders:  # "X was in custody in Sudan": the state he is held in holds him
                holders = [p for p in prep_objects(noun, ("in",)) + prep_objects(predicate, ("in",))
                           if p.ent_type_ == "State"]
            if held:
                yield _Event(predicate, cameo, f"in {noun.text}", tuple(holders),
                             (("direct", tuple(with_conjuncts(held))),), unknown_agent=not holders, trigger_kind="noun")
        # "Russian forces were in control of the city"
        elif noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX"):
            predicate = head.head
            targets = prep_objects(noun, ("of", "over"))
            if targets:
                yield _Event(predicate, cameo, f"in {noun.text} of", tuple(subjects_of(predicate)),
                             (("direct", tuple(with_conjuncts(targets))),), trigger_kind="noun")
        # "Russia has been subject to sanctions"
        elif noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "subject":
            predicate = head.head.head
            targets = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
            yield _Event(predicate, cameo, f"subject to {noun.text}", (), (("direct", tuple(with_conjuncts(targets))),),
                         unknown_agent=True, trigger_kind="noun")
        # "X warned of sanctions against Y", "threatened Y with sanctions": X's, and not (yet) done
        elif (warning := _warned_of(noun)) is not None:
            targets = _patients(noun, cameo) + [c for c in warning.children if c.dep_ == "dobj"]
            own = _threat_of_ones_own(warning, cameo)  # "warned of attacks on X" may be anyone's
            if targets:
                yield _Event(noun, cameo, f"{warning.text} {head.text} {noun.text}",
                             tuple(subjects_of(warning)) if own else (), (("noun", tuple(with_conjuncts(targets))),),
                             unknown_agent=not own, trigger_kind="noun")
        # "the shooting of X", "an investigation into X", "protests against X": someone did it to X
        # (not "its invasion of X" when no one was found for "its": someone named, not no one)
        elif noun.dep_ not in ("ROOT", "compound") and not _own_agents(noun, cameo) and _patients(noun, cameo) and \
                not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children) and \
                noun.lemma_.lower() not in word_class("held"):  # "the custody of X" is X's to hold
            yield _Event(noun, cameo, noun.text, (), (("noun", tuple(with_conjuncts(_patients(noun, cameo)))),),
                         unknown_agent=True, trigger_kind="noun")


_WARNING_VERBS = ("warn", "threaten")


def _warned_of(noun: Token) -> Token | None:
    """The verb of warning an event noun is the threat of: "warned of sanctions", "threatened X with
    sanctions" (CAMEO's "threaten with", 13x)."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "about", "with") and \
            noun.head.head.lemma_.lower() in _WARNING_VERBS:
        return noun.head.head
    return None


def _threat_of_ones_own(warning: Token, cameo: str) -> bool:
    """Whether the one who warns of an event would do it: "threatened X with sanctions", "warned of
    sanctions"; a warning of attacks or unrest may be of someone else's."""
    return warning.lemma_.lower() == "threaten" or cameo.startswith("16")


def _patients(noun: Token, cameo: str) -> list[Token]:
    """The one an agentless event noun is done to: "an attack on X", "an inquiry into X", "protests
    against X", and for force, coercion and sanctions "of X" ("the shooting of X"; "the protests of
    students" and "the analysis of X" name who acts)."""
    prepositions = ("on", "upon", "into", "against") + (("of",) if cameo.startswith(("16", "17", "18", "19", "20")) else ())
    # "the massacres of Mexico's drug war": an event's "of" that is itself an event says which, not whom
    return [t for t in prep_objects(noun, prepositions) if t.head.lower_ != "of" or trigger_lexicon().noun_code(t) is None]


def _noun_prepositions(cameo: str) -> tuple[str, ...]:
    """The prepositions that name the one an event noun is done to; not "from" where it names the speaker."""
    return tuple(p for p in _NOUN_PREPOSITIONS if p != "from") if cameo[:2] in _VOICED else _NOUN_PREPOSITIONS


def _own_agents(noun: Token, cameo: str) -> list[Token]:
    """Who carries out the event a noun names: its owner ("Russia's invasion"), a nationality or
    name before it ("the Russian invasion", "US strikes"), the agent of a participle ("a lawsuit
    filed by X"), the speaker of what is said ("pressure on X from Y")."""
    owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i
              and c.pos_ in ("PROPN", "ADJ", "NOUN") and c.ent_type_]
    # "a lawsuit filed by X" is X's; "talks mediated by X" are not: only a verb of doing lends its agent
    agents = [c for acl in noun.children if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in light_verbs()
              for a in acl.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
    agents += prep_objects(noun, ("by",) + (("from",) if cameo[:2] in _VOICED else ()))  # "an investigation by X"
    # "the Hamas-led attack": who led the force carried it out ("Qatar-led talks" are mediated, not held)
    if cameo[:2] in ("17", "18", "19", "20"):
        agents += [a for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() == "lead" for a in _hyphenated_agents(c)]
    agents += _claimants(noun)
    # "the killing of a student by X": the parser hangs the agent on the one the act was done to
    agents += [by for patient in prep_objects(noun, ("of",)) if patient.pos_ == "NOUN"
               for by in prep_objects(patient, ("by",))]
    return owners + agents


def _claimants(noun: Token) -> list[Token]:
    """"X claimed responsibility for the attack", "X has claimed a series of attacks": X carried it out."""
    holder = noun
    for _ in range(2):  # "responsibility for the attack", "a series of attacks"
        if holder.dep_ == "pobj" and holder.head.lower_ in ("for", "of") and holder.head.head.pos_ == "NOUN":
            holder = holder.head.head
    if holder.dep_ == "dobj" and holder.head.lemma_.lower() == "claim" and (holder is noun or holder.lemma_.lower() in (
            "responsibility", "series", "wave", "string")):
        return subjects_of(holder.head)
    return []


def _participle_objects(noun: Token) -> list[Token]:
    """"a lawsuit filed by X against Y": the one acted on, on the participle."""
    return [o for acl in noun.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
            for o in prep_objects(acl, OBJECT_PREPOSITIONS)]


@lru_cache(maxsize=1)
def transfer_verbs() -> dict[str, str]:
    """Verbs of handing over → the particle they need (ontology/transfer_verbs.tsv)."""
    return {row["verb"]: row["particle"] for row in read_tsv("transfer_verbs.tsv")}


@lru_cache(maxsize=1)
def aid_goods() -> dict[str, str]:
    """Things that are aid when handed over → CAMEO code, or "measure" (ontology/aid_goods.tsv)."""
    return {row["noun"]: row["cameo"] for row in read_tsv("aid_goods.tsv")}


_AID_SETS = (("&currency", "071"), ("&weapon", "072"), ("&aircraft", "072"), ("&food", "073"))


def _word_aid_code(token: Token, triggers: TriggerLexicon) -> str | None:
    lemma = token.lemma_.lower()
    code = aid_goods().get(lemma) or aid_goods().get(token.lower_)
    if code is None:
        code = next((c for name, c in _AID_SETS if any(m == (lemma,) or m == (token.lower_,)
                                                        for m in triggers.sets.get(name, ()))), None)
    return code


def aid_code(thing: Token, triggers: TriggerLexicon, depth: int = 0) -> str | None:
    """The CAMEO code of the aid a thing handed over is ("medicine" 073, "rocket systems" 072,
    "700 kg of medicine" 073, "military aid" 072), None when it is no aid ("a letter", "troops")."""
    code = _word_aid_code(thing, triggers)
    inner = [c for p in thing.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    if (code == "measure" and inner) or (code is None and thing.like_num):
        return aid_code(inner[0], triggers, depth + 1) if inner and depth < 2 else None
    # "rocket systems": a weapon's name on a general noun; "military aid": the kind of the aid;
    # "rescue teams", "medical teams": the kind of a team
    modifiers = [m for m in thing.children if m.dep_ == "compound" or (code in ("070", "measure") and m.dep_ == "amod")]
    refined = [c for c in (_word_aid_code(m, triggers) for m in modifiers) if c not in (None, "measure", "070")]
    if code in (None, "070", "measure") and refined:
        return refined[0]
    return None if code == "measure" else code


def _transfers(doc_span: Span, triggers: TriggerLexicon, candidates: _Candidates | None = None) -> Iterator[_Event]:
    """"gave Ukraine 16 rocket systems", "handed over 700 kg of medicine to X", "supplied jets to
    X": money, arms, food or medicine handed over is aid to whoever receives it."""
    for verb in (candidates.verbs_in(doc_span) if candidates is not None else doc_span):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in transfer_verbs() or is_passive(verb):
            continue
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        needed = transfer_verbs()[verb.lemma_.lower()]
        if (needed and needed not in particles) or (not needed and particles):
            continue  # "gave up", "sent off": another verb
        things = with_conjuncts([c for c in verb.children if c.dep_ == "dobj"])
        codes = [aid_code(t, triggers) for t in things]
        code = next((c for c in codes if c not in (None, "measure")), None)
        if code is None or (code == "072" and any(c.dep_ == "poss" for t in things for c in t.children)):
            continue  # "handed over its heavy weapons to the UN mission": disarming, not arming X
        holders = [verb, *things] + [c for t in things for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                                     for c in p.children if c.dep_ == "pobj"]
        recipients = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
        recipients += [o for h in holders for o in prep_objects(h, ("to", "into"))]  # "flew food into X"
        if recipients:
            words = verb.text + (f" {needed}" if needed else "")
            yield _Event(verb, code, words, tuple(subjects_of(verb)), (("direct", tuple(with_conjuncts(recipients))),),
                         trigger_kind="pattern")


@lru_cache(maxsize=1)
def stance_nouns() -> dict[str, str]:
    """Nouns for one's stance towards another → CAMEO code (ontology/stance_nouns.tsv)."""
    return {row["noun"]: row["cameo"] for row in read_tsv("stance_nouns.tsv")}


def _stances(doc_span: Span, candidates: _Candidates | None = None) -> Iterator[_Event]:
    """"X is an outspoken critic of Y", "X, a supporter of Y,": X criticises or supports Y. The
    holder is the subject of "be" or the name the noun is in apposition to."""
    for noun in (candidates.nouns_in(doc_span) if candidates is not None else doc_span):
        cameo = stance_nouns().get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        targets = prep_objects(noun, ("of",)) if cameo else []
        if not targets:
            continue
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            yield _Event(noun.head, cameo, f"{noun.text} of", tuple(subjects_of(noun.head)),
                         (("noun", tuple(with_conjuncts(targets))),), trigger_kind="noun")
        elif noun.dep_ == "appos":
            yield _Event(noun, cameo, f"{noun.text} of", (noun.head,),
                         (("noun", tuple(with_conjuncts(targets))),), trigger_kind="noun")


_OBLIGATION = {"must", "should"}


def _demands(doc_span: Span, candidates: _Candidates | None = None) -> Iterator[_Event]:
    """"X said Y must do Z": X demands that Y do Z (CAMEO 100). The obligation, put in the
    speaker's words, is the demand; Y is the one called on."""
    for clause in (candidates.clauses_in(doc_span) if candidates is not None else doc_span):
        if clause.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in clause.children):
            continue
        speech = clause.head
        if modality_words().get(speech.lemma_.lower()) != "reporting":
            continue
        # "Y must withdraw" calls on Y; "the sanctions should be reviewed" on no one it names
        targets = [c for c in clause.children if c.dep_ == "nsubj"]
        yield _Event(speech, "100", f"{speech.text} … must", tuple(subjects_of(speech)),
                     (("addressee", tuple(with_conjuncts(targets))),), trigger_kind="demand")


# --- time and source ----------------------------------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def event_date(predicate: Token, article_date: str | None, entity_at=None) -> str | None:
    """What the predicate's clause says of when: a year, a full date, or a weekday or
    "yesterday"/"today" counted from the article's date. ``entity_at(i)`` gives the entity of
    the Doc at token ``i`` (by default, looked for among ``doc.ents``)."""
    clause = predicate.head if predicate.dep_ in ("attr", "acomp") else predicate  # "was overrun yesterday"
    for token in clause.subtree:
        if token.ent_type_ != "DATE" or (token.head != clause and token.head.head != clause):
            continue
        text = token.doc[token.i:token.i + 1].text
        if entity_at is not None:
            entity = entity_at(token.i)
        else:
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


_FUTURE_WORDS = {"next", "tomorrow", "upcoming", "coming"}


def _dated_in_the_future(predicate: Token) -> Token | None:
    """A date on the event's clause that lies ahead ("a strike for next Thursday", "talks
    tomorrow"): the event is planned, not done. The word that says so, else None."""
    clause = predicate.head if predicate.dep_ in ("attr", "acomp") else predicate
    for token in clause.subtree:
        if token.ent_type_ == "DATE" and token.lower_ in _FUTURE_WORDS and \
                clause in (token.head, token.head.head, token.head.head.head):
            return token
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

def _places_in(predicate: Token, actors: ActorFinder, prepositions=("in", "at", "near")) -> list[Token]:
    """Places an event happens in: "in X", "near X" on the verb or on its object."""
    objects = [c for c in predicate.children if c.dep_ == "dobj"]
    if any(_owned(o, actors) for o in objects):
        return []  # "surrounded her home in X", "stormed the offices of a party in X": someone's, not X's
    return [t for h in [predicate, *objects] for t in prep_objects(h, prepositions) if actors.is_place(t)]


def _owned(token: Token, actors: ActorFinder) -> bool:
    """Whether a noun acted on is someone's: "her home", "the party's offices", "the house of X"
    (not "the outskirts of X", a place's own part; "its forces in X" are where its people are; "its offensive
    in X" is an act done there)."""
    if actors.lex.agent_sector(token.lemma_) is not None or actors.is_event(token):
        return False
    if any(c.dep_ == "poss" for c in token.children):
        return True
    return token.pos_ == "NOUN" and any(o.ent_type_ and not actors.is_place(o) for o in prep_objects(token, ("of",)))


@lru_cache(maxsize=1)
def water_features() -> frozenset[str]:
    """Head words of bodies of water's names (ontology/water_features.tsv)."""
    return word_list("water_features.tsv")


def _is_water(actor: Actor) -> bool:
    """"the Mediterranean Sea", "the Gulf of Aden": a body of water, where things happen to no one."""
    if actor.mention is None or actor.mention.type != "Location":
        return False
    words = actor.mention.label.lower().replace("-", " ").split()
    return bool(words) and (words[-1] in water_features() or (words[0] in water_features() and "of" in words))


# acts whose place at the actor's home is where they happen, not what they are done to (a curfew
# or a ban in a town at home is still imposed on it)
_DONE_THERE_NOT_TO_IT = frozenset({"MOBILIZE", "PROTEST", "ASSAULT"})


# acts that, put in quotation marks, are someone's charge against the actor ("kidnapped",
# "invaded"): criticism, coercion and force (CAMEO 11-20); "welcomed" quoted is only a quotation
_CHARGES = frozenset(f"{n}" for n in range(11, 21))


def _in_scare_quotes(word: Token) -> bool:
    """A trigger quoted on its own ("had been \"kidnapped\" by X"): the speaker's word for it, which
    the article does not make its own."""
    doc = word.doc
    return 0 < word.i < len(doc) - 1 and doc[word.i - 1].is_quote and doc[word.i + 1].is_quote


def _a_body(actor: Actor) -> bool:
    """"the premier's government", "the president's administration": a body the person heads, which acts for them."""
    words = actor.text.lower().split()
    return bool(words) and words[-1] in lexicon().organisation_nouns


def _at_home(place: Actor, subjects: list[Actor]) -> bool:
    """A place in the subjects' own country: troops put on alert, supporters rallied, protesters
    dispersed at home act there, not on it ("Britain deployed troops in Lebanon" is against Lebanon)."""
    country = place.mention.country if place.mention is not None else None
    return country is not None and any(s.mention is not None and s.mention.country == country for s in subjects)


def _introduced_by(token: Token) -> str | None:
    """The preposition whose object a token is ("on X" → "on"), None for a direct argument."""
    return token.head.lower_ if token.dep_ == "pobj" else None


def _takes(kind: str, token: Token, types: ArgumentTypes | None) -> bool:
    """Whether a candidate object found this way can be the one acted on: a preposition other
    than the pattern's own must be one the relation takes ("protested against X", not "attacked X
    with drones")."""
    if kind == "clause" and types is not None and not types.through_clause:
        return False  # "met to discuss X": X is a topic
    if kind == "direct" and types is not None and not types.direct:
        return False  # "mobilized its reservists": its own, not a target
    if types is None or kind in ("direct", "event", "addressee", "clause") or token.dep_ != "pobj":
        return True  # an embedded act's own arguments are that act's, not this relation's
    if kind == "noun" and _introduced_by(token) in ("of", "between"):
        return True  # "the invasion of X", "talks between X and Y"
    return _introduced_by(token) in types.prepositions


_AGENT_TYPES = frozenset({"Person", "Organisation", "Group"})


@lru_cache(maxsize=1)
def patient_nouns() -> frozenset[str]:
    """Nouns of an act done to the one in their possessive or "of" phrase (ontology/patient_nouns.tsv)."""
    return word_list("patient_nouns.tsv")


def _done_to(noun: Token) -> bool:
    """"the release of X", "X's extradition", "X's arrest": a noun of an act that X suffers."""
    code = trigger_lexicon().noun_code(noun) or ""
    return noun.pos_ == "NOUN" and (code.startswith(("084", "17", "18", "19", "20")) or noun.lemma_.lower() in patient_nouns())


# appeals, agreements, praise, cooperation and refusals about an act: who would suffer the act is
# not the one asked, agreed with, praised, worked with or refused
_ABOUT_AN_ACT = ("02", "03", "05", "06", "10", "12")


def _victim_of_requested_act(token: Token, event: _Event, actors: ActorFinder) -> bool:
    """"ordered X's killing", "sought X's extradition (from Y)", "approved the extradition of X (to Y)":
    the one an act asked for or agreed to is done to is not the one asked or worked with ("asked
    for X's resignation" is X: a resignation is X's own act)."""
    if not event.cameo.startswith(_ABOUT_AN_ACT):
        return False
    while token.dep_ == "conj" and token.head.i != token.i:  # "the release of X and Y": Y as X
        token = token.head
    if _done_to(token) and any(c.dep_ == "poss" for c in token.children):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "of" and _done_to(token.head.head) and \
        token.head.head.i != event.predicate.i


# sectors of people who do not act for their state: "three Serbian men", "Syrian refugees"
PRIVATE_SECTORS = frozenset({"people", "civilians", "refugees"})
# those who fight outside a state's forces: rebels, gangs, militants
ARMED_SECTORS = frozenset({"rebels", "criminals", "armed forces (unaffiliated)", "radicals", "international militants"})
# sectors whose members acted on are their state acted on ("expelled Russian diplomats", "shot down
# a Syrian jet"); anyone else of a nationality acted on is a person, not the state ("abducted a
# Pakistani journalist", "arrested Chinese businessmen")
STATE_SECTORS = frozenset({"government", "military", "police", "intelligence", "judiciary", "legislature"})
# sectors outside the state whose members, acting, do not act for the state of their nationality:
# "Nigerian gunmen attacked …", "Syrian rebels seized …", "Chinese companies signed …"
NON_STATE_SECTORS = PRIVATE_SECTORS | {"rebels", "opposition", "criminals", "armed forces (unaffiliated)", "radicals",
                                       "international militants", "business", "media", "religion", "labour",
                                       "human rights", "ngo", "elites", "political parties"}


def _as_private_people(actor: Actor, public: frozenset[str] | None = None) -> Actor:
    """"Arrested three Serbian men", "hosts Syrian refugees": people of a nationality are not
    its state (as "Serbian troops" are); they are people the sentence does not name. Given the
    ``public`` sectors, anyone of another sector is such a person too ("a Pakistani journalist");
    given none (an agent), anyone of a sector outside the state ("Nigerian gunmen attacked")."""
    private = actor.sector in (NON_STATE_SECTORS if public is None else PRIVATE_SECTORS) or \
        (public is not None and actor.sector is not None and actor.sector not in public)
    if actor.via == "owner" and private and actor.mention is not None and actor.mention.type == "State":
        return Actor(None, actor.text, actor.sector, "unknown", actor.mention.country)
    return actor


def _fits(actor: Actor, allowed: frozenset[str] | None) -> bool:
    """Whether an actor is of a type the relation takes on that side. The agents of a place or
    nationality ("Darfur rebels", "Afghan civilians") are people of it."""
    if allowed is None or actor.mention is None or actor.mention.type in allowed:
        return True
    return actor.via == "owner" and actor.sector is not None and bool(allowed & _AGENT_TYPES)


def _freed_by_force(event: _Event, triggers: TriggerLexicon) -> bool:
    """Whether a release is what an assault or a raid achieved ("stormed a yacht, freeing four
    hostages", "raided the camp and freed 30 girls"): those who freed them held no one."""
    verb = event.predicate
    if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.pos_ != "VERB":
        return False
    found = triggers.verb_code(verb.head)
    return found is not None and found[0][:2] in ("17", "18", "19", "20")


def _others_mustered(event: _Event, actors: ActorFinder, subjects: list[Actor]) -> bool:
    """Whether what is mustered belongs to someone else: "X and Y joined Japanese soldiers" act with
    Japan's men, not with each other."""
    return any(a.known and not any(same_actor(a, s) for s in subjects)
               for kind, group in event.objects if kind == "direct" for a in actors.actors(group))


def _led_by(noun: Token) -> bool:
    """"the Saudi-led coalition", "a US-backed alliance": a body a state leads acts for it."""
    return any(c.lower_ in ("led", "backed") for c in noun.children)


def _addressed_there(actor: Actor, event: _Event) -> bool:
    """"urged the authorities in X", "criticised the police in X": the state's agents there are
    its own when they are spoken to or of; a place where one acts on things or people is not."""
    return actor.sector in STATE_SECTORS and event.cameo.startswith(_VOICED)


def _objects(event: _Event, actors: ActorFinder, subjects: list[Actor],
             types: ArgumentTypes | None, relation_plover: str = "") -> tuple[list[Actor] | None, str]:
    """The objects of the first candidate group that names an entity the relation takes, other
    than the subject ("offered its troops to X": its troops are the subject's, X is the object),
    and where that group was found; None when the event had candidates and none fits, [] when it
    had none."""
    for kind, group in event.objects:
        if relation_plover in OBJECTLESS and kind not in ("direct", "prep", "noun", "object-prep"):
            continue  # "announced his resignation (in a video broadcast to X)": no one it yields to
        tokens = [t for t in group if _takes(kind, t, types) and not _victim_of_requested_act(t, event, actors)]
        found = [_as_private_people(a, STATE_SECTORS) for a in (actors.as_target(a, types.object if types else None)
                                                 for a in _acted_on(tokens, kind, actors))
                 if not any(same_actor(a, s) for s in subjects)]
        # "investigated his ministers", "met the president's envoy": a person's people acted on are not the
        # person; "fired at protesters in <their own capital>": people there, not the city
        found = [Actor(None, a.text, a.sector, "unknown") if (a.via == "owner" and a.sector is not None and
                 a.mention is not None and a.mention.type == "Person" and not _a_body(a)) or
                 (a.via == "place" and relation_plover in _DONE_THERE_NOT_TO_IT and _at_home(a, subjects))
                 else a for a in found]
        found = [a for a in found if a.known or types is None or "Unknown" in types.object]
        found = [a for a in found if _fits(a, types.object if types else None) and
                 (types is None or types.located or a.via != "place" or kind == "clause" or
                  _addressed_there(a, event))  # "seized a tanker in X" seizes no X
                 # one calls no "X's decision"; blocking "a UN convoy" or taking "the Israeli embassy"
                 # besieges or occupies no UN and no Israel
                 and not (event.cameo.startswith(("04", "191", "192")) and a.via == "owner" and a.sector is None)]
        if found:
            return found, kind
    if types is not None and "Unknown" in types.object:  # "murdered three men": people, unnamed
        for kind, group in event.objects:
            unnamed = [u for u in (_unnamed_people(t, actors) for t in group if kind in ("direct", "event"))
                       if u is not None]
            if unnamed:
                return unnamed[:1], kind
    return (None if event.objects else []), "none"


@lru_cache(maxsize=1)
def envoy_titles() -> frozenset[str]:
    """Titles of those who represent a state abroad (ontology/envoy_titles.tsv)."""
    return word_list("envoy_titles.tsv")


def _acted_on(tokens: list[Token], kind: str, actors: ActorFinder) -> list[Actor]:
    """The actors of object tokens; an envoy the pattern itself names ("summoned the ambassador",
    "expelled the envoy") stands for the state that sent them, not for the person."""
    found: list[Actor] = []
    for token in tokens:
        owner = actors.owner(token) if kind == "event" and token.lemma_.lower() in envoy_titles() else None
        for actor in ([owner] if owner is not None and owner.mention.type != "Person" else actors.actors([token])):
            if token.dep_ == "pobj" and token.head.lower_ == "on" and actor.mention is not None and \
                    actor.mention.kind == "platform":
                continue  # "announced her release on Twitter": where it was said, not who was acted on
            if actor not in found:
                found.append(actor)
    return found


def _unnamed_people(token: Token, actors: ActorFinder) -> Actor | None:
    """People acted on whom the sentence does not name: "gay men", "three civilians", "dozens of
    protesters" (agent nouns and counted people), never a thing."""
    if token.pos_ not in ("NOUN", "NUM") or actors.actor(token) is not None:
        return None
    lemma = token.lemma_.lower()
    sector = actors.lex.agent_sector(lemma) or actors.lex.agent_sector(token.text)
    if sector is None and part_nouns().get(lemma) == "people":  # "gay men", "three youths"
        sector = "people"
    if sector is None and part_nouns().get(lemma) == "quantity":
        counted = [c for p in token.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        return _unnamed_people(counted[0], actors) if counted else None
    return Actor(None, noun_phrase(token), sector, "unknown") if sector is not None else None


def _actor_evidence(actor: Actor, acting: bool = False) -> str:
    """How an argument names its entity, as evidence: "actor:name", "actor:owner", …; a region that
    only contains what was acted on ("a village in the Sagaing region") is "actor:region"; an agent
    described without a name ("police", "gunmen") is "actor:described", where the reader's actor is
    mostly named nearby (one acted on, "fired on demonstrators", is just unknown)."""
    if not actor.known:
        described = acting and actor.text
        return "actor:unresolved" if actor.via == "unresolved" else "actor:described" if described else "actor:unknown"
    if actor.via == "place" and actor.mention.type == "Location":
        return "actor:region"
    return f"actor:{actor.via}"


def _unresolved_addressee(event: _Event, actors: ActorFinder) -> bool:
    """Whether the event's direct object is someone ("them", "the authorities", "both neighbours") whom
    no entity was found for: the sentence names the one acted on, and the graph does not know who."""
    return any(kind == "direct" and token.dep_ in ("dobj", "pobj") and (
        token.pos_ == "PRON" or is_pair_phrase(token) or actors.lex.agent_sector(token.lemma_) is not None)
        for kind, group in event.objects for token in group)


def _event_antecedent(token: Token, triggers: TriggerLexicon, article: _Article | None) -> Actor | None:
    """"X launched a strike on Y. The strike killed Z": a definite event noun with no agent of its own
    is the event of its kind the previous two sentences named, and its agent is that event's."""
    code = triggers.noun_code(token) if token.pos_ == "NOUN" else None
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    own_agent = any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in token.children)
    if article is None or code is None or not definite or own_agent:
        return None
    sentence = token.sent
    earliest = sentence.start
    for _ in range(2):
        earliest = token.doc[earliest - 1].sent.start if earliest > 0 else earliest
    start, first = sentence.start_char, token.doc[earliest].idx
    for relation in reversed(article.found):
        if first <= relation.sentence_start < start and relation.cameo[:2] == code[:2] and relation.subject.known:
            return replace(relation.subject, text=noun_phrase(token), via="reference")
    return None


def _unnamed_actor(token: Token, triggers: TriggerLexicon, actors: ActorFinder, violent: bool = True) -> Actor | None:
    """An agent a sentence describes without a name: people by role ("protesters", "police", "some
    groups"), or, for an act of violence, what an unnamed agent struck with ("drones", "a bombing").
    Anything else ("the report", "the decision", "the accusations urged …") is no actor, and neither is a
    pronoun ("they", "their forces"): it has an antecedent the graph failed to find, and a guess would mislead."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return None
    sector = actors.lex.agent_sector(lemma) or actors.lex.agent_sector(token.text)
    if sector is None and part_nouns().get(lemma) == "quantity":
        sector = "people"  # "some groups", "thousands"
    weapon = any((lemma,) == member for name in ("&weapon", "&aircraft") for member in triggers.sets.get(name, ()))
    if sector is None and not weapon and (triggers.noun_code(token) is None or not violent):
        return None
    return Actor(None, noun_phrase(token), sector, "unresolved" if sector is not None and _definite_one(token) else "unknown")


def _definite_one(token: Token) -> bool:
    """"the junta", "the ministry", "the court": one body the reader already knows, so an agent the
    graph could not name (the unnamed "protesters" or "the demonstrators" are many, and nobody in particular)."""
    return token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _noun_modality(noun: Token) -> Modality:
    """How a sentence puts an event it names with a noun: as its governor puts it ("denied the
    invasion": negated, "plans for an invasion": intended), or a modifier ("the planned invasion")."""
    words = modality_words()
    warning = _warned_of(noun)
    if warning is not None:  # "warned of sanctions": a threat, committed to by the one who warns
        own = _threat_of_ones_own(warning, trigger_lexicon().noun_code(noun) or "")
        return Modality("intended", warning, committed=own)
    determiner = next((c for c in noun.children if c.dep_ == "det" and c.lower_ in ("no", "any", "every")), None)
    if determiner is not None:  # "put no pressure on them", "any attack on our infrastructure": none in particular
        return Modality("negated" if determiner.lower_ == "no" else "hypothetical", determiner)
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) \
            and any(c.dep_ == "attr" and trigger_lexicon().noun_code(c) for c in noun.head.children):
        return Modality("hypothetical", noun.head)  # "an attack on X is an attack on Y": a rule, no attack in particular
    governor = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else \
        noun.head if noun.dep_ == "oprd" else None
    if governor is not None and governor.lemma_.lower() in word_class("characterising"):
        # "over what he described as the killing of Christians", "what he called the murder of X": his word for it
        return Modality("reported", governor, next((c for c in governor.children if c.dep_ == "nsubj"), None))
    # "alleged atrocities, including killings of X": the hedge of the whole covers what it includes
    described = [noun] + ([noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "including" else [])
    for modifier in (c for n in described for c in n.children):
        if modifier.dep_ != "amod":
            continue
        kind = next((words[w] for w in _verb_lemmas(modifier) + [modifier.lower_[:-3]] if w in words), None)
        if kind in ("intended", "committed", "hypothetical"):  # "the planned invasion"
            return Modality("hypothetical" if kind == "hypothetical" else "intended", modifier)
        if kind == "claiming":  # "alleged war crimes by X": a charge, not a fact the article states
            return Modality("reported", modifier)
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if holder is not None and holder.pos_ == "NOUN" and holder.i != noun.i and \
            trigger_lexicon().noun_code(holder) is None:
        return _noun_modality(holder)  # "proposed a package of sanctions", "a wave of attacks": as the whole
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and noun.head.i != noun.i:
        governor = noun.head
        kind = word_modality(governor)
        if governor.lemma_ == "be":  # "a meeting was possible only after …": what is said of it
            kind = next((words.get(c.lemma_.lower()) for c in governor.children if c.dep_ == "acomp"), None) or kind
            equated = next((c for c in governor.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
            if noun.dep_ == "attr" and equated is not None and trigger_lexicon().noun_code(equated) is not None:
                return _noun_modality(equated)  # "any attack on X is an attack on all of us": as the one it names
        if kind == "presupposing":  # "would never recognise the annexation of X": it happened
            return Modality("asserted", None)
        if kind in ("negated", "hypothetical", "intended", "committed"):
            return Modality("intended" if kind == "committed" else kind, governor)
        return modality_of(governor)
    return modality_of(noun)




def _verbal_attack(event: _Event, subject: Actor, obj: Actor | None) -> bool:
    """"The opposition leader attacked the government": a person "attacking" a state or an
    organisation is criticising it; force would be a unit's, a state's or a group's."""
    return event.cameo.startswith("19") and event.predicate.lemma_.lower() in word_class("verbal attack") and \
        subject.mention is not None and subject.mention.type == "Person" and obj is not None and \
        obj.mention is not None and (obj.mention.type in ("State", "Organisation") or obj.sector == "government")


@lru_cache(maxsize=1)
def happening_words() -> frozenset[tuple[str, str]]:
    """(word, "noun") for disasters and accidents, (word, "verb") for the verbs of accidents
    (ontology/happening_nouns.tsv)."""
    return frozenset((row["word"], row["kind"]) for row in read_tsv("happening_nouns.tsv"))


def _is_happening(token: Token) -> bool:
    kind = {"NOUN": "noun", "VERB": "verb"}.get(token.pos_)
    if kind is None and token.pos_ == "PROPN":  # "Storm Daniel", "Hurricane Ian": a named one
        return any(c.dep_ == "compound" and (c.lower_, "noun") in happening_words() for c in token.children)
    return kind is not None and (token.lemma_.lower(), kind) in happening_words()


def _of_objects(tokens: list[Token]) -> list[Token]:
    """What the tokens count or divide: the objects of their "of" ("one of the earthquakes")."""
    return [o for t in tokens for o in prep_objects(t, ("of",))]


def _happening(event: _Event) -> bool:
    """Whether an act of force hangs on a disaster or an accident: its subject is one, or its
    clause is the result of one ("… crashed, killing 38"; "an earthquake that struck …, killing 14")."""
    if any(_is_happening(t) for t in event.subjects):
        return True
    token = event.predicate
    for _ in range(3):
        if token.dep_ not in ("advcl", "relcl", "conj", "acl") or token.head.i == token.i:
            return False
        token = token.head
        near = [token] + [c for c in token.children if c.i < event.predicate.i] + \
            [g for c in token.children if c.dep_ == "prep" and c.i < event.predicate.i for g in c.children]
        near += _of_objects(near)  # "after one of the most powerful earthquakes struck X": the earthquake
        if any(_is_happening(t) for t in near):  # "is recovering from an earthquake that …, killing 14"
            return True
    return False


def _search_raid(event: _Event, subject: Actor) -> bool:
    """"Investigators raided the ministry": a raid by police, prosecutors or intelligence officers is
    a search under their authority (coercion, CAMEO 17), not an armed assault."""
    return event.cameo.startswith("19") and event.predicate.lemma_.lower() == "raid" and \
        subject.sector in ("police", "judiciary", "intelligence")


def _a_thing_that_acts(token: Token, actors: ActorFinder) -> bool:
    """A subject that is a common noun naming no one ("his disappearance", "the crisis"): not a name,
    a pronoun or a noun for people or a body."""
    if token.pos_ != "NOUN" or actors.index.get(token.i) is not None:
        return False
    named = actors.actor(token)  # "the foreign secretary, <Name>," is the person; "his disappearance" no one
    return (named is None or named.via == "owner") and actors.lex.agent_sector(token.lemma_.lower()) is None and \
        token.lemma_.lower() not in part_nouns() and token.lower_ not in title_words()


def _a_thing(token: Token, actors: ActorFinder) -> bool:
    """Words that name neither an actor nor people ("the files", "video footage")."""
    return actors.actor(token) is None and actors.lex.agent_sector(token.lemma_) is None \
        and token.lemma_.lower() not in part_nouns()


def _acts_on_a_thing(event: _Event, actors: ActorFinder) -> bool:
    """A direct object that is neither an actor nor people ("released the files", "video released
    by X"): the verb is about that thing, and an objectless reading ("withdrew", "resigned") does not hold."""
    for kind, group in event.objects:
        for token in group:
            done_to = token.dep_ == "dobj" or (event.predicate.dep_ == "acl" and token.i == event.predicate.head.i)
            if kind == "direct" and done_to and _a_thing(token, actors):
                return True
            if token.dep_ == "pobj" and token.lemma_.lower() in document_nouns() and actors.actor(token) is None:
                return True  # "withdrew from the Rome Statute", "pulled out of the deal": no retreat
    return False


def _releases_a_thing(event: _Event, actors: ActorFinder) -> bool:
    """"released funds from its emergency fund": the direct object itself is a thing (whoever its
    "from" or "of" phrase names), not people or a named one."""
    return any(kind == "direct" and token.dep_ == "dobj" and token.pos_ == "NOUN" and actors.index.get(token.i) is None and
               actors.lex.agent_sector(token.lemma_) is None and part_nouns().get(token.lemma_.lower()) is None
               for kind, group in event.objects for token in group)


def _someone_of_a_person(obj: Actor) -> bool:
    """"his chief of staff", "the president's bodyguards", "her brother": people of a person, who
    are not that person when detained or attacked (an attack on "his house" or "her convoy" is)."""
    if obj.via not in ("owner", "part") or obj.mention is None or obj.mention.type != "Person":
        return False
    text = obj.text.lower().split()
    owned = [i for i, w in enumerate(text) if w in ("'s", "his", "her", "their", "its")]
    # the owned noun: after the possessive ("five of Pinochet 's bodyguards"), else before "of"
    # ("the government of Prime Minister X" is a government, not a minister)
    text = text[owned[-1] + 1:] if owned else text[:text.index("of")] if "of" in text else text
    words = {w.rstrip("s") for w in text} | set(text)
    return any(w in title_words() or w in associate_nouns() or w in word_class("entourage") for w in words)


def _withdrawn(event: _Event, obj: Actor) -> bool:
    """Whether the one found as acted on is the direct object of "withdraw X from Y", "pull X out
    of Y": what is withdrawn (the agent's own troops, envoy or state), not the one left."""
    if obj.mention is None:
        return False
    verb = event.predicate
    leaves = any(c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out") for c in verb.children)
    return leaves and any(c.dep_ == "dobj" and obj.mention.start <= c.i < obj.mention.end for c in verb.children)


def _holds_office_of(person: Actor, owner: Actor, doc: Doc, article: _Article | None = None) -> bool:
    """Whether the article gives ``person`` an office of ``owner`` ("the prime minister of X")."""
    if person.mention is None or owner.mention is None or person.mention.type != "Person":
        return False
    name = person.mention.label.split()
    positions = article.offices_of(owner.mention.label) if article is not None else doc._.kg_positions or ()
    return any(p.of is not None and not p.inferred and p.of.label == owner.mention.label and
               (p.person.label == person.mention.label or p.person.label.split()[-1:] == name[-1:])
               for p in positions)


class _Article:
    """What the relations of a Doc look up again and again, indexed once (when first needed):
    its entities by token, and its positions by whose office they are."""

    def __init__(self, doc: Doc, found: list[RelationMention] | None = None):
        self.doc = doc
        self.found = found if found is not None else []  # the relations found so far, in sentence order
        self._entities: dict[int, Span] | None = None
        self._offices: dict[str, list] | None = None

    def entity_at(self, index: int) -> Span | None:
        """The first of ``doc.ents`` that covers token ``index``."""
        if self._entities is None:
            self._entities = {}
            for entity in self.doc.ents:
                for i in range(entity.start, entity.end):
                    self._entities.setdefault(i, entity)
        return self._entities.get(index)

    def offices_of(self, label: str) -> list:
        """The positions of ``doc._.kg_positions`` that are of an entity of this label, in their order."""
        if self._offices is None:
            self._offices = {}
            for position in self.doc._.kg_positions or ():
                if position.of is not None and not position.inferred:  # said, not inferred from the story's places
                    self._offices.setdefault(position.of.label, []).append(position)
        return self._offices.get(label, [])


_HEDGES = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"}


def _hedged(predicate: Token, cue: Token | None) -> bool:
    """"X reportedly attacked Y", "X allegedly …", "Y claims X attacked": the sentence passes the
    event on without vouching for it."""
    if any(c.lower_ in _HEDGES for c in predicate.children):
        return True
    return cue is not None and cue.lemma_.lower() in ("claim", "allege")


def _suspected(subjects) -> bool:
    """"Suspected Al-Shabaab militants abducted …": who did it is only suspected."""
    return any(t.lower_ in _SUSPECTED for s in subjects for t in s.doc[s.left_edge.i:s.i])


_SUSPECTED = {"suspected", "alleged", "presumed", "purported"}
_FUTURE = ("will", "would", "shall", "'ll", "'d")


def _commitment(relation: RelationMention, triggers: TriggerLexicon, cue: Token | None) -> RelationMention | None:
    """Committing to an event is an event: "agreed to withdraw from X" is AGREE with X,
    "threatened to cut off electricity to X" THREATEN X (ontology/intents.tsv). Whatever is
    threatened is a threat; a commitment to no one named ("would file a protest") is no relation."""
    intent = triggers.intent(relation.cameo)
    if cue is not None and cue.lemma_.lower() == "threaten":
        intent = "130"
    if intent is None or relation.object is None or not relation.object.known:
        return None
    if intent.startswith("13") and cue is not None and cue.lemma_.lower() in word_class("deciding"):
        return None  # "agreed to impose sanctions on X", "decided to break relations": a decision, no threat
    types = argument_types().get(triggers.relation(intent).name)
    if not _fits(relation.object, types.object if types else None):
        return None  # "will travel to <a town>": one commits to people, not to a town
    evidence = relation.evidence
    if cue is not None and (cue.lower_ in _FUTURE or cue.lemma_.lower() in word_class("readiness")) and \
            (intent.startswith("03") or not _under_threat(cue)):
        # "said she would meet X", "was ready to hold talks with X", "offered to host X" express an intent
        # (PLOVER's AGREE) but agree nothing with X, and
        # "said it would maintain sanctions on X" threatens X only when it warns ("warned that it
        # would expel X's diplomats"): mentions for event coders, too weak for the graph's direct triple
        evidence = (*evidence, "commitment:future")
    return replace(relation, relation=triggers.relation(intent), cameo=intent, modality="asserted",
                   trigger=f"{relation.trigger} (committed)", evidence=evidence, confidence=confidence_of(evidence))


def _under_threat(cue: Token) -> bool:
    """Whether a "will"/"would" stands in a clause a verb of threatening governs ("warned that it
    would cut aid to X", "vowed that they would retaliate")."""
    threatening = word_class("threat")
    return any(t.lemma_.lower() in threatening for t in cue.head.ancestors)


_JOINT_MANOEUVRES = "062"  # military cooperation


def _relations_of(event: _Event, sentence: Span, triggers: TriggerLexicon, actors: ActorFinder,
                  article_date: str | None, article: _Article | None = None) -> Iterator[RelationMention]:
    relation = triggers.relation(event.cameo)
    if relation is None:
        return
    types = argument_types().get(relation.name)
    if relation.plover == "ASSAULT" and _happening(event):
        return  # "an earthquake that struck …, killing 14", "the plane crashed, killing 38": no one did it
    # "his disappearance threatened to overshadow the meeting": a risk, no one's threat
    a_risk = bool(event.subjects) and all(_a_thing_that_acts(t, actors) for t in event.subjects)
    if relation.plover == "THREATEN" and a_risk:
        return
    referred = {t: [a for a in plural_antecedent(t) if actors.actor(a) is not None] for t in event.subjects}  # "they" → "the rebels"
    event = replace(event, subjects=tuple(a for t in event.subjects for a in (referred[t] or [t])))
    subjects = actors.actors(event.subjects)
    if any(referred.values()):
        subjects = [replace(s, via="reference") if s.known else s for s in subjects]
    protesters_of_the_place = False
    if not subjects and relation.plover == "PROTEST":  # "hundreds of students protested … in X"
        subjects = [replace(a, via="place") for a in actors.actors(_places_in(event.predicate, actors))]
        protesters_of_the_place = bool(subjects)
    as_named = list(subjects)  # "Moscow closed its airspace": "its" is Moscow, which acts as Russia
    subjects = [_as_private_people(actors.as_agent(s)) for s in subjects]
    # "residents of X", "people in X" who act do not act for X; its officials or police do
    # … nor do activists, journalists, protesters or opposition politicians in a state or a city ("Activists in
    # Kenya accused …", "protesters in Tehran stormed …"), though in a protest they are the place's people, as
    # CAMEO codes them ("demonstrators in Baghdad rallied")
    # … nor does a movement, party or union of a state ("Sudan's protest movement called for …")
    private = {} if protesters_of_the_place else \
        {a: noun_phrase(t) for t in event.subjects for a in actors.actors([t])
         if (a.via in ("part", "place") and a.sector in PRIVATE_SECTORS) or
         (a.via == "place" and a.sector in NON_STATE_SECTORS and a.mention is not None and
          a.mention.type in ("State", "City") and relation.plover != "PROTEST") or
         (a.via == "owner" and a.mention is not None and a.mention.type == "State" and
          t.lemma_.lower() in word_class("civil body") and not _led_by(t))}
    subjects = [Actor(None, private[s], s.sector, "unknown") if s in private else s for s in subjects]
    subjects = [s for s in subjects if s.known or types is None or "Unknown" in types.subject]
    subjects = [s for s in subjects if _fits(s, types.subject if types else None)]
    if not subjects and not actors.actors(event.subjects):
        unnamed = [u for u in (_event_antecedent(t, triggers, article) or
                               _unnamed_actor(t, triggers, actors, relation.plover == "ASSAULT") for t in event.subjects)
                   if u is not None]
        subjects = unnamed[:1]  # "protesters called for …", "drones struck …": someone did, unnamed
    if subjects and not any(s.known for s in subjects):
        subjects = _wielder(event, actors) or subjects
    if subjects and not any(s.known for s in subjects) and types is not None and "Unknown" not in types.subject:
        return  # "protesters met …": a meeting needs its parties named
    # an unresolved personal pronoun is someone ("They had asked X": someone did) — "he" or "she" one the
    # article named and the graph did not find (unresolved); a relative one no actor stands for is a thing
    # ("a crisis that …")
    pronouns = [] if subjects else [t for t in event.subjects if t.pos_ == "PRON" and t.dep_.startswith("nsubj")
                                    and t.tag_ not in ("WDT", "WP") and actors.actor(t) is None]
    if pronouns:
        person = pronouns[0].lower_ in ("he", "she")
        subjects = [Actor(None, pronouns[0].text, None, "unresolved") if person else UNKNOWN] \
            if types is not None and "Unknown" in types.subject else []
    if not subjects:
        if not event.unknown_agent or (types is not None and "Unknown" not in types.subject):
            return  # a subject that names no entity (or none this relation takes): the graph cannot say who acted
        subjects = [UNKNOWN]
    if event.cameo.startswith("084") and _freed_by_force(event, triggers):
        return  # "stormed the yacht, freeing four hostages": a rescue, no concession by the one who freed them
    if event.cameo.startswith("084") and (_acts_on_a_thing(event, actors) or _releases_a_thing(event, actors)):
        return  # "released a summary of a call to X", "released funds from X": a thing released, no one set free
    objects, found_as = _objects(event, actors, subjects + [s for s in as_named if s not in subjects], types,
                                 relation.plover)
    if relation.plover == "AGREE" and found_as == "clause":
        # "agreed to suspend its offensive against X", "to seek a UN embargo": PLOVER codes an AGREE with X,
        # but X is no partner to any agreement (object:agreed-act)
        found_as = "agreed-act"
    unnamed_people = bool(objects) and found_as != "unnamed" and not any(o.known for o in objects)
    # "killed 23 people in X": where the victims go unnamed, the place stands for them (CAMEO) —
    # when a named actor came from elsewhere; "police fired tear gas at protesters in Nairobi" and
    # "someone threw stones at police near X" do nothing to Nairobi or X
    # … but armed men killed in X ("killed 20 bandits in X") are not X's people: X stands for no one
    armed_foes = unnamed_people and all(o.sector in ARMED_SECTORS for o in objects)
    if (not objects or (unnamed_people and any(s.known for s in subjects))) and types is not None \
            and types.located and not protesters_of_the_place and not armed_foes:
        # "attacked a convoy near X" was not done in X, and not to it
        placed = [p for p in actors.actors(_places_in(event.predicate, actors, ("in", "at")))
                  if _fits(p, types.object if types else None) and not _is_water(p)
                  and not (relation.plover in _DONE_THERE_NOT_TO_IT and _at_home(p, subjects))]
        if placed:  # only where the relation can act on a place: "arrested in X" arrests no X
            objects, found_as = placed, "place"
    # "X and Y met": X met Y; "X and Y sent troops" is each sending its own, not one to the other
    # (nor "X, Y and Z offered assistance": each offers it to someone else)
    if not objects and relation.name in SYMMETRIC and len(subjects) > 1 and event.trigger_kind in ("pattern", "noun") \
            and event.predicate.lemma_.lower() not in word_class("sending") | word_class("offering"):
        subjects, objects, found_as = subjects[:1], subjects[1:], "symmetric"
    joint = not objects and relation.plover == "MOBILIZE" and len({s.mention.label for s in subjects if s.known}) > 1 \
        and not _others_mustered(event, actors, subjects)
    if joint:  # "X and Y launched war games": joint manoeuvres are military cooperation between them (CAMEO 062)
        subjects, objects, found_as = subjects[:1], subjects[1:], "symmetric"
    if not objects and types is not None and types.unnamed and event.trigger_kind in ("pattern", "noun") \
            and not protesters_of_the_place:  # "protesters rallied in X": who, against whom, it does not say
        objects, found_as = [UNKNOWN], "unnamed"  # "called for an investigation": on whoever can act
        if _unresolved_addressee(event, actors):
            found_as = "unresolved"  # "urged them", "urged the prime minister's government": someone the graph missed
    if not objects:
        if relation.plover not in OBJECTLESS or _acts_on_a_thing(event, actors):
            return  # no one acted on ("released the files", "legalised marriage"): no relation between actors
        objects, found_as = [None], "none"
    modality = _noun_modality(event.predicate) if event.predicate.pos_ == "NOUN" else modality_of(event.predicate)
    if modality.modality == "asserted" and event.cameo[:2] in _CHARGES and _in_scare_quotes(event.predicate):
        modality = replace(modality, modality="reported", cue=event.predicate)  # had been "kidnapped": their word
    ahead = _dated_in_the_future(event.predicate)
    if modality.modality == "asserted" and ahead is not None:  # "called a general strike for next Thursday"
        modality = replace(modality, modality="intended", cue=ahead)
    if modality.modality == "asserted" and event.trigger_kind == "noun" and event.cameo[:2] == "04" and \
            event.predicate.pos_ == "VERB" and event.predicate.lemma_.lower() in word_class("convoking"):
        modality = replace(modality, modality="intended", cue=event.predicate)  # "called a summit": yet to meet
    reporter_token = modality.reporter or _according_to(event.predicate)
    reporter = actors.actor(reporter_token) if reporter_token is not None else None
    date = event_date(event.predicate, article_date, article.entity_at if article is not None else None)
    hedge = ("hedge:reported",) if _hedged(event.predicate, modality.reporter_verb) or \
        _suspected(event.subjects) else ()
    for subject in subjects:
        for obj in objects:
            if obj is not None and relation.plover in ("COERCE", "ASSAULT") and _someone_of_a_person(obj):
                obj = Actor(None, obj.text, obj.sector, "unknown")  # "detained his chief of staff": not him
            found_relation, code = (triggers.relation(_JOINT_MANOEUVRES), _JOINT_MANOEUVRES) if joint \
                else (relation, event.cameo)
            if _verbal_attack(event, subject, obj):
                found_relation, code = triggers.relation("111"), "111"
            if _search_raid(event, subject):
                found_relation, code = triggers.relation("17"), "17"
            if obj is not None and not subject.known and not obj.known:
                continue  # someone did something to someone: nothing a graph of actors can hold
            if obj is not None and same_actor(subject, obj):
                continue  # no one acts on themselves here: a parse or resolution slip
            if obj is not None and _is_water(obj):
                continue  # "fired missiles into the East Sea": a body of water is no one acted on
            if obj is not None and obj.mention is not None and subject.mention is not None and \
                    obj.sector is None and obj.via in ("name", "place") and subject.sector is not None and \
                    (obj.mention.label, obj.mention.type) == (subject.mention.label, subject.mention.type):
                continue  # "Turkish authorities imposed a curfew in southeastern Turkey": their own land
            if protesters_of_the_place and obj is not None and obj.mention is not None and subject.mention is not None and \
                    obj.mention.type in ("City", "Location") and obj.mention.country == subject.mention.country:
                continue  # "protesters rallied in X": X's people, not a protest against X
            if obj is not None and _holds_office_of(subject, obj, sentence.doc, article):
                continue  # a leader saying their own state must act, or pledging its support, acts for it, not on it
            if obj is not None and _under_own_control(event, subject, obj):
                continue  # "Zaporizhzhia, which remains under Ukrainian control": its own state holds it, no one took it
            if obj is not None and relation.plover == "RETREAT" and _withdrawn(event, obj):
                continue  # "withdrew the United States from the deal": what one withdraws is one's own
            if obj is not None and relation.plover == "SANCTION" and obj.via in ("name", "place") and \
                    obj.mention is not None and obj.mention.type in ("City", "Location") and _at_home(obj, [subject]):
                continue  # "closed the <town> border crossing": a state sanctions others, not its own towns
            evidence = (f"trigger:{event.trigger_kind}", f"object:{found_as}",
                        # an unnamed one acted on ("called for an investigation") is evidence once, as object:unnamed
                        *sorted({_actor_evidence(a, acting=a is subject) for a in (subject, obj)
                                 if a is not None and not (a is obj and found_as == "unnamed")}),
                        *hedge)
            found = RelationMention(found_relation, code, subject, obj, modality.modality, event.trigger,
                                    sentence.text, sentence.start_char, date, reporter, confidence_of(evidence),
                                    evidence)
            yield found
            if modality.committed and subject.known and not _agent_of_its_own(event, modality):
                commitment = _commitment(found, triggers, modality.cue)
                if commitment is not None and not (a_risk and commitment.relation.plover == "THREATEN"):
                    yield commitment


def _wielder(event: _Event, actors: ActorFinder) -> list[Actor]:
    """"The LTTE carried out its first air attack when two light aircraft dropped bombs on X": the
    aircraft of a "when" clause are the instrument of the main clause's named agent."""
    predicate = event.predicate
    if predicate.dep_ not in ("advcl", "relcl") or \
            not any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as") for c in predicate.children) \
            or not event.subjects or not all(t.lemma_.lower() in instrument_nouns() | vessel_nouns() and
                                             not any(c.dep_ == "poss" for c in t.children) for t in event.subjects):
        return []
    main = predicate.head  # "… early on Monday, when …": the parser may hang the clause on the day
    while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
        main = main.head
    return [a for a in actors.actors(subjects_of(main)) if a.known]


def _under_own_control(event: _Event, subject: Actor, obj: Actor) -> bool:
    """"X, which remains under Ukrainian control": a place "under the control" of the state it lies in."""
    predicate = event.predicate
    under = predicate.head.lower_ == "under" and predicate.lemma_.lower() == "control" or \
        any(c.lower_ == "under" and any(o.lemma_.lower() == "control" for o in c.children) for c in predicate.children)
    return under and subject.mention is not None and subject.mention.type == "State" and obj.mention is not None and \
        obj.mention.type in ("City", "Location") and obj.mention.country == subject.mention.country


def _agent_of_its_own(event: _Event, modality: Modality) -> bool:
    """Whether the event's actor is not the one who commits to it: an event a noun names with its own
    agent ("the US-led war"), or an act one is let do ("said it would allow X to take him into custody")."""
    committing = modality.cue.head if modality.cue is not None and modality.cue.dep_ == "aux" else modality.cue
    if committing is None:
        return False
    if event.predicate.pos_ == "NOUN":
        return not set(event.subjects) & set(subjects_of(modality.cue))
    return committing.i != event.predicate.i and bool(event.subjects) and \
        not set(event.subjects) & set(subjects_of(committing))


def principal_pair(found: Iterable[RelationMention], before: int, other_than: set[str] = frozenset(),
                   kinds: Iterable[str] = ("State", "Organisation", "Group")) -> list[Mention]:
    """The two actors that the relations of sentences before character ``before`` connect most
    often, when one pair leads: who "both sides" are. None of ``other_than`` (the mediator); both
    of ``kinds`` (the parties to a conflict or a deal are states and bodies, not the people who speak for them).

    >>> from kg.extract.entities import Mention
    >>> from kg.extract.actors import Actor
    >>> def m(label): return Mention(label, label, "State", 0, 1, 0, 1)
    >>> def r(a, b, start): return RelationMention(None, "190", Actor(m(a), a), Actor(m(b), b), "asserted", "", "", start)
    >>> found = [r("Thailand", "Cambodia", 0), r("Cambodia", "Thailand", 40), r("Malaysia", "Thailand", 80)]
    >>> [p.label for p in principal_pair(found, 120, {"Malaysia"})]
    ['Thailand', 'Cambodia']
    >>> principal_pair(found[:1] + found[2:], 120)  # a tie: no one knows who both sides are
    []
    """
    counts: Counter = Counter()
    named: dict[tuple[str, str], Mention] = {}  # in the order the article names them
    for relation in found:
        if relation.sentence_start >= before or relation.object is None or \
                not relation.subject.known or not relation.object.known:
            continue
        pair = []
        for mention in (relation.subject.mention, relation.object.mention):
            key = (mention.label, mention.type)
            named.setdefault(key, mention)
            pair.append(key)
        if pair[0] != pair[1] and not {pair[0][0], pair[1][0]} & set(other_than) and \
                {pair[0][1], pair[1][1]} <= set(kinds):
            counts[frozenset(pair)] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    return [mention for key, mention in named.items() if key in ranked[0][0]]


def find_relations(doc: Doc, triggers: TriggerLexicon | None = None, lex: Lexicon | None = None,
                   gaz: Gazetteer | None = None) -> list[RelationMention]:
    """Every relation a Doc states (after the entity, position and coreference stages)."""
    triggers = triggers or trigger_lexicon()
    found: list[RelationMention] = []
    actors = ActorFinder(doc, mentions(doc), lex or lexicon(), gaz or gazetteer(),
                         lambda noun: noun.pos_ == "NOUN" and triggers.noun_code(noun) is not None,
                         lambda token, other_than: principal_pair(found, token.sent.start_char, other_than,
                                                                  pair_kinds(token)))
    seen = set()
    article = _Article(doc, found)
    candidates = _Candidates(doc)
    for sentence in doc.sents:
        noun_events = list(_noun_events(sentence, triggers, candidates))
        light = {e.predicate.i for e in noun_events}  # "held talks": the noun says what, not the verb
        transfers = [e for e in _transfers(sentence, triggers, candidates) if e.predicate.i not in light]
        light |= {e.predicate.i for e in transfers}  # "supplied jets to X": what is handed over says what
        verb_events = [e for e in _verb_events(sentence, triggers, actors, candidates) if e.predicate.i not in light]
        events = noun_events + transfers + verb_events + list(_demands(sentence, candidates)) + \
            list(_stances(sentence, candidates))
        for event in events:
            for relation in _relations_of(event, sentence, triggers, actors, doc._.kg_date, article):
                key = (relation.relation.name, relation.subject.mention and relation.subject.mention.label,
                       relation.object and relation.object.mention and relation.object.mention.label,
                       relation.sentence_start, relation.modality)
                if key not in seen:
                    seen.add(key)
                    found.append(relation)
    return _agents_named_elsewhere(found)


def _agents_named_elsewhere(found: list[RelationMention]) -> list[RelationMention]:
    """"Pakistani police arrested X. … X was arrested at a sit-in": a relation whose agent its sentence
    leaves unnamed, where another sentence of the article names the agent of the same relation on the
    same one, is that event told again without its actor (or one the graph cannot tell apart from it):
    it stays a mention, with evidence "actor:named-elsewhere", too weak for the direct triple."""
    named = [r for r in found if r.modality == "asserted" and r.subject.known and r.object is not None and r.object.known]
    return [replace(r, evidence=(*r.evidence, "actor:named-elsewhere"),
                    confidence=confidence_of((*r.evidence, "actor:named-elsewhere")))
            if not r.subject.known and r.object is not None and r.object.known and
            any(n.relation.name == r.relation.name and _one_named(n.object.mention, r.object.mention) for n in named)
            else r for r in found]


def _one_named(a: Mention, b: Mention) -> bool:
    """Two mentions of one article that name one entity: the same name, or a person's full name and
    their surname alone ("John Mwangi", "Mwangi").

    >>> from kg.extract.entities import Mention
    >>> def person(label): return Mention(label, label, "Person", 0, 1, 0, 1)
    >>> _one_named(person("John Mwangi"), person("Mwangi")), _one_named(person("John Mwangi"), person("Peter Mwangi"))
    (True, False)
    """
    if a.type != b.type:
        return False
    if a.label == b.label:
        return True
    shorter, longer = sorted((a.label.split(), b.label.split()), key=len)
    return a.type == "Person" and len(shorter) == 1 and shorter[-1] == longer[-1]


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
