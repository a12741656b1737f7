"""Actors: the entity an argument of a predicate stands for.

An argument that is a name (or a pronoun or description resolved to one) is that entity. An
argument that names no entity leads to one that does: its apposition ("his counterpart,
Justin Trudeau"), the state of an agent phrase ("Syrian forces": Syria, military), its owner
("Syria's actions", "US Predator attacks"), the people or place it counts or lies in
("thousands of Nigerians", "districts in Homs", as in CAMEO's practice), the agent of a
participle clause ("crimes committed by X"). Coordination the parser lost is recovered on
the surface ("in X, <apposition>, and Y"; "US and British forces"). A capital city that acts
stands for its state ("Ankara conducted airstrikes": Turkey).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable

from spacy.tokens import Doc, Token

from kg.extract.arguments import media_nouns, self_named, speaker_of, subjects_of
from kg.data import read_tsv, title_words, word_class, word_list
from kg.extract.entities import Mention
from kg.nlp.gazetteer import Gazetteer
from kg.extract.lexicon import Lexicon
from kg.extract.triggers import trigger_lexicon

__all__ = ["Actor", "UNKNOWN", "ActorFinder", "same_actor", "noun_phrase", "is_pair_phrase", "pair_kinds", "PLACE_TYPES"]

PLACE_TYPES = ("City", "State", "Location")
# armed people outside the state: "Yemen's Houthi rebels" are the group's, not Yemen's
_NON_STATE_ARMS = ("rebels", "armed forces (unaffiliated)", "radicals", "international militants", "criminals")
# the bodies a head of state or government leads: "President X's government" is the state's
_GOVERNING_BODIES = ("government", "administration", "regime", "cabinet")
# what "his country" names: the person's state
_HOMELAND = ("country", "nation", "homeland")
# sectors of groups outside a state whose members are theirs, whatever their rank ("gang leaders")
NON_STATE_GROUPS = frozenset({"criminals", "rebels", "armed forces (unaffiliated)", "radicals", "opposition"})
# the state's agents a story names without saying whose: those of the state it is about
_HOME_AGENTS = ("authorities", "police", "government", "junta", "regime", "army", "military", "generals")
# armed men a state's own by what modifies them: "government forces", "federal troops", "security forces"
_STATE_ARMED = frozenset({"forces", "troops", "soldiers"})
_STATE_MODIFIERS = frozenset({"government", "federal", "security", "state"})
# in "X of Y" or "X from Y", a noun like "thousands" or "activists" only counts or divides Y
_PART_OF = ("of", "from")
# what only a state has abroad: "Moscow's embassy" is Russia's
_DIPLOMATIC_POSTS = frozenset({"embassy", "consulate", "mission", "legation"})
# sectors of a state: its people in office there act for it, wherever they are
_STATE_SECTORS = frozenset({"government", "military", "police", "judiciary", "intelligence", "legislature"})
# "protesters in Nairobi", "police across India": the place people of it are in
_WHERE = ("in", "at", "across", "throughout")


@dataclass(frozen=True)
class Actor:
    """One side of a relation: an entity mention, or an actor the sentence does not name."""

    mention: Mention | None
    text: str  # the words of the sentence: "Russian forces", "the city", "" when unnamed
    sector: str | None = None
    # how the words name the entity: name, reference, owner, part, place (kg.extract.relations confidence)
    via: str = "name"
    country: str | None = None  # an unnamed actor's nationality: "Afghan rebels" are Afghan, not Afghanistan

    @property
    def known(self) -> bool:
        return self.mention is not None


UNKNOWN = Actor(None, "")


class ActorFinder:
    """Finds the entity an argument token stands for (see the module docstring)."""

    def __init__(self, doc: Doc, found: list[Mention], lex: Lexicon, gaz: Gazetteer,
                 is_event: Callable[[Token], bool] = lambda token: False,
                 parties: Callable[[Token, set[str]], list[Mention]] = lambda token, other_than: []):
        self.doc = doc
        self.parties = parties  # the two parties "both sides" refers back to (kg.extract.relations)
        self._mentions: list[Mention] | None = None
        self.index = mention_index(found)
        self.lex = lex
        self.gaz = gaz
        self.is_event = is_event  # a noun that names an event: "the war in X" is not X

    def actor(self, token: Token, depth: int = 0) -> Actor | None:
        """The actor a token names. A group or thing in a place stands for the place, as in
        CAMEO's practice: "districts in Homs", "opposition groups in Zimbabwe"."""
        if token.lower_ in ("it", "they", "we") and token.dep_ in ("nsubj", "nsubjpass"):
            speaker = speaker_of(token)  # "Japan said it had halted aid": it is Japan
            if speaker is not None:
                found = self.actor(speaker, depth + 1)
                home = self.authorities(speaker) if found is None else []
                found = home[0] if home else found  # "the military said it had …": the story's state's
                if not (token.lower_ == "it" and token.dep_ == "nsubjpass" and found is not None
                        and found.mention is not None and found.mention.type == "Person"):
                    return found  # ("X said it had been brokered by Y": "it" is never a person)
        mention = self.index.get(token.i)
        if mention is not None and mention.kind == "nationality" and mention.end - mention.start == 1 and \
                token.pos_ in ("NOUN", "PROPN") and not token.dep_.startswith("nsubj") and \
                getattr(self.lex.nationality(token.text), "form", None) == "plural":
            # "called on Guineans to …", "bars Americans from …": the people of a country, not its state
            # (acting, as in war reports, "the Russians" are its forces: "Russians occupied the building")
            return Actor(None, noun_phrase(token), "people", "unknown", mention.country)
        if mention is not None:
            # a person's words include the title that goes with the name: "U.N. mediator X"
            text = noun_phrase(token) if mention.type == "Person" and not mention.reference else mention.text
            return Actor(mention, text, mention.sector, "reference" if self._refers_back(token, mention) else "name")
        if depth > 3:
            return None
        if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":  # "…, which besieged X"
            noun = token.head.head
            found = self.actor(noun, depth + 1)
            # "Palau, one of the few countries that recognise Taiwan": the one named
            one = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
            if found is None and one is not None and (one.like_num or one.pos_ in ("NUM", "PRON")):
                if one.dep_ == "appos":
                    found = self.actor(one.head, depth + 1)
                elif one.dep_ == "attr" and one.head.lemma_ == "be":  # "Palau is one of the few countries that …"
                    subject = next((c for c in one.head.children if c.dep_ == "nsubj"), None)
                    found = self.actor(subject, depth + 1) if subject is not None else None
            if found is not None and found.via == "owner" and found.sector is None and not self.is_event(noun):
                return None  # "Ukrainian infrastructure that supports the army": a thing of X's, not X, does it
            return found
        named = self_named(token) if token.pos_ == "VERB" else next(
            (n for n in map(self_named, (c for c in token.children if c.dep_ in ("acl", "relcl"))) if n is not None), None)
        if named is not None:  # "officers calling themselves the Committee for …": the Committee
            return self.actor(named, depth + 1)
        if token.pos_ == "VERB" and token.dep_ in ("nsubj", "nsubjpass", "csubj"):  # "X operating in Iraq said …"
            inner = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return self.actor(inner, depth + 1) if inner is not None else None
        if token.pos_ not in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
            return None
        sector = self.lex.agent_sector(token.lemma_) or self.lex.agent_sector(token.text) or \
            ("people" if part_nouns().get(token.lemma_.lower()) == "people" else None)
        if _a_vehicle(token):
            sector = None  # "an Iranian airliner", "Syrian MiG fighters": a state's craft, no people of a sector
        # "gang leaders", "rebel commanders", "militia fighters": the kind of group says who they are
        kinds = [self.lex.agent_sector(c.lemma_) for c in token.children if c.dep_ == "compound" and c.i == token.i - 1]
        if sector is not None and kinds and kinds[0] in NON_STATE_GROUPS:
            sector = kinds[0]
        following = self.index.get(token.i + 1)
        if following is not None and following.type == "Person" and following.start == token.i + 1 and \
                (sector is not None or token.lower_ in title_words()):
            return Actor(following, noun_phrase(token) + " " + following.text, following.sector,
                         "reference" if following.reference else "name")  # "opposition leader <Name>"
        for child in token.children:  # "his Canadian counterpart, Justin Trudeau"
            if child.dep_ == "appos" and token.lemma_.lower() not in vessel_nouns():  # "the ship <Name>" is no person
                found = self.actor(child, depth + 1)
                if found is not None:
                    return found
        if part_nouns().get(token.lemma_.lower()) == "place":  # "the Syrian town of X" is X, in Syria
            for named in (c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                          for c in p.children if c.dep_ == "pobj"):
                mention = self.index.get(named.i)
                if mention is not None and mention.type in PLACE_TYPES:
                    return Actor(mention, mention.text, mention.sector, "reference" if mention.reference else "name")
        owned = self.owner(token, sector, depth)
        if owned is not None and owned.mention.type == "City":
            # "the Tunis office of Al Jazeera": the city only says where; the "of" names whose
            holder = next((a for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                           if c.dep_ == "pobj" and (a := self.actor(c, depth + 1)) is not None and a.known
                           and a.mention.type not in PLACE_TYPES), None)
            if holder is not None:
                return replace(holder, text=noun_phrase(token), via="owner")
        if owned is not None:
            return owned
        # "the man, later identified as X", "a woman named as X" (the parser may hang it on the verb)
        identified = [c for c in token.children if c.dep_ == "acl"]
        if token.dep_ in ("dobj", "nsubjpass"):
            identified += [c for c in token.head.children if c.dep_ in ("advcl", "dep") and c.i > token.i]
        for child in identified:
            if child.tag_ == "VBN" and child.lemma_.lower() in ("identify", "name"):
                for named in (c for a in child.children if a.lower_ == "as" for c in a.children if c.dep_ == "pobj"):
                    found = self.actor(named, depth + 1)
                    if found is not None:
                        return found
        # "crimes committed by X", "attacks carried out by X": the agent of a participle of doing;
        # "a port built by X", "a militia backed by X" are not X
        for child in token.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and (child.lemma_.lower() in light_verbs() or self.is_event(token)) \
                    and child.lemma_.lower() not in word_class("brokering"):  # "a ceasefire brokered by X": X is no party
                for agent in (c for a in child.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"):
                    found = self.actor(agent, depth + 1)
                    if found is not None:
                        return found
        if self.lex.agent_sector(token.lemma_) is not None:  # "forces loyal to X", "militias loyal to X": X's
            for loyal in (c for c in token.children if c.dep_ == "amod" and c.lower_ == "loyal"):
                for obj in (o for p in loyal.children if p.dep_ == "prep" and p.lower_ == "to"
                            for o in p.children if o.dep_ == "pobj"):
                    found = self.actor(obj, depth + 1)
                    if found is not None and found.known:
                        return replace(found, text=noun_phrase(token), via="part")
        for child in token.children:  # "Russia's ambassador to X, <Name>,": the parser hangs the name on X
            if child.dep_ == "prep" and child.lower_ in ("to", "for"):
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    holder = self._office_holder(token, obj)
                    if holder is not None:
                        return holder
        for child in token.children:  # "the building of X", "thousands of X", "calls by X", "districts in X"
            if child.dep_ == "prep" and child.lower_ == "of" and not self._stands_for_part(token):
                continue  # "the proclamation of X" is about X, not X ("a claim from X" is X's)
            if child.dep_ == "prep" and child.lower_ == "from" and token.lemma_.lower() in separation_nouns():
                continue  # "independence from X", "a withdrawal from X": what is left, not X
            if child.dep_ == "prep" and child.lower_ == "from" and token.lemma_.lower() in media_nouns():
                continue  # "speaking by telephone from X": where the speaker was, not who
            if child.dep_ == "prep" and child.lower_ == "from" and part_nouns().get(token.lemma_.lower()) == "place":
                continue  # "the road from X", "the crossing from X": a place that leads from X, not X
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "at") and token.dep_ in ("nsubj", "nsubjpass") \
                    and self.is_event(token):
                continue  # "the war in X killed …": an event's place or patient is not who acted
            if child.dep_ == "prep" and child.lower_ in _WHERE and not self._stands_for_part(token) \
                    and not self.is_event(token):
                continue  # "the two sides in <City>": where they met, not who they are ("attacks in X" are on X)
            if child.dep_ == "prep" and child.lower_ in _WHERE and any(c.dep_ == "poss" for c in token.children):
                continue  # "his office in Nairobi", "her home in X": someone's, where it stands says not whose
            if child.dep_ == "prep" and child.lower_ == "by" and token.dep_ == "pobj" and token.head.lower_ == "of" \
                    and self.is_event(token.head.head):
                continue  # "calls by X" are X's; in "the killing of a student by X" the parser hangs X on the student
            if child.dep_ == "prep" and child.lower_ in _PART_OF + ("by",) + _WHERE:
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    holder = self._office_holder(token, obj)
                    if holder is not None:  # "the manager of X, <Person>,": the person holds the office
                        return holder
                    found = self.actor(obj, depth + 1)
                    if found is None:
                        continue
                    if child.lower_ in _WHERE and found.mention.type not in PLACE_TYPES:
                        continue
                    if child.lower_ == "by":
                        return found
                    # the words say who: "protesters in Nairobi", "thousands of Serbs", not just the place
                    return replace(found, text=f"{noun_phrase(token)} {child.lower_} {found.text}",
                                   via="place" if child.lower_ in _WHERE else "part", sector=sector or found.sector)
        return None

    def owner(self, token: Token, sector: str | None = None, depth: int = 0) -> Actor | None:
        """The actor a noun belongs to: "Russian forces", "Russia's military", "US Predator attacks",
        "its NATO partners" — not the person named beside it ("China's ambassador, <Name>," is China's)."""
        owners = []
        for child in modifiers(token):
            if child.dep_ == "compound" and (self.is_event(token) or _is_treaty(token)) and \
                    getattr(self.index.get(child.i), "type", None) == "City":
                continue  # "the Pretoria agreement", "the Minsk accords": the city names the deal, not a party
            if child.dep_ == "poss" and token.lemma_.lower() in word_class("peers"):
                continue  # "Tunisia's partners", "its allies" are others ("its NATO allies" are NATO)
            if not against_or_for(child):
                owner = self.index.get(child.i)
                if owner is None and child.dep_ == "poss" and depth < 3:  # "the Malian junta's decision"
                    found = self.actor(child, depth + 1)
                    owner = found.mention if found is not None and found.via != "unknown" else None
                if owner is not None and (owner.type != "Person" or
                                          (child.dep_ == "poss" and self._acts_for_a_person(token, sector))):
                    owners.append(owner)
        for child in token.children:  # "a Saudi-led coalition" acts for Saudi Arabia
            if child.dep_ == "amod" and child.lemma_.lower() == "lead" and child.i >= 2 and \
                    token.doc[child.i - 1].text == "-" and self.index.get(child.i - 2) is not None:
                owners.append(self.index[child.i - 2])
        if not owners:
            return None
        if sector in _NON_STATE_ARMS and any(m.type in ("Organisation", "Group") for m in owners):
            owners = [m for m in owners if m.type in ("Organisation", "Group")]  # "Yemen's Houthi rebels": the Houthis
        owner = min(owners, key=lambda m: m.reference)  # a name before a pronoun: "its European Community partners"
        if owner.type == "Person" and token.lemma_.lower() in _GOVERNING_BODIES:
            owner = self._state_led_by(owner) or owner  # "President X's government" is X's state's
        if owner.type == "Person" and token.lemma_.lower() in _HOMELAND:
            # "his country", "her nation": the person's state, never the person
            owner = self._state_led_by(owner) or self._state_of(owner)
            if owner is None:
                return None
        if owner.type == "City" and token.lemma_.lower() in _DIPLOMATIC_POSTS:
            # "Moscow's embassy", "Ankara … its embassy": a capital with an embassy is its state
            owner = self._state_of_capital(Actor(owner, owner.text)).mention
        return Actor(owner, noun_phrase(token), None if _a_vehicle(token) else sector or owner.sector, "owner")

    def _state_of(self, person: Mention) -> Mention | None:
        """The state a person's nationality or office names ("Armenian Foreign Minister X"), as a mention."""
        state = self.gaz.country(person.country) if person.country else None
        return None if state is None else replace(person, label=state.name, type="State", place=state, kind=None,
                                                  country=state.country, sector=None)

    def _state_led_by(self, person: Mention) -> Mention | None:
        """The state the article gives a person an office of ("Kyrgyz President Sadyr Japarov")."""
        return next((p.of for p in self.doc._.kg_positions or () if p.of is not None and p.of.type == "State"
                     and not p.inferred and p.person.label == person.label), None)

    @staticmethod
    def _acts_for_a_person(token: Token, sector: str | None) -> bool:
        """"the president's forces", "her spokesman", "X's resignation" are the person's; "his supporters" and
        "her family" are people of their own (ontology/associate_nouns.tsv)."""
        return token.lemma_.lower() not in associate_nouns()

    def _office_holder(self, title: Token, owner: Token) -> Actor | None:
        """"the general manager of X, Dr Y," — the parser hangs the person's name on X; a name
        in apposition there names the holder of the office, when it is a person's."""
        if title.lower_ not in title_words():
            return None
        for appos in (c for c in owner.children if c.dep_ == "appos"):
            mention = self.index.get(appos.i)
            if mention is not None and mention.type == "Person":
                return Actor(mention, noun_phrase(title) + ", " + mention.text, mention.sector,
                             "reference" if mention.reference else "name")
        return None

    def _stands_for_part(self, token: Token) -> bool:
        """"thousands of X", "members of X", "the city of X", "soldiers from X": a noun that counts,
        divides or locates its "of" phrase (ontology/part_nouns.tsv, agent nouns, numbers)."""
        return token.like_num or token.pos_ in ("NUM", "PRON") or token.lemma_.lower() in part_nouns() or \
            token.lower_ in part_nouns() or self.lex.agent_sector(token.lemma_) is not None or \
            self.lex.agent_sector(token.text) is not None or token.lower_ in title_words()

    def actors(self, tokens: Iterable[Token]) -> list[Actor]:
        """The actors of argument tokens, with those coordinated to them on the surface
        when the parser lost the coordination ("in X, <apposition>, and Y")."""
        found: list[Actor] = []
        for token in tokens:
            actor = self.actor(token)
            if actor is None:
                found += [a for a in self.pair(token) or self.authorities(token) or self.members(token)
                          if a not in found]
                continue
            for one in (actor, *self._listed_after(actor), *self._coordinated_owners(token, actor)):
                if one not in found:
                    found.append(one)
        return found

    def pair(self, token: Token) -> list[Actor]:
        """"both sides", "the two countries": the two parties the article has set against or beside each
        other so far, other than the subject of the verb ("X urged both sides"); none when unsure."""
        if not is_pair_phrase(token):
            return []
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        acting = (self.actor(s) for s in subjects_of(verb) if s.i != token.i and not is_pair_phrase(s))
        return [Actor(m, noun_phrase(token), m.sector, "pair")
                for m in self.parties(token, {a.mention.label for a in acting if a is not None and a.known})]

    def members(self, token: Token) -> list[Actor]:
        """"armed groups, which include X and Y", "several governments, including those of X and Y":
        the named members of an unnamed plural, each acting or acted on as one of them."""
        if token.tag_ not in ("NNS", "NNPS"):
            return []
        listed = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("including", "like"):
                listed += [o for o in child.children if o.dep_ == "pobj"]
            elif child.dep_ == "relcl" and child.lemma_.lower() == "include":
                listed += [o for o in child.children if o.dep_ == "dobj"]
        # "those of Ghana and Tanzania": the "of" phrase names them
        listed = [next((o for p in t.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), t)
                  if t.lower_ in ("those", "that") else t for t in listed]
        found = [a for t in listed for a in self.actors([t]) if a.known and a.via in ("name", "owner")]
        return [replace(a, text=noun_phrase(token) + ", " + a.text, via="part") for a in found]

    def authorities(self, token: Token) -> list[Actor]:
        """"the authorities", "police", "the government", "the army", with nothing to say whose: the state
        the article is about, when the places and nationalities named before are mostly of one state (two
        in three, at least two) — in a war story, where both sides are named, none is."""
        # only "the" before it, and at most a clause that says more of it ("the junta, headed by X,")
        own = [c.lower_ for c in token.children if c.dep_ not in ("punct", "acl", "relcl")]
        # "government forces", "federal troops", "security forces": the state's own armed men, with or without "the"
        state_armed = token.lower_ in _STATE_ARMED and bool(own) and \
            set(own) <= {"the", *_STATE_MODIFIERS} and bool(set(own) & _STATE_MODIFIERS)
        # "Police arrested …", "Authorities said …" need no article; a bare "government" is mostly a modifier
        if not state_armed and (token.lower_ not in _HOME_AGENTS or own not in (["the"], []) or
                                (token.lower_ not in ("police", "authorities") and not own)):
            return []
        before = Counter(m.country for m in self.mentions_before(token.i)
                         if m.country and m.type in PLACE_TYPES and not m.reference)
        if not before:
            return []
        country, count = before.most_common(1)[0]
        # "… expelled from Nicaragua in 2023, when the government also seized …": the one state its
        # own sentence has named before it, if it named only one (not a city where someone spoke)
        here = {m.country for m in self.mentions_before(token.i) if m.sentence == token.sent.start
                and m.country and m.type in PLACE_TYPES and not m.reference and not self._where_spoken(m)
                and not self._where_based(m)}
        named_here = len(here) == 1
        if named_here:
            country = next(iter(here))
        state = next((m for m in self.mentions_before(len(self.doc))
                      if m.type == "State" and m.country == country and not m.reference), None)
        if state is None or (not named_here and (count < 2 or 3 * count < 2 * sum(before.values()))):
            return []
        return [Actor(state, noun_phrase(token), "police" if token.lower_ == "police" else "government", "home")]

    def _where_based(self, mention: Mention) -> bool:
        """"the Bangkok-based X": where a body sits, which says nothing of the sentence's state."""
        after = self.doc[mention.end:mention.end + 2]
        return len(after) == 2 and after[0].text == "-" and after[1].lower_ in ("based", "headquartered")

    def _where_spoken(self, mention: Mention) -> bool:
        """Whether a city is only where someone spoke or met: "said in London that …", "meeting on
        the sidelines of the General Assembly in New York" (not "the embassy in Dar es Salaam")."""
        token = self.doc[mention.start:mention.end].root
        while token.dep_ in ("pobj", "prep") and token.head.i != token.i:
            token = token.head
        return mention.type == "City" and token.pos_ == "VERB" and token.lemma_.lower() in word_class("speaking")

    def _refers_back(self, token: Token, mention: Mention) -> bool:
        """Whether a reference's antecedent is named before it, not by the description's own phrase:
        "the Iraqi city of Mosul" and "the capital, Kyiv" name the place they describe."""
        return mention.reference and not any(
            (named := self.index.get(t.i)) is not None and not named.reference and named.label == mention.label
            for t in token.subtree if t.i != token.i)

    def mentions_before(self, index: int) -> list[Mention]:
        """The article's mentions that start before token ``index``, in their order."""
        if self._mentions is None:
            self._mentions = sorted({id(m): m for m in self.index.values()}.values(), key=lambda m: m.start)
        return [m for m in self._mentions if m.start < index]

    def _coordinated_owners(self, token: Token, actor: Actor) -> list[Actor]:
        """"US and British forces": the other states of coordinated modifiers."""
        owners = []
        for child in token.children:
            if self.index.get(child.i) is actor.mention:
                for conjunct in child.conjuncts:
                    mention = self.index.get(conjunct.i)
                    if mention is not None and mention is not actor.mention:
                        owners.append(Actor(mention, noun_phrase(token), actor.sector))
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
            if following.end < len(doc) and doc[following.end].text == "-" and not doc[following.end - 1].whitespace_:
                break  # "X and the Rwanda-backed M23": a modifier of the next name, not listed beside X
            listed.append(Actor(following, following.text, following.sector))
            mention = following
        return listed

    def as_agent(self, actor: Actor) -> Actor:
        """A capital city that acts stands for its state: "Moscow conducted airstrikes"; people in
        it ("protesters in Tbilisi") are the city's, not the state, while a state's court, police
        or troops in any of its cities ("a court in Moscow", "a tribunal in Lagos") are the state's."""
        if actor.via == "place" and actor.sector in _STATE_SECTORS:
            return self._state_of_city(actor)
        return actor if actor.via == "place" else self._state_of_capital(actor)

    def _state_of_city(self, actor: Actor) -> Actor:
        mention = actor.mention
        if mention is None or mention.type != "City" or mention.place is None or not mention.place.country:
            return actor
        return self._as_state(actor, mention.place.country)

    def _as_state(self, actor: Actor, country: str) -> Actor:
        """The actor a city's mention stands for as the state it is in."""
        state = self.gaz.country(country)
        if state is None:
            return actor
        return replace(actor, mention=replace(actor.mention, label=state.name, type="State", place=state, kind=None))

    def _state_of_capital(self, actor: Actor) -> Actor:
        mention = actor.mention
        if mention is None or mention.type != "City" or mention.place is None:
            return actor
        body = seats().get(mention.label)
        if body is not None and actor.via == "name":  # "Brussels accused X": the European Union
            return replace(actor, mention=replace(mention, label=body, type="Organisation", place=None,
                                                  country=None, kind=None))
        if self.gaz.capital(mention.place.country) != mention.place:
            return actor
        return self._as_state(actor, mention.place.country)

    def as_target(self, actor: Actor, allowed: frozenset[str] | None) -> Actor:
        """A capital city acted on where the relation takes no city stands for its state:
        "accused Moscow of …" is Russia."""
        if allowed is None or "City" in allowed:
            return actor
        return self._state_of_capital(actor)

    def is_place(self, token: Token) -> bool:
        """Whether the words name a place themselves ("Kyiv", "the city", "the town of X"), not a
        thing in one ("a tanker in the Strait of Hormuz")."""
        found = self.actor(token)
        if found is None or found.mention is None or found.mention.type not in PLACE_TYPES:
            return False
        return found.via in ("name", "reference") or part_nouns().get(token.lemma_.lower()) == "place"




