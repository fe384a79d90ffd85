"""What the two GDELT-style tables share: the tab-separated row format and GDELT's
timestamp and code conventions.

GDELT 2.0 files are tab-separated, one record a line, with no quoting: a value never
holds a tab or a line break. eventwire writes the same way (tabs and line breaks inside
a value become spaces), in UTF-8, with ``\\n`` line ends. GDELT's own files have no
header row; eventwire writes one by default (``header=False`` leaves it out, for tools
that expect GDELT's exact layout). Read them with a tab delimiter and no quote
character (``csv.reader(f, delimiter="\\t", quoting=csv.QUOTE_NONE)``, or pandas
``read_csv(sep="\\t", quoting=3)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TextIO

from eventwire.model import Actor

Cell = str | int | float | None


def write_row(text: TextIO, cells: Sequence[Cell]) -> None:
    """One tab-separated line; None is an empty cell."""
    text.write("\t".join(_cell(c) for c in cells))
    text.write("\n")


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def timestamp(moment: datetime | None) -> str | None:
    """GDELT 2.0's ``YYYYMMDDHHMMSS`` in UTC (naive times are taken as UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%d%H%M%S")


def day(value: date) -> str:
    """GDELT's ``Day``: ``YYYYMMDD``."""
    return value.strftime("%Y%m%d")


def fraction_date(value: date) -> float:
    """GDELT's ``FractionDate``: the year plus the fraction of it elapsed by that day
    (day of the year / 365), to four decimals."""
    return round(value.year + value.timetuple().tm_yday / 365, 4)


def actor_code(actor: Actor | None) -> str | None:
    """A CAMEO-style actor code: country then sector (``SRBCOP``, or ``COP`` when the
    country is unknown); None without an actor or without either code."""
    if actor is None or (actor.country is None and actor.sector is None):
        return None
    return f"{actor.country or ''}{actor.sector or ''}"
