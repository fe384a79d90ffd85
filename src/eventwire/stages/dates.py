"""Dates stage: find the article's time expressions and date each event.

1. ``doc.timexes``: every TIMEX3 expression in the title, caption and body zones (noise
   and credit spans are blanked in the parse text, so nothing is found there), resolved
   against the article's anchor (its publication date, or a caption date as a lower
   bound; see ``eventwire.timex.normalize``).
2. ``event.date``: the DATE or TIME expression that governs the event's sentence. An
   expression attached in the dependency tree to the trigger's clause is preferred, then
   the one nearest the trigger; an expression that marks the edge of a period ("since
   2010", "until June") comes last. A decade or century ("in the 1990s") leaves the date
   None rather than pretend a precision it does not have. Without any such expression the
   event gets the anchor day with ``date_from_publication=True``; without an anchor, or
   when the event is told as a summary of the past (PLOVER's "historical" context),
   None. Durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF never date an event.
   A day that a verb of telling or of the legal process governs ("officials identified
   the four people who were shot on Thursday", "was indicted Tuesday": ``report_verb`` in
   ``data/timex_words.tsv``) dates an event told beside it only when its sentence has no
   other day (``is_told_day``; the incidents stage then looks for a better one).
   A day of a clause with its own subject dates no clause set beside it with another
   subject ("began tests this week, but the agency says it must stop"; ``_other_clause``).
   A name without its year or week ("on Saturday", "at Christmas") that landed after
   publication dates an event told in the past by its occurrence before
   (``eventwire.timex.backdate``).
   A date that opens in the sentence counts even where the sentence splitter cut it.
   An event in a clause that a written duration measures ("a week after 44 people were
   killed") is dated from the day its sentence tells (``_offset_clause``); a time past
   that the trigger's clause names ("a few years ago", "previously") leaves the date None.
   Which dates are not the event's, and which pasts no day dates ("have met several
   times in recent months", "was originally detained": None, not the anchor day), is
   read on the parse in ``eventwire.timex.clauses``.
3. ``carry_reference_time``: an event told in the simple past that took the anchor day
   takes instead the day the text named last in the sentences just before it (the
   narrative's time: "The attack left one officer dead" after "Thursday night").
4. ``withhold_unfounded_days``: an event still dated only by the publication day keeps it
   only with evidence that it is news of the day (``eventwire.timex.recency``: the title
   or lead, a present or present perfect, a toll, today's narrative); a later telling of
   the kind of happening the lead reports takes the lead's day; anything else (a retold
   earlier step, a pluperfect, a present state) is left undated. Where the lead tells
   no such happening, the article's first telling of its kind that a day of its own
   dates stands for it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from eventwire.coding.parsed_text import parsed_text as joined_text
from eventwire.model import (
    ARTICLE_ZONES,
    DatePrecision,
    Document,
    Event,
    TimeExpression,
    TimexType,
)
from eventwire.stages.factuality import HISTORICAL
from eventwire.stages.registry import stage
from eventwire.timex import find_timexes
from eventwire.timex.backdate import earlier_occurrence
from eventwire.timex.clauses import (
    NEXT_DAY,
    OFFSET,
    OFFSET_WORDS,
    VAGUE_OFFSET,
    measured_from,
    names_other_noun,
    shift,
    trigger_verb,
    undated_past,
    verb_of_span,
)
from eventwire.timex.normalize import (
    Anchor,
    TenseLookup,
    anchor_of,
    calendar_date,
    is_historical,
    no_tense,
)
from eventwire.timex.recency import Telling, lead_events, news_of_the_day, telling
from eventwire.timex.scope import nested_in_argument
from eventwire.timex.tense import SpacyTense, governing_verb, is_aspect_complement
from eventwire.timex.words import load_lexicon

log = logging.getLogger(__name__)

_SEARCHED_ZONES = ARTICLE_ZONES


@stage(
    "dates",
    requires=(
        "doc.spacy_doc",
        "doc.sentences",
        "doc.article",
        "doc.events",
        "event.future",
        "event.contexts",
    ),
    assigns=("doc.timexes", "event.date"),
)
def dates(doc: Document) -> Document:
    anchor = anchor_of(doc.article)
    doc.timexes = document_timexes(doc, anchor)
    for event in doc.events:
        date_event(doc, event, anchor)
    if anchor is not None and not anchor.is_lower_bound:
        carry_reference_time(doc, anchor)
        withhold_unfounded_days(doc, anchor)
    return doc


def withhold_unfounded_days(doc: Document, anchor: Anchor) -> None:
    """An event still dated only by the publication day keeps it only when the text
    shows it is news of the day (``eventwire.timex.recency``); a retold earlier step, a
    pluperfect, or a present state is left undated rather than given today's date."""
    if doc.spacy_doc is None:
        return
    lead = lead_events(doc)
    for event in doc.events:
        if not event.date_from_publication or news_of_the_day(doc, event, anchor.day):
            continue
        # a later telling of the kind of happening the lead reports is the lead's
        # incident: it takes the lead's day
        told = [
            e
            for e in lead
            if e is not event
            and e.type == event.type
            and e.date is not None
            and e.date_precision is DatePrecision.DAY
            and not _dated_by_telling(doc, e)
        ]
        if not told:
            # a lead that tells no such happening: the article's first telling of its
            # kind that a day of its own dates
            told = [
                e
                for e in sorted(doc.events, key=lambda e: e.start)
                if e.start < event.start
                and e.type == event.type
                and e.date is not None
                and e.date_precision is DatePrecision.DAY
                and not e.date_from_publication
                and not _dated_by_telling(doc, e)
            ]
        if not told and telling(doc, event) is Telling.STATE:
            # where a case stands ("he is charged with assault", "is being held") in an
            # article that reports the arrest: the day of the arrest
            told = [
                e
                for e in sorted(doc.events, key=lambda e: e.start)
                if e is not event
                and e.mode == ARREST_MODE
                and e.date is not None
                and e.date_precision is DatePrecision.DAY
                and not _dated_by_telling(doc, e)
            ][:1]
        if told:
            event.date, event.date_precision = told[0].date, told[0].date_precision
            event.date_from_publication = told[0].date_from_publication
            continue
        event.date, event.date_precision = None, None
        event.date_from_publication = False


