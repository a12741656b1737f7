"""The graph for other tools (``kg export``): GraphML and GEXF for Gephi, CSV for spreadsheets,
and the whole store as N-Quads shards for the bulk loaders of QLever, Virtuoso or GraphDB
(:func:`write_nquads`).

The exported graph holds what the explorer page shows. Entities are nodes, keyed by IRI,
with ``label``, ``type``, ``country``, ``names`` (every name, canonical first),
``article_count``, ``articles``, ``geonames`` and ``lat``/``long`` where known. Relation
mentions are grouped into one edge per subject, object, relation and modality, with
``relation``, ``label``, ``modality``, ``plover``, ``cameo``, ``weight`` (the number of
mentions), ``confidence`` (the highest of them), ``first_date``/``last_date``, ``articles``,
``mentions`` (their IRIs), ``sentences`` (in the order of ``mentions``) and ``reported_by``;
the structural links (a city ``locatedIn`` its state) are edges with ``structural`` true.
Unnamed actors are left out, as on the page.

Every value is a string, int, float or bool, as GraphML and GEXF need: a list becomes one
string with an item per line (a line break inside an item becomes a space), and a value
that is not known is left out (an empty cell in CSV).

Examples
--------
>>> g = nx.MultiDiGraph()
>>> g.add_node("urn:rus", label="Russia", type="State", alt_labels=["Russian Federation"], articles=["a1"])
>>> g.add_node("urn:ukr", label="Ukraine", type="State", alt_labels=[], articles=["a1", "a2"])
>>> for number, date in enumerate(["2022-03-01", "2022-02-24"]):
...     _ = g.add_edge("urn:rus", "urn:ukr", key=f"urn:m{number}", relation="attacked", structural=False,
...                    modality="asserted", sentence=f"Attack {number}.", article="a1", date=date)
>>> flat = export_graph(g)
>>> flat.nodes["urn:rus"]["names"]
'Russia\\nRussian Federation'
>>> edge = flat.edges["urn:rus", "urn:ukr", "e1"]
>>> edge["weight"], edge["first_date"], edge["sentences"]
(2, '2022-02-24', 'Attack 1.\\nAttack 0.')
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import itertools
import json
import os
import re
from pathlib import Path
from typing import Any, BinaryIO, Callable, Hashable, Iterable, Iterator

import networkx as nx
import pyoxigraph as ox

from kg.errors import KGError
from kg.explore.network import add_details, project
from kg.building.outputs import STATE_FOLDER, write_file_atomically
from kg.rdf.store import open_store

__all__ = ["EXPORT_FORMATS", "NODE_FIELDS", "EDGE_FIELDS", "LIST_SEPARATOR", "export_graph",
           "default_output", "export_build", "write_graphml", "write_gexf", "write_csv",
           "write_atomically", "write_nquads", "DEFAULT_SHARD_SIZE", "NQUADS_MANIFEST"]

EXPORT_FORMATS = ("graphml", "gexf", "csv", "nquads")
DEFAULT_SHARD_SIZE = 1_000_000
NQUADS_MANIFEST = "manifest.json"
_SHARD = re.compile(r"graph-\d{5,}\.nq(\.gz)?")
LIST_SEPARATOR = "\n"
NODE_FIELDS = ("label", "type", "country", "names", "article_count", "articles", "geonames", "lat", "long")
EDGE_FIELDS = ("relation", "label", "structural", "modality", "plover", "cameo", "weight", "confidence",
               "first_date", "last_date", "articles", "mentions", "sentences", "reported_by")

# characters XML 1.0 cannot hold at all, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- the flat graph ---------------------------------------------------------------------------

def export_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph to export: flat attributes, one edge per subject, object, relation and modality.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        As made by :func:`kg.explore.network.project`, best with :func:`kg.explore.network.add_details`;
        not modified.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes in IRI order, edges keyed ``e1``, ``e2`` … in (source, target, relation,
        modality) order; attributes as listed in the module's docstring.
    """
    flat = nx.MultiDiGraph()
    for node in sorted(graph, key=str):
        flat.add_node(str(node), **_node_attributes(graph, node))
    groups = _edge_groups(graph)
    for number, ((source, target, relation, modality), edges) in enumerate(sorted(groups.items(), key=_group_order),
                                                                          start=1):
        flat.add_edge(str(source), str(target), key=f"e{number}",
                      **_edge_attributes(graph, relation, modality, edges))
    return flat


