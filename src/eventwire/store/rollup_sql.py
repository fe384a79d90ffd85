"""The SQL of the rollup tables of event counts (``event_counts_*``) and of the triggers
that keep them exact, generated once, at import, from the shapes below. The migration
scripts (``migrations.py``) are made of it: what a shipped script generates must never
change.
"""

from __future__ import annotations

# --- rollups (part of schema version 2) ---------------------------------------------
#
# Counts of events per period and key, for the API's /stats and /events/count: each
# ``event_counts_*`` table holds one row per key with ``n`` (> 0) events, and triggers on
# ``events`` keep every row exact in the same transaction (an insert adds 1 to the new
# event's keys, a delete takes 1 off the old ones, an update of a key column -- as
# cross-article merging does to date, countries, ... -- does both). ``factual`` is 1 for
# events that are neither negated, hypothetical nor future. Periods are prefixes of the
# ISO date (``day`` 2024-06-29, ``month`` 2024-06, ``year`` 2024; NULL when undated).
#
# ``*_type_*``    period, type                         (day, month)
# ``*_country_*`` period, country, type: each event counts once under each distinct
#                 country of its actor and recipient  (day, month)
# ``*_pair_*``    period, actor and recipient country  (month, year)
# ``*_dyad_*``    period, actor and recipient country, type (month, year)
#
# The SQL below is generated from this table once, at import; it is part of migration
# script 2 and must not change once that has shipped.

_PERIODS = {"day": "{r}.date", "month": "substr({r}.date, 1, 7)", "year": "substr({r}.date, 1, 4)"}
_ROLLUP_COLUMN_TYPES = {
    "day": "TEXT",
    "month": "TEXT",
    "year": "TEXT",
    "type": "TEXT NOT NULL",
    "country": "TEXT NOT NULL",
    "actor_country": "TEXT",
    "recipient_country": "TEXT",
    "factual": "INTEGER NOT NULL CHECK (factual IN (0, 1))",
    "mode": "TEXT",
    "actor_sector": "TEXT",
    "recipient_sector": "TEXT",
}
_ROLLUP_VALUES = {
    "type": "{r}.type",
    "actor_country": "{r}.actor_country",
    "recipient_country": "{r}.recipient_country",
    "mode": "{r}.mode",
    "actor_sector": "{r}.actor_sector",
    "recipient_sector": "{r}.recipient_sector",
    "factual": "({r}.negated = 0 AND {r}.hypothetical = 0 AND {r}.future = 0)",
}
# The columns a change of which moves an event to other rollup rows.
ROLLUP_SOURCE_COLUMNS = (
    "date", "type", "actor_country", "recipient_country", "negated", "hypothetical", "future",
)  # fmt: skip
# An event counts under its actor's country, and under its recipient's when that differs.
_COUNTRY_SHARES = (
    ("{r}.actor_country", "{r}.actor_country IS NOT NULL"),
    (
        "{r}.recipient_country",
        "{r}.recipient_country IS NOT NULL AND {r}.recipient_country IS NOT {r}.actor_country",
    ),
)


def rollup_shapes() -> list[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]]:
    """(table, key columns in index order, extra indexes) of every rollup table."""
    shapes: list[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]] = []
    for period in ("day", "month"):
        shapes.append((f"event_counts_type_{period}", (period, "type", "factual"), ()))
        shapes.append(
            (f"event_counts_country_{period}", ("country", period, "type", "factual"), ())
        )
    for period in ("month", "year"):
        pair = (period, "actor_country", "recipient_country")
        for family, rest in (("pair", ("factual",)), ("dyad", ("type", "factual"))):
            # One country's rows (as actor, as recipient), each index holding all a
            # stats request reads.
            roles = (
                ("actor_country", period, "recipient_country", *rest, "n"),
                ("recipient_country", period, "actor_country", *rest, "n"),
            )
            shapes.append((f"event_counts_{family}_{period}", (*pair, *rest), roles))
    return shapes