# The mode of an arrest (PLOVER's COERCE).
ARREST_MODE = "arrest"


def searched_text(doc: Document, parsed_text: str | None = None) -> str:
    """``doc.text`` with everything outside the title, caption and body zones blanked.
    ``parsed_text`` is ``doc.spacy_doc.text`` when the caller has it (spaCy rebuilds
    that string from the tokens at every read)."""
    if doc.spacy_doc is not None:
        if parsed_text is None:
            parsed_text = joined_text(doc.spacy_doc)
        if len(parsed_text) == len(doc.text):
            return parsed_text
    return doc.masked_text(_SEARCHED_ZONES)


def document_timexes(doc: Document, anchor: Anchor | None) -> list[TimeExpression]:
    """Every time expression of the article, with offsets into ``doc.text``."""
    parsed_text = joined_text(doc.spacy_doc) if doc.spacy_doc is not None else None
    text = searched_text(doc, parsed_text)
    tense_of: TenseLookup = no_tense
    if parsed_text is not None and len(parsed_text) == len(doc.text):
        tense_of = SpacyTense(doc.spacy_doc, load_lexicon().future_cues)
    elif doc.spacy_doc is not None:
        log.warning("%s: the parse does not cover the text; dates ignore tense", doc.origin)
    sentences = [(s.start, s.end) for s in doc.sentences] or None
    return find_timexes(text, anchor, tense_of=tense_of, sentences=sentences)


@dataclass(frozen=True, slots=True)
class _Candidate:
    timex: TimeExpression
    when: tuple[date, DatePrecision] | None  # None for a decade or century
    attached: bool  # governed by the trigger's clause
    told: bool  # governed by a verb of telling that is not the trigger
    boundary: bool  # "since 2010", "until June"
    distance: int  # characters from the trigger


