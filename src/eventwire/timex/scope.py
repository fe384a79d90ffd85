"""Which clause a day of a sentence dates, when the event is told inside a noun phrase.

A sentence often names one happening inside the subject or object of a verb that tells
another: "the victim of Thursday's shooting remained in critical condition Friday
night", "a teen shot by police died Sunday", "two suspects in the killing were arrested
Monday", "the man who set the fire was charged Tuesday". The day written beside the
verb dates what the verb tells (the condition, the death, the arrest, the charge); the
happening named inside its subject or object took place before, on a day the sentence
does not give. A day written inside that phrase ("Thursday's shooting") stays the
happening's own.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Document, Event, TimeExpression

# Dependencies of the noun phrases that hold a happening told before the verb's.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _phrase_of(verb: Any, at: int) -> Any | None:
    """The subject or object of ``verb`` whose words hold the character ``at``."""
    for child in verb.children:
        if child.dep_ not in _ARGUMENTS:
            continue
        words = list(child.subtree)
        if words[0].idx <= at < words[-1].idx + len(words[-1]):
            return child
    return None


def nested_in_argument(doc: Document, event: Event, timex: TimeExpression, verb: int) -> bool:
    """Whether ``event``'s trigger is told inside the subject or object of ``verb`` (the
    verb whose clause holds ``timex``) -- not as that phrase's head noun ("the shooting
    happened Sunday" is the shooting's day) -- while ``timex`` stands outside the
    phrase: the day is the verb's, not the happening's ("the victim of the shooting
    died Sunday")."""
    if doc.spacy_doc is None or event.trigger_start is None:
        return False
    head = doc.spacy_doc[verb]
    phrase = _phrase_of(head, event.trigger_start)
    if phrase is None:
        return False
    if phrase.idx <= event.trigger_start < phrase.idx + len(phrase.text):
        return False  # the trigger heads the phrase
    words = list(phrase.subtree)
    return not words[0].idx <= timex.start < words[-1].idx + len(words[-1])
