"""The interactive network explorer: one self-contained, offline HTML page.

pyvis assembles the nodes and edges, but the page is rendered with our own autoescaped
Jinja2 template (``kg/templates/explorer.html``) because pyvis's template loads Bootstrap and
vis-network from CDNs and does not escape names taken from articles (DESIGN.md §7).
vis-network itself is inlined from the copy bundled with pyvis, and a Content-Security-Policy
forbids every network load, so the file works from a laptop with no connection.

Positions are computed here with ForceAtlas2 and shipped with physics off: physics
stabilisation in the browser takes minutes on graphs of a few thousand nodes.

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

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Hashable

import jinja2
import networkx as nx
import numpy as np
from markupsafe import Markup
from pyvis.network import Network

from kg.network import collapse

__all__ = ["explorer_html", "write_explorer", "TYPE_STYLES", "DEFAULT_TITLE"]

DEFAULT_TITLE = "newsgraph explorer"


@dataclass(frozen=True)
class TypeStyle:
    """How the nodes of one entity type are drawn: a fill colour and a vis-network shape."""

    colour: str
    shape: str


# Colours from the Tableau 10 palette (distinguishable for most colour-blind readers);
# shapes differ too, so the type can be told without colour.
TYPE_STYLES: dict[str, TypeStyle] = {
    "Person": TypeStyle("#4e79a7", "dot"),
    "State": TypeStyle("#e15759", "hexagon"),
    "City": TypeStyle("#f28e2b", "triangle"),
    "Organisation": TypeStyle("#59a14f", "square"),
    "Location": TypeStyle("#9c755f", "diamond"),
    "Group": TypeStyle("#b07aa1", "star"),
}
_OTHER_TYPE = "Other"
_OTHER_STYLE = TypeStyle("#8c8c8c", "dot")

_EDGE_COLOURS = {
    "asserted": "#5b6573",
    "claim": "#a0a7b4",       # negated / hypothetical / intended / reported
    "structural": "#c3c8d0",
}

_EDGE_DASHES = {"asserted": False, "claim": [7, 5], "structural": [2, 4]}

_LAYOUT_SEED = 20220224        # any fixed number: the same graph always gets the same picture
_LAYOUT_ITERATIONS = 100
_PIXELS_PER_NODE = 85          # radius grows with sqrt(n), so the density stays roughly constant
_MIN_RADIUS = 300.0
_LABEL_MARGIN = 6.0            # pixels kept free around a node and its label
_SEPARATE_AT_MOST = 2500       # on dense layouts the candidate pairs grow quadratically
_MAX_LABEL_WIDTH = 400.0       # a freak long name must not push every other node away

_TEMPLATE = "explorer.html"
_VIS_FOLDER = "templates/lib/vis-9.1.2"

# Characters that could end a <script> element or an HTML comment, or break a JS string literal
# (U+2028/2029), replaced by JSON's own \u escapes: json.loads reads them back unchanged.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_ESCAPE_PATTERN = re.compile("[<>&\u2028\u2029]")


def explorer_html(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE) -> str:
    """Render the explorer page for a projected graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Entities keyed by IRI (attributes ``label``, ``type``, ``alt_labels``, ``country``,
        ``articles``, ``lat``, ``long``) and relation mentions as edges (``relation``,
        ``structural``, ``sentence``, ``modality``, ``article``, ``date``), as made by
        :func:`kg.network.project`. It is not modified.
    title : str, optional
        Shown as the page title and heading.

    Returns
    -------
    str
        A complete HTML document with vis-network and the data inlined; it loads nothing
        from the network.
    """
    sizes = {node: _node_size(graph, node) for node in graph.nodes}
    positions = _layout_positions(graph, sizes)
    network = _assemble_network(graph, sizes, positions)
    return _render_page(network, title)


def write_explorer(graph: nx.MultiDiGraph, path: Path, title: str = DEFAULT_TITLE) -> Path:
    """Write the explorer page for ``graph`` to ``path`` (parent folders are created).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The projected graph, see :func:`explorer_html`. It is not modified.
    path : pathlib.Path
        Where to write the HTML file.
    title : str, optional
        Shown as the page title and heading.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(explorer_html(graph, title), encoding="utf-8")
    return path


# --- layout ---------------------------------------------------------------------------------

