"""Schema version 6: the rollups of a year's and of all time's pairs, dyads and pairs of
countries and sectors get an index in the order of their counts, and the largest groups
are read from it unsorted. A store made at version 5 migrates, and answers as before."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventwire.api.schemas import stats_body
from eventwire.store import Store, schema
from eventwire.store.migrations import TOP_INDEXED
from eventwire.store.read.database import Database
from eventwire.store.read.map_reader import MapReader
from eventwire.store.read.query import EventQuery
from eventwire.store.read.reader import Reader
from eventwire.store.read.rollups import rollup_plan, rollup_stats_source
from eventwire.store.read.stats_query import StatsGroup, stats_statement
from test_rollups import add_random_events, assert_rollups_exact, connect, store_at_version


def version_5_store(path: Path, events: int) -> None:
    """A store at schema version 5 holding ``events`` random events."""
    conn = store_at_version(path, 5)
    add_random_events(conn, events)
    conn.close()


def test_a_version_5_store_migrates_and_reads_the_largest_groups_unsorted(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v5.db"
    version_5_store(path, 400)
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION >= 6
    conn = connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
    assert {f"{table}_top" for table in TOP_INDEXED} <= names
    assert_rollups_exact(conn)
    conn.close()

    db = Database(path)
    try:
        read = db.connection()
        fast = Reader(read, db.path, db.indexes, db.tables)
        slow = Reader(read, db.path, db.indexes, db.tables, use_rollups=False)
        queries = [EventQuery(), EventQuery(since=date(2023, 1, 1), until=date(2023, 12, 31))]
        for query in queries:
            for text in ("dyad,type", "dyad", "actor_country,actor_sector,recipient_country,"
                         "recipient_sector"):  # fmt: skip
                group = StatsGroup.parse(text)
                plan = rollup_plan(query, group, db.tables)
                if plan is None:
                    continue  # (pairs of sectors over a date range: from the events)
                source = rollup_stats_source(query, plan, group, db.indexes)
                statement = stats_statement(source, None, as_json=True)
                steps = " / ".join(
                    str(row[3])
                    for row in read.execute(f"EXPLAIN QUERY PLAN {statement.sql}", statement.params)
                )
                assert "_top" in steps and "TEMP B-TREE" not in steps, (text, steps)
                # ... and the answer is the one the events give, in the API's order.
                expected = slow.stats(query, group, None)
                assert fast.stats(query, group, None) == expected
                assert fast.stats(query, group, 4) == slow.stats(query, group, 4)
                body = json.loads(stats_body(fast.stats_json(query, group, None)))
                assert [row["n"] for row in body["rows"]] == [row.n for row in expected.rows]
        # The network's pairs: the same from the rollups as from the events.
        pairs = MapReader(read, db.path, db.indexes, db.tables)
        plain = MapReader(read, db.path, frozenset(), frozenset())
        for by_sector in (False, True):
            assert pairs.top_pairs(EventQuery(), 5, by_sector=by_sector) == plain.top_pairs(
                EventQuery(), 5, by_sector=by_sector
            )
    finally:
        db.close()


def test_undated_groups_come_last_when_read_from_a_rollup_in_time_order(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v5.db"
    version_5_store(path, 300)
    with Store(path):
        pass
    db = Database(path)
    try:
        read = db.connection()
        fast = Reader(read, db.path, db.indexes, db.tables)
        slow = Reader(read, db.path, db.indexes, db.tables, use_rollups=False)
        for query in (EventQuery(country="ARC"), EventQuery(types=("ASSAULT",))):
            group = StatsGroup.parse("day,type")
            result = fast.stats(query, group, None)
            assert result == slow.stats(query, group, None)
            assert result.rows[-1].keys[0] is None  # some events are undated
            assert fast.stats(query, group, 7) == slow.stats(query, group, 7)
    finally:
        db.close()


def test_a_stats_answer_of_no_group_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    version_5_store(path, 20)
    with Store(path):
        pass
    db = Database(path)
    try:
        reader = Reader(db.connection(), db.path, db.indexes, db.tables)
        empty = reader.stats_json(EventQuery(types=("RETREAT",)), StatsGroup.parse("type"), None)
        assert json.loads(stats_body(empty)) == {"group": ["type"], "rows": []}
    finally:
        db.close()
