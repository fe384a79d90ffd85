"""An incident's toll leaves out sentences dated to another year, and the ones its telling
says were shot who died are not also injured (sentences are the project's own)."""

from __future__ import annotations

from typing import Any

from eventwire.coding.other_years import other_year
from eventwire.model import Document
from eventwire.stages.incident_toll import Toll, incident_injured
from eventwire.stages.incidents import main_attack
from labelled_docs import pipeline_doc


def _run(text: str, title: str | None = None) -> Document:
    return pipeline_doc(text, title, published="2016-03-09")


def test_a_sentence_dated_to_another_year(nlp: Any) -> None:
    assert other_year(nlp("A June 2013 shooting on the same block left three men dead.")[:], 2016)
    assert not other_year(nlp("Two men were shot on March 7, 2016, in Dayton.")[:], 2016)
    assert not other_year(nlp("Two men were shot on Monday night in Dayton.")[:], 2016)


def test_another_years_toll_is_not_the_incidents(nlp: Any) -> None:
    doc = _run(
        "A 9-year-old girl was wounded by a stray bullet on Monday, March 7, 2016, "
        "inside her home in Dayton, Ohio.\n\n"
        "She was taken to a hospital and is expected to recover, police said.\n\n"
        "Neighbors said a June 2013 shooting on the same block left three men dead.",
        title="Girl wounded by stray bullet in Dayton",
    )
    main = main_attack(doc.events)
    assert main is not None, [(e.type, e.sentence) for e in doc.events]
    assert (main.dead or 0) == 0
    assert main.injured == 1


def test_the_ones_shot_who_died_are_not_also_injured() -> None:
    # "a hunter was shot" (the telling's own 1 injured) beside "one person is dead"
    assert incident_injured(1, Toll(dead=1, injured=0)) == 0
    # "two men were shot" beside "one of them died": one injured
    assert incident_injured(2, Toll(dead=1, injured=1)) == 1
    # more injured than the dead explain: the telling's own figure stands
    assert incident_injured(3, Toll(dead=1, injured=1)) == 3
    assert incident_injured(1, Toll(dead=None, injured=None)) == 1
