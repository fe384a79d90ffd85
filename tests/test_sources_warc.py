"""WARC archives: HTML responses become documents; damaged records do not stop a file."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.sources import InputItem, iter_inputs
from sources_server import article_page

MINE = [
    "Miners at the Redcliff pit began a sit-in on Friday to demand back pay, their union said.",
    "Company managers said they would meet union delegates in Harlow next week.",
]
CEASEFIRE = [
    "Militia leaders in the hill district of Oskar Vale agreed to a three-day ceasefire "
    "on Sunday to let aid convoys pass.",
    "Relief workers said the first trucks reached the valley before nightfall.",
]


@dataclass(frozen=True)
class Rec:
    url: str
    kind: str = "response"
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    body: bytes = b""


def _write(path: Path, records: list[Rec], *, gz: bool) -> list[int]:
    """Write the records; their byte offsets in the file."""
    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for rec in records:
            offsets.append(handle.tell())
            if rec.kind == "response":
                http = StatusAndHeaders(
                    rec.status, [("Content-Type", rec.content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    rec.url, "response", payload=io.BytesIO(rec.body), http_headers=http
                )
            else:
                record = writer.create_warc_record(rec.url, rec.kind, payload=io.BytesIO(rec.body))
            writer.write_record(record)
    return offsets


def _crawl() -> list[Rec]:
    mine = article_page(
        "Miners stage sit-in at Redcliff", MINE, published="2024-02-09", site="Valley Post"
    )
    ceasefire = article_page("Ceasefire agreed in Oskar Vale", CEASEFIRE)  # no date
    return [
        Rec("http://valleypost.example/mine", kind="request", body=b"GET /mine HTTP/1.1\r\n\r\n"),
        Rec("http://valleypost.example/mine", body=mine.encode()),
        Rec("http://valleypost.example/gone", status="404 Not Found", body=b"<p>gone</p>"),
        Rec("http://valleypost.example/logo.png", content_type="image/png", body=b"\x89PNG"),
        Rec("http://valleypost.example/menu", body=b"<html><body><nav>Home</nav></body></html>"),
        Rec("http://valleypost.example/ceasefire", body=ceasefire.encode()),
    ]


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = _write(path, _crawl(), gz=gz)
    items = list(iter_inputs([str(path)]))
    assert [i.origin for i in items] == [f"{path}@{offsets[n]}" for n in (1, 4, 5)]
    mine, menu, ceasefire = items
    assert mine.document is not None and ceasefire.document is not None
    assert mine.document.url == "http://valleypost.example/mine"
    assert mine.document.title == "Miners stage sit-in at Redcliff"
    assert mine.document.published == date(2024, 2, 9)
    assert mine.document.source == "Valley Post"
    assert MINE[0] in mine.document.text and "Home" not in mine.document.text
    assert ceasefire.document.published is None  # the crawl date is not a publication date
    assert CEASEFIRE[1] in ceasefire.document.text
    assert str(menu.error) == (
        f"{path}@{offsets[4]}: no article text found in the HTML (http://valleypost.example/menu)"
    )
    assert {i.input_name for i in items} == {str(path)}


def _damage(data: bytes, start: int, end: int) -> bytes:
    """Overwrite the middle of the record at [start, end) with zeros."""
    middle = (start + end) // 2
    return data[:middle] + b"\x00" * 24 + data[middle + 24 :]


@pytest.mark.parametrize("gz", [True, False])
def test_damaged_record_is_reported_and_the_rest_is_read(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    pages = [r for r in _crawl() if r.kind == "response" and r.body.startswith(b"<!")]
    records = [pages[0], Rec("http://valleypost.example/broken", body=pages[0].body), pages[1]]
    offsets = _write(path, records, gz=gz)
    data = path.read_bytes()
    if gz:
        damaged = _damage(data, offsets[1], offsets[2])
    else:  # a broken version line: the record header cannot be parsed
        damaged = data[: offsets[1]] + b"XARC" + data[offsets[1] + 4 :]
    path.write_bytes(damaged)
    items = list(iter_inputs([str(path)]))
    assert [bool(i.document) for i in items] == [True, False, True]
    assert items[0].document is not None and items[0].document.url.endswith("/mine")
    assert items[2].document is not None and items[2].document.url.endswith("/ceasefire")
    error = str(items[1].error)
    assert error.startswith(f"{path}@{offsets[1]}: damaged WARC record (")
    assert "\n" not in error and error.isprintable()
    assert items[2].origin == f"{path}@{offsets[2]}"


def test_damage_on_stdin_stops_the_stream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "crawl.warc"
    records = [r for r in _crawl() if r.url.endswith(("/mine", "/menu", "/ceasefire"))]
    offsets = _write(path, records[1:], gz=False)  # mine, menu, ceasefire
    data = path.read_bytes()
    data = data[: offsets[1]] + b"XARC" + data[offsets[1] + 4 :]  # the menu's header
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(_Pipe(data)))
    items = list(iter_inputs(["-"]))
    assert [bool(i.document) for i in items] == [True, False]  # the ceasefire is not found
    assert str(items[-1].error).startswith(f"<stdin>@{offsets[1]}: damaged WARC record")


class _Pipe(io.BytesIO):
    """A stream that cannot seek, like a pipe."""

    def seekable(self) -> bool:
        return False

    def seek(self, *args: object) -> int:
        raise io.UnsupportedOperation("not seekable")

    def tell(self) -> int:
        raise io.UnsupportedOperation("not seekable")


def test_archive_without_html_pages(tmp_path: Path) -> None:
    path = tmp_path / "robots.warc.gz"
    _write(
        path,
        [Rec("http://a.example/robots.txt", content_type="text/plain", body=b"User-agent: *")],
        gz=True,
    )
    items: list[InputItem] = list(iter_inputs([str(path)]))
    assert [str(i.error) for i in items] == [f"{path}: no HTML response records (1 records read)"]
