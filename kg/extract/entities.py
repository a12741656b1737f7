"""Stage 3 — typed entity mentions: spaCy's spans corrected by the gazetteer and lexicons.

spaCy's small English model finds most names but types many wrongly (capital cities as
PERSON, port cities as ORG, officials as ORG). Three steps:

**Candidate spans.** spaCy's name spans, mended where it cut or joined names: an
organisation's "of/for/on" phrase and a capitalised compound it left out are added, "<Name>
(<ACRONYM>)", "<Name> and <Name>", "<Body>' <Body>" and "[<title> of] <Place> <Person>"
are split, a given name or "Jr." it left outside a person's name is added. Then names spaCy
missed: lexicon names, names in apposition to an organisation noun ("the news agency
<Name>"), "<City> Police", surnames of the article's people, given name + surname, and
gazetteer places (never a month, a word of a date or event, a word after "the").

**Typing**, first rule that fits wins: no actor at all (a time zone, currency, weapon or
product of ``ontology/non_actors.tsv``, a title without a name, a speaker tag, a photo
credit, a direction word coordinated before a name); a known organisation; an organisation
by construction; a nationality word → its State (a bloc → Group); a surname of the
article's people or a name after a title → Person; "<Name> province" → Location, "a base in
<Name>" → City; a common given name first ("Wanda <Name>"), an age before it, or a given
name alone in person position → Person; a place of the gazetteer → City, State or Location;
otherwise spaCy's label (PERSON → Person, ORG → Organisation, GPE/LOC/FAC → Location, NORP
→ Group when it names people).

**One article, one reading of a name.** A name the article gives a person is that person
wherever it stands (unless a linked place in place position); a name it shows to be a place
is that place; an organisation listed with people is a person; a city-and-region listed
with regions is the region; an organisation's short forms (acronym, "the House", "the
Assembly", "<Firm>" of "<Firm> Holdings", a plural) are that organisation.

The component ``kg_entities`` writes the result back: ``doc.ents`` carry the newsgraph type
as label (and a GeoNames IRI as ``kb_id_`` for linked places), and ``doc._.kg_mentions``
holds the :class:`Mention` records.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.data import read_tsv, word_class
from kg.nlp.gazetteer import Gazetteer, Place, gazetteer
from kg.extract.lexicon import Lexicon, lexicon
from kg.names import clean_name, name_key, title_case

__all__ = ["Mention", "MentionList", "KG_TYPES", "type_entities", "EntityTyper", "mentions", "mention_at"]

KG_TYPES = ("Person", "City", "State", "Organisation", "Location", "Group")
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
SPACY_TO_KG = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location",
               "FAC": "Location"}
# A city spaCy did not find must be this large (or lie in a state the article names): the
# names of small towns are too often words or surnames.
MIN_POPULATION_FOR_ALTERNATE = 100_000
# A city known only by an alternate name must be this large, or lie in a state the article
# names: GeoNames lists "Hamas" for Hamm and "North" for North Salt Lake.
MIN_POPULATION_FOR_ALTERNATE_NAME = 500_000
# the label of a span the sentence itself shows to be an organisation's name ("the news
# agency <Name>", "<City> Police"): no gazetteer reading overrides it
ORGANISATION_BY_CONSTRUCTION = "KG_ORG"
# spaCy's labels of spans that are no place: a date, an event, a product …
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "MONEY", "QUANTITY", "PERCENT",
                              "CARDINAL", "ORDINAL"})
CALENDAR_WORDS = frozenset("january february march april may june july august september october november "
                           "december monday tuesday wednesday thursday friday saturday sunday".split())

if not Doc.has_extension("kg_mentions"):
    Doc.set_extension("kg_mentions", default=None)


@dataclass(frozen=True)
class Mention:
    """One name in an article, typed and given its canonical label."""

    text: str  # the words as they stand in the article
    label: str  # canonical name ("Kyiv" for "Kiev")
    type: str  # one of KG_TYPES
    start: int  # token offsets in the Doc
    end: int
    start_char: int
    end_char: int
    country: str | None = None  # ISO-3: a state's own code, a city's state, a nationality's state
    place: Place | None = None  # the GeoNames place, when linked
    kind: str | None = None  # a known organisation's kind (igo, media, government…), or "nationality"
    sector: str | None = None  # of an agent phrase: "Russian forces" → military
    reference: bool = False  # a pronoun or description ("he", "the city") resolved to an antecedent
    sentence: int = 0  # where its sentence starts (token offset): mentions of one sentence share it


class MentionList(list):
    """Mentions in their order, with the first of them that covers a token found by its index
    (``at(i)`` is ``next((m for m in self if m.start <= i < m.end), None)`` without the scan).

    The list must not change after it is made.
    """

    def __init__(self, found: Iterable[Mention] = ()):
        super().__init__(found)
        self._at: dict[int, Mention] = {}
        self._starting: dict[int, Mention] = {}
        self._covering: dict[int, list[tuple[int, Mention]]] | None = None
        for mention in self:
            self._starting.setdefault(mention.start, mention)
            for i in range(mention.start, mention.end):
                self._at.setdefault(i, mention)

    def at(self, index: int) -> Mention | None:
        return self._at.get(index)

    def starting_at(self, index: int) -> Mention | None:
        """The first mention that starts at token ``index``."""
        return self._starting.get(index)

    def covering(self, index: int) -> list[tuple[int, Mention]]:
        """Every mention that covers token ``index``, with its place in the list."""
        if self._covering is None:
            self._covering = {}
            for n, mention in enumerate(self):
                for i in range(mention.start, mention.end):
                    self._covering.setdefault(i, []).append((n, mention))
        return self._covering.get(index, [])


def mention_at(index: int, found: list[Mention]) -> Mention | None:
    """The first mention of ``found`` that covers token ``index``."""
    if isinstance(found, MentionList):
        return found.at(index)
    return next((m for m in found if m.start <= index < m.end), None)


# --- candidate spans ----------------------------------------------------------------------

def lexicon_matcher(nlp: Language, lex: Lexicon) -> PhraseMatcher:
    """A matcher for the lexicon's names as they are written (case matters: "US" not "us"), and for
    acronyms of four letters or more in title case."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = set(lex.organisation_aliases) | lex.nationality_words() | lex.bloc_aliases()
    # acronyms as the British press writes them: "Ecowas", "Unicef", "Opec"
    names |= {name.capitalize() for name in lex.organisation_aliases if name.isupper() and name.isalpha() and len(name) >= 4}
    matcher.add("KG_LEXICON", [nlp.make_doc(name) for name in sorted(names)])
    return matcher


def lexicon_spans(doc: Doc, matcher: PhraseMatcher | None) -> list[Span]:
    """Lexicon names in the text that start with a capital letter."""
    if matcher is None:
        return []
    spans = matcher(doc, as_spans=True)
    return [s for s in spans if s[0].text[:1].isupper()]


def apposition_organisations(doc: Doc, lex: Lexicon) -> list[Span]:
    """Proper names in apposition to an organisation noun: "the radio network Echo of X",
    "state news firm <Name>", "the news agency <Name> <Name>".

    The noun stands before the name, as its head ("firm, <Name>") or as a modifier of it
    ("news network <Name>"). The name runs from the first proper noun through "of"/"for" +
    proper-noun chains, so a place inside the name ("… of Moscow") is part of the
    organisation, not a place.
    """
    found = []
    for token in map(doc.__getitem__, proper_nouns(doc)):
        if token.dep_ not in ("appos", "nsubj", "dobj", "pobj", "compound"):
            continue
        head = token.head
        # the noun describes the name ("the news agency <Name>"); a name's own last word does not
        # ("the African Union Commission, <Person>,")
        if head.i >= token.i or head.lemma_.lower() not in lex.organisation_nouns or head.pos_ == "PROPN":
            nouns = [c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.pos_ == "NOUN"
                     and c.lemma_.lower() in lex.organisation_nouns]
            if token.dep_ == "compound" or not nouns:
                continue
            head = nouns[-1]
        if not all(t.pos_ in ("ADJ", "NOUN", "PROPN", "DET", "PUNCT") for t in doc[head.i + 1:token.i]):
            continue
        start = token.i
        while start > head.i + 1 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        end = token.i + 1
        while end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and doc[end + 1].pos_ == "PROPN":
            end += 2
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
        found.append(Span(doc, start, end, label=ORGANISATION_BY_CONSTRUCTION))
    for token in map(doc.__getitem__, proper_nouns(doc)):  # "COGAT, the Israeli military body that …"
        if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
            continue
        # the description after the comma: an apposition, or a twin subject where the parser missed it
        described = [c for c in list(token.children) + list(token.head.children)
                     if c.left_edge.i == token.i + 2 and c.lemma_.lower() in lex.organisation_nouns and
                     any(d.dep_ == "det" for d in c.children) and
                     (c.dep_ == "appos" or (c.head.i == token.head.i and c.dep_ == token.dep_))]
        if described and token.dep_ != "compound" and _name_word(token):
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and _name_word(doc[start - 1]):
                start -= 1
            found.append(Span(doc, start, token.i + 1, label=ORGANISATION_BY_CONSTRUCTION))
    return found


