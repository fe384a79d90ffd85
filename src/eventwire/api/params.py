"""The query parameters shared by several routes, as FastAPI dependencies: the event
filters (``/events``, ``/events/count``, ``/stats``, ``/export``), the page parameters,
and the database of the app serving the request."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from eventwire.errors import StoreError
from eventwire.store.fts import match_terms
from eventwire.store.read.database import Database
from eventwire.store.read.paging import DEFAULT_SORT, Cursor, SortOrder, sort_order
from eventwire.store.read.query import SQLITE_MAX_INT, BBox, EventQuery, Near, QueryError

DEFAULT_RADIUS_KM = 50.0
MAX_PAGE = 1000
# A text query: at most this many characters and distinct words (FTS5's snippets and
# matching cost grows with the number of words; a person's search has a few).
MAX_Q_CHARS = 500
MAX_Q_TERMS = 20
MAX_CODE_CHARS = 100  # a code or name filter (type, mode, country, sector)
MAX_ID = SQLITE_MAX_INT

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BASIC_DATE = re.compile(r"\d{8}")
DATE_HELP = (
    "a calendar date: YYYY-MM-DD (ISO 8601), or YYYYMMDD (its basic form); "
    "a Unix time is not accepted"
)

SortName = Literal["-date", "date", "-confidence", "confidence", "-mentions", "mentions"]


def database(request: Request) -> Database:
    """The database of the app serving ``request`` (set by ``create_app``)."""
    db = getattr(request.app.state, "database", None)
    if not isinstance(db, Database):
        raise StoreError("the app has no database (build it with eventwire.api.create_app)")
    return db


DatabaseDep = Annotated[Database, Depends(database)]


def _code(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value.upper() if value else None


def parse_day(value: str | None, name: str) -> date | None:
    """A date parameter: ``YYYY-MM-DD`` or ``YYYYMMDD``; anything else (a Unix time,
    a month alone, a date and time) raises QueryError saying what is expected."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if _ISO_DATE.fullmatch(text):
        shape = "%Y-%m-%d"
    elif _BASIC_DATE.fullmatch(text):
        shape = "%Y%m%d"
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    else:
        hint = " (it looks like a Unix time)" if text.isdigit() and len(text) >= 9 else ""
        raise QueryError(f"{name} must be {DATE_HELP}; {value[:40]!r} is not{hint}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise QueryError(
            f"{name}: {value[:40]!r} is not a calendar date ({shape.replace('%', '')}: {exc})"
        ) from exc


def text_query(q: str | None) -> str | None:
    """A text query stripped (None when blank); raises QueryError when it has more than
    ``MAX_Q_TERMS`` distinct words."""
    if q is None or not q.strip():
        return None
    terms = match_terms(q)
    if len(terms) > MAX_Q_TERMS:
        raise QueryError(
            f"q has {len(terms)} different words; at most {MAX_Q_TERMS} are searched together"
        )
    return q.strip()


TextQuery = Annotated[
    str | None,
    Query(
        max_length=MAX_Q_CHARS,
        description="words that must all appear in a mention sentence or in an article "
        f"that mentions the event; word* matches a prefix (at most {MAX_Q_TERMS} "
        f"different words, {MAX_Q_CHARS} characters)",
    ),
]


def _split(values: list[str] | None) -> tuple[str, ...]:
    """Repeated parameters, each possibly comma-separated, upper case, each once."""
    found: list[str] = []
    for value in values or []:
        for part in value.split(","):
            code = part.strip().upper()
            if code and code not in found:
                found.append(code)
    return tuple(found)


