"""Articles longer than spaCy's ``max_length``: analysed in pieces cut at paragraph boundaries.

spaCy refuses a text longer than ``nlp.max_length`` (1,000,000 characters by default), a
guard against the memory its parser and recogniser take. Rather than drop such an article,
:func:`analyse_text` cuts it into pieces of at most that length (and of at most
:data:`PIECE_LENGTH`, 100,000 characters) — at a blank line where
there is one, else at a line break, a sentence end or a space — runs the pipeline on each
piece, and shifts what each piece yields (token and character offsets of mentions, the
offsets of relation sentences) by where the piece starts, so the article is analysed whole:
its mentions, positions and relations are those of one Doc, with offsets into the whole
text. What is lost at a cut is only what would cross it (a pronoun whose antecedent lies in
the piece before); the cross-article resolution still sees every mention of the article.

Examples
--------
>>> [(start, piece) for start, piece in text_pieces("One.\\n\\nTwo two.\\n\\nThree.", 12)]
[(0, 'One.\\n\\n'), (6, 'Two two.\\n\\n'), (16, 'Three.')]
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from spacy.language import Language

from kg.extract.entities import Mention, mentions
from kg.extract.positions import PositionMention
from kg.extract.relations import RelationMention

__all__ = ["PIECE_LENGTH", "text_pieces", "analyse_text"]

# the longest piece of an article over max_length: pieces of this size keep the cost of the
# stages that grow faster than the text (coreference looks back over a Doc's mentions) bounded
PIECE_LENGTH = 100_000

# where a piece may end, best first: after a blank line, a line break, a sentence, a space
_BOUNDARIES = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'’”)\]]*\s+"),
               re.compile(r"\s+"))


def _cut(text: str, start: int, end: int) -> int:
    """Where a piece starting at ``start`` ends, at most at ``end``: after the last boundary of
    the best kind in the window, or at ``end`` when there is none."""
    for boundary in _BOUNDARIES:
        last = None
        for last in boundary.finditer(text, start, end):
            pass
        if last is not None and start < last.end() <= end:
            return last.end()
    return end


def text_pieces(text: str, max_length: int) -> Iterator[tuple[int, str]]:
    """``text`` as pieces of at most ``max_length`` characters, each with its offset; the
    pieces joined are the text."""
    if max_length < 1:
        raise ValueError("max_length must be positive")
    start = 0
    while len(text) - start > max_length:
        end = _cut(text, start, start + max_length)
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _shifted(mention: Mention | None, tokens: int, chars: int) -> Mention | None:
    if mention is None or (tokens == 0 and chars == 0):
        return mention
    return replace(mention, start=mention.start + tokens, end=mention.end + tokens,
                   start_char=mention.start_char + chars, end_char=mention.end_char + chars,
                   sentence=mention.sentence + tokens)


def _shifted_actor(actor, tokens: int, chars: int):
    if actor is None or actor.mention is None:
        return actor
    return replace(actor, mention=_shifted(actor.mention, tokens, chars))


def _analyse_doc(nlp: Language, text: str, date: str | None):
    doc = nlp.make_doc(text)
    doc._.kg_date = date  # relative dates in the text count from it
    doc = nlp(doc)
    return doc, mentions(doc), list(doc._.kg_positions or ()), list(doc._.kg_relations or ())


def analyse_text(nlp: Language, text: str, date: str | None = None
                 ) -> tuple[list[Mention], list[PositionMention], list[RelationMention]]:
    """The mentions, positions and relation mentions the pipeline finds in ``text`` (an
    article dated ``date``); a text longer than ``nlp.max_length`` in pieces of at most that
    length and :data:`PIECE_LENGTH`."""
    if len(text) <= nlp.max_length:
        return _analyse_doc(nlp, text, date)[1:]
    limit = min(nlp.max_length, PIECE_LENGTH)
    found: list[Mention] = []
    positions: list[PositionMention] = []
    relations: list[RelationMention] = []
    tokens = 0
    for chars, piece in text_pieces(text, limit):
        doc, piece_mentions, piece_positions, piece_relations = _analyse_doc(nlp, piece, date)
        found.extend(_shifted(m, tokens, chars) for m in piece_mentions)
        positions.extend(replace(p, person=_shifted(p.person, tokens, chars), of=_shifted(p.of, tokens, chars))
                         for p in piece_positions)
        relations.extend(replace(r, subject=_shifted_actor(r.subject, tokens, chars),
                                 object=_shifted_actor(r.object, tokens, chars),
                                 reporter=_shifted_actor(r.reporter, tokens, chars),
                                 sentence_start=r.sentence_start + chars) for r in piece_relations)
        tokens += len(doc)
    return found, positions, relations