def _node_attributes(graph: nx.MultiDiGraph, node: Hashable) -> dict[str, Any]:
    data = graph.nodes[node]
    label = str(data.get("label") or node)
    names = [label, *(name for name in data.get("alt_labels") or () if name != label)]
    articles = [str(article) for article in data.get("articles") or ()]
    return _known({"label": label, "type": data.get("type"), "country": data.get("country"),
                   "names": _joined(names), "article_count": len(articles), "articles": _joined(articles),
                   "geonames": data.get("geonames"), "lat": _float(data.get("lat")),
                   "long": _float(data.get("long"))})


def _edge_groups(graph: nx.MultiDiGraph) -> dict[tuple, list[tuple[str, dict]]]:
    """Edges of the projection by (source, target, relation, modality); modality ``None``
    for structural links."""
    groups: dict[tuple, list[tuple[str, dict]]] = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        modality = None if data.get("structural") else str(data.get("modality") or "asserted")
        group = (source, target, str(data.get("relation") or "relatedTo"), modality)
        groups.setdefault(group, []).append((str(key), data))
    return groups


def _group_order(item: tuple) -> tuple:
    source, target, relation, modality = item[0]
    return (str(source), str(target), relation, modality or "")


def _edge_attributes(graph: nx.MultiDiGraph, relation: str, modality: str | None,
                     edges: list[tuple[str, dict]]) -> dict[str, Any]:
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", relation).lower()    # calledOn → called on
    if modality is None:
        return {"relation": relation, "label": words, "structural": True, "weight": len(edges)}
    edges = sorted(edges, key=lambda edge: (str(edge[1].get("date") or ""), edge[0]))
    dates = sorted(str(data["date"]) for _, data in edges if data.get("date"))
    confidences = [float(data["confidence"]) for _, data in edges if data.get("confidence") is not None]
    reporters = _distinct(_label_of(graph, data.get("reported_by")) for _, data in edges)
    return _known({
        "relation": relation, "label": words if modality == "asserted" else f"{words} ({modality})",
        "structural": False, "modality": modality,
        "plover": _joined(_distinct(data.get("plover") for _, data in edges)),
        "cameo": _joined(_distinct(data.get("cameo") for _, data in edges)),
        "weight": len(edges), "confidence": max(confidences) if confidences else None,
        "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
        "articles": _joined(_distinct(data.get("article") for _, data in edges)),
        "mentions": _joined(key for key, _ in edges),
        "sentences": _joined(str(data.get("sentence") or "") for _, data in edges),
        "reported_by": _joined(reporters),
    })


def _label_of(graph: nx.MultiDiGraph, node: str | None) -> str | None:
    if node is None:
        return None
    return str(graph.nodes[node].get("label") or node) if node in graph else str(node)


def _distinct(values: Iterable[Any]) -> list[str]:
    """The values that are there, once each, in order of first appearance."""
    return list(dict.fromkeys(str(value) for value in values if value is not None))


def _joined(items: Iterable[str]) -> str | None:
    """One item per line; ``None`` for no items."""
    lines = [" ".join(str(item).splitlines()) for item in items]
    return LIST_SEPARATOR.join(lines) if lines else None


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _known(attributes: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in attributes.items() if value is not None and value != ""}


# --- writers ----------------------------------------------------------------------------------

def _xml_text(text: str) -> str:
    """Text as XML gives it back: characters XML cannot hold become U+FFFD, and line ends
    ``\\r\\n`` and ``\\r`` become ``\\n`` (what an XML parser makes of them anyway)."""
    return _NOT_XML.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def _xml_safe(graph: nx.MultiDiGraph, edge_ids: bool = False) -> nx.MultiDiGraph:
    """A copy whose strings XML can hold (:func:`_xml_text`); ``edge_ids`` copies each edge's
    key into an ``id`` attribute (GEXF numbers edges otherwise)."""
    def clean(data: dict) -> dict:
        return {name: _xml_text(value) if isinstance(value, str) else value for name, value in data.items()}

    safe = nx.MultiDiGraph()
    safe.add_nodes_from((_xml_text(node), clean(data)) for node, data in graph.nodes(data=True))
    safe.add_edges_from((_xml_text(u), _xml_text(v), key, {**clean(data), **({"id": key} if edge_ids else {})})
                        for u, v, key, data in graph.edges(keys=True, data=True))
    return safe


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    """Write a flat graph (:func:`export_graph`) as GraphML, atomically."""
    safe = _xml_safe(graph)
    return [write_atomically(path, lambda handle: nx.write_graphml(safe, handle, encoding="utf-8"))]


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    """Write a flat graph (:func:`export_graph`) as GEXF 1.2, atomically; edge ids are the
    graph's keys (networkx also stores them as the attribute ``networkx_key``)."""
    safe = _xml_safe(graph, edge_ids=True)
    return [write_atomically(path, lambda handle: nx.write_gexf(safe, handle, encoding="utf-8"))]


