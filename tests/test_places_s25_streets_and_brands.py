"""Session 25: a state's or town's name in a US address is a street's ("the 700 block of
Tennessee", "East Jefferson": ``gazetteer/streets.py``, ``gazetteer/mentions.py``); a
network affiliate's brand that names its city sets a town's namesake near it
(``gazetteer/brand_area.py``)."""

from __future__ import annotations

import pytest

from eventwire.gazetteer import Gazetteer
from eventwire.gazetteer.brand_area import brand_city
from eventwire.gazetteer.streets import names_a_street
from eventwire.stages.places import places
from labelled_docs import event_places, parsed_body, placed_body


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("A man was shot on the 1400 block of Ohio.", "Ohio", True),
        ("Shots rang out in the 300 block of North Carolina late Friday.", "Carolina", True),
        ("Two men were hurt near the intersection of Main Street and Texas.", "Texas", True),
        ("A man was shot in Ohio on Friday.", "Ohio", False),
        ("A block of Ohio towns voted no.", "Ohio", False),
    ],
)  # fmt: skip
def test_an_address_makes_a_name_a_streets(text: str, name: str, expected: bool) -> None:
    assert names_a_street(text, text.index(name)) is expected


def test_a_state_named_in_an_address_places_no_event() -> None:
    text = "A man was killed at about 2 a.m. on the 1400 block of Ohio, police in Detroit said."
    assert event_places(text, "killed") == ["Detroit"]


def test_a_compass_word_before_a_small_towns_name_makes_a_street() -> None:
    text = "A man was shot on Tennessee Street, which is south of East Jefferson, in Detroit."
    assert "Jefferson" not in [p.name for p in placed_body(text).places]


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("GREENACRES (CBSMiami) - Four people were found shot.", None, "Miami"),
        ("A man told NBC Chicago he heard shots.", None, "Chicago"),
        ("A man was shot.", "http://www.fox7austin.com/news/1", "Austin"),
        ("A man was shot.", "http://miami.cbslocal.com/2015/06/27/a/", "Miami"),
        ("A man told NBC News he heard shots.", None, None),
        ("A man was shot.", "http://abc7news.com/a/", None),
    ],
)  # fmt: skip
def test_the_city_a_brand_names(text: str, url: str | None, expected: str | None) -> None:
    city = brand_city(Gazetteer.load(), text, url)
    assert (city.name if city is not None else None) == expected


def test_a_brand_moves_a_far_namesake_near_its_city() -> None:
    text = "GREENACRES (CBSMiami) – Two men were wounded in a Greenacres apartment complex."
    doc = parsed_body(text)
    places(doc)
    assert {p.admin1 for p in doc.places if p.text.lower() == "greenacres"} == {"Florida"}
