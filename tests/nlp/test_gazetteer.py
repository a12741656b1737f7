"""The gazetteer: names to GeoNames places, ties broken by the article's states."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from kg.nlp.gazetteer import CACHE_VARIABLE, Gazetteer, cache_path, cache_sources, gazetteer

COUNTRIES = {
    "UA": {"geonameid": 690791, "name": "Ukraine", "iso": "UA", "iso3": "UKR", "capital": "Kyiv", "population": 44e6},
    "US": {"geonameid": 6252001, "name": "United States", "iso": "US", "iso3": "USA", "capital": "Washington",
           "population": 327e6},
    "GE": {"geonameid": 614540, "name": "Georgia", "iso": "GE", "iso3": "GEO", "capital": "Tbilisi", "population": 3.7e6},
}
CITIES = {
    "1": {"geonameid": 703448, "name": "Kyiv", "countrycode": "UA", "population": 2952301, "latitude": 50.45,
          "longitude": 30.52, "alternatenames": ["Kiev", "IEV", "kiyev", "Киев", "Kyjiw"]},
    "2": {"geonameid": 698740, "name": "Odesa", "countrycode": "UA", "population": 1010537, "latitude": 46.48,
          "longitude": 30.73, "alternatenames": ["Odessa"]},
    "3": {"geonameid": 5527554, "name": "Odessa", "countrycode": "US", "population": 114428, "latitude": 31.85,
          "longitude": -102.37, "alternatenames": ["Odesa"]},
    "4": {"geonameid": 4140963, "name": "Washington", "countrycode": "US", "population": 689545, "latitude": 38.9,
          "longitude": -77.04, "alternatenames": []},
}
US_STATES = {"GA": {"code": "GA", "name": "Georgia", "geonameid": 4197000},
             "TX": {"code": "TX", "name": "Texas", "geonameid": 4736286}}


@pytest.fixture(scope="module")
def small():
    return Gazetteer(COUNTRIES, CITIES, US_STATES, [("USA", "U.S."), ("USA", "America")])


@pytest.mark.parametrize("name, context, expected", [
    ("Kyiv", set(), ("Kyiv", "City", "UKR")),
    ("Kiev", set(), ("Kyiv", "City", "UKR")),            # alternate name → canonical name
    ("kyjiw", set(), ("Kyiv", "City", "UKR")),           # case folded
    ("Odessa", set(), ("Odessa", "City", "USA")),         # no context: the primary name wins
    ("Odessa", {"UKR"}, ("Odesa", "City", "UKR")),        # an article about Ukraine
    ("Odesa", {"USA"}, ("Odessa", "City", "USA")),        # an article about Texas
    ("Georgia", set(), ("Georgia", "State", "GEO")),      # a state over a US state
    ("Georgia", {"USA"}, ("Georgia", "Location", "USA")),
    ("U.S.", set(), ("United States", "State", "USA")),   # a state's alias
    ("the U.S.", set(), ("United States", "State", "USA")),
    ("Washington", set(), ("Washington", "City", "USA")),
])
def test_best_place(small, name, context, expected):
    place = small.best(name, context)
    assert (place.name, place.kind, place.country) == expected


@pytest.mark.parametrize("name", ["IEV", "kiyev", "Киев", "Texan", "Putin", ""])
def test_codes_lowercase_and_foreign_script_alternates_and_unknown_names_are_not_places(small, name):
    assert small.best(name) is None


def test_primary_and_alternate_matches(small):
    assert small.match("Kyiv").primary and not small.match("Kiev").primary


def test_capital_and_country(small):
    assert small.capital("UKR").name == "Kyiv"
    assert small.country("USA").name == "United States"
    assert small.capital("GEO") is None  # Tbilisi is not in this small gazetteer


def test_unambiguous_country(small):
    assert small.unambiguous_country("Kiev") == "UKR"
    assert small.unambiguous_country("Ukraine") == "UKR"
    assert small.unambiguous_country("Odessa") is None  # Texas, and Odesa's alternate name
    assert small.unambiguous_country("Georgia") is None  # a state, and a US state


def test_geonames_iri(small):
    assert small.best("Kyiv").iri == "https://sws.geonames.org/703448/"


@pytest.mark.parametrize("name, context, expected", [
    ("Kharkov", set(), ("Kharkiv", "UKR", 706483)),
    ("St. Petersburg", set(), ("Saint Petersburg", "RUS", 498817)),
    ("Moscow", set(), ("Moscow", "RUS", 524901)),
    ("Moscow", {"USA"}, ("Moscow", "USA", 5601538)),
    ("Russian Federation", set(), ("Russia", "RUS", 2017370)),
    ("Europe", set(), ("Europe", "", 6255148)),
])
def test_full_gazetteer(name, context, expected):
    place = gazetteer().best(name, context)
    assert (place.name, place.country, place.geonames_id) == expected


@pytest.fixture(scope="module")
def mixed():
    """States, a territory, and towns whose names or alternate names are those of a state or region."""
    countries = dict(COUNTRIES, IE={"geonameid": 2963597, "name": "Ireland", "iso": "IE", "iso3": "IRL",
                                    "capital": "Dublin", "population": 4.9e6},
                     PR={"geonameid": 4566966, "name": "Puerto Rico", "iso": "PR", "iso3": "PRI",
                         "capital": "San Juan", "population": 3.2e6})
    cities = dict(CITIES,
                  t1={"geonameid": 1, "name": "Lakeside Springs", "countrycode": "US", "population": 28000,
                      "alternatenames": ["Ireland"]},
                  t2={"geonameid": 2, "name": "Texas", "countrycode": "US", "population": 21000,
                      "alternatenames": []},
                  t3={"geonameid": 3, "name": "Georgia", "countrycode": "US", "population": 250000,
                      "alternatenames": []})
    return Gazetteer(countries, cities, US_STATES, [], territories=["PRI"])


@pytest.mark.parametrize("name, context, expected", [
    # a state's own name is not read as a town's alternate name, even in an article about the town's state
    ("Ireland", {"USA"}, ("Ireland", "State", "IRL")),
    # a dependent territory is a Location
    ("Puerto Rico", set(), ("Puerto Rico", "Location", "PRI")),
    # a region of a state over a small town of the same name, a large city over the region
    ("Texas", {"USA"}, ("Texas", "Location", "USA")),
    ("Georgia", {"USA"}, ("Georgia", "City", "USA")),
])
def test_states_territories_regions_and_towns(mixed, name, context, expected):
    place = mixed.best(name, context)
    assert (place.name, place.kind, place.country) == expected


@pytest.fixture(scope="module")
def divided():
    """A state's first-level divisions (ISO 3166-2, no GeoNames id) and a region of the world."""
    regions = [{"code": "UA-77", "country": "UKR", "name": "Zarichna", "alias": ""},
               {"code": "UA-77", "country": "UKR", "name": "Zarichna", "alias": "Zarichna Oblast"},
               {"code": "UA-78", "country": "UKR", "name": "Odesa Oblast", "alias": ""},
               {"name": "Black Sea Coast", "country": "", "alias": ""}]
    return Gazetteer(COUNTRIES, CITIES, US_STATES, [], regions=regions)


