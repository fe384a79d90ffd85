"""Whether an argument phrase names a party: people, a group, a state, a coded place
(not a thing a modifier colours, "military aid"), and whether a noun names an event.
Shared by the argument finder and its fallbacks."""

from __future__ import annotations

from typing import Any

from eventwire.coding import lexicon
from eventwire.coding.actors import is_part_of_group
from eventwire.coding.syntax import (
    NAMED_ENTITIES,
    NOT_PARTICIPANTS,
    PERSONAL_PRONOUNS,
    doc_actor_at,
    is_sector_word,
    of_objects,
)
from eventwire.model import Document

PLACES = frozenset({"GPE", "LOC", "FAC"})


def names_actor_itself(token: Any) -> bool:
    """Whether a noun names people or a group by its own words or entity type."""
    return token.ent_type_ in NAMED_ENTITIES or is_sector_word(token)


def is_coded_place(doc: Document, token: Any) -> bool:
    """Whether a phrase names a place of a known country ("Iraq", "the West Bank
    cities", "the territory of Kashmir")."""
    actor = doc_actor_at(doc, token)
    if actor is None or not actor.country:
        return False
    return any(t.ent_type_ in PLACES for t in token.subtree)


def names_participant_itself(token: Any) -> bool:
    """Whether a noun by its own words names people, a group or a state: a name, a
    sector word ("traders", "rebel group"), or part of such a group ("some of the
    observers"); not a thing a modifier colours ("military action")."""
    if token.pos_ in ("PRON", "NUM") and is_part_of_group(token):
        return any(names_participant_itself(o) for o in of_objects(token))
    if token.ent_type_ in NOT_PARTICIPANTS:  # "millions of workers"
        return any(names_participant_itself(o) for o in of_objects(token))
    if token.pos_ == "PRON":
        return token.lower_ in PERSONAL_PRONOUNS
    return token.ent_type_ in NAMED_ENTITIES or token.pos_ == "PROPN" or is_sector_word(token)


def is_party(doc: Document, head: Any | None) -> bool:
    """Whether a recipient head names a party (people, a group, a state, a coded place,
    a pronoun), not a thing coloured by a modifier ("military aid", "UN sanctions")."""
    if head is None:
        return False
    if head.pos_ == "PRON" or names_participant_itself(head) or is_coded_place(doc, head):
        return True
    # "rejected Tehran's proposal", "hailed the rebels' decision": whose thing it is
    return any(
        c.dep_ == "poss" and c.pos_ != "PRON" and names_participant_itself(c) for c in head.children
    )


def is_event_noun(token: Any) -> bool:
    if token.pos_ != "NOUN":
        return False
    patterns = lexicon.event_patterns()
    lemma = token.lemma_.lower()
    return bool(patterns.for_noun(lemma) or patterns.for_ended_noun(lemma))