def write_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Write a flat graph (:func:`export_graph`) as ``nodes.csv`` and ``edges.csv`` in
    ``folder`` (UTF-8, RFC 4180 quoting: cells may hold line breaks), each atomically."""
    nodes = ([node, *(_cell(data.get(name)) for name in NODE_FIELDS)] for node, data in graph.nodes(data=True))
    edges = ([key, source, target, *(_cell(data.get(name)) for name in EDGE_FIELDS)]
             for source, target, key, data in graph.edges(keys=True, data=True))
    folder = Path(folder)
    return [write_atomically(folder / "nodes.csv", _csv_writer(["id", *NODE_FIELDS], nodes)),
            write_atomically(folder / "edges.csv", _csv_writer(["id", "source", "target", *EDGE_FIELDS], edges))]


def _csv_writer(header: list[str], rows: Iterable[list[str]]) -> Callable[[BinaryIO], None]:
    def write(handle: BinaryIO) -> None:
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(header)
        writer.writerows(rows)
        text.flush()
        text.detach()   # the caller closes the file
    return write


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _inert(str(value)) if isinstance(value, str) else str(value)


def _inert(text: str) -> str:
    """Article text a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") gets a
    leading apostrophe, as OWASP advises for CSV; numbers stay numbers.

    >>> _inert("=1+1"), _inert("-3.5"), _inert("Kyiv")
    ("'=1+1", '-3.5', 'Kyiv')
    """
    if not text or text[0] not in "=+-@\t\r":
        return text
    try:
        float(text)
        return text
    except ValueError:
        return "'" + text


# --- N-Quads shards -------------------------------------------------------------------------------

class _Tally:
    """A binary writer that passes bytes on and keeps their count and SHA-256."""

    def __init__(self, handle: BinaryIO):
        self.handle, self.size, self.sha256 = handle, 0, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.size += len(data)
        self.sha256.update(data)
        return self.handle.write(data)

    def flush(self) -> None:
        self.handle.flush()


def _counted(quads: Iterable[ox.Quad], tally: list[int]) -> Iterator[ox.Quad]:
    for quad in quads:
        tally[0] += 1
        yield quad


def shard_name(number: int, compress: bool = False) -> str:
    """``graph-00001.nq`` (``.nq.gz`` gzipped): numbered from 1, sorting in order as text."""
    return f"graph-{number:05d}.nq" + (".gz" if compress else "")


def write_nquads(store: ox.Store, folder: Path, shard_size: int = DEFAULT_SHARD_SIZE,
                 compress: bool = False) -> list[Path]:
    """Write every quad of ``store`` (default graph and every named graph) as N-Quads files of
    at most ``shard_size`` quads each, then ``manifest.json``; return the files written.

    The quads are streamed from the store, one shard's worth of writing at a time, never
    held in memory together. Their order is the store's own, not sorted (a sort would need
    them all): Oxigraph's index order, the default graph first, then graph by graph. For an
    on-disk store, as ``kg build`` makes, that order is of the terms' encodings, so it depends
    only on the quads, not on the order they were loaded: the same content gives the same
    files with the same pyoxigraph (an in-memory store keeps the order of insertion).
    Each file goes to a temporary file and is renamed into place; the manifest is written
    last, and shards of an earlier export beyond the new ones are removed after it, so a
    loader that reads ``graph-*.nq`` finds exactly the files the manifest lists. Gzipped
    files carry no time stamp, so they are reproducible too.

    Raises
    ------
    KGError
        E905 for a shard size below 1, E903 when a file cannot be written.
    """
    if shard_size < 1:
        raise KGError("E905", f"--shard-size must be at least 1, not {shard_size}")
    folder = Path(folder)
    quads = iter(store.quads_for_pattern(None, None, None, None))
    files: list[dict[str, Any]] = []
    written: list[Path] = []
    while True:
        first = next(quads, None)
        if first is None:
            break
        name = shard_name(len(files) + 1, compress)
        count = [0]
        tally: list[_Tally] = []

        def write(handle: BinaryIO, first: ox.Quad = first, count: list[int] = count) -> None:
            sink = _Tally(handle)
            tally.append(sink)
            shard = _counted(itertools.chain([first], itertools.islice(quads, shard_size - 1)), count)
            if compress:
                with gzip.GzipFile(filename="", mode="wb", fileobj=sink, mtime=0) as zipped:
                    ox.serialize(shard, zipped, format=ox.RdfFormat.N_QUADS)
            else:
                ox.serialize(shard, sink, format=ox.RdfFormat.N_QUADS)

        written.append(write_atomically(folder / name, write))
        files.append({"name": name, "quads": count[0], "bytes": tally[0].size,
                      "sha256": tally[0].sha256.hexdigest()})
    manifest = {"format": "application/n-quads", "gzip": compress, "shard_size": shard_size,
                "total_quads": sum(entry["quads"] for entry in files),
                "named_graphs": sum(1 for _ in store.named_graphs()), "files": files}
    text = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    written.append(write_atomically(folder / NQUADS_MANIFEST, lambda handle: handle.write(text)))
    keep = {entry["name"] for entry in files}
    for old in folder.iterdir():
        if _SHARD.fullmatch(old.name) and old.name not in keep:
            old.unlink(missing_ok=True)
    return written


_WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], list[Path]]] = {
    "graphml": write_graphml, "gexf": write_gexf, "csv": write_csv}


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> Path:
    """:func:`kg.building.outputs.write_file_atomically` with the export's error code (E903)."""
    return write_file_atomically(path, write, "E903")


