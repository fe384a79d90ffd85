"""What the exporters share: batching, text streams over the binary output, the article
facts a format cites (url, source, title, when it was ingested), per-mention offsets,
and the flat per-event record every tabular format starts from.

Articles are read per batch of events (``load_articles``), never all at once, so an
export streams in bounded memory whatever the size of the store.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import metadata
from typing import Any, BinaryIO, TextIO, TypeVar
from urllib.parse import urlsplit

from eventwire.export.event_records import event_record
from eventwire.model import Mention
from eventwire.store import Store, StoredEvent

T = TypeVar("T")

# Events read per article look-up; bounds the memory a streaming export holds.
BATCH_SIZE = 500


def in_batches(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    if size < 1:
        raise ValueError(f"batch size must be 1 or more, not {size}")
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextmanager
def text_stream(out: BinaryIO) -> Iterator[TextIO]:
    """A UTF-8 text stream writing through to ``out``; ``out`` stays open afterwards.

    ``newline=""`` leaves line endings to the writer (the csv module writes its own).
    """
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()


@lru_cache(maxsize=1)
def coder_name() -> str:
    """``eventwire <version>``: the coder named in PLOVER records."""
    try:
        return f"eventwire {metadata.version('eventwire')}"
    except metadata.PackageNotFoundError:
        return "eventwire"


# --- articles ------------------------------------------------------------------------


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


_ARTICLES_SQL = (
    "SELECT id, origin, title, source, url, published, ingested_at, length(text) AS length "
    "FROM articles WHERE id IN (SELECT value FROM json_each(?))"
)


def load_articles(store: Store, events: Iterable[StoredEvent]) -> dict[int, ArticleInfo]:
    """The articles that mention ``events``, by id (one query for the whole batch)."""
    ids = sorted({m.article_id for event in events for m in event.mentions})
    if not ids:
        return {}
    rows = store.rows(_ARTICLES_SQL, (json.dumps(ids),))
    return {
        int(row["id"]): ArticleInfo(
            id=int(row["id"]),
            origin=str(row["origin"]),
            title=_opt_str(row["title"]),
            source=_opt_str(row["source"]),
            url=_opt_str(row["url"]),
            published=_opt_date(row["published"]),
            ingested_at=datetime.fromisoformat(str(row["ingested_at"])),
            length=int(row["length"]),
        )
        for row in rows
    }


def mention_articles(event: StoredEvent, articles: dict[int, ArticleInfo]) -> list[ArticleInfo]:
    """The articles of ``event``'s mentions, first mention first, each once."""
    seen: set[int] = set()
    found: list[ArticleInfo] = []
    for mention in event.mentions:
        info = articles.get(mention.article_id)
        if info is not None and info.id not in seen:
            seen.add(info.id)
            found.append(info)
    return found


def first_ingested(event: StoredEvent, articles: dict[int, ArticleInfo]) -> datetime | None:
    """When the first article reporting ``event`` was stored (None without mentions)."""
    times = [info.ingested_at for info in mention_articles(event, articles)]
    return min(times) if times else None


# --- mentions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MentionOffsets:
    """Where a mention's actor, recipient and place words are in its article's text
    (None when the event has no such participant or the mention did not name it)."""

    actor_start: int | None
    recipient_start: int | None
    place_start: int | None


MentionKey = tuple[int, int, int]  # event id, article id, sentence start


def mention_key(event_id: int, mention: Mention) -> MentionKey:
    return (event_id, mention.article_id, mention.start)


_OFFSETS_SQL = (
    "SELECT event_id, article_id, start, actor_start, recipient_start, place_start "
    "FROM mentions WHERE event_id IN (SELECT value FROM json_each(?))"
)


def load_mention_offsets(
    store: Store, events: Iterable[StoredEvent]
) -> dict[MentionKey, MentionOffsets]:
    """The actor, recipient and place offsets of every mention of ``events``.

    ``Mention`` records carry the sentence and trigger offsets only; the others are in
    the ``mentions`` table, read here for the whole batch in one query.
    """
    ids = [event.id for event in events]
    if not ids:
        return {}
    rows = store.rows(_OFFSETS_SQL, (json.dumps(ids),))
    return {
        (int(row["event_id"]), int(row["article_id"]), int(row["start"])): MentionOffsets(
            actor_start=_opt_int(row["actor_start"]),
            recipient_start=_opt_int(row["recipient_start"]),
            place_start=_opt_int(row["place_start"]),
        )
        for row in rows
    }


def trigger_text(mention: Mention) -> str | None:
    """The words that triggered the coding, cut from the mention's sentence (None when
    the trigger offsets are unknown or fall outside the sentence)."""
    start, end = mention.trigger_start, mention.trigger_end
    if start is None or end is None or not mention.start <= start < end <= mention.end:
        return None
    return mention.sentence[start - mention.start : end - mention.start] or None


# Columns whose text comes from the articles (names, sentences, publishers), which
# anyone who writes a page can choose, and the first characters that make a spreadsheet
# run a cell as a formula ("=HYPERLINK(...)", "@SUM(...)"; OWASP's CSV injection list).
ARTICLE_TEXT_COLUMNS = frozenset(
    {"actor", "recipient", "place", "sentence", "actor1", "actor2", "location", "source", "notes"}
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(column: str, value: Any) -> Any:
    """``value`` for a CSV cell of ``column``: article text that a spreadsheet would run
    as a formula gets an apostrophe in front, which spreadsheets show as text; other
    values (codes, numbers, a negative longitude) are left as they are."""
    if (
        column in ARTICLE_TEXT_COLUMNS
        and isinstance(value, str)
        and value.startswith(_FORMULA_STARTS)
    ):
        return "'" + value
    return value


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks, tabs) made one space."""
    return " ".join(text.split())


# --- flat records --------------------------------------------------------------------


def flat_record(event: StoredEvent) -> dict[str, Any]:
    """``output.event_record`` with its lists joined by ``;`` (one value per cell)."""
    return {key: flat_value(value) for key, value in event_record(event).items()}


def flat_value(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return value


@lru_cache(maxsize=1)
def record_columns() -> tuple[str, ...]:
    """The keys of ``output.event_record``, in order (known even with no event to export)."""
    blank = StoredEvent(
        id=0, type="", mode=None, contexts=[], actor=None, recipient=None, date=None,
        date_precision=None, date_from_publication=False, place=None, dead=None,
        injured=None, arrested=None, confidence=0.0, negated=False, hypothetical=False,
        future=False, headline=False, num_mentions=0, num_articles=0, num_sources=0,
    )  # fmt: skip
    return tuple(event_record(blank))


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _opt_date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)
