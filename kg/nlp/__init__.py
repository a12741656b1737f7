"""Stage 2 — the spaCy pipeline: an English model with newsgraph's components, run on articles.

In the order they run:

* :mod:`kg.nlp.pipeline` — assembles the pipeline (:func:`~kg.nlp.pipeline.load_pipeline`):
  the model, then newsgraph's components: those of this package and, after the model's entity
  recogniser, those of :mod:`kg.extract` (entities, references, positions, relations);
* :mod:`kg.nlp.attribute_rules` — the model's attribute rules, applied by table lookup;
* :mod:`kg.nlp.paragraphs` — ``kg_line_breaks``: sentences start at line breaks and after
  datelines, before the parser runs;
* :mod:`kg.nlp.chunking` — an article longer than spaCy's ``max_length``, run in pieces.

:mod:`kg.nlp.gazetteer` is the lookup of the world's states and cities (GeoNames) that the
datelines, the entity types of :mod:`kg.extract` and resolution consult.
"""
