"""Stage 7 — the persistent SPARQL store: an Oxigraph database in the output folder.

rdflib's own SPARQL engine is far too slow for joins on graphs of this size (DESIGN.md §7),
so queries run on Oxigraph. :func:`load_store` loads the new store beside the old one and
swaps them only when loading has succeeded, so a failed load never destroys a working store;
``kg build`` loads each build's store into a build folder of its own and publishes it with
the other outputs in one switch (:mod:`kg.building.outputs`).

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "kg.trig").write_text("<urn:a> <urn:b> <urn:c> .")
>>> load_store(folder / "kg.trig", folder).name
'store'
>>> len(open_store(folder))
1
"""
from __future__ import annotations

import gc
import os
import shutil
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError

__all__ = ["STORE_FOLDER", "QUADS_PER_LOAD", "store_path", "load_store", "store_folder", "open_store", "one_line_error"]

STORE_FOLDER = "store"


def store_path(out_dir: Path) -> Path:
    return Path(out_dir) / STORE_FOLDER


QUADS_PER_LOAD = 20_000  # memory of a store's load stays flat in the size of the graph


def load_store(rdf_file: Path, out_dir: Path) -> Path:
    """Load an RDF file (TriG keeps the named graphs) into ``out_dir/store``, replacing it."""
    final = store_path(out_dir)
    fresh = final.with_name(STORE_FOLDER + ".new")
    stale = final.with_name(STORE_FOLDER + ".old")
    for leftover in (fresh, stale):
        shutil.rmtree(leftover, ignore_errors=True)
    store = ox.Store(str(fresh))
    # parsed as a stream and added a batch at a time: Oxigraph's bulk loader holds far more of the
    # file in memory (183 MiB for 193,000 quads against 47 MiB this way, as fast)
    quads = ox.parse(path=str(rdf_file), format=ox.RdfFormat.from_extension(Path(rdf_file).suffix.lstrip(".")))
    while True:
        batch = list(islice(quads, QUADS_PER_LOAD))
        if not batch:
            break
        store.bulk_extend(batch)
    store.flush()
    del store
    gc.collect()  # Oxigraph releases its database lock only when the Store is freed
    if final.exists():
        final.rename(stale)
    fresh.rename(final)
    shutil.rmtree(stale, ignore_errors=True)
    return final


def store_folder(out_dir: Path) -> Path:
    """The store folder a build wrote in ``out_dir``, resolved (the folder of one build).

    Raises
    ------
    KGError
        E303 when ``out_dir`` is a file, E301 when it holds no store.
    """
    if Path(out_dir).is_file():
        raise KGError("E303", f"{out_dir} is a file, not a folder: give the folder `kg build -o` wrote")
    # resolved once, so that every file the store opens belongs to one build even if a
    # build publishes another meanwhile (kg.building.outputs)
    path = Path(os.path.realpath(store_path(out_dir)))
    if not path.is_dir():
        raise KGError("E301", f"no store in {out_dir}: run `kg build -o {out_dir}` first")
    return path


def open_store(out_dir: Path) -> ox.Store:
    """The store a build wrote, opened read-only.

    Raises
    ------
    KGError
        E303 when ``out_dir`` is a file, E301 when it holds no store, E302 when the store
        cannot be opened (damaged, unreadable).
    """
    path = store_folder(out_dir)
    try:
        return ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as error:  # Oxigraph raises RuntimeError for a damaged store
        raise KGError("E302", f"cannot open the store in {path}: {one_line_error(error)}") from None


def one_line_error(error: BaseException) -> str:
    """An error's message on one line (Oxigraph's may span several)."""
    return " ".join(str(error).split())[:300] or type(error).__name__
