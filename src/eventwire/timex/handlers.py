"""Handlers of the time-expression rules: each checks a regex match in its context and
builds a ``Found`` (TIMEX3 type, value, mod), calling ``timex_normalize`` for the
calendar arithmetic. The regexes themselves are in ``timex_recognize``.

Extents follow TimeML: prepositions are left out ("on Tuesday" -> "Tuesday"), while
determiners and modifiers that change the value are kept ("the past two years", "early
December", "almost seven years").
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from eventwire.model import TimexType
from eventwire.timex.calendar import MONTHS, WEEKDAYS
from eventwire.timex.normalize import (
    Anchor,
    Tense,
    TenseLookup,
    ago_value,
    current_quarter_offset,
    day_value,
    resolve_month,
    resolve_month_day,
    resolve_quarter,
    resolve_season,
    resolve_weekday,
    shift_period,
    time_value,
    weekend_for_tense,
)
from eventwire.timex.words import TimexLexicon, normalise_phrase

_AMBIGUOUS_MONTHS = frozenset({"may", "march"})


class ReferenceScope(enum.Enum):
    SENTENCE = "the day named in the same sentence, else the anchor"  # "8 a.m."
    PRECEDING = "the last day named before, else the anchor"  # "the next day"


@dataclass(frozen=True, slots=True)
class Deferred:
    """A value that needs a reference day: ``days`` after it, then ``time_part``."""

    scope: ReferenceScope
    days: int = 0
    time_part: str | None = None  # "08:00" for a clock time


@dataclass(frozen=True, slots=True)
class Found:
    """A recognised expression before overlaps are settled (offsets into the text)."""

    start: int
    end: int
    type: TimexType
    value: str | None
    mod: str | None = None
    deferred: Deferred | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a handler may look at besides its match."""

    text: str
    anchor: Anchor | None
    tense_of: TenseLookup
    lexicon: TimexLexicon

    def tense(self, match: re.Match[str]) -> Tense | None:
        return self.tense_of(match.start(), match.end())

    def word_before(self, match: re.Match[str]) -> str:
        """The word right before the match, lower-cased; "" when punctuation intervenes."""
        head = self.text[max(0, match.start() - 40) : match.start()]
        found = re.search(r"([\w'’-]+)\s*$", head)
        return normalise_phrase(found.group(1)) if found else ""

    def word_after(self, match: re.Match[str]) -> str:
        tail = self.text[match.end() : match.end() + 40]
        found = re.match(r"\s*([\w%]+)", tail)
        return found.group(1).lower() if found else ""


Handler = Callable[[re.Match[str], Context], Found | None]


def parse_amount(text: str, lexicon: TimexLexicon) -> float | None:
    """The amount a number phrase stands for; None for "several", "a few"."""
    key = normalise_phrase(text)
    if key in lexicon.numbers:
        value = lexicon.numbers[key]
        return None if value is None else float(value)
    if " 1/2" in key:
        return float(key.split()[0]) + 0.5
    compound = re.fullmatch(r"([a-z]+)[-\s]([a-z]+)", key)
    if compound is not None:
        tens, ones = lexicon.numbers.get(compound[1]), lexicon.numbers.get(compound[2])
        return float((tens or 0) + (ones or 0))
    return float(key)


def _mod_of(match: re.Match[str], lexicon: TimexLexicon, group: str = "mod") -> str | None:
    text = match.groupdict().get(group)
    if not text:
        return None
    key = normalise_phrase(text)
    return lexicon.mods.get(key) or lexicon.mods.get(key.rstrip("-"))


def _found(m: re.Match[str], kind: TimexType, value: str | None, mod: str | None = None) -> Found:
    return Found(m.start(), m.end(), kind, value, mod)


# --- handlers -----------------------------------------------------------------------------


