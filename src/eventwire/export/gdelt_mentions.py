"""A GDELT 2.0-style mentions table: the 16 columns of GDELT 2.0's mentions file, in
GDELT's order, one row per report of an event (row format: ``gdelt_common``). Join it
to the events table on ``GlobalEventID``.

Filled
------
``GlobalEventID``      eventwire event id
``EventTimeDate``      the event's ``DATEADDED``: when its first reporting article was
                       stored (UTC, ``YYYYMMDDHHMMSS``)
``MentionTimeDate``    when this mention's article was stored (same format)
``MentionType``        1 (web) when the article has a URL, else 2 (citation only: a
                       file or stream eventwire read, named in ``MentionIdentifier``)
``MentionSourceName``  the publisher, else the URL's host name
``MentionIdentifier``  the article URL, else where its text was read from
``Actor1CharOffset`` / ``Actor2CharOffset`` / ``ActionCharOffset``  where the actor,
                       the recipient and the trigger words start in the article's full
                       text (title and captions included, as eventwire stores it);
                       -1 when not found, as GDELT
``InRawText``          1 when the actor and recipient words are in the mention's own
                       sentence, 0 when one was followed back to another sentence
``Confidence``         the mention's coding confidence as a percentage (0..100)
``MentionDocLen``      the article's length in characters

Empty, because eventwire has no such data
-----------------------------------------
``SentenceID`` (eventwire stores sentence offsets, not numbers), ``MentionDocTone``
(no tone analysis), ``MentionDocTranslationInfo`` (no translation), ``Extras``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from eventwire.export.common import (
    first_ingested,
    in_batches,
    load_articles,
    load_mention_offsets,
    mention_key,
    text_stream,
)
from eventwire.export.gdelt_common import Cell, timestamp, write_row
from eventwire.model import Mention
from eventwire.store import ArticleInfo, MentionOffsets, Store, StoredEvent

MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

MENTION_WEB, MENTION_CITATION_ONLY = 1, 2
NOT_FOUND = -1

_NO_OFFSETS = MentionOffsets(actor_start=None, recipient_start=None, place_start=None)


def write_gdelt_mentions(
    events: Iterable[StoredEvent], store: Store, out: BinaryIO, header: bool
) -> int:
    """Write every mention of ``events`` as a GDELT 2.0-style mentions table; return
    the number of mention rows."""
    count = 0
    with text_stream(out) as text:
        if header:
            write_row(text, MENTION_COLUMNS)
        for batch in in_batches(events):
            articles = load_articles(store, batch)
            offsets = load_mention_offsets(store, batch)
            for event in batch:
                added = timestamp(first_ingested(event, articles))
                for mention in event.mentions:
                    article = articles.get(mention.article_id)
                    where = offsets.get(mention_key(event.id, mention), _NO_OFFSETS)
                    write_row(text, mention_row(event.id, added, mention, article, where))
                    count += 1
    return count


def mention_row(
    event_id: int,
    event_added: str | None,
    mention: Mention,
    article: ArticleInfo | None,
    where: MentionOffsets,
) -> list[Cell]:
    """The 16 cells of one mention."""
    in_sentence = all(
        offset is None or mention.start <= offset < mention.end
        for offset in (where.actor_start, where.recipient_start)
    )
    return [
        event_id,
        event_added,
        timestamp(article.ingested_at) if article else None,
        _mention_type(article),
        article.source_name if article else None,
        article.identifier if article else None,
        None,  # SentenceID
        _offset(where.actor_start),
        _offset(where.recipient_start),
        _offset(mention.trigger_start),
        int(in_sentence),
        max(0, min(100, round(mention.confidence * 100))),
        article.length if article else None,
        None,  # MentionDocTone
        None,  # MentionDocTranslationInfo
        None,  # Extras
    ]


def _mention_type(article: ArticleInfo | None) -> int | None:
    if article is None:
        return None
    return MENTION_WEB if article.url is not None else MENTION_CITATION_ONLY


def _offset(value: int | None) -> int:
    return NOT_FOUND if value is None else value
