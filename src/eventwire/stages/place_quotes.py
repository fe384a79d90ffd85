"""Quotations: a place named inside a quotation is a word of what was said, not where
an event told outside it happened ("shot the ambassador, shouting: “Don't forget
Aleppo!”", "said the strike was “a message to Damascus”"). Used by the places stage to
choose an event's place from its sentence (``stages/places.py``).

Quotations are read within the sentence: text between a pair of double quotation marks,
curly (“ ”) or straight ("), paired in order; an opening curly mark left open quotes
to the sentence's end, and a closing one never opened quotes from its start (the
sentence was cut inside the quotation); an unpaired straight mark quotes nothing.
"""

from __future__ import annotations

import re

from eventwire.model import Place

__all__ = ["quotations", "quoted_apart"]

_CURLY = re.compile(r"“[^“”]*”")
_STRAIGHT = re.compile(r'"[^"]*"')


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` held between paired double quotation marks, as
    offsets into ``text`` (marks included)."""
    spans: list[tuple[int, int]] = []
    for pattern in (_CURLY, _STRAIGHT):
        for match in pattern.finditer(text, start, end):
            spans.append((match.start(), match.end()))
    # a sentence may end inside a quotation, or begin inside one ("shouting: “Don't
    # forget Aleppo!" cut before its closing mark): a curly mark tells which
    opening, closing = text.rfind("“", start, end), text.find("”", start, end)
    if opening >= 0 and text.find("”", opening, end) < 0:
        spans.append((opening, end))
    if closing >= 0 and text.rfind("“", start, closing) < 0:
        spans.append((start, closing + 1))
    return sorted(spans)


def quoted_apart(text: str, sentence: tuple[int, int], anchor: int, place: Place) -> bool:
    """Whether ``place`` lies inside a quotation of the sentence that does not hold the
    event's word at ``anchor``: what was said, not where the event happened."""
    for left, right in quotations(text, sentence[0], sentence[1]):
        if left < place.start and place.end < right:
            return not left < anchor < right
    return False
