"""Groups of many keys over a date range, added up under integer keys (schema version 9).

``/stats?group=dyad,type`` and the dashboard's network of countries and sectors over a
range that is not a calendar year (2022-03-15..2023-03-14) add up tens of thousands of
rollup rows into 27,000-40,000 groups. Grouping rows by three or four text columns is
what cost (SQLite's temporary B-tree, about 1 us a row); ``store/keyed_rollups.py``
keeps the same counts under one integer per group, by year, month and day, so the range
is cut into years, months and days (``rollups.split_range``), their rows are added up by
integer, and the text of a group is looked up once, for the groups answered only: every
group for ``/stats`` (it answers them all), the largest ones for the network (the
pairs whose count reaches the ``limit``-th largest: ties are then ordered by the text
as the API orders them).

Only requests filtered by dates alone (and ``include_flagged``) are answered here, and
only when the usual rollup plan would add up several pieces; a calendar year or a month
is read as stored (``rollups.py``).
"""

from __future__ import annotations

from eventwire.store.keyed_rollups import DYADS, GRAINS, PARTY_SECTORS, KeyedFamily
from eventwire.store.read.query import EventQuery, SqlValue, Statement
from eventwire.store.read.rollups import RollupPlan, piece_bounds, split_range
from eventwire.store.read.stats_query import StatsGroup, StatsSource

# The filters a keyed rollup cannot answer (it holds no other column).
_OTHER_FILTERS = (
    "country", "actor_country", "recipient_country", "mode", "actor_sector", "recipient_sector",
)  # fmt: skip


def keyed_family(
    query: EventQuery,
    plan: RollupPlan | None,
    keys: tuple[str, ...],
    tables: frozenset[str],
    *,
    one_period: bool = False,
) -> KeyedFamily | None:
    """The keyed family answering the groups ``keys`` of ``query``, or None. A range
    of one calendar year or month is left to the rollups of text keys unless
    ``one_period`` (the packed rollups answer it too: one blob)."""
    if plan is None or (query.since is None and query.until is None):
        return None
    if query.types or any(getattr(query, f) is not None for f in _OTHER_FILTERS):
        return None
    if len(plan.pieces) == 1 and plan.pieces[0].grain != "event" and not one_period:
        piece = plan.pieces[0]
        if piece.grain == "all" or (piece.first is not None and piece.first == piece.last):
            return None  # one period's rows: each a group, read as stored
    for family in (DYADS, PARTY_SECTORS):
        if set(keys) != set(family.columns) or plan.family.name != family.name:
            continue
        if {family.key_table, *(family.table(g) for g in GRAINS)} <= tables:
            return family
    return None


def _grouped(query: EventQuery, family: KeyedFamily) -> Statement:
    """``key`` and its events ``n`` over the request's date range."""
    parts: list[str] = []
    params: list[SqlValue] = []
    factual = "factual IN (0, 1)" if query.include_flagged else "factual = 1"
    for piece in split_range(query.since, query.until, GRAINS):
        bounds, values = piece_bounds(piece, piece.grain)
        where = " AND ".join([factual, *bounds])
        parts.append(f"SELECT key, n FROM {family.table(piece.grain)} WHERE {where}")
        params += values
    return Statement(
        f"SELECT key, sum(n) AS n FROM ({' UNION ALL '.join(parts)}) GROUP BY key", params
    )


def keyed_stats_source(
    query: EventQuery, plan: RollupPlan | None, group: StatsGroup, tables: frozenset[str]
) -> StatsSource | None:
    """The groups of ``query`` from the keyed rollups, each row a group (for
    ``stats_query.stats_statement``), or None when they cannot answer it (``plan`` is the
    usual rollup plan, ``tables`` the store's tables). Only the dyads with their type
    are answered: the pairs of countries and sectors hold no pair with a side unknown."""
    family = keyed_family(query, plan, group.keys, tables)
    if family is not DYADS:
        return None
    grouped = _grouped(query, family)
    texts = ", ".join(f"k.{c} AS {c}" for c in family.columns)
    # CROSS JOIN: the groups drive the loop, each looking its key up once.
    from_sql = (
        f"(SELECT {texts}, g.n AS n FROM ({grouped.sql}) AS g "
        f"CROSS JOIN {family.key_table} AS k ON k.id = g.key)"
    )
    return StatsSource(group, from_sql, grouped.params, group.keys, "n", True, grouped=False)


def keyed_top_pairs(
    query: EventQuery,
    plan: RollupPlan | None,
    group: StatsGroup,
    tables: frozenset[str],
    limit: int,
) -> Statement | None:
    """The ``limit`` pairs of countries and sectors with the most events (both countries
    known) as rows ``part`` 0, ``k0``..``k3``, ``n``, in the API's order, then one row
    ``part`` 1 with the number of pairs (``pairs``) and their events (``paired``); None
    when the keyed rollups cannot answer ``query``."""
    family = keyed_family(query, plan, group.keys, tables)
    if family is not PARTY_SECTORS or limit < 1:
        return None
    grouped = _grouped(query, family)
    texts = ", ".join(f"k.{c} AS k{group.keys.index(c)}" for c in family.columns)
    keys = ", ".join(f"k{i}" for i in range(len(group.keys)))
    nulls = ", ".join("NULL" for _ in group.keys)
    # The pairs counting at least as many events as the limit-th largest: the top ones
    # and any tied with the last, whose text decides.
    return Statement(
        f"WITH g AS MATERIALIZED ({grouped.sql}) "
        f"SELECT * FROM (SELECT 0 AS part, {texts}, g.n AS n, NULL AS pairs, NULL AS paired "
        f"FROM g CROSS JOIN {family.key_table} AS k ON k.id = g.key "
        f"WHERE g.n >= (SELECT min(n) FROM (SELECT n FROM g ORDER BY n DESC LIMIT ?)) "
        f"ORDER BY n DESC, {keys} LIMIT ?) "
        f"UNION ALL SELECT 1, {nulls}, NULL, count(*), coalesce(sum(n), 0) FROM g "
        f"ORDER BY part, n DESC, {keys}",
        [*grouped.params, limit, limit],
    )