@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def pair_nouns() -> dict[str, tuple[str, ...]]:
    """Nouns that with "both" or "the two" refer back to two parties, and the types those can be
    (ontology/pair_nouns.tsv)."""
    return {row["noun"]: tuple(row["parties"].split()) for row in read_tsv("pair_nouns.tsv")}


def pair_kinds(token: Token) -> tuple[str, ...]:
    """The entity types the two parties of a pair phrase can be: "both governments" are states."""
    return pair_nouns().get(token.lemma_.lower(), ())


def is_pair_phrase(token: Token) -> bool:
    """"both sides", "the two countries", "both governments", "the warring parties"."""
    if token.lemma_.lower() not in pair_nouns() or token.tag_ not in ("NNS", "NNPS"):
        return False
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "preconj", "nummod", "amod")}
    return "both" in words or ("the" in words and ("two" in words or "warring" in words))


def _a_vehicle(token: Token) -> bool:
    """A ship or an aircraft (ontology/vessel_nouns.tsv), also "fighters" named by their make ("MiG fighters")."""
    lemma = token.lemma_.lower()
    return lemma in vessel_nouns() or (lemma == "fighter" and any(
        c.dep_ == "compound" and (c.lower_.startswith(("mig", "su-", "f-")) or c.lower_ in ("jet", "sukhoi", "mirage"))
        for c in token.children))


