"""Calendar arithmetic for time expressions: the anchor, tense, and TIMEX3 values.

Relative expressions ("Tuesday", "last week", "early December") are resolved against an
``Anchor``: the article's publication day. How a name without a year or week is placed
depends on the tense of the clause it sits in:

- past tense: the most recent such day/month on or before the anchor;
- future tense: the first one on or after the anchor;
- otherwise (present tense, headlines, no verb): the nearest one.

When the anchor is a caption date (``DateOrigin.CAPTION``), the day the article's web
address files it under (``DateOrigin.URL``: a story keeps its first day's address
through its updates) or the newest full date the text names (``DateOrigin.TEXT``, a
guess), it is only a lower bound on publication: a photo is taken on or before the day
its article appears, an article is not written before the newest day it names, and
each is usually within a day or two of the events reported. A bare weekday then resolves to the
occurrence nearest the caption date whatever the tense (up to three days after it, else
in the days before it): a Monday caption makes "on Tuesday" the next day, a Tuesday
caption makes "on Monday" the day before. Future tense still looks forward. Other
relative expressions treat the bound as the publication day (wire photos are almost
always published on the day they are taken or the day after).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.model import Article, DateOrigin, DatePrecision, TimeExpression, TimexType


class Tense(enum.StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


# Finds the tense of the clause governing the characters start..end (None: unknown).
TenseLookup = Callable[[int, int], Tense | None]


def no_tense(start: int, end: int) -> Tense | None:
    """The tense lookup used when no parse is available."""
    return None


@dataclass(frozen=True, slots=True)
class Anchor:
    """The day relative expressions are resolved against."""

    day: date
    origin: DateOrigin

    @property
    def is_lower_bound(self) -> bool:
        """True when the day is a caption date, the day of the web address or a date
        guessed from the text: publication is on or after it."""
        return self.origin in (DateOrigin.CAPTION, DateOrigin.URL, DateOrigin.TEXT)


def anchor_of(article: Article | None) -> Anchor | None:
    """The anchor of an article: its publication date, or None when it has none."""
    if article is None or article.published is None:
        return None
    return Anchor(article.published, article.published_origin or DateOrigin.METADATA)


class Direction(enum.Enum):
    BACKWARD = "on or before the anchor"
    FORWARD = "on or after the anchor"
    NEAREST = "nearest to the anchor"


def direction_for(tense: Tense | None) -> Direction:
    if tense is Tense.PAST:
        return Direction.BACKWARD
    if tense is Tense.FUTURE:
        return Direction.FORWARD
    return Direction.NEAREST


def pick(candidates: list[int], target: int, direction: Direction) -> int:
    """The candidate (a point on some ordinal scale: day ordinal, month index) that lies
    in ``direction`` from ``target``; ties of the nearest rule go to the past."""
    ordered = sorted(candidates)
    if direction is Direction.BACKWARD:
        before = [c for c in ordered if c <= target]
        return before[-1] if before else ordered[0]
    if direction is Direction.FORWARD:
        after = [c for c in ordered if c >= target]
        return after[0] if after else ordered[-1]
    return min(ordered, key=lambda c: (abs(c - target), c > target))


# --- days and weekdays -------------------------------------------------------------


def day_value(day: date) -> str:
    return day.isoformat()


def resolve_weekday(
    anchor: Anchor, weekday: int, tense: Tense | None, relation: str | None = None
) -> date:
    """The date of a weekday name (Monday = 0) seen from the anchor.

    ``relation`` is the word before the name: "last" (strictly before the anchor),
    "next" (strictly after), or "this"/None (decided by tense; see the module doc).
    """
    offset = (weekday - anchor.day.weekday()) % 7  # 0..6 days forward
    if relation == "last":
        return anchor.day - timedelta(days=(7 - offset) if offset else 7)
    if relation == "next":
        return anchor.day + timedelta(days=offset or 7)
    forward = anchor.day + timedelta(days=offset)
    backward = forward - timedelta(days=7) if offset else forward
    direction = direction_for(tense)
    if anchor.is_lower_bound:
        return forward if direction is Direction.FORWARD or offset <= 3 else backward
    if direction is Direction.FORWARD:
        return forward
    if direction is Direction.BACKWARD:
        return backward
    return forward if offset <= 3 and offset != 0 else backward


def resolve_month_day(
    anchor: Anchor, month: int, day: int, tense: Tense | None, relation: str | None = None
) -> date | None:
    """The year of a date written without one ("Sept. 18"); None for impossible dates."""
    candidates: list[int] = []
    for year in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1):
        try:
            candidates.append(date(year, month, day).toordinal())
        except ValueError:
            continue
    if not candidates:
        return None
    target = anchor.day.toordinal()
    if relation == "last":
        earlier = [c for c in candidates if c < target]
        return date.fromordinal(max(earlier)) if earlier else None
    if relation == "next":
        later = [c for c in candidates if c > target]
        return date.fromordinal(min(later)) if later else None
    if relation == "this":
        same = [c for c in candidates if date.fromordinal(c).year == anchor.day.year]
        return date.fromordinal(same[0]) if same else None
    return date.fromordinal(pick(candidates, target, direction_for(tense)))


def time_value(day: date, time_part: str) -> str:
    """A TIME value: "2013-03-18TMO", "2013-03-18T08:00"."""
    return f"{day.isoformat()}T{time_part}"


# --- weeks, months, quarters, seasons, years -----------------------------------------


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekend_value(day: date) -> str:
    return f"{week_value(day)}-WE"


def month_index(year: int, month: int) -> int:
    """Months counted from year 0, so month arithmetic is integer arithmetic."""
    return year * 12 + month - 1


def month_value_from_index(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def resolve_month(
    anchor: Anchor, month: int, tense: Tense | None, relation: str | None = None
) -> str:
    """The "YYYY-MM" value of a month name without a year."""
    here = month_index(anchor.day.year, anchor.day.month)
    candidates = [month_index(anchor.day.year + d, month) for d in (-1, 0, 1)]
    if relation == "last":
        chosen = max(c for c in candidates if c < here)
    elif relation == "next":
        chosen = min(c for c in candidates if c > here)
    elif relation == "this":
        chosen = month_index(anchor.day.year, month)
    else:
        chosen = pick(candidates, here, direction_for(tense))
    return month_value_from_index(chosen)


def resolve_quarter(
    anchor: Anchor, quarter: int, tense: Tense | None, relation: str | None = None
) -> str:
    """The "YYYY-Qn" value of a quarter without a year."""
    here = anchor.day.year * 4 + (anchor.day.month - 1) // 3
    candidates = [(anchor.day.year + d) * 4 + quarter - 1 for d in (-1, 0, 1)]
    if relation == "last":
        chosen = max(c for c in candidates if c < here)
    elif relation == "next":
        chosen = min(c for c in candidates if c > here)
    elif relation == "this":
        chosen = anchor.day.year * 4 + quarter - 1
    else:
        chosen = pick(candidates, here, direction_for(tense))
    return f"{chosen // 4}-Q{chosen % 4 + 1}"


def current_quarter_offset(anchor: Anchor, offset: int) -> str:
    """The quarter ``offset`` quarters from the anchor's ("last quarter" = -1)."""
    index = anchor.day.year * 4 + (anchor.day.month - 1) // 3 + offset
    return f"{index // 4}-Q{index % 4 + 1}"


