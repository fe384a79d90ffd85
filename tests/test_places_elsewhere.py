"""Places that place no event while the article has another: a hospital's town, a
person's home town, a toponym more likely wrong than right (``stages.places.placeable``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from eventwire.model import Document, Event, RawDocument
from eventwire.stages.places import placeable


def _run(text: str) -> Document:
    from eventwire.run.pipeline import default_pipeline

    raw = RawDocument(text=text, origin="<test>", published=date(2016, 7, 25))
    docs = default_pipeline().process_raw(raw)
    assert len(docs) == 1
    return docs[0]


def _attack(doc: Document) -> Event:
    return next(e for e in doc.events if e.type == "ASSAULT" and e.factual)


def _names(places: list[Any]) -> list[str | None]:
    return [p.name for p in places]


def test_a_hospitals_town_does_not_place_the_attack(nlp: Any) -> None:
    doc = _run(
        "Police in Sumter are looking for a gunman.\n\n"
        "A teenager who was shot on Friday night was flown to a hospital in Columbia."
    )
    attack = _attack(doc)
    assert attack.place is not None and attack.place.name == "Sumter"
    assert "Columbia" not in _names(placeable(doc, doc.places))


def test_a_persons_home_town_is_no_scene_when_another_place_is_named(nlp: Any) -> None:
    doc = _run(
        "Deputies in Tifton found Darnell Cobb, 19, of Valdosta, with a gunshot wound on Saturday."
    )
    names = _names(placeable(doc, doc.places))
    assert "Tifton" in names
    assert "Valdosta" not in names


def test_a_home_town_stays_when_it_is_the_only_place(nlp: Any) -> None:
    doc = _run("Darnell Cobb, 19, of Atlanta, was shot and wounded on Saturday.")
    assert "Atlanta" in _names(placeable(doc, doc.places))


def test_a_doubted_place_yields_to_a_sure_one(nlp: Any) -> None:
    doc = _run("A man was shot in Macon on Saturday. He was later seen in Perry.")
    places = [
        replace(p, confidence=0.3) if p.name == "Perry" else replace(p, confidence=0.9)
        for p in doc.places
    ]
    assert "Perry" in _names(places)
    kept = _names(placeable(doc, places))
    assert "Macon" in kept and "Perry" not in kept
    # alone, the doubted place is kept: better a doubtful place than none
    alone = [p for p in places if p.name == "Perry"]
    assert _names(placeable(doc, alone)) == ["Perry"]
