"""The day of an event that no time expression of its sentence dates.

The dates stage (``eventwire.stages.dates``) gives such an event the publication day.
Two passes then correct that default:

1. ``carry_reference_time``: an event told in the simple past takes the day the text
   named last in the sentences just before it (the narrative's time: "The attack left
   one officer dead" after "Thursday night").
2. ``withhold_unfounded_days``: an event still dated only by the publication day keeps it
   only with evidence that it is news of the day (``eventwire.timex.recency``); a later
   telling of the kind of happening the lead (else an earlier dated sentence) reports
   takes that day; where a case stands ("is charged with assault") takes the day of the
   arrest the article reports; anything else is left undated.
"""

from __future__ import annotations

from eventwire.model import DatePrecision, Document, Event, TimexType
from eventwire.timex.clauses import measured_from, names_other_noun
from eventwire.timex.normalize import Anchor, calendar_date
from eventwire.timex.recency import Telling, lead_events, news_of_the_day, telling
from eventwire.timex.tense import governing_verb, is_aspect_complement, trigger_root
from eventwire.timex.told import bare_clock_times, dated_by_telling, is_told_day

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
    takes no narrative day (whether a perfect past the lead is the day's news is
    ``withhold_unfounded_days``'s question)."""
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
        event.date, event.date_precision = when
        event.date_from_publication = False


def _simple_past(doc: Document, event: Event) -> bool:
    """Whether the event's trigger is told in the simple past ("shot", "was killed", "left
    three people wounded"; not "has been arrested", "had fled", "would meet")."""
    trigger = trigger_root(doc.spacy_doc, event)
    if trigger is None:
        return False
    verb = governing_verb(trigger)
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
            and _past_day(e, anchor)
            and not dated_by_telling(doc, e)
        ]
        if not told:
            # a lead that tells no such happening: the article's first telling of its
            # kind that a day of its own dates
            told = [
                e
                for e in sorted(doc.events, key=lambda e: e.start)
                if e.start < event.start
                and e.type == event.type
                and _past_day(e, anchor)
                and not e.date_from_publication
                and not dated_by_telling(doc, e)
            ]
        if not told and telling(doc, event) is Telling.STATE:
            # where a case stands ("he is charged with assault", "is being held") after
            # the article has told the arrest: the day of the arrest (an arrest told only
            # later, "last Thursday police arrested two others", is another case)
            told = [
                e
                for e in sorted(doc.events, key=lambda e: e.start)
                if e is not event
                and e.start < event.start
                and e.mode == ARREST_MODE
                and _past_day(e, anchor)
                and not dated_by_telling(doc, e)
            ][:1]
        if told:
            event.date, event.date_precision = told[0].date, told[0].date_precision
            event.date_from_publication = told[0].date_from_publication
            continue
        event.date, event.date_precision = None, None
        event.date_from_publication = False


def _past_day(event: Event, anchor: Anchor) -> bool:
    """Whether ``event`` is dated to a day no later than the anchor, so that another
    telling may take its day: a happening still to come ("will meet on Friday") or
    dated after publication lends no day to what the text tells as done (where the
    anchor is only a lower bound of publication, a caption's or a web address's day, a
    later day may still be past)."""
    return (
        not event.future
        and event.date is not None
        and event.date_precision is DatePrecision.DAY
        and (anchor.is_lower_bound or event.date <= anchor.day)
    )


# The mode of an arrest (PLOVER's COERCE).
ARREST_MODE = "arrest"
