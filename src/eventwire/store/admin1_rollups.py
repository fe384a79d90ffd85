"""The rollups of events and fatalities per first-level region (schema version 10).

The dashboard shades the regions of one country (``/map/admin1``) from these tables,
kept exact by triggers on ``events`` as the map's rollups are (``map_rollups.py``):

``event_admin1_{month,year}``             place country (ISO alpha-2), period, region
                                          (``events.place_admin1``; ``''`` when the
                                          event has none), type, factual
``event_admin1_by_country_{month,year}``  the same, keyed first by a country of the
                                          actor or the recipient (``party``)

Only events with a place country count (the others are in no region of any country),
and, as in every rollup since version 7, only events not told as a summary of the
past. Every key leads with the place country and then the period, so one country's
regions over a date range are one range of the key. A sector filter, which no rollup
holds, reads a country's events of that sector from an index of each role
(``events_{actor,recipient}_sector_admin1``).
"""

from __future__ import annotations

from eventwire.store.map_rollups import (
    PARTIES,
    MapTable,
    by_country,
    family_script,
)

_PERIODS = {
    "month": "coalesce(substr({r}.date, 1, 7), '')",
    "year": "coalesce(substr({r}.date, 1, 4), '')",
}
_FACTUAL = "({r}.negated = 0 AND {r}.hypothetical = 0 AND {r}.future = 0)"
_PLACED = "{r}.place_country_code IS NOT NULL"
_LISTED = "{r}.historical = 0"
# The columns whose change moves an event to other rows of these tables.
SOURCE_COLUMNS = (
    "date", "type", "negated", "hypothetical", "future", "dead", "place_country_code",
    "place_admin1", "actor_country", "recipient_country", "historical",
)  # fmt: skip


def admin1_tables() -> tuple[MapTable, ...]:
    """The four tables (plain and by country, per month and per year)."""
    plain = [
        MapTable(
            f"event_admin1_{grain}",
            ("country", grain, "admin1", "type", "factual"),
            (
                "{r}.place_country_code",
                _PERIODS[grain],
                "coalesce({r}.place_admin1, '')",
                "{r}.type",
                _FACTUAL,
            ),
            (("dead", "coalesce({r}.dead, 0)"),),
            _PLACED,
        )
        for grain in ("month", "year")
    ]
    return (*plain, *(by_country(t, party, when) for t in plain for party, when in PARTIES))


ADMIN1_TABLES: tuple[str, ...] = tuple(dict.fromkeys(t.name for t in admin1_tables()))
# No rollup holds sectors: a sector's listed factual events by place country, with what
# the regions' aggregate reads of them (a sector filter over one country's regions; the
# sector first, so that no query without one reads a country's events through it).
SECTOR_INDEXES = tuple(
    f"CREATE INDEX events_{role}_sector_admin1 ON events ({role}_sector, place_country_code, "
    "date, type, place_admin1, dead, actor_country, recipient_country) WHERE negated = 0 "
    "AND hypothetical = 0 AND future = 0 AND historical = 0;\n"
    for role in ("actor", "recipient")
)
ADMIN1_ROLLUP_SQL: tuple[str, ...] = (
    *family_script(admin1_tables(), "events_admin1_rollups", _LISTED, SOURCE_COLUMNS),
    *SECTOR_INDEXES,
)
ADMIN1_BACKFILL: tuple[str, ...] = tuple(
    s for s in ADMIN1_ROLLUP_SQL if s.startswith("INSERT INTO")
)
