"""kg.rdf.streaming: kg.trig and kg.ttl written a batch of articles at a time are the files
kg.rdf.dataset writes from the whole Dataset, byte for byte."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.pipeline import analyse, read_articles
from kg.rdf.dataset import build_dataset, count_quads, write_outputs
from kg.resolve import resolve
from kg.rdf.streaming import _graph_batches, write_outputs_in_batches

pytestmark = [pytest.mark.model]

NEWS = Path(__file__).parents[2] / "kg" / "evaluation" / "news" / "wikinews_dev.jsonl"


@pytest.fixture(scope="module")
def resolved(pipeline, tmp_path_factory):
    records = [json.loads(line) for line in NEWS.open(encoding="utf-8")][:6]
    corpus = tmp_path_factory.mktemp("news") / "news.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    analysed = list(analyse(read_articles([corpus]), pipeline))
    return [a.article for a in analysed], resolve((a.article.id, a.mentions, a.positions, a.relations)
                                                  for a in analysed)


@pytest.mark.parametrize("batch_size", [1, 4, 64])
def test_batched_files_are_the_whole_datasets_files(resolved, tmp_path, batch_size):
    articles, resolution = resolved
    dataset = build_dataset(articles, resolution, min_confidence=0.5)
    whole = write_outputs(dataset, tmp_path / "whole")
    paths, quads = write_outputs_in_batches(articles, resolution, tmp_path / "batched", 0.5, batch_size)
    assert quads == count_quads(dataset)
    for key in ("trig", "ttl"):
        assert paths[key].read_bytes() == whole[key].read_bytes(), key
    assert sorted(p.name for p in (tmp_path / "batched").iterdir()) == ["kg.trig", "kg.ttl"]  # no run files left



@pytest.mark.parametrize("mentions_per_batch", [1, 60])
def test_files_batched_by_mentions_are_the_whole_datasets_files(resolved, tmp_path, mentions_per_batch):
    articles, resolution = resolved
    whole = write_outputs(build_dataset(articles, resolution, min_confidence=0.5), tmp_path / "whole")
    paths, _ = write_outputs_in_batches(articles, resolution, tmp_path / "batched", 0.5,
                                        mentions_per_batch=mentions_per_batch)
    for key in ("trig", "ttl"):
        assert paths[key].read_bytes() == whole[key].read_bytes(), key


def test_a_batch_ends_when_its_articles_hold_enough_mentions(resolved):
    articles, resolution = resolved
    by_count = list(_graph_batches(articles, resolution, 0.5, batch_size=64))
    by_size = list(_graph_batches(articles, resolution, 0.5, batch_size=64, mentions_per_batch=1))
    assert len(by_count) == 3  # ontology, entities, all six articles
    assert len(by_size) == 2 + len(articles)  # one article a batch
