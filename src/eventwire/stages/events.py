"""PLACEHOLDER for the events stage: passes documents through unchanged until written."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import stage


@stage("events", requires=("doc.spacy_doc", "doc.sentences", "doc.actors"), assigns=("doc.events",))
def events(doc: Document) -> Document:
    return doc
