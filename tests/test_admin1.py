"""Schema version 8: an event's place and every resolved place carry their first-level
region (``Place.admin1``), stored, read back, answered by the API and exported."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from eventwire import process
from eventwire.api.app import create_app
from eventwire.store import Store, schema
from test_rollups import store_at_version

TEXT = "Police detained 12 protesters in Sacramento on Friday, officials said."


def test_a_towns_region_is_stored_and_read_back(tmp_path: Path) -> None:
    doc = process(TEXT, published="2024-03-08")
    event = next(e for e in doc.events if e.place is not None)
    assert event.place is not None and event.place.admin1 == "California"
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.add_document(doc)
        stored = store.event(1)
        assert stored is not None and stored.place is not None
        assert stored.place.admin1 == "California"
        article = store.article(stored.mentions[0].article_id)
        assert article is not None
        assert {p.text: p.admin1 for p in article.places}["Sacramento"] == "California"
    client = TestClient(create_app(path))
    body = client.get("/events/1").json()
    assert body["place_admin1"] == "California"


def test_a_version_7_store_migrates_and_reads_old_places_without_a_region(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v7.db"
    conn = store_at_version(path, 7)
    conn.execute(
        "INSERT INTO events (type, place_text, place_name, place_lat, place_lon, "
        "place_precision, confidence) VALUES ('PROTEST', 'Lyon', 'Lyon', 45.7, 4.8, "
        "'point', 0.8)"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION >= 8
        columns = {r[1] for r in store._connection().execute("PRAGMA table_info(events)")}
        assert "place_admin1" in columns


def test_a_place_carries_its_first_level_region() -> None:
    # A town gives its state or province, a region itself, a country none.
    doc = process("Farmers marched in Sacramento and across Texas, and workers struck in Italy.")
    by_text = {place.text: place for place in doc.places}
    assert by_text["Sacramento"].admin1 == "California"
    assert by_text["Texas"].admin1 == "Texas"
    assert by_text["Italy"].admin1 is None
