"""Tests of the REST API (``eventwire.api``) on a small store of fictional news."""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.api import app as api_app
from eventwire.api import create_app
from eventwire.api import docs as api_docs
from eventwire.api.schemas import (
    ArticleOut,
    ArticlePageOut,
    EventDetailOut,
    EventPageOut,
    SearchOut,
    StatsOut,
)
from eventwire.errors import StoreError
from eventwire.export.event_records import event_record
from eventwire.store import Store
from eventwire.store.schema import SCHEMA_VERSION
from test_api_data import (
    FACTUAL_BY_DATE_DESC,
    HEADLINE_EVENTS,
    EventSpec,
    build_store,
    make_doc,
)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "events.db")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_path))) as test_client:
        yield test_client


def ids(client: TestClient, **params: Any) -> list[int]:
    response = client.get("/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return [event["id"] for event in response.json()["events"]]


def detail(response: Any) -> str:
    body = response.json()
    assert isinstance(body["detail"], str)
    return str(body["detail"])


# --- health, list, filters -------------------------------------------------------------


def test_health_counts_the_store(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "schema_version": SCHEMA_VERSION,
        "articles": 6,
        "events": 10,
    }


def test_events_are_factual_latest_first_with_undated_last(client: TestClient) -> None:
    response = client.get("/events")
    assert response.status_code == 200
    body = response.json()
    EventPageOut.model_validate(body)
    assert [e["id"] for e in body["events"]] == FACTUAL_BY_DATE_DESC
    assert body["next_cursor"] is None
    assert ids(client, sort="date") == [6, 5, 1, 2, 3, 9, 7, 8]


def test_event_json_holds_the_record_counts_and_first_mention(
    client: TestClient, db_path: Path
) -> None:
    event = next(e for e in client.get("/events").json()["events"] if e["id"] == 1)
    with Store(db_path, create=False) as store:
        stored = store.event(1)
    assert stored is not None
    record = event_record(stored).to_dict()
    for key, value in record.items():
        assert event[key] == value, key
    assert event["num_mentions"] == 2
    assert event["num_articles"] == 2
    assert event["num_sources"] == 2
    mention = event["mention"]
    assert mention["article_id"] == 1
    assert mention["article_title"] == "Shells hit the Northbridge market"
    text = client.get("/articles/1").json()["text"]
    assert text[mention["start"] : mention["end"]] == mention["sentence"]
    assert text[mention["trigger_start"] : mention["trigger_end"]] == "shelled"


def test_every_event_says_whether_a_headline_reports_it(client: TestClient) -> None:
    found = client.get("/events", params={"include_flagged": "true"}).json()["events"]
    assert {e["id"] for e in found if e["headline"] is True} == HEADLINE_EVENTS
    assert all(e["headline"] is False for e in found if e["id"] not in HEADLINE_EVENTS)
    assert client.get("/events/9").json()["headline"] is True
    assert client.get("/events/2").json()["headline"] is False
    bad = client.get("/events", params={"headline": "maybe"})
    assert bad.status_code == 422


def test_include_flagged_adds_negated_and_hypothetical_events(client: TestClient) -> None:
    found = client.get("/events", params={"include_flagged": "true"}).json()["events"]
    assert sorted(e["id"] for e in found) == list(range(1, 11))
    flags = {e["id"]: e["flags"] for e in found}
    assert flags[4] == ["negated"]
    assert flags[10] == ["hypothetical"]
    assert flags[1] == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "ASSAULT"}, {1, 6, 9}),
        ({"type": "assault"}, {1, 6, 9}),
        ({"type": ["ASSAULT", "PROTEST"]}, {1, 2, 5, 6, 9}),
        ({"type": "ASSAULT,PROTEST"}, {1, 2, 5, 6, 9}),
        ({"mode": "arrest"}, {3}),
        ({"country": "UKR"}, {1, 2, 8}),
        ({"country": "ukr"}, {1, 2, 8}),
        ({"actor_country": "UKR"}, {2}),
        ({"recipient_country": "UKR"}, {1, 8}),
        ({"actor_sector": "MIL"}, {1}),
        ({"recipient_sector": "MIL"}, {9}),
        ({"since": "2023-01-01"}, {1, 2, 3, 9}),
        ({"until": "2022-12-31"}, {5, 6}),
        ({"since": "2023-05-01", "until": "2023-05-02"}, {1, 2}),
        ({"bbox": "22,44,40,53"}, {1}),
        ({"bbox": "170,-25,-165,-10"}, {5, 6}),  # across the antimeridian
        ({"bbox": "170,-25,180,-10"}, {5}),
        ({"near": "50.40,30.50", "radius_km": "20"}, {1}),
        ({"near": "-18.0,178.5"}, {5}),  # default radius 50 km
        ({"near": "-18.0,178.5", "radius_km": "1000"}, {5}),
        ({"near": "-18.0,178.5", "radius_km": "1200"}, {5, 6}),
        ({"q": "market"}, {1, 2}),  # in article A's title: both its events
        ({"q": "toll"}, {1}),  # only in the title of the second report's article
        ({"q": "talks"}, {7, 8}),  # article D's title: every event it mentions
        ({"q": "ambush*"}, {9}),  # a prefix; event 10 of the same article is flagged
        ({"q": "nothing-like-this-word"}, set()),
        ({"q": '" -'}, set()),
        ({"min_confidence": "0.8"}, {1, 5, 9}),
        ({"type": "ASSAULT", "country": "COD"}, {9}),
        ({"type": "CONSULT", "include_flagged": "true"}, {4, 7}),
        ({"headline": "true"}, {1, 3, 9}),  # event 1 through its merged second report
        ({"headline": "false"}, {2, 5, 6, 7, 8}),
        ({"headline": "true", "type": "ASSAULT"}, {1, 9}),
        ({"headline": "true", "country": "GEO", "include_flagged": "true"}, {3}),
        ({"headline": "true", "since": "2023-06-01"}, {3, 9}),
    ],
)
def test_each_filter_selects_its_events(
    client: TestClient, params: dict[str, Any], expected: set[int]
) -> None:
    assert set(ids(client, **params)) == expected
    count = client.get("/events/count", params=params)
    assert count.status_code == 200
    assert count.json() == {"count": len(expected)}


