"""Bodies and groups the lexicons do not know take the sector their kind of name tells,
and the country of where the story happens (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventpicks import actor_codes, events_of
from eventwire.model import Document

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code_whole(code_whole: Coder) -> Coder:
    return code_whole


def test_an_association_is_a_group_of_the_story_country(code_whole: Coder) -> None:
    doc = code_whole(
        "WINNIPEG - The Maple Street Tenants Association criticized the landlord on Monday"
        " in Winnipeg, Manitoba."
    )
    assert actor_codes(events_of(doc, "ACCUSE")) == {("CAN", "NGO")}


def test_a_party_named_by_its_members(code_whole: Coder) -> None:
    doc = code_whole(
        "In Toronto, Ontario, the Liberals accused the premier of lying about the budget."
    )
    assert actor_codes(events_of(doc, "ACCUSE")) == {("CAN", "PTY")}


def test_a_plain_group_word_with_a_modifier_is_a_group(code_whole: Coder) -> None:
    doc = code_whole("A rescue group in Brandon, Manitoba asked the mayor to build a new shelter.")
    assert actor_codes(events_of(doc, "REQUEST")) == {("CAN", "NGO")}


def test_an_armed_group_is_no_charity(code_whole: Coder) -> None:
    doc = code_whole("An armed group in Kaduna, Nigeria attacked a village on Sunday.")
    assert ("NGA", "NGO") not in actor_codes(events_of(doc, "ASSAULT"))


def test_killers_named_by_the_attack_are_unidentified_armed_men(code_whole: Coder) -> None:
    doc = code_whole("The killers shot a shopkeeper in Brandon, Manitoba on Friday night.")
    assert actor_codes(events_of(doc, "ASSAULT")) == {("CAN", "UAF")}


def test_an_international_group_keeps_no_country(code_whole: Coder) -> None:
    doc = code_whole(
        "The International Centre for Press Freedom asked Turkey to free the reporters"
        " held in Ankara."
    )
    assert {a[0] for a in actor_codes(events_of(doc, "REQUEST"))} == {None}


def test_it_stands_for_the_firm_before_it(code_whole: Coder) -> None:
    doc = code_whole(
        "DENVER - Zumba has been told that its depot is illegal. It rejected the order on"
        " Monday in Denver, Colorado."
    )
    refused = [e for e in events_of(doc, "REJECT") if e.actor is not None]
    assert refused
    assert {(e.actor.country, e.actor.sector) for e in refused if e.actor} == {("USA", "BUS")}


def test_them_is_not_the_subject_of_its_own_verb(code_whole: Coder) -> None:
    doc = code_whole(
        "The reporters sent their findings to Moscow. Russian officials dismissed them on"
        " Tuesday in Moscow."
    )
    rejected = events_of(doc, "REJECT")
    assert all(
        e.recipient is None or (e.recipient.country, e.recipient.sector) != ("RUS", "GOV")
        for e in rejected
    )


def test_leaders_of_a_faith_are_religious(code_whole: Coder) -> None:
    doc = code_whole("Muslim leaders in Lagos, Nigeria criticized the governor on Friday.")
    assert actor_codes(events_of(doc, "ACCUSE")) == {("NGA", "REL")}