def armed_group_names(doc: Doc, taken: set[int]) -> list[Span]:
    """"the Iron Brigades", "the Liberty Battalions": capitalised words after "the" that end in a
    plural noun of armed units (ontology/word_classes.tsv, "armed unit") name an armed group, which
    the tagger often leaves untagged; not where a tagged word starts it ("the Ukrainian Battalions")."""
    found = []
    heads = word_class("armed unit")
    for token in doc:
        if token.lower_ not in heads or not token.text[:1].isupper() or token.i in taken:
            continue
        start = token.i
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and \
                doc[start - 1].lower_ != "the" and start - 1 not in taken and not doc[start - 1].ent_type_:
            start -= 1
        if start < token.i and start > 0 and doc[start - 1].lower_ == "the":
            found.append(Span(doc, start, token.i + 1, label=ORGANISATION_BY_CONSTRUCTION))
    return found


def place_organisations(spans: list[Span], gaz: Gazetteer, lex: Lexicon) -> list[Span]:
    """A city or region's name with the capitalised noun of a body after it: "<City> Police",
    "<City> Media", "<Region> University". (A state's name before such a noun is left to
    the state: "<State> Defence Ministry" acts for the state.)"""
    found = []
    for span in spans:
        doc, end = span.doc, span.end
        while end < len(doc) and _name_word(doc[end]) and doc[end].lower_ in lex.descriptive_words \
                and doc[end].lower_ not in lex.person_titles:  # "<Region> Governor" is a title
            end += 1
        if end == span.end or span.label_ not in ("GPE", "LOC", "FAC", "ORG"):
            continue
        if end < len(doc) and _name_word(doc[end]):
            continue  # "<City> Chief Executive <Name>": a title before a name
        name = clean_name(span.text)
        match = gaz.match(name)
        if match and match.primary and match.place.kind in ("City", "Location") and not lex.organisation(name):
            found.append(Span(doc, span.start, end, label=ORGANISATION_BY_CONSTRUCTION))
    return found


def state_bodies(spans: list[Span], gaz: Gazetteer, lex: Lexicon) -> list[Span]:
    """A state's name that starts the name of one of its bodies: "the <State> House of
    Representatives", "<State> Department of Justice", "<State> District Court for the …". The
    capitalised words after the state end in a body's noun (ontology/organisation_nouns.tsv),
    none of them a title ("<State> Secretary of State <Name>" is a person's title), and the
    body takes its "of/for" phrase as "[the Supreme Court] of …" does."""
    found = []
    for span in spans:
        doc = span.doc
        if span.label_ not in ("GPE", "LOC", "ORG") or not (match := gaz.match(clean_name(span.text))) or \
                match.place.kind != "State" or span.end >= len(doc) or doc[span.end - 1].tag_ == "POS":
            continue  # "<State>'s <Agency>" is the agency's own name, owned by the state
        end = span.end
        while end < len(doc) and _name_word(doc[end]) and doc[end].ent_type_ not in ("PERSON", "DATE") \
                and doc[end].lower_ not in lex.person_titles:
            end += 1
        chamber = end < len(doc) and doc[end - 1].lower_ == "house" and doc[end].lower_ == "of"  # "House of …"
        if end == span.end or not (doc[end - 1].lower_ in lex.organisation_nouns or chamber):
            continue
        if end < len(doc) and _name_word(doc[end]):
            continue  # a title or a name follows: not the body's whole name
        if chamber:
            stop = end + 1
            while stop < len(doc) and _name_word(doc[stop]):
                stop += 1
            end = stop if stop > end + 1 else end
        found.append(extend_organisation(Span(doc, span.start, end, label="ORG"), lex))
    return found


def extend_organisation(span: Span, lex: Lexicon) -> Span:
    """An organisation's name spaCy ended too soon: "[the Supreme Court] of the <State>",
    "[the Center] for Investigative Journalism", "[the High Court of <Region>] and <Region>".

    The span must end in a noun of a body ("Court", "Center", "Committee") to take an
    "of"/"for"/"on" phrase of capitalised words; a span that already has such a phrase may
    take "and <Capitalised>" after it.
    """
    doc, end = span.doc, span.end
    if span.label_ != "ORG":
        return span
    nouns = lex.organisation_nouns

    def capitalised_run(i: int) -> int:
        j = i
        while j < len(doc) and _name_word(doc[j]) and doc[j].ent_type_ not in ("DATE", "TIME"):
            j += 1
        return j

    if end + 1 < len(doc) and doc[end].lower_ in ("of", "for", "on") and doc[end - 1].lower_ in nouns:
        start = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        stop = capitalised_run(start)
        if stop > start:
            end = stop
    if any(t.lower_ in ("of", "for", "on") for t in doc[span.start:end]):
        while end + 1 < len(doc) and doc[end].lower_ == "and" and _name_word(doc[end + 1]):
            end = capitalised_run(end + 1)
        # "… Court for the Southern District of <Place>": a district or division of a named place
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end - 1].lower_ in ("district", "division", "circuit") \
                and doc[end + 1].ent_type_ in ("GPE", "LOC"):
            end = capitalised_run(end + 1)
    return Span(doc, span.start, end, label="ORG") if end != span.end else span


def _capitalised_end(doc: Doc, i: int) -> int:
    """The end of a run of name words from ``i``, through "for", "of", "in", "the" … inside it."""
    j = end = i
    while j < len(doc) and (_name_word(doc[j]) or doc[j].lower_ in ("for", "of", "and", "the", "in", "on")):
        j += 1
        if _name_word(doc[j - 1]):
            end = j  # a run ends on a name word, never on a connecting one
    return end


def extend_to_acronym(span: Span) -> Span:
    """"[The Office of the UN] High Commissioner for Human Rights (OHCHR)": a name that runs on
    to the acronym given in brackets after it, which spaCy cut short."""
    doc = span.doc
    if span.label_ != "ORG" or span.end >= len(doc):
        return span
    end = _capitalised_end(doc, span.end)
    if end > span.end and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and \
            doc[end + 1].text.isupper() and len(doc[end + 1].text) >= 2:
        return Span(doc, span.start, end, label="ORG")
    return span


def split_possessive(span: Span) -> list[Span]:
    """"<Body of Several Words>' <Body of Several Words>": two organisations, the first
    owning the second ("the House of <Name>' Committee on <Name>"); "People's" is part of a name
    ("the <Region> People's Defence Force")."""
    if span.label_ != "ORG":
        return [span]
    for token in span:
        if token.lower_ in ("'", "'s", "’", "’s") and token.i - span.start >= 2 and span.end - token.i - 1 >= 2 \
                and _name_word(span.doc[token.i + 1]) and span.doc[token.i - 1].lower_ not in ("people", "peoples"):
            return [Span(span.doc, span.start, token.i, label="ORG"), Span(span.doc, token.i + 1, span.end, label="ORG")]
    return [span]


# words a capital letter at a sentence's start (or a headline) runs into a name: "Its Supreme Command",
# "Suspected Islamist gunmen"
_NOT_OF_THE_NAME = frozenset({"its", "their", "suspected", "alleged", "presumed"})


def without_leading_words(span: Span) -> list[Span]:
    """The span without a possessive or a hedge before the name ("Its Supreme Command" is the
    Supreme Command); none when nothing is left."""
    start = span.start
    while start < span.end and span.doc[start].lower_ in _NOT_OF_THE_NAME:
        start += 1
    if start == span.start:
        return [span]
    return [Span(span.doc, start, span.end, label=span.label_)] if start < span.end else []


def split_coordination(span: Span, gaz: Gazetteer, lex: Lexicon) -> list[Span]:
    """"<Name> and <Name>", "<Name>, <Name>" taken as one span: two names, unless the whole is one
    known name ("Bosnia and Herzegovina") or names a body by its "of"/"for"/"on" phrase."""
    words = [t.lower_ for t in span]
    cuts = [i for i, w in enumerate(words[1:-1], 1) if w in ("and", ",")]
    if not cuts or any(w in ("of", "for", "on") for w in words) or words[-1] in NAME_SUFFIXES_LOWER:
        return [span]
    name = clean_name(span.text)
    if gaz.match(name) or lex.organisation(name):
        return [span]
    cut = span.start + cuts[0]
    left, right = span.doc[span.start:cut], span.doc[cut + 1:span.end]
    if right[:1].text.lower() == "and":  # "X, and Y"
        right = span.doc[right.start + 1:right.end]
    if words[-1] in lex.organisation_nouns and not any(t.lower_ in lex.organisation_nouns for t in left) and \
            not gaz.match(clean_name(left.text)) and not lex.organisation(left.text) and not lex.nationality(left.text):
        return [span]  # "Peace and Security Council", "Justice and Development Party": one body's name
    if not len(right) or not all(_name_word(t) or t.pos_ == "DET" for t in left) or \
            not all(_name_word(t) or t.lower_ in ("and", ",") for t in right):
        return [span]
    return [Span(span.doc, left.start, left.end, label=span.label_),
            *split_coordination(Span(span.doc, right.start, right.end, label=span.label_), gaz, lex)]


