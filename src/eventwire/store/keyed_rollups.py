"""Rollups keyed by an integer per group (schema version 9), for date ranges that do not
fall on calendar years.

A date range such as 2022-03-15..2023-03-14 adds up many rollup rows into tens of
thousands of groups: the dyads with their type (``/stats?group=dyad,type``) or the
pairs of country and sector (the dashboard's network). SQLite groups rows with an
integer key about three times as fast as rows with three or four text keys, so these
tables hold the counts under one integer per group, and a key table gives each group's
text once:

``event_dyad_keys``         id, actor and recipient country, type
``event_psector_keys``      id, the actor's and the recipient's country and sector
                            (both countries known: the network's pairs)
``event_keyed_{family}_{year,month,day}``
                            factual, period, key (the id), n (> 0); dated events only,
                            in the order of the primary key, WITHOUT ROWID

Keys are never deleted (a key with no event left just has no rollup row). Triggers on
``events`` keep every row exact in the same transaction, as the other rollups: an
insert adds the event (first giving its group an id when it has none), a delete takes
it off, an update of a column they read does both. Events told as a summary of the
past (``historical``) are left out, as everywhere. The daily tables replace reading the
events of the days at the ends of a range. ``read/keyed_rollups.py`` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from eventwire.store.rollup_sql import event_triggers

_FACTUAL = "({r}.negated = 0 AND {r}.hypothetical = 0 AND {r}.future = 0)"
_PERIODS = {"year": "substr({r}.date, 1, 4)", "month": "substr({r}.date, 1, 7)", "day": "{r}.date"}
GRAINS: tuple[Literal["year", "month", "day"], ...] = ("year", "month", "day")


@dataclass(frozen=True, slots=True)
class KeyedFamily:
    """One family: its key table's columns (nullable or not) and when an event counts."""

    name: str
    columns: tuple[str, ...]
    not_null: frozenset[str]
    when: str

    @property
    def key_table(self) -> str:
        return f"event_{self.name}_keys"

    def table(self, grain: str) -> str:
        return f"event_keyed_{self.name}_{grain}"

    @property
    def source_columns(self) -> tuple[str, ...]:
        """The columns of ``events`` whose change moves an event to other rows."""
        return ("date", *self.columns, "negated", "hypothetical", "future", "historical")


_LISTED = "{r}.historical = 0 AND {r}.date IS NOT NULL"
DYADS = KeyedFamily(
    "dyad",
    ("actor_country", "recipient_country", "type"),
    frozenset({"type"}),
    _LISTED,
)
PARTY_SECTORS = KeyedFamily(
    "psector",
    ("actor_country", "actor_sector", "recipient_country", "recipient_sector"),
    frozenset({"actor_country", "recipient_country"}),
    f"{_LISTED} AND {{r}}.actor_country IS NOT NULL AND {{r}}.recipient_country IS NOT NULL",
)
KEYED_FAMILIES = (DYADS, PARTY_SECTORS)
KEYED_TABLES: tuple[str, ...] = tuple(
    t for f in KEYED_FAMILIES for t in (f.key_table, *(f.table(g) for g in GRAINS))
)


def _same_key(family: KeyedFamily, table: str = "") -> str:
    """The condition that a key table row is the group of event ``{r}``."""
    prefix = f"{table}." if table else ""
    return " AND ".join(
        f"{prefix}{c} {'=' if c in family.not_null else 'IS'} {{r}}.{c}" for c in family.columns
    )


def _lookup(family: KeyedFamily) -> str:
    return f"(SELECT id FROM {family.key_table} WHERE {_same_key(family)})"


def _create(family: KeyedFamily) -> list[str]:
    defs = ", ".join(
        f"{c} TEXT{' NOT NULL' if c in family.not_null else ''}" for c in family.columns
    )
    names = ", ".join(family.columns)
    out = [
        f"CREATE TABLE {family.key_table} (id INTEGER PRIMARY KEY, {defs});\n",
        f"CREATE INDEX {family.key_table}_key ON {family.key_table} ({names});\n",
    ]
    for grain in GRAINS:
        out.append(
            f"CREATE TABLE {family.table(grain)} (factual INTEGER NOT NULL, {grain} TEXT NOT "
            f"NULL, key INTEGER NOT NULL, n INTEGER NOT NULL CHECK (n > 0), "
            f"PRIMARY KEY (factual, {grain}, key)) WITHOUT ROWID;\n"
        )
    return out


