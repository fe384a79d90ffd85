"""Clean stage: find the title, captions, credits and body of one article.

Scraped articles open with a header block, often copied twice: the title, photo
captions ending with a credit ("... Saturday, June 29, 2024. (AP Photo/Jane Doe)"),
stray logo text ("TT"), then the body. This stage labels every meaningful stretch of
``Document.text`` with a ``Zone`` (``doc.spans``) and builds the ``Article`` a reader
would see (``doc.article``). It never changes the text: later stages parse the title,
caption and body zones and blank out the rest. Whitespace between spans has no zone.

The lines are read in order (the line tests live in ``stages/segment.py``):

1. **Title.** The first line, when it equals the title the source gave, or is
   title-like (short, no terminal period) and is followed by a blank line or repeated
   among the next lines. Otherwise the article has no title line. ``Article.title`` is
   the source's title when it gives one, else the title line.
2. **Header.** Until the first real paragraph, a line is
   - noise when it repeats the title or a caption already seen (exactly or after
     stripping), or is a stray line (1-3 characters, or ``data/boilerplate.txt``);
   - a caption when it ends with a parenthesised credit, or is repeated among the
     next lines. The credit is its own ``CREDIT`` span; a line holding only a credit
     is a credit of the caption above it.
   The first other line is the first real paragraph and starts the body.
3. **Body.** Every line to the end is body, except stray lines and repeats of the
   title or a caption (noise), credit-only lines, and captions with a *photo* credit
   ("(AP Photo/...)"; a bare "(AFP)" ending a paragraph is the agency's tag, not a
   caption). Consecutive body lines form a paragraph; ``Article.body`` joins the
   paragraphs, verbatim, with blank lines.

The publication date comes from the source's metadata; failing that, from the day the
article's web address files it under ("/2016/12/14/", ``DateOrigin.URL``); failing
that, from the latest
full date printed in a caption (a lower bound: the photo was taken on or before
publication); failing that, it is guessed (``DateOrigin.TEXT``) as the newest full date
in the body (an article is not written before the newest day it names: the first date
of an article can be 1863's). Dates whose written weekday contradicts them are
distrusted and skipped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date

from eventwire.articles.layout import (
    CreditKind,
    Line,
    find_credit,
    is_stray,
    is_title_like,
    repeats_within,
    split_lines,
)
from eventwire.articles.url_dates import date_in_url
from eventwire.model import Article, DateOrigin, Document, RawDocument, Span, Zone
from eventwire.stages.registry import stage
from eventwire.timex.calendar import find_calendar_dates

log = logging.getLogger(__name__)

_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Layout:
    """What the line analysis found in one article text."""

    spans: list[Span] = field(default_factory=list)
    title: str | None = None  # the title line as written, stripped
    captions: list[str] = field(default_factory=list)  # each once, credit removed
    credits: list[str] = field(default_factory=list)  # each once, without parentheses
    paragraphs: list[str] = field(default_factory=list)  # body paragraphs, verbatim


class _Reader:
    """Walks the lines of one article text and fills a ``Layout``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.layout = Layout()
        self.known: set[str] = set()  # keys of the title and captions: repeats are noise
        self.paragraph: list[Line] = []  # body lines of the paragraph being read

    # -- recording -------------------------------------------------------------------

    def add_span(self, start: int, end: int, zone: Zone) -> None:
        if start < end:
            self.layout.spans.append(Span(start, end, zone))

    def end_paragraph(self) -> None:
        if self.paragraph:
            first, last = self.paragraph[0], self.paragraph[-1]
            self.add_span(first.start, last.end, Zone.BODY)
            self.layout.paragraphs.append(self.text[first.start : last.end])
            self.paragraph = []

    def title(self, line: Line) -> None:
        self.layout.title = line.text
        self.known.add(_key(line.text))
        self.add_span(line.start, line.end, Zone.TITLE)

    def noise(self, line: Line) -> None:
        self.end_paragraph()
        self.add_span(line.start, line.end, Zone.NOISE)

    def caption(self, line: Line) -> None:
        """Record a caption line, with its credit when it ends with one."""
        self.end_paragraph()
        credit = find_credit(line.text)
        caption_text = line.text if credit is None else line.text[: credit.start].rstrip()
        if credit is not None:
            self.add_credit(credit.text, line.start + credit.start, line.start + credit.end)
        if caption_text:
            self.add_span(line.start, line.start + len(caption_text), Zone.CAPTION)
            _add_once(self.layout.captions, caption_text)
            self.known.add(_key(caption_text))
        self.known.add(_key(line.text))

    def add_credit(self, text: str, start: int, end: int) -> None:
        self.add_span(start, end, Zone.CREDIT)
        _add_once(self.layout.credits, text)

    # -- tests -----------------------------------------------------------------------

    def is_repeat(self, line: Line) -> bool:
        """True when the line repeats the title or a caption, with or without credit."""
        if _key(line.text) in self.known:
            return True
        credit = find_credit(line.text)
        return credit is not None and _key(line.text[: credit.start]) in self.known


