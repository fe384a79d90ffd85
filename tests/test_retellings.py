"""Retellings: an event an article tells again is listed once (the texts are the
project's own)."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.model import Actor, DatePrecision, Event, Place, Precision
from eventwire.stages.retellings import fold, is_retelling
from labelled_docs import pipeline_doc

_DAY = date(2024, 3, 4)


def _event(
    type_: str,
    start: int,
    actor: Actor | None,
    recipient: Actor | None,
    *,
    mode: str | None = None,
    day: date | None = _DAY,
    place: Place | None = None,
) -> Event:
    return Event(
        type=type_,
        sentence="x" * 50,
        start=start,
        end=start + 50,
        mode=mode,
        actor=actor,
        recipient=recipient,
        trigger_start=start + 10,
        trigger_end=start + 15,
        date=day,
        date_precision=DatePrecision.DAY if day else None,
        place=place,
    )


def _side(country: str, sector: str, start: int | None, name: str | None = None) -> Actor:
    return Actor(text=name or sector, name=name, country=country, sector=sector, start=start)


def _town(name: str, lat: float, lon: float) -> Place:
    return Place(
        text=name, start=0, end=len(name), name=name, lat=lat, lon=lon,
        country_code="XY", precision=Precision.POINT,
    )  # fmt: skip


def test_an_agentless_telling_of_the_same_attack_folds() -> None:
    # "A soldier shot the envoy on Monday." ... "The envoy was gunned down as he spoke."
    first = _event("ASSAULT", 0, _side("AAA", "MIL", 0), _side("BBB", "GOV", 20, "Jan Kowal"))
    later = _event("ASSAULT", 100, None, _side("BBB", "GOV", 100, "Jan Kowal"))
    assert is_retelling(first, later)


def test_an_actor_supplied_from_another_sentence_names_no_one() -> None:
    first = _event("ASSAULT", 0, _side("AAA", "MIL", 0), _side("BBB", "GOV", 20))
    later = _event("ASSAULT", 100, _side("AAA", "UAF", 5), _side("BBB", "GOV", 100))
    assert is_retelling(first, later)
    # named in its own sentence, with other codes: another attacker
    named = _event("ASSAULT", 100, _side("AAA", "UAF", 110), _side("BBB", "GOV", 100))
    assert not is_retelling(first, named)


def test_a_recipient_the_first_telling_does_not_code_is_not_the_same_side() -> None:
    # "Officials cracked down on opponents." ... "A pastor was detained in the port."
    first = _event("COERCE", 0, _side("AAA", "GOV", 0), Actor(text="opponents", start=30))
    later = _event("COERCE", 100, None, _side("AAA", "REL", 100))
    assert not is_retelling(first, later)


def test_another_victim_another_day_another_town_do_not_fold() -> None:
    first = _event(
        "ASSAULT", 0, _side("AAA", "MIL", 0), _side("BBB", "GOV", 20),
        place=_town("Alpha", 10.0, 10.0),
    )  # fmt: skip
    other_victim = _event("ASSAULT", 100, None, _side("BBB", "CVL", 100))
    other_day = _event("ASSAULT", 100, None, None, day=date(2024, 3, 1))
    other_town = _event("ASSAULT", 100, None, None, place=_town("Omega", 12.0, 12.0))
    for later in (other_victim, other_day, other_town):
        assert not is_retelling(first, later)


def test_a_town_in_the_country_of_the_first_telling_is_its_place() -> None:
    country = Place(
        text="Xland", start=0, end=5, name="Xland", lat=0.0, lon=0.0,
        country_code="XY", precision=Precision.COUNTRY,
    )  # fmt: skip
    first = _event("ASSAULT", 0, _side("AAA", "COP", 0), _side("BBB", "GOV", 20), place=country)
    later = _event(
        "ASSAULT", 100, _side("AAA", "COP", 105), _side("BBB", "GOV", 100),
        place=_town("Alpha", 10.0, 10.0),
    )  # fmt: skip
    later.actor = None
    assert is_retelling(first, later)


def test_a_folded_telling_is_kept_as_a_mention() -> None:
    first = _event("ASSAULT", 0, None, None)
    later = _event("ASSAULT", 100, None, None)
    later.dead = 2
    fold(first, later)
    assert first.retold == [later]
    assert first.dead == 2


def test_an_arrest_told_again_without_its_agent_is_one_event(nlp: Any) -> None:
    text = (
        "Police in Kenya arrested the opposition leader Ali Hassan in Nairobi on Monday.\n\n"
        "His party called a rally for Tuesday.\n\n"
        "Hassan was detained at his home in Nairobi on Monday."
    )
    doc = pipeline_doc(text, published="2024-03-04")
    arrests = [e for e in doc.events if e.type == "COERCE" and e.factual]
    assert len(arrests) == 1, [(e.sentence, e.actor, e.recipient) for e in arrests]
    assert arrests[0].retold


def test_an_arrest_told_as_one_more_is_an_event_of_its_own(nlp: Any) -> None:
    text = (
        "Police in Kenya arrested the opposition leader Ali Hassan in Nairobi on Monday.\n\n"
        "His party called a rally for Tuesday.\n\n"
        "Another opposition leader was also detained in Nairobi on Monday."
    )
    doc = pipeline_doc(text, published="2024-03-04")
    arrests = [e for e in doc.events if e.type == "COERCE" and e.factual]
    assert len(arrests) == 2, [(e.sentence, e.actor, e.recipient) for e in arrests]
