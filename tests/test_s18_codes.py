"""The country and sector an actor is coded with when its phrase does not say them: the
one country an article names, birthplaces that are no setting, abbreviated ranks
(sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Actor, Document

Coder = Callable[[str], Document]


def _actor(doc: Document, text: str) -> Actor:
    found = [a for a in doc.actors if a.text == text]
    assert found, [a.text for a in doc.actors]
    return found[0]


def test_a_title_takes_the_one_country_the_article_names(code: Coder) -> None:
    doc = code("President Jane Okello has threatened to ban Ugandan opposition rallies.")
    actor = _actor(doc, "President Jane Okello")
    assert (actor.country, actor.sector, actor.inferred) == ("UGA", "GOV", True)


def test_a_title_in_an_article_of_two_countries_is_left_alone(code: Coder) -> None:
    doc = code(
        "President Jane Okello has threatened to expel Kenyan traders and Tanzanian farmers."
    )
    assert _actor(doc, "President Jane Okello").country is None


def test_a_diplomat_serves_abroad(code: Coder) -> None:
    doc = code("Ambassador Jane Okello criticised the Ugandan government on Friday.")
    assert _actor(doc, "Ambassador Jane Okello").country is None


def test_a_body_named_by_its_kind_takes_the_one_country(code: Coder) -> None:
    doc = code("Dock workers began a strike on Monday to protest the Kenyan government's new tax.")
    assert _actor(doc, "Dock workers").country == "KEN"


def test_a_birthplace_is_no_setting(code: Coder) -> None:
    doc = code("Police arrested a Mexican-born man on Sunday after a shooting at a bar.")
    assert _actor(doc, "Police").country is None  # not Mexico's police


def test_a_diplomat_s_country_is_no_setting(code: Coder) -> None:
    doc = code(
        "Peruvian diplomats met President Jane Okello on Friday at a dinner given by"
        " the ambassador of Peru."
    )
    assert _actor(doc, "President Jane Okello").country is None


def test_an_office_told_once_stays_with_every_mention(code: Coder) -> None:
    doc = code(
        "Police in Lyon detained Martin Dubois on Friday over the fraud allegations.\n\n"
        "Dubois, the mayor of the town, denied any wrongdoing.\n\n"
        "Dubois accused prosecutors of a political attack."
    )
    assert _actor(doc, "Martin Dubois").sector == "GOV"  # not a private person
    assert _actor(doc, "Dubois").sector == "GOV"


def test_a_title_held_by_another_of_the_country_is_left_alone(code: Coder) -> None:
    doc = code(
        "Ugandan President Jane Okello met ministers on Monday. President Walker"
        " criticized the arrests of journalists."
    )
    assert _actor(doc, "President Walker").country is None