def _rollup_shares(columns: tuple[str, ...]) -> list[tuple[list[str], str]]:
    """What one event ``{r}`` adds 1 to: the values of ``columns`` and when it applies."""
    values = [_PERIODS.get(c) or _ROLLUP_VALUES.get(c, "") for c in columns]
    if "country" not in columns:
        return [(values, "")]
    at = columns.index("country")
    return [([*values[:at], value, *values[at + 1 :]], when) for value, when in _COUNTRY_SHARES]


Shape = tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]


def _rollup_sql(shapes: list[Shape], listed: str = "") -> tuple[list[str], list[str], list[str]]:
    """The statements creating and filling the rollup tables, and the bodies of the
    triggers that add an event (``{r}`` = new) and take one off (``{r}`` = old); only
    the events meeting ``listed`` count in the triggers (schema version 7)."""
    create: list[str] = []
    add: list[str] = []
    remove: list[str] = []
    for table, columns, indexes in shapes:
        defs = ", ".join(f"{c} {_ROLLUP_COLUMN_TYPES[c]}" for c in columns)
        names = ", ".join(columns)
        create.append(f"CREATE TABLE {table} ({defs}, n INTEGER NOT NULL CHECK (n > 0));\n")
        create.append(f"CREATE INDEX {table}_key ON {table} ({names}, n);\n")
        for index in indexes:
            create.append(f"CREATE INDEX {table}_{index[0]} ON {table} ({', '.join(index)});\n")
        shares = _rollup_shares(columns)
        sources = " UNION ALL ".join(
            "SELECT "
            + ", ".join(f"{v.format(r='e')} AS {c}" for c, v in zip(columns, values, strict=True))
            + " FROM events AS e"
            + (f" WHERE {when.format(r='e')}" if when else "")
            for values, when in shares
        )
        create.append(
            f"INSERT INTO {table} ({names}, n) SELECT {names}, count(*) FROM "
            f"({sources}) GROUP BY {names};\n"
        )
        for values, when in shares:
            key = " AND ".join(f"{c} IS {v}" for c, v in zip(columns, values, strict=True))
            guard = "".join(f"{c} AND " for c in (listed, when) if c)
            # Rows never hold n = 0: a missing row is inserted with 1, a row at 1 deleted.
            add.append(f"    UPDATE {table} SET n = n + 1 WHERE {guard}{key};\n")
            add.append(
                f"    INSERT INTO {table} ({names}, n) SELECT {', '.join(values)}, 1 "
                f"WHERE {guard}NOT EXISTS (SELECT 1 FROM {table} WHERE {key});\n"
            )
            remove.append(f"    DELETE FROM {table} WHERE {guard}n = 1 AND {key};\n")
            remove.append(f"    UPDATE {table} SET n = n - 1 WHERE {guard}{key};\n")
    return create, add, remove


def rollup_script(
    shapes: list[Shape],
    name: str = "events_rollups",
    columns: tuple[str, ...] = (),
    listed: str = "",
) -> list[str]:
    """The tables, backfill and triggers of ``shapes``; with ``listed`` (schema version
    7), only the triggers, counting only the events meeting it."""
    create, add, remove = _rollup_sql(shapes, listed)
    return [
        *([] if listed else create),
        *event_triggers(name, add, remove, columns or ROLLUP_SOURCE_COLUMNS),
    ]


def event_triggers(
    name: str, add: list[str], remove: list[str], columns: tuple[str, ...]
) -> list[str]:
    """The insert, delete and update triggers on ``events`` that keep a rollup exact:
    ``add`` and ``remove`` are statements with ``{r}`` for the row (``new``/``old``);
    the update trigger fires when one of ``columns`` changes."""
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON events BEGIN\n",
        *(s.format(r="new") for s in add),
        "END;\n",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON events BEGIN\n",
        *(s.format(r="old") for s in remove),
        "END;\n",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {', '.join(columns)} ON events\n",
        f"WHEN {changed} BEGIN\n",
        *(s.format(r="old") for s in remove),
        *(s.format(r="new") for s in add),
        "END;\n",
    ]