def _key(text: str) -> str:
    """A line's identity for repeat tests: whitespace runs count as one space."""
    return _SPACES.sub(" ", text).strip()


def _add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _is_caption(line: Line, *, in_header: bool, repeated: bool) -> bool:
    """Whether a line that is neither title nor noise is a caption (or a lone credit).

    In the header, a credit of any kind or a repeat further down makes a caption; in
    the body only a photo credit does, or a line that holds nothing but a credit.
    """
    credit = find_credit(line.text)
    if in_header:
        return credit is not None or repeated
    return credit is not None and (credit.kind is CreditKind.PHOTO or credit.start == 0)


def _title_position(lines: list[Line], content: list[int], known_title: str | None) -> int | None:
    """Index in ``lines`` of the title line, or None. ``content`` lists the indices of
    the non-blank lines."""
    if not content:
        return None
    first = content[0]
    text = lines[first].text
    if known_title is not None and _key(text) == _key(known_title):
        return first
    if len(content) < 2 or not is_title_like(text):
        return None
    followed_by_blank = lines[first + 1].blank
    texts = [_key(lines[i].text) for i in content]
    return first if followed_by_blank or repeats_within(texts, 0) else None


def analyze_layout(text: str, known_title: str | None = None) -> Layout:
    """Label the lines of one article ``text`` (see the module docstring).

    ``known_title`` is the title given by the source, if any: a first line equal to it
    is the title line even when it does not look like one.
    """
    lines = split_lines(text)
    content = [i for i, line in enumerate(lines) if not line.blank]
    texts = [_key(lines[i].text) for i in content]
    title_at = _title_position(lines, content, known_title)
    reader = _Reader(text)
    in_header = True
    for n, i in enumerate(content):
        line = lines[i]
        if i > 0 and lines[i - 1].blank:
            reader.end_paragraph()
        if i == title_at:
            reader.title(line)
        elif reader.is_repeat(line) or is_stray(line.text):
            reader.noise(line)
        elif _is_caption(line, in_header=in_header, repeated=repeats_within(texts, n)):
            reader.caption(line)
        else:
            in_header = False
            reader.paragraph.append(line)
    reader.end_paragraph()
    reader.layout.spans.sort(key=lambda span: span.start)
    return reader.layout


def _trusted_dates(text: str) -> list[date]:
    """Full calendar dates in ``text``, without those whose written weekday contradicts
    them (a typo makes the whole date doubtful)."""
    return [found.date for found in find_calendar_dates(text) if found.weekday_agrees is not False]


def publication_date(
    raw: RawDocument | None, captions: list[str], body: str
) -> tuple[date | None, DateOrigin | None]:
    """The article's publication date and where it came from.

    Metadata wins; then the day the article's web address files it under
    (``articles.url_dates``); then the latest full date in the captions (the photos were taken on
    or before publication, so this is a lower bound); then, as a guess (origin
    ``TEXT``), the newest full date in the body, since an article is written no earlier
    than the newest day it names; else ``(None, None)``.
    """
    if raw is not None and raw.published is not None:
        return raw.published, DateOrigin.METADATA
    filed = date_in_url(raw.url) if raw is not None else None
    if filed is not None:
        return filed, DateOrigin.URL
    caption_dates = [found for caption in captions for found in _trusted_dates(caption)]
    if caption_dates:
        return max(caption_dates), DateOrigin.CAPTION
    body_dates = _trusted_dates(body)
    if body_dates:
        # a guess: the article was written no earlier than the newest day it names
        return max(body_dates), DateOrigin.TEXT
    return None, None


@stage("clean", requires=("doc.text",), assigns=("doc.article", "doc.spans"))
def clean(doc: Document) -> Document:
    """Fill ``doc.spans`` and ``doc.article`` from ``doc.text`` and ``doc.raw``."""
    raw = doc.raw
    known_title = (raw.title.strip() or None) if raw is not None and raw.title else None
    layout = analyze_layout(doc.text, known_title)
    body = "\n\n".join(layout.paragraphs)
    published, published_origin = publication_date(raw, layout.captions, body)
    doc.spans = layout.spans
    doc.article = Article(
        title=known_title or layout.title,
        body=body,
        captions=layout.captions,
        credits=layout.credits,
        source=raw.source if raw is not None else None,
        url=raw.url if raw is not None else None,
        author=raw.author if raw is not None else None,
        published=published,
        published_origin=published_origin,
    )
    log.debug(
        "%s: title %r, %d caption(s), %d paragraph(s)",
        doc.origin,
        doc.article.title,
        len(layout.captions),
        len(layout.paragraphs),
    )
    return doc
