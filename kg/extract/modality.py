"""Modality: whether a sentence asserts an event, denies it, supposes it, or only plans it.

The event's word is followed up the dependency parse through the clauses that govern it
("Iran plans to seize …": seize ← plans), and the governors are looked up in
``ontology/modality.tsv``:

* **negated** — a negation on the event's own verb ("did not enter", "no longer"), or a
  governor that denies it ("denied targeting", "refused to meet");
* **hypothetical** — a condition ("if … is captured"), or a modal of possibility on the verb
  or a governor ("would deprive", "could be");
* **intended** — a plan, goal, wish, promise, attempt, order or request ("plans to seize",
  "goal of capturing", "vowed to", "urged X to engage"), the future ("will"), and a bare
  purpose infinitive ("to help"). When the actor commits to the event — an offer, promise,
  agreement, threat, an announced future ("agreed to withdraw", "is willing to send",
  "said they would blockade") — the modality says so (``committed``): the commitment is an
  event of its own (:mod:`kg.extract.relations`);
* **reported** — a claim the sentence passes on without vouching for it ("X claims Y attacked
  Z", "X alleged …"); X is kept as who reported it;
* **asserted** — anything else. Aspectual and implicative governors pass the event through
  ("continued pounding"), and so does reported speech: "X said Y attacked Z" asserts the
  attack on X's word, and X is kept as who reported it.

The first governor that decides, walking up from the event, wins.

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words=["Troops", "plan", "to", "seize", "ports"],
...           heads=[1, 1, 3, 1, 3], deps=["nsubj", "ROOT", "aux", "xcomp", "dobj"],
...           pos=["NOUN", "VERB", "PART", "VERB", "NOUN"], lemmas=["troop", "plan", "to", "seize", "port"])
>>> modality_of(doc[3]).modality
'intended'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from kg.data import read_tsv, word_class

__all__ = ["Modality", "modality_words", "modality_of", "word_modality", "phrasal_lemma", "MODALITIES"]

MODALITIES = ("asserted", "negated", "hypothetical", "intended", "reported")

# A clause with one of these marks states a fact of its own ("… after X seized Y"): the modality
# of the clause it hangs from (an order, a plan) does not reach into it.
_FACTUAL_MARKS = {"after", "before", "because", "since", "when", "while", "as", "although", "though", "until"}
# Of those, the marks of a time that, with a verb in the present tense, is still to come: "… until
# Ukraine withdraws", "before the envoy arrives" (while "because Russia occupies X" states a fact).
_TIME_MARKS = {"before", "when", "until"}
# Prepositions (and participles used as such) that date an event by another: "following the
# killing of X", "after the attack on Y" state a fact whatever the main clause does.
_FACTUAL_PREPOSITIONS = {"following", "after", "before", "since", "during", "amid", "despite"}
# The dependency relations through which a clause, or a verbal noun, hangs from its governor.
_GOVERNED_BY = {"xcomp", "ccomp", "advcl", "csubj", "csubjpass", "pcomp", "conj", "acomp", "pobj", "prep", "acl"}
# verbs of speech that make what may be done a threat ("warned that it could retaliate")
_WARNING_VERBS = {"warn", "caution"}
_MODALS = {"would", "could", "can", "might", "may", "should", "will", "shall", "must", "'d", "'ll"}


@dataclass(frozen=True)
class Modality:
    """How an event is put, the word that decided it, and who reported it (if anyone)."""

    modality: str
    cue: Token | None = None
    reporter: Token | None = None  # the subject of the verb of speech that reports the event
    committed: bool = False  # intended, and the actor commits to it (offer, promise, threat, "will")
    reporter_verb: Token | None = None  # the verb of speech itself: "said", "claimed", "alleged"


@lru_cache(maxsize=1)
def modality_words() -> dict[str, str]:
    """word → negated | hypothetical | intended | committed | factual | reporting
    (ontology/modality.tsv)."""
    return {row["word"]: row["modality"] for row in read_tsv("modality.tsv")}


def phrasal_lemma(verb: Token) -> str:
    """A verb's lemma with its particle, if it has one: "rule out", "pull out"."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _kind(token: Token, words: dict[str, str]) -> str | None:
    """The modality word ``token`` is: with its particle ("ruled out attacking X"), or itself."""
    phrasal = phrasal_lemma(token)
    if " " in phrasal and phrasal in words:
        return words[phrasal]
    return words.get(token.lower_) or words.get(token.lemma_.lower())


_NO_ONE = frozenset({"nobody", "none", "noone"})