def _layout_positions(graph: nx.MultiDiGraph,
                      sizes: dict[Hashable, float]) -> dict[Hashable, tuple[float, float]]:
    """Pixel positions for every node, isolated ones included, deterministic for a graph."""
    if graph.number_of_nodes() == 0:
        return {}
    undirected = _layout_graph(graph)
    # Strong gravity keeps small components and isolated entities near the main one instead
    # of drifting to the edge, where they would shrink everything else when the view fits.
    raw = nx.forceatlas2_layout(undirected, max_iter=_LAYOUT_ITERATIONS, weight="weight",
                                strong_gravity=True, seed=_LAYOUT_SEED)
    nodes = list(raw)
    points = _scale_to_pixels(np.array([raw[node] for node in nodes], dtype=float))
    if len(nodes) <= _SEPARATE_AT_MOST:
        points = _separate(points, np.array([_half_box(graph, node, sizes[node]) for node in nodes]))
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, points)}


def _layout_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The collapsed graph without direction, nodes in sorted order, log-damped weights.

    Sorting makes the layout independent of insertion order; damping keeps a pair mentioned
    a hundred times from collapsing onto one point.
    """
    counts: Counter[frozenset] = Counter()
    for source, target, data in collapse(graph, include_structural=True).edges(data=True):
        if source != target:
            counts[frozenset((source, target))] += data["weight"]
    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(graph.nodes, key=str))
    for pair, count in sorted(counts.items(), key=lambda item: sorted(map(str, item[0]))):
        undirected.add_edge(*pair, weight=1.0 + math.log(count))
    return undirected


def _scale_to_pixels(points: np.ndarray) -> np.ndarray:
    """Centre the layout and scale it to a radius that grows with the square root of its size."""
    centred = points - points.mean(axis=0)
    extent = float(np.abs(centred).max())
    radius = max(_MIN_RADIUS, _PIXELS_PER_NODE * math.sqrt(len(points)))
    return centred * (radius / extent) if extent > 0 else centred   # one node sits at the origin


def _half_box(graph: nx.MultiDiGraph, node: Hashable, size: float) -> tuple[float, float]:
    """Half width and half height of the space a node's shape and label take on screen."""
    font = _label_font_size(size)
    label_width = min(_MAX_LABEL_WIDTH, 0.56 * font * len(_label(node, graph.nodes[node])))
    return (max(size, label_width / 2) + _LABEL_MARGIN, size + font + _LABEL_MARGIN)


def _separate(points: np.ndarray, half_sizes: np.ndarray, rounds: int = 50) -> np.ndarray:
    """Push apart nodes whose boxes (shape plus label) overlap, each pair along one axis.

    ForceAtlas2 pulls the two ends of a lone edge close together and ignores labels, which
    are wide; a few rounds of pairwise pushes fix that without changing the overall picture.
    ``half_sizes`` holds each box's half width and half height.
    """
    points = points.copy()
    for _ in range(rounds):
        first, second = _close_pairs(points, half_sizes)
        delta = points[first] - points[second]
        overlap = half_sizes[first] + half_sizes[second] - np.abs(delta)
        clash = (overlap > 0).all(axis=1)
        if not clash.any():
            break
        first, second, delta, overlap = first[clash], second[clash], delta[clash], overlap[clash]
        # Move vertically unless the horizontal move is much smaller: labels are wide, so a
        # vertical move usually resolves a clash with the least disturbance.
        axis = np.where(overlap[:, 0] * 2 < overlap[:, 1], 0, 1)
        rows = np.arange(len(first))
        # Coincident points have no side to push to; their order decides it, deterministically.
        side = np.where(delta[rows, axis] != 0, np.sign(delta[rows, axis]), np.sign(first - second))
        push = np.zeros_like(delta)
        push[rows, axis] = overlap[rows, axis] * side / 2
        np.add.at(points, first, push)
        np.add.at(points, second, -push)
    return points


