"""The explorer in a real browser: Debian's chromium, driven by playwright, fully offline."""
from __future__ import annotations

import time
from pathlib import Path

import networkx as nx
import pytest

from kg.explore.explorer import write_explorer

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"  # tests/artifacts
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")

RES = "https://w3id.org/newsgraph/resource/"
HOSTILE = "</script><script>alert(1)</script>"
IMG_ONERROR = "<img src=x onerror=alert(1)>"
EVIDENCE = "Russian forces encircled Mariupol on Wednesday."
TITLE_A3 = "Mariupol under siege"


def sample_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()

    def entity(key, label, kind, alt=(), articles=("a1",), country=None, **extra):
        graph.add_node(RES + key, label=label, type=kind, alt_labels=list(alt), country=country,
                       articles=list(articles), lat=None, long=None, **extra)

    def mention(source, target, relation, sentence, modality="asserted", article="a1", date="2022-03-02",
                confidence=0.8, trigger=None, subject_text=None, object_text=None):
        graph.add_edge(RES + source, RES + target, relation=relation, structural=False, sentence=sentence,
                       modality=modality, article=article, date=date, confidence=confidence, trigger=trigger,
                       subject_text=subject_text, object_text=object_text)

    entity("state/RUS", "Russia", "State", ["Russian Federation"], ["a1", "a2", "a3"], "RUS")
    entity("state/UKR", "Ukraine", "State", [], ["a1", "a2", "a3"], "UKR")
    entity("city/kyiv", "Kyiv", "City", ["Kiev"], ["a1"], "UKR", geonames="https://sws.geonames.org/703448/")
    entity("city/mariupol", "Mariupol", "City", [], ["a3"], "UKR")
    entity("person/zelenskyy", "Volodymyr Zelenskyy", "Person", ["Zelensky", "Zelenskiy"], ["a2"], "UKR",
           positions=[{"title": "President", "of": RES + "state/UKR"}])
    entity("person/putin", "Vladimir Putin", "Person", ["Putin"], ["a2"], "RUS")
    entity("org/nato", "NATO", "Organisation", ["North Atlantic Treaty Organization"], ["a2"])
    entity("group/hostile", HOSTILE, "Group", [IMG_ONERROR], ["a4"])
    entity("loc/dnieper", "Dnieper", "Location", [], [])
    for city in ("kyiv", "mariupol"):
        graph.add_edge(RES + f"city/{city}", RES + "state/UKR", key="locatedIn", relation="locatedIn",
                       structural=True)
    mention("state/RUS", "state/UKR", "attacked", "Russia attacked Ukraine.", trigger="attacked",
            subject_text="Russia", object_text="Ukraine")
    mention("state/RUS", "state/UKR", "attacked", "Russian troops attacked Ukraine again.", article="a2",
            date="2022-03-05", confidence=0.55)
    mention("state/RUS", "city/mariupol", "besieged", EVIDENCE, article="a3", trigger="encircled",
            subject_text="Russian forces", object_text="Mariupol")
    mention("person/zelenskyy", "org/nato", "calledOn", "Zelenskyy urged NATO to close the sky.", article="a2",
            date="2022-03-05")
    mention("person/putin", "city/kyiv", "occupied", "Putin plans to seize Kyiv.", "intended", "a2")
    mention("group/hostile", "person/putin", "threatened", f"{IMG_ONERROR} threatened Putin.", article="a4",
            confidence=0.4)
    graph.graph["articles"] = {
        "a1": {"title": "War begins", "date": "2022-02-24", "url": "https://news.example/a1"},
        "a2": {"title": "Talks and threats", "date": "2022-03-05", "url": None},
        "a3": {"title": TITLE_A3, "date": "2022-03-02", "url": "https://news.example/a3"},
        "a4": {"title": HOSTILE, "date": "2022-03-02", "url": "javascript:alert(1)"},
    }
    graph.graph["loose_mentions"] = [
        {"relation": "attacked", "source": None, "target": RES + "city/mariupol", "has_object": True,
         "sentence": "Mariupol was shelled overnight.", "modality": "asserted", "article": "a3",
         "date": "2022-03-02", "key": "m-unknown"},
        {"relation": "threatened", "source": RES + "state/RUS", "target": None, "has_object": False,
         "sentence": "Russia threatened retaliation.", "modality": "asserted", "article": "a3",
         "date": "2022-03-02", "key": "m-noobject"},
    ]
    return graph


