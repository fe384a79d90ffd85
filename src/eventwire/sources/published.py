"""The one reader of ``published`` for every entry point: ``eventwire.process`` and
``process_many``, the JSON Lines and CSV readers, HTML pages and ``POST /ingest``.

Accepted: an ISO 8601 date or date and time (``2024-05-09``, ``2024-05-09T10:00:00Z``,
``2024-05-09T10:00+02:00``, ``2024-05-09 10:00``), the basic form ``20240509``,
``2024/05/09``, RFC 2822 as feeds and HTTP write it (``Thu, 09 May 2024 10:00:00 GMT``),
and dates written out in English (``9 May 2024``, ``May 9, 2024``, ``Thursday, 9 May
2024``). A date and time keeps the calendar day as written: no time-zone conversion. A
value it cannot read is refused with one message naming it (``PUBLISHED_FORMS``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from eventwire.errors import InputError

PUBLISHED_FORMS = "YYYY-MM-DD, an ISO 8601 date and time, YYYYMMDD, RFC 2822 or '9 May 2024'"

_SLASHED_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})\b")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?"
# "9 May 2024", "Thursday, 9 May 2024", "May 9, 2024", "Thu, May 9 2024"
_WRITTEN = (
    re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
               + r",?\s+(?P<year>\d{4})\b"),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"),
)  # fmt: skip


def parse_published(value: str) -> date:
    """The calendar date of a publication date or date-time in one of the accepted
    forms; raises ``ValueError`` naming the value otherwise."""
    value = value.strip()
    found = _read(value)
    if found is None:
        raise ValueError(f"published {value!r} is not a date ({PUBLISHED_FORMS})")
    return found


def _read(value: str) -> date | None:
    for iso in (value, value[:10]):
        try:
            return datetime.fromisoformat(iso).date()
        except ValueError:
            pass
    slashed = _SLASHED_DATE.match(value)
    if slashed:
        year, month, day = (int(part) for part in slashed.groups())
        return _date(year, month, day)
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    lowered = value.lower()
    for pattern in _WRITTEN:
        written = pattern.match(lowered)
        if written and written["month"] in _MONTHS:
            return _date(int(written["year"]), _MONTHS[written["month"]], int(written["day"]))
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def published_date(value: date | str | None, origin: str) -> date | None:
    """``published`` as given to an entry point that refuses what it cannot read: a
    date (a date and time gives its calendar day), a string in an accepted form, or
    None (also for a blank string). Raises ``InputError`` naming ``origin``."""
    if value is None or isinstance(value, datetime):
        return None if value is None else value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(origin, f"published {value!r} is not a date ({PUBLISHED_FORMS})")
    if not value.strip():
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise InputError(origin, str(exc), "bad published date") from exc
