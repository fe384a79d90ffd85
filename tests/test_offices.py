"""A title stated once carries to the person named with it later, and a titled person
does not take the country of a story whose holder of that title is someone else
(sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventpicks import events_of
from eventwire.model import Document

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code_whole(code_whole: Coder) -> Coder:
    return code_whole


def test_a_named_ambassador_is_of_the_country_named_with_the_title(code_whole: Coder) -> None:
    doc = code_whole(
        "Norway's ambassador arrived in Ankara on Monday. Ambassador Erik Solberg"
        " criticized the Turkish government for the arrests of journalists."
    )
    accused = events_of(doc, "ACCUSE")
    assert accused
    assert {(e.actor.country, e.actor.sector) for e in accused if e.actor} == {("NOR", "GOV")}


def test_a_president_is_not_of_a_country_whose_president_is_named(code_whole: Coder) -> None:
    doc = code_whole(
        "ANKARA - Turkish President Ali Demir met ministers in Ankara on Monday. President"
        " Walker criticized the arrests of journalists in Istanbul. Police in Izmir"
        " detained two reporters."
    )
    accused = [e for e in events_of(doc, "ACCUSE") if e.actor and e.actor.name == "Walker"]
    assert accused
    assert all(e.actor is not None and e.actor.country != "TUR" for e in accused)


def test_a_titled_person_without_a_country_takes_the_events_place(code_whole: Coder) -> None:
    doc = code_whole(
        "Turkish President Ali Demir spoke in Ankara on Monday. In Washington, President"
        " Walker criticized the arrests of journalists on Tuesday."
    )
    accused = [e for e in events_of(doc, "ACCUSE") if e.actor and e.actor.name == "Walker"]
    assert accused
    assert {e.actor.country for e in accused if e.actor} == {"USA"}


def test_an_attack_named_by_its_state_is_its_forces(code_whole: Coder) -> None:
    doc = code_whole("Three fighters were killed in Syria on Monday by a U.S. drone strike.")
    attacks = [e for e in events_of(doc, "ASSAULT") if e.actor is not None]
    assert attacks
    assert {(e.actor.country, e.actor.sector) for e in attacks if e.actor} == {("USA", "MIL")}


def test_the_authorities_are_not_of_a_named_ministers_country(code_whole: Coder) -> None:
    doc = code_whole(
        "DENPASAR - A tourist was arrested in Bali, Indonesia on Monday. Australian Foreign"
        " Minister Julie Brown said she was concerned. The authorities later charged him"
        " with assault in Denpasar."
    )
    charged = [e for e in events_of(doc, "ACCUSE") if e.actor is not None]
    assert charged
    assert {e.actor.country for e in charged if e.actor} == {"IDN"}
