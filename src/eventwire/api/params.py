"""The query parameters shared by several routes, as FastAPI dependencies: the event
filters (``/events``, ``/events/count``, ``/stats``, ``/export``), the page parameters,
and the database of the app serving the request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from eventwire.api.database import Database
from eventwire.api.paging import DEFAULT_SORT, Cursor, SortOrder, sort_order
from eventwire.api.query import BBox, EventQuery, Near, QueryError
from eventwire.errors import StoreError

DEFAULT_RADIUS_KM = 50.0
MAX_PAGE = 1000

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
    mode: Annotated[str | None, Query(description="PLOVER mode, e.g. arrest")] = None,
    country: Annotated[
        str | None, Query(description="ISO alpha-3 country of the actor OR the recipient")
    ] = None,
    actor_country: Annotated[str | None, Query(description="ISO alpha-3 of the actor")] = None,
    recipient_country: Annotated[
        str | None, Query(description="ISO alpha-3 of the recipient")
    ] = None,
    actor_sector: Annotated[str | None, Query(description="PLOVER sector, e.g. MIL")] = None,
    recipient_sector: Annotated[str | None, Query(description="PLOVER sector")] = None,
    since: Annotated[date | None, Query(description="events on or after (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="events on or before (YYYY-MM-DD)")] = None,
    bbox: Annotated[
        str | None,
        Query(description="minLon,minLat,maxLon,maxLat; minLon > maxLon crosses the antimeridian"),
    ] = None,
    near: Annotated[str | None, Query(description="lat,lon: events within radius_km")] = None,
    radius_km: Annotated[
        float | None,
        Query(gt=0, description=f"radius around near, in km (default {DEFAULT_RADIUS_KM:g})"),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description="words that must all appear in a mention sentence or in an article "
            "that mentions the event; word* matches a prefix"
        ),
    ] = None,
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
) -> EventQuery:
    """The event filters of a request; raises QueryError (answered with 422)."""
    if radius_km is not None and near is None:
        raise QueryError("radius_km needs near=lat,lon")
    if since is not None and until is not None and since > until:
        raise QueryError(f"since ({since}) is after until ({until})")
    text = q.strip() if q is not None else None
    return EventQuery(
        types=_split(type_),
        mode=(mode.strip().lower() or None) if mode is not None else None,
        country=_code(country),
        actor_country=_code(actor_country),
        recipient_country=_code(recipient_country),
        actor_sector=_code(actor_sector),
        recipient_sector=_code(recipient_sector),
        since=since,
        until=until,
        bbox=BBox.parse(bbox) if bbox is not None else None,
        near=(
            Near.parse(near, radius_km if radius_km is not None else DEFAULT_RADIUS_KM)
            if near is not None
            else None
        ),
        text=text or None,
        min_confidence=min_confidence,
        include_flagged=include_flagged,
        headline=headline,
        source=(source.strip() or None) if source is not None else None,
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
        str | None, Query(description="next_cursor of the previous page (same sort)")
    ] = None,
) -> PageParams:
    order = sort_order(sort or DEFAULT_SORT)
    return PageParams(order, limit, Cursor.decode(cursor, order) if cursor else None)


PageDep = Annotated[PageParams, Depends(page_params)]
