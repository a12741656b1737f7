"""``kg explore``: the explorer page made from a build's store alone (no NLP).

:func:`explorer_graph` reads what the page shows from the store — entities with every name,
type, country, GeoNames link and position; relation mentions with their evidence (sentence,
trigger, the words of both arguments, modality, confidence, reporter, article, date); the
articles' titles, dates and URLs; and the mentions the network cannot draw (an unknown actor,
no object). :func:`write_explorer_page` writes the page atomically where ``kg build`` keeps
it, or to another file; ``kg build`` uses the same two functions. With ``renderer="vis"`` it
writes the page without WebGL (:mod:`kg.explore.explorer_vis`, pyvis) from the same graph, by default
to ``DIR/explorer-vis.html``.

Examples
--------
>>> from kg.building.outputs import OutputFolder
>>> import tempfile
>>> explorer_target(Path(tempfile.mkdtemp()), None).name
'explorer.html'
"""
from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import KGError
from kg.building.outputs import OutputFolder, write_file_atomically
from kg.rdf.query import PREFIXES

__all__ = ["explorer_graph", "explorer_target", "write_explorer_page", "EXPLORER_FILE", "RENDERERS"]

EXPLORER_FILE = "explorer.html"
RENDERERS = ("webgl", "vis")   # sigma.js (kg.explore.explorer), pyvis and vis-network (kg.explore.explorer_vis)

_ENTITIES = """
SELECT ?e ?type ?label ?country ?lat ?long ?same WHERE {
  ?e a ?type ; rdfs:label ?label .
  ?type rdfs:subClassOf kg:Entity .
  OPTIONAL { ?e kg:countryCode ?country }
  OPTIONAL { ?e geo:lat ?lat ; geo:long ?long }
  OPTIONAL { ?e owl:sameAs ?same }
}"""

_ALT_LABELS = "SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt }"

_ARTICLE_MENTIONS = "SELECT DISTINCT ?article ?e WHERE { ?article kg:mentions ?e }"

_ARTICLES = """
SELECT ?a ?id ?title ?date ?url WHERE {
  ?a a kg:Article ; dcterms:identifier ?id .
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a dcterms:source ?url }
}"""

# each article's graph repeats the position triples it uses: the union of the graphs holds
# them once per article, so each part is made distinct before the join (joined as they are,
# a position named in n articles made n³ rows: minutes for a few thousand articles)
_POSITIONS = """
SELECT DISTINCT ?person ?title ?of WHERE {
  { SELECT DISTINCT ?person ?p WHERE { ?person kg:position ?p } }
  { SELECT DISTINCT ?p ?title WHERE { ?p kg:title ?title } }
  OPTIONAL { { SELECT DISTINCT ?p ?of WHERE { ?p kg:positionOf ?of } } }
}"""

_STRUCTURE = """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { kg:locatedIn kg:nationalityOf }
  ?s ?p ?o .
}"""

_PLOVER = "SELECT ?p ?plover WHERE { ?p kg:plover ?plover ; rdfs:subPropertyOf kg:relatedTo }"

_MENTIONS = """
SELECT ?m ?s ?p ?o ?sentence ?modality ?article ?date ?confidence ?trigger ?stext ?otext ?reporter ?plover
WHERE {
  ?m a kg:RelationMention ; rdf:subject ?s ; rdf:predicate ?p .
  OPTIONAL { ?m rdf:object ?o }
  OPTIONAL { ?m kg:sentence ?sentence }
  OPTIONAL { ?m kg:modality ?modality }
  OPTIONAL { ?m prov:wasDerivedFrom ?article }
  OPTIONAL { ?m dcterms:date ?date }
  OPTIONAL { ?m kg:confidence ?confidence }
  OPTIONAL { ?m kg:trigger ?trigger }
  OPTIONAL { ?m kg:subjectText ?stext }
  OPTIONAL { ?m kg:objectText ?otext }
  OPTIONAL { ?m kg:reportedBy ?reporter }
  OPTIONAL { ?m kg:plover ?plover }
}"""


def _rows(store: ox.Store, text: str):
    return store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)


def _value(term) -> str | None:
    return None if term is None else term.value


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _number(term) -> float | None:
    try:
        return None if term is None else float(term.value)
    except ValueError:
        return None


