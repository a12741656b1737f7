"""Positions: the titles people are given beside their names, and whose office it is.

The constructions of news English, found on the dependency parse (titles and occupations
come from ``ontology/titles.tsv``):

* a title before the name, qualified by a state, place, organisation or person (a pronoun
  too, once resolved): "<Nationality> President <Name>", "<City>'s Mayor <Name>",
  "<Organisation> spokesman <Name>", "his lawyer <Name>", "Minister of Information <Name>",
  "First Minister of <Region> <Name>";
* a title in apposition after the name: "<Name>, the mayor of <City>,", "<Name>, the
  <Organisation> High Commissioner for Refugees,", "<Name>, the Secretary of Justice for
  <Region>,";
* a title in apposition before the name: "the head of the regional council, <Name>,";
* a predicative title: "<Name> serves as <title>", "<Name> was sworn in as <Owner>'s
  <title>", "appointed <Name> as <title>", "<Name> is the <title> of <Owner>", "<Name>,
  who serve as chairmen of <Owner>'s committees";
* a title given to the first of coordinated names is each one's, in the singular:
  "Representatives <Name>, <Name> and <Name>".

It runs after :mod:`kg.extract.coref`, so that a possessive pronoun can name the owner.

The component ``kg_positions`` stores :class:`PositionMention` records in
``doc._.kg_positions``; :mod:`kg.resolve` turns them into positions of entities.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.data import word_class
from kg.extract.entities import Mention, MentionList, mention_at, mentions
from kg.extract.lexicon import Lexicon, lexicon
from kg.names import clean_name

__all__ = ["PositionMention", "find_positions", "PositionFinder"]

if not Doc.has_extension("kg_positions"):
    Doc.set_extension("kg_positions", default=None)

# words that may stand between a qualifier and the title itself: "top security official",
# "foreign minister", "presidential adviser", "deputy prime minister"
_MODIFIER_DEPS = ("amod", "compound", "nmod")


@dataclass(frozen=True)
class PositionMention:
    """A person given a title in one sentence."""

    person: Mention
    title: str  # as written, without determiners: "President", "top security official"
    of: Mention | None  # the state, place, organisation or person whose office it is
    sentence: str  # the words of the sentence, for evidence
    # whose office it is was inferred from the places the story names, not said ("President <Name>"):
    # good enough for the graph's positions, not for telling who acts for whom
    inferred: bool = False


def _singular(word: str) -> str:
    """"representatives" → "representative", "secretaries" → "secretary" (for title words)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _title_word(token: Token, lex: Lexicon) -> bool:
    return _is_title_word(token.lower_, token.lemma_, lex)


def _is_title_word(lower: str, lemma: str, lex: Lexicon) -> bool:
    """:func:`_title_word` of a token with these lower-case form and lemma."""
    word = lower.rstrip(".")
    return word in lex.person_titles or lemma.lower() in lex.person_titles or _plural_title_word(lower, lex)


def _title_words_of(doc: Doc, lex: Lexicon) -> list[int]:
    """The tokens of a Doc that are title words, in order: each distinct pair of lower-case form
    and lemma is looked up once (read from one array, not token by token)."""
    strings = doc.vocab.strings
    known: dict[tuple[int, int], bool] = {}
    found = []
    for i, pair in enumerate(map(tuple, doc.to_array([LOWER, LEMMA]).tolist())):
        is_title = known.get(pair)
        if is_title is None:
            is_title = known[pair] = _is_title_word(strings[pair[0]], strings[pair[1]], lex)
        if is_title:
            found.append(i)
    return found


def _plural_title(token: Token, lex: Lexicon) -> bool:
    """"Representatives", "officers", "chairmen": a title in the plural."""
    return _plural_title_word(token.lower_, lex)


def _plural_title_word(word: str, lex: Lexicon) -> bool:
    return word not in lex.person_titles and (
        _singular(word) in lex.person_titles or word.replace("men", "man") in lex.person_titles)


