"""An attack whose doer the text names only by its weapon: an unidentified attacker.

"A car bomb killed 13 soldiers", "servicemen were killed by an improvised explosive
device", "a journalist was killed in a car bomb explosion": the subject or the "by" or
"in" phrase of the attack is a bomb, a mine or a blast, and nobody is named who set it.
An analyst codes such an attack as done by an unidentified armed party (UAF) of the
place, not as done by no one; a weapon said to be a state's or a group's ("an Israeli
bombing") has a country, and is left alone.

``weapon_attacker`` gives the attacker (UAF, marked ``inferred``; the ``actor_countries``
stage gives it the country of the event's place) for an attack whose actor phrase is
such a weapon, or that has none and whose "in"/"by" phrase names one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.model import Actor

__all__ = ["weapon_attacker"]

# Weapons and blasts that no one is named to have set off.
_WEAPON_NOUNS = frozenset(
    {"bomb", "bombing", "explosion", "blast", "device", "ied", "mine", "landmine",
     "grenade", "explosive", "explosives", "car-bomb"}
)  # fmt: skip
_WEAPON_PREPS = frozenset({"in", "by"})
_UNIDENTIFIED = "UAF"
_OWNER_DEPS = frozenset({"amod", "compound", "poss"})
_OWNER_ENTITIES = frozenset({"NORP", "GPE", "ORG"})


def _is_weapon(token: Any) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        token.lemma_.lower() in _WEAPON_NOUNS or token.lower_ in _WEAPON_NOUNS
    )


def _owned(weapon: Any) -> bool:
    """Whether a state or a group is named as the weapon's ("an Israeli bombing")."""
    return any(c.dep_ in _OWNER_DEPS and c.ent_type_ in _OWNER_ENTITIES for c in weapon.children)


def weapon_attacker(trigger: Any, actor: Actor | None, actor_root: Any | None) -> Actor | None:
    """The unidentified attacker of an attack told by its weapon, else None."""
    if actor is not None:
        if actor.sector is not None or actor.country is not None or actor_root is None:
            return None
        if not _is_weapon(actor_root):
            return None
        return replace(actor, sector=_UNIDENTIFIED, inferred=True)
    for child in trigger.children:
        if child.dep_ not in ("prep", "agent") or child.lower_ not in _WEAPON_PREPS:
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and _is_weapon(obj):
                if _owned(obj):
                    return None  # "in an Israeli bombing": a state's
                return Actor(text=obj.text, sector=_UNIDENTIFIED, inferred=True)
    return None
