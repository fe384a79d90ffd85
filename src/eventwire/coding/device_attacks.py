"""Attacks told by the device that did them: a bomb, a blast, a landmine.

"A roadside bomb killed three soldiers", "two policemen were killed in a car bomb
explosion", "an explosion ripped through the station": news names the device when it
does not know who set it off. The one who set it off is an unidentified armed party
(UAF, as the sector lexicon codes "gunmen"), marked ``inferred``: the text names no one,
and the country is filled, as for any such side, from where it happened.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import Actor

_UNKNOWN_ATTACKER = "UAF"
# Devices and what they do, by lemma.
_DEVICES = frozenset(
    {"bomb", "blast", "explosion", "explosive", "landmine", "minefield", "ied", "grenade",
     "detonation"}
)  # fmt: skip
# Prepositions that tell the attack an act happened in ("killed in a blast", "by a bomb").
_MEANS_PREPS = frozenset({"in", "by"})


def is_device(token: Any) -> bool:
    """Whether ``token`` names an explosive device or its blast ("bomb", "explosion")."""
    return token.pos_ in ("NOUN", "PROPN") and (
        token.lemma_.lower() in _DEVICES or token.lower_ in _DEVICES
    )


def device_attacker(token: Any) -> Actor:
    """The unidentified party that set off the device ``token`` names."""
    return Actor(
        text=token.text,
        sector=_UNKNOWN_ATTACKER,
        start=token.idx,
        end=token.idx + len(token.text),
        inferred=True,
    )


def device_of_attack(trigger: Any) -> Any | None:
    """The device an attack with no named attacker was done by: the trigger itself ("an
    explosion ripped through"), else the object of its "in" or "by" ("killed in a car
    bomb explosion", "wounded by a grenade")."""
    if is_device(trigger):
        return trigger
    for prep in trigger.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in _MEANS_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and is_device(obj):
                return obj
    return None
