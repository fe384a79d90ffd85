"""eventwire: raw news in, coded political events out.

The public API::

    import eventwire
    doc  = eventwire.process(text, published=None, title=None, source=None)
    docs = eventwire.process_dump(path_or_text)
    docs = eventwire.process_many(items, n_process=1)

Each returns ``Document`` records (see ``eventwire.model``) with the article, its
sentences, actors, events, places and time expressions.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import EventwireError, InputError
from eventwire.model import Document, RawDocument

__all__ = [
    "Document",
    "EventwireError",
    "process",
    "process_dump",
    "process_many",
]
__version__ = "0.1.0"


def _as_date(value: date | str | None, origin: str) -> date | None:
    """``published`` read as at every entry point (``sources/published.py``)."""
    from eventwire.sources.published import published_date  # sources import feedparser

    return published_date(value, origin)


def _run(raw: RawDocument) -> list[Document]:
    from eventwire.run.pipeline import default_pipeline

    return default_pipeline().process_raw(raw)


def process(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Document:
    """Process one article. ``Document.text`` is exactly ``text``."""
    raw = RawDocument(
        text=text,
        origin="<text>",
        title=title,
        published=_as_date(published, "<text>"),
        source=source,
    )
    docs = _run(raw)
    if not docs:
        raise InputError("<text>", "no article text")
    return docs[0]


def _names_a_file(text: str) -> bool:
    """Whether a string given to ``process_dump`` is a file name rather than text: an
    existing file, or one line that looks like a path (a missing file is an error, not
    an article made of its name)."""
    if "\n" in text or len(text) > 4096:
        return False
    path = Path(text)
    if path.is_file():
        return True
    looks_like_path = path.suffix.lower() in (".txt", ".text") or os.sep in text.strip()
    if looks_like_path and " " not in text.strip():
        raise InputError(text, "no such file")
    return False


def process_dump(path_or_text: str | os.PathLike[str]) -> list[Document]:
    """Split a raw dump of several articles (a file path or the text itself) and
    process every article in it."""
    from eventwire.sources.text import read_text_file

    if isinstance(path_or_text, os.PathLike) or _names_a_file(path_or_text):
        raw = read_text_file(Path(path_or_text))
    else:
        raw = RawDocument(text=path_or_text, origin="<text>", is_dump=True)
    return _run(raw)


def _raw_from_item(item: str | Mapping[str, Any], number: int) -> RawDocument:
    origin = f"<item {number}>"
    if isinstance(item, str):
        return RawDocument(text=item, origin=origin)
    text = item.get("text")
    if not isinstance(text, str):
        raise InputError(origin, "needs a 'text' string")
    return RawDocument(
        text=text,
        origin=str(item.get("url") or origin),
        title=item.get("title"),
        published=_as_date(item.get("published"), origin),
        source=item.get("source"),
        url=item.get("url"),
    )


def process_many(items: Iterable[str | Mapping[str, Any]], n_process: int = 1) -> list[Document]:
    """Process many articles (strings, or mappings with ``text`` and optional
    ``published``, ``title``, ``source``, ``url``), in order, in ``n_process``
    processes. Each item is one article."""
    from eventwire.run.pipeline import run_many

    raws: Iterator[RawDocument] = (_raw_from_item(item, n) for n, item in enumerate(items, start=1))
    documents: list[Document] = []
    for result in run_many(raws, n_process=n_process):
        if result.error is not None:
            raise result.error
        documents.extend(result.documents)
    return documents
