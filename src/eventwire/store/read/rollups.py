"""Counts and stats read from the rollup tables instead of the events.

The store keeps ``event_counts_*`` tables (schema version 2, see ``store/schema.py``):
counts of events per period (day, month or year) and key, exact at every commit. A
request whose filters and groups only name what a rollup holds -- types, a country
(actor or recipient), the actor's and the recipient's country, dates, factuality;
grouped by day, month, year, type, actor or recipient country or dyad -- is answered
by summing rollup rows, which are far fewer than the events they count. Any other
request (a place, text, confidence, headline or source filter; historical events asked
for, which no rollup counts; a mode with a country, or a sector with a country and a
type) returns None here and is answered from ``events`` (``query.py``); both give the
same numbers, rows and order.

Choosing the rows
-----------------
The *family* is the smallest rollup whose keys cover the request: ``type`` (period,
type), ``country`` (period, a country of the actor or the recipient, type), ``pair``
(period, actor and recipient countries), ``dyad`` (pair and type), ``sector`` (period,
type, mode, the actor's and the recipient's sector; schema version 4) or ``psector``
(period, the actor's and the recipient's country and sector; of all time since version
4, by month and year since version 6). The groups of one year or of all time that are
not over time are read largest first from the ``*_top`` indexes (version 6). A date range is cut
into whole periods of the coarsest grain the family has and the groups allow, and the
days left at its ends go down a grain, and so on: 2023-02-10..2024-12-31 reads the days
2023-02-10..28 from a daily table, March to December 2023 from a monthly one and 2024
from a yearly one. The ``pair`` and ``dyad`` families have no daily tables (they would
hold nearly a row per event); their leftover days are read from ``events`` (the covering
index of factual events by date serves them). A request filtered by dates alone that
groups by dyad and type, or the network of countries and sectors, over a range of
several pieces is answered from the rollups keyed by integers instead (schema version
9, ``keyed_rollups.py``), which have daily tables.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from eventwire.store.read.query import EventQuery, SqlValue, Statement, event_source, where_clause
from eventwire.store.read.stats_query import StatsGroup, StatsSource

# "event" is the events table itself: day-precise, the last resort of a date range.
# "all" is a table of all time (no period column), "event" the events table itself.
Grain = Literal["all", "year", "month", "day", "event"]

# Columns that have an index of their own in the rollups that hold them.
_ROLE_INDEXED = frozenset({"actor_country", "recipient_country"})
_COARSENESS: dict[Grain, int] = {"all": -1, "year": 0, "month": 1, "day": 2, "event": 2}
_PERIOD_LENGTH: dict[str, int] = {"year": 4, "month": 7, "day": 10}
# The stats groups a rollup can answer and the key column each needs (None: time).
_GROUP_COLUMNS: dict[str, str | None] = {
    "day": None,
    "month": None,
    "year": None,
    "type": "type",
    "actor_country": "actor_country",
    "recipient_country": "recipient_country",
    "mode": "mode",
    "actor_sector": "actor_sector",
    "recipient_sector": "recipient_sector",
}
# Filters of one value that a rollup holding the column answers (schema version 4).
_EQUAL_FILTERS = ("mode", "actor_sector", "recipient_sector")


@dataclass(frozen=True, slots=True)
class Family:
    """Rollup tables of one shape, ``event_counts_{name}_{grain}``, at several grains
    (coarsest first; ``event`` last when the family has no daily table)."""

    name: str
    columns: frozenset[str]
    grains: tuple[Grain, ...]
    whole: bool = False  # also a table of all time (schema version 4)

    def table(self, grain: Grain) -> str:
        return f"event_counts_{self.name}_{grain}"

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(self.table(g) for g in self.grains if g != "event")

    @property
    def all_tables(self) -> tuple[str, ...]:
        return (*self.tables, self.table("all")) if self.whole else self.tables

    def covers(self, needed: frozenset[str]) -> bool:
        """Whether these tables hold every key column in ``needed``; ``country`` (actor
        or recipient) is also answered by the actor and recipient columns."""
        own = set(self.columns)
        if {"actor_country", "recipient_country"} <= own:
            own.add("country")
        return needed <= own


# Smallest first: the first family that covers a request answers it.
FAMILIES: tuple[Family, ...] = (
    Family("type", frozenset({"type"}), ("month", "day")),
    Family("country", frozenset({"country", "type"}), ("month", "day")),
    Family(
        "pair",
        frozenset({"actor_country", "recipient_country"}),
        ("year", "month", "event"),
        whole=True,
    ),
    Family(
        "dyad",
        frozenset({"type", "actor_country", "recipient_country"}),
        ("year", "month", "event"),
        whole=True,
    ),
    Family(
        "sector",
        frozenset({"type", "mode", "actor_sector", "recipient_sector"}),
        ("year", "month", "event"),
    ),
    # The network of countries and sectors (all time: version 4; periods: version 6).
    Family(
        "psector",
        frozenset({"actor_country", "actor_sector", "recipient_country", "recipient_sector"}),
        ("year", "month", "event"),
        whole=True,
    ),
)
ROLLUP_TABLES: frozenset[str] = frozenset(t for f in FAMILIES for t in f.all_tables)


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of a date range read at one grain: periods ``first`` to ``last`` (inclusive
    period strings, ISO dates for ``event``; None for no bound on that side)."""

    grain: Grain
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class RollupPlan:
    """Where a request's counts come from: a family and the pieces of its date range."""

    family: Family
    pieces: tuple[Piece, ...]


