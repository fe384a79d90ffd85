"""Apache Parquet: one table of events, one row per event, typed columns, for pandas,
polars, DuckDB, R (arrow) and Spark.

Columns (nullable unless noted; null means unknown)
---------------------------------------------------
``id`` int64 (not null), ``date`` date32 (the first day of the week, month or year when
``date_precision`` is coarser than a day), ``date_precision`` string,
``date_from_publication`` bool (no time expression governed the sentence: the date is
the article's), ``type`` / ``mode`` string (PLOVER), ``contexts`` list<string>,
``cameo_root`` string, ``quad_class`` int8, ``acled_event_type`` /
``acled_sub_event_type`` string, for the actor and the recipient: ``actor`` (the words
in the sentence), ``actor_name`` (canonical name), ``actor_code`` (country + sector),
``actor_country`` (ISO alpha-3 or IGO, NGO, ...), ``actor_sector`` (PLOVER sector) and
the same ``recipient_*``; ``place`` string, ``place_country`` string (ISO alpha-2),
``lat`` / ``lon`` float64 (WGS 84), ``geonameid`` int64, ``geo_precision`` string
(point, admin2, admin1, region, country), ``dead`` / ``injured`` / ``arrested`` int32,
``confidence`` float64, ``negated`` / ``hypothetical`` / ``future`` bool, ``headline``
bool (an article's headline reports the event, like GDELT's ``IsRootEvent``),
``num_mentions`` / ``num_articles`` / ``num_sources`` int32, ``article_id`` int64 and
``sentence`` string (the first mention), and ``mentions``: list<struct<article_id
int64, sentence string, start int64, end int64, trigger_start int64, trigger_end
int64, confidence float64>> (every report of the event; offsets index into the
article's text).

Rows are written in row groups of ``ROW_GROUP_SIZE`` events, so memory stays bounded
by one group. The output stream need not be seekable (stdout works).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.export.common import in_batches
from eventwire.export.event_records import event_record
from eventwire.store import Store, StoredEvent

ROW_GROUP_SIZE = 10_000

_MENTION = pa.struct(
    [
        ("article_id", pa.int64()),
        ("sentence", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("trigger_start", pa.int64()),
        ("trigger_end", pa.int64()),
        ("confidence", pa.float64()),
    ]
)

SCHEMA = pa.schema(
    [
        pa.field("id", pa.int64(), nullable=False),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("date_from_publication", pa.bool_()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("contexts", pa.list_(pa.string())),
        ("cameo_root", pa.string()),
        ("quad_class", pa.int8()),
        ("acled_event_type", pa.string()),
        ("acled_sub_event_type", pa.string()),
        ("actor", pa.string()),
        ("actor_name", pa.string()),
        ("actor_code", pa.string()),
        ("actor_country", pa.string()),
        ("actor_sector", pa.string()),
        ("actor_inferred", pa.bool_()),
        ("recipient", pa.string()),
        ("recipient_name", pa.string()),
        ("recipient_code", pa.string()),
        ("recipient_country", pa.string()),
        ("recipient_sector", pa.string()),
        ("recipient_inferred", pa.bool_()),
        ("place", pa.string()),
        ("place_country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("geonameid", pa.int64()),
        ("geo_precision", pa.string()),
        ("dead", pa.int32()),
        ("injured", pa.int32()),
        ("arrested", pa.int32()),
        ("confidence", pa.float64()),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("future", pa.bool_()),
        ("headline", pa.bool_()),
        ("num_mentions", pa.int32()),
        ("num_articles", pa.int32()),
        ("num_sources", pa.int32()),
        ("article_id", pa.int64()),
        ("sentence", pa.string()),
        ("mentions", pa.list_(_MENTION)),
    ],
    metadata={"eventwire": "events: one row per coded event (PLOVER ontology)"},
)


def write_parquet(events: Iterable[StoredEvent], store: Store, out: BinaryIO, header: bool) -> int:
    """Write ``events`` as one Parquet table to ``out``."""
    del store, header  # every column comes from the event; Parquet has its own schema
    count = 0
    writer = pq.ParquetWriter(pa.PythonFile(out, mode="w"), SCHEMA)
    try:
        for batch in in_batches(events, ROW_GROUP_SIZE):
            table = pa.Table.from_pylist([parquet_row(e) for e in batch], schema=SCHEMA)
            writer.write_table(table)
            count += len(batch)
    finally:
        writer.close()
    return count


def parquet_row(event: StoredEvent) -> dict[str, Any]:
    """One event as a row of ``SCHEMA``."""
    record = event_record(event).to_dict()
    row = {name: record.get(name) for name in SCHEMA.names}
    actor, recipient, place = event.actor, event.recipient, event.place
    row.update(
        date=event.date,
        date_from_publication=event.date_from_publication,
        actor_name=actor.name if actor else None,
        recipient_name=recipient.name if recipient else None,
        geonameid=place.geonameid if place else None,
        negated=event.negated,
        hypothetical=event.hypothetical,
        future=event.future,
        headline=event.headline,
        num_mentions=event.num_mentions,
        num_sources=event.num_sources,
        mentions=[
            {
                "article_id": m.article_id,
                "sentence": m.sentence,
                "start": m.start,
                "end": m.end,
                "trigger_start": m.trigger_start,
                "trigger_end": m.trigger_end,
                "confidence": m.confidence,
            }
            for m in event.mentions
        ],
    )
    return row
