"""Schema version 12: the keyed rollups packed per year, month and day
(``event_keyed_packed``) answer ``/stats?group=dyad,type`` and the network of countries
and sectors over a date range that is not one period with the answers the events give
(and, for ``/stats``, the very bytes of the JSON the keyed rollup rows give), whether
the store was packed since its events changed or not; a store that writes packs when it
closes; a migrated store is packed; a blob that is not what it should be is refused."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.store import Store, schema
from eventwire.store.keyed_rollups import DYADS, KEYED_FAMILIES
from eventwire.store.packed_rollups import (
    PACKED_GRAINS,
    PACKED_TABLE,
    STALE_TABLE,
    pack_stale,
    unpack,
)
from eventwire.store.read import key_texts
from eventwire.store.read.database import Database
from eventwire.store.read.key_texts import KeyTexts
from eventwire.store.read.map_reader import MapReader
from eventwire.store.read.query import EventQuery
from eventwire.store.read.reader import Reader
from eventwire.store.read.stats_query import StatsGroup
from test_keyed_rollups import RANGES, change_events
from test_rollups import add_random_events, assert_rollups_exact, connect, fill, store_at_version

GROUPS = ("dyad,type", "type,dyad", "recipient_country,type,actor_country")
# Values a key's text may hold that JSON escapes or that sort unlike plain codes.
# The ranges of the keyed rollups, and calendar periods (one blob each).
QUERIES = [
    *RANGES,
    EventQuery(since=date(2023, 1, 1), until=date(2023, 12, 31)),
    EventQuery(since=date(2023, 3, 1), until=date(2023, 3, 31), include_flagged=True),
    EventQuery(since=date(2023, 6, 17), until=date(2023, 6, 17)),
    EventQuery(since=date(2023, 1, 1)),
]
ODD_VALUES = ('Q"uote', "back\\slash", "line\nbreak", "tab\tbell\x07", "", "Åland", "zz", "a")


def assert_packed_exact(conn: sqlite3.Connection) -> None:
    """Every blob of a period that is not stale holds the rollup rows of that period
    (none when it has none), keys ascending."""
    stale = [str(r[0]) for r in conn.execute(f"SELECT day FROM {STALE_TABLE}")]
    blobs = {
        (str(r[0]), str(r[1]), int(r[2]), str(r[3])): unpack(r[4], r[5])
        for r in conn.execute(
            f"SELECT family, grain, factual, period, keys, counts FROM {PACKED_TABLE}"
        )
    }
    for family in KEYED_FAMILIES:
        for grain in PACKED_GRAINS:
            rows: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
            for factual, period, key, n in conn.execute(
                f"SELECT factual, {grain}, key, n FROM {family.table(grain)} ORDER BY key"
            ):
                rows[(factual, period)].append((key, n))
            periods = {k[2:] for k in blobs if k[0] == family.name and k[1] == grain}
            for factual, period in periods | set(rows):
                if any(day.startswith(period) for day in stale):
                    continue
                expected = rows.get((factual, period), [])
                blob = blobs.get((family.name, grain, factual, period))
                assert blob is not None or not expected, (family.name, grain, period)
                if blob is not None:
                    assert expected, (family.name, grain, period, "a blob of no rows")
                    keys, counts = blob
                    assert list(zip(keys.tolist(), counts.tolist(), strict=True)) == expected


def _stale(path: Path) -> list[str]:
    conn = connect(path)
    try:
        return [str(r[0]) for r in conn.execute(f"SELECT day FROM {STALE_TABLE}")]
    finally:
        conn.close()


def _assert_answers(db: Database) -> None:
    """The packed path answers each range as the events do, and writes the JSON of the
    keyed rollup rows byte for byte."""
    conn = db.connection()
    fast = Reader(conn, db.path, db.indexes, db.tables, key_texts=db.key_texts)
    rows = Reader(conn, db.path, db.indexes, db.tables - {PACKED_TABLE})
    slow = Reader(conn, db.path, db.indexes, db.tables, use_rollups=False)
    conn.execute("BEGIN")
    try:
        for text in GROUPS:
            group = StatsGroup.parse(text)
            for query in QUERIES:
                assert fast._packed_stats(query, group, None) is not None, query
                expected = slow.stats(query, group, None)
                assert expected.rows or query.since == query.until, query
                assert fast.stats(query, group, None) == expected, (query, text)
                for limit in (None, 1, 5):
                    assert fast.stats_json(query, group, limit) == rows.stats_json(
                        query, group, limit
                    ), (query, text, limit)
                    assert fast.stats(query, group, limit) == slow.stats(query, group, limit)
        packed = MapReader(conn, db.path, db.indexes, db.tables)
        plain = MapReader(conn, db.path, frozenset(), frozenset())
        for query in QUERIES:
            for limit in (1, 3, 15, 10_000):
                answer = packed.top_pairs(query, limit, by_sector=True)
                assert answer == plain.top_pairs(query, limit, by_sector=True), (query, limit)
    finally:
        conn.execute("COMMIT")


def _insert_odd_events(path: Path) -> None:
    """Events whose countries and types are new texts that JSON escapes, a new type."""
    conn = connect(path)
    for i, value in enumerate(ODD_VALUES):
        for day in ("2023-02-20", "2023-06-17", "2023-11-02", "2024-01-10"):
            conn.execute(
                "INSERT INTO events (type, actor_country, actor_sector, recipient_country, "
                "recipient_sector, date, confidence) VALUES (?, ?, ?, ?, ?, ?, 0.5)",
                (
                    "ODD" if i % 2 else "ASSAULT",
                    value,
                    None if i % 3 else value,
                    ODD_VALUES[-1 - i],
                    value,
                    day,
                ),
            )
    conn.close()


def test_packed_rollups_answer_as_the_events_stale_or_packed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(key_texts, "_CHUNK", 7)  # the keys' text read in many parts
    path = tmp_path / "events.db"
    with Store(path) as store:
        fill(store, seed=5, articles=150)
    assert _stale(path) == []  # packed as the store closed
    conn = connect(path)
    assert_packed_exact(conn)
    conn.close()
    db = Database(path)  # open throughout: its keys' text grows with the store
    try:
        _assert_answers(db)
        # Changed behind the store's back: the periods are stale, read from the rows.
        conn = connect(path)
        change_events(conn)
        assert_rollups_exact(conn)
        assert_packed_exact(conn)
        conn.close()
        assert "2023-06-30" in _stale(path)
        _assert_answers(db)
        _insert_odd_events(path)
        _assert_answers(db)
        conn = connect(path)
        assert pack_stale(conn) > 0
        assert pack_stale(conn) == 0  # nothing left stale
        assert_packed_exact(conn)
        conn.close()
        assert _stale(path) == []
        _assert_answers(db)
        with Store(path) as store:
            fill(store, seed=6, articles=40)
        assert _stale(path) == []
        _assert_answers(db)
    finally:
        db.close()


def test_a_version_10_store_migrates_and_is_packed(tmp_path: Path) -> None:
    path = tmp_path / "v10.db"
    conn = store_at_version(path, 10)
    add_random_events(conn, 600)
    conn.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION >= 12
        assert _stale(path) != []  # every day with events, until the store closes
    assert _stale(path) == []
    conn = connect(path)
    assert conn.execute(f"SELECT count(*) FROM {PACKED_TABLE}").fetchone()[0] > 0
    assert_packed_exact(conn)
    conn.close()
    db = Database(path)
    try:
        _assert_answers(db)
    finally:
        db.close()


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE event_keyed_packed SET keys = substr(keys, 1, length(keys) - 1)",
        "UPDATE event_keyed_packed SET counts = X'00'",
        "UPDATE event_keyed_packed SET keys = zeroblob(length(keys))",  # key 0: none such
        "UPDATE event_keyed_packed SET keys = 'text'",
    ],
)
def test_a_blob_that_is_not_what_it_should_be_is_refused(tmp_path: Path, change: str) -> None:
    path = tmp_path / "events.db"
    with Store(path) as store:
        fill(store, seed=8, articles=60)
    conn = connect(path)
    conn.execute(change)
    conn.close()
    db = Database(path)
    try:
        with db.reader() as reader, pytest.raises(StoreError):
            reader.stats_json(RANGES[0], StatsGroup.parse("dyad,type"), None)
        with db.map_reader() as pairs, pytest.raises(StoreError):
            pairs.top_pairs(RANGES[0], 15, by_sector=True)
    finally:
        db.close()


def test_the_keys_text_is_read_again_for_another_store(tmp_path: Path) -> None:
    """A ``KeyTexts`` whose last key is not the store's reads every key again."""
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    with Store(first) as store:
        fill(store, seed=1, articles=40)
    with Store(second) as store:
        fill(store, seed=2, articles=40)
    _insert_odd_events(second)  # (its keys differ from the first store's)
    texts = KeyTexts()
    group = StatsGroup.parse("dyad,type")
    query = EventQuery(since=date(2023, 2, 15), until=date(2024, 1, 14))
    answers = []
    for path in (first, second, first):
        db = Database(path)
        try:
            conn = db.connection()
            shared = Reader(conn, db.path, db.indexes, db.tables, key_texts=texts)
            own = Reader(conn, db.path, db.indexes, db.tables, use_rollups=False)
            assert shared.stats(query, group, None) == own.stats(query, group, None)
            answers.append(shared.stats(query, group, None))
            view = texts.view(shared._rows, DYADS, group.keys)
            keys = conn.execute("SELECT count(*) FROM event_dyad_keys").fetchone()[0]
            assert view.last == keys
        finally:
            db.close()
    assert answers[0] == answers[2] != answers[1]
