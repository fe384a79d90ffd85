"""Session 13 non-events and types (issue 15): plots told in the past, harm that nature
did, ceremonies, warnings of a state of affairs, fixed phrases, names of bodies; armed
men's "strike", searched premises. Each rule is checked against a sentence it must
leave alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _factual(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_ and e.factual]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # harm that nature did, or harm with no doer in an article on a disaster
        ("A strong earthquake hit the north on Sunday. Six villages were destroyed.", "ASSAULT"),
        ("The storm destroyed two hundred homes along the coast.", "ASSAULT"),
        ("A blast in a bakery injured nine people and was caused by a gas leak.", "ASSAULT"),
        # a ceremony
        ("The governor pardoned a turkey named Gobbles on Wednesday.", "CONCEDE"),
        # a warning of a state of affairs
        ("The airline warned that there would be long delays on Friday.", "THREATEN"),
        ("The minister warned of thousands of fighters abroad.", "THREATEN"),
        # fixed phrases of another sense, the name of a body
        ("Her testimony lent credence to the claims.", "AID"),
        ("Mr Lee has accepted the position of school superintendent.", "AGREE"),
        ("A farm trade group wrote to the governor on Monday.", "COOPERATE"),
    ],
)
def test_no_event(code: Coder, text: str, type_: str) -> None:
    assert not _factual(code(text), type_)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Six villages were destroyed by rebels on Sunday.", "ASSAULT"),
        ("A storm hit the coast. Gunmen attacked two villages the next day.", "ASSAULT"),
        ("The governor pardoned three former ministers on Wednesday.", "CONCEDE"),
        ("The army warned the rebels that it would shell the town.", "THREATEN"),
        ("The president warned that rebels attacked the town on Monday.", "ASSAULT"),
    ],
)
def test_events_beside_those_stay(code: Coder, text: str, type_: str) -> None:
    assert _factual(code(text), type_)


def test_what_is_planned_after_an_infinitive_is_not_done(code: Coder) -> None:
    doc = code("Prosecutors said the man planned to kill a guard and then attack a station.")
    assert not _factual(doc, "ASSAULT")


def test_what_one_is_warned_to_do_is_not_done(code: Coder) -> None:
    assert not _factual(code("The army warned the rebels to surrender."), "RETREAT")


def test_armed_men_strike_by_attacking_workers_by_walking_out(code: Coder) -> None:
    assert _factual(code("The gunmen struck at two cafes and a stadium."), "ASSAULT")
    assert _factual(code("Dock workers struck for higher wages."), "PROTEST")


def test_a_home_raided_by_no_one_named_is_searched(code: Coder) -> None:
    searched = _factual(code("His house in the capital was raided on Friday."), "COERCE")
    assert [e.mode for e in searched] == ["seize"]
    assert _factual(code("Commandos raided the compound."), "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "The striker shot down rumours of a transfer on Friday.",
        "Leeds destroyed Burnley 4-0 in the derby on Sunday.",
        "City crushed United 3-1 to win the title.",
    ],
)
def test_sport_and_figures_of_speech_in_war_words_are_no_events(code: Coder, text: str) -> None:
    assert not [e for e in code(text).events if e.type == "ASSAULT"]
