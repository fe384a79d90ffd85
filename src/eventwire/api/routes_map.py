"""Routes of the dashboard's aggregates (``/map/...``): totals of the filtered events,
the timeline's series, the shading of countries and the map's grid cells, each with
events and fatalities, all computed by the store (``map_query.py``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Annotated, Any

import pycountry
from fastapi import APIRouter, Query

from eventwire.api.params import DatabaseDep, EventQueryDep
from eventwire.errors import StoreError
from eventwire.store.map_rollups import CELL_DEGREES
from eventwire.store.read.database import Database
from eventwire.store.read.map_query import (
    Aggregate,
    View,
    aggregate_statement,
    areas,
    cells,
    series,
    sources_statement,
    totals,
)
from eventwire.store.read.query import (
    BBox,
    EventQuery,
    Statement,
    StatsGroup,
    stats_source,
    where_clause,
)
from eventwire.store.read.rollups import rollup_plan, rollup_stats_source

router = APIRouter(prefix="/map", tags=["map"])


@contextmanager
def _connection(db: Database) -> Iterator[sqlite3.Connection]:
    """This thread's read-only connection, inside one read transaction."""
    conn = db.connection()
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def _rows(conn: sqlite3.Connection, db: Database, statement: Statement) -> list[sqlite3.Row]:
    try:
        return conn.execute(statement.sql, statement.params).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"{db.path}: query failed: {exc}") from exc


def _aggregate(
    conn: sqlite3.Connection, db: Database, query: EventQuery, agg: Aggregate
) -> list[sqlite3.Row]:
    statement = aggregate_statement(query, agg, db.tables, db.indexes)
    return [] if statement is None else _rows(conn, db, statement)


@cache
def country_names(alpha2: str) -> tuple[str, str, str]:
    """(ISO alpha-3, ISO numeric, name) of an alpha-2 code; the code itself when
    pycountry does not know it (Kosovo's XK)."""
    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return alpha2, "", alpha2
    name = getattr(country, "common_name", None) or country.name
    return str(country.alpha_3), str(country.numeric), str(name)


@cache
def alpha3_name(alpha3: str) -> str:
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return alpha3
    return str(getattr(country, "common_name", None) or country.name)


@router.get("/summary")
def summary(db: DatabaseDep, query: EventQueryDep) -> dict[str, Any]:
    """Totals of the filtered events: events, fatalities (the sum of the reported
    dead), the countries they happened in (place countries) and the article sources
    that report them; ``unplaced`` events have no place country."""
    with _connection(db) as conn:
        rows = _aggregate(conn, db, query, totals())
        events = int(rows[0]["n"] or 0) if rows else 0
        fatalities = int(rows[0]["dead"] or 0) if rows else 0
        countries = [r for r in _aggregate(conn, db, query, areas()) if r["country"]]
        sources = 0
        if events:
            sources = int(_rows(conn, db, sources_statement(query, events))[0][0])
    return {
        "events": events,
        "fatalities": fatalities,
        "countries": len(countries),
        "sources": sources,
        "placed": sum(int(r["n"]) for r in countries),
    }


@router.get("/series")
def timeline_series(
    db: DatabaseDep,
    query: EventQueryDep,
    grain: Annotated[str, Query(pattern="^(day|month)$", description="day or month")] = "month",
) -> dict[str, Any]:
    """Events and fatalities per day or month and type (undated events: period null)."""
    with _connection(db) as conn:
        rows = _aggregate(conn, db, query, series(grain))
    return {
        "grain": grain,
        "rows": [
            {"period": r["period"] or None, "type": r["type"], "n": r["n"], "dead": r["dead"]}
            for r in rows
        ],
    }


@router.get("/areas")
def country_areas(db: DatabaseDep, query: EventQueryDep) -> dict[str, Any]:
    """Events and fatalities per country where they happened (the place's country),
    with ISO alpha-2, alpha-3, numeric codes and a name; ``unplaced`` are the events
    without a place country. The counts add up to the filter's total."""
    with _connection(db) as conn:
        rows = _aggregate(conn, db, query, areas())
    out: list[dict[str, Any]] = []
    unplaced = {"n": 0, "dead": 0}
    for r in rows:
        if not r["country"]:
            unplaced = {"n": int(r["n"]), "dead": int(r["dead"])}
            continue
        iso3, numeric, name = country_names(str(r["country"]))
        out.append(
            {
                "country": r["country"],
                "iso3": iso3,
                "numeric": numeric,
                "name": name,
                "n": int(r["n"]),
                "dead": int(r["dead"]),
            }
        )
    out.sort(key=lambda row: (-row["n"], row["country"]))
    return {"rows": out, "unplaced": unplaced}


