"""The map's rollups keyed by a sector of the actor or the recipient (schema version 11).

A dashboard user who picks an actor or recipient sector (the military, the police,
civilians) asks every map aggregate again with that filter: the totals, the timeline,
the shading of countries and the grid cells. The rollups of version 4 are keyed by
country only, so such a request read the sector's events (0.1-0.15 s of CPU for a common
sector of a million events). These tables are those of ``map_rollups.py`` keyed first by
``party``, the role and the sector (``actor:MIL``, ``recipient:CVL``), and kept exact by
triggers on ``events`` as the others are:

``event_sums_by_sector_{month,year}``    the totals and the timeline
``event_areas_by_sector_{month,year}``   the shading of countries
``event_cells_by_sector_{month,year}``   the clusters (levels 1-3)

An event counts under its actor's sector and under its recipient's (the two roles are
two parties, so an event of soldiers against soldiers counts once under each), and, as
in every rollup since version 7, only when it is not told as a summary of the past. The
days at the ends of a date range are read from ``events`` through the sector's index
(``events_{role}_sector_map``, version 4). A sector with a country, or both sectors, is
answered from the events.
"""

from __future__ import annotations

from eventwire.store.map_rollups import MapTable, family_script, party_bases

ROLES = ("actor", "recipient")
# The families of ``map_rollups.py`` kept by sector (the regions of version 10 are not).
SECTOR_FAMILIES = frozenset({"sums", "areas", "cells"})
_LISTED = "{r}.historical = 0"
# The columns whose change moves an event to other rows of these tables.
SOURCE_COLUMNS = (
    "date", "type", "negated", "hypothetical", "future", "dead", "place_lat", "place_lon",
    "place_country_code", "actor_sector", "recipient_sector", "historical",
)  # fmt: skip


def party(role: str, sector: str) -> str:
    """The ``party`` key of ``sector`` in ``role`` (``actor:MIL``)."""
    if role not in ROLES:
        raise ValueError(f"role must be actor or recipient, not {role!r}")
    return f"{role}:{sector}"


def by_sector(table: MapTable, role: str) -> MapTable:
    """``table`` keyed first by the sector of ``role`` (events with one)."""
    family, grain = table.name.removeprefix("event_").rsplit("_", 1)
    when = f"{{r}}.{role}_sector IS NOT NULL"
    return MapTable(
        f"event_{family}_by_sector_{grain}",
        ("party", *table.keys),
        (f"'{role}:' || {{r}}.{role}_sector", *table.values),
        table.sums,
        f"{table.when} AND {when}" if table.when else when,
    )


def sector_tables() -> tuple[MapTable, ...]:
    """Every table keyed by sector: the monthly and yearly tables of the three
    families, once per role (the two roles share each table)."""
    return tuple(by_sector(t, role) for t in party_bases() for role in ROLES)


SECTOR_MAP_TABLES: tuple[str, ...] = tuple(dict.fromkeys(t.name for t in sector_tables()))
SECTOR_MAP_ROLLUP_SQL: tuple[str, ...] = tuple(
    family_script(sector_tables(), "events_sector_map_rollups", _LISTED, SOURCE_COLUMNS)
)
SECTOR_MAP_BACKFILL: tuple[str, ...] = tuple(
    s for s in SECTOR_MAP_ROLLUP_SQL if s.startswith("INSERT INTO")
)
