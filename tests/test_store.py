"""Tests of the SQLite store, on documents built by hand (no spaCy needed)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest

from eventwire.errors import StoreError
from eventwire.model import (
    Actor,
    Article,
    DateOrigin,
    DatePrecision,
    Document,
    Event,
    Mention,
    Place,
    Precision,
    RawDocument,
    TimeExpression,
    TimexType,
)
from eventwire.store import EventFilter, EventQuery, Store, StoredEvent, schema
from eventwire.store import db as store_db
from eventwire.store.fts import match_expression

# --- documents written for these tests ---------------------------------------------


def span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    """Offsets of the first ``phrase`` in ``text`` at or after ``after``."""
    start = text.index(phrase, after)
    return start, start + len(phrase)


def event_on(text: str, sentence: str, trigger: str, **fields: Any) -> Event:
    start, end = span(text, sentence)
    t_start, t_end = span(text, trigger, start)
    return Event(
        sentence=sentence,
        start=start,
        end=end,
        trigger=trigger,
        trigger_start=t_start,
        trigger_end=t_end,
        **fields,
    )


def actor_on(text: str, words: str, after: int = 0, **fields: Any) -> Actor:
    start, end = span(text, words, after)
    return Actor(text=words, start=start, end=end, **fields)


def rally_doc() -> Document:
    """Two events: a factual arrest (the headline's) and a negated, future negotiation."""
    title = "Police detain dozens at Lakeside rally"
    caption = "Officers in helmets stand guard outside the assembly."
    arrest = "Police detained 40 demonstrators in Lakeside on Monday."
    talks = "The cabinet said it would not negotiate with the opposition bloc."
    body = f"{arrest} {talks}"
    text = f"{title}\n{caption}\n{body}\n"
    city_start, city_end = span(text, "Lakeside", text.index(arrest))
    city = Place(
        text="Lakeside",
        start=city_start,
        end=city_end,
        name="Lakeside",
        lat=41.6938,
        lon=44.8015,
        geonameid=1234567,
        country_code="GE",
        feature_code="PPLC",
        precision=Precision.POINT,
        confidence=0.9,
    )
    monday_start, monday_end = span(text, "Monday")
    events = [
        event_on(
            text,
            arrest,
            "detained",
            type="COERCE",
            mode="arrest",
            contexts=["political"],
            actor=actor_on(text, "Police", text.index(arrest), country="GEO", sector="COP"),
            recipient=actor_on(text, "40 demonstrators", country="GEO", sector="CVL"),
            date=date(2024, 3, 4),
            date_precision=DatePrecision.DAY,
            place=city,
            arrested=40,
            confidence=0.8,
            headline=True,
        ),
        event_on(
            text,
            talks,
            "negotiate",
            type="CONSULT",
            actor=actor_on(text, "The cabinet", name="Cabinet", country="GEO", sector="GOV"),
            recipient=actor_on(text, "the opposition bloc", country="GEO", sector="OPP"),
            date=date(2024, 3, 5),
            date_precision=DatePrecision.DAY,
            date_from_publication=True,
            confidence=0.55,
            negated=True,
            future=True,
        ),
    ]
    return Document(
        text=text,
        origin="rally.txt",
        article=Article(
            title=title,
            body=body,
            captions=[caption],
            credits=["Photo: Staff"],
            source="Test Wire",
            url="https://example.org/rally",
            published=date(2024, 3, 5),
            published_origin=DateOrigin.METADATA,
        ),
        events=events,
        places=[city],
        timexes=[
            TimeExpression("Monday", monday_start, monday_end, TimexType.DATE, "2024-03-04"),
        ],
    )


def shelling_doc() -> Document:
    """Two factual events on different sides of the same conflict; the title reports the
    shelling."""
    title = "Shelling hits northern suburbs"
    strike = "Artillery units shelled a suburb of Riverton overnight, killing two civilians."
    condemn = "Regional officials condemned the attack."
    body = f"{strike} {condemn}"
    text = f"{title}\n{body}\n"
    town_start, town_end = span(text, "Riverton")
    town = Place(
        text="Riverton",
        start=town_start,
        end=town_end,
        name="Riverton",
        lat=49.98,
        lon=36.25,
        geonameid=7654321,
        country_code="UA",
        feature_code="PPLA",
        precision=Precision.POINT,
        confidence=0.75,
    )
    night_start, night_end = span(text, "overnight")
    events = [
        event_on(
            text,
            strike,
            "shelled",
            type="ASSAULT",
            mode="bombard",
            actor=actor_on(text, "Artillery units", country="RUS", sector="MIL"),
            recipient=actor_on(text, "two civilians", country="UKR", sector="CVL"),
            date=date(2024, 4, 9),
            date_precision=DatePrecision.DAY,
            place=town,
            dead=2,
            confidence=0.9,
            headline=True,
        ),
        event_on(
            text,
            condemn,
            "condemned",
            type="DISAPPROVE",
            actor=actor_on(text, "Regional officials", country="UKR", sector="GOV"),
            date=date(2024, 4, 10),
            date_precision=DatePrecision.DAY,
            date_from_publication=True,
            confidence=0.7,
        ),
    ]
    return Document(
        text=text,
        origin="shelling.txt",
        article=Article(title=title, body=body, published=date(2024, 4, 10)),
        events=events,
        places=[town],
        timexes=[
            TimeExpression(
                "overnight", night_start, night_end, TimexType.TIME, "2024-04-09TNI", "APPROX"
            )
        ],
    )


def march_doc() -> Document:
    """One undated event with a quote holding an apostrophe; no Article (never cleaned)."""
    sentence = 'Students marched through the old town chanting "we don\'t want war".'
    text = f"{sentence}\n"
    return Document(
        text=text,
        origin="march.txt",
        raw=RawDocument(text=text, origin="march.txt", title="Student march", source="Campus"),
        events=[
            event_on(
                text,
                sentence,
                "marched",
                type="PROTEST",
                mode="demonstrate",
                actor=actor_on(text, "Students", sector="CVL"),
                confidence=0.6,
            )
        ],
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    for doc in (rally_doc(), shelling_doc(), march_doc()):
        store.add_document(doc)
    return store


def types_of(events: list[StoredEvent]) -> list[str]:
    return [event.type for event in events]


# --- schema and migrations ---------------------------------------------------------


def test_migrate_empty_database_then_again_is_stable() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    assert schema.user_version(conn) == 0
    assert schema.migrate(conn) == schema.SCHEMA_VERSION
    assert schema.user_version(conn) == schema.SCHEMA_VERSION
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "events", "mentions", "places", "timexes"} <= tables
    assert {"articles_fts", "mentions_fts"} <= tables
    assert schema.migrate(conn) == schema.SCHEMA_VERSION
    assert schema.user_version(conn) == schema.SCHEMA_VERSION


def test_reopen_file_keeps_version_and_data(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store(path) as first:
        version = first.schema_version
        first.add_document(rally_doc())
    with Store(path) as second:
        assert second.schema_version == version
        assert second.stats().n_articles == 1
        mode = second._connection().execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert second._connection().execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_database_from_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 200)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store(path)


def test_missing_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path / "no" / "such" / "dir" / "events.db")