def join_surname(spans: list[Span]) -> list[Span]:
    """A person's name spaCy cut before the last word, which it took for another name
    ("[Marco Antonio] [Oviedo]"): one name where the parser heads the first with the second."""
    joined: list[Span] = []
    for span in spans:
        before = joined[-1] if joined else None
        if before is not None and before.label_ == "PERSON" and span.start == before.end and len(span) == 1 and \
                _name_word(span[0]) and before[-1].head.i == span.start and before[-1].dep_ in ("compound", "flat"):
            joined[-1] = Span(span.doc, before.start, span.end, label="PERSON")
            continue
        joined.append(span)
    return joined


def split_model_designation(span: Span, lex: Lexicon) -> list[Span]:
    """"Thai F-16" taken as one name: the nationality, without the model that follows it."""
    if len(span) > 1 and _MODEL_DESIGNATION.match(span[-1].text) and lex.nationality(span[:-1].text):
        return [Span(span.doc, span.start, span.end - 1, label="NORP")]
    return [span]


def names_a_model(span: Span) -> bool:
    """"a Boeing 747", "an Airbus A300": a maker's name before a model designation names a product,
    not the company acting."""
    def a_model(token) -> bool:  # "747", "A300", "Tu-154", "F-16"
        return bool(_MODEL_DESIGNATION.match(token.text) or _MODEL_NUMBER.match(token.text))

    following = span.doc[span.end] if span.end < len(span.doc) else None
    return span.label_ == "ORG" and ((len(span) > 1 and a_model(span[-1])) or
                                     (following is not None and span[-1].whitespace_ != "" and a_model(following)))


_MODEL_NUMBER = re.compile(r"^[A-Z]{0,2}\d{3,4}[A-Z]{0,3}$")


def split_acronym(span: Span) -> list[Span]:
    """"<Name> (<ACRONYM>)" taken as one span: the name, and the acronym on its own."""
    for token in span:
        if token.text == "(" and token.i > span.start:
            parts = [Span(span.doc, span.start, token.i, label=span.label_)]
            inner = [t for t in span.doc[token.i + 1:span.end] if t.text != ")"]
            if inner and all(t.is_upper for t in inner):
                parts.append(Span(span.doc, inner[0].i, inner[-1].i + 1, label=span.label_))
            return parts
    return [span]


def gazetteer_spans(doc: Doc, gaz: Gazetteer, context: Counter | None = None, max_words: int = 3) -> list[Span]:
    """Proper nouns that are the own name of a state or a city, however spaCy saw them.

    spaCy's small model sometimes misses a city altogether (of "struck <city> and <city>"
    only the first may be an entity). Only capitalised proper nouns are tried and only
    primary names count; a city must be large, or lie in a state the article names, since
    a small town's name is too often a word or a surname.
    """
    context = context or Counter()
    found = []
    # the tokens a name may be made of, read once (most are no proper noun: one array read)
    proper = [False] * len(doc)
    for i in proper_nouns(doc):
        token = doc[i]
        proper[i] = token.text[:1].isupper() and token.lower_ not in CALENDAR_WORDS
    i = 0
    while i < len(doc):
        if not proper[i]:  # no name of any width starts here
            i += 1
            continue
        for width in range(min(max_words, len(doc) - i), 0, -1):
            if not all(proper[i:i + width]):
                continue
            words = doc[i:i + width]
            match = gaz.match(words.text, context)
            if match and match.place.kind == "City" and i > 0 and doc[i - 1].lower_ == "the" and width == 1:
                continue  # "the Republic", "the Sun": a word with the article, not a town
            if match and match.place.kind != "State" and any(t.ent_type_ in NOT_PLACE_LABELS for t in words):
                continue  # a town's name in a date, event or work; a state is named there too
            if match and match.primary and (match.place.kind != "City" or match.place.country in context
                                            or match.place.population >= MIN_POPULATION_FOR_ALTERNATE):
                found.append(Span(doc, i, i + width, label="GPE"))
                i += width - 1
                break
        i += 1
    return found


def known_person_spans(doc: Doc, person_words: set[str], taken: set[int]) -> list[Span]:
    """A surname the article has given a person, standing alone where spaCy saw no name:
    "… when he met with [Trudeau]" after "Justin Trudeau"."""
    return [Span(doc, t.i, t.i + 1, label="PERSON") for t in map(doc.__getitem__, proper_nouns(doc))
            if t.i not in taken and t.text[:1].isupper() and name_key(t.text) in person_words]


def proper_nouns(doc: Doc) -> list[int]:
    """The indexes of the proper nouns of a Doc, in order (read from one array, not token by token)."""
    return numpy.flatnonzero(doc.to_array("POS") == PROPN).tolist()


