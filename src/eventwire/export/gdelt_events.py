"""A GDELT 2.0-style events table: the 61 columns of GDELT 2.0's event export, in
GDELT's order, one row per eventwire event (row format: ``gdelt_common``).

Filled
------
``GlobalEventID``  eventwire event id
``Day`` / ``MonthYear`` / ``Year`` / ``FractionDate``  from the event date (the first
    day of the week, month or year when the date is less precise than a day); empty
    for undated events
``IsRootEvent``    1 when an article's headline reports the event (eventwire codes the
    title and marks the event it announces: ``headline``), else 0. GDELT marks
    events of the lead paragraph; eventwire marks those of the title
``Actor1Code``     CAMEO-style code: country + sector (``SRBCOP``; ``COP`` when the
    country is unknown). ``Actor1Name``: the actor's canonical name, else its words.
    ``Actor1CountryCode``: ISO alpha-3 (empty for IGO, NGO and other PLOVER
    pseudo-countries, which stay in ``Actor1Code``). ``Actor1Type1Code``: the PLOVER
    sector (GOV, MIL, COP, REB, CVL, ...). ``Actor2*``: the same for the recipient
``EventCode`` / ``EventBaseCode`` / ``EventRootCode``  the CAMEO root code of the
    PLOVER type (eventwire codes to the root only, so the three are equal)
``QuadClass``      1..4 from the type
``NumMentions`` / ``NumSources`` / ``NumArticles``  eventwire's counts
``ActionGeo_Type`` 1 country; 4 world city (3 in the US) for a point; 5 world state
    (2 in the US) for an admin1 or admin2 area or a named region inside one country
``ActionGeo_FullName``  place name, country name (the country name alone for a country)
``ActionGeo_CountryCode``  FIPS 10-4, as GDELT (converted from the place's ISO alpha-2
    with the FIPS codes GeoNames records; empty where GeoNames has none)
``ActionGeo_ADM1Code``  the FIPS country code for a country-level place (as GDELT);
    empty otherwise (eventwire does not store admin1 codes)
``ActionGeo_Lat`` / ``ActionGeo_Long``  WGS 84 degrees
``ActionGeo_FeatureID``  the GeoNames id (GDELT uses GNS/GNIS ids here)
``DATEADDED``      when the first article reporting the event was stored (UTC,
    ``YYYYMMDDHHMMSS``)
``SOURCEURL``      the first mention's article URL, or where its text was read from
    (file path, ``<stdin>``) when it had none, as GDELT cites non-web sources

Empty, because eventwire has no such data
-----------------------------------------
``Actor*KnownGroupCode``, ``Actor*EthnicCode``, ``Actor*Religion*Code``,
``Actor*Type2Code`` / ``Type3Code``, ``GoldsteinScale`` (defined per full
CAMEO code, which eventwire does not assign), ``AvgTone`` (no tone analysis),
``ActionGeo_ADM2Code``, and every ``Actor1Geo_*`` / ``Actor2Geo_*`` column (eventwire
places events, not actors).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from eventwire.export.common import (
    first_ingested,
    in_batches,
    load_articles,
    text_stream,
)
from eventwire.export.countries import country, is_alpha3
from eventwire.export.gdelt_common import (
    Cell,
    actor_code,
    day,
    fraction_date,
    timestamp,
    write_row,
)
from eventwire.export.views import cameo_view
from eventwire.model import Actor, Place, Precision
from eventwire.store import ArticleInfo, Store, StoredEvent

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
               "FeatureID")  # fmt: skip

EVENT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR_FIELDS),
    *(f"Actor2{name}" for name in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{name}" for name in _GEO_FIELDS),
    *(f"Actor2Geo_{name}" for name in _GEO_FIELDS),
    *(f"ActionGeo_{name}" for name in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# GDELT's geographic resolution codes.
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5


def write_gdelt_events(
    events: Iterable[StoredEvent], store: Store, out: BinaryIO, header: bool
) -> int:
    """Write ``events`` as a GDELT 2.0-style events table."""
    count = 0
    with text_stream(out) as text:
        if header:
            write_row(text, EVENT_COLUMNS)
        for batch in in_batches(events):
            articles = load_articles(store, batch)
            for event in batch:
                write_row(text, event_row(event, articles))
                count += 1
    return count


def event_row(event: StoredEvent, articles: dict[int, ArticleInfo]) -> list[Cell]:
    """The 61 cells of one event (``articles``: the mentions' articles)."""
    when = event.date
    cameo = cameo_view(event.type)
    root = cameo.root_code if cameo else None
    first = articles.get(event.mentions[0].article_id) if event.mentions else None
    row: list[Cell] = [
        event.id,
        day(when) if when else None,
        when.strftime("%Y%m") if when else None,
        when.year if when else None,
        fraction_date(when) if when else None,
        *_actor_cells(event.actor),
        *_actor_cells(event.recipient),
        1 if event.headline else 0,  # IsRootEvent
        root,
        root,
        root,
        cameo.quad_class if cameo else None,
        None,  # GoldsteinScale
        event.num_mentions,
        event.num_sources,
        event.num_articles,
        None,  # AvgTone
        *([None] * len(_GEO_FIELDS)),  # Actor1Geo_*
        *([None] * len(_GEO_FIELDS)),  # Actor2Geo_*
        *_action_geo(event.place),
        timestamp(first_ingested(event, articles)),
        first.identifier if first else None,
    ]
    return row


def _actor_cells(actor: Actor | None) -> list[Cell]:
    if actor is None:
        return [None] * len(_ACTOR_FIELDS)
    return [
        actor_code(actor),
        actor.name or actor.text,
        actor.country if is_alpha3(actor.country) else None,
        None,  # KnownGroupCode
        None,  # EthnicCode
        None,  # Religion1Code
        None,  # Religion2Code
        actor.sector,
        None,  # Type2Code
        None,  # Type3Code
    ]


def _action_geo(place: Place | None) -> list[Cell]:
    if place is None:
        return [None] * len(_GEO_FIELDS)
    codes = country(place.country_code)
    fips = codes.fips if codes else None
    is_country = place.precision is Precision.COUNTRY
    if is_country:
        full_name = codes.name if codes else place.name
    elif codes is not None and place.name:
        full_name = f"{place.name}, {codes.name}"
    else:
        full_name = place.name
    return [
        geo_type(place),
        full_name,
        fips,
        fips if is_country else None,
        None,  # ADM2Code
        place.lat,
        place.lon,
        place.geonameid,
    ]


def geo_type(place: Place) -> int | None:
    """GDELT's ``ActionGeo_Type`` for a place (None when no GDELT type fits)."""
    in_us = place.country_code == "US"
    precision = place.precision
    if precision is Precision.COUNTRY:
        return GEO_COUNTRY
    if precision is Precision.POINT:
        return GEO_US_CITY if in_us else GEO_WORLD_CITY
    if precision in (Precision.ADMIN1, Precision.ADMIN2, Precision.REGION):
        if place.country_code is None:
            return None  # a region spanning countries
        return GEO_US_STATE if in_us else GEO_WORLD_STATE
    return None