def date_event(doc: Document, event: Event, anchor: Anchor | None) -> None:
    """Set ``event.date``, ``date_precision`` and ``date_from_publication``."""
    candidates = _candidates(doc, event)
    if event.factual and anchor is not None:
        # What happened cannot postdate the article: "will meet next month" dates the
        # meeting, not the stated intention to meet (a caption date is only a lower
        # bound on publication, so a week's slack is allowed there).
        latest = anchor.day + timedelta(days=7 if anchor.is_lower_bound else 0)
        candidates = [
            c if c.when is None or c.when[0] <= latest else _backdated(doc, event, c, latest)
            for c in candidates
        ]
        candidates = [c for c in candidates if c.when is None or c.when[0] <= latest]
    offset = _offset_clause(doc, event)
    # a clause that writes its own date ("two weeks after the Dec. 3 attack") is dated by it
    if offset is not None and not any(offset[0] <= c.timex.start < offset[1] for c in candidates):
        if offset[3] == "X":
            # "days after his adviser resigned": some days before a day told, but which
            event.date, event.date_precision, event.date_from_publication = None, None, False
            return
        _date_by_offset(event, candidates, anchor, *offset)
        if event.date is not None:
            return
    if candidates:
        best = min(candidates, key=lambda c: (not c.attached, c.told, c.boundary, c.distance))
        event.date_from_publication = False
        if best.when is None:
            event.date, event.date_precision = None, None
        else:
            event.date, event.date_precision = best.when
            measured = measured_from(doc, best.timex, event)
            if measured is not None:
                event.date, event.date_precision = shift(best.when[0], *measured)
        return
    if anchor is not None and HISTORICAL not in event.contexts and not undated_past(doc, event):
        event.date, event.date_precision = anchor.day, DatePrecision.DAY
        event.date_from_publication = True
    else:
        event.date, event.date_precision = None, None
        event.date_from_publication = False


def _backdated(doc: Document, event: Event, candidate: _Candidate, latest: date) -> _Candidate:
    """A candidate whose name without a year or week ("on Saturday", "at Christmas")
    landed after ``latest``, at its most recent occurrence before (``timex.backdate``),
    when the event is told in the past; unchanged when the text fixes it in the future
    ("would strike on Christmas Day")."""
    assert candidate.when is not None
    if telling(doc, event) not in (Telling.PAST, Telling.PLUPERFECT, Telling.EARLIER):
        return candidate
    earlier = earlier_occurrence(candidate.timex, candidate.when, latest)
    return candidate if earlier is None else replace(candidate, when=earlier)


def _candidates(doc: Document, event: Event) -> list[_Candidate]:
    """The DATE and TIME expressions of the event's sentence that can date it."""
    lexicon = load_lexicon()
    own_verb = trigger_verb(doc, event)
    focus = event.trigger_start if event.trigger_start is not None else event.start
    out = []
    for timex in doc.timexes:
        # a date that opens in the sentence is its own, even where the sentence splitter
        # cut it ("arrested on 9. March 2018" split after "9.")
        if not event.start <= timex.start < event.end:
            continue
        if timex.type not in (TimexType.DATE, TimexType.TIME):
            continue
        when = calendar_date(timex)
        verb = verb_of_span(doc, timex.start, timex.end)
        attached = own_verb is not None and verb == own_verb
        # a time past and no more ("a few years ago", "previously") that the trigger's
        # own clause names leaves the day unknown, as a decade does: not the anchor's
        past = attached and timex.value == "PAST_REF"
        if when is None and not is_historical(timex) and not past:
            continue
        head = doc.text[max(event.start, timex.start - 30) : timex.start]
        before = re.search(r"(\w+)\s*$", head)
        boundary = before is not None and before.group(1).lower() in lexicon.period_boundary
        if boundary and not attached and own_verb is not None:
            continue  # the edge of another clause's period: "a review of actions since May 1"
        if not attached and own_verb is not None and NEXT_DAY.fullmatch(timex.text):
            continue  # "was arrested and was charged the following day": not the arrest's
        if not attached and _other_clause(doc, own_verb, verb):
            continue  # "it began tests this week, but the agency said it must stop"
        told = not attached and is_told_day(doc, timex, (focus,))
        if not told and verb is not None and nested_in_argument(doc, event, timex, verb):
            continue  # "the victim of the shooting died Sunday": the death's day
        out.append(
            _Candidate(
                timex=timex,
                when=when,
                attached=attached,
                told=told,
                boundary=boundary,
                distance=min(abs(timex.start - focus), abs(timex.end - focus)),
            )
        )
    return out


# How many sentences back a narrative's day still holds for an undated event.
_REFERENCE_SENTENCES = 3


