"""The event-coding data files of ontology/ (made by scripts/derive_lexicons.py): shape and content.

cameo_plover.tsv (CAMEO code -> PLOVER type), the verb pattern lexicon (verbs, patterns and
synonym sets -> CAMEO code) and event_nouns.tsv (light-verb event nouns -> CAMEO code) are read
directly with the csv module, so a bad regeneration (a lost pattern, a code the tables do not
know, a verb left in upper case or as a phrase) shows here before any code that loads them.

The verb pattern lexicon is normalised into trigger_verbs.tsv (the verbs of each block),
trigger_patterns.tsv (the patterns of each block, ``&name`` for a synonym set) and
trigger_sets.tsv (the members of each set). The fixture ``triggers`` joins them back into one
row per trigger, as a consumer would: every verb alone where it has a code, and with every
pattern of its block that fits it, each ``&name`` replaced by each member of the set.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict

import pytest

from tests.ontology_files import ONTOLOGY, table

COLUMNS = {
    "cameo_plover.tsv": ["cameo", "plover", "mode", "context", "description"],
    "trigger_verbs.tsv": ["verb", "particle", "object", "prep", "prep_object", "block", "cameo",
                          "line"],
    "trigger_patterns.tsv": ["block", "particle", "object", "prep", "prep_object", "cameo", "line"],
    "trigger_sets.tsv": ["set", "member"],
    "event_nouns.tsv": ["noun", "cameo", "count", "source"],
}
# PLOVER event types (README of the lexicons): current names only.
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
                "INVESTIGATE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}
# Line numbers of the VERB PATTERNS section of CAMEO.2.0.txt (synonym sets above it,
# TRANSFORMATIONS below it are not patterns).
FIRST_PATTERN_LINE, LAST_PATTERN_LINE = 707, 9174




@pytest.fixture(scope="module")
def cameo() -> list[dict[str, str]]:
    return table("cameo_plover.tsv")


@pytest.fixture(scope="module")
def known_codes(cameo) -> set[str]:
    return {row["cameo"] for row in cameo}


TRIGGER_FILES = ("trigger_verbs.tsv", "trigger_patterns.tsv", "trigger_sets.tsv")
# The columns of a trigger once verbs and patterns are joined.
TRIGGER = ["verb", "particle", "object", "prep", "prep_object", "cameo", "line"]
SLOTS = ("particle", "object", "prep", "prep_object")
SET_TOKEN = re.compile(r"&[a-z0-9_]+")


@pytest.fixture(scope="module")
def verbs() -> list[dict[str, str]]:
    return table("trigger_verbs.tsv")


@pytest.fixture(scope="module")
def patterns() -> list[dict[str, str]]:
    return table("trigger_patterns.tsv")


@pytest.fixture(scope="module")
def sets() -> dict[str, list[str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for row in table("trigger_sets.tsv"):
        members[row["set"]].append(row["member"])
    return dict(members)


def merged(verb: dict[str, str], pattern: dict[str, str]) -> dict[str, str] | None:
    """The slots of a verb filled in from a pattern of its block, or None where the pattern
    does not fit: it may fill only empty slots after all the verb's filled ones (particle,
    object, prepositional phrase) and its preposition may not repeat the verb's particle."""
    if (pattern["particle"] and (verb["particle"] or verb["object"] or verb["prep"])) or \
            (pattern["object"] and (verb["object"] or verb["prep"])) or \
            (verb["prep"] and pattern["prep"]) or \
            (verb["particle"] and verb["particle"] == pattern["prep"]):
        return None
    return {slot: verb[slot] or pattern[slot] for slot in SLOTS}


def expanded(text: str, sets: dict[str, list[str]]) -> list[str]:
    """Every phrase a pattern phrase stands for, each &name replaced by each member."""
    choices = [sets[word] if word.startswith("&") else [word] for word in text.split()]
    return [" ".join(words) for words in itertools.product(*choices)]


