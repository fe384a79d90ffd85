"""Schema version 9: the rollups keyed by an integer per group (``event_keyed_*``) answer
``/stats?group=dyad,type`` and the network of countries and sectors over a date range
that is not a calendar year, with the answers the events give, before and after the
events change. (That the rows stay exact is checked with every rollup, in
``test_rollups.assert_rollups_exact``.)"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from eventwire.api.schemas import stats_body
from eventwire.store import Store
from eventwire.store.read.database import Database
from eventwire.store.read.keyed_rollups import keyed_stats_source, keyed_top_pairs
from eventwire.store.read.map_reader import MapReader
from eventwire.store.read.query import EventQuery
from eventwire.store.read.reader import Reader
from eventwire.store.read.rollups import rollup_plan
from eventwire.store.read.stats_query import StatsGroup
from test_rollups import assert_rollups_exact, connect, fill

_SECTORS = "actor_country,actor_sector,recipient_country,recipient_sector"
# Ranges that start or end within a month (and one of calendar months, across a year).
RANGES = [
    EventQuery(since=date(2023, 2, 15), until=date(2024, 1, 14)),
    EventQuery(since=date(2022, 12, 25), until=date(2024, 2, 3), include_flagged=True),
    EventQuery(since=date(2023, 6, 17)),
    EventQuery(until=date(2023, 8, 3)),
    EventQuery(since=date(2023, 3, 10), until=date(2023, 3, 20)),
    EventQuery(since=date(2023, 11, 1), until=date(2024, 1, 31)),
]
# Requests the keyed rollups leave to the others.
NOT_KEYED = [
    EventQuery(),  # all time: one table
    EventQuery(since=date(2023, 1, 1), until=date(2023, 12, 31)),  # a year, as stored
    EventQuery(since=date(2023, 3, 1), until=date(2023, 3, 31)),  # a month, as stored
    EventQuery(since=date(2023, 2, 15), until=date(2024, 1, 14), types=("ASSAULT",)),
    EventQuery(since=date(2023, 2, 15), until=date(2024, 1, 14), country="ARC"),
]


def change_events(conn: sqlite3.Connection) -> None:
    """Updates and deletes that move events between groups, periods and the factual
    flag, and out of the rollups."""
    conn.execute("UPDATE events SET negated = 1 WHERE id % 7 = 0")
    conn.execute("UPDATE events SET date = '2023-06-30' WHERE id % 11 = 0")
    conn.execute("UPDATE events SET recipient_country = NULL WHERE id % 5 = 1")
    conn.execute("UPDATE events SET actor_sector = 'CVL', type = 'AID' WHERE id % 6 = 0")
    conn.execute("DELETE FROM events WHERE id % 3 = 0")


def _assert_answers_as_the_events(path: Path) -> None:
    db = Database(path)
    try:
        conn = db.connection()
        fast = Reader(conn, db.path, db.indexes, db.tables)
        slow = Reader(conn, db.path, db.indexes, db.tables, use_rollups=False)
        pairs = MapReader(conn, db.path, db.indexes, db.tables)
        plain = MapReader(conn, db.path, frozenset(), frozenset())
        for text in ("dyad,type", "type,dyad"):
            group = StatsGroup.parse(text)
            for query in RANGES:
                plan = rollup_plan(query, group, db.tables)
                assert keyed_stats_source(query, plan, group, db.tables) is not None, query
                expected = slow.stats(query, group, None)
                assert expected.rows, query
                assert fast.stats(query, group, None) == expected, (query, text)
                assert fast.stats(query, group, 5) == slow.stats(query, group, 5)
                body = json.loads(stats_body(fast.stats_json(query, group, None)))
                assert body["rows"] == [
                    {**dict(zip(group.keys, row.keys, strict=True)), "n": row.n}
                    for row in expected.rows
                ]
            for query in NOT_KEYED:
                plan = rollup_plan(query, group, db.tables)
                assert keyed_stats_source(query, plan, group, db.tables) is None, query
                assert fast.stats(query, group, None) == slow.stats(query, group, None)
        sectors = StatsGroup.parse(_SECTORS)
        found = 0
        for query in RANGES:
            plan = rollup_plan(query, sectors, db.tables)
            assert keyed_top_pairs(query, plan, sectors, db.tables, 3) is not None
            # ... but not /stats: the keyed pairs leave out those with a side unknown.
            assert keyed_stats_source(query, plan, sectors, db.tables) is None
            for limit in (1, 3, 15, 10_000):
                answer = pairs.top_pairs(query, limit, by_sector=True)
                assert answer == plain.top_pairs(query, limit, by_sector=True), (query, limit)
                found += len(answer.rows)
        assert found > 0
    finally:
        db.close()


def test_keyed_rollups_answer_as_the_events_through_inserts_updates_and_deletes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "events.db"
    with Store(path) as store:
        fill(store, seed=5, articles=150)
    _assert_answers_as_the_events(path)
    conn = connect(path)
    change_events(conn)
    assert_rollups_exact(conn)
    conn.close()
    _assert_answers_as_the_events(path)
    with Store(path) as store:
        fill(store, seed=6, articles=40)
    _assert_answers_as_the_events(path)