def handle_month_day(m: re.Match[str], ctx: Context) -> Found | None:
    month = MONTHS[m["month"].lower()]
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None, _mod_of(m, ctx.lexicon))
    rel = m["rel"].lower() if m["rel"] else None
    resolved = resolve_month_day(ctx.anchor, month, day, ctx.tense(m), rel)
    if resolved is None:
        return None
    return _found(m, TimexType.DATE, day_value(resolved), _mod_of(m, ctx.lexicon))


def handle_month_year(m: re.Match[str], ctx: Context) -> Found | None:
    month = MONTHS[m["month"].lower()]
    mod = _mod_of(m, ctx.lexicon)
    if m["year"]:
        return _found(m, TimexType.DATE, f"{m['year']}-{month:02d}", mod)
    if ctx.anchor is None:  # "July this year"
        return _found(m, TimexType.DATE, None, mod)
    year = ctx.anchor.day.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    return _found(m, TimexType.DATE, f"{year}-{month:02d}", mod)


def handle_month_alone(m: re.Match[str], ctx: Context) -> Found | None:
    name = m["month"].lower()
    rel = m["rel"].lower() if m["rel"] else None
    mod = _mod_of(m, ctx.lexicon)
    if (
        name in _AMBIGUOUS_MONTHS
        and not (rel or mod)
        and ctx.word_before(m) not in ctx.lexicon.date_prepositions
    ):
        return None
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None, mod)
    rel = "last" if rel == "past" else "next" if rel == "coming" else rel
    return _found(
        m, TimexType.DATE, resolve_month(ctx.anchor, MONTHS[name], ctx.tense(m), rel), mod
    )


def handle_year(m: re.Match[str], ctx: Context) -> Found | None:
    mod = _mod_of(m, ctx.lexicon)
    if m["fiscal"]:
        mod = mod or "APPROX"
    elif mod is None:
        after = ctx.word_after(m)
        if after in ctx.lexicon.not_after_year or after.endswith("%"):
            return None
        quantity_words = {phrase.split()[-1] for phrase in ctx.lexicon.quantity_mods}
        if ctx.word_before(m) in quantity_words and after.endswith("s"):
            return None
    return _found(m, TimexType.DATE, m["year"], mod)


def handle_decade(m: re.Match[str], ctx: Context) -> Found | None:
    mod = _mod_of(m, ctx.lexicon)
    if m["full"]:
        full = m["full"]
        value = full[:2] if full.endswith("00") and int(full) < 2000 else full[:3]
    elif m["short"]:
        tens = int(m["short"][0])
        value = f"{20 if tens < 3 else 19}{tens}"
    else:
        value = f"19{ctx.lexicon.decade_words[normalise_phrase(m['word'])]}"
    return _found(m, TimexType.DATE, value, mod)


def handle_century(m: re.Match[str], ctx: Context) -> Found | None:
    key = normalise_phrase(m["ord"])
    number = ctx.lexicon.ordinals.get(key) or int(re.sub(r"\D", "", key) or 0)
    if not 1 <= number <= 21:
        return None
    return _found(m, TimexType.DATE, f"{number - 1:02d}", _mod_of(m, ctx.lexicon))


_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_ORDINALS |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}


def handle_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    if m["q"]:
        quarter, year = int(m["q"]), m["year2"]
    elif m["ord"]:
        quarter, year = _QUARTER_ORDINALS[m["ord"].lower()], m["year"]
    else:
        quarter, year = 0, None
    if year:
        return _found(m, TimexType.DATE, f"{year}-Q{quarter}")
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None)
    if quarter == 0:
        offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}
        return _found(
            m, TimexType.DATE, current_quarter_offset(ctx.anchor, offset.get(m["rel"].lower(), 0))
        )
    if m["yrel"]:
        shift = {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return _found(m, TimexType.DATE, f"{ctx.anchor.day.year + shift}-Q{quarter}")
    return _found(m, TimexType.DATE, resolve_quarter(ctx.anchor, quarter, ctx.tense(m)))


def handle_season(m: re.Match[str], ctx: Context) -> Found | None:
    code = ctx.lexicon.seasons[normalise_phrase(m["season"])]
    mod = _mod_of(m, ctx.lexicon)
    rel = m["rel"].lower() if m["rel"] else None
    if m["year"]:
        return _found(m, TimexType.DATE, f"{m['year']}-{code}", mod)
    if ctx.word_after(m) == "of":  # "the fall of Kabul", "the spring of discontent"
        return None
    # "to" is left out: "transfers to fall", "ready to spring".
    context_words = (ctx.lexicon.date_prepositions | ctx.lexicon.vague_duration_before) - {"to"}
    if not (rel or mod) and ctx.word_before(m) not in context_words:
        return None
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None, mod)
    rel = "last" if rel == "past" else "next" if rel == "coming" else rel
    return _found(m, TimexType.DATE, resolve_season(ctx.anchor, code, ctx.tense(m), rel), mod)