def _as_singular(title: str, lex: Lexicon) -> str:
    """A title given to several people, as each one holds it: "Democratic Representatives"
    → "Democratic Representative"."""
    words = title.split()
    if not words:
        return title
    last = words[-1]
    for form in (_singular(last.lower()), last.lower().replace("men", "man")):
        if form != last.lower() and form in lex.person_titles:
            words[-1] = last[:1] + form[1:] if last[:1].isupper() else form
            return " ".join(words)
    return title


def _mention_at(index: int, found: list[Mention]) -> Mention | None:
    return mention_at(index, found)


def _organisation_named(word: str, found: list[Mention]) -> Mention | None:
    """The first organisation of ``found`` whose name, cleaned, is ``word``."""
    if not isinstance(found, MentionList):
        return next((m for m in found if m.type == "Organisation" and clean_name(m.text) == word), None)
    named = getattr(found, "organisations_by_name", None)
    if named is None:
        named = {}
        for m in found:
            if m.type == "Organisation":
                named.setdefault(clean_name(m.text), m)
        found.organisations_by_name = named
    return named.get(word)


def _title_start(end: int, doc: Doc, found: list[Mention], lex: Lexicon) -> int | None:
    """Where a title ending at token ``end`` starts: "Secretary of State", "Secretary-General"
    and "President" are titles of one or more words."""
    for width in range(5, 0, -1):
        start = end - width + 1
        # a one-word title is no name; in a longer one the tagger may take a word for a name
        # ("Secretary of State")
        if start < 0 or (width == 1 and _mention_at(end, found)):
            continue
        words = doc[start:end + 1].text.lower()
        if words in lex.person_titles or words.replace(" - ", "-") in lex.person_titles or (
                width == 1 and _title_word(doc[end], lex)):
            return start
    return None


def _title_of_before(person: Mention, doc: Doc, found: list[Mention],
                     lex: Lexicon) -> tuple[str, Mention | None] | None:
    """"Minister of Information <Name>", "First Minister of <Region> <Name>": a title with its
    "of" phrase before the name. A name in the phrase is whose office it is; capitalised
    words that name nothing are part of the title."""
    i = person.start - 1
    owner = _mention_at(i, found)
    j = owner.start - 1 if owner is not None else i
    while owner is None and j >= 0 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
            and not _mention_at(j, found):
        j -= 1
    if j < 1 or j == i or doc[j].lower_ != "of":
        return None
    first = _title_start(j - 1, doc, found, lex)
    if first is None:
        return None
    if owner is not None:
        return _phrase(list(doc[first:j])), owner
    return _phrase(list(doc[first:i + 1])), None


def title_before(person: Mention, doc: Doc, found: list[Mention], lex: Lexicon,
                 owners: list[Mention] | None = None) -> tuple[str, Mention | None] | None:
    """"<Qualifier>('s) <modifiers> <title> <Name>": the title and what it is of. The
    qualifier may be a pronoun that stands for a named actor ("his lawyer <Name>")."""
    owners = owners if owners is not None else found
    i = person.start - 1
    first = _title_start(i, doc, found, lex) if i >= 0 else None
    if first is None:
        return _title_of_before(person, doc, found, lex)
    if first >= 2 and doc[first - 1].lower_ == "of":  # "Secretary of Justice <Name>"
        outer = _title_start(first - 2, doc, found, lex)
        if outer is not None:
            return _phrase(list(doc[outer:i + 1])), None
    while first - 1 >= 0 and not _mention_at(first - 1, found):
        token = doc[first - 1]
        if token.dep_ not in _MODIFIER_DEPS or token.pos_ not in ("ADJ", "NOUN", "PROPN") or token.is_punct:
            break
        first -= 1
    title = doc[first:i + 1].text
    j = first - 1
    if j >= 0 and doc[j].lower_ in ("'s", "’s"):
        j -= 1
    qualifier = _mention_at(j, owners) if j >= 0 else None
    if qualifier is None and first < i and doc[first].text[:1].isupper():
        # "Senate Minority Whip <Name>": the first word names a body the article names elsewhere
        body = _organisation_named(doc[first].text, found)
        if body is not None:
            return doc[first + 1:i + 1].text, body
    return title, qualifier


