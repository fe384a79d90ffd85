"""Session 19: sides an article named before, for an event that names none (sentences
written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _assaults(doc: Document, opening: str) -> list[Event]:
    return [e for e in doc.events if e.type == "ASSAULT" and e.sentence.startswith(opening)]


def test_wounded_in_the_attack_takes_the_attacker_told_before(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated(
        "A gunman opened fire on a police patrol in the market of Kisumu on Monday.\n"
        "Two shoppers were wounded in the attack, a hospital official said."
    )
    wounded = _assaults(doc, "Two shoppers")
    assert wounded
    assert all(e.actor is not None and e.actor.text == "A gunman" for e in wounded)


def test_an_attack_with_its_own_modifier_is_another_attack(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated(
        "A gunman opened fire on a police patrol in the market of Kisumu on Monday.\n"
        "Two shoppers were wounded in the Nairobi attack last year."
    )
    wounded = _assaults(doc, "Two shoppers")
    assert all(e.actor is None or e.actor.text != "A gunman" for e in wounded)
