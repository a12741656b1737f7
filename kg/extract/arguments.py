"""Who the arguments of a predicate are, on the dependency parse: subjects, objects and
agents, through the constructions where the parser leaves them far from their verb.

"continued pounding X" (the subject of "continued"), "was encircled and blockaded by X" (a
passive agent shared by coordinated participles), "the port was overrun" with the subject
read as a noun, "X is opposed to Y" (a stative participle, not a passive), "X said it would …"
(the pronoun is the speaker), "seized up to 10 ships" (an object behind a particle), "… on the
capital, and several warships appeared" (a new clause the parser took for a conjunct).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from spacy.tokens import Token

from kg.data import read_tsv, word_class, word_list
from kg.extract.modality import modality_words

__all__ = ["OBJECT_PREPOSITIONS", "with_conjuncts", "subjects_of", "grammatical_subjects", "prep_objects",
           "nested_objects", "is_passive", "is_stative_passive", "agents_of", "speaker_of", "is_across_quotation",
           "is_mistagged_participle", "plural_antecedent", "controllers", "self_named"]

# prepositions that introduce the one acted on: "attack on X", "protest against X"
OBJECT_PREPOSITIONS = ("on", "upon", "against", "into", "with", "to", "at", "toward", "towards", "over", "for",
                       "from")


@lru_cache(maxsize=1)
def _stative() -> frozenset[tuple[str, str]]:
    return frozenset((row["verb"], row["prep"]) for row in read_tsv("stative.tsv"))




def is_stative_passive(verb: Token) -> bool:
    """"X is opposed to Y", "X were engaged in Y": the subject's state, not a passive
    (ontology/stative.tsv); the subject acts, the prepositional object is acted on."""
    return any((verb.lemma_.lower(), c.lower_) in _stative() for c in verb.children if c.dep_ == "prep") and \
        not any(c.dep_ == "agent" for c in verb.children)




def self_named(verb: Token) -> Token | None:
    """The name in "calling themselves X", "a group that calls itself X": what the ones who act say they are."""
    if verb.lemma_.lower() not in ("call", "name", "style") or \
            not any(c.dep_ == "dobj" and c.lower_ in ("itself", "themselves", "himself", "herself") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "attr")), None)


def speaker_of(pronoun: Token) -> Token | None:
    """The subject of the verb of speech a pronoun's clause reports: "X said it would …"."""
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    speech = clause.head
    if clause.dep_ != "ccomp" or modality_words().get(speech.lemma_.lower()) != "reporting":
        return None
    # "officers calling themselves X said they …": the parser may make the naming clause the subject
    speaker = next((c for c in speech.children if (c.dep_ == "nsubj" and c.pos_ != "PRON") or
                    (c.dep_ == "csubj" and self_named(c) is not None)), None)
    if speaker is not None and pronoun.lower_ == "it" and \
            (speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)):
        return None  # "officials and scientists warn it could …": "it" is something else, not them
    return speaker




def starts_a_clause(token: Token) -> bool:
    """"… on the capital, and several foreign warships appeared near …": the parser made the subject
    of a new clause a conjunct of the object before it; a finite verb with no subject of its
    own right after the phrase shows it."""
    after = token.right_edge.i + 1
    if after >= len(token.doc):
        return False
    verb = token.doc[after]
    return verb.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)




def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """Tokens with those coordinated to them, also where the parser hangs the coordination on an
    apposition ("sued X, Jr. and Y": Y is coordinated with "Jr.")."""
    out = []
    for token in tokens:
        appended = [c for a in token.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i > token.i
                    and a.conjuncts for c in (a, *a.conjuncts) if c.i >= a.i]
        for conjunct in (token, *token.conjuncts, *appended):
            if conjunct not in out and conjunct.i >= token.i and (conjunct.i == token.i or not starts_a_clause(conjunct)) \
                    and not _description_of(conjunct, token):
                out.append(conjunct)
    return out


def _description_of(conjunct: Token, token: Token) -> bool:
    """"China, North Korea's closest ally and main supplier, voted": a role after a comma that the
    parser took for a second party is a description of the name before it."""
    return conjunct.i != token.i and token.pos_ == "PROPN" and conjunct.pos_ == "NOUN" and \
        conjunct.doc[conjunct.left_edge.i - 1].text == "," and any(c.dep_ == "poss" for c in conjunct.children)




