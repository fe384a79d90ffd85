"""Clauses that name an event the text does not report as done (``coding.unasserted``):
questions, punishments faced, routine call-outs, a market's demand, restrictions that
weather or money set."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document

Coder = Callable[[str], Document]


def factual_types(doc: Document) -> set[str]:
    return {e.type for e in doc.events if e.factual}


@pytest.mark.parametrize(
    "text",
    [
        "Will the militia attack the town again?",
        "Who ordered the raid on the newspaper offices?",
    ],
)
def test_a_question_reports_no_event(code: Coder, text: str) -> None:
    doc = code(text)
    assert doc.events, "the test needs a coded event"
    assert not factual_types(doc) & {"ASSAULT", "COERCE"}


def test_a_question_asking_why_takes_its_event_as_given(code: Coder) -> None:
    assert "COERCE" in factual_types(code("Why did the police arrest the students?"))


@pytest.mark.parametrize(
    "text",
    [
        "Reporters asked whether the army had shelled the hospital.",
        "She asked the minister about the arrests in the north.",
        "Journalists asked who had ordered the curfew.",
    ],
)
def test_asking_a_question_is_no_request(code: Coder, text: str) -> None:
    assert "REQUEST" not in factual_types(code(text))


def test_asking_for_something_is_a_request(code: Coder) -> None:
    assert "REQUEST" in factual_types(code("The mayor asked the army to leave the town."))


def test_a_punishment_faced_is_still_to_come(code: Coder) -> None:
    doc = code("The protesters could face prison terms of up to five years.")
    assert "COERCE" not in factual_types(doc) and "SANCTION" not in factual_types(doc)


def test_police_called_to_an_incident_is_no_mobilization(code: Coder) -> None:
    assert "MOBILIZE" not in factual_types(code("Police were called to the scene at 3 a.m."))


def test_a_markets_demand_is_no_request(code: Coder) -> None:
    assert "REQUEST" not in factual_types(code("Demand for oil rose sharply in China."))


def test_a_restriction_by_the_weather_is_no_coercion(code: Coder) -> None:
    assert "COERCE" not in factual_types(code("Heavy fog restricted flights at the airport."))


def test_thanks_to_private_persons_are_a_courtesy(code: Coder) -> None:
    assert "SUPPORT" not in factual_types(code("The mayor thanked volunteers at the ceremony."))
