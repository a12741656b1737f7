"""The explorer without WebGL: a smaller page that pyvis assembles and vis-network draws on a 2D canvas.

``kg explore --renderer vis`` writes it for browsers without WebGL and for small graphs. It
reads the same projection as the main page (:func:`kg.explore.page.explorer_graph`), keeps the
``max_nodes`` most central entities (PageRank, default 1,000) and draws one line per pair of
related entities: its colour is the family of the relations (conflict, cooperation, other;
grey and dashed for the gazetteer's place links, pale when nothing on it is asserted), its
width grows with the mentions, and its tooltip names the relations, with their counts, and
quotes some of the evidence. Nodes are coloured by entity type (with a legend) and sized by
their relation mentions. Positions are computed in Python; the page lets vis-network's
physics settle them for a moment and then turns physics off, so nothing moves afterwards.

pyvis's :class:`~pyvis.network.Network` assembles the nodes, edges and options and renders
the page with ``generate_html()`` — through newsgraph's own template (pyvis 0.3.2's template
loads Bootstrap from a CDN even with ``cdn_resources="in_line"`` and does not escape names).
vis-network 9.1.2 is inlined from the copy pyvis ships; a Content-Security-Policy forbids
every network load. Every string from an article reaches the page only as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped; tooltips are
elements filled with ``textContent`` (plain text), labels are drawn on the canvas.

Examples
--------
>>> g = nx.MultiDiGraph()
>>> g.add_node("urn:a", label="Russia", type="State")
>>> g.add_node("urn:b", label="<b>Ukraine</b>", type="State")
>>> g.add_edge("urn:a", "urn:b", relation="attacked", structural=False, modality="asserted")
0
>>> page = vis_html(g)
>>> "<b>Ukraine" in page, "\\\\u003cb\\\\u003eUkraine" in page, "<script src=" in page
(False, True, False)
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Hashable

import jinja2
import networkx as nx
import numpy as np
from markupsafe import Markup

from kg.explore.explorer import (DEFAULT_TITLE, FAMILY_COLOURS, TYPE_STYLES, _OTHER_STYLE, _OTHER_TYPE, _label,
                                 _lexicon_plover, _relation_words, _script_json, _seed_position, centrality, node_size,
                                 relation_family)

__all__ = ["vis_html", "vis_network", "write_vis", "DEFAULT_VIS_MAX_NODES", "VIS_FILE"]

DEFAULT_VIS_MAX_NODES = 1000
VIS_FILE = "explorer-vis.html"
_TEMPLATE = "explorer_vis.html"
_VIS_FOLDER = "vis-9.1.2"                    # the vis-network build pyvis 0.3.2 inlines
_MIXED_COLOUR = "#8e5ea2"                    # conflict and cooperation alike (as on the main page)
_EVIDENCE_LINES = 3                          # sentences quoted in an edge's tooltip
_SENTENCE_CHARACTERS = 240
_LIST_NAMES = 8                              # other names, articles listed in a node's tooltip
_STABILISATION_STEPS = 150                   # physics steps in the page before it is switched off
_LAYOUT_STEPS = ((300, 80), (1000, 40))      # ForceAtlas2 steps in Python, by network size (none above)


@dataclass
class _Pair:
    """What one drawn line stands for: the mentions and place links between two entities."""

    first: Hashable
    second: Hashable
    counts: Counter = field(default_factory=Counter)       # (source, target, relation, modality) → n
    places: set = field(default_factory=set)                # (source, target, relation)
    families: Counter = field(default_factory=Counter)
    asserted: int = 0
    evidence: list = field(default_factory=list)            # (date, sentence, article)

    @property
    def mentions(self) -> int:
        return sum(self.counts.values())


def vis_network(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE,
                max_nodes: int = DEFAULT_VIS_MAX_NODES):
    """The pyvis :class:`~pyvis.network.Network` of ``graph``'s ``max_nodes`` most central
    entities (those without a drawn line are left out), positioned, with the page's options.

    Its ``kg_summary`` attribute holds what the page says about it (counts and the legend).
    ``graph`` is not modified.
    """
    from pyvis.network import Network

    scores = centrality(graph)
    kept = sorted(graph.nodes, key=lambda n: (-scores[n], str(n)))[:max(0, max_nodes)]
    index = {node: i for i, node in enumerate(kept)}
    articles = graph.graph.get("articles") or {}
    plover_of = {**_lexicon_plover(), **(graph.graph.get("relation_plover") or {})}
    mentions: Counter[Hashable] = Counter()
    pairs: dict[tuple[int, int], _Pair] = {}
    for source, target, key, data in sorted(graph.edges(keys=True, data=True),
                                            key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        structural = bool(data.get("structural"))
        if not structural:
            mentions[source] += 1
            mentions[target] += 1
        if source == target or source not in index or target not in index:
            continue
        ends = (index[source], index[target])
        pair = pairs.get(tuple(sorted(ends)))
        if pair is None:
            first, second = sorted(ends)
            pair = pairs[first, second] = _Pair(kept[first], kept[second])
        relation = str(data.get("relation") or "relatedTo")
        if structural:
            pair.places.add((source, target, relation))
            continue
        modality = str(data.get("modality") or "asserted")
        pair.counts[source, target, relation, modality] += 1
        pair.families[relation_family(data.get("plover") or plover_of.get(relation))] += 1
        pair.asserted += modality == "asserted"
        if data.get("sentence"):
            pair.evidence.append((str(data.get("date") or ""), str(data["sentence"]), data.get("article")))

    linked = {node for pair in pairs.values() for node in (pair.first, pair.second)}
    drawn = [node for node in kept if node in linked]
    positions = _layout(drawn, pairs.values())
    network = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title)
    types: Counter[str] = Counter()
    for node in drawn:
        data = graph.nodes[node]
        kind = data.get("type") if data.get("type") in TYPE_STYLES else _OTHER_TYPE
        types[kind] += 1
        x, y = positions[node]
        network.add_node(index[node], label=_label(node, data), color=TYPE_STYLES.get(kind, _OTHER_STYLE).colour,
                         title=_node_tooltip(node, data, kind, mentions[node], graph, articles),
                         size=round(node_size(mentions[node]) * 1.6, 1), x=x, y=y, iri=str(node), type=kind,
                         mentions=mentions[node])
    for (first, second), pair in sorted(pairs.items()):
        network.add_edge(first, second, **_edge_look(pair, graph, articles))
    network.set_options(json.dumps(_options(len(drawn))))
    network.kg_summary = {
        "entities": graph.number_of_nodes(), "kept": len(kept), "drawn": len(drawn),
        "cut": graph.number_of_nodes() - len(kept), "isolated": len(kept) - len(drawn),
        "maxNodes": max_nodes, "lines": len(pairs),
        "places": sum(len(pair.places) for pair in pairs.values()),
        "mentions": sum(pair.mentions for pair in pairs.values()),
        "legend": [{"type": name, "colour": TYPE_STYLES.get(name, _OTHER_STYLE).colour, "count": types[name]}
                   for name in [*TYPE_STYLES, _OTHER_TYPE] if types[name]],
        "lineLegend": [{"name": "conflict", "colour": FAMILY_COLOURS["conflict"], "dashed": False},
                       {"name": "cooperation", "colour": FAMILY_COLOURS["cooperation"], "dashed": False},
                       {"name": "both", "colour": _MIXED_COLOUR, "dashed": False},
                       {"name": "other", "colour": FAMILY_COLOURS["other"], "dashed": False},
                       {"name": "place link", "colour": FAMILY_COLOURS["place"], "dashed": True}],
    }
    return network


def vis_html(graph: nx.MultiDiGraph, title: str = DEFAULT_TITLE, max_nodes: int = DEFAULT_VIS_MAX_NODES) -> str:
    """The page of :func:`vis_network`, rendered by pyvis's ``generate_html()`` through
    newsgraph's autoescaped template: one HTML document that loads nothing from the network."""
    network = vis_network(graph, title, max_nodes)
    summary = network.kg_summary
    if summary["cut"] > 0:
        caption = f"the {summary['kept']:,} most central of {summary['entities']:,} entities"
    else:
        caption = f"all {summary['entities']:,} entities"
    environment = _template_environment()
    environment.globals.update(
        page_title=f"{title} ({caption})" if summary["cut"] > 0 else title,
        caption=caption, summary=summary,
        vis_js=Markup(_vis_library("vis-network.min.js")),      # trusted: checked in _vis_library
        vis_css=Markup(_vis_library("vis-network.css")),
    )
    # pyvis renders its own template with an Environment that does not escape: use ours instead
    network.templateEnv = environment
    network.path = _TEMPLATE
    return network.generate_html()