_PERIOD_OFFSETS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0}
_PERIOD_OFFSETS |= {"next": 1, "coming": 1, "following": 1}


def handle_relative_period(m: re.Match[str], ctx: Context) -> Found | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    mod = _mod_of(m, ctx.lexicon)
    if m["fiscal"]:
        mod = mod or "APPROX"
    if rel == "past" and m["the"] and not mod and unit != "weekend":
        duration = ctx.lexicon.units[unit].duration(1.0)  # "the past week" = P1W
        return _found(m, TimexType.DURATION, duration)
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None, mod)
    return _found(m, TimexType.DATE, shift_period(ctx.anchor, unit, _PERIOD_OFFSETS[rel]), mod)


def handle_period_edge(m: re.Match[str], ctx: Context) -> Found | None:
    """A period's edge: "the end of the year", "the beginning of the month", "mid-week"."""
    mod = _mod_of(m, ctx.lexicon)
    if mod is None:
        return None
    unit = m["unit"].lower()
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None, mod)
    day, tense = ctx.anchor.day, ctx.tense(m)
    # How far into the period the anchor is, from 0 (its start) to 1 (its end).
    progress = {
        "week": day.weekday() / 6,
        "month": (day.day - 1) / 30,
        "year": (day.month - 1) / 11,
    }[unit]
    offset = 0
    if tense is Tense.PAST and mod == "END" and progress < 0.75:
        offset = -1  # "peaked by the end of the year", said in March: last year's end
    elif tense is Tense.FUTURE and mod == "START" and progress > 0.25:
        offset = 1
    return _found(m, TimexType.DATE, shift_period(ctx.anchor, unit, offset), mod)


def handle_weekend(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None)
    tense = ctx.tense(m)
    if not m.group(0).lower().startswith("the") and tense is not Tense.FUTURE:
        tense = Tense.PAST  # "at a weekend rally": the one just past unless told ahead
    return _found(m, TimexType.DATE, weekend_for_tense(ctx.anchor, tense))


def handle_deictic_day(m: re.Match[str], ctx: Context) -> Found | None:
    word = normalise_phrase(m["word"])
    pod = normalise_phrase(m["pod"]) if m["pod"] else None
    mod = _mod_of(m, ctx.lexicon)
    if word.startswith(("this ", "last ")):  # "this morning", "last night"
        first, pod = word.split(" ", 1)
        offset = -1 if first == "last" else 0
    elif word == "tonight":
        offset, pod = 0, "night"
    elif word == "overnight":
        # The night that ends on the anchor morning began the day before; a clause in
        # the future tense means the coming night.
        offset, pod = (0 if ctx.tense(m) is Tense.FUTURE else -1), "night"
    else:
        offset = ctx.lexicon.day_offsets[word]
    kind = TimexType.TIME if pod else TimexType.DATE
    if ctx.anchor is None:
        return _found(m, kind, None, mod)
    day = ctx.anchor.day + timedelta(days=offset)
    if pod:
        return _found(m, kind, time_value(day, ctx.lexicon.parts_of_day[pod]), mod)
    return _found(m, kind, day_value(day), mod)


