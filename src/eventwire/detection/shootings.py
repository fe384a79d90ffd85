"""Training sentences from the Gun Violence Corpus articles (``gvc_casualties_train``):
local news of one shooting each, so the detector learns that an ordinary shooting with
no political actor is an event (ASSAULT) and not an accident.

From each article, what tells the shooting as news:

* its title, cut at the first `` - `` or `` | `` after which the page names its site
  ("Boy shot in park - Channel 5 News"), when the title names a shooting or its toll
  (``_REPORTS``);
* the first sentence of its body that names a shooting (``_SHOOTING``): not a caption
  (a paragraph that ends on its credit in brackets, "... (Photo: File)"), not the page's
  furniture ("Follow us", "turn on Javascript", "Published: 6/28"), not the title
  run into the first paragraph, with a leading capitalised dateline ("AKRON, Ohio -")
  taken off.

A sentence that calls the shooting an accident ("accidentally shot himself", "a hunting
accident", "a self-inflicted wound") is not taken: an accident is not an attack, and the
detector's only negatives are disasters, accidents among them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_SHOOTING = re.compile(
    r"\b(?:shot|shots|shoot\w*|gunfire|gunshots?|gunm[ae]n|bullets?|opened fire|fired)\b",
    re.I,
)
_TOLL = re.compile(
    r"\b(?:killed|kills?|dead|dies|died|death|slain|wounded|injured|murder\w*|homicide)\b",
    re.I,
)
_ACCIDENT = re.compile(r"\b(?:accident\w*|self-inflicted|unintentional\w*|hunting)\b", re.I)
_SITE_CUT = re.compile(r"\s+[-|–—]\s+")
_CAPTION_END = re.compile(r"\([^()]{2,80}\)\s*$")
_FURNITURE = re.compile(
    r"\b(?:photo|image|credit|javascript|follow|subscribe|published|updated|copyright|"
    r"click|video|embed)\b",
    re.I,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z.' ]{2,}(?:,[^–—\-\n]{1,40}?)?(?:\s*\([^()]{1,40}\))?\s*[-–—]+\s*"
)
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘])")
_WORDS = (6, 60)


def title_of(record: dict[str, Any]) -> str | None:
    """The article's headline without its site's name, when it reports the shooting."""
    title = str(record.get("title") or "").strip()
    if not title:
        return None
    headline = _SITE_CUT.split(title, maxsplit=1)[0].strip()
    if len(headline.split()) < 3:
        return None
    if not (_SHOOTING.search(headline) or _TOLL.search(headline)):
        return None
    return None if _ACCIDENT.search(headline) else headline


def _sentences(text: str, title: str) -> Iterator[str]:
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph or _CAPTION_END.search(paragraph):
            continue
        if title and title.lower() in paragraph.lower():
            continue
        for sentence in _SENTENCE.split(paragraph):
            yield _DATELINE.sub("", sentence.strip(), count=1)


def first_report(record: dict[str, Any]) -> str | None:
    """The first body sentence that names the shooting (none: no such sentence, or it
    calls the shooting an accident)."""
    title = str(record.get("title") or "").strip()
    for sentence in _sentences(str(record.get("text") or ""), title):
        words = len(sentence.split())
        if not _WORDS[0] <= words <= _WORDS[1] or _FURNITURE.search(sentence):
            continue
        if _SHOOTING.search(sentence):
            return None if _ACCIDENT.search(sentence) else sentence
    return None


def shooting_reports(record: dict[str, Any]) -> list[str]:
    """The article's title and its first report of the shooting, those it has. (First
    reports alone, without the titles: "A man was shot dead near the market." P(event)
    0.51 instead of 0.58, the same figures otherwise.)"""
    return [text for text in (title_of(record), first_report(record)) if text is not None]
