"""The migration scripts of the database schema, in order (``schema.py`` applies them).

Script *n* (counting from 1) takes a database from ``PRAGMA user_version`` *n - 1* to
*n*. To change the schema, append a script to ``MIGRATIONS``; never edit one that has
shipped (a database migrated by it would differ from one created afresh).

1. the initial tables: articles, events, mentions, places, time expressions, full-text
   indexes;
2. near-duplicate articles and cross-article merging (fingerprints, LSH bands, article
   authors), the API's indexes, and the rollup tables of event counts;
3. ``events.headline``: the article's title reports the event (GDELT's
   ``IsRootEvent``); events stored before it read back as not headline events. A
   partial index of the headline events serves the API's counts and stats of them.
4. the dashboard's rollups: events and fatalities per period and type, per place
   country, and per grid cell at three sizes (``map_rollups.py``), kept exact by
   triggers; rollups of event counts by mode and sectors (``event_counts_sector_*``); an
   index of articles by source.
5. ``events.actor_inferred``, ``events.recipient_inferred``: the text does not name
   that actor and a rule supplied it (an arrest with no stated agent is made by the
   state's police); events stored before read back as not inferred.
6. indexes of the yearly and all-time rollups of pairs and dyads, and of the pairs of
   countries and sectors, in the order of their counts (``*_top``): the largest groups
   of a year or of all time are read in the order the API answers them, unsorted.
7. ``events.historical``: the event is told as a summary of the past (PLOVER's
   "historical" context), filled from ``contexts``; the default listing leaves such
   events out, so the rollups and the partial indexes of factual events hold only the
   others.
"""

from __future__ import annotations

from eventwire.store.map_rollups import MAP_ROLLUP_SQL, map_rollup_triggers
from eventwire.store.map_rollups import SOURCE_COLUMNS as MAP_SOURCE_COLUMNS
from eventwire.store.rows import HISTORICAL

