"""ACLED-style CSV: ACLED's column names (in ACLED's order) for the events ACLED's
taxonomy has a category for, one row per event, UTF-8, header row, RFC 4180 quoting.

Which events: only those with an ACLED view (``views.acled_view``: battles, violence
against civilians, explosions/remote violence, protests, riots, strategic
developments). Talks, appeals, accusations and the like have no ACLED category and are
left out; the number returned counts the rows written.

Columns
-------
``event_id_cnty``   ISO alpha-3 of the place's country + the eventwire event id
                    (``SRB42``); the bare id when the country is unknown
``event_date``      ``YYYY-MM-DD`` (the first day of the week or month when the date
                    is less precise than a day); ``year`` its year
``time_precision``  ACLED's 1..3: 1 the day is known, 2 the week, 3 the month or only
                    the year (ACLED has no coarser code)
``event_type`` / ``sub_event_type``  from ``data/acled_views.tsv``
``actor1`` / ``actor2``  the actor's and the recipient's canonical name, else their
                    words in the sentence (not ACLED's actor dictionary names)
``country``         the place's country, as GeoNames names it ("Russia", "Syria")
``admin1``          the first-level region (state, province) the place lies in, by its
                    GeoNames name; empty for a country, or an event stored before
                    schema version 8 whose place is not itself a region
``location``        the place name; ``latitude`` / ``longitude`` WGS 84 degrees
``geo_precision``   ACLED's 1..3: 1 a town or named site (eventwire ``point``), 2 a
                    second-level area (``admin2``), 3 a first-level region, a named
                    region or a whole country
``source``          the publishers of the reporting articles, ``; ``-joined
``notes``           the source sentence of the first mention
``fatalities``      the lowest death toll reported; empty when the text gives none
                    (ACLED writes 0 there; eventwire does not guess)

Empty cells mean unknown (no place, no date). Article text that a spreadsheet would
run as a formula gets an apostrophe in front (as in the CSV export).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, BinaryIO

from eventwire.export.common import (
    in_batches,
    load_articles,
    mention_articles,
    one_line,
    spreadsheet_safe,
    text_stream,
)
from eventwire.export.countries import country
from eventwire.export.views import acled_view
from eventwire.model import DatePrecision, Place, Precision
from eventwire.store import ArticleInfo, Store, StoredEvent

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities",
)  # fmt: skip

GEO_PRECISION: dict[Precision, int] = {
    Precision.POINT: 1,
    Precision.ADMIN2: 2,
    Precision.ADMIN1: 3,
    Precision.REGION: 3,
    Precision.COUNTRY: 3,
}
TIME_PRECISION: dict[DatePrecision, int] = {
    DatePrecision.DAY: 1,
    DatePrecision.WEEK: 2,
    DatePrecision.MONTH: 3,
    DatePrecision.YEAR: 3,
}


def write_acled(events: Iterable[StoredEvent], store: Store, out: BinaryIO, header: bool) -> int:
    """Write the events that have an ACLED category as ACLED-style CSV."""
    count = 0
    with text_stream(out) as text:
        writer = csv.DictWriter(text, fieldnames=ACLED_COLUMNS)
        if header:
            writer.writeheader()
        for batch in in_batches(events):
            articles = load_articles(store, batch)
            for event in batch:
                row = acled_row(event, articles)
                if row is not None:
                    writer.writerow({key: spreadsheet_safe(key, v) for key, v in row.items()})
                    count += 1
    return count


def acled_row(event: StoredEvent, articles: dict[int, ArticleInfo]) -> dict[str, Any] | None:
    """The ACLED-style row of ``event``, or None when ACLED has no category for it."""
    view = acled_view(event.type, event.mode, event.recipient)
    if view is None:
        return None
    place = event.place
    codes = country(place.country_code) if place else None
    actor, recipient = event.actor, event.recipient
    sources = [info.source_name for info in mention_articles(event, articles)]
    first = event.mentions[0] if event.mentions else None
    return {
        "event_id_cnty": f"{codes.alpha3}{event.id}" if codes else str(event.id),
        "event_date": event.date.isoformat() if event.date else None,
        "year": event.date.year if event.date else None,
        "time_precision": TIME_PRECISION.get(event.date_precision)
        if event.date_precision
        else None,
        "event_type": view.event_type,
        "sub_event_type": view.sub_event_type,
        "actor1": (actor.name or actor.text) if actor else None,
        "actor2": (recipient.name or recipient.text) if recipient else None,
        "country": codes.name if codes else None,
        "admin1": _admin1(place),
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": GEO_PRECISION.get(place.precision) if place and place.precision else None,
        "source": "; ".join(dict.fromkeys(s for s in sources if s)) or None,
        "notes": one_line(first.sentence) if first else None,
        "fatalities": event.dead,
    }


def _admin1(place: Place | None) -> str | None:
    """ACLED's ``admin1``: the place's first-level region (stored since schema 8), or
    the place itself when it is one."""
    if place is None:
        return None
    if place.admin1 is not None:
        return place.admin1
    return place.name if place.precision is Precision.ADMIN1 else None
