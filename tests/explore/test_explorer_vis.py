"""The page without WebGL (pyvis, vis-network): offline, escaped, non-mutating (no browser here)."""
from __future__ import annotations

import json
import os
import re

import networkx as nx
import pytest

from kg.explore.page import explorer_target
from kg.explore.explorer import explorer_html
from kg.explore.explorer_vis import DEFAULT_VIS_MAX_NODES, VIS_FILE, vis_html, vis_network, write_vis
from tests.explore.test_explorer import HOSTILE, IMG_ONERROR, QUOTES_AMP, RES, SCRIPT_CLOSE, entity, mention, \
    parse, small_graph, snapshot
from tests.conftest import NETWORK_LOAD_PATTERNS


def script_json(page: str, element_id: str):
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    assert match, element_id
    return json.loads(match.group(1))


def nodes_of(page: str) -> dict[str, dict]:
    return {node["iri"]: node for node in script_json(page, "vis-nodes")}


def edges_of(page: str) -> list[dict]:
    return script_json(page, "vis-edges")


@pytest.fixture(scope="module")
def page() -> str:
    return vis_html(small_graph())


def test_pyvis_assembles_the_network():
    from pyvis.network import Network

    network = vis_network(small_graph())
    assert isinstance(network, Network) and network.directed and network.cdn_resources == "in_line"
    assert network.num_nodes() == 7 and network.num_edges() == 5     # Dnieper has no relation


@pytest.mark.parametrize("pattern", NETWORK_LOAD_PATTERNS + [r"cdn\.jsdelivr|cdnjs|bootstrap"])
@pytest.mark.parametrize("graph", [small_graph(), nx.MultiDiGraph()], ids=["small", "empty"])
def test_page_loads_nothing_from_the_network(pattern, graph):
    assert not re.search(pattern, vis_html(graph), re.IGNORECASE)


def test_no_element_has_a_web_address(page):
    parsed = parse(page)
    assert not [(tag, name, value) for tag, name, value in parsed.attributes
                if name in ("src", "href", "action", "srcset", "data") and value]
    assert "link" not in parsed.tags


def test_content_security_policy_forbids_network_loads(page):
    policies = [value for tag, name, value in parse(page).attributes
                if tag == "meta" and name == "content" and value and "default-src" in value]
    assert len(policies) == 1
    directives = dict(part.strip().split(" ", 1) for part in policies[0].split(";"))
    assert directives["default-src"] == "'none'" and "http" not in policies[0]


def test_vis_network_is_inlined_from_pyvis_with_its_licence(page):
    assert "@version 9.1.2" in page and "vis.js is dual licensed" in page
    assert "new vis.Network(" in page


def test_legend_names_every_type_drawn_with_its_count(page):
    legend = page.split('id="legend"', 1)[1].split("</ul>", 1)[0]
    for kind, count in (("Person", 2), ("State", 2), ("City", 1), ("Organisation", 1), ("Group", 1)):
        assert f'data-type="{kind}"' in legend and f"{kind} ({count})" in legend
    assert 'data-type="Location"' not in legend                  # Dnieper is not drawn
    for line in ("conflict", "cooperation", "place link"):
        assert f'data-line="{line}"' in legend


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_never_live_markup(page, name):
    assert name not in page
    escaped = json.dumps(name, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("&", "\\u0026")
    assert escaped[1:-1] in page
    labels = {node["label"] for node in nodes_of(page).values()}
    tooltips = "\n".join(node["title"] for node in nodes_of(page).values())
    assert name in labels | {IMG_ONERROR} and name in tooltips      # read back exactly, not mangled


def test_hostile_names_add_no_elements(page):
    parsed = parse(page)
    # nodes, edges and options (JSON), vis-network, the page's script
    assert parsed.tags.count("script") == 5 and parsed.tags.count("style") == 2
    assert "img" not in parsed.tags
    assert not [name for _, name, _ in parsed.attributes if name.startswith("on")]
    for element in ("vis-nodes", "vis-edges", "vis-options"):
        assert "<!--" not in page.split(f'id="{element}">', 1)[1].split("</script>", 1)[0]


def test_tooltips_are_plain_text_written_with_text_content(page):
    script = page.rsplit("<script>", 1)[1]
    assert "innerHTML" not in script and "div.textContent = text" in script
    edge = next(e for e in edges_of(page) if "threatened" in e["title"])
    assert f"“{IMG_ONERROR} threatened {QUOTES_AMP}.”" in edge["title"]


@pytest.mark.parametrize("title, shown", [
    ("<b>war</b> & peace", "&lt;b&gt;war&lt;/b&gt; &amp; peace"),
    ('"quoted"', "&#34;quoted&#34;"),
])
def test_title_and_heading_are_html_escaped(title, shown):
    page = vis_html(small_graph(), title=title)
    assert f"<title>{shown}</title>" in page and f"<h1>{shown}</h1>" in page
    assert title not in page


def test_edges_name_their_relations_with_counts(page):
    russia_ukraine = next(e for e in edges_of(page) if "attacked" in e["title"])
    lines = russia_ukraine["title"].split("\n")
    assert "Russia → Ukraine: attacked ×2" in lines and "Ukraine → Russia: accused ×1" in lines
    assert russia_ukraine["arrows"] == "to, from" and russia_ukraine["mentions"] == 3
    assert "“Russia attacked Ukraine.”" in russia_ukraine["title"]
    claims = {e["title"].split("\n")[1]: e for e in edges_of(page)}
    assert claims["Vladimir Putin → Kyiv: occupied ×1 (1 intended)"]["color"]["opacity"] < 1   # pale
    place = next(e for e in edges_of(page) if "place link" in e["title"])
    assert place["dashes"] is True and "Kyiv → Ukraine: located in (place link)" in place["title"]


def test_one_line_per_pair_whatever_the_direction(page):
    pairs = [frozenset((e["from"], e["to"])) for e in edges_of(page)]
    assert len(pairs) == len(set(pairs))


def test_nodes_are_coloured_by_type_and_sized_by_mentions(page):
    nodes = nodes_of(page)
    russia, nato = nodes[RES + "state/RUS"], nodes[RES + "org/nato"]
    assert russia["color"] == "#e15759" and nato["color"] == "#59a14f"
    assert russia["mentions"] == 3 and nato["mentions"] == 1 and russia["size"] > nato["size"]
    assert "Russia\nState · RUS\nalso: Russian Federation" in russia["title"]


def test_physics_settles_then_stops(page):
    options = script_json(page, "vis-options")
    assert options["physics"]["enabled"] is True and options["physics"]["stabilization"]["enabled"] is True
    assert options["edges"]["smooth"] is False                 # no support nodes to simulate
    assert 'once("stabilizationIterationsDone"' in page and "physics: { enabled: false }" in page
    nodes = nodes_of(page).values()
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)   # laid out in Python
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)


