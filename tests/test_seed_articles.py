"""The seed articles in ../shared/samples go all the way to located, dated events."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

import eventwire
from eventwire.model import Document

BELGRADE = (44.804, 20.465)
STEPANAKERT = (39.815, 46.752)  # Khankendi


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seed_docs(shared_dir: Path) -> list[Document]:
    path = shared_dir / "samples" / "000_28d2adfbf784f50e.txt"
    if not path.exists():
        pytest.skip("seed sample not present")
    return eventwire.process_dump(path)


def test_belgrade_assault(seed_docs: list[Document]) -> None:
    assert len(seed_docs) == 2
    doc = seed_docs[1]
    assaults = [
        e for e in doc.events if e.type == "ASSAULT" and e.factual and e.trigger == "wounded"
    ]
    assert len(assaults) == 1
    event = assaults[0]
    assert event.date == date(2024, 6, 29)
    assert event.place is not None and event.place.lat is not None and event.place.lon is not None
    assert _km(event.place.lat, event.place.lon, *BELGRADE) < 50
    assert event.recipient is not None
    assert (event.recipient.country, event.recipient.sector) == ("SRB", "COP")
    assert event.injured == 1


def test_officer_kills_attacker_and_arrest(seed_docs: list[Document]) -> None:
    doc = seed_docs[1]
    shootings = [e for e in doc.events if e.type == "ASSAULT" and e.trigger == "shooting"]
    assert shootings and shootings[0].dead == 1
    assert shootings[0].actor is not None and shootings[0].actor.sector == "COP"
    arrests = [e for e in doc.events if e.type == "COERCE" and e.mode == "arrest"]
    assert arrests and arrests[0].arrested == 1


def test_likely_involvement_is_not_a_fact(seed_docs: list[Document]) -> None:
    doc = seed_docs[0]
    sentence = next(s for s in doc.sentences if "likely to get involved" in s.text)
    sentence_events = [e for e in doc.events if e.start == sentence.start]
    # Nothing in that sentence happened, except the statement of intent itself.
    assert all(not e.factual or e.type == "AGREE" for e in sentence_events)


def test_karabakh_offensive_dated_tuesday(seed_docs: list[Document]) -> None:
    doc = seed_docs[0]
    assaults = [e for e in doc.events if e.type == "ASSAULT" and e.factual]
    assert any(
        e.actor is not None and e.actor.country == "AZE" and e.date == date(2023, 9, 19)
        for e in assaults
    ), [(e.trigger, e.actor, e.date) for e in assaults]
    offensive = next(
        e for e in assaults if e.actor is not None and e.actor.country == "AZE" and e.date
    )
    place = offensive.place
    assert place is not None and place.lat is not None and place.lon is not None
    assert _km(place.lat, place.lon, *STEPANAKERT) < 150


def test_background_is_no_news_event(seed_docs: list[Document]) -> None:
    doc = seed_docs[0]
    standing = next(s for s in doc.sentences if "internationally recognized" in s.text)
    assert [e for e in doc.events if e.start == standing.start] == []
    series = next(s for s in doc.sentences if "rounds of talks" in s.text)
    talks = [e for e in doc.events if e.start == series.start]
    assert talks and all("historical" in e.contexts and e.date is None for e in talks)