@router.get("/cells")
def grid_cells(
    db: DatabaseDep,
    query: EventQueryDep,
    level: Annotated[
        int,
        Query(
            ge=min(CELL_DEGREES),
            le=max(CELL_DEGREES),
            description="cell size: "
            + ", ".join(f"{k} = {v:g} degrees" for k, v in CELL_DEGREES.items()),
        ),
    ] = 1,
    view: Annotated[
        str | None,
        Query(description="minLon,minLat,maxLon,maxLat: only the cells meeting this box"),
    ] = None,
) -> dict[str, Any]:
    """Events and fatalities per grid cell, with the centroid of each cell's events:
    the map's clusters, computed from every event passing the filters."""
    box = None
    if view is not None:
        parsed = BBox.parse(view)
        box = View(parsed.min_lon, parsed.min_lat, parsed.max_lon, parsed.max_lat)
    with _connection(db) as conn:
        rows = _aggregate(conn, db, query, cells(level, box))
    return {
        "level": level,
        "size": CELL_DEGREES[level],
        "rows": [
            {
                "cx": r["cx"],
                "cy": r["cy"],
                "lat": round(float(r["lat"]), 4),
                "lon": round(float(r["lon"]), 4),
                "n": int(r["n"]),
                "dead": int(r["dead"]),
            }
            for r in rows
        ],
    }


@router.get("/countries")
def countries(db: DatabaseDep) -> dict[str, Any]:
    """Every actor or recipient country in the store, with its name and events (for
    the dashboard's country filter)."""
    with _connection(db) as conn:
        if "event_counts_country_month" in db.tables:
            statement = Statement(
                "SELECT country, sum(n) AS n FROM event_counts_country_month GROUP BY country",
                [],
            )
        else:
            statement = Statement(
                "SELECT country, count(*) AS n FROM (SELECT actor_country AS country FROM events "
                "UNION ALL SELECT recipient_country FROM events "
                "WHERE recipient_country IS NOT actor_country) "
                "WHERE country IS NOT NULL GROUP BY country",
                [],
            )
        rows = _rows(conn, db, statement)
    found = sorted(((str(r["country"]), int(r["n"])) for r in rows), key=lambda c: (-c[1], c[0]))
    return {"rows": [{"iso3": code, "name": alpha3_name(code), "n": n} for code, n in found]}


@router.get("/sources")
def sources(db: DatabaseDep) -> dict[str, Any]:
    """Every article source in the store and its number of articles (for the
    dashboard's source filter)."""
    with _connection(db) as conn:
        rows = _rows(
            conn,
            db,
            Statement(
                "SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL "
                "GROUP BY source ORDER BY n DESC, source LIMIT 500",
                [],
            ),
        )
    return {"rows": [{"source": str(r["source"]), "articles": int(r["n"])} for r in rows]}


@router.get("/pairs")
def top_pairs(
    db: DatabaseDep,
    query: EventQueryDep,
    limit: Annotated[int, Query(ge=1, le=500, description="how many pairs")] = 15,
    nodes: Annotated[
        str,
        Query(
            pattern="^(country|sector)$",
            description="country: pairs of countries; sector: of country and sector",
        ),
    ] = "country",
) -> dict[str, Any]:
    """The ``limit`` pairs of actor and recipient countries (or countries and sectors)
    with the most events (both countries known), and how many pairs and events are
    left out."""
    by_sector = nodes == "sector"
    group = StatsGroup.parse(
        "actor_country,actor_sector,recipient_country,recipient_sector" if by_sector else "dyad"
    )
    where = where_clause(query)
    if where.nothing:
        return {"rows": [], "more_pairs": 0, "more_events": 0, "unpaired": 0}
    plan = rollup_plan(query, group, db.tables)
    source = (
        rollup_stats_source(query, plan, group, db.indexes)
        if plan is not None
        else stats_source(where, group, db.indexes)
    )
    # The groups, unordered: a top-N sort of the pairs, and a sum over all of them.
    keys = ", ".join(f"k{i}" for i in range(len(group.keys)))
    selected = ", ".join(f"{expr} AS k{i}" for i, expr in enumerate(source.keys))
    grouping = f" GROUP BY {keys}" if source.grouped else ""
    inner = f"SELECT {selected}, {source.count} AS n FROM {source.from_sql}{grouping}"
    both = (
        "(k0 IS NOT NULL AND k2 IS NOT NULL)"
        if by_sector
        else "(k0 IS NOT NULL AND k1 IS NOT NULL)"
    )
    top = Statement(
        f"SELECT {keys}, n FROM ({inner}) WHERE {both} ORDER BY n DESC, {keys} LIMIT ?",
        [*source.params, limit],
    )
    sums = Statement(
        f"SELECT coalesce(sum({both}), 0) AS pairs, "
        f"coalesce(sum(CASE WHEN {both} THEN n END), 0) AS paired, "
        f"coalesce(sum(CASE WHEN {both} THEN 0 ELSE n END), 0) AS unpaired FROM ({inner})",
        list(source.params),
    )
    with _connection(db) as conn:
        rows = _rows(conn, db, top)
        total = _rows(conn, db, sums)[0]
    shown = sum(int(r["n"]) for r in rows)
    return {
        "rows": [
            {**{key: r[f"k{i}"] for i, key in enumerate(group.keys)}, "n": int(r["n"])}
            for r in rows
        ],
        "more_pairs": int(total["pairs"]) - len(rows),
        "more_events": int(total["paired"]) - shown,
        "unpaired": int(total["unpaired"]),
    }
