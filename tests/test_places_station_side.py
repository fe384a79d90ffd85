"""A US station's call sign (W east of the Mississippi, K west of it) puts a town's
namesake on the station's side (``gazetteer/station_side.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.gazetteer.station_side import EAST, WEST, side_of, station_side
from eventwire.model import Document
from eventwire.stages.places import places
from labelled_docs import parsed_with_entities


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("DOVER (WBOC) — A man was hurt in a crash.", None, EAST),
        ("Watch the interview on KSAT 12 tonight.", None, WEST),
        ("A barn burned down overnight.", "http://www.wxyz.com/news/1", EAST),
        ("A barn burned down overnight.", "http://kvue24.com/a/b", WEST),
        ("A man was arrested, WXYZ reports. Watch KSAT 12 tonight.", None, None),
        ("PORTVILLE (CBSBoston) – A barn burned down overnight.", None, None),
        ("The WHO reported ten new cases on Monday.", None, None),
    ],
)
def test_the_side_a_call_sign_tells(text: str, url: str | None, expected: str | None) -> None:
    assert station_side(text, url) == expected


def test_the_states_the_river_divides_are_on_neither_side() -> None:
    assert side_of("Pennsylvania") == EAST
    assert side_of("Nebraska") == WEST
    assert side_of("Minnesota") is None


def _admin1(doc: Document, text: str) -> str | None:
    (place,) = [p for p in doc.places if p.text == text]
    return place.admin1


def test_an_eastern_station_reads_a_county_in_the_east(nlp: Any) -> None:
    text = "Mourners gathered on Friday in Lancaster County for a boy who was shot by a friend."
    plain = parsed_with_entities(text, {"Lancaster County": "GPE"})
    places(plain)
    assert _admin1(plain, "Lancaster County") == "Nebraska"
    signed = parsed_with_entities(text + " WXYZ reports.", {"Lancaster County": "GPE"})
    places(signed)
    assert _admin1(signed, "Lancaster County") == "Pennsylvania"


def test_a_qualified_town_stays_on_the_other_side(nlp: Any) -> None:
    text = "A man from Lancaster County, Nebraska was hurt in a crash, WXYZ reports."
    doc = parsed_with_entities(text, {"Lancaster County": "GPE", "Nebraska": "GPE"})
    places(doc)
    assert _admin1(doc, "Lancaster County") == "Nebraska"
