"""Partitioned Parquet output, for runs too large for one SQLite file.

``ParquetSink`` takes processed ``Document``s, like ``Store.add_document``, and writes
three tables under one directory, each a Hive-partitioned Parquet dataset::

    DIR/articles/year_month=2024-06/part-20240701T120000-1a2b3c4d-00000.parquet
    DIR/events/year_month=2024-06/...
    DIR/mentions/year_month=2024-06/...

Columns are those of the SQLite tables (``store.rows``: the same names and values),
with Parquet types instead of SQLite's text encodings: dates are ``date32``, booleans
``bool``, lists ``list<string>``, ``ingested_at`` a UTC timestamp. There is no database
to hand out integer ids, so ids are derived from the content: an article's ``id`` is
its ``content_hash``, the *i*-th event of an article (and its first mention) is
``content_hash:i``, the article's other tellings of it are the mentions
``content_hash:i.1``, ``content_hash:i.2``...; ``mentions.event_id`` and
``mentions.article_id`` hold those strings. Articles are partitioned by publication
month, events and mentions by the event's month; an unknown date goes to Hive's null partition
(``year_month=__HIVE_DEFAULT_PARTITION__``), which readers show as null.

Rows are buffered and written every ``articles_per_flush`` articles (and at
``close``), one new file per table and partition per flush, under a name no other run
uses: several runs may append to one directory. A file is written under a hidden name
and renamed when complete, so readers never see half a file. Output is append-only;
at open the sink reads the ``content_hash`` of every stored article and skips
articles already there, so re-ingesting adds nothing. Two runs writing the same
directory at the same time do not see each other's articles: deduplicate by
``content_hash`` when reading such a directory.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from eventwire.errors import StoreError
from eventwire.model import Document, Event
from eventwire.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    SqlValue,
    article_values,
    event_values,
    mention_values,
)

log = logging.getLogger(__name__)

TABLES = ("articles", "events", "mentions")

# partition name -> (Hive key, the key's value for a date)
PARTITIONS: dict[str, tuple[str, Callable[[date], str]]] = {
    "month": ("year_month", lambda day: f"{day.year:04d}-{day.month:02d}"),
    "year": ("year", lambda day: f"{day.year:04d}"),
}
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"

_STRING_LIST = pa.list_(pa.string())

# The Parquet type of every column of the SQLite tables (``store.rows``) and of the
# content-derived ids. A column added to the store needs its type here.
COLUMN_TYPES: dict[str, pa.DataType] = {
    "id": pa.string(),
    "content_hash": pa.string(),
    "origin": pa.string(),
    "title": pa.string(),
    "body": pa.string(),
    "text": pa.string(),
    "captions": _STRING_LIST,
    "credits": _STRING_LIST,
    "source": pa.string(),
    "url": pa.string(),
    "author": pa.string(),
    "published": pa.date32(),
    "published_origin": pa.string(),
    "ingested_at": pa.timestamp("s", tz="UTC"),
    "type": pa.string(),
    "mode": pa.string(),
    "contexts": _STRING_LIST,
    "actor_text": pa.string(),
    "actor_name": pa.string(),
    "actor_country": pa.string(),
    "actor_sector": pa.string(),
    "recipient_text": pa.string(),
    "recipient_name": pa.string(),
    "recipient_country": pa.string(),
    "recipient_sector": pa.string(),
    "date": pa.date32(),
    "date_precision": pa.string(),
    "date_from_publication": pa.bool_(),
    "place_text": pa.string(),
    "place_name": pa.string(),
    "place_lat": pa.float64(),
    "place_lon": pa.float64(),
    "place_geonameid": pa.int64(),
    "place_country_code": pa.string(),
    "place_feature_code": pa.string(),
    "place_precision": pa.string(),
    "place_confidence": pa.float64(),
    "place_admin1": pa.string(),
    "dead": pa.int64(),
    "injured": pa.int64(),
    "arrested": pa.int64(),
    "confidence": pa.float64(),
    "negated": pa.bool_(),
    "hypothetical": pa.bool_(),
    "future": pa.bool_(),
    "headline": pa.bool_(),
    "actor_inferred": pa.bool_(),
    "recipient_inferred": pa.bool_(),
    "historical": pa.bool_(),
    "num_mentions": pa.int64(),
    "num_articles": pa.int64(),
    "num_sources": pa.int64(),
    "event_id": pa.string(),
    "article_id": pa.string(),
    "sentence": pa.string(),
    "start": pa.int64(),
    "end": pa.int64(),
    "trigger_start": pa.int64(),
    "trigger_end": pa.int64(),
    "actor_start": pa.int64(),
    "actor_end": pa.int64(),
    "recipient_start": pa.int64(),
    "recipient_end": pa.int64(),
    "place_start": pa.int64(),
    "place_end": pa.int64(),
}

# Columns of each table: the content-derived id, then the SQLite table's columns.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", *ARTICLE_COLUMNS),
    "events": ("id", *EVENT_COLUMNS),
    "mentions": ("id", *MENTION_COLUMNS),
}


def table_schema(table: str) -> pa.Schema:
    """The Parquet schema of ``table`` (without the partition column)."""
    columns = TABLE_COLUMNS[table]
    missing = [column for column in columns if column not in COLUMN_TYPES]
    if missing:
        raise StoreError(
            f"Parquet output has no type for the {table} column(s) {', '.join(missing)}"
        )
    return pa.schema([pa.field(column, COLUMN_TYPES[column]) for column in columns])


def _convert(value: SqlValue, kind: pa.DataType) -> Any:
    """A ``store.rows`` value (SQLite encoding) as the Python value of a Parquet type."""
    if value is None:
        return None
    if kind == _STRING_LIST:
        return json.loads(str(value))
    if kind == pa.date32():
        return date.fromisoformat(str(value))
    if pa.types.is_timestamp(kind):
        return datetime.fromisoformat(str(value))
    if kind == pa.bool_():
        return bool(value)
    return value


@dataclass(frozen=True, slots=True)
class SinkResult:
    """What ``ParquetSink.add`` did: like ``store.IngestResult``, with the article's
    content-derived id. ``inserted`` is False (and nothing written) when an article
    with the same content hash is already in the directory."""

    article_id: str
    inserted: bool
    n_events: int


def event_id(content_hash: str, index: int) -> str:
    """The id of an article's ``index``-th event (counting from 0)."""
    return f"{content_hash}:{index}"