def write_vis(graph: nx.MultiDiGraph, path: Path, title: str = DEFAULT_TITLE,
              max_nodes: int = DEFAULT_VIS_MAX_NODES) -> Path:
    """Write the vis page of ``graph`` to ``path`` atomically (a temporary file, then a rename;
    a symbolic link at ``path`` is replaced, never written through). Returns ``path``."""
    from kg.explore.page import write_atomically

    path = Path(path)
    write_atomically(path, vis_html(graph, title, max_nodes))
    return path


# --- data -----------------------------------------------------------------------------------

def _layout(nodes: list[Hashable], pairs) -> dict[Hashable, tuple[float, float]]:
    """Positions in vis-network's pixels: ForceAtlas2 (networkx) on the drawn network, from
    starting points and with a seed that depend on the data alone (the same graph, the same
    picture). networkx's ForceAtlas2 is quadratic in time and memory, so above 1,000 entities
    the starting points are all and the page's physics does the layout."""
    if not nodes:
        return {}
    start = {node: np.array(_seed_position(str(node))) for node in sorted(nodes, key=str)}
    steps = next((steps for most, steps in _LAYOUT_STEPS if len(nodes) <= most), 0)
    if steps and len(nodes) > 1:
        simple = nx.Graph()
        simple.add_nodes_from(start)
        for pair in pairs:
            simple.add_edge(pair.first, pair.second, weight=1.0 + math.log1p(pair.mentions))
        start = nx.forceatlas2_layout(simple, pos=start, max_iter=steps, weight="weight", seed=7)
    if len(nodes) > 1:
        start = nx.rescale_layout_dict(start, scale=120 * math.sqrt(len(nodes)))
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in start.items()}


