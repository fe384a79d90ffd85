"""The literal pre-test of the time-expression rules: it may spare a scan, never a match."""

from __future__ import annotations

import re

import pytest

from eventwire.timex.calendar import _PATTERNS as CALENDAR_PATTERNS
from eventwire.timex.literals import fold_case, may_match
from eventwire.timex.recognize import default_rules

SENTENCES = [
    "Two years ago the rebels took the town; on Monday, Sept. 18, 2023 they left it.",
    "In the first quarter of 2024 and in Q3 2023 the firm lost money.",
    "The 19th-century fort was shelled overnight, at 8 a.m. and again at 14:30.",
    "Every other week, for the past two and a half months, since the nineties.",
    "Christmas 2022 fell on the weekend; the next day the talks resumed.",
    "THE VOTE IS ON TUESDAY 5 MARCH 2024, SAID THE COUNCIL.",
    "Police said nothing happened here at all.",
]


def _all_patterns() -> list[re.Pattern[str]]:
    return [rule.pattern for rule in default_rules()] + list(CALENDAR_PATTERNS)


@pytest.mark.parametrize("text", SENTENCES)
def test_a_pattern_that_matches_is_never_skipped(text: str) -> None:
    folded = fold_case(text)
    for pattern in _all_patterns():
        if pattern.search(text):
            assert may_match(pattern, text, folded), pattern.pattern[:60]


def test_rules_whose_words_are_missing_are_skipped() -> None:
    text = "Police said nothing happened here at all."
    folded = fold_case(text)
    names = {rule.name for rule in default_rules() if not may_match(rule.pattern, text, folded)}
    assert {"century", "ago", "weekend", "month_day", "quarter"} <= names


def test_case_insensitive_literals_fold_as_the_regex_does() -> None:
    # The regex matches "ſ" (long s) and the dotless "ı" to "s" and "i", and the Kelvin
    # sign to "k", which ``str.lower`` does not give.
    pattern = re.compile(r"(?<!\w)(?:six|week)s?(?!\w)", re.IGNORECASE)
    for text in ("ſix days", "sıx days", "two WEE\u212a", "S\u0130X"):
        assert pattern.search(text)
        assert may_match(pattern, text, fold_case(text))


def test_exact_case_literals_are_tested_in_exact_case() -> None:
    pattern = re.compile(r"(?-i:May)\s+\d+", re.IGNORECASE)
    assert not may_match(pattern, "may 5", fold_case("may 5"))
    assert may_match(pattern, "May 5", fold_case("May 5"))


def test_a_pattern_without_a_required_literal_is_always_scanned() -> None:
    pattern = re.compile(r"\d+|[a-z]+", re.IGNORECASE)
    assert may_match(pattern, "", "")
