"""The body a member word belongs to: "its members", "whose members", "the union's staff".

A word for the people of a body ("members", "employees", "officials", "leaders") says
nothing of who they are; the body that owns them does. English names that body by a
possessive before the word: a pronoun ("the union said its members would strike"), the
relative "whose" ("the squad whose members met him": the noun the clause describes) or
a noun with "'s" ("the company's employees"). Such members act for their body, so an
analyst codes them with the body's sector and country (LAB, BUS, REB ...), not as
private people.

``member_owner`` finds the token that names the owning body (the pronoun, the noun the
"whose" clause describes, or the possessive noun); the actors stage codes or resolves it
and ``with_body`` gives the member phrase that body's sector and country.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from eventwire.model import Actor

__all__ = ["MemberOwner", "member_owner", "with_body"]

# Words for the people of a body, whose sector is the body's.
_MEMBER_NOUNS = frozenset(
    {"member", "employee", "staff", "staffer", "official", "leader", "representative",
     "spokesman", "spokeswoman", "spokesperson", "executive"}
)  # fmt: skip
# Possessive pronouns that stand for a body, with the pronoun they resolve as.
_BODY_POSSESSIVES = {"its": "it", "their": "they"}
# Sectors that tell nothing of a body: a private person's.
_NO_BODY_SECTORS = frozenset({"CVL"})


@dataclass(frozen=True, slots=True)
class MemberOwner:
    """The token naming the body a member word belongs to."""

    token: Any
    pronoun: str | None  # "it" or "they" when the owner is a possessive pronoun


def member_owner(head: Any) -> MemberOwner | None:
    """The body that owns the members ``head`` names, or None."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _MEMBER_NOUNS:
        return None
    for child in head.children:
        if child.dep_ != "poss":
            continue
        word = child.lower_
        if word == "whose":
            clause = head.head
            while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
                return MemberOwner(clause.head, None)
            return None
        if word in _BODY_POSSESSIVES:
            return MemberOwner(child, _BODY_POSSESSIVES[word])
        if child.pos_ in ("NOUN", "PROPN"):
            return MemberOwner(child, None)
    return None


def with_body(member: Actor, body: Actor) -> Actor:
    """The member phrase with the body's sector and country, where the body has a
    sector that is not a private person's."""
    if body.sector is None or body.sector in _NO_BODY_SECTORS:
        return member
    if member.sector is not None and member.sector == body.sector:
        return replace(member, country=member.country or body.country)
    return replace(member, sector=body.sector, country=member.country or body.country)