def _needed_columns(query: EventQuery, group: StatsGroup | None) -> frozenset[str] | None:
    """The key columns the request reads, or None when a rollup cannot answer it."""
    if (
        query.bbox is not None
        or query.near is not None
        or query.text is not None
        or query.min_confidence is not None
        or query.headline is not None
        or query.source is not None
        or query.historical != "exclude"  # the rollups hold no historical event
    ):
        return None
    needed: set[str] = set()
    for key in group.keys if group is not None else ():
        if key not in _GROUP_COLUMNS:
            return None
        column = _GROUP_COLUMNS[key]
        if column is not None:
            needed.add(column)
    if query.types:
        needed.add("type")
    for column in ("country", "actor_country", "recipient_country", *_EQUAL_FILTERS):
        if getattr(query, column) is not None:
            needed.add(column)
    return frozenset(needed)


def _finest_time(group: StatsGroup | None) -> Grain:
    """The coarsest grain that still gives every time key of the groups."""
    keys = group.keys if group is not None else ()
    for grain in ("day", "month", "year"):
        if grain in keys:
            return grain
    return "year"


def _no_time_key(group: StatsGroup) -> bool:
    return not any(_GROUP_COLUMNS.get(key, "") is None for key in group.keys)


def rollup_plan(
    query: EventQuery, group: StatsGroup | None, tables: frozenset[str]
) -> RollupPlan | None:
    """How to answer ``query`` (grouped by ``group``; None for a count) from the
    rollups among ``tables`` (the store's table names), or None when they cannot."""
    needed = _needed_columns(query, group)
    if needed is None:
        return None
    finest = _COARSENESS[_finest_time(group)]
    for family in FAMILIES:
        if not family.covers(needed):
            continue
        if not set(family.tables) <= tables:
            continue  # a store made before the rollups: a bigger family may be there
        # No dates and no time key: the table of all time, when the family has one.
        if (
            query.since is None
            and query.until is None
            and group is not None
            and _no_time_key(group)
            and family.whole
            and family.table("all") in tables
        ):
            return RollupPlan(family, (Piece("all", None, None),))
        grains = tuple(g for g in family.grains if _COARSENESS[g] >= finest)
        if not grains:
            continue
        if grains == ("event",):
            return None  # every row would come from events: the usual query is as quick
        return RollupPlan(family, tuple(split_range(query.since, query.until, grains)))
    return None


# --- cutting a date range into periods ----------------------------------------------------


def _period_start(day: date, grain: Grain) -> date:
    if grain == "year":
        return date(day.year, 1, 1)
    if grain == "month":
        return day.replace(day=1)
    return day


def _period_end(day: date, grain: Grain) -> date:
    if grain == "year":
        return date(day.year, 12, 31)
    if grain == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


