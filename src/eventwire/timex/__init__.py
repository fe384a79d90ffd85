"""Time expressions: find them in text and normalise them to TIMEX3 values.

    >>> from datetime import date
    >>> from eventwire.model import DateOrigin
    >>> anchor = Anchor(date(2013, 3, 22), DateOrigin.METADATA)
    >>> [(t.text, t.value) for t in find_timexes("It ended last week.", anchor)]
    [('last week', '2013-W11')]

Recognition is rule-based (``timex_recognize``): fully written dates come from
``eventwire.timex.calendar``; every other pattern is a regex plus a handler that checks its
context. Where rules overlap, the longest match wins ("the past two years" over "two
years"). Relative values are resolved against the ``Anchor`` (``timex_normalize``) and,
for weekday and month names, the tense of the governing clause (``timex_tense``). With no
anchor, relative expressions are still found but their value is None.

Decisions worth knowing: "overnight" is the night that began the day before the anchor
(the night ending on the morning of publication), or the anchor's own night in a
future-tense clause; a weekday in a future-tense clause may be the anchor day itself
("will speak on Friday" in Friday's paper), while "next Friday" is always a later day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from eventwire.model import TimeExpression, TimexType
from eventwire.timex.calendar import find_calendar_dates
from eventwire.timex.handlers import Context, Found, ReferenceScope
from eventwire.timex.literals import fold_case, may_match
from eventwire.timex.normalize import Anchor, Tense, TenseLookup, no_tense, time_value
from eventwire.timex.recognize import Rule, build_rules, default_rules
from eventwire.timex.words import TimexLexicon, load_lexicon

__all__ = ["Anchor", "find_timexes"]


def find_timexes(
    text: str,
    anchor: Anchor | None,
    *,
    tense_of: TenseLookup = no_tense,
    sentences: Sequence[tuple[int, int]] | None = None,
    lexicon: TimexLexicon | None = None,
) -> list[TimeExpression]:
    """Every time expression in ``text``, in text order, with offsets into ``text``.

    ``tense_of(start, end)`` gives the tense of the clause around a span (see
    ``timex_tense.SpacyTense``); without it, weekday and month names resolve to the
    nearest one. ``sentences`` (start, end) bounds let a clock time ("8 a.m.") take its
    day from a day named in the same sentence; without them the whole text is one
    sentence.
    """
    rules: tuple[Rule, ...] = default_rules() if lexicon is None else build_rules(lexicon)
    context = Context(text, anchor, tense_of, lexicon or load_lexicon())
    candidates: list[tuple[Found, int]] = [
        (Found(c.start, c.end, TimexType.DATE, c.date.isoformat()), -1)
        for c in find_calendar_dates(text)
    ]
    folded = fold_case(text)
    for priority, rule in enumerate(rules):
        if not may_match(rule.pattern, text, folded):
            continue  # a word every match holds is not in the text
        for match in rule.pattern.finditer(text):
            found = rule.handler(match, context)
            if found is not None:
                candidates.append((found, priority))
    chosen = _longest_first(candidates)
    resolved = _resolve_deferred(chosen, anchor, sentences or [(0, len(text))], tense_of)
    return [
        TimeExpression(text[f.start : f.end], f.start, f.end, f.type, f.value, f.mod)
        for f in resolved
    ]


def _longest_first(candidates: list[tuple[Found, int]]) -> list[Found]:
    """Non-overlapping matches, preferring longer ones, then earlier rules."""
    ordered = sorted(candidates, key=lambda c: (-(c[0].end - c[0].start), c[1], c[0].start))
    taken: list[Found] = []
    for found, _ in ordered:
        if all(found.end <= t.start or found.start >= t.end for t in taken):
            taken.append(found)
    return sorted(taken, key=lambda f: f.start)


def _day_of(found: Found) -> date | None:
    """The day a resolved DATE or TIME value names, if it names one."""
    if found.type not in (TimexType.DATE, TimexType.TIME) or found.value is None:
        return None
    head = found.value.split("T", 1)[0]
    if len(head) != 10:
        return None
    try:
        return date.fromisoformat(head)
    except ValueError:
        return None


def _resolve_deferred(
    chosen: list[Found],
    anchor: Anchor | None,
    sentences: Sequence[tuple[int, int]],
    tense_of: TenseLookup = no_tense,
) -> list[Found]:
    """Give "the next day" and then clock times ("8 a.m.") their values. A clock time
    whose sentence names no day, told in the past, takes the day the text named last
    before it ("A man was shot Sunday. It happened around 2 a.m."), not the anchor's."""
    out: list[Found] = []
    last_day = anchor.day if anchor else None
    for found in chosen:  # "the next day": the last day named before it, in text order
        deferred = found.deferred
        if (
            deferred is not None
            and deferred.scope is ReferenceScope.PRECEDING
            and last_day is not None
        ):
            shifted = last_day + timedelta(days=deferred.days)
            found = replace(found, value=shifted.isoformat(), deferred=None)
        named = _day_of(found)
        if named is not None:
            last_day = named
        out.append(found)
    for index, found in enumerate(out):  # clock times: a day named in the same sentence
        deferred = found.deferred
        if deferred is None or deferred.scope is not ReferenceScope.SENTENCE:
            continue
        reference = (
            _day_in_sentence(out, index, sentences)
            or _narrative_day(out, index, anchor, tense_of)
            or (anchor.day if anchor else None)
        )
        if reference is not None:
            time_part = deferred.time_part or "XX:XX"
            value = time_value(reference + timedelta(days=deferred.days), time_part)
            out[index] = replace(found, value=value, deferred=None)
    return out


def _narrative_day(
    chosen: list[Found], index: int, anchor: Anchor | None, tense_of: TenseLookup
) -> date | None:
    """For a clock time told in the past, the last day named before it in the text, when
    that day is not after the anchor; None otherwise."""
    me = chosen[index]
    if anchor is None or anchor.is_lower_bound or tense_of(me.start, me.end) is not Tense.PAST:
        return None
    for other in reversed(chosen[:index]):
        if other.deferred is not None:
            continue
        day = _day_of(other)
        if day is not None:
            return day if day <= anchor.day else None
    return None


# Characters between a clock time and the day written right after it.
_ADJACENT = 2


def _day_in_sentence(
    chosen: list[Found], index: int, sentences: Sequence[tuple[int, int]]
) -> date | None:
    """The day written right after ``chosen[index]`` (the sentence splitter may cut
    "11:20 p.m. Sept. 19" after "p.m."), else the day named by the expression nearest
    to it in its sentence."""
    me = chosen[index]
    for other in chosen[index + 1 : index + 2]:  # "11:20 p.m. Sept. 19", split after "p.m."
        day = _day_of(other) if other.deferred is None else None
        if day is not None and 0 <= other.start - me.end <= _ADJACENT:
            return day
    bounds = next(((s, e) for s, e in sentences if s <= me.start < e), None)
    if bounds is None:
        return None
    best: tuple[int, date] | None = None
    for other in chosen:
        if other is me or other.deferred is not None or not bounds[0] <= other.start < bounds[1]:
            continue
        day = _day_of(other)
        if day is None:
            continue
        distance = abs(other.start - me.start)
        if best is None or distance < best[0]:
            best = (distance, day)
    return best[1] if best else None