# --- the command ------------------------------------------------------------------------------

def default_output(out_dir: Path, fmt: str) -> Path:
    """Where ``kg export`` writes by default: ``DIR/graph.graphml``, ``DIR/graph.gexf``,
    ``DIR`` itself for CSV (``nodes.csv`` and ``edges.csv``), ``DIR/nquads`` for N-Quads."""
    if fmt == "nquads":
        return Path(out_dir) / "nquads"
    return Path(out_dir) if fmt == "csv" else Path(out_dir) / f"graph.{fmt}"


def _check_format(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise KGError("E902", f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")


def _check_outside_builds(targets: Iterable[Path], out_dir: Path) -> None:
    """Refuse a target that is, or resolves (through links) into, the build folders: those
    belong to ``kg build``, and writing there could change a published build."""
    state = Path(os.path.realpath(Path(out_dir) / STATE_FOLDER))
    for target in targets:
        resolved = Path(os.path.realpath(target))
        if resolved == state or state in resolved.parents:
            raise KGError("E904", f"will not write {target}: it is inside the build folder {state}; "
                                  f"choose another --output")


def export_build(out_dir: Path, fmt: str, output: Path | None = None, shard_size: int | None = None,
                 compress: bool = False) -> list[Path]:
    """Export the graph that ``kg build -o out_dir`` made; return the files written.

    Parameters
    ----------
    out_dir : pathlib.Path
        The build's output folder (``kg build -o``).
    fmt : {"graphml", "gexf", "csv", "nquads"}
        The file format.
    output : pathlib.Path, optional
        The file to write (for CSV: the folder of ``nodes.csv`` and ``edges.csv``; for
        N-Quads: the folder of the shards and ``manifest.json``); by default
        :func:`default_output`.
    shard_size, compress
        N-Quads only: at most this many quads a file (default 1,000,000), gzipped or not
        (:func:`write_nquads`).

    Raises
    ------
    KGError
        E902 for an unknown format, E301 when ``out_dir`` holds no store, E903 when a file
        cannot be written, E904 for a path inside the build folders, E905 for a shard size
        below 1, E906 for ``shard_size`` or ``compress`` with another format than N-Quads.
    """
    _check_format(fmt)
    if fmt != "nquads" and (shard_size is not None or compress):
        raise KGError("E906", "--shard-size and --gzip are for --format nquads only")
    if shard_size is not None and shard_size < 1:
        raise KGError("E905", f"--shard-size must be at least 1, not {shard_size}")
    path = default_output(out_dir, fmt) if output is None else Path(output)
    if fmt in ("csv", "nquads") and path.exists() and not path.is_dir():
        what = "nodes.csv and edges.csv" if fmt == "csv" else "the shards and manifest.json"
        raise KGError("E903", f"cannot write {path}: {fmt.upper() if fmt == 'csv' else 'N-Quads'} export "
                              f"needs a folder (for {what})")
    if fmt == "nquads":
        _check_outside_builds([path, path / shard_name(1), path / NQUADS_MANIFEST], out_dir)
        return write_nquads(open_store(out_dir), path, shard_size or DEFAULT_SHARD_SIZE, compress)
    _check_outside_builds([path / "nodes.csv", path / "edges.csv"] if fmt == "csv" else [path], out_dir)
    store = open_store(out_dir)
    graph = export_graph(add_details(project(store), store))
    return _WRITERS[fmt](graph, path)
