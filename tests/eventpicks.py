"""Picking events and actor codes out of coded documents, shared by the coding tests."""

from __future__ import annotations

from eventwire.model import Actor, Document, Event

Code = tuple[str | None, str | None]


def events_of(
    doc: Document,
    type_: str,
    *,
    trigger: str | None = None,
    start: str = "",
    required: bool = False,
) -> list[Event]:
    """The events of ``type_`` in ``doc``, optionally only those with ``trigger`` or whose
    sentence begins with ``start``; with ``required`` the test fails when there is none."""
    found = [
        e
        for e in doc.events
        if e.type == type_
        and (trigger is None or e.trigger == trigger)
        and e.sentence.startswith(start)
    ]
    if required:
        assert found, [(e.type, e.trigger) for e in doc.events]
    return found


def side_code(actor: Actor | None) -> Code:
    """An actor's (country, sector), or (None, None) for no actor."""
    return (actor.country, actor.sector) if actor is not None else (None, None)


def actor_codes(events: list[Event]) -> set[Code]:
    """The (country, sector) of each event's actor."""
    return {side_code(e.actor) for e in events}


def recipient_codes(events: list[Event]) -> set[Code]:
    """The (country, sector) of each event's recipient."""
    return {side_code(e.recipient) for e in events}
