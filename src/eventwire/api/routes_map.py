"""Routes of the dashboard's aggregates (``/map/...``): totals of the filtered events,
the timeline's series, the shading of countries and of one country's first-level
regions (with the regions' approximate shapes), the map's grid cells, each with
events and fatalities, the network's top pairs and the filters' lists, all read through
the store's ``MapReader`` (``store/read/map_reader.py``); here only parameters are
checked and answers shaped into JSON."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

import pycountry
from fastapi import APIRouter, HTTPException, Query

from eventwire.api.params import DatabaseDep, EventQueryDep
from eventwire.gazetteer.country_regions import country_regions
from eventwire.store.map_rollups import CELL_DEGREES
from eventwire.store.read.map_query import View
from eventwire.store.read.query import BBox

router = APIRouter(prefix="/map", tags=["map"])


@cache
def country_names(alpha2: str) -> tuple[str, str, str]:
    """(ISO alpha-3, ISO numeric, name) of an alpha-2 code; the code itself when
    pycountry does not know it (Kosovo's XK)."""
    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return alpha2, "", alpha2
    name = getattr(country, "common_name", None) or country.name
    return str(country.alpha_3), str(country.numeric), str(name)


@cache
def alpha3_name(alpha3: str) -> str:
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return alpha3
    return str(getattr(country, "common_name", None) or country.name)


@router.get("/summary")
def summary(db: DatabaseDep, query: EventQueryDep) -> dict[str, Any]:
    """Totals of the filtered events: events, fatalities (the sum of the reported
    dead), the countries they happened in (place countries) and the article sources
    that report them; ``unplaced`` events have no place country."""
    with db.map_reader() as reader:
        totals = reader.summary(query)
    return {
        "events": totals.events,
        "fatalities": totals.fatalities,
        "countries": totals.countries,
        "sources": totals.sources,
        "placed": totals.placed,
    }


@router.get("/series")
def timeline_series(
    db: DatabaseDep,
    query: EventQueryDep,
    grain: Annotated[str, Query(pattern="^(day|month)$", description="day or month")] = "month",
) -> dict[str, Any]:
    """Events and fatalities per day or month and type (undated events: period null)."""
    with db.map_reader() as reader:
        rows = reader.series(query, grain)
    return {
        "grain": grain,
        "rows": [{"period": r.period, "type": r.type, "n": r.n, "dead": r.dead} for r in rows],
    }


@router.get("/areas")
def country_areas(db: DatabaseDep, query: EventQueryDep) -> dict[str, Any]:
    """Events and fatalities per country where they happened (the place's country),
    with ISO alpha-2, alpha-3, numeric codes and a name; ``unplaced`` are the events
    without a place country. The counts add up to the filter's total."""
    with db.map_reader() as reader:
        rows = reader.areas(query)
    out: list[dict[str, Any]] = []
    unplaced = {"n": 0, "dead": 0}
    for r in rows:
        if not r.country:
            unplaced = {"n": r.n, "dead": r.dead}
            continue
        iso3, numeric, name = country_names(r.country)
        out.append(
            {
                "country": r.country,
                "iso3": iso3,
                "numeric": numeric,
                "name": name,
                "n": r.n,
                "dead": r.dead,
            }
        )
    out.sort(key=lambda row: (-row["n"], row["country"]))
    return {"rows": out, "unplaced": unplaced}


AreaParam = Annotated[
    str,
    Query(
        pattern="^[A-Za-z]{2,3}$",
        description="the country where the events happened: ISO alpha-2 or alpha-3 (IN, IND)",
    ),
]


def place_country(area: str) -> tuple[str, str, str]:
    """(ISO alpha-2, alpha-3, name) of a country given by its alpha-2 or alpha-3 code;
    404 when ISO 3166 has no such country."""
    code = area.upper()
    if len(code) == 2:
        country = pycountry.countries.get(alpha_2=code)
    else:
        country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise HTTPException(status_code=404, detail=f"no country with the code {area!r}")
    name = getattr(country, "common_name", None) or country.name
    return str(country.alpha_2), str(country.alpha_3), str(name)


@router.get("/admin1")
def region_counts(db: DatabaseDep, query: EventQueryDep, area: AreaParam) -> dict[str, Any]:
    """Events and fatalities per first-level region (state, province) of the filtered
    events that happened in the country ``area``, by the region's name as the events
    carry it; ``none`` counts that country's events without a region, so the rows and
    ``none`` add up to the country's row of ``/map/areas``."""
    alpha2, alpha3, name = place_country(area)
    with db.map_reader() as reader:
        rows = reader.regions(query, alpha2)
    none = {"n": 0, "dead": 0}
    out: list[dict[str, Any]] = []
    for r in rows:
        if r.admin1:
            out.append({"admin1": r.admin1, "n": r.n, "dead": r.dead})
        else:
            none = {"n": r.n, "dead": r.dead}
    out.sort(key=lambda row: (-row["n"], row["admin1"]))
    return {"country": alpha2, "iso3": alpha3, "name": name, "rows": out, "none": none}


@router.get("/regions")
def region_shapes(area: AreaParam) -> dict[str, Any]:
    """The approximate shapes of the first-level regions of the country ``area``: each
    region is the land nearer to its own towns (in the offline gazetteer) than to
    another region's, on a grid of ``cell_degrees``; rings of [longitude, latitude]
    (closed; holes wind clockwise) that also cover sea and neighbouring countries, to be
    clipped to the country's outline. Built once per country and cached."""
    alpha2, alpha3, name = place_country(area)
    regions = country_regions(alpha2)
    return {
        "country": alpha2,
        "iso3": alpha3,
        "name": name,
        "cell_degrees": round(regions.cell_degrees, 5),
        "approximate": "nearest-town areas",
        "regions": [
            {"admin1": r.admin1, "towns": r.seeds, "rings": [list(map(list, g)) for g in r.rings]}
            for r in regions.regions
        ],
    }


@router.get("/cells")
def grid_cells(
    db: DatabaseDep,
    query: EventQueryDep,
    level: Annotated[
        int,
        Query(
            ge=min(CELL_DEGREES),
            le=max(CELL_DEGREES),
            description="cell size: "
            + ", ".join(f"{k} = {v:g} degrees" for k, v in CELL_DEGREES.items()),
        ),
    ] = 1,
    view: Annotated[
        str | None,
        Query(description="minLon,minLat,maxLon,maxLat: only the cells meeting this box"),
    ] = None,
) -> dict[str, Any]:
    """Events and fatalities per grid cell, with the centroid of each cell's events:
    the map's clusters, computed from every event passing the filters."""
    box = None
    if view is not None:
        parsed = BBox.parse(view)
        box = View(parsed.min_lon, parsed.min_lat, parsed.max_lon, parsed.max_lat)
    with db.map_reader() as reader:
        rows = reader.cells(query, level, box)
    return {
        "level": level,
        "size": CELL_DEGREES[level],
        "rows": [
            {
                "cx": r.cx,
                "cy": r.cy,
                "lat": round(r.lat, 4),
                "lon": round(r.lon, 4),
                "n": r.n,
                "dead": r.dead,
            }
            for r in rows
        ],
    }


@router.get("/countries")
def countries(db: DatabaseDep) -> dict[str, Any]:
    """Every actor or recipient country in the store, with its name and events (for
    the dashboard's country filter)."""
    with db.map_reader() as reader:
        found = reader.countries()
    return {"rows": [{"iso3": c.country, "name": alpha3_name(c.country), "n": c.n} for c in found]}


@router.get("/sources")
def sources(db: DatabaseDep) -> dict[str, Any]:
    """Every article source in the store and its number of articles (for the
    dashboard's source filter)."""
    with db.map_reader() as reader:
        rows = reader.sources()
    return {"rows": [{"source": r.source, "articles": r.articles} for r in rows]}


@router.get("/pairs")
def top_pairs(
    db: DatabaseDep,
    query: EventQueryDep,
    limit: Annotated[int, Query(ge=1, le=500, description="how many pairs")] = 15,
    nodes: Annotated[
        str,
        Query(
            pattern="^(country|sector)$",
            description="country: pairs of countries; sector: of country and sector",
        ),
    ] = "country",
) -> dict[str, Any]:
    """The ``limit`` pairs of actor and recipient countries (or countries and sectors)
    with the most events (both countries known), and how many pairs and events are
    left out."""
    with db.map_reader() as reader:
        pairs = reader.top_pairs(query, limit, by_sector=nodes == "sector")
    shown = sum(r.n for r in pairs.rows)
    return {
        "rows": [{**dict(zip(pairs.keys, r.values, strict=True)), "n": r.n} for r in pairs.rows],
        "more_pairs": pairs.pairs - len(pairs.rows),
        "more_events": pairs.paired - shown,
        "unpaired": pairs.unpaired,
    }
