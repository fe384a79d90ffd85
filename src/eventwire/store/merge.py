"""Cross-article event merging: one stored event per real-world event.

A newly coded event is compared with the stored events of the same type whose dates
could be the same day. It joins the best compatible one as a new mention, or becomes a
new event. Two events are *compatible* when nothing known about them disagrees:

- the same PLOVER type and the same factuality flags (a denied attack does not merge
  with a reported one);
- actors: on each side (actor, recipient) the country codes agree, or one is unknown
  or inferred (``Actor.inferred``: a rule, not the text, supplied it),
  and the sectors agree, or one is unknown; for meetings and cooperation
  (``SYMMETRIC_TYPES``) the sides may also be swapped;
- dates: each date is read as the interval its precision allows (a day; a week; a
  month; a year; a date taken from the publication date stands for the two days before
  publication, as news reports what happened "yesterday"). The two intervals must be at
  most ``DATE_SLACK_DAYS`` apart, for time-zone and relative-date slips;
- places: the same country, and points no farther apart than the distance the coarser
  of the two precisions allows (``PLACE_TOLERANCE_KM``).

Compatibility alone is not enough across articles: two "attacks in Nigeria" on the same
day need not be one attack. A merge across articles needs positive evidence worth
``MIN_EVIDENCE`` points: the same place at sub-country precision (2), the same actor
country (1), the same recipient country (1), the same number of dead, injured or
arrested (1). Within one article (a headline and the sentence that tells the story)
the place says little, as an article's events are often all placed at its main place:
there a merge needs a known actor or recipient country, or a count, in common. Two
events coded from the same sentence never merge: the coder told them apart.

The merged event keeps its first report's wording and fills in what it lacked from
later ones: an unknown actor, a finer date or place. Casualties keep the lowest figure
reported (ACLED's rule: the most conservative estimate); confidence the highest. The
merged event is a headline event (``headline``) when any of its reports is one.
"""

from __future__ import annotations

import calendar
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.geodesy import haversine_km
from eventwire.model import CASUALTY_COUNTS, Actor, DatePrecision, Event, Place, Precision
from eventwire.store.rows import HISTORICAL

DATE_SLACK_DAYS = 1
PUBLICATION_LOOKBACK_DAYS = 2
PLACE_TOLERANCE_KM: dict[Precision, float] = {
    Precision.POINT: 50.0,
    Precision.ADMIN2: 100.0,
    Precision.ADMIN1: 300.0,
    Precision.REGION: 400.0,
}
MIN_EVIDENCE = 2
MIN_EVIDENCE_SAME_ARTICLE = 1  # actor points: one article places all its events alike
# Types whose two sides act on each other alike: actor and recipient may be swapped.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
_PLACE_EVIDENCE = 2
_ACTOR_EVIDENCE = 1


@dataclass(frozen=True, slots=True)
class _Side:
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class _Where:
    lat: float
    lon: float
    country: str | None
    precision: Precision | None


def date_interval(
    day: date, precision: DatePrecision | None, from_publication: bool
) -> tuple[date, date]:
    """The days a date of this precision may stand for."""
    if from_publication:
        return day - timedelta(days=PUBLICATION_LOOKBACK_DAYS), day
    if precision is DatePrecision.WEEK:
        return day, day + timedelta(days=6)
    if precision is DatePrecision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if precision is DatePrecision.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


# How far before the start of a new event's dates a stored date may lie and still be
# compatible, by the stored date's precision: a stored date is where its interval
# starts (a week, a month, a year), except that a date from the publication date ends
# its interval (it covers the days before).
_REACH_BACK_DAYS = {
    DatePrecision.DAY: 0,
    DatePrecision.WEEK: 6,
    DatePrecision.MONTH: 30,
    DatePrecision.YEAR: 365,
}


