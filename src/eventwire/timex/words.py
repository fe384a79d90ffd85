"""The word lists of the time-expression recogniser, read from ``data/timex_words.tsv``.

The file is the knowledge (number words, units, seasons, holidays, modifier words); this
module only reads it into a typed ``TimexLexicon`` and builds regex alternations from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.datafiles import read_data, table_rows
from eventwire.errors import ResourceError

LEXICON_FILE = "timex_words.tsv"
LEXICON_COLUMNS = ("kind", "phrases", "value")

# Kinds whose values are kept as strings; the others hold integers (or X for "several").
_STRING_KINDS = frozenset(
    {"unit", "season", "part_of_day", "mod", "quantity_mod", "ref", "set_word", "holiday"}
)
_INT_KINDS = frozenset({"ordinal", "day_offset", "decade_word"})
_WORD_SET_KINDS = frozenset(
    {
        "future_cue",
        "date_preposition",
        "not_after_year",
        "age_word",
        "vague_duration_before",
        "vague_duration_after",
        "period_boundary",
        "rate_word",
        "report_verb",
        "court_verb",
        "period_span",
        "past_adverb",
    }
)
KINDS = _STRING_KINDS | _INT_KINDS | _WORD_SET_KINDS | {"number"}


@dataclass(frozen=True, slots=True)
class Unit:
    """A duration unit: ``designator`` is the TIMEX3 letter (Y, M, W, D, H, M, S) and
    ``time_part`` tells hours/minutes/seconds (written after a T) from calendar units."""

    designator: str
    multiplier: int
    time_part: bool

    def duration(self, amount: float | None) -> str:
        """The TIMEX3 duration value for ``amount`` of this unit (None -> "X")."""
        prefix = "PT" if self.time_part else "P"
        if amount is None:
            return f"{prefix}X{self.designator_for_vague}"
        total = amount * self.multiplier
        if total != int(total):
            smaller = _SMALLER_UNIT.get((self.designator, self.time_part))
            if smaller is not None:
                factor, designator, time_part = smaller
                return Unit(designator, 1, time_part).duration(total * factor)
            return f"{prefix}{total:g}{self.designator}"
        return f"{prefix}{int(total)}{self.designator}"

    @property
    def designator_for_vague(self) -> str:
        """TimeML writes an unknown number of decades or centuries as XDE / XCE."""
        if self.designator == "Y" and self.multiplier == 10:
            return "DE"
        if self.designator == "Y" and self.multiplier >= 100:
            return "CE"
        return self.designator


# Fractions of a unit are written in the next smaller unit: half a year -> P6M.
_SMALLER_UNIT: dict[tuple[str, bool], tuple[int, str, bool]] = {
    ("Y", False): (12, "M", False),
    ("W", False): (7, "D", False),
    ("D", False): (24, "H", True),
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
}


@dataclass(frozen=True, slots=True)
class TimexLexicon:
    """Every word list of the recogniser, keyed by lower-cased phrase."""

    numbers: dict[str, int | None] = field(default_factory=dict)  # None: "several"
    ordinals: dict[str, int] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    plural_units: frozenset[str] = frozenset()
    seasons: dict[str, str] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    day_offsets: dict[str, int] = field(default_factory=dict)
    decade_words: dict[str, int] = field(default_factory=dict)
    mods: dict[str, str] = field(default_factory=dict)
    quantity_mods: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    set_words: dict[str, str] = field(default_factory=dict)
    holidays: dict[str, str] = field(default_factory=dict)
    future_cues: frozenset[str] = frozenset()
    date_prepositions: frozenset[str] = frozenset()
    not_after_year: frozenset[str] = frozenset()
    age_words: frozenset[str] = frozenset()
    vague_duration_before: frozenset[str] = frozenset()
    vague_duration_after: frozenset[str] = frozenset()
    period_boundary: frozenset[str] = frozenset()
    rate_words: frozenset[str] = frozenset()
    report_verbs: frozenset[str] = frozenset()  # of telling and of the court
    court_verbs: frozenset[str] = frozenset()
    period_span: frozenset[str] = frozenset()
    past_adverbs: frozenset[str] = frozenset()


def phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex alternation matching any of ``phrases`` (longest first), with flexible
    whitespace and either apostrophe."""
    words = sorted(set(phrases), key=len, reverse=True)
    parts = []
    for word in words:
        escaped = re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def normalise_phrase(text: str) -> str:
    """The lexicon key of a matched phrase: lower case, single spaces, straight apostrophe."""
    return " ".join(text.lower().replace("’", "'").split())


def _parse_unit(value: str, where: str) -> Unit:
    match = re.fullmatch(r"(?P<mult>\d*)(?P<t>T?)(?P<des>[YMWDHS])", value)
    if match is None:
        raise ResourceError(f"{where}: unit value {value!r} is not like 'D', '10Y' or 'TH'")
    multiplier = int(match["mult"]) if match["mult"] else 1
    return Unit(match["des"], multiplier, bool(match["t"]))


def parse_lexicon(text: str, origin: str = LEXICON_FILE) -> TimexLexicon:
    """Read the TSV text of a lexicon file; raises ``ResourceError`` on a malformed line."""
    lists: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for number, (kind, phrases, value) in table_rows(text, origin, LEXICON_COLUMNS):
        where = f"{origin}:{number}"
        if kind not in KINDS:
            raise ResourceError(
                f"{where}: unknown kind {kind!r}; known: {', '.join(sorted(KINDS))}"
            )
        for phrase in phrases.split("|"):
            if phrase.strip():
                lists[kind][normalise_phrase(phrase)] = value
    try:
        numbers = {k: None if v == "X" else int(v) for k, v in lists["number"].items()}
        ints = {kind: {k: int(v) for k, v in lists[kind].items()} for kind in _INT_KINDS}
    except ValueError as exc:
        raise ResourceError(
            f"{origin}: a number, ordinal or offset is not an integer: {exc}"
        ) from exc
    units = {k: _parse_unit(v, origin) for k, v in lists["unit"].items()}
    plural_units = frozenset(k for k in lists["unit"] if k.endswith(("s", "ia")))
    return TimexLexicon(
        numbers=numbers,
        ordinals=ints["ordinal"],
        units=units,
        plural_units=plural_units,
        seasons=lists["season"],
        parts_of_day=lists["part_of_day"],
        day_offsets=ints["day_offset"],
        decade_words=ints["decade_word"],
        mods=lists["mod"],
        quantity_mods=lists["quantity_mod"],
        refs=lists["ref"],
        set_words=lists["set_word"],
        holidays=lists["holiday"],
        future_cues=frozenset(lists["future_cue"]),
        date_prepositions=frozenset(lists["date_preposition"]),
        not_after_year=frozenset(lists["not_after_year"]),
        age_words=frozenset(lists["age_word"]),
        vague_duration_before=frozenset(lists["vague_duration_before"]),
        vague_duration_after=frozenset(lists["vague_duration_after"]),
        period_boundary=frozenset(lists["period_boundary"]),
        rate_words=frozenset(lists["rate_word"]),
        report_verbs=frozenset(lists["report_verb"]) | frozenset(lists["court_verb"]),
        court_verbs=frozenset(lists["court_verb"]),
        period_span=frozenset(lists["period_span"]),
        past_adverbs=frozenset(lists["past_adverb"]),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> TimexLexicon:
    """The packaged lexicon, read once per process."""
    where, text = read_data(LEXICON_FILE)
    return parse_lexicon(text, where)
