"""What an input's first bytes say it is: the sniffing predicates of the reader table
(``formats.py``), and ``peek``, which reads the first bytes of a stream that cannot seek
(stdin, a gzip stream) and gives back a stream that still starts with them.

Content: the WARC version line, ``<rss``/``<feed``/``<rdf:RDF``, an HTML document, a
JSON object on the first line, a CSV header with a ``text`` column; the table asks the
predicates in its order and reads anything else as text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 16384

_FEED_ROOT = re.compile(rb"<(?:[a-z0-9]+:)?(?:rss|feed|rdf)[\s>/]")
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")
_COLUMN = re.compile(r"[\w-]{1,40}")  # a header names columns with words
_WHITESPACE = b" \t\r\n\xef\xbb\xbf"  # and the UTF-8 byte order mark


@dataclass(frozen=True, slots=True)
class Head:
    """The first bytes of a (decompressed) input, as the predicates look at them."""

    raw: bytes
    start: bytes  # without leading whitespace and byte order mark
    lowered: bytes  # ``start`` within the sniff window, lowercased
    first_line: bytes

    @classmethod
    def of(cls, head: bytes) -> Head:
        start = head.lstrip(_WHITESPACE)
        return cls(head, start, start[:SNIFF_BYTES].lower(), start.split(b"\n", 1)[0])


def is_warc(head: Head) -> bool:
    return head.raw.startswith(b"WARC/")


def is_feed(head: Head) -> bool:
    """Markup with an RSS, Atom or RDF root, unless its first KB is an HTML page's."""
    lowered = head.lowered
    if not lowered.startswith(b"<") or not _FEED_ROOT.search(lowered):
        return False
    return bool(_FEED_ROOT.search(lowered[:1024])) or not _HTML_START.search(lowered[:1024])


def is_markup(head: Head) -> bool:
    return head.lowered.startswith(b"<")


def is_json_lines(head: Head) -> bool:
    line = head.first_line
    return line.startswith(b"{") and _is_json_object(line, complete=b"\n" in head.start)


def is_csv(head: Head) -> bool:
    return _is_csv_header(head.first_line)


def anything(head: Head) -> bool:
    return True


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
