"""Sentences that go on telling another incident than the article's own.

An article often sets its incident beside an earlier one: "The shooting happened two
blocks from a March 2014 shooting that left a teenager dead. A 15-year-old boy was shot
in the chest as he walked home from school." The first sentence names the other time
(another year, a time long past, a period) and is left out of the incident; the one
right after it, naming no time of its own, goes on telling that other incident, and is
left out too: its attack is not folded into the main one, and its dead and injured are
not the incident's. (Measured on the GVC set-aside part: injured exact 0.770 -> 0.784,
within one 0.892 -> 0.919.)

A sentence that says it tells another incident ("In another incident, a youth was
stabbed near the station", "in a separate attack", "elsewhere, ...") is left out the
same way (``told_as_another``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from eventwire.model import Document, TimexType
from eventwire.stages.incident_toll import TOLD_ZONES, of_another_time

__all__ = ["going_on_elsewhere", "told_as_another"]

# A sentence that opens by saying it tells another incident: "In another incident",
# "Meanwhile, in a separate attack", "In yet another case", "Elsewhere,", "Separately,",
# "In a separate development". Only at the opening: "the suspect, wanted in another
# case, shot two officers" tells this one.
_ANOTHER = re.compile(
    r"^\W*(?:(?:meanwhile|separately|also|and)\W+)?"
    r"(?:(?:in|during)\s+(?:(?:yet\s+)?another|an?\s+(?:separate|different|unrelated|similar))"
    r"\s+(?:incident|attack|shooting|stabbing|case|clash|episode|development)\b|elsewhere\b)"
    r"|^\W*separately\s*,",
    re.IGNORECASE,
)


def told_as_another(doc: Document, main_start: int) -> set[int]:
    """The starts of the sentences that say they tell another incident than the one
    the sentence at ``main_start`` tells."""
    return {
        s.start
        for s in doc.sentences
        if s.zone in TOLD_ZONES and s.start != main_start and _ANOTHER.search(s.text)
    }


def going_on_elsewhere(doc: Document, year: int | None, main_start: int) -> set[int]:
    """The starts of the sentences that follow one about another time (a period, a time
    long past, or, when the incident's ``year`` is known, another year) and name no
    date or time of their own (an age, "a 15-year-old", is none). The sentence of the
    main attack (at ``main_start``) tells the incident itself, whatever other time it
    names ("... near the corner where a woman was killed in 2014"): the one after it
    goes on telling the incident."""
    spacy_doc = doc.spacy_doc
    if spacy_doc is None:
        return set()
    sentences = [s for s in doc.sentences if s.zone in TOLD_ZONES]
    out: set[int] = set()
    for before, after in pairwise(sentences):
        if before.start <= main_start < before.end:
            continue
        span = spacy_doc.char_span(before.start, before.end, alignment_mode="expand")
        if span is None:
            continue
        if not of_another_time(span, year):
            continue
        if any(
            after.start <= t.start < after.end and t.type in (TimexType.DATE, TimexType.TIME)
            for t in doc.timexes
        ):
            continue  # "On Monday, ...": back to a time of its own
        out.add(after.start)
    return out
