"""Look up place names in the compact gazetteer.

``Gazetteer.load()`` opens the gazetteer file (building it first on a fresh machine,
see ``build.py``) once per process; ``candidates(name)`` returns every entry a name
may refer to, most populous first. Names are compared in normalised form
(``build.name_key``), so "the Côte d’Ivoire" finds "Ivory Coast".
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from eventwire.errors import ResourceError
from eventwire.gazetteer.build import ensure_gazetteer
from eventwire.gazetteer.names import name_key
from eventwire.model import Precision

log = logging.getLogger(__name__)

# Feature codes of curated and natural regions that are not administrative units.
_COUNTRY_CODES = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
# Endings that turn a country name into its demonym (Syria-n, Iraq-i, Nepal-ese, Turk-ish).
_DEMONYM_SUFFIXES = ("", "n", "an", "ian", "i", "ese", "ish", "ic", "ean", "ani")
# Territories smaller than this yield no demonyms (Christmas Island would claim "Christian").
DEMONYM_MIN_POPULATION = 100_000
_DEMONYM_DROPPED_ENDINGS = ("istan", "stan", "land")  # Afghan(istan), Thai(land)


def precision_of(feature_code: str) -> Precision:
    """The precision of a place with this GeoNames feature code."""
    if feature_code in _COUNTRY_CODES:
        return Precision.COUNTRY
    if feature_code == "ADM1":
        return Precision.ADMIN1
    if feature_code.startswith("ADM"):
        return Precision.ADMIN2
    if feature_code.startswith("PPL"):
        return Precision.POINT
    return Precision.REGION


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows."""

    geonameid: int | None  # None for curated regions and most first-level regions
    name: str
    lat: float
    lon: float
    country_code: str | None  # ISO 3166 alpha-2; None for places spanning countries
    feature_code: str  # GeoNames feature code: PPL, PPLC, ADM1, ADM2, PCLI, CONT, RGN, ...
    population: int
    admin1: str | None  # the first-level region's name, for places inside one
    # True when the name looked up is only a GeoNames alternate name of this place
    # (a former name, translation or nickname), not its own name.
    alternate: bool = False

    @property
    def precision(self) -> Precision:
        return precision_of(self.feature_code)

    @property
    def is_country(self) -> bool:
        return self.feature_code in _COUNTRY_CODES


_QUERY = """
SELECT e.geonameid, e.name, e.lat, e.lon, e.country_code, e.feature_code, e.population,
       e.admin1, n.main = 0
FROM name AS n JOIN entry AS e ON e.id = n.entry
WHERE n.key = ? AND n.main >= ?
ORDER BY e.population DESC, e.id
"""

