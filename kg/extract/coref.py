"""References: pronouns and definite descriptions resolved to the entity they stand for.

"he"/"she"/"his"/"her" → the most recent person: in the same sentence the nearest one
before the pronoun; otherwise, in the previous sentences that name a person, their subject
(else the last one named). "it"/"its" → a subject that is no person: of its own sentence,
else of the sentence before. "the city"/"the town" → the most recent city; "the country" →
the most recent state, or the state of the most recent city; "the capital" → the most
recent capital city, and "the Ukrainian capital"/"the capital of Ukraine" → that state's
capital through the gazetteer; "the group", "the militia", "the bloc" → the most recent
organisation that is not a news medium; "the president" → the person the article last called "President
<Name>". The words come from ``ontology/references.tsv`` and the titles of ``titles.tsv``.

Each resolved reference becomes a :class:`~kg.extract.entities.Mention` with ``reference=True``: its
``text`` is the words of the sentence ("the city"), its label, type and place those of the
antecedent. The component ``kg_coreference`` adds them to ``doc._.kg_mentions``.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.arguments import controllers
from kg.data import read_tsv, word_class
from kg.extract.entities import Mention, MentionList, mention_at, mentions
from kg.nlp.gazetteer import Gazetteer, gazetteer
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.modality import modality_words
from kg.extract.quotes import quotations, speaker_of_quotation

__all__ = ["reference_words", "resolve_references", "Coreference"]

# How far back an antecedent may be, in sentences: news text names its actors often, and a
# longer reach mostly finds the wrong one.
PRONOUN_REACH = 2
DESCRIPTION_REACH = 3


@lru_cache(maxsize=1)
def reference_words() -> dict[str, tuple[str, str]]:
    """word → (kind, the antecedent type it refers to), from ontology/references.tsv."""
    return {row["word"]: (row["kind"], row["refers_to"]) for row in read_tsv("references.tsv")}


class _Antecedents:
    """The mentions of a Doc that references can point back to, by sentence.

    The mentions are kept per sentence, so that looking back from a reference costs the
    mentions of the few sentences it may reach, not those of the whole article.
    """

    def __init__(self, doc: Doc, found: list[Mention]):
        self.doc = doc
        self.sentences = list(doc.sents)
        self.sentence_of: dict[int, int] = {}
        for n, sentence in enumerate(self.sentences):
            for i in range(sentence.start, sentence.end):
                self.sentence_of[i] = n
        self.found = MentionList(sorted(found, key=lambda m: m.start))
        self.in_sentence: dict[int, list[Mention]] = {}
        for mention in self.found:
            self.in_sentence.setdefault(self.sentence_of[mention.start], []).append(mention)
        self._quoted: set[int] | None = None

    @property
    def quoted(self) -> set[int]:
        """The tokens within quotation marks."""
        if self._quoted is None:
            self._quoted = {i for start, end in quotations(self.doc) for i in range(start, end + 1)}
        return self._quoted

    def before(self, token: Token, reach: int, fits) -> tuple[list[Mention], list[list[Mention]]]:
        """Fitting mentions before ``token`` in its sentence, and those of earlier sentences
        (nearest first, sentences without any left out, at most ``reach`` back)."""
        here = self.sentence_of[token.i]
        same = [m for m in self.in_sentence.get(here, ()) if m.end <= token.i and fits(m)]
        earlier = []
        for back in range(1, reach + 1):
            in_sentence = [m for m in self.in_sentence.get(here - back, ()) if fits(m)]
            if in_sentence:
                earlier.append(in_sentence)
        return same, earlier


def _is_subject(mention: Mention, doc: Doc) -> bool:
    return doc[mention.start:mention.end].root.dep_ in ("nsubj", "nsubjpass")


def _clause_mates(pronoun: Token) -> set[int]:
    """Tokens an object pronoun cannot stand for: the subject of its own verb, or the one
    controlling it ("X urged Y to engage him": Y engages, so "him" is not Y)."""
    if pronoun.dep_ not in ("dobj", "pobj", "dative", "iobj"):
        return set()
    verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
    mates = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    if verb.dep_ == "xcomp":
        controller = [c.i for c in verb.head.children if c.dep_ in ("dobj", "dative")]
        mates |= set(controller) or {c.i for c in verb.head.children if c.dep_ == "nsubj"}
    return mates


def _unnamed_person_subject(sentence: Span, found: list[Mention], lex: Lexicon) -> bool:
    """A sentence whose subject is a person no name is given for: "The city's mayor said …"."""
    for token in sentence:
        if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and token.pos_ == "NOUN":
            named = mention_at(token.i, found) is not None
            return not named and (token.lemma_.lower() in lex.person_titles)
    return False


def _owner_of_a_title(mention: Mention, doc: Doc, lex: Lexicon) -> bool:
    """"President <Name>'s vice president": the named person only describes someone else."""
    root = doc[mention.start:mention.end].root
    return root.dep_ == "poss" and root.head.lemma_.lower() in lex.person_titles


def _clause_subject(pronoun: Token, same: list[Mention], doc: Doc) -> Mention | None:
    """"X announced his resignation", "X sued Y and his own adviser": a possessive in the object
    of a clause is its subject's, unless it hangs on another person it is coordinated with."""
    if pronoun.dep_ != "poss":
        return None
    owned = pronoun.head
    if any(owned.i in range(m.start, m.end) or any(c.i in range(m.start, m.end) for c in owned.conjuncts)
           for m in same) and not any(c.lower_ == "own" for c in owned.children):
        return None  # "<Name> and his son": the person beside it
    verb = owned
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((m for m in same for s in subjects if m.start <= s.i < m.end), None)


