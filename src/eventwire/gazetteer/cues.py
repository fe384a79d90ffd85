"""Place names that news writing marks in plain text, outside what a tagger finds.

- Region abbreviations (``data/region_abbreviations.tsv``): "Glasgow, Ky.", "Barrie,
  Ont.", "NEWARK, N.J. (AP)", "the B.C. government".
- Datelines: an upper-case place name opening a paragraph, followed by a comma, a dash
  or a parenthesis ("TORRINGTON — Mayor ...", "CLAY COUNTY, Ky. (WKAB) -").
- Generic words around a name: "Sichuan province", "the Karak district", "the city of
  Tabriz"; and a direction before it: "Western Canada", "Far North Queensland".
- The kind of place a generic word beside a known name asks for ("the city of Turkey":
  a town; "Washington state": a state), and names made of direction words alone ("South
  East", "Eastern"), which are regions only of a country the article names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.datafiles import read_data, table_rows
from eventwire.errors import ResourceError
from eventwire.gazetteer.lookup import Gazetteer, GazetteerEntry
from eventwire.gazetteer.names import name_key
from eventwire.gazetteer.resolve import ToponymMention, group_candidates, is_strong

ABBREVIATIONS_FILE = "region_abbreviations.tsv"
ABBREVIATION_COLUMNS = ("abbreviation", "name", "country", "feature_code", "position", "comment")
_POSITIONS = frozenset({"anywhere", "after_place"})
# A capitalised word and a comma just before an abbreviation ("Paris, " of "Paris, Mo.").
_AFTER_PLACE = re.compile(r"[A-Z][\w.'’-]*,[ \t]*\Z")
_AFTER_NUMBER = re.compile(r"\d[ \t]*\Z")  # "500 B.C." is a year
_DATELINE = re.compile(
    r"(?<![\w,;:'’-])(?P<name>[A-Z][A-Z'’.-]*(?:[ \t][A-Z][A-Z'’.-]*){0,3})"
    r"[ \t]*(?P<mark>,|—|–|--|-[ \t]|\()"
)
# What may stand before a dateline on its line: nothing, or the end of a sentence (a
# headline run into the text: "Mason charged with sex assault. BANTAM — A ...").
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\Z")
# Words that open a paragraph in capitals without being a dateline.
_NOT_DATELINES = frozenset(
    {"UPDATE", "UPDATED", "BREAKING", "WATCH", "VIDEO", "PHOTOS", "EXCLUSIVE", "ANALYSIS",
     "OPINION", "EDITORIAL", "NOTE", "CORRECTION", "READ", "MORE", "LIVE", "NEW", "AP", "UPI",
     "CNN", "BBC", "AFP"}
)  # fmt: skip
# Head words that say what kind of place a name is ("Sichuan province").
GENERIC_AFTER = frozenset(
    {"province", "state", "region", "district", "governorate", "prefecture", "oblast",
     "municipality", "department", "territory", "city", "town", "village", "county",
     "area"}
)  # fmt: skip
GENERIC_BEFORE = ("city of ", "town of ", "village of ", "province of ", "state of ",
                  "region of ", "district of ", "county of ", "municipality of ")  # fmt: skip
# Directions that narrow a place without changing which place it is.
DIRECTIONS = ("far north ", "far south ", "far east ", "far west ", "north ", "south ",
              "east ", "west ", "northern ", "southern ", "eastern ", "western ",
              "central ", "northeastern ", "northwestern ", "southeastern ",
              "southwestern ", "north-east ", "north-west ", "south-east ", "south-west ",
              "upper ", "lower ", "greater ")  # fmt: skip


# Generic words next to a name that say which kind of place it is: "the city of Turkey"
# (a town, not the country), "Washington state" (the state, not the capital), "the
# province of Quebec". Before the name in any case; after it in lower case only ("New
# York State Police" is an organisation).
_KIND_BEFORE = re.compile(
    r"\b(?P<word>city|town|village|state|province|county)[ \t]+of[ \t]+\Z", re.IGNORECASE
)
_KIND_AFTER = re.compile(r"\A[ \t]+(?P<word>state|province|county)\b(?![ \t]+[A-Z])")
_KIND_FEATURES = {
    "city": ("PPL",), "town": ("PPL",), "village": ("PPL",), "state": ("ADM1",),
    "province": ("ADM1",), "county": ("ADM2",),
}  # fmt: skip
# Words that only place something within a larger whole ("South", "Eastern", "Centre"):
# a name made of them alone is a region of some country only where the article is
# about that country.
_DIRECTION_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "centre", "center", "northeast", "northwest", "southeast", "southwest",
     "northeastern", "northwestern", "southeastern", "southwestern", "mid", "middle",
     "upper", "lower", "far"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RegionAbbreviation:
    """One row of ``region_abbreviations.tsv``."""

    text: str  # as written: "Ky.", "B.C.", "NSW"
    name: str  # the gazetteer entry's name: "Kentucky"
    country_code: str
    feature_code: str
    anywhere: bool  # False: only right after "Town, "


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A span of the text that names a place, and what names it."""

    start: int
    end: int
    abbreviations: tuple[RegionAbbreviation, ...] = ()  # empty for a dateline


