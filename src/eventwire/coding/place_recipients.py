"""The people of a place an attack or a measure falls on.

An attack on a town, a village or a region ("shelled the town of X", "retook western
Y", "imposed a curfew in the town of Z") falls on the people who live there: the
recipient names a place, and its sector is theirs, private people (CVL, inferred). A
state named as such ("attacked Iraq") is its government, and is left alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire import knowledge
from eventwire.model import Actor, Event

# Events whose recipient suffers them: an attack, a curfew, a blockade.
_SUFFERED_TYPES = frozenset({"ASSAULT", "COERCE"})
# Nouns of a settled place or an area.
_PLACE_NOUNS = frozenset(
    {"town", "village", "city", "region", "district", "province", "area", "suburb",
     "neighbourhood", "neighborhood", "county", "municipality", "settlement", "enclave"}
)  # fmt: skip
_PLACE_ENTITIES = frozenset({"GPE", "LOC"})
# What makes a country's name a region of it ("western Cambodia").
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "northeastern", "northwestern", "southeastern", "southwestern"}
)  # fmt: skip


def _is_settled_place(root: Any) -> bool:
    """Whether a phrase headed by ``root`` names a town or a region, not a state."""
    if root.pos_ == "NOUN":
        return root.lemma_.lower() in _PLACE_NOUNS
    if root.pos_ != "PROPN" or root.ent_type_ not in _PLACE_ENTITIES:
        return False
    entity = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    text = entity.text if entity is not None else root.text
    if knowledge.countries().lookup_name(text) is None:
        return True
    return any(c.lower_ in _DIRECTIONS for c in root.children if c.dep_ in ("amod", "compound"))


def place_people(root: Any | None, event: Event, recipient: Actor | None) -> Actor | None:
    """``recipient`` as the private people of the town or region it names (CVL,
    inferred) when an attack or a measure falls on it and the text gives no sector."""
    if recipient is None or recipient.sector is not None or root is None:
        return recipient
    if event.type not in _SUFFERED_TYPES or recipient.country in ("IGO", "NGO"):
        return recipient
    if not _is_settled_place(root):
        return recipient
    return replace(recipient, sector="CVL", inferred=True)
