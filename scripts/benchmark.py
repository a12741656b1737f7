#!/usr/bin/env python3
"""How much newsgraph costs on top of spaCy, measured as ratios within one run.

The same texts go through the bare English model and through newsgraph's pipeline (the
model plus line breaks, entity typing, positions, coreference and relations); the ratio of
the two times is what the components add. Then the stages of a whole build of the same
texts are timed and given as shares of the total. Absolute seconds depend on the machine;
the ratios are what to compare between versions.

usage: benchmark.py [PATH …] [--repeat N]   (default: the bundled sample corpus, 5 times)
       benchmark.py explorer [--sizes 1000,5000] [--keep DIR]   (see explorer_benchmark)
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.nlp import load_model, load_pipeline  # noqa: E402
from kg.pipeline import analyse, build_graph, read_articles  # noqa: E402
from kg.rdf import write_outputs  # noqa: E402
from kg.store import load_store  # noqa: E402


def seconds(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    articles = read_articles(args.paths) * args.repeat
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    bare, ours = load_model(), load_pipeline()
    ours("warm up: loads the gazetteer and lexicons once")
    spacy_time = seconds(lambda: list(bare.pipe(texts)))
    ours_time = seconds(lambda: list(analyse(articles, ours)))
    print(f"{len(texts)} articles, {words} words")
    print(f"newsgraph pipeline / bare spaCy model: {ours_time / spacy_time:.2f}x")

    analysed = list(analyse(articles, ours))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        stages = {}
        stages["resolve + RDF"] = seconds(lambda: stages.setdefault("_graph", build_graph(analysed)))
        dataset, _ = stages.pop("_graph")
        stages["write Turtle/TriG"] = seconds(lambda: write_outputs(dataset, out))
        stages["load store"] = seconds(lambda: load_store(out / "kg.trig", out))
    stages = {"NLP": ours_time, **stages}
    total = sum(stages.values())
    for name, value in stages.items():
        print(f"  {name:18s} {value / total:6.1%} of the build")
    return 0


def explorer_benchmark(argv: list[str]) -> int:
    """``benchmark.py explorer``: generated stores of 1,000 and 5,000 entities (four relation
    mentions per entity), ``kg explore`` on each, and the page in headless chromium — time to
    first paint, to ``window.newsgraph.ready`` and to the end of the layout."""
    from explorer_benchmark import run  # scripts/explorer_benchmark.py

    return run(argv)


if __name__ == "__main__":
    if sys.argv[1:2] == ["explorer"]:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        sys.exit(explorer_benchmark(sys.argv[2:]))
    sys.exit(main(sys.argv[1:]))
