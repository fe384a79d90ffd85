"""Casualty statements (``coding/tolls.py``) of session 14: denied hurt, grave states and
victims beside the dead (the sentences are the project's own)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.coding.tolls import sentence_figures, statements


def _figures(nlp: Any, sentence: str) -> tuple[int, int, int]:
    doc = nlp(sentence)
    made = sentence_figures(statements(doc[:]))
    return made.dead, made.hurt, made.hit


@pytest.mark.parametrize(
    "sentence",
    [
        "The toddler in the back seat was not hurt.",
        "Her brother was not injured in the attack, deputies said.",
        "The cashier did not suffer any injuries.",
        "The second man is not in critical condition.",
    ],
)
def test_a_clause_that_denies_the_hurt_counts_no_one(nlp: Any, sentence: str) -> None:
    assert _figures(nlp, sentence) == (0, 0, 0)


def test_a_denied_degree_is_still_hurt(nlp: Any) -> None:
    assert _figures(nlp, "The clerk was not seriously injured.") == (0, 1, 0)


def test_a_death_beside_a_denied_hurt_still_counts(nlp: Any) -> None:
    assert _figures(nlp, "A farmer was killed and his nephew was not hurt.") == (1, 0, 0)