# The first month of each TIMEX3 season (winter starts in December of its year).
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def resolve_season(
    anchor: Anchor, season: str, tense: Tense | None, relation: str | None = None
) -> str:
    """The "YYYY-SU" value of a season without a year ("last summer")."""
    here = month_index(anchor.day.year, anchor.day.month)
    start_month = SEASON_START_MONTH[season]
    starts = {
        year: month_index(year, start_month)
        for year in (anchor.day.year - 2, anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)
    }
    if relation == "last":  # the latest one that is over
        year = max(y for y, s in starts.items() if s + 2 < here)
    elif relation == "next":  # the first one not yet begun
        year = min(y for y, s in starts.items() if s > here)
    elif relation == "this":
        containing = [y for y, s in starts.items() if s <= here <= s + 2]
        year = containing[0] if containing else anchor.day.year
    else:
        direction = direction_for(tense)
        if direction is Direction.BACKWARD:
            year = max(y for y, s in starts.items() if s <= here)
        elif direction is Direction.FORWARD:
            year = min(y for y, s in starts.items() if s + 2 >= here)
        else:
            year = min(starts, key=lambda y: (abs(starts[y] + 1 - here), starts[y] > here))
    return f"{year}-{season}"


def shift_period(anchor: Anchor, unit: str, offset: int) -> str:
    """The value of the week/weekend/month/year/decade/century ``offset`` units from the
    anchor's ("last week" = week, -1)."""
    day = anchor.day
    if unit == "week":
        return week_value(day + timedelta(weeks=offset))
    if unit == "weekend":
        return weekend_value(day + timedelta(weeks=offset))
    if unit == "month":
        return month_value_from_index(month_index(day.year, day.month) + offset)
    if unit == "year":
        return f"{day.year + offset:04d}"
    if unit == "decade":
        return f"{day.year // 10 + offset:03d}"
    if unit == "century":
        return f"{day.year // 100 + offset:02d}"
    raise ValueError(f"no calendar period called {unit!r}")


