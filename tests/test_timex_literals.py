"""The literal pre-test of the time-expression rules: it may spare a scan, never a match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.timex.calendar import _PATTERNS as CALENDAR_PATTERNS
from eventwire.timex.literals import first_characters, first_checked, fold_case, may_match
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


# --- the first-character check ------------------------------------------------------------

_PIECES = [
    "Monday", "MAY", "may", "Sept.", "18", "2023", "the", "last", "week", "two", "years",
    "ago", "8", "a.m.", "1,000", "next", "day", "mid-", "1990s", "'90s", "ſix", "ı", "\u212a",
    "tonight", "Q3", "-", ",", " ", "  ", ".", "of", "early", "century", "19th",
]  # fmt: skip


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(m.span(), tuple(sorted(m.groupdict().items()))) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
def test_first_checked_patterns_find_the_same_matches(text: str) -> None:
    for checked in _all_patterns():
        plain = re.compile(checked.pattern.split("])", 1)[1], checked.flags)
        assert _spans(checked, text) == _spans(plain, text), checked.pattern[:60]


def test_every_rule_gets_a_first_character_check() -> None:
    assert all(p.pattern.startswith("(?=[") for p in _all_patterns())


@pytest.mark.parametrize(
    ("regex", "flags", "expected"),
    [
        (r"(?<!\w)(?:ago|week)", re.IGNORECASE, "[aw]"),
        (r"\b(?:the\s+)?(?P<n>\d+)\s+days", 0, r"[\dt]"),
        (r"x?y", 0, "[xy]"),
        (r"[a-c]+z", 0, "[a-c]"),
        (r"[a-c]*z", 0, "[a-cz]"),
        (r"x*", 0, None),  # may match empty: no check
        (r"(?:x|)y", 0, "[xy]"),
        (r"[^x]y", 0, None),  # a negated class is not read
        (r".y", 0, None),
        (r"(?i:x)y", 0, None),  # folded inside, exact outside
    ],
)
def test_first_characters_read_from_the_parse(regex: str, flags: int, expected: str | None) -> None:
    assert first_characters(re.compile(regex, flags)) == expected


def test_a_folded_class_still_takes_the_other_cases() -> None:
    checked = first_checked(re.compile(r"(?<!\w)six\b", re.IGNORECASE))
    for text in ("SIX", "ſix", "Six days"):
        assert checked.search(text)
