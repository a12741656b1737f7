"""Articles longer than spaCy's max_length: cut at paragraph boundaries, analysed whole."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp.chunking import analyse_text, text_pieces
from kg.read.corpus import Article, sample_corpus_paths
from kg.pipeline import analyse

PARAGRAPHS = [
    "Russia sanctioned Ghana on Monday, the ministry in Accra said.",
    "Ukrainian President Volodymyr Zelenskyy called on residents of Kyiv to keep up their resistance.",
    "Vadym Boychenko, the mayor of Mariupol, said the city is under siege.",
    "Kenya accused Uganda of shelling the border town of Busia.",
]


@given(text=st.text(st.sampled_from("ab .\n\t!"), max_size=300), limit=st.integers(1, 40))
@settings(max_examples=150, deadline=None)
def test_pieces_join_to_the_text_and_keep_the_limit(text, limit):
    pieces = list(text_pieces(text, limit))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= limit for _, piece in pieces)
    assert [start for start, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    assert all(piece for _, piece in pieces[:-1])


def test_pieces_end_at_a_blank_line_then_a_line_then_a_sentence():
    text = "First one.\n\nSecond one. Still second.\nThird line here."
    assert [p for _, p in text_pieces(text, 30)] == ["First one.\n\n", "Second one. Still second.\n",
                                                     "Third line here."]
    assert [p for _, p in text_pieces("One two. Three four five", 15)] == ["One two. ", "Three four five"]
    assert [p for _, p in text_pieces("abcdefgh", 3)] == ["abc", "def", "gh"]  # no boundary at all


@pytest.mark.model
def test_an_article_over_max_length_is_analysed_whole_in_pieces(pipeline, monkeypatch):
    text = "\n\n".join(PARAGRAPHS * 3)
    whole = analyse_text(pipeline, text, "2022-03-03")
    monkeypatch.setattr(pipeline, "max_length", 150)  # each piece holds a paragraph or two
    found, positions, relations = analyse_text(pipeline, text, "2022-03-03")
    assert len(text) > 5 * pipeline.max_length
    # every mention and relation sentence points at its words in the whole text
    assert found and all(text[m.start_char:m.end_char] == m.text for m in found)
    assert all(text[r.sentence_start:r.sentence_start + len(r.sentence)] == r.sentence for r in relations)
    assert len({m.start for m in found}) == len(found)  # token offsets stay unique across pieces
    # the last paragraphs are there, as in the article analysed as one Doc
    assert {m.label for m in found} == {m.label for m in whole[0]} >= {"Busia", "Vadym Boychenko", "Ghana"}
    assert sorted((r.relation.name, r.sentence) for r in relations) == sorted(
        (r.relation.name, r.sentence) for r in whole[2])
    assert {(p.person.label, p.title) for p in positions} == {(p.person.label, p.title) for p in whole[1]}
    assert all(text[p.person.start_char:p.person.end_char] == p.person.text for p in positions)


@pytest.mark.model
def test_analyse_builds_a_long_sample_article_that_spacy_would_refuse(pipeline, monkeypatch):
    text = sample_corpus_paths()[1].read_text(encoding="utf-8")
    monkeypatch.setattr(pipeline, "max_length", 2000)
    with pytest.raises(ValueError, match="E088"):
        pipeline(text)  # what analyse did before: W201, the article dropped
    problems = []
    [done] = analyse([Article("long", text)], pipeline, problems.append)
    assert problems == []
    assert {"Mariupol", "Kherson"} <= {m.label for m in done.mentions}
    assert max(m.start_char for m in done.mentions) > len(text) - 2000  # the last piece too
    assert any(r.relation.name == "occupied" for r in done.relations)


@pytest.mark.model
def test_pieces_of_a_long_article_are_at_most_piece_length(pipeline, monkeypatch):
    import kg.nlp.chunking

    text = "\n\n".join(PARAGRAPHS * 3)
    seen = []
    real = kg.nlp.chunking._analyse_doc
    monkeypatch.setattr(kg.nlp.chunking, "_analyse_doc", lambda nlp, piece, date: seen.append(len(piece)) or real(
        nlp, piece, date))
    monkeypatch.setattr(kg.nlp.chunking, "PIECE_LENGTH", 200)
    monkeypatch.setattr(pipeline, "max_length", 600)
    found, _, _ = analyse_text(pipeline, text)
    assert len(seen) > 3 and max(seen) <= 200 and sum(seen) == len(text)
    assert {"Busia", "Ghana"} <= {m.label for m in found}
    seen.clear()
    analyse_text(pipeline, text[:600])  # within max_length: one Doc, however long a piece may be
    assert seen == [600]