def _node_tooltip(node: Hashable, data: dict, kind: str, mentions: int, graph: nx.MultiDiGraph,
                  articles: dict) -> str:
    """Plain text (the page writes it with textContent): names, type, country, positions, counts."""
    lines = [_label(node, data), " · ".join(filter(None, [kind, data.get("country")]))]
    alt = [str(name) for name in data.get("alt_labels") or []]
    if alt:
        lines.append("also: " + ", ".join(alt[:_LIST_NAMES]) + (" …" if len(alt) > _LIST_NAMES else ""))
    for position in data.get("positions") or []:
        of = position.get("of")
        where = _label(of, graph.nodes[of]) if of in graph else None
        lines.append(f"{position.get('title')} of {where}" if where else str(position.get("title")))
    seen = [str(a) for a in data.get("articles") or []]
    lines.append(f"{mentions} relation mention{'s' if mentions != 1 else ''}"
                 + (f" in {len(seen)} article{'s' if len(seen) != 1 else ''}" if seen else ""))
    for article in seen[:_LIST_NAMES // 2]:
        lines.append("· " + _article_name(article, articles))
    if len(seen) > _LIST_NAMES // 2:
        lines.append(f"· … {len(seen) - _LIST_NAMES // 2} more")
    return "\n".join(line for line in lines if line)


def _edge_look(pair: _Pair, graph: nx.MultiDiGraph, articles: dict) -> dict[str, Any]:
    """The line of a pair: colour, width, dashes, arrows and a plain-text tooltip."""
    def name(node):
        return _label(node, graph.nodes[node])

    lines = [f"{name(pair.first)} — {name(pair.second)}"]
    grouped: dict[tuple, Counter] = defaultdict(Counter)
    for (source, target, relation, modality), count in pair.counts.items():
        grouped[source, target, relation][modality] += count
    for (source, target, relation), modalities in sorted(
            grouped.items(), key=lambda item: (-sum(item[1].values()), _relation_words(item[0][2]))):
        total = sum(modalities.values())
        claims = ", ".join(f"{n} {m}" for m, n in sorted(modalities.items()) if m != "asserted")
        lines.append(f"{name(source)} → {name(target)}: {_relation_words(relation)} ×{total}"
                     + (f" ({claims})" if claims else ""))
    for source, target, relation in sorted(pair.places, key=str):
        lines.append(f"{name(source)} → {name(target)}: {_relation_words(relation)} (place link)")
    if pair.evidence:
        lines.append("")
        for date, sentence, article in sorted(pair.evidence, key=lambda e: (e[0], e[1]))[:_EVIDENCE_LINES]:
            if len(sentence) > _SENTENCE_CHARACTERS:
                sentence = sentence[:_SENTENCE_CHARACTERS - 1].rstrip() + "…"
            source = _article_name(article, articles) if article else None
            lines.append(f"“{sentence}”" + (f" — {source}" if source else ""))
        if len(pair.evidence) > _EVIDENCE_LINES:
            lines.append(f"… {len(pair.evidence) - _EVIDENCE_LINES} more sentences")

    directions = {(s, t) for s, t, _, _ in pair.counts} | {(s, t) for s, t, _ in pair.places}
    forward, backward = (pair.first, pair.second) in directions, (pair.second, pair.first) in directions
    arrows = "to, from" if forward and backward else "from" if backward else "to"
    if pair.mentions:
        family = ("conflict" if pair.families["conflict"] > pair.families["cooperation"]
                  else "cooperation" if pair.families["cooperation"] > pair.families["conflict"]
                  else "mixed" if pair.families["conflict"] else "other")
        colour = _MIXED_COLOUR if family == "mixed" else FAMILY_COLOURS[family]
        look = {"color": {"color": colour, "highlight": colour, "hover": colour,
                          "opacity": 1.0 if pair.asserted else 0.45},
                "width": round(min(8.0, 1.0 + 1.6 * math.log2(1 + pair.mentions)), 2),
                "family": family}
    else:
        colour = FAMILY_COLOURS["place"]
        look = {"color": {"color": colour, "highlight": colour, "hover": colour}, "width": 1,
                "dashes": True, "family": "place"}
    return {**look, "arrows": arrows, "title": "\n".join(lines), "mentions": pair.mentions}


def _article_name(article: Any, articles: dict) -> str:
    known = articles.get(str(article)) or {}
    title, date = known.get("title"), known.get("date")
    return ", ".join(str(part) for part in (title or article, date) if part)


def _options(count: int) -> dict[str, Any]:
    """vis-network's options: physics only to settle the Python layout, then the page turns it off."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "font": {"size": 14, "face": "system-ui, -apple-system, 'Segoe UI', sans-serif",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": False, "drawThreshold": 6}}},
        "edges": {"smooth": False, "arrows": {"to": {"scaleFactor": 0.5}, "from": {"scaleFactor": 0.5}},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90,
                                         "springConstant": 0.06, "avoidOverlap": 0.3},
                    "stabilization": {"enabled": True, "iterations": _STABILISATION_STEPS,
                                      "updateInterval": 25, "fit": True},
                    "minVelocity": 1.0},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": count > 400,
                        "hideEdgesOnZoom": count > 400, "multiselect": False, "navigationButtons": False},
    }


# --- page -----------------------------------------------------------------------------------

@lru_cache(maxsize=2)
def _vis_library(name: str) -> str:
    """vis-network's script or style sheet from the copy pyvis ships (no CDN)."""
    from importlib.resources import files

    text = files("pyvis").joinpath("templates", "lib", _VIS_FOLDER, name).read_text(encoding="utf-8")
    end = "</style" if name.endswith(".css") else "</script"
    # inlined verbatim, so it must not be able to end its own element or open a comment
    if re.search(f"{end}|<!--", text, re.IGNORECASE):
        raise RuntimeError(f"pyvis's {name} cannot be inlined safely")
    return text


def _template_environment() -> jinja2.Environment:
    """Jinja2 with autoescaping always on (a new one per page: the page's facts are its globals)."""
    environment = jinja2.Environment(loader=jinja2.PackageLoader("kg", "templates"), autoescape=True,
                                     undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters["script_json"] = _script_json
    environment.filters["script_text"] = _script_text
    return environment


def _script_text(json_text: str) -> Markup:
    """A JSON document (pyvis's options) made safe inside ``<script type="application/json">``."""
    return _script_json(json.loads(json_text))
