"""Office holders and local bodies of the one country an article names.

A story that names one country only ("President Jane Doe threatened to ban Ruritanian
opposition rallies", "dock workers struck against the Ruritanian government's tax") is
about that country's own people: a title that the phrase gives without a country
("President X", "the governor", "General Y") is of that country, and so is a body or
group named by its kind only ("workers", "the elders", "police"). A story that names two
countries or more leaves them alone: a president may be visiting, or acting on, the
other one. So is a title that the article gives someone else of the one country
("Turkish President A", then "President B": B is president elsewhere).

What names the country is a phrase's own words (a state, its people, its capital or a
body of it), not a country a rule inferred, nor a pseudo-country (IGO, NGO). Two kinds of
phrase name a country that is not the story's: where someone was born or a group is
based ("a Mexican-born man", "a London-based charity"), and a diplomat's ("Moroccan
diplomats", "the ambassador of Ruritania"), who serves abroad. A diplomat is never
filled either, and neither are armed or criminal groups, which cross borders, nor
international bodies. The actor is marked ``inferred``: its phrase did not give the
country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventwire.knowledge import countries, sector_terms
from eventwire.model import Actor

# Sectors of a state's own office holders (a title word of one of these: "president",
# "general", "judge", "senator", "opposition leader").
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "ELI"})
# Sectors of groups that belong to no state's territory or cross borders.
_NOT_LOCAL_SECTORS = frozenset({"IGO", "NGO", "MNC", "HRI", "REB", "UAF", "CRM"})
# Titles of people who serve abroad.
_DIPLOMAT_TITLE = re.compile(
    r"\b(?:ambassadors?|envoys?|diplomats?|consuls?|emissar(?:y|ies)|attach[eé]s?)\b",
    re.IGNORECASE,
)
# Where someone was born or a group is based: their origin, not the story's setting.
_ORIGIN = re.compile(r"-(?:born|based)\b|\bborn in\b|\bnatives?\b", re.IGNORECASE)


def named_country(actors: Sequence[Actor]) -> str | None:
    """The one state (alpha-3) that the article's phrases name as its setting, or None
    when they name none or more than one."""
    known = countries()
    foreign = [a for a in actors if _ORIGIN.search(a.text) or _DIPLOMAT_TITLE.search(a.text)]
    named = {
        a.country
        for a in actors
        if a.country is not None
        and not a.inferred
        and known.by_iso3(a.country) is not None
        and not any(_within(a, f) for f in foreign)
    }
    return next(iter(named)) if len(named) == 1 else None


def _office_taken(actor: Actor, actors: Sequence[Actor], home: str) -> bool:
    """Whether the article names someone else of the ``home`` country with the title
    ``actor`` is named with ("Turkish President A" before "President B"): then
    ``actor`` holds it elsewhere."""
    if actor.name is None:
        return False
    titles = _titles(actor.text)
    surname = actor.name.split()[-1].lower()
    return bool(titles) and any(
        other.country == home
        and other.name is not None
        and surname not in other.name.lower().split()
        and titles & _titles(other.text)
        for other in actors
    )


def _titles(text: str) -> set[str]:
    """The title words of a phrase ("president" of "Turkish President X")."""
    terms = sector_terms()
    found = set()
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        term = terms.lookup(word)
        if term is not None and term.kind == "title":
            found.add(word)
    return found


def _within(actor: Actor, phrase: Actor) -> bool:
    """Whether ``actor`` is ``phrase`` or a phrase inside it ("Peru" of "the ambassador
    of Peru")."""
    if actor is phrase:
        return True
    start, end, outer_start, outer_end = actor.start, actor.end, phrase.start, phrase.end
    if start is None or end is None or outer_start is None or outer_end is None:
        return False
    return outer_start <= start and end <= outer_end


def is_office_title(actor: Actor, sector_kind: str | None) -> bool:
    """Whether ``actor`` is named by a title of a state's office and has no country."""
    return (
        actor.country is None
        and sector_kind == "title"
        and actor.sector in _OFFICE_SECTORS
        and not _DIPLOMAT_TITLE.search(actor.text)
    )


def is_unnamed_local(actor: Actor) -> bool:
    """Whether ``actor`` is a body or group the text names by its kind only, with a
    sector of a state's territory and no country ("workers", "the elders", "police")."""
    return (
        actor.country is None
        and actor.name is None
        and actor.sector is not None
        and actor.sector not in _NOT_LOCAL_SECTORS
        and not _DIPLOMAT_TITLE.search(actor.text)
    )


def with_home_country(actors: list[Actor], unplaced: Sequence[int]) -> None:
    """Give the actors at the ``unplaced`` positions (office titles and local bodies with
    no country) the one country the article names, and so every other mention of the
    same person."""
    home = named_country(actors)
    if home is None:
        return
    names: set[str] = set()
    for position in unplaced:
        actor = actors[position]
        if actor.country is not None or _office_taken(actor, actors, home):
            continue
        actors[position] = replace(actor, country=home, inferred=True)
        if actor.name is not None:
            names.add(actor.name)
    for position, actor in enumerate(actors):  # "he" after "President X"
        if actor.country is None and actor.name is not None and actor.name in names:
            actors[position] = replace(actor, country=home, inferred=True)
