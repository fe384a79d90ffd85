"""Session 19, places: where words are said (``stages/place_speech.py``). Sentences
written for these tests."""

from __future__ import annotations

from eventwire.gazetteer import Gazetteer
from eventwire.model import Actor
from eventwire.stages.place_speech import speak_from_seats
from eventwire.stages.places import _VERBAL_TYPES, place_events
from labelled_docs import placed_body, trigger_event


def _placed(text: str, trigger: str, kind: str, actor: Actor) -> str | None:
    doc = placed_body(text)
    event = trigger_event(doc, trigger, kind)
    event.actor = actor
    doc.events = [event]
    place_events(doc, list(doc.places))
    speak_from_seats(doc, _VERBAL_TYPES, Gazetteer.load())
    place = doc.events[0].place
    return None if place is None else place.name


def _actor(text: str, name: str, country: str, sector: str = "GOV") -> Actor:
    at = text.index(name)
    return Actor(text=name, country=country, sector=sector, start=at, end=at + len(name))


def test_a_seat_of_government_speaks_from_its_capital() -> None:
    text = "Gunmen attacked a hotel in Nairobi on Monday. The White House condemned the attack."
    actor = _actor(text, "The White House", "USA")
    assert _placed(text, "condemned", "ACCUSE", actor) == "Washington"


def test_a_place_on_the_verb_itself_stays() -> None:
    text = "Gunmen attacked a hotel in Nairobi. The White House said in Ottawa it was shocked."
    actor = _actor(text, "The White House", "USA")
    assert _placed(text, "said", "ACCUSE", actor) == "Ottawa"


def test_a_government_named_by_its_country_speaks_from_its_capital_when_abroad() -> None:
    text = "Police raided a camp near Nairobi on Monday. Russian officials condemned the raid."
    actor = _actor(text, "Russian officials", "RUS")
    assert _placed(text, "condemned", "ACCUSE", actor) == "Moscow"


def test_a_government_named_by_its_country_at_home_keeps_its_place() -> None:
    text = "Police raided a camp near Lyon on Monday. French officials condemned the raid."
    actor = _actor(text, "French officials", "FRA")
    assert _placed(text, "condemned", "ACCUSE", actor) == "Lyon"


def test_a_group_backed_by_a_seat_of_government_is_no_seat() -> None:
    text = "Police raided a camp near Nairobi on Monday. Kremlin-backed rebels condemned the raid."
    actor = _actor(text, "Kremlin-backed rebels", "RUS", "REB")
    assert _placed(text, "condemned", "ACCUSE", actor) == "Nairobi"
