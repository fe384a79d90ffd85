"""A sentence whose main verb arranges something (scheduled, organised, planned) tells
no protest done on that verb (``stages/detector_added.py``). Sentences written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_a_main_verb_of_arranging_tells_no_protest(code_as_evaluated: Coder) -> None:
    # without the rule the detector's protest stands on "scheduled", the main verb
    doc = code_as_evaluated("A press conference is scheduled for Friday.")
    assert not [e.trigger for e in doc.events if e.type == "PROTEST" and e.factual]


def test_a_main_verb_of_marching_still_tells_a_protest(code_as_evaluated: Coder) -> None:
    doc = code_as_evaluated("Thousands of farmers marched through the capital on Monday.")
    assert [e for e in doc.events if e.type == "PROTEST" and e.factual]