@pytest.fixture(scope="module")
def triggers(verbs, patterns, sets) -> list[dict[str, str]]:
    """Verbs and patterns joined: one row per trigger (verb, particle, object, prep,
    prep_object, cameo, line), identical triggers once with their lowest line."""
    by_block: dict[str, list[dict[str, str]]] = defaultdict(list)
    for pattern in patterns:
        by_block[pattern["block"]].append(pattern)
    found: dict[tuple[str, ...], int] = {}

    def add(verb: str, slots: dict[str, str], code: str, line: str) -> None:
        key = (verb, *(slots[slot] for slot in SLOTS), code)
        found[key] = min(found.get(key, int(line)), int(line))

    for verb in verbs:
        if verb["cameo"]:
            add(verb["verb"], verb, verb["cameo"], verb["line"])
        for pattern in by_block[verb["block"]]:
            slots = merged(verb, pattern)
            if slots is None:
                continue
            for obj in expanded(slots["object"], sets):
                for prep_object in expanded(slots["prep_object"], sets):
                    add(verb["verb"], {**slots, "object": obj, "prep_object": prep_object},
                        pattern["cameo"], pattern["line"])
    return [dict(zip(TRIGGER, (*key, str(line)))) for key, line in found.items()]


@pytest.fixture(scope="module")
def event_nouns() -> list[dict[str, str]]:
    return table("event_nouns.tsv")


def is_known(code: str, known: set[str]) -> bool:
    """A code of cameo_plover.tsv, or a four-digit code whose three-digit parent is."""
    return code in known or (len(code) == 4 and code[:3] in known)


# --- every file -------------------------------------------------------------------------


@pytest.mark.parametrize("name, source, licence", [
    ("cameo_plover.tsv", "CAMEO2PLOVER-2021.txt", "CC BY-SA 4.0"),
    ("trigger_verbs.tsv", "CAMEO.2.0.txt", "MIT licence"),
    ("trigger_patterns.tsv", "CAMEO.2.0.txt", "MIT licence"),
    ("trigger_sets.tsv", "CAMEO.2.0.txt", "MIT licence"),
    ("event_nouns.tsv", "CAMEO.2.0.txt", "MIT licence"),
])
def test_file_says_what_it_is_and_where_it_comes_from(name, source, licence):
    text = (ONTOLOGY / name).read_text(encoding="utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert text.startswith(f"# {name}:")
    assert "scripts/derive_lexicons.py" in comments
    assert source in comments and licence in comments


# --- cameo_plover.tsv -------------------------------------------------------------------

@pytest.mark.parametrize("code, plover", [
    ("192", "COERCE"), ("191", "COERCE"), ("163", "COERCE"), ("173", "COERCE"),
    ("1723", "COERCE"), ("041", "CONSULT"), ("040", "CONSULT"), ("046", "CONSULT"),
    ("020", "REQUEST"), ("0233", "REQUEST"), ("100", "REQUEST"), ("030", "AGREE"),
    ("0356", "AGREE"), ("051", "SUPPORT"), ("070", "AID"), ("0871", "RETREAT"),
    ("090", "ACCUSE"), ("111", "ACCUSE"), ("112", "ACCUSE"), ("120", "REJECT"),
    ("130", "THREATEN"), ("139", "THREATEN"), ("141", "PROTEST"), ("143", "PROTEST"),
    ("154", "MOBILIZE"), ("161", "SANCTION"), ("174", "COERCE"), ("175", "ASSAULT"),
    ("180", "ASSAULT"), ("190", "ASSAULT"), ("194", "ASSAULT"), ("195", "ASSAULT"),
    ("202", "ASSAULT"), ("03", "AGREE"), ("19", "ASSAULT"),
    ("010", ""), ("01", ""),  # public statements: PLOVER has no type for them
])
def test_cameo_code_has_plover_type(cameo, code, plover):
    assert {row["plover"] for row in cameo if row["cameo"] == code} == {plover}


@pytest.mark.parametrize("code, mode, context, description", [
    ("192", "seize", "military", "Occupy territory"),
    ("041", "phone", "", "Discuss by telephone"),
    ("173", "arrest", "legal", "Arrest, detain, or charge with legal action"),
    ("0813", "", "legal", "Ease curfew"),          # the editor's dated remark is dropped
    ("091", "investigate", "crime; corruption", "Investigate crime, corruption"),
    ("0211", "assist", "economic", "Appeal for economic cooperation"),  # from 1011
])
def test_cameo_code_mode_context_description(cameo, code, mode, context, description):
    rows = [row for row in cameo if row["cameo"] == code]
    assert len(rows) == 1
    assert (rows[0]["mode"], rows[0]["context"], rows[0]["description"]) == \
        (mode, context, description)


def test_codes_keep_leading_zeros_and_are_unique(cameo):
    codes = Counter(row["cameo"] for row in cameo)
    assert all(re.fullmatch(r"\d{2,4}", code) for code in codes)
    assert {"03", "030", "0311", "0871"} <= set(codes)
    assert {code for code, n in codes.items() if n > 1} == {"08"}  # CONCEDE and RETREAT


def test_plover_types_are_current_names(cameo):
    assert {row["plover"] for row in cameo} - {""} <= PLOVER_TYPES
    assert {row["cameo"] for row in cameo if not row["plover"]} == \
        {"01"} | {f"01{i}" for i in range(10)}


def test_every_code_of_a_root_is_there(known_codes):
    for root in ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                 "13", "14", "15", "16", "17", "18", "19", "20"):
        assert any(code.startswith(root) and len(code) == 3 for code in known_codes), root