_V1_INITIAL = """
CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    content_hash     TEXT NOT NULL UNIQUE,
    origin           TEXT NOT NULL,
    title            TEXT,
    body             TEXT,            -- NULL when the document was never cleaned
    text             TEXT NOT NULL,   -- Document.text: every offset indexes into it
    captions         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(captions)),
    credits          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(credits)),
    source           TEXT,
    url              TEXT,
    published        TEXT,            -- ISO date
    published_origin TEXT,            -- model.DateOrigin value
    ingested_at      TEXT NOT NULL    -- ISO 8601 timestamp, UTC
);

CREATE TABLE events (
    id                    INTEGER PRIMARY KEY,
    type                  TEXT NOT NULL,
    mode                  TEXT,
    contexts              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contexts)),
    actor_text            TEXT,       -- NULL when the event has no actor
    actor_name            TEXT,
    actor_country         TEXT,
    actor_sector          TEXT,
    recipient_text        TEXT,       -- NULL when the event has no recipient
    recipient_name        TEXT,
    recipient_country     TEXT,
    recipient_sector      TEXT,
    date                  TEXT,       -- ISO date
    date_precision        TEXT,       -- model.DatePrecision value
    date_from_publication INTEGER NOT NULL DEFAULT 0 CHECK (date_from_publication IN (0, 1)),
    place_text            TEXT,       -- NULL when the event has no place
    place_name            TEXT,
    place_lat             REAL,
    place_lon             REAL,
    place_geonameid       INTEGER,
    place_country_code    TEXT,
    place_feature_code    TEXT,
    place_precision       TEXT,       -- model.Precision value
    place_confidence      REAL,
    dead                  INTEGER,
    injured               INTEGER,
    arrested              INTEGER,
    confidence            REAL NOT NULL,
    negated               INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    hypothetical          INTEGER NOT NULL DEFAULT 0 CHECK (hypothetical IN (0, 1)),
    future                INTEGER NOT NULL DEFAULT 0 CHECK (future IN (0, 1)),
    num_mentions          INTEGER NOT NULL DEFAULT 1,
    num_articles          INTEGER NOT NULL DEFAULT 1,
    num_sources           INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE mentions (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence        TEXT NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    actor_start     INTEGER,
    actor_end       INTEGER,
    recipient_start INTEGER,
    recipient_end   INTEGER,
    place_start     INTEGER,
    place_end       INTEGER,
    confidence      REAL NOT NULL
);

CREATE TABLE places (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    name         TEXT,
    lat          REAL,
    lon          REAL,
    geonameid    INTEGER,
    country_code TEXT,
    feature_code TEXT,
    precision    TEXT,
    confidence   REAL NOT NULL
);

CREATE TABLE timexes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT,
    mod        TEXT
);

CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_type_date ON events (type, date);
CREATE INDEX events_actor_country ON events (actor_country, date);
CREATE INDEX events_recipient_country ON events (recipient_country, date);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX timexes_article ON timexes (article_id);

CREATE VIEW articles_fts_source AS
SELECT
    articles.id AS id,
    articles.title AS title,
    (SELECT group_concat(value, char(10)) FROM json_each(articles.captions)) AS captions,
    coalesce(articles.body, articles.text) AS body
FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, captions, body,
    content = 'articles_fts_source', content_rowid = 'id'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, captions, body)
    SELECT id, title, captions, body FROM articles_fts_source WHERE id = new.id;
END;

CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, captions, body)
    SELECT 'delete', id, title, captions, body FROM articles_fts_source WHERE id = old.id;
END;

CREATE TRIGGER articles_fts_update_old BEFORE UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, captions, body)
    SELECT 'delete', id, title, captions, body FROM articles_fts_source WHERE id = old.id;
END;

CREATE TRIGGER articles_fts_update_new AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, captions, body)
    SELECT id, title, captions, body FROM articles_fts_source WHERE id = new.id;
END;

CREATE VIRTUAL TABLE mentions_fts USING fts5 (
    sentence,
    content = 'mentions', content_rowid = 'id'
);

CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_fts (rowid, sentence) VALUES (new.id, new.sentence);
END;

CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts (mentions_fts, rowid, sentence)
    VALUES ('delete', old.id, old.sentence);
END;

CREATE TRIGGER mentions_fts_update AFTER UPDATE OF sentence ON mentions BEGIN
    INSERT INTO mentions_fts (mentions_fts, rowid, sentence)
    VALUES ('delete', old.id, old.sentence);
    INSERT INTO mentions_fts (rowid, sentence) VALUES (new.id, new.sentence);
END;
"""

# --- rollups (part of schema version 2) ---------------------------------------------
#
# Counts of events per period and key, for the API's /stats and /events/count: each
# ``event_counts_*`` table holds one row per key with ``n`` (> 0) events, and triggers on
# ``events`` keep every row exact in the same transaction (an insert adds 1 to the new
# event's keys, a delete takes 1 off the old ones, an update of a key column -- as
# cross-article merging does to date, countries, ... -- does both). ``factual`` is 1 for
# events that are neither negated, hypothetical nor future. Periods are prefixes of the
# ISO date (``day`` 2024-06-29, ``month`` 2024-06, ``year`` 2024; NULL when undated).
#
# ``*_type_*``    period, type                         (day, month)
# ``*_country_*`` period, country, type: each event counts once under each distinct
#                 country of its actor and recipient  (day, month)
# ``*_pair_*``    period, actor and recipient country  (month, year)
# ``*_dyad_*``    period, actor and recipient country, type (month, year)
#
# The SQL below is generated from this table once, at import; it is part of migration
# script 2 and must not change once that has shipped.

