"""The map's rollups keyed by a sector of the actor or the recipient (schema version 11,
``store/sector_map_rollups.py``): every row stays exact through inserts, merges,
updates and deletes, and a sector-filtered map answer read from them is the one the
events give. The documents are those of ``test_rollups.py`` (built by hand)."""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from eventwire.store import Store
from eventwire.store.map_rollups import CELL_DEGREES
from eventwire.store.read.map_query import View, aggregate_statement, areas, cells, series, totals
from eventwire.store.read.query import EventQuery
from eventwire.store.sector_map_rollups import SECTOR_MAP_TABLES, party
from test_map_rollups import spread_places_and_dead
from test_rollups import connect, fill

_LENGTH = {"month": 7, "year": 4}
Key = tuple[str | int, ...]


def _columns(table: str) -> tuple[tuple[str, ...], bool]:
    family, grain = table.removeprefix("event_").split("_by_sector_")
    if family == "cells":
        return ("party", "level", "cx", "cy", grain, "type", "factual"), True
    if family == "areas":
        return ("party", grain, "country", "type", "factual"), False
    return ("party", grain, "type", "factual"), False


def assert_sector_map_rollups_exact(conn: sqlite3.Connection) -> None:
    """Every table as counted again from the listed events, one role at a time."""
    assert set(SECTOR_MAP_TABLES) == {
        f"event_{f}_by_sector_{g}" for f in ("sums", "areas", "cells") for g in _LENGTH
    }
    expected: dict[str, dict[Key, list[float]]] = {
        t: defaultdict(lambda: [0, 0, 0.0, 0.0]) for t in SECTOR_MAP_TABLES
    }
    rows = conn.execute(
        "SELECT date, type, negated, hypothetical, future, dead, place_lat, place_lon, "
        "place_country_code, actor_sector, recipient_sector FROM events WHERE historical = 0"
    ).fetchall()
    for day, kind, neg, hyp, fut, dead, lat, lon, where, actor, recipient in rows:
        factual = int(not (neg or hyp or fut))
        parties = [party(r, s) for r, s in (("actor", actor), ("recipient", recipient)) if s]
        for table in SECTOR_MAP_TABLES:
            columns, located = _columns(table)
            if located and (lat is None or lon is None):
                continue
            for who in parties:
                for level in list(CELL_DEGREES) if located else [0]:
                    size = CELL_DEGREES.get(level, 1.0)
                    values: dict[str, str | int] = {
                        "party": who, "type": kind, "factual": factual,
                        "country": where or "", "level": level,
                    }  # fmt: skip
                    if located:
                        values["cx"] = int((lon + 180.0) / size)
                        values["cy"] = int((lat + 90.0) / size)
                    for grain, length in _LENGTH.items():
                        values[grain] = (day or "")[:length]
                    sums = expected[table][tuple(values[c] for c in columns)]
                    sums[0] += 1
                    sums[1] += dead or 0
                    if located:
                        sums[2] += lat
                        sums[3] += lon
    for table in SECTOR_MAP_TABLES:
        columns, located = _columns(table)
        extra = ", lat, lon" if located else ""
        stored = conn.execute(
            f"SELECT {', '.join(columns)}, n, dead{extra} FROM {table}"
        ).fetchall()
        found = {tuple(r[: len(columns)]): r[len(columns) :] for r in stored}
        assert set(found) == set(expected[table]), table
        for key, sums in expected[table].items():
            assert (found[key][0], found[key][1]) == (sums[0], sums[1]), (table, key)
            if located:
                assert math.isclose(found[key][2], sums[2], abs_tol=1e-6), (table, key)
                assert math.isclose(found[key][3], sums[3], abs_tol=1e-6), (table, key)


def test_sector_map_rollups_stay_exact(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store(path) as store:
        fill(store, seed=3, articles=50)
    conn = connect(path)
    assert conn.execute("SELECT count(DISTINCT actor_sector) FROM events").fetchone()[0] > 1
    assert_sector_map_rollups_exact(conn)
    spread_places_and_dead(conn, 1)
    assert_sector_map_rollups_exact(conn)
    with Store(path) as store:
        fill(store, seed=4, articles=20)  # new events, some merged into stored ones
    conn.execute("UPDATE events SET actor_sector = 'COP' WHERE id % 5 = 1")
    conn.execute("UPDATE events SET recipient_sector = NULL WHERE id % 6 = 2")
    conn.execute("UPDATE events SET actor_sector = recipient_sector WHERE id % 7 = 3")
    conn.execute("UPDATE events SET historical = 1 WHERE id % 8 = 4")
    conn.execute("UPDATE events SET future = 1 WHERE id % 9 = 5")
    spread_places_and_dead(conn, 2)
    assert_sector_map_rollups_exact(conn)
    conn.execute("DELETE FROM events WHERE id % 3 = 0")
    assert_sector_map_rollups_exact(conn)
    conn.execute("DELETE FROM events")
    for table in SECTOR_MAP_TABLES:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sector-map-rollups") / "events.db"
    with Store(path) as store:
        fill(store, seed=5, articles=80)
    conn = connect(path)
    spread_places_and_dead(conn, 0)
    conn.close()
    return path


QUERIES = [
    EventQuery(actor_sector="GOV"),
    EventQuery(actor_sector="MIL", include_flagged=True),
    EventQuery(recipient_sector="CVL", types=("ASSAULT",)),
    EventQuery(actor_sector="CVL", since=date(2023, 1, 15), until=date(2023, 11, 3)),
    EventQuery(recipient_sector="CVL", since=date(2023, 3, 1), until=date(2023, 3, 31)),
    EventQuery(actor_sector="GOV", types=("PROTEST", "ASSAULT"), since=date(2022, 12, 25)),
]
AGGREGATES = [
    totals(),
    series("month"),
    series("day"),
    areas(),
    cells(1, None),
    cells(2, View(-100.0, -40.0, 60.0, 50.0)),
    cells(3, View(-180.0, -90.0, 180.0, 90.0)),
]


def test_sector_answers_from_the_rollups_are_those_of_the_events(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_schema"))
    checked = 0
    for query in QUERIES:
        for agg in AGGREGATES:
            fast = aggregate_statement(query, agg, tables, tables)
            plain = aggregate_statement(query, agg, frozenset())
            assert fast is not None and plain is not None
            # A day series of a sector reads its days from the events.
            assert ("_by_sector_" in fast.sql) == (agg.finest != "day"), (query, agg.family)
            got = conn.execute(fast.sql, fast.params).fetchall()
            want = conn.execute(plain.sql, plain.params).fetchall()
            assert [r[: len(agg.keys) + 2] for r in got] == [
                r[: len(agg.keys) + 2] for r in want
            ], (query, agg.family)
            if agg.coordinates:
                for a, b in zip(got, want, strict=True):
                    assert math.isclose(a[-2], b[-2]) and math.isclose(a[-1], b[-1])
            checked += bool(want)
    assert checked > len(QUERIES) * 4


def test_a_sector_with_a_country_or_two_sectors_reads_the_events(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_schema"))
    for query in (
        EventQuery(actor_sector="GOV", country="ARC"),
        EventQuery(actor_sector="GOV", recipient_sector="CVL"),
    ):
        fast = aggregate_statement(query, areas(), tables, tables)
        assert fast is not None and "_by_sector_" not in fast.sql and "_by_country_" not in fast.sql
