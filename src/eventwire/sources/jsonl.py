"""Records: JSON Lines (``.jsonl``, ``.ndjson``) and CSV (``.csv``), one article each.

Each record needs a ``text`` field; ``title``, ``published``, ``url``, ``source`` and
``author`` are taken when present. ``published`` is read by ``published.py``, as at
every entry point (ISO 8601, ``YYYYMMDD``, RFC 2822, written dates); a date with a time
keeps the calendar day as written (no time-zone conversion). Files are read line by
line, never whole.

A record that cannot be read (invalid JSON, not an object, no ``text``) is an error item
naming ``file:line`` and the other records go on; a bad ``published`` or a field of the
wrong type only logs a warning naming ``file:line`` and the record is kept without it.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from eventwire.model import RawDocument
from eventwire.sources.items import InputItem, failed, found
from eventwire.sources.published import parse_published

log = logging.getLogger(__name__)

TEXT_FIELD = "text"
OPTIONAL_FIELDS = ("title", "published", "url", "source", "author")


def iter_jsonl(stream: BinaryIO, origin: str) -> Iterator[InputItem]:
    """The records of a JSON Lines stream read from ``origin``."""
    records = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        records += 1
        where = f"{origin}:{number}"
        try:
            record = json.loads(line.rstrip(b"\r\n"))
        except UnicodeDecodeError:
            yield failed(where, "not UTF-8 text", "not UTF-8 text")
            continue
        except json.JSONDecodeError as exc:
            yield failed(where, f"invalid JSON at column {exc.colno}: {exc.msg}", "invalid JSON")
            continue
        if not isinstance(record, dict):
            yield failed(where, f"not a JSON object but {type(record).__name__}", "invalid JSON")
            continue
        yield _record_item(record, where)
    if records == 0:
        yield failed(origin, "empty file")


def iter_csv(stream: BinaryIO, origin: str) -> Iterator[InputItem]:
    """The rows of a CSV stream (comma-separated, with a header row) read from ``origin``."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text)
    try:
        header = reader.fieldnames
    except (csv.Error, UnicodeDecodeError) as exc:
        yield failed(origin, f"unreadable CSV header ({exc})", "invalid CSV")
        return
    if header is None:
        yield failed(origin, "empty file")
        return
    if TEXT_FIELD not in header:
        yield failed(origin, f'no "{TEXT_FIELD}" column in the CSV header', "invalid CSV")
        return
    rows = 0
    while True:  # a row's line is the line it ends on (csv counts physical lines)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield failed(f"{origin}:{reader.line_num}", f"invalid CSV ({exc})", "invalid CSV")
            continue
        except UnicodeDecodeError:
            where = f"{origin}:{reader.line_num + 1}"
            yield failed(where, "not UTF-8 text; the rest is not read", "not UTF-8 text")
            return
        rows += 1
        yield _record_item(row, f"{origin}:{reader.line_num}")
    if rows == 0:
        yield failed(origin, "no rows after the CSV header", "empty file")


def _record_item(record: Mapping[str, Any], where: str) -> InputItem:
    text = record.get(TEXT_FIELD)
    if not isinstance(text, str) or not text.strip():
        problem = f'no "{TEXT_FIELD}" field' if text is None else f'empty "{TEXT_FIELD}" field'
        if text is not None and not isinstance(text, str):
            problem = f'"{TEXT_FIELD}" is not a string'
        return failed(where, problem, "no text")
    fields = {name: _string_field(record, name, where) for name in OPTIONAL_FIELDS}
    published = None
    if fields["published"] is not None:
        try:
            published = parse_published(fields["published"])
        except ValueError as exc:
            log.warning("%s: %s; left out", where, exc)
    return found(
        RawDocument(
            text=text.replace("\r\n", "\n").replace("\r", "\n"),
            origin=where,
            title=fields["title"],
            published=published,
            source=fields["source"],
            url=fields["url"],
            author=fields["author"],
            is_dump=False,
        )
    )


def _string_field(record: Mapping[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        log.warning("%s: %s is %s, not a string; left out", where, name, type(value).__name__)
        return None
    return " ".join(value.split()) or None
