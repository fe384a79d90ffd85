"""The curated regions table ``eventwire/data/regions.tsv`` and its reader.

Its rows add places that news names but the GeoNames city lists lack (Nagorno-Karabakh,
Donbas, the Sahel) and, as *alias rows* (feature code PCLI or ADM1), extra names and
representative points for countries and first-level regions already in the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwire.datafiles import read_data, table_rows
from eventwire.errors import ResourceError

REGIONS_FILE = "regions.tsv"
REGION_COLUMNS = ("name", "alternate_names", "country", "lat", "lon", "feature_code", "comment")
# Feature codes of rows that amend an existing entry instead of adding one.
ALIAS_CODES = frozenset({"PCLI", "ADM1"})


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One row of ``regions.tsv``."""

    name: str
    alternate_names: tuple[str, ...]
    country_code: str | None
    lat: float | None
    lon: float | None
    feature_code: str
    line: int

    @property
    def is_alias(self) -> bool:
        """An alias row adds names (and maybe a point) to an existing country or ADM1."""
        return self.feature_code in ALIAS_CODES


def regions_text(path: Path | None) -> tuple[str, str]:
    """(where, text) of the regions table: ``path``, or the packaged one."""
    return read_data(REGIONS_FILE, path)


def read_regions(path: Path | None = None) -> list[RegionRow]:
    """The rows of the curated regions table (the packaged one unless ``path`` is given)."""
    where, text = regions_text(path)
    rows: list[RegionRow] = []
    for number, cells in table_rows(text, where, REGION_COLUMNS, optional=1):
        name, alternates, country, lat, lon, code = cells[:6]
        try:
            lat_value = float(lat) if lat else None
            lon_value = float(lon) if lon else None
        except ValueError as exc:
            raise ResourceError(f"{where}:{number}: bad coordinate: {exc}") from exc
        if (lat_value is None) != (lon_value is None):
            raise ResourceError(f"{where}:{number}: give both lat and lon, or neither")
        if lat_value is None and code.upper() not in ALIAS_CODES:
            raise ResourceError(f"{where}:{number}: only PCLI and ADM1 rows may omit coordinates")
        if not name or not code:
            raise ResourceError(f"{where}:{number}: name and feature_code are required")
        rows.append(
            RegionRow(
                name=name,
                alternate_names=tuple(a.strip() for a in alternates.split("|") if a.strip()),
                country_code=country.upper() or None,
                lat=lat_value,
                lon=lon_value,
                feature_code=code.upper(),
                line=number,
            )
        )
    return rows
