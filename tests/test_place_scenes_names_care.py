"""Mentions that are no scene (``stages/place_scenes.py``): a word of a broadcaster's
name ("Metro Video"), the town of the hospital where a wounded person is."""

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


def test_the_hospital_town_of_a_wounded_person_is_no_scene(nlp: Any) -> None:
    from eventwire.stages.place_scenes import off_scene

    doc = _parsed(
        nlp,
        "A boy was shot at a home in Hastings on Monday. He is in stable condition at a "
        "hospital in Omaha.",
    )
    omaha = [p for p in doc.places if p.text == "Omaha"]
    assert omaha and all(off_scene(doc, p) for p in omaha)
    doc.events = [_event(doc, "stable condition")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Hastings"


def test_a_hospital_where_a_shooting_happened_is_its_scene(nlp: Any) -> None:
    from eventwire.stages.place_scenes import off_scene

    doc = _parsed(nlp, "A guard was shot outside a hospital in Omaha on Monday.")
    omaha = [p for p in doc.places if p.text == "Omaha"]
    assert omaha and not any(off_scene(doc, p) for p in omaha)
