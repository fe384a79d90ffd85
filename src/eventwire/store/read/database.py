"""The API's read-only connections to the event store.

``Database`` checks the file once (it exists, is an eventwire store, and is migrated to
this version's schema) and then hands each thread its own read-only SQLite connection
(``mode=ro``, ``query_only``): FastAPI runs the endpoints in a thread pool, and an
SQLite connection is not for sharing between threads. With the WAL journal that the
writer sets up, readers never block an ingest and an ingest never blocks them.

Each read has a time budget (``time_limit``): SQLite's progress handler stops a query
that runs past it (``QueryTimeout``, answered 503), so no request holds a worker for
longer; at shutdown every running query is interrupted.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store import Store
from eventwire.store.read.key_texts import KeyTexts
from eventwire.store.read.map_reader import MapReader
from eventwire.store.read.query import DISTANCE_FUNCTION, distance_km
from eventwire.store.read.reader import Reader
from eventwire.store.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

# Reads map the file into memory (shared by every connection through the OS cache);
# pages beyond the map go through each connection's own small page cache, which is
# slower. SQLite caps the map at its compile-time limit (2 GB in the usual builds).
_MMAP_BYTES = 1 << 31
# SQLite calls the progress handler every this many virtual machine steps (well under a
# millisecond of work).
_PROGRESS_STEPS = 10_000


class Database:
    """The store at ``path``, opened read-only, one connection per thread.

    Raises StoreError when the file is missing or not an eventwire database. A store of
    an older schema is migrated once, here (the only write the API does by itself).
    """

    def __init__(self, path: str | Path, *, time_limit: float | None = None) -> None:
        """``time_limit``: seconds a read may run (None: no limit)."""
        if time_limit is not None and not time_limit > 0:
            raise ValueError(f"time_limit must be positive, not {time_limit}")
        self.path = str(path)
        self.time_limit = time_limit
        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such database (run 'eventwire ingest' first)")
        self._uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        version = self._schema_version()
        if version < SCHEMA_VERSION:
            log.info("%s: migrating the store from schema version %d", self.path, version)
            Store(self.path, create=False).close()
        elif version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: the database has schema version {version}, newer than this "
                f"eventwire supports ({SCHEMA_VERSION}); upgrade eventwire to serve it"
            )
        self.indexes = self._names("index")
        self.tables = self._names("table")
        # The text of the keyed rollups' keys, read once for every thread.
        self.key_texts = KeyTexts()

    def _schema_version(self) -> int:
        conn = self._open()
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                str(row[0])
                for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
            }
            missing = {"articles", "events", "mentions"} - tables
            # An empty file becomes a new store; another program's database is refused.
            if missing and (version > 0 or tables):
                raise StoreError(
                    f"{self.path}: not an eventwire store (no {', '.join(sorted(missing))} table)"
                )
            return version
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read the database: {exc}") from exc
        finally:
            conn.close()

    def _names(self, kind: str) -> frozenset[str]:
        """The names of the store's indexes or tables (``kind``)."""
        conn = self._open()
        try:
            rows = conn.execute("SELECT name FROM sqlite_schema WHERE type = ?", (kind,))
            return frozenset(str(row[0]) for row in rows)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read the database: {exc}") from exc
        finally:
            conn.close()

    def _open(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self._uri, uri=True, isolation_level=None, check_same_thread=False, timeout=5.0
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES:d}")
        conn.create_function(DISTANCE_FUNCTION, 4, distance_km, deterministic=True)
        return conn

    def connection(self) -> sqlite3.Connection:
        """This thread's read-only connection (opened on first use)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        """A ``Reader`` on this thread's connection, inside one read transaction; its
        queries raise ``QueryTimeout`` once ``time_limit`` seconds have passed."""
        with self._transaction() as conn:
            yield Reader(
                conn,
                self.path,
                self.indexes,
                self.tables,
                time_limit=self.time_limit,
                key_texts=self.key_texts,
            )

    @contextmanager
    def map_reader(self) -> Iterator[MapReader]:
        """A ``MapReader`` (the dashboard's aggregates) on this thread's connection,
        inside one read transaction, with the same time budget as ``reader``."""
        with self._transaction() as conn:
            yield MapReader(conn, self.path, self.indexes, self.tables, time_limit=self.time_limit)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection inside one read transaction, its progress handler
        stopping a query once ``time_limit`` seconds have passed."""
        conn = self.connection()
        if self.time_limit is not None:
            deadline = time.monotonic() + self.time_limit

            def past_deadline() -> int:
                return int(time.monotonic() > deadline)

            conn.set_progress_handler(past_deadline, _PROGRESS_STEPS)
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.set_progress_handler(None, 0)
            if conn.in_transaction:
                conn.execute("COMMIT")

    def interrupt(self) -> None:
        """Stop every query running on the connections (at shutdown)."""
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            conn.interrupt()

    def close(self) -> None:
        """Close every connection opened so far (at shutdown)."""
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()
