"""Arguments held by another word: the object two coordinated verbs share, the
possessor of an arrest or a killing (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_coordinated_verbs_share_their_object(code: Coder) -> None:
    doc = code("Soldiers shot and wounded three protesters near the border post.")
    shot = next(e for e in doc.events if e.trigger == "shot")
    assert shot.recipient is not None and shot.recipient.text == "three protesters"


def test_a_verb_with_its_own_complement_keeps_it(code: Coder) -> None:
    doc = code("Soldiers fired at the crowd and arrested two protesters.")
    fired = next(e for e in doc.events if e.trigger == "fired")
    assert fired.recipient is not None and fired.recipient.text == "the crowd"


def test_the_possessor_of_an_arrest_is_the_one_arrested(code: Coder) -> None:
    doc = code(
        "The opposition leader Ahmed Salem was held on Monday. Salem's arrest drew protests."
    )
    arrest = next(e for e in doc.events if e.trigger == "arrest")
    assert arrest.recipient is not None and "Salem" in arrest.recipient.text


def test_a_possessor_with_an_of_object_acts(code: Coder) -> None:
    doc = code("Iran's arrest of two British sailors angered London.")
    arrest = next(e for e in doc.events if e.trigger == "arrest")
    assert arrest.recipient is not None and arrest.recipient.country == "GBR"
