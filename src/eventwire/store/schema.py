"""The database schema, its migrations, and how a connection is set up.

Migrations are an ordered list of SQL scripts: script *n* (counting from 1) takes a
database from ``PRAGMA user_version`` *n - 1* to *n*. ``migrate`` applies the pending
ones in one transaction, so a database is never left half-migrated. The scripts are in
``migrations.py``: to change the schema, append one there; never edit one that has
shipped.

Shape of the data
-----------------
``articles``  one row per stored article, identified by ``content_hash`` (SHA-256 of
              ``Document.text``); every offset elsewhere indexes into ``articles.text``.
``events``    one coded proposition (who did what to whom, where, when). An event is
              not tied to one article: it is reported by one or more ``mentions``.
              ``num_mentions``, ``num_articles`` and ``num_sources`` count them (kept
              up to date by whoever adds mentions, e.g. cross-article merging).
              ``headline`` is 1 when an article's title reports the event (GDELT's
              ``IsRootEvent``; version 3, so 0 for events stored before it).
              ``historical`` is 1 for an event told as a summary of the past (PLOVER's
              "historical" context; version 7): the default listing and the rollups
              leave it out.
``mentions``  one report of an event: the article, the sentence and the offsets of the
              trigger, actor, recipient and place words in that article's text.
``places``    every toponym resolved in an article (not only the ones events use).
``timexes``   every TIMEX3 time expression found in an article.
``article_fingerprints`` / ``article_bands``  MinHash signatures and LSH band keys of
              article bodies, to link near-duplicate articles (``articles.duplicate_of``).
``event_counts_*``  rollups of events by day/month/year, type, countries and dyads,
              kept exact by triggers on ``events``; the API answers counts and
              statistics from them (``api/rollups.py``).
``event_keyed_*``   the counts of dyads with their type and of pairs of countries and
              sectors under an integer per group (``event_dyad_keys``,
              ``event_psector_keys``) by year, month and day (version 9), for date
              ranges that are not one period (``read/keyed_rollups.py``).
``event_keyed_packed``  the same counts packed in blobs per family, grain, period and
              factual flag (version 11), rewritten for the days that triggers mark
              in ``event_keyed_stale`` when a writing ``Store`` closes; readers add up
              the blobs of a range with numpy (``packed_rollups.py``).

Values: dates are ISO 8601 text (``YYYY-MM-DD``), so they sort and compare as text;
booleans are 0/1; lists are JSON arrays; enums are stored as their string values.

Full-text search
----------------
``articles_fts`` (title, captions, body) and ``mentions_fts`` (sentence) are FTS5
*external-content* tables: they hold only the index, and read the text back from their
content source for ``snippet()``. Triggers keep them in step with every insert, update
and delete, in the same transaction. ``mentions_fts`` reads from ``mentions``;
``articles_fts`` reads from the view ``articles_fts_source``, which joins the JSON
captions into lines and falls back on the full ``text`` when an article has no cleaned
body. FTS5's ``'rebuild'`` command cannot read that view (it holds a correlated
subquery); to rebuild by hand, run ``INSERT INTO articles_fts(articles_fts)
VALUES('delete-all')`` then ``INSERT INTO articles_fts(rowid, title, captions, body)
SELECT id, title, captions, body FROM articles_fts_source``.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator

from eventwire.errors import StoreError

# The scripts live in ``migrations.py``; these names are imported here so that
# ``schema.MIGRATIONS`` and the rollup names keep working (``migrate`` reads
# ``MIGRATIONS`` from this module).
from eventwire.store.migrations import (
    MIGRATIONS,
    ROLLUP_BACKFILL,
    ROLLUP_SQL,
    ROLLUP_TABLES,
)

__all__ = [
    "MIGRATIONS",
    "ROLLUP_BACKFILL",
    "ROLLUP_SQL",
    "ROLLUP_TABLES",
    "SCHEMA_VERSION",
    "check_fts5",
    "configure",
    "migrate",
    "split_statements",
    "user_version",
]

log = logging.getLogger(__name__)

SCHEMA_VERSION = len(MIGRATIONS)


def configure(conn: sqlite3.Connection) -> None:
    """Set the per-connection pragmas and check the SQLite build has FTS5.

    WAL lets readers (the web app) run while a writer ingests; ``synchronous=NORMAL``
    is the usual companion of WAL (no corruption on power loss, at worst the last
    commits are lost). Foreign keys are off by default in SQLite and must be switched
    on for every connection.
    """
    conn.execute("PRAGMA foreign_keys = ON")
    mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
    if mode not in ("wal", "memory"):
        log.warning("SQLite could not switch to WAL mode (journal_mode is %s)", mode)
    conn.execute("PRAGMA synchronous = NORMAL")
    check_fts5(conn)


def check_fts5(conn: sqlite3.Connection) -> None:
    """Raise StoreError unless this SQLite library can create FTS5 tables."""
    try:
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.eventwire_fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.eventwire_fts5_probe")
    except sqlite3.OperationalError as exc:
        raise StoreError(
            f"this SQLite library ({sqlite3.sqlite_version}) has no FTS5 full-text search "
            f"({exc}); use a Python whose sqlite3 module is built with FTS5 "
            "(the python.org and most Linux distribution builds are)"
        ) from exc


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database file (0 for a new database)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to the latest schema version and return that version.

    ``conn`` must be in autocommit mode (``isolation_level=None``). The pending scripts
    run in one ``BEGIN IMMEDIATE`` transaction, which also stops two processes opening
    a new database at once from migrating it twice. A database written by a newer
    eventwire raises StoreError and is left untouched.
    """
    latest = len(MIGRATIONS)
    if conn.in_transaction:
        raise StoreError("cannot migrate inside an open transaction")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot lock the database to migrate it: {exc}") from exc
    try:
        version = user_version(conn)
        if version > latest:
            raise StoreError(
                f"the database has schema version {version}, newer than this eventwire "
                f"supports ({latest}); upgrade eventwire to open it"
            )
        for target in range(version + 1, latest + 1):
            log.info("migrating the database to schema version %d", target)
            for statement in split_statements(MIGRATIONS[target - 1]):
                conn.execute(statement)
            # PRAGMA takes no bound parameters; target is an int from range().
            conn.execute(f"PRAGMA user_version = {target:d}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        _rollback(conn)
        raise StoreError(f"cannot migrate the database: {exc}") from exc
    except BaseException:
        _rollback(conn)
        raise
    return latest


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def split_statements(script: str) -> Iterator[str]:
    """The complete SQL statements of ``script``, one at a time.

    ``Connection.executescript`` would commit the open transaction first, so migrations
    run statement by statement instead. ``sqlite3.complete_statement`` knows that the
    semicolons inside a ``CREATE TRIGGER ... END;`` body do not end the statement.
    """
    buffer: list[str] = []
    for line in script.splitlines(keepends=True):
        buffer.append(line)
        candidate = "".join(buffer)
        if sqlite3.complete_statement(candidate):
            yield candidate.strip()
            buffer = []
    rest = "".join(buffer).strip()
    if rest and not all(not ln.strip() or ln.strip().startswith("--") for ln in rest.splitlines()):
        raise StoreError(f"incomplete SQL statement in a migration script: {rest[:80]!r}")
