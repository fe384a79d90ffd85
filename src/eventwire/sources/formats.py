"""Which format an input is in: by its name, else by sniffing its first bytes.

Names: ``.txt``/``.text`` (text dumps), ``.html``/``.htm``, ``.xml``/``.rss``/``.atom``
(feeds), ``.warc``, ``.jsonl``/``.ndjson``, ``.csv``, each optionally followed by
``.gz``. Content: the WARC version line, ``<rss``/``<feed``/``<rdf:RDF``, an HTML
document, a JSON object on the first line, a CSV header with a ``text`` column; anything
else is read as text. Also here: ``peek``, which reads the first bytes of a stream that
cannot seek (stdin, a gzip stream) and gives back a stream that still starts with them.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO


class Format(enum.Enum):
    TEXT = "text"
    HTML = "html"
    FEED = "feed"
    WARC = "warc"
    JSONL = "jsonl"
    CSV = "csv"


SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".warc": Format.WARC,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".csv": Format.CSV,
}

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 16384

_FEED_ROOT = re.compile(rb"<(?:[a-z0-9]+:)?(?:rss|feed|rdf)[\s>/]")
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")
_COLUMN = re.compile(r"[\w-]{1,40}")  # a header names columns with words
_WHITESPACE = b" \t\r\n\xef\xbb\xbf"  # and the UTF-8 byte order mark


@dataclass(frozen=True, slots=True)
class NamedFormat:
    """The format a file name announces (``None``: unknown) and whether it is gzipped."""

    format: Format | None
    gzipped: bool


def format_of_name(name: str) -> NamedFormat:
    lowered = name.lower()
    gzipped = lowered.endswith(".gz")
    if gzipped:
        lowered = lowered[: -len(".gz")]
    return NamedFormat(SUFFIX_FORMATS.get(PurePath(lowered).suffix), gzipped)


def is_read_by_name(name: str) -> bool:
    """Whether a file of this name, found in a folder, is read."""
    return format_of_name(name).format is not None


def sniff_format(head: bytes) -> Format:
    """The format of (decompressed) content that starts with ``head``."""
    if head.startswith(b"WARC/"):
        return Format.WARC
    start = head.lstrip(_WHITESPACE)
    lowered = start[:SNIFF_BYTES].lower()
    if lowered.startswith(b"<"):
        if _HTML_START.search(lowered[:1024]) and not _FEED_ROOT.search(lowered[:1024]):
            return Format.HTML
        if _FEED_ROOT.search(lowered):
            return Format.FEED
        return Format.HTML
    first_line = start.split(b"\n", 1)[0]
    if first_line.startswith(b"{") and _is_json_object(first_line, complete=b"\n" in start):
        return Format.JSONL
    if _is_csv_header(first_line):
        return Format.CSV
    return Format.TEXT


def _is_json_object(line: bytes, *, complete: bool) -> bool:
    if not complete:  # a long first line cut off by the sniff window
        return line.startswith(b'{"')
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _is_csv_header(line: bytes) -> bool:
    try:
        fields = next(csv.reader([line.decode("utf-8").strip()]))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return False
    return len(fields) > 1 and "text" in fields and all(_COLUMN.fullmatch(f) for f in fields)


class _Prefixed(io.RawIOBase):
    """A byte stream that yields ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek(stream: BinaryIO, size: int = SNIFF_BYTES) -> tuple[bytes, BinaryIO]:
    """The first ``size`` bytes (fewer at the end) of ``stream``, and a stream that
    still yields them. Seekable streams are rewound; others are wrapped."""
    head = b""
    while len(head) < size:
        chunk = stream.read(size - len(head))
        if not chunk:
            break
        head += chunk
    if stream.seekable():
        stream.seek(-len(head), io.SEEK_CUR)
        return head, stream
    return head, io.BufferedReader(_Prefixed(head, stream))
