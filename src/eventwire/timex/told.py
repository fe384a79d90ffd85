"""Days of telling, and clock times with no day of their own.

A day that a verb of telling or of the legal process governs ("police said on Friday",
"was indicted Tuesday") is the day something was said or done about an event, not the
day it happened (``report_verb`` in ``data/timex_words.tsv``). A clock time that no day
qualifies ("at 10:26 p.m.") takes the anchor's day by default, not one the text names.
"""

from __future__ import annotations

import re

from eventwire.model import Document, Event, TimeExpression, TimexType
from eventwire.timex.clauses import verb_of_span
from eventwire.timex.normalize import calendar_date
from eventwire.timex.words import load_lexicon


def dated_by_telling(doc: Document, event: Event) -> bool:
    """Whether ``event``'s day is a day of telling in its sentence ("police confirmed
    Tuesday that a girl was shot"), not the day it happened."""
    return any(
        event.start <= t.start < event.end
        and (when := calendar_date(t)) is not None
        and when[0] == event.date
        and is_told_day(doc, t)
        for t in doc.timexes
        if t.type in (TimexType.DATE, TimexType.TIME)
    )


def bare_clock_times(doc: Document) -> set[int]:
    """The start offsets of the clock times ("at 10:26 p.m.") that no day qualifies, in
    their sentence or written right after them: their day is the anchor's by default,
    not one the text names (``eventwire.timex``)."""
    bare: set[int] = set()
    timexes = [t for t in doc.timexes if t.type in (TimexType.DATE, TimexType.TIME)]
    for sentence in doc.sentences:
        inside = [t for t in timexes if sentence.start <= t.start < sentence.end]
        clocks = [t for t in inside if t.type is TimexType.TIME and _CLOCK.search(t.text)]
        if not clocks or len(clocks) < len(inside):
            continue
        for clock in clocks:
            if not any(0 <= t.start - clock.end <= 2 for t in timexes):
                bare.add(clock.start)
    return bare


_CLOCK = re.compile(r"\d|\bnoon\b|\bmidnight\b", re.IGNORECASE)


def _is_report_verb(doc: Document, verb: int | None) -> bool:
    if verb is None or doc.spacy_doc is None:
        return False
    return str(doc.spacy_doc[verb].lemma_).lower() in load_lexicon().report_verbs


def is_told_day(doc: Document, timex: TimeExpression, triggers: tuple[int, ...] = ()) -> bool:
    """Whether ``timex`` is governed by a verb of telling or of the legal process: the
    day something was said or done about an event, not the day it happened. A day
    written after an event's trigger (at ``triggers``) and before the verb of telling in
    one sentence is read with the event, whatever the parse says ("the officer who shot a boy
    Wednesday night was identified")."""
    verb = verb_of_span(doc, timex.start, timex.end)
    if verb is None or not _is_report_verb(doc, verb):
        return False
    assert doc.spacy_doc is not None
    told = doc.spacy_doc[verb]
    opens, closes = int(told.sent.start_char), int(told.sent.end_char)
    for at in triggers:
        if not opens <= at < closes:
            continue
        if at < timex.start and timex.end <= told.idx:
            return False
        span = doc.spacy_doc.char_span(at, at + 1, alignment_mode="expand")
        if (
            span is not None
            and span.root.head.i == told.i
            and span.root.dep_ in ("nsubj", "nsubjpass", "dobj")
            and span.root.pos_ in ("NOUN", "PROPN")
        ):
            return False  # the event is what is told: "the shooting was reported Friday"
    return True
