"""Sentence boundaries at line breaks: news text puts headings, datelines and paragraphs on
lines of their own ("CNN reports:" above a quotation), and a sentence never runs across them.

The component ``kg_line_breaks`` marks the first token after a line break as a sentence start
before the parser runs; the parser keeps the boundaries it is given.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = mark_line_breaks(nlp("CNN reports:\\n\\nTroops entered the city"))
>>> [t.text for t in doc if t.is_sent_start]
['CNN', 'Troops']
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_line_breaks"]


def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after every line break."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    if len(doc):
        doc[0].is_sent_start = True
    return doc


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)
