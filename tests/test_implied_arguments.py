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


def test_who_was_arrested_for_a_killing_did_it(code: Coder) -> None:
    doc = code("Police on Friday detained four men for allegedly beating a farmer to death.")
    beating = next(e for e in doc.events if e.type == "ASSAULT")
    assert beating.actor is not None and beating.actor.text == "four men"


def test_coordinated_reasons_go_back_to_the_object(code: Coder) -> None:
    doc = code("Police booked nine villagers for assaulting the officials and blocking the road.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor is not None and assault.actor.text == "nine villagers"


def test_a_reason_without_an_object_keeps_the_subject(code: Coder) -> None:
    doc = code("Two men were jailed for robbing a jeweller.")
    robbing = [e for e in doc.events if e.trigger == "robbing"]
    assert all(e.actor is None or e.actor.text == "Two men" for e in robbing)