_LOADED: dict[Path | None, Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


class Gazetteer:
    """Read-only access to a gazetteer file. Use ``Gazetteer.load()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._connection = self._connect()
        self._lookup = lru_cache(maxsize=65536)(self._query)

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The gazetteer, opened once per process (and built first when missing).

        Without ``path`` it is the cached gazetteer for the installed data versions.
        """
        with _LOAD_LOCK:
            loaded = _LOADED.get(path)
            if loaded is None:
                loaded = cls(ensure_gazetteer(path))
                _LOADED[path] = loaded
            return loaded

    def _connect(self) -> sqlite3.Connection:
        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        try:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            connection.execute("SELECT 1 FROM meta LIMIT 1")
        except sqlite3.Error as exc:
            raise ResourceError(
                f"{self.path}: cannot open the gazetteer ({exc}); delete the file to rebuild it"
            ) from exc
        return connection

    def _query(self, key: str, alternates: bool) -> tuple[GazetteerEntry, ...]:
        with self._lock:
            if os.getpid() != self._pid:  # a forked child must not share the parent's handle
                self._pid = os.getpid()
                self._connection = self._connect()
            rows = self._connection.execute(_QUERY, (key, 0 if alternates else 1)).fetchall()
        return tuple(
            GazetteerEntry(
                geonameid=row[0], name=row[1], lat=row[2], lon=row[3], country_code=row[4],
                feature_code=row[5], population=row[6], admin1=row[7], alternate=bool(row[8]),
            )
            for row in rows
        )  # fmt: skip

    def candidates(self, name: str, *, alternate_names: bool = True) -> list[GazetteerEntry]:
        """Every entry ``name`` may refer to, most populous first (empty when none).

        With ``alternate_names=False`` only places whose own name this is are returned,
        not those that GeoNames lists it for as a translation, former name or nickname
        ("Google" is an alternate name of Topeka, "White House" one of Casablanca).
        Countries, regions and continents have all their names counted as their own.
        An entry found through an alternate name has ``alternate`` set.
        """
        key = name_key(name)
        if not key:
            return []
        return list(self._lookup(key, alternate_names))

    def is_place_name(self, text: str) -> bool:
        """True when ``text`` is the name of some place in the gazetteer."""
        key = name_key(text)
        return bool(key) and bool(self._lookup(key, True))

    def _entries_of_kind(self, feature_code: str) -> list[GazetteerEntry]:
        """Every entry of one GeoNames feature code, in the order they were stored."""
        with self._lock:
            rows = self._connection.execute(
                "SELECT geonameid, name, lat, lon, country_code, feature_code, population, "
                "admin1 FROM entry WHERE feature_code = ? ORDER BY id",
                (feature_code,),
            ).fetchall()
        return [GazetteerEntry(*row) for row in rows]

    @cached_property
    def _countries(self) -> dict[str, GazetteerEntry]:
        return {e.country_code: e for e in self._entries_of_kind("PCLI") if e.country_code}

    def region_seeds(self, code: str) -> list[tuple[float, float, str]]:
        """(latitude, longitude, first-level region) of every town, first- and
        second-level region of the country with ISO alpha-2 ``code`` that lies in a
        first-level region (a region names itself: ``stages.places.admin1_of``)."""
        with self._lock:
            rows = self._connection.execute(
                "SELECT lat, lon, CASE WHEN feature_code = 'ADM1' THEN name ELSE admin1 END "
                "FROM entry WHERE country_code = ? AND admin1 IS NOT NULL "
                "AND (feature_code LIKE 'PPL%' OR feature_code IN ('ADM1', 'ADM2')) "
                "ORDER BY id",
                (code.upper(),),
            ).fetchall()
        return [(float(lat), float(lon), str(name)) for lat, lon, name in rows]

    def countries(self) -> list[GazetteerEntry]:
        """Every country entry."""
        return sorted(self._countries.values(), key=lambda e: e.name)

    def country(self, code: str) -> GazetteerEntry | None:
        """The country entry for an ISO alpha-2 code."""
        return self._countries.get(code.upper())

    @cached_property
    def _capitals(self) -> dict[str, GazetteerEntry]:
        # the most populous seat of a country comes last and stands
        seats = sorted(self._entries_of_kind("PPLC"), key=lambda e: e.population)
        return {e.country_code: e for e in seats if e.country_code}

    def capital(self, code: str) -> GazetteerEntry | None:
        """The capital of the country with ISO alpha-2 ``code`` (its most populous seat)."""
        return self._capitals.get(code.upper())

    @cached_property
    def _demonyms(self) -> dict[str, str]:
        with self._lock:
            rows = self._connection.execute(
                "SELECT n.key, e.country_code FROM name AS n JOIN entry AS e ON e.id = n.entry "
                "WHERE e.feature_code = 'PCLI' AND e.population >= ?",
                (DEMONYM_MIN_POPULATION,),
            ).fetchall()
        return derive_demonyms([(key, code) for key, code in rows if code])

    def country_for_demonym(self, word: str) -> str | None:
        """The ISO alpha-2 code of the country a demonym refers to ("Syrian" -> "SY").

        Demonyms are derived from the country names by regular endings, so irregular
        ones ("French", "Dutch") are not known.
        """
        return self._demonyms.get(name_key(word))

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def derive_demonyms(names: list[tuple[str, str]]) -> dict[str, str]:
    """Demonyms derived from (country name key, country code) pairs.

    Each form is made from a name, or the first word of a longer name, with one of the
    regular endings after dropping up to three final letters (Syria-n, Ital-ian,
    Turk-ish, Chin-ese, German-, Afghan-istan). When two countries yield the same form,
    a form made from a whole name beats one made from a first word, then the longer
    shared stem wins; a tie leaves the form out.
    """
    best: dict[str, tuple[tuple[bool, int], str | None]] = {}

    def offer(form: str, rank: tuple[bool, int], code: str) -> None:
        if len(form) < 4:
            return
        known = best.get(form)
        if known is None or rank > known[0]:
            best[form] = (rank, code)
        elif rank == known[0] and known[1] != code:
            best[form] = (rank, None)

    for key, code in names:
        words = key.split()
        bases = [(key, True)]
        if len(words) > 1 and " of " not in key:  # not "arab republic of egypt"
            bases.append((words[0], False))
        for base, whole in bases:
            for drop in range(4):
                stem = base[: len(base) - drop]
                if len(stem) < 3:
                    break
                for suffix in _DEMONYM_SUFFIXES:
                    if drop == 0 and suffix == "" and whole:
                        continue  # the country name itself is a place, not a demonym
                    offer(stem + suffix, (whole, len(stem)), code)
            for ending in _DEMONYM_DROPPED_ENDINGS:
                if base.endswith(ending):
                    offer(base[: -len(ending)], (whole, len(base) - len(ending)), code)
    return {form: code for form, (_, code) in best.items() if code is not None}


def is_place_name(text: str) -> bool:
    """True when ``text`` names a place in the default gazetteer."""
    return Gazetteer.load().is_place_name(text)
