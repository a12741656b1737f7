"""kg export --format nquads: the whole store as N-Quads shards with a manifest, loading back the same."""
from __future__ import annotations

import gzip
import hashlib
import json

import pyoxigraph as ox
import pytest

from kg import cli
from kg.errors import KGError
from kg.explore.export import export_build, write_nquads
from kg.rdf.store import load_store
from tests.small_graph import RES, quads

ONTOLOGY, ENTITIES = ox.NamedNode(RES + "graph/ontology"), ox.NamedNode(RES + "graph/entities")


def dataset() -> list[ox.Quad]:
    """The small graph spread over named graphs as a build spreads it: the ontology, the
    entities, one graph per article (the mentions), and one triple in the default graph."""
    spread = []
    for number, quad in enumerate(quads()):
        s = quad.subject.value
        if "/ontology#" in s:
            graph = ONTOLOGY
        elif "/mention/" in s or "/article/" in s:
            graph = ox.NamedNode(RES + "graph/article/" + s.split("/")[-2 if "/mention/" in s else -1])
        else:
            graph = ENTITIES
        spread.append(ox.Quad(quad.subject, quad.predicate, quad.object, graph))
    spread.append(ox.Quad(ox.NamedNode("urn:default"), ox.NamedNode("urn:p"), ox.Literal("in the default graph")))
    return spread


def store_of(items, folder=None) -> ox.Store:
    """An in-memory store, or an on-disk one (as kg build makes) in ``folder``."""
    store = ox.Store(None if folder is None else str(folder))
    store.extend(items)
    return store


def load_back(paths) -> ox.Store:
    store = ox.Store()
    for path in paths:
        data = path.read_bytes()
        store.load(gzip.decompress(data) if path.suffix == ".gz" else data, format=ox.RdfFormat.N_QUADS)
    return store


