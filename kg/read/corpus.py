"""Stage 1 — read articles from files into :class:`Article` records.

Plain text and Markdown (optionally with a metadata header), HTML (visible text only) and
JSON Lines (``{"id", "text", "date", "title", "url"}`` per line) are read; directories are
walked recursively in a stable order. A file that cannot be read — binary, empty, a
malformed JSON line — is reported through ``on_problem`` as a one-line :class:`Problem`
naming the file (and line) and skipped; everything else is still read.

Input is made safe on reading: bytes are decoded by their byte-order mark, as UTF-8, or in
the encoding detected (UTF-16 without a mark, Latin-1 kept as Latin-1); characters that are
not text (NUL, other control characters, lone surrogates) become U+FFFD; a URL is kept only
as an absolute http(s) URL (a relative one is resolved against the page's own address when
it has one). Links to folders are followed, loops and dangling links are reported.

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
import errno
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import urljoin, urlsplit

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
    "decode",
    "clean_text",
    "absolute_url",
]

ProblemHandler = Callable[[Problem], None]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def content_hash(text: str) -> str:
    """SHA-256 of the article text, hex encoded; equal texts give equal hashes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# characters that are no text: C0 controls but tab, line feed, vertical tab, form feed and
# carriage return, and lone surrogates (which no UTF encoding can write)
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean_text(value: str) -> tuple[str, int]:
    """``value`` with every character that is not text replaced by U+FFFD, and how many were.

    >>> clean_text("Kyiv\\x00 \\ud800ok\\n")
    ('Kyiv\ufffd \ufffdok\\n', 2)
    """
    return _NOT_TEXT.subn(REPLACEMENT, value)


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
        # the reader cleans and reports; this keeps an Article made elsewhere writable too
        for name in ("id", "text", "title", "date", "url", "source"):
            value = getattr(self, name)
            if isinstance(value, str) and _NOT_TEXT.search(value):
                object.__setattr__(self, name, clean_text(value)[0])
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
        self.canonical = ""

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
                self.meta.setdefault("base", value)
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href", "")  # before og:url
        elif tag == "base" and attributes.get("href"):
            self.meta["base"] = attributes["href"]  # the page's own address, for relative links
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
    """Metadata (title, date, url; base, the address relative links count from, when the
    page gives one) and the visible text of an HTML page.

    Script, style and other invisible elements are dropped; block elements end a line.
    """
    parser = _VisibleTextParser()
    parser.feed(html)
    parser.close()
    meta = dict(parser.meta)
    if parser.canonical.strip():
        meta["url"] = parser.canonical
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta.setdefault("title", title)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(line for line in lines if line)
    return meta, text


# --- bytes to text ------------------------------------------------------------------------

_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
         (b"\xef\xbb\xbf", "utf-8", None), (b"\xff\xfe", "utf-16-le", "UTF-16"),
         (b"\xfe\xff", "utf-16-be", "UTF-16"))
# single-byte encodings of Western European text, preferred in this order when the detector
# finds another as likely: "naïve" in Latin-1 must not become "naďve" (cp1250)
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    """Whether decoded text is mostly control characters (a binary file that happened to decode)."""
    return len(_CONTROL.findall(text)) > max(1.0, 0.05 * len(text))


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken bytes (each becomes U+FFFD), or None when it is not UTF-8."""
    text = data.decode("utf-8", "replace")
    broken = text.count(REPLACEMENT) - data.count("\ufffd".encode("utf-8"))
    wide = sum(1 for ch in text if ord(ch) > 127 and ch != REPLACEMENT)
    return text if broken and wide >= 10 * broken else None


def _detected(data: bytes):
    """charset-normalizer's best guess, a Western encoding preferred among equally good ones."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    chaos = min(m.chaos for m in matches)
    fitting = [m for m in matches if m.chaos <= chaos + 1e-3]
    coherence = max(m.coherence for m in fitting)
    for name in _WESTERN:
        for match in fitting:
            if match.encoding == name and match.coherence >= coherence - 0.05:
                return match
    return matches[0]