def _candidates(conn: sqlite3.Connection, event: Event, article_id: int) -> list[sqlite3.Row]:
    """The stored events of ``event``'s type and factuality whose dates could be
    compatible with its date (a superset, checked exactly by ``evidence``); for an
    undated event, the undated events of its own article."""
    flags = (int(event.negated), int(event.hypothetical), int(event.future))
    if event.date is None:
        return conn.execute(
            "SELECT * FROM events WHERE type = ? AND negated = ? AND hypothetical = ? "
            "AND future = ? AND date IS NULL AND id IN "
            "(SELECT event_id FROM mentions WHERE article_id = ?) ORDER BY id",
            (event.type, *flags, article_id),
        ).fetchall()
    start, end = date_interval(event.date, event.date_precision, event.date_from_publication)
    low = start - timedelta(days=DATE_SLACK_DAYS)
    high = end + timedelta(days=DATE_SLACK_DAYS)
    ranges: list[str] = []
    params: list[str] = []
    for precision, reach in _REACH_BACK_DAYS.items():
        top = high
        if precision is DatePrecision.DAY:
            top += timedelta(days=PUBLICATION_LOOKBACK_DAYS)
        ranges.append("(coalesce(date_precision, 'day') = ? AND date BETWEEN ? AND ?)")
        params += [precision.value, (low - timedelta(days=reach)).isoformat(), top.isoformat()]
    return conn.execute(
        "SELECT * FROM events WHERE type = ? AND negated = ? AND hypothetical = ? "
        f"AND future = ? AND ({' OR '.join(ranges)}) ORDER BY id",
        (event.type, *flags, *params),
    ).fetchall()


def _dates_compatible(event: Event, row: sqlite3.Row) -> bool:
    if event.date is None or row["date"] is None:
        return event.date is None and row["date"] is None
    precision = DatePrecision(row["date_precision"]) if row["date_precision"] else None
    a0, a1 = date_interval(event.date, event.date_precision, event.date_from_publication)
    b0, b1 = date_interval(
        date.fromisoformat(row["date"]), precision, bool(row["date_from_publication"])
    )
    gap = max((b0 - a1).days, (a0 - b1).days, 0)
    return gap <= DATE_SLACK_DAYS


def _side(actor: Actor | None) -> _Side:
    """An actor as merging compares it: an inferred country (supplied by a rule, not
    the text) is neither a disagreement nor evidence."""
    if actor is None:
        return _Side(None, None)
    return _Side(None if actor.inferred else actor.country, actor.sector)


def _row_side(row: sqlite3.Row, prefix: str) -> _Side:
    country = None if row[f"{prefix}_inferred"] else row[f"{prefix}_country"]
    return _Side(country, row[f"{prefix}_sector"])


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _sides_compatible(a: _Side, b: _Side) -> bool:
    return _agree(a.country, b.country) and _agree(a.sector, b.sector)


def _where(place: Place | None) -> _Where | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return _Where(place.lat, place.lon, place.country_code, place.precision)


def _row_where(row: sqlite3.Row) -> _Where | None:
    if row["place_lat"] is None or row["place_lon"] is None:
        return None
    precision = Precision(row["place_precision"]) if row["place_precision"] else None
    return _Where(
        float(row["place_lat"]), float(row["place_lon"]), row["place_country_code"], precision
    )


def _tolerance_km(precision: Precision | None) -> float | None:
    """How far apart two reports of one event may be placed; None for country level."""
    if precision is None or precision is Precision.COUNTRY:
        return None
    return PLACE_TOLERANCE_KM[precision]


def _places(a: _Where | None, b: _Where | None) -> tuple[bool, bool]:
    """(compatible, same place at sub-country precision)."""
    if a is None or b is None:
        return True, False
    if not _agree(a.country, b.country):
        return False, False
    tol_a, tol_b = _tolerance_km(a.precision), _tolerance_km(b.precision)
    if tol_a is None or tol_b is None:
        return True, False  # one of them only names the country
    close = haversine_km(a.lat, a.lon, b.lat, b.lon) <= max(tol_a, tol_b)
    return close, close


