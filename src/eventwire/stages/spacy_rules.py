"""spaCy's two rule components, the attribute ruler and the rule lemmatizer, computed
from token arrays: the same annotations at a fraction of the cost.

spaCy's ``attribute_ruler`` runs its ~180 token patterns (the tag map: tag -> POS and
morphology, and the exceptions for "'s", "gonna", pronouns ...) through its ``Matcher``
over every token, and then sets each match's attributes on a ``Token`` object: about a
sixth of the parse. Its patterns read only TAG, LOWER, DEP and IS_SPACE, so what they
assign to a token depends only on those values (and on a neighbour's, for the few
patterns of two tokens): ``AttributeRules`` evaluates each pattern once per distinct
set of values and writes the result with ``Doc.from_array``, rules applied in the
ruler's order (a later rule wins, as in ``AttributeRuler.set_annotations``).

The rule lemmatizer is a function of a token's text, POS and morphology (its own cache
key): ``Lemmas`` asks it once per distinct key and writes every lemma with
``Doc.from_array``. Both are checked token by token against spaCy's own components
(``tests/test_spacy_rules.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

# What the rules write, in this order (the columns of ``Doc.from_array``).
_WRITTEN = (POS, MORPH, LEMMA, TAG, DEP)
_READ = (TAG, LOWER, DEP, IS_SPACE)  # what the patterns read
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

Features = tuple[int, int, int, int]  # a token's TAG, LOWER, DEP, IS_SPACE
Test = Callable[[Features], bool]


class UnsupportedPattern(ValueError):
    """A pattern the array form does not evaluate (the spaCy component is kept)."""


def _value_test(field: int, spec: Any, strings: Any) -> Test:
    """The test one pattern attribute makes, as the ``Matcher`` makes it: equality,
    IN / NOT_IN (a missing value is the empty string, id 0), or a REGEX searched in the
    string (LOWER only)."""
    if field == _FIELDS["IS_SPACE"]:
        if not isinstance(spec, bool):
            raise UnsupportedPattern(f"IS_SPACE {spec!r}")
        wanted = int(spec)
        return lambda f: f[3] == wanted
    if isinstance(spec, str):
        key = strings.add(spec) if spec else 0
        return lambda f: f[field] == key
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, value),) = spec.items()
        if op in ("IN", "NOT_IN"):
            keys = frozenset(strings.add(v) if v else 0 for v in value)
            if op == "IN":
                return lambda f: f[field] in keys
            return lambda f: f[field] not in keys
        if op == "REGEX" and field == _FIELDS["LOWER"]:
            regex = re.compile(value)
            return lambda f: bool(regex.search(strings[f[field]]))
    raise UnsupportedPattern(f"{spec!r}")


def _token_test(spec: dict[str, Any], strings: Any) -> Test:
    tests = []
    for name, value in spec.items():
        if name not in _FIELDS:
            raise UnsupportedPattern(name)
        tests.append(_value_test(_FIELDS[name], value, strings))
    return lambda f: all(test(f) for test in tests)


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int  # the ruler's order: a later rule's attributes win
    patterns: tuple[tuple[Test, ...], ...]  # each a sequence of token tests
    index: int  # the token of a match that takes the attributes
    values: tuple[tuple[int, int], ...]  # (column of _WRITTEN, value) pairs


def _values(attrs: dict[int, Any]) -> tuple[tuple[int, int], ...]:
    out = []
    for attr, value in attrs.items():
        if attr not in _WRITTEN or not isinstance(value, int):
            raise UnsupportedPattern(f"attribute {attr!r}")
        out.append((_WRITTEN.index(attr), value))
    return tuple(out)


Values = tuple[tuple[int, int], ...]  # (column of _WRITTEN, value) pairs
Applied = tuple[tuple[int, Values], ...]  # (order, values) of each rule that matched
Answer = tuple[Applied, Values, tuple[int, ...]]


class AttributeRules:
    """The array form of a spaCy ``AttributeRuler`` (see the module's docstring)."""

    def __init__(self, ruler: Any) -> None:
        strings = ruler.vocab.strings
        rules = []
        for order, entry in enumerate(ruler.patterns):
            tests = tuple(tuple(_token_test(t, strings) for t in p) for p in entry["patterns"])
            if any(not p for p in tests):
                raise UnsupportedPattern("an empty pattern")
            rules.append(_Rule(order, tests, entry["index"], _values(ruler.attrs[order])))
        # Rules of one token are answered once per distinct token (cached); the longer
        # ones are tried where their first token matches.
        self._single = [r for r in rules if all(len(p) == 1 for p in r.patterns)]
        self._longer = [
            (rule, pattern) for rule in rules for pattern in rule.patterns if len(pattern) > 1
        ]
        self._cache: dict[Features, Answer] = {}

    def _answers(self, features: Features) -> Answer:
        """The single-token rules that match a token with these values, what they write
        (in order, merged), and which longer patterns start at such a token."""
        found = self._cache.get(features)
        if found is None:
            applied = tuple(
                (rule.order, rule.values)
                for rule in self._single
                if any(p[0](features) for p in rule.patterns)
            )
            starts = tuple(k for k, (_, p) in enumerate(self._longer) if p[0](features))
            found = (applied, _merged(applied), starts)
            self._cache[features] = found
        return found

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if not n:
            return doc
        rows = [tuple(row) for row in doc.to_array(list(_READ)).tolist()]
        answers = [self._answers(features) for features in rows]
        extra: dict[int, list[tuple[int, Values]]] = {}
        for start, (_, _, starts) in enumerate(answers):
            for k in starts:
                rule, pattern = self._longer[k]
                size = len(pattern)
                if start + size > n:
                    continue
                if all(pattern[j](rows[start + j]) for j in range(1, size)):
                    target = start + (rule.index if rule.index >= 0 else size + rule.index)
                    extra.setdefault(target, []).append((rule.order, rule.values))
        out = doc.to_array(list(_WRITTEN)).tolist()
        for i, (applied, merged, _) in enumerate(answers):
            if i in extra:
                merged = _merged(sorted([*applied, *extra[i]], key=lambda item: item[0]))
            row = out[i]
            for column, value in merged:
                row[column] = value
        doc.from_array(list(_WRITTEN), np.asarray(out, dtype=np.uint64))
        return doc


def _merged(applied: Sequence[tuple[int, Values]]) -> Values:
    """What rules applied in this order leave written (a later rule wins)."""
    final: dict[int, int] = {}
    for _order, values in applied:
        for column, value in values:
            final[column] = value
    return tuple(final.items())


class Lemmas:
    """The array form of a spaCy rule ``Lemmatizer`` that does not overwrite lemmas
    already set (see the module's docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise UnsupportedPattern(f"lemmatizer mode {lemmatizer.mode!r}")
        self._lemmatizer = lemmatizer
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = doc.vocab.strings
        lemmas = array[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = self._cache.get(key)
            if found is None:
                found = strings.add(self._lemmatizer.lemmatize(doc[i])[0])
                self._cache[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def use_array_rules(nlp: Any) -> bool:
    """Put ``AttributeRules`` and ``Lemmas`` in place of ``nlp``'s attribute ruler and
    lemmatizer (kept, disabled); False, and ``nlp`` unchanged, when either component
    is missing or holds a pattern the array form does not read."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return False
    try:
        rules = AttributeRules(nlp.get_pipe("attribute_ruler"))
        lemmas = Lemmas(nlp.get_pipe("lemmatizer"))
    except UnsupportedPattern:
        return False
    if not Language.has_factory("eventwire_array_rule"):
        Language.factory("eventwire_array_rule", default_config={"of": ""})(_array_rule)
    _BUILT["attribute_ruler"], _BUILT["lemmatizer"] = rules, lemmas
    for name in ("attribute_ruler", "lemmatizer"):
        nlp.add_pipe("eventwire_array_rule", name=f"{name}_arrays", after=name,
                     config={"of": name})  # fmt: skip
        nlp.disable_pipe(name)
    return True


_BUILT: dict[str, Callable[[Any], Any]] = {}


def _array_rule(nlp: Any, name: str, of: str) -> Callable[[Any], Any]:
    return _BUILT[of]
