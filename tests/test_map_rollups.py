"""The dashboard's rollups (schema version 4, ``store/map_rollups.py``) and the answers
of ``/map/...`` from them (``api/map_query.py``): every row stays exact (events,
fatalities, coordinate sums) through inserts, merges, updates and deletes, and every
answer is the one the events table gives. The documents are those of
``test_rollups.py`` (built by hand, no spaCy)."""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.store import Store
from eventwire.store.map_rollups import CELL_DEGREES, MAP_ROLLUP_TABLES
from eventwire.store.read.map_query import View, aggregate_statement, areas, cells, series, totals
from eventwire.store.read.query import EventQuery
from test_rollups import connect, fill

_LENGTH = {"day": 10, "month": 7, "year": 4}
Key = tuple[str | int, ...]


def _expected() -> dict[str, tuple[tuple[str, ...], bool]]:
    """table -> (its key columns in a fixed order, whether it keeps coordinate sums)."""
    out: dict[str, tuple[tuple[str, ...], bool]] = {}
    for grain in ("day", "month"):
        out[f"event_sums_{grain}"] = ((grain, "type", "factual"), False)
    for grain in ("month", "year"):
        out[f"event_areas_{grain}"] = ((grain, "country", "type", "factual"), False)
        out[f"event_cells_{grain}"] = (("level", "cx", "cy", grain, "type", "factual"), True)
        out[f"event_sums_by_country_{grain}"] = (("party", grain, "type", "factual"), False)
        out[f"event_areas_by_country_{grain}"] = (
            ("party", grain, "country", "type", "factual"),
            False,
        )
        out[f"event_cells_by_country_{grain}"] = (
            ("party", "level", "cx", "cy", grain, "type", "factual"),
            True,
        )
    return out


Parties = Callable[[str | None, str | None], list[str]]


def assert_map_rollups_exact(conn: sqlite3.Connection) -> None:
    tables = _expected()
    assert set(tables) == set(MAP_ROLLUP_TABLES)

    def countries(actor: str | None, recipient: str | None) -> list[str]:
        return [c for c in dict.fromkeys((actor, recipient)) if c is not None]

    assert_rollups_exact(conn, tables, ("actor_country", "recipient_country"), countries)


def assert_rollups_exact(
    conn: sqlite3.Connection,
    tables: dict[str, tuple[tuple[str, ...], bool]],
    sides: tuple[str, str],
    parties: Parties,
) -> None:
    """Every row of ``tables`` (table -> its key columns, whether it keeps coordinate
    sums) as counted again from the listed events: an event counts once for each of the
    ``parties`` its ``sides`` columns (actor, recipient) give in a table keyed by party,
    and at every cell level in a table of cells."""
    expected: dict[str, dict[Key, list[float]]] = {
        t: defaultdict(lambda: [0, 0, 0.0, 0.0]) for t in tables
    }
    rows = conn.execute(
        "SELECT date, type, negated, hypothetical, future, dead, place_lat, place_lon, "
        f"place_country_code, {sides[0]}, {sides[1]} FROM events WHERE historical = 0"
    ).fetchall()
    for day, kind, neg, hyp, fut, dead, lat, lon, where, actor, recipient in rows:
        factual = int(not (neg or hyp or fut))
        named = parties(actor, recipient)
        for table, (columns, located) in tables.items():
            if located and (lat is None or lon is None):
                continue
            levels = list(CELL_DEGREES) if located else [0]
            for party in named if "party" in columns else [None]:
                for level in levels:
                    size = CELL_DEGREES.get(level, 1.0)
                    values: dict[str, str | int] = {
                        "type": kind,
                        "factual": factual,
                        "country": where or "",
                        "party": party or "",
                        "level": level,
                    }
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
    for table, (columns, located) in tables.items():
        extra = ", lat, lon" if located else ""
        stored = conn.execute(
            f"SELECT {', '.join(columns)}, n, dead{extra} FROM {table}"
        ).fetchall()
        found = {tuple(r[: len(columns)]): r[len(columns) :] for r in stored}
        assert len(found) == len(stored), f"{table}: a key twice"
        assert set(found) == set(expected[table]), table
        for key, sums in expected[table].items():
            row = found[key]
            assert (row[0], row[1]) == (sums[0], sums[1]), (table, key)
            if located:
                assert math.isclose(row[2], sums[2], abs_tol=1e-6), (table, key)
                assert math.isclose(row[3], sums[3], abs_tol=1e-6), (table, key)


def spread_places_and_dead(conn: sqlite3.Connection, salt: int) -> None:
    """Places over the globe, place countries and fatalities, by update (so the update
    trigger moves the events between rows)."""
    conn.execute(
        "UPDATE events SET place_lat = ((id * ?) % 170) - 85 + 0.37, "
        "place_lon = ((id * ?) % 359) - 179.5, place_country_code = "
        "CASE id % 3 WHEN 0 THEN 'AR' WHEN 1 THEN 'BO' ELSE NULL END WHERE id % 4 != 0",
        (37 + salt, 53 + salt),
    )
    conn.execute("UPDATE events SET dead = (id + ?) % 7 WHERE id % 3 != 1", (salt,))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("map-rollups") / "events.db"
    with Store(path) as store:
        fill(store, seed=5, articles=80)
    conn = connect(path)
    spread_places_and_dead(conn, 0)
    conn.close()
    return path