def _name_word(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def split_place_before_name(span: Span, gaz: Gazetteer, lex: Lexicon) -> list[Span]:
    """A place and a person's name run together in one span: "[First Minister of] <Region>
    <Given> <Surname>" → the place, and the person.

    Split where a prefix of the span is a place and the rest is a name of two words or more
    that starts with a given name, or follows "<title> of"; after "<title> of", a name that
    starts with a given name is split off whatever the place.
    """
    doc = span.doc
    after_title_of = (span.start >= 2 and doc[span.start - 1].lower_ == "of"
                      and doc[span.start - 2].lower_ in lex.person_titles)
    for cut in range(span.start + 1, span.end - 1):
        rest = doc[cut:span.end]
        if not all(_name_word(t) for t in rest):
            continue
        given = lex.given_name(doc[cut].text)
        if not (after_title_of or given):
            continue
        match = gaz.match(clean_name(doc[span.start:cut].text))
        if (match and match.primary and (match.place.kind != "City" or after_title_of)) or (after_title_of and given):
            return [Span(doc, span.start, cut, label="GPE"), Span(doc, cut, span.end, label="PERSON")]
    return [span]


def nationality_before_title(span: Span, lex: Lexicon) -> list[Span]:
    """"Sri Lankan President", "South Korean Foreign Minister" read as a person's name: a
    nationality and title words only, no name → the nationality alone (the name after it is
    a span of its own)."""
    doc = span.doc
    if span.label_ != "PERSON":
        return [span]
    for cut in range(span.start + 1, span.end + 1):
        if lex.nationality(doc[span.start:cut].text) is not None and \
                (cut == span.end or doc[cut:span.end].text.lower() in lex.person_titles):
            return [Span(doc, span.start, cut, label="NORP")]
    return [span]


NAME_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
NAME_SUFFIXES_LOWER = frozenset(s.lower() for s in NAME_SUFFIXES)


def with_given_name(span: Span, lex: Lexicon, taken: set[int]) -> Span:
    """A name spaCy cut short: for a person, a given name left before it ("<Given> [<Name>
    <Name>]"), the name's head noun left after it ("[<Given> <Name>] <Name>", the last word
    of the span a compound of it), or a generational suffix ("<Name>, Jr."); for an
    organisation, a capitalised compound left before it ("[Daily] <Name>")."""
    doc, start, end = span.doc, span.start, span.end
    if span.label_ == "ORG":  # "[Daily] <Name>": a capitalised compound of the name left before it
        while (start >= 1 and start - 1 not in taken and _name_word(doc[start - 1])
               and doc[start - 1].dep_ == "compound" and span.start <= doc[start - 1].head.i < end
               and doc[start - 1].lower_.rstrip(".") not in lex.person_titles):
            start -= 1
        return Span(doc, start, end, label="ORG") if start != span.start else span
    if span.label_ != "PERSON":
        return span
    if start >= 1 and start - 1 not in taken and _name_word(doc[start - 1]) and lex.given_name(doc[start - 1].text):
        start -= 1
    while (end < len(doc) and end not in taken and _name_word(doc[end]) and doc[end - 1].dep_ == "compound"
           and doc[end - 1].head.i == end):
        end += 1
    suffix = end + 1 if end < len(doc) and doc[end].text == "," else end  # "<Name>, Jr."
    if suffix < len(doc) and suffix not in taken and doc[suffix].text in NAME_SUFFIXES:
        end = suffix + 1
    return Span(doc, start, end, label="PERSON") if (start, end) != (span.start, span.end) else span


def given_name_spans(doc: Doc, lex: Lexicon, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """"<Given> <Surname>" where spaCy saw no name at all: a common given name followed by
    one or two capitalised proper nouns, none of them an organisation or agent noun."""
    found = []
    for token in map(doc.__getitem__, proper_nouns(doc)):  # a name word is a proper noun
        if token.i in taken or not _name_word(token) or not lex.given_name(token.text):
            continue
        if lex.nationality(token.text) or gaz.country_named(token.text):
            continue  # "Jordan", "Chad": a state before it is a person
        end = token.i + 1
        while end < len(doc) and end - token.i < 3 and end not in taken and _name_word(doc[end]):
            end += 1
        rest = doc[token.i + 1:end]
        if any(p.kind != "City" for p in gaz.candidates(token.text)) or gaz.match(doc[token.i:end].text):
            continue  # "Virginia Beach", "Georgia <Name>": a region's or a place's name
        if rest and not any(t.lower_ in lex.descriptive_words or t.lower_ in lex.person_titles for t in rest):
            found.append(Span(doc, token.i, end, label="PERSON"))
    return found


_REGNAL_NUMBER = re.compile(r"^(X{0,2})(IX|IV|V?I{0,3})$")


def _regnal_number(word: str) -> bool:
    return word.isupper() and _REGNAL_NUMBER.match(word) is not None


def regnal_name_spans(doc: Doc, lex: Lexicon) -> list[Span]:
    """"King [Abdullah II]", "Patriarch [Bartholomew I]": a titled name with a regnal number, which
    spaCy takes for an event ("World War II") or misses. The title is what makes it a person's."""
    found = []
    for token in doc:
        if token.i < 2 or not _regnal_number(token.text) or \
                not _name_word(doc[token.i - 1]):
            continue
        start = token.i - 1
        if start >= 2 and _name_word(doc[start - 1]) and doc[start - 2].lower_ in lex.person_titles:
            start -= 1  # "King Maha Vajiralongkorn X"
        if doc[start - 1].lower_ in lex.person_titles and doc[start - 1].text[:1].isupper():
            found.append(Span(doc, start, token.i + 1, label="PERSON"))
    return found


def candidate_spans(doc: Doc, lex: Lexicon, gaz: Gazetteer, matcher: PhraseMatcher | None = None) -> list[Span]:
    """spaCy's name spans plus lexicon, apposition and gazetteer names, without overlaps.

    spaCy's spans are first mended: a place run together with a person's name is split,
    a given name spaCy left out is added. Where spans overlap the longest wins; at equal
    length spaCy's own span is kept.
    """
    ner = [part for e in doc.ents if e.label_ in NAME_LABELS
           for whole in split_acronym(extend_to_acronym(extend_organisation(e, lex)))
           for piece in split_coordination(whole, gaz, lex)
           for own in split_possessive(piece)
           for part in split_place_before_name(own, gaz, lex)
           for part in nationality_before_title(part, lex)
           for part in split_model_designation(part, lex)
           for part in without_leading_words(part) if not names_a_model(part)]
    regnal = regnal_name_spans(doc, lex)
    crowned = {i for span in regnal for i in range(span.start, span.end)}
    ner = join_surname(filter_spans([span for span in ner if not crowned.intersection(range(span.start, span.end))]
                                    + regnal))
    taken = {i for span in ner for i in range(span.start, span.end)}
    ner = [with_given_name(span, lex, taken) for span in ner]
    taken = {i for span in ner for i in range(span.start, span.end)}
    person_words = person_name_tokens(ner, gaz)
    places = [s for s in gazetteer_spans(doc, gaz, context_countries(ner, gaz, lex))
              if not taken.intersection(range(s.start, s.end)) and name_key(s.text) not in person_words]
    people = known_person_spans(doc, person_words, taken) + given_name_spans(doc, lex, gaz, taken)
    # a name in apposition to an organisation noun is that organisation, whatever spaCy saw
    appositions = apposition_organisations(doc, lex)
    named = {i for span in appositions for i in range(span.start, span.end)}
    ner = [span for span in ner if not named.intersection(range(span.start, span.end))]
    bodies = place_organisations(ner + places, gaz, lex) + state_bodies(ner, gaz, lex)
    taken = {i for span in ner + places + people for i in range(span.start, span.end)}
    bodies += armed_group_names(doc, taken)
    extra = lexicon_spans(doc, matcher) + appositions + bodies + places + people + acronym_spans(doc, ner)
    return sorted(filter_spans(ner + extra), key=lambda s: s.start)


# --- typing -------------------------------------------------------------------------------

def person_name_tokens(spans: Iterable[Span], gaz: Gazetteer | None = None) -> set[str]:
    """Folded words of the multi-word PERSON names, for recognising a surname alone — not of a
    name that is a place's own ("Port Moresby" tagged as a person is the city)."""
    words: set[str] = set()
    for span in spans:
        if gaz is not None and span.label_ == "PERSON" and len(span) > 1:
            match = gaz.match(clean_name(span.text))
            if match is not None and match.primary:
                continue
        if span.label_ == "PERSON" and len(span) > 1:  # "II" of "Abdullah II" names no one alone
            words.update(name_key(t.text) for t in span if t.is_alpha and not _regnal_number(t.text))
            words.add(name_key(span.text))
    return words


def follows_title(span: Span, lex: Lexicon) -> bool:
    """A name right after a person's title: "security official <Name>", "Mayor <Name>"."""
    if span.start == 0:
        return False
    previous = span.doc[span.start - 1]
    return previous.lower_.rstrip(".") in lex.person_titles and previous.pos_ in ("NOUN", "PROPN")


def titled_in_apposition(span: Span, lex: Lexicon) -> bool:
    """A name a person's title stands beside: "former prime ministers <Name> and <Name>", "the head
    of the mission, <Name>,", "<Name>, the coordinating minister for the economy"."""
    words = {t.lower_ for t in span}
    if span[0].lower_ == "the" or words & (lex.organisation_nouns | lex.descriptive_words | organisation_name_words()):
        return False  # "the leader of the party, the National Democratic Congress,": a body's name
    def a_title(token) -> bool:
        word = token.lower_
        return token.pos_ == "NOUN" and (word in lex.person_titles or word.endswith("s") and word[:-1] in lex.person_titles)

    if span.start > 0 and span.doc[span.start - 1].lower_.endswith("s") and a_title(span.doc[span.start - 1]):
        return True  # a plural title before the names: "former prime ministers <Name> and <Name>"
    root = span[-1]  # the name's last word heads it (read without Span.root, which a broken parse defeats)
    if root.dep_ == "appos":
        holder = root.head  # the parser hangs the name on the last noun: "the head of the mission in X, <Name>,"
        while holder.dep_ in ("pobj", "prep") and holder.head.i != holder.i:
            holder = holder.head
        if a_title(holder):
            return True
    return any(c.dep_ == "appos" and a_title(c) and any(d.dep_ == "det" for d in c.children) for c in root.children)


def follows_kin(span: Span) -> bool:
    """A name right after a word of kinship: "whose nephew <Name>", "his son <Name>"."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in word_class("kin") and \
        span.doc[span.start - 1].pos_ == "NOUN"


def context_countries(spans: Iterable[Span], gaz: Gazetteer, lex: Lexicon) -> Counter:
    """How often an article names each state: states, unambiguous places, nationality words."""
    countries: Counter = Counter()
    for span in spans:
        name = clean_name(span.text)
        nationality = lex.nationality(name)
        country = nationality.country if nationality else gaz.unambiguous_country(name)
        if country and (nationality or span.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON")):
            countries[country] += 1
    return countries


def state_before(span: Span, gaz: Gazetteer, lex: Lexicon) -> str | None:
    """The state a name is qualified by: "Russia's <span>", "Russian <span>"."""
    doc = span.doc
    i = span.start - 1
    if i >= 1 and doc[i].lower_ in ("'s", "’s") and doc[i - 1].pos_ == "PROPN":
        match = gaz.match(doc[i - 1].text)
        if match and match.primary and match.place.kind == "State":
            return match.place.country
    if i >= 0:
        nationality = lex.nationality(doc[i].text)
        if nationality and nationality.form == "adjective":
            return nationality.country
    return None


def national_organisation(span: Span, gaz: Gazetteer, lex: Lexicon) -> tuple[str | None, str, bool]:
    """(state, name without the nationality word, whether the name only describes).

    "Ukrainian defense ministry" → ("UKR", "defense ministry", True); "Russia's Security
    Council" → ("RUS", "Security Council", True); "Gazprom" → (None, "Gazprom", False).
    A descriptive name is made only of the words of agent and organisation nouns, so it
    says what kind of body it is, not which one.
    """
    words = [t for t in span if t.pos_ != "DET" and t.lower_ not in ("'s", "’s")]
    country = state_before(span, gaz, lex)
    if words and lex.nationality(words[0].text) and len(words) > 1:
        country = country or lex.nationality(words[0].text).country
        words = words[1:]
    rest = " ".join(t.text for t in words)
    descriptive = bool(words) and all(t.lower_ in lex.descriptive_words for t in words)
    return country, rest, descriptive


def _ethnic(span: Span) -> bool:
    """"ethnic Albanians", "ethnic Russian population": an ethnic group, not a state's people."""
    before = span.doc[span.start - 1] if span.start else None
    return (before is not None and before.lower_ == "ethnic") or span.text.lower().startswith("ethnic ")


def agent_sector(span: Span, lex: Lexicon) -> str | None:
    """The sector of the agent noun a name qualifies: "Russian forces", "Ukraine's military".

    The noun must head its own phrase: in "Russian President <Name>" the title belongs to
    the person, and "Russian" makes no agent phrase.
    """
    try:
        root = span.root
    except RuntimeError:  # a parse without a whole tree (hand-built Docs): the last word heads a name
        root = span[-1]
    head = root.head
    if head.i == root.i or root.dep_ not in ("amod", "compound", "poss", "nmod"):
        return None
    if head.pos_ != "NOUN" or head.dep_ == "compound":
        return None
    return lex.agent_sector(head.lemma_) or lex.agent_sector(head.text)


def strip_titles(name: str, lex: Lexicon) -> str:
    """A person's name without the titles spaCy sometimes includes ("President X" → "X")."""
    words = name.split()
    stripped = True
    while stripped:
        stripped = False
        for width in (3, 2, 1):  # "Crown Prince <Name>", "Mayor <Name>"
            if len(words) > width and " ".join(words[:width]).lower().rstrip(".") in lex.person_titles:
                words, stripped = words[width:], True
                break
    return " ".join(words)


REGION_NOUNS = frozenset({"province", "district", "region", "county", "oblast", "prefecture", "governorate",
                          "municipality", "canton", "raion", "state"})


def before_region_noun(span: Span, labels=("PERSON", "GPE", "LOC", "FAC")) -> bool:
    """"<Name> province", "<Name> district": the name of a region (not a city or a person)."""
    doc = span.doc
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return span.end < len(doc) and doc[span.end].lower_ in REGION_NOUNS and doc[span.end].pos_ == "NOUN" \
        and (labels is None or span.label_ in labels) \
        and not (after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ == "of"))


def titled_with_the(span: Span, gaz: Gazetteer) -> bool:
    """"told The <Name>", "according to The <Name>": a capitalised "The" inside a sentence
    makes a name spaCy took for a place a title, a publication's or a body's ("The Hague",
    "The Gambia" are places the gazetteer knows)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "The" or doc[span.start - 1].is_sent_start:
        return False
    if doc[span.start - 2].is_punct and doc[span.start - 2].text in ('"', "“", "'", "‘", "(", ":"):
        return False  # a quotation or title may start with "The"
    name = clean_name(span.text)
    return span.label_ in ("GPE", "LOC", "FAC") and not gaz.match(name) and not gaz.match(f"The {name}")


def national_branch(span: Span, name: str, gaz: Gazetteer, lex: Lexicon) -> bool:
    """"<Firm> USA", "<Firm> Canada": a name that is no place, made of capitalised words and
    a state's name at the end, is a firm's branch in that state ("Northern Ireland", "South
    Sudan" and other places are known to the gazetteer; direction words never qualify)."""
    words = name.split()
    if span.label_ not in ("GPE", "LOC", "ORG") or len(words) < 2 or gaz.match(name):
        return False
    rest = " ".join(words[:-1])
    return bool(gaz.country_named(words[-1])) and not gaz.match(rest) and not lex.nationality(rest) \
        and all(w[:1].isupper() and w.lower() not in DIRECTION_WORDS for w in words[:-1])


def located_in(span: Span) -> bool:
    """"a base in <Name>", "fighting near <Name>": a name as the object of a locative
    preposition (not "trust in <Name>", not "in <Name>'s")."""
    doc = span.doc
    prep = doc[span.start - 1] if span.start else None
    if prep is None or prep.lower_ not in ("in", "near", "at") or span.root.head != prep:
        return False
    if span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"):
        return False
    return prep.head.lemma_.lower() not in ("trust", "faith", "confidence", "interest", "belief", "believe")


def after_age(span: Span) -> bool:
    """"40-year-old <Name>": an age before a name makes it a person's."""
    doc = span.doc
    return span.start >= 1 and doc[span.start - 1].lower_.endswith("year-old") or (
        span.start >= 5 and doc[span.start - 5:span.start].text.replace(" ", "").lower().endswith("-year-old"))


DIRECTION_WORDS = frozenset("north south east west northern southern eastern western central "
                            "northeastern northwestern southeastern southwestern".split())


# letters, a hyphen and a number: a model ("F-16", "MiG-29", "S-400"), not "G-20" (a group of states)
# or "M-23" (a rebel movement's other spelling)
_MODEL_DESIGNATION = re.compile(r"^(?![GM]-)[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]{0,2}$")


@lru_cache(maxsize=1)
def organisation_name_words() -> frozenset[str]:
    """Words that begin the names of movements and armed groups (ontology/organisation_name_words.tsv)."""
    return frozenset(row["word"] for row in read_tsv("organisation_name_words.tsv"))


@lru_cache(maxsize=1)
def document_nouns() -> dict[str, bool]:
    """Nouns that name documents → whether a name ending in one is a document (ontology/document_nouns.tsv)."""
    return {row["word"]: row["names"] == "yes" for row in read_tsv("document_nouns.tsv")}


def is_no_actor(span: Span, lex: Lexicon) -> bool:
    """Spans that name no actor whatever spaCy's label:

    * a direction word coordinated before another: "Eastern and Southern <Name>" (the
      modifier of a name that follows, not a bloc);
    * a title without a name: "the Representatives", "a new National Security Advisor";
    * a speaker tag of a transcript, "SMITH:" at the start of a line;
    * a photo credit: "(Photo: <Name>)", "Image: <Name>";
    * a weapon's or vehicle's model designation: "F-16", "Thai F-16", "BM-21", "Su-25";
    * a document: "the Rome Statute", "the Treaty of Lisbon" (``ontology/document_nouns.tsv``).
    """
    doc = span.doc
    words = span.text.split()
    if _MODEL_DESIGNATION.match(words[-1]):
        return True
    documents = document_nouns()
    if len(words) > 1 and (documents.get(words[-1].lower()) or (documents.get(words[0].lower()) and
                                                                words[1].lower() == "of")):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if len(words) == 1 and words[0].lower() in DIRECTION_WORDS and after is not None and after.lower_ in ("and", "or"):
        return True
    last = doc[span.end - 1]
    if span.label_ == "ORG" and not looks_like_personal_name(span, lex) and (last.lower_ in lex.person_titles or (
            last.lower_.endswith("s") and last.lower_[:-1] in lex.person_titles)) \
            and not any(t.lower_ in ("of", "for") for t in span) and not lex.organisation(clean_name(span.text)):
        return True
    line_start = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    if line_start and after is not None and after.text == ":" and span.text.isupper():
        return True
    before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    return bool(before) and before[-1] in (":", "by") and any(w in ("photo", "image", "picture", "credit")
                                                             for w in before[:-1])


def looks_like_personal_name(span: Span, lex: Lexicon) -> bool:
    """Two to four capitalised words, the first a common given name, none a word of an
    organisation's or agent's description: "Maria <Name> <Name>", not "Austin Police"."""
    words = [t for t in span if not t.is_punct and t.lower_ not in ("'s", "’s")]
    if not 2 <= len(words) <= 4 or not lex.given_name(words[0].text) or not words[0].whitespace_:
        return False  # "Al-Qaeda": a given name joined to the next word is no given name
    return all(t.text[:1].isupper() and t.lower_ not in lex.descriptive_words for t in words)


def _looks_like_people(name: str) -> bool:
    """A NORP that names people ("Democrats", "Sunni Muslims", "Bosnian Serb"), not an adjective
    ("Latin American countries", "Southeast Asian ministers": of a region, no one in particular)."""
    return name[:1].isupper() and (name.endswith("s") or (" " in name and not name.endswith(_ADJECTIVE_ENDINGS)))


_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic")


# agent sectors (ontology/agents.tsv) of armed groups: "<Name> rebels", "<Name> militants"
ARMED_GROUP_SECTORS = frozenset({"rebels", "armed forces (unaffiliated)"})
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "hamlet", "settlement"})


