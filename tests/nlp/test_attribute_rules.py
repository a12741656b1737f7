"""The model's attribute rules by table lookup: every token as spaCy's AttributeRuler leaves it."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.nlp.attribute_rules import AttributeRules

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP]

# one pattern of every kind the English models use, with overlaps so that order matters
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "got"}], [{"TAG": "VBZ", "LOWER": "gets"}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"LOWER": {"REGEX": "^[0-9]+$"}}]], "attrs": {"POS": "NUM"}},
    {"patterns": [[{"TAG": "NN", "DEP": {"NOT_IN": ["nsubj"]}}]], "attrs": {"MORPH": "Case=Acc"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "AUX"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}},  # later rules win
]


def annotated(vocab) -> Doc:
    words = ["there", "was", "a", "deal", "got", "12", "men", "\n", "gets", "talks"]
    tags = ["EX", "VBD", "DT", "NN", "VBD", "CD", "NNS", "_SP", "VBZ", "NN"]
    deps = ["expl", "ROOT", "det", "nsubj", "conj", "nummod", "dobj", "dep", "conj", "dobj"]
    heads = [1, 1, 3, 1, 1, 6, 4, 6, 1, 8]
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


def ruled(blank_nlp) -> tuple[AttributeRuler, AttributeRules]:
    ruler = AttributeRuler(blank_nlp.vocab)
    for entry in PATTERNS:
        ruler.add(**entry)
    return ruler, AttributeRules.from_ruler(ruler)


def test_the_same_tokens_as_the_ruler(blank_nlp):
    ruler, rules = ruled(blank_nlp)
    expected, got = ruler(annotated(blank_nlp.vocab)), rules(annotated(blank_nlp.vocab))
    assert [(t.pos_, t.lemma_, str(t.morph), t.tag_) for t in got] == \
        [(t.pos_, t.lemma_, str(t.morph), t.tag_) for t in expected]
    assert got[3].pos_ == "PROPN" and str(got[3].morph) == "Number=Sing"  # the later rule's POS, the first's morph
    assert got[1].pos_ == "AUX" and got[4].lemma_ == "get" and got[5].pos_ == "NUM" and str(got[9].morph) == "Case=Acc"


def test_a_pattern_of_another_kind_leaves_the_ruler_in_place(blank_nlp):
    ruler = AttributeRuler(blank_nlp.vocab)
    ruler.add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})
    assert AttributeRules.from_ruler(ruler) is None


@pytest.mark.model
def test_the_model_s_rules_leave_real_text_as_its_ruler_does(pipeline):
    from kg.nlp.attribute_rules import use_attribute_rules
    from kg.nlp.pipeline import load_model
    assert isinstance(pipeline.get_pipe("attribute_ruler"), AttributeRules)  # newsgraph's pipeline uses them
    bare, ruled_by_table = load_model(), load_model()
    assert use_attribute_rules(ruled_by_table)
    samples = Path(__file__).resolve().parents[2] / "kg" / "samples"
    for path in sorted(samples.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert (ruled_by_table(text).to_array(COLUMNS) == bare(text).to_array(COLUMNS)).all(), path.name
