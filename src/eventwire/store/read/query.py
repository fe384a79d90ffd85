"""The SQL of the API's event filters.

Nothing here touches a connection: each function turns typed parameters into SQL text
and its bound values, so the statements can be read and tested on their own. Every
value a user gives is bound as a parameter; the only text pasted into SQL comes from the
fixed tables of this module (column names, stats dimensions) and integers. Pages of
events (sorting, keyset cursors, the plan that reads a page) are in ``paging.py``;
the stats statements (counts per group) in ``stats_query.py``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from eventwire.errors import EventwireError
from eventwire.geodesy import haversine_km
from eventwire.store.fts import match_expression

SqlValue = str | int | float | None

KM_PER_DEGREE_LAT = 111.32
MAX_RADIUS_KM = 20_016.0  # half the Earth's circumference: every point is within it
DISTANCE_FUNCTION = "ew_distance_km"  # registered on each connection (see reader.py)

FACTUAL = "negated = 0 AND hypothetical = 0 AND future = 0"
# Events told as a summary of the past (schema version 7) are left out by default.
NOT_HISTORICAL = "historical = 0"
HISTORICAL_CHOICES = ("exclude", "include", "only")


# The integers SQLite stores (64-bit signed): a larger one cannot even be bound.
SQLITE_MAX_INT = 2**63 - 1
SQLITE_MIN_INT = -(2**63)


class QueryError(EventwireError):
    """A query parameter that cannot be used (the API answers 422 with this message)."""


class QueryTimeout(EventwireError):
    """A query that ran past the request's time budget and was interrupted (the API
    answers 503 with this message)."""


# --- parameters ------------------------------------------------------------------------


def _floats(text: str, count: int, name: str, shape: str) -> list[float]:
    parts = text.split(",")
    if len(parts) != count:
        raise QueryError(f"{name} must be {shape}, not {text!r}")
    values: list[float] = []
    for part in parts:
        try:
            value = float(part.strip())
        except ValueError as exc:
            raise QueryError(f"{name} must be {shape}; {part.strip()!r} is not a number") from exc
        if not math.isfinite(value):
            raise QueryError(f"{name} must be {shape}; {part.strip()!r} is not a finite number")
        values.append(value)
    return values


def _check_lat(value: float, name: str) -> None:
    if not -90.0 <= value <= 90.0:
        raise QueryError(f"{name}: latitude {value} is outside -90..90")


def _check_lon(value: float, name: str) -> None:
    if not -180.0 <= value <= 180.0:
        raise QueryError(f"{name}: longitude {value} is outside -180..180")


@dataclass(frozen=True, slots=True)
class BBox:
    """A box of longitudes and latitudes. ``min_lon > max_lon`` crosses the antimeridian
    (``170,-20,-170,20`` is the 20 degrees around it)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``minLon,minLat,maxLon,maxLat``; raises QueryError."""
        shape = "minLon,minLat,maxLon,maxLat"
        min_lon, min_lat, max_lon, max_lat = _floats(text, 4, "bbox", shape)
        for lon in (min_lon, max_lon):
            _check_lon(lon, "bbox")
        for lat in (min_lat, max_lat):
            _check_lat(lat, "bbox")
        if min_lat > max_lat:
            raise QueryError(f"bbox: minLat {min_lat} is above maxLat {max_lat}")
        return cls(min_lon, min_lat, max_lon, max_lat)


@dataclass(frozen=True, slots=True)
class Near:
    """A circle of ``radius_km`` kilometres around a point (great-circle distance)."""

    lat: float
    lon: float
    radius_km: float

    @classmethod
    def parse(cls, text: str, radius_km: float) -> Near:
        """``lat,lon`` and a radius in kilometres; raises QueryError."""
        lat, lon = _floats(text, 2, "near", "lat,lon")
        _check_lat(lat, "near")
        _check_lon(lon, "near")
        if not (math.isfinite(radius_km) and radius_km > 0.0):
            raise QueryError(f"radius_km must be a positive number of kilometres, not {radius_km}")
        return cls(lat, lon, min(radius_km, MAX_RADIUS_KM))


def distance_km(lat1: float | None, lon1: float | None, lat2: float, lon2: float) -> float | None:
    """Great-circle distance in kilometres; None when a coordinate is missing.
    Registered as the SQL function ``ew_distance_km``."""
    if lat1 is None or lon1 is None:
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events a request asks for; every criterion given must hold.

    It is the one filter type of the CLI, the API and the exports. Codes are compared
    as stored, and normalised here: ``types``, countries and sectors upper case,
    ``mode`` lower case. ``text`` matches the mention sentences and the text of the
    articles that mention an event (FTS5, every word must appear; ``word*`` is a
    prefix).
    """

    types: tuple[str, ...] = ()
    mode: str | None = None
    country: str | None = None  # the actor's OR the recipient's
    actor_country: str | None = None
    recipient_country: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None
    since: date | None = None
    until: date | None = None
    bbox: BBox | None = None
    near: Near | None = None
    text: str | None = None
    min_confidence: float | None = None
    include_flagged: bool = False
    headline: bool | None = None  # True: headline events only; False: the others
    source: str | None = None  # reported by an article of this source (articles.source)
    # Events told as a summary of the past (PLOVER's "historical" context): left out
    # ("exclude", the default listing), listed with the others ("include") or alone.
    historical: str = "exclude"

    def __post_init__(self) -> None:
        if self.historical not in HISTORICAL_CHOICES:
            raise QueryError(
                f"historical must be one of {', '.join(HISTORICAL_CHOICES)}, "
                f"not {self.historical!r}"
            )
        upper = ("country", "actor_country", "recipient_country", "actor_sector",
                 "recipient_sector")  # fmt: skip
        for name in upper:
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, value.upper())
        object.__setattr__(self, "types", tuple(kind.upper() for kind in self.types))
        if self.mode is not None:
            object.__setattr__(self, "mode", self.mode.lower())


