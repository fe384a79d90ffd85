"""Plain-text sources: raw scrape dumps and one-article ``.txt`` files.

Both are read the same way: the file's text becomes one ``RawDocument`` flagged as a
possible dump, and segmentation decides how many articles it holds.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import InputError
from eventwire.model import RawDocument

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