def test_the_page_says_when_only_the_most_central_are_drawn():
    page = vis_html(small_graph(), max_nodes=3)
    assert len(nodes_of(page)) <= 3
    assert "<title>newsgraph explorer (the 3 most central of 8 entities)</title>" in page
    assert "Drawing the 3 most central of 8 entities (PageRank; 5 left out" in page
    assert set(nodes_of(page)) <= {RES + "state/UKR", RES + "state/RUS", RES + "city/kyiv"}
    assert "most central" not in vis_html(small_graph()).split("<body>", 1)[1].split("<script", 1)[0]
    assert DEFAULT_VIS_MAX_NODES == 1000


def test_input_graph_is_not_modified():
    graph = small_graph()
    before = snapshot(graph)
    vis_html(graph)
    assert snapshot(graph) == before


def test_page_is_deterministic():
    assert vis_html(small_graph()) == vis_html(small_graph())


def test_empty_and_single_pair_graphs_render():
    assert script_json(vis_html(nx.MultiDiGraph()), "vis-nodes") == []
    graph = nx.MultiDiGraph()
    entity(graph, "a", "A", "Person")
    entity(graph, "b", "B", "Mystery")
    mention(graph, "a", "b", "met", "A met B.")
    nodes = nodes_of(vis_html(graph))
    assert nodes[RES + "b"]["type"] == "Other" and len(nodes) == 2


def test_write_vis_replaces_a_link_instead_of_writing_through_it(tmp_path):
    outside = tmp_path / "elsewhere.html"
    outside.write_text("not yours", encoding="utf-8")
    target = tmp_path / "page.html"
    target.symlink_to(outside)
    assert write_vis(small_graph(), target) == target
    assert outside.read_text(encoding="utf-8") == "not yours"
    assert not target.is_symlink() and "new vis.Network(" in target.read_text(encoding="utf-8")
    assert oct(os.stat(target).st_mode & 0o777) == "0o644"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_vis_page_goes_beside_the_build_by_default(tmp_path):
    assert explorer_target(tmp_path, None, "vis") == tmp_path / VIS_FILE
    assert explorer_target(tmp_path, tmp_path / "x.html", "vis") == tmp_path / "x.html"


def test_the_webgl_page_tells_of_the_vis_renderer():
    assert "kg explore --renderer vis" in explorer_html(small_graph())


def test_hostile_label_in_a_tooltip_of_an_edge_is_not_markup():
    graph = nx.MultiDiGraph()
    entity(graph, "x", SCRIPT_CLOSE, "Group")
    entity(graph, "y", "Y", "State")
    mention(graph, "x", "y", "attacked", f"{SCRIPT_CLOSE} attacked Y.")
    page = vis_html(graph)
    assert SCRIPT_CLOSE not in page
    assert f"{SCRIPT_CLOSE} → Y: attacked ×1" in edges_of(page)[0]["title"]
