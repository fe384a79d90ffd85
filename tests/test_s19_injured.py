"""Casualty statements of session 19 (``coding/victims.py``, read by
``coding/tolls.py``): a participle or gerund with no subject of its own tells of the
subject of the clause it hangs on, or of the object of a verb of finding (the sentences
are the project's own).

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
        # "after being shot": the subject of the clause "after" hangs on
        ("A cashier is recovering after being shot in the leg.", (0, 1, 0)),
        # "found suffering": the passive subject of "found"
        ("Two men were found suffering from gunshot wounds.", (0, 0, 2)),
        # a subjectless participle after another: "shot in the head, killed"
        ("Two brothers shot in the chest, killed near the farm", (2, 0, 0)),
    ],
)
def test_a_subjectless_participle_tells_of_its_clauses_subject(
    nlp: Any, sentence: str, expected: tuple[int, int, int]
) -> None:
    assert _figures(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # its own subject: the gerund tells of no one else
        "The guard was wounded after the gunman started shooting.",
        # a shooter who fired is no victim of the participle
        "Officers returned fire after being shot at.",
    ],
)
def test_a_participle_with_a_subject_of_its_own_or_no_victim(nlp: Any, sentence: str) -> None:
    dead, hurt, hit = _figures(nlp, sentence)
    assert dead == 0 and hurt + hit <= 1
