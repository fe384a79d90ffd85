"""Trigger words read in a sense their event type does not have.

- *fight for a cause*: "fight for" a cause or a good ("fight for independence",
  "fighting for their lives", "fought for workers' rights") is a struggle, no armed
  attack, unless an armed side or a place is fought over ("fought for control of the
  town" stays an attack);

("gave a speech in Paris" is no "give in": ``coding.triggers`` reads a preposition after
a direct object as no particle.)

``other_sense_reason`` returns the reason, or None.
"""

from __future__ import annotations

from typing import Any

# What one fights over by arms: control, a place, territory.
_ARMED_STAKES = frozenset(
    {"control", "territory", "town", "city", "village", "hill", "area", "region", "border",
     "airport", "base", "road", "bridge", "port", "province", "district", "capital",
     "stronghold", "position", "land", "island", "oilfield", "field"}
)  # fmt: skip
_DURATIONS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "month", "year", "while", "time"}
)
_FIGHTING = frozenset({"fight", "battle", "struggle", "campaign"})


def other_sense_reason(trigger: Any, verb: Any, type_: str | None) -> str | None:
    """The sense ``trigger`` is used in when its type does not fit it, or None."""
    if type_ == "ASSAULT" and _fights_for_cause(trigger):
        return "cause"
    return None


def _fights_for_cause(trigger: Any) -> bool:
    """ "fight for independence", "fighting for their lives": a "for" phrase on the verb,
    no direct object, and no armed stake ("fought for control of the town")."""
    if str(trigger.lemma_).lower() not in _FIGHTING or trigger.pos_ != "VERB":
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") for c in trigger.children):
        return False  # "fought the rebels"
    stakes = [
        o
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if not stakes:
        return False
    return not any(
        str(o.lemma_).lower() in _ARMED_STAKES | _DURATIONS
        or o.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME")
        for o in stakes
    )  # "fought for nearly four hours": a duration, the fight all the same