# --- pagination ----------------------------------------------------------------------


def all_pages(client: TestClient, limit: int, **params: Any) -> list[list[int]]:
    pages: list[list[int]] = []
    cursor = None
    while True:
        query = {"limit": limit, **params}
        if cursor is not None:
            query["cursor"] = cursor
        body = client.get("/events", params=query).json()
        pages.append([e["id"] for e in body["events"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 50, "pagination does not end"


@pytest.mark.parametrize(
    "sort", ["-date", "date", "-confidence", "confidence", "-mentions", "mentions"]
)
@pytest.mark.parametrize("limit", [1, 3, 8])
def test_cursor_pages_are_disjoint_complete_and_in_order(
    client: TestClient, sort: str, limit: int
) -> None:
    whole = ids(client, sort=sort, include_flagged="true")
    assert sorted(whole) == list(range(1, 11))
    pages = all_pages(client, limit, sort=sort, include_flagged="true")
    assert all(len(page) <= limit for page in pages)
    assert [i for page in pages for i in page] == whole


def test_sorts_order_by_their_key(client: TestClient) -> None:
    assert ids(client, sort="-confidence") == [1, 9, 5, 3, 6, 7, 2, 8]
    assert ids(client, sort="-mentions")[0] == 1
    assert ids(client, sort="mentions")[-1] == 1


def test_pages_stay_stable_when_events_are_added(tmp_path: Path) -> None:
    path = build_store(tmp_path / "growing.db")
    with TestClient(create_app(str(path))) as client:
        first = client.get("/events", params={"limit": 3}).json()
        assert [e["id"] for e in first["events"]] == FACTUAL_BY_DATE_DESC[:3]
        later = make_doc(
            "later.txt",
            "Later reports",
            [
                EventSpec(
                    "Farmers blocked the ring road with tractors.",
                    "blocked",
                    "PROTEST",
                    ("Farmers", "POL", "AGR"),
                    day=date(2025, 2, 1),  # newer than everything: before the cursor
                ),
                EventSpec(
                    "Miners marched on the coal board.",
                    "marched",
                    "PROTEST",
                    ("Miners", "POL", "LAB"),
                    day=date(2021, 3, 3),  # older than everything dated: after it
                ),
                EventSpec(
                    "Nurses picketed the clinic.", "picketed", "PROTEST", ("Nurses", "POL", "LAB")
                ),
            ],
            published=None,
            source="Late Edition",
        )
        with Store(path, merge_events=False) as store:
            store.add_document(later)
        rest: list[int] = []
        cursor = first["next_cursor"]
        while cursor is not None:
            body = client.get("/events", params={"limit": 3, "cursor": cursor}).json()
            rest += [e["id"] for e in body["events"]]
            cursor = body["next_cursor"]
    # 11: 2025 (sorts before the cursor, not shown); 12: 2021 (after 6); 13: undated,
    # the newest id, first of the undated in descending order.
    assert rest == [1, 5, 6, 12, 13, 8, 7]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "W10"}, "cursor"),  # base64 of "[]"
        ({"cursor": "WyItZGF0ZSIsIm5vdC1hLWRhdGUiLDNd"}, "cursor"),  # bad date key
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "0,95,10,96"}, "latitude"),
        ({"bbox": "0,10,10,5"}, "minLat"),
        ({"bbox": "0,nan,10,5"}, "bbox"),
        ({"near": "50"}, "near"),
        ({"near": "50,200"}, "longitude"),
        ({"radius_km": "10"}, "near"),
        ({"near": "50,30", "radius_km": "-5"}, "radius_km"),
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
        ({"sort": "size"}, "sort"),
        ({"since": "2024-13-01"}, "since"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "since"),
        ({"min_confidence": "2"}, "min_confidence"),
    ],
)
def test_bad_parameters_get_422_with_a_clear_message(
    client: TestClient, params: dict[str, str], message: str
) -> None:
    response = client.get("/events", params=params)
    assert response.status_code == 422
    assert message in detail(response)
    assert "\n" not in detail(response)


