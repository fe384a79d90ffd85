"""PLACEHOLDER for the dates stage: passes documents through unchanged until written."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import stage


@stage("dates", requires=("doc.spacy_doc", "doc.sentences", "doc.article", "doc.events"), assigns=("doc.timexes", "event.date"))
def dates(doc: Document) -> Document:
    return doc
