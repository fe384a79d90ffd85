"""JSON Lines and CSV records: fields, lenient dates, and bad lines that do not stop a file."""

from __future__ import annotations

import csv
import gzip
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from eventwire.sources import InputItem, iter_inputs
from eventwire.sources.published import parse_published

STRIKE = "Dockworkers walked off the job in Port Elsmere on Monday, halting cargo traffic."
TALKS = "Negotiators for the two coastal provinces met in Tarvik to discuss fishing rights."
RALLY = "Several thousand teachers rallied outside the education ministry in Ostrava."


def _items(path: Path) -> list[InputItem]:
    return list(iter_inputs([str(path)]))


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_with_metadata(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "wire.jsonl",
        [
            json.dumps(
                {
                    "text": STRIKE,
                    "title": "Dock strike halts Port Elsmere",
                    "published": "2024-05-06T09:15:00+02:00",
                    "url": "https://wire.example/dock-strike",
                    "source": "Coastal Wire",
                    "author": "M. Ferrant",
                    "extra": "ignored",
                }
            ),
            "",
            json.dumps({"text": TALKS, "published": "2024-05-07"}),
        ],
    )
    first, second = _items(path)
    assert first.document is not None and second.document is not None
    doc = first.document
    assert doc.origin == f"{path}:1"
    assert (doc.text, doc.title, doc.published) == (
        STRIKE,
        "Dock strike halts Port Elsmere",
        date(2024, 5, 6),
    )
    assert (doc.url, doc.source, doc.author) == (
        "https://wire.example/dock-strike",
        "Coastal Wire",
        "M. Ferrant",
    )
    assert doc.is_dump is False
    assert second.document.origin == f"{path}:3"  # the blank line 2 is skipped, counted
    assert second.document.published == date(2024, 5, 7)
    assert second.document.title is None and second.document.source is None


def test_bad_jsonl_lines_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "mixed.ndjson",
        [
            json.dumps({"text": STRIKE}),
            '{"text": "unfinished',
            json.dumps({"title": "No body here"}),
            json.dumps(["a", "list"]),
            json.dumps({"text": "   "}),
            json.dumps({"text": 42}),
            json.dumps({"text": RALLY}),
        ],
    )
    items = _items(path)
    assert [i.document.text for i in items if i.document] == [STRIKE, RALLY]
    errors = [str(i.error) for i in items if i.error]
    assert errors == [
        f"{path}:2: invalid JSON at column 10: Unterminated string starting at",
        f'{path}:3: no "text" field',
        f"{path}:4: not a JSON object but list",
        f'{path}:5: empty "text" field',
        f'{path}:6: "text" is not a string',
    ]
    assert all("\n" not in error for error in errors)


def test_bad_date_warns_and_keeps_the_record(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _jsonl(
        tmp_path / "dates.jsonl",
        [
            json.dumps({"text": STRIKE, "published": "last Tuesday"}),
            json.dumps({"text": TALKS, "published": "Tue, 07 May 2024 18:00:00 GMT"}),
            json.dumps({"text": RALLY, "title": 7}),
        ],
    )
    with caplog.at_level(logging.WARNING, logger="eventwire.sources"):
        items = _items(path)
    docs = [i.document for i in items]
    assert all(d is not None for d in docs)
    assert docs[0] is not None and docs[0].published is None
    assert docs[1] is not None and docs[1].published == date(2024, 5, 7)
    assert docs[2] is not None and docs[2].title is None
    messages = [r.getMessage() for r in caplog.records]
    assert any(
        m.startswith(f"{path}:1: published 'last Tuesday' is not a date (")
        and m.endswith("; left out")
        for m in messages
    )
    assert f"{path}:3: title is int, not a string; left out" in messages


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-06", date(2024, 5, 6)),
        ("2024-05-06T23:30:00Z", date(2024, 5, 6)),
        ("2024-05-06 23:30:00-05:00", date(2024, 5, 6)),  # the day as written
        ("2024-05-06T23:30:00.123456+09:00", date(2024, 5, 6)),
        ("2024/5/6", date(2024, 5, 6)),
        ("Mon, 06 May 2024 10:00:00 +0000", date(2024, 5, 6)),
        (" 2024-05-06 ", date(2024, 5, 6)),
    ],
)
def test_parse_published(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "2024-13-40", "06/05/2024"])
def test_parse_published_refuses(value: str) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


def test_empty_jsonl_is_reported(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "none.jsonl", ["", "  "])
    [item] = _items(path)
    assert str(item.error) == f"{path}: empty file"


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "text", "published", "source"])
        writer.writerow(
            [
                "Dock strike",
                STRIKE + "\n\nThe union said talks had failed.",
                "2024-05-06",
                "Coastal Wire",
            ]
        )
        writer.writerow(["No text", "", "2024-05-07", ""])
        writer.writerow(["Teachers rally", RALLY, "not a date", ""])
    items = _items(path)
    assert [bool(i.document) for i in items] == [True, False, True]
    strike = items[0].document
    assert strike is not None
    assert strike.text == STRIKE + "\n\nThe union said talks had failed."
    assert (strike.title, strike.published, strike.source) == (
        "Dock strike",
        date(2024, 5, 6),
        "Coastal Wire",
    )
    assert strike.origin == f"{path}:4"  # the quoted text spans lines 2 to 4
    assert str(items[1].error) == f'{path}:5: empty "text" field'
    rally = items[2].document
    assert rally is not None and rally.published is None and rally.source is None


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("headline,body\nA,B\n", encoding="utf-8")
    [item] = _items(path)
    assert str(item.error) == f'{path}: no "text" column in the CSV header'


def test_gzipped_records(tmp_path: Path) -> None:
    jsonl = tmp_path / "wire.jsonl.gz"
    jsonl.write_bytes(gzip.compress((json.dumps({"text": TALKS}) + "\n").encode()))
    table = tmp_path / "sheet.csv.gz"
    table.write_bytes(gzip.compress(f'text,title\n"{RALLY}",Rally\n'.encode()))
    items = list(iter_inputs([str(jsonl), str(table)]))
    assert [(i.origin, i.document and i.document.text) for i in items] == [
        (f"{jsonl}:1", TALKS),
        (f"{table}:2", RALLY),
    ]
    assert [i.input_name for i in items] == [str(jsonl), str(table)]


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"{STRIKE} Day {n}."}) for n in range(400)]
    data = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    items = _items(path)
    good = [i for i in items if i.document]
    assert 0 < len(good) < 400
    assert good[0].document is not None and good[0].document.text.endswith("Day 0.")
    last = items[-1]
    assert last.error is not None and last.document is None
    assert str(last.error).startswith(f"{path}: corrupt gzip data (")
    assert "\n" not in str(last.error)
