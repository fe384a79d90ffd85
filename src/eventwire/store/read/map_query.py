"""The SQL of the dashboard's aggregates: totals, the timeline's series, the shading of
countries and of one country's first-level regions, and the map's grid cells, each with
events (``n``) and fatalities (``dead``).

A request whose filters are only types, dates and factuality is answered from the
rollups of schema version 4 (``store/map_rollups.py``): a date range is cut into whole
years, whole months and the days left at its ends, as ``rollups.split_range`` does; the
days are read from ``events``. One country (version 4) or one actor or recipient
sector (version 11, ``store/sector_map_rollups.py``) is read from the rollups keyed by
it. Any other filter (a country with a sector, text, a source, ...) is answered from
``events`` alone, with the same conditions as ``/events``. Both give the
same numbers. Nothing here touches a connection.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from eventwire.store.admin1_rollups import ADMIN1_TABLES
from eventwire.store.map_rollups import CELL_DEGREES, MAP_ROLLUP_TABLES
from eventwire.store.read.query import EventQuery, SqlValue, Statement, where_clause
from eventwire.store.read.rollups import Grain, Piece, piece_bounds, split_range
from eventwire.store.sector_map_rollups import SECTOR_FAMILIES, SECTOR_MAP_TABLES, party

_PERIOD_LENGTH = {"year": 4, "month": 7, "day": 10}
# The grains of every ``*_by_country_*`` table (days come from ``events``).
_COUNTRY_GRAINS: tuple[Grain, ...] = ("year", "month", "event")
_FINENESS = {"year": 0, "month": 1, "day": 2, "event": 2}


def rollup_ready(query: EventQuery, tables: frozenset[str]) -> bool:
    """Whether the rollups can answer ``query`` (its filters are types, dates,
    factuality and at most one party: a country of the actor or the recipient, or an
    actor or a recipient sector; historical events are left out, and the store has the
    tables)."""
    if not set(MAP_ROLLUP_TABLES) <= tables:
        return False
    plain = EventQuery(
        types=query.types,
        country=query.country,
        actor_sector=query.actor_sector,
        recipient_sector=query.recipient_sector,
        since=query.since,
        until=query.until,
        include_flagged=query.include_flagged,
    )
    if query != plain:
        return False
    parties = [query.country, query.actor_sector, query.recipient_sector]
    if sum(p is not None for p in parties) > 1:
        return False
    return _sector_party(query) is None or set(SECTOR_MAP_TABLES) <= tables


def _sector_party(query: EventQuery) -> str | None:
    """The ``party`` of the sector ``query`` filters by (``sector_map_rollups.py``)."""
    if query.actor_sector is not None:
        return party("actor", query.actor_sector)
    if query.recipient_sector is not None:
        return party("recipient", query.recipient_sector)
    return None


@dataclass(frozen=True, slots=True)
class Key:
    """One output column: its SQL over a rollup table (``{p}`` is the period column)
    and over ``events``."""

    name: str
    rollup: str
    event: str


@dataclass(frozen=True, slots=True)
class Aggregate:
    """What to add up: the rollup family (``sums``, ``areas`` or ``cells``), its grains
    (coarsest first, ``event`` last when days come from ``events``), the group keys,
    extra conditions on the rollup rows and on the events (same values), and whether
    the coordinate sums are wanted."""

    family: str
    grains: tuple[Grain, ...]
    keys: tuple[Key, ...]
    rollup_where: tuple[str, ...] = ()
    rollup_params: tuple[SqlValue, ...] = ()
    event_where: tuple[str, ...] = ()
    event_params: tuple[SqlValue, ...] = ()
    coordinates: bool = False
    finest: Grain = "year"  # the finest period a key needs
    tables: tuple[str, ...] = ()  # the family's rollup tables, beyond the map's


def _period(grain: str, key: str) -> str:
    """A period key of length ``key`` over a column of ``grain``."""
    if _PERIOD_LENGTH[key] == _PERIOD_LENGTH[grain]:
        return grain
    return f"substr({grain}, 1, {_PERIOD_LENGTH[key]:d})"


def _rollup_piece(query: EventQuery, agg: Aggregate, piece: Piece) -> Statement:
    grain = piece.grain
    conditions: list[str] = []
    params: list[SqlValue] = []
    sector = _sector_party(query)
    if sector is not None:
        table = f"event_{agg.family}_by_sector_{grain}"
        conditions.append("party = ?")
        params.append(sector)
    elif query.country is not None:
        table = f"event_{agg.family}_by_country_{grain}"
        conditions.append("party = ?")
        params.append(query.country)
    else:
        table = f"event_{agg.family}_{grain}"
    conditions += agg.rollup_where
    params += agg.rollup_params
    bounds, values = piece_bounds(piece, grain)
    if piece.first is None and (query.since is not None or query.until is not None):
        bounds.insert(0, f"{grain} > ''")  # a date range leaves the undated out
    conditions += bounds
    params += values
    if not query.include_flagged:
        conditions.append("factual = 1")
    if query.types:
        conditions.append(f"type IN ({', '.join('?' for _ in query.types)})")
        params += query.types
    keys = "".join(f"{k.rollup.format(p=grain)} AS {k.name}, " for k in agg.keys)
    sums = "n, dead" + (", lat, lon" if agg.coordinates else "")
    where = " AND ".join(conditions) or "1"
    return Statement(f"SELECT {keys}{sums} FROM {table} WHERE {where}", params)


def _event_source(query: EventQuery, indexes: frozenset[str], family: str = "") -> str:
    """``events``, with a hint to read a sector's covering index (schema version 4) when
    a sector is asked for (SQLite's planner may prefer the index of types); for one
    country's regions, the index of the country's events by sector (version 10)."""
    if not query.include_flagged and query.historical == "exclude":
        for role in ("actor", "recipient"):
            index = f"events_{role}_sector_map"
            if family == "admin1" and f"events_{role}_sector_admin1" in indexes:
                index = f"events_{role}_sector_admin1"
            if getattr(query, f"{role}_sector") is not None and index in indexes:
                return f"events INDEXED BY {index}"
    return "events"


def _event_piece(
    query: EventQuery, agg: Aggregate, piece: Piece | None, indexes: frozenset[str] = frozenset()
) -> Statement:
    bounded = query
    if piece is not None:
        bounded = replace(
            query,
            since=None if piece.first is None else date.fromisoformat(piece.first),
            until=None if piece.last is None else date.fromisoformat(piece.last),
        )
    where = where_clause(bounded)
    conditions = [where.sql, *agg.event_where]
    params: list[SqlValue] = [*where.params, *agg.event_params]
    keys = "".join(f"{k.event} AS {k.name}, " for k in agg.keys)
    sums = "1 AS n, coalesce(dead, 0) AS dead"
    if agg.coordinates:
        sums += ", place_lat AS lat, place_lon AS lon"
    source = _event_source(bounded, indexes, agg.family)
    return Statement(f"SELECT {keys}{sums} FROM {source} WHERE {' AND '.join(conditions)}", params)


def aggregate_statement(
    query: EventQuery,
    agg: Aggregate,
    tables: frozenset[str],
    indexes: frozenset[str] = frozenset(),
) -> Statement | None:
    """``SELECT keys, n, dead[, lat, lon]`` summed per group of ``agg.keys`` (lat and
    lon are the centroid); None when no event can match (a text query without words)."""
    if where_clause(query).nothing:
        return None
    sector = _sector_party(query)
    if (
        rollup_ready(query, tables)
        and set(agg.tables) <= tables
        and (sector is None or agg.family in SECTOR_FAMILIES)
    ):
        keyed = query.country is not None or sector is not None
        grains = _COUNTRY_GRAINS if keyed else agg.grains
        # Only the tables at least as fine as the periods asked for.
        fine = _FINENESS[agg.finest]
        grains = tuple(g for g in grains if _FINENESS[g] >= fine)
        pieces = split_range(query.since, query.until, grains)
        # The days at the ends of a range: a sector's from its index.
        day_indexes = indexes if sector is not None else frozenset()
        parts = [
            _event_piece(query, agg, p, day_indexes)
            if p.grain == "event"
            else _rollup_piece(query, agg, p)
            for p in pieces
        ]
    else:
        parts = [_event_piece(query, agg, None, indexes)]
    union = " UNION ALL ".join(p.sql for p in parts)
    params = [v for p in parts for v in p.params]
    names = ", ".join(k.name for k in agg.keys)
    sums = "sum(n) AS n, sum(dead) AS dead"
    if agg.coordinates:
        sums += ", sum(lat) / sum(n) AS lat, sum(lon) / sum(n) AS lon"
    if not agg.keys:
        return Statement(f"SELECT {sums} FROM ({union})", params)
    return Statement(
        f"SELECT {names}, {sums} FROM ({union}) GROUP BY {names} ORDER BY {names}", params
    )


# --- the four aggregates ---------------------------------------------------------------


def totals() -> Aggregate:
    """Events and fatalities in all (no keys)."""
    return Aggregate("sums", ("month", "day"), ())


def series(grain: str) -> Aggregate:
    """Per ``grain`` (day or month) and type; undated events as the period ''."""
    if grain not in ("day", "month"):
        raise ValueError(f"grain must be day or month, not {grain!r}")
    grains: tuple[Grain, ...] = ("month", "day") if grain == "month" else ("day",)
    length = _PERIOD_LENGTH[grain]
    return Aggregate(
        "sums",
        grains,
        (
            Key("period", _period_sql(grain), f"coalesce(substr(date, 1, {length:d}), '')"),
            Key("type", "type", "type"),
        ),
        finest="month" if grain == "month" else "day",
    )


def _period_sql(key: str) -> str:
    # {p} is the grain of the table read; a day table read for months is cut down.
    return "{p}" if key == "day" else "substr({p}, 1, " + str(_PERIOD_LENGTH[key]) + ")"


def areas() -> Aggregate:
    """Per place country (ISO alpha-2; '' for events without one)."""
    return Aggregate(
        "areas",
        ("year", "month", "event"),
        (Key("country", "country", "coalesce(place_country_code, '')"),),
    )


def admin1(country: str) -> Aggregate:
    """Per first-level region of the events that happened in ``country`` (ISO alpha-2;
    '' for its events without a region), from ``event_admin1_*`` (schema version 10)."""
    return Aggregate(
        "admin1",
        ("year", "month", "event"),
        (Key("admin1", "admin1", "coalesce(place_admin1, '')"),),
        ("country = ?",),
        (country,),
        ("place_country_code = ?",),
        (country,),
        tables=ADMIN1_TABLES,
    )


@dataclass(frozen=True, slots=True)
class View:
    """A box of the map (degrees); cells meeting it are returned."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


def cells(level: int, view: View | None) -> Aggregate:
    """Per grid cell of ``level`` (``CELL_DEGREES``), the cells meeting ``view``."""
    size = CELL_DEGREES[level]
    cx = f"CAST((place_lon + 180.0) / {size!r} AS INTEGER)"
    cy = f"CAST((place_lat + 90.0) / {size!r} AS INTEGER)"
    rollup_where = ["level = ?"]
    event_where = ["place_lat IS NOT NULL", "place_lon IS NOT NULL"]
    params: list[SqlValue] = []
    if view is not None:
        x0, x1 = int((view.min_lon + 180.0) / size), int((view.max_lon + 180.0) / size)
        y0, y1 = int((view.min_lat + 90.0) / size), int((view.max_lat + 90.0) / size)
        if x0 <= x1:
            rollup_where.append("cx BETWEEN ? AND ?")
            event_where.append(f"{cx} BETWEEN ? AND ?")
            params += [x0, x1]
        rollup_where.append("cy BETWEEN ? AND ?")
        event_where.append(f"{cy} BETWEEN ? AND ?")
        params += [y0, y1]
    return Aggregate(
        "cells",
        ("year", "month", "event"),
        (Key("cx", "cx", cx), Key("cy", "cy", cy)),
        tuple(rollup_where),
        (level, *params),
        tuple(event_where),
        tuple(params),
        coordinates=True,
    )


# --- sources -----------------------------------------------------------------------------

# Up to this many events, the sources of a filter are found from its events; above, from
# each source's articles (one matching event is enough to count a source).
SOURCES_FROM_EVENTS = 2_000


def sources_statement(query: EventQuery, events: int) -> Statement:
    """How many distinct article sources report the events of ``query`` (``events`` is
    how many there are, which decides the plan; the answer is the same)."""
    where = where_clause(query)
    if events <= SOURCES_FROM_EVENTS:
        return Statement(
            f"SELECT count(DISTINCT articles.source) FROM (SELECT id AS eid FROM events "
            f"WHERE {where.sql}) AS matched "
            "JOIN mentions ON mentions.event_id = matched.eid "
            "JOIN articles ON articles.id = mentions.article_id "
            "WHERE articles.source IS NOT NULL",
            list(where.params),
        )
    return Statement(
        "WITH RECURSIVE src(name) AS ("
        "SELECT min(source) FROM articles WHERE source IS NOT NULL "
        "UNION ALL SELECT (SELECT min(source) FROM articles WHERE source > src.name) "
        "FROM src WHERE src.name IS NOT NULL) "
        "SELECT count(*) FROM src WHERE name IS NOT NULL AND EXISTS ("
        "SELECT 1 FROM articles JOIN mentions ON mentions.article_id = articles.id "
        "WHERE articles.source = src.name AND EXISTS (SELECT 1 FROM events "
        f"WHERE events.id = mentions.event_id AND {where.sql}))",
        list(where.params),
    )
