"""`kg explore`: the explorer page from a build's store alone, written atomically where it belongs."""
from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from kg import cli
from kg.explore.page import explorer_graph
from kg.rdf.store import open_store

pytestmark = pytest.mark.model


@pytest.fixture
def folder(sample_graph, tmp_path):
    """A copy of the shared sample build (its links are relative, so they still point inside)."""
    copy = tmp_path / "out"
    shutil.copytree(sample_graph, copy, symlinks=True)
    return copy


def page_data(path):
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S).group(1))


def run(capsys, *argv):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_explore_writes_the_build_folders_page(folder, capsys):
    assert not (folder / "explorer.html").exists()          # built without an explorer
    code, out, err = run(capsys, "explore", "-o", str(folder))
    assert code == 0, err
    link = folder / "explorer.html"
    assert link.is_symlink() and os.readlink(link) == ".newsgraph/current/explorer.html"
    assert out.startswith(f"wrote {link}: ") and " entities" in out
    data = page_data(link)
    assert "Kyiv" in {node["label"] for node in data["nodes"]}
    assert not [p for p in (folder / ".newsgraph" / "current").iterdir() if p.name.endswith(".tmp")]
    # run again: the file is replaced in the build folder, the link stays
    assert run(capsys, "explore", "-o", str(folder), "--max-nodes", "3")[0] == 0
    assert link.is_symlink() and len(page_data(link)["nodes"]) == 3


def test_every_relation_mention_of_the_store_reaches_the_page(folder):
    store = open_store(folder)
    count = int(next(iter(store.query(
        "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/newsgraph/ontology#RelationMention> }",
        use_default_graph_as_union=True)))["n"].value)
    graph = explorer_graph(store)
    mentions = [e for e in graph.edges(data=True) if not e[2]["structural"]]
    assert len(mentions) + len(graph.graph["loose_mentions"]) == count
    assert all(m["sentence"] and m["plover"] for _, _, m in mentions)
    assert any(m.get("confidence") is not None for _, _, m in mentions)


def test_explore_to_another_file_with_fewer_nodes(folder, tmp_path, capsys):
    target = tmp_path / "pages" / "small.html"
    code, out, _ = run(capsys, "explore", "-o", str(folder), "--max-nodes", "5", "--output", str(target))
    assert code == 0 and "(the 5 most central of" in out
    assert not target.is_symlink() and len(page_data(target)["nodes"]) == 5
    assert "most central of" in target.read_text(encoding="utf-8")
    assert not (folder / "explorer.html").exists()


def test_explore_replaces_a_link_at_the_output_instead_of_writing_through_it(folder, tmp_path, capsys):
    outside = tmp_path / "elsewhere.html"
    outside.write_text("not yours", encoding="utf-8")
    target = tmp_path / "page.html"
    target.symlink_to(outside)
    assert run(capsys, "explore", "-o", str(folder), "--output", str(target))[0] == 0
    assert outside.read_text(encoding="utf-8") == "not yours"
    assert not target.is_symlink()


def test_output_naming_the_folders_page_goes_into_the_current_build(folder, capsys):
    assert run(capsys, "explore", "-o", str(folder), "--output", str(folder / "explorer.html"))[0] == 0
    assert (folder / "explorer.html").is_symlink()
    assert (folder / ".newsgraph" / "current" / "explorer.html").is_file()


def test_explore_without_a_store_is_a_user_error(tmp_path, capsys):
    code, _, err = run(capsys, "explore", "-o", str(tmp_path / "nothing"))
    assert code == 1 and err.startswith("kg: E301 no store in")


def vis_nodes(path):
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="vis-nodes">(.*?)</script>', text, re.S).group(1))


def test_explore_with_the_vis_renderer_writes_its_own_page(folder, capsys):
    code, out, err = run(capsys, "explore", "-o", str(folder), "--renderer", "vis")
    assert code == 0, err
    page = folder / "explorer-vis.html"
    assert out.startswith(f"wrote {page}: ") and page.is_file() and not page.is_symlink()
    assert "Kyiv" in {node["label"] for node in vis_nodes(page)}
    assert "new vis.Network(" in page.read_text(encoding="utf-8")
    assert not (folder / "explorer.html").exists()            # the WebGL page is left alone
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_explore_vis_to_another_file_with_fewer_nodes(folder, tmp_path, capsys):
    target = tmp_path / "pages" / "small-vis.html"
    target.parent.mkdir()
    outside = tmp_path / "elsewhere.html"
    outside.write_text("not yours", encoding="utf-8")
    target.symlink_to(outside)
    code, out, _ = run(capsys, "explore", "-o", str(folder), "--renderer", "vis", "--max-nodes", "4",
                       "--output", str(target), "--title", "Sample <war>")
    assert code == 0 and "(the 4 most central of" in out
    assert not target.is_symlink() and outside.read_text(encoding="utf-8") == "not yours"
    assert len(vis_nodes(target)) <= 4
    assert "<title>Sample &lt;war&gt; (the 4 most central of" in target.read_text(encoding="utf-8")


def test_explore_with_an_unknown_renderer_is_a_user_error(folder, capsys):
    code, _, err = run(capsys, "explore", "-o", str(folder), "--renderer", "canvas")
    assert code == 1 and err.startswith("kg: E802 unknown renderer 'canvas'")
