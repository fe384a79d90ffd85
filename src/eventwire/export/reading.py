"""Reading every event an export asks for, a page at a time."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from eventwire.store import EventFilter, EventPosition, Store, StoredEvent


def iter_all_events(
    store: Store, flt: EventFilter, batch_size: int = 1000
) -> Iterator[StoredEvent]:
    """All events passing ``flt`` (ignoring ``flt.limit``, ``flt.offset`` and
    ``flt.after``), in the store's order (by date, undated last, then id), with their
    mentions.

    Events are read ``batch_size`` at a time, each page starting after the last event
    of the one before (keyset paging), so memory stays bounded by one page and an
    event stored or merged during the export never shifts a page: events stored before
    the export began are all in it, each once.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be 1 or more, not {batch_size}")
    after: EventPosition | None = None
    while True:
        page = store.events(dataclasses.replace(flt, limit=batch_size, offset=0, after=after))
        yield from page
        if len(page) < batch_size:
            return
        after = EventPosition(page[-1].date, page[-1].id)