def grammatical_subjects(verb: Token, kinds: tuple[str, ...]) -> list[Token]:
    """The subjects of a verb, or of the verb it hangs from ("continued pounding", "attacked
    and captured", "was encircled", "agreed to meet"): the actor is the same."""
    token = verb
    for _ in range(5):
        found = [c for c in token.children if c.dep_ in kinds]
        # "Sudan's paramilitary Rapid Support Forces launched": the parser split one noun phrase into
        # two subjects; the words right before the other subject only describe it
        found = [c for c in found if not any(o.left_edge.i == c.right_edge.i + 1 for o in found if o is not c)]
        if found:
            return with_conjuncts(found)
        # "a bombing was reported to have killed X": the raised subject of a passive verb of report
        if token.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in token.head.children):
            raised = [c for c in token.head.children if c.dep_ == "nsubjpass"]
            if raised:
                return with_conjuncts(raised)
        misread = _subject_read_as_object(token)
        if misread is not None:  # its conjuncts are followed by the verb they are subjects of
            return [misread, *misread.conjuncts]
        if _reduced_relative(token):
            break
        if token.dep_ == "conj" and token.tag_ == "VBG" and _is_to_infinitive(token.head) and \
                token.head.head.i != token.head.i:
            # "calling for X to step down and demanding that …": the parser hung the participle on the
            # infinitive; it goes with the participle that governs it, whose subject is not X
            token = token.head.head
            continue
        if token.dep_ == "conj" and _misread_relative(token.head):
            break
        controlling = controllers(token)
        if controlling:  # "urged Russia to withdraw": Russia is to withdraw, not the one who urged
            return with_conjuncts(controlling)
        if _speech_act_after_report(token):  # "he said X had done Y and accused Z": he accused Z
            token = token.head.head
            continue
        if token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp", "attr") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "prep" and token.head.pos_ in ("NOUN", "PROPN"):  # "X's goal of capturing Y": X
            owners = [c for c in token.head.children if c.dep_ in ("poss", "amod", "compound")]
            if owners:
                return owners
        if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):  # "… by sending X": the verb's subject
            accused = [c for c in token.head.children if c.dep_ == "dobj"]
            if token.lower_ in ("of", "for") and accused and \
                    modality_words().get(token.head.lemma_.lower()) == "claiming":
                return with_conjuncts(accused)  # "accused X of shelling Y": X is said to have shelled
            token = token.head
            continue
        if token.dep_ == "relcl":  # "the forces that besieged X": the noun the clause is about
            return [token.head]
        # "launched missiles targeting X", "posted a message on the site blaming X": a participle on
        # what the verb's subject acted with speaks of the same subject
        if token.dep_ == "acl" and token.tag_ == "VBG":
            noun = token.head
            while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i and noun.head.pos_ != "VERB":
                noun = noun.head  # "a message on the site blaming X": up to the message
            # "boarded vessels heading for X", "arrested protesters calling for X": the thing or people
            # acted on do the participle's act, not the verb's subject
            if noun.dep_ in ("dobj", "prep", "pobj") and noun.head.pos_ == "VERB" and \
                    noun.lemma_.lower() in instrument_nouns():
                if noun.head.lemma_.lower() in word_class("receiving"):
                    break  # "rejected a letter demanding X", "accepted a resolution calling for X": someone else's
                token = noun.head
                continue

        break
    return []