_PERIODS = {"day": "{r}.date", "month": "substr({r}.date, 1, 7)", "year": "substr({r}.date, 1, 4)"}
_ROLLUP_COLUMN_TYPES = {
    "day": "TEXT",
    "month": "TEXT",
    "year": "TEXT",
    "type": "TEXT NOT NULL",
    "country": "TEXT NOT NULL",
    "actor_country": "TEXT",
    "recipient_country": "TEXT",
    "factual": "INTEGER NOT NULL CHECK (factual IN (0, 1))",
    "mode": "TEXT",
    "actor_sector": "TEXT",
    "recipient_sector": "TEXT",
}
_ROLLUP_VALUES = {
    "type": "{r}.type",
    "actor_country": "{r}.actor_country",
    "recipient_country": "{r}.recipient_country",
    "mode": "{r}.mode",
    "actor_sector": "{r}.actor_sector",
    "recipient_sector": "{r}.recipient_sector",
    "factual": "({r}.negated = 0 AND {r}.hypothetical = 0 AND {r}.future = 0)",
}
# The columns a change of which moves an event to other rollup rows.
_ROLLUP_SOURCE_COLUMNS = (
    "date", "type", "actor_country", "recipient_country", "negated", "hypothetical", "future",
)  # fmt: skip
# An event counts under its actor's country, and under its recipient's when that differs.
_COUNTRY_SHARES = (
    ("{r}.actor_country", "{r}.actor_country IS NOT NULL"),
    (
        "{r}.recipient_country",
        "{r}.recipient_country IS NOT NULL AND {r}.recipient_country IS NOT {r}.actor_country",
    ),
)


def _rollup_shapes() -> list[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]]:
    """(table, key columns in index order, extra indexes) of every rollup table."""
    shapes: list[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]] = []
    for period in ("day", "month"):
        shapes.append((f"event_counts_type_{period}", (period, "type", "factual"), ()))
        shapes.append(
            (f"event_counts_country_{period}", ("country", period, "type", "factual"), ())
        )
    for period in ("month", "year"):
        pair = (period, "actor_country", "recipient_country")
        for family, rest in (("pair", ("factual",)), ("dyad", ("type", "factual"))):
            # One country's rows (as actor, as recipient), each index holding all a
            # stats request reads.
            roles = (
                ("actor_country", period, "recipient_country", *rest, "n"),
                ("recipient_country", period, "actor_country", *rest, "n"),
            )
            shapes.append((f"event_counts_{family}_{period}", (*pair, *rest), roles))
    return shapes


def _rollup_shares(columns: tuple[str, ...]) -> list[tuple[list[str], str]]:
    """What one event ``{r}`` adds 1 to: the values of ``columns`` and when it applies."""
    values = [_PERIODS.get(c) or _ROLLUP_VALUES.get(c, "") for c in columns]
    if "country" not in columns:
        return [(values, "")]
    at = columns.index("country")
    return [([*values[:at], value, *values[at + 1 :]], when) for value, when in _COUNTRY_SHARES]


Shape = tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]


def _rollup_sql(shapes: list[Shape], listed: str = "") -> tuple[list[str], list[str], list[str]]:
    """The statements creating and filling the rollup tables, and the bodies of the
    triggers that add an event (``{r}`` = new) and take one off (``{r}`` = old); only
    the events meeting ``listed`` count in the triggers (schema version 7)."""
    create: list[str] = []
    add: list[str] = []
    remove: list[str] = []
    for table, columns, indexes in shapes:
        defs = ", ".join(f"{c} {_ROLLUP_COLUMN_TYPES[c]}" for c in columns)
        names = ", ".join(columns)
        create.append(f"CREATE TABLE {table} ({defs}, n INTEGER NOT NULL CHECK (n > 0));\n")
        create.append(f"CREATE INDEX {table}_key ON {table} ({names}, n);\n")
        for index in indexes:
            create.append(f"CREATE INDEX {table}_{index[0]} ON {table} ({', '.join(index)});\n")
        shares = _rollup_shares(columns)
        sources = " UNION ALL ".join(
            "SELECT "
            + ", ".join(f"{v.format(r='e')} AS {c}" for c, v in zip(columns, values, strict=True))
            + " FROM events AS e"
            + (f" WHERE {when.format(r='e')}" if when else "")
            for values, when in shares
        )
        create.append(
            f"INSERT INTO {table} ({names}, n) SELECT {names}, count(*) FROM "
            f"({sources}) GROUP BY {names};\n"
        )
        for values, when in shares:
            key = " AND ".join(f"{c} IS {v}" for c, v in zip(columns, values, strict=True))
            guard = "".join(f"{c} AND " for c in (listed, when) if c)
            # Rows never hold n = 0: a missing row is inserted with 1, a row at 1 deleted.
            add.append(f"    UPDATE {table} SET n = n + 1 WHERE {guard}{key};\n")
            add.append(
                f"    INSERT INTO {table} ({names}, n) SELECT {', '.join(values)}, 1 "
                f"WHERE {guard}NOT EXISTS (SELECT 1 FROM {table} WHERE {key});\n"
            )
            remove.append(f"    DELETE FROM {table} WHERE {guard}n = 1 AND {key};\n")
            remove.append(f"    UPDATE {table} SET n = n - 1 WHERE {guard}{key};\n")
    return create, add, remove


