"""Days an incident's sentences give to a later step, not to the attack.

A sentence of the lead often tells the attack inside the phrase of a later step taken
against a suspect: "a man whose stepdaughter was shot was indicted Tuesday", "he was
charged Tuesday with the murder of his neighbor". The dates stage does not give such a
day to the attack told in that sentence (``timex.scope``); the incidents stage, looking
through the lead for the day of a main attack its own sentence leaves undated, must not
take it back either.
"""

from __future__ import annotations

from eventwire.model import Document, Event, TimeExpression
from eventwire.timex.clauses import verb_of_span
from eventwire.timex.scope import court_verb, deed_of_a_later_step, nested_in_argument

__all__ = ["day_of_a_later_step"]


def day_of_a_later_step(doc: Document, tellings: list[Event], timex: TimeExpression) -> bool:
    """Whether ``timex`` is the day of a court's step or of a step taken against a
    suspect whose subject, object or phrase tells one of ``tellings`` in the same
    sentence ("was indicted Tuesday", "charged Tuesday with the murder of")."""
    verb = verb_of_span(doc, timex.start, timex.end)
    if verb is None:
        return False
    for event in tellings:
        if event.trigger_start is None or not event.start <= timex.start < event.end:
            continue
        if court_verb(doc, verb) and nested_in_argument(doc, event, timex, verb):
            return True
        if deed_of_a_later_step(doc, event, timex, verb):
            return True
    return False
