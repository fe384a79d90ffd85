"""Events and fatalities per first-level region (schema version 10,
``store/admin1_rollups.py``): the rollups stay exact through inserts, updates and
deletes, the answers from them are those of the events table, ``/map/admin1`` adds up to
the country's row of ``/map/areas``, and ``/map/regions`` answers closed rings and
refuses bad country codes. The documents are those of ``test_rollups.py``."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.store import Store
from eventwire.store.admin1_rollups import ADMIN1_TABLES
from eventwire.store.read.map_query import admin1, aggregate_statement
from test_map_rollups import QUERIES, spread_places_and_dead
from test_rollups import connect, fill

Key = tuple[str | int, ...]


def spread_regions(conn: sqlite3.Connection, salt: int) -> None:
    """Regions for most placed events, by update (the trigger moves them)."""
    conn.execute(
        "UPDATE events SET place_admin1 = CASE (id + ?) % 4 WHEN 0 THEN NULL "
        "WHEN 1 THEN 'Upland' WHEN 2 THEN 'Coast' ELSE 'Delta' END",
        (salt,),
    )


def assert_admin1_rollups_exact(conn: sqlite3.Connection) -> None:
    expected: dict[str, dict[Key, list[int]]] = {
        t: defaultdict(lambda: [0, 0]) for t in ADMIN1_TABLES
    }
    rows = conn.execute(
        "SELECT date, type, negated, hypothetical, future, dead, place_country_code, "
        "place_admin1, actor_country, recipient_country FROM events WHERE historical = 0 "
        "AND place_country_code IS NOT NULL"
    ).fetchall()
    for day, kind, neg, hyp, fut, dead, where, region, actor, recipient in rows:
        factual = int(not (neg or hyp or fut))
        parties = [c for c in dict.fromkeys((actor, recipient)) if c is not None]
        for grain, length in (("month", 7), ("year", 4)):
            key = (where, (day or "")[:length], region or "", kind, factual)
            keys = {f"event_admin1_{grain}": [key]}
            keys[f"event_admin1_by_country_{grain}"] = [(p, *key) for p in parties]
            for table, found in keys.items():
                for k in found:
                    expected[table][k][0] += 1
                    expected[table][k][1] += dead or 0
    for table in ADMIN1_TABLES:
        stored = conn.execute(f"SELECT * FROM {table}").fetchall()
        found = {tuple(r[:-2]): list(r[-2:]) for r in stored}
        assert found == dict(expected[table]), table


def test_the_region_rollups_stay_exact(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store(path) as store:
        fill(store, seed=3, articles=50)
    conn = connect(path)
    assert_admin1_rollups_exact(conn)
    spread_places_and_dead(conn, 1)
    spread_regions(conn, 0)
    assert_admin1_rollups_exact(conn)
    with Store(path) as store:
        fill(store, seed=4, articles=20)
    conn.execute("UPDATE events SET negated = 1 WHERE id % 7 = 0")
    conn.execute("UPDATE events SET date = NULL WHERE id % 11 = 0")
    conn.execute("UPDATE events SET historical = 1 WHERE id % 13 = 0")
    conn.execute("UPDATE events SET actor_country = recipient_country WHERE id % 5 = 2")
    spread_places_and_dead(conn, 2)
    spread_regions(conn, 1)
    assert_admin1_rollups_exact(conn)
    conn.execute("DELETE FROM events WHERE id % 3 = 0")
    assert_admin1_rollups_exact(conn)
    conn.execute("DELETE FROM events")
    for table in ADMIN1_TABLES:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("map-admin1") / "events.db"
    with Store(path) as store:
        fill(store, seed=5, articles=80)
    conn = connect(path)
    spread_places_and_dead(conn, 0)
    spread_regions(conn, 2)
    conn.close()
    return path


def test_region_answers_from_the_rollups_are_those_of_the_events(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_schema"))
    indexes = frozenset(
        r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")
    )
    checked = 0
    for query in QUERIES:
        for country in ("AR", "BO"):
            agg = admin1(country)
            fast = aggregate_statement(query, agg, tables, indexes)
            plain = aggregate_statement(query, agg, frozenset())
            assert fast is not None and plain is not None
            role = None
            if query.actor_sector or query.recipient_sector:
                role = "actor" if query.actor_sector else "recipient"
            assert ("event_admin1" in fast.sql) == (role is None)
            # A sector, which no regions' rollup holds, through the index of a sector's
            # factual events by country.
            indexed = role is not None and not query.include_flagged
            assert (f"events_{role}_sector_admin1" in fast.sql) == indexed, query
            got = conn.execute(fast.sql, fast.params).fetchall()
            want = conn.execute(plain.sql, plain.params).fetchall()
            assert got == want, (query, country)
            checked += len(want) > 1
    assert checked > len(QUERIES)


def test_the_regions_add_up_to_the_country(store_path: Path) -> None:
    with TestClient(create_app(str(store_path))) as client:
        for params in ({}, {"type": "ASSAULT"}, {"country": "ARC", "since": "2023-02-01"}):
            areas = client.get("/map/areas", params=params).json()["rows"]
            for area in ("AR", "BOL"):  # alpha-2 or alpha-3
                body = client.get("/map/admin1", params={**params, "area": area}).json()
                row = next(r for r in areas if r["country"] == body["country"])
                assert sum(r["n"] for r in body["rows"]) + body["none"]["n"] == row["n"] > 0
                dead = sum(r["dead"] for r in body["rows"]) + body["none"]["dead"]
                assert dead == row["dead"]
                assert {r["admin1"] for r in body["rows"]} <= {"Upland", "Coast", "Delta"}
        # A country without events: nothing, and nothing without a region.
        empty = client.get("/map/admin1", params={"area": "FRA"}).json()
        assert empty["rows"] == [] and empty["none"] == {"n": 0, "dead": 0}


@pytest.mark.parametrize("area", ["", "I", "INDI", "1N", "IN;--", "ÍN"])
def test_a_malformed_country_code_gets_422(store_path: Path, area: str) -> None:
    with TestClient(create_app(str(store_path))) as client:
        for path in ("/map/admin1", "/map/regions"):
            assert client.get(path, params={"area": area}).status_code == 422
        assert client.get("/map/regions").status_code == 422


@pytest.mark.parametrize("area", ["ZZ", "QQQ", "XX"])
def test_an_unknown_country_gets_404(store_path: Path, area: str) -> None:
    with TestClient(create_app(str(store_path))) as client:
        for path in ("/map/admin1", "/map/regions"):
            response = client.get(path, params={"area": area})
            assert response.status_code == 404
            assert area in response.json()["detail"]


def test_the_regions_of_a_country_are_closed_rings_named_as_events_name_them(
    store_path: Path,
) -> None:
    with TestClient(create_app(str(store_path))) as client:
        body = client.get("/map/regions", params={"area": "in"}).json()
    assert (body["country"], body["iso3"]) == ("IN", "IND")
    names = {r["admin1"] for r in body["regions"]}
    assert {"Kerala", "Tamil Nadu", "Maharashtra", "Bihar"} <= names
    for region in body["regions"]:
        assert region["towns"] > 0 and region["rings"]
        for ring in region["rings"]:
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(60 < lon < 105 and 0 < lat < 45 for lon, lat in ring)
