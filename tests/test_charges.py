"""Criminal charges told without who laid them (sentences written for these tests):
the state laid them, the police a charge and the courts an indictment, marked
inferred; a charge whose layer is named keeps it, and accusations that are not
charges get no inferred actor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


@pytest.fixture(scope="module")
def code(code_as_evaluated: Coder) -> Coder:
    """The evaluation's coding stages, with the detector and the agents stage."""
    return code_as_evaluated


def _charge(doc: Document) -> Event:
    charges = [e for e in doc.events if e.type == "ACCUSE" and e.mode == "allege"]
    assert len(charges) == 1, [(e.type, e.mode) for e in doc.events]
    return charges[0]


@pytest.mark.parametrize(
    "text",
    [
        "A 24-year-old man from Hamilton was charged with robbery on Tuesday.",
        "Two brothers have been charged with arson after the fire at the depot.",
        "A Sudbury teenager is facing a murder charge after the stabbing.",
    ],
)
def test_a_charge_with_no_stated_agent_was_laid_by_the_police(code: Coder, text: str) -> None:
    event = _charge(code(text))
    assert event.actor is not None
    assert (event.actor.sector, event.actor.inferred) == ("COP", True)
    assert event.recipient is not None


def test_an_indictment_with_no_stated_agent_is_the_courts(code: Coder) -> None:
    event = _charge(code("The former treasurer was indicted on bribery charges."))
    assert event.actor is not None
    assert (event.actor.sector, event.actor.inferred) == ("JUD", True)


def test_a_named_layer_of_the_charge_is_kept(code: Coder) -> None:
    event = _charge(code("Prosecutors charged the treasurer with bribery."))
    assert event.actor is not None
    assert (event.actor.sector, event.actor.inferred) == ("JUD", False)


def test_an_accusation_faced_is_not_laid_by_the_police(code: Coder) -> None:
    event = _charge(code("The treasurer faces accusations of bribery."))
    assert event.actor is None


def test_a_charge_coordinated_with_a_passive_arrest_is_laid_on_its_subject(code: Coder) -> None:
    event = _charge(code("Marcus Reed, 31, was arrested and charged with arson, officers said."))
    assert event.recipient is not None and "Reed" in event.recipient.text
    assert event.actor is not None
    assert (event.actor.sector, event.actor.inferred) == ("COP", True)
