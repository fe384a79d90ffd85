"""Intents stage: a stated intention is itself an event.

PLOVER, following CAMEO, codes what a statement commits its speaker to:

- an intention to cooperate is AGREE ("the two leaders will meet again", "Norway is
  ready to send aid", "the rebels agreed to withdraw"): what happened is the
  commitment, not (yet) the meeting or the withdrawal;
- an intention to act against someone is THREATEN ("farmers said they would blockade
  the capital", "the army will strike the rebels");
- a refusal to cooperate is REJECT ("the government said it would not meet the
  hostage-takers' demands", "the minister declined to resign").

The factuality stage flags the meeting, the blockade or the resignation as future or
negated; this stage adds the event that did happen, with the same actor, recipient and
sentence. Whether a type is cooperative comes from its quad class (``types`` in
``event_patterns.yaml``). A merely hypothetical action ("could attack") is no
commitment, and a sentence already coded with the derived type for the same actor gets
no second one.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire import lexicon
from eventwire.model import Actor, Document, Event
from eventwire.pipeline import stage

_COOPERATIVE_QUADS = frozenset({1, 2})
_CONFIDENCE_FACTOR = 0.9


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.start, a.end) == (b.start, b.end)


def derived_type(event: Event, cooperative: bool) -> str | None:
    """The PLOVER type of the statement behind a flagged event, or None."""
    if event.hypothetical or not event.future:
        return None
    if event.negated:
        return "REJECT" if cooperative else None
    return "AGREE" if cooperative else "THREATEN"


def statement_event(event: Event, type_: str) -> Event:
    """The factual event of stating ``event`` as an intention (or a refusal)."""
    return replace(
        event,
        actor=replace(event.actor) if event.actor is not None else None,
        recipient=replace(event.recipient) if event.recipient is not None else None,
        type=type_,
        mode=None,
        contexts=list(event.contexts),
        negated=False,
        future=False,
        confidence=round(event.confidence * _CONFIDENCE_FACTOR, 2),
    )


@stage(
    "intents",
    requires=("doc.events", "event.future", "event.negated"),
    assigns=("doc.events",),
)
def add_intents(doc: Document) -> Document:
    types = lexicon.event_patterns().types
    added: list[Event] = []
    for event in doc.events:
        info = types.get(event.type)
        if info is None:
            continue
        type_ = derived_type(event, info.quad_class in _COOPERATIVE_QUADS)
        if type_ is None or type_ == event.type:
            continue
        covered = any(
            other.type == type_
            and other.start == event.start
            and other.factual
            and _same_actor(other.actor, event.actor)
            for other in [*doc.events, *added]
        )
        if not covered:
            added.append(statement_event(event, type_))
    doc.events.extend(added)
    doc.events.sort(key=lambda e: (e.start, e.trigger_start or 0))
    return doc
