"""What the exporters share: batching, text streams over the binary output, the article
facts a format cites (url, source, title, when it was ingested), per-mention offsets,
and the flat per-event record every tabular format starts from.

Articles are read per batch of events (``load_articles``), never all at once, so an
export streams in bounded memory whatever the size of the store.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from importlib import metadata
from typing import Any, BinaryIO, TextIO, TypeVar

from eventwire.export.event_records import EVENT_RECORD_FIELDS, event_record
from eventwire.model import Mention
from eventwire.store import ArticleInfo, MentionKey, MentionOffsets, Store, StoredEvent

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


def load_articles(store: Store, events: Iterable[StoredEvent]) -> dict[int, ArticleInfo]:
    """The articles that mention ``events``, by id (one query for the whole batch)."""
    return store.article_infos({m.article_id for event in events for m in event.mentions})


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


def mention_key(event_id: int, mention: Mention) -> MentionKey:
    return (event_id, mention.article_id, mention.start)


def load_mention_offsets(
    store: Store, events: Iterable[StoredEvent]
) -> dict[MentionKey, MentionOffsets]:
    """The actor, recipient and place offsets of every mention of ``events`` (one query
    for the whole batch; ``Mention`` records carry the sentence and trigger offsets only)."""
    return store.mention_offsets([event.id for event in events])


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
    """The event's ``EventRecord`` row with its lists joined by ``;`` (one value per cell)."""
    return {key: flat_value(value) for key, value in event_record(event).to_dict().items()}


def flat_value(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return value


def record_columns() -> tuple[str, ...]:
    """The fields of ``EventRecord``, in order (known even with no event to export)."""
    return EVENT_RECORD_FIELDS


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _opt_date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)
