"""Which of a sentence's dates belong to an event, read on the dependency parse.

The dates stage (``eventwire.stages.dates``) dates an event by a DATE or TIME expression
of its sentence. This module says which expression is not the event's own: one that
qualifies another noun ("the Nov. 8 election", "2014 Olympic champion"), one that a
written duration measures ("a month before the Nov. 8 election"), and whether the
event's clause puts it in a past or over a period that no single day dates ("have held
several meetings in recent months", "was originally detained").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.model import DatePrecision, Document, Event, TimeExpression, TimexType
from eventwire.timex.tense import governing_verb
from eventwire.timex.words import load_lexicon

# A duration that a clause or phrase of "after" or "before" measures from another day
# ("it comes a week after 44 people were killed"): P<n><unit>; "days after": PX<unit>.
OFFSET = re.compile(r"P(\d+)([DWMY])")
VAGUE_OFFSET = re.compile(r"PX[DWMY]")
OFFSET_WORDS = frozenset({"after", "before"})


def shift(day: date, number: int, unit: str) -> tuple[date, DatePrecision]:
    """``day`` moved by ``number`` days, weeks, months or years (D, W, M, Y), at the
    precision of the unit."""
    if unit in "DW":
        return day + timedelta(days=number * (7 if unit == "W" else 1)), DatePrecision.DAY
    if unit == "M":
        months = day.year * 12 + day.month - 1 + number
        return date(months // 12, months % 12 + 1, 1), DatePrecision.MONTH
    return date(day.year + number, 1, 1), DatePrecision.YEAR


def measured_from(
    doc: Document, timex: TimeExpression, event: Event | None
) -> tuple[int, str] | None:
    """For a date in a phrase of "before" or "after" that a written duration measures
    ("about a month before the Nov. 8 election", "two days after May 3") and that does
    not hold ``event``'s trigger: the signed offset from that date to the event's day
    (``-`` for "before") and its unit. None otherwise."""
    if doc.spacy_doc is None:
        return None
    span = doc.spacy_doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(3):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.lower_ in OFFSET_WORDS and token.dep_ == "prep":
            break
    else:
        return None
    marker = token
    if event is not None and event.trigger_start is not None:
        words = list(marker.subtree)
        if words[0].idx <= event.trigger_start < words[-1].idx + len(words[-1]):
            return None
    for other in doc.timexes:
        if other.type is not TimexType.DURATION or other.value is None:
            continue
        if other.end > marker.idx or doc.text[other.end : marker.idx].strip():
            continue
        found = OFFSET.fullmatch(other.value)
        if found is None:
            return None
        sign = -1 if marker.lower_ == "before" else 1
        return sign * int(found.group(1)), found.group(2)
    return None


def verb_of_span(doc: Document, start: int, end: int) -> int | None:
    """The token index of the verb whose clause holds the characters start..end."""
    if doc.spacy_doc is None:
        return None
    span = doc.spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    return None if verb is None else int(verb.i)


# A day told as one after or before another ("the following day"): that of its own verb.
NEXT_DAY = re.compile(
    r"the\s+(?:previous|following|next)\s+day|the\s+day\s+(?:before|after)", re.IGNORECASE
)

# Dependencies by which a date qualifies the noun it stands before ("the Nov. 8
# election", "2014 Olympic champion", "Saturday's game").
_PREMODIFIER = frozenset({"nummod", "compound", "nmod", "amod", "poss", "npadvmod"})


def names_other_noun(doc: Document, timex: TimeExpression) -> bool:
    """Whether ``timex`` stands before a noun it qualifies ("the Nov. 8 election", "the
    Dec. 10 bombings", "2012 Olympic bronze medallist"): the day or year of that thing,
    which is no narrative time for the sentences after it. (As a candidate for an event
    of its own sentence it stays: "the march ended without the violence of last week's
    rally" is coded as the rally as often as the march.)"""
    if doc.spacy_doc is None:
        return False
    span = doc.spacy_doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    noun = root.head
    if root.dep_ not in _PREMODIFIER or noun.i in (t.i for t in span) or noun.i < root.i:
        return False
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return not (
        root.dep_ == "poss"
        and root.tag_ != "POS"
        and not any(c.tag_ == "POS" for c in root.children)
    )


# Calendar units of a duration that an event can span over days (not "for ten minutes").
_SPAN_UNIT = re.compile(r"P(?:\d+|X)(?:D|W|M|Y|DE|CE)")
# A yearly habit ("pardons a turkey every year", "annually") spans years, not a day.
_YEARLY = re.compile(r"P\d*Y")


def undated_past(doc: Document, event: Event) -> bool:
    """Whether the trigger's clause puts the event over a period or in a past the text
    does not date, so that the publication day would be wrong: a duration it spans ("have
    held several meetings in recent months", "fought for years"; ``period_span`` words, or
    "for" before an unknown number of units), an unknown number of units before or
    after another time ("discussed it days before the meeting"), a yearly habit ("every
    year"), a present perfect in a relative clause (what the noun has done so far:
    "rivals, which have backed opposing sides"), or an adverb of a past time
    (``past_adverb``: "was originally detained in Izmir"). A written number of units
    after "for" ("have shelled the valley for two weeks") runs up to the day told, and so
    does a habit of every day or night."""
    verb = trigger_verb(doc, event)
    if verb is None or doc.spacy_doc is None:
        return False
    lexicon = load_lexicon()
    head = doc.spacy_doc[verb]
    # the adverb of the verb whose purpose or complement the trigger is: "was initially
    # hired to investigate the firm"
    governing = [head, head.head] if head.dep_ in ("xcomp", "advcl") else [head]
    if any(
        c.dep_ == "advmod" and c.lower_ in lexicon.past_adverbs
        for verb_token in governing
        for c in verb_token.children
    ):
        return True
    if head.dep_ == "relcl" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_.lower() == "have"
        for c in head.children
    ):
        return True  # "Turkey and Russia, which have backed opposing sides"
    for timex in doc.timexes:
        if not event.start <= timex.start < event.end or timex.value is None:
            continue
        if timex.type not in (TimexType.DURATION, TimexType.SET):
            continue
        if verb_of_span(doc, timex.start, timex.end) != verb:
            continue
        if timex.type is TimexType.SET:
            if _YEARLY.fullmatch(timex.value) is not None:
                return True
            continue
        after = re.match(r"\s*(\w+)", doc.text[timex.end : timex.end + 12])
        if VAGUE_OFFSET.fullmatch(timex.value) and after and after.group(1).lower() in OFFSET_WORDS:
            return True  # "discussed the case days before the meeting"
        before = re.search(r"(\w+)\s*$", doc.text[max(event.start, timex.start - 20) : timex.start])
        word = before.group(1).lower() if before is not None else ""
        if _SPAN_UNIT.fullmatch(timex.value) is None:
            continue
        if word in lexicon.period_span or (word == "for" and "X" in timex.value):
            return True
    return False


def trigger_verb(doc: Document, event: Event) -> int | None:
    if event.trigger_start is None or event.trigger_end is None:
        return None
    return verb_of_span(doc, event.trigger_start, event.trigger_end)