def _title_inside(person: Mention, lex: Lexicon) -> tuple[str, None] | None:
    """A title spaCy took into the person's name: "[Crown Prince <Name>]"."""
    text = " ".join(person.text.split())
    if text != person.label and text.endswith(person.label):
        title = text[:-len(person.label)].strip()
        if title.lower().rstrip(".") in lex.person_titles:
            return title, None
    return None


def _phrase(tokens: list[Token]) -> str:
    """Words of a title phrase without leading determiners, a possessor ("the government's")
    and edge punctuation."""
    possessive = [k for k, t in enumerate(tokens) if t.lower_ in ("'s", "’s")]
    if possessive and possessive[-1] < len(tokens) - 1:
        tokens = tokens[possessive[-1] + 1:]
    while tokens and (tokens[0].pos_ in ("DET", "PUNCT", "NUM") or tokens[0].lower_ in ("'s", "’s")):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ == "PUNCT":
        tokens = tokens[:-1]
    return " ".join(t.text for t in tokens)


# the parts of a noun phrase that belong to a title: "the", "top", "regional", "of the council"
_TITLE_PARTS = ("det", "amod", "compound", "nmod", "prep", "pobj", "poss", "case", "nummod")
# the prepositions of an office's phrase: "minister of", "envoy for", "ambassador to", "professor at"
_TITLE_PREPOSITIONS = ("of", "for", "to", "at", "on", "in")


def _title_tokens(head: Token, exclude: set[int]) -> list[Token]:
    """The head and the modifiers of its phrase, without clauses, appositions or lists."""
    tokens = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ not in _TITLE_PREPOSITIONS:
            continue  # "ambassador to the UN [under <President>]": a time, not the office
        if child.dep_ in _TITLE_PARTS and child.i not in exclude:
            tokens.extend(_title_tokens(child, exclude))
    return sorted(tokens, key=lambda t: t.i)


def title_phrase(head: Token, found: list[Mention], exclude: set[int],
                 owners: list[Mention] | None = None) -> tuple[str, Mention | None]:
    """A title phrase headed by ``head``: "the mayor of <City>" → ("mayor", <City>).

    An entity inside the phrase is what the office is of: after "of" or "for" it ends the
    title ("mayor of <City>", "Secretary of Justice for <Region>": the last such phrase
    that names one), also as the possessor there ("chairmen of <Body>'s committees");
    before the head it is left out of it ("the <Org> High Commissioner for Refugees" →
    "High Commissioner for Refugees"; "his lawyer", when "his" stands for a named actor).
    """
    owners = owners if owners is not None else found
    tokens = _title_tokens(head, exclude)
    for token in reversed(tokens):
        if token.lower_ in ("of", "for") and token.i > head.i:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            owner = _mention_at(objects[0].i, found) if objects else None
            if owner is None and objects:
                possessors = [c for c in objects[0].children if c.dep_ == "poss"]
                owner = _mention_at(possessors[0].i, found) if possessors else None
            if owner is not None:
                return _phrase([t for t in tokens if t.i < token.i]), owner
    before = [t for t in tokens if t.i < head.i and _mention_at(t.i, owners)]
    if before:
        owner = _mention_at(before[-1].i, owners)
        return _phrase([t for t in tokens if t.i >= owner.end]), owner
    return _phrase(tokens), None


