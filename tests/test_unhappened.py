"""Events named but not told as having happened (``coding.unhappened``,
``coding.reported_plans``, ``coding.conjoined``): sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document

LEAD = "It was a cold and windy day in the capital on Monday. "


def _factual(doc: Document, type_: str) -> list[str]:
    return [e.trigger or "" for e in doc.events if e.type == type_ and e.factual]


def _all(doc: Document, type_: str) -> list[str]:
    return [e.trigger or "" for e in doc.events if e.type == type_]


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("The negotiations failed to take place because of the snow.", "CONSULT"),
        ("The protest rally was cancelled because of the storm.", "PROTEST"),
        ("Police have offered a reward of $5,000 for information about the fire.", "AGREE"),
        ("The vote comes a week before a planned strike at the ports called by the dockers.",
         "CONSULT"),
        ("The mayor called a meeting to discuss the flooding.", "CONSULT"),
    ],
)  # fmt: skip
def test_events_that_did_not_happen_are_not_listed(
    code: Callable[[str], Document], sentence: str, type_: str
) -> None:
    doc = code(LEAD + sentence)
    assert _factual(doc, type_) == []


def test_a_plan_others_report_is_no_threat(code: Callable[[str], Document]) -> None:
    doc = code(LEAD + "Investigators said the man planned to bomb a train station.")
    assert _factual(doc, "THREATEN") == []
    own = code(LEAD + "The rebels said they planned to attack the airport.")
    assert _factual(own, "THREATEN") != []


def test_an_indirect_question_is_not_a_statement(code: Callable[[str], Document]) -> None:
    doc = code(LEAD + "The general declined to say whether more soldiers would be deployed.")
    assert _factual(doc, "THREATEN") == []
    assert _factual(doc, "MOBILIZE") == []


def test_joined_verb_shares_a_generic_reading(code: Callable[[str], Document]) -> None:
    text = (
        "Report on the region\n\nThe scholar writes about violence. "
        "Terror kills innocent people and destroys families."
    )
    doc = code(text)
    assert _factual(doc, "ASSAULT") == []


def test_real_events_stay(code: Callable[[str], Document]) -> None:
    doc = code(LEAD + "Soldiers stormed the village and killed four men, residents said.")
    assert _factual(doc, "ASSAULT") != []
    called = code(LEAD + "The president called the French president on Tuesday to discuss trade.")
    assert _factual(called, "CONSULT") != []
    cancelled = code(LEAD + "Police arrested two men and cancelled the parade.")
    assert _factual(cancelled, "COERCE") != []


TITLED = "Report on the region\n\nIt was a cold and windy day in the capital on Monday. "


def test_habit_by_the_calendar_is_no_event(code: Callable[[str], Document]) -> None:
    doc = code(TITLED + "The town council meets each month to discuss the budget.")
    assert _factual(doc, "CONSULT") == []
    real = code(TITLED + "The army shelled the town every day last week.")
    assert _factual(real, "ASSAULT") != []


def test_forecast_states_no_intention(code: Callable[[str], Document]) -> None:
    doc = code(LEAD + "The cabinet is expected to announce new restrictions on travel.")
    assert _factual(doc, "THREATEN") == []
    vowed = code(LEAD + "The governor vowed to impose a curfew on the city.")
    assert _factual(vowed, "THREATEN") != []


def test_fighting_for_a_cause_is_no_attack(code: Callable[[str], Document]) -> None:
    doc = code(LEAD + "The nurses' union has fought for higher wages.")
    assert _factual(doc, "ASSAULT") == []
    real = code(LEAD + "Rebels fought for control of the airport for three days.")
    assert _factual(real, "ASSAULT") != []
    hours = code(LEAD + "Gangs from the two districts fought for nearly five hours on Friday.")
    assert _factual(hours, "ASSAULT") != []


def _historical(doc: Document, type_: str) -> list[str]:
    return [e.trigger or "" for e in doc.events if e.type == type_ and "historical" in e.contexts]


def test_summaries_of_years_are_historical(code: Callable[[str], Document]) -> None:
    doc = code(
        LEAD + "Since the uprising began in 2012, the police have detained hundreds of students."
    )
    assert _historical(doc, "COERCE") != []
    series = code(LEAD + "A series of bombings last year killed more than 30 people.")
    assert _historical(series, "ASSAULT") != []
    today = code(LEAD + "A series of blasts on Sunday killed nine people in the port.")
    assert _historical(today, "ASSAULT") == []
