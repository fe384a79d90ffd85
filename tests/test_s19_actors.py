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


def _actor_of(doc: Document, opening: str, kind: str) -> tuple[str | None, str | None]:
    events = [e for e in doc.events if e.type == kind and e.sentence.startswith(opening)]
    assert events
    actor = events[0].actor
    assert actor is not None
    return actor.country, actor.sector


def test_its_members_are_the_body_named_before_in_the_sentence(
    code_as_evaluated: Coder,
) -> None:
    doc = code_as_evaluated(
        "The Ghanaian rebel movement said its members met government negotiators in Accra."
    )
    assert _actor_of(doc, "The Ghanaian", "CONSULT") == ("GHA", "REB")


def test_whose_members_are_the_body_the_clause_describes(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated(
        "The Ugandan police unit whose members met the witness opened an inquiry."
    )
    assert _actor_of(doc, "The Ugandan", "CONSULT") == ("UGA", "COP")


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


def test_a_crowd_counted_in_thousands_of_people_is_civilians(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("Hundreds of thousands of people marched through the capital.")
    marched = [e for e in doc.events if e.type == "PROTEST"]
    assert marched
    assert all(e.actor is not None and e.actor.sector == "CVL" for e in marched)