def test_a_cursor_only_continues_its_own_sort(client: TestClient) -> None:
    cursor = client.get("/events", params={"limit": 2}).json()["next_cursor"]
    response = client.get("/events", params={"limit": 2, "cursor": cursor, "sort": "confidence"})
    assert response.status_code == 422
    assert "sort" in detail(response)


# --- one event, articles, search --------------------------------------------------------


def test_event_detail_lists_every_mention_with_offsets(client: TestClient) -> None:
    response = client.get("/events/1")
    assert response.status_code == 200
    body = response.json()
    EventDetailOut.model_validate(body)
    assert [m["article_id"] for m in body["mentions"]] == [1, 5]
    assert [m["source"] for m in body["mentions"]] == ["Harbor Post", "Evening Ledger"]
    for mention in body["mentions"]:
        text = client.get(f"/articles/{mention['article_id']}").json()["text"]
        assert text[mention["start"] : mention["end"]] == mention["sentence"]
        assert text[mention["trigger_start"] : mention["trigger_end"]] == "shelled"
        assert text[mention["actor_start"] : mention["actor_end"]] == "Artillery crews"
        assert text[mention["place_start"] : mention["place_end"]] == "Northbridge"
        assert mention["article_url"].startswith("https://news.example/")
    assert body["mentions"][0]["published"] == "2023-05-02"
    assert body["dead"] == 3  # the lowest figure reported


