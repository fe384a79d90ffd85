"""The SQLite store: the only part of eventwire that speaks SQL.

``Store`` opens (and migrates) a database, adds processed documents, and answers the
queries the CLI and the web app need. Everything it returns is a typed record from
``records.py`` built from the data model's own types.
"""

from eventwire.store.db import Store
from eventwire.store.read.query import EventQuery
from eventwire.store.records import (
    ArticleInfo,
    EventFilter,
    EventPosition,
    IngestResult,
    MentionKey,
    MentionOffsets,
    SearchHit,
    StoredArticle,
    StoredEvent,
    StoreStats,
)

__all__ = [
    "ArticleInfo",
    "EventFilter",
    "EventPosition",
    "EventQuery",
    "IngestResult",
    "MentionKey",
    "MentionOffsets",
    "SearchHit",
    "Store",
    "StoreStats",
    "StoredArticle",
    "StoredEvent",
]
