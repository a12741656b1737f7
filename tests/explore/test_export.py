"""kg export: GraphML, GEXF and CSV with the page's attributes, written atomically, round-tripping."""
from __future__ import annotations

import csv

import networkx as nx
import pytest

from kg import cli
from kg.errors import KGError
from kg.explore.export import (EDGE_FIELDS, LIST_SEPARATOR, NODE_FIELDS, default_output, export_build, export_graph,
                               write_atomically, write_csv, write_gexf, write_graphml)
from kg.explore.network import add_details, project
from tests.small_graph import HAMMER, HOSTILE, KYIV, RUSSIA, UKRAINE, build_folder, memory_store

SCALARS = (str, int, float, bool)


@pytest.fixture(scope="module")
def flat():
    store = memory_store()
    return export_graph(add_details(project(store), store))


def edges_between(graph, source, target):
    """The edges from source to target by relation/modality ("-" for structural links)."""
    return {f"{data['relation']}/{data.get('modality', '-')}": data
            for s, t, data in graph.edges(data=True) if (s, t) == (source, target)}


# --- the flat graph ---------------------------------------------------------------------------

def test_every_value_is_a_scalar(flat):
    values = [v for _, d in flat.nodes(data=True) for v in d.values()]
    values += [v for *_, d in flat.edges(data=True) for v in d.values()]
    assert values and all(isinstance(v, SCALARS) for v in values)


def test_entity_attributes(flat):
    kyiv = flat.nodes[KYIV]
    assert kyiv == {"label": "Kyiv", "type": "City", "names": "Kyiv\nKiev", "article_count": 2,
                    "articles": "a1\na2", "geonames": "https://sws.geonames.org/703448/",
                    "lat": 50.45466, "long": 30.5238}
    assert flat.nodes[RUSSIA]["country"] == "RUS" and "lat" not in flat.nodes[RUSSIA]


def test_unknown_actors_are_left_out(flat):
    assert not [node for node in flat if "/mention/" in node]


def test_mentions_are_grouped_by_pair_relation_and_modality(flat):
    attacks = edges_between(flat, RUSSIA, UKRAINE)["attacked/asserted"]
    assert attacks["weight"] == 2 and attacks["confidence"] == 0.9
    assert (attacks["first_date"], attacks["last_date"]) == ("2022-02-24", "2022-03-01")
    assert attacks["mentions"].split(LIST_SEPARATOR) == [
        "https://w3id.org/newsgraph/resource/mention/a1/1", "https://w3id.org/newsgraph/resource/mention/a2/2"]
    assert attacks["sentences"].split(LIST_SEPARATOR) == ['Sentence 1 <&> "attacked".', 'Sentence 2 <&> "attacked".']
    assert (attacks["plover"], attacks["cameo"], attacks["articles"]) == ("ASSAULT", "190", "a1\na2")
    assert attacks["label"] == "attacked" and attacks["structural"] is False
    plan = edges_between(flat, RUSSIA, KYIV)["occupied/intended"]
    assert plan["label"] == "occupied (intended)" and plan["weight"] == 1


def test_structural_links_are_edges(flat):
    link = edges_between(flat, KYIV, UKRAINE)["locatedIn/-"]
    assert link == {"relation": "locatedIn", "label": "located in", "structural": True, "weight": 1}


def test_edge_keys_are_unique_ids(flat):
    keys = [key for *_, key in flat.edges(keys=True)]
    assert len(keys) == len(set(keys)) and keys == [f"e{n}" for n in range(1, len(keys) + 1)]


def test_lists_put_one_item_a_line():
    graph = nx.MultiDiGraph()
    graph.add_node("x", label="X", alt_labels=["one\ntwo", "three"], articles=[])
    assert export_graph(graph).nodes["x"]["names"] == "X\none two\nthree"


# --- round trips ------------------------------------------------------------------------------

def xml_clean(text: str) -> str:
    return text.replace("\x0b", "\ufffd")