def wait_until(page, expression: str, seconds: float = 20) -> None:
    """Poll a JS expression (the page's CSP forbids the eval that wait_for_function uses)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(f"Boolean({expression})"):
        assert time.monotonic() < deadline, f"{expression} not true after {seconds} s"
        page.wait_for_timeout(25)


class Session:
    """An open explorer page and everything it did: requests, errors, console errors, dialogs."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("dialog", self._refuse_dialog)

    def _refuse_dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> None:
        self.page.goto(url)
        wait_until(self.page, "window.newsgraph && window.newsgraph.ready")
        wait_until(self.page, "window.newsgraph.layoutDone")

    def panel_title(self) -> str:
        return self.page.text_content("#details h2.title")

    def drawn(self) -> dict:
        return self.page.evaluate("kgExplorer.drawn()")


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
def page_path(tmp_path_factory) -> Path:
    return write_explorer(sample_graph(), tmp_path_factory.mktemp("explorer") / "explorer.html")


@pytest.fixture(scope="module")
def session(browser, page_path):
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    opened = Session(page)
    opened.open(page_path.as_uri())
    yield opened
    page.close()


@pytest.fixture
def explorer(session):
    """The shared page, reset (filters, selection, search) before each test."""
    session.page.evaluate("kgExplorer.reset()")
    session.page.fill("#search", "")
    session.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    wait_until(session.page, "window.newsgraph.layoutDone")
    return session


def test_ready_reports_what_is_drawn(explorer):
    drawn = explorer.drawn()
    ready = explorer.page.evaluate("window.newsgraph")
    assert ready["ready"] is True
    assert (ready["nodes"], ready["edges"]) == (len(drawn["nodes"]), len(drawn["edges"]))
    # Russia–Ukraine (3 mentions, both ways) is one line; Dnieper has no relation: hidden
    assert RES + "loc/dnieper" not in drawn["nodes"] and RES + "state/RUS" in drawn["nodes"]
    assert ready["edges"] == 7 and ready["nodes"] == 8    # five related pairs, two place links


def test_isolated_entities_are_counted_and_can_be_shown(explorer):
    assert "Show 1 entity without relations" in explorer.page.text_content("#isolated-label")
    explorer.page.check("#show-isolated")
    assert RES + "loc/dnieper" in explorer.drawn()["nodes"]
    assert "isolated=1" in explorer.page.evaluate("location.hash")


@pytest.mark.parametrize("query, label", [("zelensky", "Volodymyr Zelenskyy"), ("KIEV", "Kyiv"),
                                          ("russian federation", "Russia"), ("Putin", "Vladimir Putin")])
def test_search_finds_an_entity_by_any_name(explorer, query, label):
    explorer.page.fill("#search", query)
    assert explorer.page.text_content("#search-results").startswith(label)
    explorer.page.press("#search", "Enter")
    assert explorer.panel_title() == label


def test_search_result_click_selects(explorer):
    explorer.page.fill("#search", "Kiev")
    explorer.page.click("#search-results button")
    assert explorer.panel_title() == "Kyiv"
    details = explorer.page.text_content("#details")
    assert "Kiev" in details and "GeoNames" in details
    assert explorer.page.get_attribute("#details a[href^='https://sws.geonames.org']", "href") == \
        "https://sws.geonames.org/703448/"


def test_entity_panel_groups_relations_by_type(explorer):
    explorer.page.evaluate("id => kgExplorer.selectNode(id, false)", RES + "state/RUS")
    details = explorer.page.text_content("#details")
    for expected in ("Russia", "Russian Federation", "RUS", "War begins", "ASSAULT", "attacked", "Ukraine",
                     "besieged", "Mariupol", "×2", "no object"):
        assert expected in details


def test_entity_panel_shows_positions(explorer):
    explorer.page.evaluate("id => kgExplorer.selectNode(id, false)", RES + "person/zelenskyy")
    assert "President of Ukraine" in explorer.page.text_content("#details")


def test_clicking_an_edge_shows_its_sentence_and_article_title(explorer):
    key = explorer.page.evaluate("([a, b]) => kgExplorer.pairBetween(a, b)", [RES + "state/RUS", RES + "city/mariupol"])
    explorer.page.evaluate("""key => { const g = kgGraph, s = kgSigma;
        const a = s.getNodeDisplayData(g.source(key)), b = s.getNodeDisplayData(g.target(key));
        s.getCamera().setState({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: 0.5, angle: 0}); }""", key)
    explorer.page.wait_for_timeout(200)
    point = explorer.page.evaluate("key => kgExplorer.edgePoint(key)", key)
    explorer.page.mouse.click(point["x"], point["y"])
    assert explorer.page.evaluate("kgExplorer.state().selected")["kind"] == "e"
    evidence = explorer.page.text_content("#evidence")
    assert EVIDENCE in evidence and TITLE_A3 in evidence
    marks = explorer.page.eval_on_selector_all("#evidence mark", "ms => ms.map(m => [m.className, m.textContent])")
    assert ["trigger", "encircled"] in marks and ["subject", "Russian forces"] in marks
    assert explorer.page.get_attribute("#evidence a", "href") == "https://news.example/a3"


