"""The sides of an event told again by a definite noun ("the attack", "the protest").

A news story tells its attack first with its doer ("A policeman shot the ambassador")
and then refers back to it with "the" and an attack noun, naming no doer again: "The
attack, condemned by the White House, ...", "Three people were wounded in the
shooting". Such a sentence tells the same attack, so an analyst codes it with the
attacker (and, for the noun itself, the target) of the attack told before.

The same holds for any event a definite noun tells with no party of its own ("The
protest drew thousands", "the talks ended without a deal"): the first event of its type
whose doer the text names.

``event_antecedent`` finds the definite attack noun of an event with no actor (the
trigger itself, or the noun of its "in"/"during"/"after" phrase) and the story's first
attack whose actor the text names (not one a rule inferred): the lead tells the attack
the story is about, and later sentences name it "the attack".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.model import Actor, Document, Event

__all__ = ["EventReference", "event_antecedent"]

# Nouns that tell an attack as a whole; "the attack" refers back to one told before.
_ATTACK_NOUNS = frozenset(
    {"attack", "assault", "shooting", "stabbing", "bombing", "blast", "explosion",
     "ambush", "massacre", "assassination", "killing", "raid", "strike", "airstrike"}
)  # fmt: skip
# Determiners that point back to something already told.
_BACK_DETERMINERS = frozenset({"the", "this", "that"})
# Prepositions of a clause's scene: "wounded in the attack", "died after the shooting".
_SCENE_PREPS = frozenset({"in", "during", "after", "from"})


@dataclass(frozen=True, slots=True)
class EventReference:
    """The sides an event told again takes from the event of its type told before it."""

    actor: Actor
    recipient: Actor | None  # only when the event is the definite noun itself


def _definite_attack(token: Any) -> bool:
    if token.lemma_.lower() not in _ATTACK_NOUNS:
        return False
    return _definite_noun(token)


def _definite_noun(token: Any) -> bool:
    """A noun with "the"/"this"/"that" and no modifier of its own before it."""
    if token.pos_ != "NOUN":
        return False
    children = list(token.children)
    if any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in children if c.i < token.i):
        return False  # "the Istanbul attack", "the police raid": a told attack of its own
    return any(c.dep_ == "det" and c.lower_ in _BACK_DETERMINERS for c in children)


def _trigger(doc: Document, event: Event) -> Any | None:
    if doc.spacy_doc is None or event.trigger_start is None:
        return None
    end = event.trigger_end or event.trigger_start + 1
    span = doc.spacy_doc.char_span(event.trigger_start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _scene_noun(trigger: Any) -> Any | None:
    """The definite attack noun of the trigger's "in"/"after" phrase ("were wounded in
    the attack")."""
    for child in trigger.children:
        if child.dep_ != "prep" or child.lower_ not in _SCENE_PREPS:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and _definite_attack(obj):
                return obj
    return None


def event_antecedent(doc: Document, event: Event) -> EventReference | None:
    """The sides of the earlier event a definite noun refers back to, for an event whose
    sentence names no doer."""
    if event.actor is not None:
        return None
    trigger = _trigger(doc, event)
    if trigger is None:
        return None
    if event.type == "ASSAULT":
        itself = _definite_attack(trigger)
        if not itself and _scene_noun(trigger) is None:
            return None
    else:
        itself = _definite_noun(trigger)
        if not itself:
            return None
    earlier = [
        e for e in doc.events
        if e.type == event.type and e.start < event.start and e.factual and e.actor is not None
        and not e.actor.inferred
    ]  # fmt: skip
    # The story's own attack, told first, is the one "the attack" names.
    told = min(earlier, key=lambda e: (e.start, e.trigger_start or 0), default=None)
    if told is None or told.actor is None:
        return None
    recipient = told.recipient if itself and event.recipient is None else None
    return EventReference(told.actor, recipient)
