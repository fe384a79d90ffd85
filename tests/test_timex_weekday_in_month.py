"""A weekday that a month written after it places ("on a Friday in mid-January"):
the weekday of that month, not the one nearest the article's date."""

from __future__ import annotations

from datetime import date

from eventwire.model import DateOrigin
from eventwire.timex import find_timexes
from eventwire.timex.normalize import Anchor, Tense

# Friday 22 March 2013.
FRIDAY = Anchor(date(2013, 3, 22), DateOrigin.METADATA)


def _values(text: str) -> dict[str, str | None]:
    found = find_timexes(text, FRIDAY, tense_of=lambda start, end: Tense.PAST)
    return {t.text: t.value for t in found}


def test_a_weekday_in_the_middle_of_a_named_month_is_that_months() -> None:
    values = _values("On a cold Tuesday evening in mid-January, the guards opened fire.")
    assert values["Tuesday evening"] == "2013-01-15TEV"


def test_a_weekday_in_a_part_of_a_month_with_one_such_day_is_that_day() -> None:
    values = _values("The rebels struck on a Sunday in late February.")
    assert values["Sunday"] == "2013-02-24"


def test_a_weekday_in_a_whole_month_dates_only_the_month() -> None:
    values = _values("One Monday in February, the miners walked out.")
    assert values["Monday"] == "2013-02"


def test_a_weekday_followed_by_a_place_keeps_its_nearest_day() -> None:
    values = _values("The man was shot on Wednesday in Chicago.")
    assert values["Wednesday"] == "2013-03-20"
