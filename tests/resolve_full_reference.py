"""Resolution as it was before the compact resolution (main at ec97fa4): ``resolve``, ``_actor_key``
and ``_positions`` kept verbatim, over the helpers of :mod:`kg.resolve`, as the reference the
compact resolution must agree with (tests/test_resolve_compact.py)."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from kg.nlp.gazetteer import Gazetteer, gazetteer
from kg.names import name_key
from kg.resolve import (Entity, EntityKey, Position, Resolution, ResolvedRelation, _merge, _state_entity,
                        _surface_name, article_person_names, cluster_people, entity_key, one_type_per_name)


def resolve(articles: Iterable[tuple], gaz: Gazetteer | None = None) -> Resolution:
    """Group the mentions of every article into entities.

    ``articles`` holds ``(article_id, mentions[, positions[, relations]])`` tuples: positions
    are :class:`kg.extract.positions.PositionMention` and relations :class:`kg.extract.relations.RelationMention`
    records of that article.
    """
    gaz = gaz or gazetteer()
    resolution = Resolution()
    entities = resolution.entities
    side_by_side: set[frozenset[EntityKey]] = set()
    position_mentions, relation_mentions = [], []
    for article_id, found, *rest in articles:
        names = article_person_names(found)
        keys = resolution.mention_entity.setdefault(article_id, {})
        in_sentence: dict[int, set[EntityKey]] = defaultdict(set)
        for mention in found:
            label = names.get(name_key(mention.label), mention.label) if mention.type == "Person" else mention.label
            key = entity_key(mention) if label == mention.label else ("Person", name_key(label))
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = Entity(key, mention.type, label, Counter(), mention.country,
                                                mention.place, mention.kind if mention.kind != "nationality" else None)
            surface = _surface_name(mention)
            if surface:
                entity.names[surface] += 1
                entity.labels[label] += 1
            entity.articles.add(article_id)
            keys[mention.start] = key
            if mention.type == "Person" and not mention.reference:
                in_sentence[mention.sentence].add(key)
        for together in in_sentence.values():
            side_by_side.update(frozenset((a, b)) for a in together for b in together if a != b)
        position_mentions.extend((article_id, p) for p in (rest[0] if rest else ()))
        relation_mentions.extend((article_id, r) for r in (rest[1] if len(rest) > 1 else ()))
    retyped = one_type_per_name(entities)
    for keys in resolution.mention_entity.values():
        for start, key in keys.items():
            keys[start] = retyped.get(key, key)
    side_by_side = {frozenset(retyped.get(k, k) for k in pair) for pair in side_by_side}
    renamed = _merge(entities, cluster_people(entities, side_by_side))
    for keys in resolution.mention_entity.values():
        for start, key in keys.items():
            keys[start] = renamed.get(key, key)
    resolution.positions = _positions(position_mentions, resolution)
    resolution.relations = [
        ResolvedRelation(article_id, relation, _actor_key(resolution, article_id, relation.subject, gaz),
                         _actor_key(resolution, article_id, relation.object, gaz),
                         _actor_key(resolution, article_id, relation.reporter, gaz))
        for article_id, relation in relation_mentions]
    for entity in list(entities.values()):
        if entity.country and entity.type != "State" and ("State", entity.country) not in entities:
            state = _state_entity(entity.country, gaz)
            if state:
                entities[state.key] = state
    return resolution


def _actor_key(resolution: Resolution, article_id: str, actor, gaz: Gazetteer) -> EntityKey | None:
    """The entity of a relation's actor; None for an actor the sentence does not name."""
    mention = actor.mention if actor is not None else None
    if mention is None:
        return None
    key = resolution.mention_entity.get(article_id, {}).get(mention.start)
    if key is not None and key[0] == mention.type:
        return key
    key = entity_key(mention)  # an actor standing for another: a capital acting for its state
    if key not in resolution.entities:
        state = _state_entity(mention.country, gaz) if mention.type == "State" and mention.country else None
        if state is None:
            return None
        resolution.entities[key] = state
    resolution.entities[key].articles.add(article_id)
    return key


def _positions(found: list[tuple[str, object]], resolution: Resolution) -> list[Position]:
    """One position per person, title and office holder; one of unknown holder is dropped
    when the same person holds the same title of a known one."""
    positions: dict[tuple, Position] = {}
    for article_id, mention in found:
        keys = resolution.mention_entity[article_id]
        person = keys.get(mention.person.start)
        if person is None:
            continue
        of = keys.get(mention.of.start) if mention.of is not None else None
        key = (person, mention.title.lower(), of)
        position = positions.setdefault(key, Position(person, mention.title, of))
        position.articles.add(article_id)
    known = {(p.person, p.title.lower()) for p in positions.values() if p.of is not None}
    for key, position in list(positions.items()):
        if position.of is None and (position.person, key[1]) in known:
            holder = next(p for p in positions.values()
                          if p.of is not None and (p.person, p.title.lower()) == (position.person, key[1]))
            holder.articles |= position.articles
            del positions[key]
    return list(positions.values())
