#!/usr/bin/env python3
"""A sample of a graph's asserted relation mentions to judge by hand, and the score of a judged sample.

usage: audit.py ARTICLES… N [--seed S] [--min-confidence C] [-o FILE.tsv]    build the articles, sample N mentions
       audit.py --graph DIR N [--seed S] [--min-confidence C] [-o FILE.tsv]  sample N mentions of an existing build
       audit.py --score FILE.tsv                        the shares right in a judged sample

The mentions sampled are those that make the graph's direct triples: asserted, with a confidence of at
least the build's default threshold (--min-confidence 0: every asserted mention). The sample is
spread over articles and fixed by the seed; the TSV (stdout without -o) has the
mention's evidence and empty columns sense_ok subject_ok object_ok modality_ok (y/n), verdict
(ok/misleading: would a reader of the graph be misled) and note. See kg/evaluation/audit.py.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.evaluation.audit import (asserted_mentions, load_graph, read_judged, sample_mentions,  # noqa: E402
                                 score_judged, write_sample)
from kg.errors import KGError  # noqa: E402
from kg.extract.relations import DEFAULT_MIN_CONFIDENCE  # noqa: E402


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", nargs="*", metavar="ARTICLES… N", help="files or folders of articles, then N")
    parser.add_argument("--graph", type=Path, help="the output folder of an existing kg build (instead of ARTICLES)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE,
                        help="sample only mentions this sure, as those that make the graph's direct triples "
                             f"(default: the build's default, {DEFAULT_MIN_CONFIDENCE}; 0 for every asserted mention)")
    parser.add_argument("-o", "--out", type=Path, help="the TSV to write (default: stdout)")
    parser.add_argument("--score", type=Path, metavar="FILE.tsv", help="score a judged sample instead")
    args = parser.parse_args(argv)
    if args.score is None:
        if not args.items or not args.items[-1].isdigit() or int(args.items[-1]) < 1:
            parser.error("give the number of mentions to sample, N ≥ 1, last")
        args.n, args.paths = int(args.items[-1]), [Path(p) for p in args.items[:-1]]
        if bool(args.paths) == bool(args.graph):
            parser.error("give ARTICLES… or --graph DIR (one of them)")
    elif args.items or args.graph:
        parser.error("--score takes only the judged TSV")
    return args


def built_graph(paths: list[Path]):
    """The merged graph of a fresh build of the articles (in a temporary folder)."""
    from kg.pipeline import build

    with tempfile.TemporaryDirectory(prefix="kg-audit-") as folder:
        build(paths, out_dir=folder, explorer=False, on_problem=lambda problem: print(problem, file=sys.stderr))
        return load_graph(Path(folder))


def sample(args: argparse.Namespace) -> None:
    graph = load_graph(args.graph) if args.graph else built_graph(args.paths)
    rows = asserted_mentions(graph, args.min_confidence)
    chosen = sample_mentions(rows, args.n, args.seed)
    if args.out:
        with args.out.open("w", encoding="utf-8", newline="") as handle:
            write_sample(chosen, handle)
    else:
        write_sample(chosen, sys.stdout)
    articles = len({row["article_id"] for row in chosen})
    print(f"sampled {len(chosen)} of {len(rows)} asserted mentions of confidence ≥ {args.min_confidence}, "
          f"from {articles} articles"
          + (f" → {args.out}" if args.out else ""), file=sys.stderr)


def main(argv: list[str]) -> int:
    args = arguments(argv)
    try:
        if args.score:
            with args.score.open(encoding="utf-8", newline="") as handle:
                print(score_judged(read_judged(handle)))
        else:
            sample(args)
    except (KGError, OSError) as error:
        print(f"audit.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
