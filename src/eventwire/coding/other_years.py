"""A sentence that names another year than the incident's tells another incident.

An article about a shooting recalls others: "the shooting happened two blocks from
a March 2014 shooting that left a teenager dead", "in May of 2015, deputies shot and
killed a man". Their toll is not the incident's. A sentence whose date names a year (four
digits) other than the year of the incident is left out of the incident's toll; a date
with no year ("on Monday", "Dec. 7") says nothing about it.
"""

from __future__ import annotations

from typing import Any

_FIRST_YEAR = 1900
_LAST_YEAR = 2100


def named_years(span: Any) -> set[int]:
    """The years (four digits) named in the DATE entities of ``span``."""
    years: set[int] = set()
    for token in span:
        if token.ent_type_ != "DATE" or not token.is_digit or len(token.text) != 4:
            continue
        value = int(token.text)
        if _FIRST_YEAR <= value <= _LAST_YEAR:
            years.add(value)
    return years


def other_year(span: Any, year: int) -> bool:
    """Whether ``span`` dates what it tells to a year other than ``year`` only."""
    years = named_years(span)
    return bool(years) and year not in years