def _controller(pronoun: Token, found: list[Mention], lex: Lexicon, fits) -> Mention | None:
    """"urged Russia to withdraw its troops": the forces in an act asked of someone are theirs
    (not so what the act is done to: "urged Russia to stop shelling its cities" are the urger's)."""
    if pronoun.dep_ != "poss" or lex.agent_sector(pronoun.head.lemma_.lower()) is None:
        return None
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    named = [mention_at(c.i, found) for c in controllers(verb)]
    return next((m for m in named if m is not None and fits(m)), None)


def person_antecedent(token: Token, antecedents: _Antecedents, lex: Lexicon) -> Mention | None:
    controller = _controller(token, antecedents.found, lex, lambda m: m.type == "Person")
    if controller is not None:
        return controller
    excluded = _clause_mates(token)
    doc = antecedents.doc
    outside = token.i not in antecedents.quoted  # a name within quotation marks is the speaker's word
    same, earlier = antecedents.before(
        token, PRONOUN_REACH,
        lambda m: m.type == "Person" and not excluded.intersection(range(m.start, m.end))
        and not _owner_of_a_title(m, doc, lex) and not (outside and m.start in antecedents.quoted))
    if _clause_subject_is_an_unnamed_person(token, antecedents.found, lex):
        return None  # "the foreign minister met his counterpart": his own, whom the graph cannot name
    if same:
        return _clause_subject(token, same, doc) or same[-1]
    here = antecedents.sentence_of[token.i]
    if here > 0 and _unnamed_person_subject(antecedents.sentences[here - 1], antecedents.found, lex):
        return None  # "he" is most likely that unnamed person, whom the graph cannot name
    if not earlier:
        return None
    return _person_before(token, antecedents, lambda m: m.type == "Person" and not _owner_of_a_title(m, doc, lex))