def handle_weekday(m: re.Match[str], ctx: Context) -> Found | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    if m["plural"]:
        return _found(m, TimexType.SET, f"XXXX-WXX-{weekday + 1}")
    pod = ctx.lexicon.parts_of_day[normalise_phrase(m["pod"])] if m["pod"] else None
    kind = TimexType.TIME if pod else TimexType.DATE
    mod = _mod_of(m, ctx.lexicon)
    if ctx.anchor is None:
        return _found(m, kind, None, mod)
    rel = m["rel"].lower() if m["rel"] else None
    rel = "last" if rel == "past" else "next" if rel == "coming" else rel
    day = resolve_weekday(ctx.anchor, weekday, ctx.tense(m), None if rel == "this" else rel)
    value = time_value(day, pod) if pod else day_value(day)
    return _found(m, kind, value, mod)


def handle_clock(m: re.Match[str], ctx: Context) -> Found | None:
    groups = m.groupdict()
    if groups.get("word"):
        hour, minute = (24, 0) if m["word"].lower() == "midnight" else (12, 0)
    elif groups.get("hhmm"):
        hour, minute = int(m["hhmm"][:2]), int(m["hhmm"][2:])
    else:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        ampm = (groups.get("ap") or "").lower()
        if ampm and not 1 <= hour <= 12:
            return None
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None
    deferred = Deferred(ReferenceScope.SENTENCE, 0, f"{hour:02d}:{minute:02d}")
    return Found(m.start(), m.end(), TimexType.TIME, None, None, deferred)


def handle_clock_duration(m: re.Match[str], ctx: Context) -> Found | None:
    value = f"PT{int(m['h'])}H{int(m['m'])}M{int(m['s'])}S"
    return _found(m, TimexType.DURATION, value)


def _starts_sentence(text: str, start: int) -> bool:
    """True when only sentence punctuation, quotes or nothing precede ``start``."""
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:;\"“”'‘’\n("


def _is_age(m: re.Match[str], ctx: Context) -> bool:
    tail = ctx.text[m.end() : m.end() + 5].lower()
    return tail.startswith(("-old", " old")) or ctx.word_before(m) in ctx.lexicon.age_words


def handle_duration(m: re.Match[str], ctx: Context) -> Found | None:
    if _is_age(m, ctx):
        return None
    unit = ctx.lexicon.units[normalise_phrase(m["unit"])]
    number = normalise_phrase(m["num"])
    amount = parse_amount(m["num"], ctx.lexicon)
    if (m["half"] or m["half2"]) and amount is not None:
        amount += 0.5
    qmod = ctx.lexicon.quantity_mods.get(normalise_phrase(m["qmod"])) if m["qmod"] else None
    if number in ("a", "an") and not (m["qmod"] or m["the"]) and ctx.word_after(m) != "of":
        before = ctx.word_before(m)
        if before in ctx.lexicon.rate_words or before[:1].isdigit():
            return _found(m, TimexType.SET, unit.duration(1.0))  # "twice a week", "$5 a day"
    return _found(m, TimexType.DURATION, unit.duration(amount), qmod)


def handle_half_duration(m: re.Match[str], ctx: Context) -> Found | None:
    unit = ctx.lexicon.units[normalise_phrase(m["unit"])]
    return _found(m, TimexType.DURATION, unit.duration(0.5))


def handle_vague_duration(m: re.Match[str], ctx: Context) -> Found | None:
    if not m["adj"]:
        before, after = ctx.word_before(m), ctx.word_after(m)
        if (
            before not in ctx.lexicon.vague_duration_before
            and after not in ctx.lexicon.vague_duration_after
        ):
            return None
    unit = ctx.lexicon.units[normalise_phrase(m["unit"])]
    return _found(m, TimexType.DURATION, unit.duration(None))