def explorer_graph(store: ox.Store) -> nx.MultiDiGraph:
    """Everything the explorer page shows, as the MultiDiGraph :func:`kg.explore.explorer.explorer_html` reads.

    Nodes are entities keyed by IRI (``label``, ``type``, ``alt_labels``, ``country``,
    ``articles``, ``lat``, ``long``, ``geonames``, ``positions``); edges are the place links
    (``structural``) and the relation mentions between two entities (``relation``, ``plover``,
    ``sentence``, ``trigger``, ``subject_text``, ``object_text``, ``modality``, ``confidence``,
    ``reporter``, ``article``, ``date``), keyed by the mention's IRI. ``graph.graph`` holds
    ``articles`` (id → title, date, url) and ``loose_mentions``, the mentions with an unknown
    actor or no object, which have no edge.
    """
    graph = nx.MultiDiGraph()
    articles: dict[str, dict] = {}
    article_ids: dict[str, str] = {}
    for row in _rows(store, _ARTICLES):
        article_id = row["id"].value
        if row["a"].value in article_ids:
            continue
        article_ids[row["a"].value] = article_id
        articles[article_id] = {"title": _value(row["title"]), "date": _value(row["date"]),
                                "url": _value(row["url"])}
    for row in _rows(store, _ENTITIES):
        node = row["e"].value
        data = graph.nodes[node] if node in graph else None
        if data is None:
            graph.add_node(node, label=row["label"].value, type=_local(row["type"].value),
                           country=_value(row["country"]), lat=_number(row["lat"]), long=_number(row["long"]),
                           geonames=None)
            data = graph.nodes[node]
        same = _value(row["same"])
        if same and "geonames.org" in same and data["geonames"] is None:
            data["geonames"] = same
    alt_labels: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _ALT_LABELS):
        alt_labels[row["e"].value].add(row["alt"].value)
    mentioned: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _ARTICLE_MENTIONS):
        article = row["article"].value
        mentioned[row["e"].value].add(article_ids.get(article, article))
    positions: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for row in _rows(store, _POSITIONS):
        positions[row["person"].value].add((row["title"].value, _value(row["of"])))
    for node, data in graph.nodes(data=True):
        data["alt_labels"] = sorted(alt_labels[node] - {data["label"]})
        data["articles"] = sorted(mentioned[node])
        data["positions"] = [{"title": title, "of": of}
                             for title, of in sorted(positions[node], key=lambda p: (p[0], p[1] or ""))]
    for row in _rows(store, _STRUCTURE):
        source, target = row["s"].value, row["o"].value
        if source in graph and target in graph and source != target:
            relation = _local(row["p"].value)
            graph.add_edge(source, target, key=relation, relation=relation, structural=True)
    plover = {_local(row["p"].value): row["plover"].value for row in _rows(store, _PLOVER)}
    loose = []
    for row in _rows(store, _MENTIONS):
        source, target = row["s"].value, _value(row["o"])
        relation = _local(row["p"].value)
        article = _value(row["article"])
        data = {"relation": relation, "structural": False,
                "plover": _value(row["plover"]) or plover.get(relation),
                "sentence": _value(row["sentence"]), "trigger": _value(row["trigger"]),
                "subject_text": _value(row["stext"]), "object_text": _value(row["otext"]),
                "modality": _value(row["modality"]) or "asserted", "confidence": _number(row["confidence"]),
                "reporter": _value(row["reporter"]),
                "article": article_ids.get(article, article) if article else None,
                "date": _value(row["date"])}
        if source in graph and target is not None and target in graph:
            graph.add_edge(source, target, key=row["m"].value, **data)
        else:
            loose.append({**data, "source": source if source in graph else None,
                          "target": target if target in graph else None, "has_object": target is not None,
                          "key": row["m"].value})
    graph.graph["articles"] = articles
    graph.graph["loose_mentions"] = sorted(loose, key=lambda m: m["key"])
    graph.graph["relation_plover"] = plover
    return graph


def explorer_target(out_dir: Path, output: Path | None, renderer: str = "webgl") -> Path:
    """The file the page goes to: ``output`` or, by default, the explorer of the build in
    ``out_dir`` — the current build folder's file, never the link ``out_dir/explorer.html``.

    The vis page goes by default to ``out_dir/explorer-vis.html``, a file of its own beside
    the build's outputs (like ``kg export``'s), which later builds leave alone.
    """
    out_dir = Path(out_dir)
    default = out_dir / EXPLORER_FILE
    if output is None and renderer == "vis":
        from kg.explore.explorer_vis import VIS_FILE
        return out_dir / VIS_FILE
    if output is not None:
        output = Path(output)
        same = output.parent.resolve() / output.name == out_dir.resolve() / EXPLORER_FILE
        if not same:
            return output
    current = OutputFolder(out_dir).current_build()
    return current / EXPLORER_FILE if current is not None else default


def write_explorer_page(graph: nx.MultiDiGraph, out_dir: Path, output: Path | None = None,
                        max_nodes: int | None = None, title: str | None = None,
                        renderer: str = "webgl") -> Path:
    """Write the explorer page of ``graph`` atomically (a temporary file, then a rename).

    By default, and when ``output`` names ``out_dir/explorer.html``, the page replaces the
    current build's explorer (``out_dir/explorer.html`` is made the link to it if it was
    missing); another ``output`` is written as given — a symbolic link there is replaced,
    never written through. ``renderer`` is ``webgl`` (the main page, sigma.js) or ``vis``
    (pyvis and vis-network on a 2D canvas; by default to ``out_dir/explorer-vis.html``).
    Returns the path written.
    """
    from kg.explore.explorer import DEFAULT_MAX_NODES, DEFAULT_TITLE, explorer_html

    if renderer not in RENDERERS:
        raise KGError("E802", f"unknown renderer {renderer!r}; use {' or '.join(RENDERERS)}")
    target = explorer_target(out_dir, output, renderer)
    if renderer == "vis":
        from kg.explore.explorer_vis import DEFAULT_VIS_MAX_NODES, vis_html

        page = vis_html(graph, title or DEFAULT_TITLE,
                        max_nodes=DEFAULT_VIS_MAX_NODES if max_nodes is None else max_nodes)
    else:
        page = explorer_html(graph, title or DEFAULT_TITLE,
                             max_nodes=DEFAULT_MAX_NODES if max_nodes is None else max_nodes)
    write_atomically(target, page)
    folder = OutputFolder(out_dir)
    current = folder.current_build()
    if current is not None and target == current / EXPLORER_FILE:
        folder.link_published(EXPLORER_FILE)
    return target


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename (E801)."""
    write_file_atomically(path, lambda handle: handle.write(text.encode("utf-8")), "E801")

