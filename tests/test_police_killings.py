"""Police killings as Indian news tells them (sentences written for these tests): the
police named as the modifier of the attack noun ("killed in police firing") when no
actor was coded, and what is no police killing (a death sentence, a death in custody
alone, a police station named as a place, a killer named otherwise)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document, Event
from labelled_docs import factual_attacks

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code(code_as_evaluated: Coder) -> Coder:
    """The evaluation's coding stages, with the detector and the agents stage."""
    return code_as_evaluated


def _police_kills(doc: Document) -> list[Event]:
    return [
        e for e in factual_attacks(doc)
        if e.actor is not None and e.actor.sector == "COP" and (e.dead or 0) >= 1
    ]  # fmt: skip


def _seen(doc: Document) -> list[tuple[str | None, str | None, int | None]]:
    return [(e.trigger, e.actor.text if e.actor else None, e.dead) for e in doc.events]


def test_a_death_sentence_is_no_death(code: Coder) -> None:
    doc = code("the sessions court sentenced the two dacoits to death on monday.")
    assert all(e.dead is None for e in doc.events), _seen(doc)


def test_shot_dead_before_the_object_counts_the_object(code: Coder) -> None:
    doc = code("the police shot dead three robbers who were fleeing with the cash.")
    assert any(e.dead == 3 for e in _police_kills(doc)), _seen(doc)


def test_a_death_in_custody_alone_is_no_police_killing(code: Coder) -> None:
    doc = code("a 40-year-old undertrial died in police custody at the kotwali on friday.")
    assert not _police_kills(doc), _seen(doc)


def test_police_firing_named_in_a_subordinate_clause(code: Coder) -> None:
    doc = code(
        "prohibitory orders were clamped on the town after four men were killed in police firing."
    )
    assert any(e.dead == 4 for e in _police_kills(doc)), _seen(doc)


def test_a_police_station_names_no_killer(code: Coder) -> None:
    doc = code(
        "a 22-year-old trader was shot dead at a village under the kotwali police station "
        "on monday night."
    )
    assert not _police_kills(doc), _seen(doc)


def test_a_named_killer_keeps_the_killing(code: Coder) -> None:
    doc = code("the police have arrested the four men who killed the night watchman at the mill.")
    assert not _police_kills(doc), _seen(doc)