def handle_ago(m: re.Match[str], ctx: Context) -> Found | None:
    unit = ctx.lexicon.units[normalise_phrase(m["unit"])]
    qmod = ctx.lexicon.quantity_mods.get(normalise_phrase(m["qmod"])) if m["qmod"] else None
    amount = parse_amount(m["num"], ctx.lexicon) if m["num"] else None
    if amount is None or amount != int(amount):
        return _found(m, TimexType.DATE, "PAST_REF", qmod)
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None, qmod)
    value = ago_value(ctx.anchor, int(amount) * unit.multiplier, unit.designator, unit.time_part)
    return _found(m, TimexType.DATE, value, qmod)


def _every(m: re.Match[str], ctx: Context) -> Found | None:
    if m["setword"]:
        if m["setword"][0].isupper() and not _starts_sentence(ctx.text, m.start()):
            return None  # a name: "People's Daily", "The Weekly Standard"
        value = ctx.lexicon.set_words[normalise_phrase(m["setword"])]
        if value.startswith("T"):
            value = f"XXXX-XX-XX{value}"
        return _found(m, TimexType.SET, value)
    target = normalise_phrase(m["unit"])
    every = 2 if m["other"] else 1
    if m["num"]:
        every *= int(parse_amount(m["num"], ctx.lexicon) or 1)
    if target in ctx.lexicon.units:
        return _found(m, TimexType.SET, ctx.lexicon.units[target].duration(float(every)))
    if target in WEEKDAYS:
        return _found(m, TimexType.SET, f"XXXX-WXX-{WEEKDAYS[target] + 1}")
    if target in ctx.lexicon.parts_of_day:
        return _found(m, TimexType.SET, f"XXXX-XX-XXT{ctx.lexicon.parts_of_day[target]}")
    return _found(m, TimexType.SET, f"XXXX-{ctx.lexicon.seasons[target]}")


def handle_ref(m: re.Match[str], ctx: Context) -> Found | None:
    phrase = normalise_phrase(m["ref"])
    context_words = ctx.lexicon.date_prepositions | ctx.lexicon.vague_duration_before
    if phrase.startswith("the ") and ctx.word_before(m) not in context_words:
        return None  # "the future peace", "the past tense"; keep "in the future"
    return _found(m, TimexType.DATE, ctx.lexicon.refs[phrase])


def handle_holiday(m: re.Match[str], ctx: Context) -> Found | None:
    month, day = (int(part) for part in ctx.lexicon.holidays[normalise_phrase(m["hol"])].split("-"))
    if m["year"]:
        return _found(m, TimexType.DATE, f"{m['year']}-{month:02d}-{day:02d}")
    if ctx.anchor is None:
        return _found(m, TimexType.DATE, None)
    rel = m["rel"].lower() if m["rel"] else None
    resolved = resolve_month_day(ctx.anchor, month, day, ctx.tense(m), rel)
    return _found(m, TimexType.DATE, day_value(resolved) if resolved else None)


# "two days earlier": days counted from the day told before, not from publication.
_DAY_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
               "six": 6, "seven": 7}  # fmt: skip


def handle_anaphoric_day(m: re.Match[str], ctx: Context) -> Found | None:
    direction = (m["dir"] or m["dir2"] or m["dir3"] or "same").lower()
    days = {"previous": -1, "before": -1, "earlier": -1, "next": 1, "following": 1,
            "after": 1, "later": 1}.get(direction, 0)  # fmt: skip
    if m["count"]:
        count = m["count"].lower()
        days *= int(count) if count.isdigit() else _DAY_COUNTS[count]
    deferred = Deferred(ReferenceScope.PRECEDING, days)
    return Found(m.start(), m.end(), TimexType.DATE, None, None, deferred)


def handle_set_or_per(m: re.Match[str], ctx: Context) -> Found | None:
    if m["perunit"]:
        unit = ctx.lexicon.units[normalise_phrase(m["perunit"])]
        return _found(m, TimexType.SET, unit.duration(1.0))
    return _every(m, ctx)
