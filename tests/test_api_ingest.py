"""Tests of ``POST /ingest``: the token, the body limit, and articles coded by the
pipeline (the event-coding stages, with the session's spaCy model)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import CODING_STAGES
from eventwire.api import create_app
from eventwire.store import Store

TOKEN = "test-token-0123456789abcdef"
LIMIT = 2_000
AUTH = {"Authorization": f"Bearer {TOKEN}"}

ARTICLE = (
    "Police arrest dockworkers in Port Averly\n"
    "Police arrested twelve striking dockworkers in Port Averly on Monday, the city's "
    "harbour authority said.\n"
)


@pytest.fixture
def client(tmp_path: Path, nlp: Any) -> Iterator[TestClient]:
    path = tmp_path / "ingest.db"
    Store(path).close()
    app = create_app(str(path), ingest_token=TOKEN, max_upload_bytes=LIMIT, stages=CODING_STAGES)
    with TestClient(app) as test_client:
        yield test_client


def test_ingest_needs_the_token(client: TestClient) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": "Bearer"},
    ):
        response = client.post("/ingest", json={"text": ARTICLE}, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"
        assert "Bearer" in response.json()["detail"]
    assert client.get("/health").json()["articles"] == 0


def test_ingest_refuses_bodies_over_the_limit(client: TestClient) -> None:
    big = {"text": "The harbour was calm. " * 200}
    response = client.post("/ingest", json=big, headers=AUTH)
    assert response.status_code == 413
    assert str(LIMIT) in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        yield b'{"text": "'
        for _ in range(100):
            yield b"The harbour was calm. "
        yield b'"}'

    response = client.post(
        "/ingest", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    upload = client.post(
        "/ingest", files={"file": ("big.txt", b"x" * (LIMIT + 10), "text/plain")}, headers=AUTH
    )
    assert upload.status_code == 413
    assert client.get("/health").json()["articles"] == 0


def test_ingest_json_codes_and_stores_the_article(client: TestClient) -> None:
    body = {
        "text": ARTICLE,
        "title": "Police arrest dockworkers in Port Averly",
        "published": "2024-03-05",
        "source": "Averly Gazette",
        "url": "https://news.example/averly",
    }
    response = client.post("/ingest", json=body, headers=AUTH)
    assert response.status_code == 200, response.text
    [article] = response.json()["articles"]
    assert article["inserted"] is True
    assert article["n_events"] >= 1
    stored = client.get(f"/articles/{article['id']}").json()
    assert stored["source"] == "Averly Gazette"
    assert stored["published"] == "2024-03-05"
    events = client.get("/events", params={"include_flagged": "true"}).json()["events"]
    assert any(e["type"] == "COERCE" and e["arrested"] == 12 for e in events)
    again = client.post("/ingest", json=body, headers=AUTH).json()["articles"]
    assert again == [
        {"id": article["id"], "inserted": False, "n_events": 0, "n_merged": 0, "duplicate_of": None}
    ]


def test_ingest_multipart_file_upload(client: TestClient) -> None:
    response = client.post(
        "/ingest",
        files={"file": ("averly.txt", ARTICLE.encode("utf-8"), "text/plain")},
        data={"source": "Averly Gazette", "published": "2024-03-05"},
        headers=AUTH,
    )
    assert response.status_code == 200, response.text
    [article] = response.json()["articles"]
    assert article["inserted"] is True
    stored = client.get(f"/articles/{article['id']}").json()
    assert "dockworkers" in stored["text"]


@pytest.mark.parametrize(
    ("kwargs", "status", "words"),
    [
        ({"json": {"title": "no text"}}, 422, "text"),
        ({"json": {"text": ""}}, 422, "text"),
        ({"json": {"text": ARTICLE, "published": "last week"}}, 422, "published"),
        ({"json": {"text": ARTICLE, "colour": "red"}}, 422, "colour"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422, "JSON"),
        (
            {"files": {"file": ("bad.txt", b"\xff\xfe\x00\x00caf\xe9", "text/plain")}},
            422,
            "bad.txt",
        ),
        ({"files": {"file": ("empty.txt", b"  \n", "text/plain")}}, 422, "empty"),
        ({"files": {"other": ("a.txt", b"text", "text/plain")}}, 422, "file"),
        ({"content": b"plain words", "headers": {"Content-Type": "text/plain"}}, 415, "json"),
    ],
)
def test_bad_ingest_bodies_are_refused_clearly(
    client: TestClient, kwargs: dict[str, Any], status: int, words: str
) -> None:
    headers = {**AUTH, **kwargs.pop("headers", {})}
    response = client.post("/ingest", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]
    assert client.get("/health").json()["articles"] == 0


def test_ingest_route_is_documented_only_with_a_token(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/ingest"]["post"]
    assert set(operation["requestBody"]["content"]) == {"application/json", "multipart/form-data"}


def test_ingest_a_url_fetches_the_page(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    # The test's news site runs on 127.0.0.1: here (only) that address counts as public.
    from eventwire.sources import fetch
    from sources_server import NewsServer, Reply, article_page

    real_is_public = fetch._is_public
    monkeypatch.setattr(fetch, "_is_public", lambda a: a == "127.0.0.1" or real_is_public(a))

    page = article_page(
        "Police detain dockers in Averly",
        ["Police in Averly arrested nine striking dock workers on Tuesday, officials said."],
        published="2024-03-05",
        site="Harbour Courier",
    )
    with NewsServer() as server:
        server.route("/robots.txt", Reply(status=404))
        server.route("/dockers", Reply(body=page.encode()))
        url = server.url("/dockers")
        response = client.post("/ingest", json={"url": url}, headers=AUTH)
        missing = client.post("/ingest", json={"url": server.url("/gone")}, headers=AUTH)
    assert response.status_code == 200, response.text
    [article] = response.json()["articles"]
    assert article["inserted"] is True and article["n_events"] >= 1
    stored = client.get(f"/articles/{article['id']}").json()
    assert stored["title"] == "Police detain dockers in Averly"
    assert stored["source"] == "Harbour Courier"
    assert missing.status_code == 422 and "404" in missing.json()["detail"]
    empty = client.post("/ingest", json={"title": "nothing"}, headers=AUTH)
    assert empty.status_code == 422 and "url" in empty.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/etc/passwd",
        "../../../../etc/os-release",
        "etc/hostname",
        "file:///etc/passwd",
        "FILE:/etc/passwd",
        "ftp://example.org/news.txt",
        "gopher://example.org/",
        "http:///etc/passwd",
        "http://127.0.0.1:1/secret.html",
        "http://localhost/health",
        "http://LOCALHOST./health",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://10.0.0.1/",
        "http://192.168.1.1/admin",
        "http://172.16.0.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00::1]/",
        "http://user@127.0.0.1/",
        "http://127.0.0.1:99999/",
    ],
)
def test_ingest_refuses_urls_that_are_not_public_before_connecting(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    import socket

    def no_connection(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError(f"a connection was attempted for {url!r}")

    monkeypatch.setattr(socket.socket, "connect", no_connection)
    monkeypatch.setattr(socket, "create_connection", no_connection)
    response = client.post("/ingest", json={"url": url}, headers=AUTH)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert "url" in detail and ("public" in detail or "malformed" in detail), detail
    assert client.get("/health").json()["articles"] == 0


def test_ingest_refuses_a_name_that_resolves_to_a_private_address(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    def resolve(host: str, *_args: Any, **_kwargs: Any) -> list[Any]:
        assert host == "news.example.org", host
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", 80))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    response = client.post("/ingest", json={"url": "http://news.example.org/a"}, headers=AUTH)
    assert response.status_code == 422, response.text
    assert "private network" in response.json()["detail"]


def test_ingest_is_declared_as_a_bearer_scheme(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    [scheme] = schema["components"]["securitySchemes"].values()
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    [requirement] = schema["paths"]["/ingest"]["post"]["security"]
    assert list(requirement) == list(schema["components"]["securitySchemes"])


def test_posted_text_goes_through_the_clis_ingest(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POST /ingest codes and stores through ``run.ingest.ingest``, as ``eventwire
    ingest`` does, so the two never diverge."""
    from eventwire.api import routes_ingest
    from eventwire.run import ingest as run_ingest

    calls: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(len(kwargs.get("items", ())))
        return run_ingest.ingest(*args, **kwargs)

    monkeypatch.setattr(routes_ingest, "ingest", counted)
    response = client.post("/ingest", json={"text": ARTICLE}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert calls == [1]