def test_a_line_stands_for_every_mention_between_two_entities(explorer):
    explorer.page.evaluate("key => kgExplorer.selectEdge(key, false)", RES + "state/RUS|" + RES + "state/UKR")
    evidence = explorer.page.text_content("#evidence")
    assert "Russia attacked Ukraine." in evidence and "Russian troops attacked Ukraine again." in evidence
    assert "attacked ×2" in explorer.page.text_content("#details")


def test_article_panel_counts_what_is_not_drawn(explorer):
    explorer.page.evaluate("kgExplorer.selectArticle('a3')")
    details = explorer.page.text_content("#details")
    assert explorer.panel_title() == TITLE_A3
    assert "Mariupol was shelled overnight." in details and "Russia threatened retaliation." in details
    assert "2 of these are not drawn: 1 with an unknown actor, 1 without an object." in details


def test_hostile_name_is_shown_literally(explorer):
    explorer.page.evaluate("id => kgExplorer.selectNode(id, false)", RES + "group/hostile")
    assert explorer.panel_title() == HOSTILE
    assert IMG_ONERROR in explorer.page.text_content("#details")
    assert explorer.page.evaluate("document.querySelectorAll('img, #details script, #details a[href^=javascript]').length") == 0


def test_hostile_sentence_and_title_are_shown_literally(explorer):
    explorer.page.evaluate("kgExplorer.selectArticle('a4')")
    assert explorer.panel_title() == HOSTILE
    assert f"{IMG_ONERROR} threatened Putin." in explorer.page.text_content("#article-relations")
    assert explorer.page.evaluate("document.querySelectorAll('img, a[href^=javascript]').length") == 0


FILTERS = {
    "entity type": "page.uncheck(\".type-filter[value='City']\")",
    "modality": "page.uncheck(\".modality-filter[value='intended']\")",
    "relation": "page.uncheck(\".relation-filter[value='besieged']\")",
    "PLOVER type": "page.uncheck(\".plover-filter[value='ASSAULT']\")",
    "place links": "page.uncheck('#show-places')",
    "date range": "page.fill('#date-from', '2022-03-04'); page.dispatch_event('#date-from', 'change')",
    "article": "page.select_option('#article-filter', 'a3')",
    "confidence": "page.fill('#confidence', '0.6'); page.dispatch_event('#confidence', 'change')",
    "neighbourhood": "page.evaluate(\"id => kgExplorer.selectNode(id, false)\", RES + 'person/putin'); "
                     "page.click(\"#details button:has-text('Neighbourhood')\")",
}


@pytest.mark.parametrize("name", FILTERS)
def test_each_filter_changes_what_is_drawn_and_reset_restores_it(explorer, name):
    before = explorer.drawn()
    exec(FILTERS[name], {"page": explorer.page, "RES": RES})
    after = explorer.drawn()
    assert after != before, name
    assert explorer.page.evaluate("window.newsgraph.edges") == len(after["edges"])
    hash_ = explorer.page.evaluate("location.hash")
    assert len(hash_) > 1
    wait_until(explorer.page, "window.newsgraph.layoutDone")      # the rest is laid out again
    explorer.page.click("#reset")
    assert explorer.drawn() == before


def test_the_url_fragment_keeps_the_view(explorer, browser, page_path):
    explorer.page.uncheck(".modality-filter[value='intended']")
    explorer.page.evaluate("id => kgExplorer.selectNode(id, false)", RES + "state/UKR")
    hash_ = explorer.page.evaluate("location.hash")
    expected = explorer.drawn()
    other = Session(browser.new_page(viewport={"width": 1200, "height": 800}))
    other.open(page_path.as_uri() + hash_)
    assert other.drawn() == expected
    assert other.panel_title() == "Ukraine"
    assert other.errors == []
    other.page.close()


def test_screenshot(explorer):
    explorer.page.evaluate("id => kgExplorer.selectNode(id, false)", RES + "state/RUS")
    corner = explorer.page.evaluate("(({left, top}) => [left + 4, top + 4])"
                                    "(document.getElementById('network').getBoundingClientRect())")
    explorer.page.mouse.move(*corner)             # no hover highlight in the picture
    explorer.page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "explorer.png"
    explorer.page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    assert path.stat().st_size > 10_000


def test_nothing_leaves_the_machine(session):
    """Runs last: every request the page made, during all the tests above, stayed local."""
    remote = [url for url in session.requests if not url.startswith(LOCAL_SCHEMES)]
    assert session.requests and not remote
    assert session.errors == []
    assert session.dialogs == []


def test_empty_graph_page_works(browser, tmp_path):
    path = write_explorer(nx.MultiDiGraph(), tmp_path / "empty.html")
    opened = Session(browser.new_page())
    opened.open(path.as_uri())
    assert "Nothing to show" in opened.page.text_content("main")
    assert opened.page.evaluate("[window.newsgraph.nodes, window.newsgraph.edges]") == [0, 0]
    assert opened.errors == [] and opened.dialogs == []
    assert all(url.startswith(LOCAL_SCHEMES) for url in opened.requests)
    opened.page.close()
