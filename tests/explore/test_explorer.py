"""The explorer page: offline, escaped, non-mutating, laid out in Python (no browser here)."""
from __future__ import annotations

import copy
import datetime
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.explore.explorer import TYPE_STYLES, centrality, explorer_html, page_data, relation_family, write_explorer
from tests.conftest import NETWORK_LOAD_PATTERNS

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


def script_json(page: str, element_id: str = "kg-data"):
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    assert match, element_id
    return json.loads(match.group(1))


def page_nodes(page: str) -> list[dict]:
    return script_json(page)["nodes"]


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


@pytest.fixture(scope="module")
def data() -> dict:
    return page_data(small_graph())


@pytest.mark.parametrize("label", [data["label"] for _, data in small_graph().nodes(data=True)])
def test_every_label_is_in_the_page_data(page, label):
    assert label in {node["label"] for node in page_nodes(page)}


@pytest.mark.parametrize("label", ["Russia", "Ukraine", "Kyiv", "Vladimir Putin", "NATO", "Dnieper"])
def test_plain_labels_appear_literally(page, label):
    assert f'"label":"{label}"' in page


@pytest.mark.parametrize("pattern", NETWORK_LOAD_PATTERNS)
@pytest.mark.parametrize("graph", [small_graph(), nx.MultiDiGraph()], ids=["small", "empty"])
def test_page_loads_nothing_from_the_network(pattern, graph):
    assert not re.search(pattern, explorer_html(graph), re.IGNORECASE)