# --- trigger_verbs.tsv, trigger_patterns.tsv, trigger_sets.tsv: each file -----------------

def test_the_three_files_are_small():
    size = sum((ONTOLOGY / name).stat().st_size for name in TRIGGER_FILES)
    assert size < 1_500_000, size


def test_the_expanded_file_is_gone():
    assert not (ONTOLOGY / "triggers.tsv").exists()


def test_every_block_of_a_pattern_has_verbs(verbs, patterns):
    missing = sorted({row["block"] for row in patterns} - {row["block"] for row in verbs})
    assert not missing, missing[:10]


def test_every_set_a_pattern_names_is_defined(patterns, sets):
    used = {token for row in patterns for column in ("object", "prep_object")
            for token in row[column].split() if token.startswith("&")}
    assert used, "no pattern names a synonym set"
    assert not sorted(used - set(sets)), sorted(used - set(sets))[:10]
    assert all(SET_TOKEN.fullmatch(token) for token in used), sorted(used)[:10]


def test_sets_are_named_and_have_members(sets):
    assert {"&weapon", "&currency", "&military"} <= set(sets)
    assert all(SET_TOKEN.fullmatch(name) for name in sets), sorted(sets)
    assert all(members and all(members) for members in sets.values())


@pytest.mark.parametrize("name, member", [
    ("&currency", "dollar"), ("&currency", "euro"), ("&military", "army"),
    ("&military", "troop"),  # TROOPS: members are lemmatised like objects
    ("&weapon", "rifle"), ("&aircraft", "f/a-18"),
])
def test_set_member(sets, name, member):
    assert member in sets[name]


def test_set_members_are_lower_case_words_without_markers(sets):
    bad = [(name, member) for name, members in sets.items() for member in members
           if member != member.lower() or re.search(r"[&*${}()+^%!_\[\]]", member)]
    assert not bad, bad[:5]


def test_block_keys_are_labels(verbs, patterns):
    blocks = {row["block"] for row in verbs} | {row["block"] for row in patterns}
    assert {"APPREHEND", "IMPOSE", "ASK"} <= blocks
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_'-]*", block) for block in blocks), sorted(blocks)[:10]


def test_every_verb_and_pattern_code_is_known(verbs, patterns, known_codes):
    unknown = sorted({row["cameo"] for row in verbs if row["cameo"]} |
                     {row["cameo"] for row in patterns if row["cameo"] != "---"})
    unknown = [code for code in unknown if not is_known(code, known_codes)]
    assert not unknown, unknown


def test_pattern_words_are_lower_case_with_no_markers_but_set_tokens(verbs, patterns):
    bad = [row for row in verbs + patterns
           if any(row[column] != row[column].lower() for column in SLOTS)
           or re.search(r"[&*${}()+^%!_\[\]]",
                        SET_TOKEN.sub("", "".join(row[column] for column in SLOTS)))]
    assert not bad, bad[:5]


def test_no_set_in_a_particle_or_preposition(verbs, patterns):
    bad = [row for row in verbs + patterns if "&" in row["particle"] + row["prep"]]
    assert not bad, bad[:5]


def test_identical_verbs_and_patterns_are_kept_once(verbs, patterns):
    for rows, columns in ((verbs, COLUMNS["trigger_verbs.tsv"]),
                          (patterns, COLUMNS["trigger_patterns.tsv"])):
        keys = Counter(tuple(row[c] for c in columns if c != "line") for row in rows)
        assert max(keys.values()) == 1


def test_verb_rows_name_their_block(verbs):
    assert ("arrest", "APPREHEND", "173") in {(row["verb"], row["block"], row["cameo"])
                                              for row in verbs}
    # a multi-word verb keeps its words; the patterns of its block must fit them
    assert {"carry", "out"} <= {word for row in verbs for word in (row["verb"], row["particle"])}
    assert any(row["verb"] == "set" and (row["prep"], row["prep_object"]) == ("in", "motion")
               for row in verbs)


