"""A killing with no stated killer is the police's only where the sentence names them
(``stages/detector_police.py``): the detector's "police killed someone" score alone
does not make an unknown killer the police, nor do police named as who tells the news
or as the dead."""

from __future__ import annotations

import pytest

from eventwire.model import Actor, Detection, Document, Event, RawDocument
from eventwire.run.pipeline import Pipeline
from eventwire.stages.detector import apply_rules

THRESHOLDS = {"event": 0.2, "kill": 0.5, "arrest": 0.5}


def _with_killing(text: str, trigger: str) -> Document:
    """The text parsed, with one ASSAULT on ``trigger`` that names no killer."""
    [doc] = Pipeline(["clean", "parse", "actors"]).process_raw(RawDocument(text, "<test>"))
    sentence = doc.sentences[0]
    at = doc.text.index(trigger)
    doc.events = [
        Event("ASSAULT", sentence.text, sentence.start, sentence.end, trigger=trigger,
              trigger_start=at, trigger_end=at + len(trigger), dead=1)
    ]  # fmt: skip
    return doc


def _killers(doc: Document) -> list[Actor | None]:
    """The actors of the sentence's killings once the detector is sure the police
    killed someone in it."""
    sure = [Detection(s.start, s.end, 0.95, "ASSAULT", 0.9, 0.9, 0.0) for s in doc.sentences]
    apply_rules(doc, doc.sentences, sure, THRESHOLDS)
    return [e.actor for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # nobody named: the score alone does not make the police the killers
        ("Unconfirmed reports say two more people have been killed in the north.", "killed"),
        ("A farmer was shot dead in his field near the village on Monday.", "shot"),
        # the police tell the news
        ("Police said a six-year-old boy died on Sunday of a gunshot wound.", "died"),
        ("A police spokesman told reporters that a woman was killed near the depot.", "killed"),
    ],
)
def test_an_unknown_killer_is_not_made_the_police(text: str, trigger: str) -> None:
    assert _killers(_with_killing(text, trigger)) == [None]


def test_police_who_were_killed_are_not_the_killers() -> None:
    doc = _with_killing("Three policemen and a driver were killed in the ambush.", "killed")
    [police] = [a for a in doc.actors if a.sector == "COP"]
    doc.events[0].recipient = police
    assert _killers(doc) == [None]


def test_a_killing_in_police_firing_is_the_polices() -> None:
    doc = _with_killing("Two protesters were killed in police firing near the bridge.", "killed")
    [actor] = _killers(doc)
    assert actor is not None and actor.sector == "COP"