def titles_in_apposition(person: Mention, doc: Doc, found: list[Mention], lex: Lexicon,
                         owners: list[Mention] | None = None) -> list[tuple[str, Mention | None]]:
    """"<Name>, the <title> of X," and "the <title> of X, <Name>," (also where the parser
    took the names after the comma for conjuncts of the title: "two Representatives,
    <Name> and <Name>")."""
    root = doc[person.start:person.end].root
    person_tokens = {t.i for t in root.subtree}
    results = []
    for child in root.children:
        if child.dep_ == "appos" and _title_word(child, lex) and not _mention_at(child.i, found):
            results.append(title_phrase(child, found, set(), owners))
    after_comma = person.start > 0 and doc[person.start - 1].text == ","
    if (root.dep_ == "appos" or (root.dep_ == "conj" and after_comma)) and _title_word(root.head, lex) \
            and not _mention_at(root.head.i, found):
        results.append(title_phrase(root.head, found, person_tokens, owners))
    elif root.dep_ == "appos" and _mention_at(root.head.i, found) is not None:
        # "the <title> of <Org>, <Name>": the parser hung the name on the owner
        owner_root = doc[_mention_at(root.head.i, found).start:_mention_at(root.head.i, found).end].root
        preposition = owner_root.head
        if owner_root.dep_ == "pobj" and preposition.lower_ in ("of", "for") and _title_word(preposition.head, lex) \
                and not _mention_at(preposition.head.i, found):
            results.append(title_phrase(preposition.head, found, person_tokens, owners))
    return [(title, owner) for title, owner in results if title]


def title_one_of(person: Mention, doc: Doc, found: list[Mention], lex: Lexicon,
                 owners: list[Mention] | None = None) -> list[tuple[str, Mention | None]]:
    """"<Name>, one of <Owner>'s aides": the parser seldom hangs "one" on the name. The
    title is this person's alone, not the people coordinated with it."""
    end = person.end
    if end + 3 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "one" and doc[end + 2].lower_ == "of":
        heads = [c for c in doc[end + 2].children if c.dep_ == "pobj" and _title_word(c, lex)]
        if heads and not _mention_at(heads[0].i, found):
            person_tokens = {t.i for t in doc[person.start:person.end]}
            title, owner = title_phrase(heads[0], found, person_tokens, owners)
            return [(title, owner)] if title else []
    return []


# verbs whose subject (or object) takes the title after "as": "serves as", "was sworn in as",
# "appointed <Name> as"; and the copula: "<Name> is the mayor of <City>"
_RELATIVE_PRONOUNS = ("who", "that")


def _person_of(token: Token, people: list[Mention]) -> Mention | None:
    return mention_at(token.i, people)


def _conjuncts(mention: Mention, doc: Doc, people: list[Mention]) -> list[Mention]:
    """The person and the people coordinated with it: "<Name>, <Name> and <Name>"."""
    root = doc[mention.start:mention.end].root
    found = [mention]
    for token in root.conjuncts:
        other = _person_of(token, people)
        if other is not None and other not in found:
            found.append(other)
    return found


def predicative_titles(doc: Doc, people: list[Mention], found: list[Mention], lex: Lexicon,
                       owners: list[Mention] | None = None) -> list[tuple[Mention, str, Mention | None]]:
    """"<Name> serves as <title>", "<Name> was sworn in as <Owner>'s <title>", "… appointed
    <Name> as <title>", "<Name>, who serve as <title>s of <Owner>", "<Name> is the <title> of
    <Owner>". Not under a negation."""
    results = []
    for i in _title_words_of(doc, lex):
        token = doc[i]
        if _mention_at(token.i, found):
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            verb = token.head.head
            while verb.dep_ in ("prt", "prep") and verb.head.i != verb.i:  # "sworn in as"
                verb = verb.head
            roles = ("dobj", "oprd", "nsubjpass", "nsubj")
        elif token.dep_ == "attr" and (token.head.lemma_ == "be" or token.head.pos_ == "AUX"):
            verb, roles = token.head, ("nsubj",)
        else:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        holder = next((c for role in roles for c in verb.children if c.dep_ == role), None)
        if holder is not None and holder.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            holder = verb.head
        person = _person_of(holder, people) if holder is not None else None
        if person is None:
            continue
        title, owner = title_phrase(token, found, set(), owners)
        if title:
            results.extend((p, title, owner) for p in _conjuncts(person, doc, people))
    return results


