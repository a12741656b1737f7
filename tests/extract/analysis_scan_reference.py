"""The per-article scans as they were before the indexes (main at ae5c156), kept verbatim as the
reference the indexed versions must agree with (tests/extract/test_analysis_indexes.py)."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.entities import Mention
from kg.nlp.gazetteer import Gazetteer
from kg.extract.lexicon import Lexicon
from kg.names import clean_name
from kg.extract.triggers import TriggerLexicon, VerbPattern


def _qualifier(words: str, gaz: Gazetteer, lex: Lexicon) -> bool:
    words = clean_name(words)
    match = gaz.match(words)
    return bool(lex.nationality(words) or (match and match.primary))


def _short_form_of(short: str, long: str, gaz: Gazetteer, lex: Lexicon) -> bool:
    s, l = short.split(), long.split()
    if len(l) <= len(s):
        return False
    for cut in range(1, len(l) - len(s)):  # "House" of "<State> House of Representatives"
        if _qualifier(" ".join(l[:cut]), gaz, lex) and l[cut:cut + len(s)] == s and \
                _short_form_of(short, " ".join(l[cut:]), gaz, lex):
            return True
    if l[:len(s)] == s:
        rest = l[len(s):]
        return rest[0].lower() in ("of", "for", "on") or (
            len(s) == 1 and (_qualifier(" ".join(rest), gaz, lex)
                             or all(w.lower() in lex.organisation_nouns for w in rest)))
    if l[-len(s):] != s:
        return False
    return _qualifier(" ".join(l[:-len(s)]), gaz, lex) or (len(s) == 1 and s[0].lower() in lex.organisation_nouns)


def _fullest(short: str, longer: dict[str, Mention], gaz: Gazetteer, lex: Lexicon) -> Mention | None:
    found, seen = None, {short}
    while True:
        fitting = [m for label, m in longer.items() if label not in seen and _short_form_of(short, label, gaz, lex)]
        fitting = [m for m in fitting if not any(o is not m and _short_form_of(o.label, m.label, gaz, lex)
                                                 for o in fitting)]
        if len(fitting) != 1:
            return found
        found = fitting[0]
        short = found.label
        seen.add(short)


def _fits(lexicon: TriggerLexicon, pattern: VerbPattern, verb: Token, is_place) -> bool:
    children = list(verb.children)
    if pattern.particle:
        if not any(c.dep_ in ("prt", "prep") and c.lower_ == pattern.particle for c in children):
            return False
    if pattern.object:
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        if not any(lexicon._words_in(pattern.object, o, is_place) for o in objects):
            return False
    if pattern.prep:
        preps = [c for c in children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == pattern.prep]
        preps += [p for o in children if o.dep_ == "dobj" for each in (o, *o.conjuncts) for p in each.children
                  if p.dep_ == "prep" and p.lower_ == pattern.prep]
        if not preps:
            return False
        if pattern.prep_object and not any(lexicon._words_in(pattern.prep_object, c, is_place)
                                           for p in preps for c in p.children if c.dep_ == "pobj"):
            return False
    return True


def verb_code(lexicon: TriggerLexicon, verb: Token, is_place=lambda token: False, lemma: str | None = None,
              fits_at=lambda verb, pattern: True) -> tuple[str, VerbPattern] | None:
    candidates = lexicon.patterns.get(lemma or verb.lemma_.lower())
    if not candidates:
        return None
    fitting = [p for p in candidates if _fits(lexicon, p, verb, is_place) and fits_at(verb, p)]
    if not fitting:
        return None
    best = max(fitting, key=lambda p: (p.hand_written, p.specificity, lexicon._in_block_family(p)))
    return best.cameo, best


def mention_at(index: int, found: list[Mention]) -> Mention | None:
    for mention in found:
        if mention.start <= index < mention.end:
            return mention
    return None


def conjuncts(mention: Mention, found: list[Mention], tokens: set[int]) -> list[Mention]:
    return [m for m in found if m is not mention and not m.reference
            and any(m.start <= i < m.end for i in tokens)]


def title_antecedent(noun_i: int, noun_lower: str, found: list[Mention], words: list[str]) -> Mention | None:
    titled = [m for m in found if m.type == "Person" and m.start < noun_i and m.start > 0
              and words[m.start - 1] == noun_lower]
    return titled[-1] if titled else None
