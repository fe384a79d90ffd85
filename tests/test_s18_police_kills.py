"""A killing with no stated killer is the police's only where the sentence names them
(``stages/detector_police.py``): the detector's "police killed someone" score alone
does not make an unknown killer the police."""

from __future__ import annotations

import pytest

from eventwire.model import Detection, Document, Event, RawDocument
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


def _sure_police_killed(doc: Document) -> list[Detection]:
    return [Detection(s.start, s.end, 0.95, "ASSAULT", 0.9, 0.9, 0.0) for s in doc.sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Unconfirmed reports say two more people have been killed in the northern district.",
        "A farmer was shot dead in his field near the village on Monday.",
    ],
)
def test_an_unknown_killer_is_not_made_the_police(text: str) -> None:
    doc = _with_killing(text, "killed" if "killed" in text else "shot")
    apply_rules(doc, doc.sentences, _sure_police_killed(doc), THRESHOLDS)
    assert [e.actor for e in doc.events if e.type == "ASSAULT"] == [None]


def test_a_killing_in_police_firing_is_the_polices() -> None:
    doc = _with_killing("Two protesters were killed in police firing near the bridge.", "killed")
    apply_rules(doc, doc.sentences, _sure_police_killed(doc), THRESHOLDS)
    [event] = [e for e in doc.events if e.type == "ASSAULT"]
    assert event.actor is not None and event.actor.sector == "COP"


@pytest.mark.parametrize(
    "text",
    [
        "Police said a six-year-old boy died on Sunday of a gunshot wound.",
        "A police spokesman told reporters that a woman was killed near the depot.",
    ],
)
def test_police_who_tell_the_news_are_not_the_killers(text: str) -> None:
    doc = _with_killing(text, "died" if "died" in text else "killed")
    apply_rules(doc, doc.sentences, _sure_police_killed(doc), THRESHOLDS)
    assert all(e.actor is None for e in doc.events if e.type == "ASSAULT")


def test_police_who_were_killed_are_not_the_killers() -> None:
    doc = _with_killing("Three policemen and a driver were killed in the ambush.", "killed")
    [police] = [a for a in doc.actors if a.sector == "COP"]
    doc.events[0].recipient = police
    apply_rules(doc, doc.sentences, _sure_police_killed(doc), THRESHOLDS)
    assert [e.actor for e in doc.events if e.type == "ASSAULT"] == [None]