_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _person_before(token: Token, antecedents: _Antecedents, fits, depth: int = 0) -> Mention | None:
    """The person a pronoun stands for when its own sentence names none: the subject of the main
    clause of the nearest sentence before that names one ("X said Y was safe. He urged …" is X), or
    whom that subject, a pronoun of the same kind, stands for ('"…," he said. He called …'), else its
    last subject or person. A name within quotation marks is someone else's word, no antecedent of a
    pronoun outside them ('"Y killed them," he said. He urged …' is not Y)."""
    here = antecedents.sentence_of[token.i]
    outside = token.i not in antecedents.quoted
    for back in range(1, PRONOUN_REACH + 1):
        if here - back < 0:
            break
        sentence = antecedents.sentences[here - back]
        candidates = [m for m in antecedents.in_sentence.get(here - back, ())
                      if fits(m) and not (outside and m.start in antecedents.quoted)]
        subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            main = next((m for m in candidates if m.start <= subject.i < m.end), None)
            if main is not None:
                return main
            if depth < 2 and subject.pos_ == "PRON" and _GENDER.get(subject.lower_, "") == _GENDER.get(token.lower_) \
                    and subject.i not in antecedents.quoted:
                return _person_before(subject, antecedents, fits, depth + 1)
        if candidates:
            subjects = [m for m in candidates if _is_subject(m, antecedents.doc)]
            return (subjects or candidates)[-1]
    return None


def thing_antecedent(token: Token, antecedents: _Antecedents, lex: Lexicon) -> Mention | None:
    """"it"/"its" → the subject of its own clause or sentence, else of the sentence before,
    when that subject is a place, a state, an organisation or a group (not a person). An
    object "it" is not its own verb's subject ("X was withholding it")."""
    controller = _controller(token, antecedents.found, lex, lambda m: m.type != "Person")
    if controller is not None:
        return controller
    excluded = _clause_mates(token)

    def fits(m: Mention) -> bool:
        return m.type != "Person" and _is_subject(m, antecedents.doc) and not excluded.intersection(
            range(m.start, m.end))

    same, earlier = antecedents.before(token, 1, fits)
    if same:
        return same[-1]
    owner = _owner_of_the_subject_before(token, antecedents.found)
    if owner is not None:
        return owner
    if _unnamed_subject_before(token, antecedents.found):
        return None  # "the group said its fighters …": the unnamed group's, whom the graph cannot name
    here = antecedents.sentence_of[token.i]
    if earlier and antecedents.sentence_of[earlier[0][0].start] == here - 1:
        reported = _reported_by_an_outlet(earlier[0][0], antecedents)
        if reported is not None:
            return reported
        principal = _principal_subject(antecedents.sentences[here - 1])
        if principal is not None and principal.pos_ == "NOUN" and not any(
                mention_at(t.i, antecedents.found) is not None or (t.dep_ == "poss" and t.pos_ == "PRON")
                for t in principal.doc[principal.left_edge.i:principal.i + 1]):
            return None  # "The resolution … was adopted, with Russia voting against. It calls on …": the resolution
        return earlier[0][0]
    return None


