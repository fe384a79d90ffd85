"""Reading one input name (a file, an ``http(s)://`` URL, or ``-`` for stdin) with the
reader for its format.

A file's format comes from its name (``formats.py``), else from its first bytes; stdin
and URLs are sniffed (a URL's ``text/html`` content type settles what sniffing cannot).
``.gz`` files and gzip data on stdin or from a URL are decompressed as they are read;
``.warc.gz`` is left to warcio, which reads it record by record; text dumps are
segmented as they are read (``text.iter_text_articles``). Everything that can
fail yields an error item naming the file (and line or record) and reading goes on.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, cast

from eventwire.errors import InputError, one_line
from eventwire.sources.feeds import read_feed
from eventwire.sources.fetch import Fetcher, FetchPolicy
from eventwire.sources.formats import GZIP_MAGIC, Format, format_of_name, peek, sniff_format
from eventwire.sources.html import extract_html
from eventwire.sources.items import InputItem, failed, found
from eventwire.sources.jsonl import iter_csv, iter_jsonl
from eventwire.sources.text import iter_text_articles, read_text_stream
from eventwire.sources.warc import iter_warc

STDIN_ORIGIN = "<stdin>"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


class InputReader:
    """Reads input names one after the other, sharing one fetcher (and its robots.txt
    cache) between them. ``follow`` makes feeds fetch the pages their entries link to.
    ``public_only`` reads only URLs of public hosts (``fetch.py``): no files, no stdin,
    no local or private addresses (for names that come from the network)."""

    def __init__(
        self, *, follow: bool = False, policy: FetchPolicy | None = None, public_only: bool = False
    ) -> None:
        self.follow = follow
        self.policy = policy
        self.public_only = public_only
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.policy)
        return self._fetcher

    def read(self, name: str) -> Iterator[InputItem]:
        """The items of one input, each tagged with ``input_name=name``."""
        if self.public_only and not is_url(name):
            items: Iterator[InputItem] = iter(
                [failed(name, "not an http or https URL", "not a URL")]
            )
        elif name == "-":
            items = _guarded(self._content(sys.stdin.buffer, STDIN_ORIGIN), STDIN_ORIGIN)
        elif is_url(name):
            items = self._url(name)
        else:
            items = self._file(name)
        for item in items:
            yield replace(item, input_name=name)

    def _file(self, name: str) -> Iterator[InputItem]:
        try:
            with Path(name).open("rb") as stream:
                for item in _guarded(self._file_content(stream, name), name):
                    yield replace(item, position=stream.tell())
        except FileNotFoundError:
            yield failed(name, "no such file or directory")
        except IsADirectoryError:
            yield failed(name, "is a directory")
        except OSError as exc:  # opening failed: reading errors are caught in _guarded
            yield failed(name, f"cannot read: {exc.strerror or exc}", "cannot read")

    def _file_content(self, stream: BinaryIO, name: str) -> Iterator[InputItem]:
        named = format_of_name(name)
        if named.format is Format.WARC:  # warcio decompresses .warc.gz record by record
            return iter_warc(stream, name)
        if named.gzipped:
            stream = cast(BinaryIO, gzip.GzipFile(fileobj=stream))
        return self._content(stream, name, named.format)

    def _url(self, url: str) -> Iterator[InputItem]:
        try:
            page = self.fetcher.fetch(url, public_only=self.public_only)
        except InputError as exc:
            yield InputItem(origin=url, error=exc)
            return
        stream = io.BytesIO(page.body)
        yield from _guarded(
            self._content(stream, url, None, base_url=page.final_url, media=page.content_type),
            url,
        )

    def _content(
        self,
        stream: BinaryIO,
        origin: str,
        fmt: Format | None = None,
        *,
        base_url: str | None = None,
        media: str | None = None,
    ) -> Iterator[InputItem]:
        """The items of a (decompressed) stream in ``fmt``, sniffed when None."""
        if fmt is None:
            head, stream = peek(stream)
            if head.startswith(GZIP_MAGIC):
                head, stream = peek(cast(BinaryIO, gzip.GzipFile(fileobj=stream)))
            fmt = sniff_format(head)
            if fmt is Format.TEXT and media in _HTML_TYPES:
                fmt = Format.HTML
        if fmt is Format.WARC:
            yield from iter_warc(stream, origin)
        elif fmt is Format.JSONL:
            yield from iter_jsonl(stream, origin)
        elif fmt is Format.CSV:
            yield from iter_csv(stream, origin)
        elif fmt is Format.TEXT:
            yield from iter_text_articles(stream, origin)
        elif fmt is Format.FEED:
            fetcher = self.fetcher if self.follow else None
            data = _read_capped(stream, origin)
            if isinstance(data, InputItem):
                yield data
                return
            yield from read_feed(
                data, origin, base_url=base_url, follow=self.follow, fetcher=fetcher
            )
        else:
            data = _read_capped(stream, origin)
            yield data if isinstance(data, InputItem) else _whole(data, origin, fmt, base_url)


# The largest page or feed read as one piece, after decompression (a gzip bomb stops
# here; text dumps are streamed article by article, WARC, JSONL and CSV record by record).
MAX_WHOLE_BYTES = 64 * 1024 * 1024


def _read_capped(stream: BinaryIO, origin: str) -> bytes | InputItem:
    data = stream.read(MAX_WHOLE_BYTES + 1)
    if len(data) > MAX_WHOLE_BYTES:
        return failed(
            origin,
            f"larger than {MAX_WHOLE_BYTES // (1024 * 1024)} MB once decompressed; "
            "split it or give it as JSON Lines",
            "too large",
        )
    return data


def _whole(data: bytes, origin: str, fmt: Format, base_url: str | None) -> InputItem:
    """The one document of a text or HTML input."""
    try:
        if fmt is Format.HTML:
            return found(extract_html(data, origin, url=base_url))
        return found(read_text_stream(data, origin))
    except InputError as exc:
        return InputItem(origin=origin, error=exc)


def _guarded(items: Iterator[InputItem], origin: str) -> Iterator[InputItem]:
    """``items``, ended by an error item when the data stops being readable."""
    try:
        yield from items
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield failed(origin, f"corrupt gzip data ({one_line(exc)})", "corrupt gzip")
    except OSError as exc:
        yield failed(origin, f"cannot read: {exc.strerror or one_line(exc)}", "cannot read")
