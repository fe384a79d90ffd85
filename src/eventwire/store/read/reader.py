"""The API's queries: ``Reader`` runs the statements of ``query.py``, ``stats_query.py``
and ``paging.py`` on one read-only connection, inside one read transaction (so a page
and its mentions come from the same snapshot; see ``database.py``), and returns the
records of ``records.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.fts import match_expression
from eventwire.store.keyed_rollups import DYADS
from eventwire.store.packed_rollups import PACKED_TABLE
from eventwire.store.read.key_texts import KeyTexts
from eventwire.store.read.keyed_rollups import keyed_family, keyed_stats_source
from eventwire.store.read.packed_rollups import PackedStats, packed_stats
from eventwire.store.read.paging import Cursor, SortOrder, in_order, page_plan
from eventwire.store.read.query import (
    MATCHING_ARTICLES,
    EventQuery,
    QueryError,
    QueryTimeout,
    SqlValue,
    count_statement,
    id_list,
    where_clause,
)
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
    StatsResult,
    StatsRow,
)
from eventwire.store.read.rollups import rollup_count_statement, rollup_plan, rollup_stats_source
from eventwire.store.read.snippets import SnippetTerms, snippet
from eventwire.store.read.stats_query import StatsGroup, StatsSource, stats_source, stats_statement
from eventwire.store.rows import article_from_row, event_from_row, place_from_row, timex_from_row

# Articles are listed newest stored first; their cursor holds the last id shown.
ARTICLE_ORDER = SortOrder("articles", "id", True, False)

# Snippet markers: private-use characters, which news text does not hold.
_MATCH_OPEN, _MATCH_CLOSE = "\ue000", "\ue001"
# bm25 weights of the articles_fts columns (title, captions, body), as the CLI's search.
_RANK_WEIGHTS = (5.0, 2.0, 1.0)
# A text filter matching at least this many articles, and this share of them, is tested
# on a walk of the events (see Reader._common_text).
COMMON_TEXT_ARTICLES = 2000
COMMON_TEXT_SHARE = 25


def fetch_rows(
    conn: sqlite3.Connection,
    sql: str,
    params: list[SqlValue] | tuple[SqlValue, ...],
    path: str,
    time_limit: float | None,
) -> list[sqlite3.Row]:
    """The rows of one statement on a read connection of the store at ``path``:
    ``QueryTimeout`` when the progress handler stopped it (past ``time_limit``),
    ``StoreError`` for any other failure."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            limit = f" of {time_limit:g} s" if time_limit else ""
            raise QueryTimeout(
                f"the query ran past the time limit{limit} and was stopped; narrow it "
                "(fewer or rarer words, a date range, more filters, a smaller limit)"
            ) from exc
        raise StoreError(f"{path}: query failed: {exc}") from exc
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: query failed: {exc}") from exc