def _no_one_acted_on(verb: Token) -> tuple[str, Token] | None:
    """"no Israelis were hurt", "nobody was arrested": the event's own subject says it did not happen
    (a verb coordinated with it has a subject of its own: "no troops were there and X accused Y")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in _NO_ONE or any(
                d.dep_ == "det" and d.lower_ == "no" for d in child.children)):
            return "negated", child
    return None


def _own_modality(token: Token, words: dict[str, str], under_report: bool,
                  under_warning: bool = False) -> tuple[str, Token] | None:
    """What a verb's own dependents say: a negation, a condition, a modal auxiliary ("would"
    under a verb of speech announces a commitment: "said it would withdraw")."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return "negated", child
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children):
            return "negated", child
        if child.dep_ == "mark" and _kind(child, words) == "hypothetical":
            return "hypothetical", child
        if child.dep_ == "advmod" and _kind(child, words) == "claiming":
            return "reported", child  # "X allegedly opened fire": a charge the article passes on
    if _subjunctive(token):
        return "intended", token
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            if child.lower_ in ("would", "'d") and under_report:
                return "committed", child
            if child.lower_ in ("could", "might", "may") and under_warning:
                return "committed", child  # "warned that it could cut ties with X": a threat
            kind = _kind(child, words)
            if kind in ("hypothetical", "intended", "committed"):
                return kind, child
    return None


def _obligation(governor: Token, clause: Token, came_by: str) -> bool:
    """"has to pay", "needs to withdraw", "said X had to abandon it": what one must do is not yet done,
    unless a narrative past says it was ("the villagers had to flee")."""
    if governor.lemma_ not in ("have", "need") or came_by != "xcomp" or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    if governor.tag_ in ("VBZ", "VBP", "VB") or any(c.dep_ == "aux" and c.lower_ in _MODALS for c in governor.children):
        return True
    reported = governor.dep_ == "ccomp" and modality_words().get(governor.head.lemma_.lower()) == "reporting"
    return reported or any(c.lower_ == "still" for c in governor.children)


def _gerund_complement(clause: Token, governor: Token) -> bool:
    """"ruled out resigning", "denied firing": a gerund right after its governor is what the governor
    is about, even where the parser hangs it on as an adverbial clause ("denied it, accusing X" is not)."""
    between = clause.doc[governor.i + 1:clause.i]
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > governor.i and \
        not any(t.is_punct or t.dep_ in ("dobj", "mark") for t in between)


def word_modality(token: Token) -> str | None:
    """The kind of modality word ``token`` is, with its particle ("ruled out": negated), or None."""
    return _kind(token, modality_words())


def _present(verb: Token) -> bool:
    """A verb in the present tense with no auxiliary of the past or perfect: "withdraws", "meet"."""
    return verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_ == "have") for c in verb.children)


def _subjunctive(token: Token) -> bool:
    """"… that Israel ease the restrictions", "… that he be removed": a that-clause with its verb in
    the base form states what someone wants done, never what was done."""
    if token.dep_ not in ("ccomp", "advcl", "acl") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries:
        return token.tag_ == "VB"
    return all(a.tag_ == "VB" and a.lower_ == "be" for a in auxiliaries)


def _subject(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _purpose_infinitive(token: Token) -> bool:
    """"… to help him oust X", "a delegation to visit X": an infinitive clause that says what
    something is for."""
    return token.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                         for c in token.children)


def _result(kind: str, cue: Token | None, reporter: Token | None, reporter_verb: Token | None = None) -> Modality:
    if kind == "committed":
        return Modality("intended", cue, reporter, committed=True, reporter_verb=reporter_verb)
    return Modality(kind, cue, reporter, reporter_verb=reporter_verb)


def _disputed_after(event: Token, words: dict[str, str]) -> Token | None:
    """"Syrian forces shelled Idlib, a claim Damascus denied": the noun that sums the sentence up
    as a claim someone denies or rejects, after the event."""
    sentence = event.sent
    if event.i != sentence.root.i and not (event.dep_ in ("conj", "ccomp") and event.head.i == sentence.root.i):
        return None  # only what the sentence itself says, or reports ("X said it had shot down Y"), is summed up so
    last = max((t.i for t in sentence if not (t.is_punct or t.is_space)), default=sentence.start)
    for token in sentence[event.i - sentence.start + 1:]:
        if token.lemma_.lower() in word_class("claim noun") and token.doc[token.left_edge.i - 1].text == "," \
                and token.right_edge.i == last \
                and any(c.dep_ in ("relcl", "acl") and (_kind(c, words) == "negated" or c.lemma_.lower() in word_class("disputing"))
                        for c in token.children):
            return token
    return None