def decode(data: bytes, path: str, on_problem: ProblemHandler) -> str | None:
    """Text of a file's bytes, or None for a binary file (with a warning).

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); then UTF-8 (a few broken bytes are
    replaced, with a warning); then the encoding charset-normalizer detects (UTF-16 without
    a mark, Latin-1, …), with a warning that names it.
    """
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                break
            if name:
                on_problem(Problem("W104", path, f"not UTF-8; decoded as {name} (byte-order mark)"))
            return text
    wide = _utf16_by_nuls(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            if not _looks_binary(text):
                on_problem(Problem("W104", path, f"not UTF-8; decoded as {wide.upper()} (no byte-order mark)"))
                return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mostly_utf8(data)
        if text is None:
            pass
        elif _looks_binary(text):
            on_problem(Problem("W101", path, "binary file skipped"))
            return None
        else:
            broken = text.count(REPLACEMENT) - data.count("\ufffd".encode("utf-8"))
            on_problem(Problem("W104", path, f"UTF-8 with {broken} broken byte sequence(s); replaced by U+FFFD"))
            return text
    else:
        if _looks_binary(text):
            on_problem(Problem("W101", path, "binary file skipped"))
            return None
        return text
    best = None if b"\x00" in data else _detected(data)
    if best is None or _looks_binary(str(best)):
        on_problem(Problem("W101", path, "binary file skipped (no text encoding fits)"))
        return None
    on_problem(Problem("W104", path, f"not UTF-8; decoded as {best.encoding}"))
    return str(best)


def _utf16_by_nuls(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the NUL bytes fall as in UTF-16 text of mostly Latin
    script (every other byte), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd >= 0.3 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


# --- URLs ---------------------------------------------------------------------------------

# what may not stand in an IRI (RFC 3987): controls, space and <>"{}|\^`
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')


def absolute_url(url: str, base: str | None = None) -> tuple[str | None, str | None]:
    """``url`` as an absolute http(s) URL, resolved against ``base`` if relative; else None
    and why not.

    >>> absolute_url("/world/a1", "https://news.example/home")
    ('https://news.example/world/a1', None)
    >>> absolute_url("/world/a1")
    (None, 'a relative URL and no page address to resolve it against')
    >>> absolute_url("https://news.example/a b")
    (None, 'a space or another character a URL cannot hold')
    """
    url = url.strip()
    if _NOT_IN_IRI.search(url):
        return None, "a space or another character a URL cannot hold"
    try:
        parts = urlsplit(url)
        if not parts.scheme and base:
            absolute, reason = absolute_url(base)
            if absolute is None:
                return None, "a relative URL and no page address to resolve it against"
            url = urljoin(absolute, url)
            parts = urlsplit(url)
        _ = parts.port  # a malformed port raises ValueError
    except ValueError as error:
        return None, f"not a URL ({error})"
    if not parts.scheme:
        return None, "a relative URL and no page address to resolve it against"
    if parts.scheme.lower() not in ("http", "https"):
        return None, f"not a web address ({parts.scheme}:)"
    if not parts.hostname:
        return None, "no host"
    return url, None


# --- files to articles --------------------------------------------------------------------

def _article(article_id: str, text: str, meta: dict[str, str], source: str,
             on_problem: ProblemHandler, line: int | None = None) -> Article | None:
    """An article of a text and its metadata, made safe: characters that are not text
    replaced, the date normalised, the URL absolute (or dropped) — each repair reported."""
    fields = {"id": article_id, "text": text, **{k: meta[k] for k in ("title", "date", "url") if meta.get(k)}}
    replaced = 0
    for name, value in fields.items():
        fields[name], count = clean_text(value)
        replaced += count
    text = fields["text"].strip()
    if not text:
        on_problem(Problem("W102", source, "empty article skipped", line))
        return None
    if replaced:
        on_problem(Problem("W112", source, f"{replaced} character(s) that are not text (NUL, control "
                                           "characters, lone surrogates) replaced by U+FFFD", line))
    date = None
    if fields.get("date"):
        date = parse_date(fields["date"])
        if date is None:
            on_problem(Problem("W110", source, f"date {fields['date']!r} not understood; ignored", line))
    url = None
    if fields.get("url"):
        url, reason = absolute_url(fields["url"], clean_text(meta.get("base") or "")[0] or None)
        if url is None:
            on_problem(Problem("W113", source, f"url {fields['url']!r} dropped: {reason}", line))
    where = f"{source}:{line}" if line is not None else source
    return Article(id=fields["id"], text=text, title=(fields.get("title") or None), date=date,
                   url=url, source=where)


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
        except (ValueError, RecursionError) as error:  # a number too long, nesting too deep
            on_problem(Problem("W103", source, f"JSON that cannot be read skipped ({type(error).__name__})", number))
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
    if not text.strip():  # only separators Unicode counts as space ("\x1c"): empty as well
        on_problem(Problem("W102", source, "empty file skipped"))
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(text, article_id, source, on_problem)
        elif suffix in HTML_SUFFIXES:
            yield from read_html_file(text, article_id, source, on_problem)
        else:
            yield from read_text_file(text, article_id, source, suffix in {".md", ".markdown"}, on_problem)
    except (ValueError, RecursionError, AssertionError) as error:  # a parser giving up on hostile markup
        on_problem(Problem("W107", source, f"cannot read ({type(error).__name__}: {error}); the rest of it skipped"))


def _files_under(root: Path, on_problem: ProblemHandler = _ignore) -> Iterator[Path]:
    """Files below a directory in a stable order, hidden files and folders left out.

    Links to folders are followed; a link back to a folder being read (a loop) or to one
    already read is not. Each folder or file left out for another reason — unreadable, a
    dangling link, not a regular file — is reported.
    """
    read: set[tuple[int, int]] = set()

    def walk(folder: Path, above: frozenset[tuple[int, int]]) -> Iterator[Path]:
        try:
            status = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            on_problem(Problem("W107", str(folder), f"cannot read folder: {error.strerror or error}; skipped"))
            return
        key = (status.st_dev, status.st_ino)
        if key in above:
            on_problem(Problem("W114", str(folder), "link loops back to a folder it is in; not followed"))
            return
        if key in read:
            on_problem(Problem("W114", str(folder), "folder already read through another path; skipped"))
            return
        read.add(key)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir():
                    yield from walk(path, above | {key})
                elif entry.is_file():
                    yield path
                elif entry.is_symlink() and not os.path.exists(path):
                    on_problem(Problem("W108", str(path), f"dangling link to {os.readlink(path)!r}; skipped"))
                else:
                    on_problem(Problem("W105", str(path), "not a regular file (a pipe, socket or device); skipped"))
            except OSError as error:
                on_problem(Problem("W107", str(path), f"cannot read: {error.strerror or error}; skipped"))

    yield from walk(root, frozenset())


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
        try:
            status = root.stat()
        except OSError as error:
            if error.errno == errno.ENOENT and root.is_symlink():
                on_problem(Problem("W108", str(given), f"dangling link to {os.readlink(root)!r}"))
            elif error.errno == errno.ENOENT:
                on_problem(Problem("W108", str(given), "no such file or directory"))
            else:  # too long a name, a loop of links, no permission …
                on_problem(Problem("W107", str(given), f"cannot read: {error.strerror or error}"))
            continue
        if stat.S_ISDIR(status.st_mode):
            files = [(p, _id_for(p, root)) for p in _files_under(root, on_problem)]
        elif stat.S_ISREG(status.st_mode):
            files = [(root, _id_for(root, None))]
        else:
            on_problem(Problem("W105", str(given), "not a regular file (a pipe, socket or device); skipped"))
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
