"""Actors named by the country words in front of a noun.

Two cases the phrase coder (``actor_coding.code_phrase``) leaves whole:

- coordinated nationality words make one side per country: "Japanese and Australian
  armies" are a Japanese army and an Australian army (JPN MIL, AUS MIL); "UK and EU
  negotiators" are British and EU negotiators;
- a nationality word on an event noun names who does it: "Palestinian riots" are riots
  by Palestinians, "Russian shelling of the town" shelling by Russia, "NATO air strikes"
  strikes by NATO. Only demonyms, organisations and names written as initialisms ("US
  sanctions") count: a full country name in front of an event noun more often names
  where or against whom ("the Iraq war", "Iran sanctions").

Words that make a nationality an ethnicity or a stance ("ethnic Albanian", "pro-Iranian")
are never sides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from eventwire import knowledge
from eventwire.coding.actors import actor_at, in_person_name, is_not_nationality, ngrams
from eventwire.model import Actor

# Words that may stand between coordinated country words ("Serb and Albanian").
_JOINERS = frozenset({"and", "&", ","})
_COORDINATORS = frozenset({"and", "&"})
# How a nationality word hangs on the noun it qualifies.
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "conj"})


@dataclass(frozen=True, slots=True)
class CountryWords:
    """Words in front of a noun that name one country or organisation."""

    first: int  # doc index of the first token
    last: int  # doc index of the last token
    country: str
    name: str | None  # a country's or organisation's name, None for a demonym
    sector: str | None  # an organisation's own sector ("EU" -> IGO)
    kind: str  # "name", "demonym" or "organization"
    initialism: bool  # written in capitals ("US", "U.K.")


def _premodifiers(noun: Any) -> list[Any]:
    """The tokens from the left edge of ``noun``'s phrase up to the noun."""
    return list(noun.doc[noun.left_edge.i : noun.i])


