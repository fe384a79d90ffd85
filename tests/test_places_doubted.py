"""A toponym more likely wrong than right (confidence under one half) yields to a sure
place at each step of an event's search (``stages.places.placeable``, ``place_events``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.model import Document, Event, Place, Span, Zone
from eventwire.stages.parse import parse
from eventwire.stages.places import place_events, placeable, places


def _parsed(nlp: Any, text: str) -> Document:
    doc = parse(Document(text=text, origin="<test>", spans=[Span(0, len(text), Zone.BODY)]))
    places(doc)
    return doc


def _names(places: list[Place]) -> list[str | None]:
    return [p.name for p in places]


def _event(doc: Document, trigger: str) -> Event:
    at = doc.text.index(trigger)
    sentence = next(s for s in doc.sentences if s.start <= at < s.end)
    return Event(
        type="ASSAULT", sentence=sentence.text, start=sentence.start, end=sentence.end,
        trigger=trigger, trigger_start=at, trigger_end=at + len(trigger),
    )  # fmt: skip


def _doubting(places: list[Place], name: str) -> list[Place]:
    return [replace(p, confidence=0.3 if p.name == name else 0.9) for p in places]


def test_a_doubted_place_yields_to_a_sure_one(nlp: Any) -> None:
    doc = _parsed(nlp, "A man was shot in Macon on Saturday. He was later seen in Perry.")
    places = _doubting(doc.places, "Perry")
    assert "Perry" in _names(places)
    kept = _names(placeable(doc, places))
    assert "Macon" in kept and "Perry" not in kept
    # alone, the doubted place is kept: better a doubtful place than none
    alone = [p for p in places if p.name == "Perry"]
    assert _names(placeable(doc, alone)) == ["Perry"]


def test_in_its_sentence_a_sure_place_comes_before_a_doubted_one(nlp: Any) -> None:
    doc = _parsed(nlp, "A teenager from Perry was shot in Macon on Friday.")
    doc.events = [_event(doc, "shot")]
    place_events(doc, _doubting(doc.places, "Perry"))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Macon"


def test_a_doubted_place_of_its_sentence_comes_before_an_earlier_sure_one(nlp: Any) -> None:
    # another story's town, paragraphs before, does not place this attack
    doc = _parsed(
        nlp, "Police in Macon are looking for a gunman. A teenager was shot near Perry on Friday."
    )
    doc.events = [_event(doc, "shot")]
    place_events(doc, _doubting(doc.places, "Perry"))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Perry"


def test_an_earlier_sure_place_comes_before_an_earlier_doubted_one(nlp: Any) -> None:
    doc = _parsed(nlp, "Police met in Macon. Officers drove to Perry. Rebels shelled a school.")
    doc.events = [_event(doc, "shelled")]
    place_events(doc, _doubting(doc.places, "Perry"))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Macon"


def test_a_doubted_place_still_comes_before_a_later_sure_one(nlp: Any) -> None:
    doc = _parsed(
        nlp, "Fighting broke out near Perry. Rebels shelled a school. Police later met in Macon."
    )
    doc.events = [_event(doc, "shelled")]
    place_events(doc, _doubting(doc.places, "Perry"))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Perry"