def modality_of(event: Token) -> Modality:
    """The modality of the event whose predicate is ``event`` (a verb, or a light verb)."""
    words = modality_words()
    if event.sent.text.rstrip().rstrip('"”’\'').endswith("?"):
        return Modality("hypothetical", event.sent[-1])  # a question asserts nothing
    disputed = _disputed_after(event, words)
    if disputed is not None and _kind(event, words) != "claiming":  # an accusation itself stays a fact
        return Modality("reported", disputed)
    token, reporter, verb, factual, finite_conjunct, came_by = event, None, None, False, False, ""
    child = event
    while True:
        head = token.head
        under_report = head.i != token.i and _kind(head, words) == "reporting"
        under_warning = under_report and token.dep_ == "ccomp" and head.lemma_.lower() in _WARNING_VERBS
        own = None if finite_conjunct else _own_modality(token, words, under_report, under_warning)
        if token is event and own is None:
            own = _no_one_acted_on(token)
        # "did not target X and urged Y": a finite verb coordinated with a base form is a clause of
        # its own, outside the auxiliary's negation or modal
        finite_conjunct = token.dep_ == "conj" and token.tag_ in ("VBD", "VBZ") and head.tag_ == "VB"
        if own:
            return _result(own[0], own[1], reporter, verb)
        if token is not event and token.lemma_ in ("have", "be") and \
                any(c.lower_ == "yet" for c in token.children):
            return _result("negated", token, reporter, verb)  # "had yet to recognise X": not (yet) done
        if token is not event and _obligation(token, child, came_by):
            return _result("intended", token, reporter, verb)  # "X said Libya still had to pay": owed, not done
        if token is not event:
            kind = _kind(token, words)
            # "denied firing first and accused X", "refused to recognise it, accusing X": a word's
            # negation or intent rules its complements, not a verb coordinated with it or a participle beside it
            if kind in ("negated", "hypothetical", "intended", "committed") and \
                    (came_by not in ("conj", "advcl") or _gerund_complement(child, token)):
                return _result(kind, token, reporter, verb)
            if kind == "factual":
                factual = True
            elif kind == "claiming" or (kind == "reporting" and token.pos_ == "NOUN"):
                # "X claims that …", "allegations that …", "amid reports that …": passed on, not vouched for
                return _result("reported", token, reporter or _subject(token), verb or token)
            elif kind == "reporting" and reporter is None:
                reporter, verb = _subject(token), token
            subject = _subject(token) if token.lemma_ == "be" else None
            if subject is not None and _kind(subject, words) in ("intended", "committed"):
                return _result("intended", subject, reporter, verb)  # "the aim is to remove …"
        if token.lower_ in ("against", "without") and came_by == "pcomp":
            # "advised against travelling to X", "voted against sending troops", "signed it without consulting X"
            return _result("negated", token, reporter, verb)
        if token.lower_ == "of" and head.lower_ == "ahead" and came_by == "pobj":
            return _result("intended", head, reporter, verb)  # "ahead of a visit to X": not yet made
        if not factual and _purpose_infinitive(token):
            return _result("intended", token, reporter, verb)
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in token.children):
            if any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in token.children) and _present(token):
                return _result("hypothetical", token, reporter, verb)  # "until Ukraine withdraws": not yet
            return _result("asserted", None, reporter, verb)  # "ordered a withdrawal after X seized Y"
        if token is not event and token.dep_ in ("advcl", "acl", "prep") and token.lower_ in _FACTUAL_PREPOSITIONS \
                and came_by != "pcomp":  # "is due to speak before travelling to X": the same plan goes on
            return _result("asserted", None, reporter, verb)  # "set fire to X following the killing of Y"
        described = [c for c in head.children if c.dep_ == "dobj" and c.i > token.i and c.lemma_.lower() in word_class("claim noun")] \
            if token.dep_ == "ccomp" else []
        if described and token.i < head.i:
            # "X shelled Y, a charge Z denies": the parser made the clause the denial's, which has its own
            # object; what the clause states is a disputed claim — an accusation itself stays a fact
            if _kind(event, words) == "claiming" or _kind(token, words) == "claiming":
                return _result("asserted", None, reporter, verb)
            return _result("reported", described[0], reporter, verb)
        if token.dep_ == "dobj" and came_by == "prep" and child.lower_ in ("of", "for") and \
                head.lemma_.lower() in word_class("accusing"):
            # "accused Turkish aircraft of hitting X": the parser hangs the charge on the accused
            return _result("reported", head, reporter or _subject(head), verb or head)
        if token is not event and token.lemma_ == "be" and came_by == "xcomp" and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return _result("intended", token, reporter, verb)  # "was to hold a session", "is to deliver X": planned
        if head.i == token.i or token.dep_ not in _GOVERNED_BY:
            return _result("asserted", None, reporter, verb)
        if token.dep_ == "conj" and _subject(token) is not None and _subject(head) is not None:
            return _result("asserted", None, reporter, verb)  # "X did not go, but Y held talks": a clause of its own
        came_by, child, token = token.dep_, token, head
