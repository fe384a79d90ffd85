"""The curated regions table ``eventwire/data/regions.tsv`` and its reader.

Its rows add places that news names but the GeoNames city lists lack (Nagorno-Karabakh,
Donbas, the Sahel) and, as *alias rows* (feature code PCLI or ADM1), extra names and
representative points for countries and first-level regions already in the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.errors import ResourceError

REGIONS_FILE = "regions.tsv"
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
    if path is not None:
        try:
            return str(path), path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ResourceError(f"{path}: cannot read the regions table: {exc.strerror}") from exc
    resource = resources.files("eventwire") / "data" / REGIONS_FILE
    return str(resource), resource.read_text(encoding="utf-8")


def read_regions(path: Path | None = None) -> list[RegionRow]:
    """The rows of the curated regions table (the packaged one unless ``path`` is given)."""
    where, text = regions_text(path)
    rows: list[RegionRow] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            header_seen = True
            if cells[0] == "name":
                continue
        if len(cells) < 6:
            raise ResourceError(f"{where}:{number}: expected 6 or 7 tab-separated columns")
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