def _speech_act_after_report(verb: Token) -> bool:
    """"He said Abiy had made no secret of it and accused Addis Ababa of …": the parser joins a
    speech act to the reported clause, whose subject is not the one who speaks."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in word_class("speech act"):
        return False
    reported = verb.head
    subjects = [c for c in reported.children if c.dep_ in ("nsubj", "nsubjpass")]
    # not where the report comes after: "X spoke with Y and urged him …, the ministry said" is X's
    # ("I condemn it and demand …," X said: the speaker's all the same)
    return reported.dep_ == "ccomp" and modality_words().get(reported.head.lemma_.lower()) == "reporting" and \
        bool(subjects) and (reported.head.i < verb.i or any(s.lower_ in ("i", "we") for s in subjects))


def controllers(clause: Token) -> list[Token]:
    """The named one an infinitive clause's act is asked or forced of ("urged Russia to withdraw",
    "called on China to stop", "allowed them to leave": object control), or a claim is made of
    ("accused X of shelling Y"). A thing the verb's subject acts with ("used drones to strike X") or
    unnamed troops it sends do not act for themselves."""
    if clause.dep_ == "pcomp" and clause.head.lower_ in ("of", "for") and \
            modality_words().get(clause.head.head.lemma_.lower()) == "claiming":  # "accused X of shelling Y"
        return [c for c in clause.head.head.children if c.dep_ == "dobj" and (c.ent_type_ or c.pos_ == "PRON")]
    if clause.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    verb = clause.head
    if verb.lemma_.lower() in word_class("phone"):
        return []  # "telephoned X and Y to urge restraint": the caller urges, the call is what for
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < clause.i]
    objects += [o for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ in ("on", "upon")
                and verb.lemma_.lower() in ("call", "prevail") for o in p.children if o.dep_ == "pobj" and o.i < clause.i]
    named = [o for o in objects if o.ent_type_ or (o.pos_ == "PRON" and o.lower_ not in ("it", "this", "that"))]
    if named or verb.lemma_.lower() not in word_class("asking"):
        return named
    # "urged the authorities to free X": whoever the authorities are, they are to free X, not the one who urged
    return [o for o in objects if o.pos_ in ("NOUN", "PROPN")]


def _misread_relative(verb: Token) -> bool:
    """"The runoff, in which X defeated Y, was monitored by Z": the parser takes the relative clause
    for the main one and the main verb for its conjunct, whose subject is then not X."""
    for word in verb.doc[verb.left_edge.i:verb.i]:
        if word.tag_ in ("WDT", "WP") and word.dep_ == "pobj" and not any(
                a.dep_ == "relcl" for a in word.ancestors if a.i != verb.i and verb in a.ancestors):
            return True
    return False


def _reduced_relative(participle: Token) -> bool:
    """"arrested dozens of protesters calling for X": a participle the parser hung on the verb, right
    after its object with no comma, says what the object did; after a comma ("fired tear gas,
    injuring dozens") or on what the subject acts with ("launched missiles targeting X") it is the subject's."""
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.i == 0:
        return False
    before = participle.doc[participle.i - 1]
    for obj in (c for c in participle.head.children if c.dep_ == "dobj"):
        if obj.right_edge.i == before.i and not before.is_punct:
            nouns = [obj] + [c for p in obj.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
            return not any(n.lemma_.lower() in instrument_nouns() for n in nouns)
    return False


@lru_cache(maxsize=1)
def instrument_nouns() -> frozenset[str]:
    """Nouns of what an actor acts with or through (ontology/instrument_nouns.tsv)."""
    return word_list("instrument_nouns.tsv")


_CLAUSE_PREPOSITIONS = ("after", "before", "since", "until")


def _subject_read_as_object(verb: Token) -> Token | None:
    """"… arrested after X, mayor of Y, was stabbed", "… access to the sites since X and Y bombed
    them": the parser took the conjunction for a preposition, X for its object and the clause's
    verb for a conjunct of the main verb. A finite auxiliary or verb right after that object
    shows X is the subject."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")]
    if verb.dep_ != "conj" or not (auxiliaries or verb.tag_ in ("VBD", "VBZ", "VBP")):
        return None
    first = min(a.i for a in auxiliaries) if auxiliaries else verb.i
    for noun in verb.doc[max(verb.head.i + 1, first - 12):first]:
        if noun.dep_ == "pobj" and noun.head.lower_ in _CLAUSE_PREPOSITIONS and noun.right_edge.i < first and \
                all(t.is_punct for t in verb.doc[noun.right_edge.i + 1:first]):
            return noun
    return None


def _is_to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subjects_of(verb: Token) -> list[Token]:
    return grammatical_subjects(verb, ("nsubj", "csubj"))




def media_nouns() -> frozenset[str]:
    """Nouns of media, "on" which something is said or shown (ontology/media_nouns.tsv)."""
    return word_list("media_nouns.tsv")


_TOGETHER = ("together", "along", "jointly")


def prep_objects(token: Token, prepositions: Iterable[str]) -> list[Token]:
    """Objects of the token's prepositions, also through a particle ("kidnapped up to X")."""
    wanted = tuple(prepositions)
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in wanted:
            if child.lower_ == "with" and (any(c.lower_ in _TOGETHER for c in child.children) or
                                           (child.i > 0 and child.doc[child.i - 1].lower_ in _TOGETHER)):
                continue  # "together with the EU, Washington sanctioned …": who else acted, not who was acted on
            # "filmed the raid on her phone", "said on state television": where it is shown, not whom it is on
            found += [c for c in child.children if c.dep_ == "pobj" and not (
                child.lower_ == "on" and c.lemma_.lower() in media_nouns())]
        elif child.dep_ == "prt":
            found += prep_objects(child, wanted)
    return found




def nested_objects(token: Token) -> list[Token]:
    """One preposition further: "mobilized reservists for a war against X", "in protest
    against X"."""
    return [inner for outer in prep_objects(token, OBJECT_PREPOSITIONS + ("in",))
            for inner in prep_objects(outer, ("against", "on", "of", "at", "to", "with"))]




def is_passive(verb: Token) -> bool:
    """"was encircled", "blockaded by X", "Mosul was overrun": a passive, finite or not.

    A participle after "be" with a complement of its own is an adjective of its subject:
    "X is opposed to Y", "X were engaged in Y" say what X does.
    """
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if any(c.dep_ == "agent" for c in verb.children):
        # a "by" the parser hung on an active verb with an object makes no passive ("has blamed the
        # incidents on provocations by X"); a bare participle with one is ("a country given aid by X")
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        bare_participle = verb.tag_ == "VBN" and verb.dep_ != "conj" and not any(c.dep_ == "aux" for c in verb.children)
        return not has_object or bare_participle
    if any(c.dep_ in ("prep", "dobj", "xcomp") for c in verb.children):
        return False
    return is_mistagged_participle(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acomp", "conj", "amod", "advcl"))




def agents_of(verb: Token) -> list[Token]:
    """The "by" agent of a passive, shared by coordinated participles ("encircled and
    blockaded by X")."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    for token in (verb, *verb.conjuncts):
        if token is not verb and own_subject and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            continue  # "X were killed in Y, and Z was dismissed by W": a clause of its own, W did not kill X
        found = [c for a in token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
        if found:
            return with_conjuncts(found)
    # "was condemned in a joint statement by X": the author of the statement
    for statement in prep_objects(verb, ("in", "through", "via")):
        found = prep_objects(statement, ("by",))
        if found:
            return with_conjuncts(found)
    # "were killed in a clash with X", "died in fighting with X": the other side of the fight
    for fight in prep_objects(verb, ("in", "during")):
        if fight.lemma_.lower() in word_class("fight"):
            found = prep_objects(fight, ("with",))
            if found:
                return with_conjuncts(found)
    # "were killed when their convoy was hit by an Israeli air strike": the agent of the blow that killed them
    for clause in verb.children:
        if clause.dep_ == "advcl" and is_passive(clause) and \
                any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as") for c in clause.children):
            found = [c for a in clause.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
            if found:
                return with_conjuncts(found)
    return []




def is_across_quotation(verb: Token, argument: Token) -> bool:
    """An argument the parser took across a closing quotation mark: "occupied X," the head of …
    (the mark that opens the argument itself, as in thanked "the police …", is no such mark, and a
    quotation opened and closed between them, as in demanded "full accountability" from X, is none either)."""
    low, high = sorted((verb.i, argument.left_edge.i))
    opening = argument.left_edge.i - 1 if argument.i > verb.i else -1
    return sum(1 for t in verb.doc[low + 1:high] if t.is_quote and t.i != opening) % 2 == 1




def is_mistagged_participle(token: Token) -> bool:
    """"Mosul was overrun": a participle the tagger read as a noun complement of "be"."""
    return (token.pos_ == "NOUN" or token.tag_ == "VBN") and token.dep_ in ("attr", "acomp") and \
        token.head.lemma_ == "be" and \
        not any(c.dep_ in ("det", "poss", "amod", "compound") for c in token.children)


def _plural_subject(verb: Token) -> list[Token]:
    """A verb's subject when it is a plural noun phrase ("the rebels", "X, Y and Z"), else []."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.pos_ == "PRON":
            continue
        # "the Houthis", "the Kurds": a name in the plural, which the tagger often takes for a singular one
        plural_name = subject.tag_ == "NNP" and subject.lower_.endswith("s") and not subject.lower_.endswith("ss") \
            and subject.ent_type_ in ("Organisation", "Group", "NORP", "ORG") and \
            any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
        if subject.tag_ in ("NNS", "NNPS") or subject.conjuncts or plural_name:
            named = [a for a in subject.children if a.dep_ == "appos"]  # "three residents, X, Y and Z"
            return with_conjuncts([subject] + named)
    return []


def plural_antecedent(pronoun: Token) -> list[Token]:
    """What a subject "they" stands for: the plural subject of a clause it is reported or embedded in
    ("the rebels said they will …"), else that of the previous sentence's main clause ("X, Y and Z
    sued. They worked with …"); [] when neither is plural, for a guess would mislead.

    Examples
    --------
    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["rebels", "said", "they", "left"], heads=[1, 1, 3, 1],
    ...           deps=["nsubj", "ROOT", "nsubj", "ccomp"], tags=["NNS", "VBD", "PRP", "VBD"],
    ...           pos=["NOUN", "VERB", "PRON", "VERB"])
    >>> [t.text for t in plural_antecedent(doc[2])]
    ['rebels']
    """
    if pronoun.text.lower() != "they":
        return []
    head = pronoun.head
    while head.head.i != head.i:
        head = head.head
        found = _plural_subject(head)
        if found:
            return found
    sentence = pronoun.sent
    if sentence.start == 0:
        return []
    previous = pronoun.doc[sentence.start - 1].sent
    return _plural_subject(previous.root)
