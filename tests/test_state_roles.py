"""A leader, negotiator or delegation of a named state is its government's (GOV)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_a_national_leader_is_the_government(code: Coder) -> None:
    doc = code("Chilean leader Ana Soto defended Peru against Western criticism.")
    support = next(e for e in doc.events if e.type == "SUPPORT")
    assert support.actor is not None
    assert (support.actor.country, support.actor.sector) == ("CHL", "GOV")


def test_a_state_delegation_is_the_government(code: Coder) -> None:
    doc = code("Syria's delegation walked out of the talks.")
    event = next(e for e in doc.events if e.actor is not None)
    assert event.actor is not None and event.actor.sector == "GOV"


def test_the_leader_of_a_group_keeps_the_group_sector(code: Coder) -> None:
    doc = code("The Hamas leader rejected the offer.")
    reject = next(e for e in doc.events if e.type == "REJECT")
    assert reject.actor is not None and reject.actor.sector == "REB"