def settlement_named(span: Span, lex: Lexicon) -> str | None:
    """For "the town of <Name>", "the eastern Congolese village of <Name>": the ISO-3 code of the
    nationality before the noun, "" when there is none; None when the span is named otherwise."""
    root = span[-1]  # the name's last word heads it (span.root needs a whole parse tree)
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.lemma_.lower() not in SETTLEMENT_NOUNS:
        return None
    for modifier in root.head.head.children:
        nationality = lex.nationality(modifier.text) if modifier.dep_ in ("amod", "compound") else None
        if nationality is not None:
            return nationality.country
    return ""


def article_country(context: Counter) -> str | None:
    """The state an article is about, when its names point to one (at least two of them, and
    twice as many as to any other): where a town the gazetteer lacks most likely lies."""
    ranked = context.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def type_span(span: Span, gaz: Gazetteer, lex: Lexicon, person_words: set[str],
              context: Counter) -> Mention | None:
    """The mention a candidate span makes, or None when it names no actor."""
    name = clean_name(span.text)
    if not name or not any(c.isalpha() for c in name) or lex.non_actor(name) or is_no_actor(span, lex):
        return None

    def mention(label: str, kg_type: str, **extra) -> Mention:
        return Mention(span.text, label, kg_type, span.start, span.end, span.start_char, span.end_char,
                       sentence=span.sent.start, **extra)

    if span.label_ in ("ORG", ORGANISATION_BY_CONSTRUCTION):
        country, rest, descriptive = national_organisation(span, gaz, lex)
        if descriptive and country and lex.adjective(country):
            label = f"{lex.adjective(country)} {title_case(rest)}"
            return mention(label, "Organisation", country=country, kind="government")
        if descriptive and rest.islower():
            return None  # "the interior ministry": which one, the sentence alone does not say
    organisation = lex.organisation(name)
    if organisation:
        return mention(organisation.label, "Organisation", country=organisation.country,
                       kind=organisation.kind)
    if span.label_ == ORGANISATION_BY_CONSTRUCTION:
        return mention(name, "Organisation")
    if len(name.split()) > 1 and re.split(r"[\s-]", name.lower())[0] in organisation_name_words():
        return mention(name, "Organisation")  # "Jaish al-Adl", "Lashkar-e-Taiba": a movement's name
    nationality = lex.nationality(name)
    if nationality and _ethnic(span):
        return mention(f"ethnic {nationality.people}", "Group")  # "ethnic Albanians in Serbia": not Albania
    if nationality:
        state = gaz.country(nationality.country)
        if state is None:
            return mention(nationality.people, "Group", country=nationality.country)
        return mention(state.name, state.kind, country=state.country, place=state, kind="nationality",
                       sector=agent_sector(span, lex))
    bloc = lex.bloc(name)
    if bloc:
        return mention(bloc.label, "Group")
    settled = settlement_named(span, lex)
    if settled is not None:  # "the (eastern Congolese) town of <Name>": a town, whatever spaCy's label
        match = gaz.match(name, context)
        if match and match.place.kind == "City" and (not settled or match.place.country == settled):
            return mention(match.place.name, "City", country=match.place.country, place=match.place)
        return mention(name, "City", country=settled or article_country(context))
    if span.label_ == "PERSON" and _before_organisation_noun(span, lex) and not gaz.match(name):
        return mention(name, "Organisation")  # "the ruling <Name> party": the party's name, not a person's
    # a surname alone is a person when the article gives that person's full name (a name of
    # several words is no evidence for itself: "Wad Madani" tagged PERSON is a city)
    if follows_kin(span):
        return mention(strip_titles(name, lex), "Person")  # "whose nephew <Name>": a person, whatever place has the name
    if (len(name.split()) == 1 and name_key(name) in person_words) or follows_title(span, lex) or \
            (span.label_ == "ORG" and titled_in_apposition(span, lex)):
        # spaCy's PERSON or ORG for a person's name wins over a place of that name; its GPE
        # or LOC only when no place has the name
        if span.label_ in ("PERSON", "ORG") or not gaz.match(name):
            return mention(strip_titles(name, lex), "Person")
    if national_branch(span, name, gaz, lex):
        return mention(name, "Organisation")  # "<Firm> USA": a company's branch, not a place
    if titled_with_the(span, gaz):
        return mention(f"The {name}", "Organisation")  # "told The <Name>": a publication's or body's name
    if before_region_noun(span) and not gaz.country_named(name) and not lex.nationality(name):
        return mention(name, "Location")  # "<Name> province", "the <Name> district"
    if span.label_ == "PERSON" and len(name.split()) > 1 and located_in(span) and not follows_title(span, lex) \
            and not gaz.match(name):
        return mention(name, "City", country=article_country(context))  # "a base in <Name Name>": a town spaCy took for a person
    if span.label_ == "PERSON" and len(span) == 1 and lex.given_name(name) and not in_place_position(span, span.doc) \
            and not gaz.country_named(name):
        return mention(name, "Person")  # "Ali said": a given name in person position, not the town
    if name.lower() in CALENDAR_WORDS:
        return None
    if lex.agent_sector(name.lower()) in ("military", "police"):
        return None  # "the Navy", "Army", "Police": a force of some state the words leave to the context
    if (looks_like_personal_name(span, lex) or after_age(span)) and (span.label_ in ("PERSON", "ORG")
                                                                       or not gaz.match(name)):
        return mention(strip_titles(name, lex), "Person")
    match = gaz.match(name, context)
    if match and (match.primary or context.get(match.place.country)
                  or match.place.population >= MIN_POPULATION_FOR_ALTERNATE_NAME):
        place = match.place
        sector = agent_sector(span, lex) if place.kind == "State" else None
        return mention(place.name, place.kind, country=place.country or None, place=place, sector=sector)
    if span.label_ in ("GPE", "LOC") and agent_sector(span, lex) in ARMED_GROUP_SECTORS:
        return mention(name, "Organisation")  # "<Name> rebels" of no known place: an armed group's name
    if span.label_ == "NORP":
        return mention(name, "Group") if _looks_like_people(name) else None
    kind = SPACY_TO_KG.get(span.label_)
    if kind == "Person":
        name = strip_titles(name, lex)
    if kind == "City":  # a town the gazetteer lacks: in the state the article is about, if it is about one
        return mention(name, kind, country=article_country(context))
    return mention(name, kind) if kind else None