def _rollup_script(
    shapes: list[Shape],
    name: str = "events_rollups",
    columns: tuple[str, ...] = (),
    listed: str = "",
) -> list[str]:
    """The tables, backfill and triggers of ``shapes``; with ``listed`` (schema version
    7), only the triggers, counting only the events meeting it."""
    create, add, remove = _rollup_sql(shapes, listed)
    columns = columns or _ROLLUP_SOURCE_COLUMNS
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    return [
        *([] if listed else create),
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON events BEGIN\n",
        *(s.format(r="new") for s in add),
        "END;\n",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON events BEGIN\n",
        *(s.format(r="old") for s in remove),
        "END;\n",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {', '.join(columns)} ON events\n",
        f"WHEN {changed} BEGIN\n",
        *(s.format(r="old") for s in remove),
        *(s.format(r="new") for s in add),
        "END;\n",
    ]


ROLLUP_SQL: tuple[str, ...] = tuple(_rollup_script(_rollup_shapes()))

# Schema version 4 adds ``*_sector_*`` (month, year): period, type, mode, the actor's
# and the recipient's sector, factual -- the /stats groups and filters of modes and
# sectors, kept exact by triggers of the same kind.
_SECTOR_COLUMNS = ("type", "mode", "actor_sector", "recipient_sector", "factual")
_SECTOR_SHAPES: list[Shape] = [
    (f"event_counts_sector_{period}", (period, *_SECTOR_COLUMNS), ())
    for period in ("month", "year")
]
# ... and ``*_pair_all``, ``*_dyad_all``: the pairs and dyads of all time (no period),
# which a network of all time reads without adding up years.
_WHOLE_SHAPES: list[Shape] = [
    (
        f"event_counts_{family}_all",
        ("actor_country", "recipient_country", *rest),
        (("recipient_country", "actor_country", *rest, "n"),),
    )
    for family, rest in (("pair", ("factual",)), ("dyad", ("type", "factual")))
]
_SECTOR_SOURCE_COLUMNS = (
    "date", "type", "mode", "actor_sector", "recipient_sector", "negated", "hypothetical",
    "future",
)  # fmt: skip
# ... and ``*_psector_all``: pairs of country and sector of all time (the network of
# countries and sectors).
_PARTY_SECTOR_COLUMNS = ("actor_country", "actor_sector", "recipient_country", "recipient_sector")
_PARTY_SECTOR_SHAPES: list[Shape] = [
    ("event_counts_psector_all", (*_PARTY_SECTOR_COLUMNS, "factual"), ()),
]
SECTOR_ROLLUP_SQL: tuple[str, ...] = (
    *_rollup_script(_SECTOR_SHAPES, "events_sector_rollups", _SECTOR_SOURCE_COLUMNS),
    *_rollup_script(_WHOLE_SHAPES, "events_whole_rollups", _ROLLUP_SOURCE_COLUMNS),
    *_rollup_script(
        _PARTY_SECTOR_SHAPES,
        "events_psector_rollups",
        (*_PARTY_SECTOR_COLUMNS, "negated", "hypothetical", "future"),
    ),
)
ROLLUP_TABLES: tuple[str, ...] = tuple(
    table
    for table, _, _ in (*_rollup_shapes(), *_SECTOR_SHAPES, *_WHOLE_SHAPES, *_PARTY_SECTOR_SHAPES)
)
# The statements that fill the (empty) rollup tables from ``events``.
ROLLUP_BACKFILL: tuple[str, ...] = tuple(
    s for s in (*ROLLUP_SQL, *SECTOR_ROLLUP_SQL) if s.startswith("INSERT INTO")
)


