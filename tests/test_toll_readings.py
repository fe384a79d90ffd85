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
        # asked, not told; denied by "neither"
        "Deputies did not say whether the driver was injured.",
        "It was not clear if the cashier was hurt.",
        "Neither guard was injured.",
    ],
)
def test_a_clause_that_denies_the_hurt_counts_no_one(nlp: Any, sentence: str) -> None:
    assert _figures(nlp, sentence) == (0, 0, 0)


def test_a_denied_degree_is_still_hurt(nlp: Any) -> None:
    assert _figures(nlp, "The clerk was not seriously injured.") == (0, 1, 0)


def test_a_death_beside_a_denied_hurt_still_counts(nlp: Any) -> None:
    assert _figures(nlp, "A farmer was killed and his nephew was not hurt.") == (1, 0, 0)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three teenagers were shot, but their injuries are not life-threatening.", (0, 3, 0)),
        ("The clerk was shot in the shoulder and is expected to survive.", (0, 1, 0)),
        ("A neighbor suffered a gunshot wound and was treated and released.", (0, 1, 0)),
        ("The guard was shot and is listed in stable condition.", (0, 1, 0)),
        # no word of living: maybe among the dead the article counts elsewhere
        ("The guard was shot twice near the gate.", (0, 0, 1)),
        ("The guard was shot and did not survive.", (0, 0, 1)),
    ],
)
def test_the_shot_said_to_have_lived_are_hurt(
    nlp: Any, sentence: str, expected: tuple[int, int, int]
) -> None:
    assert _figures(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "dead"),
    [
        ("The crowd, protesting against the death of a youth in custody, burnt a bus.", 0),
        ("Traders rioted over the killing of a shopkeeper and looted two stores.", 0),
        ("Hundreds protested the death of the student outside the college.", 0),
        # a death the sentence tells is still counted
        ("The death of a youth in the police firing sparked protests.", 1),
    ],
)
def test_the_death_a_protest_is_against_is_no_toll_of_it(
    nlp: Any, sentence: str, dead: int
) -> None:
    assert _figures(nlp, sentence)[0] == dead
