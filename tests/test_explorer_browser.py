"""The explorer in a real browser: Debian's chromium, driven by playwright, fully offline."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.explorer import write_explorer

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SCREENSHOT = Path("/tmp/explorer.png")
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")

RES = "https://w3id.org/newsgraph/resource/"
HOSTILE = "</script><script>alert(1)</script>"
IMG_ONERROR = "<img src=x onerror=alert(1)>"
EVIDENCE = "Russian forces encircled Mariupol on Wednesday."


def sample_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()

    def entity(key, label, kind, alt=(), articles=("a1",), country=None):
        graph.add_node(RES + key, label=label, type=kind, alt_labels=list(alt), country=country,
                       articles=list(articles), lat=None, long=None)

    def mention(source, target, relation, sentence, modality="asserted", article="a1"):
        graph.add_edge(RES + source, RES + target, relation=relation, structural=False,
                       sentence=sentence, modality=modality, article=article, date="2022-03-02")

    entity("state/RUS", "Russia", "State", ["Russian Federation"], ["a1", "a2", "a3"], "RUS")
    entity("state/UKR", "Ukraine", "State", [], ["a1", "a2", "a3"], "UKR")
    entity("city/kyiv", "Kyiv", "City", ["Kiev"], ["a1"], "UKR")
    entity("city/mariupol", "Mariupol", "City", [], ["a3"], "UKR")
    entity("person/zelenskyy", "Volodymyr Zelenskyy", "Person", ["Zelensky", "Zelenskiy"], ["a2"], "UKR")
    entity("person/putin", "Vladimir Putin", "Person", ["Putin"], ["a2"], "RUS")
    entity("org/nato", "NATO", "Organisation", ["North Atlantic Treaty Organization"], ["a2"])
    entity("group/hostile", HOSTILE, "Group", [IMG_ONERROR], ["a4"])
    entity("loc/dnieper", "Dnieper", "Location", [], [])
    for city in ("kyiv", "mariupol"):
        graph.add_edge(RES + f"city/{city}", RES + "state/UKR", key="locatedIn", relation="locatedIn",
                       structural=True)
    mention("state/RUS", "state/UKR", "attacked", "Russia attacked Ukraine.")
    mention("state/RUS", "state/UKR", "attacked", "Russian troops attacked Ukraine again.", article="a2")
    mention("state/RUS", "city/mariupol", "besieged", EVIDENCE, article="a3")
    mention("person/zelenskyy", "org/nato", "calledOn", "Zelenskyy urged NATO to close the sky.", article="a2")
    mention("person/putin", "city/kyiv", "occupied", "Putin plans to seize Kyiv.", "intended", "a2")
    mention("group/hostile", "person/putin", "threatened", f"{IMG_ONERROR} threatened Putin.", article="a4")
    return graph


class Session:
    """An open explorer page and everything it did: requests, errors, dialogs."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", self._refuse_dialog)

    def _refuse_dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def panel_title(self) -> str:
        return self.page.text_content("#details h2.title")


@pytest.fixture(scope="module")
def browser():
    # no skip when chromium is missing: a skipped browser suite would hide a broken install
    # (`make test` installs it through scripts/install-chromium.sh)
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run scripts/install-chromium.sh"
    from playwright import sync_api
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return sample_graph()


@pytest.fixture(scope="module")
def session(browser, graph, tmp_path_factory):
    path = write_explorer(graph, tmp_path_factory.mktemp("explorer") / "explorer.html")
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    opened = Session(page)
    page.goto(path.as_uri())
    page.wait_for_function("window.kgNetwork !== undefined")
    yield opened
    page.close()


@pytest.fixture
def explorer(session):
    """The shared page, with the details panel and search box cleared before each test."""
    session.page.evaluate("kgNetwork.unselectAll()")
    session.page.fill("#search", "")
    return session


