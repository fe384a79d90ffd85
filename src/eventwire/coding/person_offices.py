"""A person's office, told once in an article, stays with every mention of them.

News names an office holder's post once and then only the surname: "Police detained
Jane Doe on Friday. Doe, the town's mayor, denied wrongdoing. Doe accused prosecutors of
a political attack." A mention that no words of its own give a sector ("Jane Doe",
"Doe") takes the sector of the mention that gives the person's title ("Doe, the town's
mayor"), and its country when it has none, wherever that mention stands. A surname that
the small model reads as a place or an organisation counts when some mention reads the
same surname as a person's. A surname that two titled mentions give different sectors
(two people of one family name) is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from eventwire.model import Actor


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One mention that may name a person: where its actor stands in the article's
    list, the name (the phrase's person, else its proper-noun head), whether the phrase
    gives a title, and whether the name was read as a person's."""

    position: int
    person: str
    titled: bool
    read_as_person: bool


def _surname(person: str) -> str:
    parts = person.split()
    return parts[-1].lower() if parts else ""


def spread_offices(actors: list[Actor], mentions: Sequence[PersonMention]) -> None:
    """Give the mentions of a person that have no sector the sector (and, lacking one,
    the country) of the mention that names the person's office."""
    people = {_surname(m.person) for m in mentions if m.read_as_person}
    offices: dict[str, list[Actor]] = {}
    for mention in mentions:
        actor = actors[mention.position]
        if mention.titled and actor.sector is not None:
            offices.setdefault(_surname(mention.person), []).append(actor)
    for mention in mentions:
        actor = actors[mention.position]
        if mention.titled or actor.sector is not None:
            continue
        if _surname(mention.person) not in people:
            continue  # a proper name that no mention reads as a person's ("Kenya")
        titled = offices.get(_surname(mention.person), [])
        if len({t.sector for t in titled}) != 1:
            continue  # no office told, or two people of one surname
        office = titled[0]
        if actor.country is None and office.country is not None:
            actor = replace(actor, country=office.country, inferred=office.inferred)
        actors[mention.position] = replace(actor, sector=office.sector)
