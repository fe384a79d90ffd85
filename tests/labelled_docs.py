"""Parsed body text with named entities set by hand, shared by the place tests (the
parser's own entities vary with the model; these tests are about what follows)."""

from __future__ import annotations

from eventwire.model import Article, Document, Span, Zone
from eventwire.stages.parse import parse


def parsed_with_entities(text: str, labels: dict[str, str], url: str | None = None) -> Document:
    """``text`` parsed as an article's body, its entities exactly ``labels`` (name ->
    label, each at the name's last occurrence); ``url`` is the article's address."""
    doc = parse(Document(text=text, origin="<test>", spans=[Span(0, len(text), Zone.BODY)]))
    doc.article = Article(title=None, body=text, url=url)
    ents = []
    for name, label in labels.items():
        start = doc.text.rindex(name)
        span = doc.spacy_doc.char_span(start, start + len(name), label=label)
        assert span is not None, name
        ents.append(span)
    doc.spacy_doc.ents = ents
    return doc