def _close_pairs(points: np.ndarray, half_sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j) of nodes near enough in x for their boxes to overlap.

    A sweep over the points sorted by x: linear in the number of candidate pairs instead of
    quadratic in the number of nodes.
    """
    order = np.argsort(points[:, 0], kind="stable")
    xs = points[order, 0]
    reach = 2 * float(half_sizes[:, 0].max())
    ends = np.searchsorted(xs, xs + reach, side="right")
    counts = ends - np.arange(len(xs)) - 1
    starts = np.repeat(np.arange(len(xs)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return order[starts], order[starts + 1 + offsets]


# --- nodes and edges ------------------------------------------------------------------------

def _assemble_network(graph: nx.MultiDiGraph, sizes: dict[Hashable, float],
                      positions: dict[Hashable, tuple[float, float]]) -> Network:
    """A pyvis Network holding one vis node per entity and one vis edge per mention."""
    network = Network(directed=True)   # undirected pyvis networks drop parallel edges
    ids = {node: _node_id(node) for node in graph.nodes}
    for node, data in graph.nodes(data=True):
        network.add_node(ids[node], **_node_options(node, data, sizes[node], positions[node]))
    curves = _edge_curves(graph)
    for index, (source, target, key, data) in enumerate(graph.edges(keys=True, data=True)):
        network.add_edge(ids[source], ids[target], id=f"e{index}",
                         smooth=curves[(source, target, key)], **_edge_options(data))
    return network


def _node_id(node: Hashable) -> str | int:
    """pyvis accepts only str or int ids; IRIs are already strings."""
    return node if isinstance(node, (str, int)) else str(node)


def _node_options(node: Hashable, data: dict, size: float,
                  position: tuple[float, float]) -> dict[str, Any]:
    """vis options and the entity facts the side panel shows, copied out of ``data``."""
    entity_type = data.get("type") if data.get("type") in TYPE_STYLES else _OTHER_TYPE
    style = TYPE_STYLES.get(entity_type, _OTHER_STYLE)
    label = _label(node, data)
    articles = [str(article) for article in data.get("articles") or []]
    return {
        "label": label,
        "shape": style.shape,
        "color": {"background": style.colour, "border": _darker(style.colour),
                  "highlight": {"background": style.colour, "border": "#1f2933"},
                  "hover": {"background": style.colour, "border": "#1f2933"}},
        "size": size,
        "font": {"size": _label_font_size(size)},
        "x": position[0],
        "y": position[1],
        "title": _node_tooltip(label, entity_type, len(articles)),
        "entityType": entity_type,
        "altLabels": [str(name) for name in data.get("alt_labels") or []],
        "country": _optional_text(data.get("country")),
        "articles": articles,
        "lat": _optional_number(data.get("lat")),
        "long": _optional_number(data.get("long")),
        "iri": str(node),
    }


def _node_size(graph: nx.MultiDiGraph, node: Hashable) -> float:
    """Grows with the articles mentioning the entity and its relations; capped for hubs."""
    weight = len(graph.nodes[node].get("articles") or []) + graph.degree(node)
    return round(min(42.0, 9.0 + 4.0 * math.sqrt(weight)), 1)


def _label(node: Hashable, data: dict) -> str:
    return str(data.get("label") or _local_name(node))


def _label_font_size(size: float) -> int:
    """Bigger entities get bigger labels, which stay readable when zoomed out."""
    return round(14 + (size - 9) / 2)


def _node_tooltip(label: str, entity_type: str, article_count: int) -> str:
    """Plain text: vis-network shows tooltips with innerText, so markup would show raw."""
    articles = f"{article_count} article" + ("" if article_count == 1 else "s")
    return f"{label}\n{entity_type} · {articles}"


def _edge_options(data: dict) -> dict[str, Any]:
    """vis options for one edge: solid for asserted mentions, dashed for claims and structure."""
    relation = str(data.get("relation") or "related")
    structural = bool(data.get("structural"))
    modality = None if structural else str(data.get("modality") or "asserted")
    kind = "structural" if structural else ("asserted" if modality == "asserted" else "claim")
    label = _relation_words(relation) + ("" if kind != "claim" else f" ({modality})")
    return {
        "label": label,
        "title": _edge_tooltip(label, data),
        "dashes": _EDGE_DASHES[kind],
        "width": 0.8 if structural else 1.6,
        "color": {"color": _EDGE_COLOURS[kind], "highlight": "#1f2933", "hover": "#1f2933"},
        "font": {"color": "#6b7280" if kind != "asserted" else "#374151"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.4 if structural else 0.55}},
        "kind": kind,
        "relation": relation,
        "relationLabel": _relation_words(relation),
        "structural": structural,
        "modality": modality,
        "sentence": _optional_text(data.get("sentence")),
        "article": _optional_text(data.get("article")),
        "date": _optional_text(data.get("date")),
    }


def _edge_tooltip(label: str, data: dict) -> str:
    """Plain text: the relation, and the evidence sentence when there is one."""
    sentence = data.get("sentence")
    return label if not sentence else f"{label}\n“{sentence}”"


def _edge_curves(graph: nx.MultiDiGraph) -> dict[tuple, dict[str, Any]]:
    """A distinct curve for each edge between the same two nodes, so parallel mentions show.

    Edges are numbered per unordered pair; odd and even numbers bend to opposite sides.
    vis bends ``curvedCW`` relative to the edge's own direction, so a reversed edge swaps the
    side to keep every edge of a pair on its own arc.
    """
    seen: Counter[frozenset] = Counter()
    curves = {}
    for source, target, key in graph.edges(keys=True):
        pair = frozenset((source, target))
        rank = seen[pair]
        seen[pair] += 1
        if rank == 0 or source == target:
            curves[(source, target, key)] = {"enabled": source == target, "type": "curvedCW",
                                             "roundness": 0.2}
            continue
        clockwise = rank % 2 == 1
        if str(source) > str(target):
            clockwise = not clockwise
        curves[(source, target, key)] = {"enabled": True,
                                         "type": "curvedCW" if clockwise else "curvedCCW",
                                         "roundness": min(0.95, 0.18 * ((rank + 1) // 2))}
    return curves


def _relation_words(relation: str) -> str:
    """``calledOn`` → ``called on``: the property's local name as words."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", relation).lower()