def read_abbreviations(path: Path | None = None) -> list[RegionAbbreviation]:
    """The rows of the abbreviations table (the packaged one unless ``path`` is given)."""
    where, text = read_data(ABBREVIATIONS_FILE, path)
    rows: list[RegionAbbreviation] = []
    for number, cells in table_rows(text, where, ABBREVIATION_COLUMNS, optional=1):
        if not all(cells[:5]):
            raise ResourceError(
                f"{where}:{number}: expected abbreviation, name, country, feature_code "
                "and position, tab-separated"
            )
        if cells[4] not in _POSITIONS:
            raise ResourceError(
                f"{where}:{number}: position must be 'anywhere' or 'after_place', not {cells[4]!r}"
            )
        rows.append(
            RegionAbbreviation(
                text=cells[0],
                name=cells[1],
                country_code=cells[2].upper(),
                feature_code=cells[3].upper(),
                anywhere=cells[4] == "anywhere",
            )
        )
    return rows


@lru_cache(maxsize=1)
def _abbreviation_index() -> tuple[re.Pattern[str], dict[str, tuple[RegionAbbreviation, ...]]]:
    by_text: dict[str, list[RegionAbbreviation]] = {}
    for row in read_abbreviations():
        by_text.setdefault(row.text, []).append(row)
    forms = sorted(by_text, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    return pattern, {text: tuple(rows) for text, rows in by_text.items()}


def find_abbreviations(text: str) -> list[CueMatch]:
    """The region abbreviations of ``text`` that stand where a place name may."""
    pattern, by_text = _abbreviation_index()
    found: list[CueMatch] = []
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        after_place = _AFTER_PLACE.search(before) is not None
        rows = tuple(
            r
            for r in by_text[match.group()]
            if after_place or (r.anywhere and not _AFTER_NUMBER.search(before))
        )
        if rows:
            found.append(CueMatch(match.start(), match.end(), rows))
    return found


def find_datelines(text: str) -> list[CueMatch]:
    """Upper-case place names opening a paragraph ("GLASGOW, Ky. (WBKO) -")."""
    found: list[CueMatch] = []
    for match in _DATELINE.finditer(text):
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].rstrip()
        if before and not (match.group("mark") != "," and _SENTENCE_END.search(before)):
            continue
        name = match.group("name").rstrip(".")
        letters = name.replace(" ", "").replace(".", "")
        if len(letters) < 3 or name in _NOT_DATELINES:
            continue
        start = match.start("name")
        found.append(CueMatch(start, start + len(name)))
    return found


