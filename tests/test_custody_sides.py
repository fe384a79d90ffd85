"""The sides of an arrest noun a verb puts someone in ("into custody", "in detention")."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document, Event

Coder = Callable[[str], Document]


def _of_type(doc: Document, type_: str) -> list[Event]:
    return [e for e in doc.events if e.type == type_]


def test_taken_into_custody_by_verb_object(code: Coder) -> None:
    """Took the man into custody: the man is held, the subject holds him."""
    doc = code("Border guards took the smuggler into custody near the crossing.")
    (event,) = _of_type(doc, "COERCE")
    assert event.actor is not None and event.actor.sector == "COP"
    assert event.recipient is not None and "smuggler" in event.recipient.text


def test_remaining_in_custody_holds_the_subject(code_as_evaluated: Coder) -> None:
    """ "Remained in police custody": the subject is held, by the police."""
    doc = code_as_evaluated("The four activists remained in police custody on Sunday.")
    arrests = _of_type(doc, "COERCE")
    assert arrests
    for event in arrests:
        assert event.actor is not None and event.actor.sector == "COP"
        assert event.recipient is None or "activists" in event.recipient.text
    assert any(e.recipient is not None for e in arrests)


def test_detained_and_taken_into_custody_is_not_by_the_detained(code: Coder) -> None:
    """A passive subject shared by two arrest verbs is held by both, acts in neither."""
    doc = code("The driver was stopped at a checkpoint and taken into custody.")
    arrests = [e for e in _of_type(doc, "COERCE") if e.trigger == "custody"]
    assert arrests
    for event in arrests:
        assert event.actor is None or "driver" not in event.actor.text
        assert event.recipient is not None and "driver" in event.recipient.text
