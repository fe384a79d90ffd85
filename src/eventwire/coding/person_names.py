"""The name of the person a noun phrase names, if any.

A phrase names a person when its head is part of a PERSON entity ("Barack Obama") or
when a PERSON name stands beside the head as a compound or apposition ("the president,
Barack Obama"). The small model also tags some people's names as organisations or as no
entity at all, most often names it has not seen; a run of proper names right after a
title ("cleric Fethullah Gulen", "spokeswoman Ana Ruiz") is a person's name whatever its
entity tag, unless it names a place or an organisation the lists know.
"""

from __future__ import annotations

from typing import Any

from eventwire import knowledge

# Entity tags that a name after a title may carry and still be a person's.
_MISREAD_PEOPLE = frozenset({"", "ORG", "PERSON"})
_TITLE_KIND = "title"


def person_name(head: Any, tokens: list[Any]) -> str | None:
    """The person's name in the phrase ``tokens`` headed by ``head``, or None."""
    if head.ent_type_ == "PERSON":
        return " ".join(t.text for t in tokens if t.ent_type_ == "PERSON")
    for token in tokens:
        if token.dep_ in ("appos", "compound") and token.ent_type_ == "PERSON":
            return " ".join(t.text for t in tokens if t.ent_type_ == "PERSON" and t.i >= token.i)
    return titled_name(head, tokens)


def titled_name(head: Any, tokens: list[Any]) -> str | None:
    """The proper names that end the phrase after a title noun ("Islamic cleric
    Fethullah Gulen"): a person's name the model tagged otherwise, or None."""
    if head.pos_ != "PROPN" or head.ent_type_ not in _MISREAD_PEOPLE:
        return None
    position = next((i for i, t in enumerate(tokens) if t.i == head.i), None)
    if position is None:
        return None
    first = position
    while (
        first > 0
        and tokens[first - 1].pos_ == "PROPN"
        and tokens[first - 1].i == tokens[first].i - 1
    ):
        first -= 1
    if first == 0 or not 1 <= position - first + 1 <= 3:
        return None
    title = tokens[first - 1]
    if title.pos_ != "NOUN" or title.i != tokens[first].i - 1:
        return None
    term = knowledge.sector_terms().lookup(title.lower_)
    if term is None or term.kind != _TITLE_KIND:
        return None
    words = " ".join(t.text for t in tokens[first : position + 1])
    if any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in tokens[first : position + 1]):
        return None
    if knowledge.organizations().lookup(words) is not None:
        return None
    return words
