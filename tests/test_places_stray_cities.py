"""A mid-sized town abroad named alone in its country, in an article whose other names
point three or more times to another country, is a word read in the wrong sense; a
large city, a capital, or a town its country supports stays."""

from __future__ import annotations

from typing import Any

from eventwire.stages.places import places
from labelled_docs import parsed_with_entities


def test_a_mid_sized_town_alone_in_its_country_is_a_stray(nlp: Any) -> None:
    text = "Sorong Video shows deputies in Plano and Irving, Texas, where a man was shot in Dallas."
    labels = {"Sorong": "GPE", "Plano": "GPE", "Irving": "GPE", "Texas": "GPE", "Dallas": "GPE"}
    doc = parsed_with_entities(text, labels)
    places(doc)
    assert not [p for p in doc.places if p.text == "Sorong"]
    assert {p.text for p in doc.places} >= {"Plano", "Irving", "Dallas"}


def test_a_mid_sized_town_beside_two_foreign_names_stays(nlp: Any) -> None:
    text = "Officials in Texas and Dallas said the ship had sailed from Sorong."
    doc = parsed_with_entities(text, {"Texas": "GPE", "Dallas": "GPE", "Sorong": "GPE"})
    places(doc)
    (town,) = [p for p in doc.places if p.text == "Sorong"]
    assert town.country_code == "ID"


def test_a_large_city_alone_in_its_country_stays(nlp: Any) -> None:
    text = (
        "Deputies in Plano and Irving, Texas, said the man had flown to Bekasi "
        "before the shooting in Dallas."
    )
    labels = {"Plano": "GPE", "Irving": "GPE", "Texas": "GPE", "Bekasi": "GPE", "Dallas": "GPE"}
    doc = parsed_with_entities(text, labels)
    places(doc)
    (city,) = [p for p in doc.places if p.text == "Bekasi"]
    assert city.country_code == "ID"
