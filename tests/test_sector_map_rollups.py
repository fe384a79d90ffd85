"""The map's rollups keyed by a sector of the actor or the recipient (schema version 11,
``store/sector_map_rollups.py``): every row stays exact through inserts, merges,
updates and deletes (that the map's answers read from them are those the events give is
checked with the other rollups' in ``test_map_rollups.py``). The documents are those of
``test_rollups.py`` (built by hand)."""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from pathlib import Path

from eventwire.store import Store
from eventwire.store.map_rollups import CELL_DEGREES
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
