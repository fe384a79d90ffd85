"""An event told by a noun with "the" ("the shooting") whose sentence names no place of
it takes the place of the earlier event of its type it refers back to, not the place the
story last named (``stages/places.py``, ``stages/place_scenes.definite_noun``)."""

from __future__ import annotations

from typing import Any

from eventwire.stages.places import place_events
from test_places_doubted import _event, _parsed


def test_the_shooting_takes_the_place_of_the_shooting_told_before(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "A man was shot in Dayton on Monday. Officials met in Columbus on Tuesday. The "
        "shooting was condemned by the mayor.",
    )
    doc.events = [_event(doc, "shot"), _event(doc, "shooting")]
    place_events(doc, list(doc.places))
    assert doc.events[1].place is not None and doc.events[1].place.name == "Dayton"


def test_a_shooting_without_the_is_no_reference_back(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "A man was shot in Dayton on Monday. Officials met in Columbus on Tuesday. A "
        "shooting was reported by the mayor.",
    )
    doc.events = [_event(doc, "shot"), _event(doc, "shooting")]
    place_events(doc, list(doc.places))
    assert doc.events[1].place is not None and doc.events[1].place.name == "Columbus"
