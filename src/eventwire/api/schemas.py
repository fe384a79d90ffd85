"""The JSON of the REST contract, as pydantic models (they also document the API in
the OpenAPI schema), and the functions that build it from the reader's records.

Where the JSON is a record of the reader (``store/read/results.py``) as it is, its model
is that dataclass under the API's name (``class MentionOut(MentionDetail)``: pydantic
validates and documents stdlib dataclasses), so each field is declared once and a field
added to the record is in the API's JSON and OpenAPI document without an edit here; the
builders turn those records into JSON with ``dataclasses.asdict``. Builders return plain
JSON-ready dicts shaped like these models; each route declares its model as
``response_model``, so FastAPI checks every answer against it. The one
exception is ``/stats``: its rows (thousands, for a year of days by type) are encoded by
SQLite and sent as they are (``stats_body``); the tests check them against ``StatsOut``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eventwire.export.event_records import event_record
from eventwire.store.read.results import (
    ArticleDetail,
    ArticleMention,
    ArticlePage,
    ArticleSummary,
    EventDetail,
    EventItem,
    EventPage,
    Health,
    MentionDetail,
    SearchResult,
    SnippetPart,
    StatsJson,
)

Json = dict[str, Any]

# The config of the records below, so that they do not take that of a model holding
# them (``EventDetailOut`` allows extra fields; its mentions do not).
_RECORD = ConfigDict(extra="ignore")


@dataclass(frozen=True)
class HealthOut(Health):
    __pydantic_config__ = _RECORD

    status: Annotated[str, Field(examples=["ok"])]


class MentionRef(BaseModel):
    """An event's first mention: offsets into the article's text."""

    article_id: int
    article_title: str | None
    sentence: str
    start: int
    end: int
    trigger_start: int | None
    trigger_end: int | None


class EventOut(BaseModel):
    """A coded event: the fields of ``eventwire.export.event_records.event_record`` plus
    counts and the first mention. Fields the record gains later are passed through."""

    model_config = ConfigDict(extra="allow")

    id: int
    date: str | None = Field(description="ISO date YYYY-MM-DD")
    date_precision: str | None = Field(description="day, week, month or year")
    type: str = Field(description="PLOVER event type")
    mode: str | None
    contexts: list[str]
    cameo_root: str | None
    quad_class: int | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor: str | None
    actor_code: str | None
    actor_country: str | None
    actor_sector: str | None
    actor_inferred: bool = Field(
        default=False,
        description="the text names no actor; a rule supplied it (police for an arrest)",
    )
    recipient: str | None
    recipient_code: str | None
    recipient_country: str | None
    recipient_sector: str | None
    recipient_inferred: bool = Field(default=False, description="the recipient was inferred")
    place: str | None
    place_country: str | None = Field(description="ISO 3166 alpha-2 (GeoNames)")
    lat: float | None
    lon: float | None
    geo_precision: str | None
    dead: int | None
    injured: int | None
    arrested: int | None
    confidence: float
    flags: list[str] = Field(description="negated, hypothetical, future")
    headline: bool = Field(
        description="reported in an article's headline (like GDELT's IsRootEvent)"
    )
    num_articles: int
    num_mentions: int
    num_sources: int
    article_id: int | None
    sentence: str | None
    mention: MentionRef | None


class EventPageOut(BaseModel):
    events: list[EventOut]
    next_cursor: str | None = Field(
        description="pass as cursor= for the next page; null at the end"
    )


class CountOut(BaseModel):
    count: int


@dataclass(frozen=True)
class MentionOut(MentionDetail):
    """One report of an event; every offset indexes into that article's text."""

    __pydantic_config__ = _RECORD


class EventDetailOut(EventOut):
    mentions: list[MentionOut]


@dataclass(frozen=True)
class ArticleSummaryOut(ArticleSummary):
    __pydantic_config__ = _RECORD


class ArticlePageOut(BaseModel):
    articles: list[ArticleSummaryOut]
    next_cursor: str | None


class PlaceOut(BaseModel):
    text: str
    start: int
    end: int
    name: str | None
    lat: float | None
    lon: float | None
    country_code: str | None
    precision: str | None


class TimexOut(BaseModel):
    text: str
    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True)
class ArticleMentionOut(ArticleMention):
    __pydantic_config__ = _RECORD


class ArticleOut(BaseModel):
    """A stored article. Every offset (places, timexes, mentions) indexes into ``text``."""

    id: int
    title: str | None
    text: str
    body: str | None
    captions: list[str]
    credits: list[str]
    source: str | None
    url: str | None
    author: str | None = None
    published: str | None
    published_origin: str | None
    places: list[PlaceOut]
    timexes: list[TimexOut]
    mentions: list[ArticleMentionOut]


