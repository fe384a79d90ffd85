"""Choosing the reader: names, sniffing, folders of every format, gzip, stdin."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.articles.segment import article_bounds
from eventwire.model import RawDocument
from eventwire.sources import expand_paths, iter_inputs
from eventwire.sources.formats import FORMATS, format_of_name, sniff_format
from sources_server import FeedEntry, article_page, rss_feed

DUMP = (
    "Farmers Block Roads Near Lendel\n\n"
    "Farmers drove tractors onto the main roads around Lendel on Tuesday to protest "
    "against new water charges, police said.\n"
)
PAGE = article_page(
    "Harbour workers end strike in Port Elsmere",
    [
        "Harbour workers in Port Elsmere returned to work on Thursday after the port "
        "authority agreed to raise night-shift pay.",
        "The union said the agreement would be signed next week.",
    ],
    published="2024-05-09",
    site="Coastal Wire",
)
FEED = rss_feed(
    "Lakeside Chronicle",
    [
        FeedEntry(
            "Council approves new bridge",
            "http://chronicle.example/bridge",
            "<p>The town council of Meriden voted on Monday to fund a new bridge "
            "over the Sallow river.</p>",
            "Mon, 13 May 2024 07:00:00 GMT",
        ),
        FeedEntry(
            "Students march in Dunmore",
            "http://chronicle.example/march",
            "Hundreds of students marched through Dunmore on Tuesday &amp; demanded lower fees.",
        ),
    ],
)
RECORD = {
    "text": "Customs officers seized a lorry of counterfeit medicine at Varn crossing.",
    "title": "Counterfeit medicine seized",
    "published": "2024-04-02",
}


def _warc(gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "http://coastal.example/strike",
            "response",
            payload=io.BytesIO(PAGE.encode()),
            http_headers=http,
        )
    )
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "fmt", "gzipped"),
    [
        ("a.txt", "text", False),
        ("dir.v2/B.HTML", "html", False),
        ("c.htm.gz", "html", True),
        ("feed.rss", "feed", False),
        ("feed.atom.gz", "feed", True),
        ("feed.xml", "feed", False),
        ("cc-news.warc.gz", "warc", True),
        ("d.ndjson", "jsonl", False),
        ("e.csv.gz", "csv", True),
        ("report.pdf", None, False),
        ("archive.gz", None, True),
        ("LICENSE", None, False),
    ],
)
def test_format_of_name(name: str, fmt: str | None, gzipped: bool) -> None:
    named = format_of_name(name)
    assert (named.format and named.format.name, named.gzipped) == (fmt, gzipped)


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        (b"  <!DOCTYPE html><html><head>", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (b"<p>A fragment of a page</p>", "html"),
        (b'{"text": "Police arrested two men."}\n{"text": "x"}\n', "jsonl"),
        (b'{"text": "a very long line cut by the sniff window', "jsonl"),
        (b"{not json at all}\nmore\n", "text"),
        (b"id,title,text\n1,a,b\n", "csv"),
        (b"Text, photos and video by our staff\n", "text"),
        (b"Farmers Block Roads Near Lendel\n\nFarmers drove", "text"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head).name == fmt


def test_the_reader_table_names_each_format_and_suffix_once() -> None:
    names = [f.name for f in FORMATS]
    suffixes = [s for f in FORMATS for s in f.suffixes]
    assert len(set(names)) == len(names) and len(set(suffixes)) == len(suffixes)
    assert FORMATS[-1].name == "text" and FORMATS[-1].sniff is not None
    assert sniff_format(b"\x00\x01 anything at all").name == "text"


def test_expand_paths_reads_every_format_in_folders(tmp_path: Path) -> None:
    names = ["a.txt", "b.html", "c.rss", "d.warc.gz", "e.jsonl", "f.csv.gz", "g.xml"]
    for name in [*names, "h.pdf", "i.gz", ".hidden.txt", ".git/config.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    expansion = expand_paths([str(tmp_path), "-", "https://news.example/feed", "named.pdf"])
    assert expansion.inputs == [
        *(str(tmp_path / name) for name in names),
        "-",
        "https://news.example/feed",
        "named.pdf",
    ]
    assert expansion.unsupported == [str(tmp_path / "h.pdf"), str(tmp_path / "i.gz")]


def test_folder_mixing_every_format(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    files: dict[str, bytes] = {
        "dump.txt": DUMP.encode(),
        "page.html": PAGE.encode(),
        "wire.rss": FEED.encode(),
        "crawl.warc.gz": _warc(gz=True),
        "crawl.warc": _warc(gz=False),
        "records.jsonl": (json.dumps(RECORD) + "\n").encode(),
        "sheet.csv": f'title,text\nBridge,"{RECORD["text"]}"\n'.encode(),
    }
    for name, data in list(files.items()):
        if not name.startswith("crawl"):
            files[f"zipped/{name}.gz"] = gzip.compress(data)
    for name, data in files.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
    expansion = expand_paths([str(folder)])
    assert expansion.unsupported == []
    assert len(expansion.inputs) == len(files) == 12
    items = list(iter_inputs(expansion.inputs))
    assert [i.error for i in items if i.error] == []
    by_input: dict[str, list[object]] = {}
    for item in items:
        assert item.input_name is not None and item.document is not None
        by_input.setdefault(Path(item.input_name).name, []).append(item.document)
    for name in ("dump.txt", "page.html", "records.jsonl", "sheet.csv", "wire.rss"):
        assert len(by_input[name]) == len(by_input[f"{name}.gz"])
    # A text dump is segmented as it is read: one document per article.
    dump = [doc.text for doc in by_input["dump.txt"] if isinstance(doc, RawDocument)]
    assert dump == [DUMP[start:end] for start, end in article_bounds(DUMP)]
    feed_docs = [i.document for i in items if i.input_name == str(folder / "wire.rss")]
    assert [(d.title, d.source, d.published) for d in feed_docs if d] == [
        ("Council approves new bridge", "Lakeside Chronicle", date(2024, 5, 13)),
        ("Students march in Dunmore", "Lakeside Chronicle", None),
    ]
    warc_docs = [i.document for i in items if i.input_name == str(folder / "crawl.warc.gz")]
    assert [(d.url, d.published, d.source) for d in warc_docs if d] == [
        ("http://coastal.example/strike", date(2024, 5, 9), "Coastal Wire")
    ]
    gz_page = by_input["page.html.gz"][0]
    assert getattr(gz_page, "title", None) == "Harbour workers end strike in Port Elsmere"


def test_named_file_with_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    export = tmp_path / "export.dat"
    export.write_bytes(gzip.compress((json.dumps(RECORD) + "\n").encode()))
    page = tmp_path / "saved_page"
    page.write_text(PAGE, encoding="utf-8")
    items = list(iter_inputs([str(export), str(page)]))
    assert [i.origin for i in items] == [f"{export}:1", str(page)]
    assert items[0].document is not None and items[0].document.title == RECORD["title"]
    assert items[1].document is not None and items[1].document.source == "Coastal Wire"


def test_corrupt_gzip_is_one_error(tmp_path: Path) -> None:
    fake = tmp_path / "notes.txt.gz"
    fake.write_text("These notes were never compressed.", encoding="utf-8")
    cut = tmp_path / "page.html.gz"
    cut.write_bytes(gzip.compress(PAGE.encode())[:-30])
    items = list(iter_inputs([str(fake), str(cut), str(tmp_path / "missing.csv")]))
    messages = [str(i.error) for i in items]
    assert messages[0].startswith(f"{fake}: corrupt gzip data (Not a gzipped file")
    assert messages[1].startswith(f"{cut}: corrupt gzip data (")
    assert messages[2] == f"{tmp_path / 'missing.csv'}: no such file or directory"
    assert all("\n" not in m for m in messages)
    assert [i.error.reason for i in items if i.error][:2] == ["corrupt gzip", "corrupt gzip"]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("data", "origins", "title"),
    [
        (DUMP.encode(), ["<stdin>"], None),
        (PAGE.encode(), ["<stdin>"], "Harbour workers end strike in Port Elsmere"),
        (FEED.encode(), ["<stdin>#entry-1", "<stdin>#entry-2"], "Council approves new bridge"),
        ((json.dumps(RECORD) + "\n") * 2, ["<stdin>:1", "<stdin>:2"], RECORD["title"]),
        (_warc(gz=False), ["<stdin>@0"], "Harbour workers end strike in Port Elsmere"),
        (_warc(gz=True), ["<stdin>@0"], "Harbour workers end strike in Port Elsmere"),
        (
            gzip.compress(FEED.encode()),
            ["<stdin>#entry-1", "<stdin>#entry-2"],
            "Council approves new bridge",
        ),
        (gzip.compress(DUMP.encode()), ["<stdin>"], None),
    ],
)
def test_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes | str, origins: list[str], title: str | None
) -> None:
    _stdin(monkeypatch, data.encode() if isinstance(data, str) else data)
    items = list(iter_inputs(["-"]))
    assert [i.origin for i in items] == origins
    assert all(i.document is not None and i.input_name == "-" for i in items)
    assert items[0].document is not None and items[0].document.title == title


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"")
    [item] = list(iter_inputs(["-"]))
    assert str(item.error) == "<stdin>: empty file"


def test_items_are_read_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first record is yielded long before the whole stream is read."""
    data = (json.dumps(RECORD) + "\n").encode() * 4000
    stream = io.BytesIO(data)
    _stdin_stream(monkeypatch, stream)
    items = iter_inputs(["-"])
    assert next(items).origin == "<stdin>:1"
    assert stream.tell() < len(data) // 10
    assert sum(1 for _ in items) == 3999


def _stdin_stream(monkeypatch: pytest.MonkeyPatch, stream: io.BytesIO) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))


def test_a_whole_input_larger_than_the_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.sources import formats

    monkeypatch.setattr(formats, "MAX_WHOLE_BYTES", 1000)
    bomb = tmp_path / "big.html.gz"  # text dumps are streamed instead (test_ingest_memory)
    bomb.write_bytes(gzip.compress(b"<html><body>" + b"<p>Troops crossed the river.</p>" * 200))
    [item] = list(iter_inputs([str(bomb)]))
    assert item.error is not None and "larger than" in str(item.error)
