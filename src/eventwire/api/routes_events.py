"""Routes over events: pages, counts, one event, stats and exports."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from typing import Annotated, Any, BinaryIO

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response, StreamingResponse

from eventwire.api.params import MAX_ID, DatabaseDep, EventQueryDep, PageDep
from eventwire.api.schemas import (
    CountOut,
    ErrorOut,
    EventDetailOut,
    EventPageOut,
    StatsOut,
    event_detail_json,
    event_page_json,
    stats_body,
)
from eventwire.store import Store
from eventwire.store.read.paging import sort_order
from eventwire.store.read.query import QueryError
from eventwire.store.read.stats_query import StatsGroup

log = logging.getLogger(__name__)
_CHUNK_BYTES = 1 << 16

router = APIRouter(tags=["events"])

EXPORT_BATCH = 500
MAX_STATS_ROWS = 100_000
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut}}


@router.get("/events", response_model=EventPageOut)
def list_events(db: DatabaseDep, query: EventQueryDep, page: PageDep) -> dict[str, Any]:
    """A page of events passing every filter given, and the cursor of the next page."""
    with db.reader() as reader:
        result = reader.event_page(query, page.order, page.limit, page.cursor)
    return event_page_json(result)


@router.get("/events/count", response_model=CountOut)
def count_events(db: DatabaseDep, query: EventQueryDep) -> dict[str, Any]:
    """How many events pass the filters."""
    with db.reader() as reader:
        return {"count": reader.count(query)}


@router.get("/events/{event_id}", response_model=EventDetailOut, responses=_NOT_FOUND)
def get_event(
    event_id: Annotated[int, Path(ge=1, le=MAX_ID, description="the event's id")],
    db: DatabaseDep,
) -> dict[str, Any]:
    """One event with every mention that reports it."""
    with db.reader() as reader:
        detail = reader.event_detail(event_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id}")
    return event_detail_json(detail)


@router.get("/stats", response_model=StatsOut)
def stats(
    db: DatabaseDep,
    query: EventQueryDep,
    group: Annotated[
        str,
        Query(
            max_length=200,
            description="comma-separated: day, month, year, type, mode, actor_country, "
            "recipient_country, actor_sector, recipient_sector, dyad (= actor_country, "
            "recipient_country); e.g. day,type",
        ),
    ] = "type",
    limit: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_STATS_ROWS,
            description=f"at most this many rows (all, up to {MAX_STATS_ROWS}, when not given)",
        ),
    ] = None,
) -> Response:
    """Event counts per group, over the events passing the filters. Groups over time
    come in time order (undated last), others largest first; a key is null for events
    without that value."""
    groups = StatsGroup.parse(group)
    with db.reader() as reader:
        result = reader.stats_json(query, groups, limit or MAX_STATS_ROWS)
    # Encoded already (a year of day,type groups is thousands of rows): returned as is,
    # so FastAPI does not check it against StatsOut again (the tests do).
    return Response(stats_body(result), media_type="application/json")


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={200: {"description": "the export file, as an attachment"}},
)
def export(
    db: DatabaseDep,
    query: EventQueryDep,
    format_: Annotated[
        str,
        Query(alias="format", max_length=40, description="plover, csv, parquet, geojson, ..."),
    ] = "csv",
    sort: Annotated[
        str, Query(max_length=40, description="order of the exported events")
    ] = "-date",
) -> StreamingResponse:
    """Every event passing the filters, in one file (see ``eventwire.export``).

    The file is written to an unnamed temporary file, which the system deletes when it
    is closed: when the download ends, fails or is cancelled, or the server stops."""
    try:
        from eventwire.export import EXPORT_FORMATS, write_export
    except ImportError as exc:
        raise HTTPException(
            status_code=503, detail=f"exports are not available in this installation ({exc})"
        ) from exc
    spec = EXPORT_FORMATS.get(format_)
    if spec is None:
        raise QueryError(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {format_!r}")
    order = sort_order(sort)
    suffix = spec.suffix if spec.suffix.startswith(".") else f".{spec.suffix}"
    # closed by _chunks once the response is sent (or here on an error)
    out = tempfile.TemporaryFile(prefix="eventwire-export-", suffix=suffix)  # noqa: SIM115
    try:
        with Store(db.path, read_only=True) as store:
            with db.reader() as reader:
                batches = list(reader.event_ids(query, order, EXPORT_BATCH))
            events = (event for batch in batches for event in store.events_by_id(batch))
            written = write_export(format_, events, store, out)
        size = out.tell()
        out.seek(0)
    except BaseException:
        out.close()
        raise
    log.info("exported %d events as %s", written, format_)
    return StreamingResponse(
        _chunks(out),
        media_type=spec.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="eventwire-events{suffix}"',
            "Content-Length": str(size),
        },
    )


def _chunks(file: BinaryIO) -> Iterator[bytes]:
    """The file's bytes in blocks; the file is closed (and so deleted) at the end."""
    with file:
        while block := file.read(_CHUNK_BYTES):
            yield block