def test_graphml_round_trip_keeps_everything(flat, tmp_path):
    write_graphml(flat, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert isinstance(back, nx.MultiDiGraph)
    assert sorted(back.nodes) == sorted(flat.nodes)
    assert sorted(back.edges(keys=True)) == sorted(flat.edges(keys=True))
    for node, data in flat.nodes(data=True):
        assert back.nodes[node] == {k: xml_clean(v) if isinstance(v, str) else v for k, v in data.items()}
    for source, target, key, data in flat.edges(keys=True, data=True):
        assert back.edges[source, target, key] == data


def test_gexf_round_trip_keeps_everything(flat, tmp_path):
    write_gexf(flat, tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert sorted(back.nodes) == sorted(flat.nodes)
    assert back.number_of_edges() == flat.number_of_edges()
    for node, data in flat.nodes(data=True):
        assert back.nodes[node] == {k: xml_clean(v) if isinstance(v, str) else v for k, v in data.items()}
    read = {data["id"]: (s, t, data) for s, t, data in back.edges(data=True)}
    for source, target, key, data in flat.edges(keys=True, data=True):
        s, t, got = read[key]
        assert (s, t) == (source, target)
        got = {k: v for k, v in got.items() if k != "id"}
        assert got == {**data, "weight": float(data["weight"])}       # GEXF weights are floats


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_has_a_header_and_a_row_per_node_and_edge(flat, tmp_path):
    written = write_csv(flat, tmp_path / "csv")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    nodes, edges = read_csv(tmp_path / "csv/nodes.csv"), read_csv(tmp_path / "csv/edges.csv")
    assert nodes[0] == ["id", *NODE_FIELDS] and len(nodes) == flat.number_of_nodes() + 1
    assert edges[0] == ["id", "source", "target", *EDGE_FIELDS] and len(edges) == flat.number_of_edges() + 1
    rows = {row[0]: dict(zip(nodes[0], row)) for row in nodes[1:]}
    assert rows[KYIV]["lat"] == "50.45466" and rows[RUSSIA]["lat"] == ""
    structural = [dict(zip(edges[0], row)) for row in edges[1:] if row[3] == "locatedIn"]
    assert structural and structural[0]["structural"] == "true"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_a_hostile_label_survives_intact(tmp_path, fmt):
    label = "Tom \"The <Hammer>\" O'Brien & Sons\nsecond line\r\nthird\t</script>"
    graph = nx.MultiDiGraph()
    graph.add_node("urn:x", label=label, type="Person", alt_labels=[], articles=[])
    graph.add_node("urn:y", label="y", type="Person", alt_labels=[], articles=[])
    graph.add_edge("urn:x", "urn:y", key="urn:m", relation="met", structural=False, modality="asserted",
                   sentence=label, article="a1", date=None)
    flat = export_graph(graph)
    if fmt == "csv":
        write_csv(flat, tmp_path)
        rows = read_csv(tmp_path / "nodes.csv")
        assert dict(zip(rows[0], rows[1]))["label"] == label
        edge = read_csv(tmp_path / "edges.csv")
        assert dict(zip(edge[0], edge[1]))["sentences"] == " ".join(label.splitlines())
        return
    path = tmp_path / f"g.{fmt}"
    (write_graphml if fmt == "graphml" else write_gexf)(flat, path)
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
    assert back.nodes["urn:x"]["label"] == label.replace("\r\n", "\n")    # XML's line ends
    assert next(iter(back.edges(data=True)))[2]["sentences"] == " ".join(label.splitlines())


def test_characters_xml_cannot_hold_are_replaced(flat, tmp_path):
    assert "\x0b" in flat.nodes[HAMMER]["label"]
    write_graphml(flat, tmp_path / "g.graphml")
    assert nx.read_graphml(tmp_path / "g.graphml").nodes[HAMMER]["label"] == HOSTILE.replace("\x0b", "\ufffd")


# --- writing ------------------------------------------------------------------------------------

def test_write_atomically_replaces_a_link_instead_of_writing_through_it(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.txt"
    link.symlink_to(target)
    write_atomically(link, lambda handle: handle.write(b"new"))
    assert target.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_bytes() == b"new"
    assert oct(link.stat().st_mode & 0o777) != oct(0o600)      # not mkstemp's private mode


def test_write_atomically_leaves_nothing_when_writing_fails(tmp_path):
    (tmp_path / "out.txt").write_text("old", encoding="utf-8")

    def broken(handle):
        handle.write(b"half")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_atomically(tmp_path / "out.txt", broken)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "old"


def test_default_outputs(tmp_path):
    assert default_output(tmp_path, "graphml") == tmp_path / "graph.graphml"
    assert default_output(tmp_path, "gexf") == tmp_path / "graph.gexf"
    assert default_output(tmp_path, "csv") == tmp_path


@pytest.fixture()
def small_build(tmp_path):
    """A build folder laid out as kg build lays it: DIR/store a link into .newsgraph/current."""
    folder = tmp_path / "out"
    build_folder(folder / ".newsgraph" / "builds" / "000001")
    (folder / ".newsgraph" / "current").symlink_to("builds/000001")
    (folder / "store").symlink_to(".newsgraph/current/store")
    return folder


def test_export_writes_beside_the_links_of_the_build(small_build):
    written = export_build(small_build, "graphml")
    assert written == [small_build / "graph.graphml"]
    assert nx.read_graphml(written[0]).number_of_nodes() == 5
    assert export_build(small_build, "csv") == [small_build / "nodes.csv", small_build / "edges.csv"]


@pytest.mark.parametrize("output", ["store/graph.gexf", ".newsgraph/x.gexf", "linked.gexf"])
def test_export_never_writes_into_the_build_folder(small_build, output):
    (small_build / "linked.gexf").symlink_to(".newsgraph/current/linked.gexf")
    before = sorted(str(p) for p in (small_build / ".newsgraph").rglob("*"))
    with pytest.raises(KGError) as error:
        export_build(small_build, "gexf", small_build / output)
    assert error.value.code == "E904"
    assert sorted(str(p) for p in (small_build / ".newsgraph").rglob("*")) == before


def run(capsys, *argv):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_command(small_build, tmp_path, capsys):
    code, out, err = run(capsys, "export", "-o", str(small_build), "--format", "gexf",
                         "--output", str(tmp_path / "elsewhere" / "g.gexf"))
    assert code == 0 and not err and out == f"wrote {tmp_path / 'elsewhere' / 'g.gexf'}\n"


@pytest.mark.parametrize("argv, message", [
    (["export", "-o", "{build}", "--format", "xlsx"], "kg: E902 unknown export format 'xlsx'; use graphml, gexf, csv"),
    (["export", "-o", "{missing}", "--format", "csv"], "kg: E301 no store in"),
    (["export", "-o", "{build}", "--format", "csv", "--output", "{file}"], "kg: E903 cannot write"),
    (["export", "-o", "{build}"], "kg: Missing option '--format'"),
])
def test_export_command_errors_are_one_line(small_build, tmp_path, capsys, argv, message):
    (tmp_path / "file.txt").write_text("", encoding="utf-8")
    argv = [a.format(build=small_build, missing=tmp_path / "missing", file=tmp_path / "file.txt") for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 1 and not out and err.startswith(message) and err.count("\n") == 1


# --- the sample build -----------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_sample_round_trips(sample_graph, tmp_path, fmt):
    path = tmp_path / f"sample.{fmt}"
    assert export_build(sample_graph, fmt, path) == [path]
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
    from kg.rdf.store import open_store
    store = open_store(sample_graph)
    expected = export_graph(add_details(project(store), store))
    assert sorted(back.nodes) == sorted(expected.nodes) and back.number_of_edges() == expected.number_of_edges()
    for node, data in expected.nodes(data=True):
        assert back.nodes[node] == data
    assert sum(d["weight"] for *_, d in back.edges(data=True)) == sum(d["weight"] for *_, d in expected.edges(data=True))
    labels = {d["label"]: d for _, d in back.nodes(data=True)}
    assert labels["Kyiv"]["geonames"].startswith("https://sws.geonames.org/") and "lat" in labels["Kyiv"]
    assert "unknown actor" not in labels
    relations = [d for *_, d in back.edges(data=True) if not d["structural"]]
    assert relations and all(d.get("plover") and d.get("confidence") and d.get("sentences") for d in relations)


@pytest.mark.model
def test_sample_csv(sample_graph, tmp_path):
    nodes, edges = export_build(sample_graph, "csv", tmp_path)
    node_rows, edge_rows = read_csv(nodes), read_csv(edges)
    assert node_rows[0][:3] == ["id", "label", "type"] and len(node_rows) > 50
    assert edge_rows[0][:4] == ["id", "source", "target", "relation"] and len(edge_rows) > 20
    ids = {row[0] for row in node_rows[1:]}
    assert all(row[1] in ids and row[2] in ids for row in edge_rows[1:])