def vessel_nouns() -> frozenset[str]:
    """Nouns of ships and boats, whose names are no persons (ontology/vessel_nouns.tsv)."""
    return word_list("vessel_nouns.tsv")


@lru_cache(maxsize=1)
def part_nouns() -> dict[str, str]:
    """Nouns that stand for part of their "of" phrase → quantity | place (ontology/part_nouns.tsv)."""
    found: dict[str, str] = {}
    for row in read_tsv("part_nouns.tsv"):
        found.setdefault(row["noun"], row["kind"])
    return found


@lru_cache(maxsize=1)
def seats() -> dict[str, str]:
    """City → the international body its name stands for as an actor (ontology/seats.tsv)."""
    return {row["city"]: row["organisation"] for row in read_tsv("seats.tsv")}


@lru_cache(maxsize=1)
def light_verbs() -> frozenset[str]:
    """Verbs that only say an event was done, whose object noun names it: "conducted airstrikes",
    "crimes committed by X" (ontology/light_verbs.tsv)."""
    return word_list("light_verbs.tsv")


@lru_cache(maxsize=1)
def associate_nouns() -> frozenset[str]:
    """People around a person who do not act for them (ontology/associate_nouns.tsv)."""
    return word_list("associate_nouns.tsv")


@lru_cache(maxsize=1)
def separation_nouns() -> frozenset[str]:
    """Nouns whose "from" phrase names what is left (ontology/separation_nouns.tsv)."""
    return word_list("separation_nouns.tsv")


