"""Actor countries stage: a participant the text names without its country ("police",
"the court", "protesters", "the army") belongs to the country where the event happened.

News rarely writes "Egyptian police" in a story from Cairo: the country is plain from
where the story happens. Once events have places, an actor or recipient that has a
sector but no country, and no name of its own (a named person or organisation may be
abroad), takes the country of the event's place; an event without a place takes the
country the article is mostly about. The actor is then marked ``inferred`` (the text did
not give the country): analysts may filter it out, and merging neither counts it as
evidence nor as a disagreement. A pseudo-country (IGO, NGO) is never changed, and
nothing is filled when no country is known.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from eventwire.knowledge import countries
from eventwire.model import Actor, Document, Event
from eventwire.stages.registry import stage

# Sectors of actors that belong to no state's territory.
_STATELESS_SECTORS = frozenset({"IGO", "NGO", "MNC", "HRI"})


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


def _needs_country(actor: Actor | None) -> bool:
    return (
        actor is not None
        and actor.country is None
        and actor.sector is not None
        and actor.sector not in _STATELESS_SECTORS
        and actor.name is None
    )


def _event_country(event: Event, fallback: str | None) -> str | None:
    if event.place is not None and event.place.country_code is not None:
        return _alpha3(event.place.country_code)
    return fallback


@stage(
    "actor_countries",
    requires=("doc.events", "doc.places", "event.place"),
    assigns=("event.actor.country", "event.recipient.country"),
)
def fill_actor_countries(doc: Document) -> Document:
    fallback = article_country(doc)
    for event in doc.events:
        if not (_needs_country(event.actor) or _needs_country(event.recipient)):
            continue
        country = _event_country(event, fallback)
        if country is None:
            continue
        if event.actor is not None and _needs_country(event.actor):
            event.actor = replace(event.actor, country=country, inferred=True)
        if event.recipient is not None and _needs_country(event.recipient):
            event.recipient = replace(event.recipient, country=country, inferred=True)
    return doc