def test_failed_migration_leaves_database_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = "CREATE TABLE extra (x INTEGER);\nCREATE TABLE broken (;\n"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken))
    conn = sqlite3.connect(":memory:", isolation_level=None)
    with pytest.raises(StoreError, match="cannot migrate"):
        schema.migrate(conn)
    assert schema.user_version(conn) == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    assert not conn.in_transaction


def test_new_migration_upgrades_an_existing_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "events.db"
    with Store(path) as old:
        old.add_document(rally_doc())
        old_version = old.schema_version
    extra = "CREATE TABLE notes (id INTEGER PRIMARY KEY, note TEXT);\n"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, extra))
    with Store(path) as upgraded:
        assert upgraded.schema_version == old_version + 1 == len(schema.MIGRATIONS)
        assert upgraded.stats().n_events == 2
        upgraded._connection().execute("INSERT INTO notes (note) VALUES ('ok')")


def test_a_version_2_store_migrates_and_its_events_are_not_headline_events(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for script in schema.MIGRATIONS[:2]:
        for statement in schema.split_statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    text = "Villagers blocked the mountain road to Pellow on Sunday.\n"
    conn.execute(
        "INSERT INTO articles (content_hash, origin, text, ingested_at) "
        "VALUES ('v2-hash', 'v2.txt', ?, '2024-02-01T08:00:00+00:00')",
        (text,),
    )
    conn.execute(
        "INSERT INTO events (type, date, confidence) VALUES ('PROTEST', '2024-01-28', 0.7)"
    )
    conn.execute(
        'INSERT INTO mentions (event_id, article_id, sentence, start, "end", confidence) '
        "VALUES (1, 1, ?, 0, ?, 0.7)",
        (text.strip(), len(text.strip())),
    )
    conn.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION >= 3
        (old,) = store.events(EventFilter())
        assert old.type == "PROTEST" and old.headline is False
        assert store.events(EventFilter(EventQuery(headline=True))) == []
        store.add_document(rally_doc())
        assert types_of(store.events(EventFilter(EventQuery(headline=True)))) == ["COERCE"]
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            store._connection().execute("UPDATE events SET headline = 2 WHERE id = 1")
        indexes = store._rows("SELECT name FROM sqlite_schema WHERE type = 'index'")
        assert "events_headline" in {row["name"] for row in indexes}


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    script = (
        "CREATE TABLE t (x);\n"
        "-- a comment line\n"
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n"
        "    INSERT INTO t VALUES (1);\n"
        "    INSERT INTO t VALUES (2);\n"
        "END;\n"
    )
    statements = list(schema.split_statements(script))
    assert len(statements) == 2
    assert statements[1].rstrip().endswith("END;")
    with pytest.raises(StoreError, match="incomplete"):
        list(schema.split_statements("CREATE TABLE t (x)\n"))


def test_fts5_check_passes_here_and_explains_when_missing() -> None:
    schema.check_fts5(sqlite3.connect(":memory:"))

    class NoFts5:
        def execute(self, sql: str, params: tuple[object, ...] = ()) -> None:
            raise sqlite3.OperationalError("no such module: fts5")

    with pytest.raises(StoreError, match="FTS5"):
        schema.check_fts5(cast(sqlite3.Connection, NoFts5()))


def test_closed_store_raises(tmp_path: Path) -> None:
    opened = Store(tmp_path / "events.db")
    opened.close()
    opened.close()
    with pytest.raises(StoreError, match="closed"):
        opened.stats()


# --- writing -------------------------------------------------------------------------


def test_add_then_re_add_is_idempotent(store: Store) -> None:
    first = store.add_document(rally_doc())
    assert first.inserted
    assert first.n_events == 2
    again = store.add_document(rally_doc())
    assert not again.inserted
    assert again.article_id == first.article_id
    assert again.n_events == 0
    stats = store.stats()
    assert (stats.n_articles, stats.n_events, stats.n_mentions) == (1, 2, 2)
    assert stats.events_by_type == {"COERCE": 1, "CONSULT": 1}


def test_failing_insert_rolls_back_and_keeps_earlier_data(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = store.add_document(rally_doc())
    before = store.stats()

    def explode(timex: TimeExpression, article_id: int) -> tuple[object, ...]:
        raise RuntimeError("disk on fire")

    # The timexes are written last: the article, events, mentions and places of this
    # document are already inserted when this raises.
    monkeypatch.setattr(store_db, "timex_values", explode)
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.add_document(shelling_doc())
    monkeypatch.undo()

    assert store.stats() == before
    assert store.search("Riverton") == []
    assert store.events(EventFilter(EventQuery(text="shelled"))) == []
    rally = store.article(kept.article_id)
    assert rally is not None and rally.title == "Police detain dozens at Lakeside rally"
    retried = store.add_document(shelling_doc())
    assert retried.inserted
    assert store.stats().n_events == before.n_events + 2


def test_sqlite_error_mid_insert_becomes_store_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_document(march_doc())
    monkeypatch.setattr(store_db, "place_values", lambda place, article_id: (article_id,))
    with pytest.raises(StoreError, match=r"rally\.txt"):
        store.add_document(rally_doc())
    monkeypatch.undo()
    assert store.stats().n_articles == 1
    assert store.add_document(rally_doc()).inserted


# --- round trips ---------------------------------------------------------------------


@pytest.mark.parametrize("make", [rally_doc, shelling_doc, march_doc])
def test_event_round_trip(store: Store, make: Any) -> None:
    doc = make()
    result = store.add_document(doc)
    flt = EventFilter(EventQuery(include_flagged=True), article_id=result.article_id)
    stored = store.events(flt)
    by_start = {event.mentions[0].start: event for event in stored}
    assert len(by_start) == len(doc.events)
    for original in doc.events:
        event = by_start[original.start]
        assert event == store.event(event.id)
        assert event.type == original.type
        assert event.mode == original.mode
        assert event.contexts == original.contexts
        assert event.actor == original.actor
        assert event.recipient == original.recipient
        assert event.date == original.date
        assert event.date_precision == original.date_precision
        assert event.date_precision is None or type(event.date_precision) is DatePrecision
        assert event.date_from_publication is original.date_from_publication
        assert event.place == original.place
        if event.place is not None:
            assert type(event.place.precision) is Precision
        assert (event.dead, event.injured, event.arrested) == (
            original.dead,
            original.injured,
            original.arrested,
        )
        assert event.confidence == original.confidence
        assert (event.negated, event.hypothetical, event.future) == (
            original.negated,
            original.hypothetical,
            original.future,
        )
        assert event.headline is original.headline
        assert (event.num_mentions, event.num_articles, event.num_sources) == (1, 1, 1)
        assert event.mentions == [
            Mention(
                article_id=result.article_id,
                sentence=original.sentence,
                start=original.start,
                end=original.end,
                confidence=original.confidence,
                trigger_start=original.trigger_start,
                trigger_end=original.trigger_end,
            )
        ]
        assert doc.text[original.trigger_start : original.trigger_end] == original.trigger


def test_article_round_trip(store: Store) -> None:
    doc = rally_doc()
    result = store.add_document(doc)
    article = store.article(result.article_id)
    assert article is not None and doc.article is not None
    assert article.content_hash == doc.content_hash
    assert article.origin == doc.origin
    assert article.text == doc.text
    assert article.title == doc.article.title
    assert article.body == doc.article.body
    assert article.captions == doc.article.captions
    assert article.credits == doc.article.credits
    assert (article.source, article.url) == (doc.article.source, doc.article.url)
    assert article.published == date(2024, 3, 5)
    assert article.published_origin is DateOrigin.METADATA
    assert article.places == doc.places
    assert article.timexes == doc.timexes
    assert type(article.timexes[0].type) is TimexType
    assert abs(datetime.now(UTC) - article.ingested_at) < timedelta(minutes=5)
    assert store.article(result.article_id + 100) is None
    assert store.event(10_000) is None


def test_document_without_article_keeps_source_metadata(store: Store) -> None:
    result = store.add_document(march_doc())
    article = store.article(result.article_id)
    assert article is not None
    assert article.body is None
    assert article.title == "Student march"
    assert article.source == "Campus"
    assert (article.published, article.published_origin) == (None, None)
    assert (article.captions, article.credits, article.places, article.timexes) == ([], [], [], [])
    # Without a cleaned body the full text is what search sees.
    assert [hit.article_id for hit in store.search("chanting")] == [result.article_id]


# --- filters -------------------------------------------------------------------------


def test_filter_by_type_is_case_insensitive(filled: Store) -> None:
    assert types_of(filled.events(EventFilter(EventQuery(types=("ASSAULT",))))) == ["ASSAULT"]
    assert types_of(filled.events(EventFilter(EventQuery(types=("assault",))))) == ["ASSAULT"]
    assert filled.events(EventFilter(EventQuery(types=("SANCTION",)))) == []


def test_filter_by_country_matches_actor_or_recipient(filled: Store) -> None:
    # Actor side only: RUS is only ever the actor.
    assert types_of(filled.events(EventFilter(EventQuery(country="RUS")))) == ["ASSAULT"]
    # Recipient side (ASSAULT) and actor side (DISAPPROVE).
    ukraine = filled.events(EventFilter(EventQuery(country="ukr")))
    assert types_of(ukraine) == ["ASSAULT", "DISAPPROVE"]
    assert filled.events(EventFilter(EventQuery(country="FRA"))) == []


def test_filter_by_date_range_is_inclusive(filled: Store) -> None:
    window = EventFilter(EventQuery(since=date(2024, 3, 4), until=date(2024, 4, 9)))
    assert types_of(filled.events(window)) == ["COERCE", "ASSAULT"]
    later = filled.events(EventFilter(EventQuery(since=date(2024, 4, 10))))
    assert types_of(later) == ["DISAPPROVE"]
    assert types_of(filled.events(EventFilter(EventQuery(until=date(2024, 3, 3))))) == []


def test_flagged_events_are_excluded_unless_asked_for(filled: Store) -> None:
    default = filled.events(EventFilter(EventQuery(country="GEO")))
    assert types_of(default) == ["COERCE"]
    everything = filled.events(EventFilter(EventQuery(country="GEO", include_flagged=True)))
    assert types_of(everything) == ["COERCE", "CONSULT"]
    consult = everything[1]
    assert consult.negated and consult.future and not consult.factual


def test_filter_by_headline_keeps_the_events_a_title_reports(filled: Store) -> None:
    assert types_of(filled.events(EventFilter(EventQuery(headline=True)))) == ["COERCE", "ASSAULT"]
    assert all(event.headline for event in filled.events(EventFilter(EventQuery(headline=True))))
    every = filled.events(EventFilter(EventQuery(include_flagged=True)))
    assert [e.type for e in every if not e.headline] == ["CONSULT", "DISAPPROVE", "PROTEST"]
    both = EventFilter(EventQuery(headline=True, country="UKR"))
    assert types_of(filled.events(both)) == ["ASSAULT"]


def test_each_flag_alone_excludes_an_event(store: Store) -> None:
    first = "Rebels might storm the depot."
    second = "Rebels will storm the depot."
    third = "Rebels did not storm the depot."
    text = f"{first} {second} {third}\n"
    flags = [{"hypothetical": True}, {"future": True}, {"negated": True}]
    events = [
        event_on(text, sentence, "storm", type="ASSAULT", **flag)
        for sentence, flag in zip((first, second, third), flags, strict=True)
    ]
    store.add_document(Document(text=text, origin="flags.txt", events=events))
    assert store.events(EventFilter()) == []
    flagged = store.events(EventFilter(EventQuery(include_flagged=True)))
    assert sorted(event.mentions[0].sentence for event in flagged) == sorted((first, second, third))


def test_order_is_by_date_with_undated_last_and_pages_are_consistent(filled: Store) -> None:
    everything = filled.events(EventFilter(EventQuery(include_flagged=True)))
    dates = [event.date for event in everything]
    assert dates[-1] is None
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated) and len(dated) == 4
    pages = [
        filled.events(EventFilter(EventQuery(include_flagged=True), limit=2, offset=offset))
        for offset in (0, 2, 4)
    ]
    assert [event.id for page in pages for event in page] == [event.id for event in everything]
    with pytest.raises(ValueError, match="limit"):
        EventFilter(limit=-1)


def test_query_matches_sentences_and_article_text(filled: Store) -> None:
    # A word of one sentence: that event (the flagged CONSULT stays out).
    assert types_of(filled.events(EventFilter(EventQuery(text="detained")))) == ["COERCE"]
    # A word only in the title: every event the article mentions.
    suburbs = filled.events(EventFilter(EventQuery(text="suburbs")))
    assert types_of(suburbs) == ["ASSAULT", "DISAPPROVE"]
    # Every word must appear; a trailing star matches a prefix.
    assert types_of(filled.events(EventFilter(EventQuery(text="shelled civilians")))) == [
        "ASSAULT",
        "DISAPPROVE",
    ]
    assert filled.events(EventFilter(EventQuery(text="shelled helmets"))) == []
    prefix = EventFilter(EventQuery(text="negotiat*", include_flagged=True))
    assert types_of(filled.events(prefix)) == [
        "COERCE",
        "CONSULT",
    ]
    # Combined with other filters.
    combined = EventFilter(EventQuery(text="shelled", types=("DISAPPROVE",)))
    assert types_of(filled.events(combined)) == ["DISAPPROVE"]


@pytest.mark.parametrize(
    "query",
    ["don't", '"', 'war"', '"unclosed', "NEAR(", "title:", "*", "AND", "a OR", "(", "-", ""],
)
def test_user_queries_with_fts_syntax_do_not_crash(filled: Store, query: str) -> None:
    filled.events(EventFilter(EventQuery(text=query, include_flagged=True)))
    filled.search(query)


def test_user_query_with_apostrophe_finds_the_words(filled: Store) -> None:
    assert types_of(filled.events(EventFilter(EventQuery(text="don't")))) == ["PROTEST"]
    assert types_of(filled.events(EventFilter(EventQuery(text='"war"')))) == ["PROTEST"]
    assert filled.events(EventFilter(EventQuery(text='"'))) == []


def test_match_expression_quotes_every_word() -> None:
    assert match_expression('say "no" now') == '"say" """no""" "now"'
    assert match_expression("al-Shabaab negotiat*") == '"al-Shabaab" "negotiat"*'
    assert match_expression(' " -- * ') is None


# --- search and stats ----------------------------------------------------------------


def test_search_returns_snippets_with_markers(filled: Store) -> None:
    hits = filled.search("Riverton")
    assert len(hits) == 1
    assert hits[0].title == "Shelling hits northern suburbs"
    assert "[Riverton]" in hits[0].snippet
    custom = filled.search("helmets", markers=("<b>", "</b>"))
    assert len(custom) == 1 and "<b>helmets</b>" in custom[0].snippet
    assert filled.search("helmets", limit=0) == []
    assert filled.search("zeppelin") == []


def test_search_ranks_title_matches_first(filled: Store) -> None:
    # "police" is in the rally title and body; add an article with it in the body only.
    text = "Talks resume\nThe talks resumed after police cleared the square.\n"
    filled.add_document(
        Document(text=text, origin="talks.txt", article=Article(title="Talks resume", body=text))
    )
    hits = filled.search("police")
    assert [hit.title for hit in hits] == ["Police detain dozens at Lakeside rally", "Talks resume"]
    assert hits[0].rank <= hits[1].rank


def test_stats_count_everything(filled: Store) -> None:
    stats = filled.stats()
    assert (stats.n_articles, stats.n_events, stats.n_mentions) == (3, 5, 5)
    assert sum(stats.events_by_type.values()) == 5
    assert set(stats.events_by_type) == {"COERCE", "CONSULT", "ASSAULT", "DISAPPROVE", "PROTEST"}


def test_a_second_connection_sees_committed_data(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store(path) as writer, Store(path) as reader:
        writer.add_document(shelling_doc())
        assert [hit.title for hit in reader.search("shelling")] == [
            "Shelling hits northern suburbs"
        ]


def test_a_read_only_store_reads_and_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro-open.db"
    with Store(path) as store:
        store.add_document(rally_doc())
    before = path.stat().st_mtime_ns
    with Store(path, read_only=True) as reader:
        assert reader.stats().n_events == 2
        assert len(reader._rows("SELECT id FROM articles")) == 1
        with pytest.raises(StoreError):
            reader.add_document(replace(rally_doc(), text=rally_doc().text + " "))
    assert path.stat().st_mtime_ns == before
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", read_only=True)


def test_an_inferred_actor_is_stored_and_read_back(store: Store) -> None:
    doc = march_doc()
    doc.events[0].actor = Actor(text="police", sector="COP", country="GEO", inferred=True)
    store.add_document(doc)
    [event] = store.events(EventFilter())
    assert event.actor is not None and event.actor.inferred
    assert event.recipient is None
