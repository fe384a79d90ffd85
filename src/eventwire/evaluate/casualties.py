"""Measure an article's main event: its casualty figures, date and place.

Gold format: the Gun Violence Corpus file ``gvc_casualties_train.jsonl`` (see the README
of the evaluation data): one US local-news article per line, with the number killed and
injured, the date and the town of the one shooting it reports.

Every article is run through the pipeline with its ``title``, ``published`` date and
``url``, as a user would ingest it. Its *main event* is

1. the factual ASSAULT event that the headline reports (``headline``), else
2. the first factual ASSAULT event the article tells (not a summary of the past);

an article with neither has no main event. It is the event the ``incidents`` stage
folds the article's other tellings of the attack into (``stages/incidents.py``).
The figures, over articles:

- killed exact and within one (``dead``), injured exact and within one (``injured``):
  when the main event gives any casualty figure, a figure it leaves unsaid counts as 0
  ("two were wounded" has no one killed); an article whose main event gives no figure
  (or that has no main event) is wrong on both and counts toward ``no_figure``;
- date exact: the main event's date, at day precision, is the gold ``incident_date``;
- place within 50 km: the main event's place, below country level, lies within 50 km of
  the gold ``city_or_county`` in ``state``, geocoded with the project's own gazetteer
  (the most populous US entry of that name in that state, trying the name without
  "County" too); articles whose gold town the gazetteer does not know are left out of
  this figure and counted.

``--part`` chooses the records: the *set-aside* part is every incident whose id's SHA-1
is 0 modulo 3 (so one incident's articles stay together), the *work* part the rest.
Develop on the work part; read the set-aside part only to measure.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from eventwire.errors import InputError
from eventwire.evaluate.metrics import ratio
from eventwire.evaluate.report import Section, Table
from eventwire.geodesy import haversine_km
from eventwire.model import DatePrecision, Document, Event, Precision, RawDocument

PARTS = ("work", "set-aside", "all")
PLACE_KM = 50.0


def part_of(incident_id: str) -> str:
    """``set-aside`` or ``work``: a deterministic split by incident."""
    digest = int(hashlib.sha1(incident_id.encode("utf-8")).hexdigest(), 16)
    return "set-aside" if digest % 3 == 0 else "work"


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    incident_id: str
    raw: RawDocument
    killed: int
    injured: int
    incident_date: date | None
    city: str
    state: str


def _incident_date(value: str | None) -> date | None:
    if not value:
        return None
    for pattern in ("%B %d, %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def read_gold(path: Path, part: str = "all") -> list[GoldArticle]:
    """The gold articles of ``part`` (work, set-aside or all), in file order."""
    if part not in PARTS:
        raise InputError(str(path), f"unknown part {part!r} (one of {', '.join(PARTS)})")
    articles: list[GoldArticle] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
                incident = str(record["incident_id"])
                published = record.get("published")
                raw = RawDocument(
                    text=record["text"],
                    origin=f"{path.name}#{record['id']}",
                    title=record.get("title"),
                    published=date.fromisoformat(published[:10]) if published else None,
                    url=record.get("url"),
                )
                article = GoldArticle(
                    id=str(record["id"]),
                    incident_id=incident,
                    raw=raw,
                    killed=int(record["gold_killed"]),
                    injured=int(record["gold_injured"]),
                    incident_date=_incident_date(record.get("incident_date")),
                    city=str(record.get("city_or_county") or ""),
                    state=str(record.get("state") or ""),
                )
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(where, f"not a casualty gold record: {exc}") from exc
            if part == "all" or part_of(incident) == part:
                articles.append(article)
    return articles


def main_event(events: list[Event]) -> Event | None:
    """The article's main event (see the module docstring)."""
    from eventwire.stages.incidents import main_attack

    return main_attack(events)


def _town_names(city: str) -> Iterator[str]:
    city = city.strip()
    yield city
    for suffix in (" (county)", " County", " county"):
        if city.endswith(suffix):
            yield city[: -len(suffix)].strip()


def geocode_town(city: str, state: str) -> tuple[float, float] | None:
    """The point of a US town or county in ``state``, from the project's gazetteer."""
    from eventwire.gazetteer.lookup import Gazetteer

    gazetteer = Gazetteer.load()
    for name in _town_names(city):
        entries = [
            e
            for e in gazetteer.candidates(name)
            if e.country_code == "US"
            and (e.admin1 or "").lower() == state.lower()
            and (e.feature_code.startswith("PPL") or e.feature_code == "ADM2")
        ]
        if entries:
            best = max(entries, key=lambda e: (not e.alternate, e.population))
            return best.lat, best.lon
    return None


@dataclass(slots=True)
class ArticleResult:
    id: str
    killed: int
    injured: int
    dead: int | None
    hurt: int | None
    has_event: bool
    date_right: bool
    place_km: float | None  # None when the event has no place below country level
    town_known: bool
    # What the listing of misses shows (``CasualtyScores.misses``).
    gold_date: date | None = None
    coded_date: date | None = None
    gold_town: str = ""
    coded_place: str | None = None
    sentence: str | None = None

    @property
    def place_right(self) -> bool:
        return not self.town_known or (self.place_km is not None and self.place_km <= PLACE_KM)

    @property
    def missed(self) -> bool:
        return (
            self.dead != self.killed
            or self.hurt != self.injured
            or not self.date_right
            or not self.place_right
        )


