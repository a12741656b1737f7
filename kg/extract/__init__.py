"""Stages 3–4 — what one analysed article says: typed mentions, positions and relation mentions.

Each stage is a spaCy component, added to the pipeline by :mod:`kg.nlp.pipeline`. In the
order they run:

* :mod:`kg.extract.entities` — ``kg_entities``: typed entity mentions, spaCy's names corrected
  by the gazetteer and :mod:`kg.extract.lexicon` (nationality words, organisations, titles);
* :mod:`kg.extract.coref` — ``kg_coreference``: pronouns and descriptions ("the city") resolved
  to the entity they stand for, speakers of quotations by :mod:`kg.extract.quotes`;
* :mod:`kg.extract.positions` — ``kg_positions``: the titles people are given ("President …");
* :mod:`kg.extract.relations` — ``kg_relations``: who did what to whom: a trigger word
  (:mod:`kg.extract.triggers`), its arguments on the parse (:mod:`kg.extract.arguments`), the
  entities they stand for (:mod:`kg.extract.actors`) and the modality of the sentence
  (:mod:`kg.extract.modality`).

Next: resolution (:mod:`kg.resolve`). :mod:`kg.extract.records` is what ``kg extract`` prints
after it: each relation mention, its actors resolved, as a JSON record.
"""
