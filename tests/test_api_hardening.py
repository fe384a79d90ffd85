"""The API's defences, in process: time budgets, snippets in linear time, dates, JSON
errors, allowed hosts and security headers (issue 14; the live replay of the attacks
is ``test_api_attacks.py``)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.api.params import parse_day
from eventwire.api.security import host_name, normalise_hosts
from eventwire.store import Store
from eventwire.store.read.database import Database
from eventwire.store.read.map_reader import MapReader
from eventwire.store.read.query import QueryError, QueryTimeout, Statement
from eventwire.store.read.reader import Reader
from eventwire.store.read.snippets import SnippetTerms, snippet
from test_api_data import build_store

# A query that counts to a billion: seconds of work for SQLite, step by step.
SLOW_SQL = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
    "SELECT count(*) FROM n"
)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("hardening") / "events.db")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_path), time_limit=0.5)) as test_client:
        yield test_client


# --- time budget -----------------------------------------------------------------------


def test_a_read_past_its_budget_is_stopped(db_path: Path) -> None:
    database = Database(db_path, time_limit=0.3)
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"time limit of 0\.3 s"), database.reader() as reader:
        reader._rows(SLOW_SQL)
    assert time.monotonic() - started < 2.0
    with database.reader() as reader:  # the connection serves the next read
        assert reader.health().articles > 0
    database.close()


def test_a_route_past_its_budget_answers_503_and_the_next_one_works(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_health = Reader.health

    def slow_health(self: Reader) -> Any:
        self._rows(SLOW_SQL)
        return real_health(self)

    monkeypatch.setattr(Reader, "health", slow_health)
    started = time.monotonic()
    response = client.get("/health")
    assert time.monotonic() - started < 3.0
    assert response.status_code == 503
    assert "time limit" in response.json()["detail"]
    monkeypatch.setattr(Reader, "health", real_health)
    assert client.get("/health").status_code == 200


def test_a_map_route_past_its_budget_answers_503_and_the_next_one_works(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dashboard's reads run under the same budget as the others."""
    real_sources = MapReader.sources

    def slow_sources(self: MapReader) -> Any:
        self._rows(Statement(SLOW_SQL, []))
        return real_sources(self)

    monkeypatch.setattr(MapReader, "sources", slow_sources)
    started = time.monotonic()
    response = client.get("/map/sources")
    assert time.monotonic() - started < 3.0
    assert response.status_code == 503
    assert "time limit" in response.json()["detail"]
    monkeypatch.setattr(MapReader, "sources", real_sources)
    assert client.get("/map/sources").status_code == 200


