"""The rollup tables (``event_counts_*``, schema version 2) and the API's answers from
them (``eventwire.store.read.rollups``): the rows stay exact whatever happens to the events,
and every count and stats answer is the one the events table gives. No spaCy: the
documents are built by hand, and every sentence was written for these tests."""

from __future__ import annotations

import json
import random
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.api.schemas import stats_body
from eventwire.model import Actor, Article, DatePrecision, Document, Event, Place, Precision
from eventwire.store import Store, schema
from eventwire.store.keyed_rollups import KEYED_FAMILIES
from eventwire.store.read import rollups
from eventwire.store.read.database import Database
from eventwire.store.read.query import EventQuery
from eventwire.store.read.reader import Reader
from eventwire.store.read.rollups import FAMILIES, Grain, rollup_plan, split_range
from eventwire.store.read.stats_query import StatsGroup

# --- documents -------------------------------------------------------------------------

COUNTRIES = ("ARC", "BOR", "CAL", None)  # fictional codes; None: no actor / recipient
TYPES = ("ASSAULT", "PROTEST", "CONSULT", "AID")
VERBS = {"ASSAULT": "attacked", "PROTEST": "marched against", "CONSULT": "met", "AID": "helped"}
SECTORS = ("GOV", "CVL", "MIL")
FIRST_DAY = date(2022, 12, 20)  # the dates cross a year end and many month ends
DAYS = 420


@dataclass(frozen=True)
class Spec:
    type: str
    actor: str | None
    recipient: str | None
    day: date | None
    precision: DatePrecision = DatePrecision.DAY
    flag: str | None = None  # negated, hypothetical, future or historical
    actor_sector: str = "GOV"
    place: bool = False  # at Harbor Point (a fictional town)


def document(n: int, specs: list[Spec], source: str = "Harbor Post") -> Document:
    """An article of one sentence per spec; ``n`` makes its text unique."""
    sentences: list[str] = []
    events: list[Event] = []
    offset = 0
    for k, spec in enumerate(specs):
        who = f"the {spec.actor or 'unnamed'} side"
        whom = f"the {spec.recipient or 'unnamed'} side"
        sentence = f"In dispatch {n}.{k} {who} {VERBS[spec.type]} {whom}."
        start, end = offset, offset + len(sentence)
        events.append(
            Event(
                type=spec.type,
                sentence=sentence,
                start=start,
                end=end,
                actor=Actor(who, country=spec.actor, sector=spec.actor_sector)
                if spec.actor
                else None,
                recipient=Actor(whom, country=spec.recipient, sector="CVL")
                if spec.recipient
                else None,
                date=spec.day,
                date_precision=spec.precision if spec.day else None,
                place=Place(
                    "Harbor Point",
                    start,
                    start + 12,
                    "Harbor Point",
                    10.0,
                    20.0,
                    country_code="XA",
                    precision=Precision.POINT,
                )
                if spec.place
                else None,
                confidence=0.7,
                negated=spec.flag == "negated",
                hypothetical=spec.flag == "hypothetical",
                future=spec.flag == "future",
                contexts=["historical"] if spec.flag == "historical" else [],
                headline=k == 0,  # the first sentence's event: the one a title would report
            )
        )
        sentences.append(sentence)
        offset = end + 1
    text = " ".join(sentences)
    published = max((s.day for s in specs if s.day is not None), default=None)
    article = Article(title=f"Dispatch {n}", body=text, source=source, published=published)
    return Document(text=text, origin=f"dispatch-{n}.txt", article=article, events=events)


def random_specs(rng: random.Random, count: int) -> list[Spec]:
    specs = []
    for _ in range(count):
        day = None if rng.random() < 0.08 else FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        flag = rng.choice((None, None, None, None, None, "negated", "hypothetical", "future"))
        if flag is None and rng.random() < 0.05:
            flag = "historical"  # told as a summary of the past: in no rollup
        specs.append(
            Spec(
                rng.choice(TYPES),
                rng.choice(COUNTRIES),
                rng.choice(COUNTRIES),
                day,
                flag=flag,
                actor_sector=rng.choice(SECTORS),
            )
        )
    return specs


