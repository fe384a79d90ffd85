"""Actor slots filled from names: a body known by its short name, a person's name the
model tags as something else when a title stands before it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span

from eventwire.coding.person_names import person_name
from eventwire.model import Document

Coder = Callable[[str], Document]


def test_the_security_council_is_the_un_body(code: Coder) -> None:
    doc = code("The Security Council demanded that the rebels in Mali lay down their arms.")
    actors = [e.actor for e in doc.events if e.actor is not None]
    assert actors and actors[0].country == "IGO"


def test_a_national_security_council_is_no_un_body(code: Coder) -> None:
    doc = code("The National Security Council met on Monday to discuss Chad.")
    consult = next(e for e in doc.events if e.type == "CONSULT")
    assert consult.actor is not None and consult.actor.country != "IGO"


def test_names_after_a_title_are_a_person_whatever_their_tag(nlp: Any) -> None:
    doc = nlp("Officials blamed the movement of exiled cleric Aram Velikov for the unrest.")
    name = [t for t in doc if t.text in ("Aram", "Velikov")]
    doc.ents = [Span(doc, name[0].i, name[-1].i + 1, label="ORG")]  # as the model may read it
    head = name[-1]
    tokens = [t for t in doc if t.i in (head.i - 2, head.i - 1, head.i)]
    assert person_name(head, tokens) == "Aram Velikov"


def test_a_body_named_after_a_title_word_is_no_person(nlp: Any) -> None:
    doc = nlp("The statement came from minister Paris Hilton.")
    head = doc[-2]
    doc.ents = [Span(doc, head.i, head.i + 1, label="GPE")]
    assert person_name(head, [doc[head.i - 2], doc[head.i - 1], head]) is None