def test_a_division_is_a_location_of_its_state_known_by_its_code(divided):
    place = divided.best("Zarichna Oblast")
    assert (place.name, place.kind, place.country, place.code) == ("Zarichna", "Location", "UKR", "UA-77")
    assert divided.best("zarichna") == place  # its own name and its name with its kind: one place
    assert place.iri is None and place.key == "iso3166-2:UA-77"  # no GeoNames IRI is made up for it
    assert divided.best("Odesa").kind == "City"  # a city's name stays the city's
    world = divided.best("Black Sea Coast")
    assert (world.kind, world.country, world.key) == ("Location", "", "region:black sea coast")
    assert divided.best("Kyiv").key == "geonames:703448"


def test_full_gazetteer_regions():
    gaz = gazetteer()
    assert [(p.name, p.kind, p.country) for p in map(gaz.best, ("Kebbi State", "Tigray", "Latin America"))] == [
        ("Kebbi", "Location", "NGA"), ("Tigray", "Location", "ETH"), ("Latin America", "Location", "")]
    assert gaz.best("Punjab", {"PAK": 3}).country == "PAK" and gaz.best("Punjab", {"IND": 3}).country == "IND"
    assert gaz.best("Central") is None or gaz.best("Central").kind == "City"  # a common word is no region


# --- the cache of built gazetteers ----------------------------------------------------------

def test_the_cache_is_named_by_every_file_the_gazetteer_is_made_from(tmp_path, monkeypatch):
    sources = [tmp_path / "cities.json", tmp_path / "countries.tsv", tmp_path / "names.py"]
    for source in sources:
        source.write_text("first", encoding="utf-8")
    monkeypatch.setattr("kg.nlp.gazetteer.cache_sources", lambda: sources)
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    first = cache_path()
    assert first.parent == tmp_path / "cache" and cache_path() == first
    names = {first}
    for source in sources:  # data or code changed: another file, the old cache is not read
        source.write_text("changed", encoding="utf-8")
        names.add(cache_path())
    assert len(names) == 1 + len(sources)


def test_the_cache_sources_are_the_geonames_and_ontology_data_and_the_code_reading_them():
    sources = cache_sources()
    assert all(source.is_file() for source in sources)
    assert {"countries.json", "cities15000.json", "us_states.json", "continents.json", "countries.tsv",
            "territories.tsv", "regions.tsv", "world_regions.tsv", "gazetteer.py", "names.py"} <= \
        {source.name for source in sources}


def test_no_cache_when_turned_off_or_without_a_home_folder(monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, "off")
    assert cache_path() is None
    monkeypatch.delenv(CACHE_VARIABLE)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr("pathlib.Path.home", no_home)
    assert cache_path() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/someone")
    assert cache_path().parent == Path("/var/cache/someone/newsgraph")


def test_a_cached_gazetteer_is_loaded_not_built_and_equals_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    (tmp_path / "gazetteer-0123.pickle").write_bytes(b"from other sources")
    built = gazetteer.__wrapped__()  # the function under lru_cache: as a new process would call it
    assert [p.name for p in tmp_path.iterdir()] == [cache_path().name]  # the stale one removed

    def no_building(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr(Gazetteer, "__init__", no_building)
    loaded = gazetteer.__wrapped__()
    assert loaded is not built
    assert (loaded._index, loaded._by_iso3, loaded._capitals) == (built._index, built._by_iso3, built._capitals)
    assert loaded.best("Kharkov").geonames_id == 706483


def test_an_unreadable_cache_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    cache_path().write_bytes(b"cut sho")
    assert gazetteer.__wrapped__().best("Kiev").name == "Kyiv"
    assert isinstance(pickle.loads(cache_path().read_bytes()), Gazetteer)  # written anew
