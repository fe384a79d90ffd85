"""A town attacked, besieged or put under curfew stands for the people who live there.

When the one an attack, a coercive act or a threat falls on is a town, a city or a
village ("shelled Iraqi towns", "imposed a curfew in the town of X", "threatened a
curfew in <city>"), the sufferers are its inhabitants: civilians (CVL, inferred). A
country named so keeps its own code (the state is the target of a threat to it), and a
place that acts is its government (``actor_defaults.default_sector``), not this.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire import knowledge
from eventwire.model import Actor, Event

# Types of an act that falls on the people of a place.
_SUFFERED_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
# Plain words for a place where people live.
_SETTLEMENT_WORDS = frozenset(
    {"town", "towns", "city", "cities", "village", "villages", "neighbourhood",
     "neighborhood", "neighbourhoods", "neighborhoods", "suburb", "suburbs", "hamlet"}
)  # fmt: skip
_PLACE_ENTITIES = frozenset({"GPE", "LOC"})


def _root(spacy_doc: Any, actor: Actor) -> Any | None:
    if spacy_doc is None or actor.start is None or actor.end is None:
        return None
    span = spacy_doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.root if span is not None else None


def _is_settlement(root: Any) -> bool:
    """Whether ``root`` names a town: a plain word for one ("the town of X", "Iraqi
    towns") or a place name that is no country's ("Cizre", "Algiers")."""
    if root.pos_ == "NOUN":
        return root.lower_ in _SETTLEMENT_WORDS
    if root.pos_ != "PROPN" or root.ent_type_ not in _PLACE_ENTITIES:
        return False
    entity = next((e for e in root.doc.ents if e.start <= root.i < e.end), None)
    name = entity.text if entity is not None else root.text
    return knowledge.countries().lookup_name(name) is None


def place_people(spacy_doc: Any, event: Event, recipient: Actor | None) -> Actor | None:
    """``recipient`` as the civilians of a town an attack, a coercive act or a threat
    falls on, when nothing gave it a sector; else ``recipient`` unchanged."""
    if recipient is None or recipient.sector is not None or event.type not in _SUFFERED_TYPES:
        return recipient
    if recipient.country in ("IGO", "NGO"):
        return recipient
    root = _root(spacy_doc, recipient)
    if root is None or not _is_settlement(root):
        return recipient
    return replace(recipient, sector="CVL", inferred=True)
