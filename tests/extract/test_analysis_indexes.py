"""The indexes that keep one article's analysis linear in its length give the answers of the scans
they replace (tests/extract/analysis_scan_reference.py holds the scans as they were)."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from spacy.tokens import Doc

import kg
import kg.extract.coref as coref
import kg.extract.entities as entities
from kg.extract.actors import ActorFinder
from kg.extract.entities import Mention, MentionList
from kg.nlp.gazetteer import gazetteer
from kg.extract.lexicon import lexicon
from kg.pipeline import read_articles
from kg.extract.relations import _pattern_fits_at, _verb_lemmas
from kg.extract.triggers import trigger_lexicon
from tests.extract import analysis_scan_reference as reference
from tests.conftest import parse

# the words of organisations' names: bodies' nouns, places and nationalities that qualify them,
# the prepositions of their phrases, and words of neither kind
WORDS = ["Supreme", "Court", "House", "Representatives", "of", "for", "on", "Texas", "Russia", "US", "Russian",
         "Senate", "Assembly", "Legislative", "Acme", "Holdings", "USA", "National", "Committee", "Justice",
         "Department", "White", "Liberation", "Army", "the"]


def organisation(label: str, start: int) -> Mention:
    return Mention(label, label, "Organisation", start, start + 1, 0, 0)


def random_organisations(rng: random.Random, n: int) -> dict[str, Mention]:
    longer = {}
    for k in range(n):
        label = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5)))
        longer[label] = organisation(label, k)
    return longer


@pytest.mark.parametrize("seed", range(30))
def test_the_fullest_name_agrees_with_the_scan_over_all_organisations(seed):
    rng = random.Random(seed)
    gaz, lex = gazetteer(), lexicon()
    longer = random_organisations(rng, rng.randint(1, 25))
    shorts = list(longer) + [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 2))) for _ in range(20)] + [""]
    indexed = entities._Organisations(longer, gaz, lex)  # one article: its answers are kept
    for short in shorts:
        expected = reference._fullest(short, longer, gaz, lex)
        assert entities._fullest(short, longer, gaz, lex) is expected, short
        assert entities._fullest(short, indexed, gaz, lex) is expected, short
        for label in longer:
            assert indexed.short_form_of(short, label) == reference._short_form_of(short, label, gaz, lex)


def test_a_short_form_is_found_through_the_index():
    gaz, lex = gazetteer(), lexicon()
    longer = {label: organisation(label, k) for k, label in enumerate(
        ["Texas House of Representatives", "Supreme Court of Texas", "Acme Holdings", "White House"])}
    assert entities._fullest("House", longer, gaz, lex).label == "Texas House of Representatives"
    assert entities._fullest("Supreme Court", longer, gaz, lex).label == "Supreme Court of Texas"
    assert entities._fullest("Acme", longer, gaz, lex).label == "Acme Holdings"
    assert entities._fullest("Senate", longer, gaz, lex) is None


def random_mentions(rng: random.Random, n: int, length: int) -> list[Mention]:
    found = []
    for _ in range(n):
        start = rng.randrange(length)
        end = min(length, start + rng.randint(0, 3))  # some cover no token at all
        found.append(Mention("x", "x", rng.choice(["Person", "City", "Organisation"]), start, end, 0, 0,
                             reference=rng.random() < 0.2))
    return found


@pytest.mark.parametrize("seed", range(20))
def test_the_mention_at_a_token_is_the_first_that_covers_it(seed):
    rng = random.Random(seed)
    found = random_mentions(rng, rng.randint(0, 30), 40)
    indexed = MentionList(found)
    assert list(indexed) == found
    for i in range(-1, 42):
        assert indexed.at(i) is reference.mention_at(i, found)
        assert entities.mention_at(i, indexed) is entities.mention_at(i, found) is reference.mention_at(i, found)
        assert indexed.starting_at(i) is next((m for m in found if m.start == i), None)
        assert [m for _, m in indexed.covering(i)] == [m for m in found if m.start <= i < m.end]


# "Idaho, Oregon, Washington and Utah met": four coordinated names
LISTED = ("Idaho/PROPN/nsubj/7 ,/PUNCT/punct/0 Oregon/PROPN/conj/0 ,/PUNCT/punct/2 Washington/PROPN/conj/2 "
          "and/CCONJ/cc/4 Utah/PROPN/conj/4 met/VERB/ROOT/-")


@pytest.mark.parametrize("seed", range(20))
def test_the_conjuncts_of_a_mention_agree_with_the_scan(blank_nlp, seed):
    rng = random.Random(seed)
    doc = parse(blank_nlp, LISTED)
    found = [m for m in random_mentions(rng, rng.randint(1, 12), len(doc)) if m.end > m.start]
    found.append(Mention("Idaho", "Idaho", "City", 0, 1, 0, 0))
    indexed = MentionList(found)
    for mention in found:
        tokens = {t.i for t in doc[mention.start:mention.end].root.conjuncts}
        expected = reference.conjuncts(mention, found, tokens)
        assert entities._conjuncts(mention, indexed, doc) == expected
        assert entities._conjuncts(mention, found, doc) == expected


@pytest.mark.parametrize("seed", range(20))
def test_the_person_last_given_a_title_agrees_with_the_scan(blank_nlp, seed):
    rng = random.Random(seed)
    words = [rng.choice(["president", "mayor", "said", "the", "Name"]) for _ in range(60)]
    doc = Doc(blank_nlp.vocab, words=words)
    found = [m for m in random_mentions(rng, 25, len(doc))]
    found = [Mention("x", "x", "Person" if m.type != "City" else "City", m.start, max(m.end, m.start + 1), 0, 0)
             for m in found]
    if seed % 2:
        found.sort(key=lambda m: m.start)  # in text order, as the pipeline gives them: the sorted path
    titled = coref._Titled(found, doc)
    for noun in doc:
        expected = reference.title_antecedent(noun.i, noun.lower_, found, [t.lower_ for t in doc])
        assert coref.title_antecedent(noun, found, doc, titled) is expected
        assert coref.title_antecedent(noun, found, doc) is expected


@pytest.mark.model
def test_verb_codes_agree_with_the_best_of_all_fitting_patterns(pipeline):
    triggers = trigger_lexicon()
    compared = 0
    # the samples and real news (whose verbs' objects pick patterns through the lexicon's index)
    news = read_articles([Path(kg.__file__).parent / "evaluation" / "news" / "wikinews_dev.jsonl"])[:12]
    for article in read_articles() + news:
        doc = pipeline(article.text)
        actors = ActorFinder(doc, entities.mentions(doc), lexicon(), gazetteer())
        for verb in doc:
            for lemma in _verb_lemmas(verb) + [None]:
                found = triggers.verb_code(verb, actors.is_place, lemma, _pattern_fits_at)
                assert found == reference.verb_code(triggers, verb, actors.is_place, lemma, _pattern_fits_at), verb.text
                compared += found is not None
    assert compared > 20


@pytest.mark.parametrize("seed", range(10))
def test_mentions_by_sentence_agree_with_the_scan(blank_nlp, seed):
    rng = random.Random(seed)
    words = [rng.choice(["a", "b", "c"]) for _ in range(50)]
    doc = Doc(blank_nlp.vocab, words=words, sent_starts=[i == 0 or rng.random() < 0.15 for i in range(50)])
    found = random_mentions(rng, 30, len(doc))
    rng.shuffle(found)
    doc._.kg_mentions = found
    got = list(entities.mentions_by_sentence(doc))
    assert [s for s, _ in got] == list(doc.sents)
    for sentence, inside in got:
        assert inside == [m for m in found if sentence.start <= m.start < sentence.end]
