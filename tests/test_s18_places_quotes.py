"""A toponym inside a quotation is what someone said: no place of an event the quoting
words report, nor of the article, but still a place of an event told inside the same
quotation; a short name set off by quotation marks is no quotation
(``stages/place_scenes.py``, ``stages/places.py``)."""

from __future__ import annotations

from eventwire.stages.place_scenes import quotations
from eventwire.stages.places import place_events, places
from labelled_docs import event_places, parsed_body, trigger_event


def test_a_place_shouted_in_a_quotation_does_not_place_the_shooting() -> None:
    text = (
        'A gunman shot a guard on Monday, shouting: "Remember Dayton!" Police in '
        "Columbus said the guard was in hospital."
    )
    doc = parsed_body(text)
    places(doc)
    assert "Dayton" in [p.name for p in doc.places]  # still a toponym
    assert event_places(text, "shot") == ["Columbus"]


def test_an_event_told_inside_the_quotation_keeps_its_place() -> None:
    text = (
        "Police in Columbus spoke on Monday. \u201cTwo men were shot outside a bar in "
        "Dayton last night,\u201d the chief said."
    )
    assert event_places(text, "shot") == ["Dayton"]


def test_a_quoted_name_is_no_quotation() -> None:
    text = 'The so-called "Dayton Five" were freed. She said: "We won."'
    spans = quotations(text)
    assert [text[a:b] for a, b in spans] == ['"We won."']


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph() -> None:
    text = "\u201cWe stayed in the house all night and heard the shots\nPolice came later."
    assert [text[a:b] for a, b in quotations(text)] == [text.split("\n")[0]]


def test_what_a_statement_condemns_does_not_place_the_deed() -> None:
    doc = parsed_body(
        "Police in Columbus said a gunman shot a guard on Monday and condemned the war in Yemen."
    )
    places(doc)
    doc.events = [trigger_event(doc, "shot"), trigger_event(doc, "condemned", "ACCUSE")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Columbus"
