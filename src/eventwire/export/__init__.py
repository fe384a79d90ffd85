"""Exports analysts load in their own tools: PLOVER JSON Lines, CSV, Parquet, GeoJSON,
GDELT 2.0-style events and mentions tables, and ACLED-style CSV.

::

    with Store("eventwire.db", create=False) as store, open("events.csv", "wb") as out:
        assaults = EventFilter(EventQuery(types=("ASSAULT",)))
        n = write_export("csv", iter_all_events(store, assaults), store, out)

Each format is one module of this package, whose docstring says what every column
holds and what is left empty and why. Every writer streams: it reads the events as it
writes them (Parquet a row group at a time) and looks articles up a batch of events at
a time, so an export of any size runs in bounded memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import BinaryIO

from eventwire.export.acled import write_acled
from eventwire.export.csv_events import write_csv
from eventwire.export.gdelt_events import write_gdelt_events
from eventwire.export.gdelt_mentions import write_gdelt_mentions
from eventwire.export.geojson import write_geojson
from eventwire.export.parquet_events import write_parquet
from eventwire.export.plover import write_plover
from eventwire.export.reading import iter_all_events
from eventwire.store import Store, StoredEvent

Writer = Callable[[Iterable[StoredEvent], Store, BinaryIO, bool], int]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """An export format: its name (``--format``), HTTP media type, file suffix and a
    one-line description."""

    name: str
    media_type: str
    suffix: str
    description: str
    binary: bool = False  # True when the output is not text (refused on a terminal)


_FORMATS: tuple[tuple[ExportFormat, Writer], ...] = (
    (
        ExportFormat(
            "plover", "application/x-ndjson", ".jsonl",
            "PLOVER JSON Lines, one event a line, with every mention",
        ),
        write_plover,
    ),
    (
        ExportFormat(
            "csv", "text/csv", ".csv", "CSV, one event a row (the events command's columns)"
        ),
        write_csv,
    ),
    (
        ExportFormat(
            "parquet", "application/vnd.apache.parquet", ".parquet",
            "Apache Parquet, typed columns, mentions as a list column", binary=True,
        ),
        write_parquet,
    ),
    (
        ExportFormat(
            "geojson", "application/geo+json", ".geojson",
            "GeoJSON FeatureCollection of the events that have coordinates",
        ),
        write_geojson,
    ),
    (
        ExportFormat(
            "gdelt-events", "text/tab-separated-values", ".tsv",
            "GDELT 2.0-style events table (61 tab-separated columns)",
        ),
        write_gdelt_events,
    ),
    (
        ExportFormat(
            "gdelt-mentions", "text/tab-separated-values", ".tsv",
            "GDELT 2.0-style mentions table, one report of an event a row",
        ),
        write_gdelt_mentions,
    ),
    (
        ExportFormat(
            "acled", "text/csv", ".csv",
            "ACLED-style CSV of the events ACLED has a category for",
        ),
        write_acled,
    ),
)  # fmt: skip

EXPORT_FORMATS: Mapping[str, ExportFormat] = MappingProxyType(
    {fmt.name: fmt for fmt, _ in _FORMATS}
)
_WRITERS: Mapping[str, Writer] = MappingProxyType({fmt.name: w for fmt, w in _FORMATS})


def export_format(name: str) -> ExportFormat:
    """The format called ``name``; ValueError naming the known ones otherwise."""
    fmt = EXPORT_FORMATS.get(name)
    if fmt is None:
        known = ", ".join(EXPORT_FORMATS)
        raise ValueError(f"unknown export format {name!r} (known formats: {known})")
    return fmt


def write_export(
    fmt: str,
    events: Iterable[StoredEvent],
    store: Store,
    out: BinaryIO,
    *,
    header: bool = True,
) -> int:
    """Write the events in format ``fmt`` to the binary stream ``out``; return the
    number of rows written (events, or mentions for ``gdelt-mentions``; GeoJSON and
    ACLED leave out the events they cannot represent).

    ``header=False`` leaves out the header row of the CSV and tab-separated formats
    (GDELT's own files have none); other formats ignore it. ``out`` is flushed, not
    closed. An unknown ``fmt`` raises ValueError naming the known formats.
    """
    writer = _WRITERS[export_format(fmt).name]
    count = writer(events, store, out, header)
    out.flush()
    return count


__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "export_format",
    "iter_all_events",
    "write_export",
]
