"""Calendar primitives shared by the stages that read dates.

This module knows month and weekday names and finds fully specified calendar dates
("Monday, Sept. 18, 2023", "29 June 2024", "9. March 2018", "2024-06-29", "09.03.2018",
"10/15/16") in text. Written with dots, a numeric date is day first (the European
"09.03.2018" is 9 March); with slashes, month first (the American "10/15/16"), unless
the first number cannot be a month. Resolving relative
expressions ("on Tuesday", "last week") against an anchor is the dates stage's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventwire.timex.literals import first_checked, fold_case, may_match

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A day written before its month may take a dot ("9. March 2018", an ordinal).
_DAY_FIRST = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)"

# Each opened with a check of its first character (``first_checked``).
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    first_checked(p)
    for p in (
        # Monday, Sept. 18, 2023 / June 29, 2024
        re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
        # Monday 18 September 2023 / 29 June, 2024 / 9. March 2018
        re.compile(rf"\b{_WEEKDAY}{_DAY_FIRST}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
        # 2024-06-29
        re.compile(r"\b(?P<year>(?:1[89]|2[01])\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
        # 09.03.2018 (day first)
        re.compile(
            r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:1[89]|2[01])\d\d)(?![\d.]\d)"
        ),
        # 10/15/16, 10/15/2016 (month first, unless the first number is over 12)
        re.compile(
            r"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:1[89]|2[01])?\d\d)(?![\d/])"
        ),
    )
)


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A fully specified date found in text."""

    text: str
    start: int
    end: int
    date: date
    weekday_agrees: bool | None  # None when no weekday was written next to the date


def find_calendar_dates(text: str) -> list[CalendarDate]:
    """Every fully specified calendar date in ``text``, in text order.

    Impossible dates (February 30) are skipped. When a weekday is written with the date
    and does not agree with it, ``weekday_agrees`` is False so callers can distrust it.
    """
    found: dict[int, CalendarDate] = {}
    folded = fold_case(text)
    for pattern in _PATTERNS:
        if not may_match(pattern, text, folded):
            continue  # a word every match holds (a month name) is not in the text
        for match in pattern.finditer(text):
            if match.start() in found:
                continue
            groups = match.groupdict()
            if groups.get("first"):  # month first, unless it cannot be a month
                first, second = int(groups["first"]), int(groups["second"])
                month, day = (first, second) if first <= 12 else (second, first)
            else:
                day = int(groups["day"])
                month = (
                    int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
                )
            year = int(groups["year"])
            if year < 100:  # "10/15/16"
                year += 2000 if year < 70 else 1900
            try:
                value = date(year, month, day)
            except ValueError:
                continue
            weekday = groups.get("weekday")
            agrees = None if not weekday else WEEKDAYS[weekday.lower()] == value.weekday()
            found[match.start()] = CalendarDate(
                match.group(0), match.start(), match.end(), value, agrees
            )
    return [found[k] for k in sorted(found)]
