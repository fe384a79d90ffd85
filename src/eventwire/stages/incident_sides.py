"""The sides of a telling that the incidents stage may compare with another's.

A news sentence often names its source as the subject of a verb of speech and tells
the attack in that verb's complement, or as the object of "according to": "Authorities say the girl and her mother had
returned home when robbers ambushed them", "Saturday night, police said someone opened
fire at the teens". When the coding of sides takes that speaker for a side of the attack
(the recipient "Authorities", the actor "police"), the speaker is no evidence that the
telling is of another attack: the incidents stage leaves such a side out before it asks
whether two tellings can be done by the same side to the same side.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Actor, Document, Event

__all__ = ["compared_sides"]

# Verbs (lemmas) of speech whose subject is the source of what their complement tells.
_SPEECH = frozenset({"say", "tell", "report", "announce", "state", "add", "confirm"})


def _speaker(doc: Document, event: Event, side: Actor | None) -> bool:
    """Whether ``side`` is the subject of a verb of speech other than ``event``'s
    trigger ("Authorities say ... robbers ambushed them")."""
    if side is None or side.start is None or side.end is None or doc.spacy_doc is None:
        return False
    span = doc.spacy_doc.char_span(side.start, side.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if _according_to(root):
        return True  # "the shooting death of a girl, according to the Sheriff's Office"
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in _SPEECH:
        return False
    return event.trigger_start is None or verb.idx != event.trigger_start


def _according_to(word: Any) -> bool:
    """Whether ``word`` is the object of "according to"."""
    to = word.head
    return word.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


def compared_sides(doc: Document | None, event: Event) -> tuple[Actor | None, Actor | None]:
    """``event``'s actor and recipient, each left out (None) when it is the speaker of
    the sentence rather than a side of the attack."""
    if doc is None:
        return event.actor, event.recipient
    actor = None if _speaker(doc, event, event.actor) else event.actor
    recipient = None if _speaker(doc, event, event.recipient) else event.recipient
    return actor, recipient
