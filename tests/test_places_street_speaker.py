"""Session 16 place rules: a name after "the 700 block of" is a street's; a lone name
the tagger calls a person that speaks or has kin is a person's; a town the tagger calls
a facility after "in" is a town; a doubted name away from the article's sure place
yields to it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.stages.place_roles import in_a_name, surnames
from eventwire.stages.places import place_events
from test_places_doubted import _event, _parsed


def test_a_name_after_block_of_is_a_street(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "A man was shot in Dayton on Friday. The shooting happened in the 400 block of "
        "Kentucky, police said.",
    )
    kentucky = next(p for p in doc.places if p.text == "Kentucky")
    assert in_a_name(doc, kentucky, surnames(doc))
    dayton = next(p for p in doc.places if p.text == "Dayton")
    assert not in_a_name(doc, dayton, surnames(doc))
    doc.events = [_event(doc, "shooting happened")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Dayton"


def test_a_lone_name_that_speaks_is_a_persons(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        'A woman was shot at her home in Memphis on Friday. "She is strong," Carter said. '
        "Carter's daughter is still in hospital.",
    )
    words = surnames(doc)
    if "Carter" in {e.text for e in doc.spacy_doc.ents if e.label_ == "PERSON"}:
        assert "Carter" in words
    doc.events = [_event(doc, "still in hospital")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Memphis"


def test_a_place_after_in_stays_a_place_though_a_person_bears_its_name(nlp: Any) -> None:
    doc = _parsed(nlp, "Police said two men were shot in Dayton on Friday. Dayton said nothing.")
    dayton = next(p for p in doc.places if p.text == "Dayton")
    assert not in_a_name(doc, dayton, surnames(doc))


def test_a_doubted_name_away_from_the_sure_place_yields(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "Two men were shot in Detroit on Sunday. The shooting took place south of "
        "Monroe and west of Conner.",
    )
    pool = [
        replace(p, confidence=0.2, admin1="Louisiana", lat=32.5, lon=-92.1)
        if p.text == "Monroe" else p
        for p in doc.places
    ]  # fmt: skip
    doc.events = [_event(doc, "shooting took")]
    place_events(doc, pool)
    assert doc.events[0].place is not None and doc.events[0].place.name == "Detroit"


def test_a_doubted_name_near_the_sure_place_is_kept(nlp: Any) -> None:
    doc = _parsed(nlp, "Police in Kentucky are investigating. A boy was shot at a home in Hazard.")
    pool = [replace(p, confidence=0.45) if p.text == "Hazard" else p for p in doc.places]
    if not any(p.text == "Hazard" for p in pool):
        return  # the tagger did not read it as a place: nothing to check
    doc.events = [_event(doc, "was shot")]
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


def test_the_county_an_article_names_tells_the_region_of_a_namesake(nlp: Any) -> None:
    doc = _parsed(
        nlp,
        "GREENACRES - Four people were found shot dead in a Greenacres home on Saturday, "
        "and the Palm Beach County Sheriff's Office is investigating.",
    )
    greenacres = [p for p in doc.places if p.text.lower() == "greenacres"]
    assert greenacres and all(p.admin1 == "Florida" for p in greenacres)


def test_a_scope_is_no_scene(nlp: Any) -> None:
    from eventwire.stages.place_roles import home_town

    doc = _parsed(
        nlp, "A man was stabbed in Regina on Friday. Police issued a Canada-wide warrant."
    )
    canada = [p for p in doc.places if p.text == "Canada"]
    assert canada and all(home_town(doc, p) for p in canada)
    doc.events = [_event(doc, "issued")]
    place_events(doc, list(doc.places))
    assert doc.events[0].place is not None and doc.events[0].place.name == "Regina"
