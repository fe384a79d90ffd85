"""What "he" and "she" can stand for: one person, never a body.

A personal pronoun refers to a person: someone named, or a person noun ("the doctor",
"a minister"). It never refers to an institution or a body, even one that the sector
lexicon codes like a person's role ("a law firm" is BUS as "a banker" is): in "the firm
said he had been charged", "he" is someone else.
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.actors import PLURAL_NOUNS

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Nouns of bodies and institutions, never one person.
BODY_NOUNS = frozenset(
    {"police", "government", "court", "company", "firm", "army", "ministry", "department",
     "agency", "party", "union", "council", "committee", "board", "authority",
     "administration", "regime", "military", "office", "university", "school", "church",
     "hospital", "centre", "center", "institute", "bank", "group", "organisation",
     "organization", "commission", "parliament", "congress", "senate", "club", "team",
     "force", "network", "newspaper", "station", "service", "campaign", "association"}
)  # fmt: skip
# Named entities that are no person ("the Center for Law and Justice" is an ORG).
_GROUP_ENTITIES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def names_body(token: Any) -> bool:
    """Whether the phrase headed by ``token`` names a body or an institution, which
    "he" or "she" never stands for ("a law firm", "the court", "the Justice Center")."""
    if token.ent_type_ == "PERSON":
        return False
    if token.pos_ == "PROPN" and token.ent_type_ in _GROUP_ENTITIES:
        # a name the tagger took for an organisation, after a person's title ("cleric
        # Fethullah Gulen"), may still be a person's
        return not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in token.children)
    return token.lemma_.lower() in BODY_NOUNS or token.lower_ in PLURAL_NOUNS