def test_patterns_keep_set_tokens(patterns):
    assert any(SET_TOKEN.search(row["object"]) for row in patterns)
    assert ("ASK", "&currency", "0231") in {(row["block"], row["object"], row["cameo"])
                                            for row in patterns}


def test_a_pattern_is_written_once_per_block_not_per_verb(patterns):
    rows = [row for row in patterns if row["block"] == "IMPOSE" and row["object"] == "sanction"]
    assert [row["cameo"] for row in rows] == ["163"]


def test_a_pattern_applies_only_where_it_fits_a_multi_word_verb(verbs, patterns, triggers):
    # "ask for" (ASK) takes no "(FOR ...)" phrase of its block: "ask for for access" is none
    assert any(row["block"] == "ASK" and row["prep"] == "for" for row in patterns)
    assert not [row for row in triggers if row["verb"] == "ask" and row["particle"] == "for"
                and row["prep"] == "for"]
    # "wage war" (PHYSICAL_CONFLICT) takes a prepositional phrase of its block's patterns
    # ("(BY SANCTIONS)"), but no other object ("* &STRONGHOLD [192]": wage war stronghold)
    assert [row["block"] for row in verbs if row["verb"] == "wage" and row["object"]] == \
        ["PHYSICAL_CONFLICT"]
    assert ("PHYSICAL_CONFLICT", "&stronghold", "192") in \
        {(row["block"], row["object"], row["cameo"]) for row in patterns}
    wage = {(row["object"], row["prep"], row["prep_object"], row["cameo"])
            for row in triggers if row["verb"] == "wage"}
    assert ("war", "by", "sanction", "163") in wage
    assert not [row for row in wage if row[3] == "192"]


# --- the joined triggers (verbs x patterns x sets) ---------------------------------------

@pytest.mark.parametrize("verb, particle, obj, prep, prep_object, code", [
    ("ask", "for", "", "", "", "020"),
    ("ask", "", "", "", "", "020"),
    ("call", "", "", "on", "", "020"),
    ("call", "", "", "for", "", "020"),
    ("besiege", "", "", "", "", "191"),
    ("kill", "", "", "", "", "190"),
    ("invade", "", "", "", "", "192"),
    ("occupy", "", "", "", "", "192"),
    ("accuse", "", "", "", "", "112"),
    ("condemn", "", "", "", "", "111"),
    ("arrest", "", "", "", "", "173"),
    ("meet", "", "", "", "", "040"),
    ("impose", "", "sanction", "", "", "163"),
    ("impose", "", "curfew", "", "", "1723"),
    ("impose", "", "martial law", "", "", "1724"),
    ("stage", "", "rally", "", "", "141"),
    ("hold", "", "talk", "", "", "046"),
    ("launch", "", "attack", "", "", "190"),
    ("carry", "out", "attack", "", "", "190"),
    ("open", "", "investigation", "", "", "090"),
    ("wage", "", "war", "", "", "190"),
    ("overthrow", "", "", "", "", "180"),       # block word OVERTHROW, irregular forms ignored
    ("take", "", "opportunity", "", "", "---"),  # an exclusion: no event
])
def test_trigger_row(triggers, verb, particle, obj, prep, prep_object, code):
    found = {row["cameo"] for row in triggers
             if (row["verb"], row["particle"], row["object"], row["prep"],
                 row["prep_object"]) == (verb, particle, obj, prep, prep_object)}
    assert code in found, found


@pytest.mark.parametrize("verb, particle, obj, prep, prep_object, code", [
    # &CURRENCY in "- * &CURRENCY [0231]" under ASK: a trigger per member of the set
    ("request", "", "dollar", "", "", "0231"),
    ("request", "", "euro", "", "", "0231"),
    # {A B} is one phrase; &NAME inside it too ("{&MILITARY AID}")
    ("ask", "", "army aid", "", "", "0232"),
    # TO/FOR: one row per alternative
    ("gather", "", "", "for", "protest", "141"),
    ("gather", "", "", "to", "protest", "141"),
    # A_B joins words: "- * IDEA_OF" is object + preposition, "{AIR_STRIKE}" one phrase
    ("avoid", "", "air strike", "", "", "013"),
    ("discuss", "", "idea", "of", "", "014"),
])
def test_pattern_syntax_is_expanded(triggers, verb, particle, obj, prep, prep_object, code):
    found = {row["cameo"] for row in triggers
             if (row["verb"], row["particle"], row["object"], row["prep"],
                 row["prep_object"]) == (verb, particle, obj, prep, prep_object)}
    assert code in found, found


