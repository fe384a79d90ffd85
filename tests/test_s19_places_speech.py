"""Session 19, places: where words are said (``stages/place_speech.py``). Sentences
written for these tests."""

from __future__ import annotations

from dataclasses import replace

from eventwire.gazetteer import Gazetteer
from eventwire.model import Actor
from eventwire.stages.place_speech import speak_from_seats
from eventwire.stages.places import _VERBAL_TYPES, place_events, places
from labelled_docs import parsed_body, trigger_event


def _placed(text: str, trigger: str, kind: str, actor: Actor | None) -> str | None:
    doc = parsed_body(text)
    places(doc)
    doc.events = [replace(trigger_event(doc, trigger), type=kind, actor=actor)]
    place_events(doc, list(doc.places))
    speak_from_seats(doc, _VERBAL_TYPES, Gazetteer.load())
    place = doc.events[0].place
    return None if place is None else place.name


def _actor(text: str, name: str, country: str) -> Actor:
    at = text.index(name)
    return Actor(text=name, country=country, sector="GOV", start=at, end=at + len(name))


def test_a_seat_of_government_speaks_from_its_capital() -> None:
    text = "Gunmen attacked a hotel in Nairobi on Monday. The White House condemned the attack."
    actor = _actor(text, "The White House", "USA")
    assert _placed(text, "condemned", "ACCUSE", actor) == "Washington"


def test_a_place_on_the_verb_itself_stays() -> None:
    text = "Gunmen attacked a hotel in Nairobi. The White House said in Ottawa it was shocked."
    actor = _actor(text, "The White House", "USA")
    assert _placed(text, "said", "ACCUSE", actor) == "Ottawa"


def test_a_government_named_only_by_its_people_keeps_its_own_country() -> None:
    text = "Police raided a camp near Lyon on Monday. French officials condemned the raid in Lyon."
    actor = _actor(text, "French officials", "FRA")
    assert _placed(text, "condemned", "ACCUSE", actor) == "Lyon"
