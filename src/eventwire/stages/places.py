"""PLACEHOLDER for the places stage: passes documents through unchanged until written."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import stage


@stage("places", requires=("doc.spacy_doc", "doc.sentences", "doc.events"), assigns=("doc.places", "event.place"))
def places(doc: Document) -> Document:
    return doc
