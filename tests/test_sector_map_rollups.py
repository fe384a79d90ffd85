"""The map's rollups keyed by a sector of the actor or the recipient (schema version 11,
``store/sector_map_rollups.py``): every row stays exact through inserts, merges,
updates and deletes (that the map's answers read from them are those the events give is
checked with the other rollups' in ``test_map_rollups.py``). The documents are those of
``test_rollups.py`` (built by hand)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventwire.store import Store
from eventwire.store.sector_map_rollups import SECTOR_MAP_TABLES, party
from test_map_rollups import assert_rollups_exact, spread_places_and_dead
from test_rollups import connect, fill

_GRAINS = ("month", "year")


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
        f"event_{f}_by_sector_{g}" for f in ("sums", "areas", "cells") for g in _GRAINS
    }

    def sectors(actor: str | None, recipient: str | None) -> list[str]:
        return [party(r, s) for r, s in (("actor", actor), ("recipient", recipient)) if s]

    tables = {table: _columns(table) for table in SECTOR_MAP_TABLES}
    assert_rollups_exact(conn, tables, ("actor_sector", "recipient_sector"), sectors)


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
