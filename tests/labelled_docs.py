"""Documents for the tests: parsed body text with named entities set by hand, shared by
the place tests (the parser's own entities vary with the model; these tests are about
what follows), events on a trigger word, and an article run through the whole
pipeline (``pipeline_doc``)."""

from __future__ import annotations

from datetime import date

from eventwire.model import Article, Document, Event, RawDocument, Span, Zone
from eventwire.stages.parse import parse
from eventwire.stages.places import place_events, places


def parsed_body(text: str) -> Document:
    """``text`` parsed as one stretch of body text."""
    return parse(Document(text=text, origin="<test>", spans=[Span(0, len(text), Zone.BODY)]))


def placed_body(text: str) -> Document:
    """``text`` parsed as one stretch of body text, its places found."""
    doc = parsed_body(text)
    places(doc)
    return doc


def relabel(doc: Document, labels: dict[str, str], *, last: bool = False) -> None:
    """Replace spaCy's entities with ``labels`` (name -> label), each at the name's first
    occurrence (its last with ``last``)."""
    ents = []
    for name, label in labels.items():
        start = doc.text.rindex(name) if last else doc.text.index(name)
        span = doc.spacy_doc.char_span(start, start + len(name), label=label)
        assert span is not None, name
        ents.append(span)
    doc.spacy_doc.ents = ents


def parsed_with_entities(text: str, labels: dict[str, str], url: str | None = None) -> Document:
    """``text`` parsed as an article's body, its entities exactly ``labels`` (each at the
    name's last occurrence); ``url`` is the article's address."""
    doc = parsed_body(text)
    doc.article = Article(title=None, body=text, url=url)
    relabel(doc, labels, last=True)
    return doc


def trigger_event(doc: Document, trigger: str, kind: str = "ASSAULT") -> Event:
    """An event of ``kind`` on the first occurrence of ``trigger``, in its sentence."""
    at = doc.text.index(trigger)
    sentence = next(s for s in doc.sentences if s.start <= at < s.end)
    return Event(
        type=kind, sentence=sentence.text, start=sentence.start, end=sentence.end,
        trigger=trigger, trigger_start=at, trigger_end=at + len(trigger),
    )  # fmt: skip


def event_places(text: str, *triggers: str) -> list[str | None]:
    """The place names the places stage gives events on ``triggers`` (each at its first
    occurrence) in ``text`` parsed as body text."""
    doc = parsed_body(text)
    places(doc)
    doc.events = [trigger_event(doc, trigger) for trigger in triggers]
    place_events(doc, list(doc.places))
    return [e.place.name if e.place is not None else None for e in doc.events]


def pipeline_doc(text: str, title: str | None = None, published: str = "2016-07-25") -> Document:
    """``text`` (with ``title``, published on ``published``) run through the default
    pipeline as one article."""
    from eventwire.run.pipeline import default_pipeline

    raw = RawDocument(
        text=text, origin="<test>", title=title, published=date.fromisoformat(published)
    )
    docs = default_pipeline().process_raw(raw)
    assert len(docs) == 1
    return docs[0]


def factual_attacks(doc: Document) -> list[Event]:
    """The factual ASSAULT events of ``doc``, in text order."""
    return [e for e in doc.events if e.type == "ASSAULT" and e.factual]