def cue_mentions(text: str, gazetteer: Gazetteer) -> list[ToponymMention]:
    """The abbreviation and dateline mentions of ``text``, in text order. A dateline
    that names no prominent place is weak (kept when the article supports it)."""
    found: list[ToponymMention] = []
    for match in find_abbreviations(text):
        candidates = tuple(
            entry
            for row in match.abbreviations
            for entry in gazetteer.candidates(row.name, alternate_names=False)
            if entry.country_code == row.country_code and entry.feature_code == row.feature_code
        )
        if candidates:
            key = "abbreviation:" + text[match.start : match.end]
            found.append(ToponymMention(match.start, match.end, key, "abbreviation", candidates))
    taken = [(m.start, m.end) for m in found]
    for match in find_datelines(text):
        if any(s < match.end and match.start < e for s, e in taken):
            continue
        name = text[match.start : match.end]
        candidates = tuple(gazetteer.candidates(name))
        if candidates:
            weak = not any(is_strong(c) for c in candidates)
            found.append(
                ToponymMention(
                    match.start, match.end, name_key(name), "dateline", candidates, weak=weak
                )
            )
    found.sort(key=lambda m: m.start)
    return found


def strip_generic(text: str) -> tuple[int, int] | None:
    """The (start, end) of the name inside "Sichuan province" or "city of Tabriz", or
    None when ``text`` has no generic word around it."""
    lowered = text.lower()
    for prefix in GENERIC_BEFORE:
        if lowered.startswith(prefix) and len(text) > len(prefix):
            return len(prefix), len(text)
    head, _, last = lowered.rpartition(" ")
    if head and last in GENERIC_AFTER:
        return 0, len(head)
    return None


def strip_direction(text: str) -> tuple[int, int] | None:
    """The (start, end) of the place inside "Western Canada", "Far North Queensland" or
    "the Greater Toronto Area", or None when ``text`` does not open with a direction."""
    lowered = text.lower()
    for prefix in DIRECTIONS:
        if lowered.startswith(prefix) and len(text) > len(prefix):
            inner = strip_generic(text[len(prefix) :])
            if inner is not None:
                return len(prefix) + inner[0], len(prefix) + inner[1]
            return len(prefix), len(text)
    return None


def kind_cue(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """The feature-code prefixes that a generic word next to the name at
    ``text[start:end]`` asks for ("the city of Turkey": towns; "Washington state":
    first-level regions), or None when no such word stands there."""
    before = _KIND_BEFORE.search(text, max(0, start - 20), start)
    if before is not None:
        return _KIND_FEATURES[before.group("word").lower()]
    after = _KIND_AFTER.match(text[end : end + 20])
    if after is not None:
        return _KIND_FEATURES[after.group("word")]
    return None


def is_direction_only(key: str) -> bool:
    """True for a name key made only of direction words ("south east", "eastern")."""
    words = key.split()
    return bool(words) and all(word in _DIRECTION_WORDS for word in words)


def apply_kind_cues(text: str, mentions: list[ToponymMention]) -> None:
    """Narrow every mention of a name to the kind of place a generic word beside one of
    them asks for ("the city of Turkey", "Washington state"), when the name has such
    candidates: one sense per discourse."""
    narrowed: dict[str, tuple[GazetteerEntry, ...]] = {}
    for mention in mentions:
        kinds = kind_cue(text, mention.start, mention.end)
        if kinds is None or mention.key in narrowed:
            continue
        group = group_candidates([m for m in mentions if m.key == mention.key])
        fitting = tuple(c for c in group if c.feature_code.startswith(kinds))
        if any(not c.alternate for c in fitting):  # not a nickname's town alone
            narrowed[mention.key] = fitting
    for mention in mentions:
        mention.candidates = narrowed.get(mention.key, mention.candidates)


def situate_directions(mentions: list[ToponymMention], evidence: list[str]) -> list[ToponymMention]:
    """The mentions, with those named by direction words alone ("South East",
    "Eastern", "Centre") kept only as regions of a country the article names, and
    narrowed to those."""
    named = set(evidence) | {
        c.country_code
        for m in mentions
        if not is_direction_only(m.key)
        for c in m.candidates
        if c.is_country and c.country_code
    }
    kept: list[ToponymMention] = []
    for mention in mentions:
        if is_direction_only(mention.key):
            inside = tuple(c for c in mention.candidates if c.country_code in named)
            if not inside:
                continue
            mention.candidates = inside
        kept.append(mention)
    return kept
