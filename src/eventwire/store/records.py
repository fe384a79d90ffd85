"""The typed records the store takes and returns: filters, stored events and articles,
search hits and counts. Fields that mirror the data model use its types
(``model.Actor``, ``model.Place``, ``model.Mention``, the enums)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from eventwire.model import Actor, DateOrigin, DatePrecision, Mention, Place, TimeExpression
from eventwire.store.read.query import EventQuery


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ``Store.add_document`` did.

    ``inserted`` is False when an article with the same content hash was already
    stored; then nothing was written, ``article_id`` is the stored article and the
    counts are 0. Of the article's events, ``n_events`` became new events and
    ``n_merged`` joined stored events as new mentions.
    """

    article_id: int
    inserted: bool
    n_events: int  # events this article added as new events
    n_merged: int = 0  # events this article reported again (merged as new mentions)
    duplicate_of: int | None = None  # the stored article this one is a near-copy of


@dataclass(frozen=True, slots=True)
class EventPosition:
    """Where an event stands in the listing order of ``Store.events``."""

    date: date | None
    id: int


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events ``Store.events`` lists: the events ``query`` selects (an
    ``EventQuery``, the filter type the CLI, the API and the exports share), in the
    listing order (date, undated last, then id), and the window of that listing:

    - ``article_id``: only the events mentioned in this article.
    - ``after``: only the events after this one in the listing order: keyset paging
      that stays right while other events are stored.
    - ``limit`` and ``offset``.
    """

    query: EventQuery = field(default_factory=EventQuery)
    article_id: int | None = None
    after: EventPosition | None = None
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit < 0:
            raise ValueError(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise ValueError(f"offset must be 0 or more, not {self.offset}")


@dataclass(slots=True)
class StoredEvent:
    """An event as stored, with the mentions that report it.

    The offsets of ``actor``, ``recipient`` and ``place`` come from the first mention
    (they index into that mention's article text).
    """

    id: int
    type: str
    mode: str | None
    contexts: list[str]
    actor: Actor | None
    recipient: Actor | None
    date: date | None
    date_precision: DatePrecision | None
    date_from_publication: bool
    place: Place | None
    dead: int | None
    injured: int | None
    arrested: int | None
    confidence: float
    negated: bool
    hypothetical: bool
    future: bool
    headline: bool  # an article's title reports it (GDELT's IsRootEvent)
    num_mentions: int
    num_articles: int
    num_sources: int
    mentions: list[Mention] = field(default_factory=list)

    @property
    def factual(self) -> bool:
        """True when the text asserts the event happened."""
        return not (self.negated or self.hypothetical or self.future)


@dataclass(slots=True)
class StoredArticle:
    """An article as stored, with the places and time expressions found in it.

    ``body`` is None when the document was stored without an ``Article`` (the clean
    stage did not run); ``text`` is always the full ``Document.text``.
    """

    id: int
    content_hash: str
    origin: str
    title: str | None
    body: str | None
    text: str
    captions: list[str]
    credits: list[str]
    source: str | None
    url: str | None
    author: str | None
    duplicate_of: int | None  # the first stored near-copy of this article, if any
    duplicate_similarity: float | None
    published: date | None
    published_origin: DateOrigin | None
    ingested_at: datetime
    places: list[Place] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a full-text search, best first.

    ``snippet`` is a short extract with the matched words between the caller's markers;
    ``rank`` is FTS5's bm25 score (lower is better).
    """

    article_id: int
    title: str | None
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts over the whole store. ``events_by_type`` is ordered by count, largest first."""

    n_articles: int
    n_events: int
    n_mentions: int
    events_by_type: dict[str, int]


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """The facts about a stored article that exports cite (not its text).

    ``length`` is the length in characters of the article's full text (the text every
    offset indexes into); ``ingested_at`` is when eventwire stored and coded it (UTC).
    """

    id: int
    origin: str
    title: str | None
    source: str | None
    url: str | None
    published: date | None
    ingested_at: datetime
    length: int

    @property
    def identifier(self) -> str:
        """The URL when the source gave one, else where the text was read from."""
        return self.url if self.url is not None else self.origin

    @property
    def source_name(self) -> str | None:
        """The publisher, or else the host name of the URL."""
        if self.source is not None:
            return self.source
        if self.url is not None:
            host = urlsplit(self.url).hostname
            return host or None
        return None


@dataclass(frozen=True, slots=True)
class MentionOffsets:
    """Where a mention's actor, recipient and place words are in its article's text
    (None when the event has no such participant or the mention did not name it)."""

    actor_start: int | None
    recipient_start: int | None
    place_start: int | None


MentionKey = tuple[int, int, int]  # event id, article id, sentence start
