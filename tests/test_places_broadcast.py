"""US local news: a broadcaster's marks as evidence for the United States, and a small
foreign town named alone in an article about another country read as no place."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.gazetteer.broadcast import broadcast_countries
from eventwire.stages.places import places
from labelled_docs import parsed_with_entities


@pytest.mark.parametrize(
    "text",
    [
        "HOLLISTER, Calif. (KION) — Two men were hurt in a crash.",
        "PORTVILLE (CBSBoston) – A house burned down overnight.",
        "A man was arrested after the chase, WXYZ reports.",
        "Watch the interview on KSAT 12 tonight.",
        "WPLG-TV said the store had closed.",
    ],
)
def test_a_station_mark_is_evidence_for_the_united_states(text: str) -> None:
    assert broadcast_countries(text) == ["US"]


@pytest.mark.parametrize(
    "text",
    [
        "The WHO reported ten new cases on Monday.",
        "Kosovo Force (KFOR) - the peacekeepers - patrolled the border.",
        "The World Food Programme (WFP) sent flour to the camps.",
        "KABUL, Afghanistan (AP) — A bomb exploded near a market.",
        "Ten people were wounded in the blast.",
    ],
)
def test_acronyms_and_wire_datelines_are_no_station(text: str) -> None:
    assert broadcast_countries(text) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.wxyz.com/news/local/story-1", ["US"]),
        ("http://kvue24.com/a/b", ["US"]),
        ("http://abc7.com/news/fire/", ["US"]),
        ("http://denver.cbslocal.com/2015/06/01/fire/", ["US"]),
        ("http://web.archive.org/web/20160101000000/http://www.wfla.com:80/story/1", ["US"]),
        ("https://www.bbc.co.uk/news/world-1", []),
        ("https://www.who.int/news/item/1", []),
        ("https://www.nytimes.com/2016/01/01/us/fire.html", []),
    ],
)
def test_a_station_host(url: str, expected: list[str]) -> None:
    assert broadcast_countries("A fire broke out.", url) == expected


def test_a_lone_town_is_read_in_the_united_states_beside_a_station(nlp: Any) -> None:
    text = "A boy was hurt late Sunday when shots hit a home in Salisbury, WXYZ reports."
    doc = parsed_with_entities(text, {"Salisbury": "GPE"})
    places(doc)
    (town,) = [p for p in doc.places if p.text == "Salisbury"]
    assert (town.country_code, town.admin1) == ("US", "North Carolina")
    # Without the mark the name is read abroad.
    plain = parsed_with_entities(text.replace(", WXYZ reports", ""), {"Salisbury": "GPE"})
    places(plain)
    assert all(p.country_code != "US" for p in plain.places)


def test_a_station_host_supports_a_lone_town(nlp: Any) -> None:
    text = "A boy was hurt late Sunday when shots hit a home in Salisbury."
    doc = parsed_with_entities(text, {"Salisbury": "GPE"}, url="http://www.wxyz.com/news/1")
    places(doc)
    (town,) = [p for p in doc.places if p.text == "Salisbury"]
    assert town.country_code == "US"


def test_a_small_town_alone_in_its_country_is_a_stray(nlp: Any) -> None:
    text = "Ferrol Video shows deputies in Plano, Texas, where a man was shot in Dallas."
    doc = parsed_with_entities(
        text, {"Ferrol": "GPE", "Plano": "GPE", "Texas": "GPE", "Dallas": "GPE"}
    )
    places(doc)
    assert not [p for p in doc.places if p.text == "Ferrol"]
    assert {p.text for p in doc.places} >= {"Plano", "Texas", "Dallas"}


def test_a_small_town_its_country_supports_stays(nlp: Any) -> None:
    text = "A ship docked in Ferrol, Spain, after a storm off Galicia, officials in Texas said."
    doc = parsed_with_entities(
        text, {"Ferrol": "GPE", "Spain": "GPE", "Galicia": "GPE", "Texas": "GPE"}
    )
    places(doc)
    (town,) = [p for p in doc.places if p.text == "Ferrol"]
    assert town.country_code == "ES"


def test_a_bare_small_town_of_another_us_state_is_a_stray(nlp: Any) -> None:
    text = "Police in Detroit and Dearborn, Michigan, said the man was shot south of Jefferson."
    labels = {"Detroit": "GPE", "Dearborn": "GPE", "Michigan": "GPE", "Jefferson": "GPE"}
    doc = parsed_with_entities(text, labels)
    places(doc)
    assert not [p for p in doc.places if p.text == "Jefferson"]
    assert {p.text for p in doc.places} >= {"Detroit", "Dearborn", "Michigan"}


def test_a_town_of_another_us_state_with_its_state_stays(nlp: Any) -> None:
    text = "Police in Detroit and Dearborn said the man had moved from Jefferson, Louisiana."
    labels = {"Detroit": "GPE", "Dearborn": "GPE", "Jefferson": "GPE", "Louisiana": "GPE"}
    doc = parsed_with_entities(text, labels)
    places(doc)
    (town,) = [p for p in doc.places if p.text == "Jefferson"]
    assert town.admin1 == "Louisiana"
