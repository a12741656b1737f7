"""Stage 1 — read articles from files into :class:`Article` records.

Plain text and Markdown (optionally with a metadata header), HTML (visible text only) and
JSON Lines (``{"id", "text", "date", "title", "url"}`` per line) are read; directories are
walked recursively in a stable order. A file that cannot be read — binary, empty, a
malformed JSON line — is reported through ``on_problem`` as a one-line :class:`Problem`
naming the file (and line) and skipped; everything else is still read.

Examples
--------
>>> meta, body = split_header("date 2022-03-03 Troops crossed the border.")
>>> meta["date"], body
('2022-03-03', 'Troops crossed the border.')
>>> visible_text("<p>Hello <script>x()</script><b>world</b></p>")[1]
'Hello world'
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from charset_normalizer import from_bytes

from kg.errors import Problem

__all__ = [
    "Article",
    "ProblemHandler",
    "read_corpus",
    "read_file",
    "sample_corpus_paths",
    "split_header",
    "visible_text",
    "parse_date",
    "content_hash",
]

ProblemHandler = Callable[[Problem], None]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def content_hash(text: str) -> str:
    """SHA-256 of the article text, hex encoded; equal texts give equal hashes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article: its text and what is known about it."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 calendar date, YYYY-MM-DD
    url: str | None = None
    source: str | None = None  # the file (and line) it was read from
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))


def _ignore(problem: Problem) -> None:
    pass


# --- metadata -----------------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y")


def parse_date(value: str) -> str | None:
    """Normalise a date written in a common way to ``YYYY-MM-DD``; ``None`` if it is not one.

    >>> parse_date("2022-03-03T10:00:00Z"), parse_date("March 3, 2022"), parse_date("soon")
    ('2022-03-03', '2022-03-03', None)
    """
    value = value.strip()
    iso = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", value)
    if iso:
        value = iso.group(1)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


# "date 2022-03-03 First sentence…": a dateline that may share the line with the text.
_INLINE_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_HEADER_LINE = re.compile(r"\s*(title|date|url|source|author)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split leading metadata from an article's text.

    Recognised: a leading ``date YYYY-MM-DD`` (possibly followed by the first sentence on the
    same line), ``title:``/``date:``/``url:`` header lines up to the first other line, and a
    Markdown front-matter block between ``---`` lines.
    """
    inline = _INLINE_DATE.match(text)
    if inline:
        return {"date": inline.group(1)}, text[inline.end():].lstrip("\n")
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        return _split_front_matter(text, lines)
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and (header := _HEADER_LINE.match(lines[i])):
        meta[header.group(1).lower()] = header.group(2).strip('"')
        i += 1
    return meta, "".join(lines[i:]).lstrip("\n")


def _split_front_matter(text: str, lines: list[str]) -> tuple[dict[str, str], str]:
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "".join(lines[i + 1:]).lstrip("\n")
        header = _HEADER_LINE.match(line)
        if header:
            meta[header.group(1).lower()] = header.group(2).strip('"')
    return {}, text  # no closing line: not front matter after all


# --- Markdown and HTML --------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(\S(?:.*?\S)?)\1")


def markdown_to_text(markdown: str) -> tuple[str | None, str]:
    """Plain text of Markdown (links keep their words) and its first heading as a title."""
    heading = _MD_HEADING.search(markdown)
    title = heading.group(1).strip() if heading else None
    text = _MD_IMAGE.sub("", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return title, text


class _VisibleTextParser(HTMLParser):
    """Collects the text a reader sees, and the page's title, date and canonical URL."""

    HIDDEN = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head", "canvas"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
             "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "hr",
             "figcaption", "dd", "dt", "main", "aside", "nav", "form"}
    VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or "").lower()
            value = attributes.get("content", "")
            if key in ("article:published_time", "date", "dc.date", "dcterms.date", "pubdate"):
                self.meta.setdefault("date", value)
            elif key in ("og:title", "dc.title"):
                self.meta.setdefault("title", value)
            elif key == "og:url":
                self.meta.setdefault("url", value)
        elif tag == "link" and attributes.get("rel", "").lower() == "canonical":
            self.meta.setdefault("url", attributes.get("href", ""))
        elif tag == "time" and attributes.get("datetime"):
            self.meta.setdefault("date", attributes["datetime"])
        if tag in self.HIDDEN and tag not in self.VOID:
            self.hidden_depth += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:  # a self-closed hidden element hides nothing
            if tag in self.BLOCK:
                self.parts.append("\n")
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden_depth:
            self.parts.append(data)


def visible_text(html: str) -> tuple[dict[str, str], str]:
    """Metadata (title, date, url) and the visible text of an HTML page.

    Script, style and other invisible elements are dropped; block elements end a line.
    """
    parser = _VisibleTextParser()
    parser.feed(html)
    parser.close()
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta.setdefault("title", title)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(line for line in lines if line)
    return meta, text


# --- bytes to text ------------------------------------------------------------------------

