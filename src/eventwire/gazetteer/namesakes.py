"""Namesakes: a name read as a place far from everything else the article names, when
a place of that name lies in the one region all its other places share.

Local news names its own places: a story whose other places all lie in South Carolina
("Bamberg County", "Charleston") means Denmark, South Carolina by "Denmark", not the
country; one whose places all lie in Ontario means London, Ontario by "London". The
resolver (``resolve.py``) weighs a shared region less than a country's or a big town's
size; this pass, run after it, moves such a name to its namesake in that region when:

- at least two other names of the article, tagged as places and read with some
  confidence, lie below country level, and all of them in one first-level region
  (or are that region; a name of its country aside);
- the name was read outside that region, and no qualifier placed it there ("Paris,
  Texas" stays), and no demonym of the article points to the country it was read in;
- the name has a candidate in that region (a town or a county);
- the name is no first-level region and qualifies no other name ("Culpeper, Virginia"),
  and a country's name is told as a place, after "in", "near", "at" or "outside"
  ("near his home in Denmark", not "they left Egypt").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from eventwire.gazetteer.lookup import GazetteerEntry
from eventwire.gazetteer.priors import Resolution, ToponymMention, admin1_of, prior

__all__ = ["settle_namesakes"]

# The share of belief a moved name keeps: it went against the resolver's best guess.
_MOVED_PROBABILITY = 0.6
_MIN_OTHERS = 2
# Ways of finding a name that make it a place the article names (a name the tagger
# called a person or an organisation, or a doubted one, says nothing of the region).
_PLACE_SOURCES = frozenset({"GPE", "LOC", "FAC", "dateline", "abbreviation", "given"})
_SURE = 0.5
_LOCATED = re.compile(r"\b(?:in|near|at|outside)\s+$")


def settle_namesakes(
    text: str,
    mentions: list[ToponymMention],
    resolutions: dict[str, Resolution],
    demonyms: list[str],
) -> dict[str, Resolution]:
    """``resolutions`` with each stray name moved to its namesake in the region the
    article's other names share (see the module docstring); ``text`` is the one the
    mentions' offsets point into."""
    sources: dict[str, set[str]] = {}
    qualified: set[str] = set()
    for mention in mentions:
        sources.setdefault(mention.key, set()).add(mention.source)
        if mention.qualifier is not None:
            qualified.add(mention.key)
            qualified.add(mention.qualifier.key)  # "Virginia" of "Culpeper, Virginia"
    peoples = set(demonyms) | {
        c.country_code for m in mentions if m.source == "demonym" for c in m.candidates
    }
    names = [k for k in resolutions if sources.get(k, set()) - {"demonym"}]
    sure = [
        k for k in names
        if sources[k] & _PLACE_SOURCES and resolutions[k].probability >= _SURE
    ]  # fmt: skip
    settled = dict(resolutions)
    for key in names:
        if key in qualified:
            continue
        entry = resolutions[key].entry
        if entry.feature_code == "ADM1":
            continue  # a state named is itself evidence of the story's region
        if entry.is_country and not any(m.key == key and _located(text, m) for m in mentions):
            continue  # "they left Egypt": a country not told as a place of something
        region = _shared_region([resolutions[k].entry for k in sure if k != key])
        if region is None or _in_region(entry, region) or entry.country_code in peoples:
            continue
        inside = [
            c for m in mentions if m.key == key for c in m.candidates
            if c.feature_code != "ADM1" and admin1_of(c) == region
        ]  # fmt: skip
        if not inside:
            continue
        best = max(inside, key=prior)
        settled[key] = replace(resolutions[key], entry=best, probability=_MOVED_PROBABILITY)
    return settled


def _located(text: str, mention: ToponymMention) -> bool:
    """Whether a mention follows a preposition that puts something there ("in", "near",
    "at", "outside")."""
    return _LOCATED.search(text[max(0, mention.start - 12) : mention.start]) is not None


def _shared_region(entries: list[GazetteerEntry]) -> tuple[str, str] | None:
    """The first-level region most of ``entries`` below country level lie in (at least
    two, and more than half of them), unless a country of the others is another."""
    below = [admin1_of(e) for e in entries if not e.is_country]
    counts = Counter(r for r in below if r is not None)
    if not counts:
        return None
    region, held = counts.most_common(1)[0]
    if held < _MIN_OTHERS or held * 2 <= len(below):
        return None
    if any(e.is_country and e.country_code != region[0] for e in entries):
        return None
    return region


def _in_region(entry: GazetteerEntry, region: tuple[str, str]) -> bool:
    return admin1_of(entry) == region or (entry.is_country and entry.country_code == region[0])
