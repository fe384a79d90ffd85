"""The rollups of the dashboard's map and fatalities (schema version 4).

Three families of tables, each kept exact by triggers on ``events`` in the same
transaction as the rollups of version 2 (an insert adds the event, a delete takes it
off, an update of a column they read does both). Every row holds ``n`` (events > 0),
``dead`` (the sum of ``events.dead``, missing as 0), and the cell rows the sums of the
events' latitudes and longitudes (their centroid is ``lat / n, lon / n``). ``factual``
is 1 for events neither negated, hypothetical nor future. Periods are prefixes of the
ISO date; undated events have the period ``''`` (the tables are WITHOUT ROWID, whose
keys cannot be NULL).

``event_sums_{day,month}``      period, type, factual: the totals and the timeline
``event_areas_{month,year}``    period, place country (ISO alpha-2, ``''`` when the
                                event has no place country), type, factual: the shading
                                of countries and the number of countries
``event_cells_{month,year}``    level, grid cell (cx, cy), period, type, factual: the
                                clusters; only events with coordinates. Level ``l``
                                cuts the globe into cells of ``CELL_DEGREES[l]`` degrees:
                                ``cx = int((lon + 180) / size)``,
                                ``cy = int((lat + 90) / size)``.

The yearly cell table leads with the cell (a zoomed-in view reads a narrow band of
``cx``); the monthly one with the period (only the months at the ends of a date range
are read from it). The days at the ends of a date range are read from ``events``,
through the covering index ``events_map_days``; a sector filter through
``events_{actor,recipient}_sector_map``. ``api/map_query.py`` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Level -> cell size in degrees (level 0 is the country, in ``event_areas_*``).
CELL_DEGREES: dict[int, float] = {1: 5.0, 2: 1.0, 3: 0.25}

_PERIODS = {
    "day": "coalesce({r}.date, '')",
    "month": "coalesce(substr({r}.date, 1, 7), '')",
    "year": "coalesce(substr({r}.date, 1, 4), '')",
}
_FACTUAL = "({r}.negated = 0 AND {r}.hypothetical = 0 AND {r}.future = 0)"
_DEAD = "coalesce({r}.dead, 0)"
# The columns whose change moves an event to other rows of these tables.
SOURCE_COLUMNS = (
    "date", "type", "negated", "hypothetical", "future", "dead", "place_lat", "place_lon",
    "place_country_code", "actor_country", "recipient_country",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class MapTable:
    """One rollup table: its key columns (in key order), the SQL value of each for an
    event ``{r}``, the sums it keeps, and when an event counts in it at all."""

    name: str
    keys: tuple[str, ...]
    values: tuple[str, ...]
    sums: tuple[tuple[str, str], ...]
    when: str = ""


def _cell(axis: str, size: float) -> str:
    offset = 180.0 if axis == "lon" else 90.0
    return f"CAST(({{r}}.place_{axis} + {offset:.1f}) / {size!r} AS INTEGER)"


def map_tables() -> tuple[MapTable, ...]:
    """Every table of the three families (cells: one per level and grain, sharing a
    table per grain), plain and by country."""
    tables = _plain_tables()
    keyed = [by_country(table, party, when) for table in party_bases() for party, when in PARTIES]
    return (*tables, *keyed)


def _plain_tables() -> tuple[MapTable, ...]:
    counted = (("dead", _DEAD),)
    tables: list[MapTable] = []
    for grain in ("day", "month"):
        tables.append(
            MapTable(
                f"event_sums_{grain}",
                (grain, "type", "factual"),
                (_PERIODS[grain], "{r}.type", _FACTUAL),
                counted,
            )
        )
    for grain in ("month", "year"):
        tables.append(
            MapTable(
                f"event_areas_{grain}",
                (grain, "country", "type", "factual"),
                (_PERIODS[grain], "coalesce({r}.place_country_code, '')", "{r}.type", _FACTUAL),
                counted,
            )
        )
    located = "{r}.place_lat IS NOT NULL AND {r}.place_lon IS NOT NULL"
    for grain in ("month", "year"):
        for level, size in CELL_DEGREES.items():
            cell = ("level", "cx", "cy")
            cell_values = (str(level), _cell("lon", size), _cell("lat", size))
            rest = ("type", "factual")
            rest_values = ("{r}.type", _FACTUAL)
            if grain == "year":
                keys = (*cell, grain, *rest)
                values = (*cell_values, _PERIODS[grain], *rest_values)
            else:
                keys = (cell[0], grain, *cell[1:], *rest)
                values = (cell_values[0], _PERIODS[grain], *cell_values[1:], *rest_values)
            tables.append(
                MapTable(
                    f"event_cells_{grain}",
                    keys,
                    values,
                    (*counted, ("lat", "{r}.place_lat"), ("lon", "{r}.place_lon")),
                    located,
                )
            )
    return tuple(tables)


def party_bases() -> tuple[MapTable, ...]:
    """The tables that are kept again keyed first by a party (a country here, a sector
    in ``sector_map_rollups.py``): the monthly and yearly sums, areas and cells."""
    plain = [t for t in _plain_tables() if not t.name.endswith("_day")]
    year_sums = MapTable(
        "event_sums_year",
        ("year", "type", "factual"),
        (_PERIODS["year"], "{r}.type", _FACTUAL),
        (("dead", _DEAD),),
    )
    return (*plain[:1], year_sums, *plain[1:])


# An event counts under its actor's country, and under its recipient's when that differs
# (as in the rollups of version 2), in the ``*_by_country_*`` tables.
PARTIES = (
    ("{r}.actor_country", "{r}.actor_country IS NOT NULL"),
    (
        "{r}.recipient_country",
        "{r}.recipient_country IS NOT NULL AND {r}.recipient_country IS NOT {r}.actor_country",
    ),
)


def by_country(table: MapTable, party: str, when: str) -> MapTable:
    """``table`` keyed first by a country of the actor or the recipient (``party``)."""
    name = table.name.rsplit("_", 1)
    return MapTable(
        f"{name[0]}_by_country_{name[1]}",
        ("party", *table.keys),
        (party, *table.values),
        table.sums,
        f"{table.when} AND {when}" if table.when else when,
    )


_COLUMN_TYPES = {"level": "INTEGER", "cx": "INTEGER", "cy": "INTEGER", "factual": "INTEGER"}
_SUM_TYPES = {"dead": "INTEGER NOT NULL", "lat": "REAL NOT NULL", "lon": "REAL NOT NULL"}


def _create(tables: tuple[MapTable, ...]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for table in tables:
        if table.name in seen:
            continue
        seen.add(table.name)
        keys = ", ".join(f"{k} {_COLUMN_TYPES.get(k, 'TEXT')} NOT NULL" for k in table.keys)
        sums = "".join(f", {s} {_SUM_TYPES[s]}" for s, _ in table.sums)
        out.append(
            f"CREATE TABLE {table.name} ({keys}, n INTEGER NOT NULL CHECK (n >= 0){sums}, "
            f"PRIMARY KEY ({', '.join(table.keys)})) WITHOUT ROWID;\n"
        )
    return out


def _backfill(table: MapTable) -> str:
    names = ", ".join(table.keys)
    inner = [f"{v.format(r='e')} AS {k}" for k, v in zip(table.keys, table.values, strict=True)]
    inner += [f"{v.format(r='e')} AS _{s}" for s, v in table.sums]
    sums = "".join(f", {s}" for s, _ in table.sums)
    totals = "".join(f", sum(_{s})" for s, _ in table.sums)
    where = f" WHERE {table.when.format(r='e')}" if table.when else ""
    update = ", ".join(
        ["n = n + excluded.n", *(f"{s} = {s} + excluded.{s}" for s, _ in table.sums)]
    )
    # An upsert: the two shares of a by-country table fill the same rows.
    return (
        f"INSERT INTO {table.name} ({names}, n{sums}) SELECT {names}, count(*){totals} "
        f"FROM (SELECT {', '.join(inner)} FROM events AS e{where}) WHERE true GROUP BY {names} "
        f"ON CONFLICT ({names}) DO UPDATE SET {update};\n"
    )


def _add(table: MapTable) -> str:
    """The statement adding event ``{r}`` (an upsert; the WHERE also keeps SQLite from
    reading ON CONFLICT as a join constraint)."""
    names = ", ".join(table.keys)
    sums = "".join(f", {s}" for s, _ in table.sums)
    values = ", ".join([*table.values, "1", *(v for _, v in table.sums)])
    update = ", ".join(["n = n + 1", *(f"{s} = {s} + excluded.{s}" for s, _ in table.sums)])
    return (
        f"    INSERT INTO {table.name} ({names}, n{sums}) SELECT {values} "
        f"WHERE {table.when or 'true'} ON CONFLICT ({names}) DO UPDATE SET {update};\n"
    )


def _remove(table: MapTable) -> list[str]:
    """The statements taking event ``{r}`` off (and a row left at 0 away)."""
    key = " AND ".join(f"{k} = {v}" for k, v in zip(table.keys, table.values, strict=True))
    guard = f"{table.when} AND " if table.when else ""
    update = ", ".join(["n = n - 1", *(f"{s} = {s} - {v}" for s, v in table.sums)])
    return [
        f"    UPDATE {table.name} SET {update} WHERE {guard}{key};\n",
        f"    DELETE FROM {table.name} WHERE {guard}n = 0 AND {key};\n",
    ]


def _listed(table: MapTable, listed: str) -> MapTable:
    """``table`` counting only the events meeting ``listed`` too."""
    if not listed:
        return table
    when = f"{listed} AND {table.when}" if table.when else listed
    return MapTable(table.name, table.keys, table.values, table.sums, when)


def map_rollup_triggers(listed: str = "", columns: tuple[str, ...] = SOURCE_COLUMNS) -> list[str]:
    """The triggers keeping the tables exact, counting only the events meeting
    ``listed`` (schema version 7), fired by a change of ``columns``."""
    tables = [_listed(t, listed) for t in map_tables()]
    add = [_add(t) for t in tables]
    remove = [s for t in tables for s in _remove(t)]
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    return [
        "CREATE TRIGGER events_map_rollups_insert AFTER INSERT ON events BEGIN\n",
        *(s.format(r="new") for s in add),
        "END;\n",
        "CREATE TRIGGER events_map_rollups_delete AFTER DELETE ON events BEGIN\n",
        *(s.format(r="old") for s in remove),
        "END;\n",
        f"CREATE TRIGGER events_map_rollups_update AFTER UPDATE OF {', '.join(columns)} "
        "ON events\n",
        f"WHEN {changed} BEGIN\n",
        *(s.format(r="old") for s in remove),
        *(s.format(r="new") for s in add),
        "END;\n",
    ]


def map_rollup_script() -> list[str]:
    """The statements of schema version 4: tables, backfill, triggers."""
    tables = map_tables()
    return [
        *_create(tables),
        *(_backfill(t) for t in tables),
        "CREATE INDEX IF NOT EXISTS articles_source ON articles (source, id);\n",
        # The days at the ends of a date range are read from the events: this index of
        # factual events by date holds all that the map's aggregates read of them.
        "CREATE INDEX IF NOT EXISTS events_map_days ON events (date, type, place_lat, "
        "place_lon, place_country_code, dead) WHERE negated = 0 AND hypothetical = 0 "
        "AND future = 0;\n",
        # No rollup holds sectors with places: a sector's factual events, with what the
        # map's aggregates read of them.
        *(
            f"CREATE INDEX IF NOT EXISTS events_{role}_sector_map ON events ({role}_sector, "
            "date, type, place_country_code, place_lat, place_lon, dead, actor_country, "
            "recipient_country) WHERE negated = 0 AND hypothetical = 0 AND future = 0;\n"
            for role in ("actor", "recipient")
        ),
        *map_rollup_triggers(),
    ]


MAP_ROLLUP_SQL: tuple[str, ...] = tuple(map_rollup_script())
MAP_ROLLUP_TABLES: tuple[str, ...] = tuple(dict.fromkeys(t.name for t in map_tables()))
MAP_ROLLUP_BACKFILL: tuple[str, ...] = tuple(
    s for s in MAP_ROLLUP_SQL if s.startswith("INSERT INTO")
)


def family_script(
    tables: tuple[MapTable, ...], trigger: str, listed: str, columns: tuple[str, ...]
) -> list[str]:
    """The statements of a family of rollup tables of this shape added later: the
    tables, their backfill (only the events meeting ``listed``) and the triggers
    ``{trigger}_{insert,delete,update}`` keeping them exact (the update fired by a
    change of ``columns``)."""
    kept = tuple(_listed(t, listed) for t in tables)
    add = [_add(t) for t in kept]
    remove = [s for t in kept for s in _remove(t)]
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    return [
        *_create(kept),
        *(_backfill(t) for t in kept),
        f"CREATE TRIGGER {trigger}_insert AFTER INSERT ON events BEGIN\n",
        *(s.format(r="new") for s in add),
        "END;\n",
        f"CREATE TRIGGER {trigger}_delete AFTER DELETE ON events BEGIN\n",
        *(s.format(r="old") for s in remove),
        "END;\n",
        f"CREATE TRIGGER {trigger}_update AFTER UPDATE OF {', '.join(columns)} ON events\n",
        f"WHEN {changed} BEGIN\n",
        *(s.format(r="old") for s in remove),
        *(s.format(r="new") for s in add),
        "END;\n",
    ]
