"""Recognition rules for time expressions: one regex per pattern family, each paired
with a handler from ``timex_handlers`` that checks the context (is "May" a month here? is
"2000" a year or a head count?) and builds the normalised value.

``eventwire.timex`` runs every rule, keeps the longest non-overlapping matches and
resolves the few values that depend on other expressions ("the next day", "8 a.m.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.timex.calendar import MONTHS, WEEKDAYS
from eventwire.timex.handlers import (
    Handler,
    handle_ago,
    handle_anaphoric_day,
    handle_century,
    handle_clock,
    handle_clock_duration,
    handle_decade,
    handle_deictic_day,
    handle_duration,
    handle_half_duration,
    handle_holiday,
    handle_month_alone,
    handle_month_day,
    handle_month_year,
    handle_period_edge,
    handle_quarter,
    handle_ref,
    handle_relative_period,
    handle_season,
    handle_set_or_per,
    handle_vague_duration,
    handle_weekday,
    handle_weekend,
    handle_year,
)
from eventwire.timex.literals import first_checked
from eventwire.timex.words import TimexLexicon, load_lexicon, phrase_pattern


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


# --- shared regex pieces ---------------------------------------------------------------

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_FULL_WEEKDAYS = [w for w in WEEKDAYS if w.endswith("day")]
_RELATIONS = r"last|next|this|past|coming"
YEAR4 = r"(?:1[89]\d\d|20\d\d)"


def _cased(words: list[str]) -> str:
    """Case-sensitive alternation of capitalised and upper-case forms ("May", "MAY")."""
    forms = sorted({w.capitalize() for w in words} | {w.upper() for w in words}, key=len)
    return "(?-i:" + "|".join(reversed(forms)) + ")"


def _cased_or_lower(words: list[str]) -> str:
    """As ``_cased``, with the lower-case forms too: for names no common word shares
    ("monday" in a feed that lower-cases its text; not "may", "march" or "sun")."""
    forms = sorted({w.capitalize() for w in words} | {w.upper() for w in words} | set(words))
    return "(?-i:" + "|".join(reversed(sorted(forms, key=len))) + ")"


MONTH_ANY = _cased(list(MONTHS))
MONTH_FULL = _cased(_FULL_MONTHS)
WEEKDAY_ANY = _cased(list(WEEKDAYS))
WEEKDAY_FULL = _cased_or_lower(_FULL_WEEKDAYS)


def _number(lexicon: TimexLexicon, name: str) -> str:
    words = phrase_pattern(lexicon.numbers)
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    return rf"(?P<{name}>\d+(?:\.\d+)?(?:\s+1/2)?|(?:{tens})[-\s](?:{ones})|{words})"


# --- the rule table ------------------------------------------------------------------------


def _compile(pattern: str) -> re.Pattern[str]:
    """The rule's regex, matching whole words only (and not the "000" of "1,000"), opened
    with a check of its first character (``first_checked``: the same matches, sooner)."""
    whole_words = r"(?<![\w'’])(?<!\d[.,])(?:" + pattern + r")(?![\w])"
    return first_checked(re.compile(whole_words, re.IGNORECASE))


def build_rules(lexicon: TimexLexicon) -> tuple[Rule, ...]:
    """Every rule, in priority order (an earlier rule wins a tie on length)."""
    lx = lexicon
    mod = rf"(?:(?P<mod>{phrase_pattern(lx.mods)})(?:\s+|(?<=-)))?"
    qmod = rf"(?:(?P<qmod>{phrase_pattern(lx.quantity_mods)})\s+)?"
    units = phrase_pattern(lx.units)
    plural_units = phrase_pattern(lx.plural_units)
    pods = phrase_pattern(lx.parts_of_day)
    seasons = phrase_pattern(lx.seasons)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    weekday_prefix = rf"(?:{WEEKDAY_ANY}\.?,?\s+)?"
    table: list[tuple[str, str, Handler]] = [
        (
            "month_day",
            rf"{weekday_prefix}(?:(?P<rel>last|next|this)\s+)?{mod}"
            rf"(?P<month>{MONTH_ANY})\.?\s+{day}(?![\d:])",
            handle_month_day,
        ),
        (
            "day_month",
            rf"{weekday_prefix}{mod}(?P<rel>)(?:the\s+)?{day}\s+(?:of\s+)?(?P<month>{MONTH_ANY})\.?",
            handle_month_day,
        ),
        (
            "month_year",
            rf"{mod}(?P<month>{MONTH_ANY})\.?,?\s+(?:of\s+)?"
            rf"(?:(?P<year>{YEAR4})|(?P<yrel>this|last|next)\s+year)",
            handle_month_year,
        ),
        (
            "month",
            rf"{mod}(?:(?P<rel>{_RELATIONS})\s+)?(?P<month>{MONTH_FULL})",
            handle_month_alone,
        ),
        (
            "year",
            rf"{mod}(?P<fiscal>(?:the\s+)?(?:fiscal|financial|calendar)\s+year\s+|FY\s?)?"
            rf"(?<![$£€#.,:/])(?<![A-Za-z]-)(?P<year>{YEAR4})(?!%|[.,]\d|-year|\s+percent)",
            handle_year,
        ),
        (
            "decade",
            rf"(?:the\s+)?{mod}(?:(?:the\s+)?(?:(?P<full>(?:1[5-9]|20)\d0)s|['’](?P<short>\d0)s)"
            rf"|the\s+(?P<word>{phrase_pattern(lx.decade_words)}))",
            handle_decade,
        ),
        (
            "century",
            rf"(?:the\s+)?{mod}(?:the\s+)?"
            rf"(?P<ord>{phrase_pattern(lx.ordinals)}|\d{{1,2}}(?:st|nd|rd|th))"
            r"[\s-]+century",
            handle_century,
        ),
        (
            "quarter",
            rf"(?:the\s+)?(?:(?P<rel>last|next|this|past|previous|current|coming)\s+quarter"
            r"|(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter"
            rf"(?:\s+of\s+(?:(?P<year>{YEAR4})|(?P<yrel>this|last|next)\s+year))?"
            rf"|(?-i:Q)(?P<q>[1-4])(?:\s+(?P<year2>{YEAR4}))?)",
            handle_quarter,
        ),
        (
            "season",
            rf"{mod}(?:(?P<rel>{_RELATIONS})\s+|(?P<the>the)\s+)?(?P<season>{seasons})"
            rf"(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?",
            handle_season,
        ),
        (
            "relative_period",
            rf"{mod}(?:(?P<the>the)\s+)?(?P<rel>last|this|next|past|previous|coming|current)\s+"
            r"(?:(?P<fiscal>fiscal|financial)\s+)?(?P<unit>week|weekend|month|year|decade|century)",
            handle_relative_period,
        ),
        (
            "period_edge",
            r"(?P<mod>the\s+(?:end|beginning|start|middle)\s+of|mid-?)\s*(?:the\s+)?"
            r"(?P<unit>week|month|year)",
            handle_period_edge,
        ),
        # "the weekend"; "weekend" before the noun it dates ("at a weekend rally")
        ("weekend", r"the\s+weekend|(?<=\b[Aa] )weekend(?=\s+[a-z]{3,})", handle_weekend),
        (
            "deictic_day",
            rf"{mod}(?P<word>{phrase_pattern(lx.day_offsets)}|tonight|overnight"
            rf"|(?:this|last)\s+(?:{pods}))(?:\s+(?P<pod>{pods}))?",
            handle_deictic_day,
        ),
        (
            "weekday",
            rf"{mod}(?:(?P<rel>{_RELATIONS})\s+)?(?P<wd>{WEEKDAY_FULL})(?P<plural>s)?"
            rf"(?:\s+(?P<pod>{pods}))?",
            handle_weekday,
        ),
        (
            "clock",
            r"(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])(?:\.\s?m\.|\s?m)"
            r"(?:\s+(?:local\s+time|GMT|UTC|[ECMP][SD]T))?"
            r"|(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)\s*(?:GMT|UTC|hours|hrs|local\s+time)"
            r"|(?P<word>noon|midday|midnight)",
            handle_clock,
        ),
        (
            "clock_24h",
            r"(?<=\bat\s)(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?!:\d)(?P<ap>)",
            handle_clock,
        ),
        ("clock_duration", r"(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)", handle_clock_duration),
        (
            "ago",
            rf"{qmod}(?:{_number(lx, 'num')}[\s-]+)?(?P<unit>{units})\s+ago",
            handle_ago,
        ),
        (
            "duration",
            rf"(?:(?P<the>the)\s+(?P<dir>past|last|next|previous|coming|first|following"
            rf"|final)\s+|{qmod}){_number(lx, 'num')}(?P<half>\s+and\s+a\s+half)?(?:\s+|-)"
            rf"(?P<unit>{units})(?:(?P<half2>\s+and\s+a\s+half)|['’](?!s))?",
            handle_duration,
        ),
        ("half_duration", rf"half\s+an?\s+(?P<unit>{units})", handle_half_duration),
        (
            "vague_duration",
            rf"(?:(?P<adj>recent|coming|past|ensuing|preceding)\s+)?(?P<unit>{plural_units})",
            handle_vague_duration,
        ),
        (
            "set",
            rf"(?P<setword>{phrase_pattern(lx.set_words)})"
            rf"|(?:every|each)\s+(?:(?P<other>other)\s+)?(?:{_number(lx, 'num')}\s+)?"
            rf"(?P<unit>{units}|{WEEKDAY_FULL}|{pods}|{seasons})|per\s+(?P<perunit>{units})",
            handle_set_or_per,
        ),
        ("ref", rf"(?P<ref>{phrase_pattern(lx.refs)})(?!-)", handle_ref),
        (
            "holiday",
            rf"(?:(?P<rel>last|next|this)\s+)?(?P<hol>{phrase_pattern(lx.holidays)})"
            rf"(?:\s+(?P<year>{YEAR4}))?",
            handle_holiday,
        ),
        (
            "anaphoric_day",
            r"the\s+(?P<dir>previous|following|next|same)\s+day"
            r"|the\s+day\s+(?P<dir2>before|after)(?=\s*(?:[,.;:!?)]|$))|that\s+day"
            r"|(?P<count>an?|one|two|three|four|five|six|seven|[1-7])\s+days?\s+"
            r"(?P<dir3>earlier|before|later|after)(?=\s*(?:[,.;:!?)]|$))",
            handle_anaphoric_day,
        ),
    ]
    return tuple(Rule(name, _compile(pattern), handler) for name, pattern, handler in table)


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    """The rules built from the packaged lexicon."""
    return build_rules(load_lexicon())
