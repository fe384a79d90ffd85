"""Toponym mentions and what a gazetteer entry is worth before context: its prior (in
units of log10(population)), whether it is strong (countries, regions, capitals, large
cities), and whether a qualifier ("Texas" of "Paris, Texas") names its country or region.
The article-wide choice among candidates is in ``resolve.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from eventwire.gazetteer.lookup import GazetteerEntry

# A city at least this large is "prominent": worth naming without other evidence.
PROMINENT_POPULATION = 100_000
_ALTERNATE_NAME_PENALTY = 1.5
_ADMIN1_FLOOR = 5.0
_CURATED_PRIOR = 6.5  # a curated region counts as a place of a few million people
_CONTINENT_PRIOR = 6.0


@dataclass(slots=True)
class ToponymMention:
    """A toponym found in the text, with the gazetteer entries it may refer to."""

    start: int
    end: int
    key: str
    source: str  # the entity label, or "scan" for a gazetteer match spaCy missed
    candidates: tuple[GazetteerEntry, ...]
    weak: bool = False  # kept only when the article supports its country
    qualifier: ToponymMention | None = None  # "Texas" in "Paris, Texas"
    # The keys of names joined to this one by "and" or "or" ("Montana and Wyoming").
    partners: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    entry: GazetteerEntry
    probability: float


@lru_cache(maxsize=65536)
def prior(entry: GazetteerEntry) -> float:
    """How likely a name means this entry before any context, in log10(population)."""
    penalty = _ALTERNATE_NAME_PENALTY if entry.alternate else 0.0
    if entry.feature_code == "CONT":
        return _CONTINENT_PRIOR - penalty
    if is_curated(entry):
        return _CURATED_PRIOR - penalty
    size = math.log10(entry.population + 1)
    if entry.is_country:
        return max(size, 6.0) + 1.0 - penalty
    if entry.feature_code == "PPLC":
        return size + 0.5 - penalty
    if entry.feature_code == "ADM1":
        # The sum of its towns; a large city of the same name usually wins, but a
        # first-level region counts at least as a town of 100,000 people ("Yukon").
        return max(size - 1.0, _ADMIN1_FLOOR) - penalty
    if entry.feature_code.startswith("ADM"):
        return size - 1.0 - penalty  # the sum of its towns; a city of the same name usually wins
    return size - penalty


def is_strong(entry: GazetteerEntry) -> bool:
    """Countries, first-level and curated regions, capitals and large cities."""
    if entry.is_country or entry.feature_code in ("ADM1", "PPLC", "CONT"):
        return True
    if is_curated(entry):
        return True
    return entry.population >= PROMINENT_POPULATION


def is_curated(entry: GazetteerEntry) -> bool:
    """A region of the curated table (no GeoNames id, not an administrative unit)."""
    return entry.geonameid is None and entry.feature_code not in ("ADM1", "ADM2", "CONT")


def is_region(entry: GazetteerEntry) -> bool:
    """First-level and curated regions."""
    return entry.feature_code == "ADM1" or is_curated(entry)


def qualifies(qualifier: ToponymMention, entry: GazetteerEntry) -> bool:
    """True when the qualifier ("Texas" of "Paris, Texas") may name the entry's country,
    first-level region or second-level region."""
    for place in qualifier.candidates:
        if place.is_country and place.country_code == entry.country_code:
            return True
        if (
            place.feature_code in ("ADM1", "ADM2")
            and place.country_code == entry.country_code
            and place.name in (entry.admin1, entry.name)
        ):
            return True
    return False


def kind(entry: GazetteerEntry) -> str:
    """What kind of place an entry is, for names listed together ("Montana and
    Wyoming", "Georgia and Armenia" name places of one kind)."""
    if entry.is_country:
        return "country"
    if entry.feature_code.startswith("PPL"):
        return "town"
    return entry.feature_code


def admin1_of(entry: GazetteerEntry) -> tuple[str, str] | None:
    if entry.country_code is None or entry.admin1 is None:
        return None
    return entry.country_code, entry.admin1
