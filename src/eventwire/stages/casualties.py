"""PLACEHOLDER for the casualties stage: passes documents through unchanged until written."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import stage


@stage("casualties", requires=("doc.events",), assigns=("event.dead", "event.injured", "event.arrested"))
def casualties(doc: Document) -> Document:
    return doc
