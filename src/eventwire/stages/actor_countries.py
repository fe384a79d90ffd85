"""Actor countries stage: a participant the text names without its country ("police",
"the court", "protesters", "the army") belongs to the country where the event happened.

News rarely writes "Egyptian police" in a story from Cairo: the country is plain from
where the story happens. Once events have places, an actor or recipient that has a
sector but no country, and no name of its own (a named person or organisation may be
abroad; a named police chief or judge is not), takes the country of the event's place;
an event without a place takes the country the article is mostly about. A place named by
the other side ("the minister accused Israel") is that side's country, not the actor's.
The actor is then marked ``inferred`` (the text did not give the country): analysts may
filter it out, and merging neither counts it as evidence nor as a disagreement. A
pseudo-country (IGO, NGO) is never changed, and nothing is filled when no country is
known. First, a party named without a sector takes the one its kind of phrase implies
(a firm known by name is BUS, a person named without a title in a crime CVL, the agent
of a passive sentence the court: ``coding.actor_defaults``); it is then filled like the
others.

A person named with a title of their own state ("President Jane Doe", "Senator X") and
no country is of the country the article is plainly about (at least three places
named, two in three of them in one country): a politician may be abroad, but a story
that stays in one country is about its own officials. A diplomat ("Ambassador X")
serves abroad, and armed or criminal groups cross borders: they are left alone.

In such an article, a party whose country came only from a town named in its phrase ("a
man of Edmonton", "an Edmonton man") is of the article's country when that country has
a town of that name: the local namesake, not the far-off better-known town.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any, TypeGuard

from eventwire.coding.actor_defaults import court_of, default_sector, named_attacker
from eventwire.coding.pronoun_bodies import body_antecedent
from eventwire.knowledge import countries, sector_terms
from eventwire.model import Actor, Document, Event, Place, Precision
from eventwire.stages.registry import stage

# Sectors of actors that belong to no state's territory.
_STATELESS_SECTORS = frozenset({"IGO", "NGO", "MNC", "HRI"})
# Sectors whose named members serve where they are (a police chief, a judge): unlike a
# named politician or firm, one named without a country acts in the event's country.
_LOCAL_SECTORS = frozenset({"COP", "JUD"})
# Sectors of named parties that are often foreign to the story's country.
_CROSS_BORDER_SECTORS = frozenset({"REB", "UAF", "CRM"})
# Attacks that a state's forces make, named by the state ("a U.S. drone strike").
_STATE_ATTACKS = frozenset(
    {"strike", "airstrike", "air strike", "bombardment", "shelling", "raid", "missile",
     "bombing", "offensive", "operation", "drone", "incursion", "blockade"}
)  # fmt: skip
# Titles of people who serve abroad.
_DIPLOMAT_TITLE = re.compile(
    r"\b(?:ambassadors?|envoys?|diplomats?|consuls?|emissar(?:y|ies)|attach[eé]s?)\b",
    re.IGNORECASE,
)
# Words of a group's name that claim a reach beyond one country.
_TRANSNATIONAL = re.compile(
    r"\b(?:international|european|global|world|africa|african|asian|pacific|arab|"
    r"americas|latin|united nations)\b",
    re.IGNORECASE,
)
# The article's country names its officials when it holds this share of the places.
_PLAIN_SHARE = 2 / 3
_PLAIN_MIN_PLACES = 3


def _alpha3(alpha2: str | None) -> str | None:
    if alpha2 is None:
        return None
    country = countries().by_iso2(alpha2)
    return country.iso3 if country is not None else None


def article_country(doc: Document) -> str | None:
    """The country (alpha-3) the article's places are mostly in."""
    counted = Counter(p.country_code for p in doc.places if p.country_code)
    if not counted:
        return None
    return _alpha3(counted.most_common(1)[0][0])


