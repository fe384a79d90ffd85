"""The dateline is where the reporter is: a lead that tells of a place away from it
places the events whose sentences name none; nor is the dateline a place of the lead
sentence's own clauses (``stages.places``)."""

from __future__ import annotations

import pytest

from eventwire.stages.places import places
from labelled_docs import parsed_body, trigger_event


def _placed(text: str, trigger: str) -> str | None:
    doc = parsed_body(text)
    doc.events = [trigger_event(doc, trigger)]
    places(doc)
    place = doc.events[0].place
    return None if place is None else place.name


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a story filed from Beirut about Aleppo
        ("BEIRUT (Reuters) - Government jets bombed rebel districts of Aleppo on Monday, "
         "a monitoring group said. At least 12 people were killed in the raids.",
         "killed", "Aleppo"),
        # a lead near the dateline keeps the dateline
        ("MACON, Ga. - A man was shot in Warner Robins on Friday night. Deputies "
         "arrested a suspect on Saturday.", "arrested", "Macon"),
    ],
)  # fmt: skip
def test_a_remote_lead_outranks_the_dateline(text: str, trigger: str, expected: str) -> None:
    assert _placed(text, trigger) == expected


def test_the_dateline_is_no_place_of_the_lead_sentence() -> None:
    text = "PEORIA, Ill. - A Tazewell County shooting left two men wounded on Sunday."
    assert _placed(text, "shooting") == "Tazewell County"
