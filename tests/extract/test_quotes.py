"""Quotations and the speakers they are attributed to."""
from __future__ import annotations

import pytest

from kg.extract.quotes import quotations, speaker_of_quotation
from tests.conftest import parse


def test_quotations_pair_their_marks_within_a_paragraph(blank_nlp):
    doc = blank_nlp('"We act." He said. “They wait,” she said. "Open\n\nthen "closed"')
    assert [(doc[s].text, doc[e].text) for s, e in quotations(doc)] == [('"', '"'), ("“", "”"), ('"', '"')]
    assert doc[quotations(doc)[-1][0] + 1].text == "closed"  # the mark left open at the paragraph's end is dropped


@pytest.mark.parametrize("annotated, speaker", [
    # after the quotation, in its sentence: '"…," the minister said'
    ('"/PUNCT/punct/2 We/PRON/nsubj/2 act/VERB/ccomp/7 ,/PUNCT/punct/2 "/PUNCT/punct/7 the/DET/det/6 '
     'minister/NOUN/nsubj/7 said/VERB/ROOT/-', "minister"),
    # before it: 'Lula said: "…"'
    ('Lula/PROPN/nsubj/1 said/VERB/ROOT/- :/PUNCT/punct/1 "/PUNCT/punct/5 we/PRON/nsubj/5 act/VERB/ccomp/1 '
     '"/PUNCT/punct/5', "Lula"),
    # no verb of speech beside it: no one
    ('"/PUNCT/punct/2 We/PRON/nsubj/2 act/VERB/ROOT/- "/PUNCT/punct/2 ,/PUNCT/punct/2 it/PRON/nsubj/6 '
     'read/VERB/conj/2', None),
])
def test_the_speaker_of_a_quotation(blank_nlp, annotated, speaker):
    doc = parse(blank_nlp, annotated)
    for token in doc:
        token.lemma_ = {"said": "say"}.get(token.text, token.text.lower())
    start, end = quotations(doc)[0]
    found = speaker_of_quotation(doc, start, end)
    assert (found.text if found is not None else None) == speaker
