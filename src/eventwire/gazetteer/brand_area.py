"""A network affiliate's brand that names its city sets a local story in that city's area.

US network affiliates sign with their network and their city: "MIAMI (CBSMiami) -",
"told NBC Chicago", an address "nbcmiami.com", "fox7austin.com" or
"miami.cbslocal.com". A station reports on its own area, so a town's name with
namesakes ("Greenacres": a small town of California, and Greenacres City near Miami)
that the resolver read far from the brand's city is read as its namesake near it.

This pass runs after the resolver, the namesakes pass and the station-side pass: a name
read as a US town or county more than 250 km from the brand's city moves to its
likeliest namesake within 150 km of it, unless a qualifier placed it ("Paris, Texas"
stays) or it qualifies another name. The brand's city is the most populous US town of
that name with 100,000 people or more; brands naming different cities move nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from eventwire.gazetteer.lookup import Gazetteer, GazetteerEntry
from eventwire.gazetteer.priors import Resolution, ToponymMention, prior
from eventwire.geodesy import haversine_km

__all__ = ["brand_city", "settle_brand_area"]

_NETWORKS = r"(?:CBS|NBC|ABC|FOX|Fox)"
# "(CBSMiami)", "NBC Chicago", "ABC7 Chicago", "NBC 5 Dallas": a network, a channel, a city.
_BRAND = re.compile(
    r"(?<![\w-])" + _NETWORKS + r"[ ]?(?:\d{1,2}[ ]?)?(?P<city>(?:[A-Z][a-z]+[ ]?){1,2})(?![\w])"
)
# Hosts "nbcmiami", "fox7austin", and the city label of "miami.cbslocal.com".
_HOST_BRAND = re.compile(r"\A(?:cbs|nbc|abc|fox)\d{0,2}(?P<city>[a-z]{4,})\Z")
_CITY_POPULATION = 100_000
_FAR_KM = 250.0
_NEAR_KM = 150.0
_MOVED_PROBABILITY = 0.6


def brand_city(gazetteer: Gazetteer, text: str, url: str | None = None) -> GazetteerEntry | None:
    """The US city the article's network brands name ("CBSMiami", "nbcmiami.com"), when
    they name one and only one."""
    names = [m.group("city").strip() for m in _BRAND.finditer(text)]
    names += _host_cities(url)
    cities: dict[int | None, GazetteerEntry] = {}
    for name in names:
        city = _city(gazetteer, name)
        if city is not None:
            cities[city.geonameid] = city
    return next(iter(cities.values())) if len(cities) == 1 else None


def _host_cities(url: str | None) -> list[str]:
    if url is None:
        return []
    host = urlsplit(url.strip()).hostname or ""
    if host.endswith("archive.org"):
        inner = re.search(r"https?://\S+", url.strip()[8:])
        host = "" if inner is None else (urlsplit(inner.group()).hostname or "")
    labels = [label for label in host.lower().split(".") if label != "www"]
    names = [m.group("city") for label in labels if (m := _HOST_BRAND.match(label))]
    if len(labels) >= 3 and labels[-2] == "cbslocal":
        names.append(labels[-3])
    return names


def _city(gazetteer: Gazetteer, name: str) -> GazetteerEntry | None:
    """The most populous US town of the name, when it has 100,000 people or more."""
    towns = [
        c for c in gazetteer.candidates(name, alternate_names=False)
        if c.country_code == "US" and c.feature_code.startswith("PPL")
    ]  # fmt: skip
    best = max(towns, key=lambda c: c.population, default=None)
    return best if best is not None and best.population >= _CITY_POPULATION else None


def settle_brand_area(
    city: GazetteerEntry | None,
    mentions: list[ToponymMention],
    resolutions: dict[str, Resolution],
) -> dict[str, Resolution]:
    """``resolutions`` with each US town or county read far from the brand's city moved
    to its likeliest namesake near it (see the module docstring)."""
    if city is None:
        return resolutions
    qualified: set[str] = set()
    for mention in mentions:
        if mention.qualifier is not None:
            qualified.add(mention.key)
            qualified.add(mention.qualifier.key)
    settled = dict(resolutions)
    for key, resolution in resolutions.items():
        entry = resolution.entry
        if key in qualified or entry.country_code != "US" or not _local(entry.feature_code):
            continue
        if _km(entry, city) <= _FAR_KM:
            continue
        near = [
            c for m in mentions if m.key == key for c in m.candidates
            if c.country_code == "US" and _local(c.feature_code) and _km(c, city) <= _NEAR_KM
        ]  # fmt: skip
        if near:
            best = max(near, key=prior)
            settled[key] = replace(resolution, entry=best, probability=_MOVED_PROBABILITY)
    return settled


def _km(entry: GazetteerEntry, city: GazetteerEntry) -> float:
    return haversine_km(entry.lat, entry.lon, city.lat, city.lon)


def _local(feature_code: str) -> bool:
    """A town or a county (not a state, a region or a country)."""
    return feature_code.startswith("PPL") or feature_code == "ADM2"
