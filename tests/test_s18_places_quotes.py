"""A toponym inside a quotation is what someone said: no place of an event the quoting
words report, nor of the article, but still a place of an event told inside the same
quotation; a short name set off by quotation marks is no quotation
(``stages/place_scenes.py``, ``stages/places.py``)."""

from __future__ import annotations

from typing import Any

from eventwire.stages.place_scenes import quotations
from eventwire.stages.places import place_events
from test_places_doubted import _event, _parsed


def test_a_place_shouted_in_a_quotation_does_not_place_the_shooting(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        'A gunman shot a guard on Monday, shouting: "Remember Dayton!" Police in '
        "Columbus said the guard was in hospital.",
    )
    doc.events = [_event(doc, "shot")]
    place_events(doc, list(doc.places))
    assert "Dayton" in [p.name for p in doc.places]  # still a toponym
    assert doc.events[0].place is not None and doc.events[0].place.name == "Columbus"


def test_an_event_told_inside_the_quotation_keeps_its_place(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "Police in Columbus spoke on Monday. \u201cTwo men were shot outside a bar in "
        "Dayton last night,\u201d the chief said.",
    )
    doc.events = [_event(doc, "shot")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Dayton"


def test_a_quoted_name_is_no_quotation() -> None:
    text = 'The so-called "Dayton Five" were freed. She said: "We won."'
    spans = quotations(text)
    assert [text[a:b] for a, b in spans] == ['"We won."']


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph() -> None:
    text = "\u201cWe stayed in the house all night and heard the shots\nPolice came later."
    assert [text[a:b] for a, b in quotations(text)] == [text.split("\n")[0]]


def test_what_a_statement_condemns_does_not_place_the_deed(nlp: Any) -> None:
    from dataclasses import replace

    doc = _parsed(
        nlp,
        "Police in Columbus said a gunman shot a guard on Monday and condemned the war in Yemen.",
    )
    doc.events = [_event(doc, "shot"), replace(_event(doc, "condemned"), type="ACCUSE")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Columbus"
