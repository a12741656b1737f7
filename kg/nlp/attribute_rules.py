"""Stage 2, within the model — the model's attribute rules applied by table lookup.

English models map each fine-grained tag to its part of speech and morphology, and fix a few
words ("gets" → "get", "there is" → VERB), with an ``attribute_ruler`` whose token patterns run
through spaCy's general ``Matcher``. The patterns of these models are simple — one or two tokens,
each a conjunction of tests (equal, IN, NOT_IN, REGEX) on TAG, LOWER, DEP and IS_SPACE — and the
general matcher spent a tenth of the model's time on them. ``kg_attribute_rules`` takes the
model's own patterns and finds the same matches with NumPy comparisons over the document's
attribute arrays, then sets the same attributes in the same order, so every token ends as the
model's ruler leaves it (``tests/nlp/test_attribute_rules.py`` checks that on real text). A ruler
with patterns of any other kind is left in place.

Examples
--------
>>> from kg.nlp.pipeline import load_model
>>> nlp = load_model()
>>> rules = AttributeRules.from_ruler(nlp.get_pipe("attribute_ruler"))
>>> rules is not None
True
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["AttributeRules", "use_attribute_rules"]

# the token attributes the patterns may test, as Doc.to_array columns
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}


class _Regex:
    """A REGEX test on a string attribute, answered once per distinct value."""

    def __init__(self, pattern: str, strings):
        self.pattern = re.compile(pattern)
        self.strings = strings
        self.known: dict[int, bool] = {}

    def __call__(self, values: numpy.ndarray) -> numpy.ndarray:
        known = self.known
        for value in set(values.tolist()) - known.keys():
            known[value] = self.pattern.search(self.strings[value]) is not None
        return numpy.fromiter((known[v] for v in values.tolist()), dtype=bool, count=len(values))


def _test(key: str, value, strings):
    """A token test on one attribute: a function of that attribute's values → which pass, or None."""
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        (operator, operand), = value.items()
    else:
        operator, operand = "==", value
    if operator == "REGEX":
        return _Regex(operand, strings) if key != "IS_SPACE" else None
    allowed = operand if operator in ("IN", "NOT_IN") else [operand]
    if key == "IS_SPACE":
        codes = numpy.array([int(bool(v)) for v in allowed], dtype="uint64")
    elif all(isinstance(v, str) for v in allowed):
        codes = numpy.array([strings.add(v) for v in allowed], dtype="uint64")
    else:
        return None
    if operator == "NOT_IN":
        return lambda values: ~numpy.isin(values, codes)
    if operator not in ("==", "IN"):
        return None
    return _OneOf(codes)


class _OneOf:
    """An equality or IN test, which also says what values it needs: a pattern whose word is in no
    token of the document is passed over without a comparison."""

    def __init__(self, codes: numpy.ndarray):
        self.codes = codes
        self.needed = frozenset(codes.tolist())

    def __call__(self, values: numpy.ndarray) -> numpy.ndarray:
        return values == self.codes[0] if len(self.codes) == 1 else numpy.isin(values, self.codes)


class AttributeRules:
    """The patterns of an ``AttributeRuler`` compiled to tests on a document's attribute arrays."""

    def __init__(self, vocab, rules: list):
        self.vocab = vocab
        # (attribute set id, its patterns — each (token tests [{column: test}], the words it needs) —, index, attrs)
        self.rules = rules

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler) -> "AttributeRules | None":
        """The ruler's patterns compiled, or None when one of them is not a conjunction of tests
        (equality, IN, NOT_IN, REGEX) on TAG, LOWER, DEP and IS_SPACE."""
        rules = []
        for attr_id, entry in enumerate(ruler.patterns):
            compiled = []
            for pattern in entry["patterns"]:
                tokens = []
                for test in pattern:
                    token = {}
                    for key, value in test.items():
                        check = _test(key, value, ruler.vocab.strings) if key in _COLUMNS else None
                        if check is None:
                            return None
                        token[_COLUMNS[key]] = check
                    tokens.append(token)
                # the words a pattern needs in the document, one set for each token that tests its word
                needs = tuple(check.needed for token in tokens for column, check in token.items()
                              if column == LOWER and isinstance(check, _OneOf))
                compiled.append((tokens, needs))
            rules.append((attr_id, compiled, entry.get("index", 0), ruler.attrs[attr_id]))
        return cls(ruler.vocab, rules) if len(rules) == len(ruler.attrs) else None

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(attribute set id, start, end) of every match, in the order the ruler applies them."""
        n = len(doc)
        if not n:
            return []
        array = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        columns = {TAG: array[:, 0], LOWER: array[:, 1], DEP: array[:, 2], IS_SPACE: array[:, 3]}
        found = set()
        words = set(columns[LOWER].tolist())
        for attr_id, patterns, _, _ in self.rules:
            for pattern, needs in patterns:
                width = len(pattern)
                if width > n or any(need.isdisjoint(words) for need in needs):
                    continue
                hits = numpy.ones(n - width + 1, dtype=bool)
                for offset, token in enumerate(pattern):
                    for column, check in token.items():
                        hits &= check(columns[column][offset:n - width + 1 + offset])
                found.update((attr_id, start, start + width) for start in numpy.flatnonzero(hits).tolist())
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        for attr_id, start, end in self.matches(doc):
            index = rules[attr_id][2]
            set_token_attrs(doc[start + index if index >= 0 else end + index], rules[attr_id][3])
        return doc


@Language.factory("kg_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """Empty rules, to be filled from a model's ruler by :func:`use_attribute_rules`."""
    return AttributeRules(nlp.vocab, [])


def use_attribute_rules(nlp: Language) -> bool:
    """Put the table-lookup rules in place of the model's ``attribute_ruler`` (same name, same
    place in the pipeline); False when the ruler's patterns are of a kind they do not cover."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    compiled = AttributeRules.from_ruler(nlp.get_pipe("attribute_ruler"))
    if compiled is None:
        return False
    rules = nlp.replace_pipe("attribute_ruler", "kg_attribute_rules")
    rules.rules = compiled.rules
    return True
