"""The attack an article tells only through its toll (``stages/attacks.py``): a death
tells an attack where the article names an attack, a weapon or a killing, not where it
names none (the texts are the project's own)."""

from __future__ import annotations

from eventwire.model import Document, Event
from labelled_docs import pipeline_doc


def _attacks(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.type == "ASSAULT" and e.factual]


def test_a_death_of_illness_tells_no_attack() -> None:
    text = "The former mayor died of cancer at a hospital in Dayton on Friday, his family said."
    assert _attacks(pipeline_doc(text)) == []


def test_a_death_in_an_article_that_names_a_weapon_tells_an_attack() -> None:
    text = (
        "A 16-year-old boy died Sunday at a hospital in Dayton, police said.\n\n"
        "The handgun belonged to his uncle, detectives said."
    )
    attacks = _attacks(pipeline_doc(text))
    assert [e.dead for e in attacks] == [1]


def test_a_death_in_an_article_that_names_a_killing_tells_an_attack() -> None:
    text = (
        "A 16-year-old boy died Sunday at a hospital in Dayton, police said.\n\n"
        "Detectives are treating the death as a homicide."
    )
    attacks = _attacks(pipeline_doc(text))
    assert [e.dead for e in attacks] == [1]
