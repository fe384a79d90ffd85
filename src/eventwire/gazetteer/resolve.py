"""Toponym resolution: which gazetteer entry each name of an article refers to.

The names come from the places stage (or from gold annotations); each carries its
candidates from the gazetteer. All mentions of the same name refer to the same place
(one sense per discourse). A candidate scores, in units of log10(population):

- its prior: the log of its population, plus a bonus for countries and capitals and a
  fixed size for curated regions and continents (``prior``);
- twice the share of the article's other names and demonyms that point to its country;
- one more when another name of the article is in the same first-level region;
- three more when a qualifier names its country or region ("Paris, Texas").

The scores are recomputed a few times, each round voting with the previous round's
choices. A choice's probability is a softmax over its name's candidates.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from eventwire.gazetteer.lookup import GazetteerEntry

# A city at least this large is "prominent": worth naming without other evidence.
PROMINENT_POPULATION = 100_000
# Scoring weights, in units of log10(population).
_COUNTRY_SHARE_WEIGHT = 2.0
_SAME_ADMIN1_BONUS = 1.0
_QUALIFIER_BONUS = 3.0
_CURATED_PRIOR = 6.5  # a curated region counts as a place of a few million people
_CONTINENT_PRIOR = 6.0
_SOFTMAX_SCALE = 2.0
_ROUNDS = 3


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


@dataclass(frozen=True, slots=True)
class Resolution:
    entry: GazetteerEntry
    probability: float


def prior(entry: GazetteerEntry) -> float:
    """How likely a name means this entry before any context, in log10(population)."""
    if entry.feature_code == "CONT":
        return _CONTINENT_PRIOR
    if is_curated(entry):
        return _CURATED_PRIOR
    size = math.log10(entry.population + 1)
    if entry.is_country:
        return max(size, 6.0) + 1.0
    if entry.feature_code == "PPLC":
        return size + 0.5
    if entry.feature_code.startswith("ADM"):
        return size - 1.0  # the sum of its towns; a city of the same name usually wins
    return size


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


def _admin1_of(entry: GazetteerEntry) -> tuple[str, str] | None:
    if entry.country_code is None or entry.admin1 is None:
        return None
    return entry.country_code, entry.admin1


def resolve(mentions: list[ToponymMention], demonyms: list[str]) -> dict[str, Resolution]:
    """The place each distinct name refers to, scored against the whole article."""
    groups: dict[str, list[ToponymMention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.key].append(mention)
    demonym_votes = Counter(set(demonyms))
    chosen = {key: max(ms[0].candidates, key=prior) for key, ms in groups.items()}
    scores: dict[str, list[tuple[float, GazetteerEntry]]] = {}
    for _ in range(_ROUNDS):
        votes = demonym_votes + Counter(e.country_code for e in chosen.values() if e.country_code)
        admin1s = Counter(a for e in chosen.values() if (a := _admin1_of(e)) is not None)
        for key, members in groups.items():
            own = chosen[key]
            total = sum(votes.values()) - (1 if own.country_code else 0)
            qualifiers = [m.qualifier for m in members if m.qualifier is not None]
            scored: list[tuple[float, GazetteerEntry]] = []
            for entry in members[0].candidates:
                score = prior(entry)
                if entry.country_code and total > 0:
                    others = votes[entry.country_code] - (entry.country_code == own.country_code)
                    score += _COUNTRY_SHARE_WEIGHT * others / total
                admin1 = _admin1_of(entry)
                if admin1 is not None and admin1s[admin1] - (admin1 == _admin1_of(own)) > 0:
                    score += _SAME_ADMIN1_BONUS
                if any(qualifies(q, entry) for q in qualifiers):
                    score += _QUALIFIER_BONUS
                scored.append((score, entry))
            scores[key] = scored
        chosen = {key: max(scored, key=lambda s: s[0])[1] for key, scored in scores.items()}
    resolutions: dict[str, Resolution] = {}
    for key, scored in scores.items():
        best = max(s for s, _ in scored)
        weights = [math.exp(_SOFTMAX_SCALE * (s - best)) for s, _ in scored]
        resolutions[key] = Resolution(chosen[key], 1.0 / sum(weights))
    return resolutions


def drop_unsupported(mentions: list[ToponymMention], demonyms: list[str]) -> list[ToponymMention]:
    """The mentions minus the weak ones whose place is small and whose country nothing
    else in the article names (no "Obama, Japan" from a lone "Obama")."""
    resolutions = resolve(mentions, demonyms)
    support = Counter(demonyms)
    for key in {m.key for m in mentions if not m.weak}:
        code = resolutions[key].entry.country_code
        if code:
            support[code] += 1
    kept: list[ToponymMention] = []
    for mention in mentions:
        entry = resolutions[mention.key].entry
        if (
            not mention.weak
            or is_strong(entry)
            or (entry.country_code is not None and support[entry.country_code] > 0)
            or (mention.qualifier is not None and qualifies(mention.qualifier, entry))
        ):
            kept.append(mention)
    return kept
