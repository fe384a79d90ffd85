"""Tests of the API's query layer (``eventwire.store.read.query``): parameters, cursors and the
SQL it builds, checked on a small in-memory table."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from eventwire.store.read.paging import Cursor, page_plan, sort_order
from eventwire.store.read.query import (
    DISTANCE_FUNCTION,
    BBox,
    EventQuery,
    Near,
    QueryError,
    distance_km,
    where_clause,
)
from eventwire.store.read.reader import snippet_parts
from eventwire.store.read.stats_query import StatsGroup, stats_source, stats_statement


def test_bbox_parses_and_checks_ranges() -> None:
    assert BBox.parse(" 20.5, 44 ,40,53") == BBox(20.5, 44.0, 40.0, 53.0)
    assert BBox.parse("170,-25,-165,-10").min_lon == 170.0  # across the antimeridian
    for text, words in [
        ("1,2,3", "minLon,minLat,maxLon,maxLat"),
        ("1,2,3,x", "'x' is not a number"),
        ("1,2,3,inf", "finite"),
        ("-181,0,0,1", "longitude -181.0"),
        ("0,-91,0,1", "latitude -91.0"),
        ("0,5,1,4", "minLat 5.0 is above maxLat 4.0"),
    ]:
        with pytest.raises(QueryError, match=words):
            BBox.parse(text)


def test_near_parses_and_caps_the_radius() -> None:
    assert Near.parse("50.4,30.5", 20) == Near(50.4, 30.5, 20)
    assert Near.parse("0,0", 1e9).radius_km < 20_100
    for text, radius in [("50", 10.0), ("95,0", 10.0), ("0,0", 0.0), ("0,0", float("nan"))]:
        with pytest.raises(QueryError):
            Near.parse(text, radius)


def test_distance_is_great_circle_km() -> None:
    assert distance_km(None, 1.0, 0.0, 0.0) is None
    one_degree = distance_km(0.0, 0.0, 0.0, 1.0)
    assert one_degree is not None and 111.0 < one_degree < 111.4
    across = distance_km(-18.0, 179.5, -18.0, -179.5)  # one degree across the antimeridian
    assert across is not None and across < 110


@pytest.mark.parametrize("sort", ["-date", "date", "-confidence", "confidence", "mentions"])
def test_cursor_round_trip(sort: str) -> None:
    order = sort_order(sort)
    key: str | float | int | None = {"date": "2024-05-01", "confidence": 0.75}.get(order.column, 3)
    cursor = Cursor(sort, key, 42)
    text = cursor.encode()
    assert "=" not in text and "/" not in text and "+" not in text
    assert Cursor.decode(text, order) == cursor


def test_cursor_decoding_rejects_what_no_page_made() -> None:
    order = sort_order("-date")
    good = Cursor("-date", None, 7).encode()
    assert Cursor.decode(good, order).key is None
    with pytest.raises(QueryError, match="sort=confidence"):
        Cursor.decode(good, sort_order("confidence"))
    for bad in ["", "!!!", "e30", Cursor("-date", 5, 7).encode(), Cursor("-date", "x", 7).encode()]:
        with pytest.raises(QueryError, match="cursor"):
            Cursor.decode(bad, order)
    with pytest.raises(QueryError, match="cursor"):  # a NULL key for a sort without NULLs
        Cursor.decode(Cursor("mentions", None, 3).encode(), sort_order("mentions"))
    with pytest.raises(QueryError, match="sort must be one of"):
        sort_order("size")


def test_stats_groups() -> None:
    assert StatsGroup.parse("dyad,type").keys == ("actor_country", "recipient_country", "type")
    assert StatsGroup.parse(" day , type ").keys == ("day", "type")
    for text in ["", "weekday", "dyad,actor_country", "type,type"]:
        with pytest.raises(QueryError, match="group"):
            StatsGroup.parse(text)


# --- the SQL, on a table of the columns it reads ------------------------------------------


@pytest.fixture
def conn() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.create_function(DISTANCE_FUNCTION, 4, distance_km, deterministic=True)
    db.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, type TEXT, mode TEXT, "
        "actor_country TEXT, recipient_country TEXT, actor_sector TEXT, recipient_sector TEXT, "
        "date TEXT, place_lat REAL, place_lon REAL, confidence REAL, num_mentions INTEGER, "
        "negated INTEGER DEFAULT 0, hypothetical INTEGER DEFAULT 0, future INTEGER DEFAULT 0, "
        "headline INTEGER DEFAULT 0, historical INTEGER DEFAULT 0)"
    )
    rows = [
        (1, "ASSAULT", "2024-01-03", 10.0, 10.0, 0.9, 1),
        (2, "ASSAULT", "2024-01-03", 10.1, 10.1, 0.5, 3),
        (3, "PROTEST", None, None, None, 0.5, 1),
        (4, "PROTEST", "2024-01-01", -18.0, 179.5, 0.7, 2),
        (5, "ASSAULT", None, -18.0, -179.5, 0.6, 1),
        (6, "AID", "2024-01-02", 60.0, 10.0, 0.5, 1),
    ]
    db.executemany(
        "INSERT INTO events (id, type, date, place_lat, place_lon, confidence, num_mentions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.execute("UPDATE events SET headline = 1 WHERE id IN (2, 3, 4)")
    return db


def run_pages(conn: sqlite3.Connection, query: EventQuery, sort: str, size: int) -> list[int]:
    order = sort_order(sort)
    where = where_clause(query)
    found: list[int] = []
    cursor: Cursor | None = None
    while True:
        page: list[tuple[int, object]] = []
        for plan in page_plan(where, order, cursor):
            missing = size - len(page)
            rows = []
            walk = plan.walk(missing)
            if walk is not None:
                rows = conn.execute(walk.sql, walk.params).fetchall()
            if len(rows) < missing:
                search = plan.search(missing)
                rows = conn.execute(search.sql, search.params).fetchall()
            page += rows
            if len(page) >= size:
                break
        found += [row[0] for row in page]
        if len(page) < size:
            return found
        cursor = Cursor(order.name, page[-1][1], page[-1][0])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-date", [2, 1, 6, 4, 5, 3]),  # ties by id in the same direction; undated last
        ("date", [4, 6, 1, 2, 3, 5]),
        ("-confidence", [1, 4, 5, 6, 3, 2]),
        ("confidence", [2, 3, 6, 5, 4, 1]),
        ("-mentions", [2, 4, 6, 5, 3, 1]),
    ],
)
@pytest.mark.parametrize("size", [1, 2, 4, 100])
def test_keyset_pages_follow_the_sort(
    conn: sqlite3.Connection, sort: str, expected: list[int], size: int
) -> None:
    assert run_pages(conn, EventQuery(), sort, size) == expected


def test_where_clause_bbox_and_near_cross_the_antimeridian(conn: sqlite3.Connection) -> None:
    def select(query: EventQuery) -> set[int]:
        where = where_clause(query)
        rows = conn.execute(f"SELECT id FROM events WHERE {where.sql}", where.params)
        return {row[0] for row in rows}

    assert select(EventQuery(bbox=BBox(179.0, -19.0, -179.0, -17.0))) == {4, 5}
    assert select(EventQuery(bbox=BBox(9.0, 9.0, 10.05, 11.0))) == {1}
    assert select(EventQuery(near=Near(-18.0, 180.0, 60.0))) == {4, 5}
    assert select(EventQuery(near=Near(10.0, 10.0, 20.0))) == {1, 2}
    assert select(EventQuery(near=Near(89.0, 0.0, 3500.0))) == {6}  # the box reaches the pole
    assert select(EventQuery(types=("ASSAULT", "AID"), since=date(2024, 1, 2))) == {1, 2, 6}
    assert select(EventQuery(min_confidence=0.7)) == {1, 4}


@pytest.mark.parametrize("size", [1, 2, 100])
def test_headline_filter_selects_and_pages(conn: sqlite3.Connection, size: int) -> None:
    assert run_pages(conn, EventQuery(headline=True), "-date", size) == [2, 4, 3]
    assert run_pages(conn, EventQuery(headline=False), "-date", size) == [1, 6, 5]
    assert run_pages(conn, EventQuery(headline=True), "confidence", size) == [2, 3, 4]
    where = where_clause(EventQuery(headline=True, types=("ASSAULT",)))
    rows = conn.execute(f"SELECT id FROM events WHERE {where.sql}", where.params)
    assert [row[0] for row in rows] == [2]


def test_where_clause_with_no_searchable_word_matches_nothing() -> None:
    assert where_clause(EventQuery(text="-- ...")).nothing
    assert not where_clause(EventQuery(text="ambush*")).nothing


def test_values_are_bound_never_pasted() -> None:
    hostile = "X' OR 1=1 --"
    where = where_clause(EventQuery(types=(hostile,), country=hostile, text=hostile))
    assert hostile not in where.sql
    assert hostile in where.params


def test_stats_statement_orders_time_groups_by_time(conn: sqlite3.Connection) -> None:
    source = stats_source(where_clause(EventQuery()), StatsGroup.parse("day"))
    statement = stats_statement(source, None)
    rows = conn.execute(statement.sql, statement.params).fetchall()
    assert rows == [("2024-01-01", 1), ("2024-01-02", 1), ("2024-01-03", 2), (None, 2)]
    source = stats_source(where_clause(EventQuery()), StatsGroup.parse("type"))
    statement = stats_statement(source, 2)
    assert conn.execute(statement.sql, statement.params).fetchall() == [
        ("ASSAULT", 3),
        ("PROTEST", 2),
    ]
    # The same rows as JSON objects of the keys by name, as the API answers, in one
    # string.
    statement = stats_statement(source, 2, as_json=True)
    (joined,) = conn.execute(statement.sql, statement.params).fetchone()
    assert json.loads(f"[{joined}]") == [
        {"type": "ASSAULT", "n": 3},
        {"type": "PROTEST", "n": 2},
    ]
    source = stats_source(where_clause(EventQuery()), StatsGroup.parse("day"))
    statement = stats_statement(source, None, as_json=True)
    (joined,) = conn.execute(statement.sql, statement.params).fetchone()
    assert [row["day"] for row in json.loads(f"[{joined}]")] == [
        "2024-01-01", "2024-01-02", "2024-01-03", None,
    ]  # fmt: skip
    # No group: NULL.
    nothing = stats_source(where_clause(EventQuery(types=("NOPE",))), StatsGroup.parse("type"))
    statement = stats_statement(nothing, None, as_json=True)
    assert conn.execute(statement.sql, statement.params).fetchone() == (None,)


def test_snippet_parts_split_on_the_markers() -> None:
    parts = snippet_parts("…the \ue000market\ue001 in \ue000Northbridge\ue001")
    assert [(p.text, p.match) for p in parts] == [
        ("…the ", False),
        ("market", True),
        (" in ", False),
        ("Northbridge", True),
    ]
    assert snippet_parts("") == []
