"""What is done again and again, told in the present simple.

"Every year, thousands of pilgrims march to the shrine", "the council meets each
month", "farmers block the road every spring", "the regiment parades annually": a
habit, no event of the day. The clause must be in the present simple (active, or
passive with "is"/"are"), and the repetition must be told by "every"/"each" and a unit
of time, or by an adverb of frequency by the calendar ("annually", "weekly").
Habitual adverbs with no calendar ("routinely", "usually") are left alone: PLOVER GSR
codes "soldiers routinely beat up detainees" as an event.
"""

from __future__ import annotations

from typing import Any

_UNITS = frozenset(
    {"year", "month", "week", "day", "night", "morning", "evening", "weekend", "summer",
     "winter", "spring", "autumn", "season", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "anniversary", "election", "time"}
)  # fmt: skip
_EVERY = frozenset({"every", "each"})
_CALENDAR_ADVERBS = frozenset({"annually", "yearly", "weekly", "daily", "monthly", "nightly"})


def _present_simple(verb: Any) -> bool:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.dep_ == "aux" and a.lower_ not in ("do", "does") for a in auxiliaries):
        return False
    if not auxiliaries:
        return bool(verb.tag_ in ("VBZ", "VBP"))
    return verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries)


def _repeats_by_calendar(verb: Any) -> bool:
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _CALENDAR_ADVERBS:
            return True
        if child.dep_ not in ("npadvmod", "prep", "advmod", "dobj"):
            continue
        for token in child.subtree:
            if (
                token.dep_ == "det"
                and token.lower_ in _EVERY
                and str(token.head.lemma_).lower() in _UNITS
            ):
                return True
    return False


def is_habitual(verb: Any) -> bool:
    """Whether the clause of ``verb`` tells a habit by the calendar in the present
    simple ("every year, pilgrims march to the shrine")."""
    return verb.pos_ in ("VERB", "AUX") and _present_simple(verb) and _repeats_by_calendar(verb)