def _optional_text(value: Any) -> str | None:
    """Text for JSON; dates and other objects become their string form."""
    return None if value is None else str(value)


def _optional_number(value: Any) -> float | None:
    """A finite float or None: JSON has no NaN, and a missing coordinate is not zero."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _local_name(iri: Hashable) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _darker(colour: str, factor: float = 0.72) -> str:
    """The same hue, darker: used for node borders."""
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(channel * factor):02x}" for channel in channels)


# --- page -----------------------------------------------------------------------------------

def _render_page(network: Network, title: str) -> str:
    """Fill the autoescaped template with the network, the legend and the inlined library."""
    vis_js, vis_css = _vis_library()
    template = _template_environment().get_template(_TEMPLATE)
    return template.render(
        title=title,
        summary=_summary(network),
        legend=_legend(network),
        nodes_json=_script_json(network.nodes),
        edges_json=_script_json(network.edges),
        options_json=_script_json(_vis_options(network)),
        types_json=_script_json({name: {"colour": style.colour, "shape": style.shape}
                                 for name, style in {**TYPE_STYLES, _OTHER_TYPE: _OTHER_STYLE}.items()}),
        vis_js=Markup(vis_js),     # trusted: the library bundled with pyvis, checked below
        vis_css=Markup(vis_css),
    )


def _summary(network: Network) -> dict[str, int]:
    """Counts for the summary line."""
    kinds = Counter(edge["kind"] for edge in network.edges)
    return {"entities": len(network.nodes),
            "relations": kinds["asserted"] + kinds["claim"],
            "claims": kinds["claim"],
            "structural": kinds["structural"]}


def _legend(network: Network) -> list[dict[str, Any]]:
    """One row per entity type present (in the fixed type order), with its colour and count."""
    counts = Counter(node["entityType"] for node in network.nodes)
    order = [*TYPE_STYLES, _OTHER_TYPE]
    return [{"type": name, "count": counts[name],
             "colour": TYPE_STYLES.get(name, _OTHER_STYLE).colour,
             "shape": TYPE_STYLES.get(name, _OTHER_STYLE).shape}
            for name in order if counts[name]]


def _vis_options(network: Network) -> dict[str, Any]:
    """vis-network options: physics off (positions come from Python), readable labels."""
    large = len(network.edges) > 3000      # redrawing many edges while dragging stutters
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},   # positions are given; skip vis's own clustering
        "interaction": {"hover": True, "tooltipDelay": 250, "navigationButtons": False,
                        "keyboard": {"enabled": True, "bindToWindow": False},
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large, "multiselect": False},
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"size": 15, "face": "system-ui, -apple-system, 'Segoe UI', sans-serif",
                           "color": "#1f2933", "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"selectionWidth": 2, "hoverWidth": 1,
                  "font": {"size": 11, "face": "system-ui, -apple-system, 'Segoe UI', sans-serif",
                           "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
                  "scaling": {"label": {"drawThreshold": 8}}},
    }


def _script_json(value: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no string from an article can close the
    script element; U+2028/2029 are escaped too for older JavaScript parsers. The result is
    marked safe because HTML-escaping it would corrupt the JSON (script content is raw text).
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Markup(_SCRIPT_ESCAPE_PATTERN.sub(lambda match: _SCRIPT_ESCAPES[match.group()], text))


@lru_cache(maxsize=1)
def _vis_library() -> tuple[str, str]:
    """vis-network's JavaScript and CSS from pyvis's bundled copy (no CDN)."""
    folder = files("pyvis").joinpath(_VIS_FOLDER)
    js = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    # Inlined verbatim, so it must not be able to end its own element early.
    if re.search(r"</script", js, re.IGNORECASE) or re.search(r"</style", css, re.IGNORECASE):
        raise RuntimeError("the bundled vis-network cannot be inlined safely")
    return js, css


@lru_cache(maxsize=1)
def _template_environment() -> jinja2.Environment:
    """Jinja2 with autoescaping always on: every name in the page comes from an article."""
    return jinja2.Environment(loader=jinja2.PackageLoader("kg", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)
