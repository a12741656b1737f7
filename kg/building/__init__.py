"""Running a build around the stages that :mod:`kg.pipeline` chains.

* :mod:`kg.building.outputs` — the output folder: each build published as one set by one atomic
  switch, and the lock a build holds;
* :mod:`kg.building.incremental` — what the folder remembers between builds: the archive of
  article texts and analyses, each build's manifest, and the plan of what a new build adds,
  replaces and skips;
* :mod:`kg.building.parallel` — stage 2 (:mod:`kg.nlp`) in worker processes or on a Dask cluster;
* :mod:`kg.building.progress` — the progress display of ``kg build``.
"""
