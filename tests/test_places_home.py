"""A place that only tells where a person is from (a home town, a birthplace, a base)
places an event only when the article names no other place; a name followed by an age
is a person's (``stages.places.place_events``, ``placeable``)."""

from __future__ import annotations

import pytest

from eventwire.stages.places import is_named_place, place_events, placeable
from labelled_docs import placed_body, trigger_event


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a victim's home town, told with a name and an age, yields to an earlier place
        ("Deputies were called to a house in Macon late on Friday. They found Mark "
         "Jones, 34, of Atlanta, Georgia, dead from a gunshot wound.", "dead", "Macon"),
        # a person's noun the town qualifies
        ("Police in Savannah said the shooting happened on Sunday. The Atlanta man "
         "was shot twice.", "shot", "Savannah"),
        # where a person was born
        ("Rebels attacked a convoy near Aleppo. The commander, who was born in Homs, "
         "was killed.", "killed", "Aleppo"),
        # a country's name before its officials is a nationality, like a demonym
        ("Rebels shelled a school near Aleppo on Monday. U.S. officials condemned the "
         "shelling.", "condemned", "Aleppo"),
        # a company's base
        ("A London-based company was raided by police in Leeds on Monday.", "raided",
         "Leeds"),
    ],
)  # fmt: skip
def test_a_home_town_yields_to_a_place_of_the_event(text: str, trigger: str, expected: str) -> None:
    doc = placed_body(text)
    doc.events = [trigger_event(doc, trigger)]
    place_events(doc, [p for p in doc.places])
    assert doc.events[0].place is not None and doc.events[0].place.name == expected


def test_a_home_town_alone_still_places_the_event() -> None:
    doc = placed_body("Mark Jones, 34, of Macon was shot on Friday night.")
    doc.events = [trigger_event(doc, "shot")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Macon"
    assert [p.name for p in placeable(doc, doc.places)] == ["Macon"]


def test_a_name_followed_by_an_age_is_a_person() -> None:
    text = (
        "Officers found Dana Wilmington, 25, and Alan Carter, 30, in a car in Macon. "
        "Wilmington was taken to a hospital."
    )
    doc = placed_body(text)
    named = {p.start for p in doc.places if is_named_place(doc, p)}
    for at in (text.index("Wilmington"), text.rindex("Wilmington")):
        assert all(p.start != at for p in doc.places) or at in named
    doc.events = [trigger_event(doc, "found")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Macon"
