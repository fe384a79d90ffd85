"""The keyed rollups packed per period (schema version 12): one blob of keys and counts
for each family, grain (month, day), period and factual flag.

A date range such as 2022-03-15..2023-03-14 adds up about 70,000 rows of the keyed
rollups (``keyed_rollups.py``) into 24,000-40,000 groups; in SQLite that grouping costs
about 35 ms, and fetching the rows into Python more. Packed, the same range is about 40
blobs (the whole months and the days at either end), which numpy adds up over the key
space in about a millisecond (``read/packed_rollups.py``):

``event_keyed_packed``  family (``dyad``, ``psector``), grain, period, factual, and two
                        blobs of the same length: ``keys`` and ``counts``, little-endian
                        64-bit integers in the order of the keys (the rows of that
                        period of ``event_keyed_{family}_{grain}``; none when it has none)
``event_keyed_stale``   the days whose blobs (the day's and its month's) may differ
                        from the rollup rows

The blobs are not kept by row triggers (rewriting a blob per event would cost an
insert far more): triggers on ``events`` only record the date of an event that is
inserted, deleted or moved (``event_keyed_stale``, one row per day however many
events), and ``pack_stale`` rewrites the blobs of the stale periods from the rollup rows
and clears the marks, in one transaction. ``Store`` packs when it closes after writing
(and every ``PACK_EVERY`` articles). A reader never trusts a stale blob: it adds up the
rollup rows of a stale period instead, so answers stay exact whether or not the packing
has run.
"""

from __future__ import annotations

import sqlite3
from typing import Final, Literal

import numpy as np
import numpy.typing as npt

from eventwire.store.keyed_rollups import KEYED_FAMILIES, KeyedFamily
from eventwire.store.rollup_sql import event_triggers

PACKED_TABLE: Final = "event_keyed_packed"
STALE_TABLE: Final = "event_keyed_stale"
# The bytes of a packed integer (little-endian, signed 64-bit).
PACKED_DTYPE: Final = np.dtype("<i8")
PERIOD_LENGTH: Final = {"month": 7, "day": 10}
# The grains packed: a range is whole months and days (a year is twelve month blobs;
# a blob per year would make repacking a day cost five times as much).
PACKED_GRAINS: tuple[Literal["month", "day"], ...] = ("month", "day")

# Every column of ``events`` a change of which moves an event between keyed rollup rows.
_SOURCE_COLUMNS = tuple(dict.fromkeys(c for f in KEYED_FAMILIES for c in f.source_columns))
_MARK = (
    f"    INSERT INTO {STALE_TABLE} (day) SELECT {{r}}.date "
    f"WHERE {{r}}.historical = 0 AND {{r}}.date IS NOT NULL ON CONFLICT (day) DO NOTHING;\n"
)


def packed_rollup_script() -> list[str]:
    """The statements of schema version 12: the tables, the triggers marking a day
    stale, and every day with events marked (``pack_stale`` then packs them all)."""
    return [
        f"CREATE TABLE {PACKED_TABLE} (family TEXT NOT NULL, grain TEXT NOT NULL, "
        "factual INTEGER NOT NULL CHECK (factual IN (0, 1)), period TEXT NOT NULL, "
        "keys BLOB NOT NULL, counts BLOB NOT NULL, "
        "PRIMARY KEY (family, grain, factual, period));\n",
        f"CREATE TABLE {STALE_TABLE} (day TEXT PRIMARY KEY) WITHOUT ROWID;\n",
        *event_triggers("events_keyed_stale", [_MARK], [_MARK], _SOURCE_COLUMNS),
        # Every listed dated event is under a dyad (its type is never null).
        f"INSERT INTO {STALE_TABLE} (day) SELECT DISTINCT day FROM event_keyed_dyad_day;\n",
    ]


PACKED_ROLLUP_SQL: tuple[str, ...] = tuple(packed_rollup_script())


def pack(keys: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]) -> tuple[bytes, bytes]:
    """The two blobs of one period's rows."""
    return (
        np.ascontiguousarray(keys, dtype=PACKED_DTYPE).tobytes(),
        np.ascontiguousarray(counts, dtype=PACKED_DTYPE).tobytes(),
    )


def unpack(keys: bytes, counts: bytes) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The keys and counts of two blobs; ValueError when they are not a pair of arrays
    of the same length."""
    if not isinstance(keys, bytes) or not isinstance(counts, bytes):
        raise ValueError("a packed rollup is not a blob")
    if len(keys) != len(counts) or len(keys) % PACKED_DTYPE.itemsize:
        raise ValueError("the blobs of a packed rollup differ in length")
    return (
        np.frombuffer(keys, dtype=PACKED_DTYPE).astype(np.int64, copy=False),
        np.frombuffer(counts, dtype=PACKED_DTYPE).astype(np.int64, copy=False),
    )


def stale_days(conn: sqlite3.Connection) -> list[str]:
    """The days marked stale (none once every blob is packed)."""
    return [str(row[0]) for row in conn.execute(f"SELECT day FROM {STALE_TABLE} ORDER BY day")]


def _period_rows(
    cursor: sqlite3.Cursor, family: KeyedFamily, grain: str, factual: int, period: str
) -> npt.NDArray[np.int64]:
    rows = cursor.execute(
        f"SELECT key, n FROM {family.table(grain)} WHERE factual = ? AND {grain} = ? ORDER BY key",
        (factual, period),
    ).fetchall()
    return np.array(rows, dtype=np.int64).reshape(-1, 2)


def repack(conn: sqlite3.Connection, days: list[str]) -> int:
    """Rewrite the blobs of ``days`` and of their months from the rollup rows, inside the
    caller's write transaction; the number of blobs written."""
    cursor = conn.cursor()
    cursor.row_factory = None
    written = 0
    periods = {g: sorted({d[: PERIOD_LENGTH[g]] for d in days}) for g in PACKED_GRAINS}
    for family in KEYED_FAMILIES:
        for grain in PACKED_GRAINS:
            for factual in (0, 1):
                for period in periods[grain]:
                    rows = _period_rows(cursor, family, grain, factual, period)
                    if len(rows) == 0:
                        cursor.execute(
                            f"DELETE FROM {PACKED_TABLE} WHERE family = ? AND grain = ? "
                            "AND factual = ? AND period = ?",
                            (family.name, grain, factual, period),
                        )
                        continue
                    keys, counts = pack(rows[:, 0], rows[:, 1])
                    cursor.execute(
                        f"INSERT INTO {PACKED_TABLE} (family, grain, factual, period, keys, "
                        "counts) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (family, grain, "
                        "factual, period) DO UPDATE SET keys = excluded.keys, "
                        "counts = excluded.counts",
                        (family.name, grain, factual, period, keys, counts),
                    )
                    written += 1
    return written


def pack_stale(conn: sqlite3.Connection) -> int:
    """Pack every stale period and clear the marks, in one write transaction of its own
    (``conn`` in autocommit mode, outside a transaction); the number of blobs written.
    Does nothing (and takes no lock) when no day is stale."""
    if conn.execute(f"SELECT 1 FROM {STALE_TABLE} LIMIT 1").fetchone() is None:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        written = repack(conn, stale_days(conn))
        conn.execute(f"DELETE FROM {STALE_TABLE}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return written
