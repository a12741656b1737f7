"""Stage 5 — resolution: the mentions of all articles become one entity per real actor.

A place is one entity per GeoNames id (so "Kiev" and "Kyiv" meet on Kyiv), a state one per
ISO code; any other name is one entity per type and folded name. Every surface form is
kept, to become a ``skos:altLabel``. States that a city lies in or that a nationality belongs
to are added even when no article names them, so that ``kg:locatedIn`` has somewhere to point.

Examples
--------
>>> from kg.entities import Mention
>>> found = [Mention("Kiev", "Kyiv", "City", 0, 1, 0, 4), Mention("Kyiv", "Kyiv", "City", 5, 6, 20, 24)]
>>> resolution = resolve([("a1", found)])
>>> [(e.label, sorted(e.alt_labels)) for e in resolution.entities.values()]
[('Kyiv', ['Kiev'])]
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from kg.entities import Mention
from kg.gazetteer import Gazetteer, Place, gazetteer
from kg.names import clean_name, name_key

__all__ = ["Entity", "Resolution", "EntityKey", "entity_key", "resolve"]

EntityKey = tuple[str, str]


@dataclass
class Entity:
    """One real actor, with every name it was mentioned under."""

    key: EntityKey
    type: str
    label: str
    names: Counter = field(default_factory=Counter)
    country: str | None = None
    place: Place | None = None
    kind: str | None = None
    articles: set[str] = field(default_factory=set)

    @property
    def alt_labels(self) -> set[str]:
        return {n for n in self.names if n != self.label}


@dataclass
class Resolution:
    """Entities by key, and per article the entity each mention (by token start) resolved to."""

    entities: dict[EntityKey, Entity] = field(default_factory=dict)
    mention_entity: dict[str, dict[int, EntityKey]] = field(default_factory=dict)

    def entity_of(self, article_id: str, mention: Mention) -> Entity:
        return self.entities[self.mention_entity[article_id][mention.start]]

    def entities_of(self, article_id: str) -> list[Entity]:
        """The entities an article mentions, in a stable order."""
        keys = set(self.mention_entity.get(article_id, {}).values())
        return [self.entities[key] for key in sorted(keys)]


def entity_key(mention: Mention) -> EntityKey:
    """What makes two mentions the same entity before any finer resolution."""
    if mention.type == "State" and mention.country:
        return ("State", mention.country)
    if mention.place is not None:
        return (mention.type, f"geonames:{mention.place.geonames_id}")
    return (mention.type, name_key(mention.label))


def _state_entity(iso3: str, gaz: Gazetteer) -> Entity | None:
    state = gaz.country(iso3)
    if state is None:
        return None
    return Entity(("State", iso3), "State", state.name, Counter(), iso3, state)


def resolve(article_mentions: Iterable[tuple[str, list[Mention]]],
            gaz: Gazetteer | None = None) -> Resolution:
    """Group the mentions of every article into entities."""
    gaz = gaz or gazetteer()
    resolution = Resolution()
    entities = resolution.entities
    for article_id, found in article_mentions:
        for mention in found:
            key = entity_key(mention)
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = Entity(key, mention.type, mention.label, Counter(),
                                                mention.country, mention.place, mention.kind)
            entity.names[clean_name(mention.text)] += 1
            entity.articles.add(article_id)
            resolution.mention_entity.setdefault(article_id, {})[mention.start] = key
    for entity in list(entities.values()):
        if entity.country and entity.type != "State" and ("State", entity.country) not in entities:
            state = _state_entity(entity.country, gaz)
            if state:
                entities[state.key] = state
    return resolution
