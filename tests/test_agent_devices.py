"""Attacks told by the device that did them have an unidentified armed party (UAF) as
their inferred actor (``coding.device_attacks``)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def _assault_actor(doc: Document) -> tuple[str | None, bool] | None:
    event = next(e for e in doc.events if e.type == "ASSAULT")
    return None if event.actor is None else (event.actor.sector, event.actor.inferred)


def test_a_bomb_that_killed_is_set_off_by_an_unknown_party(code_whole: Coder) -> None:
    doc = code_whole("A roadside bomb killed four soldiers near the village on Sunday.")
    assert _assault_actor(doc) == ("UAF", True)


def test_people_killed_in_a_blast_were_attacked_by_an_unknown_party(code_whole: Coder) -> None:
    doc = code_whole("Three guards were killed in a car bomb explosion outside the ministry.")
    assert _assault_actor(doc) == ("UAF", True)


def test_a_named_attacker_stays(code_whole: Coder) -> None:
    doc = code_whole("Rebels killed three guards with a car bomb outside the ministry.")
    event = next(e for e in doc.events if e.type == "ASSAULT")
    assert event.actor is not None and event.actor.sector == "REB"
