"""The explorer page: offline, escaped, non-mutating, laid out in Python (no browser here)."""
from __future__ import annotations

import copy
import datetime
import json
import math
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.explorer import TYPE_STYLES, explorer_html, write_explorer

RES = "https://w3id.org/newsgraph/resource/"
SCRIPT_CLOSE = "</script><script>alert(1)</script>"
IMG_ONERROR = "<img src=x onerror=alert(1)>"
QUOTES_AMP = "Tom \"The Hammer\" O'Brien & Sons"
HOSTILE = [SCRIPT_CLOSE, IMG_ONERROR, QUOTES_AMP]


def entity(graph, key, label, kind, alt=(), articles=("a1",), country=None):
    graph.add_node(RES + key, label=label, type=kind, alt_labels=list(alt), country=country,
                   articles=list(articles), lat=None, long=None)


def mention(graph, source, target, relation, sentence, modality="asserted", article="a1"):
    graph.add_edge(RES + source, RES + target, relation=relation, structural=False,
                   sentence=sentence, modality=modality, article=article, date="2022-03-01")


def small_graph() -> nx.MultiDiGraph:
    """Russia, Ukraine, Kyiv, Putin, NATO, a hostile group, and an isolated place."""
    graph = nx.MultiDiGraph()
    entity(graph, "state/RUS", "Russia", "State", ["Russian Federation"], ["a1", "a2"], "RUS")
    entity(graph, "state/UKR", "Ukraine", "State", [], ["a1", "a2", "a3"], "UKR")
    entity(graph, "city/kyiv", "Kyiv", "City", ["Kiev"], ["a1"], "UKR")
    entity(graph, "person/putin", "Vladimir Putin", "Person", ["Putin"], ["a2"], "RUS")
    entity(graph, "org/nato", "NATO", "Organisation", [], ["a3"])
    entity(graph, "group/hostile", SCRIPT_CLOSE, "Group", [IMG_ONERROR], ["a4"])
    entity(graph, "person/quotes", QUOTES_AMP, "Person", [], ["a4"])
    entity(graph, "loc/dnieper", "Dnieper", "Location", [], [])
    graph.add_edge(RES + "city/kyiv", RES + "state/UKR", key="locatedIn", relation="locatedIn",
                   structural=True)
    mention(graph, "state/RUS", "state/UKR", "attacked", "Russia attacked Ukraine.")
    mention(graph, "state/RUS", "state/UKR", "attacked", "Russian forces attacked Ukraine again.", article="a2")
    mention(graph, "state/UKR", "state/RUS", "accused", "Ukraine accused Russia.", article="a2")
    mention(graph, "person/putin", "city/kyiv", "occupied", "Putin plans to seize Kyiv.", "intended", "a2")
    mention(graph, "org/nato", "state/UKR", "supported", "NATO did not send troops.", "negated", "a3")
    mention(graph, "group/hostile", "person/quotes", "threatened", f"{IMG_ONERROR} threatened {QUOTES_AMP}.",
            article="a4")
    return graph


def script_json(page: str, element_id: str):
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    assert match, element_id
    return json.loads(match.group(1))


class TagCounter(HTMLParser):
    """Counts start tags and collects attribute names, as a browser's parser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)


def parse(page: str) -> TagCounter:
    parser = TagCounter()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def page() -> str:
    return explorer_html(small_graph())


@pytest.mark.parametrize("label", [data["label"] for _, data in small_graph().nodes(data=True)])
def test_every_label_is_in_the_page_data(page, label):
    labels = {node["label"] for node in script_json(page, "kg-nodes")}
    assert label in labels


@pytest.mark.parametrize("label", ["Russia", "Ukraine", "Kyiv", "Vladimir Putin", "NATO", "Dnieper"])
def test_plain_labels_appear_literally(page, label):
    assert f'"label":"{label}"' in page


@pytest.mark.parametrize("pattern", [
    r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""",
    r"@import",
    r"""url\(\s*["']?\s*(?:https?:)?//""",
    r"<script[^>]*\bsrc\s*=",
    r"<link\b",
    r"<iframe\b",
])
@pytest.mark.parametrize("graph", [small_graph(), nx.MultiDiGraph()], ids=["small", "empty"])
def test_page_loads_nothing_from_the_network(pattern, graph):
    assert not re.search(pattern, explorer_html(graph), re.IGNORECASE)