@dataclass(frozen=True, slots=True)
class Evidence:
    """Points for what two compatible reports share (see the module doc)."""

    place: int
    actors: int
    swapped: bool = False  # the stored event names the two sides the other way round
    counts: int = 0  # the same number dead, injured or arrested

    @property
    def points(self) -> int:
        return self.place + self.actors + self.counts


def evidence(event: Event, row: sqlite3.Row) -> Evidence | None:
    """How strongly ``event`` and the stored ``row`` look like one event: None when
    something known disagrees, else the evidence points (see the module doc)."""
    if event.type != row["type"] or (
        int(event.negated),
        int(event.hypothetical),
        int(event.future),
    ) != (row["negated"], row["hypothetical"], row["future"]):
        return None
    actor, recipient = _side(event.actor), _side(event.recipient)
    stored_actor, stored_recipient = _row_side(row, "actor"), _row_side(row, "recipient")
    swapped = False
    if not (
        _sides_compatible(actor, stored_actor) and _sides_compatible(recipient, stored_recipient)
    ):
        if event.type not in SYMMETRIC_TYPES:
            return None
        # "A met B" and "B held talks with A" report one meeting.
        stored_actor, stored_recipient = stored_recipient, stored_actor
        swapped = True
        if not (
            _sides_compatible(actor, stored_actor)
            and _sides_compatible(recipient, stored_recipient)
        ):
            return None
    if not _dates_compatible(event, row):
        return None
    compatible, same_place = _places(_where(event.place), _row_where(row))
    if not compatible:
        return None
    actors = 0  # (inferred countries are None here: no evidence)
    if actor.country is not None and actor.country == stored_actor.country:
        actors += _ACTOR_EVIDENCE
    if recipient.country is not None and recipient.country == stored_recipient.country:
        actors += _ACTOR_EVIDENCE
    counts = any(
        getattr(event, count) and getattr(event, count) == row[count] for count in CASUALTY_COUNTS
    )
    return Evidence(_PLACE_EVIDENCE if same_place else 0, actors, swapped, int(counts))


@dataclass(frozen=True, slots=True)
class Match:
    """The stored event a new report joins."""

    event_id: int
    swapped: bool  # the new report names actor and recipient the other way round


def find_match(conn: sqlite3.Connection, event: Event, article_id: int) -> Match | None:
    """The stored event that ``event`` reports again, or None."""
    rows = _candidates(conn, event, article_id)
    if not rows:
        return None
    same_article: set[int] = set()
    same_sentence: set[int] = set()  # told apart by the coder: never merged
    for r in conn.execute(
        'SELECT event_id, start, "end" FROM mentions WHERE article_id = ?', (article_id,)
    ).fetchall():
        same_article.add(int(r["event_id"]))
        if (r["start"], r["end"]) == (event.start, event.end):
            same_sentence.add(int(r["event_id"]))
    best: tuple[int, int] | None = None  # (points, -id): most evidence, then oldest
    swapped: dict[int, bool] = {}
    for row in rows:
        found = evidence(event, row)
        if found is None:
            continue
        event_id = int(row["id"])
        if event_id in same_sentence:
            continue
        if event_id in same_article:
            if found.actors + found.counts < MIN_EVIDENCE_SAME_ARTICLE:
                continue
        elif found.points < MIN_EVIDENCE:
            continue
        swapped[event_id] = found.swapped
        if best is None or (found.points, -event_id) > best:
            best = (found.points, -event_id)
    return None if best is None else Match(-best[1], swapped[-best[1]])


def _finer_place(event: Event, row: sqlite3.Row) -> bool:
    """True when ``event`` places the event more precisely than the stored row."""
    order = list(Precision)
    if event.place is None or event.place.lat is None or event.place.precision is None:
        return False
    if row["place_lat"] is None or row["place_precision"] is None:
        return True
    return order.index(event.place.precision) < order.index(Precision(row["place_precision"]))


