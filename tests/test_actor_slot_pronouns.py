"""A "they" with no plural body near stands for a body named in the singular ("the
union said ...; they called on ...": ``coding.pronoun_bodies``)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Document

Coder = Callable[[str], Document]


def test_they_stands_for_a_union_named_in_the_singular(code_whole: Coder) -> None:
    doc = code_whole(
        "Talks over pay in Leeds stalled. The union said the offer was too low. "
        "They called on the council to intervene."
    )
    request = next(e for e in doc.events if e.type == "REQUEST")
    assert request.actor is not None and request.actor.sector == "LAB"


def test_they_never_stands_for_one_person(code_whole: Coder) -> None:
    doc = code_whole("A man in Leeds was fined for littering. They called on the council to act.")
    request = next(e for e in doc.events if e.type == "REQUEST")
    assert request.actor is None or request.actor.sector != "CVL"