def carry_reference_time(doc: Document, anchor: Anchor) -> None:
    """An event told in the simple past ("the attack left one officer dead") that its
    sentence does not date happened at the narrative's time: the day the text named
    last, in the sentences just before it ("a gunman opened fire on police Thursday
    night"), not the publication day. Only a day before publication carries over (a
    year or a month named last is more often background: "he had served there since
    2013"); a day of telling ("police said on Friday"), a day that is today's, a clock
    time with no day, a date of another noun ("before the Nov. 8 election"), or none
    within ``_REFERENCE_SENTENCES`` sentences leaves the
    publication day. A present, a present perfect ("has been arrested") or a future
    tells the news of the day."""
    if doc.spacy_doc is None:
        return
    undated = [e for e in doc.events if e.date_from_publication and e.trigger_start is not None]
    if not undated:
        return
    sentences = sorted(doc.sentences, key=lambda s: s.start)
    bare = bare_clock_times(doc)
    timexes = sorted(
        (
            t
            for t in doc.timexes
            if t.type in (TimexType.DATE, TimexType.TIME) and t.start not in bare
        ),
        key=lambda t: t.start,
    )
    for event in undated:
        if not _simple_past(doc, event):
            continue
        index = next((i for i, s in enumerate(sentences) if s.start <= event.start < s.end), None)
        if index is None:
            continue
        zone = sentences[index].zone
        earlier = [
            s for s in sentences[max(0, index - _REFERENCE_SENTENCES) : index] if s.zone is zone
        ]
        if not earlier:
            continue
        opens, closes = earlier[0].start, sentences[index].start
        named = [t for t in timexes if opens <= t.start < closes]
        if not named:
            continue
        last = named[-1]
        when = calendar_date(last)
        if when is None or is_told_day(doc, last):
            continue
        if names_other_noun(doc, last) or measured_from(doc, last, None) is not None:
            continue
        if when[1] is not DatePrecision.DAY or not when[0] < anchor.day:
            continue
        event.date, event.date_precision = _own_kind_day(doc, event, last) or when
        event.date_from_publication = False


def _own_kind_day(
    doc: Document, event: Event, last: TimeExpression
) -> tuple[date, DatePrecision] | None:
    """The day of the article's first telling of ``event``'s kind of happening that a
    day of its own dates, when the narrative day ``last`` dates only happenings of other
    kinds: "he was found guilty last Friday. 'He launched a vicious assault,' the
    detective said" retells the assault, not the trial. None otherwise."""
    sentence = next((s for s in doc.sentences if s.start <= last.start < s.end), None)
    if sentence is None:
        return None
    there = [e for e in doc.events if sentence.start <= e.start < sentence.end]
    if not there or any(e.type == event.type for e in there):
        return None
    for other in sorted(doc.events, key=lambda e: e.start):
        if other.start >= sentence.start:
            break
        if (
            other.type == event.type
            and other.date is not None
            and other.date_precision is DatePrecision.DAY
            and not other.date_from_publication
            and not _dated_by_telling(doc, other)
        ):
            return other.date, other.date_precision
    return None


def _other_clause(doc: Document, own: int | None, other: int | None) -> bool:
    """Whether the verbs ``own`` and ``other`` head clauses joined side by side, each
    with its own subject ("the firm began tests this week, but the agency said it must
    stop"): a day of one is not the other's. Verbs that share a subject ("opened fire on
    Thursday and killed two") tell one narrative."""
    if own is None or other is None or own == other or doc.spacy_doc is None:
        return False
    tokens = doc.spacy_doc

    def chain(at: int) -> list[int]:
        out = [at]
        while tokens[out[-1]].head.i != out[-1] and len(out) < 40:
            out.append(int(tokens[out[-1]].head.i))
        return out

    own_chain, other_chain = chain(own), chain(other)
    common = next((i for i in own_chain if i in other_chain), None)
    if common is None:
        return False
    below = [c[c.index(common) - 1] for c in (own_chain, other_chain) if c.index(common) > 0]
    joined = [tokens[i] for i in below if tokens[i].dep_ == "conj"]
    if not joined:
        return False
    subjects = ("nsubj", "nsubjpass", "expl")
    head = tokens[common]
    return any(c.dep_ in subjects for c in head.children) and all(
        any(c.dep_ in subjects for c in t.children) for t in joined
    )


def _dated_by_telling(doc: Document, event: Event) -> bool:
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