def decode(data: bytes, path: str, on_problem: ProblemHandler) -> str | None:
    """Text of a file's bytes: UTF-8, else a detected encoding (with a warning); binary → None."""
    if b"\x00" in data[:8192]:
        on_problem(Problem("W101", path, "binary file skipped"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        on_problem(Problem("W101", path, "binary file skipped (no text encoding fits)"))
        return None
    on_problem(Problem("W104", path, f"not UTF-8; decoded as {best.encoding}"))
    return str(best)


# --- files to articles --------------------------------------------------------------------

def _article(article_id: str, text: str, meta: dict[str, str], source: str,
             on_problem: ProblemHandler, line: int | None = None) -> Article | None:
    text = text.strip()
    if not text:
        on_problem(Problem("W102", source, "empty article skipped", line))
        return None
    date = None
    if meta.get("date"):
        date = parse_date(str(meta["date"]))
        if date is None:
            on_problem(Problem("W110", source, f"date {meta['date']!r} not understood; ignored", line))
    where = f"{source}:{line}" if line is not None else source
    return Article(id=article_id, text=text, title=(meta.get("title") or None), date=date,
                   url=(meta.get("url") or None), source=where)


def read_text_file(text: str, article_id: str, source: str, markdown: bool,
                   on_problem: ProblemHandler) -> Iterator[Article]:
    meta, body = split_header(text)
    if markdown:
        title, body = markdown_to_text(body)
        if title:
            meta.setdefault("title", title)
    article = _article(article_id, body, meta, source, on_problem)
    if article:
        yield article


def read_html_file(text: str, article_id: str, source: str,
                   on_problem: ProblemHandler) -> Iterator[Article]:
    meta, body = visible_text(text)
    article = _article(article_id, body, meta, source, on_problem)
    if article:
        yield article


def read_jsonl_file(text: str, stem: str, source: str,
                    on_problem: ProblemHandler) -> Iterator[Article]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            on_problem(Problem("W103", source, f"malformed JSON skipped ({error.msg})", number))
            continue
        if not isinstance(record, dict):
            on_problem(Problem("W103", source, "a line must hold one JSON object; skipped", number))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            on_problem(Problem("W106", source, "record has no text; skipped", number))
            continue
        record_id = record.get("id")
        article_id = str(record_id) if record_id not in (None, "") else f"{stem}-{number}"
        meta = {k: str(record[k]) for k in ("title", "date", "url") if record.get(k)}
        article = _article(article_id, body, meta, source, on_problem, number)
        if article:
            yield article


def read_file(path: Path, article_id: str, on_problem: ProblemHandler = _ignore,
              display: str | None = None) -> Iterator[Article]:
    """Articles in one file (one, or one per line for JSON Lines)."""
    source = display or str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        on_problem(Problem("W105", source, f"unsupported file type {suffix or '(none)'!r}; skipped"))
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        on_problem(Problem("W107", source, f"cannot read: {error.strerror or error}"))
        return
    if not data.strip():
        on_problem(Problem("W102", source, "empty file skipped"))
        return
    text = decode(data, source, on_problem)
    if text is None:
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(text, article_id, source, on_problem)
    elif suffix in HTML_SUFFIXES:
        yield from read_html_file(text, article_id, source, on_problem)
    else:
        yield from read_text_file(text, article_id, source, suffix in {".md", ".markdown"}, on_problem)


def _files_under(root: Path) -> Iterator[Path]:
    """Files below a directory in a stable order, hidden files and folders left out."""
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            yield path


def _id_for(path: Path, root: Path | None) -> str:
    relative = path.relative_to(root) if root else Path(path.name)
    return relative.with_suffix("").as_posix()


def sample_corpus_paths() -> list[Path]:
    """The two bundled sample articles (package data), in order."""
    folder = resources.files("kg") / "samples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def read_corpus(paths: Iterable[str | Path], on_problem: ProblemHandler = _ignore,
                skip_duplicates: bool = True) -> Iterator[Article]:
    """Articles from files and directories; ids are stable and unique within one call.

    Article ids are the file name without suffix (relative path within a directory argument)
    or a JSON Lines record's ``id``. A second article with the same text as an earlier one is
    skipped with a warning (a syndicated copy would count its statements twice) unless
    ``skip_duplicates`` is false; a clashing id gets a numeric suffix.
    """
    seen_ids: set[str] = set()
    seen_hashes: dict[str, str] = {}
    for given in paths:
        root = Path(given)
        if root.is_dir():
            files = [(p, _id_for(p, root)) for p in _files_under(root)]
        elif root.exists():
            files = [(root, _id_for(root, None))]
        else:
            on_problem(Problem("W108", str(given), "no such file or directory"))
            continue
        for path, article_id in files:
            for article in read_file(path, article_id, on_problem):
                if skip_duplicates and article.content_hash in seen_hashes:
                    on_problem(Problem("W109", article.source or str(path),
                                       f"same text as article {seen_hashes[article.content_hash]!r}; skipped"))
                    continue
                unique = article.id
                n = 2
                while unique in seen_ids:
                    unique, n = f"{article.id}-{n}", n + 1
                if unique != article.id:
                    on_problem(Problem("W111", article.source or str(path),
                                       f"article id {article.id!r} already used; renamed {unique!r}"))
                    article = Article(unique, article.text, article.title, article.date,
                                      article.url, article.source, article.content_hash)
                seen_ids.add(unique)
                seen_hashes[article.content_hash] = unique
                yield article
