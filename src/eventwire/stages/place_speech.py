"""Where words are said: the place of an event told in words (a statement, an appeal,
a protest note, an agreement), which the places stage (``stages/places.py``) first
places like any other event, by its sentence, the dateline or an earlier place.

- A seat of government speaks from its capital: "the White House condemned the attack"
  is said in Washington, "the Kremlin said" in Moscow, "the U.S. Transportation
  Department asked carmakers" in Washington, whatever the dateline (a Detroit story)
  or another clause of the sentence ("while on holiday in Florida") says. A country's
  government named by its country ("Russian authorities dismissed them") speaks from
  its capital when the place it took lies in another country (a Washington story).
  A place the sentence hangs on the event's own verb ("said in Ankara") stays.
"""

from __future__ import annotations

from typing import Any

from eventwire.gazetteer import Gazetteer
from eventwire.knowledge import countries
from eventwire.model import Actor, Document, Event, Place, Precision
from eventwire.stages.place_roles import attached
from eventwire.timex.tense import trigger_root

__all__ = ["seat_of", "speak_from_seats"]

# Names of a government's seat that stand for the government ("the Kremlin said").
_SEATS = (
    "white house", "kremlin", "pentagon", "downing street", "elysee", "élysée",
    "quai d'orsay", "zhongnanhai", "blue house", "state department",
)  # fmt: skip
# Words of a national body that a country's name before them makes the state's own
# ("the Turkish Foreign Ministry", "the U.S. Transportation Department").
_MINISTRY_WORDS = frozenset({"ministry", "department", "office", "secretariat"})
# Words of a government that speaks for its state ("Russian authorities").
_GOVERNMENT_WORDS = frozenset(
    {"government", "authorities", "officials", "cabinet", "presidency", "administration"}
)  # fmt: skip
_CONFIDENCE = 0.6


def _own_place(doc: Document, event: Event, trigger: Any) -> bool:
    """Whether the event's own verb has a place of its sentence."""
    return any(event.start <= p.start < event.end and attached(doc, p, trigger) for p in doc.places)


def _country_words(doc: Document, actor: Actor) -> tuple[bool, bool]:
    """Whether the actor's phrase names its country ("Russian", "U.S.") and whether it
    names a place below a country ("Ontario's ministry": a region's body)."""
    if actor.start is None or actor.end is None:
        return False, False
    inside = [p for p in doc.places if actor.start <= p.start < actor.end]
    national = any(p.precision is Precision.COUNTRY for p in inside)
    local = any(p.precision is not Precision.COUNTRY for p in inside)
    return national, local


def seat_of(doc: Document, actor: Actor | None) -> tuple[str, bool] | None:
    """The country (alpha-2) whose seat of government ``actor`` speaks for, and whether
    it is named by its seat or a national ministry (True) rather than only as a
    government of its country (False); None for any other actor."""
    if actor is None or actor.country is None or actor.country in ("IGO", "NGO"):
        return None
    country = countries().by_iso3(actor.country)
    if country is None:
        return None
    text = actor.text.lower()
    if actor.sector in ("GOV", "MIL") and any(seat in text for seat in _SEATS):
        return country.iso2, True  # not "Kremlin-backed separatists"
    if actor.sector != "GOV":
        return None
    national, local = _country_words(doc, actor)
    if not national or local:
        return None
    words = set(text.replace("'s", " ").split())
    if words & _MINISTRY_WORDS:
        return country.iso2, True
    return (country.iso2, False) if words & _GOVERNMENT_WORDS else None


def _capital(gazetteer: Gazetteer, code: str) -> Place | None:
    entry = gazetteer.capital(code)
    if entry is None:
        return None
    return Place(
        text=entry.name, start=-1, end=-1, name=entry.name, lat=entry.lat, lon=entry.lon,
        geonameid=entry.geonameid, country_code=entry.country_code,
        feature_code=entry.feature_code, precision=entry.precision,
        confidence=_CONFIDENCE, admin1=entry.admin1,
    )  # fmt: skip


def speak_from_seats(doc: Document, verbal: frozenset[str], gazetteer: Gazetteer) -> None:
    """Place each event told in words (of the ``verbal`` types) where it was said: a
    seat of government's in its capital (see the module docstring)."""
    if doc.spacy_doc is None:
        return
    for event in doc.events:
        if event.type not in verbal:
            continue
        trigger = trigger_root(doc.spacy_doc, event)
        if trigger is None or _own_place(doc, event, trigger):
            continue
        seat = seat_of(doc, event.actor)
        if seat is None:
            continue
        code, named = seat
        place = event.place
        if place is not None and place.country_code == code and place.feature_code == "PPLC":
            continue
        if not named and (place is None or place.country_code == code):
            continue
        event.place = _capital(gazetteer, code) or event.place
