"""Small pure functions on names: the forms under which an entity is compared and shown.

Examples
--------
>>> clean_name("the Kremlin's")
'Kremlin'
>>> clean_name("John Smith, Jr."), clean_name("Acme Inc.")
('John Smith, Jr.', 'Acme Inc.')
>>> name_key("  St. Pétersbourg ")
'saint petersbourg'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean_name", "name_key", "fold_diacritics", "slugify", "title_case", "transliteration_key"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "\u00a0": " "})
_LEADING_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')$")
_ABBREVIATION_END = re.compile(r"\b(?:Jr|Sr|St|Inc|Ltd|Co|Corp)\.$")
_EDGE_PUNCT = " \t\n\"'“”‘’.,;:!?()[]{}-–—"
_INITIAL_END = re.compile(r"(?:^|[\s.])\w\.$")
_SAINT = re.compile(r"\bst\.?(?=\s)")
_DASHES = re.compile(r"[-‐–—_/]")
_DROPPED = re.compile(r"['\".,()]")
# The same names come back in every article (and many times in a long one): the pure
# functions below keep their last results rather than fold them again.
_CACHED_NAMES = 1 << 16


@lru_cache(maxsize=_CACHED_NAMES)
def clean_name(text: str) -> str:
    """The display form of a name: one line, no leading "the", no possessive "'s"."""
    name = " ".join(text.translate(_QUOTES).split())
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name)
    stripped = name.strip(_EDGE_PUNCT)
    # keep the final dot of an abbreviation such as "U.S.", "St." or "Jr."
    if name.endswith(".") and (_INITIAL_END.search(name) or _ABBREVIATION_END.search(name)):
        stripped = name.lstrip(_EDGE_PUNCT)
    return stripped


def fold_diacritics(text: str) -> str:
    """"Ljubljana" stays, "Pétersbourg" becomes "Petersbourg"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=_CACHED_NAMES)
def name_key(text: str) -> str:
    """The form names are compared in: case, diacritics, "the", "St." and punctuation folded."""
    key = fold_diacritics(clean_name(text)).casefold()
    key = _SAINT.sub("saint", key)
    key = _DASHES.sub(" ", key)
    key = _DROPPED.sub("", key)
    return " ".join(key.split())


def slugify(text: str) -> str:
    """A lower-case ASCII slug for IRIs; empty when nothing Latin is left."""
    ascii_text = fold_diacritics(text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


_MINOR_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"}


def title_case(text: str) -> str:
    """Capitalise lower-case words but the small ones: "defense ministry" → "Defense Ministry".

    >>> title_case("ministry of foreign affairs")
    'Ministry of Foreign Affairs'
    """
    words = text.split()
    return " ".join(w if (not w.islower() or (i and w in _MINOR_WORDS)) else w.capitalize()
                    for i, w in enumerate(words))


# Spelling variants of transliterated names (Ukrainian, Russian, Arabic … into English):
# doubled letters, "iy"/"yi"/"ij" for "y", a final "i" for "y" (Sergei/Sergey, Andrii/Andriy),
# "w" for "v", "ph" for "f".
_TRANSLITERATION = ((re.compile(r"(.)\1+"), r"\1"), (re.compile(r"iy|yi|ij"), "y"), (re.compile(r"i$"), "y"),
                    (re.compile(r"w"), "v"), (re.compile(r"ph"), "f"))


def transliteration_key(word: str) -> str:
    """One spelling for the usual transliteration variants of a name.

    >>> transliteration_key("Hrytsenkyy") == transliteration_key("Hrytsenky")
    True
    >>> transliteration_key("Kuliyev") == transliteration_key("Kulyev")
    True
    >>> transliteration_key("Sergei") == transliteration_key("Sergey"), transliteration_key("Andrii")
    (True, 'andry')
    >>> transliteration_key("Kowalska") == transliteration_key("Kowalski")
    False
    """
    key = fold_diacritics(word).casefold()
    key = re.sub(r"[^a-z]", "", key)
    for pattern, replacement in _TRANSLITERATION:
        key = pattern.sub(replacement, key)
    return key