@dataclass(slots=True)
class CasualtyScores:
    part: str
    results: list[ArticleResult] = field(default_factory=list)

    def _share(self, test: Callable[[ArticleResult], bool]) -> float:
        return ratio(sum(1 for r in self.results if test(r)), len(self.results))

    @property
    def articles(self) -> int:
        return len(self.results)

    @property
    def killed_exact(self) -> float:
        return self._share(lambda r: r.dead is not None and r.dead == r.killed)

    @property
    def killed_within_one(self) -> float:
        return self._share(lambda r: r.dead is not None and abs(r.dead - r.killed) <= 1)

    @property
    def injured_exact(self) -> float:
        return self._share(lambda r: r.hurt is not None and r.hurt == r.injured)

    @property
    def injured_within_one(self) -> float:
        return self._share(lambda r: r.hurt is not None and abs(r.hurt - r.injured) <= 1)

    @property
    def no_figure(self) -> float:
        return self._share(lambda r: r.dead is None)

    @property
    def no_event(self) -> float:
        return self._share(lambda r: not r.has_event)

    @property
    def date_exact(self) -> float:
        return self._share(lambda r: r.date_right)

    @property
    def place_scored(self) -> int:
        return sum(1 for r in self.results if r.town_known)

    @property
    def place_within_50km(self) -> float:
        known = [r for r in self.results if r.town_known]
        return ratio(
            sum(1 for r in known if r.place_km is not None and r.place_km <= PLACE_KM), len(known)
        )

    def figures(self) -> dict[str, float]:
        return {
            "killed_exact": self.killed_exact,
            "killed_within_one": self.killed_within_one,
            "injured_exact": self.injured_exact,
            "injured_within_one": self.injured_within_one,
            "no_figure": self.no_figure,
            "date_exact": self.date_exact,
            "place_within_50km": self.place_within_50km,
        }

    def misses(self) -> Table:
        """Every article with a wrong figure, day or place: gold beside coded.

        For reading the work part only; the set-aside part is measured, never read.
        """
        if self.part != "work":
            raise InputError(self.part, "misses are listed for the work part only")
        rows = tuple(
            (
                r.id[:10],
                f"{r.killed}/{r.injured}",
                "-" if r.dead is None else f"{r.dead}/{r.hurt}",
                str(r.gold_date),
                "" if r.date_right else str(r.coded_date),
                r.gold_town,
                "" if r.place_right else f"{r.coded_place} ({_km(r.place_km)})",
                " ".join((r.sentence or "").split())[:160],
            )
            for r in self.results
            if r.missed
        )
        return Table(
            "misses (gold killed/injured, coded; gold day, coded day when wrong;"
            " gold town, coded place when wrong; the main event's sentence)",
            ("id", "gold", "coded", "day", "coded day", "town", "coded place", "sentence"),
            rows,
        )

    def section(self, title: str) -> Section:
        rows = tuple(
            (
                r.id[:10],
                r.killed,
                r.dead,
                r.injured,
                r.hurt,
                "yes" if r.date_right else "no",
                None if r.place_km is None else round(r.place_km),
            )
            for r in self.results
        )
        return Section(
            f"{title} ({self.part} part)",
            (
                ("casualties.articles", self.articles),
                ("casualties.killed_exact", self.killed_exact),
                ("casualties.killed_within_one", self.killed_within_one),
                ("casualties.injured_exact", self.injured_exact),
                ("casualties.injured_within_one", self.injured_within_one),
                ("casualties.no_figure", self.no_figure),
                ("casualties.no_main_event", self.no_event),
                ("casualties.date_exact", self.date_exact),
                ("casualties.place_within_50km", self.place_within_50km),
                ("casualties.place_scored", self.place_scored),
            ),
            tables=(
                Table(
                    "per article (gold / coded; place error in km)",
                    ("id", "killed", "dead", "injured", "hurt", "date", "km"),
                    rows,
                ),
            ),
            notes=(
                "Main event: the headline's factual ASSAULT, else the first factual ASSAULT told."
                " Split: incidents whose id's SHA-1 is 0 mod 3 are set aside.",
            ),
        )


def _km(km: float | None) -> str:
    return "none" if km is None else f"{km:.0f} km"


def score_article(article: GoldArticle, docs: list[Document]) -> ArticleResult:
    """Score the main event of the documents one gold article became."""
    events = [e for doc in docs for e in doc.events]
    event = main_event(events)
    dead = hurt = None
    date_right = False
    place_km: float | None = None
    if event is not None:
        if event.dead is not None or event.injured is not None:
            dead, hurt = event.dead or 0, event.injured or 0
        date_right = (
            event.date is not None
            and event.date_precision is DatePrecision.DAY
            and event.date == article.incident_date
        )
        place = event.place
        town = geocode_town(article.city, article.state)
        if (
            town is not None
            and place is not None
            and place.lat is not None
            and place.lon is not None
            and place.precision is not Precision.COUNTRY
        ):
            place_km = haversine_km(place.lat, place.lon, town[0], town[1])
    return ArticleResult(
        id=article.id,
        killed=article.killed,
        injured=article.injured,
        dead=dead,
        hurt=hurt,
        has_event=event is not None,
        date_right=date_right,
        place_km=place_km,
        town_known=geocode_town(article.city, article.state) is not None,
        gold_date=article.incident_date,
        coded_date=None if event is None else event.date,
        gold_town=f"{article.city}, {article.state}",
        coded_place=None if event is None or event.place is None else event.place.name,
        sentence=None if event is None else event.sentence,
    )


def evaluate_casualties(path: Path, part: str = "all", limit: int | None = None) -> CasualtyScores:
    """Run every gold article of ``part`` through the pipeline and score its main event."""
    from eventwire.run.pipeline import default_pipeline

    gold = read_gold(path, part)
    if limit is not None:
        gold = gold[:limit]
    pipeline = default_pipeline()
    scores = CasualtyScores(part)
    for article in gold:
        scores.results.append(score_article(article, pipeline.process_raw(article.raw)))
    return scores
