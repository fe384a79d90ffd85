"""``Store``: the SQLite database of articles and coded events.

This package is the only place in eventwire that speaks SQL; the CLI and the web app
read and write through ``Store``. Opening a store creates the file if needed and
migrates it (see ``schema.py``)::

    with Store("events.db") as store:
        result = store.add_document(doc)
        for event in store.events(EventFilter(EventQuery(types=("ASSAULT",), country="UKR"))):
            ...

A ``Store`` wraps one connection and, like ``sqlite3``, is meant for the thread that
opened it; open one per thread or process. Several processes may write one database at
once (two ``eventwire ingest`` runs): each article is one ``BEGIN IMMEDIATE``
transaction, writers take turns (a busy timeout of ``BUSY_TIMEOUT_S``), and WAL mode
lets readers (``eventwire serve``) run while they write.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from eventwire.errors import StoreError
from eventwire.model import Document
from eventwire.store.connect import BUSY_TIMEOUT_S, open_read_only, open_read_write
from eventwire.store.duplicates import fingerprint_text, link_duplicate
from eventwire.store.fts import match_expression
from eventwire.store.merge import find_match, merge_into
from eventwire.store.minhash import fingerprint
from eventwire.store.packed_rollups import pack_stale
from eventwire.store.read.query import where_clause
from eventwire.store.records import (
    ArticleInfo,
    EventFilter,
    IngestResult,
    MentionKey,
    MentionOffsets,
    SearchHit,
    StoredArticle,
    StoredEvent,
    StoreStats,
)
from eventwire.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    PLACE_COLUMNS,
    TIMEX_COLUMNS,
    SqlValue,
    article_from_row,
    article_info_from_row,
    article_values,
    event_from_row,
    event_values,
    insert_sql,
    mention_offsets_from_row,
    mention_values,
    place_from_row,
    place_values,
    timex_from_row,
    timex_values,
)
from eventwire.store.schema import SCHEMA_VERSION

ARTICLE_INFO_SQL = (
    "SELECT id, origin, title, source, url, published, ingested_at, length(text) AS length "
    "FROM articles WHERE id IN (SELECT value FROM json_each(?))"
)
MENTION_OFFSETS_SQL = (
    "SELECT event_id, article_id, start, actor_start, recipient_start, place_start "
    "FROM mentions WHERE event_id IN (SELECT value FROM json_each(?))"
)

log = logging.getLogger(__name__)

# A store that writes packs the stale periods of its keyed rollups when it closes and
# every this many stored articles (``packed_rollups.py``), so that a long ingest leaves
# few periods for readers to add up from the rollup rows.
PACK_EVERY = 1000


# bm25 weights of the articles_fts columns: a word in the title counts most.
_TITLE_WEIGHT, _CAPTIONS_WEIGHT, _BODY_WEIGHT = 5.0, 2.0, 1.0


# Events matching a full-text query: through a mention sentence, or through the text of
# an article that mentions them.
class Store:
    """A SQLite store of articles, events, mentions, places and time expressions.

    ``path`` is a file path (created if missing; its directory must exist) or
    ``":memory:"``. Raises StoreError when the file cannot be opened, is not a
    database, was written by a newer eventwire, or SQLite lacks FTS5.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        merge_events: bool = True,
        read_only: bool = False,
    ) -> None:
        """Open (and migrate) the database at ``path``; with ``create=False`` a missing
        file is an error instead of a new empty database (for commands that only read).
        With ``merge_events=False`` every coded event is stored as an event of its own
        (no cross-article merging; for measuring the merger). With ``read_only=True``
        the file is opened read-only (it must exist and have this eventwire's schema;
        nothing is written to it, not even a migration)."""
        self.path = str(path)
        self.merge_events = merge_events
        self.read_only = read_only
        self._unpacked = 0
        if read_only:
            self._conn: sqlite3.Connection | None = open_read_only(self.path)
            self.schema_version = SCHEMA_VERSION
            return
        conn, migrated, self.schema_version = open_read_write(self.path, create=create)
        self._conn = conn
        # Articles stored since the last packing; a migration may mark periods stale.
        self._unpacked = int(migrated < self.schema_version)

    # --- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (after packing what this store wrote); closing twice
        is harmless."""
        if self._conn is not None:
            if self._unpacked:
                self.pack()
            self._conn.close()
            self._conn = None

    def pack(self) -> int:
        """Pack the stale periods of the keyed rollups (``packed_rollups.py``); the
        number of blobs written. A failure is logged and leaves them stale: readers
        then add up their rollup rows, so answers stay exact."""
        conn = self._connection()
        self._unpacked = 0
        try:
            return pack_stale(conn)
        except sqlite3.Error as exc:
            log.warning("%s: could not pack the keyed rollups (%s); left stale", self.path, exc)
            return 0

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises.

        ``BEGIN IMMEDIATE`` takes the write lock at once, so checking whether an article
        is stored and inserting it cannot race with another writer.
        """
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"{self.path}: another process has held the database for over "
                f"{BUSY_TIMEOUT_S:.0f} s ({exc}); try again when it is done"
            ) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _rows(self, sql: str, params: Sequence[SqlValue] = ()) -> list[sqlite3.Row]:
        try:
            return self._connection().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: query failed: {exc}") from exc

    # --- writing ---------------------------------------------------------------------

    def add_document(self, doc: Document) -> IngestResult:
        """Store ``doc``'s article with its events, places and time expressions.

        Everything is written in one transaction: on any error nothing of ``doc`` is
        stored and what was stored before is untouched. An article whose content hash
        is already stored is skipped (``inserted=False``), so re-ingesting is harmless.

        A near-duplicate of a stored article (``eventwire.store.minhash``) is stored too, linked
        to it by ``duplicate_of``. Each event either joins a stored event that reports
        the same real-world event (``store.merge``), as a new mention, or becomes a new
        event with this article's mention.
        """
        content_hash = doc.content_hash
        signature = fingerprint(fingerprint_text(doc))
        try:
            with self._write() as conn:
                row = conn.execute(
                    "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
                ).fetchone()
                if row is not None:
                    log.debug("%s: already stored as article %d", doc.origin, row["id"])
                    return IngestResult(article_id=int(row["id"]), inserted=False, n_events=0)
                article_id = self._insert_document(conn, doc)
                duplicate_of = link_duplicate(conn, article_id, signature)
                n_new, n_merged = self._insert_events(conn, doc, article_id)
        except sqlite3.Error as exc:
            raise StoreError(f"{doc.origin}: cannot store the article: {exc}") from exc
        self._unpacked += 1
        if self._unpacked >= PACK_EVERY:
            self.pack()
        return IngestResult(
            article_id=article_id,
            inserted=True,
            n_events=n_new,
            n_merged=n_merged,
            duplicate_of=duplicate_of,
        )

    def _insert_document(self, conn: sqlite3.Connection, doc: Document) -> int:
        now = datetime.now(UTC)
        article_id = _row_id(
            conn.execute(insert_sql("articles", ARTICLE_COLUMNS), article_values(doc, now))
        )
        conn.executemany(
            insert_sql("places", PLACE_COLUMNS), [place_values(p, article_id) for p in doc.places]
        )
        conn.executemany(
            insert_sql("timexes", TIMEX_COLUMNS), [timex_values(t, article_id) for t in doc.timexes]
        )
        return article_id

    def _insert_events(
        self, conn: sqlite3.Connection, doc: Document, article_id: int
    ) -> tuple[int, int]:
        """Store ``doc``'s events as new events or as mentions of stored ones; return
        (new events, merged events)."""
        event_sql = insert_sql("events", EVENT_COLUMNS)
        mention_sql = insert_sql("mentions", MENTION_COLUMNS)
        n_new = n_merged = 0
        for event in doc.events:
            match = find_match(conn, event, article_id) if self.merge_events else None
            if match is None:
                event_id = _row_id(conn.execute(event_sql, event_values(event)))
                n_new += 1
            else:
                event_id = match.event_id
                n_merged += 1
            conn.execute(mention_sql, mention_values(event, event_id, article_id))
            for told in event.retold:  # the article's other tellings of the incident
                conn.execute(mention_sql, mention_values(told, event_id, article_id))
            if match is not None:
                merge_into(conn, match, event)
        return n_new, n_merged

    # --- reading ---------------------------------------------------------------------

    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash (``Document.content_hash``) is stored."""
        rows = self._rows("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1", (content_hash,))
        return bool(rows)

    def events(self, flt: EventFilter) -> list[StoredEvent]:
        """The events ``flt.query`` selects, ordered by date (undated last), then id,
        within ``flt``'s window."""
        where = _event_conditions(flt)
        if where is None:
            return []
        conditions, params = where
        rows = self._rows(
            f"SELECT * FROM events WHERE {conditions} "
            "ORDER BY date NULLS LAST, id LIMIT ? OFFSET ?",
            [*params, flt.limit, flt.offset],
        )
        return self._with_mentions(rows)

    def article_infos(self, article_ids: Iterable[int]) -> dict[int, ArticleInfo]:
        """What exports cite of these articles (not their text), by id, in one query."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        rows = self._rows(ARTICLE_INFO_SQL, (json.dumps(ids),))
        return {int(row["id"]): article_info_from_row(row) for row in rows}

    def mention_offsets(self, event_ids: Sequence[int]) -> dict[MentionKey, MentionOffsets]:
        """Where each mention of these events names its actor, recipient and place."""
        if not event_ids:
            return {}
        rows = self._rows(MENTION_OFFSETS_SQL, (json.dumps(list(event_ids)),))
        return {
            (int(row["event_id"]), int(row["article_id"]), int(row["start"])): (
                mention_offsets_from_row(row)
            )
            for row in rows
        }

    def count_events(self, flt: EventFilter) -> int:
        """How many events pass ``flt`` (its limit and offset aside)."""
        where = _event_conditions(flt)
        if where is None:
            return 0
        conditions, params = where
        rows = self._rows(f"SELECT count(*) AS n FROM events WHERE {conditions}", params)
        return int(rows[0]["n"])

    def events_by_id(self, event_ids: Sequence[int]) -> list[StoredEvent]:
        """The events with these ids, with their mentions, in the order given (ids that
        do not exist are left out)."""
        if not event_ids:
            return []
        rows = self._rows(
            "SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(event_ids)),),
        )
        by_id = {int(row["id"]): row for row in rows}
        ordered = [by_id[i] for i in event_ids if i in by_id]
        return self._with_mentions(ordered)

    def event(self, event_id: int) -> StoredEvent | None:
        """The event ``event_id`` with its mentions, or None if there is none."""
        rows = self._rows("SELECT * FROM events WHERE id = ?", (event_id,))
        events = self._with_mentions(rows)
        return events[0] if events else None

    def _with_mentions(self, event_rows: list[sqlite3.Row]) -> list[StoredEvent]:
        if not event_rows:
            return []
        ids = [int(row["id"]) for row in event_rows]
        mention_rows = self._rows(
            "SELECT * FROM mentions WHERE event_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY event_id, id",
            (json.dumps(ids),),
        )
        by_event: dict[int, list[sqlite3.Row]] = {event_id: [] for event_id in ids}
        for mention in mention_rows:
            by_event[int(mention["event_id"])].append(mention)
        return [event_from_row(row, by_event[int(row["id"])]) for row in event_rows]

    def article(self, article_id: int) -> StoredArticle | None:
        """The article ``article_id`` with its places and time expressions, or None."""
        rows = self._rows("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        places = self._rows("SELECT * FROM places WHERE article_id = ? ORDER BY id", (article_id,))
        timexes = self._rows(
            "SELECT * FROM timexes WHERE article_id = ? ORDER BY id", (article_id,)
        )
        return article_from_row(
            rows[0], [place_from_row(p) for p in places], [timex_from_row(t) for t in timexes]
        )

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        markers: tuple[str, str] = ("[", "]"),
        ellipsis: str = "…",
        snippet_words: int = 16,
    ) -> list[SearchHit]:
        """Articles whose title, captions or body hold every word of ``query``, best first.

        Each hit has a snippet of about ``snippet_words`` words (at most 64) with the
        matched words between ``markers``.
        """
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        expression = match_expression(query)
        if expression is None:
            return []
        rows = self._rows(
            "SELECT articles.id AS id, articles.title AS title, "
            "snippet(articles_fts, -1, ?, ?, ?, ?) AS snippet, "
            "bm25(articles_fts, ?, ?, ?) AS rank "
            "FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank, articles.id LIMIT ?",
            (
                markers[0],
                markers[1],
                ellipsis,
                max(1, min(snippet_words, 64)),
                _TITLE_WEIGHT,
                _CAPTIONS_WEIGHT,
                _BODY_WEIGHT,
                expression,
                limit,
            ),
        )
        return [
            SearchHit(
                article_id=int(row["id"]),
                title=None if row["title"] is None else str(row["title"]),
                snippet=str(row["snippet"]),
                rank=float(row["rank"]),
            )
            for row in rows
        ]

    def stats(self) -> StoreStats:
        """Counts of articles, events and mentions, and events by PLOVER type."""
        counts = self._rows(
            "SELECT (SELECT count(*) FROM articles) AS n_articles, "
            "(SELECT count(*) FROM events) AS n_events, "
            "(SELECT count(*) FROM mentions) AS n_mentions"
        )[0]
        by_type = self._rows(
            "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"
        )
        return StoreStats(
            n_articles=int(counts["n_articles"]),
            n_events=int(counts["n_events"]),
            n_mentions=int(counts["n_mentions"]),
            events_by_type={str(row["type"]): int(row["n"]) for row in by_type},
        )


def _event_conditions(flt: EventFilter) -> tuple[str, list[SqlValue]] | None:
    """The WHERE clause and parameters of ``flt`` (None: nothing can match)."""
    selected = where_clause(flt.query)
    if selected.nothing:
        return None
    conditions: list[str] = [selected.sql]
    params: list[SqlValue] = list(selected.params)
    if flt.article_id is not None:
        conditions.append("id IN (SELECT event_id FROM mentions WHERE article_id = ?)")
        params.append(flt.article_id)
    if flt.after is not None:
        if flt.after.date is None:
            conditions.append("(date IS NULL AND id > ?)")
            params.append(flt.after.id)
        else:
            day = flt.after.date.isoformat()
            conditions.append("(date > ? OR (date = ? AND id > ?) OR date IS NULL)")
            params += [day, day, flt.after.id]
    return " AND ".join(conditions), params


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just wrote."""
    if cursor.lastrowid is None:
        raise StoreError("SQLite reported no id for an inserted row")
    return cursor.lastrowid