def plain_country(doc: Document) -> str | None:
    """The country (alpha-3) of the article when it plainly stays in one: at least
    three places named, two in three of them in that country."""
    counted = Counter(p.country_code for p in doc.places if p.country_code)
    total = sum(counted.values())
    if total < _PLAIN_MIN_PLACES:
        return None
    code, count = counted.most_common(1)[0]
    return _alpha3(code) if count >= _PLAIN_SHARE * total else None


def _is_home_official(actor: Actor | None, text: str) -> TypeGuard[Actor]:
    """Whether ``actor`` is a person or body named with a sector of its own state and no
    country, and the article never calls them a diplomat."""
    if actor is None or actor.country is not None or actor.name is None:
        return False
    if actor.sector is None or actor.sector in _STATELESS_SECTORS:
        return False
    if actor.sector in _CROSS_BORDER_SECTORS or actor.inferred:
        return False
    surname = actor.name.split()[-1]
    for found in re.finditer(rf"\b{re.escape(surname)}\b", text):
        before = text[max(0, found.start() - 40) : found.start()]
        if _DIPLOMAT_TITLE.search(before):
            return False
    return not _DIPLOMAT_TITLE.search(actor.text)


def _office_taken(actor: Actor, actors: list[Actor], home: str) -> bool:
    """Whether the article names someone else as the ``home`` country's holder of the
    title ``actor`` is named with ("President Trump" in a story that names "Turkish
    President Recep Tayyip Erdogan"): then ``actor`` holds it elsewhere."""
    if actor.name is None:
        return False
    surname = actor.name.split()[-1].lower()
    titles = _titles(actor.text)
    for mention in actors:  # "Trump" after "President Trump"
        if mention.name is not None and surname in mention.name.lower().split():
            titles |= _titles(mention.text)
    if not titles:
        return False
    for other in actors:
        if other.country != home or other.name is None or other.inferred:
            continue
        if surname in other.name.lower().split():
            continue  # the same person
        if titles & _titles(other.text):
            return True
    return False


def _titled(actor: Actor, actors: list[Actor]) -> bool:
    """Whether a mention of ``actor``'s person holds a title ("President X", "Senator
    X"): one the article only names ("Jane Doe") may be a politician abroad, and is
    left alone."""
    terms = sector_terms()
    texts = [m.text for m in actors if m.name is not None and m.name == actor.name]
    for word in re.findall(r"[A-Za-z]+", " ".join([actor.text, *texts]).lower()):
        term = terms.lookup(word)
        if term is not None and term.kind == "title":
            return True
    return False


def _titles(text: str) -> set[str]:
    """The title words of a phrase ("president" of "Turkish President X")."""
    terms = sector_terms()
    found = set()
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        term = terms.lookup(word)
        if term is not None and term.kind == "title" and term.sector == "GOV":
            found.add(word)
    return found


def _home_namesake(actor: Actor | None, home: str) -> TypeGuard[Actor]:
    """Whether ``actor`` has a foreign country that only a town named in its phrase gave
    it (no country, people or capital word), and the ``home`` country has a town of
    that name."""
    if actor is None or actor.country is None or actor.country == home:
        return False
    if actor.sector in _STATELESS_SECTORS or actor.country in ("IGO", "NGO"):
        return False
    words = [w.strip(",.;:()'\"") for w in actor.text.split()]
    words = [w for w in words if w[:1].isupper()]
    known = countries()
    for size in (1, 2, 3):
        for first in range(len(words) - size + 1):
            text = " ".join(words[first : first + size])
            if known.lookup_name(text) or known.lookup_demonym(text) or known.lookup_capital(text):
                return False  # the phrase names its country
    home2 = _alpha2(home)
    if home2 is None:
        return False
    from eventwire.gazetteer import Gazetteer  # opens lazily, once

    gazetteer = Gazetteer.load()
    for word in words:
        candidates = gazetteer.candidates(word)
        if not candidates or _alpha3(candidates[0].country_code) != actor.country:
            continue  # not the word that gave the country
        if any(c.name == word and c.country_code == home2 for c in candidates):
            return True
    return False