def test_every_limit_has_a_maximum_in_the_openapi_document(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    limits = 0
    for path, item in schema["paths"].items():
        for parameter in item.get("get", {}).get("parameters", []):
            if parameter["name"] in ("limit", "q"):
                limits += 1
                options = [parameter["schema"], *parameter["schema"].get("anyOf", [])]
                bound = "maximum" if parameter["name"] == "limit" else "maxLength"
                assert any(bound in option for option in options), (path, parameter)
    assert limits >= 8


# --- snippets --------------------------------------------------------------------------


def _marked(text: str, query: str) -> str:
    return snippet([None, None, text], SnippetTerms.of(query), "[", "]")


def test_snippets_mark_whole_words_and_prefixes() -> None:
    text = "Talks resumed in Northbridge. Negotiators met the mayor; negotiations went on."
    assert _marked(text, "negotiat* mayor") == (
        "Talks resumed in Northbridge. [Negotiators] met the [mayor]; [negotiations] went on."
    )
    assert "[" not in _marked(text, "north")  # not a whole word
    assert _marked("", "anything") == ""
    assert _marked("No match here at all.", "zebra") == "No match here at all."


def test_a_snippet_is_a_window_around_the_most_query_words() -> None:
    filler = " ".join(["calm"] * 400)
    text = f"{filler} rain. {filler} flood warning issued for the harbour. {filler}"
    shown = _marked(text, "flood harbour rain")
    assert shown.startswith("…") and shown.endswith("…")
    assert "[flood]" in shown and "[harbour]" in shown and "[rain]" not in shown
    assert len(shown.split()) <= 30


def test_snippets_take_linear_time() -> None:
    words = [f"term{i}" for i in range(20)]
    text = " ".join(words[i % 20] if i % 3 == 0 else "filler" for i in range(60_000))
    terms = SnippetTerms.of(" ".join(words))
    started = time.monotonic()
    for _ in range(20):
        snippet([text[:100], None, text], terms, "[", "]")
    assert time.monotonic() - started < 2.0


# --- parameters ------------------------------------------------------------------------


def test_dates_are_iso_or_compact_never_unix_times() -> None:
    assert parse_day("2024-06-01", "since") == date(2024, 6, 1)
    assert parse_day("20240601", "since") == date(2024, 6, 1)
    assert parse_day(" ", "since") is None
    for value, words in (
        ("1717200000", "Unix time"),
        ("2024-6-1", "YYYY-MM-DD"),
        ("2024-02-30", "calendar date"),
        ("20241301", "calendar date"),
        ("2024-06-01T10:00", "YYYY-MM-DD"),
        ("yesterday", "YYYY-MM-DD"),
    ):
        with pytest.raises(QueryError, match=words):
            parse_day(value, "since")


@pytest.mark.parametrize(
    "path",
    [
        "/events/9223372036854775808",
        "/articles/-9223372036854775809",
        "/events/0",
        "/stats?limit=100001",
        "/events?cursor=WyItZGF0ZSIsICIyMDI0LTAxLTAxIiwgOTk5OTk5OTk5OTk5OTk5OTk5OTk5XQ",
        "/events?q=" + "+".join(f"w{i}" for i in range(21)),
        "/events?since=1717200000",
    ],
)
def test_out_of_range_values_are_422_in_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422, response.text
    assert response.json()["detail"]


def test_repeated_words_count_once(client: TestClient) -> None:
    many = " ".join(["Northbridge"] * 40)
    once = client.get("/search", params={"q": "Northbridge"}).json()
    assert client.get("/search", params={"q": many}).json() == once
    assert once["hits"]


# --- errors, hosts, headers ------------------------------------------------------------


def test_every_error_is_json_with_a_message(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = client.get("/no/such/path")
    assert missing.status_code == 404 and "/docs" in missing.json()["detail"]
    wrong = client.post("/events")
    assert wrong.status_code == 405 and "GET" in wrong.json()["detail"]

    def broken(self: Reader) -> Any:
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(Reader, "health", broken)
    failed = client.get("/health")
    assert failed.status_code == 500
    assert failed.headers["content-type"] == "application/json"
    assert "OverflowError" in failed.json()["detail"]


def test_host_names_are_compared_without_port_or_brackets() -> None:
    assert host_name("LocalHost:8000") == "localhost"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("example.org.") == "example.org"
    assert normalise_hosts(["a.org,*.b.org", "[::1]", "a.org"]) == ("a.org", "*.b.org", "::1")


def test_allowed_hosts_are_checked_on_every_request(db_path: Path) -> None:
    app = create_app(str(db_path), allowed_hosts=["news.example.org", "*.team.example"])
    with TestClient(app) as test_client:
        for host, status in (
            ("news.example.org", 200),
            ("news.example.org:8443", 200),
            ("api.team.example", 200),
            ("team.example.evil", 400),
            ("evil.example", 400),
        ):
            response = test_client.get("/health", headers={"Host": host})
            assert response.status_code == status, host
            assert response.headers["content-type"] == "application/json"
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_security_headers_on_the_dashboard_and_docs(client: TestClient) -> None:
    for path in ("/", "/docs", "/health", "/openapi.json", "/missing"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
    docs_policy = client.get("/docs").headers["content-security-policy"]
    assert "'sha256-" in docs_policy and "'unsafe-inline'" not in docs_policy.split("style-src")[0]


def test_an_empty_store_and_no_budget_still_serve(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    Store(path).close()
    with TestClient(create_app(str(path), time_limit=None)) as test_client:
        assert test_client.get("/search", params={"q": "anything"}).json() == {"hits": []}
