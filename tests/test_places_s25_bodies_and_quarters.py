"""Session 25: a state's body that tells a deed is no scene of it, and a quarter's name
read as a far namesake gives way to the town (``stages/place_scenes.py``)."""

from __future__ import annotations

import pytest

from eventwire.stages.places import place_events
from labelled_docs import event_places, placed_body, trigger_event


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A man was shot Saturday in Memphis, police said. He fired at officers, and "
         "officers shot back, killing him, the Tennessee Bureau of Investigation said.",
         "killing", "Memphis"),
        ("A man was shot and killed Saturday in Paducah, police said. The suspect fled and "
         "was later shot by troopers, Kentucky State Police said.", "shot by", "Paducah"),
    ],
)  # fmt: skip
def test_a_state_body_that_tells_the_deed_is_no_scene_of_it(
    text: str, trigger: str, expected: str
) -> None:
    assert event_places(text, trigger) == [expected]


def test_a_state_body_still_places_what_it_says() -> None:
    text = (
        "A man was shot in Memphis. The Tennessee Bureau of Investigation said it would"
        " review the case."
    )
    doc = placed_body(text)
    doc.events = [trigger_event(doc, "said", "ACCUSE")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Tennessee"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four people were shot Saturday night in the city's Hilltop neighborhood, "
         "Columbus police said.", "Columbus"),
        ("Early Saturday, a man and a woman were shot in the Belair-Edison neighborhood "
         "of Baltimore, police said.", "Baltimore"),
    ],
)  # fmt: skip
def test_a_quarter_read_as_a_far_namesake_gives_way_to_the_town(text: str, expected: str) -> None:
    assert event_places(text, "shot") == [expected]


def test_a_quarter_near_the_town_stays() -> None:
    text = "Two men were shot in the Germantown neighborhood of Philadelphia on Sunday."
    assert event_places(text, "shot") == ["Germantown"]


def test_a_body_of_another_state_still_places_the_deed() -> None:
    text = (
        "Police in Memphis arrested a man on Friday. He is charged in a shooting that killed"
        " two people last month, the Mississippi Bureau of Investigation said."
    )
    assert event_places(text, "killed") == ["Mississippi"]


def test_a_town_called_a_community_stays_the_town() -> None:
    text = (
        "A man was shot dead in the Waco community on Friday, police said. The suspect was"
        " arrested on Saturday in Dallas."
    )
    assert event_places(text, "shot") == ["Waco"]
