"""Tallies (``coding/tallies.py``): a toll told over a period or over several attacks
is no toll of the incident (the sentences are the project's own)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eventwire.coding.tallies import is_tally
from eventwire.coding.tolls import statements
from eventwire.model import Document, RawDocument


def _tally(nlp: Any, sentence: str) -> bool:
    doc = nlp(sentence)
    return is_tally(doc, statements(doc[:]))


@pytest.mark.parametrize(
    "sentence",
    [
        "Five injured in violent weekend in Dayton",
        "Two men were wounded in separate shootings on Sunday, police said.",
        "Three killed in weekend shootings across the county",
    ],
)
def test_a_toll_over_a_period_or_several_attacks_is_a_tally(nlp: Any, sentence: str) -> None:
    assert _tally(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A man was shot over the weekend near the river.",
        "Two men were wounded in a shooting on Sunday, police said.",
        "The clerk was wounded in the week before the trial.",
    ],
)
def test_a_toll_of_one_attack_is_no_tally(nlp: Any, sentence: str) -> None:
    assert not _tally(nlp, sentence)


def test_a_roundup_headline_does_not_raise_the_incidents_toll(nlp: Any) -> None:
    from eventwire.run.pipeline import default_pipeline
    from eventwire.stages.incidents import main_attack

    text = (
        "Five injured in violent weekend in Dayton\n\n"
        "Three people were wounded in a shooting outside a bar in Dayton, Ohio, on "
        "Saturday night, police said.\n\n"
        "Two other men were shot in separate incidents earlier on Saturday."
    )
    raw = RawDocument(text=text, origin="<test>", published=date(2016, 7, 25))
    docs: list[Document] = default_pipeline().process_raw(raw)
    attack = main_attack([e for doc in docs for e in doc.events])
    assert attack is not None
    assert (attack.dead or 0, attack.injured) == (0, 3)
