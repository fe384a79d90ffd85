"""A country or a region that the story narrows at once: "A car bomb in central Turkey
killed 13 soldiers. The blast destroyed a bus in the city of Kayseri." The first event
happened in Kayseri, which the next sentence names; an analyst wants the town, not the
country. Used by the places stage (``stages/places.py``) after every event has a place.

An event done in the world (not one told in words: a statement is made where its
speaker is, and "Germany condemned" is no event in Berlin) whose place is a country or a
first-level region named as a part of it ("in central Turkey", "in southern China",
"in northern Texas": the text says the scene is somewhere smaller) takes the first town
that one of the next two sentences names inside that country or region (the places it
is given are the sure ones, home towns, paths' ends and names aside). A country named
plainly stays ("Officials in Turkey have cracked down on opponents" is countrywide).
"""

from __future__ import annotations

import re

from eventwire.model import Document, Event, Place, Precision, Zone

__all__ = ["narrowed"]

_BROAD = frozenset({Precision.COUNTRY, Precision.ADMIN1, Precision.REGION})
_NEXT_SENTENCES = 2
# A direction before a name: the text names a part of the country or region.
_PART_OF = re.compile(
    r"\b(?:central|northern|southern|eastern|western|north|south|east|west|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|"
    r"southeast|southwest|mid|upstate|downstate|rural|far)[\s-]+\Z",
    re.IGNORECASE,
)


def narrowed(doc: Document, event: Event, place: Place, towns: list[Place]) -> Place:
    """The town of ``towns`` that the next sentences name inside ``place``, when
    ``place`` is a country or a region; else ``place``."""
    if place.precision not in _BROAD or place.start < 0:
        return place
    if not _PART_OF.search(doc.text, max(0, place.start - 20), place.start):
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