class ParquetSink:
    """Writes processed documents as partitioned Parquet under ``directory``."""

    def __init__(
        self,
        directory: Path,
        *,
        partition: str = "month",
        articles_per_flush: int = 1000,
    ) -> None:
        if partition not in PARTITIONS:
            raise StoreError(
                f"{directory}: unknown partition {partition!r}; use one of "
                f"{', '.join(sorted(PARTITIONS))}"
            )
        if articles_per_flush < 1:
            raise StoreError(f"articles_per_flush must be 1 or more, not {articles_per_flush}")
        self.directory = Path(directory)
        self.key, self._partition_of = PARTITIONS[partition]
        self.articles_per_flush = articles_per_flush
        self._schemas = {table: table_schema(table) for table in TABLES}
        self._run = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        self._files = 0
        # table -> partition value (None: unknown date) -> rows, in column order
        self._rows: dict[str, dict[str | None, list[tuple[Any, ...]]]] = {
            table: defaultdict(list) for table in TABLES
        }
        self._buffered = 0
        self._closed = False
        self._prepare()
        self._known = self._stored_hashes()

    # --- opening ---------------------------------------------------------------------

    def _prepare(self) -> None:
        if self.directory.exists() and not self.directory.is_dir():
            raise StoreError(f"{self.directory}: not a directory")
        for table in TABLES:
            folder = self.directory / table
            if not folder.is_dir():
                continue
            for child in folder.iterdir():
                if (
                    child.is_dir()
                    and "=" in child.name
                    and not child.name.startswith(f"{self.key}=")
                ):
                    raise StoreError(
                        f"{self.directory}: {table}/ is partitioned by "
                        f"{child.name.split('=')[0]!r}, not {self.key!r}; "
                        "write to a new directory or use the same partition"
                    )
        try:
            for table in TABLES:
                (self.directory / table).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.directory}: cannot create the output folders: {exc}") from exc

    def _stored_hashes(self) -> set[str]:
        """The content hashes of the articles already in the directory."""
        folder = self.directory / "articles"
        if not any(folder.rglob("*.parquet")):
            return set()
        try:
            dataset = ds.dataset(folder, format="parquet", partitioning="hive")
            hashes = dataset.to_table(columns=["content_hash"]).column("content_hash")
        except (pa.ArrowException, OSError) as exc:
            raise StoreError(f"{folder}: cannot read the stored articles: {exc}") from exc
        known = {str(value) for value in hashes.to_pylist() if value is not None}
        log.info("%s: %d articles already stored", folder, len(known))
        return known

    # --- writing ---------------------------------------------------------------------

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _partition(self, day: date | None) -> str | None:
        return self._partition_of(day) if day is not None else None

    def _row(self, table: str, values: tuple[SqlValue, ...]) -> tuple[Any, ...]:
        schema = self._schemas[table]
        if len(values) != len(schema):
            raise StoreError(
                f"{table}: {len(values)} values for {len(schema)} Parquet columns "
                "(store.rows and store.parquet disagree)"
            )
        return tuple(
            _convert(value, field.type) for value, field in zip(values, schema, strict=True)
        )

    def add(self, doc: Document) -> SinkResult:
        """Buffer ``doc``'s article, events and mentions; skip an article already in
        the directory (same content hash)."""
        if self._closed:
            raise StoreError(f"{self.directory}: the Parquet output is closed")
        content_hash = doc.content_hash
        if content_hash in self._known:
            log.debug("%s: already stored as %s", doc.origin, content_hash)
            return SinkResult(article_id=content_hash, inserted=False, n_events=0)
        article = self._row("articles", (content_hash, *article_values(doc, datetime.now(UTC))))
        published = article[TABLE_COLUMNS["articles"].index("published")]
        self._rows["articles"][self._partition(published)].append(article)
        for index, event in enumerate(doc.events):
            self._add_event(event, event_id(content_hash, index), content_hash)
        self._known.add(content_hash)
        self._buffered += 1
        if self._buffered >= self.articles_per_flush:
            self.flush()
        return SinkResult(article_id=content_hash, inserted=True, n_events=len(doc.events))

    def _add_event(self, event: Event, the_id: str, content_hash: str) -> None:
        partition = self._partition(event.date)
        self._rows["events"][partition].append(self._row("events", (the_id, *event_values(event))))
        # mention_values takes the store's integer ids; here they are content-derived.
        _, _, *rest = mention_values(event, 0, 0)
        mention = self._row("mentions", (the_id, the_id, content_hash, *rest))
        self._rows["mentions"][partition].append(mention)
        for k, told in enumerate(event.retold, 1):  # the article's other tellings of it
            _, _, *rest = mention_values(told, 0, 0)
            mention = self._row("mentions", (f"{the_id}.{k}", the_id, content_hash, *rest))
            self._rows["mentions"][partition].append(mention)

    def flush(self) -> None:
        """Write what is buffered: one new file per table and partition.

        All files of a flush are written under hidden names first and renamed only when
        every one is written, so a failed flush (a full disk) leaves nothing half
        written: the rows stay buffered for the next flush, and ``StoreError`` says why.
        """
        staged: list[tuple[Path, Path]] = []
        try:
            for table in TABLES:
                for partition, rows in sorted(
                    self._rows[table].items(), key=lambda kv: kv[0] or ""
                ):
                    if rows:
                        staged.append(self._stage(table, partition, rows))
            for hidden, final in staged:
                hidden.replace(final)
        except StoreError:
            for hidden, _ in staged:
                hidden.unlink(missing_ok=True)
            raise
        except OSError as exc:
            for hidden, _ in staged:
                hidden.unlink(missing_ok=True)
            raise StoreError(f"{self.directory}: cannot write Parquet: {exc}") from exc
        for table in TABLES:
            self._rows[table].clear()
        self._buffered = 0

    def _stage(
        self, table: str, partition: str | None, rows: list[tuple[Any, ...]]
    ) -> tuple[Path, Path]:
        """Write one file under a hidden name; return (hidden, final) paths."""
        schema = self._schemas[table]
        columns = list(zip(*rows, strict=True))
        arrays = [
            pa.array(list(values), type=field.type)
            for values, field in zip(columns, schema, strict=True)
        ]
        data = pa.Table.from_arrays(arrays, schema=schema)
        folder = self.directory / table / f"{self.key}={partition or NULL_PARTITION}"
        name = f"part-{self._run}-{self._files:05d}.parquet"
        self._files += 1
        hidden = folder / f".{name}.tmp"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(data, hidden, row_group_size=len(rows))
        except (OSError, pa.ArrowException) as exc:
            hidden.unlink(missing_ok=True)
            raise StoreError(f"{folder / name}: cannot write Parquet: {exc}") from exc
        log.debug("%s: %d rows", folder / name, len(rows))
        return hidden, folder / name

    def close(self) -> None:
        """Write what is left in the buffers. Closing twice is harmless."""
        if self._closed:
            return
        self.flush()
        self._closed = True
