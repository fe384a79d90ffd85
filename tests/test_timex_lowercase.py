"""Weekday names in text a source lower-cased ("on monday"), and words that only look
like month names lower-cased ("may", "march") left alone."""

from __future__ import annotations

from datetime import date

from eventwire.model import DateOrigin
from eventwire.timex import find_timexes
from eventwire.timex.normalize import Anchor

ANCHOR = Anchor(date(2024, 5, 10), DateOrigin.METADATA)  # a Friday


def values(text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_timexes(text, ANCHOR)]


def test_a_lower_case_weekday_is_a_day() -> None:
    assert values("police raided the camp on tuesday.") == [("tuesday", "2024-05-07")]
    assert values("the mob gathered on wednesday night") == [("wednesday night", "2024-05-08TNI")]


def test_capitalised_weekdays_are_unchanged() -> None:
    assert values("Police raided the camp on Tuesday.") == [("Tuesday", "2024-05-07")]


def test_lower_case_month_words_stay_words() -> None:
    assert values("the court may march on") == []
