"""The SQL of the API's stats: event counts per group (day, type, dyad, ...).

Like ``query.py``, nothing here touches a connection: a ``StatsGroup`` names the keys,
a ``StatsSource`` says what is counted (the events a ``Where`` passes, or rollup rows),
and ``stats_statement`` turns them into SQL text and bound values. Only the fixed
dimension table below and integers are pasted into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.store.read.query import QueryError, SqlValue, Statement, Where, event_source

# Group name -> (output keys, SQL expressions).
STATS_DIMENSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "day": (("day", "date"),),
    "month": (("month", "substr(date, 1, 7)"),),
    "year": (("year", "substr(date, 1, 4)"),),
    "type": (("type", "type"),),
    "mode": (("mode", "mode"),),
    "actor_country": (("actor_country", "actor_country"),),
    "recipient_country": (("recipient_country", "recipient_country"),),
    "actor_sector": (("actor_sector", "actor_sector"),),
    "recipient_sector": (("recipient_sector", "recipient_sector"),),
    "dyad": (("actor_country", "actor_country"), ("recipient_country", "recipient_country")),
}
_TIME_KEYS = frozenset({"day", "month", "year"})


@dataclass(frozen=True, slots=True)
class StatsGroup:
    """The keys a stats request groups by (``dyad`` stands for the actor and recipient
    countries) and their SQL expressions."""

    keys: tuple[str, ...]
    expressions: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> StatsGroup:
        """A comma-separated list of group names (``day,type``); raises QueryError."""
        keys: list[str] = []
        expressions: list[str] = []
        names = [name.strip() for name in text.split(",")]
        for name in names:
            dimension = STATS_DIMENSIONS.get(name)
            if dimension is None:
                raise QueryError(
                    f"group must be a comma-separated list of {', '.join(STATS_DIMENSIONS)}; "
                    f"{name!r} is not one"
                )
            for key, expression in dimension:
                if key in keys:
                    raise QueryError(f"group names {key!r} twice")
                keys.append(key)
                expressions.append(expression)
        return cls(tuple(keys), tuple(expressions))


@dataclass(frozen=True, slots=True)
class StatsSource:
    """What stats count: the ``group``, ``from_sql`` (the FROM clause, with any WHERE)
    and its values, the SQL of each group key over it, and the count of a group
    (``count(*)`` of events, ``sum(n)`` of rollup rows). ``dated`` is True when only
    dated events are counted (a date bound is given); ``grouped`` False when each row of
    the source is a group already (``count`` then is its count column)."""

    group: StatsGroup
    from_sql: str
    params: list[SqlValue]
    keys: tuple[str, ...]
    count: str
    dated: bool
    grouped: bool = True


def stats_source(
    where: Where, group: StatsGroup, indexes: frozenset[str] = frozenset()
) -> StatsSource:
    """The events passing ``where``, grouped by ``group``; ``indexes`` are the store's
    index names."""
    # Grouping by day alone follows the date indexes; otherwise the unary + keeps SQLite
    # from choosing an index for the order of its groups over one that serves the
    # conditions (the groups are few; the rows read are what costs).
    plain = group.keys == ("day",)
    return StatsSource(
        group,
        f"{event_source(where, indexes)} WHERE {where.sql}",
        list(where.params),
        tuple(expr if plain else f"+{expr}" for expr in group.expressions),
        "count(*)",
        any(c.columns == ("date",) for c in where.ranged),
    )


def stats_statement(source: StatsSource, limit: int | None, *, as_json: bool = False) -> Statement:
    """Counts per group: the keys as ``k0``, ``k1``, ... (None for events without that
    value: undated, no actor) and ``n``. Groups over time come in time order, undated
    last; other groups largest first; ties by the keys; at most ``limit``. With
    ``as_json`` the answer is one row of one column, ``rows``: the JSON objects of the
    keys by name and ``n`` as the API answers them, joined by commas in that order, or
    NULL for no group (SQLite writes the JSON far quicker than Python, and one string is
    far quicker to fetch than thousands of rows)."""
    ordered = _ordered_groups(source, limit)
    if not as_json:
        return ordered
    pairs = "".join(f"?, k{i}, " for i in range(len(source.keys)))
    return Statement(
        f"SELECT group_concat(json_object({pairs}'n', n), ',') AS rows FROM ({ordered.sql})",
        [*source.group.keys, *ordered.params],
    )


def _ordered_groups(source: StatsSource, limit: int | None) -> Statement:
    """The groups of ``source`` in the API's order, at most ``limit`` (see
    ``stats_statement``)."""
    keys = ", ".join(source.keys)
    names = ", ".join(f"k{i}" for i in range(len(source.keys)))
    selected = "".join(f"{key} AS k{i}, " for i, key in enumerate(source.keys))
    selected += f"{source.count} AS n"
    grouping = f" GROUP BY {keys}" if source.grouped else ""
    bound = " LIMIT ?" if limit is not None else ""
    bound_params: list[SqlValue] = [limit] if limit is not None else []
    if source.group.keys[0] in _TIME_KEYS and not source.dated and not source.grouped:
        # Each row of the source is a group, read from a rollup index in time order:
        # the dated groups in that order, then the undated, without sorting them.
        first = source.keys[0]
        arms = [
            f"SELECT * FROM (SELECT {selected} FROM {source.from_sql} "
            f"WHERE {first} {test} ORDER BY {keys} LIMIT ?)"
            for test in ("IS NOT NULL", "IS NULL")
        ]
        every = -1 if limit is None else limit
        return Statement(
            f"SELECT {names}, n FROM ({' UNION ALL '.join(arms)}){bound}",
            [*source.params, every, *source.params, every, *bound_params],
        )
    if source.group.keys[0] in _TIME_KEYS:
        # Undated events last; when there are none, the order of the groups themselves.
        ordering = keys if source.dated else f"{source.keys[0]} IS NULL, {keys}"
    else:
        ordering = f"{source.count} DESC, {keys}"
    return Statement(
        f"SELECT {selected} FROM {source.from_sql}{grouping} ORDER BY {ordering}{bound}",
        [*source.params, *bound_params],
    )