@dataclass(frozen=True, slots=True)
class Condition:
    """One SQL condition on the ``events`` table and its bound values.

    ``columns`` are the columns it reads. ``walk_sql``, when given, is an equivalent
    form that is cheaper to test one event at a time (on a walk of the events in sort
    order); it takes the same values.
    """

    sql: str
    params: tuple[SqlValue, ...] = ()
    columns: tuple[str, ...] = ()
    walk_sql: str | None = None


def join_conditions(conditions: Sequence[Condition]) -> tuple[str, list[SqlValue]]:
    """The conditions joined by AND ("1" for none), and their values in order."""
    if not conditions:
        return "1", []
    return (
        " AND ".join(c.sql for c in conditions),
        [value for c in conditions for value in c.params],
    )


@dataclass(frozen=True, slots=True)
class Where:
    """The conditions of a query on the ``events`` table.

    ``ranged`` are those a walk of the events in date order applies as it goes
    (factuality, date bounds), ``filters`` the others (codes, places, text, confidence).
    Every matching event meets one of the ``arms`` (if any): equality conditions each
    served by an index ending in ``date``, which a date-sorted search reads in date
    order. ``text_match`` is the FTS5 expression of a text filter. ``nothing`` is True
    when no event can match (a text query with no searchable word).
    """

    ranged: tuple[Condition, ...] = ()
    filters: tuple[Condition, ...] = ()
    arms: tuple[Condition, ...] = ()
    text_match: str | None = None
    nothing: bool = False

    @property
    def factual(self) -> bool:
        """Whether only the factual events of the default listing (not historical) are
        asked for: those the partial indexes of factual events hold."""
        asked = {c.sql for c in self.ranged}
        return FACTUAL in asked and NOT_HISTORICAL in asked

    @property
    def sql(self) -> str:
        return join_conditions([*self.ranged, *self.filters])[0]

    @property
    def params(self) -> list[SqlValue]:
        return join_conditions([*self.ranged, *self.filters])[1]


# The articles whose title, captions or body hold every word of a text query. Their
# index covers every sentence an event is coded from, so the events mentioned by these
# articles include every event whose own mention sentence holds the words.
MATCHING_ARTICLES = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
_TEXT_MATCH = (
    "id IN (SELECT mentions.event_id FROM mentions WHERE mentions.article_id IN "
    f"({MATCHING_ARTICLES}))"
)
# (The unary + keeps SQLite on the event's own mentions: through the index of mentions
# by article it would look up every matching article for every event.)
_TEXT_MATCH_WALK = (
    "EXISTS (SELECT 1 FROM mentions WHERE mentions.event_id = events.id AND "
    f"+mentions.article_id IN ({MATCHING_ARTICLES}))"
)

# The events an article of one source reports (through the index of articles by source,
# schema version 4).
_SOURCE_MATCH = (
    "id IN (SELECT mentions.event_id FROM articles JOIN mentions "
    "ON mentions.article_id = articles.id WHERE articles.source = ?)"
)

_EQUAL_COLUMNS = ("mode", "actor_country", "recipient_country", "actor_sector", "recipient_sector")