@dataclass(frozen=True)
class SnippetPartOut(SnippetPart):
    __pydantic_config__ = _RECORD


@dataclass(frozen=True)
class SearchHitOut(SearchResult):
    __pydantic_config__ = _RECORD

    snippet: Annotated[  # type: ignore[assignment]  # the same record, the API's name
        list[SnippetPartOut],
        Field(description="the snippet as parts; match=true for the words the query matched"),
    ]
    rank: Annotated[float, Field(description="bm25 score, lower is better")]


class SearchOut(BaseModel):
    hits: list[SearchHitOut]


class StatsOut(BaseModel):
    group: list[str]
    rows: list[dict[str, str | int | None]] = Field(
        description="one object per group: the group's keys and n, the number of events"
    )


class IngestIn(BaseModel):
    """One article to code and store."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        default=None, min_length=1, description="the article; without it, `url` is fetched"
    )
    title: str | None = None
    published: str | None = Field(
        default=None,
        description=(
            "publication date: YYYY-MM-DD, an ISO 8601 date and time, YYYYMMDD, RFC 2822 or"
            " '9 May 2024' (the day as written)"
        ),
    )
    url: str | None = Field(
        default=None,
        description="where the text came from; given alone, the page or feed is fetched "
        "(politely, robots.txt obeyed) and read: an absolute http(s) URL of a public host "
        "only (no file paths, no addresses of the server's machine or private networks)",
    )
    source: str | None = None

    @model_validator(mode="after")
    def _text_or_url(self) -> IngestIn:
        if self.text is None and not self.url:
            raise ValueError("give the article's text, or a url to fetch")
        return self


class IngestedArticle(BaseModel):
    id: int
    inserted: bool = Field(description="false when the same text was already stored")
    n_events: int = Field(description="events this article added as new events")
    n_merged: int = Field(
        default=0, description="events this article reported again (merged as new mentions)"
    )
    duplicate_of: int | None = Field(
        default=None, description="the stored article this one is a near-copy of"
    )


class IngestOut(BaseModel):
    articles: list[IngestedArticle]


class ErrorOut(BaseModel):
    detail: str


# --- builders ----------------------------------------------------------------------------


def event_json(item: EventItem) -> Json:
    event = item.event
    record = event_record(event).to_dict()
    mention = event.mentions[0] if event.mentions else None
    record["num_mentions"] = event.num_mentions
    record["num_sources"] = event.num_sources
    record["mention"] = (
        None
        if mention is None
        else {
            "article_id": mention.article_id,
            "article_title": item.article_title,
            "sentence": mention.sentence,
            "start": mention.start,
            "end": mention.end,
            "trigger_start": mention.trigger_start,
            "trigger_end": mention.trigger_end,
        }
    )
    return record


def event_page_json(page: EventPage) -> Json:
    return {"events": [event_json(item) for item in page.events], "next_cursor": page.next_cursor}


def event_detail_json(detail: EventDetail) -> Json:
    record = event_json(detail.item)
    record["mentions"] = [asdict(m) for m in detail.mentions]
    return record


def article_page_json(page: ArticlePage) -> Json:
    return asdict(page)


def article_json(detail: ArticleDetail) -> Json:
    article = detail.article
    return {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "body": article.body,
        "captions": list(article.captions),
        "credits": list(article.credits),
        "source": article.source,
        "url": article.url,
        "author": detail.author,
        "published": article.published.isoformat() if article.published else None,
        "published_origin": str(article.published_origin) if article.published_origin else None,
        "places": [
            {
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "country_code": p.country_code,
                "precision": str(p.precision) if p.precision else None,
            }
            for p in article.places
        ],
        "timexes": [
            {"text": t.text, "start": t.start, "end": t.end, "type": str(t.type), "value": t.value}
            for t in article.timexes
        ],
        "mentions": [asdict(m) for m in detail.mentions],
    }


def search_json(hits: list[SearchResult]) -> Json:
    return {"hits": [asdict(hit) for hit in hits]}


def health_json(health: Health) -> Json:
    return {"status": "ok", **asdict(health)}


def stats_body(result: StatsJson) -> bytes:
    """The ``StatsOut`` JSON of stats rows that SQLite encoded (``Reader.stats_json``)."""
    group = json.dumps(list(result.group), separators=(",", ":"))
    return f'{{"group":{group},"rows":[{",".join(result.rows)}]}}'.encode()
