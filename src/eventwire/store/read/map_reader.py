"""The dashboard's queries: ``MapReader`` runs the aggregates of ``map_query.py`` (totals,
the timeline's series, the shading of countries, the map's grid cells), the top pairs of
the network and the lists of the filters (countries, sources) on one read-only
connection, inside one read transaction (see ``Database.map_reader``), and returns the
records below. The API's ``/map/...`` routes only shape them into JSON.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from eventwire.store.keyed_rollups import PARTY_SECTORS
from eventwire.store.packed_rollups import PACKED_TABLE
from eventwire.store.read import map_query
from eventwire.store.read.keyed_rollups import keyed_family, keyed_top_pairs
from eventwire.store.read.map_query import Aggregate, View, aggregate_statement, sources_statement
from eventwire.store.read.packed_rollups import packed_top_pairs
from eventwire.store.read.query import (
    EventQuery,
    SqlValue,
    Statement,
    count_statement,
    where_clause,
)
from eventwire.store.read.reader import fetch_rows
from eventwire.store.read.rollups import (
    rollup_count_statement,
    rollup_plan,
    rollup_stats_source,
)
from eventwire.store.read.stats_query import StatsGroup, stats_source

# The groups of the network's pairs: of countries, or of countries and sectors.
_PAIRS_OF_COUNTRIES = "dyad"
_PAIRS_OF_SECTORS = "actor_country,actor_sector,recipient_country,recipient_sector"
# The most article sources listed for the dashboard's source filter.
MAX_SOURCES = 500


@dataclass(frozen=True, slots=True)
class MapSummary:
    """Totals of the filtered events: events, fatalities (the sum of the reported dead),
    the place countries they happened in, the article sources that report them, and how
    many of them have a place country (``placed``)."""

    events: int
    fatalities: int
    countries: int
    sources: int
    placed: int


@dataclass(frozen=True, slots=True)
class PeriodCount:
    """Events and fatalities of one period (a day or a month; None: undated) and type."""

    period: str | None
    type: str
    n: int
    dead: int


@dataclass(frozen=True, slots=True)
class AreaCount:
    """Events and fatalities of one place country (ISO alpha-2; '' for the events
    without a place country)."""

    country: str
    n: int
    dead: int


@dataclass(frozen=True, slots=True)
class RegionCount:
    """Events and fatalities of one first-level region of a country (its name as
    ``events.place_admin1`` holds it; '' for the country's events without one)."""

    admin1: str
    n: int
    dead: int


@dataclass(frozen=True, slots=True)
class CellCount:
    """Events and fatalities of one grid cell (column ``cx``, row ``cy``), and the
    centroid of its events."""

    cx: int
    cy: int
    lat: float
    lon: float
    n: int
    dead: int


@dataclass(frozen=True, slots=True)
class CountryCount:
    """An actor or recipient country (as stored) and its events."""

    country: str
    n: int


@dataclass(frozen=True, slots=True)
class SourceCount:
    """An article source and its articles."""

    source: str
    articles: int


@dataclass(frozen=True, slots=True)
class PairCount:
    """One pair's values (in the order of ``TopPairs.keys``) and its events."""

    values: tuple[str | None, ...]
    n: int


@dataclass(frozen=True, slots=True)
class TopPairs:
    """The pairs with the most events, and the totals over every pair: how many pairs
    there are (``pairs``), their events (``paired``) and the events with a side
    unknown (``unpaired``)."""

    keys: tuple[str, ...]
    rows: list[PairCount]
    pairs: int
    paired: int
    unpaired: int


class MapReader:
    """The dashboard's queries, on one connection (see ``Database.map_reader``)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: str,
        indexes: frozenset[str] = frozenset(),
        tables: frozenset[str] = frozenset(),
        *,
        time_limit: float | None = None,
    ) -> None:
        """``indexes`` and ``tables`` are the store's index and table names (rollup
        tables are read where they can answer); ``time_limit`` is the budget the
        connection's progress handler enforces (named in the message of a query it
        stops)."""
        self._conn = conn
        self._path = path
        self._indexes = indexes
        self._tables = tables
        self._time_limit = time_limit

    def _rows(self, statement: Statement) -> list[sqlite3.Row]:
        return self._sql_rows(statement.sql, statement.params)

    def _sql_rows(
        self, sql: str, params: list[SqlValue] | tuple[SqlValue, ...]
    ) -> list[sqlite3.Row]:
        return fetch_rows(self._conn, sql, params, self._path, self._time_limit)

    def _aggregate(self, query: EventQuery, agg: Aggregate) -> list[sqlite3.Row]:
        statement = aggregate_statement(query, agg, self._tables, self._indexes)
        return [] if statement is None else self._rows(statement)

    # --- aggregates of the filtered events -----------------------------------------------

    def summary(self, query: EventQuery) -> MapSummary:
        rows = self._aggregate(query, map_query.totals())
        events = int(rows[0]["n"] or 0) if rows else 0
        fatalities = int(rows[0]["dead"] or 0) if rows else 0
        placed = [r for r in self._aggregate(query, map_query.areas()) if r["country"]]
        sources = 0
        if events:
            sources = int(self._rows(sources_statement(query, events))[0][0])
        return MapSummary(
            events=events,
            fatalities=fatalities,
            countries=len(placed),
            sources=sources,
            placed=sum(int(r["n"]) for r in placed),
        )

    def series(self, query: EventQuery, grain: str) -> list[PeriodCount]:
        """Per ``grain`` (day or month) and type, in order of period and type."""
        return [
            PeriodCount(r["period"] or None, r["type"], int(r["n"]), int(r["dead"]))
            for r in self._aggregate(query, map_query.series(grain))
        ]

    def areas(self, query: EventQuery) -> list[AreaCount]:
        """Per place country, in order of code ('' first: the unplaced)."""
        return [
            AreaCount(str(r["country"]), int(r["n"]), int(r["dead"]))
            for r in self._aggregate(query, map_query.areas())
        ]

    def regions(self, query: EventQuery, country: str) -> list[RegionCount]:
        """Per first-level region of the events in place country ``country`` (ISO
        alpha-2), in order of name ('' first: the events without a region)."""
        return [
            RegionCount(str(r["admin1"]), int(r["n"]), int(r["dead"]))
            for r in self._aggregate(query, map_query.admin1(country))
        ]

    def cells(self, query: EventQuery, level: int, view: View | None) -> list[CellCount]:
        """Per grid cell of ``level`` meeting ``view`` (every cell when None)."""
        return [
            CellCount(
                int(r["cx"]),
                int(r["cy"]),
                float(r["lat"]),
                float(r["lon"]),
                int(r["n"]),
                int(r["dead"]),
            )
            for r in self._aggregate(query, map_query.cells(level, view))
        ]

    def top_pairs(self, query: EventQuery, limit: int, *, by_sector: bool) -> TopPairs:
        """The ``limit`` pairs of actor and recipient countries (or countries and
        sectors, ``by_sector``) with the most events, both countries known."""
        group = StatsGroup.parse(_PAIRS_OF_SECTORS if by_sector else _PAIRS_OF_COUNTRIES)
        where = where_clause(query)
        if where.nothing:
            return TopPairs(group.keys, [], 0, 0, 0)
        plan = rollup_plan(query, group, self._tables)
        source = (
            rollup_stats_source(query, plan, group, self._indexes)
            if plan is not None
            else stats_source(where, group, self._indexes)
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
        # The pairs with both sides known and their events; the events with a side
        # unknown are the others of the filter (its count, from a rollup where one can
        # answer: every event is in one group).
        sums = Statement(
            f"SELECT count(*) AS pairs, coalesce(sum(n), 0) AS paired FROM ({inner}) WHERE {both}",
            list(source.params),
        )
        counted = rollup_plan(query, None, self._tables)
        everything = (
            rollup_count_statement(query, counted, self._indexes)
            if counted is not None
            else count_statement(where, self._indexes)
        )
        # Over a date range, the pairs are added up under an integer each: from the
        # packed blobs (schema version 12), or, for a range that is not one period,
        # from the keyed rollup rows (version 9), where they can be.
        family = keyed_family(query, plan, group.keys, self._tables, one_period=True)
        if by_sector and family is PARTY_SECTORS and PACKED_TABLE in self._tables:
            packed = packed_top_pairs(self._sql_rows, family, query, group.keys, limit)
            return TopPairs(
                group.keys,
                [PairCount(values, n) for values, n in packed.rows],
                packed.pairs,
                packed.paired,
                int(self._rows(everything)[0]["n"]) - packed.paired,
            )
        keyed = keyed_top_pairs(query, plan, group, self._tables, limit)
        if keyed is not None or source.grouped:
            # The groups are added up from many rows: once, into a table of the pairs with
            # both sides known (HAVING on the keys: SQLite drops the other rows before it
            # groups them), read for the top ones and for the totals of every pair (a
            # window over the groups cost a fifth more: 40,000 pairs over a year).
            side = source.keys[2] if by_sector else source.keys[1]
            grouped = (
                f"SELECT {selected}, {source.count} AS n FROM {source.from_sql} "
                f"GROUP BY {keys} HAVING {source.keys[0]} IS NOT NULL AND {side} IS NOT NULL"
            )
            nulls = ", ".join("NULL" for _ in group.keys)
            top = keyed or Statement(
                f"WITH paired AS MATERIALIZED ({grouped}) "
                f"SELECT * FROM (SELECT 0 AS part, {keys}, n, NULL AS pairs, NULL AS paired "
                f"FROM paired ORDER BY n DESC, {keys} LIMIT ?) "
                f"UNION ALL SELECT 1, {nulls}, NULL, count(*), coalesce(sum(n), 0) FROM paired "
                f"ORDER BY part, n DESC, {keys}",
                [*source.params, limit],
            )
            found = self._rows(top)
            rows = [r for r in found if r["part"] == 0]
            total = {"pairs": found[-1]["pairs"], "paired": found[-1]["paired"]}
        else:
            rows = self._rows(top)
            total = dict(self._rows(sums)[0])
        paired = int(total["paired"])
        unpaired = int(self._rows(everything)[0]["n"]) - paired
        return TopPairs(
            group.keys,
            [
                PairCount(tuple(r[f"k{i}"] for i in range(len(group.keys))), int(r["n"]))
                for r in rows
            ],
            int(total["pairs"]),
            paired,
            unpaired,
        )

    # --- the filters' lists ------------------------------------------------------------

    def countries(self) -> list[CountryCount]:
        """Every actor or recipient country in the store and its events, most events
        first (then by code)."""
        if "event_counts_country_month" in self._tables:
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
        found = [CountryCount(str(r["country"]), int(r["n"])) for r in self._rows(statement)]
        return sorted(found, key=lambda c: (-c.n, c.country))

    def sources(self) -> list[SourceCount]:
        """Every article source in the store (up to ``MAX_SOURCES``) and its articles,
        most articles first (then by name)."""
        statement = Statement(
            "SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL "
            "GROUP BY source ORDER BY n DESC, source LIMIT ?",
            [MAX_SOURCES],
        )
        return [SourceCount(str(r["source"]), int(r["n"])) for r in self._rows(statement)]
