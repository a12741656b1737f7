"""Relation mentions as JSON records: the ``kg extract`` contract of DESIGN.md §4.

One record per relation mention::

    {"article": id, "sentence": str, "relation": "occupied", "plover": "COERCE", "cameo": "192",
     "modality": "asserted", "subject": {"label", "text", "type", "country"}, "object": {…} | null,
     "date": …}

``text`` is the words of the sentence, ``label`` the canonical name, ``country`` an ISO-3
code or null. Beyond the contract each record also carries the trigger words, the actors'
sectors and IRIs, and who reported the statement.
"""
from __future__ import annotations

from typing import Iterator

from kg.read.corpus import Article
from kg.rdf.dataset import entity_iri
from kg.resolve import EntityKey, ResolvedRelation, Resolution

__all__ = ["actor_record", "relation_record", "relation_records"]


def actor_record(key: EntityKey | None, actor, resolution: Resolution) -> dict:
    """An actor as JSON: an entity, or an unknown actor (label null, type "Unknown")."""
    entity = resolution.entities.get(key) if key is not None else None
    record = {"label": entity.label if entity else None,
              "text": actor.text if actor is not None else "",
              "type": entity.type if entity else "Unknown",
              "country": resolution.country_of(key) if entity else getattr(actor, "country", None)}
    if actor is not None and actor.sector:
        record["sector"] = actor.sector
    if entity is not None:
        record["iri"] = str(entity_iri(entity))
    return record


def relation_record(relation: ResolvedRelation, article: Article, resolution: Resolution) -> dict:
    """One relation mention as a JSON-ready dict."""
    found = relation.mention
    record = {
        "article": article.id,
        "sentence": found.sentence.strip(),
        "relation": found.relation.name,
        "plover": found.relation.plover,
        "cameo": found.cameo,
        "modality": found.modality,
        "subject": actor_record(relation.subject, found.subject, resolution),
        "object": actor_record(relation.object, found.object, resolution) if found.object is not None else None,
        "date": found.date or article.date,
        "trigger": found.trigger,
        "confidence": found.confidence,
        "evidence": list(found.evidence),
    }
    if relation.reporter is not None:
        record["reported_by"] = resolution.entities[relation.reporter].label
    return record


def relation_records(articles: list[Article], resolution: Resolution) -> Iterator[dict]:
    """Every relation mention of the articles, article by article, in text order."""
    for article in articles:
        for relation in resolution.relations_of(article.id):
            yield relation_record(relation, article, resolution)