def where_clause(query: EventQuery) -> Where:
    """The conditions of ``query``."""
    ranged: list[Condition] = []
    filters: list[Condition] = []
    if not query.include_flagged:
        ranged.append(Condition(FACTUAL, (), ("negated", "hypothetical", "future")))
    if query.historical != "include":
        # Literals (from a fixed choice): the partial indexes need "historical = 0".
        test = NOT_HISTORICAL if query.historical == "exclude" else "historical = 1"
        ranged.append(Condition(test, (), ("historical",)))
    if query.since is not None:
        ranged.append(Condition("date >= ?", (query.since.isoformat(),), ("date",)))
    if query.until is not None:
        ranged.append(Condition("date <= ?", (query.until.isoformat(),), ("date",)))
    if len(query.types) == 1:
        filters.append(Condition("type = ?", (query.types[0],), ("type",)))
    elif query.types:
        marks = ", ".join("?" for _ in query.types)
        filters.append(Condition(f"type IN ({marks})", query.types, ("type",)))
    for column in _EQUAL_COLUMNS:
        value = getattr(query, column)
        if value is not None:
            filters.append(Condition(f"{column} = ?", (value,), (column,)))
    if query.country is not None:
        filters.append(
            Condition(
                "(actor_country = ? OR recipient_country = ?)",
                (query.country, query.country),
                ("actor_country", "recipient_country"),
            )
        )
    if query.bbox is not None:
        filters.append(_box_condition(query.bbox))
    if query.near is not None:
        near_box = _near_box(query.near)
        if near_box is not None:
            filters.append(_box_condition(near_box))
        filters.append(
            Condition(
                f"{DISTANCE_FUNCTION}(place_lat, place_lon, ?, ?) <= ?",
                (query.near.lat, query.near.lon, query.near.radius_km),
                ("place_lat", "place_lon"),
            )
        )
    if query.min_confidence is not None:
        filters.append(Condition("confidence >= ?", (query.min_confidence,), ("confidence",)))
    if query.headline is not None:
        # A literal (from a bool, never from user text): SQLite uses the partial index
        # of headline events (schema version 3) only for the literal "headline = 1".
        filters.append(Condition(f"headline = {int(query.headline):d}", (), ("headline",)))
    if query.source is not None:
        filters.append(Condition(_SOURCE_MATCH, (query.source,), ("id",)))
    expression = None
    if query.text is not None:
        expression = match_expression(query.text)
        if expression is None:
            return Where(nothing=True)
        filters.append(Condition(_TEXT_MATCH, (expression,), ("id",), _TEXT_MATCH_WALK))
    return Where(tuple(ranged), tuple(filters), _arms(query), expression)


def _arms(query: EventQuery) -> tuple[Condition, ...]:
    """The arms of a date-sorted search (see ``Where``): the country's roles (actor,
    recipient) named, each with each type named; or each type; none without either."""
    roles: list[tuple[str, str]] = []
    if query.country is not None:
        roles = [("actor_country", query.country), ("recipient_country", query.country)]
    elif query.actor_country is not None:
        roles = [("actor_country", query.actor_country)]
    elif query.recipient_country is not None:
        roles = [("recipient_country", query.recipient_country)]
    types = [("type", kind) for kind in query.types]
    if roles and types:
        return tuple(
            Condition(f"{role} = ? AND type = ?", (code, kind), (role, "type"))
            for role, code in roles
            for _, kind in types
        )
    return tuple(
        Condition(f"{column} = ?", (value,), (column,)) for column, value in roles or types
    )


def _box_condition(box: BBox) -> Condition:
    params = (box.min_lat, box.max_lat, box.min_lon, box.max_lon)
    columns = ("place_lat", "place_lon")
    lat = "place_lat BETWEEN ? AND ?"
    if box.min_lon <= box.max_lon:
        return Condition(f"{lat} AND place_lon BETWEEN ? AND ?", params, columns)
    return Condition(f"{lat} AND (place_lon >= ? OR place_lon <= ?)", params, columns)


def _near_box(near: Near) -> BBox | None:
    """A box holding the circle around ``near`` (a cheap prefilter before the exact
    distance), or None when the circle reaches a pole or spans every longitude."""
    dlat = near.radius_km / KM_PER_DEGREE_LAT
    if near.lat + dlat >= 90.0 or near.lat - dlat <= -90.0:
        return None
    dlon = dlat / math.cos(math.radians(abs(near.lat) + dlat))
    if dlon >= 180.0:
        return None
    min_lon, max_lon = near.lon - dlon, near.lon + dlon
    if min_lon < -180.0:
        min_lon += 360.0
    if max_lon > 180.0:
        max_lon -= 360.0
    return BBox(min_lon, near.lat - dlat, max_lon, near.lat + dlat)


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: list[SqlValue]


# The covering index of factual events by date (schema version 2), named in a hint
# when the store has it.
FACTUAL_DATE_INDEX = "events_factual_date"


def event_source(where: Where, indexes: frozenset[str]) -> str:
    """``events``, with a hint to read the covering index of factual events when the
    query has no filter beyond factuality and dates (SQLite's planner prefers the other
    indexes, and then reads every table row)."""
    factual_only = not where.filters and where.factual
    if factual_only and FACTUAL_DATE_INDEX in indexes:
        return f"events INDEXED BY {FACTUAL_DATE_INDEX}"
    return "events"


def count_statement(where: Where, indexes: frozenset[str] = frozenset()) -> Statement:
    """How many events pass ``where``; ``indexes`` are the store's index names."""
    source = event_source(where, indexes)
    return Statement(f"SELECT count(*) AS n FROM {source} WHERE {where.sql}", where.params)


def id_list(ids: Sequence[int]) -> str:
    """A JSON array of ids, for ``IN (SELECT value FROM json_each(?))``."""
    return json.dumps([int(i) for i in ids])
