"""A name read far from every other place of the article moves to its namesake in the
region the other places share (``gazetteer/namesakes.py``)."""

from __future__ import annotations

from typing import Any

from labelled_docs import placed_body


def _named(doc: Any, text: str) -> Any:
    return next(p for p in doc.places if p.text == text)


def test_a_country_named_among_towns_of_one_state_is_the_town_there() -> None:
    doc = placed_body(
        "Deputies from Bamberg County and officers from Orangeburg were called to a home "
        "in Denmark on Sunday night, where a boy had been shot.",
    )
    denmark = _named(doc, "Denmark")
    assert denmark.country_code == "US" and denmark.admin1 == "South Carolina"


def test_a_country_named_with_its_own_people_stays_the_country() -> None:
    doc = placed_body(
        "Officers in Bamberg County and Orangeburg said the Danish man had flown home to "
        "Denmark on Sunday.",
    )
    assert _named(doc, "Denmark").country_code == "DK"


def test_a_state_that_qualifies_a_town_stays_the_state() -> None:
    doc = placed_body(
        "Police in Duluth and Hibbing said on Monday that the family had moved from "
        "Culpeper, Virginia, last year.",
    )
    virginia = _named(doc, "Virginia")
    assert virginia.feature_code == "ADM1" and virginia.admin1 == "Virginia"


def test_a_country_not_told_as_a_place_stays_the_country() -> None:
    doc = placed_body(
        "Police in Bamberg County and Orangeburg said on Monday that the family had left "
        "Denmark years ago.",
    )
    assert _named(doc, "Denmark").country_code == "DK"
