"""An attack whose doer the text names only by its weapon: an unidentified attacker.

"A car bomb killed 13 soldiers", "servicemen were killed by an improvised explosive
device", "a journalist was killed in a car bomb explosion": the subject or the "by" or
"in" phrase of the attack is a bomb, a mine or a blast, and nobody is named who set it.
An analyst codes such an attack as done by an unidentified armed party (UAF) of the
place, not as done by no one; a weapon said to be a state's or a group's ("an Israeli
rocket") has a country, and is left alone.

An attack told as a state's ("US drone attacks killed eight", "killed in Israeli tank
shelling") is its military's: ``state_attack_force`` gives the named state's MIL.

``weapon_attacker`` gives the attacker (UAF, marked ``inferred``; the ``actor_countries``
stage gives it the country of the event's place) for an attack whose actor phrase is
such a weapon, or that has none and whose "in"/"by" phrase names one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.model import Actor

__all__ = ["state_attack_force", "weapon_attacker"]

# Weapons and blasts that no one is named to have set off.
_WEAPON_NOUNS = frozenset(
    {"bomb", "bombing", "explosion", "blast", "device", "ied", "mine", "landmine",
     "grenade", "explosive", "explosives", "car-bomb"}
)  # fmt: skip
_WEAPON_PREPS = frozenset({"in", "by"})
# Attacks a state's forces make: "US drone attacks", "Russian shelling", "Israeli fire".
_FORCE_ATTACKS = frozenset(
    {"attack", "strike", "airstrike", "shelling", "bombardment", "bombing", "raid",
     "offensive", "fire", "gunfire", "artillery", "missile", "rocket", "drone", "shell"}
)  # fmt: skip
_NOT_STATES = frozenset({"IGO", "NGO"})
_STATE_ENTITIES = frozenset({"NORP", "GPE"})
_STATE_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
_FORCES = "MIL"
_UNIDENTIFIED = "UAF"


def _is_weapon(token: Any) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        token.lemma_.lower() in _WEAPON_NOUNS or token.lower_ in _WEAPON_NOUNS
    )


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
                if any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in
                       ("NORP", "GPE", "ORG") for c in obj.children):
                    return None  # "in an Israeli bombing": a state's
                return Actor(text=obj.text, sector=_UNIDENTIFIED, inferred=True)
    return None


def state_attack_force(actor: Actor, actor_root: Any | None) -> Actor | None:
    """A state's military for an attack told as the state's ("US drone attacks killed",
    "killed in Israeli tank shelling"): an attack noun with the state named and no
    sector, else None."""
    if actor.sector is not None or actor.country is None or actor.country in _NOT_STATES:
        return None
    if actor_root is None:
        return None
    nouns = [actor_root]
    if actor_root.dep_ in ("amod", "compound", "nmod", "poss"):
        nouns.append(actor_root.head)  # "Israeli | tank shelling"
    if not any(n.pos_ == "NOUN" and n.lemma_.lower() in _FORCE_ATTACKS for n in nouns):
        return None
    if not any(_names_state(t) for n in nouns for t in n.subtree if t.i < n.i):
        return None  # the state's name must stand before the attack noun itself
    return replace(actor, sector=_FORCES)


def _names_state(token: Any) -> bool:
    return token.ent_type_ in _STATE_ENTITIES and token.dep_ in _STATE_MODIFIERS