def _resolved_town(doc: Document, actor: Actor | None) -> Actor | None:
    """An actor whose country came from a town or capital its phrase names ("London
    Police", "Paris officials") takes the country the places stage resolved that very
    mention to ("London, Ky.": the United States), unless the phrase also names a
    country or a people."""
    if actor is None or actor.start is None or actor.end is None or actor.country is None:
        return actor
    inside = [
        p
        for p in doc.places
        if actor.start <= p.start
        and p.end <= actor.end
        and p.country_code
        and p.precision is not Precision.COUNTRY
    ]
    if len(inside) != 1:
        return actor
    country = _alpha3(inside[0].country_code)
    if country is None or country == actor.country:
        return actor
    known = countries()
    words = [w.strip(",.;:()'\"") for w in actor.text.split()]
    if any(known.lookup_name(w) or known.lookup_demonym(w) for w in words if w):
        return actor  # "the Iraqi police in Basra": the phrase names its country
    return replace(actor, country=country, inferred=True)


def _moved_home(actors: list[Actor], home: str | None) -> dict[str, str]:
    """The people whose mention's country came only from a town of the ``home``
    country's name read as a far-off one ("William Doe, of Edmonton" in a Kentucky
    story), by name, with that far-off country: their other mentions ("he") copied it."""
    if home is None:
        return {}
    moved: dict[str, str] = {}
    for actor in actors:
        if actor.name is None or actor.country is None or actor.name in moved:
            continue
        if _home_namesake(actor, home):
            moved[actor.name] = actor.country
    return moved


def _namesake_person(actor: Actor | None, moved: dict[str, str]) -> TypeGuard[Actor]:
    """Whether ``actor`` is a person ``moved`` holds, with the far-off country."""
    if actor is None or actor.name is None or actor.country is None:
        return False
    return moved.get(actor.name) == actor.country


def _alpha2(alpha3: str) -> str | None:
    country = countries().by_iso3(alpha3)
    return country.iso2 if country is not None else None


def _state_attack(spacy_doc: Any, actor: Actor | None) -> Actor | None:
    """``actor`` as its state's armed forces (MIL) when it is an attack named by the
    state that made it and nothing gave it a sector ("a U.S. drone strike", "Israeli
    air strikes", "Russian shelling")."""
    if actor is None or actor.sector is not None or actor.country is None:
        return actor
    if actor.country in ("IGO", "NGO") or spacy_doc is None or actor.start is None:
        return actor
    span = spacy_doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() not in _STATE_ATTACKS:
        return actor
    modifiers = [t for t in span.root.subtree if t.i < span.root.i]
    if not any(countries().lookup_name(t.text) or countries().lookup_demonym(t.text)
               for t in modifiers):  # fmt: skip
        return actor  # "the attack" that a reference gave a country: not the state's
    return replace(actor, sector="MIL", inferred=True)


def _pronoun_body(doc: Document, event: Event, actor: Actor | None) -> Actor | None:
    """ "it" or "they" with no code as the body it stands for ("Uber ... it refused")."""
    return body_antecedent(
        doc.spacy_doc,
        doc.actors,
        actor,
        lambda candidate: default_sector(doc.spacy_doc, event, candidate, acting=True),
    )


def _needs_country(actor: Actor | None) -> bool:
    return (
        actor is not None
        and actor.country is None
        and actor.sector is not None
        and (actor.sector not in _STATELESS_SECTORS or _local_group(actor))
        and (actor.name is None or actor.sector in _LOCAL_SECTORS or actor.inferred)
    )


def _local_group(actor: Actor) -> bool:
    """Whether ``actor`` is a non-governmental group whose sector a rule gave ("the
    Tenants Association", "a rescue group") and whose name claims no reach beyond a
    country ("International", "European"): it works where the story happens."""
    return actor.sector == "NGO" and actor.inferred and not _TRANSNATIONAL.search(actor.text)