def test_content_security_policy_forbids_network_loads(page):
    policies = [value for tag, name, value in parse(page).attributes
                if tag == "meta" and name == "content" and value and "default-src" in value]
    assert len(policies) == 1
    directives = dict(part.strip().split(" ", 1) for part in policies[0].split(";"))
    assert directives["default-src"] == "'none'"
    assert "http" not in policies[0]


def test_vis_network_is_inlined(page):
    assert "vis-network" in page and "new vis.Network(" in page


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_never_live_markup(page, name):
    assert name not in page
    escaped = json.dumps(name, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("&", "\\u0026")
    assert escaped[1:-1] in page
    names = {node["label"] for node in script_json(page, "kg-nodes")}
    names |= {alt for node in script_json(page, "kg-nodes") for alt in node["altLabels"]}
    assert name in names                      # read back exactly, not mangled


def test_hostile_names_add_no_elements(page):
    parsed = parse(page)
    assert parsed.tags.count("script") == 6   # four JSON blocks, vis-network, the explorer
    assert "img" not in parsed.tags
    assert not [name for _, name, _ in parsed.attributes if name.startswith("on")]


def test_hostile_evidence_sentence_is_escaped(page):
    sentences = [edge["sentence"] for edge in script_json(page, "kg-edges")]
    assert f"{IMG_ONERROR} threatened {QUOTES_AMP}." in sentences


@pytest.mark.parametrize("title, shown", [
    ("<b>war</b> & peace", "&lt;b&gt;war&lt;/b&gt; &amp; peace"),
    ('"quoted"', "&#34;quoted&#34;"),
])
def test_title_is_html_escaped(title, shown):
    page = explorer_html(small_graph(), title=title)
    assert f"<title>{shown}</title>" in page
    assert title not in page


@pytest.mark.parametrize("character, escape", [("\u2028", "\\u2028"), ("\u2029", "\\u2029"),
                                               ("&", "\\u0026")])
def test_script_breaking_characters_are_escaped(character, escape):
    graph = nx.MultiDiGraph()
    entity(graph, "x", f"line{character}break", "Person")
    page = explorer_html(graph)
    data = page.split('id="kg-nodes">', 1)[1].split("</script>", 1)[0]
    assert character not in data and escape in data
    assert script_json(page, "kg-nodes")[0]["label"] == f"line{character}break"


def snapshot(graph: nx.MultiDiGraph):
    return (copy.deepcopy(dict(graph.graph)),
            copy.deepcopy(list(graph.nodes(data=True))),
            copy.deepcopy(list(graph.edges(keys=True, data=True))))


def test_input_graph_is_not_modified():
    graph = small_graph()
    before = snapshot(graph)
    explorer_html(graph)
    assert snapshot(graph) == before


def test_every_node_has_a_finite_distinct_position(page):
    nodes = script_json(page, "kg-nodes")
    assert len(nodes) == small_graph().number_of_nodes()
    points = [(node["x"], node["y"]) for node in nodes]
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    assert len(set(points)) == len(points)


def test_isolated_node_is_placed(page):
    dnieper = next(node for node in script_json(page, "kg-nodes") if node["label"] == "Dnieper")
    assert isinstance(dnieper["x"], float) and isinstance(dnieper["y"], float)


def test_physics_is_off(page):
    options = script_json(page, "kg-options")
    assert options["physics"]["enabled"] is False


def test_layout_is_deterministic():
    assert explorer_html(small_graph()) == explorer_html(small_graph())


def test_single_node_renders_at_the_origin():
    graph = nx.MultiDiGraph()
    entity(graph, "x", "Alone", "Person")
    node, = script_json(explorer_html(graph), "kg-nodes")
    assert (node["x"], node["y"]) == (0.0, 0.0)


def test_every_mention_is_its_own_edge(page):
    edges = script_json(page, "kg-edges")
    assert len(edges) == small_graph().number_of_edges()
    attacks = [edge for edge in edges if edge["relation"] == "attacked"]
    assert len(attacks) == 2
    assert attacks[0]["smooth"] != attacks[1]["smooth"]      # drawn apart, not on top of each other


@pytest.mark.parametrize("relation, kind, dashed", [
    ("attacked", "asserted", False),
    ("occupied", "claim", True),
    ("supported", "claim", True),
    ("locatedIn", "structural", True),
])
def test_edge_style_follows_modality(page, relation, kind, dashed):
    edge = next(edge for edge in script_json(page, "kg-edges") if edge["relation"] == relation)
    assert edge["kind"] == kind
    assert bool(edge["dashes"]) is dashed


def test_edge_carries_its_evidence(page):
    edge = next(edge for edge in script_json(page, "kg-edges") if edge["relation"] == "occupied")
    assert edge["from"] == RES + "person/putin" and edge["to"] == RES + "city/kyiv"
    assert (edge["sentence"], edge["modality"], edge["article"], edge["date"]) == \
        ("Putin plans to seize Kyiv.", "intended", "a2", "2022-03-01")
    assert "intended" in edge["label"]


@pytest.mark.parametrize("kind, colour", [(kind, style.colour) for kind, style in TYPE_STYLES.items()])
def test_nodes_are_coloured_by_type(page, kind, colour):
    for node in script_json(page, "kg-nodes"):
        if node["entityType"] == kind:
            assert node["color"]["background"] == colour


@pytest.mark.parametrize("kind, count", [("State", 2), ("Person", 2), ("City", 1), ("Organisation", 1),
                                         ("Location", 1), ("Group", 1)])
def test_legend_counts_types(page, kind, count):
    assert re.search(rf'value="{kind}" checked>.*?<span class="count">{count}</span>', page, re.S)


def test_summary_counts_entities_and_relations(page):
    assert re.search(r"<strong>8</strong> entities,\s*<strong>6</strong> relations", page)


def test_node_size_grows_with_mentions(page):
    sizes = {node["label"]: node["size"] for node in script_json(page, "kg-nodes")}
    assert sizes["Ukraine"] > sizes["Kyiv"] > sizes["Dnieper"]


def test_unknown_type_is_drawn_as_other():
    graph = nx.MultiDiGraph()
    entity(graph, "x", "Something", "Event")
    page = explorer_html(graph)
    assert script_json(page, "kg-nodes")[0]["entityType"] == "Other"
    assert 'value="Other" checked' in page


def test_empty_graph_renders_a_valid_page():
    page = explorer_html(nx.MultiDiGraph())
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert "Nothing to show" in page
    assert script_json(page, "kg-nodes") == [] and script_json(page, "kg-edges") == []
    assert re.search(r"<strong>0</strong> entities", page)
    assert parse(page).tags.count("script") == 6


def test_write_explorer_creates_folders(tmp_path):
    path = write_explorer(small_graph(), tmp_path / "out" / "explorer.html", title="Sample")
    assert path == tmp_path / "out" / "explorer.html"
    assert "<title>Sample</title>" in path.read_text(encoding="utf-8")


def test_dates_missing_coordinates_and_self_loops_render():
    graph = nx.MultiDiGraph()
    graph.add_node("urn:x", label="Kherson", type="City", alt_labels=[], country="UKR", articles=["a1"],
                   lat=float("nan"), long=None)
    graph.add_edge("urn:x", "urn:x", relation="attacked", structural=False, sentence="…",
                   modality="asserted", article="a1", date=datetime.date(2022, 3, 2))
    page = explorer_html(graph)
    node, = script_json(page, "kg-nodes")
    edge, = script_json(page, "kg-edges")
    assert (node["lat"], node["long"]) == (None, None)
    assert edge["date"] == "2022-03-02" and edge["from"] == edge["to"] == "urn:x"