class Reader:
    """The API's queries, on one connection (see ``Database.reader``)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: str,
        indexes: frozenset[str] = frozenset(),
        tables: frozenset[str] = frozenset(),
        *,
        use_rollups: bool = True,
        time_limit: float | None = None,
        key_texts: KeyTexts | None = None,
    ) -> None:
        """``indexes`` and ``tables`` are the store's index and table names; counts and
        stats come from its rollup tables where they can (``rollups.py``) unless
        ``use_rollups`` is False. ``time_limit`` is the budget the connection's progress
        handler enforces (named in the message of a query it stops). ``key_texts``
        holds the text of the keyed rollups' keys between readers (``key_texts.py``)."""
        self._conn = conn
        self._key_texts = key_texts if key_texts is not None else KeyTexts()
        self._time_limit = time_limit
        self._path = path
        self._indexes = indexes
        self._tables = tables if use_rollups else frozenset()

    def _rows(
        self, sql: str, params: list[SqlValue] | tuple[SqlValue, ...] = ()
    ) -> list[sqlite3.Row]:
        return fetch_rows(self._conn, sql, params, self._path, self._time_limit)

    # --- store -------------------------------------------------------------------------

    def health(self) -> Health:
        version = int(self._rows("PRAGMA user_version")[0][0])
        counts = self._rows(
            "SELECT (SELECT count(*) FROM articles) AS articles, "
            "(SELECT count(*) FROM events) AS events"
        )[0]
        return Health(version, int(counts["articles"]), int(counts["events"]))

    # --- events ------------------------------------------------------------------------

    def event_page(
        self, query: EventQuery, order: SortOrder, limit: int, cursor: Cursor | None
    ) -> EventPage:
        """One page of events and the cursor of the next (None on the last page)."""
        keyed = self._keyed_page(query, order, limit + 1, cursor)
        next_cursor = None
        if len(keyed) > limit:
            keyed = keyed[:limit]
            last_id, last_key = keyed[-1]
            next_cursor = Cursor(order.name, last_key, last_id).encode()
        return EventPage(self.event_items([event_id for event_id, _ in keyed]), next_cursor)

    def event_ids(self, query: EventQuery, order: SortOrder, batch: int) -> Iterator[list[int]]:
        """Every matching event id, ``batch`` at a time, in ``order`` (for exports)."""
        cursor: Cursor | None = None
        while True:
            page = self._keyed_page(query, order, batch, cursor)
            if page:
                yield [event_id for event_id, _ in page]
            if len(page) < batch:
                return
            last_id, last_key = page[-1]
            cursor = Cursor(order.name, last_key, last_id)

    def _keyed_page(
        self, query: EventQuery, order: SortOrder, wanted: int, cursor: Cursor | None
    ) -> list[tuple[int, str | float | int | None]]:
        """Up to ``wanted`` (id, sort key) pairs after ``cursor``, in order."""
        where = where_clause(query)
        if where.nothing:
            return []
        rare_text = where.text_match is not None and not self._common_text(where.text_match)
        keyed: list[tuple[int, str | float | int | None]] = []
        plans = page_plan(where, order, cursor, rare_text=rare_text, indexes=self._indexes)
        for plan in plans:
            missing = wanted - len(keyed)
            rows: list[sqlite3.Row] = []
            walk = plan.walk(missing) if plan.walk_first and not rare_text else None
            if walk is not None:
                rows = self._rows(walk.sql, walk.params)
                if not in_order([(int(r["id"]), r["sort_key"]) for r in rows], order):
                    rows = []  # never seen; the search below is right whatever the walk
            if len(rows) < missing:
                search = plan.search(missing)
                rows = self._rows(search.sql, search.params)
            keyed += [(int(row["id"]), row["sort_key"]) for row in rows]
            if len(keyed) >= wanted:
                break
        return keyed

    def _common_text(self, expression: str) -> bool:
        """Whether a text filter matches so many articles (a share of at least
        1/``COMMON_TEXT_SHARE``, and ``COMMON_TEXT_ARTICLES``) that walking the events in
        order finds its matches sooner than collecting and sorting them all."""
        last = self._rows("SELECT max(id) AS n FROM articles")[0]["n"]
        enough = max(COMMON_TEXT_ARTICLES, int(last or 0) // COMMON_TEXT_SHARE)
        rows = self._rows(
            f"SELECT count(*) AS n FROM ({MATCHING_ARTICLES} LIMIT {enough:d})", (expression,)
        )
        return int(rows[0]["n"]) >= enough

    def event_items(self, event_ids: list[int]) -> list[EventItem]:
        """The events with these ids, in this order, each with its first mention."""
        if not event_ids:
            return []
        ids = id_list(event_ids)
        event_rows = self._rows(
            "SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?))", (ids,)
        )
        mention_rows = self._rows(
            "SELECT mentions.*, articles.title AS article_title FROM mentions "
            "JOIN articles ON articles.id = mentions.article_id "
            "WHERE mentions.id IN (SELECT min(id) FROM mentions "
            "WHERE event_id IN (SELECT value FROM json_each(?)) GROUP BY event_id)",
            (ids,),
        )
        first = {int(row["event_id"]): row for row in mention_rows}
        by_id = {int(row["id"]): row for row in event_rows}
        items: list[EventItem] = []
        for event_id in event_ids:
            row = by_id.get(event_id)
            if row is None:
                continue
            mention = first.get(event_id)
            event = event_from_row(row, [mention] if mention is not None else [])
            title = mention["article_title"] if mention is not None else None
            items.append(EventItem(event, None if title is None else str(title)))
        return items

    def count(self, query: EventQuery) -> int:
        where = where_clause(query)
        if where.nothing:
            return 0
        plan = rollup_plan(query, None, self._tables)
        if plan is not None:
            statement = rollup_count_statement(query, plan, self._indexes)
        else:
            statement = count_statement(where, self._indexes)
        return int(self._rows(statement.sql, statement.params)[0]["n"])

    def event_detail(self, event_id: int) -> EventDetail | None:
        """The event with every mention, or None."""
        rows = self._rows("SELECT * FROM events WHERE id = ?", (event_id,))
        if not rows:
            return None
        mention_rows = self._rows(
            "SELECT mentions.*, articles.title AS article_title, articles.url AS article_url, "
            "articles.source AS article_source, articles.published AS article_published "
            "FROM mentions JOIN articles ON articles.id = mentions.article_id "
            "WHERE mentions.event_id = ? ORDER BY mentions.id",
            (event_id,),
        )
        event = event_from_row(rows[0], mention_rows)
        title = mention_rows[0]["article_title"] if mention_rows else None
        mentions = [
            MentionDetail(
                article_id=int(m["article_id"]),
                article_title=_opt_str(m["article_title"]),
                article_url=_opt_str(m["article_url"]),
                source=_opt_str(m["article_source"]),
                published=_opt_str(m["article_published"]),
                sentence=str(m["sentence"]),
                start=int(m["start"]),
                end=int(m["end"]),
                **_highlight_offsets(m),
                confidence=float(m["confidence"]),
            )
            for m in mention_rows
        ]
        return EventDetail(EventItem(event, _opt_str(title)), mentions)

    def _stats_source(self, query: EventQuery, group: StatsGroup) -> StatsSource | None:
        """What the stats of ``query`` count (the rollups when they can answer it), or
        None when no event can match."""
        where = where_clause(query)
        if where.nothing:
            return None
        plan = rollup_plan(query, group, self._tables)
        keyed = keyed_stats_source(query, plan, group, self._tables)
        if keyed is not None:
            return keyed
        if plan is not None:
            return rollup_stats_source(query, plan, group, self._indexes)
        return stats_source(where, group, self._indexes)

    def _packed_stats(
        self, query: EventQuery, group: StatsGroup, limit: int | None
    ) -> PackedStats | None:
        """The groups of ``query`` added up from the packed rollups (schema version 12,
        ``packed_rollups.py``), or None when they cannot answer it."""
        if PACKED_TABLE not in self._tables or where_clause(query).nothing:
            return None
        plan = rollup_plan(query, group, self._tables)
        family = keyed_family(query, plan, group.keys, self._tables, one_period=True)
        if family is not DYADS:
            return None
        return packed_stats(self._rows, DYADS, query, group.keys, self._key_texts, limit)

    def stats(self, query: EventQuery, group: StatsGroup, limit: int | None) -> StatsResult:
        """Event counts per group, in the API's order (``stats_query.stats_statement``)."""
        packed = self._packed_stats(query, group, limit)
        if packed is not None:
            return StatsResult(group.keys, packed.rows())
        source = self._stats_source(query, group)
        if source is None:
            return StatsResult(group.keys, [])
        statement = stats_statement(source, limit)
        rows = self._rows(statement.sql, statement.params)
        width = len(group.keys)
        return StatsResult(
            group.keys,
            [
                StatsRow(tuple(_opt_str(row[i]) for i in range(width)), int(row["n"]))
                for row in rows
            ],
        )

    def stats_json(self, query: EventQuery, group: StatsGroup, limit: int | None) -> StatsJson:
        """The rows of ``stats`` as JSON objects, encoded by SQLite (for the API)."""
        packed = self._packed_stats(query, group, limit)
        if packed is not None:
            encoded = packed.json()
            return StatsJson(group.keys, [encoded] if encoded else [])
        source = self._stats_source(query, group)
        if source is None:
            return StatsJson(group.keys, [])
        statement = stats_statement(source, limit, as_json=True)
        rows = self._rows(statement.sql, statement.params)
        joined = rows[0][0] if rows else None
        return StatsJson(group.keys, [] if joined is None else [str(joined)])

    # --- articles ----------------------------------------------------------------------

    def article_page(self, text: str | None, limit: int, cursor: Cursor | None) -> ArticlePage:
        """Articles newest stored first, those matching ``text`` (FTS5) when given."""
        conditions: list[str] = []
        params: list[SqlValue] = []
        if text is not None:
            expression = match_expression(text)
            if expression is None:
                return ArticlePage([], None)
            conditions.append(
                "articles.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            params.append(expression)
        if cursor is not None:
            conditions.append("articles.id < ?")
            params.append(cursor.id)
        where = " AND ".join(conditions) if conditions else "1"
        rows = self._rows(
            "SELECT articles.id, articles.title, articles.source, articles.url, "
            "articles.published, articles.origin, "
            "(SELECT count(DISTINCT event_id) FROM mentions "
            "WHERE mentions.article_id = articles.id) AS n_events "
            f"FROM articles WHERE {where} ORDER BY articles.id DESC LIMIT ?",
            [*params, limit + 1],
        )
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = int(rows[-1]["id"])
            next_cursor = Cursor(ARTICLE_ORDER.name, last, last).encode()
        return ArticlePage(
            [
                ArticleSummary(
                    id=int(row["id"]),
                    title=_opt_str(row["title"]),
                    source=_opt_str(row["source"]),
                    url=_opt_str(row["url"]),
                    published=_opt_str(row["published"]),
                    origin=str(row["origin"]),
                    n_events=int(row["n_events"]),
                )
                for row in rows
            ],
            next_cursor,
        )

    def article_detail(self, article_id: int) -> ArticleDetail | None:
        rows = self._rows("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        places = self._rows(
            "SELECT * FROM places WHERE article_id = ? ORDER BY start, id", (article_id,)
        )
        timexes = self._rows(
            "SELECT * FROM timexes WHERE article_id = ? ORDER BY start, id", (article_id,)
        )
        mentions = self._rows(
            "SELECT mentions.*, events.type AS event_type, events.mode AS event_mode "
            "FROM mentions JOIN events ON events.id = mentions.event_id "
            "WHERE mentions.article_id = ? ORDER BY mentions.start, mentions.id",
            (article_id,),
        )
        row = rows[0]
        article = article_from_row(
            row, [place_from_row(p) for p in places], [timex_from_row(t) for t in timexes]
        )
        author = _opt_str(row["author"]) if "author" in row.keys() else None  # noqa: SIM118
        return ArticleDetail(
            article,
            author,
            [
                ArticleMention(
                    event_id=int(m["event_id"]),
                    type=str(m["event_type"]),
                    mode=_opt_str(m["event_mode"]),
                    start=int(m["start"]),
                    end=int(m["end"]),
                    **_highlight_offsets(m),
                )
                for m in mentions
            ],
        )

    def search(self, text: str, limit: int) -> list[SearchResult]:
        """Articles matching every word of ``text``, best (bm25) first, with snippets."""
        expression = match_expression(text)
        if expression is None:
            return []
        rows = self._rows(
            "SELECT articles.id AS id, articles.title AS title, "
            "bm25(articles_fts, ?, ?, ?) AS rank "
            "FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank, articles.id LIMIT ?",
            (*_RANK_WEIGHTS, expression, limit),
        )
        # The snippets are built here, in linear time (see snippets.py), not by FTS5.
        columns = {
            int(row["id"]): (row["title"], row["captions"], row["body"])
            for row in self._rows(
                "SELECT id, title, captions, body FROM articles_fts_source "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (id_list([int(row["id"]) for row in rows]),),
            )
        }
        terms = SnippetTerms.of(text)
        return [
            SearchResult(
                article_id=int(row["id"]),
                title=_opt_str(row["title"]),
                snippet=snippet_parts(
                    snippet(columns.get(int(row["id"]), ()), terms, _MATCH_OPEN, _MATCH_CLOSE)
                ),
                rank=float(row["rank"]),
            )
            for row in rows
        ]


def snippet_parts(snippet: str) -> list[SnippetPart]:
    """Split a snippet marked with the private-use markers into plain and matched parts
    (adjacent parts of the same kind are joined; empty parts are dropped)."""
    parts: list[SnippetPart] = []
    match = False
    buffer: list[str] = []

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        if not text:
            return
        if parts and parts[-1].match == match:
            parts[-1] = SnippetPart(parts[-1].text + text, match)
        else:
            parts.append(SnippetPart(text, match))

    for char in snippet:
        if char in (_MATCH_OPEN, _MATCH_CLOSE):
            flush()
            match = char == _MATCH_OPEN
        else:
            buffer.append(char)
    flush()
    return parts


def decode_article_cursor(text: str) -> Cursor:
    cursor = Cursor.decode(text, ARTICLE_ORDER)
    if cursor.id < 1:
        raise QueryError(f"cursor {text[:40]!r} is malformed (bad article id)")
    return cursor


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


_HIGHLIGHTS = ("trigger", "actor", "recipient", "place")


def _highlight_offsets(row: Any) -> dict[str, int | None]:
    """The ``{trigger,actor,recipient,place}_{start,end}`` fields of a mention row, as
    keyword arguments of the mention records (the same in events and articles)."""
    return {
        f"{part}_{edge}": _opt_int(row[f"{part}_{edge}"])
        for part in _HIGHLIGHTS
        for edge in ("start", "end")
    }
