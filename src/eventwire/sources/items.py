"""What every source yields: ``InputItem``, a raw document or the error that kept one
record of an input from being read."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.errors import InputError
from eventwire.model import RawDocument


@dataclass(frozen=True, slots=True)
class InputItem:
    """One document read from an input, or the error that kept it from being read.

    ``origin`` names the document precisely (``news.jsonl:12``, ``crawl.warc.gz@5120``,
    ``feed.xml#entry-3``, a URL); ``input_name`` is the name given to ``iter_inputs``
    that it came from (a file, a URL or ``-``), so a caller can count inputs, not items.
    ``position`` is how many bytes of that input (as stored: compressed for ``.gz``)
    had been read when the item was yielded, when known; ``notice`` is a line to show
    the user about a document that was read (e.g. an over-long article cut in parts).
    """

    origin: str
    document: RawDocument | None = None
    error: InputError | None = None
    input_name: str | None = None
    position: int | None = None
    notice: str | None = None


def failed(origin: str, problem: str, reason: str | None = None) -> InputItem:
    """An item for a record that could not be read."""
    return InputItem(origin=origin, error=InputError(origin, problem, reason))


def found(document: RawDocument) -> InputItem:
    """An item for a document read."""
    return InputItem(origin=document.origin, document=document)
