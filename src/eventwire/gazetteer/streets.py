"""Names of streets told by how an address is given, whatever name they bear: US police
and local news place a crime on "the 700 block of Tennessee" or at "the intersection of
Ohio and Main", where the state's name is a street's. Such a name is no toponym
(``mentions.py`` drops it), so it is neither an event's place nor evidence for a state.
"""

from __future__ import annotations

import re

__all__ = ["names_a_street"]

_DIRECTION = r"(?:(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)\.?\s+)?"
# "the 700 block of [East] Tennessee", "the 1200 and 1300 blocks of Ohio", "unit block of".
_BLOCK = re.compile(r"(?:\b\d[\d,]*|\bunit|\bhundred)\s+blocks?\s+of\s+" + _DIRECTION + r"\Z", re.I)
# "the intersection of [West] Ohio", "the intersection of Main Street and Ohio".
_CROSSING = re.compile(
    r"\bintersection\s+of\s+(?:[\w.'-]+\s+){0,4}?(?:and|&)\s+" + _DIRECTION + r"\Z"
    r"|\bintersection\s+of\s+" + _DIRECTION + r"\Z",
    re.I,
)
_REACH = 80


def names_a_street(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a street's by the address before it: after "the
    700 block of" or in "the intersection of ... and ..."."""
    before = text[max(0, start - _REACH) : start]
    return bool(_BLOCK.search(before) or _CROSSING.search(before))
