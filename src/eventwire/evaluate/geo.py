"""Geoparsing evaluation against TR-News style gold (toponym spans resolved to GeoNames).

The gold file is JSON Lines, one article per line: ``id``, ``text`` and ``toponyms``
(``phrase``, ``start``, ``end``, ``geonameid``, ``name``, ``lat``, ``lon``,
``country_geonameid``, ``feature_code``; offsets into ``text``), as in
shared/eval/geo/trnews.jsonl.

Recognition is scored on spans: strict (same offsets) and overlap (one prediction per
gold toponym). Resolution is scored on the gold toponyms that have a GeoNames entry and
were recognised (overlap): the share within 161 km (100 miles, the usual threshold),
the share in the right country (over the gold toponyms that lie in a country: a continent
or an ocean has none, so it cannot be right or wrong), the share with the gold GeoNames
id, and the mean and
median error in km. The same resolution figures are given for a population baseline
(the most populous gazetteer entry of the gold phrase) on the same toponyms, and for
both resolvers when given every gold span ("gold spans": resolution alone).

Note that TR-News marks demonyms ("Turkish") as toponyms of their country; the stage
treats them as evidence, not places, so ``recall_without_demonyms`` is also reported.
"""

from __future__ import annotations

import json
import logging
import statistics
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate.metrics import ratio
from eventwire.gazetteer import Gazetteer
from eventwire.geodesy import haversine_km
from eventwire.model import Document, Place, Span, Zone

log = logging.getLogger(__name__)

ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    phrase: str
    start: int
    end: int
    geonameid: int | None
    name: str | None
    lat: float | None
    lon: float | None
    country_geonameid: int | None
    feature_code: str | None

    @property
    def resolvable(self) -> bool:
        return self.geonameid is not None and self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldGeoDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(slots=True)
class ResolutionScores:
    """Resolution figures over a set of gold toponyms."""

    toponyms: int = 0  # gold toponyms scored
    unresolved: int = 0  # no place given at all (counted as wrong)
    within_km: int = 0
    # Gold toponyms in a country (not "Asia", "the Pacific"): country accuracy is over these.
    country_scored: int = 0
    country_correct: int = 0
    geonameid_correct: int = 0
    errors_km: list[float] = field(default_factory=list)

    @property
    def accuracy_161km(self) -> float:
        return ratio(self.within_km, self.toponyms)

    @property
    def country_accuracy(self) -> float:
        return ratio(self.country_correct, self.country_scored)

    @property
    def geonameid_accuracy(self) -> float:
        return ratio(self.geonameid_correct, self.toponyms)

    @property
    def mean_error_km(self) -> float | None:
        return statistics.fmean(self.errors_km) if self.errors_km else None

    @property
    def median_error_km(self) -> float | None:
        return statistics.median(self.errors_km) if self.errors_km else None


@dataclass(slots=True)
class GeoScores:
    documents: int = 0
    gold: int = 0
    gold_demonyms: int = 0  # gold toponyms whose phrase is a demonym ("Turkish")
    predicted: int = 0
    strict_matches: int = 0
    overlap_matches: int = 0
    overlap_demonym_matches: int = 0
    system: ResolutionScores = field(default_factory=ResolutionScores)
    baseline: ResolutionScores = field(default_factory=ResolutionScores)
    gold_span_system: ResolutionScores = field(default_factory=ResolutionScores)
    gold_span_baseline: ResolutionScores = field(default_factory=ResolutionScores)

    @property
    def strict_precision(self) -> float:
        return ratio(self.strict_matches, self.predicted)

    @property
    def strict_recall(self) -> float:
        return ratio(self.strict_matches, self.gold)

    @property
    def overlap_precision(self) -> float:
        return ratio(self.overlap_matches, self.predicted)

    @property
    def overlap_recall(self) -> float:
        return ratio(self.overlap_matches, self.gold)

    @property
    def recall_without_demonyms(self) -> float:
        """Overlap recall on the gold toponyms that are not demonyms."""
        return ratio(
            self.overlap_matches - self.overlap_demonym_matches, self.gold - self.gold_demonyms
        )


def _optional_int(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).strip() else None


def _optional_float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def read_gold(path: Path) -> Iterator[GoldGeoDocument]:
    """The articles of a TR-News style JSON Lines gold file."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file: {exc.strerror}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                toponyms = tuple(
                    GoldToponym(
                        phrase=t["phrase"],
                        start=int(t["start"]),
                        end=int(t["end"]),
                        geonameid=_optional_int(t.get("geonameid")),
                        name=t.get("name"),
                        lat=_optional_float(t.get("lat")),
                        lon=_optional_float(t.get("lon")),
                        country_geonameid=_optional_int(t.get("country_geonameid")),
                        feature_code=t.get("feature_code"),
                    )
                    for t in record["toponyms"]
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(
                    f"{path}:{number}", f"not a geoparsing gold record: {exc}"
                ) from exc
            for toponym in toponyms:
                if text[toponym.start : toponym.end] != toponym.phrase:
                    raise InputError(
                        f"{path}:{number}", f"toponym {toponym.phrase!r} does not match its offsets"
                    )
            yield GoldGeoDocument(id=str(record.get("id", number)), text=text, toponyms=toponyms)


def _lowered(text: str) -> str:
    """``text`` in lower case, letter by letter: a letter whose lower case is longer
    ("İ") stays as it is, so that every offset holds."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _parse(gold: GoldGeoDocument) -> Document:
    from eventwire.stages.parse import parse

    doc = Document(text=gold.text, origin=gold.id, spans=[Span(0, len(gold.text), Zone.BODY)])
    return parse(doc)


