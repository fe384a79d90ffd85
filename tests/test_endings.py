"""Endings: a verb that ends what its object or its gerund names codes the reversal."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def _factual_types(doc: Document) -> set[str]:
    return {e.type for e in doc.events if e.factual}


def test_stopping_what_a_gerund_names_codes_its_reversal(code: Coder) -> None:
    doc = code("The army stopped shelling the northern villages on Sunday.")
    assert _factual_types(doc) == {"RETREAT"}
    retreat = next(e for e in doc.events if e.type == "RETREAT")
    assert retreat.mode == "ceasefire" and retreat.trigger == "stopped"


def test_the_gerund_that_is_stopped_is_no_event_of_its_own(code: Coder) -> None:
    doc = code("The militia ceased firing at the convoy.")
    assert "ASSAULT" not in {e.type for e in doc.events}


def test_ending_a_strike_needs_no_light_verb(code: Coder) -> None:
    doc = code("The dockers' union ended its strike after nine days.")
    assert "CONCEDE" in _factual_types(doc)


def test_ending_a_strike_is_not_ending_an_air_strike(code: Coder) -> None:
    doc = code("The dockers' union ended its strike after nine days.")
    assert "RETREAT" not in {e.type for e in doc.events}
    doc = code("The coalition halted its air strikes on the port.")
    assert "RETREAT" in _factual_types(doc)


def test_agreeing_to_a_concession_is_conceding(code: Coder) -> None:
    doc = code("The junta agreed to concessions on press freedom.")
    assert "CONCEDE" in _factual_types(doc) and "AGREE" not in _factual_types(doc)
    doc = code("The ministry agreed to the demands of the striking nurses.")
    assert "CONCEDE" in _factual_types(doc)


def test_agreeing_to_a_ceasefire_stays_an_agreement(code: Coder) -> None:
    doc = code("The two militias agreed to a ceasefire on Friday.")
    types = _factual_types(doc)
    assert "AGREE" in types and "RETREAT" not in types


def test_declaring_a_ceasefire_concedes_observing_one_retreats(code: Coder) -> None:
    assert "CONCEDE" in _factual_types(code("The rebels declared a ceasefire in the east."))
    assert "RETREAT" in _factual_types(code("The rebels observed the ceasefire in the east."))


def test_a_declared_suspension_of_attacks_is_a_concession(code: Coder) -> None:
    doc = code("The rebels announced a suspension of attacks on army posts.")
    assert "CONCEDE" in _factual_types(doc)
    doc = code("The rebels began a suspension of attacks on army posts.")
    assert "RETREAT" in _factual_types(doc)
