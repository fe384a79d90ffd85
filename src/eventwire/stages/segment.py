"""PLACEHOLDER segmentation: one document per raw document."""

from __future__ import annotations

from eventwire.model import Document, RawDocument


def split_articles(raw: RawDocument) -> list[Document]:
    return [Document(text=raw.text, origin=raw.origin, raw=raw)]
