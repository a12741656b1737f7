"""The page without WebGL in a real browser: Debian's chromium, driven by playwright, offline."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.explore.explorer import write_explorer
from kg.explore.explorer_vis import write_vis
from tests.explore.test_explorer_browser import (ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, HOSTILE, IMG_ONERROR, RES, Session,
                                                 sample_graph, wait_until)

pytestmark = pytest.mark.browser

NO_WEBGL = ["--disable-3d-apis"]              # canvas.getContext("webgl") gives null


class VisSession(Session):
    """An open vis page and everything it did (requests, errors, console errors, dialogs)."""

    def open(self, url: str) -> None:
        self.page.goto(url)
        wait_until(self.page, "window.newsgraph && window.newsgraph.ready", seconds=60)

    def tooltip(self) -> str:
        wait_until(self.page, "document.querySelector('div.vis-tooltip') && "
                              "getComputedStyle(document.querySelector('div.vis-tooltip')).visibility === 'visible'")
        return self.page.evaluate("document.querySelector('div.vis-tooltip').innerText")

    def hover(self, point: dict) -> None:
        self.page.mouse.move(5, 5)
        self.page.mouse.move(point["x"], point["y"], steps=4)

    def positions(self) -> dict:
        return self.page.evaluate("kgVis.network.getPositions()")


def launch(playwright, extra=()):
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run scripts/install-chromium.sh"
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + list(extra))


@pytest.fixture(scope="module")
def playwright():
    from playwright import sync_api
    with sync_api.sync_playwright() as running:
        yield running


@pytest.fixture(scope="module")
def browser(playwright):
    browser = launch(playwright)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def page_path(tmp_path_factory) -> Path:
    return write_vis(sample_graph(), tmp_path_factory.mktemp("explorer-vis") / "explorer-vis.html")


@pytest.fixture(scope="module")
def session(browser, page_path):
    context = browser.new_context(offline=True, viewport={"width": 1300, "height": 850})
    opened = VisSession(context.new_page())
    opened.open(page_path.as_uri())
    yield opened
    context.close()


def test_opens_offline_without_a_request_or_an_error(session, page_path):
    assert session.requests == [page_path.as_uri()]        # the file itself and nothing else
    assert session.errors == [] and session.dialogs == []
    ready = session.page.evaluate("window.newsgraph")
    assert ready["renderer"] == "vis" and (ready["nodes"], ready["edges"]) == (8, 7)
    assert session.page.evaluate("kgVis.nodes.length") == 8


def test_the_legend_shows_types_and_counts(session):
    legend = session.page.inner_text("#legend")
    for entry in ("Person (2)", "State (2)", "City (2)", "Organisation (1)", "Group (1)", "place link"):
        assert entry in legend


def test_physics_is_off_once_laid_out(session):
    assert session.page.evaluate("window.newsgraph.physics") is False
    before = session.positions()
    session.page.wait_for_timeout(600)
    assert session.positions() == before                    # nothing jiggles
    assert "physics off" in session.page.inner_text("#status")


def test_a_hostile_name_is_shown_as_text(session):
    elements = session.page.evaluate("document.getElementsByTagName('*').length")
    session.hover(session.page.evaluate("iri => kgVis.nodePoint(iri)", RES + "group/hostile"))
    text = session.tooltip()
    assert text.startswith(HOSTILE) and f"also: {IMG_ONERROR}" in text
    assert session.page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert session.page.evaluate("document.scripts.length") == 5
    # what was added is vis-network's tooltip box (made at the first hover) and its one text element
    assert session.page.evaluate("document.getElementsByTagName('*').length") <= elements + 2
    assert session.page.evaluate("""Array.from(document.querySelectorAll('div.vis-tooltip *'),
                                    e => e.tagName + '.' + e.className + ':' + e.children.length)""") == ["DIV.kg-tip:0"]
    assert session.dialogs == [] and session.errors == []


def test_a_line_names_its_relations_and_quotes_the_evidence(session):
    edge = session.page.evaluate("""() => kgVis.edges.get().find(e =>
        e.title.textContent.includes('Russia → Ukraine')).id""")
    session.hover(session.page.evaluate("id => kgVis.edgePoint(id)", edge))
    text = session.tooltip()
    assert "Russia → Ukraine: attacked ×2" in text
    assert "“Russia attacked Ukraine.” — War begins, 2022-02-24" in text


def test_screenshot(session):
    session.hover({"x": 20, "y": 840})
    session.page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "explorer-vis.png"
    session.page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    assert path.stat().st_size > 10_000


def test_nothing_left_the_machine(session, page_path):
    """Runs after the others: hovering and drawing made no request either."""
    assert session.requests == [page_path.as_uri()]
    assert session.errors == [] and session.dialogs == []


def test_empty_graph_page_works(browser, tmp_path):
    path = write_vis(nx.MultiDiGraph(), tmp_path / "empty.html")
    opened = VisSession(browser.new_page())
    opened.open(path.as_uri())
    assert "Nothing to show" in opened.page.inner_text("#network")
    assert opened.errors == [] and opened.dialogs == [] and opened.requests == [path.as_uri()]
    opened.page.close()


def test_without_webgl_the_main_page_points_here_and_this_page_draws(playwright, page_path, tmp_path):
    browser = launch(playwright, NO_WEBGL)
    try:
        main = Session(browser.new_page())
        main.page.goto(write_explorer(sample_graph(), tmp_path / "explorer.html").as_uri())
        wait_until(main.page, "window.newsgraph && window.newsgraph.ready")
        assert main.page.evaluate("!!document.createElement('canvas').getContext('webgl')") is False
        assert "kg explore --renderer vis" in main.page.inner_text("main")
        main.page.close()

        vis = VisSession(browser.new_page())
        vis.open(page_path.as_uri())
        assert vis.page.evaluate("window.newsgraph.nodes") == 8
        assert vis.errors == [] and vis.requests == [page_path.as_uri()]
        vis.hover(vis.page.evaluate("iri => kgVis.nodePoint(iri)", RES + "state/RUS"))
        assert vis.tooltip().startswith("Russia\nState · RUS")
        vis.page.close()
    finally:
        browser.close()