def test_missing_ids_get_404_and_bad_ids_422(client: TestClient) -> None:
    for url in ("/events/999", "/articles/999"):
        response = client.get(url)
        assert response.status_code == 404
        assert "999" in detail(response)
    assert client.get("/events/first").status_code == 422


def test_articles_page_newest_first_with_event_counts(client: TestClient) -> None:
    body = client.get("/articles").json()
    ArticlePageOut.model_validate(body)
    articles = body["articles"]
    assert [a["id"] for a in articles] == [6, 5, 4, 3, 2, 1]
    by_id = {a["id"]: a for a in articles}
    assert by_id[1]["n_events"] == 2
    assert by_id[5]["n_events"] == 1
    assert by_id[1]["source"] == "Harbor Post"
    assert by_id[4]["published"] is None
    pages: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 4}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/articles", params=params).json()
        pages += [a["id"] for a in page["articles"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == [6, 5, 4, 3, 2, 1]
    assert [a["id"] for a in client.get("/articles", params={"q": "Suva"}).json()["articles"]] == [
        3
    ]
    assert client.get("/articles", params={"cursor": "garbage"}).status_code == 422


def test_article_detail_offsets_index_into_its_text(client: TestClient) -> None:
    response = client.get("/articles/1")
    assert response.status_code == 200
    body = response.json()
    ArticleOut.model_validate(body)
    text = body["text"]
    assert body["title"] == "Shells hit the Northbridge market"
    assert body["published"] == "2023-05-02"
    assert body["published_origin"] == "metadata"
    assert [(text[p["start"] : p["end"]], p["country_code"]) for p in body["places"]] == [
        ("Northbridge", "UA")
    ]
    assert [(text[t["start"] : t["end"]], t["value"]) for t in body["timexes"]] == [
        ("Monday", "2023-05-01")
    ]
    mentions = body["mentions"]
    assert [(m["event_id"], m["type"]) for m in mentions] == [(1, "ASSAULT"), (2, "PROTEST")]
    assert text[mentions[1]["trigger_start"] : mentions[1]["trigger_end"]] == "marched"
    assert text[mentions[0]["recipient_start"] : mentions[0]["recipient_end"]] == "three shoppers"


def test_search_returns_snippet_parts_not_html(client: TestClient) -> None:
    response = client.get("/search", params={"q": "onerror"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    SearchOut.model_validate(body)
    [hit] = body["hits"]
    assert hit["article_id"] == 3
    parts = hit["snippet"]
    assert [p["text"] for p in parts if p["match"]] == ["onerror"]
    joined = "".join(p["text"] for p in parts)
    assert "<img src=x onerror=alert(1)>" in joined  # as text, for the client to escape
    assert "\ue000" not in joined and "\ue001" not in joined


def test_search_ranks_title_matches_first(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "Northbridge"}).json()["hits"]
    assert [h["article_id"] for h in hits] == [1, 5]
    assert hits[0]["rank"] <= hits[1]["rank"]
    assert (
        client.get("/search", params={"q": "Northbridge", "limit": 1}).json()["hits"][0][
            "article_id"
        ]
        == 1
    )
    assert client.get("/search").status_code == 422
    assert client.get("/search", params={"q": "zzzqqq"}).json() == {"hits": []}


# --- stats ---------------------------------------------------------------------------


def stats(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/stats", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    StatsOut.model_validate(body)
    return body


def test_stats_by_type_largest_first(client: TestClient) -> None:
    body = stats(client, group="type")
    assert body["group"] == ["type"]
    assert body["rows"][0] == {"type": "ASSAULT", "n": 3}
    assert {r["type"]: r["n"] for r in body["rows"]} == {
        "ASSAULT": 3, "PROTEST": 2, "COERCE": 1, "CONSULT": 1, "AID": 1,
    }  # fmt: skip


def test_stats_by_day_in_time_order_undated_last(client: TestClient) -> None:
    rows = stats(client, group="day")["rows"]
    assert [r["day"] for r in rows] == [
        "2022-11-18", "2022-11-19", "2023-05-01", "2023-05-02", "2023-06-09", "2024-01-14", None,
    ]  # fmt: skip
    assert rows[-1]["n"] == 2
    rows = stats(client, group="month", since="2023-01-01")["rows"]
    assert rows == [
        {"month": "2023-05", "n": 2},
        {"month": "2023-06", "n": 1},
        {"month": "2024-01", "n": 1},
    ]


def test_stats_by_dyad_and_type_with_filters(client: TestClient) -> None:
    body = stats(client, group="dyad")
    assert body["group"] == ["actor_country", "recipient_country"]
    dyads = {(r["actor_country"], r["recipient_country"]): r["n"] for r in body["rows"]}
    assert dyads[("RUS", "UKR")] == 1
    assert dyads[("UKR", None)] == 1
    assert sum(dyads.values()) == 8
    body = stats(client, group="dyad,type", country="UKR")
    assert body["group"] == ["actor_country", "recipient_country", "type"]
    assert sorted((r["actor_country"], r["type"], r["n"]) for r in body["rows"]) == [
        ("DEU", "AID", 1), ("RUS", "ASSAULT", 1), ("UKR", "PROTEST", 1),
    ]  # fmt: skip
    body = stats(client, group="day,type", type="ASSAULT", include_flagged="true")
    assert [(r["day"], r["type"]) for r in body["rows"]] == [
        ("2022-11-18", "ASSAULT"), ("2023-05-01", "ASSAULT"), ("2024-01-14", "ASSAULT"),
    ]  # fmt: skip
    assert len(stats(client, group="type", limit=2)["rows"]) == 2


def test_stats_of_headline_events_count_only_them(client: TestClient) -> None:
    # The rollups hold no headline column: these come from the events themselves.
    rows = stats(client, group="type", headline="true")["rows"]
    assert {r["type"]: r["n"] for r in rows} == {"ASSAULT": 2, "COERCE": 1}
    rows = stats(client, group="month", headline="true", since="2023-01-01")["rows"]
    assert rows == [
        {"month": "2023-05", "n": 1},
        {"month": "2023-06", "n": 1},
        {"month": "2024-01", "n": 1},
    ]


@pytest.mark.parametrize("group", ["weekday", "type,type", "", "day,"])
def test_stats_refuses_unknown_groups(client: TestClient, group: str) -> None:
    response = client.get("/stats", params={"group": group})
    assert response.status_code == 422
    assert "group" in detail(response)


# --- export --------------------------------------------------------------------------


def test_export_every_format_as_an_attachment(client: TestClient) -> None:
    export = pytest.importorskip("eventwire.export")
    for name, spec in export.EXPORT_FORMATS.items():
        response = client.get("/export", params={"format": name})
        assert response.status_code == 200, (name, response.text[:200])
        disposition = response.headers["content-disposition"]
        assert disposition.startswith("attachment")
        assert spec.suffix.lstrip(".") in disposition
        assert response.headers["content-type"].startswith(spec.media_type)
        assert response.content, name


def test_export_applies_the_filters(client: TestClient) -> None:
    pytest.importorskip("eventwire.export")
    lines = client.get("/export", params={"format": "csv", "type": "ASSAULT"}).text.splitlines()
    assert len(lines) == 1 + 3
    plover = client.get("/export", params={"format": "plover", "include_flagged": "true"})
    assert len(plover.text.splitlines()) == 10
    geojson = client.get("/export", params={"format": "geojson", "country": "UKR"}).json()
    assert len(geojson["features"]) == 1  # only event 1 of 1, 2, 8 has coordinates
    parquet = client.get("/export", params={"format": "parquet"})
    assert parquet.content[:4] == b"PAR1"
    headlines = client.get("/export", params={"format": "plover", "headline": "true"})
    records = [json.loads(line) for line in headlines.text.splitlines()]
    assert {r["id"] for r in records} == HEADLINE_EVENTS
    assert all(r["headline"] is True for r in records)
    pyarrow = pytest.importorskip("pyarrow.parquet")
    assert pyarrow.read_table(io.BytesIO(parquet.content)).num_rows == 8


def test_export_leaves_no_file_behind(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("eventwire.export")
    import tempfile

    from eventwire.api.routes_events import _chunks

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    response = client.get("/export", params={"format": "csv"})
    assert response.status_code == 200 and response.text.startswith("id,")
    assert list(scratch.iterdir()) == []
    # a download cut short closes the file, which the system then deletes
    with tempfile.TemporaryFile() as file:
        file.write(b"x" * 200_000)
        file.seek(0)
        blocks = _chunks(file)
        next(blocks)
        blocks.close()
        assert file.closed


def test_export_refuses_an_unknown_format(client: TestClient) -> None:
    pytest.importorskip("eventwire.export")
    response = client.get("/export", params={"format": "xlsx"})
    assert response.status_code == 422
    assert "csv" in detail(response)


# --- docs, dashboard, read-only -------------------------------------------------------


def assets(page: str) -> list[str]:
    return re.findall(r"""(?:src|href)=["']([^"']+)["']""", page)


def test_docs_load_nothing_from_outside_the_server(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    page = response.text
    assert not re.search(r"https?://", page), "the docs page references an outside URL"
    for url in assets(page):
        assert url.startswith("/"), url
        assert client.get(url).status_code == 200, url
    assert client.get("/redoc").status_code == 404


def test_docs_without_swagger_ui_use_the_built_in_page(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api_docs, "swagger_ui_folder", lambda: None)
    with TestClient(create_app(str(db_path))) as client:
        page = client.get("/docs").text
    assert not re.search(r"https?://", page)
    assert 'data-openapi="/openapi.json"' in page
    assert "innerHTML" not in page


def test_openapi_lists_the_contract(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/health", "/events", "/events/count", "/events/{event_id}", "/articles",
        "/articles/{article_id}", "/search", "/stats", "/export",
    } <= paths  # fmt: skip
    assert "/ingest" not in paths
    params = {p["name"] for p in schema["paths"]["/events"]["get"]["parameters"]}
    assert {"type", "bbox", "near", "radius_km", "q", "cursor", "sort", "limit"} <= params


def test_read_only_by_default(client: TestClient, db_path: Path) -> None:
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    response = client.post("/ingest", json={"text": "Police arrested a man."})
    assert response.status_code in (404, 405)
    assert client.post("/events", json={}).status_code == 405
    for url in ("/events", "/stats?group=day", "/articles/1", "/search?q=market"):
        assert client.get(url).status_code == 200
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_dashboard_or_a_page_saying_it_is_missing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = api_app.static_folder()
    with TestClient(create_app(str(db_path))) as client:
        response = client.get("/")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["x-content-type-options"] == "nosniff"
        if folder is not None and (folder / "index.html").is_file():
            assert response.text == (folder / "index.html").read_text(encoding="utf-8")
    monkeypatch.setattr(api_app, "static_folder", lambda: None)
    with TestClient(create_app(str(db_path))) as client:
        response = client.get("/")
        assert "dashboard" in response.text and "missing" in response.text
        assert client.get("/static/index.html").status_code == 404


def test_static_files_are_served_under_static(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>board</title>", encoding="utf-8")
    (tmp_path / "app.js").write_text("console.log('board');", encoding="utf-8")
    monkeypatch.setattr(api_app, "static_folder", lambda: tmp_path)
    with TestClient(create_app(str(db_path))) as client:
        assert "board" in client.get("/").text
        script = client.get("/static/app.js")
        assert script.status_code == 200
        assert "javascript" in script.headers["content-type"]


def test_a_missing_or_foreign_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(str(tmp_path / "missing.db"))
    other = tmp_path / "other.db"
    import sqlite3

    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(StoreError, match="not an eventwire store"):
        create_app(str(other))
    with sqlite3.connect(other) as conn:
        conn.execute("PRAGMA user_version = 1")
    with pytest.raises(StoreError, match="not an eventwire store"):
        create_app(str(other))
    assert {row[0] for row in sqlite3.connect(other).execute("SELECT name FROM sqlite_schema")} == {
        "notes"
    }
    (tmp_path / "junk.db").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        create_app(str(tmp_path / "junk.db"))
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    with TestClient(create_app(str(empty))) as client:
        assert client.get("/health").json()["events"] == 0
    with pytest.raises(ValueError, match="empty"):
        create_app(str(other), ingest_token=" ")


def test_the_response_json_is_the_documented_shape(client: TestClient) -> None:
    body = client.get("/events", params={"limit": 1}).json()
    event = body["events"][0]
    documented = set(EventPageOut.model_json_schema()["$defs"]["EventOut"]["properties"])
    assert documented <= set(event)
    assert json.loads(json.dumps(body)) == body


STRATEGY_PARAMS = [
    {},
    {"type": "ASSAULT"},
    {"type": ["ASSAULT", "PROTEST"], "country": "UKR"},
    {"country": "UKR", "sort": "date"},
    {"actor_country": "GEO", "type": "COERCE"},
    {"recipient_country": "UKR", "include_flagged": "true"},
    {"q": "market"},
    {"q": "talks", "type": "AID"},
    {"bbox": "170,-25,-165,-10"},
    {"near": "50.40,30.50", "radius_km": "20", "sort": "-mentions"},
    {"min_confidence": "0.6", "sort": "confidence"},
]


@pytest.mark.parametrize("params", STRATEGY_PARAMS)
def test_every_way_of_reading_a_page_gives_the_same_events(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, params: dict[str, Any]
) -> None:
    from eventwire.store.read import paging, reader

    with TestClient(create_app(str(db_path))) as client:
        expected = [i for page in all_pages(client, 2, **params) for i in page]
        assert expected == ids(client, **params)
        # A walk that gives up at once: every page comes from the search.
        monkeypatch.setattr(paging, "WALK_BUDGET", 1)
        monkeypatch.setattr(paging, "COVERED_WALK_BUDGET", 1)
        assert [i for page in all_pages(client, 2, **params) for i in page] == expected
        # Walks tried first everywhere, long enough to answer; text tested row by row.
        monkeypatch.setattr(paging, "WALK_BUDGET", 1000)
        monkeypatch.setattr(paging.SegmentPlan, "walk_first", property(lambda self: True))
        monkeypatch.setattr(reader, "COMMON_TEXT_ARTICLES", 0)
        assert [i for page in all_pages(client, 2, **params) for i in page] == expected


API_INDEXES = (
    "events_factual_date",
    "events_actor_type",
    "events_recipient_type",
    "events_place",
    "events_confidence",
    "events_mentions",
    "mentions_article_event",
    "events_headline",
)


def test_the_api_indexes_change_no_answer(tmp_path: Path, client: TestClient) -> None:
    """The schema's indexes for the API (and the INDEXED BY hint) only make answers
    faster: a store without them answers every request the same."""
    import sqlite3

    path = build_store(tmp_path / "bare.db")
    with sqlite3.connect(path) as conn:
        for name in API_INDEXES:
            conn.execute(f"DROP INDEX {name}")
    urls = [
        "/events/count",
        "/events/count?since=2023-01-01",
        "/stats?group=day",
        "/stats?group=type",
        "/stats?group=dyad,type&until=2023-12-31",
        "/stats?group=month&include_flagged=true",
        "/events/count?headline=true",
        "/stats?group=type&headline=true&since=2023-01-01",
    ] + [
        f"/events?{p}"
        for p in (
            "",
            "type=ASSAULT&country=UKR",
            "bbox=22,44,40,53",
            "sort=-mentions&type=ASSAULT",
            "sort=confidence&include_flagged=true",
            "headline=true&type=ASSAULT",
        )
    ]
    with TestClient(create_app(str(path))) as bare:
        for url in urls:
            assert bare.get(url).json() == client.get(url).json(), url


def test_counts_of_headline_events_read_the_partial_index(db_path: Path) -> None:
    import sqlite3

    from eventwire.store.read.query import EventQuery, count_statement, where_clause

    statement = count_statement(where_clause(EventQuery(headline=True)))
    with sqlite3.connect(db_path) as conn:
        plan = conn.execute(f"EXPLAIN QUERY PLAN {statement.sql}", statement.params).fetchall()
        assert "events_headline" in " ".join(str(step[-1]) for step in plan)
        assert conn.execute(statement.sql, statement.params).fetchone()[0] == 3


def test_serve_command_runs_uvicorn_on_the_app(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from click.testing import CliRunner

    from eventwire.cli.serve import serve

    calls: list[dict[str, Any]] = []

    def fake_run(server: Any, sockets: list[Any] | None = None) -> None:
        [sock] = sockets or []
        calls.append({"app": server.config.app, "address": sock.getsockname()})

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    monkeypatch.setenv("EVENTWIRE_INGEST_TOKEN", "token-from-the-environment")
    port = free_port()
    result = CliRunner().invoke(
        serve, ["--db", str(db_path), "--port", str(port), "--max-upload-mb", "0.5"]
    )
    assert result.exit_code == 0, result.output
    assert "ingest enabled" in result.output
    [call] = calls
    assert call["address"] == ("127.0.0.1", port)
    with TestClient(call["app"], base_url=f"http://127.0.0.1:{port}") as client:
        refused = client.post("/ingest", json={"text": "x"})
        assert refused.status_code == 401
        too_big = client.post(
            "/ingest",
            content=b"x" * 600_000,
            headers={
                "Authorization": "Bearer token-from-the-environment",
                "Content-Type": "application/json",
            },
        )
        assert too_big.status_code == 413


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_command_reports_a_missing_database(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventwire.cli.serve import serve

    result = CliRunner().invoke(serve, ["--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such database" in result.output
    assert "Traceback" not in result.output


def test_the_benchmark_runs_on_a_small_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "api.py"
    spec = importlib.util.spec_from_file_location("benchmark_api", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "benchmark_api", module)
    spec.loader.exec_module(module)
    module.main(["--events", "3000", "--repeat", "2", "--db", str(tmp_path / "bench.db")])
    table = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    assert table[0].startswith("| request | p50 ms | p95 ms")
    assert len(table) >= 12
    assert any(line.startswith("| /stats group=dyad") for line in table)
    # The bulk load fills the rollups as the migration does.
    import sqlite3

    with sqlite3.connect(tmp_path / "bench.db") as conn:
        for table_name in ("event_counts_type_day", "event_counts_dyad_year"):
            total = conn.execute(f"SELECT sum(n) FROM {table_name}").fetchone()[0]
            assert total == conn.execute("SELECT count(*) FROM events").fetchone()[0] == 3000


def test_the_api_records_are_the_readers_records(client: TestClient) -> None:
    """Each field is declared once: the OpenAPI document lists a record's fields, in
    order, for the API models that are the reader's records under the API's names."""
    from dataclasses import fields

    from eventwire.store.read import results

    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name, record in {
        "MentionOut": results.MentionDetail,
        "ArticleSummaryOut": results.ArticleSummary,
        "ArticleMentionOut": results.ArticleMention,
        "SnippetPartOut": results.SnippetPart,
        "SearchHitOut": results.SearchResult,
    }.items():
        assert list(schemas[name]["properties"]) == [f.name for f in fields(record)], name
        assert schemas[name].get("additionalProperties") is None, name
    health = schemas["HealthOut"]["properties"]
    assert set(health) == {f.name for f in fields(results.Health)} | {"status"}
