"""The gazetteer: names to GeoNames places, ties broken by the article's states."""
from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer, gazetteer

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
