"""Bodies and groups the lexicons do not know take the sector their kind of name tells,
and the country of where the story happens (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code(code_whole: Coder) -> Coder:
    return code_whole


def _events(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_]


def _actors(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.actor.country, e.actor.sector) if e.actor else (None, None) for e in events}


def test_an_association_is_a_group_of_the_story_country(code: Coder) -> None:
    doc = code(
        "WINNIPEG - The Maple Street Tenants Association criticized the landlord on Monday"
        " in Winnipeg, Manitoba."
    )
    assert _actors(_events(doc, "ACCUSE")) == {("CAN", "NGO")}


def test_a_party_named_by_its_members(code: Coder) -> None:
    doc = code("In Toronto, Ontario, the Liberals accused the premier of lying about the budget.")
    assert _actors(_events(doc, "ACCUSE")) == {("CAN", "PTY")}


def test_a_plain_group_word_with_a_modifier_is_a_group(code: Coder) -> None:
    doc = code("A rescue group in Brandon, Manitoba asked the mayor to build a new shelter.")
    assert _actors(_events(doc, "REQUEST")) == {("CAN", "NGO")}


def test_an_armed_group_is_no_charity(code: Coder) -> None:
    doc = code("An armed group in Kaduna, Nigeria attacked a village on Sunday.")
    assert ("NGA", "NGO") not in _actors(_events(doc, "ASSAULT"))


def test_killers_named_by_the_attack_are_unidentified_armed_men(code: Coder) -> None:
    doc = code("The killers shot a shopkeeper in Brandon, Manitoba on Friday night.")
    assert _actors(_events(doc, "ASSAULT")) == {("CAN", "UAF")}


def test_an_international_group_keeps_no_country(code: Coder) -> None:
    doc = code(
        "The International Centre for Press Freedom asked Turkey to free the reporters"
        " held in Ankara."
    )
    assert {a[0] for a in _actors(_events(doc, "REQUEST"))} == {None}


def test_it_stands_for_the_firm_before_it(code: Coder) -> None:
    doc = code(
        "DENVER - Zumba has been told that its depot is illegal. It rejected the order on"
        " Monday in Denver, Colorado."
    )
    refused = [e for e in _events(doc, "REJECT") if e.actor is not None]
    assert refused
    assert {(e.actor.country, e.actor.sector) for e in refused if e.actor} == {("USA", "BUS")}


def test_them_is_not_the_subject_of_its_own_verb(code: Coder) -> None:
    doc = code(
        "The reporters sent their findings to Moscow. Russian officials dismissed them on"
        " Tuesday in Moscow."
    )
    rejected = _events(doc, "REJECT")
    assert all(
        e.recipient is None or (e.recipient.country, e.recipient.sector) != ("RUS", "GOV")
        for e in rejected
    )


def test_leaders_of_a_faith_are_religious(code: Coder) -> None:
    doc = code("Muslim leaders in Lagos, Nigeria criticized the governor on Friday.")
    assert _actors(_events(doc, "ACCUSE")) == {("NGA", "REL")}