def _reported_by_an_outlet(reporter: Mention, antecedents: _Antecedents) -> Mention | None:
    """"State news agency SPA said Riyadh had closed the border. It accused Doha …": a news outlet
    only reports; "it" is the subject of what it reported, when that names a body or a place."""
    doc = antecedents.doc
    head = doc[reporter.start:reporter.end].root
    # "news agency SPA", "SPA, the state news agency," (the parser may make the trade a second subject)
    near = [*head.children, head.head] + ([doc[reporter.start - 1]] if reporter.start > 0 else [])
    outlet = reporter.kind == "media" or any(t.lemma_.lower() in word_class("news outlet") for t in near)
    if not outlet or head.dep_ != "nsubj" or modality_words().get(head.head.lemma_.lower()) != "reporting":
        return None
    for clause in (c for c in head.head.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        named = mention_at(subject.i, antecedents.found) if subject is not None else None
        if named is not None and named.type != "Person":
            return named
    return None


def _principal_subject(sentence: Span) -> Token | None:
    """The subject of a sentence's main clause — of the reported clause where the main verb only
    reports it ("The resolution was adopted, diplomats said")."""
    def subject_of(clause: Token) -> Token | None:
        return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    root = sentence.root
    subject = subject_of(root)
    reported = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
    if reported and modality_words().get(root.lemma_.lower()) == "reporting" and \
            (subject is None or subject.i > reported[0].i):  # the reporter after the report
        subject = subject_of(reported[0])
    return subject


def _subject_before(pronoun: Token) -> Token | None:
    """The nearest subject before a pronoun, up its chain of clauses."""
    verb = pronoun.head
    for _ in range(6):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i
                    and not (c.left_edge.i <= pronoun.i <= c.right_edge.i)]
        if subjects:
            return subjects[0]
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _owner_of_the_subject_before(pronoun: Token, found: list[Mention]) -> Mention | None:
    """"Qatar's interior ministry said a member of its security force …": the state or body that
    owns the unnamed body before the pronoun is whose it is (not the subject of the sentence before)."""
    subject = _subject_before(pronoun) if pronoun.dep_ == "poss" else None
    if subject is None or subject.pos_ != "NOUN" or mention_at(subject.i, found) is not None:
        return None
    # its owner: "Qatar's", "the Israeli", "the … of Qatar" — not "Rwanda-backed", not a clause
    owners = [c for c in subject.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    owners += [o for c in subject.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    mentions = [mention_at(t.i, found) for t in owners]
    return next((m for m in mentions if m is not None and m.type != "Person"), None)


def _unnamed_subject_before(pronoun: Token, found: list[Mention]) -> bool:
    """Whether the nearest subject before a pronoun is a noun phrase that names no entity ("The
    resistance group said its fighters …")."""
    subject = _subject_before(pronoun)
    if subject is None:
        return False
    named = any(mention_at(t.i, found) is not None for t in subject.subtree)
    return subject.pos_ == "NOUN" and not named


def _clause_subject_is_an_unnamed_person(pronoun: Token, found: list[Mention], lex: Lexicon) -> bool:
    """"Turkey's foreign minister met his Greek counterpart": the nearest subject before the
    pronoun is a person by title with no name."""
    subject = _subject_before(pronoun)
    if subject is None:
        return False
    named = any(getattr(mention_at(t.i, found), "type", None) == "Person" for t in subject.subtree)
    return not named and subject.pos_ == "NOUN" and subject.lemma_.lower() in lex.person_titles


# the kinds of organisation a description refers back to (ontology/organisations.tsv kinds; None: not listed):
# "the bloc" is an intergovernmental one, "the rebels" an armed group, "the group" or "the militia" neither
_ORGANISATION_KINDS = {"bloc": ("igo",), "alliance": ("igo",), **{armed: ("armed group",) for armed in (
    "rebels", "insurgents", "militants", "jihadists", "guerrillas")}}


def _nearest_subject(token: Token, antecedents: _Antecedents, fits) -> Mention | None:
    """The nearest fitting mention, the subject of its sentence where one is."""
    same, earlier = antecedents.before(token, DESCRIPTION_REACH, fits)
    for group in ([same] if same else []) + earlier[:1]:
        subjects = [m for m in group if _is_subject(m, antecedents.doc)]
        return (subjects or group)[-1]
    return None


def _nearest(token: Token, antecedents: _Antecedents, fits) -> Mention | None:
    same, earlier = antecedents.before(token, DESCRIPTION_REACH, fits)
    if same:
        return same[-1]
    return earlier[0][-1] if earlier else None


def _state_named_in(noun: Token, found: list[Mention], lex: Lexicon) -> str | None:
    """"the Ukrainian capital", "the capital of Ukraine": the state the description names."""
    for child in noun.children:
        if child.dep_ == "amod":
            nationality = lex.nationality(child.text)
            if nationality:
                return nationality.country
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                owner = mention_at(obj.i, found)
                if owner is not None and owner.type == "State":
                    return owner.country
    return None


def _named_by_the_phrase(noun: Token, found: list[Mention], fits) -> Mention | None:
    """A name the description itself gives: "the capital, Kyiv", "the port city of Odesa"."""
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].text == ",":  # apposition by punctuation alone:
        named = _starting_at(noun.i + 2, found)  # the parser often misses it
        if named is not None and fits(named):
            return named
    for child in noun.children:
        candidates = [child] if child.dep_ == "appos" else []
        if child.dep_ == "prep" and child.lower_ == "of":
            candidates = [c for c in child.children if c.dep_ == "pobj"]
        for candidate in candidates:
            named = mention_at(candidate.i, found)
            if named is not None and fits(named):
                return named
    return None


def _named_before(noun: Token, found: list[Mention], fits) -> Mention | None:
    """The name a description stands in apposition to: "from Wabag, the provincial capital"."""
    start = noun.left_edge.i
    if start < 2 or noun.doc[start - 1].text != ",":
        return None
    named = mention_at(start - 2, found)
    return named if named is not None and named.end == start - 1 and fits(named) else None


def _dateline(mention: Mention) -> bool:
    """"MANAMA, Bahrain (Reuters) -": a city in capitals is where the report was filed, not a place
    the story's "the capital" or "the city" refers back to."""
    return len(mention.text) > 2 and mention.text.isupper()


def description_antecedent(noun: Token, refers_to: str, antecedents: _Antecedents, found: list[Mention],
                           gaz: Gazetteer, lex: Lexicon) -> Mention | None:
    """The place "the city", "the country", "the capital" or "the territory" stands for, or the
    organisation "the group" or "the bloc" does."""
    if refers_to in ("City", "capital"):
        named = _named_by_the_phrase(noun, found, lambda m: m.type == "City") or \
            _named_before(noun, found, lambda m: m.type == "City")
        if named is not None:
            return named
    if refers_to == "capital" and any(c.dep_ == "amod" and c.lower_ in word_class("subnational") for c in noun.children):
        return None  # "the provincial capital" unnamed: not the state's capital
    if refers_to == "City":
        return _nearest(noun, antecedents, lambda m: m.type == "City" and not _dateline(m))
    if refers_to == "Named":  # "the ministry", "the same court": the body of that name named last
        if any(c.dep_ in ("poss", "prep", "compound") for c in noun.children):
            return None  # "the ministry of defence", "the country's court": named by the phrase, if at all
        words = {c.lower_ for c in noun.children if c.dep_ == "amod" and c.lower_ != "same"} | {noun.lower_}

        def named(m: Mention) -> bool:
            return m.type == "Organisation" and words <= {w.lower() for w in m.label.split()}
        # only when the article has named one such body so far: with two courts, "the court" is either
        if len({m.label for m in found if m.start < noun.i and not m.reference and named(m)}) != 1:
            return None
        return _nearest(noun, antecedents, named)
    if refers_to == "Organisation" and any(c.dep_ in ("compound", "nummod", "nmod") and c.i < noun.i and (
            c.pos_ == "NUM" or (c.pos_ == "PROPN" and not c.ent_type_)) for c in noun.children):
        return None  # "the GenZ 212 movement": a body named by its own words, no reference back to another
    if refers_to == "Organisation" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # "the group of volunteers": people the phrase counts, no body named before
    if refers_to == "Organisation":  # "the group", "the Iran-aligned group", "the bloc": preferably a subject
        kinds = _ORGANISATION_KINDS.get(noun.lower_, (None, "armed group", "ngo"))
        return _nearest_subject(noun, antecedents, lambda m: m.type == "Organisation" and m.kind in kinds)
    if refers_to == "Location":  # "the territory", "the region of X"
        return _named_by_the_phrase(noun, found, lambda m: m.type == "Location") or \
            _nearest(noun, antecedents, lambda m: m.type == "Location")
    if refers_to == "State":
        nearest = _nearest(noun, antecedents, lambda m: m.type in ("State", "City") and m.country)
        if nearest is None or nearest.type == "State":
            return nearest
        state = gaz.country(nearest.country)
        if state is None or state.kind != "State":
            return None
        return replace(nearest, label=state.name, type="State", place=state, kind=None)
    # "capital": the capital of a state the phrase names, else the most recent capital city
    iso3 = _state_named_in(noun, found, lex)
    if iso3:
        capital = gaz.capital(iso3)
        return Mention(capital.name, capital.name, "City", 0, 0, 0, 0, iso3, capital) if capital else None
    return _nearest(noun, antecedents,
                    lambda m: m.type == "City" and m.place is not None and not _dateline(m)
                    and gaz.capital(m.place.country) == m.place)


def _title_description(noun: Token, lex: Lexicon) -> Span | None:
    """"the president", "the president's lawsuit": a title with "the" and no name after it."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ not in lex.person_titles or noun.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or \
            any(c.dep_ in ("compound", "appos", "prep") for c in noun.children):
        return None  # "the president of X", "the <Nationality> president" are handled as positions
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and following.ent_type_ == "PERSON":
        return None
    return noun.doc[noun.i - 1:noun.i + 1] if noun.i > 0 and noun.doc[noun.i - 1].lower_ == "the" else None


def title_antecedent(noun: Token, found: list[Mention], doc: Doc,
                     titled: _Titled | None = None) -> Mention | None:
    """The person the article last named with this title before ("President X … the president")."""
    if titled is not None:
        return titled.last_before(noun.lower_, noun.i)
    titled = [m for m in found if m.type == "Person" and m.start < noun.i and m.start > 0
              and doc[m.start - 1].lower_ == noun.lower_ and not _formerly(doc, m.start - 1)]
    return titled[-1] if titled else None


_FORMERLY = {"former", "ex", "late", "then"}


def _formerly(doc: Doc, title: int) -> bool:
    """Whether the title at token ``title`` was held before ("former President X", "ex-President X"):
    "the president" later in the article is the one in office, not X."""
    before = [t.lower_ for t in doc[max(0, title - 2):title] if t.text != "-"]
    return bool(before) and before[-1] in _FORMERLY


class _Titled:
    """The people of a Doc by the word before their name ("President X": "president"), for
    :func:`title_antecedent` without a scan over all mentions."""

    def __init__(self, found: list[Mention], doc: Doc):
        self.by_word: dict[str, list[Mention]] = {}
        for m in found:
            if m.type == "Person" and m.start > 0 and not _formerly(doc, m.start - 1):
                self.by_word.setdefault(doc[m.start - 1].lower_, []).append(m)
        self.starts = {word: [m.start for m in people] for word, people in self.by_word.items()}
        self.in_order = {word: all(a <= b for a, b in zip(starts, starts[1:])) for word, starts in self.starts.items()}

    def last_before(self, word: str, index: int) -> Mention | None:
        """The last of the people after ``word`` (in the mentions' order) that starts before ``index``."""
        people = self.by_word.get(word)
        if not people:
            return None
        if self.in_order[word]:
            before = bisect_left(self.starts[word], index)
            return people[before - 1] if before else None
        return next((m for m in reversed(people) if m.start < index), None)


def _starting_at(index: int, found: list[Mention]) -> Mention | None:
    """The first mention of ``found`` that starts at token ``index``."""
    if isinstance(found, MentionList):
        return found.starting_at(index)
    return next((m for m in found if m.start == index), None)


def _description_span(noun: Token) -> Span | None:
    """"the city", "the port city", "the Ukrainian capital": a definite phrase with this head."""
    determiners = [c for c in noun.children if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ != "the" or noun.dep_ == "compound":
        return None
    start = min(c.i for c in noun.children if c.i < noun.i and c.dep_ in ("det", "amod", "compound"))
    return noun.doc[start:noun.i + 1]


def resolve_references(doc: Doc, gaz: Gazetteer | None = None, lex: Lexicon | None = None) -> list[Mention]:
    """Reference mentions for the pronouns and descriptions of a Doc that can be resolved."""
    gaz = gaz or gazetteer()
    lex = lex or lexicon()
    words = reference_words()
    found = MentionList(m for m in mentions(doc) if not m.reference)
    taken = {i for m in found for i in range(m.start, m.end)}
    antecedents = _Antecedents(doc, found)
    titled = _Titled(found, doc)
    references = []
    candidates = _words_of(doc, lambda lower: lower in words or lower in lex.person_titles)
    # descriptions first: a pronoun may refer back to one ("The movement … Earlier this month it took X")
    pronouns = [i for i in candidates if (words.get(doc[i].lower_) or ("title",))[0] == "pronoun"]
    later = set(pronouns)
    for i in [i for i in candidates if i not in later] + [None] + pronouns:
        if i is None:
            found = MentionList(sorted([*found, *references], key=lambda m: m.start))
            antecedents = _Antecedents(doc, found)
            continue
        token = doc[i]
        entry = words.get(token.lower_)
        if token.i in taken or (entry is None and token.lower_ not in lex.person_titles):
            continue
        kind, refers_to = entry or ("title", "Person")
        if kind == "pronoun" and token.pos_ == "PRON" and refers_to == "Thing":
            if token.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue  # an object "it" is mostly a thing ("withholding it"), not an actor
            span, antecedent = doc[token.i:token.i + 1], thing_antecedent(token, antecedents, lex)
        elif kind == "pronoun" and token.pos_ == "PRON":
            span, antecedent = doc[token.i:token.i + 1], person_antecedent(token, antecedents, lex)
        elif kind == "description" and token.pos_ == "NOUN" and (span := _description_span(token)) is not None:
            antecedent = description_antecedent(token, refers_to, antecedents, found, gaz, lex)
        elif kind == "title" and (span := _title_description(token, lex)) is not None:
            antecedent = title_antecedent(token, found, doc, titled)
        else:
            continue
        if antecedent is not None:
            references.append(replace(antecedent, text=span.text, start=span.start, end=span.end,
                                      start_char=span.start_char, end_char=span.end_char,
                                      sector=None, reference=True, sentence=span.sent.start))
    references.sort(key=lambda m: m.start)
    return references + _speakers(doc, MentionList(sorted({id(m): m for m in [*found, *references]}.values(),
                                                          key=lambda m: m.start)), taken)


# first-person pronouns, which within quotation marks are the one quoted
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


def _speakers(doc: Doc, found: MentionList, taken: set[int]) -> list[Mention]:
    """"I", "we", "my", "our" within a quotation: the speaker it is attributed to ('"We demand that
    the ELN stop kidnapping. …," he said' — he, and whom "he" stands for)."""
    speakers = []
    for start, end in quotations(doc):
        pronouns = [t for t in doc[start + 1:end] if t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" and t.i not in taken]
        if not pronouns:
            continue
        speaker = speaker_of_quotation(doc, start, end)
        mention = mention_at(speaker.i, found) if speaker is not None else None
        if mention is None:
            continue
        for pronoun in pronouns:
            speakers.append(replace(mention, text=pronoun.text, start=pronoun.i, end=pronoun.i + 1,
                                    start_char=pronoun.idx, end_char=pronoun.idx + len(pronoun),
                                    sector=None, reference=True, sentence=pronoun.sent.start))
    return speakers


def _words_of(doc: Doc, wanted) -> list[int]:
    """The tokens whose lower-case form is ``wanted``, in order: each distinct form is asked
    about once (read from one array, not token by token)."""
    strings = doc.vocab.strings
    known: dict[int, bool] = {}
    found = []
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        is_wanted = known.get(lower)
        if is_wanted is None:
            is_wanted = known[lower] = wanted(strings[lower])
        if is_wanted:
            found.append(i)
    return found


class Coreference:
    """spaCy component: adds resolved references to ``doc._.kg_mentions``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.gazetteer = gazetteer()
        self.lexicon = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        references = resolve_references(doc, self.gazetteer, self.lexicon)
        doc._.kg_mentions = sorted(mentions(doc) + references, key=lambda m: m.start)
        return doc


@Language.factory("kg_coreference")
def make_coreference(nlp: Language, name: str) -> Coreference:
    return Coreference(nlp, name)