def test_content_security_policy_forbids_network_loads(page):
    policies = [value for tag, name, value in parse(page).attributes
                if tag == "meta" and name == "content" and value and "default-src" in value]
    assert len(policies) == 1
    directives = dict(part.strip().split(" ", 1) for part in policies[0].split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["worker-src"] == "blob:"          # the layout worker, made in the page
    assert "http" not in policies[0]


def test_libraries_are_inlined_with_their_licences(page):
    assert "new Sigma(" in page and "graphology" in page and "kgForceAtlas2Iterate" in page
    vendor = Path(__file__).resolve().parents[2] / "kg" / "vendor"
    for name in ("sigma", "graphology", "graphology-layout-forceatlas2", "events", "graphology-utils"):
        assert "MIT" in (vendor / f"{name}.LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_never_live_markup(page, name):
    assert name not in page
    escaped = json.dumps(name, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("&", "\\u0026")
    assert escaped[1:-1] in page
    names = {node["label"] for node in page_nodes(page)} | {alt for node in page_nodes(page) for alt in node.get("alt", [])}
    assert name in names                      # read back exactly, not mangled


def test_hostile_names_add_no_elements(page):
    parsed = parse(page)
    # the data, sigma, graphology, ForceAtlas2, the worker's source (text/plain), the explorer
    assert parsed.tags.count("script") == 6
    assert "img" not in parsed.tags
    assert not [name for _, name, _ in parsed.attributes if name.startswith("on")]
    assert "<!--" not in page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]


def test_hostile_evidence_sentence_is_escaped(page):
    sentences = [mention.get("t") for mention in script_json(page)["mentions"]]
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
    data = page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert character not in data and escape in data
    assert page_nodes(page)[0]["label"] == f"line{character}break"


def test_only_web_links_reach_the_page():
    graph = small_graph()
    graph.graph["articles"] = {"a1": {"title": "T", "url": "javascript:alert(1)"},
                               "a2": {"title": "U", "url": "https://news.example/a2"}}
    articles = {a["id"]: a for a in page_data(graph)["articles"]}
    assert articles["a1"]["url"] is None and articles["a2"]["url"] == "https://news.example/a2"


def snapshot(graph: nx.MultiDiGraph):
    return (copy.deepcopy(dict(graph.graph)),
            copy.deepcopy(list(graph.nodes(data=True))),
            copy.deepcopy(list(graph.edges(keys=True, data=True))))


def test_input_graph_is_not_modified():
    graph = small_graph()
    before = snapshot(graph)
    explorer_html(graph)
    assert snapshot(graph) == before


def test_every_node_has_a_finite_distinct_starting_point(data):
    points = [(node["x"], node["y"]) for node in data["nodes"]]
    assert len(points) == small_graph().number_of_nodes()
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    assert len(set(points)) == len(points)


def test_page_is_deterministic():
    assert explorer_html(small_graph()) == explorer_html(small_graph())


def test_parallel_mentions_make_one_pair(data):
    russia = next(i for i, n in enumerate(data["nodes"]) if n["label"] == "Russia")
    ukraine = next(i for i, n in enumerate(data["nodes"]) if n["label"] == "Ukraine")
    pair = data["pairs"].index(sorted([russia, ukraine]))
    names = sorted(data["relations"][m["r"]]["name"] for m in data["mentions"] if m.get("p") == pair)
    assert names == ["accused", "attacked", "attacked"]       # both directions, one line
    assert len(data["pairs"]) == len({tuple(p) for p in data["pairs"]})


@pytest.mark.parametrize("relation, family", [("attacked", "conflict"), ("accused", "conflict"),
                                              ("supported", "cooperation"), ("locatedIn", "place")])
def test_relations_carry_their_family(data, relation, family):
    row = next(r for r in data["relations"] if r["name"] == relation)
    assert row["family"] == family


def test_relation_family_of_every_plover_type():
    from kg.data import read_tsv
    plover = {row["plover"] for row in read_tsv("relations.tsv")}
    assert {relation_family(p) for p in plover} <= {"conflict", "cooperation"}


def test_mention_carries_its_evidence(data):
    mention = next(m for m in data["mentions"] if data["relations"][m["r"]]["name"] == "occupied")
    assert data["nodes"][mention["s"]]["label"] == "Vladimir Putin"
    assert data["nodes"][mention["o"]]["label"] == "Kyiv"
    assert (mention["t"], mention["m"], data["articles"][mention["a"]]["id"], mention["d"]) == \
        ("Putin plans to seize Kyiv.", "intended", "a2", "2022-03-01")


def test_loose_mentions_are_kept_and_explained():
    graph = small_graph()
    graph.graph["loose_mentions"] = [
        {"relation": "attacked", "source": None, "target": RES + "state/UKR", "has_object": True,
         "sentence": "Kyiv was shelled.", "modality": "asserted", "article": "a1"},
        {"relation": "threatened", "source": RES + "state/RUS", "target": None, "has_object": False,
         "sentence": "Russia threatened.", "modality": "asserted", "article": "a1"}]
    mentions = [m for m in page_data(graph)["mentions"] if "p" not in m]
    assert sorted(m["why"] for m in mentions) == ["noobject", "unknown"]
    unknown = next(m for m in mentions if m["why"] == "unknown")
    assert unknown["sn"] == "unknown actor" and unknown["on"] == "Ukraine"


def test_max_nodes_keeps_the_most_central():
    data = page_data(small_graph(), max_nodes=3)
    kept = {n["label"] for n in data["nodes"]}
    assert len(kept) == 3 and {"Russia", "Ukraine"} <= kept and "Dnieper" not in kept
    assert data["summary"]["cut"] == 5
    cut = [m for m in data["mentions"] if m.get("why") == "cut"]
    assert cut and all("p" not in m for m in cut)
    assert "most central of 8 entities" in explorer_html(small_graph(), max_nodes=3)


def test_centrality_ranks_hubs_first_and_isolated_last():
    scores = centrality(small_graph())
    ranked = sorted(scores, key=scores.get, reverse=True)
    assert ranked[0] == RES + "state/UKR"
    assert scores[RES + "loc/dnieper"] == min(scores.values())
    assert math.isclose(sum(scores.values()), 1.0, rel_tol=1e-6)


def test_node_size_grows_with_mentions(data):
    sizes = {node["label"]: node["size"] for node in data["nodes"]}
    assert sizes["Ukraine"] > sizes["Kyiv"] > sizes["Dnieper"]


@pytest.mark.parametrize("kind, count", [("State", 2), ("Person", 2), ("City", 1), ("Organisation", 1),
                                         ("Location", 1), ("Group", 1)])
def test_legend_counts_types(page, kind, count):
    assert re.search(rf'value="{kind}" checked>.*?<span class="count">{count}</span>', page, re.S)


@pytest.mark.parametrize("kind, colour", [(kind, style.colour) for kind, style in TYPE_STYLES.items()])
def test_types_have_their_colour(data, kind, colour):
    assert data["types"][kind] == colour


def test_summary_counts_entities_and_mentions(page):
    assert re.search(r"<strong>8</strong> entities,\s*<strong>6</strong> relation mentions", page)


def test_unknown_type_is_drawn_as_other():
    graph = nx.MultiDiGraph()
    entity(graph, "x", "Something", "Event")
    page = explorer_html(graph)
    assert page_nodes(page)[0]["type"] == "Other"
    assert 'value="Other" checked' in page


def test_empty_graph_renders_a_valid_page():
    page = explorer_html(nx.MultiDiGraph())
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert "Nothing to show" in page
    assert script_json(page)["nodes"] == [] and script_json(page)["mentions"] == []
    assert re.search(r"<strong>0</strong> entities", page)
    assert parse(page).tags.count("script") == 6


def test_write_explorer_creates_folders(tmp_path):
    path = write_explorer(small_graph(), tmp_path / "out" / "explorer.html", title="Sample")
    assert path == tmp_path / "out" / "explorer.html"
    assert "<title>Sample</title>" in path.read_text(encoding="utf-8")
    assert [p.name for p in path.parent.iterdir()] == ["explorer.html"]     # no temporary left


def test_write_explorer_replaces_a_link_instead_of_writing_through_it(tmp_path):
    outside = tmp_path / "outside.html"
    outside.write_text("keep me", encoding="utf-8")
    link = tmp_path / "folder" / "explorer.html"
    link.parent.mkdir()
    link.symlink_to(outside)
    write_explorer(small_graph(), link)
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and "<!DOCTYPE html>" in link.read_text(encoding="utf-8")


def test_dates_missing_coordinates_and_self_loops_render():
    graph = nx.MultiDiGraph()
    graph.add_node("urn:x", label="Kherson", type="City", alt_labels=[], country="UKR", articles=["a1"],
                   lat=float("nan"), long=None)
    graph.add_edge("urn:x", "urn:x", relation="attacked", structural=False, sentence="…",
                   modality="asserted", article="a1", date=datetime.date(2022, 3, 2))
    data = page_data(graph)
    node, = data["nodes"]
    mention, = data["mentions"]
    assert "lat" not in node and "long" not in node
    assert mention["d"] == "2022-03-02" and mention["why"] == "self" and "p" not in mention