def _first_whole(since: date, grain: Grain) -> date | None:
    """The first day of the first whole period on or after ``since`` (None past the
    last representable date)."""
    start = _period_start(since, grain)
    if start == since:
        return since
    try:
        return _period_end(since, grain) + timedelta(days=1)
    except OverflowError:
        return None


def _last_whole(until: date, grain: Grain) -> date | None:
    """The last day of the last whole period on or before ``until``."""
    if _period_end(until, grain) == until:
        return until
    try:
        return _period_start(until, grain) - timedelta(days=1)
    except OverflowError:
        return None


def _period(day: date, grain: Grain) -> str:
    return day.isoformat()[: _PERIOD_LENGTH.get(grain, 10)]


def split_range(since: date | None, until: date | None, grains: tuple[Grain, ...]) -> list[Piece]:
    """The pieces that together cover the days ``since``..``until`` (None: unbounded)
    once each: whole periods of the first (coarsest) grain, the days at either end
    split the same way over the finer grains. The last grain must be day-precise."""
    grain, finer = grains[0], grains[1:]
    if not finer or (since is None and until is None):
        bound = 10 if grain == "event" else _PERIOD_LENGTH[grain]
        return [
            Piece(
                grain,
                None if since is None else since.isoformat()[:bound],
                None if until is None else until.isoformat()[:bound],
            )
        ]
    first = None if since is None else _first_whole(since, grain)
    last = None if until is None else _last_whole(until, grain)
    if (since is not None and first is None) or (until is not None and last is None):
        return split_range(since, until, finer)
    if first is not None and last is not None and first > last:
        return split_range(since, until, finer)
    pieces = [
        Piece(
            grain,
            None if first is None else _period(first, grain),
            None if last is None else _period(last, grain),
        )
    ]
    if since is not None and first is not None and since < first:
        pieces = split_range(since, first - timedelta(days=1), finer) + pieces
    if until is not None and last is not None and last < until:
        pieces += split_range(last + timedelta(days=1), until, finer)
    return pieces


# --- SQL ------------------------------------------------------------------------------------


def _key_expression(key: str, grain: Grain) -> str:
    """The SQL of one group key over a table of this grain."""
    if key in ("day", "month", "year"):
        column = "date" if grain == "event" else grain
        if _PERIOD_LENGTH[key] == _PERIOD_LENGTH.get(grain, 10):
            return column
        return f"substr({column}, 1, {_PERIOD_LENGTH[key]:d})"
    return key


def piece_bounds(piece: Piece, column: str) -> tuple[list[str], list[SqlValue]]:
    """The conditions on ``column`` (a period) that keep the periods of ``piece``, and
    their parameters: ``= ?`` for one period (its groups in index order), else ``>= ?``
    and ``<= ?`` for the bounds it has."""
    if piece.first is not None and piece.first == piece.last:
        return [f"{column} = ?"], [piece.first]
    conditions: list[str] = []
    params: list[SqlValue] = []
    if piece.first is not None:
        conditions.append(f"{column} >= ?")
        params.append(piece.first)
    if piece.last is not None:
        conditions.append(f"{column} <= ?")
        params.append(piece.last)
    return conditions, params


def _piece_conditions(
    query: EventQuery, family: Family, piece: Piece
) -> tuple[list[str], list[SqlValue]]:
    conditions, params = piece_bounds(piece, piece.grain)
    if not query.include_flagged:
        conditions.append("factual = 1")
    if len(query.types) == 1:
        conditions.append("type = ?")
        params.append(query.types[0])
    elif query.types:
        conditions.append(f"type IN ({', '.join('?' for _ in query.types)})")
        params += query.types
    if query.country is not None:
        if "country" in family.columns:
            conditions.append("country = ?")
            params.append(query.country)
        else:
            conditions.append("(actor_country = ? OR recipient_country = ?)")
            params += [query.country, query.country]
    for key in ("actor_country", "recipient_country", *_EQUAL_FILTERS):
        value = getattr(query, key)
        if value is not None:
            conditions.append(f"{key} = ?")
            params.append(value)
    return conditions, params


