"""A US broadcaster's marks: evidence that a local story is set in the United States.

US local news seldom names its own country, and often not its state: "SALISBURY, N.C."
may be only "Salisbury" beside "WSOC reports". US radio and television stations carry
call signs of three or four letters that begin with K or W (assigned by the FCC; Canada's
begin with C, Mexico's with X), and network affiliates sign as "(CBSMiami)" or "(ABC7)".
Such a mark is read, like a demonym of people, as one vote for the United States
(``find_mentions``'s evidence), so that a small town named only once ("Salisbury", a
dateline "GREENACRES") is read in the United States rather than as a former name of
Harare or dropped as unsupported.

Marks read:

- a station in the parenthesis of a dateline, before its dash: "SALISBURY, N.C. (WBTV) —",
  "GREENACRES (CBSMiami) –";
- a call sign with a television suffix or a channel number: "WSOC-TV", "KENS 5";
- a four-letter call sign that reports: "WSOC reports", "told WGAL" is not read;
- the article's address: a host named by a call sign or a network affiliate
  ("wistv.com", "kens5.com", "abc11.com", "boston.cbslocal.com"), also inside an
  archive's address.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

US = "US"

_NETWORKS = r"(?:CBS|NBC|ABC|FOX|Fox)"
_CALL_SIGN = r"[KW][A-Z]{2,3}"
# The parenthesis of a dateline: "(WBTV) —", "(CBSMiami) –", "(ABC7) -".
_DATELINE_STATION = re.compile(
    r"\((?P<station>"
    + _CALL_SIGN
    + r"(?:-?(?:TV|DT|FM|AM))?(?:[ -]?\d{1,2})?|"
    + _NETWORKS
    + r"[A-Za-z]*\d{0,2})\)[ \t]*(?:—|–|--|-)"
)
# A call sign that says it is a broadcaster: "WSOC-TV", "KENS 5", "WSOC reports".
_STATION = re.compile(
    r"(?<![\w-])"
    + _CALL_SIGN
    + r"(?:-(?:TV|DT)\b|[ ]\d{1,2}\b(?![,.]?\d)|(?<=\w{4})[ ]report(?:s|ed)\b)"
)
# Acronyms of the form of a call sign that are no station.
_NOT_STATIONS = frozenset({"WWII", "KFOR", "WHO", "WFP", "WTO", "WWF", "WWE", "KKK", "WMD"})
# Hosts of US stations and network affiliates: "wistv", "kens5", "abc11", "cbslocal".
_HOST = re.compile(r"\A(?:[kw][a-z]{2,3}(?:tv|\d{1,2})?|(?:abc|nbc|cbs|fox)\d{1,2}\w*|cbslocal)\Z")


def broadcast_countries(text: str, url: str | None = None) -> list[str]:
    """``["US"]`` when the text or address carries a US broadcaster's mark, else []."""
    for match in _DATELINE_STATION.finditer(text):
        if not _named_otherwise(match.group("station")):
            return [US]
    for match in _STATION.finditer(text):
        if not _named_otherwise(match.group()):
            return [US]
    if url is not None and _us_station_host(url):
        return [US]
    return []


def station_marks(text: str, url: str | None = None) -> list[str]:
    """The broadcasters' marks of the text and address that :func:`broadcast_countries`
    reads ("WBTV", "KENS 5", "CBSMiami", the host's label "wgal"), in that order."""
    marks = [
        m.group("station")
        for m in _DATELINE_STATION.finditer(text)
        if not _named_otherwise(m.group("station"))
    ]
    marks += [m.group() for m in _STATION.finditer(text) if not _named_otherwise(m.group())]
    if url is not None:
        marks += _station_host_labels(url)
    return marks


def _named_otherwise(station: str) -> bool:
    """Whether a would-be call sign is an acronym of something else ("KFOR", "WHO")."""
    return re.split(r"[ -]", station)[0] in _NOT_STATIONS


def _us_station_host(url: str) -> bool:
    """Whether the article's address (or the address an archive keeps) is a US station's."""
    return bool(_station_host_labels(url))


def _station_host_labels(url: str) -> list[str]:
    """The labels of the article's host (or of the address an archive keeps) that name
    a US station or network affiliate ("wgal" of wgal.com)."""
    host = urlsplit(url.strip()).hostname or ""
    if host.endswith("archive.org"):
        inner = re.search(r"https?://\S+", url.strip()[8:])
        host = "" if inner is None else (urlsplit(inner.group()).hostname or "")
    labels = [label for label in host.lower().split(".") if label != "www"]
    if len(labels) < 2 or labels[-1] != "com":
        return []
    return [label for label in labels[:-1] if _HOST.match(label)]