def fill(store: Store, seed: int, articles: int) -> None:
    rng = random.Random(seed)
    for n in range(articles):
        store.add_document(document(seed * 10_000 + n, random_specs(rng, rng.randint(1, 3))))


# --- what the rollups should hold, computed from the events in Python --------------------


def _period(day: str | None, length: int) -> str | None:
    return None if day is None else day[:length]


EventRow = tuple[str | None, str, str | None, str | None, int]  # date, type, actor, recip, factual
KeyFunction = Callable[[EventRow], list[tuple[str | int | None, ...]]]


def _countries(row: EventRow) -> list[str]:
    return sorted({c for c in (row[2], row[3]) if c is not None})


# table -> (its key columns, the keys one event adds 1 to)
EXPECTED_KEYS: dict[str, tuple[tuple[str, ...], KeyFunction]] = {
    "event_counts_type_day": (("day", "type", "factual"), lambda r: [(r[0], r[1], r[4])]),
    "event_counts_type_month": (
        ("month", "type", "factual"),
        lambda r: [(_period(r[0], 7), r[1], r[4])],
    ),
    "event_counts_country_day": (
        ("country", "day", "type", "factual"),
        lambda r: [(c, r[0], r[1], r[4]) for c in _countries(r)],
    ),
    "event_counts_country_month": (
        ("country", "month", "type", "factual"),
        lambda r: [(c, _period(r[0], 7), r[1], r[4]) for c in _countries(r)],
    ),
    "event_counts_pair_month": (
        ("month", "actor_country", "recipient_country", "factual"),
        lambda r: [(_period(r[0], 7), r[2], r[3], r[4])],
    ),
    "event_counts_pair_year": (
        ("year", "actor_country", "recipient_country", "factual"),
        lambda r: [(_period(r[0], 4), r[2], r[3], r[4])],
    ),
    "event_counts_dyad_month": (
        ("month", "actor_country", "recipient_country", "type", "factual"),
        lambda r: [(_period(r[0], 7), r[2], r[3], r[1], r[4])],
    ),
    "event_counts_dyad_year": (
        ("year", "actor_country", "recipient_country", "type", "factual"),
        lambda r: [(_period(r[0], 4), r[2], r[3], r[1], r[4])],
    ),
    # schema version 4: of all time
    "event_counts_pair_all": (
        ("actor_country", "recipient_country", "factual"),
        lambda r: [(r[2], r[3], r[4])],
    ),
    "event_counts_dyad_all": (
        ("actor_country", "recipient_country", "type", "factual"),
        lambda r: [(r[2], r[3], r[1], r[4])],
    ),
}


SectorRow = tuple[str | None, str, str | None, str | None, str | None, int]
# The rollups by mode and sectors (schema version 4): table -> period length.
SECTOR_TABLES = {"event_counts_sector_month": 7, "event_counts_sector_year": 4}


def assert_sector_rollups_exact(conn: sqlite3.Connection) -> None:
    events: list[SectorRow] = [
        (row[0], row[1], row[2], row[3], row[4], int(not (row[5] or row[6] or row[7])))
        for row in conn.execute(
            "SELECT date, type, mode, actor_sector, recipient_sector, negated, hypothetical, "
            "future FROM events WHERE historical = 0"
        )
    ]
    for table, length in SECTOR_TABLES.items():
        period = "month" if length == 7 else "year"
        expected = Counter((_period(e[0], length), *e[1:]) for e in events)
        rows = conn.execute(
            f"SELECT {period}, type, mode, actor_sector, recipient_sector, factual, n FROM {table}"
        ).fetchall()
        stored = {tuple(row[:-1]): row[-1] for row in rows}
        assert len(stored) == len(rows), f"{table}: a key is stored twice"
        assert all(n > 0 for n in stored.values()), f"{table}: a row of 0"
        assert stored == dict(expected), table