def mention_index(found: Iterable[Mention]) -> dict[int, Mention]:
    index = {}
    for mention in sorted(found, key=lambda m: (m.reference, m.start)):  # names win over references
        for i in range(mention.start, mention.end):
            index.setdefault(i, mention)
    return index




def _is_treaty(noun: Token) -> bool:
    """"agreement", "accord", "pact", "treaty" (the dictionary's &treaty set)."""
    return (noun.lemma_.lower(),) in trigger_lexicon().sets.get("&treaty", ())


def noun_phrase(token: Token) -> str:
    """The words of a noun phrase without its clauses and prepositional phrases."""
    keep = [t for t in token.subtree if t.i == token.i or (t.head == token and t.dep_ in (
        "det", "amod", "compound", "poss", "case", "nummod", "nmod")) or (t.head.head == token and t.dep_ in (
            "case", "compound", "amod"))]
    keep = [t for t in keep if not t.is_punct]
    return " ".join(t.text for t in sorted(keep, key=lambda t: t.i))




def modifiers(token: Token) -> list[Token]:
    """A noun's modifiers, and those of its compound modifiers: "US Predator attacks"."""
    found = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "nummod"):
            found.append(child)
            if child.dep_ == "compound":
                found += [c for c in child.children if c.dep_ in ("amod", "compound", "nmod")]
    return found