def _score(
    scores: ResolutionScores,
    gold: GoldToponym,
    place: Place | None,
    country_codes: dict[int, str],
) -> None:
    if gold.lat is None or gold.lon is None:
        return
    scores.toponyms += 1
    gold_country = country_codes.get(gold.country_geonameid or -1)
    scores.country_scored += gold_country is not None
    if place is None or place.lat is None or place.lon is None:
        scores.unresolved += 1
        return
    error = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
    scores.errors_km.append(error)
    scores.within_km += error <= ACCURACY_KM
    scores.country_correct += gold_country is not None and gold_country == place.country_code
    scores.geonameid_correct += place.geonameid == gold.geonameid


def _baseline(gazetteer: Gazetteer, toponym: GoldToponym) -> Place | None:
    """The most populous entry of the name: the usual baseline for toponym resolution."""
    candidates = gazetteer.candidates(toponym.phrase)
    if not candidates:
        return None
    entry = max(candidates, key=lambda e: e.population)
    return Place(
        text=toponym.phrase,
        start=toponym.start,
        end=toponym.end,
        name=entry.name,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        country_code=entry.country_code,
        feature_code=entry.feature_code,
        precision=entry.precision,
    )


def evaluate_geo(
    path: Path,
    *,
    limit: int | None = None,
    gazetteer: Gazetteer | None = None,
    lowercase: bool = False,
) -> GeoScores:
    """Run the places stage over each gold article and score it; with ``lowercase``,
    each article is lower-cased first (letter by letter, so the gold offsets hold)."""
    from eventwire.gazetteer.resolve import resolve
    from eventwire.stages.places import find_mentions, resolve_spans, to_places

    gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
    country_codes = {
        c.geonameid: c.country_code
        for c in gazetteer.countries()
        if c.geonameid is not None and c.country_code
    }
    scores = GeoScores()
    for number, gold in enumerate(read_gold(path)):
        if limit is not None and number >= limit:
            break
        if lowercase:
            gold = replace(gold, text=_lowered(gold.text))
        doc = _parse(gold)
        mentions, demonyms = find_mentions(doc, gazetteer)
        predicted = to_places(doc, mentions, resolve(mentions, demonyms))
        scores.documents += 1
        scores.gold += len(gold.toponyms)
        scores.predicted += len(predicted)
        used: set[int] = set()
        for toponym in gold.toponyms:
            demonym = _is_demonym(gazetteer, toponym.phrase)
            scores.gold_demonyms += demonym
            match = None
            for index, place in enumerate(predicted):
                if index in used or place.end <= toponym.start or place.start >= toponym.end:
                    continue
                match = index
                if place.start == toponym.start and place.end == toponym.end:
                    scores.strict_matches += 1
                break
            if match is None:
                continue
            used.add(match)
            scores.overlap_matches += 1
            scores.overlap_demonym_matches += demonym
            if toponym.resolvable:
                _score(scores.system, toponym, predicted[match], country_codes)
                _score(scores.baseline, toponym, _baseline(gazetteer, toponym), country_codes)
        resolvable = [t for t in gold.toponyms if t.resolvable]
        given = resolve_spans(doc, [(t.start, t.end) for t in resolvable], gazetteer)
        for toponym, given_place in zip(resolvable, given, strict=True):
            _score(scores.gold_span_system, toponym, given_place, country_codes)
            base = _baseline(gazetteer, toponym)
            _score(scores.gold_span_baseline, toponym, base, country_codes)
    return scores


def _is_demonym(gazetteer: Gazetteer, phrase: str) -> bool:
    return gazetteer.country_for_demonym(phrase) is not None and not gazetteer.is_place_name(phrase)


def _resolution_lines(title: str, scores: ResolutionScores) -> list[str]:
    mean = scores.mean_error_km
    median = scores.median_error_km
    return [
        f"{title}: {scores.toponyms} toponyms ({scores.unresolved} unresolved)",
        f"  within {ACCURACY_KM:.0f} km {scores.accuracy_161km:.3f}  "
        f"country {scores.country_accuracy:.3f}  geonameid {scores.geonameid_accuracy:.3f}  "
        f"mean error {'-' if mean is None else f'{mean:.0f}'} km  "
        f"median {'-' if median is None else f'{median:.0f}'} km",
    ]


def format_scores(scores: GeoScores) -> str:
    """A short plain-text report."""
    lines = [
        f"documents {scores.documents}  gold toponyms {scores.gold} "
        f"({scores.gold_demonyms} demonyms)  predicted {scores.predicted}",
        f"strict  P {scores.strict_precision:.3f}  R {scores.strict_recall:.3f}",
        f"overlap P {scores.overlap_precision:.3f}  R {scores.overlap_recall:.3f}  "
        f"R without demonyms {scores.recall_without_demonyms:.3f}",
    ]
    lines += _resolution_lines("system, recognised toponyms", scores.system)
    lines += _resolution_lines("population baseline, same toponyms", scores.baseline)
    lines += _resolution_lines("system, gold spans", scores.gold_span_system)
    lines += _resolution_lines("population baseline, gold spans", scores.gold_span_baseline)
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - python -m eventwire.evaluate.geo GOLD.jsonl
    logging.basicConfig(level=logging.WARNING)
    gold_path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/eval/geo/trnews.jsonl")
    sys.stdout.write(format_scores(evaluate_geo(gold_path)) + "\n")