def _simple_past(doc: Document, event: Event) -> bool:
    """Whether the event's trigger is told in the simple past ("shot", "was killed", "left
    three people wounded"; not "has been arrested", "had fled", "would meet")."""
    assert doc.spacy_doc is not None and event.trigger_start is not None
    end = event.trigger_end if event.trigger_end is not None else event.trigger_start + 1
    span = doc.spacy_doc.char_span(event.trigger_start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = governing_verb(span.root)
    if verb is None:
        return False
    if is_aspect_complement(verb):
        verb = verb.head  # "started shooting": told in the tense of "started"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i != verb.i:
        # a participle after its noun ("left one dead and three people wounded") is told
        # in the tense of the clause the noun stands in
        verb = governing_verb(verb.head)
        if verb is None:
            return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lemma_.lower() == "have" for a in auxiliaries):
        return False
    if verb.tag_ == "VBD":
        return not auxiliaries
    return verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in auxiliaries)


_CLIMB = 6


def _offset_clause(doc: Document, event: Event) -> tuple[int, int, int, str, int] | None:
    """For an event told in a clause or phrase of "after" or "before" that a written
    duration measures ("a week after 44 people were killed", "three weeks after the
    bombing", "a day before a meeting"): the clause's character bounds, the signed
    number and unit of the offset (``-`` for "after": the event came that much earlier
    than the day the sentence tells), and where the duration starts; an unknown number
    ("days after") gives 0 and the unit ``X``. None otherwise."""
    if doc.spacy_doc is None or event.trigger_start is None or event.trigger_end is None:
        return None
    span = doc.spacy_doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token, marker, clause = span.root, None, None
    for _ in range(_CLIMB):
        if token.lower_ in OFFSET_WORDS and token.dep_ == "prep":
            marker, clause = token, token
            break
        if token.pos_ in ("VERB", "AUX"):
            marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in OFFSET_WORDS]
            if marks:
                marker, clause = marks[0], token
            break
        if token.head.i == token.i:
            break
        token = token.head
    if marker is None or clause is None:
        return None
    for timex in doc.timexes:
        if timex.type is not TimexType.DURATION or timex.value is None:
            continue
        if timex.end > marker.idx or doc.text[timex.end : marker.idx].strip():
            continue
        words = list(clause.subtree)
        opens = min(words[0].idx, marker.idx)
        closes = words[-1].idx + len(words[-1])
        if VAGUE_OFFSET.fullmatch(timex.value) is not None:
            return opens, closes, 0, "X", timex.start  # "days after": a day not told
        found = OFFSET.fullmatch(timex.value)
        if found is None:
            return None
        number = int(found.group(1)) * (-1 if marker.lower_ == "after" else 1)
        return opens, closes, number, found.group(2), timex.start
    return None


def _date_by_offset(
    event: Event,
    candidates: list[_Candidate],
    anchor: Anchor | None,
    opens: int,
    closes: int,
    number: int,
    unit: str,
    duration_at: int,
) -> None:
    """Date an event of a clause that a duration measures from the day its sentence tells
    (a day written outside the clause, else the anchor's): "a week after" is seven days
    before it, "two months after" the month two before. Leaves the date None when there
    is no such day."""
    outside = [
        c
        for c in candidates
        if not opens <= c.timex.start < closes
        and c.timex.start != duration_at
        and c.when is not None
        and c.when[1] is DatePrecision.DAY
    ]
    if outside:
        best = min(outside, key=lambda c: (not c.attached, c.told, c.boundary, c.distance))
        assert best.when is not None
        day = best.when[0]
    elif anchor is not None and not anchor.is_lower_bound:
        day = anchor.day
    else:
        return
    event.date, event.date_precision = shift(day, number, unit)
    event.date_from_publication = False


# A sentence that tells the call for help or the response to it: its day is the
# incident's ("police got a 911 call Saturday morning", "deputies responded around 5 p.m.
# Oct. 11", "officers were dispatched at 1:36 a.m.").
_RESPONSE = re.compile(
    r"\b(?:responded|responding|dispatched|called to|called 911|911 calls?"
    r"|calls? (?:about|of|reporting) (?:a |the )?(?:shooting|shots|gunfire)"
    r"|shots?[- ]fired calls?|arrived (?:at|on) the scene"
    r"|(?:police|officers|deputies|troopers|authorities|crews|paramedics|medics)"
    r" (?:\w+ )?arrived)\b",
    re.IGNORECASE,
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


def is_response(sentence: str) -> bool:
    """Whether ``sentence`` tells the call for help or the emergency response to it."""
    return _RESPONSE.search(sentence) is not None


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