def against_or_for(modifier: Token) -> bool:
    """"anti-Syria journalist", "pro-Russian separatists": not Syria's, not Russia's."""
    doc = modifier.doc
    before = [doc[i].lower_ for i in range(max(0, modifier.i - 2), modifier.i)]
    return any(t.lower_ in ("anti", "pro") for t in modifier.subtree) or "anti" in before or "pro" in before or \
        modifier.lower_.startswith(("anti-", "pro-"))




def same_actor(a: Actor, b: Actor) -> bool:
    """One actor on both sides: the same entity in the same role. "Israeli police arrested
    Israeli settlers" is two sectors of one state, and a relation; "plotting to overthrow
    his government" is the subject's own (a pronoun names no other sector)."""
    if a.mention is None or b.mention is None:
        return False
    same_entity = (a.mention.label, a.mention.type) == (b.mention.label, b.mention.type)
    return same_entity and (_acting_sector(a) == _acting_sector(b) or a.mention.reference or b.mention.reference)


def _acting_sector(actor: Actor) -> str | None:
    """The sector an actor acts as: a state named bare acts as its government ("Kenya called on the
    authorities", where the authorities are Kenya's, is one actor on both sides)."""
    if actor.sector is None and actor.mention is not None and actor.mention.type == "State":
        return "government"
    return actor.sector