_V2_DUPLICATES_AND_MERGING = """
ALTER TABLE articles ADD COLUMN author TEXT;
-- A near-duplicate (wire copy) points at the first stored copy; NULL for originals.
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN duplicate_similarity REAL;
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);

-- MinHash signature of each article body (eventwire.store.minhash), and its LSH band keys.
CREATE TABLE article_fingerprints (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    scheme     TEXT NOT NULL,
    signature  BLOB NOT NULL
);
CREATE TABLE article_bands (
    band_key   INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands (article_id);

-- For the web API: pages of factual events by date read from a covering index (the API
-- names it in an INDEXED BY hint), filters by actor/recipient and type, points in a box
-- or near a place (the index also holds what a date-sorted page of them reads), and the
-- other sort orders.
CREATE INDEX events_factual_date
    ON events (date, id, type, actor_country, recipient_country, place_lat, place_lon)
    WHERE negated = 0 AND hypothetical = 0 AND future = 0;
CREATE INDEX events_actor_type ON events (actor_country, type, date);
CREATE INDEX events_recipient_type ON events (recipient_country, type, date);
CREATE INDEX events_place
    ON events (place_lat, place_lon, date, negated, hypothetical, future);
CREATE INDEX events_confidence ON events (confidence, id);
CREATE INDEX events_mentions ON events (num_mentions, id);
-- The events that the articles matching a text query report, without reading mentions.
DROP INDEX mentions_article;
CREATE INDEX mentions_article_event ON mentions (article_id, event_id);
""" + "".join(ROLLUP_SQL)

# Script n (1-based) migrates user_version n-1 -> n. Append only.
_V3_HEADLINE = """
-- 1 when the article's title reports the event (GDELT's IsRootEvent); 0 for the
-- events stored before titles were coded.
ALTER TABLE events ADD COLUMN headline INTEGER NOT NULL DEFAULT 0 CHECK (headline IN (0, 1));
-- The API's counts and stats of headline events (the rollups hold no headline column):
-- the headline events alone, with what those requests read. The API writes the
-- condition as the literal "headline = 1", which SQLite needs to use a partial index.
CREATE INDEX events_headline
    ON events (date, type, actor_country, recipient_country, negated, hypothetical, future)
    WHERE headline = 1;
"""

_V4_MAP_ROLLUPS = "".join(MAP_ROLLUP_SQL) + "".join(SECTOR_ROLLUP_SQL)

_V5_INFERRED_ACTORS = """
-- 1 when the text does not name the actor (recipient) and a rule supplied it, such as
-- the police of the country for an arrest with no stated agent.
ALTER TABLE events ADD COLUMN actor_inferred INTEGER NOT NULL DEFAULT 0
    CHECK (actor_inferred IN (0, 1));
ALTER TABLE events ADD COLUMN recipient_inferred INTEGER NOT NULL DEFAULT 0
    CHECK (recipient_inferred IN (0, 1));
"""


def _top_index(table: str, keys: tuple[str, ...]) -> str:
    """An index of ``table`` (rollup keys ``keys``) by period, factuality, then count,
    largest first, then the other keys in key order: the order of ``/stats`` groups
    that are not over time, for one period (or all time) of factual events."""
    periods = [k for k in keys if k in ("day", "month", "year")]
    rest = [k for k in keys if k not in periods and k != "factual"]
    columns = ", ".join([*periods, "factual", "n DESC", *rest])
    return f"CREATE INDEX {table}_top ON {table} ({columns});\n"


# The rollups whose groups are many (a year's or all time's pairs, dyads and pairs of
# countries and sectors): their largest groups are what the API and the network ask.
TOP_INDEXED = (
    "event_counts_pair_year", "event_counts_dyad_year", "event_counts_pair_all",
    "event_counts_dyad_all", "event_counts_psector_all",
)  # fmt: skip
_V6_TOP_INDEXES = "".join(
    _top_index(table, keys)
    for table, keys, _ in (*_rollup_shapes(), *_WHOLE_SHAPES, *_PARTY_SECTOR_SHAPES)
    if table in TOP_INDEXED
)

