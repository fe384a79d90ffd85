"""The home region of an article's source: where a local news site is.

Local news is about its own area, and often never names its state: "Salisbury police
said..." on a North Carolina station's site means Salisbury, N.C. The site's home shows
in what the article carries besides its text:

- the title's suffix, after the headline and a " - " or " | " ("... - WXYZ-TV: Springfield,
  Shelbyville, IL", "... | Eastfield News, Weather & Sports", "... - The Smalltown Herald
  | Smalltown, Ohio"): the first-level regions it names ("IL", "Ohio", "South
  Carolina") and the towns it names, a town counting in a region the suffix names when
  it has a namesake there ("Jacksonville, Texas"), else as its most populous reading when
  that is a large city ("Eastfield");
- the source (publisher) field, read like a title suffix;
- a town as the first label of the URL's host ("springfield.examplelocal.com").

The resolver prefers a namesake in the home region when the text itself says nothing
else (``gazetteer/resolve.py``). The suffix names the site, not where anything happens:
it is never a place of the article (``title_suffix_start``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from eventwire.gazetteer.cues import read_abbreviations
from eventwire.gazetteer.lookup import Gazetteer, GazetteerEntry
from eventwire.gazetteer.resolve import HomeRegion

# A town named without its region counts only when it is at least this large.
_TOWN_POPULATION = 100_000
# The mark between a headline and the site's name: a dash or a bar with spaces around.
_SUFFIX_MARK = re.compile(r"[ \t]+[-–—|][ \t]+|[ \t]+\|(?=\S)|(?<=\S)\|[ \t]+")
# Runs of capitalised words (and upper-case codes) in a suffix: the names it may hold.
_WORD = re.compile(r"[A-Z][A-Za-z'’.]*")
_SEPARATOR = re.compile(r"[,:;|&/()\-–—]| {2,}")
_MAX_WORDS = 4
# Hosts labels that name no place.
_PLAIN_LABELS = frozenset({"www", "m", "mobile", "amp", "news", "web", "edition"})
_ARCHIVE_URL = re.compile(r"https?://(?!web\.archive\.org)[^\s]+")


def title_suffix_start(title: str) -> int | None:
    """Where the site's suffix of a title starts (after its first " - " or " | "), or
    None when the title has none."""
    mark = _SUFFIX_MARK.search(title)
    if mark is None or mark.start() == 0:
        return None
    return mark.end()


def _region_abbreviations() -> dict[str, tuple[str, str]]:
    """Abbreviations of first-level regions ("SC", "Ky.", "Ont.") -> (country, name)."""
    return {
        row.text: (row.country_code, row.name)
        for row in read_abbreviations()
        if row.feature_code == "ADM1" and row.country_code
    }


def _is_local(entry: GazetteerEntry) -> bool:
    return bool(entry.country_code and entry.admin1) and (
        entry.feature_code.startswith("PPL") or entry.feature_code == "ADM2"
    )


def _read_names(
    text: str, gazetteer: Gazetteer
) -> tuple[set[tuple[str, str]], list[list[GazetteerEntry]]]:
    """The first-level regions a suffix names ("SC", "South Carolina"), and the towns
    and counties each of its other names may be, longest names first ("Washington
    County" before "Washington"). A name that is both a region and a larger town
    ("Charlotte") is a town."""
    abbreviations = _region_abbreviations()
    regions: set[tuple[str, str]] = set()
    towns: list[list[GazetteerEntry]] = []
    for piece in _SEPARATOR.split(text):
        words = _WORD.findall(piece)
        used = [False] * len(words)
        for size in range(min(_MAX_WORDS, len(words)), 0, -1):
            for first in range(len(words) - size + 1):
                if any(used[first : first + size]):
                    continue
                phrase = " ".join(words[first : first + size])
                region = abbreviations.get(phrase) if size == 1 else None
                local: list[GazetteerEntry] = []
                if region is None:
                    found = gazetteer.candidates(phrase.rstrip("."), alternate_names=False)
                    local = [e for e in found if _is_local(e)]
                    largest = max((e.population for e in local), default=0)
                    region = next(
                        (
                            (e.country_code, e.name)
                            for e in found
                            if e.feature_code == "ADM1" and e.country_code
                            and e.population >= largest
                        ),
                        None,
                    )  # fmt: skip
                if region is not None:
                    regions.add(region)
                elif local:
                    towns.append(local)
                else:
                    continue
                used[first : first + size] = [True] * size
    return regions, towns


def read_site_names(text: str, gazetteer: Gazetteer) -> set[tuple[str, str]]:
    """The first-level regions a site's name or suffix points to: those it names, and
    those of the large towns it names outside them."""
    regions, towns = _read_names(text, gazetteer)
    found = set(regions)
    for candidates in towns:
        if any((t.country_code, t.admin1) in regions for t in candidates):
            continue  # its region is named already
        best = max(candidates, key=lambda t: t.population)
        if best.feature_code.startswith("PPL") and best.population >= _TOWN_POPULATION:
            found.add((best.country_code or "", best.admin1 or ""))
    return found


def _host(url: str) -> str | None:
    inner = _ARCHIVE_URL.findall(url)
    target = inner[-1] if inner else url
    try:
        host = urlsplit(target if "//" in target else f"//{target}").hostname
    except ValueError:
        return None
    return host


def _host_regions(url: str, gazetteer: Gazetteer) -> set[tuple[str, str]]:
    """A large town as the first label of the host ("springfield.examplelocal.com")."""
    host = _host(url)
    if host is None:
        return set()
    labels = host.split(".")
    if len(labels) < 3 or labels[0] in _PLAIN_LABELS:
        return set()
    towns = [
        e
        for e in gazetteer.candidates(labels[0], alternate_names=False)
        if e.feature_code.startswith("PPL") and _is_local(e)
    ]
    if towns and towns[0].population >= _TOWN_POPULATION:
        return {(towns[0].country_code or "", towns[0].admin1 or "")}
    return set()


def home_region(
    title: str | None, source: str | None, url: str | None, gazetteer: Gazetteer
) -> HomeRegion | None:
    """The home region of an article's source, from its title's suffix, its source
    field and its URL; None when they name none."""
    found: set[tuple[str, str]] = set()
    if title:
        start = title_suffix_start(title)
        if start is not None:
            found |= read_site_names(title[start:], gazetteer)
    if source:
        found |= read_site_names(source, gazetteer)
    if url:
        found |= _host_regions(url, gazetteer)
    found = {region for region in found if region[0] and region[1]}
    if not found:
        return None
    return HomeRegion(frozenset(found), frozenset(code for code, _ in found))
