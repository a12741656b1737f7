"""Reading articles: formats, metadata, and every kind of bad input."""
from __future__ import annotations

import json

import pytest

from kg.corpus import (Article, content_hash, parse_date, read_corpus, sample_corpus_paths,
                       split_header, visible_text)


def read(paths):
    problems = []
    articles = list(read_corpus(paths, problems.append))
    return articles, problems


@pytest.mark.parametrize("text, meta, body", [
    ("date 2022-03-03 More than 1 million people have fled.\nNext line.",
     {"date": "2022-03-03"}, "More than 1 million people have fled.\nNext line."),
    ("Date: 2022-03-03\nTitle: Siege\n\nThe city is encircled.", {"date": "2022-03-03", "title": "Siege"},
     "The city is encircled."),
    ("---\ntitle: \"Talks\"\ndate: 2022-03-01\nlayout: post\n---\nDelegations met.",
     {"title": "Talks", "date": "2022-03-01"}, "Delegations met."),
    ("The date 2022-03-03 was quiet.", {}, "The date 2022-03-03 was quiet."),
    ("---\nno closing line", {}, "---\nno closing line"),
])
def test_split_header(text, meta, body):
    assert split_header(text) == (meta, body)


@pytest.mark.parametrize("value, expected", [
    ("2022-03-03", "2022-03-03"),
    ("2022-03-03T08:15:00+02:00", "2022-03-03"),
    ("3 March 2022", "2022-03-03"),
    ("March 3, 2022", "2022-03-03"),
    ("2022-13-40", None),
    ("yesterday", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_visible_text_drops_script_and_style_and_keeps_metadata():
    html = """<html><head><title>Kyiv shelled</title>
    <meta property="article:published_time" content="2022-03-02T10:00:00Z">
    <link rel="canonical" href="https://news.example/kyiv">
    <style>p { color: red }</style><script>var secret = "hidden";</script></head>
    <body><nav>Menu</nav><h1>Kyiv shelled</h1><p>Troops &amp; tanks <b>advanced</b>.</p>
    <noscript>enable js</noscript><p>Second<br>line</p></body></html>"""
    meta, text = visible_text(html)
    assert meta == {"title": "Kyiv shelled", "date": "2022-03-02T10:00:00Z", "url": "https://news.example/kyiv"}
    assert "hidden" not in text and "color" not in text and "enable js" not in text
    assert text.splitlines()[1:] == ["Kyiv shelled", "Troops & tanks advanced.", "Second", "line"]


def test_reads_text_markdown_html_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("date 2022-03-03 Shelling hit the city.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Talks resume\n\nDelegations met in **Minsk**.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<title>T</title><p>Sanctions were imposed.</p>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Ships arrived.", "date": "2022-03-04", "title": "Ships",
                    "url": "https://e.example/1"}) + "\n" + json.dumps({"text": "No id here."}) + "\n",
        encoding="utf-8")
    articles, problems = read([tmp_path])
    assert problems == []
    by_id = {a.id: a for a in articles}
    assert sorted(by_id) == ["a", "b", "c", "d-2", "x1"]
    assert by_id["a"].date == "2022-03-03" and by_id["a"].text == "Shelling hit the city."
    assert by_id["b"].title == "Talks resume" and "Minsk" in by_id["b"].text and "**" not in by_id["b"].text
    assert by_id["c"].title == "T" and by_id["c"].text == "Sanctions were imposed."
    assert (by_id["x1"].date, by_id["x1"].url, by_id["x1"].source) == ("2022-03-04", "https://e.example/1",
                                                                       f"{tmp_path / 'd.jsonl'}:1")


def test_directories_are_read_recursively_with_stable_ids(tmp_path):
    (tmp_path / "2022" / "march").mkdir(parents=True)
    (tmp_path / "2022" / "march" / "one.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Never.", encoding="utf-8")
    first, _ = read([tmp_path])
    again, _ = read([tmp_path])
    assert [a.id for a in first] == ["2022/march/one", "top"] == [a.id for a in again]
    assert first[0].content_hash == content_hash("First.")


@pytest.mark.parametrize("name, data, code", [
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" + bytes(range(256)), "W101"),
    ("empty.txt", b"", "W102"),
    ("blank.md", b"   \n\t\n", "W102"),
    ("only-header.txt", b"title: Nothing\n", "W102"),
    ("photo.png", b"\x89PNG\r\n\x1a\n", "W105"),
])
def test_bad_files_warn_naming_the_file_and_the_rest_is_read(tmp_path, name, data, code):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("Shelling continued.", encoding="utf-8")
    articles, problems = read([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert [p.code for p in problems] == [code]
    assert name in str(problems[0]) and "\n" not in str(problems[0])


def test_malformed_jsonl_lines_are_skipped_with_their_line_numbers(tmp_path):
    lines = ['{"id": "ok1", "text": "Talks began."}', '{"id": "bad", "text": ', "[1, 2]",
             '{"id": "notext"}', "", '{"id": "ok2", "text": "Talks ended."}']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, problems = read([tmp_path / "feed.jsonl"])
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [(p.code, p.line) for p in problems] == [("W103", 2), ("W103", 3), ("W106", 4)]
    assert "feed.jsonl:2" in str(problems[0])


def test_text_that_is_not_utf8_is_decoded_with_a_warning(tmp_path):
    text = "Le président a rencontré le ministre à Genève. Déclaration commune signée à l'issue des négociations."
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    articles, problems = read([tmp_path])
    assert articles[0].text == text
    assert [p.code for p in problems] == ["W104"]


def test_missing_paths_duplicates_and_id_clashes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "copy.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("Other words.", encoding="utf-8")
    articles, problems = read([tmp_path / "a" / "x.txt", tmp_path / "copy.txt", tmp_path / "b" / "x.txt",
                               tmp_path / "nowhere"])
    assert [a.id for a in articles] == ["x", "x-2"]
    assert [p.code for p in problems] == ["W109", "W111", "W108"]


def test_bad_date_is_ignored_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text("date: someday\nText.", encoding="utf-8")
    articles, problems = read([tmp_path])
    assert articles[0].date is None and [p.code for p in problems] == ["W110"]


def test_sample_corpus_is_bundled():
    articles, problems = read(sample_corpus_paths())
    assert problems == []
    assert [a.date for a in articles] == ["2022-03-03", None]
    assert articles[0].text.startswith("More than 1 million people have fled Ukraine")


def test_article_hash_follows_text():
    assert Article("a", "x").content_hash == Article("b", "x").content_hash != Article("a", "y").content_hash
