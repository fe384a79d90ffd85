"""A toponym that names a path's end, a topic or cause, or a word of another name, and
a country that is a side of the event, place no event (``stages/place_scenes.py``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire.stages.places import place_events
from labelled_docs import placed_body, trigger_event


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # where someone was driven from and to
        ("Police in Regina said on Monday that the woman was threatened after she had "
         "been driven to Calgary from Edmonton.", "threatened", "Regina"),
        # where a wounded man was taken
        ("A man was shot in Tampa on Sunday. He was taken to a hospital in Orlando, "
         "where he died.", "died", "Tampa"),
        # what a man shouted about
        ("A gunman opened fire at a cafe in Ankara on Monday. He shouted about Homs as "
         "he fired.", "fired", "Ankara"),
        # where something came from
        ("Crowds gathered at the White House in Washington on Tuesday. The president "
         "pardoned a turkey from Iowa.", "pardoned", "Washington"),
        # a newspaper's name
        ("Two men were shot in Lockport on Friday. One of them died, deputies told the "
         "Rochester Herald.", "died", "Lockport"),
    ],
)  # fmt: skip
def test_a_mention_that_is_no_scene_yields_to_the_place_of_the_event(
    text: str, trigger: str, expected: str
) -> None:
    doc = placed_body(text)
    doc.events = [trigger_event(doc, trigger)]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == expected


def test_a_path_end_alone_still_places_the_event() -> None:
    doc = placed_body("The two men were deported to Algeria on Monday.")
    doc.events = [trigger_event(doc, "deported")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Algeria"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the country that mediates is a side, not the place
        ("Talks opened in Geneva on Monday. Norway mediated the talks between the two "
         "sides.", "mediated", "Geneva"),
        # the country called is a side
        ("Protesters gathered in Lyon on Monday. The president held a call with Germany "
         "on Tuesday.", "held", "Lyon"),
    ],
)  # fmt: skip
def test_a_country_that_is_a_side_is_not_the_place(text: str, trigger: str, expected: str) -> None:
    doc = placed_body(text)
    doc.events = [replace(trigger_event(doc, trigger), type="CONSULT")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == expected


def test_a_country_a_physical_event_takes_as_object_is_its_place() -> None:
    doc = placed_body("Talks were held in Paris. Troops invaded Ukraine on Monday.")
    doc.events = [trigger_event(doc, "invaded")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Ukraine"


def test_a_statement_does_not_borrow_a_place_of_another_country() -> None:
    from eventwire.stages.places import unplace_strays

    text = (
        "A gunman killed a judge in Ankara on Monday. Turkish police raided a house in "
        "Izmir. Iran condemned the attack. The president said on Tuesday that the two "
        "sides agreed to hold a joint inquiry."
    )
    doc = placed_body(text)
    doc.events = [replace(trigger_event(doc, "agreed"), type="AGREE")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.country_code == "IR"
    unplace_strays(doc, list(doc.places), None)
    assert doc.events[0].place is None


def test_a_meeting_is_held_where_its_party_went() -> None:
    doc = placed_body(
        "Protesters gathered in Paris on Monday. The minister flew to Ankara for talks "
        "with his Turkish counterpart.",
    )
    doc.events = [replace(trigger_event(doc, "talks"), type="CONSULT")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Ankara"
