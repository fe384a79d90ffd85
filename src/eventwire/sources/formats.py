"""The reader table: every input format, its file names, how its content is recognised
and the function that reads it.

A format is one row of ``FORMATS`` (plus the module that reads it): its name, the file
suffixes that announce it (each optionally followed by ``.gz``), a predicate on the first
bytes of its (decompressed) content (``sniff.py``), and the reader, a function
``(stream, Reading) -> Iterator[InputItem]``. A file's format comes from its name, else
(and for stdin and URLs always) from the first row whose predicate holds, in the table's
order; the last row, text, takes anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.sources import sniff
from eventwire.sources.feeds import read_feed
from eventwire.sources.fetch import Fetcher
from eventwire.sources.html import extract_html
from eventwire.sources.items import InputItem, failed, found
from eventwire.sources.jsonl import iter_csv, iter_jsonl
from eventwire.sources.text import iter_text_articles
from eventwire.sources.warc import iter_warc


@dataclass(frozen=True, slots=True)
class Reading:
    """What a reader is told besides its stream: the input's ``origin``, the URL it was
    fetched from (``base_url``), and whether (and with which fetcher) to follow links."""

    origin: str
    base_url: str | None = None
    follow: bool = False
    fetcher: Callable[[], Fetcher] | None = None


Reader = Callable[[BinaryIO, Reading], Iterator[InputItem]]


@dataclass(frozen=True, slots=True)
class InputFormat:
    """One row of the reader table. ``own_gzip``: the reader decompresses ``X.gz`` files
    itself (warcio reads a ``.warc.gz`` record by record)."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[sniff.Head], bool]
    read: Reader
    own_gzip: bool = False

    def __repr__(self) -> str:
        return f"InputFormat({self.name!r})"


# The largest page or feed read as one piece, after decompression (a gzip bomb stops
# here; text dumps are streamed article by article, WARC, JSONL and CSV record by record).
MAX_WHOLE_BYTES = 64 * 1024 * 1024


def read_capped(stream: BinaryIO, origin: str) -> bytes | InputItem:
    """The whole of ``stream``, or an error item when it is over ``MAX_WHOLE_BYTES``."""
    data = stream.read(MAX_WHOLE_BYTES + 1)
    if len(data) > MAX_WHOLE_BYTES:
        return failed(
            origin,
            f"larger than {MAX_WHOLE_BYTES // (1024 * 1024)} MB once decompressed; "
            "split it or give it as JSON Lines",
            "too large",
        )
    return data


def _read_html(stream: BinaryIO, reading: Reading) -> Iterator[InputItem]:
    data = read_capped(stream, reading.origin)
    if isinstance(data, InputItem):
        yield data
        return
    try:
        yield found(extract_html(data, reading.origin, url=reading.base_url))
    except InputError as exc:
        yield InputItem(origin=reading.origin, error=exc)


def _read_feed(stream: BinaryIO, reading: Reading) -> Iterator[InputItem]:
    data = read_capped(stream, reading.origin)
    if isinstance(data, InputItem):
        yield data
        return
    fetcher = reading.fetcher() if reading.follow and reading.fetcher else None
    yield from read_feed(
        data, reading.origin, base_url=reading.base_url, follow=reading.follow, fetcher=fetcher
    )


def _by_origin(read: Callable[[BinaryIO, str], Iterator[InputItem]]) -> Reader:
    """A reader that needs only the stream and its origin."""
    return lambda stream, reading: read(stream, reading.origin)


# In sniffing order: the first row whose predicate holds reads the input.
FORMATS: tuple[InputFormat, ...] = (
    InputFormat("warc", (".warc",), sniff.is_warc, _by_origin(iter_warc), own_gzip=True),
    InputFormat("feed", (".xml", ".rss", ".atom"), sniff.is_feed, _read_feed),
    InputFormat("html", (".html", ".htm"), sniff.is_markup, _read_html),
    InputFormat("jsonl", (".jsonl", ".ndjson"), sniff.is_json_lines, _by_origin(iter_jsonl)),
    InputFormat("csv", (".csv",), sniff.is_csv, _by_origin(iter_csv)),
    InputFormat("text", (".txt", ".text"), sniff.anything, _by_origin(iter_text_articles)),
)
FORMAT_NAMED: dict[str, InputFormat] = {f.name: f for f in FORMATS}
SUFFIX_FORMATS: dict[str, InputFormat] = {s: f for f in FORMATS for s in f.suffixes}


@dataclass(frozen=True, slots=True)
class NamedFormat:
    """The format a file name announces (``None``: unknown) and whether it is gzipped."""

    format: InputFormat | None
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


def sniff_format(head: bytes) -> InputFormat:
    """The format of (decompressed) content that starts with ``head``."""
    seen = sniff.Head.of(head)
    return next(f for f in FORMATS if f.sniff(seen))
