"""A word of a broadcaster's name ("Metro Video") is no scene
(``stages/place_scenes.py``)."""

from __future__ import annotations

from typing import Any

from eventwire.stages.places import place_events
from test_places_doubted import _event, _parsed


def test_a_name_before_a_media_word_is_a_name(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "Photo: Dayton Video. A man was shot at a home in Springfield on Tuesday, police said.",
    )
    from eventwire.stages.place_scenes import off_scene

    dayton = [p for p in doc.places if p.text == "Dayton"]
    assert all(off_scene(doc, p) for p in dayton)
    doc.events = [_event(doc, "was shot")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Springfield"