# prepositions after which a name is where something happens: "in <City>", "from <City>"
LOCATIVE_PREPOSITIONS = frozenset(
    "in at from to near into across outside inside toward towards through around via".split())


def in_place_position(mention, doc: Doc) -> bool:
    """"in <City>", "from the Crimea": the name stands where a place stands."""
    i = mention.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE_PREPOSITIONS


def _before_organisation_noun(span: Span, lex: Lexicon) -> bool:
    """"the ruling <Name> party", "the <Name> movement": a name on the organisation noun after it."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and span[-1].head.i == after.i and span[-1].dep_ == "compound" and \
        after.lower_ in lex.organisation_nouns


def one_type_per_name(found: list[Mention], doc: Doc, lex: Lexicon) -> list[Mention]:
    """A name an article gives a person is a person wherever it stands there.

    spaCy types the mentions of one name differently ("<Surname>" PERSON, then ORG), and a
    surname alone may be a town's name too ("Houston" after "<Given> Houston"). A mention whose
    name is that of a person of the article, or the end of one (a surname, "<Surname> <Surname>"),
    (or any word of it but the first: "Ortega" of "Luisa Ortega Vidal")
    becomes that person, unless it is a known organisation, a nationality or a state's name,
    or a place named in place position ("in Houston"). The other way round, a name the
    article shows to be a place ("<Name> province", "a base in <Name>") is that place
    wherever spaCy took it for a person.
    """
    places = {}  # names the article itself shows to be places: "<Name> province", "a base in <Name>"
    for mention in found:
        span = doc[mention.start:mention.end]
        if mention.type in ("Location", "City") and not mention.reference and (
                before_region_noun(span, labels=None) or located_in(span) or settlement_named(span, lex) is not None):
            places.setdefault(name_key(mention.text), mention)
    found = [replace(places[name_key(m.text)], text=m.text, start=m.start, end=m.end, start_char=m.start_char,
                     end_char=m.end_char, sentence=m.sentence)
             if m.type == "Person" and not m.reference and name_key(m.text) in places else m for m in found]
    # a name the article shows to be an armed group's ("<Name> rebels") is that group wherever
    # spaCy took it for a place no gazetteer knows
    groups = {name_key(m.text): m for m in found if m.type == "Organisation" and not m.reference
              and agent_sector(doc[m.start:m.end], lex) in ARMED_GROUP_SECTORS}
    found = [replace(groups[name_key(m.text)], text=m.text, start=m.start, end=m.end, start_char=m.start_char,
                     end_char=m.end_char, sentence=m.sentence, reference=m.reference)
             if m.type in ("Location", "City") and m.place is None and name_key(m.text) in groups else m
             for m in found]
    # a name the article shows to be a body's ("the ruling <Name> party") is that body wherever spaCy
    # took it for a person or a place no gazetteer knows
    bodies = {name_key(m.text): m for m in found if m.type == "Organisation" and not m.reference
              and _before_organisation_noun(doc[m.start:m.end], lex)}
    found = [replace(bodies[name_key(m.text)], text=m.text, start=m.start, end=m.end, start_char=m.start_char,
                     end_char=m.end_char, sentence=m.sentence, reference=m.reference)
             if (m.type == "Person" or m.type in ("Location", "City") and m.place is None) and not m.reference
             and name_key(m.text) in bodies else m for m in found]
    names, endings = set(), set()
    for mention in found:
        if mention.type == "Person" and not mention.reference:
            words = name_key(mention.label).split()
            names.add(" ".join(words))
            endings.update(" ".join(words[k:]) for k in range(1, len(words)))
            endings.update(words[1:])  # the first of two surnames: "Ortega" of "Luisa Ortega Vidal"
    found = MentionList(found)
    out = []
    for mention in found:
        key = name_key(mention.text)
        if (mention.type not in ("Person", "State") and mention.kind is None and not mention.reference
                and ((key in names or key in endings) or _listed_with_people(mention, found, doc, lex))
                and not (mention.place and in_place_position(mention, doc))):
            mention = replace(mention, label=strip_titles(clean_name(mention.text), lex), type="Person",
                              country=None, place=None, sector=None)
        out.append(mention)
    return out


def _conjuncts(mention: Mention, found: list[Mention], doc: Doc) -> list[Mention]:
    """The other mentions coordinated with this one: "<A>, <B> and <C>"."""
    root = doc[mention.start:mention.end].root
    tokens = {t.i for t in root.conjuncts}
    if isinstance(found, MentionList):  # the mentions at those tokens, in the list's order
        at = {n: m for i in tokens for n, m in found.covering(i)}
        return [at[n] for n in sorted(at) if at[n] is not mention and not at[n].reference]
    return [m for m in found if m is not mention and not m.reference
            and any(m.start <= i < m.end for i in tokens)]


def _listed_with_people(mention: Mention, found: list[Mention], doc: Doc, lex: Lexicon) -> bool:
    """An organisation spaCy saw in a list of people, itself of two or three capitalised
    words none of which describes a body: "<Person>, <Name Name> and <Person>"."""
    words = mention.text.split()
    if mention.type != "Organisation" or mention.place is not None or not 2 <= len(words) <= 3:
        return False
    if not all(w[:1].isupper() and w.lower() not in lex.descriptive_words for w in words):
        return False
    return any(m.type == "Person" for m in _conjuncts(mention, found, doc))


def _qualifier(words: str, gaz: Gazetteer, lex: Lexicon, memo: dict | None = None) -> bool:
    """A place or nationality word that qualifies a body's name: "<Region> Senate", "US Supreme Court"."""
    if memo is not None:
        key = (words,)  # one word-string: never a (short, long) pair of _short_form_of
        if key not in memo:
            memo[key] = _qualifier(words, gaz, lex)
        return memo[key]
    words = clean_name(words)
    match = gaz.match(words)
    return bool(lex.nationality(words) or (match and match.primary))


