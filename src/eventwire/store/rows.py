"""Conversion between the data model and table rows.

Writing: ``*_values`` functions turn a model object into the tuple of values for the
matching ``*_COLUMNS`` (same order); ``insert_sql`` builds the INSERT statement.
Reading: ``*_from_row`` functions turn a ``sqlite3.Row`` back into model objects and
store records, restoring enums, dates and None exactly.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from typing import Any

from eventwire.errors import StoreError
from eventwire.model import (
    Actor,
    DateOrigin,
    DatePrecision,
    Document,
    Event,
    Mention,
    Place,
    Precision,
    TimeExpression,
    TimexType,
)
from eventwire.store.records import ArticleInfo, MentionOffsets, StoredArticle, StoredEvent

SqlValue = str | int | float | None

# PLOVER's context of an event told as a summary of the past (the factuality stage's
# ``HISTORICAL``): stored in ``events.historical`` too (schema version 7), which the
# default listing leaves out.
HISTORICAL = "historical"

ARTICLE_COLUMNS = (
    "content_hash",
    "origin",
    "title",
    "body",
    "text",
    "captions",
    "credits",
    "source",
    "url",
    "author",
    "published",
    "published_origin",
    "ingested_at",
)

EVENT_COLUMNS = (
    "type",
    "mode",
    "contexts",
    "actor_text",
    "actor_name",
    "actor_country",
    "actor_sector",
    "recipient_text",
    "recipient_name",
    "recipient_country",
    "recipient_sector",
    "date",
    "date_precision",
    "date_from_publication",
    "place_text",
    "place_name",
    "place_lat",
    "place_lon",
    "place_geonameid",
    "place_country_code",
    "place_feature_code",
    "place_precision",
    "place_confidence",
    "place_admin1",
    "dead",
    "injured",
    "arrested",
    "confidence",
    "negated",
    "hypothetical",
    "future",
    "headline",
    "actor_inferred",
    "recipient_inferred",
    "historical",
    "num_mentions",
    "num_articles",
    "num_sources",
)

MENTION_COLUMNS = (
    "event_id",
    "article_id",
    "sentence",
    "start",
    "end",
    "trigger_start",
    "trigger_end",
    "actor_start",
    "actor_end",
    "recipient_start",
    "recipient_end",
    "place_start",
    "place_end",
    "confidence",
)

PLACE_COLUMNS = (
    "article_id",
    "text",
    "start",
    "end",
    "name",
    "lat",
    "lon",
    "geonameid",
    "country_code",
    "feature_code",
    "precision",
    "confidence",
    "admin1",
)

TIMEX_COLUMNS = ("article_id", "text", "start", "end", "type", "value", "mod")


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    """``INSERT INTO table ("a", "b") VALUES (?, ?)``; names are quoted ("end" is SQL)."""
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


# --- writing -------------------------------------------------------------------------


def article_values(doc: Document, ingested_at: datetime) -> tuple[SqlValue, ...]:
    """The ``articles`` row of ``doc``.

    Without an ``Article`` (the clean stage did not run) the metadata the source knew
    (``doc.raw``) is stored instead and ``body`` is NULL.
    """
    article = doc.article
    title: str | None
    body: str | None
    captions: list[str] = []
    credits: list[str] = []
    published_origin: DateOrigin | None
    if article is not None:
        title, body = article.title, article.body
        captions, credits = article.captions, article.credits
        source, url, published = article.source, article.url, article.published
        author = article.author
        published_origin = article.published_origin
    elif doc.raw is not None:
        title, body = doc.raw.title, None
        source, url, published = doc.raw.source, doc.raw.url, doc.raw.published
        author = doc.raw.author
        published_origin = DateOrigin.METADATA if published is not None else None
    else:
        title = body = source = url = author = None
        published = None
        published_origin = None
    return (
        doc.content_hash,
        doc.origin,
        title,
        body,
        doc.text,
        _json_list(captions),
        _json_list(credits),
        source,
        url,
        author,
        _iso(published),
        _enum_value(published_origin),
        ingested_at.isoformat(timespec="seconds"),
    )


def event_values(event: Event) -> tuple[SqlValue, ...]:
    """The ``events`` row of a newly coded event (one article, one source, and a mention
    for each of the article's tellings of it)."""
    actor, recipient, place = event.actor, event.recipient, event.place
    return (
        event.type,
        event.mode,
        _json_list(event.contexts),
        *_actor_values(actor),
        *_actor_values(recipient),
        _iso(event.date),
        _enum_value(event.date_precision),
        int(event.date_from_publication),
        place.text if place else None,
        place.name if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.geonameid if place else None,
        place.country_code if place else None,
        place.feature_code if place else None,
        _enum_value(place.precision) if place else None,
        place.confidence if place else None,
        place.admin1 if place else None,
        event.dead,
        event.injured,
        event.arrested,
        event.confidence,
        int(event.negated),
        int(event.hypothetical),
        int(event.future),
        int(event.headline),
        int(actor.inferred) if actor else 0,
        int(recipient.inferred) if recipient else 0,
        int(HISTORICAL in event.contexts),
        1 + len(event.retold),  # the article's other tellings are mentions too
        1,
        1,
    )


def mention_values(event: Event, event_id: int, article_id: int) -> tuple[SqlValue, ...]:
    """The ``mentions`` row reporting ``event`` from the article ``article_id``."""
    actor, recipient, place = event.actor, event.recipient, event.place
    return (
        event_id,
        article_id,
        event.sentence,
        event.start,
        event.end,
        event.trigger_start,
        event.trigger_end,
        actor.start if actor else None,
        actor.end if actor else None,
        recipient.start if recipient else None,
        recipient.end if recipient else None,
        place.start if place else None,
        place.end if place else None,
        event.confidence,
    )


def place_values(place: Place, article_id: int) -> tuple[SqlValue, ...]:
    return (
        article_id,
        place.text,
        place.start,
        place.end,
        place.name,
        place.lat,
        place.lon,
        place.geonameid,
        place.country_code,
        place.feature_code,
        _enum_value(place.precision),
        place.confidence,
        place.admin1,
    )


def timex_values(timex: TimeExpression, article_id: int) -> tuple[SqlValue, ...]:
    return (
        article_id,
        timex.text,
        timex.start,
        timex.end,
        timex.type.value,
        timex.value,
        timex.mod,
    )


def _actor_values(actor: Actor | None) -> tuple[SqlValue, ...]:
    if actor is None:
        return (None, None, None, None)
    return (actor.text, actor.name, actor.country, actor.sector)


def _json_list(items: list[str]) -> str:
    return json.dumps(list(items), ensure_ascii=False)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _enum_value(value: DateOrigin | DatePrecision | Precision | None) -> str | None:
    return value.value if value is not None else None


# --- reading -------------------------------------------------------------------------


def article_from_row(
    row: sqlite3.Row, places: list[Place], timexes: list[TimeExpression]
) -> StoredArticle:
    origin = row["published_origin"]
    return StoredArticle(
        id=int(row["id"]),
        content_hash=str(row["content_hash"]),
        origin=str(row["origin"]),
        title=_opt_str(row["title"]),
        body=_opt_str(row["body"]),
        text=str(row["text"]),
        captions=_str_list(row["captions"]),
        credits=_str_list(row["credits"]),
        source=_opt_str(row["source"]),
        url=_opt_str(row["url"]),
        author=_opt_str(row["author"]),
        duplicate_of=None if row["duplicate_of"] is None else int(row["duplicate_of"]),
        duplicate_similarity=(
            None if row["duplicate_similarity"] is None else float(row["duplicate_similarity"])
        ),
        published=_opt_date(row["published"]),
        published_origin=DateOrigin(origin) if origin is not None else None,
        ingested_at=datetime.fromisoformat(str(row["ingested_at"])),
        places=places,
        timexes=timexes,
    )


def event_from_row(row: sqlite3.Row, mention_rows: list[sqlite3.Row]) -> StoredEvent:
    """The stored event; ``mention_rows`` are its mentions, first (lowest id) first."""
    first = mention_rows[0] if mention_rows else None
    precision = row["date_precision"]
    return StoredEvent(
        id=int(row["id"]),
        type=str(row["type"]),
        mode=_opt_str(row["mode"]),
        contexts=_str_list(row["contexts"]),
        actor=_actor(row, first, "actor"),
        recipient=_actor(row, first, "recipient"),
        date=_opt_date(row["date"]),
        date_precision=DatePrecision(precision) if precision is not None else None,
        date_from_publication=bool(row["date_from_publication"]),
        place=_event_place(row, first),
        dead=_opt_int(row["dead"]),
        injured=_opt_int(row["injured"]),
        arrested=_opt_int(row["arrested"]),
        confidence=float(row["confidence"]),
        negated=bool(row["negated"]),
        hypothetical=bool(row["hypothetical"]),
        future=bool(row["future"]),
        headline=bool(row["headline"]),
        num_mentions=int(row["num_mentions"]),
        num_articles=int(row["num_articles"]),
        num_sources=int(row["num_sources"]),
        mentions=[mention_from_row(m) for m in mention_rows],
    )


def mention_from_row(row: sqlite3.Row) -> Mention:
    return Mention(
        article_id=int(row["article_id"]),
        sentence=str(row["sentence"]),
        start=int(row["start"]),
        end=int(row["end"]),
        confidence=float(row["confidence"]),
        trigger_start=_opt_int(row["trigger_start"]),
        trigger_end=_opt_int(row["trigger_end"]),
    )


def place_from_row(row: sqlite3.Row) -> Place:
    precision = row["precision"]
    return Place(
        text=str(row["text"]),
        start=int(row["start"]),
        end=int(row["end"]),
        name=_opt_str(row["name"]),
        lat=_opt_float(row["lat"]),
        lon=_opt_float(row["lon"]),
        geonameid=_opt_int(row["geonameid"]),
        country_code=_opt_str(row["country_code"]),
        feature_code=_opt_str(row["feature_code"]),
        precision=Precision(precision) if precision is not None else None,
        confidence=float(row["confidence"]),
        admin1=_column(row, "admin1"),
    )


def timex_from_row(row: sqlite3.Row) -> TimeExpression:
    return TimeExpression(
        text=str(row["text"]),
        start=int(row["start"]),
        end=int(row["end"]),
        type=TimexType(row["type"]),
        value=_opt_str(row["value"]),
        mod=_opt_str(row["mod"]),
    )


def _column(row: sqlite3.Row, key: str) -> str | None:
    """A text column that a query of an older shape may not select (None then)."""
    return _opt_str(row[key]) if key in row.keys() else None  # noqa: SIM118


def _inferred(row: sqlite3.Row, role: str) -> bool:
    key = f"{role}_inferred"
    return key in row.keys() and bool(row[key])  # noqa: SIM118 (a Row iterates its values)


def _actor(row: sqlite3.Row, first: sqlite3.Row | None, role: str) -> Actor | None:
    text = row[f"{role}_text"]
    if text is None:
        return None
    return Actor(
        text=str(text),
        name=_opt_str(row[f"{role}_name"]),
        country=_opt_str(row[f"{role}_country"]),
        sector=_opt_str(row[f"{role}_sector"]),
        start=_opt_int(first[f"{role}_start"]) if first is not None else None,
        end=_opt_int(first[f"{role}_end"]) if first is not None else None,
        inferred=_inferred(row, role),
    )


def _event_place(row: sqlite3.Row, first: sqlite3.Row | None) -> Place | None:
    text = row["place_text"]
    if text is None:
        return None
    if first is None or first["place_start"] is None or first["place_end"] is None:
        raise StoreError(
            f"event {row['id']} has a place but its first mention holds no place offsets"
        )
    precision = row["place_precision"]
    confidence = row["place_confidence"]
    return Place(
        text=str(text),
        start=int(first["place_start"]),
        end=int(first["place_end"]),
        name=_opt_str(row["place_name"]),
        lat=_opt_float(row["place_lat"]),
        lon=_opt_float(row["place_lon"]),
        geonameid=_opt_int(row["place_geonameid"]),
        country_code=_opt_str(row["place_country_code"]),
        feature_code=_opt_str(row["place_feature_code"]),
        precision=Precision(precision) if precision is not None else None,
        confidence=float(confidence) if confidence is not None else 0.0,
        admin1=_column(row, "place_admin1"),
    )


def _str_list(value: Any) -> list[str]:
    items = json.loads(str(value))
    if not isinstance(items, list):
        raise StoreError(f"expected a JSON list in the database, found {value!r}")
    return [str(item) for item in items]


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _opt_date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def article_info_from_row(row: sqlite3.Row) -> ArticleInfo:
    """An ``ArticleInfo`` from a row of ``ARTICLE_INFO_SQL``."""
    published = row["published"]
    return ArticleInfo(
        id=int(row["id"]),
        origin=str(row["origin"]),
        title=_opt_str(row["title"]),
        source=_opt_str(row["source"]),
        url=_opt_str(row["url"]),
        published=date.fromisoformat(published) if published else None,
        ingested_at=datetime.fromisoformat(str(row["ingested_at"])),
        length=int(row["length"]),
    )


def mention_offsets_from_row(row: sqlite3.Row) -> MentionOffsets:
    return MentionOffsets(
        actor_start=_opt_int(row["actor_start"]),
        recipient_start=_opt_int(row["recipient_start"]),
        place_start=_opt_int(row["place_start"]),
    )
