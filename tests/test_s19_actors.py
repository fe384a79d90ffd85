"""Session 19: the doer of an attack the text names only by its weapon (sentences written
for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _assaults(doc: Document, opening: str) -> list[Event]:
    return [e for e in doc.events if e.type == "ASSAULT" and e.sentence.startswith(opening)]


def test_a_car_bomb_that_killed_is_an_unidentified_attacker(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("A car bomb killed nine soldiers at a checkpoint on Tuesday.")
    killed = _assaults(doc, "A car bomb")
    assert killed
    assert all(e.actor is not None and e.actor.sector == "UAF" for e in killed)


def test_killed_in_a_blast_is_an_unidentified_attacker(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("A journalist was killed in a bomb blast in the market on Tuesday.")
    killed = _assaults(doc, "A journalist")
    assert killed
    assert all(e.actor is not None and e.actor.sector == "UAF" for e in killed)
