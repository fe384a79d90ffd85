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
   A day of a later step dates no deed told in its subject, object or phrase ("a man
   whose daughter was shot was indicted Tuesday", "was charged Tuesday with the murder
   of"; ``eventwire.timex.scope``), and such a deed, with no other day in its
   sentence, happened before that day: it takes no publication day either.
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
3. ``carry_reference_time`` and 4. ``withhold_unfounded_days``
   (``eventwire.timex.narrative``): an event told in the simple past that took the
   anchor day takes the narrative's day instead (the day the text named last in the
   sentences just before it); one still dated only by the publication day keeps it only
   with evidence that it is news of the day, else takes the day of an earlier telling of
   its kind (or, for where a case stands, of the arrest), else none.
   A day of a verb does not date a happening told inside its subject or object ("the
   victim of the shooting died Sunday"; ``eventwire.timex.scope``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from eventwire.coding.datelines import dateline_tokens
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
    shift,
    trigger_verb,
    undated_past,
    verb_of_span,
)
from eventwire.timex.narrative import carry_reference_time, withhold_unfounded_days
from eventwire.timex.normalize import (
    Anchor,
    TenseLookup,
    anchor_of,
    calendar_date,
    is_historical,
    no_tense,
)
from eventwire.timex.recency import Telling, telling
from eventwire.timex.scope import (
    court_verb,
    deed_of_a_later_step,
    in_complement,
    nested_in_argument,
)
from eventwire.timex.tense import SpacyTense, trigger_root
from eventwire.timex.told import bare_clock_times as bare_clock_times
from eventwire.timex.told import is_told_day as is_told_day
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
    candidates, preceded = _candidates(doc, event)
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
        if best.when is None or (best.boundary and HISTORICAL in event.contexts):
            # a toll summed up "since May last year" happened over the period, on no day
            event.date, event.date_precision = None, None
        else:
            event.date, event.date_precision = best.when
            measured = measured_from(doc, best.timex, event)
            if measured is not None:
                event.date, event.date_precision = shift(best.when[0], *measured)
        return
    # an event told inside the phrase of a later step whose day is given ("a man who
    # admitted the plot was sentenced on Wednesday", "the victim of the shooting died
    # Sunday") happened before that day, on one the sentence does not give: not the
    # publication day either
    if (
        anchor is not None
        and HISTORICAL not in event.contexts
        and not preceded
        and not undated_past(doc, event)
    ):
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


def _candidates(doc: Document, event: Event) -> tuple[list[_Candidate], bool]:
    """The DATE and TIME expressions of the event's sentence that can date it, and
    whether a day of the sentence dates a later step than the event (a verb whose
    subject, object or phrase tells it)."""
    lexicon = load_lexicon()
    own_verb = trigger_verb(doc, event)
    focus = event.trigger_start if event.trigger_start is not None else event.start
    out = []
    preceded = False
    for timex in doc.timexes:
        # a date that opens in the sentence is its own, even where the sentence splitter
        # cut it ("arrested on 9. March 2018" split after "9.")
        if not event.start <= timex.start < event.end:
            continue
        if timex.type not in (TimexType.DATE, TimexType.TIME):
            continue
        when = calendar_date(timex)
        verb = verb_of_span(doc, timex.start, timex.end)
        # a wire dateline's day ("NAIROBI, June 26 (AFP) -") is the filing day: the
        # sentence's own day ("on Tuesday") dates the event, the filing day only failing it
        filed = _in_dateline(doc, timex.start)
        attached = own_verb is not None and verb == own_verb and not filed
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
        told = filed or (not attached and is_told_day(doc, timex, (focus,)))
        if (
            verb is not None
            and (not told or court_verb(doc, verb))
            and nested_in_argument(doc, event, timex, verb)
        ):
            preceded = True
            # "the victim of the shooting died Sunday": the death's day; "a man whose
            # daughter was shot was indicted Tuesday": the court's day, not the crime's
            continue
        if verb is not None and deed_of_a_later_step(doc, event, timex, verb):
            preceded = True
            continue  # "was charged Tuesday with the murder of": the charge's day
        if not attached and in_complement(doc, event, own_verb, verb):
            continue  # "accuses him of staging a coup in July": the coup's month
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
    return out, preceded


def _in_dateline(doc: Document, start: int) -> bool:
    """Whether the character ``start`` lies in a wire dateline ("NAIROBI, June 26 -")."""
    if doc.spacy_doc is None:
        return False
    span = doc.spacy_doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span[0].i in dateline_tokens(doc.spacy_doc)


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


_CLIMB = 6


def _offset_clause(doc: Document, event: Event) -> tuple[int, int, int, str, int] | None:
    """For an event told in a clause or phrase of "after" or "before" that a written
    duration measures ("a week after 44 people were killed", "three weeks after the
    bombing", "a day before a meeting"): the clause's character bounds, the signed
    number and unit of the offset (``-`` for "after": the event came that much earlier
    than the day the sentence tells), and where the duration starts; an unknown number
    ("days after") gives 0 and the unit ``X``. None otherwise."""
    token = trigger_root(doc.spacy_doc, event)
    if token is None:
        return None
    marker, clause = None, None
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
# incident's ("police got a 911 call Sunday evening", "deputies responded around 5 p.m.
# Oct. 11", "officers were dispatched at 1:36 a.m.").
_RESPONSE = re.compile(
    r"\b(?:responded|responding|dispatched|called to|called 911|911 calls?"
    r"|calls? (?:about|of|reporting) (?:a |the )?(?:shooting|shots|gunfire)"
    r"|shots?[- ]fired calls?|arrived (?:at|on) the scene"
    r"|(?:police|officers|deputies|troopers|authorities|crews|paramedics|medics)"
    r" (?:\w+ )?arrived)\b",
    re.IGNORECASE,
)


def is_response(sentence: str) -> bool:
    """Whether ``sentence`` tells the call for help or the emergency response to it."""
    return _RESPONSE.search(sentence) is not None
