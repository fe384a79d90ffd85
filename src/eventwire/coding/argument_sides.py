"""The sides of an argument phrase: one actor per coded or named conjunct ("the Tokyo
and the New York stock exchanges"), per nationality ("Palestinian riots"), or per
member of a counted group ("the two leaders")."""

from __future__ import annotations

from typing import Any

from eventwire.coding.actors import code_phrase
from eventwire.coding.sides import nationality_sides, split_sides
from eventwire.coding.syntax import (
    NAMED_ENTITIES,
    NOT_PARTICIPANTS,
    conjuncts,
    doc_actor_at,
    doc_group_at,
    is_coded,
)
from eventwire.model import Actor, Document


def sides(doc: Document, head: Any | None) -> list[Actor | None]:
    """The actors of a possibly compound phrase: one per coded or named conjunct ("the
    Tokyo and the New York stock exchanges"), or the phrase itself when its conjuncts
    are not participants ("a network and ties")."""
    if head is not None and (own := nationality_sides(head)):  # "Palestinian riots"
        return list(own)
    actors: list[Actor | None] = []
    named: set[int] = set()  # the ids of uncoded actors the text names ("the NYSE")
    for token in conjuncts(head):
        group = doc_group_at(doc, token)  # "the two leaders": each of them
        if group:
            actors.extend(group)
            continue
        actor = _actor_of(doc, token)
        if actor is not None and token.pos_ == "PROPN" and token.ent_type_ in NAMED_ENTITIES:
            named.add(id(actor))
        actors.extend(split_sides(actor, token) if actor is not None else [actor])
    coded = [a for a in actors if is_coded(a) or id(a) in named]
    if len(coded) > 1:
        return list(coded)
    return [actors[0]] if actors else [None]


def _actor_of(doc: Document, token: Any) -> Actor | None:
    """The coded actor of an argument; a noun the actors stage did not take for an
    argument (a headline-like "The Iraqi air force carried out...") is coded here."""
    actor = doc_actor_at(doc, token)
    if token.dep_ == "poss" and token.pos_ == "PROPN":
        return code_phrase(token).actor  # "Putin's offer": Putin, not the offer
    if (
        actor is None
        and token.pos_ in ("NOUN", "PROPN")
        and token.ent_type_ not in NOT_PARTICIPANTS
    ):
        actor = code_phrase(token).actor
    return actor