def _is_initialism(words: list[Any]) -> bool:
    letters = [c for t in words for c in t.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def _found(
    words: list[Any], country: str, name: str | None, sector: str | None, kind: str
) -> CountryWords:
    return CountryWords(words[0].i, words[-1].i, country, name, sector, kind, _is_initialism(words))


def country_words(tokens: list[Any]) -> list[CountryWords] | None:
    """The country, demonym and organisation words among ``tokens`` (contiguous doc
    tokens), longest first, in text order; None when one of them is an ethnicity or a
    stance ("ethnic Albanian and Serb")."""
    countries = knowledge.countries()
    organizations = knowledge.organizations()
    found: list[CountryWords] = []
    covered: set[int] = set()
    for first, last, text in ngrams(tokens):
        if not covered.isdisjoint(range(first, last + 1)) or tokens[first].pos_ == "DET":
            continue  # "the Israeli": the word without its article
        words = tokens[first : last + 1]
        org = organizations.lookup(text)
        if org is not None and org.country:
            covered.update(range(first, last + 1))
            found.append(_found(words, org.country, org.name, org.sector, "organization"))
            continue
        country, kind = countries.lookup_name(text), "name"
        if country is None:
            country, kind = countries.lookup_demonym(text), "demonym"
        if country is None or in_person_name(words, kind):
            continue
        if is_not_nationality(tokens, first):
            return None
        covered.update(range(first, last + 1))
        name = country.name if kind == "name" else None
        found.append(_found(words, country.iso3, name, None, kind))
    found.sort(key=lambda w: w.first)
    return found


def coordinated_countries(noun: Any) -> list[CountryWords]:
    """The groups of country words coordinated in front of ``noun`` ("Japanese and
    Australian armies", "UK and EU negotiators", "Bosnian Serb and Croat forces"), one
    per side; an empty list when there are fewer than two sides. Words next to each other
    ("Bosnian Serb") are one side, named by the first of them."""
    tokens = _premodifiers(noun)
    if not any(t.lower_ in _COORDINATORS for t in tokens):
        return []
    found = country_words(tokens)
    if not found or len(found) < 2:
        return []
    doc = noun.doc
    groups = [found[0]]
    joined = False
    for previous, current in pairwise(found):
        between = [t.lower_ for t in doc[previous.last + 1 : current.first]]
        if not between:
            continue  # "Bosnian Serb": one side
        if any(word not in _JOINERS for word in between):
            return []  # "Japanese military and Australian police": not one coordination
        joined = joined or any(word in _COORDINATORS for word in between)
        groups.append(current)
    if not joined or len({g.country for g in groups}) < 2:
        return []
    # The last side must qualify the noun itself, not a noun inside the phrase.
    last = doc[groups[-1].last]
    if last.head.i != noun.i and last.head.head.i != noun.i and last.head.dep_ != "compound":
        return []
    return groups


def _sector_beside(noun: Any, groups: list[CountryWords]) -> str | None:
    """The sector the words of ``noun``'s phrase outside the country words give ("militia
    groups" -> REB), the one nearest the noun."""
    sectors = knowledge.sector_terms()
    inside = {i for g in groups for i in range(g.first, g.last + 1)}
    start = groups[-1].last + 1
    tokens = [t for t in noun.doc[start : noun.i + 1] if t.i not in inside]
    best: tuple[int, str] | None = None
    for _first, last, text in ngrams(tokens):
        term = sectors.lookup(text.lower())
        if term is not None and term.sector and (best is None or last > best[0]):
            best = (last, term.sector)
    return best[1] if best is not None else None


def split_sides(actor: Actor, noun: Any) -> list[Actor]:
    """``actor`` (the coded phrase headed by ``noun``) as one actor per coordinated
    country in front of the noun, each with the sector of the rest of the phrase (or an
    organisation's own); ``[actor]`` when the phrase names one side only."""
    if actor.country is None:
        return [actor]  # no country word coded: no coordinated countries to split
    groups = coordinated_countries(noun)
    if not groups or actor.country != groups[0].country:
        return [actor]
    sector = _sector_beside(noun, groups)
    return [
        replace(actor, country=g.country, sector=g.sector or sector, name=g.name or actor.name)
        for g in groups
    ]


def nationality_agent(noun: Any) -> Any | None:
    """The first token of a nationality word qualifying an event noun, as who does it
    ("Palestinian riots", "Israeli air strikes", "NATO bombing", "US sanctions"); None
    when there is none or only a country's full name ("the Iraq war")."""
    tokens = _premodifiers(noun)
    found = country_words(tokens) if tokens else None
    if not found:
        return None
    first = found[0]
    token = noun.doc[first.first]
    if first.kind == "name" and not first.initialism:
        return None
    if not any(t.dep_ in _MODIFIER_DEPS for t in noun.doc[first.first : first.last + 1]):
        return None
    return token


def nationality_sides(token: Any) -> list[Actor]:
    """The actors a nationality word at ``token`` that ``nationality_agent`` found (and
    the ones coordinated with it) name ("Japanese and Australian air strikes"): country
    only, the words themselves as text; an empty list for any other token."""
    if token.dep_ not in _MODIFIER_DEPS or token.head.i <= token.i:
        return []
    agent = nationality_agent(token.head)
    if agent is None or agent.i != token.i:
        return []
    noun = token
    while noun.dep_ in _MODIFIER_DEPS and noun.head.i != noun.i and noun.i < noun.head.i:
        noun = noun.head
    groups = coordinated_countries(noun) or [
        g for g in (country_words(_premodifiers(noun)) or []) if g.first == token.i
    ]
    doc = token.doc
    actors = []
    for group in groups:
        span = doc[group.first : group.last + 1]
        actors.append(
            Actor(
                text=span.text,
                name=group.name,
                country=group.country,
                sector=group.sector,
                start=span.start_char,
                end=span.end_char,
            )
        )
    return actors


def own_agent(noun: Any, subject: Any | None, actors: Sequence[Actor]) -> Any | None:
    """The actor head of an event noun: its own nationality word ("the town came under
    Russian shelling", "Palestinian riots erupted") rather than a ``subject`` of no known
    country among the coded ``actors``; a subject that is a coded participant stays
    ("China enforced UN sanctions")."""
    agent = nationality_agent(noun) if noun.pos_ == "NOUN" else None
    if agent is None:
        return subject
    known = actor_at(actors, subject) if subject is not None else None
    return subject if known is not None and known.country else agent
