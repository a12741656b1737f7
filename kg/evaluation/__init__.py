"""How good the graph is: the team's scorers on gold, per-relation figures, hand audits, benchmarks.

* :mod:`kg.evaluation.evaluate` — ``kg eval``: fresh builds scored by the bundled scorers;
* :mod:`kg.evaluation.accuracy` — per-relation precision and recall, and ``docs/accuracy.md``;
* :mod:`kg.evaluation.audit` — samples of a graph to judge by hand, and the judged samples'
  scores (``scripts/audit.py``);
* :mod:`kg.evaluation.synthetic` — generated graphs of any size for ``scripts/benchmark.py``.

The data beside them is read as files, not imported: ``score_seeds.py``, ``score_events.py``
and ``score_precision.py`` are unchanged copies of the team's scorers (scripts, which
:func:`~kg.evaluation.evaluate.scorer` loads from their files), and
``gold/`` and ``news/`` hold the gold files and the news dev articles (see README.md here).
"""
