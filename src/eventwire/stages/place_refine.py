"""A country or a region that the story narrows at once: "A car bomb in central Turkey
killed 13 soldiers. The blast destroyed a bus in the city of Kayseri." The first event
happened in Kayseri, which the next sentence names; an analyst wants the town, not the
country. Used by the places stage (``stages/places.py``) after every event has a place.

An event done in the world (not one told in words: a statement is made where its
speaker is, and "Germany condemned" is no event in Berlin) whose place is a country or a
first-level region takes the first town that one of the next two sentences names inside
that country or region (the places it is given are the sure ones, home towns, paths'
ends and names aside).
"""

from __future__ import annotations

from eventwire.model import Document, Event, Place, Precision, Zone

__all__ = ["narrowed"]

_BROAD = frozenset({Precision.COUNTRY, Precision.ADMIN1, Precision.REGION})
_NEXT_SENTENCES = 2


def narrowed(doc: Document, event: Event, place: Place, towns: list[Place]) -> Place:
    """The town of ``towns`` that the next sentences name inside ``place``, when
    ``place`` is a country or a region; else ``place``."""
    if place.precision not in _BROAD:
        return place
    following = [s for s in doc.sentences if s.start >= event.end and s.zone in (Zone.BODY, None)]
    following = following[:_NEXT_SENTENCES]
    if not following:
        return place
    end = following[-1].end
    for town in sorted(towns, key=lambda p: p.start):
        if not event.end <= town.start < end or town.precision is not Precision.POINT:
            continue
        if _within(town, place):
            return town
    return place


def _within(town: Place, place: Place) -> bool:
    """Whether a town lies in a country or a first-level region."""
    if town.country_code != place.country_code:
        return False
    return place.precision is Precision.COUNTRY or town.admin1 == place.admin1
