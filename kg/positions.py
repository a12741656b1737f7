"""Positions: the titles people are given beside their names, and whose office it is.

Three constructions of news English, found on the dependency parse (titles come from
``ontology/titles.tsv``):

* a title before the name, qualified by a state, place, organisation or person:
  "<Nationality> President <Name>", "<City>'s Mayor <Name>", "<Organisation> spokesman
  <Name>", "<State>'s top security official <Name>", "<Person> adviser <Name>";
* a title in apposition after the name: "<Name>, the mayor of <City>,", "<Name>, the
  <Organisation> High Commissioner for Refugees,";
* a title in apposition before the name: "the head of the regional council, <Name>,".

The component ``kg_positions`` stores :class:`PositionMention` records in
``doc._.kg_positions``; :mod:`kg.resolve` turns them into positions of entities.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.entities import Mention, mentions
from kg.lexicon import Lexicon, lexicon

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


def _title_word(token: Token, lex: Lexicon) -> bool:
    return token.lower_.rstrip(".") in lex.person_titles or token.lemma_.lower() in lex.person_titles


def _mention_at(index: int, found: list[Mention]) -> Mention | None:
    for mention in found:
        if mention.start <= index < mention.end:
            return mention
    return None


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


def title_before(person: Mention, doc: Doc, found: list[Mention], lex: Lexicon) -> tuple[str, Mention | None] | None:
    """"<Qualifier>('s) <modifiers> <title> <Name>": the title and what it is of."""
    i = person.start - 1
    first = _title_start(i, doc, found, lex) if i >= 0 else None
    if first is None:
        return None
    while first - 1 >= 0 and not _mention_at(first - 1, found):
        token = doc[first - 1]
        if token.dep_ not in _MODIFIER_DEPS or token.pos_ not in ("ADJ", "NOUN", "PROPN") or token.is_punct:
            break
        first -= 1
    title = doc[first:i + 1].text
    j = first - 1
    if j >= 0 and doc[j].lower_ in ("'s", "’s"):
        j -= 1
    qualifier = _mention_at(j, found) if j >= 0 else None
    return title, qualifier


def _phrase(tokens: list[Token]) -> str:
    """Words of a title phrase without leading determiners and edge punctuation."""
    while tokens and (tokens[0].pos_ in ("DET", "PUNCT") or tokens[0].lower_ in ("'s", "’s")):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ == "PUNCT":
        tokens = tokens[:-1]
    return " ".join(t.text for t in tokens)


# the parts of a noun phrase that belong to a title: "the", "top", "regional", "of the council"
_TITLE_PARTS = ("det", "amod", "compound", "nmod", "prep", "pobj", "poss", "case", "nummod")


def _title_tokens(head: Token, exclude: set[int]) -> list[Token]:
    """The head and the modifiers of its phrase, without clauses, appositions or lists."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _TITLE_PARTS and child.i not in exclude:
            tokens.extend(_title_tokens(child, exclude))
    return sorted(tokens, key=lambda t: t.i)


def title_phrase(head: Token, found: list[Mention], exclude: set[int]) -> tuple[str, Mention | None]:
    """A title phrase headed by ``head``: "the mayor of <City>" → ("mayor", <City>).

    An entity inside the phrase is what the office is of: after "of" it ends the title
    ("mayor of <City>"); before the head it is left out of it ("the <Org> High Commissioner
    for Refugees" → "High Commissioner for Refugees").
    """
    tokens = _title_tokens(head, exclude)
    for token in tokens:
        if token.lower_ == "of" and token.head == head:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            owner = _mention_at(objects[0].i, found) if objects else None
            if owner is not None:
                return _phrase([t for t in tokens if t.i < token.i]), owner
    before = [t for t in tokens if t.i < head.i and _mention_at(t.i, found)]
    if before:
        owner = _mention_at(before[-1].i, found)
        return _phrase([t for t in tokens if t.i >= owner.end]), owner
    return _phrase(tokens), None


def titles_in_apposition(person: Mention, doc: Doc, found: list[Mention],
                         lex: Lexicon) -> list[tuple[str, Mention | None]]:
    """"<Name>, the <title> of X," and "the <title> of X, <Name>,"."""
    root = doc[person.start:person.end].root
    person_tokens = {t.i for t in root.subtree}
    results = []
    for child in root.children:
        if child.dep_ == "appos" and _title_word(child, lex) and not _mention_at(child.i, found):
            results.append(title_phrase(child, found, set()))
    if root.dep_ == "appos" and _title_word(root.head, lex) and not _mention_at(root.head.i, found):
        results.append(title_phrase(root.head, found, person_tokens))
    return [(title, owner) for title, owner in results if title]


def find_positions(doc: Doc, lex: Lexicon | None = None) -> list[PositionMention]:
    """Every title given to a person mention of the Doc (after ``kg_entities``)."""
    lex = lex or lexicon()
    found = [m for m in mentions(doc) if not m.reference]
    positions = []
    for person in (m for m in found if m.type == "Person"):
        sentence = doc[person.start].sent.text
        before = title_before(person, doc, found, lex)
        for title, owner in ([before] if before else []) + titles_in_apposition(person, doc, found, lex):
            if owner is person:
                owner = None
            positions.append(PositionMention(person, title, owner, sentence))
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
