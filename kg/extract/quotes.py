"""Quoted speech and who says it: the speaker a quotation is attributed to.

News puts a speaker's words in quotation marks and says who spoke before or after them, in the
same sentence or after the last sentence of a longer quotation: ``"We demand that the ELN
stop kidnapping. …," he said``, ``X told reporters: "We will …"``. Within the marks "I", "we",
"my", "our" are that speaker. A quotation closes within its paragraph (an unclosed mark is
dropped at the paragraph's end, as news reopens quotations paragraph by paragraph).

Examples
--------
>>> import spacy
>>> doc = spacy.blank("en")('"We will act." The minister said it.')
>>> [(doc[start].text, doc[end].text) for start, end in quotations(doc)]
[('"', '"')]
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from kg.extract.modality import modality_words

__all__ = ["quotations", "speaker_of_quotation"]

_OPENING = {"“", "«"}
_CLOSING = {"”", "»"}
_STRAIGHT = {'"', "''", "``"}
# how many tokens after a quotation, or before it, the words that attribute it may be
_ATTRIBUTION_REACH = 8


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """(index of the opening mark, index of the closing mark) of each quotation, in order (found once a Doc)."""
    found = doc.user_data.get(_CACHE_KEY)
    if found is None:
        found = doc.user_data[_CACHE_KEY] = _find_quotations(doc)
    return found


_CACHE_KEY = "kg_quotations"
# what may be a quotation mark or end a paragraph: the only tokens the scan needs to look at
_MARKS = re.compile("[\n\"“”«»'`]")


def _find_quotations(doc: Doc) -> list[tuple[int, int]]:
    found, opened = [], None
    starts = [t.idx for t in doc] if len(doc) < 64 else doc.to_array([IDX]).tolist()
    wanted = sorted({max(bisect_right(starts, m.start()) - 1, 0) for m in _MARKS.finditer(doc.text)})
    for i in wanted:
        token = doc[i]
        text = token.text
        if "\n" in token.text_with_ws and opened is not None and text not in _CLOSING | _STRAIGHT:
            opened = None  # a paragraph ends inside the quotation: its words are not closed here
        if text in _OPENING or (text in _STRAIGHT and opened is None):
            opened = token.i
        elif (text in _CLOSING or text in _STRAIGHT) and opened is not None:
            found.append((opened, token.i))
            opened = None
    return found


def _reporting(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and modality_words().get(token.lemma_.lower()) == "reporting"


def _subject_outside(verb: Token, start: int, end: int) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not start <= c.i <= end), None)


def speaker_of_quotation(doc: Doc, start: int, end: int) -> Token | None:
    """The subject of the verb of speech that attributes the quotation from ``start`` to ``end``
    (its marks): after it ('…," he said', '…," said X'), else before it ('X said: "…'), within
    a few words; None when no such verb is there."""
    for verb in doc[end + 1:min(len(doc), end + 1 + _ATTRIBUTION_REACH)]:
        if verb.is_quote or verb.text in (".", "?", "!") and verb.i > end + 1:
            break
        if _reporting(verb):
            return _subject_outside(verb, start, end)
    for verb in reversed(doc[max(0, start - _ATTRIBUTION_REACH):start]):
        if verb.is_quote or verb.text in (".", "?", "!"):
            break
        if _reporting(verb):
            return _subject_outside(verb, start, end)
    return None
