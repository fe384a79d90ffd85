"""WARC archives (``.warc``, ``.warc.gz``, e.g. CC-NEWS), streamed with warcio.

Only ``response`` records with HTTP status 200 and an HTML content type are read; each
becomes one document through the HTML extraction of ``html.py``, with the record's
``WARC-Target-URI`` as the URL when the page names no canonical one. The origin is
``FILE@OFFSET``, the record's byte offset in the file (in the compressed file for
``.warc.gz``), which ``warcio extract FILE OFFSET`` can show.

``published`` is the page's own publication date or ``None``: the ``WARC-Date`` is when
the page was crawled, which can be long after it was published, so it is not used.

Records are read one at a time. A damaged record is an error item naming its offset;
in a file (which can seek) reading goes on at the next record start found after it
(the next gzip member, or the next ``WARC/1.`` version line).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from eventwire.errors import InputError
from eventwire.sources.html import extract_html
from eventwire.sources.items import InputItem, failed, found
from eventwire.sources.sniff import GZIP_MAGIC

MAX_RECORD_BYTES = 10 * 1024 * 1024  # a larger HTML payload is not a news page
_SCAN_CHUNK = 1 << 20


def iter_warc(stream: BinaryIO, origin: str) -> Iterator[InputItem]:
    """The HTML pages archived in a WARC stream read from ``origin``."""
    from warcio.archiveiterator import ArchiveIterator  # imported when a WARC is read
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    damage = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError)
    seekable = stream.seekable()
    record_start = _record_magic(stream) if seekable else None
    records = 0
    yielded = 0  # items, pages or errors
    reported = False  # the current damaged stretch has been reported
    while True:
        iterator = ArchiveIterator(stream)
        try:
            for record in iterator:
                where = f"{origin}@{iterator.offset}"
                item = _record_item(record, where)
                records += 1
                reported = False
                if item is not None:
                    yielded += 1
                    yield item
            break
        except damage as exc:
            damaged_at = int(iterator.offset)
            if not reported:
                yield failed(
                    f"{origin}@{damaged_at}",
                    f"damaged WARC record ({_describe(exc)})",
                    "damaged WARC record",
                )
                reported = True
                yielded += 1
            if record_start is None:
                return  # a stream that cannot seek: nothing after the damage is found
            resume_at = _find(stream, record_start, damaged_at + 1)
            if resume_at is None:
                return
            stream.seek(resume_at)
    if yielded == 0:
        yield failed(
            origin, f"no HTML response records ({records} records read)", "no HTML records"
        )


def _record_item(record: Any, where: str) -> InputItem | None:
    """The page of a 200 HTML response record; None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(payload) > MAX_RECORD_BYTES:
        return failed(where, f"HTML record larger than {MAX_RECORD_BYTES} bytes ({url})")
    try:
        return found(extract_html(payload, where, url=url))
    except InputError as exc:
        return failed(where, f"{exc.problem} ({url})", exc.reason)


def _record_magic(stream: BinaryIO) -> bytes:
    """How a record starts in this file: a gzip member, or a WARC version line."""
    position = stream.tell()
    head = stream.read(2)
    stream.seek(position)
    return GZIP_MAGIC + b"\x08" if head == GZIP_MAGIC else b"WARC/1."


def _find(stream: BinaryIO, magic: bytes, start: int) -> int | None:
    """The offset of the first ``magic`` at or after ``start``, or None."""
    stream.seek(start)
    position = start
    carry = b""
    while True:
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        window = carry + chunk
        found_at = window.find(magic)
        if found_at >= 0:
            return position - len(carry) + found_at
        carry = window[-(len(magic) - 1) :]
        position += len(chunk)


def _describe(exc: BaseException) -> str:
    """The first line of a warcio message, printable and short."""
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    first = "".join(ch if ch.isprintable() and ch.isascii() else "?" for ch in lines[0])
    return first[:80] + ("..." if len(first) > 80 else "")
