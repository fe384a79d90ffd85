"""Events told as a summary of the past (PLOVER's "historical" context, schema version
7): stored, and left out of the default listing -- the store's listing, the CLI's
``events`` and ``export``, the API's ``/events``, ``/events/count``, ``/stats`` and
``/map/...`` -- unless asked for (``historical=include`` or ``only``). The rollups hold
none of them, and a store made before version 7 is migrated so. No spaCy: documents
are built by hand (``test_rollups.document``)."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.cli import main
from eventwire.stages.factuality import HISTORICAL
from eventwire.store import EventFilter, Store, schema
from eventwire.store.read.query import EventQuery, QueryError
from eventwire.store.rows import HISTORICAL as STORED_HISTORICAL
from test_map_rollups import assert_map_rollups_exact
from test_rollups import (
    Spec,
    assert_rollups_exact,
    connect,
    document,
    fill,
    random_specs,
    store_at_version,
)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("historical") / "events.db"
    with Store(path) as store:
        fill(store, seed=4, articles=80)
    return path


def _ids(path: Path, where: str) -> set[int]:
    conn = connect(path)
    try:
        return {int(r[0]) for r in conn.execute(f"SELECT id FROM events WHERE {where}")}
    finally:
        conn.close()


FACTUAL = "negated = 0 AND hypothetical = 0 AND future = 0"


def test_the_stored_flag_is_the_stages_context() -> None:
    assert STORED_HISTORICAL == HISTORICAL


def test_the_column_follows_the_context(store_path: Path) -> None:
    by_context = _ids(store_path, "contexts LIKE '%\"historical\"%'")
    assert by_context  # the fixture holds some
    assert _ids(store_path, "historical = 1") == by_context


def test_the_store_lists_them_only_when_asked(store_path: Path) -> None:
    historical = _ids(store_path, f"historical = 1 AND {FACTUAL}")
    others = _ids(store_path, f"historical = 0 AND {FACTUAL}")
    with Store(store_path, create=False) as store:
        for choice, expected in (
            ("exclude", others),
            ("include", others | historical),
            ("only", historical),
        ):
            flt = EventFilter(EventQuery(historical=choice), limit=10_000)
            assert {e.id for e in store.events(flt)} == expected, choice
            assert store.count_events(flt) == len(expected)
        # The default is "exclude".
        assert {e.id for e in store.events(EventFilter(EventQuery(), limit=10_000))} == others
    with pytest.raises(QueryError, match="historical must be one of"):
        EventQuery(historical="sometimes")


def test_the_api_leaves_them_out_of_every_default_answer(store_path: Path) -> None:
    historical = _ids(store_path, f"historical = 1 AND {FACTUAL}")
    others = _ids(store_path, f"historical = 0 AND {FACTUAL}")
    with TestClient(create_app(str(store_path))) as client:
        for params, expected in (
            ({}, others),
            ({"historical": "include"}, others | historical),
            ({"historical": "only"}, historical),
        ):
            page = client.get("/events", params={**params, "limit": 500}).json()
            assert {e["id"] for e in page["events"]} == expected, params
            count = client.get("/events/count", params=params).json()["count"]
            assert count == len(expected)
            stats = client.get("/stats", params={**params, "group": "dyad,type"}).json()
            assert sum(row["n"] for row in stats["rows"]) == len(expected)
            by_day = client.get("/stats", params={**params, "group": "day", "country": "ARC"})
            assert by_day.status_code == 200
            summary = client.get("/map/summary", params=params).json()
            assert summary["events"] == len(expected), params
            series = client.get("/map/series", params={**params, "grain": "month"}).json()
            assert sum(row["n"] for row in series["rows"]) == len(expected)
            areas = client.get("/map/areas", params=params).json()
            placed = sum(row["n"] for row in areas["rows"])
            assert placed + areas["unplaced"]["n"] == len(expected)
            for nodes in ("country", "sector"):
                pairs = client.get("/map/pairs", params={**params, "nodes": nodes}).json()
                shown = sum(row["n"] for row in pairs["rows"])
                assert shown + pairs["more_events"] + pairs["unpaired"] == len(expected)
        bad = client.get("/events", params={"historical": "sometimes"})
        assert bad.status_code == 422


def test_the_cli_lists_and_exports_them_only_when_asked(store_path: Path) -> None:
    historical = _ids(store_path, f"historical = 1 AND {FACTUAL}")
    others = _ids(store_path, f"historical = 0 AND {FACTUAL}")
    runner = CliRunner()
    for args, expected in (
        ((), others),
        (("--historical", "include"), others | historical),
        (("--historical", "only"), historical),
    ):
        listed = runner.invoke(
            main,
            ["events", "--db", str(store_path), "--format", "json", "--limit", "500", *args],
        )
        assert listed.exit_code == 0, listed.output
        assert {e["id"] for e in json.loads(listed.output)} == expected, args
        exported = runner.invoke(
            main, ["export", "--format", "csv", "--no-header", "--db", str(store_path), *args]
        )
        assert exported.exit_code == 0, exported.output
        assert len(list(csv.reader(io.StringIO(exported.output)))) == len(expected), args


def test_a_store_of_version_6_is_migrated_and_its_rollups_leave_them_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v6.db"
    conn = store_at_version(path, 6)
    rng = random.Random(23)
    for k, spec in enumerate(random_specs(rng, 300)):
        contexts = '["historical"]' if k % 10 == 0 else '["agentive"]' if k % 10 == 1 else "[]"
        conn.execute(
            "INSERT INTO events (type, actor_country, recipient_country, date, confidence, "
            "contexts, dead, place_lat, place_lon, place_country_code) "
            "VALUES (?, ?, ?, ?, 0.5, ?, ?, 10.5, 20.5, 'XA')",
            (
                spec.type,
                spec.actor,
                spec.recipient,
                None if spec.day is None else spec.day.isoformat(),
                contexts,
                k % 4,
            ),
        )
    conn.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION >= 7
    conn = connect(path)
    assert _ids(path, "historical = 1") == _ids(path, "(id - 1) % 10 = 0")
    assert_rollups_exact(conn)
    assert_map_rollups_exact(conn)
    assert conn.execute("SELECT sum(n) FROM event_counts_type_month").fetchone()[0] == 270
    # ... and the triggers keep them so: an event told again as news is listed again.
    conn.execute("UPDATE events SET historical = 0 WHERE id = 1")
    conn.execute("UPDATE events SET historical = 1, date = '2023-05-05' WHERE id = 3")
    conn.execute("DELETE FROM events WHERE id IN (11, 12)")
    assert_rollups_exact(conn)
    assert_map_rollups_exact(conn)
    conn.close()


def test_a_report_as_news_puts_a_merged_event_back_in_the_listing(tmp_path: Path) -> None:
    path = tmp_path / "merge.db"
    told = Spec("ASSAULT", "ARC", "BOR", None, flag="historical")
    news = Spec("ASSAULT", "ARC", "BOR", None)
    with Store(path) as store:
        first = store.add_document(document(1, [told]))
        second = store.add_document(document(2, [news], source="Valley Times"))
        listed = store.events(EventFilter(EventQuery(), limit=10))
    conn = connect(path)
    event_id = conn.execute(
        "SELECT event_id FROM mentions WHERE article_id = ?", (first.article_id,)
    ).fetchone()[0]
    if second.n_merged == 1:  # merged into the stored event: now news
        row = conn.execute(
            "SELECT historical, contexts FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        assert row[0] == 0 and HISTORICAL not in json.loads(row[1])
        assert [e.id for e in listed] == [event_id]
    else:  # stored apart: only the news is listed
        assert event_id not in {e.id for e in listed} and len(listed) == 1
    assert_rollups_exact(conn)
    conn.close()
