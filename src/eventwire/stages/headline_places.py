"""The places a headline names, for a report whose text does not begin with it: they
place the events the text leaves unplaced ("Teen killed in St. Paul shooting" over a
body that names no place). Used by ``stages/places.py``. (Giving the headline's town
before an earlier place of the text, "5-year-old shot in St. Cloud", was tried and
taken out: it lowered the GVC set-aside place figure.)
"""

from __future__ import annotations

import re

from eventwire.gazetteer import Gazetteer
from eventwire.gazetteer.mentions import find_mentions
from eventwire.gazetteer.resolve import ToponymMention, resolve
from eventwire.model import Document, Place, Span, Zone

__all__ = ["sentence_case", "title_places"]


def sentence_case(title: str, gazetteer: Gazetteer) -> str:
    """A headline in title case ("Teen Killed in Dayton Shooting") with its words that
    are part of no place's name lowered, so that the tagger finds the places ("St.
    Paul"); other headlines as they are. Offsets do not change."""
    words = list(re.finditer(r"[A-Za-z][\w'.-]*", title))
    long = [w.group(0) for w in words if len(w.group(0)) >= 4]
    if len(long) < 3 or any(w[0].islower() for w in long):
        return title
    keep: set[int] = {0}
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if any(not w.group(0)[0].isupper() for w in run):
                continue
            if gazetteer.candidates(title[run[0].start() : run[-1].end()].rstrip(".")):
                keep.update(range(i, i + size))
    chars = list(title)
    for i, word in enumerate(words):
        text = word.group(0)
        if i in keep or text.isupper() or text.endswith("."):
            continue
        chars[word.start() : word.end()] = text.lower()
    return "".join(chars)


def title_places(
    doc: Document, gazetteer: Gazetteer, mentions: list[ToponymMention], evidence: list[str]
) -> tuple[Document | None, list[Place]]:
    """The headline, parsed apart (when the text does not begin with it), and the places
    it names, resolved with the article's names as context: a short report whose body
    names no place ("Teen killed in St. Paul shooting"; "... - WMC Action News 5 -
    Memphis, Tennessee")."""
    from eventwire.stages.parse import parse

    title = doc.article.title if doc.article is not None else None
    if not title or not title.strip() or doc.text.lstrip().startswith(title.strip()):
        return None, []
    title = sentence_case(title, gazetteer)
    heading = parse(Document(text=title, origin=doc.origin, spans=[Span(0, len(title), Zone.BODY)]))
    if heading.spacy_doc is None:
        return None, []
    found = [
        m
        for m in find_mentions(heading, gazetteer)[0]
        if m.source != "demonym" and not _quoted(title, m.start)
    ]
    if not found:
        return None, []
    resolutions = resolve([*mentions, *found], evidence)
    from eventwire.stages.places import to_places

    return heading, to_places(heading, found, resolutions)


def _quoted(title: str, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation of the headline ("shouting 'Don't
    forget Aleppo!'"): what someone said names no place of the story's events."""
    before = title[:offset]
    if before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1:
        return True
    # single quotes, not apostrophes between letters ("Don't")
    marks = [
        m.group(0) for m in re.finditer(r"(?<![A-Za-z])['\u2018]|['\u2019](?![A-Za-z])", before)
    ]
    opened = 0
    for mark in marks:
        opened = (
            opened + 1
            if mark in ("\u2018",) or (mark == "'" and opened == 0)
            else max(0, opened - 1)
        )
    return opened > 0
