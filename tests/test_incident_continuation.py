"""An incident set beside an earlier one: the sentence right after the one that names
the other time, naming no time of its own, goes on telling that other incident (the
texts are the project's own)."""

from __future__ import annotations

from eventwire.model import Document, Event
from labelled_docs import pipeline_doc


def _attacks(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.type == "ASSAULT" and e.factual]


TEXT = (
    "A 9-year-old girl was wounded by a stray bullet Monday evening at a home in Dayton, "
    "Ohio.\n\n"
    "She was taken to a hospital and is expected to recover, police said.\n\n"
    "The shooting happened two blocks from a March 2014 shooting that left a teenager "
    "dead.\n\n"
    "A 15-year-old boy was shot in the chest and killed as he walked home from school."
)


def test_a_sentence_going_on_telling_an_earlier_incident_adds_no_dead() -> None:
    main = _attacks(pipeline_doc(TEXT, published="2016-07-26"))[0]
    assert not main.dead
    assert main.injured == 1
