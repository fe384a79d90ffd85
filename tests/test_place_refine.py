"""A country or a region that the next sentences narrow to a town gives way to the
town, for an event done in the world (``stages/place_refine.py``)."""

from __future__ import annotations

from dataclasses import replace

from eventwire.stages.places import place_events
from labelled_docs import placed_body, trigger_event

_TEXT = (
    "A car bomb in central Turkey killed 13 soldiers on Saturday. The blast destroyed a "
    "bus in the city of Kayseri, officials said. Markets stayed closed."
)


def test_a_country_narrowed_by_the_next_sentence_gives_way_to_the_town() -> None:
    doc = placed_body(_TEXT)
    doc.events = [trigger_event(doc, "killed")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Kayseri"


def test_a_statement_keeps_its_country() -> None:
    doc = placed_body(_TEXT)
    event = replace(trigger_event(doc, "killed"), type="ACCUSE")
    doc.events = [event]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Turkey"


def test_a_town_of_another_country_does_not_narrow() -> None:
    doc = placed_body(
        "A car bomb in central Turkey killed 13 soldiers on Saturday. Leaders met in "
        "Berlin later, officials said.",
    )
    doc.events = [trigger_event(doc, "killed")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Turkey"


def test_a_country_named_plainly_stays() -> None:
    doc = placed_body(
        "Officials in Turkey have arrested thousands of opponents since the coup. A "
        "teacher was arrested in the city of Izmir last week.",
    )
    doc.events = [replace(trigger_event(doc, "arrested thousands"), type="COERCE")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Turkey"
