"""The word lists of ``ontology/``, loaded once into lookups keyed by :func:`kg.names.name_key`.

Nationality words ("Russian" → RUS), blocs ("the West"), well-known organisations
("U.N." → United Nations; "the Kremlin", a government seat of RUS), and the common nouns
that head an organisation's name ("the radio network …") or a person's title
("spokesman …"). See NOTICE for where each list comes from.

Examples
--------
>>> lex = lexicon()
>>> lex.nationality("Russians").country, lex.organisation("U.N.").label
('RUS', 'United Nations')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.data import read_tsv
from kg.names import clean_name, name_key

__all__ = ["Nationality", "KnownOrganisation", "Lexicon", "lexicon"]


@dataclass(frozen=True)
class Nationality:
    """A nationality word and the state it points to."""

    word: str
    country: str  # ISO-3
    form: str  # adjective | plural | singular
    people: str  # the plural demonym, used as the Group's name ("Russians")


@dataclass(frozen=True)
class KnownOrganisation:
    label: str
    kind: str  # igo | ngo | media | platform | government
    country: str | None


@dataclass(frozen=True)
class Bloc:
    label: str


class Lexicon:
    """Lookups over the ontology word lists."""

    def __init__(self, nationalities: list[dict], organisations: list[dict], blocs: list[dict],
                 organisation_nouns: list[dict], titles: list[dict], agents: list[dict] = (),
                 given_names: list[dict] = (), non_actors: list[dict] = ()):
        self._adjective_of: dict[str, str] = {}
        plurals: dict[str, str] = {}
        for row in nationalities:
            if row["form"] == "adjective":
                self._adjective_of.setdefault(row["iso3"], row["word"])
            # "Russians" names a people well; "Frenchmen" does not: use "French people"
            elif row["form"] == "plural" and not row["word"].endswith("men"):
                plurals.setdefault(row["iso3"], row["word"])

        def people(iso3: str) -> str:
            adjective = self._adjective_of.get(iso3)
            return plurals.get(iso3) or (f"{adjective} people" if adjective else iso3)

        self._nationalities = {
            name_key(row["word"]): Nationality(row["word"], row["iso3"], row["form"], people(row["iso3"]))
            for row in nationalities}
        self._organisations: dict[str, KnownOrganisation] = {}
        for row in organisations:
            known = KnownOrganisation(clean_name(row["label"]), row["kind"], row["country"] or None)
            self._organisations.setdefault(name_key(row["alias"]), known)
            self._organisations.setdefault(name_key(row["label"]), known)
        self._blocs = {name_key(row["alias"]): Bloc(row["label"]) for row in blocs}
        self.organisation_nouns = frozenset(row["noun"].lower() for row in organisation_nouns)
        self.person_titles = frozenset(row["title"].lower() for row in titles)
        self._sectors = {n.lower(): row["sector"] for row in agents for n in (row["noun"], row["plural"]) if n}
        self.agent_nouns = frozenset(self._sectors)
        # every word of an agent noun or organisation noun: "defense", "ministry", "security"…
        self.descriptive_words = frozenset(
            word for phrase in self.agent_nouns | self.organisation_nouns for word in phrase.split())
        self.organisation_aliases = sorted({row["alias"] for row in organisations}
                                           | {row["label"] for row in organisations})
        self._nationality_words = frozenset(row["word"] for row in nationalities)
        self._bloc_aliases = frozenset(row["alias"] for row in blocs)
        self._given_names = frozenset(row["name"] for row in given_names)
        # a code in capitals ("WEST", "EST") only as written; other names in any case
        self._non_actor_codes = frozenset(row["name"] for row in non_actors if row["name"].isupper())
        self._non_actors = frozenset(name_key(row["name"]) for row in non_actors if not row["name"].isupper())

    def agent_sector(self, noun: str) -> str | None:
        """The sector of an agent noun ("troops" → military), None for other words."""
        return self._sectors.get(noun.lower())

    def given_name(self, word: str) -> bool:
        """Whether a capitalised word is a common given name ("Wanda"; not "wanda", not
        "March", not a title such as "Queen")."""
        return word in self._given_names and word.lower() not in self.person_titles

    def non_actor(self, name: str) -> bool:
        """Whether a name is a time zone, currency, weapon or product ("UTC", "Humvee"), never an actor."""
        return name in self._non_actor_codes or name_key(name) in self._non_actors

    def adjective(self, iso3: str) -> str | None:
        """The nationality adjective of a state ("RUS" → "Russian")."""
        return self._adjective_of.get(iso3)

    def nationality_words(self) -> frozenset[str]:
        """Every nationality word as written ("Russian", "Russians")."""
        return self._nationality_words

    def bloc_aliases(self) -> frozenset[str]:
        return self._bloc_aliases

    def nationality(self, word: str) -> Nationality | None:
        return self._nationalities.get(name_key(word))

    def organisation(self, name: str) -> KnownOrganisation | None:
        return self._organisations.get(name_key(name))

    def bloc(self, name: str) -> Bloc | None:
        return self._blocs.get(name_key(name))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon read from the ontology folder (read once)."""
    return Lexicon(read_tsv("nationalities.tsv"), read_tsv("organisations.tsv"),
                   read_tsv("blocs.tsv"), read_tsv("organisation_nouns.tsv"),
                   read_tsv("titles.tsv"), read_tsv("agents.tsv"), read_tsv("given_names.tsv"),
                   read_tsv("non_actors.tsv"))
