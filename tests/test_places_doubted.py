"""A toponym more likely wrong than right (confidence under one half) yields to a sure
place at each step of an event's search (``stages.places.placeable``, ``place_events``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.model import Place
from eventwire.stages.places import place_events, placeable
from labelled_docs import placed_body, trigger_event


def _names(places: list[Place]) -> list[str | None]:
    return [p.name for p in places]


def _doubting(places: list[Place], name: str) -> list[Place]:
    return [replace(p, confidence=0.3 if p.name == name else 0.9) for p in places]


def test_a_doubted_place_yields_to_a_sure_one() -> None:
    doc = placed_body("A man was shot in Macon on Saturday. He was later seen in Perry.")
    places = _doubting(doc.places, "Perry")
    assert "Perry" in _names(places)
    kept = _names(placeable(doc, places))
    assert "Macon" in kept and "Perry" not in kept
    # alone, the doubted place is kept: better a doubtful place than none
    alone = [p for p in places if p.name == "Perry"]
    assert _names(placeable(doc, alone)) == ["Perry"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # in its sentence, a sure place before a doubted one
        ("A teenager from Perry was shot in Macon on Friday.", "shot", "Macon"),
        # a doubted place of its sentence before an earlier sure one: another story's
        # town, paragraphs before, does not place this attack
        ("Police in Macon are looking for a gunman. A teenager was shot near Perry on Friday.",
         "shot", "Perry"),
        # an earlier sure place before an earlier doubted one
        ("Police met in Macon. Officers drove to Perry. Rebels shelled a school.",
         "shelled", "Macon"),
        # a doubted place still comes before a later sure one
        ("Fighting broke out near Perry. Rebels shelled a school. Police later met in Macon.",
         "shelled", "Perry"),
    ],
)  # fmt: skip
def test_an_event_tries_a_sure_place_before_a_doubted_one_at_each_step(
    text: str, trigger: str, expected: str
) -> None:
    doc = placed_body(text)
    doc.events = [trigger_event(doc, trigger)]
    place_events(doc, _doubting(doc.places, "Perry"))
    assert doc.events[0].place is not None and doc.events[0].place.name == expected
