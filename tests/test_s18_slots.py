"""Recipients the text names by a place: where the act the actor agrees or threatens to
do is done ("agreed to postpone the rally in Tbilisi")."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _of_type(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_]


def test_place_of_what_is_agreed_to_be_done_is_the_target(code: Coder) -> None:
    """ "Agreed to postpone the rally in Tbilisi": Georgia is where it is done."""
    doc = code("The opposition agreed to postpone the rally in Tbilisi until May.")
    (event,) = _of_type(doc, "AGREE")
    assert event.recipient is not None and event.recipient.country == "GEO"
    assert event.recipient.sector is None


def test_place_of_a_threatened_measure_is_the_target(code: Coder) -> None:
    doc = code("The president threatened to impose a curfew in Maputo after the riots.")
    (event,) = _of_type(doc, "THREATEN")
    assert event.recipient is not None and event.recipient.country == "MOZ"


def test_place_of_the_agreement_verb_itself_still_comes_first(code: Coder) -> None:
    """A coded participant the act names beats the place ("agreed to free the Kenyan
    hostages in Mogadishu": the hostages)."""
    doc = code("The kidnappers agreed to free the Kenyan hostages in Mogadishu.")
    (event,) = _of_type(doc, "AGREE")
    assert event.recipient is None or event.recipient.country == "KEN"
