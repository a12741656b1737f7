"""Shared fixtures: hand-built spaCy Docs (no model needed) and the model pipeline."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc


@pytest.fixture(scope="session")
def blank_nlp():
    """A blank English pipeline: a tokenizer and a vocabulary, no statistical model."""
    return spacy.blank("en")


def parse(nlp, annotated: str) -> Doc:
    """A Doc built by hand from a compact annotation, one token per whitespace-separated item.

    Each item is ``word/POS/dep/head[/ENT]``: ``head`` is the index of the head token
    (``-`` for the root), ``ENT`` a spaCy entity label with ``B-``/``I-`` omitted (``I`` is
    inferred from a repeated label on adjacent tokens, ``B:`` forces a new entity). A word
    ending in ``~`` has no space after it (``Poland~ ’s``).

    >>> doc = parse(spacy.blank("en"), "Shells/NOUN/nsubj/1 hit/VERB/ROOT/- Kyiv/PROPN/dobj/1/PERSON")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('Kyiv', 'PERSON')]
    """
    words, spaces, pos, deps, heads, ents = [], [], [], [], [], []
    previous_label = None
    for i, item in enumerate(annotated.split()):
        parts = item.split("/")
        word, tag, dep, head = parts[:4]
        label = parts[4] if len(parts) > 4 else None
        glued = word.endswith("~")
        word = word.rstrip("~")
        words.append(word)
        spaces.append(not glued)
        pos.append(tag)
        deps.append(dep)
        heads.append(i if head == "-" else int(head))
        if label is None:
            ents.append("O")
            previous_label = None
        elif label.startswith("B:"):
            ents.append("B-" + label[2:])
            previous_label = label[2:]
        else:
            ents.append(("I-" if label == previous_label else "B-") + label)
            previous_label = label
    spaces[-1] = False
    return Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads,
               lemmas=[w.lower() for w in words], ents=ents)


@pytest.fixture(scope="session")
def pipeline():
    """The full newsgraph spaCy pipeline on the English model (end-to-end tests)."""
    from kg.nlp.pipeline import load_pipeline
    return load_pipeline()


def analyse(nlp, annotated: str) -> Doc:
    """A hand-built Doc after newsgraph's ``kg_entities`` stage (mentions typed)."""
    from kg.extract.entities import type_entities
    doc = parse(nlp, annotated)
    doc._.kg_mentions = type_entities(doc)
    return doc


@pytest.fixture(scope="session")
def measured():
    """One ``kg eval`` run (sample, PLOVER sentences, news dev) shared by every test that reads its figures."""
    from kg.evaluation.evaluate import evaluation
    return evaluation()


@pytest.fixture(scope="session")
def sample_graph(tmp_path_factory):
    """The folder of one build of the bundled sample corpus (graph files and store, no explorer),
    shared by the tests that query or validate it; read it, never build into it."""
    from kg.pipeline import build
    out = tmp_path_factory.mktemp("sample-graph")
    build(out_dir=out, explorer=False)
    return out


# what an offline page must not contain: a reference that would load something from the network
NETWORK_LOAD_PATTERNS = [
    r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""",
    r"@import",
    r"""url\(\s*["']?\s*(?:https?:)?//""",
    r"<script[^>]*\bsrc\s*=",
    r"<link\b",
    r"<iframe\b",
]