def event_query(
    type_: Annotated[
        list[str] | None,
        Query(
            alias="type",
            description="PLOVER event type; repeat (or separate by commas) for any of several",
        ),
    ] = None,
    mode: Annotated[
        str | None, Query(max_length=MAX_CODE_CHARS, description="PLOVER mode, e.g. arrest")
    ] = None,
    country: Annotated[
        str | None,
        Query(
            max_length=MAX_CODE_CHARS,
            description="ISO alpha-3 country of the actor OR the recipient",
        ),
    ] = None,
    actor_country: Annotated[
        str | None, Query(max_length=MAX_CODE_CHARS, description="ISO alpha-3 of the actor")
    ] = None,
    recipient_country: Annotated[
        str | None, Query(max_length=MAX_CODE_CHARS, description="ISO alpha-3 of the recipient")
    ] = None,
    actor_sector: Annotated[
        str | None, Query(max_length=MAX_CODE_CHARS, description="PLOVER sector, e.g. MIL")
    ] = None,
    recipient_sector: Annotated[
        str | None, Query(max_length=MAX_CODE_CHARS, description="PLOVER sector")
    ] = None,
    since: Annotated[
        str | None,
        Query(max_length=40, description=f"events on or after this day: {DATE_HELP}"),
    ] = None,
    until: Annotated[
        str | None,
        Query(max_length=40, description=f"events on or before this day: {DATE_HELP}"),
    ] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=200,
            description="minLon,minLat,maxLon,maxLat; minLon > maxLon crosses the antimeridian",
        ),
    ] = None,
    near: Annotated[
        str | None, Query(max_length=100, description="lat,lon: events within radius_km")
    ] = None,
    radius_km: Annotated[
        float | None,
        Query(gt=0, description=f"radius around near, in km (default {DEFAULT_RADIUS_KM:g})"),
    ] = None,
    q: TextQuery = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    include_flagged: Annotated[
        bool, Query(description="also negated, hypothetical and future events")
    ] = False,
    headline: Annotated[
        bool | None,
        Query(
            description="true: only the events an article's headline reports (like "
            "GDELT's IsRootEvent); false: only the others"
        ),
    ] = None,
    source: Annotated[
        str | None, Query(description="only events reported by an article of this source")
    ] = None,
    historical: Annotated[
        Literal["exclude", "include", "only"],
        Query(
            description="events told as a summary of the past (PLOVER's historical "
            "context, undated): left out (default), included, or alone"
        ),
    ] = "exclude",
) -> EventQuery:
    """The event filters of a request; raises QueryError (answered with 422)."""
    if radius_km is not None and near is None:
        raise QueryError("radius_km needs near=lat,lon")
    since_day = parse_day(since, "since")
    until_day = parse_day(until, "until")
    if since_day is not None and until_day is not None and since_day > until_day:
        raise QueryError(f"since ({since_day}) is after until ({until_day})")
    text = text_query(q)
    if type_ is not None and sum(len(value) for value in type_) > 20 * MAX_CODE_CHARS:
        raise QueryError(f"type lists more than {20 * MAX_CODE_CHARS} characters of types")
    return EventQuery(
        types=_split(type_),
        mode=(mode.strip().lower() or None) if mode is not None else None,
        country=_code(country),
        actor_country=_code(actor_country),
        recipient_country=_code(recipient_country),
        actor_sector=_code(actor_sector),
        recipient_sector=_code(recipient_sector),
        since=since_day,
        until=until_day,
        bbox=BBox.parse(bbox) if bbox is not None else None,
        near=(
            Near.parse(near, radius_km if radius_km is not None else DEFAULT_RADIUS_KM)
            if near is not None
            else None
        ),
        text=text,
        min_confidence=min_confidence,
        include_flagged=include_flagged,
        headline=headline,
        source=(source.strip() or None) if source is not None else None,
        historical=historical,
    )


EventQueryDep = Annotated[EventQuery, Depends(event_query)]


@dataclass(frozen=True, slots=True)
class PageParams:
    order: SortOrder
    limit: int
    cursor: Cursor | None


def page_params(
    sort: Annotated[SortName, Query(description="order; '-' for descending")] = "-date",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    cursor: Annotated[
        str | None,
        Query(max_length=1000, description="next_cursor of the previous page (same sort)"),
    ] = None,
) -> PageParams:
    order = sort_order(sort or DEFAULT_SORT)
    return PageParams(order, limit, Cursor.decode(cursor, order) if cursor else None)


PageDep = Annotated[PageParams, Depends(page_params)]