# Schema version 7: ``events.historical`` is 1 for an event told as a summary of the
# past (PLOVER's "historical" context; ``HISTORICAL``), which the default listing leaves
# out. The rollups count only the others: every rollup trigger is made again with that
# condition (and fires on a change of the column), the partial indexes of factual
# events are made again for the factual events that are not historical, and the
# column is filled from ``contexts`` last -- through the new triggers, which take those
# events off the rollups.
_LISTED = "{r}.historical = 0"
_ROLLUP_TRIGGERS = (
    "events_rollups", "events_sector_rollups", "events_whole_rollups",
    "events_psector_rollups", "events_map_rollups",
)  # fmt: skip
_LISTED_FACTUAL = "negated = 0 AND hypothetical = 0 AND future = 0 AND historical = 0"
_V7_TRIGGERS = [
    *_rollup_script(
        _rollup_shapes(), columns=(*_ROLLUP_SOURCE_COLUMNS, "historical"), listed=_LISTED
    ),
    *_rollup_script(
        _SECTOR_SHAPES,
        "events_sector_rollups",
        (*_SECTOR_SOURCE_COLUMNS, "historical"),
        _LISTED,
    ),
    *_rollup_script(
        _WHOLE_SHAPES, "events_whole_rollups", (*_ROLLUP_SOURCE_COLUMNS, "historical"), _LISTED
    ),
    *_rollup_script(
        _PARTY_SECTOR_SHAPES,
        "events_psector_rollups",
        (*_PARTY_SECTOR_COLUMNS, "negated", "hypothetical", "future", "historical"),
        _LISTED,
    ),
    *map_rollup_triggers(_LISTED, (*MAP_SOURCE_COLUMNS, "historical")),
]
_V7_HISTORICAL = (
    """
-- 1 for an event told as a summary of the past (PLOVER's "historical" context).
ALTER TABLE events ADD COLUMN historical INTEGER NOT NULL DEFAULT 0
    CHECK (historical IN (0, 1));
"""
    + "".join(
        f"DROP TRIGGER {name}_{kind};\n"
        for name in _ROLLUP_TRIGGERS
        for kind in ("insert", "delete", "update")
    )
    + "".join(_V7_TRIGGERS)
    + f"""
DROP INDEX events_factual_date;
CREATE INDEX events_factual_date
    ON events (date, id, type, actor_country, recipient_country, place_lat, place_lon)
    WHERE {_LISTED_FACTUAL};
DROP INDEX events_map_days;
CREATE INDEX events_map_days
    ON events (date, type, place_lat, place_lon, place_country_code, dead)
    WHERE {_LISTED_FACTUAL};
DROP INDEX events_actor_sector_map;
CREATE INDEX events_actor_sector_map ON events (actor_sector, date, type,
    place_country_code, place_lat, place_lon, dead, actor_country, recipient_country)
    WHERE {_LISTED_FACTUAL};
DROP INDEX events_recipient_sector_map;
CREATE INDEX events_recipient_sector_map ON events (recipient_sector, date, type,
    place_country_code, place_lat, place_lon, dead, actor_country, recipient_country)
    WHERE {_LISTED_FACTUAL};
DROP INDEX events_headline;
CREATE INDEX events_headline ON events (date, type, actor_country, recipient_country,
    negated, hypothetical, future, historical) WHERE headline = 1;
UPDATE events SET historical = 1
    WHERE EXISTS (SELECT 1 FROM json_each(events.contexts) WHERE value = '{HISTORICAL}');
"""
)

# Script n (1-based) migrates user_version n-1 -> n. Append only.
MIGRATIONS: tuple[str, ...] = (
    _V1_INITIAL,
    _V2_DUPLICATES_AND_MERGING,
    _V3_HEADLINE,
    _V4_MAP_ROLLUPS,
    _V5_INFERRED_ACTORS,
    _V6_TOP_INDEXES,
    _V7_HISTORICAL,
)