def assert_keyed_rollups_exact(conn: sqlite3.Connection) -> None:
    """The rollups keyed by an integer per group (schema version 9) hold the counts of
    the dated events that are not historical, by year, month and day; each key names
    one group."""
    for family in KEYED_FAMILIES:
        names = ", ".join(family.columns)
        keys = conn.execute(f"SELECT id, {names} FROM {family.key_table}").fetchall()
        texts = {row[0]: tuple(row[1:]) for row in keys}
        assert len(set(texts.values())) == len(texts), f"{family.key_table}: a group twice"
        when = family.when.format(r="events")
        events = conn.execute(
            f"SELECT date, {names}, negated OR hypothetical OR future FROM events WHERE {when}"
        ).fetchall()
        for grain, length in (("year", 4), ("month", 7), ("day", 10)):
            expected = Counter((int(not e[-1]), e[0][:length], *e[1:-1]) for e in events)
            rows = conn.execute(
                f"SELECT factual, {grain}, key, n FROM {family.table(grain)}"
            ).fetchall()
            stored = {(r[0], r[1], *texts[r[2]]): r[3] for r in rows}
            assert len(stored) == len(rows), family.table(grain)
            assert stored == dict(expected), family.table(grain)


def assert_rollups_exact(conn: sqlite3.Connection) -> None:
    """Every rollup row is the count of its events: no row missing, none extra, no key
    twice, no zero."""
    assert_keyed_rollups_exact(conn)
    psector = {"event_counts_psector_all": 0, "event_counts_psector_year": 4}
    psector["event_counts_psector_month"] = 7  # (schema version 6: by period)
    assert (
        {*EXPECTED_KEYS, *SECTOR_TABLES, *psector}
        == set(schema.ROLLUP_TABLES)
        == rollups.ROLLUP_TABLES
    )
    assert_sector_rollups_exact(conn)
    parties = conn.execute(
        "SELECT date, actor_country, actor_sector, recipient_country, recipient_sector, "
        "negated, hypothetical, future FROM events WHERE historical = 0"
    ).fetchall()
    for table, length in psector.items():
        period = {0: "", 4: "year, ", 7: "month, "}[length]
        expected = Counter(
            (
                *((_period(row[0], length),) if length else ()),
                *row[1:5],
                int(not (row[5] or row[6] or row[7])),
            )
            for row in parties
        )
        rows = conn.execute(
            f"SELECT {period}actor_country, actor_sector, recipient_country, "
            f"recipient_sector, factual, n FROM {table}"
        ).fetchall()
        assert {tuple(row[:-1]): row[-1] for row in rows} == dict(expected), table
        assert len(rows) == len(expected), table
    events: list[EventRow] = [
        (row[0], row[1], row[2], row[3], int(not (row[4] or row[5] or row[6])))
        for row in conn.execute(
            "SELECT date, type, actor_country, recipient_country, negated, hypothetical, "
            "future FROM events WHERE historical = 0"
        )
    ]
    for table, (columns, keys_of) in EXPECTED_KEYS.items():
        expected: Counter[tuple[str | int | None, ...]] = Counter()
        for event in events:
            expected.update(keys_of(event))
        rows = conn.execute(f"SELECT {', '.join(columns)}, n FROM {table}").fetchall()
        stored = {tuple(row[:-1]): row[-1] for row in rows}
        assert len(stored) == len(rows), f"{table}: a key is stored twice"
        assert all(n > 0 for n in stored.values()), f"{table}: a row of 0"
        assert stored == dict(expected), table


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def store_at_version(path: Path, version: int) -> sqlite3.Connection:
    """A new store at schema ``version`` (built by the first ``version`` scripts), open."""
    conn = connect(path)
    for script in schema.MIGRATIONS[:version]:
        for statement in schema.split_statements(script):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version:d}")
    return conn


