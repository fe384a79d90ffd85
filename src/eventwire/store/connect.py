"""Opening the SQLite file of a ``Store``: read-write (created if needed, configured and
migrated) or read-only (it must exist and hold this eventwire's schema).

Every connection gets the SQL functions event queries use (the distance of ``near``).
Errors name the file: ``StoreError("events.db: ...")``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.read.query import DISTANCE_FUNCTION, distance_km
from eventwire.store.schema import SCHEMA_VERSION, configure, migrate, user_version

# How long a writer waits for another one to finish its transaction (SQLite's
# busy_timeout) before giving up; each article is one short transaction, so two ingest
# runs on one database take turns well within it.
BUSY_TIMEOUT_S = 120.0


def add_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions event queries use (the distance of ``near``)."""
    conn.create_function(DISTANCE_FUNCTION, 4, distance_km, deterministic=True)


def open_read_write(path: str, *, create: bool = True) -> tuple[sqlite3.Connection, int, int]:
    """A connection to ``path`` (``":memory:"`` or a file, created unless ``create`` is
    False), configured and migrated; with the schema version found and the one now."""
    if not create and path != ":memory:" and not Path(path).is_file():
        raise StoreError(f"{path}: no such database (run 'eventwire ingest' first)")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    conn.row_factory = sqlite3.Row
    add_functions(conn)
    try:
        configure(conn)
        migrated = user_version(conn)
        version = migrate(conn)
    except StoreError as exc:
        conn.close()
        raise StoreError(f"{path}: {exc}") from exc
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    return conn, migrated, version


def open_read_only(path: str) -> sqlite3.Connection:
    """A connection that cannot write ``path``, checked to hold this eventwire's schema."""
    if path == ":memory:" or not Path(path).is_file():
        raise StoreError(f"{path}: no such database (run 'eventwire ingest' first)")
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        version = user_version(conn)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database read-only: {exc}") from exc
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"{path}: schema version {version}, this eventwire reads {SCHEMA_VERSION}; "
            "open it once read-write (e.g. 'eventwire ingest') to migrate it"
        )
    add_functions(conn)
    return conn