def _finer_date(event: Event, row: sqlite3.Row) -> bool:
    if event.date is None or event.date_from_publication:
        return False
    if row["date"] is None or row["date_from_publication"]:
        return True
    order = list(DatePrecision)
    if event.date_precision is None or row["date_precision"] is None:
        return False
    return order.index(event.date_precision) < order.index(DatePrecision(row["date_precision"]))


def _lowest(a: int | None, b: int | None) -> int | None:
    if a is None or b is None:
        return b if a is None else a
    return min(a, b)


def merge_into(conn: sqlite3.Connection, match: Match, event: Event) -> None:
    """Fold ``event`` (a new report) into the stored event of ``match``; the caller has
    inserted the new mention already, so the counts are recomputed from ``mentions``."""
    event_id = match.event_id
    row = conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
    updates: dict[str, object] = {}
    sides = (("actor", event.actor), ("recipient", event.recipient))
    if match.swapped:
        sides = (("actor", event.recipient), ("recipient", event.actor))
    for prefix, actor in sides:
        if actor is not None and row[f"{prefix}_text"] is None:
            updates |= {
                f"{prefix}_text": actor.text,
                f"{prefix}_name": actor.name,
                f"{prefix}_country": actor.country,
                f"{prefix}_sector": actor.sector,
            }
        elif actor is not None:
            if row[f"{prefix}_country"] is None and actor.country is not None:
                updates[f"{prefix}_country"] = actor.country
            if row[f"{prefix}_sector"] is None and actor.sector is not None:
                updates[f"{prefix}_sector"] = actor.sector
    if row["mode"] is None and event.mode is not None:
        updates["mode"] = event.mode
    # An event is historical (told as a summary of the past) only while every report
    # of it is: one report of it as news puts it back in the default listing.
    stored = set(json.loads(row["contexts"]))
    historical = HISTORICAL in stored and HISTORICAL in event.contexts
    contexts = stored | set(event.contexts)
    if not historical:
        contexts.discard(HISTORICAL)
    updates["contexts"] = json.dumps(sorted(contexts))
    updates["historical"] = int(historical)
    if _finer_date(event, row) and event.date is not None:
        updates |= {
            "date": event.date.isoformat(),
            "date_precision": event.date_precision.value if event.date_precision else None,
            "date_from_publication": 0,
        }
    place = event.place
    if place is not None and _finer_place(event, row):
        updates |= {
            "place_text": place.text,
            "place_name": place.name,
            "place_lat": place.lat,
            "place_lon": place.lon,
            "place_geonameid": place.geonameid,
            "place_country_code": place.country_code,
            "place_feature_code": place.feature_code,
            "place_precision": place.precision.value if place.precision else None,
            "place_confidence": place.confidence,
            "place_admin1": place.admin1,
        }
    for count in CASUALTY_COUNTS:
        updates[count] = _lowest(row[count], getattr(event, count))
    updates["confidence"] = max(float(row["confidence"]), event.confidence)
    if event.headline and not row["headline"]:
        updates["headline"] = 1
    assignments = ", ".join(f"{column} = ?" for column in updates)
    conn.execute(f"UPDATE events SET {assignments} WHERE id = ?", [*updates.values(), event_id])
    update_counts(conn, event_id)


def update_counts(conn: sqlite3.Connection, event_id: int) -> None:
    """Recount an event's mentions, articles and sources from the mentions table.

    Sources are publishers (``articles.source``), falling back on the article's origin
    when the source is unknown, so two articles of one unnamed source count twice.
    """
    conn.execute(
        """
        UPDATE events SET
            num_mentions = (SELECT count(*) FROM mentions WHERE event_id = :id),
            num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = :id),
            num_sources = (
                SELECT count(DISTINCT coalesce(articles.source, articles.origin))
                FROM mentions JOIN articles ON articles.id = mentions.article_id
                WHERE mentions.event_id = :id
            )
        WHERE id = :id
        """,
        {"id": event_id},
    )
