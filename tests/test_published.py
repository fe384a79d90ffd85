"""One reader of ``published`` for every entry point (``sources/published.py``): the
same strings are read the same by ``eventwire.process``, ``process_many``, the JSON
Lines, CSV and feed readers and ``POST /ingest``, and what one cannot read none can."""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import eventwire
from conftest import CODING_STAGES
from eventwire.api import create_app
from eventwire.errors import InputError
from eventwire.sources import iter_inputs
from eventwire.sources.published import parse_published, published_date
from eventwire.store import Store
from sources_server import FeedEntry, rss_feed

DAY = date(2024, 5, 9)
ACCEPTED = [
    "2024-05-09",
    "2024-05-09T10:00:00Z",
    "2024-05-09T23:30:00-05:00",  # the day as written, not converted
    "2024-05-09 10:00",
    "20240509",
    "2024/05/09",
    "Thu, 09 May 2024 10:00:00 GMT",
    "Thu, 09 May 2024 01:00:00 +0200",
    "9 May 2024",
    "May 9, 2024",
    "Thursday, 9 May 2024",
]
REFUSED = ["last Tuesday", "2024-13-40", "09/05/2024", "Maybe 9, 2024", "2024"]

ARTICLE = (
    "Dockworkers strike in Port Averly\n"
    "Dockworkers in Port Averly walked off the job on Thursday over night-shift pay, "
    "their union said.\n"
)
TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("value", ACCEPTED)
def test_the_parser_reads_each_accepted_form(value: str) -> None:
    assert parse_published(value) == DAY
    assert parse_published(f"  {value} ") == DAY


@pytest.mark.parametrize("value", REFUSED)
def test_the_parser_refuses_with_one_message_naming_the_value(value: str) -> None:
    with pytest.raises(ValueError, match="is not a date") as caught:
        parse_published(value)
    assert repr(value) in str(caught.value) and "\n" not in str(caught.value)


def test_dates_and_blanks_pass_through() -> None:
    assert published_date(DAY, "<t>") == DAY
    assert published_date(datetime(2024, 5, 9, 23, 30), "<t>") == DAY
    assert published_date(None, "<t>") is None and published_date("  ", "<t>") is None


def test_process_reads_the_same_strings(nlp: Any) -> None:
    for value in ACCEPTED:
        doc = eventwire.process(ARTICLE, published=value)
        assert doc.article is not None and doc.article.published == DAY, value


@pytest.mark.parametrize("value", REFUSED)
def test_process_and_process_many_refuse_the_same_strings(value: str) -> None:
    with pytest.raises(InputError, match=r"<text>: published .* is not a date"):
        eventwire.process(ARTICLE, published=value)
    with pytest.raises(InputError, match="is not a date") as caught:
        eventwire.process_many([{"text": ARTICLE, "published": value}])
    assert repr(value) in str(caught.value)


def test_process_many_reads_the_same_strings(nlp: Any) -> None:
    docs = eventwire.process_many([{"text": ARTICLE, "published": v} for v in ACCEPTED])
    assert [d.article.published if d.article else None for d in docs] == [DAY] * len(ACCEPTED)


def test_json_lines_and_csv_readers_read_the_same_strings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    values = ACCEPTED + REFUSED
    jsonl = tmp_path / "dates.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"text": ARTICLE, "published": v}) + "\n" for v in values),
        encoding="utf-8",
    )
    table = tmp_path / "dates.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "published"])
        writer.writerows([ARTICLE, v] for v in values)
    expected = [DAY] * len(ACCEPTED) + [None] * len(REFUSED)
    with caplog.at_level(logging.WARNING, logger="eventwire.sources"):
        for path in (jsonl, table):
            docs = [item.document for item in iter_inputs([str(path)])]
            assert [d.published if d else "error" for d in docs] == expected, path
    for value in REFUSED:  # the record is kept; the warning names the value
        assert (
            sum(f"published {value!r} is not a date" in r.getMessage() for r in caplog.records) == 2
        )


def test_feed_entries_read_the_same_strings(tmp_path: Path) -> None:
    entries = [
        FeedEntry(f"Strike day {n}", f"https://news.example/{n}", "<p>Dockworkers struck.</p>", v)
        for n, v in enumerate(ACCEPTED)
    ]
    feed = tmp_path / "wire.rss"
    feed.write_text(rss_feed("Averly Wire", entries), encoding="utf-8")
    docs = [item.document for item in iter_inputs([str(feed)])]
    assert [d.published if d else None for d in docs] == [DAY] * len(ACCEPTED)


@pytest.fixture
def client(tmp_path: Path, nlp: Any) -> Iterator[TestClient]:
    path = tmp_path / "ingest.db"
    Store(path).close()
    app = create_app(str(path), ingest_token=TOKEN, stages=CODING_STAGES)
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize("value", ACCEPTED)
def test_the_ingest_route_reads_the_same_strings(client: TestClient, value: str) -> None:
    as_json = client.post("/ingest", json={"text": ARTICLE, "published": value}, headers=AUTH)
    upload = client.post(
        "/ingest",
        files={"file": ("averly.txt", ("Filed late. " + ARTICLE).encode(), "text/plain")},
        data={"published": value},
        headers=AUTH,
    )
    for response in (as_json, upload):
        assert response.status_code == 200, response.text
        [article] = response.json()["articles"]
        stored = client.get(f"/articles/{article['id']}").json()
        assert stored["published"] == DAY.isoformat()


@pytest.mark.parametrize("value", REFUSED)
def test_the_ingest_route_refuses_the_same_strings(client: TestClient, value: str) -> None:
    as_json = client.post("/ingest", json={"text": ARTICLE, "published": value}, headers=AUTH)
    upload = client.post(
        "/ingest",
        files={"file": ("averly.txt", ARTICLE.encode(), "text/plain")},
        data={"published": value},
        headers=AUTH,
    )
    for response in (as_json, upload):
        assert response.status_code == 422, response.text
        assert f"published {value!r} is not a date" in response.json()["detail"]
    assert client.get("/health").json()["articles"] == 0
