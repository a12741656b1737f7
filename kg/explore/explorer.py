"""The interactive network explorer: one self-contained, offline HTML page.

The page draws with sigma.js (WebGL) over a graphology graph, and lays the network out in a
web worker with graphology's ForceAtlas2 (Barnes–Hut above a few hundred nodes), so the
first paint never waits for the layout and filters lay the remaining network out again. The
libraries are vendored from the npm registry in ``kg/vendor/`` (with their licences) and
inlined; a Content-Security-Policy forbids every network load.

Python prepares the data: one node per entity (the ``max_nodes`` most central ones, by
PageRank, when there are more), one *pair* per two entities related by any mention or place
link — drawn as one edge with a count and the relation names — and every relation mention
with its evidence, including those the network cannot draw (an unknown actor, no object).
Every string from an article reaches the page only as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the page's
script writes it with ``textContent``; the template is autoescaped.

Examples
--------
>>> g = nx.MultiDiGraph()
>>> g.add_node("urn:a", label="Russia", type="State")
>>> g.add_node("urn:b", label="Ukraine", type="State")
>>> g.add_edge("urn:a", "urn:b", relation="attacked", structural=False, modality="asserted",
...            sentence="Russia attacked Ukraine.", article="a1", date="2022-02-24")
0
>>> page = explorer_html(g)
>>> '"label":"Russia"' in page, "<script src=" in page
(True, False)
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Hashable, Iterator
from urllib.parse import urlsplit

import jinja2
import networkx as nx
import numpy as np
from markupsafe import Markup

from kg.data import read_tsv
from kg.building.outputs import write_file_atomically

__all__ = ["explorer_html", "write_explorer", "page_data", "TYPE_STYLES", "DEFAULT_TITLE",
           "DEFAULT_MAX_NODES", "MODALITIES", "relation_family"]

DEFAULT_TITLE = "newsgraph explorer"
DEFAULT_MAX_NODES = 5000
MODALITIES = ("asserted", "reported", "negated", "hypothetical", "intended")


@dataclass(frozen=True)
class TypeStyle:
    """How the nodes of one entity type are drawn: a fill colour."""

    colour: str


# Colours from the Tableau 10 palette (distinguishable for most colour-blind readers).
TYPE_STYLES: dict[str, TypeStyle] = {
    "Person": TypeStyle("#4e79a7"),
    "State": TypeStyle("#e15759"),
    "City": TypeStyle("#f28e2b"),
    "Organisation": TypeStyle("#59a14f"),
    "Location": TypeStyle("#9c755f"),
    "Group": TypeStyle("#b07aa1"),
}
_OTHER_TYPE = "Other"
_OTHER_STYLE = TypeStyle("#8c8c8c")

FAMILY_COLOURS = {"conflict": "#c0392b", "cooperation": "#2874a6", "other": "#7b8794", "place": "#b8c0cc"}

_PAGERANK_DAMPING = 0.85
_PAGERANK_ROUNDS = 60
_TEMPLATE = "explorer.html"
_VENDOR = ("sigma.min.js", "graphology.umd.min.js", "forceatlas2-iterate.js")

# Characters that could end a <script> element or open an HTML comment, or break a JS string
# literal (U+2028/2029), replaced by JSON's own \u escapes: JSON.parse reads them back unchanged.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_ESCAPE_PATTERN = re.compile("[<>&\u2028\u2029]")
# Where the data goes in the rendered page, until it is written there a piece at a time
# (NUL characters: nothing the template or a title gives the page holds them).
_DATA_PLACE = "\0kg-page-data\0"
_JSON_LEVELS_IN_PARTS = 2  # the page data's dict and its lists: each node and mention a piece


def explorer_html(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE,
                  max_nodes: int = DEFAULT_MAX_NODES) -> str:
    """Render the explorer page for a projected graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Entities keyed by IRI and relation mentions as edges, as made by
        :func:`kg.explore.page.explorer_graph` (or :func:`kg.explore.network.project`, which has fewer
        facts); missing attributes are left out of the page. It is not modified.
    title : str, optional
        Shown as the page title and heading.
    max_nodes : int, optional
        Draw at most this many entities, the most central ones; the page says how many
        were left out.

    Returns
    -------
    str
        A complete HTML document with the libraries and the data inlined; it loads nothing
        from the network.
    """
    return "".join(explorer_html_parts(graph, title, max_nodes))


def explorer_html_parts(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE,
                        max_nodes: int = DEFAULT_MAX_NODES) -> Iterator[str]:
    """:func:`explorer_html` in pieces that join to the same page: the page around its data,
    and the data's JSON a piece at a time, so that the page is never one string in memory
    (the data of a large corpus runs to megabytes, and each copy of it costs as much)."""
    data = page_data(graph, max_nodes)
    page = _render(data, title, Markup(_DATA_PLACE))
    before, found, after = page.partition(_DATA_PLACE)
    if not found or _DATA_PLACE in after:  # the place marker in the title itself: the page in one piece
        yield _render(data, title, _script_json(data))
        return
    del page
    yield before
    yield from _script_json_parts(data)
    yield after


def _render(data: dict[str, Any], title: str, data_json: Markup) -> str:
    """The page of ``data`` with ``data_json`` as its data."""
    template = _template_environment().get_template(_TEMPLATE)
    return template.render(
        title=title,
        summary=data["summary"],
        legend=_legend(data),
        data_json=data_json,
        # trusted: the vendored libraries, checked in _vendor_libraries
        libraries=[Markup(text) for text in _vendor_libraries()[:2]],
        forceatlas2=Markup(_vendor_libraries()[2]),
        licences=_vendor_licences(),
    )


def write_explorer(graph: nx.MultiDiGraph, path: Path, title: str = DEFAULT_TITLE,
                   max_nodes: int = DEFAULT_MAX_NODES) -> Path:
    """Write the explorer page for ``graph`` to ``path`` atomically (parent folders are made),
    a piece at a time (:func:`explorer_html_parts`).

    A symbolic link at ``path`` is replaced by the file, never written through.
    """
    def write(handle) -> None:
        for part in explorer_html_parts(graph, title, max_nodes):
            handle.write(part.encode("utf-8"))

    path = Path(path)
    write_file_atomically(path, write, "E801")
    return path


# --- the page's data ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    return {row["plover"]: row["family"] for row in read_tsv("plover_families.tsv")}


@lru_cache(maxsize=1)
def _lexicon_plover() -> dict[str, str]:
    found: dict[str, str] = {}
    for row in read_tsv("relations.tsv"):  # a relation's own type is its first row's
        found.setdefault(row["relation"], row["plover"])
    return found


def relation_family(plover: str | None) -> str:
    """``cooperation`` or ``conflict`` for a PLOVER type (``other`` when unknown).

    >>> relation_family("ASSAULT"), relation_family("AGREE"), relation_family(None)
    ('conflict', 'cooperation', 'other')
    """
    return _families().get(plover or "", "other")


def page_data(graph: nx.MultiDiGraph, max_nodes: int = DEFAULT_MAX_NODES) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data (indices instead of repeated IRIs)."""
    scores = centrality(graph)
    everyone = sorted(graph.nodes, key=lambda n: (-scores[n], str(n)))
    kept = everyone[:max(0, max_nodes)]
    index = {node: i for i, node in enumerate(kept)}

    articles, article_index = _articles(graph)
    relations: dict[str, int] = {}
    relation_rows: list[dict[str, Any]] = []
    plover_of = {**_lexicon_plover(), **(graph.graph.get("relation_plover") or {})}

    def relation_id(name: str, structural: bool, plover: str | None = None) -> int:
        if name not in relations:
            plover = None if structural else (plover or plover_of.get(name))
            relations[name] = len(relation_rows)
            relation_rows.append({"name": name, "label": _relation_words(name), "plover": plover,
                                  "family": "place" if structural else relation_family(plover),
                                  "structural": structural})
        return relations[name]

    def article_id(value: Any) -> int | None:
        if value is None:
            return None
        key = str(value)
        if key not in article_index:
            article_index[key] = len(articles)
            articles.append({"id": key, "title": None, "date": None, "url": None})
        return article_index[key]

    pairs: dict[tuple[int, int], int] = {}
    pair_rows: list[list[int]] = []

    def pair_id(a: int, b: int) -> int:
        key = (a, b) if a <= b else (b, a)
        if key not in pairs:
            pairs[key] = len(pair_rows)
            pair_rows.append(list(key))
        return pairs[key]

    mentions: list[dict[str, Any]] = []
    links: list[list[int]] = []
    degree: Counter[Hashable] = Counter()
    for source, target, key, data in sorted(graph.edges(keys=True, data=True),
                                            key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        name = str(data.get("relation") or "relatedTo")
        if data.get("structural"):
            if source in index and target in index and source != target:
                links.append([pair_id(index[source], index[target]), relation_id(name, True)])
            continue
        degree[source] += 1
        degree[target] += 1
        record = _mention(data, relation_id(name, False, data.get("plover")), article_id(data.get("article")))
        if source in index and target in index and source != target:
            record["s"], record["o"] = index[source], index[target]
            record["p"] = pair_id(index[source], index[target])
        else:
            record["s"] = index.get(source)
            record["o"] = index.get(target)
            record["sn"] = _label(source, graph.nodes[source])
            record["on"] = _label(target, graph.nodes[target])
            record["why"] = "self" if source == target else "cut"
        mentions.append(record)
    for loose in graph.graph.get("loose_mentions") or []:
        name = str(loose.get("relation") or "relatedTo")
        record = _mention(loose, relation_id(name, False, loose.get("plover")), article_id(loose.get("article")))
        source, target = loose.get("source"), loose.get("target")
        record["s"] = index.get(source)
        record["o"] = index.get(target)
        record["sn"] = _label(source, graph.nodes[source]) if source in graph else "unknown actor"
        if loose.get("has_object", target is not None) or target is not None:
            record["on"] = _label(target, graph.nodes[target]) if target in graph else "unknown actor"
        has_object = loose.get("has_object", target is not None)
        record["why"] = ("unknown" if source not in graph or (has_object and target not in graph)
                         else "noobject" if not has_object else "cut")
        mentions.append(record)

    def label_of(node: Hashable) -> str:
        return _label(node, graph.nodes[node]) if node in graph else _local_name(node)

    nodes = [_node(node, graph.nodes[node], scores[node], degree[node], index, article_id, label_of)
             for node in kept]
    shrink = 1.0 if len(kept) <= 500 else 0.7 if len(kept) <= 2000 else 0.45   # crowded networks: smaller dots
    for node in nodes:
        node["size"] = round(node["size"] * shrink, 1)
    dates = sorted(m["d"][:10] for m in mentions if m.get("d"))
    kinds = Counter(m.get("m", "asserted") for m in mentions)
    drawable = sum("p" in m for m in mentions)
    return {
        "nodes": nodes,
        "pairs": pair_rows,
        "mentions": mentions,
        "links": links,
        "relations": relation_rows,
        "articles": articles,
        "types": {name: style.colour for name, style in {**TYPE_STYLES, _OTHER_TYPE: _OTHER_STYLE}.items()},
        "families": FAMILY_COLOURS,
        "modalities": list(MODALITIES) + sorted(set(kinds) - set(MODALITIES)),
        "summary": {"entities": graph.number_of_nodes(), "drawn": len(kept),
                    "cut": graph.number_of_nodes() - len(kept), "maxNodes": max_nodes,
                    "mentions": len(mentions), "drawable": drawable,
                    "claims": sum(count for kind, count in kinds.items() if kind != "asserted"),
                    "links": len(links), "articles": len(articles),
                    "firstDate": dates[0] if dates else None, "lastDate": dates[-1] if dates else None,
                    "confidence": any(m.get("c") is not None for m in mentions)},
    }


def _articles(graph: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The articles the graph knows of (with title, date, URL), sorted by date then id."""
    known = dict(graph.graph.get("articles") or {})
    for _, data in graph.nodes(data=True):
        for article in data.get("articles") or []:
            known.setdefault(str(article), {})
    rows = [{"id": str(key), "title": _text(value.get("title")), "date": _text(value.get("date")),
             "url": _web_url(value.get("url"))} for key, value in known.items()]
    rows.sort(key=lambda row: (row["date"] or "", row["id"]))
    return rows, {row["id"]: i for i, row in enumerate(rows)}


def _mention(data: dict, relation: int, article: int | None) -> dict[str, Any]:
    """One relation mention's evidence, with short keys and no empty values."""
    record = {"r": relation, "m": str(data.get("modality") or "asserted"), "a": article,
              "d": _text(data.get("date")), "c": _number(data.get("confidence")),
              "t": _text(data.get("sentence")), "g": _text(data.get("trigger")),
              "st": _text(data.get("subject_text")), "ot": _text(data.get("object_text")),
              "rep": _text(data.get("reporter"))}
    return {key: value for key, value in record.items() if value is not None}


def _node(node: Hashable, data: dict, score: float, degree: int, index: dict,
          article_id, label_of) -> dict[str, Any]:
    entity_type = data.get("type") if data.get("type") in TYPE_STYLES else _OTHER_TYPE
    x, y = _seed_position(str(node))
    positions = []
    for position in data.get("positions") or []:
        of = position.get("of")
        positions.append({"title": str(position.get("title")), "of": index.get(of),
                          "ofName": None if of is None else label_of(of)})
    record = {
        "id": str(node),
        "label": _label(node, data),
        "type": entity_type,
        "alt": [str(name) for name in data.get("alt_labels") or []],
        "country": _text(data.get("country")),
        "geonames": _web_url(data.get("geonames")),
        "lat": _number(data.get("lat")),
        "long": _number(data.get("long")),
        "articles": [article_id(a) for a in data.get("articles") or []],
        "positions": positions,
        "score": round(score, 6),
        "mentions": degree,
        "size": node_size(degree),
        "x": x,
        "y": y,
    }
    return {key: value for key, value in record.items() if value not in (None, [])}


def node_size(mentions: int) -> float:
    """A node's radius in pixels: grows with the square root of its relation mentions.

    >>> node_size(0), node_size(4), node_size(10_000)
    (3.0, 6.6, 22.0)
    """
    return round(min(22.0, 3.0 + 1.8 * math.sqrt(mentions)), 1)


def centrality(graph: nx.MultiDiGraph) -> dict[Hashable, float]:
    """PageRank of every node on the undirected network of relation mentions and place links
    (a mention weighs 1, a place link 0.5), by power iteration: linear in the edges.

    Isolated nodes get only the teleport share, so they rank last; ties stay in IRI order.
    """
    nodes = sorted(graph.nodes, key=str)
    if not nodes:
        return {}
    position = {node: i for i, node in enumerate(nodes)}
    sources, targets, weights = [], [], []
    for source, target, data in graph.edges(data=True):
        if source == target:
            continue
        weight = 0.5 if data.get("structural") else 1.0
        sources += [position[source], position[target]]
        targets += [position[target], position[source]]
        weights += [weight, weight]
    count = len(nodes)
    rank = np.full(count, 1.0 / count)
    if sources:
        src, dst, w = np.array(sources), np.array(targets), np.array(weights)
        out = np.bincount(src, weights=w, minlength=count)
        share = w / out[src]
        dangling = out == 0
        for _ in range(_PAGERANK_ROUNDS):
            spread = np.bincount(dst, weights=rank[src] * share, minlength=count)
            rank = (1 - _PAGERANK_DAMPING) / count + _PAGERANK_DAMPING * (spread + rank[dangling].sum() / count)
    return {node: float(rank[position[node]]) for node in nodes}


def _seed_position(iri: str) -> tuple[float, float]:
    """A starting point for the layout that depends on the IRI alone: the same entity starts
    at the same place in every build, so the same graph always gets the same picture."""
    digest = hashlib.blake2b(iri.encode("utf-8"), digest_size=8).digest()
    angle = int.from_bytes(digest[:4], "big") / 2**32 * 2 * math.pi
    radius = math.sqrt(int.from_bytes(digest[4:], "big") / 2**32) * 100
    return round(radius * math.cos(angle), 3), round(radius * math.sin(angle), 3)


def _label(node: Hashable, data: dict) -> str:
    return str(data.get("label") or _local_name(node))


def _relation_words(relation: str) -> str:
    """``calledOn`` → ``called on``: the property's local name as words."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", relation).lower()


def _text(value: Any) -> str | None:
    """Text for JSON; dates and other objects become their string form."""
    return None if value is None or value == "" else str(value)


def _number(value: Any) -> float | None:
    """A finite float or None: JSON has no NaN, and a missing coordinate is not zero."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _web_url(value: Any) -> str | None:
    """An http(s) URL, or None: the page links only to the web, never to ``javascript:``."""
    if not value:
        return None
    text = str(value).strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _local_name(iri: Hashable) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# --- page -----------------------------------------------------------------------------------

def _legend(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per entity type present (in the fixed type order), with its colour and count."""
    counts = Counter(node["type"] for node in data["nodes"])
    order = [*TYPE_STYLES, _OTHER_TYPE]
    return [{"type": name, "count": counts[name], "colour": TYPE_STYLES.get(name, _OTHER_STYLE).colour}
            for name in order if counts[name]]


def _script_json(value: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no string from an article can close the
    script element or open a comment; U+2028/2029 are escaped too. The result is marked safe
    because HTML-escaping it would corrupt the JSON (script content is raw text).
    """
    return Markup(_script_escaped(_json(value)))


def _script_json_parts(value: Any, levels: int = _JSON_LEVELS_IN_PARTS) -> Iterator[str]:
    """:func:`_script_json` of ``value`` in pieces: the dicts (with text keys) and lists of its
    first ``levels`` levels taken apart, each value inside them encoded on its own. The
    escapes replace single characters, so escaping each piece escapes the whole.

    >>> value = {"a": [1, "<b>"], "c": {"d": None}}
    >>> "".join(_script_json_parts(value)) == _script_json(value)
    True
    """
    if levels and isinstance(value, dict) and all(isinstance(key, str) for key in value):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield ("," if n else "") + _script_escaped(_json(key)) + ":"
            yield from _script_json_parts(item, levels - 1)
        yield "}"
    elif levels and isinstance(value, list):
        yield "["
        for n, item in enumerate(value):
            if n:
                yield ","
            yield from _script_json_parts(item, levels - 1)
        yield "]"
    else:
        yield _script_escaped(_json(value))


def _json(value: Any) -> str:
    """Compact JSON, non-ASCII characters as they are."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _script_escaped(text: str) -> str:
    """JSON text with the characters :data:`_SCRIPT_ESCAPES` names escaped."""
    return _SCRIPT_ESCAPE_PATTERN.sub(lambda match: _SCRIPT_ESCAPES[match.group()], text)


@lru_cache(maxsize=1)
def _vendor_libraries() -> tuple[str, ...]:
    """sigma.js, graphology and ForceAtlas2's step from ``kg/vendor`` (no CDN)."""
    folder = files("kg").joinpath("vendor")
    texts = tuple(folder.joinpath(name).read_text(encoding="utf-8") for name in _VENDOR)
    for name, text in zip(_VENDOR, texts):
        # Inlined verbatim, so it must not be able to end its own element or open a comment.
        if re.search(r"</script|<!--|<script", text, re.IGNORECASE):
            raise RuntimeError(f"the vendored {name} cannot be inlined safely")
    return texts


@lru_cache(maxsize=1)
def _vendor_licences() -> str:
    """The licence texts of the inlined libraries, for a comment in the page."""
    folder = files("kg").joinpath("vendor")
    names = ("sigma", "events", "graphology-utils", "graphology", "graphology-layout-forceatlas2")
    text = "\n\n".join(f"{name}:\n{folder.joinpath(f'{name}.LICENSE.txt').read_text(encoding='utf-8').strip()}"
                       for name in names)
    return text.replace("--", "- -")     # nothing in a comment may end it


@lru_cache(maxsize=1)
def _template_environment() -> jinja2.Environment:
    """Jinja2 with autoescaping always on: every name in the page comes from an article."""
    return jinja2.Environment(loader=jinja2.PackageLoader("kg", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)
