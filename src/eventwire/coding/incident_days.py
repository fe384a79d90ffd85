"""Incident days: the day a telling of an attack gives when the main telling gives none.

An article's main telling of its attack often names no day ("a mother whose son was
shot is speaking out"), while another factual telling of the same kind does ("Saturday
night, police said someone opened fire at the teens"). That telling may not fold into
the main one because a side of it was coded otherwise (the speaker of "police said"
taken for the shooter), yet its day is still the attack's when it names one of its own,
in the week before publication, at a place that can be the same scene.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.coding.incident_places import same_scene
from eventwire.model import DatePrecision, Event
from eventwire.stages.factuality import HISTORICAL

# How long before publication a telling's own day may be the attack's.
_WEEK_DAYS = 7


def may_retell(main: Event, other: Event) -> bool:
    """Whether ``other`` may tell the attack ``main`` whatever its sides: of the same
    type, factual, no summary of the past, in another sentence, at the same scene."""
    return (
        other is not main
        and other.type == main.type
        and other.factual
        and HISTORICAL not in other.contexts
        and other.start != main.start
        and same_scene(main.place, other.place)
    )


def own_day(event: Event, published: date | None) -> date | None:
    """``event``'s own day when its sentence names one in the week up to ``published``."""
    if (
        event.date is None
        or event.date_from_publication
        or event.date_precision is not DatePrecision.DAY
        or published is None
    ):
        return None
    if not 0 <= (published - event.date).days <= _WEEK_DAYS:
        return None
    return event.date


# The verbs that say when or where something happened ("the shooting happened shortly
# after 1 a.m.", "it occurred Saturday", "the attack took place Friday night").
_OCCUR = frozenset({"happen", "occur"})


def tells_occurrence(span: Any) -> bool:
    """Whether ``span`` says that the attack happened: a verb of occurring ("happened",
    "occurred", "took place") whose subject names it (``_names_the_attack``)."""
    for token in span:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        takes_place = lemma == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "place" and not list(c.children)
            for c in token.children
        )
        if (lemma in _OCCUR or takes_place) and _names_the_attack(token):
            return True
    return False


# The nouns that name an attack as the subject of a verb of occurring.
_ATTACKS = frozenset(
    {"shooting", "attack", "incident", "killing", "stabbing", "homicide", "murder",
     "assault", "bombing", "explosion", "blast", "ambush", "raid", "gunfire"}
)  # fmt: skip


def _names_the_attack(verb: Any) -> bool:
    """Whether the subject of ``verb`` is an attack noun ("the shooting happened"), "it",
    or a relative pronoun of one ("the shooting that took place")."""
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lower_ == "it" or child.lemma_.lower() in _ATTACKS:
            return True
        if child.tag_ == "WDT" and verb.dep_ == "relcl":
            return verb.head.lemma_.lower() in _ATTACKS
    return False
