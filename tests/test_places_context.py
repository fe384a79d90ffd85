"""The places stage on context cues: the kind of place a generic word asks for, names
listed together, direction words alone, a county's state named in the article."""

from __future__ import annotations

from typing import Any

from eventwire.model import Document, Place, Precision
from eventwire.stages.places import places
from labelled_docs import parsed_body, relabel


def parsed(text: str, labels: dict[str, str]) -> Document:
    """The text parsed, with spaCy's entities replaced by the given ones (each text's
    first occurrence), so that the test does not hang on the tagger's choices."""
    doc = parsed_body(text)
    relabel(doc, labels)
    return doc


def named(doc: Document, text: str) -> list[Place]:
    return [p for p in doc.places if p.text == text]


def test_washington_state_is_the_state(nlp: Any) -> None:
    text = "Storms knocked out power across Washington state on Tuesday, a utility said."
    doc = parsed(text, {"Washington": "GPE"})
    places(doc)
    (state,) = named(doc, "Washington")
    assert (state.feature_code, state.precision) == ("ADM1", Precision.ADMIN1)
    # Without the generic word the capital wins.
    doc = parsed("Officials in Washington said the storms were over.", {"Washington": "GPE"})
    places(doc)
    (capital,) = named(doc, "Washington")
    assert capital.feature_code == "PPLC"


def test_a_state_listed_with_a_state(nlp: Any) -> None:
    text = "Buyers drove in from Montana and Wyoming for the cattle auction."
    doc = parsed(text, {"Montana": "GPE", "Wyoming": "GPE"})
    places(doc)
    (wyoming,) = named(doc, "Wyoming")
    assert (wyoming.feature_code, wyoming.country_code) == ("ADM1", "US")


def test_a_direction_alone_is_no_place_abroad(nlp: Any) -> None:
    text = "Growers in Chile expect Eastern buyers to pay more this season."
    doc = parsed(text, {"Chile": "GPE", "Eastern": "ORG"})
    places(doc)
    assert named(doc, "Eastern") == []
    assert [p.country_code for p in named(doc, "Chile")] == ["CL"]


def test_a_county_in_the_named_state(nlp: Any) -> None:
    text = (
        "A tractor overturned on a gravel road in Monroe County, the Missouri State "
        "Highway Patrol said. The driver was taken to a hospital in Columbia."
    )
    doc = parsed(text, {"Monroe County": "GPE", "Missouri": "GPE", "Columbia": "GPE"})
    places(doc)
    (county,) = named(doc, "Monroe County")
    assert (county.feature_code, county.country_code) == ("ADM2", "US")
    assert 39.0 < county.lat < 40.0 and -93.0 < county.lon < -91.0  # north-east Missouri