def test_tiny_shards_make_several_files_and_a_manifest(tmp_path):
    source = store_of(dataset())
    written = write_nquads(source, tmp_path, shard_size=40)
    total = len(source)
    shards, manifest_path = written[:-1], written[-1]
    assert manifest_path.name == "manifest.json"
    assert [p.name for p in shards] == [f"graph-{n:05d}.nq" for n in range(1, -(-total // 40) + 1)]
    assert len(shards) >= 3
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["total_quads"] == total and manifest["shard_size"] == 40 and manifest["gzip"] is False
    assert manifest["named_graphs"] == len(list(source.named_graphs())) >= 4
    assert [entry["name"] for entry in manifest["files"]] == [p.name for p in shards]
    for entry, path in zip(manifest["files"], shards):
        data = path.read_bytes()
        assert entry["quads"] == len(data.splitlines()) <= 40
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)   # no temporary files


@pytest.mark.parametrize("compress", [False, True])
def test_shards_load_back_into_the_same_quads(tmp_path, compress):
    source = store_of(dataset())
    written = write_nquads(source, tmp_path, shard_size=25, compress=compress)
    assert all(p.name.endswith(".nq.gz" if compress else ".nq") for p in written[:-1])
    back = load_back(written[:-1])
    assert len(back) == len(source)
    assert set(back.quads_for_pattern(None, None, None, None)) == set(source.quads_for_pattern(None, None, None, None))
    assert set(back.named_graphs()) == set(source.named_graphs())


def test_the_order_depends_on_the_quads_not_on_how_they_were_loaded(tmp_path):
    """On disk, as kg build's store is (an in-memory store keeps the order of insertion)."""
    items = dataset()
    write_nquads(store_of(items, tmp_path / "store-a"), tmp_path / "a", shard_size=30, compress=True)
    write_nquads(store_of(list(reversed(items)), tmp_path / "store-b"), tmp_path / "b", shard_size=30, compress=True)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert all((tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes() for n in names)


def test_a_smaller_export_removes_the_shards_it_no_longer_has(tmp_path):
    source = store_of(dataset())
    write_nquads(source, tmp_path, shard_size=10)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    written = write_nquads(source, tmp_path, shard_size=1000)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph-00001.nq", "manifest.json", "notes.txt"]
    assert [p.name for p in written] == ["graph-00001.nq", "manifest.json"]


def test_an_empty_store_gives_an_empty_manifest(tmp_path):
    written = write_nquads(ox.Store(), tmp_path)
    assert [p.name for p in written] == ["manifest.json"]
    manifest = json.loads(written[0].read_text(encoding="utf-8"))
    assert manifest["total_quads"] == 0 and manifest["files"] == []


def test_hostile_literals_survive(tmp_path):
    hostile = ox.Literal("line\nbreak \"quoted\" <tag> \\ back\x0b\r\u2028 é 😀")
    source = store_of([ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), hostile, ENTITIES)])
    written = write_nquads(source, tmp_path)
    assert len(written[0].read_bytes().splitlines()) == 1
    assert list(load_back(written[:-1]))[0].object == hostile


# --- the command ------------------------------------------------------------------------------

@pytest.fixture()
def small_build(tmp_path):
    """A build folder laid out as kg build lays it, its store holding named graphs."""
    folder = tmp_path / "out"
    build = folder / ".newsgraph" / "builds" / "000001"
    build.mkdir(parents=True)
    source = build / "small.nq"
    source.write_bytes(ox.serialize(dataset(), format=ox.RdfFormat.N_QUADS))
    load_store(source, build)
    source.unlink()
    (folder / ".newsgraph" / "current").symlink_to("builds/000001")
    (folder / "store").symlink_to(".newsgraph/current/store")
    return folder


def run(capsys, *argv):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_command_writes_shards_into_dir_nquads(small_build, capsys):
    code, out, err = run(capsys, "export", "-o", str(small_build), "--format", "nquads", "--shard-size", "50",
                         "--gzip")
    folder = small_build / "nquads"
    assert code == 0 and not err
    names = sorted(p.name for p in folder.iterdir())
    assert names[-1] == "manifest.json" and names[0] == "graph-00001.nq.gz" and len(names) >= 3
    assert out == "".join(f"wrote {folder / name}\n" for name in names)
    assert len(load_back(sorted(folder.glob("*.nq.gz")))) == len(dataset())


def test_export_build_default_shard_size(small_build, tmp_path):
    written = export_build(small_build, "nquads", tmp_path / "elsewhere")
    assert [p.name for p in written] == ["graph-00001.nq", "manifest.json"]
    assert json.loads(written[1].read_text(encoding="utf-8"))["shard_size"] == 1_000_000


@pytest.mark.parametrize("argv, message", [
    (["--format", "nquads", "--shard-size", "0"], "kg: E905 --shard-size must be at least 1, not 0"),
    (["--format", "csv", "--shard-size", "10"], "kg: E906 --shard-size and --gzip are for --format nquads only"),
    (["--format", "graphml", "--gzip"], "kg: E906 "),
    (["--format", "nquads", "--output", "{file}"], "kg: E903 cannot write"),
    (["--format", "nquads", "--output", "{build}/.newsgraph/dump"], "kg: E904 will not write"),
    (["--format", "nquads", "--output", "{build}/store"], "kg: E904 will not write"),
])
def test_export_command_errors_are_one_line(small_build, tmp_path, capsys, argv, message):
    (tmp_path / "file.txt").write_text("", encoding="utf-8")
    argv = [a.format(build=small_build, file=tmp_path / "file.txt") for a in argv]
    before = sorted(str(p) for p in small_build.rglob("*"))
    code, out, err = run(capsys, "export", "-o", str(small_build), *argv)
    assert code == 1 and not out and err.startswith(message) and err.count("\n") == 1
    assert sorted(str(p) for p in small_build.rglob("*")) == before


def test_the_store_is_never_read_whole(monkeypatch, tmp_path):
    """Shards are written as the store's iterator goes: the first file exists before the last
    quad has been read."""
    source = store_of(dataset())
    seen = []
    real = source.quads_for_pattern

    class Spy:
        def quads_for_pattern(self, *pattern):
            for quad in real(*pattern):
                seen.append(sorted(p.name for p in tmp_path.glob("graph-*.nq")))
                yield quad

        def named_graphs(self):
            return source.named_graphs()

    write_nquads(Spy(), tmp_path, shard_size=20)
    assert seen[0] == [] and seen[-1] != [] and "graph-00001.nq" in seen[25]
