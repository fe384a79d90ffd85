"""Plain-text sources: raw scrape dumps and one-article ``.txt`` files.

Both are read the same way. ``iter_text_articles`` (what ``eventwire ingest`` uses)
reads the bytes as a stream and segments them as they come (``stages/segment.py``),
yielding one ``RawDocument`` per article as soon as the next one starts, so a dump of
any size is read in bounded memory. ``read_text_file`` and ``read_text_stream`` read
the whole text into one ``RawDocument`` flagged as a possible dump, for the Python API.
"""

from __future__ import annotations

import codecs
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from eventwire.articles.layout import Line
from eventwire.errors import InputError
from eventwire.model import RawDocument
from eventwire.sources.items import InputItem

_SNIFF_BYTES = 8192


def decode_text(data: bytes, origin: str) -> str:
    """Decode bytes read from ``origin`` as UTF-8 news text, or raise ``InputError``."""
    if not data.strip():
        raise InputError(origin, "empty file")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(origin, "binary file (NUL bytes), not text", "binary file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            origin,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            "not UTF-8 text",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: Path) -> RawDocument:
    """Read one text file (a dump of one or more articles)."""
    origin = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(origin, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(origin, "is a directory") from exc
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror}") from exc
    return RawDocument(text=decode_text(data, origin), origin=origin, is_dump=True)


def read_text_stream(data: bytes, origin: str = "<stdin>") -> RawDocument:
    return RawDocument(text=decode_text(data, origin), origin=origin, is_dump=True)


# --- Streaming ------------------------------------------------------------------------

_NEWLINE_END = re.compile(r"[^\n]*\n|[^\n]+")  # a line with its newline, or the last one
_READ_BYTES = 65536  # a longer line is read in pieces


class _TextWindow:
    """The decoded text from the start of the current article to the read position."""

    def __init__(self) -> None:
        self._parts: deque[tuple[int, str]] = deque()  # (offset, text), in order

    def add(self, offset: int, text: str) -> None:
        self._parts.append((offset, text))

    def take(self, start: int, end: int) -> str:
        """The text at ``[start, end)``; everything before ``end`` is then forgotten."""
        pieces: list[str] = []
        for offset, text in self._parts:
            if offset >= end:
                break
            if offset + len(text) > start:
                pieces.append(text[max(0, start - offset) : end - offset])
        while self._parts and self._parts[0][0] + len(self._parts[0][1]) <= end:
            self._parts.popleft()
        return "".join(pieces)


def _decoded_lines(stream: BinaryIO, origin: str, window: _TextWindow) -> Iterator[Line]:
    """The lines of a UTF-8 byte stream (newlines normalised to "\\n", as
    ``decode_text`` does), each added to ``window``; ``InputError`` on bad bytes."""
    from eventwire.articles.segment import line_pieces  # imports the stages: only when used
    from eventwire.sources.sniff import peek

    head, stream = peek(stream, _SNIFF_BYTES)
    if b"\x00" in head:
        raise InputError(origin, "binary file (NUL bytes), not text", "binary file")
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = 0  # in characters of the normalised text
    read = 0  # bytes
    carriage = False  # the last piece ended with "\r"
    while True:
        data = stream.readline(_READ_BYTES)
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise InputError(
                origin,
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {read + exc.start})",
                "not UTF-8 text",
            ) from exc
        read += len(data)
        if carriage and not text.startswith("\n"):
            text = "\n" + text
        carriage = text.endswith("\r")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if carriage:
            text = text[:-1]
        for raw in _NEWLINE_END.findall(text):
            window.add(offset, raw)
            yield from line_pieces(raw.rstrip("\n"), offset)
            offset += len(raw)
        if not data:
            if carriage:
                window.add(offset, "\n")
            return


def iter_text_articles(stream: BinaryIO, origin: str) -> Iterator[InputItem]:
    """The articles of a text dump, one item each, read and segmented as a stream
    (``stages/segment.py``): memory holds one article and the lines just after it,
    whatever the size of the dump. With one article, its origin is ``origin``; with
    several, ``origin#n``. An article over the length limit is cut into parts and the
    last part's item carries a one-line notice. Bad bytes end the stream with an error
    item (the articles before them are kept)."""
    from eventwire.articles.segment import MAX_ARTICLE_CHARS, iter_bounds

    window = _TextWindow()
    held: InputItem | None = None  # the first article, until we know it is not the only one
    number = 0
    cut_from: int | None = None  # number of the first part of an article being cut
    cut_chars = 0
    try:
        for bound in iter_bounds(_decoded_lines(stream, origin, window)):
            number += 1
            text = window.take(bound.start, bound.end)
            notice = None
            if bound.cut or cut_from is not None:
                cut_from = number if cut_from is None else cut_from
                cut_chars += len(text)
                if not bound.cut:
                    notice = (
                        f"{origin}#{cut_from}-{number}: an article of {cut_chars:,} characters, "
                        f"more than the {MAX_ARTICLE_CHARS:,} one article may have: "
                        f"stored as {number - cut_from + 1} parts"
                    )
                    cut_from, cut_chars = None, 0
            item = InputItem(
                origin=f"{origin}#{number}",
                document=RawDocument(text=text, origin=f"{origin}#{number}"),
                notice=notice,
            )
            if number == 1:
                held = item
                continue
            if held is not None:
                yield held
                held = None
            yield item
    except InputError as exc:
        if held is not None:
            yield held
        yield InputItem(origin=origin, error=exc)
        return
    if held is not None:
        assert held.document is not None
        yield replace(held, origin=origin, document=replace(held.document, origin=origin))
    elif number == 0:
        yield InputItem(origin=origin, error=InputError(origin, "empty file"))
