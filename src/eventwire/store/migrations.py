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
6. the rollups of pairs of country and sector by month and year
   (``event_counts_psector_{month,year}``), and indexes of the yearly and all-time
   rollups of pairs, dyads and pairs of countries and sectors in the order of their
   counts (``*_top``): the largest groups of a year or of all time are read in the
   order the API answers them, unsorted.
7. ``events.historical``: the event is told as a summary of the past (PLOVER's
   "historical" context), filled from ``contexts``; the default listing leaves such
   events out, so the rollups and the partial indexes of factual events hold only the
   others.
8. ``events.place_admin1``, ``places.admin1``: the first-level region (state,
   province) of a place; rows stored before read back with none.
9. rollups keyed by an integer per group (``keyed_rollups.py``): dyads with their type
   and pairs of country and sector by year, month and day, which a date range that
   does not fall on calendar years adds up (and joins the text of only the groups it
   answers).
10. the rollups of events and fatalities per place country and first-level region
    (``event_admin1_*``, ``admin1_rollups.py``), kept exact by triggers: the shading of
    one country's regions on the dashboard.
11. the map's rollups keyed by a sector of the actor or the recipient
    (``event_{sums,areas,cells}_by_sector_*``, ``sector_map_rollups.py``), kept exact
    by triggers: the dashboard's totals, timeline, shading and clusters of one sector.
12. the keyed rollups of version 9 packed per period (``packed_rollups.py``): one blob
    of keys and counts per family, year, month and day, rewritten from the rollup rows
    for the days that triggers mark stale; every day with events starts stale.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "ROLLUP_BACKFILL", "ROLLUP_SQL", "ROLLUP_TABLES", "TOP_INDEXED"]

from eventwire.store.admin1_rollups import ADMIN1_ROLLUP_SQL
from eventwire.store.keyed_rollups import KEYED_ROLLUP_SQL
from eventwire.store.map_rollups import MAP_ROLLUP_SQL, map_rollup_triggers
from eventwire.store.map_rollups import SOURCE_COLUMNS as MAP_SOURCE_COLUMNS
from eventwire.store.packed_rollups import PACKED_ROLLUP_SQL
from eventwire.store.rollup_sql import (
    PARTY_SECTOR_COLUMNS,
    PARTY_SECTOR_SHAPES,
    PARTY_SECTOR_SOURCE_COLUMNS,
    PERIOD_PARTY_SECTOR_SHAPES,
    PERIOD_PARTY_SECTOR_SQL,
    ROLLUP_BACKFILL,
    ROLLUP_SOURCE_COLUMNS,
    ROLLUP_SQL,
    ROLLUP_TABLES,
    SECTOR_ROLLUP_SQL,
    SECTOR_SHAPES,
    SECTOR_SOURCE_COLUMNS,
    WHOLE_SHAPES,
    rollup_script,
    rollup_shapes,
)
from eventwire.store.rows import HISTORICAL
from eventwire.store.sector_map_rollups import SECTOR_MAP_ROLLUP_SQL

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
    "event_counts_dyad_all", "event_counts_psector_all", "event_counts_psector_year",
)  # fmt: skip
_V6_ROLLUPS_IN_ORDER = "".join(PERIOD_PARTY_SECTOR_SQL) + "".join(
    _top_index(table, keys)
    for table, keys, _ in (
        *rollup_shapes(),
        *WHOLE_SHAPES,
        *PARTY_SECTOR_SHAPES,
        *PERIOD_PARTY_SECTOR_SHAPES,
    )
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
    "events_psector_rollups", "events_psector_period_rollups", "events_map_rollups",
)  # fmt: skip
_LISTED_FACTUAL = "negated = 0 AND hypothetical = 0 AND future = 0 AND historical = 0"
_V7_TRIGGERS = [
    *rollup_script(rollup_shapes(), columns=(*ROLLUP_SOURCE_COLUMNS, "historical"), listed=_LISTED),
    *rollup_script(
        SECTOR_SHAPES,
        "events_sector_rollups",
        (*SECTOR_SOURCE_COLUMNS, "historical"),
        _LISTED,
    ),
    *rollup_script(
        WHOLE_SHAPES, "events_whole_rollups", (*ROLLUP_SOURCE_COLUMNS, "historical"), _LISTED
    ),
    *rollup_script(
        PARTY_SECTOR_SHAPES,
        "events_psector_rollups",
        (*PARTY_SECTOR_COLUMNS, "negated", "hypothetical", "future", "historical"),
        _LISTED,
    ),
    *rollup_script(
        PERIOD_PARTY_SECTOR_SHAPES,
        "events_psector_period_rollups",
        (*PARTY_SECTOR_SOURCE_COLUMNS, "historical"),
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

# Schema version 8: the first-level region of an event's place and of every resolved
# place (``model.Place.admin1``: "Kaduna", "California"), for ACLED's ``admin1`` and
# the analyst's filter by region. Rows stored before read back with none.
_V8_ADMIN1 = """
ALTER TABLE events ADD COLUMN place_admin1 TEXT;
ALTER TABLE places ADD COLUMN admin1 TEXT;
"""

# Schema version 9: the dyads with their type and the pairs of country and sector get an
# integer key each (``event_dyad_keys``, ``event_psector_keys``) and rollups by year,
# month and day under it (``event_keyed_*``), filled from the rollups of version 2 and 6
# and the events, and kept exact by triggers (``keyed_rollups.py``).
_V9_KEYED_ROLLUPS = "".join(KEYED_ROLLUP_SQL)

# Schema version 10: events and fatalities per place country and first-level region, by
# month and year (and by a country of the actor or the recipient), filled from the
# events stored and kept exact by triggers (``admin1_rollups.py``).
_V10_ADMIN1_ROLLUPS = "".join(ADMIN1_ROLLUP_SQL)

# Schema version 11: the map's sums, areas and cells by month and year keyed by a sector
# of the actor or the recipient, filled from the events stored and kept exact by triggers
# (``sector_map_rollups.py``).
_V11_SECTOR_MAP_ROLLUPS = "".join(SECTOR_MAP_ROLLUP_SQL)

# Schema version 12: the keyed rollups of version 9 packed per period and grain in blobs
# (``event_keyed_packed``), and triggers on ``events`` marking the days whose blobs are
# stale (``event_keyed_stale``); every day with events starts stale, and ``Store``
# packs them (``packed_rollups.py``).
_V12_PACKED_ROLLUPS = "".join(PACKED_ROLLUP_SQL)

# Script n (1-based) migrates user_version n-1 -> n. Append only.
MIGRATIONS: tuple[str, ...] = (
    _V1_INITIAL,
    _V2_DUPLICATES_AND_MERGING,
    _V3_HEADLINE,
    _V4_MAP_ROLLUPS,
    _V5_INFERRED_ACTORS,
    _V6_ROLLUPS_IN_ORDER,
    _V7_HISTORICAL,
    _V8_ADMIN1,
    _V9_KEYED_ROLLUPS,
    _V10_ADMIN1_ROLLUPS,
    _V11_SECTOR_MAP_ROLLUPS,
    _V12_PACKED_ROLLUPS,
)