def _backfill(family: KeyedFamily) -> list[str]:
    """The statements filling the key table (in the order of the keys) and the rollups:
    years and months from the rollups of text keys of the same shape (schema version 2
    and 6: ``event_counts_{family}_{year,month}``), days from the events, each grouped
    before its keys are looked up."""
    names = ", ".join(family.columns)
    monthly = f"event_counts_{family.name}_month"
    # In the order of the key's columns, not the set's (which follows the hash seed).
    required = (c for c in family.columns if c in family.not_null and c != "type")
    known = " AND ".join(f"{c} IS NOT NULL" for c in ("month", *required))
    joined = _same_key(family, "k").format(r="g")
    out = [
        f"INSERT INTO {family.key_table} ({names}) SELECT DISTINCT {names} FROM {monthly} "
        f"WHERE {known} ORDER BY {names};\n"
    ]
    for grain in GRAINS:
        if grain == "day":
            inner = (
                f"SELECT {_FACTUAL.format(r='e')} AS factual, e.date AS day, "
                + ", ".join(f"e.{c} AS {c}" for c in family.columns)
                + f", count(*) AS n FROM events AS e WHERE {family.when.format(r='e')} "
                f"GROUP BY 1, 2, {names}"
            )
        else:
            inner = (
                f"SELECT factual, {grain}, {names}, n FROM event_counts_{family.name}_{grain} "
                f"WHERE {known.replace('month', grain)}"
            )
        out.append(
            f"INSERT INTO {family.table(grain)} (factual, {grain}, key, n) "
            f"SELECT g.factual, g.{grain}, k.id, g.n FROM ({inner}) AS g "
            f"JOIN {family.key_table} AS k ON {joined} ORDER BY 1, 2, 3;\n"
        )
    return out


def _add(family: KeyedFamily) -> list[str]:
    names = ", ".join(family.columns)
    values = ", ".join(f"{{r}}.{c}" for c in family.columns)
    out = [
        f"    INSERT INTO {family.key_table} ({names}) SELECT {values} WHERE {family.when} "
        f"AND NOT EXISTS (SELECT 1 FROM {family.key_table} WHERE {_same_key(family)});\n"
    ]
    for grain in GRAINS:
        out.append(
            f"    INSERT INTO {family.table(grain)} (factual, {grain}, key, n) "
            f"SELECT {_FACTUAL}, {_PERIODS[grain]}, {_lookup(family)}, 1 WHERE {family.when} "
            f"ON CONFLICT (factual, {grain}, key) DO UPDATE SET n = n + 1;\n"
        )
    return out


def _remove(family: KeyedFamily) -> list[str]:
    out: list[str] = []
    for grain in GRAINS:
        key = f"factual = {_FACTUAL} AND {grain} = {_PERIODS[grain]} AND key = {_lookup(family)}"
        # Rows never hold n = 0: a row at 1 is deleted, any other taken 1 off.
        table = family.table(grain)
        out.append(f"    DELETE FROM {table} WHERE {family.when} AND n = 1 AND {key};\n")
        out.append(f"    UPDATE {table} SET n = n - 1 WHERE {family.when} AND {key};\n")
    return out


def _triggers(family: KeyedFamily) -> list[str]:
    name = f"events_keyed_{family.name}_rollups"
    return event_triggers(name, _add(family), _remove(family), family.source_columns)


def keyed_rollup_script() -> list[str]:
    """The statements of schema version 9: tables, backfill, triggers."""
    return [
        s
        for family in KEYED_FAMILIES
        for s in (*_create(family), *_backfill(family), *_triggers(family))
    ]


KEYED_ROLLUP_SQL: tuple[str, ...] = tuple(keyed_rollup_script())
# The statements that fill the (empty) tables, after the rollups of text keys.
KEYED_ROLLUP_BACKFILL: tuple[str, ...] = tuple(
    s for s in KEYED_ROLLUP_SQL if s.startswith("INSERT INTO")
)