def _piece_rows(
    query: EventQuery,
    plan: RollupPlan,
    piece: Piece,
    keys: tuple[str, ...],
    indexes: frozenset[str],
    by_count: bool = False,
) -> Statement:
    """The rows of one piece: its group keys as k0, k1, ... and a count ``n``.
    ``by_count``: they are wanted largest first (each row a group, not over time)."""
    selected = "".join(
        f"{_key_expression(key, piece.grain)} AS k{i}, " for i, key in enumerate(keys)
    )
    if piece.grain == "event":
        bounded = replace(
            query,
            since=None if piece.first is None else date.fromisoformat(piece.first),
            until=None if piece.last is None else date.fromisoformat(piece.last),
        )
        where = where_clause(bounded)
        return Statement(
            f"SELECT {selected}1 AS n FROM {event_source(where, indexes)} WHERE {where.sql}",
            where.params,
        )
    conditions, params = _piece_conditions(query, plan.family, piece)
    where_sql = " AND ".join(conditions) if conditions else "1"
    table = plan.family.table(piece.grain)
    source = table
    no_role = not any(
        getattr(query, role) is not None for role in ("country", *sorted(_ROLE_INDEXED))
    )
    if by_count and no_role and not query.include_flagged and f"{table}_top" in indexes:
        # The index in the order of the counts (schema version 6): read unsorted. (A
        # country is looked up in the indexes of each role instead.)
        source = f"{table} INDEXED BY {table}_top"
    elif plan.family.columns >= _ROLE_INDEXED and no_role:
        # Without a country to look up, the key index (period first, covering) is the
        # one to read; SQLite's planner may otherwise skip-scan a country index.
        source = f"{table} INDEXED BY {table}_key"
    return Statement(f"SELECT {selected}n FROM {source} WHERE {where_sql}", params)


def _union(
    query: EventQuery,
    plan: RollupPlan,
    keys: tuple[str, ...],
    indexes: frozenset[str],
    by_count: bool = False,
) -> Statement:
    parts = [_piece_rows(query, plan, piece, keys, indexes, by_count) for piece in plan.pieces]
    return Statement(" UNION ALL ".join(p.sql for p in parts), [v for p in parts for v in p.params])


def rollup_count_statement(
    query: EventQuery, plan: RollupPlan, indexes: frozenset[str] = frozenset()
) -> Statement:
    """How many events pass ``query`` (a row with ``n``)."""
    rows = _union(query, plan, (), indexes)
    return Statement(f"SELECT coalesce(sum(n), 0) AS n FROM ({rows.sql})", rows.params)


def rollup_stats_source(
    query: EventQuery,
    plan: RollupPlan,
    group: StatsGroup,
    indexes: frozenset[str] = frozenset(),
) -> StatsSource:
    """The rollup rows of ``query``, for ``stats_query.stats_statement``."""
    keys = tuple(f"k{i}" for i in range(len(group.keys)))
    dated = query.since is not None or query.until is not None
    if _one_row_a_group(query, plan, group):
        by_count = _GROUP_COLUMNS.get(group.keys[0], "") is not None
        rows = _union(query, plan, group.keys, indexes, by_count)
        return StatsSource(group, f"({rows.sql})", rows.params, keys, "n", dated, grouped=False)
    rows = _union(query, plan, group.keys, indexes)
    return StatsSource(group, f"({rows.sql})", rows.params, keys, "sum(n)", dated)


def _one_row_a_group(query: EventQuery, plan: RollupPlan, group: StatsGroup) -> bool:
    """Whether every rollup row read is a group of its own: one table is read, and each
    column of its key is either a group key or fixed by the request (so nothing is left
    to add up; a year of day,type groups is then read as it is stored)."""
    if len(plan.pieces) != 1 or plan.pieces[0].grain == "event":
        return False
    piece = plan.pieces[0]
    known = {key for key in group.keys if key in plan.family.columns or key == piece.grain}
    if not query.include_flagged:
        known.add("factual")
    if piece.grain == "all" or (piece.first is not None and piece.first == piece.last):
        known.add(piece.grain)
    if len(query.types) == 1:
        known.add("type")
    if query.country is not None and "country" in plan.family.columns:
        known.add("country")
    known.update(role for role in sorted(_ROLE_INDEXED) if getattr(query, role) is not None)
    known.update(c for c in _EQUAL_FILTERS if getattr(query, c) is not None)
    return {*plan.family.columns, piece.grain, "factual"} <= known
