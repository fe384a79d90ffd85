"""PLACEHOLDER for the actors stage: passes documents through unchanged until written."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pipeline import stage


@stage("actors", requires=("doc.spacy_doc", "doc.sentences"), assigns=("doc.actors",))
def actors(doc: Document) -> Document:
    return doc
