"""Intents stage: a stated intention to cooperate is itself an event.

PLOVER, following CAMEO's "express intent to cooperate" codes, records "the two leaders
will meet again", "Norway offered to mediate", "the rebels agreed to withdraw" and "the
donors are ready to send aid" as AGREE: what happened is the commitment, not (yet) the
meeting or the withdrawal. The factuality stage flags the meeting as future; this stage
adds the AGREE event that did happen, with the same actor, recipient and sentence.

Cooperative types are those whose quad class (``types`` in ``event_patterns.yaml``) is
verbal or material cooperation. An intent that is negated or merely hypothetical is not
a commitment, and a sentence already coded AGREE for the same actor gets no second one.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire import lexicon
from eventwire.model import Actor, Document, Event
from eventwire.pipeline import stage

INTENT_TYPE = "AGREE"
_COOPERATIVE_QUADS = frozenset({1, 2})
_CONFIDENCE_FACTOR = 0.9


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.start, a.end) == (b.start, b.end)


def intent_event(event: Event) -> Event:
    """The AGREE event stating the intent behind a future cooperative ``event``."""
    return replace(
        event,
        type=INTENT_TYPE,
        mode=None,
        contexts=list(event.contexts),
        future=False,
        confidence=round(event.confidence * _CONFIDENCE_FACTOR, 2),
    )


@stage(
    "intents",
    requires=("doc.events", "event.future"),
    assigns=("doc.events",),
)
def add_intents(doc: Document) -> Document:
    types = lexicon.event_patterns().types
    added: list[Event] = []
    for event in doc.events:
        info = types.get(event.type)
        if not event.future or event.negated or event.hypothetical or info is None:
            continue
        if info.quad_class not in _COOPERATIVE_QUADS or event.type == INTENT_TYPE:
            continue
        covered = any(
            other.type == INTENT_TYPE
            and other.start == event.start
            and other.factual
            and _same_actor(other.actor, event.actor)
            for other in [*doc.events, *added]
        )
        if not covered:
            added.append(intent_event(event))
    doc.events.extend(added)
    doc.events.sort(key=lambda e: (e.start, e.trigger_start or 0))
    return doc
