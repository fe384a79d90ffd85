"""The JSON of the REST contract, as pydantic models (they also document the API in
the OpenAPI schema), and the functions that build it from the reader's records.

Each field is declared once, in the dataclass the JSON is made from, so a field added to
a record is in the API's JSON and OpenAPI document without an edit here:
- where the JSON is a record of the reader (``store/read/results.py``) as it is, its
  model is that dataclass under the API's name (``class MentionOut(MentionDetail)``:
  pydantic validates and documents stdlib dataclasses), and the builders turn those
  records into JSON with ``dataclasses.asdict``;
- where it is a record with fields added (an event: ``EventRecord`` of
  ``export/event_records.py`` plus counts and its first mention) or some of a record's
  fields (a place, an article), the model subclasses ``record_model(record, ...)``: a
  pydantic model of the record's fields with their types and descriptions.
The models with no record behind them say why. Builders return plain JSON-ready dicts
shaped like these models; each route declares its model as ``response_model``, so
FastAPI checks every answer against it. The one exception is ``/stats``: its rows
(thousands, for a year of days by type) are encoded by SQLite and sent as they are
(``stats_body``); the tests check them against ``StatsOut``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import asdict, dataclass
from typing import Annotated, Any, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from eventwire.export.event_records import EventRecord, event_record
from eventwire.model import Place, TimeExpression
from eventwire.store import StoredArticle
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

# The config of the records below, so that they never take that of a model holding them.
_RECORD = ConfigDict(extra="ignore")


def record_model(record: type[Any], names: str = "", /, **types: Any) -> type[BaseModel]:
    """A pydantic model of the fields of the dataclass ``record``: those in ``names``
    (space-separated, in that order) or, without names, all of them in the record's
    order; each with the record's type and the description in its ``metadata``.
    ``types`` gives a field another type (a nested record under the API's name).
    Subclass it to name the model, document it and add fields (mypy cannot follow a base
    made at run time, hence the ``type: ignore[misc]`` of each such class)."""
    hints = get_type_hints(record)
    declared = {f.name: f for f in dataclasses.fields(record)}
    chosen = names.split() or list(declared)
    unknown = sorted((set(chosen) | set(types)) - set(declared))
    if unknown:
        raise TypeError(f"{record.__name__} has no field {', '.join(unknown)}")
    unshown = sorted(set(types) - set(chosen))
    if unshown:
        raise TypeError(f"{record.__name__}: a type for {', '.join(unshown)}, not shown")
    definitions: dict[str, Any] = {
        name: (
            types.get(name, hints[name]),
            Field(description=declared[name].metadata.get("description")),
        )
        for name in chosen
    }
    return create_model(f"{record.__name__}Fields", **definitions)


@dataclass(frozen=True)
class HealthOut(Health):
    __pydantic_config__ = _RECORD

    status: Annotated[str, Field(examples=["ok"])]


_FIRST_MENTION = "article_id article_title sentence start end trigger_start trigger_end"


class MentionRef(record_model(MentionDetail, _FIRST_MENTION)):  # type: ignore[misc]
    """An event's first mention: offsets into the article's text (the first fields of
    ``MentionDetail``; the event's page lists every mention with all of them)."""


class EventOut(record_model(EventRecord)):  # type: ignore[misc]
    """A coded event: the fields of ``EventRecord`` (``export/event_records.py``: the
    CLI's and the exports' row), in its order, plus counts and the first mention."""

    num_mentions: int
    num_sources: int
    mention: MentionRef | None


class EventPageOut(record_model(EventPage, events=list[EventOut])):  # type: ignore[misc]
    """A page of events (``EventPage``, its events as ``EventOut``)."""

    next_cursor: str | None = Field(
        description="pass as cursor= for the next page; null at the end"
    )


class CountOut(BaseModel):
    """How many events a query selects (the reader answers a bare int)."""

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


class ArticlePageOut(record_model(ArticlePage, articles=list[ArticleSummaryOut])):  # type: ignore[misc]
    """A page of articles (``ArticlePage``, its summaries under the API's name)."""


_PLACE = "text start end name lat lon country_code precision"


class PlaceOut(record_model(Place, _PLACE)):  # type: ignore[misc]
    """A place named in an article, as resolved: the fields of ``model.Place`` but the
    gazetteer's bookkeeping (GeoNames id, feature code, confidence)."""


class TimexOut(record_model(TimeExpression, "text start end type value")):  # type: ignore[misc]
    """A time expression in an article: the fields of ``model.TimeExpression`` but its
    TIMEX3 ``mod``."""


@dataclass(frozen=True)
class ArticleMentionOut(ArticleMention):
    __pydantic_config__ = _RECORD


_ARTICLE = (
    "id title text body captions credits source url author published published_origin"
    " places timexes"
)


_ARTICLE_PARTS: dict[str, Any] = {"places": list[PlaceOut], "timexes": list[TimexOut]}


class ArticleOut(record_model(StoredArticle, _ARTICLE, **_ARTICLE_PARTS)):  # type: ignore[misc]
    """A stored article: the fields of ``StoredArticle`` but its bookkeeping (content
    hash, origin, near-copy, ingestion time), with the event mentions in it. Every offset
    (places, timexes, mentions) indexes into ``text``."""

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
    """Event counts by group. ``StatsJson`` holds the rows already encoded by SQLite,
    so this model only documents them (``stats_body`` writes the JSON)."""

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
    """What storing one article did: ``store.IngestResult`` as the API has always named
    it (``id`` for its ``article_id``), with each count described for the API's users."""

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
    """FastAPI's error body (no record: the message of the error raised)."""

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