def test_network_holds_every_node_and_edge(explorer, graph):
    counts = explorer.page.evaluate(
        "[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()]


def test_physics_is_off_and_positions_are_kept(explorer):
    assert explorer.page.evaluate("kgNetwork.physics.options.enabled") is False
    positions = explorer.page.evaluate("Object.values(kgNetwork.getPositions())")
    assert len({(point["x"], point["y"]) for point in positions}) == len(positions)


def test_search_by_alternative_name_shows_canonical_label(explorer):
    explorer.page.fill("#search", "zelensky")
    explorer.page.press("#search", "Enter")
    assert explorer.panel_title() == "Volodymyr Zelenskyy"
    assert explorer.page.evaluate("kgNetwork.getSelectedNodes()") == [RES + "person/zelenskyy"]
    assert "Zelenskiy" in explorer.page.text_content("#details")


def test_search_results_list_matches(explorer):
    explorer.page.fill("#search", "KIEV")
    assert explorer.page.text_content("#search-results").startswith("Kyiv")
    explorer.page.click("#search-results button")
    assert explorer.panel_title() == "Kyiv"


def test_node_panel_lists_relations(explorer):
    explorer.page.evaluate(f"kgExplorer.selectNode({RES + 'state/RUS'!r}, false)")
    details = explorer.page.text_content("#details")
    for expected in ("Russia", "Russian Federation", "RUS", "a1", "attacked", "Ukraine", "besieged",
                     "Mariupol", "×2"):
        assert expected in details


def test_selected_edge_shows_its_evidence(explorer):
    edge = explorer.page.evaluate(
        f"kgNetwork.body.data.edges.getIds({{filter: e => e.sentence === {EVIDENCE!r}}})")[0]
    explorer.page.evaluate("id => kgExplorer.selectEdge(id, false)", edge)
    assert explorer.page.text_content("#evidence") == EVIDENCE
    details = explorer.page.text_content("#details")
    for expected in ("besieged", "Russia", "Mariupol", "asserted", "a3", "2022-03-02"):
        assert expected in details


def test_clicking_an_edge_shows_its_evidence(explorer):
    edge = explorer.page.evaluate(
        f"kgNetwork.body.data.edges.getIds({{filter: e => e.sentence === {EVIDENCE!r}}})")[0]
    # The middle of the (straight) edge, in page coordinates.
    x, y = explorer.page.evaluate("""id => {
        const edge = kgNetwork.body.data.edges.get(id);
        const ends = kgNetwork.getPositions([edge.from, edge.to]);
        const middle = kgNetwork.canvasToDOM({x: (ends[edge.from].x + ends[edge.to].x) / 2,
                                              y: (ends[edge.from].y + ends[edge.to].y) / 2});
        const box = document.getElementById("network").getBoundingClientRect();
        return [box.left + middle.x, box.top + middle.y];
    }""", edge)
    explorer.page.mouse.click(x, y)
    assert explorer.page.evaluate("kgNetwork.getSelectedEdges()") == [edge]
    assert explorer.page.text_content("#evidence") == EVIDENCE


def test_hostile_name_is_shown_literally(explorer):
    explorer.page.evaluate("id => kgExplorer.selectNode(id, false)", RES + "group/hostile")
    assert explorer.panel_title() == HOSTILE
    assert IMG_ONERROR in explorer.page.text_content("#details")
    assert explorer.page.evaluate("document.querySelectorAll('img, #details script').length") == 0


def test_hostile_sentence_is_shown_literally(explorer):
    edge = explorer.page.evaluate(
        "kgNetwork.body.data.edges.getIds({filter: e => e.relation === 'threatened'})")[0]
    explorer.page.evaluate("id => kgExplorer.selectEdge(id, false)", edge)
    assert explorer.page.text_content("#evidence") == f"{IMG_ONERROR} threatened Putin."


@pytest.mark.parametrize("control, hidden_kind", [("#show-claims", "claim"), ("#show-structural", "structural")])
def test_edge_filters_hide_and_show(explorer, control, hidden_kind):
    def hidden_kinds():
        return set(explorer.page.evaluate(
            "kgNetwork.body.data.edges.get({filter: e => e.hidden}).map(e => e.kind)"))
    explorer.page.uncheck(control)
    assert hidden_kinds() == {hidden_kind}
    explorer.page.check(control)
    assert hidden_kinds() == set()


def test_type_filter_hides_entities_and_their_edges(explorer):
    explorer.page.uncheck(".type-filter[value='City']")
    hidden = explorer.page.evaluate("kgNetwork.body.data.nodes.get({filter: n => n.hidden}).map(n => n.label)")
    dangling = explorer.page.evaluate("""kgNetwork.body.data.edges.get({filter: e => !e.hidden &&
        (kgNetwork.body.data.nodes.get(e.from).hidden || kgNetwork.body.data.nodes.get(e.to).hidden)}).length""")
    explorer.page.check(".type-filter[value='City']")
    assert sorted(hidden) == ["Kyiv", "Mariupol"]
    assert dangling == 0


def test_screenshot(explorer):
    explorer.page.fill("#search", "Putin")
    explorer.page.press("#search", "Enter")
    explorer.page.wait_for_timeout(600)          # let the focus animation finish
    explorer.page.evaluate("kgNetwork.fit()")
    corner = explorer.page.evaluate("(({left, top}) => [left + 4, top + 4])"
                                    "(document.getElementById('network').getBoundingClientRect())")
    explorer.page.mouse.move(*corner)             # no hover highlight or tooltip in the picture
    explorer.page.wait_for_timeout(300)
    explorer.page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_nothing_leaves_the_machine(session):
    """Runs last: every request the page made, during all the tests above, stayed local."""
    remote = [url for url in session.requests if not url.startswith(LOCAL_SCHEMES)]
    assert session.requests and not remote
    assert session.errors == []
    assert session.dialogs == []


def test_empty_graph_page_works(browser, tmp_path):
    path = write_explorer(nx.MultiDiGraph(), tmp_path / "empty.html")
    page = browser.new_page()
    opened = Session(page)
    page.goto(path.as_uri())
    page.wait_for_function("window.kgNetwork !== undefined")
    assert "Nothing to show" in page.text_content("main")
    assert page.evaluate("kgNetwork.body.data.nodes.length") == 0
    assert opened.errors == [] and opened.dialogs == []
    assert all(url.startswith(LOCAL_SCHEMES) for url in opened.requests)
    page.close()