def _home_state(found: Iterable[Mention]) -> Mention | None:
    """The state a story is about, when the places it names lie in one state far more than in any
    other (two in three of them, twice at least): whose a bare "President <Name>" is."""
    places = [m for m in found if m.country and m.type in ("State", "City", "Location")]
    counts = Counter(m.country for m in places)
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    if count < 2 or 3 * count < 2 * sum(counts.values()):
        return None
    return next((m for m in places if m.type == "State" and m.country == country), None)


def _state_named_before(person: Mention, sentence: Span, found: Iterable[Mention]) -> Mention | None:
    """The state whose places the sentence is set in before it names the person ("In neighbouring El
    Salvador, President <Name> …"), if they all lie in one state that the article names."""
    found = list(found)
    doc = sentence.doc
    # only where the sentence is set ("in <place>"), not a state that acts or owns ("German President …")
    here = {m.country for m in found if m.country and m.type in ("State", "City", "Location")
            and sentence.start <= m.start < person.start and doc[m.end - 1].dep_ == "pobj"
            and doc[m.end - 1].head.lower_ == "in"}
    if len(here) != 1:
        return None
    country = here.pop()
    return next((m for m in found if m.type == "State" and m.country == country), None)


def find_positions(doc: Doc, lex: Lexicon | None = None) -> list[PositionMention]:
    """Every title given to a person mention of the Doc (after ``kg_entities``).

    A title in the plural given to the first of coordinated names is given to each of them:
    "Representatives <Name>, <Name> and <Name>", "two officers, <Name> and <Name>" (not
    "drummer <Name> and <Name>").
    """
    lex = lex or lexicon()
    everything = MentionList(mentions(doc))
    found = MentionList(m for m in everything if not m.reference)
    people = MentionList(m for m in found if m.type == "Person")
    given: dict[Mention, list[tuple[str, Mention | None]]] = {}
    for person in people:
        before = title_before(person, doc, found, lex, everything) or _title_inside(person, lex)
        given[person] = ([before] if before else []) + titles_in_apposition(person, doc, found, lex, everything)
    for person in people:
        plural = [(title, owner) for title, owner in given[person] if _as_singular(title, lex) != title]
        for other in _conjuncts(person, doc, people)[1:]:
            if not given[other]:
                given[other] = list(plural)
    for person in people:
        given[person].extend(title_one_of(person, doc, found, lex, everything))
    for person, title, owner in predicative_titles(doc, people, found, lex, everything):
        given[person].append((title, owner))
    home = _home_state(found)
    owned = {person.label for person in people if any(owner is not None for _, owner in given[person])}
    positions = []
    sentence_texts: dict[int, str] = {}  # by the sentence's first token: a sentence's text is made once
    for person in people:
        sentence_span = doc[person.start].sent
        sentence = sentence_texts.get(sentence_span.start)
        if sentence is None:
            sentence = sentence_texts[sentence_span.start] = sentence_span.text
        seen = set()
        for title, owner in given[person]:
            if owner is person or (owner is not None and owner.reference and owner.label == person.label):
                owner = None
            title = _as_singular(title, lex)  # a title given to several is each one's
            inferred = owner is None and title.lower() in word_class("state office") and person.label not in owned
            if inferred:
                # "President <Name>", said nowhere else whose: of the one state its sentence names
                # ("In neighbouring El Salvador, President <Name> …"), else of the story's one state
                owner = _state_named_before(person, sentence_span, found) or home
            if title and (title.lower(), owner) not in seen:
                seen.add((title.lower(), owner))
                positions.append(PositionMention(person, title, owner, sentence, inferred and owner is not None))
    return positions


class PositionFinder:
    """spaCy component: ``doc._.kg_positions`` = :func:`find_positions` of the Doc."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.lexicon = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_positions = find_positions(doc, self.lexicon)
        return doc


@Language.factory("kg_positions")
def make_position_finder(nlp: Language, name: str) -> PositionFinder:
    return PositionFinder(nlp, name)