def test_joined_triggers_are_many(triggers):
    assert len(triggers) > 100_000  # the normalised files stand for this many rows


def test_every_code_is_known(triggers, known_codes):
    unknown = sorted({row["cameo"] for row in triggers
                      if row["cameo"] != "---" and not is_known(row["cameo"], known_codes)})
    assert not unknown, unknown


def test_verbs_are_single_lower_case_words(verbs):
    bad = sorted({row["verb"] for row in verbs
                  if not re.fullmatch(r"[a-z][a-z'-]*", row["verb"])})
    assert not bad, bad[:20]


def test_words_are_lower_case(triggers):
    bad = [row for row in triggers
           if any(row[column] != row[column].lower() for column in SLOTS)]
    assert not bad, bad[:5]


def test_particles_and_prepositions_are_single_words(triggers):
    bad = [row for row in triggers if " " in row["particle"] or " " in row["prep"]]
    assert not bad, bad[:5]


def test_no_pattern_markers_left(triggers):
    bad = [row for row in triggers
           if re.search(r"[&*${}()+^%!_\[\]]", "".join(row[c] for c in TRIGGER))]
    assert not bad, bad[:5]


@pytest.mark.parametrize("name", ["trigger_verbs.tsv", "trigger_patterns.tsv"])
def test_line_numbers_point_into_the_verb_patterns(name):
    lines = [int(row["line"]) for row in table(name)]
    assert FIRST_PATTERN_LINE < min(lines) and max(lines) <= LAST_PATTERN_LINE


@pytest.mark.parametrize("verb", [
    "kidnapped", "killed", "is", "shot",  # coordinated forms (+KILLED_AND) and auxiliaries
    "physical_conflict", "explain_verbal", "meet_people",  # block labels are not verbs
])
def test_not_a_verb(verbs, verb):
    assert verb not in {row["verb"] for row in verbs}


def test_exclusions_are_patterns(verbs, patterns, triggers):
    assert not [row for row in verbs if row["cameo"] == "---"]
    exclusions = [row for row in patterns if row["cameo"] == "---"]
    assert exclusions
    assert all(row["particle"] or row["object"] or row["prep"] for row in exclusions)
    assert all(row["particle"] or row["object"] or row["prep"]
               for row in triggers if row["cameo"] == "---")


def test_plural_objects_are_lemmatised(triggers):
    objects = {row["object"] for row in triggers if row["verb"] == "impose"}
    assert "sanction" in objects and "sanctions" not in objects
    assert "restriction" in objects and "restrictions" not in objects


# --- event_nouns.tsv --------------------------------------------------------------------

@pytest.mark.parametrize("noun, code", [
    ("sanction", "163"), ("investigation", "090"), ("attack", "190"), ("blockade", "191"),
    ("airstrike", "195"), ("air strike", "195"), ("shelling", "194"), ("invasion", "192"),
    ("siege", "191"), ("talk", "046"), ("negotiation", "046"), ("rally", "141"),
    ("protest", "140"), ("hunger strike", "142"), ("curfew", "1723"), ("arrest", "173"),
    ("ultimatum", "139"), ("ceasefire", "0871"), ("probe", "090"), ("embargo", "163"),
])
def test_event_noun(event_nouns, noun, code):
    assert {row["cameo"] for row in event_nouns if row["noun"] == noun} == {code}


def test_each_noun_once(event_nouns):
    nouns = Counter(row["noun"] for row in event_nouns)
    assert max(nouns.values()) == 1


def test_event_noun_codes_are_known(event_nouns, known_codes):
    bad = [row for row in event_nouns if not is_known(row["cameo"], known_codes)]
    assert not bad, bad[:5]


def test_counts_are_numbers_and_derived_nouns_have_support(event_nouns):
    assert all(row["count"].isdigit() for row in event_nouns)
    assert sum(row["count"] != "0" for row in event_nouns) > len(event_nouns) // 2


def test_event_nouns_are_lemmas_of_at_most_three_words(event_nouns):
    bad = [row["noun"] for row in event_nouns
           if row["noun"] != row["noun"].lower() or len(row["noun"].split()) > 3]
    assert not bad, bad[:10]
