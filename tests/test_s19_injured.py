"""Casualty statements of session 19 (``coding/tolls.py``, ``coding/victims.py``,
``coding/headline_tolls.py``): subjects the parser hangs elsewhere, hospital stays,
and headlines that drop the passive's auxiliary (the sentences are the project's own).

Each figure is (dead, hurt, hit): the hit may be among the dead the article counts
elsewhere (``coding/tolls.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.coding.tolls import sentence_figures, statements


def _figures(nlp: Any, sentence: str) -> tuple[int, int, int]:
    doc = nlp(sentence)
    made = sentence_figures([s for sent in doc.sents for s in statements(sent)])
    return made.dead, made.hurt, made.hit


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the subject hung on the auxiliary "remains" / "were"
        ("He remains hospitalized in critical condition.", (0, 0, 1)),
        ("The clerk's son, Tom, and his wife, Ann, were both injured.", (0, 2, 0)),
        # a participle or gerund with no subject of its own
        ("A cashier is recovering after being shot in the leg.", (0, 1, 0)),
        ("Two men were found suffering from gunshot wounds.", (0, 0, 2)),
        ("Deputies found a hiker suffering from a gunshot wound.", (0, 0, 1)),
    ],
)
def test_a_subject_the_parser_hangs_elsewhere_is_found(
    nlp: Any, sentence: str, expected: tuple[int, int, int]
) -> None:
    assert _figures(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The driver, Sam, and his sister, Ann, were wounded.", (0, 2, 0)),
        # a list that restates a figure adds no one
        ("Two others, a man and a woman, were wounded.", (0, 2, 0)),
        ("John Smith, 25, and Mary Jones, 22, were wounded.", (0, 2, 0)),
    ],
)
def test_a_victim_joined_to_an_apposition_counts(
    nlp: Any, sentence: str, expected: tuple[int, int, int]
) -> None:
    assert _figures(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two teenagers remain hospitalized.", (0, 0, 2)),
        ("The boy is still in the hospital.", (0, 0, 1)),
        # taken there unhurt
        ("The clerk was taken to a hospital as a precaution.", (0, 0, 0)),
        ("The guard was taken to a hospital for evaluation.", (0, 0, 0)),
        ("The guard was taken to a hospital with a gunshot wound.", (0, 0, 1)),
    ],
)
def test_a_hospital_stay_tells_the_hit(
    nlp: Any, sentence: str, expected: tuple[int, int, int]
) -> None:
    assert _figures(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Six shot outside pub", (0, 0, 6)),
        ("Farmer shot on county road", (0, 0, 1)),
        ("Mother and son shot in robbery", (0, 0, 2)),
        ("Man, woman wounded in drive-by", (0, 2, 0)),
        ("Clerk killed, guard critical after robbery", (1, 1, 0)),
        ("Teen dead after shooting incident", (1, 0, 0)),
        ("Police: 9-year-old boy dies after shooting in Dover", (1, 0, 0)),
        ("Police: 9-year-old fatally shot in Dover", (1, 0, 0)),
        ("Student shot, killed in dorm", (1, 0, 0)),
        # an age is no second victim
        ("Clerk, 62, wounded in robbery", (0, 1, 0)),
    ],
)
def test_a_headline_drops_the_passives_auxiliary(
    nlp: Any, sentence: str, expected: tuple[int, int, int]
) -> None:
    assert _figures(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a sentence with its full stop is no headline: its subject did the shooting
        "The deputy shot at the car.",
        "Police shot at the fleeing van",
        "The deputy who shot was placed on leave.",
    ],
)
def test_a_shooter_is_no_victim(nlp: Any, sentence: str) -> None:
    assert _figures(nlp, sentence) == (0, 0, 0)


def test_a_subject_of_another_verb_is_no_victim_of_a_participle(nlp: Any) -> None:
    """A title-case headline as the incident toll reads it: "1 killed" hangs on
    "shooting", whose other subject "2 Hurt" is no one killed."""
    from eventwire.coding.headline_reading import sentence_case

    headline = sentence_case("2 Hurt, 1 Killed In Toledo Shooting", set())
    assert _figures(nlp, headline) == (1, 2, 0)


def test_an_aged_victim_read_as_a_noun_shot_is_found(nlp: Any) -> None:
    sentence = "The family of a 19-year-old shot and killed by a deputy has hired a lawyer."
    assert _figures(nlp, sentence) == (1, 0, 0)


def test_a_shooting_that_left_a_child_dead(nlp: Any) -> None:
    assert _figures(nlp, "The shooting left a nine-year-old dead.") == (1, 0, 0)
