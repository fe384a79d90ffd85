"""PLACEHOLDER for the clean stage: passes documents through unchanged until written."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import stage


@stage("clean", requires=("doc.text",), assigns=("doc.article", "doc.spans"))
def clean(doc: Document) -> Document:
    return doc
