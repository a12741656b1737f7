"""Reading articles: formats, metadata, and every kind of bad input."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.read.corpus
from kg.read.corpus import (Article, content_hash, parse_date, read_corpus, sample_corpus_paths, split_header,
                            visible_text)
from kg.errors import Problem


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


# --- hostile input: encodings, characters that are not text, URLs, folders ---------------------

def codes(problems):
    return [p.code for p in problems]


@pytest.mark.parametrize("encoding, name", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16-LE"),
                                            ("utf-16-be", "UTF-16-BE"), ("utf-32", "UTF-32")])
def test_utf16_and_utf32_with_or_without_a_byte_order_mark(tmp_path, encoding, name):
    text = "Ukraine said Russia attacked Kharkiv. A naïve café in Zürich stayed open."
    (tmp_path / "wide.txt").write_bytes(text.encode(encoding))
    articles, problems = read([tmp_path])
    assert [a.text for a in articles] == [text]
    assert codes(problems) == ["W104"] and name in problems[0].message


def test_latin1_stays_latin1(tmp_path):
    text = "Le naïve ministre a rencontré le président à Genève."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    articles, problems = read([tmp_path])
    assert articles[0].text == text  # not "naďve" (cp1250)
    assert codes(problems) == ["W104"]


def test_utf8_with_a_broken_byte_keeps_the_rest(tmp_path):
    text = "Zelenskyy spoke in Kyiv. Ελλάδα, Україна, Österreich and Besançon sent aid."
    data = text.encode("utf-8")
    (tmp_path / "cut.txt").write_bytes(data + b" \xe2\x82")  # a character cut in half at the end
    articles, problems = read([tmp_path])
    assert articles[0].text == text + " \ufffd"
    assert codes(problems) == ["W104"] and "U+FFFD" in problems[0].message


def test_nul_bytes_and_lone_surrogates_are_replaced_with_a_warning(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"Kenya praised \x00 Niger for the talks in Abuja.")
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "s\\udc00x", "title": "T\\ud800", "text": "Troops left \\ud800 Kyiv."}\n'
        '{"id": "fine", "text": "Troops left Lviv."}\n', encoding="utf-8")
    articles, problems = read([tmp_path])
    by_id = {a.id: a for a in articles}
    assert sorted(by_id) == ["fine", "nul", "s\ufffdx"]
    assert by_id["nul"].text == "Kenya praised \ufffd Niger for the talks in Abuja."
    assert by_id["s\ufffdx"].text == "Troops left \ufffd Kyiv." and by_id["s\ufffdx"].title == "T\ufffd"
    assert [(p.code, p.line) for p in problems] == [("W112", 1), ("W112", None)]
    assert "3 character(s)" in problems[0].message and "feed.jsonl:1" in str(problems[0])
    for article in articles:
        article.text.encode("utf-8")  # every text can be written
        assert article.content_hash == content_hash(article.text)


def test_an_article_made_with_a_lone_surrogate_is_cleaned():
    article = Article("a\ud800", "x\udfffy\x00", title="\ud83d")
    assert (article.id, article.text, article.title) == ("a\ufffd", "x\ufffdy\ufffd", "\ufffd")


@pytest.mark.parametrize("url, kept, reason", [
    ("https://news.example/world/a1", "https://news.example/world/a1", None),
    ("  https://news.example/a1  ", "https://news.example/a1", None),
    ("/world/europe/a1", None, "relative"),
    ("world/a1.html", None, "relative"),
    ("https://news.example/a b", None, "cannot hold"),
    ("https://news.example/{id}", None, "cannot hold"),
    ("ftp://news.example/a1", None, "web address"),
    ("file:///home/me/a1.html", None, "web address"),
    ("https://", None, "no host"),
    ("http://news.example:port/", None, "not a URL"),
])
def test_urls_are_kept_only_absolute_and_valid(tmp_path, url, kept, reason):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "a", "text": "Talks began.", "url": url}),
                                         encoding="utf-8")
    articles, problems = read([tmp_path])
    assert articles[0].url == kept
    if reason is None:
        assert problems == []
    else:
        assert codes(problems) == ["W113"] and reason in problems[0].message and "feed.jsonl:1" in str(problems[0])


def test_a_relative_canonical_link_is_resolved_against_the_page_or_dropped(tmp_path):
    (tmp_path / "alone.html").write_text(
        '<link rel="canonical" href="/world/europe/a1"><p>Kenya praised Chad.</p>', encoding="utf-8")
    (tmp_path / "based.html").write_text(
        '<meta property="og:url" content="https://news.example/world/x?utm=1">'
        '<link rel="canonical" href="/world/europe/a2"><p>Kenya praised Niger.</p>', encoding="utf-8")
    articles, problems = read([tmp_path])
    assert [(a.id, a.url) for a in articles] == [("alone", None), ("based", "https://news.example/world/europe/a2")]
    assert codes(problems) == ["W113"] and "alone.html" in str(problems[0])


def test_linked_folders_are_followed_loops_and_dangling_links_reported(tmp_path):
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    (corpus / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (corpus / "sub" / "a.txt").write_text("Troops left Kyiv.", encoding="utf-8")
    (elsewhere / "b.txt").write_text("Talks began in Geneva.", encoding="utf-8")
    (corpus / "linked").symlink_to(elsewhere, target_is_directory=True)
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(corpus / "pipe.txt")
    articles, problems = read([corpus])
    assert [a.id for a in articles] == ["linked/b", "sub/a"]
    assert sorted((p.code, Path(p.path).name) for p in problems) == [
        ("W105", "pipe.txt"), ("W108", "gone.txt"), ("W114", "loop")]
    assert all("\n" not in str(p) for p in problems)


def test_an_unreadable_folder_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("Never read.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Read.", encoding="utf-8")
    scandir = os.scandir

    def refusing(path):  # as for a folder without read permission (the tests may run as root)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(kg.read.corpus.os, "scandir", refusing)
    articles, problems = read([tmp_path])
    assert [a.id for a in articles] == ["open"]
    assert codes(problems) == ["W107"] and "locked" in str(problems[0]) and "Permission denied" in str(problems[0])


def test_a_path_longer_than_the_system_allows_is_reported(tmp_path):
    deep = tmp_path / ("x" * 300)
    articles, problems = read([deep, tmp_path / "y" / ("z" * 5000)])
    assert articles == []
    assert codes(problems) == ["W107", "W107"] and all("too long" in p.message for p in problems)


# --- property tests: the reader never fails, and what it reads can always be written ----------

_text = st.text(st.characters(codec=None, categories=None), max_size=60)
_surrogates = st.text(st.sampled_from(["\ud800", "\udfff", "\x00", "\x01", "a", " ", "é", "\n", "{", "/"]),
                      max_size=20)
_value = st.one_of(_text, _surrogates, st.integers(), st.none(), st.lists(st.integers(), max_size=2))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.fixed_dictionaries({}, optional={k: _value for k in ("id", "text", "title", "date", "url")}),
                        max_size=4))
def test_any_jsonl_records_are_read_or_reported(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("jsonl")
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    articles, problems = read([folder])
    for article in articles:
        for value in (article.id, article.text, article.title, article.url, article.date):
            if value is not None:
                value.encode("utf-8")  # no lone surrogate is left
        assert article.url is None or article.url.startswith(("http://", "https://"))
    assert all(isinstance(p, Problem) and "\n" not in p.path for p in problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_bytes_are_read_or_reported(tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("bytes")
    (folder / f"file{suffix}").write_bytes(data)
    articles, problems = read([folder])
    assert articles or problems
    for article in articles:
        article.text.encode("utf-8")
        assert article.text.strip() and "\x00" not in article.text


def test_a_file_of_unicode_separators_only_is_reported_empty(tmp_path):
    (tmp_path / "feed.jsonl").write_bytes(b"\x1c")
    articles, problems = read([tmp_path])
    assert not articles and [p.code for p in problems] == ["W102"]


def test_json_too_deep_or_too_long_to_read_is_one_skipped_line(tmp_path):
    lines = ['{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", '{"id": 1' + "0" * 5000 + ', "text": "x"}',
             '{"id": "ok", "text": "Talks began."}']
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, problems = read([tmp_path])
    assert [a.id for a in articles] == ["ok"]
    assert [(p.code, p.line) for p in problems] == [("W103", 1), ("W103", 2)]