def weekend_for_tense(anchor: Anchor, tense: Tense | None) -> str:
    """The value of "the weekend": the one just past in a past-tense clause, else the
    coming one."""
    on_weekend = anchor.day.weekday() >= 5
    if tense is Tense.PAST and not on_weekend:
        return weekend_value(anchor.day - timedelta(weeks=1))
    return weekend_value(anchor.day)


def ago_value(anchor: Anchor, amount: int, designator: str, time_part: bool) -> str:
    """The point ``amount`` units before the anchor, at the unit's granularity
    ("three years ago" -> "2010", "two weeks ago" -> "2013-W10")."""
    day = anchor.day
    if time_part:
        return day_value(day)
    if designator == "Y":
        return f"{day.year - amount:04d}"
    if designator == "M":
        return month_value_from_index(month_index(day.year, day.month) - amount)
    if designator == "W":
        return week_value(day - timedelta(weeks=amount))
    return day_value(day - timedelta(days=amount))


# --- from a value back to a calendar date --------------------------------------------


def calendar_date(timex: TimeExpression) -> tuple[date, DatePrecision] | None:
    """The calendar date a DATE or TIME expression points at, when it has one.

    Beyond ``TimeExpression.as_date``: a TIME gives its day; a weekend gives its
    Saturday at week precision; a season, quarter or half-year gives its year at year
    precision. Decades, centuries and PRESENT_REF/PAST_REF/FUTURE_REF give None.
    """
    value = timex.value
    if value is None or timex.type not in (TimexType.DATE, TimexType.TIME):
        return None
    if timex.type is TimexType.TIME or "T" in value:
        head = value.split("T", 1)[0]
        if len(head) != 10:
            return None
        try:
            return date.fromisoformat(head), DatePrecision.DAY
        except ValueError:
            return None
    as_date = TimeExpression(timex.text, timex.start, timex.end, TimexType.DATE, value).as_date()
    if as_date is not None:
        return as_date
    try:
        if len(value) == 11 and value.endswith("-WE") and value[4:6] == "-W":
            weekend = date.fromisocalendar(int(value[:4]), int(value[6:8]), 6)
            return weekend, DatePrecision.WEEK
        if len(value) == 7 and value[:4].isdigit() and value[5] in "SFWQH":
            return date(int(value[:4]), 1, 1), DatePrecision.YEAR
    except ValueError:
        return None
    return None


def is_historical(timex: TimeExpression) -> bool:
    """True for a DATE naming a decade or century ("the 1990s" = "199")."""
    value = timex.value
    return (
        timex.type is TimexType.DATE
        and value is not None
        and value.isdigit()
        and len(value) in (2, 3)
    )
