"""Place mentions: a town the tagger calls a facility is a town after "in" with no
article, and a county; a place after "in" stays a place though a person bears its name;
a doubted name near the article's sure place is kept."""

from __future__ import annotations

from dataclasses import replace

from eventwire.stages.place_roles import in_a_name, surnames
from eventwire.stages.places import place_events
from labelled_docs import placed_body, trigger_event


def test_a_place_after_in_stays_a_place_though_a_person_bears_its_name() -> None:
    doc = placed_body("Police said two men were shot in Dayton on Friday. Dayton said nothing.")
    dayton = next(p for p in doc.places if p.text == "Dayton")
    assert not in_a_name(doc, dayton, surnames(doc))


def test_a_doubted_name_near_the_sure_place_is_kept() -> None:
    doc = placed_body("Police in Kentucky are investigating. A boy was shot at a home in Hazard.")
    pool = [replace(p, confidence=0.45) if p.text == "Hazard" else p for p in doc.places]
    if not any(p.text == "Hazard" for p in pool):
        return  # the tagger did not read it as a place: nothing to check
    doc.events = [trigger_event(doc, "was shot")]
    place_events(doc, pool)
    assert doc.events[0].place is not None and doc.events[0].place.text == "Hazard"


def test_a_facility_name_after_in_or_a_county_is_told_as_a_town() -> None:
    from eventwire.gazetteer import Gazetteer
    from eventwire.gazetteer.mentions import _town_told

    gazetteer = Gazetteer.load()
    text = "They were at a home in Glasgow when it happened."
    start = text.index("Glasgow")
    assert _town_told(text, start, tuple(gazetteer.candidates("Glasgow")))
    text = "They toured the White House on Monday."
    start = text.index("White House")
    assert not _town_told(text, start, tuple(gazetteer.candidates("White House")))
    county = tuple(gazetteer.candidates("Bulloch County"))
    assert _town_told("Deputies of Bulloch County came.", 12, county)


def test_a_town_and_its_bracketed_region_merged_by_the_tagger_are_places() -> None:
    doc = placed_body(
        "On 2 May, around 200 farmers protested in front of the tehsil office in Nashik "
        "(Maharashtra) demanding crop insurance."
    )
    assert {"Nashik", "Maharashtra"} <= {p.text for p in doc.places}