def add_random_events(conn: sqlite3.Connection, events: int) -> None:
    """``events`` random events (``random_specs``, seed 17) in the columns of version 5,
    as a store made before the newer rollups holds them."""
    for spec in random_specs(random.Random(17), events):
        conn.execute(
            "INSERT INTO events (type, actor_country, actor_sector, recipient_country, "
            "recipient_sector, date, confidence, negated) VALUES (?, ?, ?, ?, 'CVL', ?, 0.5, ?)",
            (
                spec.type,
                spec.actor,
                spec.actor_sector,
                spec.recipient,
                None if spec.day is None else spec.day.isoformat(),
                int(spec.flag not in (None, "historical")),
            ),
        )


# --- the rollups stay exact ------------------------------------------------------------


def test_rollups_stay_exact_through_inserts_merges_updates_and_deletes(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store(path) as store:
        fill(store, seed=3, articles=60)
    conn = connect(path)
    assert_rollups_exact(conn)
    assert (
        conn.execute("SELECT sum(n) FROM event_counts_type_day").fetchone()[0]
        == (conn.execute("SELECT count(*) FROM events WHERE historical = 0").fetchone()[0])
    )
    # (Events told as a summary of the past are stored, and in no rollup.)
    assert conn.execute("SELECT count(*) FROM events WHERE historical = 1").fetchone()[0] > 0

    # A second article reports a stored event: merging fills in the unknown actor and
    # the finer date, which moves the event to other rollup rows.
    first = Spec("ASSAULT", None, "BOR", date(2023, 3, 1), DatePrecision.MONTH, place=True)
    second = Spec("ASSAULT", "ARC", "BOR", date(2023, 3, 17), place=True)
    with Store(path) as store:
        stored = store.add_document(document(1, [first]))
        merged = store.add_document(document(2, [second], source="Valley Times"))
    assert merged.n_merged == 1
    event_id = conn.execute(
        "SELECT event_id FROM mentions WHERE article_id = ?", (stored.article_id,)
    ).fetchone()[0]
    assert conn.execute(
        "SELECT actor_country, date, num_mentions FROM events WHERE id = ?", (event_id,)
    ).fetchone() == ("ARC", "2023-03-17", 2)
    assert_rollups_exact(conn)

    # Deleting an article takes its mentions (ON DELETE CASCADE) but not its events,
    # which stay stored and counted.
    events_before = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.execute("DELETE FROM articles WHERE id = ?", (merged.article_id,))
    conn.execute("DELETE FROM articles WHERE id IN (SELECT id FROM articles LIMIT 5)")
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == events_before
    assert_rollups_exact(conn)

    # Updates of every column the rollups read, and deletes of events.
    conn.execute("UPDATE events SET negated = 1 WHERE id % 7 = 0")
    conn.execute("UPDATE events SET date = NULL WHERE id % 11 = 0")
    conn.execute("UPDATE events SET date = '2024-01-31' WHERE id % 13 = 0")
    conn.execute(
        "UPDATE events SET type = 'AID', recipient_country = actor_country WHERE id % 5 = 1"
    )
    conn.execute("UPDATE events SET actor_country = NULL WHERE id % 6 = 0")
    conn.execute("UPDATE events SET confidence = 0.9, num_mentions = 3 WHERE id % 2 = 0")
    assert_rollups_exact(conn)
    conn.execute("UPDATE events SET historical = 1 - historical WHERE id % 4 = 0")
    assert_rollups_exact(conn)
    conn.execute("DELETE FROM events WHERE id % 3 = 0")
    assert_rollups_exact(conn)
    conn.execute("DELETE FROM events")
    assert_rollups_exact(conn)
    for table in schema.ROLLUP_TABLES:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_a_failed_write_leaves_the_rollups_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store(path) as store:
        fill(store, seed=5, articles=10)
    conn = connect(path)
    before = {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4").fetchall() for t in EXPECTED_KEYS
    }
    conn.execute("BEGIN")
    conn.execute("UPDATE events SET type = 'PROTEST', date = '2023-02-02'")
    conn.execute("ROLLBACK")
    after = {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4").fetchall() for t in EXPECTED_KEYS
    }
    assert after == before
    assert_rollups_exact(conn)
    # (The check sees a count one off.)
    conn.execute(
        "UPDATE event_counts_dyad_month SET n = n + 1 "
        "WHERE rowid = (SELECT min(rowid) FROM event_counts_dyad_month)"
    )
    with pytest.raises(AssertionError, match="event_counts_dyad_month"):
        assert_rollups_exact(conn)


def test_migrating_a_version_1_store_fills_the_rollups(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = store_at_version(path, 1)
    rng = random.Random(9)
    for spec in random_specs(rng, 300):
        conn.execute(
            "INSERT INTO events (type, actor_country, recipient_country, date, confidence, "
            "negated, hypothetical, future) VALUES (?, ?, ?, ?, 0.5, ?, ?, ?)",
            (
                spec.type,
                spec.actor,
                spec.recipient,
                None if spec.day is None else spec.day.isoformat(),
                int(spec.flag == "negated"),
                int(spec.flag == "hypothetical"),
                int(spec.flag == "future"),
            ),
        )
    conn.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
    conn = connect(path)
    assert conn.execute("SELECT sum(n) FROM event_counts_dyad_year").fetchone()[0] == 300
    assert_rollups_exact(conn)
    # ... and the triggers keep them so from then on.
    conn.execute("UPDATE events SET actor_country = 'CAL' WHERE id % 4 = 0")
    conn.execute("DELETE FROM events WHERE id % 9 = 0")
    assert_rollups_exact(conn)


# --- answers from the rollups are the answers from the events -----------------------------


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rollups") / "events.db"
    with Store(path) as store:
        fill(store, seed=1, articles=150)
    return path


@pytest.fixture(scope="module")
def readers(store_path: Path) -> Iterator[tuple[Reader, Reader, frozenset[str]]]:
    """A reader that uses the rollups and one that does not, on one connection."""
    db = Database(store_path)
    conn = db.connection()
    yield (
        Reader(conn, db.path, db.indexes, db.tables),
        Reader(conn, db.path, db.indexes, db.tables, use_rollups=False),
        db.tables,
    )
    db.close()


FILTERS: list[EventQuery] = [
    EventQuery(),
    EventQuery(include_flagged=True),
    EventQuery(types=("ASSAULT",)),
    EventQuery(types=("PROTEST", "AID"), include_flagged=True),
    EventQuery(country="ARC"),
    EventQuery(country="BOR", types=("CONSULT",)),
    EventQuery(actor_country="CAL"),
    EventQuery(recipient_country="ARC", include_flagged=True),
    EventQuery(actor_country="ARC", recipient_country="BOR"),
    EventQuery(country="ARC", actor_country="BOR"),
    EventQuery(since=date(2023, 1, 1), until=date(2023, 12, 31)),
    EventQuery(since=date(2023, 2, 10), until=date(2023, 11, 5)),
    EventQuery(since=date(2022, 12, 25), until=date(2024, 1, 20), country="CAL"),
    EventQuery(since=date(2023, 3, 1), until=date(2023, 3, 31), types=("ASSAULT",)),
    EventQuery(since=date(2023, 3, 15), until=date(2023, 3, 15)),
    EventQuery(since=date(2023, 6, 17)),
    EventQuery(until=date(2023, 4, 30), include_flagged=True),
    EventQuery(until=date(2023, 8, 3), actor_country="ARC"),
    EventQuery(since=date(2030, 1, 1)),
    EventQuery(actor_sector="GOV"),
    EventQuery(recipient_sector="CVL", types=("ASSAULT",), since=date(2023, 2, 10)),
    EventQuery(mode="arrest", include_flagged=True),
    # a sector with a country: the pairs of countries and sectors (schema version 6)
    EventQuery(actor_sector="GOV", country="ARC", since=date(2023, 2, 10)),
]
GROUPS = [
    "day", "month", "year", "type", "actor_country", "recipient_country", "dyad",
    "day,type", "dyad,type", "type,month", "year,actor_country", "recipient_country,day",
    "mode", "actor_sector", "type,recipient_sector", "month,actor_sector",
    "actor_country,actor_sector,recipient_country,recipient_sector",
]  # fmt: skip
_SECTOR_KEYS = {"mode", "actor_sector", "recipient_sector"}


def test_rollups_answer_every_count_and_stats_request_as_the_events_do(
    readers: tuple[Reader, Reader, frozenset[str]],
) -> None:
    fast, slow, tables = readers
    grains: set[Grain] = set()
    families: set[str] = set()
    grouped: set[bool] = set()  # whether rows were added up, or each was a group already
    for query in FILTERS:
        plan = rollup_plan(query, None, tables)
        assert plan is not None
        assert fast.count(query) == slow.count(query), query
        for text in GROUPS:
            group = StatsGroup.parse(text)
            plan = rollup_plan(query, group, tables)
            expected = slow.stats(query, group, None)
            if plan is None:  # days by actor or recipient: read from the events
                keys = {*group.keys, *(k for k in _SECTOR_KEYS if getattr(query, k))}
                countries = ("country", "actor_country", "recipient_country")
                # ... and sectors with countries or days (no rollup holds both)
                assert "day" in group.keys or (
                    keys & _SECTOR_KEYS
                    and (
                        any(getattr(query, c) for c in countries)
                        or {"actor_country", "recipient_country"} & keys
                    )
                )
            else:
                grains.update(piece.grain for piece in plan.pieces)
                families.add(plan.family.name)
                grouped.add(rollups.rollup_stats_source(query, plan, group).grouped)
            assert fast.stats(query, group, None) == expected, (query, text)
            assert fast.stats(query, group, 3) == slow.stats(query, group, 3), (query, text)
            # The JSON the API sends holds the same rows.
            body = json.loads(stats_body(fast.stats_json(query, group, None)))
            assert body["group"] == list(group.keys)
            assert body["rows"] == [
                {**dict(zip(group.keys, row.keys, strict=True)), "n": row.n}
                for row in expected.rows
            ]
    # Every family and every grain, the events table included, answered something.
    assert families == {family.name for family in FAMILIES}
    assert grains == {"all", "day", "month", "year", "event"}
    assert grouped == {True, False}


def test_a_store_without_rollups_gives_the_same_api_answers(
    store_path: Path, tmp_path: Path
) -> None:
    bare = tmp_path / "bare.db"
    with sqlite3.connect(store_path) as source, sqlite3.connect(bare) as target:
        source.backup(target)
    with sqlite3.connect(bare) as conn:
        for table in schema.ROLLUP_TABLES:
            conn.execute(f"DROP TABLE {table}")
    urls = [
        "/events/count",
        "/events/count?country=ARC&type=ASSAULT&since=2023-02-03",
        "/stats?group=day,type",
        "/stats?group=dyad,type&since=2023-01-15&until=2023-12-31",
        "/stats?group=month&include_flagged=true",
        "/stats?group=dyad&country=BOR",
        "/stats?group=type&limit=2",
        "/stats?group=actor_country&include_flagged=true",
    ]
    with (
        TestClient(create_app(str(store_path))) as with_rollups,
        TestClient(create_app(str(bare))) as without,
    ):
        for url in urls:
            answer = with_rollups.get(url)
            assert answer.status_code == 200, answer.text
            assert answer.json() == without.get(url).json(), url


@pytest.mark.parametrize(
    "query",
    [
        EventQuery(text="dispatch"),
        EventQuery(min_confidence=0.5),
        EventQuery(actor_sector="GOV", country="ARC", types=("AID",)),
        EventQuery(headline=True),
        EventQuery(headline=False, types=("ASSAULT",)),
    ],
)
def test_filters_no_rollup_holds_are_read_from_the_events(
    readers: tuple[Reader, Reader, frozenset[str]], query: EventQuery
) -> None:
    fast, slow, tables = readers
    assert rollup_plan(query, None, tables) is None
    assert rollup_plan(query, StatsGroup.parse("type"), tables) is None
    assert fast.count(query) == slow.count(query)
    if query.headline is not None:  # some events are headline events, some not
        assert 0 < fast.count(query) < fast.count(replace(query, headline=None))


def test_groups_no_rollup_holds_are_read_from_the_events(
    readers: tuple[Reader, Reader, frozenset[str]],
) -> None:
    fast, slow, tables = readers
    for text in ("day,mode", "dyad,mode", "day,recipient_sector", "day,dyad"):
        group = StatsGroup.parse(text)
        assert rollup_plan(EventQuery(), group, tables) is None
        assert fast.stats(EventQuery(), group, None) == slow.stats(EventQuery(), group, None)
    # A store without the rollup tables (or some of them) is read from the events.
    assert rollup_plan(EventQuery(), StatsGroup.parse("type"), frozenset()) is None
    partial = tables - {"event_counts_dyad_year"}
    assert rollup_plan(EventQuery(), StatsGroup.parse("dyad,type"), partial) is None
    assert rollup_plan(EventQuery(), StatsGroup.parse("type"), partial) is not None


# --- cutting date ranges ----------------------------------------------------------------

UNIVERSE_START = date(2019, 12, 25)
UNIVERSE = [UNIVERSE_START + timedelta(days=i) for i in range(800)]


def _covered(grain: Grain, first: str | None, last: str | None) -> set[date]:
    size = {"year": 4, "month": 7}.get(grain, 10)
    return {
        day
        for day in UNIVERSE
        if (first is None or day.isoformat()[:size] >= first)
        and (last is None or day.isoformat()[:size] <= last)
    }


@pytest.mark.parametrize(
    "grains",
    [("month", "day"), ("year", "month", "event"), ("month", "event"), ("day",), ("event",)],
)
def test_a_date_range_is_cut_into_pieces_covering_each_day_once(
    grains: tuple[Grain, ...],
) -> None:
    rng = random.Random(len(grains))
    bounds: list[tuple[date | None, date | None]] = [
        (None, None),
        (date(2020, 1, 1), date(2020, 12, 31)),
        (date(2020, 2, 1), date(2020, 2, 29)),
        (date(2020, 2, 29), date(2020, 3, 1)),
        (date(2020, 12, 31), date(2021, 1, 1)),
    ]
    for _ in range(150):
        a, b = sorted(rng.sample(UNIVERSE, 2))
        bounds += [(a, b), (a, None), (None, b), (a, a)]
    for since, until in bounds:
        pieces = split_range(since, until, grains)
        covered = [_covered(p.grain, p.first, p.last) for p in pieces]
        union = set().union(*covered)
        assert sum(len(c) for c in covered) == len(union), (since, until, pieces)
        assert union == {
            d for d in UNIVERSE if (since is None or d >= since) and (until is None or d <= until)
        }, (since, until, pieces)
        # Periods are whole: only the finest grain starts or ends mid-period.
        for piece in pieces:
            assert piece.grain in grains
            if piece.grain in ("year", "month") and piece.first is not None:
                assert len(piece.first) == (4 if piece.grain == "year" else 7)
        if since is None and until is None:
            assert pieces == [pieces[0]] and pieces[0].first is pieces[0].last is None


def test_a_calendar_year_is_one_row_per_key_of_the_yearly_rollup() -> None:
    pieces = split_range(date(2023, 1, 1), date(2023, 12, 31), ("year", "month", "event"))
    assert [(p.grain, p.first, p.last) for p in pieces] == [("year", "2023", "2023")]
    pieces = split_range(date(2023, 2, 10), date(2024, 12, 31), ("year", "month", "event"))
    assert [(p.grain, p.first, p.last) for p in pieces] == [
        ("event", "2023-02-10", "2023-02-28"),
        ("month", "2023-03", "2023-12"),
        ("year", "2024", "2024"),
    ]
    # Near the last representable day there is no whole period to read.
    pieces = split_range(date(9999, 12, 30), None, ("year", "month", "event"))
    assert [(p.grain, p.first, p.last) for p in pieces] == [("event", "9999-12-30", None)]