def test_map_rollups_stay_exact(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store(path) as store:
        fill(store, seed=3, articles=50)
    conn = connect(path)
    assert_map_rollups_exact(conn)
    spread_places_and_dead(conn, 1)
    assert_map_rollups_exact(conn)
    with Store(path) as store:
        fill(store, seed=4, articles=20)  # new events, some merged into stored ones
    conn.execute("UPDATE events SET negated = 1 WHERE id % 7 = 0")
    conn.execute("UPDATE events SET date = NULL WHERE id % 11 = 0")
    conn.execute("UPDATE events SET actor_country = recipient_country WHERE id % 5 = 2")
    conn.execute("UPDATE events SET place_lat = NULL WHERE id % 9 = 0")
    spread_places_and_dead(conn, 2)
    assert_map_rollups_exact(conn)
    conn.execute("DELETE FROM events WHERE id % 3 = 0")
    assert_map_rollups_exact(conn)
    conn.execute("DELETE FROM events")
    for table in MAP_ROLLUP_TABLES:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


QUERIES = [
    EventQuery(),
    EventQuery(include_flagged=True),
    EventQuery(types=("ASSAULT",)),
    EventQuery(types=("ASSAULT", "AID"), since=date(2023, 2, 10)),
    EventQuery(since=date(2023, 1, 15), until=date(2023, 11, 3)),
    EventQuery(until=date(2023, 6, 30), include_flagged=True),
    EventQuery(country="ARC"),
    EventQuery(country="BOR", since=date(2023, 3, 1), until=date(2023, 3, 31)),
    EventQuery(country="CAL", types=("PROTEST",), since=date(2022, 12, 25)),
    # One sector: from the rollups by sector (version 11); with a country: the events.
    EventQuery(actor_sector="GOV"),
    EventQuery(actor_sector="MIL", include_flagged=True),
    EventQuery(recipient_sector="CVL", types=("ASSAULT",)),
    EventQuery(actor_sector="CVL", since=date(2023, 1, 15), until=date(2023, 11, 3)),
    EventQuery(recipient_sector="CVL", since=date(2023, 3, 1), until=date(2023, 3, 31)),
    EventQuery(actor_sector="GOV", country="ARC"),
    EventQuery(actor_sector="GOV", recipient_sector="CVL"),
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


def test_map_answers_from_the_rollups_are_those_of_the_events(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_schema"))
    checked = 0
    for query in QUERIES:
        for agg in AGGREGATES:
            fast = aggregate_statement(query, agg, tables)
            plain = aggregate_statement(query, agg, frozenset())
            assert fast is not None and plain is not None
            # (no rollup holds two parties, nor a party's days)
            parties = [query.country, query.actor_sector, query.recipient_sector]
            named = sum(p is not None for p in parties)
            from_events = named > 1 or (named == 1 and agg.finest == "day")
            assert ("event_" in fast.sql) != from_events
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


def test_the_map_routes_add_up_to_the_count(store_path: Path) -> None:
    with TestClient(create_app(str(store_path))) as client:
        for params in (
            {},
            {"type": "ASSAULT"},
            {"country": "ARC", "since": "2023-02-01"},
            {"actor_sector": "GOV"},  # the rollups by sector (version 11)
            {"recipient_sector": "cvl", "since": "2023-02-10", "until": "2023-11-20"},
        ):
            count = client.get("/events/count", params=params).json()["count"]
            summary = client.get("/map/summary", params=params).json()
            answer = client.get("/map/areas", params=params).json()
            assert summary["events"] == count > 0
            assert sum(r["n"] for r in answer["rows"]) + answer["unplaced"]["n"] == count
            assert summary["countries"] == len(answer["rows"])
            fatalities = sum(r["dead"] for r in answer["rows"]) + answer["unplaced"]["dead"]
            assert summary["fatalities"] == fatalities
            grid = client.get("/map/cells", params={**params, "level": 1}).json()
            located = client.get(
                "/events/count", params={**params, "bbox": "-180,-90,180,90"}
            ).json()["count"]
            assert sum(r["n"] for r in grid["rows"]) == located
            series_rows = client.get("/map/series", params=params).json()["rows"]
            assert sum(r["n"] for r in series_rows) == count
        assert client.get("/map/cells", params={"level": 9}).status_code == 422


def test_the_top_pairs_and_what_is_left_out(store_path: Path) -> None:
    with TestClient(create_app(str(store_path))) as client:
        for params in (
            {},
            {"since": "2023-03-01"},
            {"since": "2023-02-10", "until": "2023-11-20"},  # months and days added up
            {"country": "BOR"},
            {"q": "dispatch"},
        ):
            dyads = client.get("/stats", params={**params, "group": "dyad"}).json()["rows"]
            paired = [r for r in dyads if r["actor_country"] and r["recipient_country"]]
            assert len(paired) > 2
            answer = client.get("/map/pairs", params={**params, "limit": 2}).json()
            assert [r["n"] for r in answer["rows"]] == [r["n"] for r in paired[:2]]
            assert answer["more_pairs"] == len(paired) - 2
            assert answer["more_events"] == sum(r["n"] for r in paired[2:])
            assert answer["unpaired"] == sum(r["n"] for r in dyads) - sum(r["n"] for r in paired)


def test_the_top_pairs_of_countries_and_sectors(store_path: Path) -> None:
    group = "actor_country,actor_sector,recipient_country,recipient_sector"
    with TestClient(create_app(str(store_path))) as client:
        for params in ({}, {"type": "ASSAULT"}, {"since": "2023-02-10", "until": "2023-11-20"}):
            rows = client.get("/stats", params={**params, "group": group}).json()["rows"]
            paired = [r for r in rows if r["actor_country"] and r["recipient_country"]]
            answer = client.get(
                "/map/pairs", params={**params, "limit": 3, "nodes": "sector"}
            ).json()
            assert [r["n"] for r in answer["rows"]] == [r["n"] for r in paired[:3]]
            assert {"actor_sector", "recipient_sector"} <= set(answer["rows"][0])
            assert answer["more_pairs"] == len(paired) - 3