def _short_form_of(short: str, long: str, gaz: Gazetteer, lex: Lexicon, memo: dict | None = None) -> bool:
    """Whether an organisation named ``long`` goes by ``short`` once named: the name before
    its "of"/"for"/"on" phrase ("House" of "House of Representatives"), the name without the
    place or nationality before it ("Senate" of "<Region> Senate"), a body's noun alone
    ("Assembly" of "Legislative Assembly"), or the name without a place or company word
    after it ("<Firm>" of "<Firm> Holdings", "<Firm> USA").

    The words of ``short`` always stand together in ``long`` when it fits (see
    :class:`_Organisations`). ``memo`` keeps the answers of one article.
    """
    if memo is not None:
        key = (short, long)
        if key not in memo:
            memo[key] = _short_form_uncached(short, long, gaz, lex, memo)
        return memo[key]
    return _short_form_uncached(short, long, gaz, lex, None)


def _short_form_uncached(short: str, long: str, gaz: Gazetteer, lex: Lexicon, memo: dict | None) -> bool:
    s, l = short.split(), long.split()
    if len(l) <= len(s):
        return False
    for cut in range(1, len(l) - len(s)):  # "House" of "<State> House of Representatives"
        if _qualifier(" ".join(l[:cut]), gaz, lex, memo) and l[cut:cut + len(s)] == s and \
                _short_form_of(short, " ".join(l[cut:]), gaz, lex, memo):
            return True
    if l[:len(s)] == s:
        rest = l[len(s):]
        return rest[0].lower() in ("of", "for", "on") or (
            len(s) == 1 and (_qualifier(" ".join(rest), gaz, lex, memo)
                             or all(w.lower() in lex.organisation_nouns for w in rest)))
    if l[-len(s):] != s:
        return False
    # "<Region> Senate", "US Supreme Court"; or a body's noun alone: "the Assembly" of
    # "Legislative Assembly" (not "House" of "White House": a house is no body's noun)
    return _qualifier(" ".join(l[:-len(s)]), gaz, lex, memo) or (len(s) == 1 and s[0].lower() in lex.organisation_nouns)


class _Organisations:
    """An article's organisations by label, with the labels that hold each word.

    A short form fits a label only when its words stand together in it (as prefix, suffix or
    after a qualifier; see :func:`_short_form_of`), so only the labels that hold its first
    word are tried: the cost of a mention no longer grows with the organisations of the
    article. The answers are kept for the article (a long one names its bodies again and again).
    """

    def __init__(self, longer: dict[str, Mention], gaz: Gazetteer, lex: Lexicon):
        self.longer, self.gaz, self.lex = longer, gaz, lex
        self.with_word: dict[str, list[str]] = {}
        for label in longer:  # in the order of ``longer``, as the scan over all labels went
            for word in dict.fromkeys(label.split()):
                self.with_word.setdefault(word, []).append(label)
        self.memo: dict = {}
        self.fullest: dict[str, Mention | None] = {}

    def labels_for(self, short: str) -> list[str]:
        words = short.split()
        return self.with_word.get(words[0], []) if words else list(self.longer)

    def short_form_of(self, short: str, long: str) -> bool:
        return _short_form_of(short, long, self.gaz, self.lex, self.memo)


def _fullest(short: str, longer: dict[str, Mention] | _Organisations, gaz: Gazetteer, lex: Lexicon) -> Mention | None:
    """The one organisation of the article a short name fits, followed to its own fullest
    name ("Court" → "Supreme Court" → "Supreme Court of <Region>"); None when none or several fit."""
    organisations = longer if isinstance(longer, _Organisations) else _Organisations(longer, gaz, lex)
    if short in organisations.fullest:
        return organisations.fullest[short]
    start = short
    found, seen = None, {short}
    while True:
        fitting = [organisations.longer[label] for label in organisations.labels_for(short)
                   if label not in seen and organisations.short_form_of(short, label)]
        # "House" fits "House of Representatives" and "<State> House of Representatives": one chain
        fitting = [m for m in fitting if not any(o is not m and organisations.short_form_of(o.label, m.label)
                                                 for o in fitting)]
        if len(fitting) != 1:
            organisations.fullest[start] = found
            return found
        found = fitting[0]
        short = found.label
        seen.add(short)


def organisation_names(found: list[Mention], doc: Doc, gaz: Gazetteer, lex: Lexicon) -> list[Mention]:
    """The shorter names an article gives its organisations, made the full one.

    "<Name> (<ACRONYM>)" makes the acronym a name of that organisation wherever the article
    uses it; a short form (see :func:`_short_form_of`) is the one organisation of the
    article it fits, when only one fits. A short form spaCy took for a person or place is
    retyped, unless the article names a person that way or it is a linked place.
    """
    aliases: dict[str, Mention] = {}
    for mention in found:  # "the <Name>s" beside "<Name>": the organisation's members by its name
        if mention.type == "Organisation" and not mention.reference:
            aliases.setdefault(name_key(mention.label) + "s", mention)
    by_end = {m.end: m for m in found if not m.reference}
    for mention in found:
        before = by_end.get(mention.start - 1)
        if (before is not None and before.type == "Organisation" and before.end == mention.start - 1
                and doc[mention.start - 1].text == "(" and mention.text.isupper()):
            aliases[name_key(mention.text)] = before
    people = {name_key(w) for m in found if m.type == "Person" and len(m.label.split()) > 1
              for w in [m.label, *m.label.split()]}
    longer = _Organisations({m.label: m for m in found if m.type == "Organisation" and not m.reference}, gaz, lex)
    out = []
    for mention in found:
        key = name_key(mention.text)
        full = aliases.get(key) if mention.type != "State" and mention.kind is None or mention.text.isupper() else None
        if full is None and not mention.reference and mention.place is None and mention.kind is None \
                and mention.type != "State" and (mention.type == "Organisation" or key not in people):
            full = _fullest(clean_name(mention.text), longer, gaz, lex)
        if full is not None and full is not mention:
            mention = replace(mention, label=full.label, type=full.type, country=full.country, kind=full.kind)
        out.append(mention)
    return out


_ABBREVIATED_REGION = re.compile(r"^[A-Z][A-Za-z]{0,4}\.(?:[A-Z]\.)?$")


