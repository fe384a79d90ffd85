"""A town attacked, besieged or put under curfew stands for its people (sentences
written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def _recipients(doc: Document, event_type: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.recipient.country, e.recipient.sector)
        for e in doc.events
        if e.type == event_type and e.recipient is not None
    }


def test_towns_that_are_shelled_are_their_civilians(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("Sudan threatened on Monday to shell Chadian villages.")
    assert ("TCD", "CVL") in _recipients(doc, "THREATEN")


def test_a_country_threatened_stays_its_state(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("Sudan threatened on Monday to attack Chad.")
    assert ("TCD", "GOV") in _recipients(doc, "THREATEN")
