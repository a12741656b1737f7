"""Memory flat in corpus size (issue 10): the build resolves from the archive, one article at a
time, into a compact resolution, and writes the explorer page a piece at a time — with the
same results as the whole in memory."""
from __future__ import annotations

import networkx as nx

import kg.pipeline
from kg.read.corpus import Article
from kg.explore.explorer import _DATA_PLACE, _render, _script_json, explorer_html_parts, page_data
from kg.building.incremental import Analysis, Archive, analysis_key
from kg.rdf.dataset import build_dataset

TEXTS = {
    "a": "President Vladimir Putin said Russia would attack Ukraine. Putin met Olaf Scholz in Moscow.",
    "b": "Chancellor Olaf Scholz urged Russia to withdraw its troops. Scholz said Kyiv had asked for help.",
    "c": "Kenya praised Ghana for its election. Nairobi accused Uganda of closing the border.",
}


def explorer_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(articles={"a1": {"title": "Ünïcode & <script>", "date": "2022-02-24", "url": None}})
    graph.add_node("urn:a", label="Russia", type="State", articles=["a1"])
    graph.add_node("urn:b", label="Україна", type="State", articles=["a1"])
    graph.add_node("urn:c", label="Kyiv", type="City")
    graph.add_edge("urn:a", "urn:b", key="m1", relation="attacked", structural=False, modality="asserted",
                   sentence="Russia attacked </script><!-- Україна\u2028.", article="a1", date="2022-02-24")
    graph.add_edge("urn:c", "urn:b", key="locatedIn", relation="locatedIn", structural=True)
    return graph


def whole_page(graph: nx.MultiDiGraph, title: str) -> str:
    """The page as one string, as it was made before it was written in pieces."""
    data = page_data(graph, 10)
    return _render(data, title, _script_json(data))


def test_the_page_in_pieces_is_the_page_in_one_piece():
    graph = explorer_graph()
    parts = list(explorer_html_parts(graph, "Network", 10))
    assert len(parts) > 3 and "".join(parts) == whole_page(graph, "Network")


def test_a_title_holding_the_place_of_the_data_still_gives_the_page():
    graph = explorer_graph()
    title = f"odd {_DATA_PLACE} title"
    assert "".join(explorer_html_parts(graph, title, 10)) == whole_page(graph, title)


def archived(tmp_path, pipeline) -> tuple[list[Article], Archive]:
    """The articles of TEXTS analysed and archived, as a build leaves them."""
    articles = [Article(key, text, date="2022-03-01") for key, text in TEXTS.items()]
    archive = Archive(tmp_path / "archive.sqlite")
    for done in kg.pipeline.analyse(articles, pipeline):
        archive.save(done.article, analysis_key("fp", done.article),
                     Analysis(done.mentions, done.positions, done.relations))
    return articles, archive


def test_resolution_from_the_archive_equals_the_one_in_memory(tmp_path, pipeline):
    articles, archive = archived(tmp_path, pipeline)
    in_memory = kg.pipeline.resolve_analysed(list(kg.pipeline.archived_analyses(articles, archive, "fp")))
    compact = kg.pipeline.resolve_archived(list(articles), archive, "fp")
    assert in_memory.relations and all(r.mention is None for r in compact.relations)
    for article in articles:
        assert compact.relations_of(article.id) == in_memory.relations_of(article.id)
    assert compact.entities == in_memory.entities and compact.positions == in_memory.positions
    whole = sorted(build_dataset(articles, in_memory).serialize(format="nquads").splitlines())
    assert sorted(build_dataset(articles, compact).serialize(format="nquads").splitlines()) == whole
    archive.close()


def test_an_article_that_breaks_resolution_is_left_out_of_the_archived_one(tmp_path, pipeline, monkeypatch):
    articles, archive = archived(tmp_path, pipeline)
    real = kg.pipeline.resolve

    def failing(found, **options):
        found = list(found)
        if any(article_id == "b" for article_id, *_ in found):
            raise ValueError("broken")
        return real(found, **options)

    monkeypatch.setattr(kg.pipeline, "resolve", failing)
    problems = []
    kept = list(articles)
    resolution = kg.pipeline.resolve_archived(kept, archive, "fp", problems.append)
    assert [a.id for a in kept] == ["a", "c"] and [p.code for p in problems] == ["W202"]
    assert set(resolution.mention_entity) == {"a", "c"}
    archive.close()
