"""Reading one input name (a file, an ``http(s)://`` URL, or ``-`` for stdin) with the
reader for its format.

A file's format comes from its name (the reader table, ``formats.py``), else from its
first bytes; stdin
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
from eventwire.sources.fetch import Fetcher, FetchPolicy
from eventwire.sources.formats import (
    FORMAT_NAMED,
    InputFormat,
    Reading,
    format_of_name,
    sniff_format,
)
from eventwire.sources.items import InputItem, failed
from eventwire.sources.sniff import GZIP_MAGIC, peek

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
        if named.format is not None and named.format.own_gzip:  # e.g. warcio's .warc.gz
            return named.format.read(stream, Reading(name))
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
        fmt: InputFormat | None = None,
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
            if fmt.name == "text" and media in _HTML_TYPES:
                fmt = FORMAT_NAMED["html"]
        reading = Reading(origin, base_url, self.follow, lambda: self.fetcher)
        yield from fmt.read(stream, reading)


def _guarded(items: Iterator[InputItem], origin: str) -> Iterator[InputItem]:
    """``items``, ended by an error item when the data stops being readable."""
    try:
        yield from items
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield failed(origin, f"corrupt gzip data ({one_line(exc)})", "corrupt gzip")
    except OSError as exc:
        yield failed(origin, f"cannot read: {exc.strerror or one_line(exc)}", "cannot read")
