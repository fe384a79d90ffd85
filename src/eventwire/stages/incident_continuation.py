"""Sentences that go on telling another incident than the article's own.

An article often sets its incident beside an earlier one: "The shooting Monday night
happened just down the street from a July 2014 shooting that left a girl dead. She was
shot in the head as she rode on a scooter." The first sentence names the other time
(another year, a time long past, a period) and is left out of the incident; the one
right after it, naming no time of its own, goes on telling that other incident, and is
left out too: its attack is not folded into the main one, and its dead and injured are
not the incident's.
"""

from __future__ import annotations

from itertools import pairwise

from eventwire.model import Document, Event
from eventwire.stages.incident_toll import TOLD_ZONES, of_another_time

__all__ = ["going_on_elsewhere", "lends_no_figures"]


def going_on_elsewhere(doc: Document, year: int | None) -> set[int]:
    """The starts of the sentences that follow one about another time (a period, a time
    long past, or, when the incident's ``year`` is known, another year) and name no
    time of their own."""
    spacy_doc = doc.spacy_doc
    if spacy_doc is None:
        return set()
    sentences = [s for s in doc.sentences if s.zone in TOLD_ZONES]
    out: set[int] = set()
    for before, after in pairwise(sentences):
        span = spacy_doc.char_span(before.start, before.end, alignment_mode="expand")
        if span is None:
            continue
        if not of_another_time(span, year):
            continue
        following = spacy_doc.char_span(after.start, after.end, alignment_mode="expand")
        if following is None or any(t.ent_type_ in ("DATE", "TIME") for t in following):
            continue
        out.add(after.start)
    return out


def lends_no_figures(doc: Document, event: Event, year: int | None) -> bool:
    """Whether a telling folded into the main attack is told in a sentence of another
    time ("The shooting Monday night happened down the street from a July 2014 shooting
    that left a girl dead"): the toll leaves that sentence out, and the telling's own
    figures, read in it, are not the incident's either."""
    if doc.spacy_doc is None:
        return False
    span = doc.spacy_doc.char_span(event.start, event.end, alignment_mode="expand")
    return span is not None and of_another_time(span, year)
