"""PLACEHOLDER for the factuality stage: passes documents through unchanged until written."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import stage


@stage("factuality", requires=("doc.events",), assigns=("event.negated", "event.hypothetical", "event.future"))
def factuality(doc: Document) -> Document:
    return doc
