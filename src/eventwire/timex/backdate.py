"""The occurrence before publication of a name that the text gives without its year or week.

A weekday, a holiday, a day of a month or a month written without a year ("on Saturday
night", "at Christmas", "on 23 December", "in March") is placed by the tense of its
clause (``eventwire.timex.normalize``). When the parse reads the tense wrong, or gives
none, the name can land after the publication day. What happened cannot postdate the
article: for a factual event such a name stands for its most recent occurrence before
publication -- the week before for a weekday, the year before for a holiday, a day of a
month or a month. A name the text ties to the future ("next Friday", "the coming
March") or writes with its year ("March 2018") has no earlier occurrence to give.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.model import DatePrecision, TimeExpression
from eventwire.timex.calendar import MONTHS, WEEKDAYS
from eventwire.timex.words import load_lexicon

_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")
_FORWARD = re.compile(r"\b(?:next|coming|tomorrow|upcoming|following)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")


def _names(text: str, names: dict[str, int] | frozenset[str]) -> bool:
    return any(word in names for word in _WORD.findall(text.lower()))


def _holiday(text: str) -> bool:
    phrase = " ".join(text.lower().replace("\u2019", "'").split())
    return any(name in phrase for name in load_lexicon().holidays)


def _last_year(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # February 29
        return None


def earlier_occurrence(
    timex: TimeExpression, when: tuple[date, DatePrecision], latest: date
) -> tuple[date, DatePrecision] | None:
    """The most recent occurrence on or before ``latest`` of the name ``timex`` writes
    without a year or week, when ``when`` (its resolved date) lies after ``latest``;
    None when the text fixes it there."""
    day, precision = when
    text = timex.text
    if day <= latest or _YEAR.search(text) or _FORWARD.search(text):
        return None
    if precision is DatePrecision.DAY and (_names(text, MONTHS) or _holiday(text)):
        earlier = _last_year(day)
        return (earlier, precision) if earlier is not None and earlier <= latest else None
    if precision is DatePrecision.DAY and _names(text, WEEKDAYS):
        while day > latest:
            day -= timedelta(days=7)
        return day, precision
    if precision is DatePrecision.MONTH and _names(text, MONTHS):
        earlier = _last_year(day)
        return (earlier, precision) if earlier is not None and earlier <= latest else None
    return None
