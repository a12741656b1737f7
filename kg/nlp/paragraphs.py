"""Sentence boundaries at line breaks and after datelines: news text puts headings, datelines
and paragraphs on lines of their own ("CNN reports:" above a quotation), and a sentence never
runs across them. A wire dateline ("ABUJA, March 14 (Reuters) - ", "PRISTINA, Kosovo (AP) — ")
is no part of the sentence after it: its city and agency are neither actor nor target.

The component ``kg_line_breaks`` marks the first token after a line break or a dateline as a
sentence start before the parser runs; the parser keeps the boundaries it is given.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = mark_line_breaks(nlp("CNN reports:\\n\\nTroops entered the city"))
>>> [t.text for t in doc if t.is_sent_start]
['CNN', 'Troops']
>>> doc = mark_line_breaks(nlp("ABUJA, March 14 (Reuters) - The bloc imposed sanctions."))
>>> [t.text for t in doc if t.is_sent_start]
['ABUJA', 'The']
>>> [t.text for t in mark_line_breaks(nlp("OTTAWA - Canada expelled six diplomats.")) if t.is_sent_start]
['OTTAWA', 'Canada']
>>> [t.text for t in mark_line_breaks(nlp("NATO - Russia talks resume")) if t.is_sent_start]
['NATO']
"""
from __future__ import annotations

import re

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.gazetteer import gazetteer
from kg.names import title_case

__all__ = ["mark_line_breaks"]


# "CITY[, Region][, Month Day] [(Agency)] - " at the start of a paragraph: a city in capitals
# ("ISLAMABAD/KABUL (Reuters) - ": two cities)
_REGION = r"(?:, [A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*)?"  # ", Kosovo"
_DAY = r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"  # ", March 14"
_DASH = r" ?[-\u2013\u2014]{1,2} "
DATELINE = re.compile(r"[A-Z][A-Z'.\-]{2,}(?:[ /][A-Z][A-Z'.\-]+)*" + _REGION + _DAY +
                      r"(?: \([A-Za-z.&' \-]+\))?" + _DASH)

# "Barcelona (AFP) - ", "Kyiv, March 3 (AFP) — ": a city in title case needs the agency after it
TITLE_CASE_DATELINE = re.compile(r"[A-Z][a-z'.\-]+(?: [A-Z][a-z'.\-]+)*" + _REGION + _DAY +
                                 r" \((?:AFP|AP|Reuters|dpa|DPA|Xinhua|TASS|UPI|ANSA|EFE|Kyodo|IANS|PTI)\)" + _DASH)


def _city_named(dateline: str) -> bool:
    """Whether the capitals before a dateline's dash name a city of the gazetteer ("QUITO — ")."""
    name = re.split(r" ?[-\u2013\u2014]", dateline, maxsplit=1)[0].strip()
    match = gazetteer().match(title_case(name)) if name else None
    return match is not None and match.place.kind == "City"


def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after every line break and after a dateline."""
    spaces = numpy.flatnonzero(doc.to_array("IS_SPACE")[:-1]).tolist()  # (read as one array, not token by token)
    starts = [0] + [i + 1 for i in spaces if "\n" in doc[i].text]
    text = doc.text  # made once: building it for each line would cost the whole text each time
    marks = []
    for start in starts:
        if start >= len(doc):
            continue
        marks.append(start)
        dateline = DATELINE.match(text, doc[start].idx) or TITLE_CASE_DATELINE.match(text, doc[start].idx)
        if dateline and not any(mark in dateline.group() for mark in ",(") and not _city_named(dateline.group()):
            dateline = None  # "NATO - Russia talks": a heading's dash, no dateline ("QUITO — " is one)
        after = doc.char_span(dateline.end(), dateline.end(), alignment_mode="expand") if dateline else None
        if after is not None and after.start < len(doc) and after.start > start:
            marks.append(after.start)
    if marks:
        # all at once: Token.is_sent_start = True checks the whole Doc for a parse each time
        doc[marks[0]].is_sent_start = True  # (and refuses a parsed Doc, as before)
        values = doc.to_array("SENT_START")
        values[marks] = 1
        doc.from_array("SENT_START", values)
    return doc


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)