ROLLUP_SQL: tuple[str, ...] = tuple(rollup_script(rollup_shapes()))

# Schema version 4 adds ``*_sector_*`` (month, year): period, type, mode, the actor's
# and the recipient's sector, factual -- the /stats groups and filters of modes and
# sectors, kept exact by triggers of the same kind.
_SECTOR_COLUMNS = ("type", "mode", "actor_sector", "recipient_sector", "factual")
SECTOR_SHAPES: list[Shape] = [
    (f"event_counts_sector_{period}", (period, *_SECTOR_COLUMNS), ())
    for period in ("month", "year")
]
# ... and ``*_pair_all``, ``*_dyad_all``: the pairs and dyads of all time (no period),
# which a network of all time reads without adding up years.
WHOLE_SHAPES: list[Shape] = [
    (
        f"event_counts_{family}_all",
        ("actor_country", "recipient_country", *rest),
        (("recipient_country", "actor_country", *rest, "n"),),
    )
    for family, rest in (("pair", ("factual",)), ("dyad", ("type", "factual")))
]
SECTOR_SOURCE_COLUMNS = (
    "date", "type", "mode", "actor_sector", "recipient_sector", "negated", "hypothetical",
    "future",
)  # fmt: skip
# ... and ``*_psector_all``: pairs of country and sector of all time (the network of
# countries and sectors).
PARTY_SECTOR_COLUMNS = ("actor_country", "actor_sector", "recipient_country", "recipient_sector")
PARTY_SECTOR_SHAPES: list[Shape] = [
    ("event_counts_psector_all", (*PARTY_SECTOR_COLUMNS, "factual"), ()),
]
SECTOR_ROLLUP_SQL: tuple[str, ...] = (
    *rollup_script(SECTOR_SHAPES, "events_sector_rollups", SECTOR_SOURCE_COLUMNS),
    *rollup_script(WHOLE_SHAPES, "events_whole_rollups", ROLLUP_SOURCE_COLUMNS),
    *rollup_script(
        PARTY_SECTOR_SHAPES,
        "events_psector_rollups",
        (*PARTY_SECTOR_COLUMNS, "negated", "hypothetical", "future"),
    ),
)
# Schema version 6 adds ``*_psector_{month,year}``: the pairs of country and sector by
# period, which the network of countries and sectors over a date range reads.
PERIOD_PARTY_SECTOR_SHAPES: list[Shape] = [
    (f"event_counts_psector_{period}", (period, *PARTY_SECTOR_COLUMNS, "factual"), ())
    for period in ("month", "year")
]
PARTY_SECTOR_SOURCE_COLUMNS = ("date", *PARTY_SECTOR_COLUMNS, "negated", "hypothetical", "future")
PERIOD_PARTY_SECTOR_SQL: tuple[str, ...] = tuple(
    rollup_script(
        PERIOD_PARTY_SECTOR_SHAPES, "events_psector_period_rollups", PARTY_SECTOR_SOURCE_COLUMNS
    )
)
ROLLUP_TABLES: tuple[str, ...] = tuple(
    table
    for table, _, _ in (
        *rollup_shapes(),
        *SECTOR_SHAPES,
        *WHOLE_SHAPES,
        *PARTY_SECTOR_SHAPES,
        *PERIOD_PARTY_SECTOR_SHAPES,
    )
)
# The statements that fill the (empty) rollup tables from ``events``.
ROLLUP_BACKFILL: tuple[str, ...] = tuple(
    s
    for s in (*ROLLUP_SQL, *SECTOR_ROLLUP_SQL, *PERIOD_PARTY_SECTOR_SQL)
    if s.startswith("INSERT INTO")
)
