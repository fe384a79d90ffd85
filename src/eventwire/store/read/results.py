"""The typed records the API's reader returns to its routes (``reader.py`` builds them
from the database; ``schemas.py`` turns them into the JSON of the REST contract)."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.store import StoredArticle, StoredEvent


@dataclass(frozen=True, slots=True)
class Health:
    schema_version: int
    articles: int
    events: int


@dataclass(frozen=True, slots=True)
class EventItem:
    """A stored event for a list: ``event.mentions`` holds its first mention only (the
    full list is in ``EventDetail``); ``article_title`` is that mention's article's."""

    event: StoredEvent
    article_title: str | None


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[EventItem]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class MentionDetail:
    """One report of an event, with its article's metadata and every offset (into that
    article's text)."""

    article_id: int
    article_title: str | None
    article_url: str | None
    source: str | None
    published: str | None
    sentence: str
    start: int
    end: int
    trigger_start: int | None
    trigger_end: int | None
    actor_start: int | None
    actor_end: int | None
    recipient_start: int | None
    recipient_end: int | None
    place_start: int | None
    place_end: int | None
    confidence: float


@dataclass(frozen=True, slots=True)
class EventDetail:
    item: EventItem
    mentions: list[MentionDetail]


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    origin: str
    n_events: int


@dataclass(frozen=True, slots=True)
class ArticlePage:
    articles: list[ArticleSummary]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class ArticleMention:
    """An event mention in an article: offsets into the article's text."""

    event_id: int
    type: str
    mode: str | None
    start: int
    end: int
    trigger_start: int | None
    trigger_end: int | None
    actor_start: int | None
    actor_end: int | None
    recipient_start: int | None
    recipient_end: int | None
    place_start: int | None
    place_end: int | None


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    article: StoredArticle
    author: str | None
    mentions: list[ArticleMention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SnippetPart:
    """A stretch of a search snippet; ``match`` is True for the words the query matched."""

    text: str
    match: bool


@dataclass(frozen=True, slots=True)
class SearchResult:
    article_id: int
    title: str | None
    snippet: list[SnippetPart]
    rank: float


@dataclass(frozen=True, slots=True)
class StatsRow:
    keys: tuple[str | None, ...]
    n: int


@dataclass(frozen=True, slots=True)
class StatsResult:
    group: tuple[str, ...]
    rows: list[StatsRow]


@dataclass(frozen=True, slots=True)
class StatsJson:
    """The rows of a ``StatsResult`` already encoded, each a JSON object of the group's
    keys and ``n`` as the API answers (SQLite encodes them: a year of ``day,type``
    groups is thousands of rows, which Python would take longer to build and encode).
    Each string of ``rows`` holds one or more of them joined by commas, in order: the
    answer is ``",".join(rows)``."""

    group: tuple[str, ...]
    rows: list[str]
