"""A US station's call sign tells which side of the Mississippi its story is set.

The FCC gives stations east of the Mississippi call signs beginning with W and those
west of it call signs beginning with K (a few old stations aside). A local story a
station signs ("GREENACRES (WPBF) -", "KENS 5", "wgal.com") is mostly set in its own
area, so a town's name with namesakes on both sides ("Lancaster County": Nebraska or
Pennsylvania; "Universal City": California or Texas) is read on the station's side.

This pass runs after the resolver (``resolve.py``) and the namesakes pass
(``namesakes.py``): a name read as a US town or county on the other side moves to its
likeliest namesake on the station's side, unless a qualifier placed it ("Paris,
Texas" stays) or it qualifies another name. The call signs read are those
``broadcast.py`` reads as a broadcaster's marks; when they disagree (a W and a K
station) nothing moves. The states the river divides (Minnesota, Louisiana) and the
territories take either letter.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.gazetteer.broadcast import station_marks
from eventwire.gazetteer.priors import Resolution, ToponymMention, prior

__all__ = ["settle_station_side", "side_of", "station_side"]

EAST = "east"
WEST = "west"
# The share of belief a moved name keeps: it went against the resolver's best guess.
_MOVED_PROBABILITY = 0.6
# First-level regions wholly or mostly east of the Mississippi.
_EAST_STATES = frozenset(
    {"Alabama", "Connecticut", "Delaware", "District of Columbia", "Florida", "Georgia",
     "Illinois", "Indiana", "Kentucky", "Maine", "Maryland", "Massachusetts", "Michigan",
     "Mississippi", "New Hampshire", "New Jersey", "New York", "North Carolina", "Ohio",
     "Pennsylvania", "Rhode Island", "South Carolina", "Tennessee", "Vermont", "Virginia",
     "West Virginia", "Wisconsin"}
)  # fmt: skip
# Minnesota and Louisiana, which the river divides, are in neither list.
_WEST_STATES = frozenset(
    {"Alaska", "Arizona", "Arkansas", "California", "Colorado", "Hawaii", "Idaho", "Iowa",
     "Kansas", "Missouri", "Montana", "Nebraska", "Nevada", "New Mexico", "North Dakota",
     "Oklahoma", "Oregon", "South Dakota", "Texas", "Utah", "Washington", "Wyoming"}
)  # fmt: skip


def station_side(text: str, url: str | None = None) -> str | None:
    """``"east"`` or ``"west"`` when every station the article's marks name has a call
    sign of that side (W or K), else None."""
    letters = {mark[0].upper() for mark in station_marks(text, url) if re.match(r"[KWkw]", mark)}
    if letters == {"W"}:
        return EAST
    if letters == {"K"}:
        return WEST
    return None


def side_of(admin1: str | None) -> str | None:
    """The side of the Mississippi a US first-level region lies on, None for one the
    river divides or an unknown one."""
    if admin1 in _EAST_STATES:
        return EAST
    if admin1 in _WEST_STATES:
        return WEST
    return None


def settle_station_side(
    side: str | None, mentions: list[ToponymMention], resolutions: dict[str, Resolution]
) -> dict[str, Resolution]:
    """``resolutions`` with each US town or county read on the other side of the
    Mississippi than the article's station moved to its likeliest namesake on the
    station's side (see the module docstring)."""
    if side is None:
        return resolutions
    qualified: set[str] = set()
    for mention in mentions:
        if mention.qualifier is not None:
            qualified.add(mention.key)
            qualified.add(mention.qualifier.key)
    settled = dict(resolutions)
    for key, resolution in resolutions.items():
        entry = resolution.entry
        if key in qualified or entry.country_code != "US" or not _local(entry.feature_code):
            continue
        if side_of(entry.admin1) in (side, None):
            continue
        namesakes = [
            c for m in mentions if m.key == key for c in m.candidates
            if c.country_code == "US" and _local(c.feature_code) and side_of(c.admin1) == side
        ]  # fmt: skip
        if namesakes:
            best = max(namesakes, key=prior)
            settled[key] = replace(resolution, entry=best, probability=_MOVED_PROBABILITY)
    return settled


def _local(feature_code: str) -> bool:
    """A town or a county (not a state, a region or a country)."""
    return feature_code.startswith("PPL") or feature_code == "ADM2"
