"""Reading every event an export asks for, a page at a time."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from eventwire.store import EventFilter, Store, StoredEvent


def iter_all_events(
    store: Store, flt: EventFilter, batch_size: int = 1000
) -> Iterator[StoredEvent]:
    """All events passing ``flt`` (ignoring ``flt.limit`` and ``flt.offset``), in the
    store's order (by date, undated last, then id), with their mentions.

    Events are read ``batch_size`` at a time, so memory stays bounded by one page (plus
    the ids already yielded). Pages are read by offset: an event stored by a concurrent
    ingest may shift a page, so ids already yielded are skipped rather than repeated; an
    event stored during the export may or may not be in it.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be 1 or more, not {batch_size}")
    seen: set[int] = set()
    offset = 0
    while True:
        page = store.events(dataclasses.replace(flt, limit=batch_size, offset=offset))
        for event in page:
            if event.id not in seen:
                seen.add(event.id)
                yield event
        if len(page) < batch_size:
            return
        offset += batch_size
