"""Shooting cues (``stages/attacks.py``): an attack told only by a gunshot wound, gunfire
or a bullet, and a shooting accident, is still a shooting (the sentences are the project's own)."""

from __future__ import annotations

from datetime import date

from eventwire.evaluate.casualties import main_event
from eventwire.model import Event, RawDocument


def _main(text: str, title: str | None = None) -> Event | None:
    from eventwire.run.pipeline import default_pipeline

    raw = RawDocument(text=text, origin="<test>", title=title, published=date(2016, 3, 7))
    docs = default_pipeline().process_raw(raw)
    return main_event([e for doc in docs for e in doc.events])


def test_a_death_from_a_gunshot_wound_is_an_attack() -> None:
    event = _main(
        "A 9-year-old boy has died after he suffered a gunshot wound at his home on "
        "Friday. He was taken to a children's hospital, where he was pronounced dead."
    )
    assert event is not None
    assert (event.dead, event.injured) == (1, 0)


def test_a_shooting_accident_is_still_a_shooting() -> None:
    event = _main(
        "A man was fatally shot in the chest in a hunting accident near Elmira on "
        "Saturday, the sheriff said."
    )
    assert event is not None
    assert event.dead == 1