def city_with_abbreviated_region(found: list[Mention], doc: Doc) -> list[Mention]:
    """"<City>, D.C.", "<City>, Ga.": a city named with the abbreviation of its region, as
    news writes it, is one name of the city (the abbreviation is no entity of its own)."""
    out, skip = [], set()
    for mention in found:
        if mention.start in skip:
            continue
        end = mention.end
        if mention.type == "City" and not mention.reference and end + 1 < len(doc) and doc[end].text == "," \
                and _ABBREVIATED_REGION.match(doc[end + 1].text):
            skip.add(end + 1)  # the mention there, if any: only mentions' starts are looked up
            span = doc[mention.start:end + 2]
            mention = replace(mention, text=span.text, end=span.end, end_char=span.end_char)
        out.append(mention)
    return out


def regions_listed_with_regions(found: list[Mention], doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """A name that is a city and a region, listed with regions of the same state, is the
    region: "Idaho, Oregon, Washington and <Region>" (two regions of the list or more, no
    state in it; "<City>, <Region>" stays the city)."""
    found = MentionList(found)
    out = []
    for mention in found:
        if mention.type == "City" and mention.place is not None and not mention.reference:
            listed = _conjuncts(mention, found, doc)
            regions = [m for m in listed if m.type == "Location" and m.country == mention.country]
            after = found.starting_at(mention.end + 1)
            in_region = after is not None and doc[mention.end].text == "," and after.type == "Location"
            if len(regions) >= 2 and not any(m.type == "State" for m in listed) and not in_region:
                region = next((p for p in gaz.candidates(mention.label) if p.kind == "Location"
                               and p.country == mention.country), None)
                if region is not None:
                    mention = replace(mention, label=region.name, type="Location", place=region)
        out.append(mention)
    return out


def type_entities(doc: Doc, gaz: Gazetteer | None = None, lex: Lexicon | None = None,
                  matcher: PhraseMatcher | None = None) -> list[Mention]:
    """Typed mentions of a parsed Doc, in text order."""
    gaz = gaz or gazetteer()
    lex = lex or lexicon()
    spans = candidate_spans(doc, lex, gaz, matcher)
    person_words = person_name_tokens(spans, gaz)
    context = context_countries(spans, gaz, lex)
    typed = (type_span(span, gaz, lex, person_words, context) for span in spans)
    found = one_type_per_name([m for m in typed if m is not None], doc, lex)
    found = city_with_abbreviated_region(regions_listed_with_regions(found, doc, gaz), doc)
    found = names_used_again(acronyms_as_their_names(organisation_names(found, doc, gaz, lex), doc), doc)
    return people_of_the_group(found, lex)


def people_of_the_group(found: list[Mention], lex: Lexicon) -> list[Mention]:
    """"The Bosnian Serbs overran Srebrenica. … The Serbs threatened …": where an article names a
    people by where they live ("Bosnian Serbs"), its bare name ("the Serbs", "Serb forces") is that
    group, not the state of that nationality."""
    named: dict[tuple[str, str], dict[str, Mention]] = {}
    for m in found:
        words = m.label.split()
        nationality = lex.nationality(words[-1]) if m.type == "Group" and len(words) > 1 else None
        if nationality is not None and getattr(nationality, "form", None) == "plural":  # "Serbs", not "Latin American"
            named.setdefault((nationality.country, words[-1].lower()), {}).setdefault(m.label, m)
    # "Greek Cypriots" and "Turkish Cypriots" in one article: "Cypriots" alone is either
    groups = {key: next(iter(labels.values())) for key, labels in named.items() if len(labels) == 1}
    if not groups:
        return found

    def group_of(m: Mention) -> Mention | None:
        for (country, plural), group in groups.items():
            if m.country == country and m.text.lower() in (plural, plural[:-1] if plural.endswith("s") else plural):
                return group
        return None

    return [replace(m, label=group.label, type="Group", kind=None, country=None, place=None)
            if m.kind == "nationality" and (group := group_of(m)) is not None else m for m in found]


def _defined_acronym(doc: Doc, end: int) -> str | None:
    """The acronym in brackets right after a name ending at ``end``: "<Name> (ELN)"."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        word = doc[end + 1].text
        known = lexicon().organisation(word)
        if known is not None and known.kind == "media":
            return None  # "HARARE, Zimbabwe (AP) -": a news agency's credit, no name for the place
        if word.isupper() and word.isalpha() and 2 <= len(word) <= 8:
            return word
    return None


def acronym_spans(doc: Doc, spans: Iterable[Span]) -> list[Span]:
    """Every use of an acronym the article defines after a name ("the National Liberation Army
    (ELN) … accused the ELN"), with that name's label, where spaCy saw none."""
    defined = {}
    for span in spans:
        acronym = _defined_acronym(doc, span.end)
        if acronym is not None:
            defined.setdefault(acronym, span.label_)
    if not defined:
        return []
    return [Span(doc, t.i, t.i + 1, label=defined[t.text]) for t in doc if t.text in defined]


def acronyms_as_their_names(found: list[Mention], doc: Doc) -> list[Mention]:
    """Mentions of an acronym the article defines are the entity of the name it follows."""
    named = {}
    for mention in found:
        acronym = _defined_acronym(doc, mention.end)
        if acronym is not None and not mention.reference:
            named.setdefault(acronym, mention)
    return [replace(named[m.text], text=m.text, start=m.start, end=m.end, start_char=m.start_char,
                    end_char=m.end_char, sentence=m.sentence)
            if m.text in named and not m.reference and named[m.text] is not m else m for m in found]


def names_used_again(found: list[Mention], doc: Doc) -> list[Mention]:
    """An organisation's name ("M23", "Hamas", "Thames Valley Police") wherever else the article uses
    it, word for word and not as part of a longer name, where spaCy saw no name there: one name keeps
    one sense in one article."""
    taken = {i for m in found for i in range(m.start, m.end)}
    named: dict[tuple[str, ...], Mention] = {}
    for m in found:
        words = tuple(t.text for t in doc[m.start:m.end] if t.lower_ != "the" or t.i > m.start)
        if m.type == "Organisation" and not m.reference and all(_name_word(t) for t in doc[m.end - len(words):m.end]):
            named.setdefault(words, m)
    if not named:
        return found
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(named, key=len, reverse=True):  # the longest name first
        by_first.setdefault(words[0], []).append(words)
    extra = []
    for i in proper_nouns(doc):
        token = doc[i]
        if i in taken or token.text not in by_first or (i > 0 and _name_word(doc[i - 1])):
            continue
        for words in by_first[token.text]:
            end = i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[i:end]) == words and \
                    not taken.intersection(range(i, end)) and not (end < len(doc) and _name_word(doc[end])):
                span = doc[i:end]
                extra.append(replace(named[words], text=span.text, start=i, end=end, start_char=span.start_char,
                                     end_char=span.end_char, sentence=token.sent.start))
                taken.update(range(i, end))
                break
    return sorted(found + extra, key=lambda m: m.start) if extra else found


# --- the spaCy component ------------------------------------------------------------------

class EntityTyper:
    """spaCy component: replaces name entities by newsgraph-typed ones (see module doc)."""

    def __init__(self, nlp: Language, name: str, use_lexicon_matcher: bool = True):
        self.name = name
        self.gazetteer = gazetteer()
        self.lexicon = lexicon()
        self.matcher = lexicon_matcher(nlp, self.lexicon) if use_lexicon_matcher else None

    def __call__(self, doc: Doc) -> Doc:
        found = type_entities(doc, self.gazetteer, self.lexicon, self.matcher)
        typed = [Span(doc, m.start, m.end, label=m.type, kb_id=(m.place.iri or "") if m.place else "")
                 for m in found]
        taken = {i for span in typed for i in range(span.start, span.end)}
        others = [e for e in doc.ents if e.label_ not in NAME_LABELS
                  and not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted(typed + others, key=lambda s: s.start)
        doc._.kg_mentions = found
        return doc


@Language.factory("kg_entities", default_config={"use_lexicon_matcher": True})
def make_entity_typer(nlp: Language, name: str, use_lexicon_matcher: bool) -> EntityTyper:
    return EntityTyper(nlp, name, use_lexicon_matcher)


def mentions(doc: Doc) -> list[Mention]:
    """The typed mentions the ``kg_entities`` component found in a Doc."""
    if doc._.kg_mentions is None:
        raise ValueError("E201 the Doc was not processed by the kg_entities component")
    return list(doc._.kg_mentions)


def mentions_by_sentence(doc: Doc) -> Iterator[tuple[Span, list[Mention]]]:
    """Each sentence with the mentions inside it."""
    found = mentions(doc)
    sentences = list(doc.sents)
    starts = [sentence.start for sentence in sentences]
    inside: list[list[Mention]] = [[] for _ in sentences]
    for mention in found:  # each into its sentence, found by its start (not a scan of all per sentence)
        k = bisect_right(starts, mention.start) - 1
        if k >= 0 and mention.start < sentences[k].end:
            inside[k].append(mention)
    yield from zip(sentences, inside)