def _event_country(event: Event, fallback: str | None, other: Actor | None) -> str | None:
    """The country an actor without one takes: the event's place's, unless the place
    is named by the ``other`` side ("the minister asked Turkey", "police accused
    Israel": the place is the other side's country, not the actor's), then the
    article's, unless it is the other side's."""
    place = event.place
    if place is not None and place.country_code is not None and not _names_place(other, place):
        return _alpha3(place.country_code)
    if place is not None and place.country_code is not None and other is not None:
        return fallback if fallback != other.country else None
    return fallback


def _names_place(actor: Actor | None, place: Place) -> bool:
    """Whether ``actor`` is a state named as the place itself ("Israel", "the
    Philippines"), not a town where it happened nor someone from it ("a Metcalfe
    County man", "Rome's mayor": the police who arrest them are of that place too)."""
    if actor is None or actor.start is None or actor.end is None or actor.inferred:
        return False
    if not (actor.start <= place.start and place.end <= actor.end):
        return False
    if place.precision is not Precision.COUNTRY:
        return False  # "protested in Santiago": the protesters are of the town's country
    words = actor.text.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) == place.text.lower()


@stage(
    "actor_countries",
    requires=("doc.events", "doc.places", "event.place"),
    assigns=("event.actor.country", "event.recipient.country", "event.actor.sector"),
)
def fill_actor_countries(doc: Document) -> Document:
    fallback = article_country(doc)
    home = plain_country(doc)
    moved = _moved_home(doc.actors, home)
    for event in doc.events:
        event.actor = default_sector(
            doc.spacy_doc,
            event,
            court_of(doc.spacy_doc, event)
            or named_attacker(doc.spacy_doc, doc.actors, event)
            or event.actor,
            acting=True,
        )
        event.recipient = default_sector(doc.spacy_doc, event, event.recipient)
        event.actor = _pronoun_body(doc, event, event.actor)
        event.recipient = _pronoun_body(doc, event, event.recipient)
        event.actor = _resolved_town(doc, event.actor)
        event.recipient = _resolved_town(doc, event.recipient)
        if home is not None:
            if _home_namesake(event.actor, home) or _namesake_person(event.actor, moved):
                event.actor = replace(event.actor, country=home, inferred=True)
            if _home_namesake(event.recipient, home) or _namesake_person(event.recipient, moved):
                event.recipient = replace(event.recipient, country=home, inferred=True)
            if _is_home_official(event.actor, doc.text) and not _office_taken(
                event.actor, doc.actors, home
            ):
                event.actor = replace(event.actor, country=home, inferred=True)
            if _is_home_official(event.recipient, doc.text) and not _office_taken(
                event.recipient, doc.actors, home
            ):
                event.recipient = replace(event.recipient, country=home, inferred=True)
        event.actor = _state_attack(doc.spacy_doc, event.actor)
        if _is_home_official(event.actor, doc.text) and _titled(event.actor, doc.actors):
            country = _event_country(event, fallback, event.recipient)
            if country is not None and not _office_taken(event.actor, doc.actors, country):
                event.actor = replace(event.actor, country=country, inferred=True)
        if _is_home_official(event.recipient, doc.text) and _titled(event.recipient, doc.actors):
            country = _event_country(event, fallback, event.actor)
            if country is not None and not _office_taken(event.recipient, doc.actors, country):
                event.recipient = replace(event.recipient, country=country, inferred=True)
        if not (_needs_country(event.actor) or _needs_country(event.recipient)):
            continue
        if event.actor is not None and _needs_country(event.actor):
            country = _event_country(event, fallback, event.recipient)
            if country is not None:
                event.actor = replace(event.actor, country=country, inferred=True)
        if event.recipient is not None and _needs_country(event.recipient):
            country = _event_country(event, fallback, event.actor)
            if country is not None:
                event.recipient = replace(event.recipient, country=country, inferred=True)
    return doc
